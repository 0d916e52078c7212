"""Golden cases for the group advanced_indexing (see generate.py for the format).

generate.py imports this module and calls generate(); the helpers (A, S,
Group, attempt, ...) come from generate.py itself.

The functions (their Go side is in arrays/golden_funcs_indexing_test.go):
- Index, SetIndex: an index in the string form, kwargs {"index": "[0, 2], 1:"}
  (the Go functions of the group indexing; list literals are int or bool
  index arrays).
- IndexArrays(x, i0, i1, ...), SetIndexArrays(x, value, i0, i1, ...): the
  index is kwargs["index"] with each "@" standing for the next array argument
  (an integer array or a bool mask, possibly a strided view), so "@, 1:, @"
  is x[i0, 1:, i1].
- Take(x, indices) with kwargs axis and mode; TakeAlongAxis(x, indices) with
  kwargs axis; Put(x, indices, values) with kwargs mode (the result is x
  after the put); Compress(condition, x) with kwargs axis; Extract(condition,
  x).

Expected values are NumPy's, except (documented):
- Take and Put read uint64 indices as the numbers they are (see
  unsigned_indices; NumPy's refuse them, while indexing with them casts to
  intp and so wraps, as ours does).
- An index out of bounds is an error even where the result has no elements.
  NumPy 1.24 lets some of these pass (x[[5], []]) and deprecates others
  (np.zeros((0, 3))[:, [5]], with a DeprecationWarning that says the error
  will come); our indexing raises the IndexError always. attempt_strict reads
  NumPy's DeprecationWarning as the error; the other cases say so
  explicitly (out=None).
"""

import re
import warnings

from generate import *  # noqa: F401,F403  A, S, Group, attempt, np, nan, inf, ...


def attempt_strict(fn):
    """attempt(fn), with NumPy's deprecation of an ignored out-of-bounds
    index read as the error it is to become."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        try:
            return attempt(fn)
        except DeprecationWarning:
            return None


def index_expr(template, n):
    """The Python index expression of a template with "@" for arrays i0, i1, ..."""
    k = [0]

    def sub(_m):
        s = "i%d" % k[0]
        k[0] += 1
        return s
    expr = re.sub("@", sub, template)
    assert k[0] == n, (template, n)
    return expr


def scalar_value(value, dt):
    """A weak Go number assigned into an array of dtype dt, as NumPy values."""
    vd = weak(dt, value.kind)
    v = to_dtype(value, vd)
    if dt.kind != "c" and vd.kind == "c":
        v = v.real
    return v


def generate():
    g = Group("advanced_indexing")
    gen_string_index(g)
    gen_array_index(g)
    gen_dtypes(g)
    gen_large(g)
    gen_setindex(g)
    gen_take(g)
    gen_take_along_axis(g)
    gen_put(g)
    gen_compress_extract(g)
    return g


def add_index(g, name, x, idx):
    def f():
        try:
            return np.array(eval("v[" + idx + "]", {"v": x.np}))
        except (NameError, SyntaxError):
            return None  # not an index (ours is an IndexError too)
    g.add(name, "Index", [x], attempt_strict(f), kwargs={"index": idx})


def add_index_arrays(g, name, x, template, arrays):
    expr = index_expr(template, len(arrays))

    def f():
        env = {"v": x.np}
        for i, a in enumerate(arrays):
            env["i%d" % i] = a.np
        return np.array(eval("v[" + expr + "]", env))
    g.add(name, "IndexArrays", [x] + arrays, attempt_strict(f), kwargs={"index": template})


# ---------------------------------------------------------------- the string form

def gen_string_index(g):
    x1 = A(np.arange(10) * 1.5, "float64")
    x2 = A(np.arange(20).reshape(4, 5), "int32")
    x3 = A(np.arange(60).reshape(3, 4, 5), "int16")
    x0 = A(4.5, "float32")
    m10 = "[" + ", ".join(["True", "False", "False", "True", "True", "False", "True", "False", "False", "True"]) + "]"
    index = {
        "1d": (x1, ["[0, 2, 1]", "[-1, -10]", "[[0, 1], [2, 3]]", "[]", "[[]]", "[0, 0, 0]", "[9]",
                    "[10]", "[-11]", "[True, False, True]", m10, "[False] * 10",
                    "True", "False", "..., [1, 2]", "None, [1, 2]", "[1, 2], None", "[[[5]]]", "[1, 2], ...",
                    "[ 1 ,2, ]", "[True, 1]", "[[0, 1], [2]]", "[1, [2]]", "[a]", "[1.5]", "[0, 1", "0]",
                    "[0, 1], [0]", "1, [0]", "[0], 1:"]),
        "2d": (x2, ["[0, 2], 1:", "1:, [0, 2]", "[0, 2], [1, 3]", "[[0], [2]], [1, 3]", "[0, 2], ::-1",
                    ":, [4, 0]", "[0, 1, 2], [0, 1]", "[3, 0], 2", "2, [3, 0]", "[True, False, True, False]",
                    "[True, False, True, False], 1:3", ":, [True, False, True, False, True]",
                    "[True, False, True, False], [0, 2]", "[True, False, True, False], [4]",
                    "[True, False, True, False], [0, 1, 2]",
                    "[[True, False, True, False, True], [False] * 5, [True] * 5, [False, True, False, True, False]]",
                    "..., [0, -1]", "[0, -1], ...", "None, [0, 1], :", "[0, 1], None, [1, 2]",
                    "True, [0, 1]", "[0, 1], True", "False, [0, 1]", "[1], [2]", "1, [2]", "[[1, 2], [3, 0]]",
                    "[], :", ":, []", "[], []", "[5]", ":, [-6]", "[[True, False]]", "[True, False, True]",
                    "[0, 1], [0, 1], [0, 1]", "..., [1, 2], ::2", "[1, 2], ..., ::2", "::-1, [0, 0, 4]",
                    "[[0, 1], [1, 0]], [[2], [3]]", "True", "False", "True, True", "[3, -4], [-1, 4]",
                    ":, True, [1, 2]", "[1, 2], :, True", "[[True] * 5] * 4", "[0, 2], 0:0",
                    "[0, 2], ..., None"]),
        "3d": (x3, ["[0, 2], :, [1, 3]", "[0, 2], [1, 3], :", ":, [0, 2], [1, 3]", "1, :, [0, 4]",
                    ":, 1, [0, 4]", "[0, 2], ..., [1, 3]", "..., [0, 1]", "[[0], [1]], :, [[0, 1, 2]]",
                    "None, [0, 1], ..., None", ":, [True, False, True, False], [0, 4]",
                    ":, [True, False, True, False], 0", "1, [True, False, True, False]",
                    "[True, False, True], [True, False, True, False]",
                    "[[True, False, True, False], [False, False, False, True], [True] * 4]",
                    "[[True, False, True, False], [False, False, False, True], [True] * 4], [1, 2, 0, 4, 3, 3]",
                    "[[True, False, True, False], [False, False, False, True], [True] * 4], [1, 2, 0, 4, 3, 3, 0]",
                    "[[True, False, True, False], [False, False, False, True], [True] * 4], 2",
                    ":, [[True] * 5] * 4", "[[[True]]]", "2, 3, [4]", "[2], 3, 4", "[-1], -1, [-1]",
                    "[0, 1], 1:3, [2, 3]", "1:3, [0, 1], [2, 3]", "[0, 1], [2, 3], 1:3",
                    "[[0, 1]], None, [[2], [3]], :", "..., True", "True, ..., [0]", ":, [], 1",
                    "[0, 2, 1], [3], [0, 4, 2]", ":, :, :, [0]", "[0, 1, 2], [0, 1], :"]),
        "4d": (A(np.arange(120).reshape(2, 3, 4, 5), "int64"),
               [":, [0, 2], :, [1, 3]", ":, 1, :, [1, 3]", ":, [0, 2], [1, 3], :", "1:, [[0], [2]], ..., [1, 3]",
                ":, [True, False, True], ..., 0", ":, [[True] * 4] * 3, [0]", "None, :, [0, 1], :, 2",
                ":, :, True, [1, 2]", ":, True, :, [1, 2]", "::-1, [2, 0], 1:3, [[4], [0]]", ":, 0, 1, [2, 3]",
                ":, [0, 1], 1, ::2", "0, :, [1, 3], ::2", ":, 2, None, [1, 0], :"]),
        "0d": (x0, ["True", "False", "None, True", "[0]", "..., True", "True, ...", "True, True", "[True]"]),
        "2d-T": (A(np.arange(20).reshape(4, 5), "int64", view="T"),
                 ["[0, 2], 1:", "[True, False, True, False, True]", ":, [True, False, True, False]",
                  "[4, 0], [3, 1]", ":, [0, 0]", "[[True, False, True, False]] * 5"]),
        "2d-reversed": (A(np.arange(20).reshape(4, 5), "float32", view="::-1, ::-1"),
                        ["[0, 2], 1:", "[True, False, True, False]", ":, [4, 0]", "[1, 2], [3, 0]"]),
        "2d-strided": (A(np.arange(48).reshape(6, 8), "uint16", view="::2, 1::3"),
                       ["[0, 2], 1:", "[True, False, True]", ":, [2, 0]", "[[0], [2]], [1, 0]",
                        ":, [True, False, True]", "[[True, False, True]] * 3"]),
    }
    # Out of bounds with an empty broadcast result: NumPy 1.24 returns an
    # empty array; ours is an IndexError (documented, see above).
    for idx in ["[5], []", "[[]], [-9]", "[], [[4], [5]]"]:
        g.add("Index/2d/[%s]" % idx, "Index", [x2], None, kwargs={"index": idx})
    for key, (x, idxs) in index.items():
        for idx in idxs:
            # Python's list repetition ([True] * 5) is not our string form:
            # expand it into a literal.
            lit = expand_repeats(idx)
            add_index(g, "Index/%s/[%s]" % (key, lit), x, lit)


def expand_repeats(s):
    """Writes Python's list repetitions such as [True] * 3 out as literals."""
    while True:
        m = re.search(r"(\[[^\[\]]*\]|\[\[[^\[\]]*\]\]) \* (\d+)", s)
        if not m:
            return s
        body = m.group(1)
        inner = body[1:-1]
        rep = "[" + ", ".join([inner] * int(m.group(2))) + "]"
        s = s[:m.start()] + rep + s[m.end():]


# ---------------------------------------------------------------- array arguments

def gen_array_index(g):
    x2 = A(np.arange(20).reshape(4, 5), "float64")
    x3 = A(np.arange(60).reshape(3, 4, 5) - 30, "int32")
    i_a = A([3, 0, -1, 2], "int64")
    i_b = A([[1, 0], [3, 2]], "int32")
    i_col = A([[0], [3]], "int16")
    m4 = A([True, False, True, True])
    m5 = A([False, True, True, False, True])
    m45 = A(np.arange(20).reshape(4, 5) % 3 == 0)
    cases = [
        ("2d", x2, "@", [i_a]), ("2d", x2, "@", [i_b]), ("2d", x2, ":, @", [i_b]), ("2d", x2, "@, @", [i_col, i_b]),
        ("2d", x2, "@, ::-2", [i_a]), ("2d", x2, "@", [m4]), ("2d", x2, ":, @", [m5]), ("2d", x2, "@, @", [m4, A([1, 2, 0], "int8")]),
        ("2d", x2, "@", [m45]), ("2d", x2, "@, @", [m4, m5]), ("2d", x2, "@, @", [A([True, False, True, False]), A([True, True, False, False, False])]),
        ("2d", x2, "None, @, None, 2", [i_a]), ("2d", x2, "@, None, @", [i_col, i_b]),
        ("3d", x3, "@, :, @", [A([2, 0], "int64"), A([4, 1], "uint8")]),
        ("3d", x3, "..., @", [i_b]), ("3d", x3, "@, ...", [A([[2, 1], [0, -3]], "int64")]),
        ("3d", x3, "1:, @, ::2", [A([3, 3, 0], "uint32")]), ("3d", x3, "@, 1:, @", [A([[0], [2]], "uint64"), A([4, 0, 1], "int16")]),
        ("3d", x3, "@", [A(np.arange(12).reshape(3, 4) % 5 < 2)]), ("3d", x3, ":, @", [A(np.arange(20).reshape(4, 5) % 7 == 1)]),
        ("3d", x3, "@, 2", [A([True, False, True])]), ("3d", x3, "@, @, @", [A([0, 2]), A([[1], [3]]), A([4, 0])]),
        # Strided index arrays and masks.
        ("2d", x2, "@", [A([0, 1, 2, 3, 3, 2], "int64", view="::-1")]), ("2d", x2, "@, @", [A([[0, 1], [2, 3], [1, 0]], "int32", view="T"), A([4, 3, 2, 1, 0, 1], "int8", view="::2")]),
        ("2d", x2, "@", [A(np.arange(40).reshape(8, 5) % 3 == 0, view="::2")]), ("2d", x2, ":, @", [A([True, False, True, True, False, False, True, True, False, True], view="::2")]),
        ("2d", x2, "@", [A(np.arange(20).reshape(5, 4) % 2 == 0, view="T")]),
        # Empty index arrays and empty arrays.
        ("2d", x2, "@", [A(np.zeros(0), "int64")]), ("2d", x2, ":, @", [A(np.zeros((2, 0)), "uint8")]),
        ("2d", x2, "@", [A(np.zeros(4), "bool")]), ("empty", A(np.zeros((0, 3)), "float32"), ":, @", [A([2, 0], "int64")]),
        ("empty", A(np.zeros((0, 3)), "float32"), "@", [A(np.zeros(0), "bool")]), ("empty", A(np.zeros((0, 3)), "float32"), "@, 1", [A(np.zeros(0), "int32")]),
        ("empty", A(np.zeros((3, 0)), "complex64"), "@", [A([2, 0, 1], "int64")]),
        ("empty", A(np.zeros((0, 3)), "float32"), ":, @", [A([3], "int64")]),  # out of bounds, empty result: documented error
        ("0d", A(2.5), "@", [A(True)]), ("0d", A(2.5), "@", [A(False)]), ("0d", A(2.5), "None, @", [A(True)]),
        ("0d", A(2.5), "@", [A([0], "int64")]), ("0d", A(2.5), "@", [A([True])]),
        # A 0-d integer array: an int, and a copy.
        ("2d", x2, "@", [A(2, "int64")]), ("2d", x2, "@, @", [A(-1, "int8"), A([0, 4], "int64")]), ("2d", x2, ":, @", [A(1, "uint16")]),
        # Errors.
        ("2d", x2, "@", [A([4], "int64")]), ("2d", x2, "@", [A([-5], "int32")]), ("2d", x2, ":, @", [A([255], "uint8")]),
        ("2d", x2, "@", [A([2**63 + 5], "uint64")]), ("2d", x2, "@", [A([1.0, 2.0], "float64")]), ("2d", x2, "@", [A([1 + 0j], "complex64")]),
        ("2d", x2, "@, @", [i_a, A([0, 1, 2], "int64")]), ("2d", x2, "@", [A([True, False, True])]), ("2d", x2, "@", [A(np.ones((4, 4), bool))]),
        ("2d", x2, "@, @", [m45, A([0])]), ("2d", x2, "@, @, @", [A([0]), A([0]), A([0])]), ("2d", x2, "@, ..., @", [A([0]), A(np.ones((5,), bool))]),
        ("2d", x2, "@, @", [A(np.ones((4, 5, 1), bool)), A([0])]), ("2d", x2, "@", [A(1.0, "float32")]),
    ]
    for key, x, template, arrays in cases:
        descr = template
        for a in arrays:
            descr = descr.replace("@", "%s%s" % (a.dtype.name, list(a.np.shape)) + ("(%s)" % a.view if a.view else ""), 1)
        add_index_arrays(g, "IndexArrays/%s/[%s]" % (key, descr), x, template, arrays)


# ---------------------------------------------------------------- every dtype

def dtype_values(dt, n):
    vals = special(dt)
    out = [vals[i % len(vals)] for i in range(n)]
    return out


def gen_dtypes(g):
    for dt in ALL:
        x = A(dtype_values(dt, 24), dt, shape=(4, 6))
        xt = A(dtype_values(dt, 24), dt, shape=(6, 4), view="T")
        for idx in ["[3, 0, -1, 0]", "[True, False, True, True]", "[1, 2], [5, -6]", ":, [4, 1]", "[[0], [3]], ::-2"]:
            add_index(g, "Index/dtype/%s/[%s]" % (dt, idx), x, idx)
            add_index(g, "Index/dtype/%s-T/[%s]" % (dt, idx), xt, idx)
        mask = A((np.arange(24).reshape(4, 6) * 7) % 5 < 2)
        add_index_arrays(g, "IndexArrays/dtype/%s/[mask(4,6)]" % dt, x, "@", [mask])
        add_index_arrays(g, "IndexArrays/dtype/%s-T/[mask(4,6)]" % dt, xt, "@", [mask])
        add_index_arrays(g, "IndexArrays/dtype/%s-reversed/[mask(6)]" % dt,
                         A(dtype_values(dt, 24), dt, shape=(24,), view="::-1"), "@",
                         [A(np.arange(24) % 3 != 1)])
        add_index_arrays(g, "IndexArrays/dtype/%s/[int-array(2,2), :]" % dt, x, "@, :", [A([[3, 1], [0, 0]], "int64")])
    # Every integer dtype as an index, and every integer dtype with a
    # negative index.
    x = A(np.arange(30).reshape(5, 6) * 0.25, "float64")
    for it in INTS:
        vals = [4, 0, 2, 2] if it.startswith("u") else [4, -1, 0, -5]
        add_index_arrays(g, "IndexArrays/index-dtype/%s" % it, x, "@", [A(vals, it)])
        add_index_arrays(g, "IndexArrays/index-dtype/%s/cols" % it, x, ":, @", [A([[5, 0], [1, 3]], it)])
        add_index_arrays(g, "IndexArrays/index-dtype/%s/pair" % it, x, "@, @", [A([1, 3], it), A([[5], [0]], it)])
        add_index_arrays(g, "IndexArrays/index-dtype/%s/out-of-bounds" % it, x, "@", [A([1, 5], it)])
        big = int(np.iinfo(it).max)
        add_index_arrays(g, "IndexArrays/index-dtype/%s/max" % it, x, ":, @", [A([0, big], it)])


# ---------------------------------------------------------------- large inputs (the fast paths)

def gen_large(g):
    n = 5000
    rx = {"n": n, "mul": 7919, "mod": 10007, "scale": 0.5}
    for dt in ["float64", "float32", "int64", "int8", "complex128", "bool", "uint16"]:
        r = dict(rx)
        if dt == "bool":
            r = {"n": n, "mul": 7919, "mod": 3, "offset": -1}
        x = A(None, dt, recipe=r)
        mask = A(None, "bool", recipe={"n": n, "mul": 13, "mod": 7, "offset": -3})
        idx = A(None, "int64", recipe={"n": 6000, "mul": 7919, "mod": 10000, "offset": -5000})
        add_index_arrays(g, "IndexArrays/large/%s/mask" % dt, x, "@", [mask])
        add_index_arrays(g, "IndexArrays/large/%s/int" % dt, x, "@", [idx])
        add_index_arrays(g, "IndexArrays/large/%s/mask-reversed" % dt, A(None, dt, recipe=r, view="::-1"), "@", [mask])
        add_index_arrays(g, "IndexArrays/large/%s/int-strided" % dt, A(None, dt, recipe=r, view="::2"), "@",
                         [A(None, "int32", recipe={"n": 3000, "mul": 31, "mod": 5000, "offset": -2500})])
    x2 = A(None, "float64", recipe={"n": 12000, "mul": 7919, "mod": 10007, "scale": 0.25}, shape=(200, 60))
    add_index_arrays(g, "IndexArrays/large/2d/row-mask", x2, "@", [A(None, "bool", recipe={"n": 200, "mul": 1, "mod": 3, "offset": -1})])
    add_index_arrays(g, "IndexArrays/large/2d/col-mask", x2, ":, @", [A(None, "bool", recipe={"n": 60, "mul": 1, "mod": 4, "offset": -2})])
    add_index_arrays(g, "IndexArrays/large/2d/rows-cols", x2, "@, @",
                     [A(None, "int64", recipe={"n": 300, "mul": 37, "mod": 200}, shape=(300, 1)),
                      A(None, "int16", recipe={"n": 20, "mul": 7, "mod": 60, "offset": -30})])
    add_index_arrays(g, "IndexArrays/large/2d/T-rows", A(None, "float64", recipe={"n": 12000, "mul": 7919, "mod": 10007, "scale": 0.25}, shape=(200, 60), view="T"),
                     "@", [A(None, "int64", recipe={"n": 100, "mul": 17, "mod": 60})])
    add_index_arrays(g, "IndexArrays/large/2d/full-mask", x2, "@", [A(None, "bool", recipe={"n": 12000, "mul": 11, "mod": 5, "offset": -2}, shape=(200, 60))])
    add_index_arrays(g, "IndexArrays/large/2d/T-full-mask", A(None, "int32", recipe={"n": 12000, "mul": 7919, "mod": 10007}, shape=(200, 60), view="T"),
                     "@", [A(None, "bool", recipe={"n": 12000, "mul": 11, "mod": 5, "offset": -2}, shape=(60, 200))])


# ---------------------------------------------------------------- assignment

def gen_setindex(g):
    def setindex(name, x, value, idx):
        idx = expand_repeats(idx)

        def f():
            y = x.np.copy()
            v = scalar_value(value, y.dtype) if isinstance(value, S) else value.np
            exec("y[" + idx + "] = v", {"y": y, "v": v})
            return y
        g.add(name, "SetIndex", [x, value], attempt_strict(f), kwargs={"index": idx})

    def setarrays(name, x, value, template, arrays):
        expr = index_expr(template, len(arrays))

        def f():
            y = x.np.copy()
            v = scalar_value(value, y.dtype) if isinstance(value, S) else value.np
            env = {"y": y, "v": v}
            for i, a in enumerate(arrays):
                env["i%d" % i] = a.np
            exec("y[" + expr + "] = v", env)
            return y
        g.add(name, "SetIndexArrays", [x, value] + arrays, attempt_strict(f), kwargs={"index": template})

    x1 = A(np.arange(10) * 1.5, "float64")
    x2 = A(np.arange(20).reshape(4, 5), "int32")
    x3 = A(np.arange(60).reshape(3, 4, 5), "int16")
    setindex("SetIndex/1d/scalar", x1, S(-1.0), "[0, 2, 4]")
    setindex("SetIndex/1d/array", x1, A([10, 20, 30], "float64"), "[0, 2, 4]")
    setindex("SetIndex/1d/repeated", x1, A([10, 20, 30, 40], "float64"), "[1, 1, 3, 1]")
    setindex("SetIndex/1d/repeated-negative", x1, A([10, 20, 30], "float64"), "[-1, 9, -1]")
    setindex("SetIndex/1d/mask-scalar", x1, S(0.0), "[True, False, True, False, False, True, True, False, True, True]")
    setindex("SetIndex/1d/mask-array", x1, A([1, 2, 3], "int64"), "[False, False, True, False, False, True, True, False, False, False]")
    setindex("SetIndex/1d/mask-array-mismatch", x1, A([1, 2], "int64"), "[False, False, True, False, False, True, True, False, False, False]")
    setindex("SetIndex/1d/broadcast-2d-index", x1, A([[1], [2]], "float64"), "[[0, 1, 2], [3, 4, 5]]")
    setindex("SetIndex/1d/leading-ones", x1, A([[7, 8]], "float64"), "[0, 5]")
    setindex("SetIndex/1d/out-of-bounds", x1, S(1.0), "[0, 10]")
    setindex("SetIndex/1d/empty", x1, S(1.0), "[]")
    setindex("SetIndex/1d/empty-mismatch", x1, A([1, 2], "float64"), "[]")
    setindex("SetIndex/1d/0d-true", x1, S(5.0), "True")
    setindex("SetIndex/1d/0d-false", x1, S(5.0), "False")
    setindex("SetIndex/1d/nan", x1, S(nan), "[3]")
    setindex("SetIndex/2d/rows", x2, S(-7), "[0, 3]")
    setindex("SetIndex/2d/rows-array", x2, A([1, 2, 3, 4, 5], "int64"), "[0, 3]")
    setindex("SetIndex/2d/rows-2d-array", x2, A(np.arange(10).reshape(2, 5), "float64"), "[3, 1]")
    setindex("SetIndex/2d/cols", x2, A([[1], [2], [3], [4]], "int8"), ":, [1, 4]")
    setindex("SetIndex/2d/points", x2, A([100, 200], "int32"), "[0, 3], [4, 0]")
    setindex("SetIndex/2d/points-repeated", x2, A([100, 200, 300], "int32"), "[2, 2, 2], [1, 1, 1]")
    setindex("SetIndex/2d/mask-rows", x2, A([9, 8, 7, 6, 5], "int16"), "[True, False, False, True]")
    setindex("SetIndex/2d/mask-2d", x2, S(0), "[[True, False, True, False, True], [False, False, False, False, False], [True, True, True, True, True], [False, True, False, True, False]]")
    setindex("SetIndex/2d/mask-2d-values", x2, A(np.arange(4) * 10, "int64"),
             "[[True, False, False, False, True], [False, False, False, False, False], [False, True, False, False, False], [False, False, False, False, True]]")
    setindex("SetIndex/2d/mask-and-int", x2, A([50, 60], "int32"), "[True, False, True, False], [4, 0]")
    setindex("SetIndex/2d/separated", x2, A([[1], [2]], "int32"), "[0, 1], None, [1, 2]")
    setindex("SetIndex/2d/separated-mismatch", x2, A([[1, 2], [3, 4]], "int32"), "[0, 1], None, [1, 2]")
    setindex("SetIndex/2d/float-into-int", x2, S(2.75), "[0, 1], [2, 2]")
    setindex("SetIndex/2d/float-array-into-int", x2, A([-2.75, 3.5], "float64"), "[0, 1], [2, 2]")
    setindex("SetIndex/2d/out-of-range-scalar", A(np.zeros((2, 2)), "int8"), S(300), "[0], [1]")
    setindex("SetIndex/2d/mismatch", x2, A([1, 2, 3], "int32"), "[0, 1]")
    setindex("SetIndex/2d/bad-index", x2, S(1), "[0, 4]")
    setindex("SetIndex/2d/bad-mask", x2, S(1), "[True, False]")
    setindex("SetIndex/3d/separated", x3, A(np.arange(8).reshape(2, 4), "int16"), "[0, 2], :, [1, 3]")
    setindex("SetIndex/3d/adjacent", x3, A(np.arange(6).reshape(3, 2), "int16"), ":, [0, 2], 4")
    setindex("SetIndex/3d/int-separated", x3, A([[5], [6]], "int16"), "1, :, [0, 4]")
    setindex("SetIndex/3d/mask-2d-last", x3, A(np.arange(10).reshape(2, 5), "int16"), "1:, [[True, False, True, False, True], [False] * 5, [False] * 5, [True, True, False, False, False]]")
    x4 = A(np.arange(120).reshape(2, 3, 4, 5), "int64")
    setindex("SetIndex/4d/separated", x4, A(np.arange(16).reshape(2, 2, 4), "int64"), ":, [0, 2], :, [1, 3]")
    setindex("SetIndex/4d/int-separated", x4, A(np.arange(4).reshape(2, 1, 2) * -1, "int64"), "1:, 1, :, [1, 3]")
    setindex("SetIndex/4d/adjacent", x4, A([[[-1], [-2]]], "int64"), ":, [0, 2], [1, 3], :")
    setindex("SetIndex/4d/adjacent-repeated", x4, A(np.arange(2 * 3 * 5).reshape(2, 3, 5) + 1000, "int64"), ":, :, [1, 1, 1], :")
    setindex("SetIndex/4d/mask-separated", x4, A([9, 8, 7, 6], "int64"), ":, [True, False, True], ..., [0, 4]")
    setindex("SetIndex/3d/broadcast", x3, A([7, 8, 9, 10, 11], "int64"), "[0, 2], [[1], [3]]")
    setindex("SetIndex/complex/scalar", A([1 + 1j, 2, 3, 4], "complex64"), S(0.5 - 1j), "[0, 3]")
    setindex("SetIndex/complex/into-float", A([1.0, 2.0, 3.0], "float64"), A([1 + 5j, 2 - 1j], "complex128"), "[2, 0]")
    setindex("SetIndex/bool/int-values", A([True, False, True, False]), A([0, 5], "int64"), "[0, 1]")
    setindex("SetIndex/bool/mask", A([True, False, True, False]), S(True), "[False, True, False, True]")
    setindex("SetIndex/0d/true", A(1.5), S(-3.0), "True")
    setindex("SetIndex/0d/false", A(1.5), S(-3.0), "False")
    setindex("SetIndex/0d/array-value", A(1.5), A([7.0]), "True")
    setindex("SetIndex/view-T/rows", A(np.arange(6).reshape(2, 3), "float32", view="T"), A([9, 8], "float32"), "[0, 2]")
    setindex("SetIndex/view-T/mask", A(np.arange(6).reshape(2, 3), "float32", view="T"), S(-1.0), "[[True, False], [False, True], [True, True]]")
    setindex("SetIndex/view-reversed/points", A(np.arange(12), "uint8", view="::-2"), A([1, 2], "uint8"), "[0, 5]")
    setindex("SetIndex/view-strided/mask", A(np.arange(24).reshape(4, 6), "int64", view="1:, ::2"), A([100, 200], "int64"),
             "[True, False, True], [0, 2]")
    for dt in ALL:
        vals = dtype_values(dt, 12)
        x = A(vals, dt, shape=(3, 4))
        setindex("SetIndex/dtype/%s/array" % dt, x, A(vals[:4], dt), "[2, 0]")
        setindex("SetIndex/dtype/%s/points" % dt, x, A(vals[5:7], dt), "[2, 0], [-1, 1]")
        setindex("SetIndex/dtype/%s/mask" % dt, x, A(vals[7:8], dt), "[True, False, True]")
        setindex("SetIndex/dtype/%s/int-scalar" % dt, x, S(1), ":, [3, 1]")

    m = A(np.arange(20).reshape(4, 5) % 3 == 1)
    setarrays("SetIndexArrays/2d/mask-scalar", x2, S(-1), "@", [m])
    setarrays("SetIndexArrays/2d/mask-array", x2, A(np.arange(7), "int32"), "@", [m])
    setarrays("SetIndexArrays/2d/int-arrays", x2, A([[1, 2], [3, 4]], "int32"), "@, @", [A([[0], [3]], "uint8"), A([4, 4], "int16")])
    setarrays("SetIndexArrays/2d/strided-index", x2, A([5, 6, 7], "int32"), ":, @", [A([0, 9, 3, 9, 1], "int64", view="::2")])
    setarrays("SetIndexArrays/2d/0d-int-array", x2, S(0), "@", [A(2, "int64")])
    setarrays("SetIndexArrays/2d/0d-bool", x2, A([1, 2, 3, 4, 5], "int32"), "@", [A(True)])
    setarrays("SetIndexArrays/2d/float-index", x2, S(0), "@", [A([1.0])])
    setarrays("SetIndexArrays/2d/out-of-bounds", x2, S(0), ":, @", [A([5], "uint64")])
    n = 5000
    xl = A(None, "float64", recipe={"n": n, "mul": 7919, "mod": 10007, "scale": 0.5})
    ml = A(None, "bool", recipe={"n": n, "mul": 13, "mod": 7, "offset": -3})
    setarrays("SetIndexArrays/large/mask-scalar", xl, S(-1.0), "@", [ml])
    setarrays("SetIndexArrays/large/int-repeated", xl, A(None, "float64", recipe={"n": 6000, "mul": 3, "mod": 1000}),
              "@", [A(None, "int64", recipe={"n": 6000, "mul": 7919, "mod": 10000, "offset": -5000})])
    setarrays("SetIndexArrays/large/mask-values", A(None, "int32", recipe={"n": n, "mul": 7, "mod": 101}),
              A(None, "int32", recipe={"n": int(ml.np.sum()), "mul": 1, "mod": 100000}), "@", [ml])


# ---------------------------------------------------------------- Take, TakeAlongAxis, Put, Compress, Extract

def unsigned_indices(i, n, mode):
    """uint64 indices of Take and Put as the numbers they are (documented:
    NumPy's take and put refuse uint64 indices, which do not cast safely to
    intp), made int64 for NumPy: modulo n for mode wrap, at most n-1 for clip,
    and out of bounds (None) above the int64 range for raise."""
    if not isinstance(i, np.ndarray) or i.dtype != np.uint64:
        return i
    vals = [int(v) for v in i.ravel()]
    if mode == "wrap" and n > 0:
        vals = [v % n for v in vals]
    elif mode == "clip":
        vals = [min(v, n - 1) for v in vals]
    elif any(v > 2**63 - 1 for v in vals):
        raise IndexError("out of bounds")
    return np.array(vals, dtype=np.int64).reshape(i.shape)


def gen_take(g):
    def take(name, x, idx, axis=None, mode=None):
        kw = {}
        if axis is not None:
            kw["axis"] = axis
        if mode is not None:
            kw["mode"] = mode

        def f():
            i = idx.v if isinstance(idx, S) else idx.np
            if x.np.ndim == 0 and axis is not None:
                return None
            n = x.np.size if axis is None else x.np.shape[axis]
            i = unsigned_indices(i, n, mode)
            return np.take(x.np, i, axis=axis, mode=mode or "raise")
        g.add(name, "Take", [x, idx], attempt_strict(f), kwargs=kw or None)

    x2 = A(np.arange(20).reshape(4, 5) * 1.5, "float64")
    x3 = A(np.arange(60).reshape(3, 4, 5), "int64")
    take("Take/flat", x2, A([0, 7, -1, 19], "int64"))
    take("Take/flat-2d-indices", x2, A([[0, 7], [-1, 19]], "int32"))
    take("Take/flat-scalar", x2, S(7))
    take("Take/flat-scalar-negative", x2, S(-3))
    take("Take/axis0", x2, A([3, 0, 0], "int64"), axis=0)
    take("Take/axis1", x2, A([4, -5], "int8"), axis=1)
    take("Take/axis-1", x3, A([[4, 0], [1, 2]], "uint8"), axis=-1)
    take("Take/axis1-3d", x3, A([[3], [0]], "int16"), axis=1)
    take("Take/axis1-scalar", x3, S(2), axis=1)
    take("Take/axis0-scalar", x2, S(-1), axis=0)
    take("Take/bool-indices", x2, A([True, False, True]), axis=1)
    take("Take/empty-indices", x2, A(np.zeros(0), "int64"), axis=1)
    take("Take/empty-x", A(np.zeros((0, 3)), "float32"), A(np.zeros(0), "int64"))
    take("Take/empty-x-axis0", A(np.zeros((0, 3)), "float32"), A(np.zeros(0), "int64"), axis=0)
    take("Take/empty-x-bad", A(np.zeros((0, 3)), "float32"), A([0], "int64"), axis=0)
    take("Take/out-of-bounds", x2, A([20], "int64"))
    take("Take/out-of-bounds-axis", x2, A([0, 4], "int64"), axis=0)
    take("Take/out-of-bounds-negative", x2, A([-6], "int64"), axis=1)
    take("Take/bad-axis", x2, A([0], "int64"), axis=2)
    take("Take/float-indices", x2, A([1.0], "float64"))
    take("Take/0d", A(2.5), S(0))
    take("Take/0d-array", A(2.5), A([0, 0, -1], "int64"))
    take("Take/0d-bad", A(2.5), A([1], "int64"))
    take("Take/0d-axis", A(2.5), A([0], "int64"), axis=0)
    take("Take/T", A(np.arange(20).reshape(4, 5), "int32", view="T"), A([0, 1, 5, 19], "int64"))
    take("Take/T-axis0", A(np.arange(20).reshape(4, 5), "int32", view="T"), A([4, 0], "int64"), axis=0)
    take("Take/reversed-axis1", A(np.arange(20).reshape(4, 5), "complex128", view="::-1, ::-1"), A([[1, 1], [0, 4]], "int64"), axis=1)
    take("Take/strided-indices", x2, A([0, 5, 1, 9, 2, 8], "int64", view="::2"))
    for mode in ["wrap", "clip"]:
        take("Take/mode-%s" % mode, x2, A([25, -1, -21, 40, 3], "int64"), mode=mode)
        take("Take/mode-%s-axis" % mode, x2, A([[5, -6], [9, 0]], "int64"), axis=1, mode=mode)
        take("Take/mode-%s-uint64" % mode, x2, A([2**64 - 1, 2**63, 7], "uint64"), axis=0, mode=mode)
        take("Take/mode-%s-empty-axis" % mode, A(np.zeros((0, 3)), "float32"), A([1], "int64"), axis=0, mode=mode)
        take("Take/mode-%s-empty-indices" % mode, A(np.zeros((0, 3)), "float32"), A(np.zeros(0), "int64"), axis=0, mode=mode)
    take("Take/mode-bad", x2, A([0], "int64"), mode="bogus")
    for dt in ALL:
        x = A(dtype_values(dt, 12), dt, shape=(3, 4))
        take("Take/dtype/%s" % dt, x, A([11, 0, -2, 5], "int64"))
        take("Take/dtype/%s/axis1" % dt, x, A([[3], [0]], "int32"), axis=1)
    n = 5000
    take("Take/large", A(None, "float64", recipe={"n": n, "mul": 7919, "mod": 10007, "scale": 0.5}),
         A(None, "int64", recipe={"n": 6000, "mul": 7919, "mod": 10000, "offset": -5000}))
    take("Take/large-axis0", A(None, "float32", recipe={"n": 12000, "mul": 7919, "mod": 10007}, shape=(200, 60)),
         A(None, "int32", recipe={"n": 100, "mul": 37, "mod": 200}), axis=0)
    take("Take/large-axis1", A(None, "int16", recipe={"n": 12000, "mul": 7919, "mod": 10007}, shape=(200, 60)),
         A(None, "int64", recipe={"n": 30, "mul": 7, "mod": 60}), axis=1)


def gen_take_along_axis(g):
    def tal(name, x, idx, axis):
        g.add(name, "TakeAlongAxis", [x, idx], attempt_strict(lambda: np.take_along_axis(x.np, idx.np, axis)), kwargs={"axis": axis})

    x2 = A([[3.5, -1.0, 2.0], [0.0, 7.0, -4.5], [1.0, 1.0, 0.5], [9.0, -9.0, 0.0]], "float64")
    tal("TakeAlongAxis/argsort-1", x2, A(np.argsort(x2.np, axis=1), "int64"), 1)
    tal("TakeAlongAxis/argsort-0", x2, A(np.argsort(x2.np, axis=0), "int64"), 0)
    tal("TakeAlongAxis/argmax-keepdims", x2, A(np.argmax(x2.np, axis=1)[:, None], "int64"), 1)
    tal("TakeAlongAxis/argmin-0-keepdims", x2, A(np.argmin(x2.np, axis=0)[None, :], "int32"), 0)
    tal("TakeAlongAxis/negative-axis", x2, A([[2, 2, 0, 1]] * 4, "int64"), -1)
    tal("TakeAlongAxis/broadcast-idx", x2, A([[0, 2]], "int64"), 1)
    tal("TakeAlongAxis/broadcast-x", A([[1.0, 2.0, 3.0]]), A([[0], [2], [1], [1]], "int64"), 1)
    tal("TakeAlongAxis/negative-indices", x2, A([[-1], [-2], [-3], [0]], "int8"), 1)
    tal("TakeAlongAxis/3d", A(np.arange(24).reshape(2, 3, 4), "int32"), A(np.arange(24).reshape(2, 3, 4) % 3, "uint8"), 1)
    tal("TakeAlongAxis/3d-axis2", A(np.arange(24).reshape(2, 3, 4), "int32", view="::-1, :, ::-1"), A([[[3, 0]], [[1, 1]]], "int64"), 2)
    tal("TakeAlongAxis/T", A(np.arange(12).reshape(3, 4), "complex64", view="T"), A([[2, 0, 1], [0, 0, 0], [1, 2, 2], [2, 2, 2]], "int64"), 1)
    tal("TakeAlongAxis/1d", A([5, 4, 3, 2, 1], "int16"), A([4, 0, 2], "int64"), 0)
    tal("TakeAlongAxis/empty", x2, A(np.zeros((4, 0)), "int64"), 1)
    tal("TakeAlongAxis/out-of-bounds", x2, A([[3]], "int64"), 1)
    tal("TakeAlongAxis/ndim-mismatch", x2, A([0, 1], "int64"), 1)
    tal("TakeAlongAxis/bool-indices", x2, A([[True]]), 1)
    tal("TakeAlongAxis/float-indices", x2, A([[1.0]]), 1)
    tal("TakeAlongAxis/shape-mismatch", x2, A([[0, 1]] * 2, "int64"), 1)
    tal("TakeAlongAxis/bad-axis", x2, A([[0]], "int64"), 2)


def gen_put(g):
    def put(name, x, idx, values, mode=None):
        def f():
            y = x.np.copy()
            v = scalar_value(values, y.dtype) if isinstance(values, S) else values.np
            i = idx.v if isinstance(idx, S) else idx.np
            i = unsigned_indices(i, y.size, mode)
            if mode is not None and y.size == 0:
                return None  # NumPy loops forever there; ours is an error
            np.put(y, i, v, mode=mode or "raise")
            return y
        g.add(name, "Put", [x, idx, values], attempt_strict(f), kwargs={"mode": mode} if mode else None)

    x1 = A(np.arange(8), "int64")
    x2 = A(np.arange(12).reshape(3, 4) * 0.5, "float64")
    put("Put/1d", x1, A([0, 3, -1], "int64"), A([10, 20, 30], "int64"))
    put("Put/cycle", x1, A([0, 1, 2, 3, 4], "int64"), A([-1, -2], "int64"))
    put("Put/fewer-indices", x1, A([6], "int32"), A([-1, -2, -3], "int64"))
    put("Put/repeated", x1, A([2, 2, 2], "int64"), A([1, 2, 3], "int64"))
    put("Put/scalar", x1, A([1, 5], "int64"), S(-9))
    put("Put/scalar-index", x1, S(3), S(100))
    put("Put/2d-flat", x2, A([[0, 11], [5, -12]], "int64"), A([1.25, 2.5, 3.75, 5.0], "float64"))
    put("Put/2d-values", x2, A([1, 2, 3, 4], "int64"), A([[7.0, 8.0]], "float64"))
    put("Put/float-into-int", x1, A([0, 1], "int64"), A([2.75, -2.75], "float64"))
    put("Put/empty-values", x1, A([0, 1], "int64"), A(np.zeros(0), "int64"))
    put("Put/empty-values-bad-index", x1, A([0, 100], "int64"), A(np.zeros(0), "int64"))
    put("Put/empty-indices", x1, A(np.zeros(0), "int64"), A([1], "int64"))
    put("Put/out-of-bounds", x1, A([0, 8], "int64"), A([1], "int64"))
    put("Put/out-of-bounds-negative", x1, A([-9], "int64"), A([1], "int64"))
    put("Put/float-indices", x1, A([1.0], "float64"), A([1], "int64"))
    put("Put/view-T", A(np.arange(12).reshape(3, 4), "float32", view="T"), A([0, 1, 2, 11], "int64"), A([-1.0, -2.0], "float32"))
    put("Put/view-reversed", A(np.arange(12), "int16", view="::-3"), A([0, 3], "int64"), A([100, 200], "int16"))
    put("Put/view-strided-2d", A(np.arange(24).reshape(4, 6), "uint32", view="1::2, ::-2"), A([0, 4, 5], "int64"), A([7, 8, 9], "uint32"))
    put("Put/0d", A(2.5), A([0, -1], "int64"), A([1.0, 2.0], "float64"))
    put("Put/complex", A([1 + 1j, 2, 3], "complex128"), A([2], "int64"), S(1 - 1j))
    put("Put/bool", A([True, False, True]), A([0, 1], "int64"), A([0, 3], "int64"))
    put("Put/strided-indices", x1, A([0, 9, 2, 9, 4], "int64", view="::2"), A([5, 6, 7], "int64"))
    for mode in ["wrap", "clip"]:
        put("Put/mode-%s" % mode, x1, A([9, -1, -10, 100], "int64"), A([1, 2, 3, 4], "int64"), mode=mode)
        put("Put/mode-%s-uint64" % mode, x1, A([2**64 - 1, 2**63], "uint64"), A([1, 2], "int64"), mode=mode)
        put("Put/mode-%s-empty" % mode, A(np.zeros(0), "int64"), A([1], "int64"), A([1], "int64"), mode=mode)
    for dt in ALL:
        vals = dtype_values(dt, 12)
        put("Put/dtype/%s" % dt, A(vals, dt, shape=(3, 4)), A([11, 0, -2], "int64"), A(vals[3:5], dt))


def gen_compress_extract(g):
    def compress(name, cond, x, axis=None):
        g.add(name, "Compress", [cond, x], attempt_strict(lambda: np.compress(cond.np, x.np, axis=axis)),
              kwargs={"axis": axis} if axis is not None else None)

    def extract(name, cond, x):
        g.add(name, "Extract", [cond, x], attempt_strict(lambda: np.extract(cond.np, x.np)))

    x2 = A(np.arange(12).reshape(3, 4) * 1.5, "float64")
    compress("Compress/flat", A([True, False, True, True, False, False, True]), x2)
    compress("Compress/axis0", A([True, False, True]), x2, axis=0)
    compress("Compress/axis1", A([False, True, False, True]), x2, axis=1)
    compress("Compress/axis-1", A([0, 2, 0, -1], "int64"), x2, axis=-1)
    compress("Compress/short", A([True, True]), x2, axis=1)
    compress("Compress/long-false", A([True, False, True, False, False, False]), x2, axis=1)
    compress("Compress/long-true", A([True, False, True, False, True]), x2, axis=1)
    compress("Compress/empty", A(np.zeros(0, bool)), x2, axis=1)
    compress("Compress/2d-condition", A([[True, False]]), x2)
    compress("Compress/T", A([True, False, True, True]), A(np.arange(12).reshape(3, 4), "int8", view="T"), axis=0)
    compress("Compress/float-condition", A([0.0, nan, 0.5]), x2, axis=0)
    compress("Compress/bad-axis", A([True]), x2, axis=3)
    extract("Extract/2d", A(np.arange(12).reshape(3, 4) % 3 == 0), x2)
    extract("Extract/int-condition", A(np.arange(12).reshape(3, 4) % 4, "int32"), x2)
    extract("Extract/short", A([True, False, True]), x2)
    extract("Extract/long-true", A([True] * 13), x2)
    extract("Extract/T", A(np.arange(12).reshape(4, 3) % 2 == 0), A(np.arange(12).reshape(3, 4), "complex64", view="T"))
    extract("Extract/none", A(np.zeros((3, 4), bool)), x2)
    extract("Extract/0d", A(True), A(3.5))
