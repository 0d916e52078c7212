"""Golden cases for the group shapes (see generate.py for the format).

generate.py imports this module and calls generate(); the helpers (A, S,
Group, attempt, ...) come from generate.py itself.

The functions: Ravel, Flip, Roll, Split, ArraySplit, Unstack, Tile, Repeat,
BroadcastArrays, BroadcastShapes, Atleast1d/2d/3d, Moveaxis, Swapaxes,
Meshgrid, Tril, Triu and Pad (arrays/shapes.go, arrays/pad.go). Keyword arguments carry the
integer arguments (shift, sections, reps, pad_width, ...) as JSON; Go's side
is arrays/golden_funcs_shapes_test.go. Functions that return several arrays
give a "tuple" output. BroadcastShapes' output is the shape as an int64
array.
"""

from generate import *  # noqa: F401,F403  A, S, Group, attempt, np, nan, inf, ...


def values(dt, n):
    """n values of dtype dt, cycling through its special values."""
    sp = special(dt)
    return [sp[i % len(sp)] for i in range(n)]


def arr(dt, shape, view=None):
    n = int(np.prod(shape)) if len(shape) else 1
    v = values(dt, n)
    if len(shape) == 0:
        return A(v[0], dt, view=view)
    return A(np.array(v, dtype=dt).reshape(shape), dt, view=view)


def refuse():
    raise Refused("refused")


def enc_kw(v):
    """A keyword value as JSON: ints, floats (enc_float), complex numbers as
    {"c": [re, im]}, nested lists."""
    if isinstance(v, (list, tuple)):
        return [enc_kw(e) for e in v]
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, np.integer)):
        return int(v)
    if isinstance(v, complex):
        return {"c": [enc_float(v.real), enc_float(v.imag)]}
    if isinstance(v, (float, np.floating)):
        return enc_float(v)
    return v


# Views used as inputs: the name, the base shape, the view and the resulting
# NumPy array's description.
VIEWS = [("T", (3, 4), "T"), ("reversed", (3, 4), "::-1, ::-1"), ("strided", (4, 6), "::2, 1::2"),
         ("broadcast", (1, 4), "broadcast:3,4")]


def generate():
    g = Group("shapes")

    def case(name, fname, args, f, **kw):
        g.add(name, fname, args, attempt(f), kwargs={k: enc_kw(v) for k, v in kw.items()} or None)

    def tcase(name, fname, args, f, **kw):
        g.add(name, fname, args, attempt_tuple(f), kwargs={k: enc_kw(v) for k, v in kw.items()} or None)

    # ---------------------------------------------------------------- Ravel
    for dt in ALL:
        x = arr(dt, (2, 3))
        case("Ravel/%s" % dt, "Ravel", [x], lambda x=x: np.ravel(x.np))
    for vname, shp, view in VIEWS:
        x = arr("float64", shp, view)
        case("Ravel/view-%s" % vname, "Ravel", [x], lambda x=x: np.ravel(x.np))
    for shp in ((), (0,), (2, 0, 3), (1, 1, 1)):
        x = arr("int16", shp)
        case("Ravel/shape-%s" % (list(shp),), "Ravel", [x], lambda x=x: np.ravel(x.np))

    # ---------------------------------------------------------------- Flip
    for dt in ALL:
        x = arr(dt, (2, 3))
        case("Flip/%s/all" % dt, "Flip", [x], lambda x=x: np.flip(x.np))
        case("Flip/%s/axis-1" % dt, "Flip", [x], lambda x=x: np.flip(x.np, -1), axis=-1)
    x3 = arr("float32", (2, 3, 4))
    for axis in (0, 1, 2, -1, -3, [0, 2], [2, 0], [0, 1, 2], [], 3, -4, [0, 0]):
        case("Flip/3d/axis%s" % (axis,), "Flip", [x3],
             lambda axis=axis: np.flip(x3.np, tuple(axis) if isinstance(axis, list) else axis), axis=axis)
    for vname, shp, view in VIEWS:
        x = arr("int32", shp, view)
        case("Flip/view-%s" % vname, "Flip", [x], lambda x=x: np.flip(x.np, 0), axis=0)
        case("Flip/view-%s/all" % vname, "Flip", [x], lambda x=x: np.flip(x.np))
    for shp in ((), (0,), (3, 0)):
        x = arr("complex128", shp)
        case("Flip/shape-%s" % (list(shp),), "Flip", [x], lambda x=x: np.flip(x.np))
    case("Flip/0d-axis0", "Flip", [arr("float64", ())], lambda: np.flip(np.array(1.0), 0), axis=0)

    # ---------------------------------------------------------------- Roll
    for dt in ALL:
        x = arr(dt, (3, 4))
        case("Roll/%s/flat" % dt, "Roll", [x], lambda x=x: np.roll(x.np, 5), shift=5)
        case("Roll/%s/axis1" % dt, "Roll", [x], lambda x=x: np.roll(x.np, -1, axis=1), shift=-1, axis=1)
    x = arr("int64", (3, 4))
    for shift, axis in ((0, None), (12, None), (-13, None), (100, 0), ([1, 2], [0, 1]), ([1, -1], [1, 0]),
                        (2, [0, 1]), ([1, 2], 0), ([1, 2], None), ([1, 2, 3], [0, 1]), (1, 2), (1, -3),
                        (3, [1, 1]), (-7, -1), ([], None)):
        kw = {"shift": shift}
        if axis is not None:
            kw["axis"] = axis
        case("Roll/int64/shift%s-axis%s" % (shift, axis), "Roll", [x],
             lambda shift=shift, axis=axis: np.roll(x.np, shift, axis=tuple(axis) if isinstance(axis, list) else axis), **kw)
    x3 = arr("float64", (2, 3, 4))
    case("Roll/3d/three-axes", "Roll", [x3], lambda: np.roll(x3.np, (1, -2, 3), axis=(0, 1, 2)), shift=[1, -2, 3], axis=[0, 1, 2])
    case("Roll/3d/middle", "Roll", [x3], lambda: np.roll(x3.np, 1, axis=1), shift=1, axis=1)
    for vname, shp, view in VIEWS:
        xv = arr("uint16", shp, view)
        case("Roll/view-%s/flat" % vname, "Roll", [xv], lambda xv=xv: np.roll(xv.np, 3), shift=3)
        case("Roll/view-%s/both" % vname, "Roll", [xv], lambda xv=xv: np.roll(xv.np, (1, 2), axis=(0, 1)), shift=[1, 2], axis=[0, 1])
    for shp in ((), (0,), (2, 0)):
        xe = arr("float32", shp)
        case("Roll/shape-%s" % (list(shp),), "Roll", [xe], lambda xe=xe: np.roll(xe.np, 1), shift=1)
    case("Roll/shape-[2, 0]/axis1", "Roll", [arr("float32", (2, 0))], lambda: np.roll(np.zeros((2, 0), np.float32), 1, axis=1), shift=1, axis=1)
    case("Roll/0d-axis0", "Roll", [arr("float64", ())], lambda: np.roll(np.array(1.0), 1, axis=0), shift=1, axis=0)

    # ---------------------------------------------------------------- Split, ArraySplit
    for dt in ALL:
        x = arr(dt, (6, 2))
        tcase("Split/%s/3" % dt, "Split", [x], lambda x=x: np.split(x.np, 3), sections=3)
    x = arr("int32", (4, 6))
    for sections, axis in ((2, 0), (3, 1), (6, -1), (1, 0), (4, 1), (0, 0), (-1, 0), ([1, 3], 1), ([3, 1], 1),
                           ([-2], 1), ([0, 0, 10], 1), ([], 0), ([2, 4, 5], -1), (2, 2), (2, -3)):
        tcase("Split/int32/%s-axis%d" % (sections, axis), "Split", [x],
              lambda sections=sections, axis=axis: np.split(x.np, sections, axis=axis), sections=sections, axis=axis)
    for sections, axis in ((4, 1), (5, 1), (7, 1), (3, 0), (1, 1), (0, 1), (-2, 0), ([1, 3], 1), ([], 1), (2, 2)):
        def asplit(sections=sections, axis=axis):
            if isinstance(sections, int) and sections <= 0:
                refuse()  # NumPy: ValueError (or ZeroDivisionError for 0)
            return np.array_split(x.np, sections, axis=axis)
        tcase("ArraySplit/int32/%s-axis%d" % (sections, axis), "ArraySplit", [x], asplit, sections=sections, axis=axis)
    tcase("Split/default-axis", "Split", [arr("float64", (4, 3))], lambda: np.split(np.array(values("float64", 12)).reshape(4, 3), 2), sections=2)
    tcase("Split/0d", "Split", [arr("float64", ())], lambda: np.split(np.array(1.0), 1), sections=1)
    tcase("Split/empty-axis", "Split", [arr("float64", (0, 3))], lambda: np.split(np.zeros((0, 3)), 3), sections=3)
    tcase("ArraySplit/empty-axis", "ArraySplit", [arr("float64", (0, 3))], lambda: np.array_split(np.zeros((0, 3)), 2), sections=2)
    for vname, shp, view in VIEWS:
        xv = arr("complex64", shp, view)
        tcase("Split/view-%s" % vname, "Split", [xv], lambda xv=xv: np.split(xv.np, 2, axis=1), sections=2, axis=1)
        tcase("ArraySplit/view-%s" % vname, "ArraySplit", [xv], lambda xv=xv: np.array_split(xv.np, 3, axis=-1), sections=3, axis=-1)

    # ---------------------------------------------------------------- Unstack
    for dt in ("bool", "int8", "float64", "complex128"):
        x = arr(dt, (2, 3))
        tcase("Unstack/%s/axis0" % dt, "Unstack", [x], lambda x=x: list(x.np), axis=0)
    x3 = arr("float32", (2, 3, 4))
    for axis in (0, 1, 2, -1, -3, 3, -4):
        def unstack(axis=axis):
            a = np.moveaxis(x3.np, axis, 0)  # raises AxisError when out of range
            return list(a)
        tcase("Unstack/3d/axis%d" % axis, "Unstack", [x3], unstack, axis=axis)
    tcase("Unstack/default-axis", "Unstack", [arr("int16", (3, 2))], lambda: list(np.array(values("int16", 6), np.int16).reshape(3, 2)))
    tcase("Unstack/0d", "Unstack", [arr("float64", ())], refuse)
    tcase("Unstack/1d", "Unstack", [arr("uint8", (4,))], lambda: list(np.array(values("uint8", 4), np.uint8)))
    for vname, shp, view in VIEWS:
        xv = arr("int64", shp, view)
        tcase("Unstack/view-%s" % vname, "Unstack", [xv], lambda xv=xv: list(np.moveaxis(xv.np, 1, 0)), axis=1)

    # ---------------------------------------------------------------- Tile
    for dt in ALL:
        x = arr(dt, (2, 3))
        case("Tile/%s" % dt, "Tile", [x], lambda x=x: np.tile(x.np, (2, 1)), reps=[2, 1])
    x = arr("float64", (2, 3))
    for reps in ([2], [1, 3], [2, 2], [2, 1, 2], [0], [0, 2], [3, 0, 1], [], [1, 1], [-1], [2, -1]):
        case("Tile/float64/%s" % reps, "Tile", [x], lambda reps=reps: np.tile(x.np, reps) if all(r >= 0 for r in reps) else None, reps=reps)
    for shp, reps in (((), [3]), ((), []), ((), [2, 2]), ((4,), [2, 2]), ((0,), [3]), ((2, 0), [2, 3])):
        xe = arr("int8", shp)
        case("Tile/shape-%s/%s" % (list(shp), reps), "Tile", [xe], lambda xe=xe, reps=reps: np.tile(xe.np, reps), reps=reps)
    for vname, shp, view in VIEWS:
        xv = arr("uint32", shp, view)
        case("Tile/view-%s" % vname, "Tile", [xv], lambda xv=xv: np.tile(xv.np, (2, 1, 2)), reps=[2, 1, 2])

    # ---------------------------------------------------------------- Repeat
    for dt in ALL:
        x = arr(dt, (2, 3))
        case("Repeat/%s/flat" % dt, "Repeat", [x, None], lambda x=x: np.repeat(x.np, 2), repeats=2)
        case("Repeat/%s/counts-axis1" % dt, "Repeat", [x, None], lambda x=x: np.repeat(x.np, [1, 0, 2], axis=1), repeats=[1, 0, 2], axis=1)
    x = arr("float64", (3, 4))
    for repeats, axis in ((3, 0), (3, 1), (0, 0), (1, -1), ([2], 1), ([1, 2, 3], 0), ([0, 0, 0, 0], 1), ([1, 2], 0),
                          ([1, -1, 1], 0), (-1, 0), (2, 2), (2, -3), ([3, 1, 2, 1], -1)):
        kw = {"repeats": repeats, "axis": axis}
        case("Repeat/float64/%s-axis%d" % (repeats, axis), "Repeat", [x, None],
             lambda repeats=repeats, axis=axis: np.repeat(x.np, repeats, axis=axis), **kw)
    case("Repeat/float64/counts-flat", "Repeat", [x, None], lambda: np.repeat(x.np, list(range(12))), repeats=list(range(12)))
    for cdt, counts in (("int64", [2, 0, 1]), ("int8", [1, 1, 3]), ("uint8", [0, 2, 2]), ("bool", [True, False, True]),
                        ("int32", [2]), ("float64", [1.0, 2.0, 1.0])):
        c = A(counts, cdt)
        xa = arr("int16", (2, 3))

        def rep(c=c, cdt=cdt):
            if cdt == "float64":
                return None  # counts must be integers
            return np.repeat(xa.np, c.np, axis=1)
        case("Repeat/array-counts/%s" % cdt, "Repeat", [xa, c], rep, axis=1)
    case("Repeat/array-counts/0d", "Repeat", [arr("int16", (2, 3)), A(2, "int64")],
         lambda: np.repeat(np.array(values("int16", 6), np.int16).reshape(2, 3), np.array(2), axis=0), axis=0)
    case("Repeat/array-counts/2d", "Repeat", [arr("int16", (2, 3)), A([[1, 2]], "int64")], lambda: None, axis=0)
    for shp in ((), (0,), (2, 0)):
        xe = arr("complex64", shp)
        case("Repeat/shape-%s/flat" % (list(shp),), "Repeat", [xe, None], lambda xe=xe: np.repeat(xe.np, 3), repeats=3)
    case("Repeat/0d-axis0", "Repeat", [arr("float64", ()), None], lambda: np.repeat(np.array(values("float64", 1)[0]), 3, axis=0), repeats=3, axis=0)
    case("Repeat/shape-[2, 0]/axis0", "Repeat", [arr("float64", (2, 0)), None], lambda: np.repeat(np.zeros((2, 0)), [1, 2], axis=0), repeats=[1, 2], axis=0)
    for vname, shp, view in VIEWS:
        xv = arr("int8", shp, view)
        case("Repeat/view-%s/flat" % vname, "Repeat", [xv, None], lambda xv=xv: np.repeat(xv.np, 2), repeats=2)
        case("Repeat/view-%s/axis0" % vname, "Repeat", [xv, None], lambda xv=xv, n=xv.np.shape[0]: np.repeat(xv.np, list(range(1, n + 1)), axis=0), repeats=list(range(1, xv.np.shape[0] + 1)), axis=0)

    # ---------------------------------------------------------------- BroadcastArrays, BroadcastShapes
    def barrays(name, arrs):
        tcase("BroadcastArrays/" + name, "BroadcastArrays", [arrs], lambda: np.broadcast_arrays(*[a.np for a in arrs]))

    barrays("two", [arr("float64", (3, 1)), arr("int32", (4,))])
    barrays("three", [arr("bool", (2, 1, 1)), arr("complex64", (1, 3, 1)), arr("uint8", (4,))])
    barrays("same", [arr("int8", (2, 3)), arr("int8", (2, 3))])
    barrays("one", [arr("float32", (2, 3))])
    barrays("0d", [arr("float64", ()), arr("int64", (2, 2))])
    barrays("empty", [arr("float64", (0, 1)), arr("float64", (1, 3))])
    barrays("mismatch", [arr("float64", (3,)), arr("float64", (4,))])
    barrays("mismatch-3", [arr("float64", (2, 1)), arr("float64", (3,)), arr("float64", (4, 1))])
    barrays("views", [arr("int16", (3, 4), "T"), arr("int16", (8, 3), "::2, ::-1")])
    g.add("BroadcastArrays/none", "BroadcastArrays", [[]], tuple_out([]))

    def bshapes(name, shapes):
        def f():
            return np.array(np.broadcast_shapes(*[tuple(s) for s in shapes]), dtype=np.int64)
        case("BroadcastShapes/" + name, "BroadcastShapes", [], f, shapes=shapes)

    bshapes("two", [[3, 1], [4]])
    bshapes("three", [[2, 1, 1], [1, 3, 1], [4]])
    bshapes("scalar", [[], [2, 3]])
    bshapes("only-scalars", [[], []])
    bshapes("none", [])
    bshapes("zero", [[0, 1], [1, 5]])
    bshapes("zero-one", [[0], [1]])
    bshapes("mismatch", [[3], [4]])
    bshapes("mismatch-zero", [[0], [2]])
    bshapes("mismatch-3", [[2, 1], [3], [4, 1]])
    bshapes("long", [[1, 2, 1, 3, 1], [5, 1, 4, 1, 6]])
    case("BroadcastShapes/negative", "BroadcastShapes", [], lambda: None, shapes=[[-1], [2]])

    # ---------------------------------------------------------------- Atleast1d, Atleast2d, Atleast3d
    for shp in ((), (3,), (2, 3), (2, 3, 4), (0,), (1, 0)):
        for fname, f in (("Atleast1d", np.atleast_1d), ("Atleast2d", np.atleast_2d), ("Atleast3d", np.atleast_3d)):
            xa = arr("complex64", shp)
            case("%s/shape-%s" % (fname, list(shp)), fname, [xa], lambda xa=xa, f=f: f(xa.np))
    for vname, shp, view in VIEWS:
        xv = arr("int8", shp, view)
        case("Atleast3d/view-%s" % vname, "Atleast3d", [xv], lambda xv=xv: np.atleast_3d(xv.np))

    # ---------------------------------------------------------------- Moveaxis, Swapaxes
    x4 = arr("float64", (2, 3, 4, 5))
    for src, dst in ((0, -1), (-1, 0), (1, 2), ([0, 1], [-1, -2]), ([0, 1], [2, 3]), ([3, 0], [0, 3]), ([], []),
                     (0, 4), (-5, 0), ([0, 0], [1, 2]), ([0, 1], [1, 1]), (0, [1, 2]), ([2, 0, 1], [0, 1, 2])):
        case("Moveaxis/%s-%s" % (src, dst), "Moveaxis", [x4], lambda src=src, dst=dst: np.moveaxis(x4.np, src, dst), source=src, destination=dst)
    for dt in ("bool", "uint64", "complex128"):
        x = arr(dt, (2, 3))
        case("Moveaxis/%s" % dt, "Moveaxis", [x], lambda x=x: np.moveaxis(x.np, 0, 1), source=0, destination=1)
    for vname, shp, view in VIEWS:
        xv = arr("float32", shp, view)
        case("Moveaxis/view-%s" % vname, "Moveaxis", [xv], lambda xv=xv: np.moveaxis(xv.np, 0, -1), source=0, destination=-1)
    x0 = arr("float64", ())
    case("Moveaxis/0d", "Moveaxis", [x0], lambda: np.moveaxis(x0.np, [], []), source=[], destination=[])
    for a1, a2 in ((0, 1), (1, 3), (-1, 0), (2, 2), (0, 4), (-5, 1)):
        case("Swapaxes/%d-%d" % (a1, a2), "Swapaxes", [x4], lambda a1=a1, a2=a2: np.swapaxes(x4.np, a1, a2), axis1=a1, axis2=a2)
    xt = arr("int32", (3, 4), "T")
    case("Swapaxes/view-T", "Swapaxes", [xt], lambda: np.swapaxes(xt.np, 0, 1), axis1=0, axis2=1)

    # ---------------------------------------------------------------- Meshgrid
    def mesh(name, arrs, indexing=None):
        kw = {} if indexing is None else {"indexing": indexing}

        def f():
            if indexing not in (None, "xy", "ij"):
                refuse()
            return np.meshgrid(*[a.np for a in arrs], indexing=indexing or "xy")
        tcase("Meshgrid/" + name, "Meshgrid", [arrs], f, **kw)

    a3 = A([1.0, 2.0, 3.0], "float64")
    b2 = A([10, 20], "int32")
    c4 = A([True, False, True, True], "bool")
    for ix in (None, "xy", "ij"):
        mesh("two-%s" % ix, [a3, b2], ix)
        mesh("three-%s" % ix, [a3, b2, c4], ix)
        mesh("one-%s" % ix, [a3], ix)
        mesh("four-%s" % ix, [b2, a3, A([1 + 2j], "complex64"), A([7, 8], "uint8")], ix)
    mesh("none", [])
    mesh("bad-indexing", [a3, b2], "yx")
    mesh("empty", [A(np.zeros(0), "float64"), b2])
    mesh("0d", [A(5.0, "float64"), b2], "ij")
    mesh("2d-input", [A(np.arange(4).reshape(2, 2), "int64"), b2])
    mesh("views", [A(np.arange(6), "float32", view="::-2"), A(np.arange(8).reshape(2, 4), "int16", view="1, ::3")], "xy")
    for dt in ALL:
        x = arr(dt, (3,))
        mesh("dtype-%s" % dt, [x, A([1, 2], "int8")], "ij")

    # ---------------------------------------------------------------- Tril, Triu
    # STANDARD: Tril and Triu need at least two axes (NumPy's tril of a
    # 1-d array broadcasts it to a square matrix first; the standard's
    # input is a matrix or a stack of them).
    def tri(name, fname, x, k=None):
        kw = {} if k is None else {"k": k}
        f = {"Tril": np.tril, "Triu": np.triu}[fname]

        def run():
            if x.np.ndim < 2:
                return None
            return f(x.np, k or 0)
        case("%s/%s" % (fname, name), fname, [x], run, **kw)

    for fname in ("Tril", "Triu"):
        for dt in ALL:
            tri(dt, fname, arr(dt, (3, 4)))
        x = arr("float64", (4, 3))
        for k in (0, 1, -1, 2, -2, 3, -4, 10, -10):
            tri("k%d" % k, fname, x, k)
        tri("stack", fname, arr("int32", (2, 3, 3)), 1)
        tri("stack-4d", fname, arr("float32", (2, 1, 3, 2)), -1)
        tri("empty", fname, arr("float64", (0, 3)))
        tri("empty-stack", fname, arr("float64", (0, 2, 2)))
        tri("1d", fname, arr("float64", (3,)))
        tri("0d", fname, arr("float64", ()))
        for vname, shp, view in VIEWS:
            tri("view-" + vname, fname, arr("complex128", shp, view), 1)
        tri("nan-inf", fname, A([[nan, -inf], [inf, -0.0]], "float64"))

    # ---------------------------------------------------------------- Pad
    def pad(name, x, pad_width, **kw):
        mode = kw.get("mode", "constant")
        npkw = dict(kw)
        npkw.pop("mode", None)

        def f():
            xv = x.np
            pw = np.asarray(pad_width)
            if pw.size and pw.min() < 0:
                return None
            if "constant_values" in npkw and xv.dtype.kind in "iu":
                cv = np.asarray(npkw["constant_values"])
                if cv.dtype.kind in "iu":
                    info = np.iinfo(xv.dtype)
                    if cv.min() < info.min or cv.max() > info.max:
                        return None  # NEP 50: out of range
            return np.pad(xv, pad_width, mode, **npkw)
        case("Pad/%s/%s" % (mode, name), "Pad", [x], f, pad_width=pad_width, **kw)

    x = arr("int32", (3, 4))
    widths = [1, [1, 2], [[1, 0], [0, 2]], [[2, 1]], [[0, 0], [0, 0]], [[1], [2]], [2, 3], 0, [[3, 1], [2, 4]]]
    for mode in ("constant", "edge", "reflect", "symmetric", "wrap", "maximum", "minimum", "mean", "median", "linear_ramp"):
        for i, w in enumerate(widths):
            pad("int32/w%d" % i, x, w, mode=mode)
    # Pads wider than the array: NumPy fills them in rounds.
    x1 = A([1, 2, 3], "int64")
    for mode in ("reflect", "symmetric", "wrap", "edge", "linear_ramp", "mean", "constant"):
        for w in ([5, 0], [0, 7], [7, 6], [10, 10], [2, 9]):
            pad("wide/%s" % w, x1, w, mode=mode)
    x2 = A([4, -1], "int16")
    for mode in ("reflect", "symmetric", "wrap"):
        pad("wide-2/[5, 4]", x2, [5, 4], mode=mode)
        pad("wide-2d", A(np.arange(6).reshape(2, 3), "float64"), [[3, 4], [5, 2]], mode=mode)
    # Every dtype.
    for dt in ALL:
        xd = arr(dt, (2, 3))
        for mode in ("constant", "edge", "reflect", "symmetric", "wrap"):
            pad(dt, xd, [[1, 2], [2, 1]], mode=mode)
    # Constant values.
    xf = arr("float64", (2, 2))
    for cv in (5, -1.5, [1, 2], [[1, 2], [3, 4]], [[1], [2]], nan, inf, [[7, 8]]):
        pad("float64/cv%s" % (cv,), xf, 1, constant_values=cv)
    pad("int32/cv-float", x, 1, constant_values=2.75)
    pad("int32/cv-negative-float", x, 1, constant_values=-2.75)
    pad("uint8/cv-out-of-range", arr("uint8", (2, 2)), 1, constant_values=300)
    pad("bool/cv-int", arr("bool", (2, 2)), 1, constant_values=2)
    pad("complex128/cv-complex", arr("complex128", (2, 2)), 1, constant_values=1 - 2j)
    pad("float32/cv-complex", arr("float32", (2, 2)), 1, constant_values=1 - 2j)
    pad("float32/cv-3d", arr("float32", (2, 2)), 1, constant_values=[[[1, 2]]])
    # Odd reflections.
    for mode in ("reflect", "symmetric"):
        for dt, w in (("float64", [2, 3]), ("int64", [5, 6]), ("int8", [1, 2]), ("uint8", [3, 3]), ("float32", [[1, 2], [3, 1]])):
            xo = A([[1, 5, 2], [-2, 4, 7]], dt) if not (isinstance(w[0], int)) else A([1, 5, 2, 9], dt)
            pad("%s-odd/%s" % (dt, w), xo, w, mode=mode, reflect_type="odd")
        pad("even-explicit", x1, 2, mode=mode, reflect_type="even")
        # Documented: a reflect type other than "even" and "odd" is an
        # error (NumPy reads anything but "odd" as "even").
        case("Pad/%s/bad-type" % mode, "Pad", [x1], lambda: None, pad_width=2, mode=mode, reflect_type="sideways")
    # Singleton axes with reflect (NumPy's legacy: the edge value).
    pad("singleton", A([[1, 2, 3]], "float64"), [[2, 1], [1, 1]], mode="reflect")
    pad("singleton-odd", A([[1, 2, 3]], "float64"), [[2, 1], [1, 1]], mode="reflect", reflect_type="odd")
    # Linear ramps and end values.
    xr = A([[1.5, -2.0, 4.0], [8.0, 0.0, 3.0]], "float64")
    for ev in (0, 5, [1, -1], [[1, 2], [3, 4]], -2.5):
        pad("float64/ev%s" % (ev,), xr, [[2, 3], [1, 4]], mode="linear_ramp", end_values=ev)
    pad("float32/ev", A([[1.5, -2.0, 4.0], [8.0, 0.0, 3.0]], "float32"), [[2, 3], [1, 4]], mode="linear_ramp", end_values=[0.5, 3])
    pad("int32/ev", A([[10, -20, 45], [7, 0, 3]], "int32"), [[2, 3], [1, 4]], mode="linear_ramp", end_values=[-7, 100])
    pad("uint8/ev", A([[10, 200, 45]], "uint8"), [[0, 0], [3, 5]], mode="linear_ramp", end_values=[255, 0])
    pad("float64/step-zero", A([[0.0, 1.0, 3.0]], "float64"), [[0, 0], [3, 3]], mode="linear_ramp")
    pad("bool", A([[True, False]], "bool"), 2, mode="linear_ramp")
    # Statistics with stat lengths.
    xs = A([[1, 8, 3, 2, 6], [7, 0, 4, 4, 1], [2, 2, 9, 5, 3]], "int64")
    for mode in ("maximum", "minimum", "mean", "median"):
        for sl in (1, 2, [1, 3], [[1, 2], [3, 1]], 10, [[2], [4]]):
            pad("int64/sl%s" % (sl,), xs, [[1, 2], [2, 1]], mode=mode, stat_length=sl)
        pad("float64", A([[1.5, 8, 3.25], [7, 0.5, -4]], "float64"), 2, mode=mode)
        pad("float32", A([[1.5, 8, 3.25], [7, 0.5, -4]], "float32"), [[1, 0], [0, 2]], mode=mode)
        pad("uint8", A([[1, 8, 3], [7, 0, 4], [255, 250, 3]], "uint8"), 1, mode=mode)
    for mode in ("maximum", "minimum"):
        pad("sl0", xs, 1, mode=mode, stat_length=0)
        pad("bool", A([[True, False], [False, False]], "bool"), 1, mode=mode)
    pad("float64/sl0", A([1.0, 2.0], "float64"), 1, mode="mean", stat_length=0)
    pad("int64/ties", A([1, 2, 4, 5], "int64"), 1, mode="mean", stat_length=2)
    pad("int64/ties-median", A([1, 2, 5, 4], "int64"), 2, mode="median", stat_length=[2, 4])
    pad("negative-stat-length", xs, 1, mode="mean", stat_length=-1)
    # Empty and 0-d arrays.
    for mode in ("constant", "edge", "reflect", "wrap", "mean", "linear_ramp"):
        pad("empty-axis", A(np.zeros((0, 2)), "float64"), 1, mode=mode)
        pad("empty-other-axis", A(np.zeros((0, 2)), "float64"), [[0, 0], [1, 2]], mode=mode)
        pad("0d", A(3.5, "float64"), 2, mode=mode)
    # Views as input.
    for vname, shp, view in VIEWS:
        xv = arr("float64", shp, view)
        for mode in ("constant", "edge", "reflect", "symmetric", "wrap", "maximum"):
            pad("view-" + vname, xv, [[1, 2], [3, 0]], mode=mode)
    # 3-d, with every axis padded.
    x3 = A(np.arange(24).reshape(2, 3, 4) % 7, "int16")
    for mode in ("constant", "edge", "reflect", "symmetric", "wrap", "minimum", "linear_ramp"):
        pad("3d", x3, [[1, 2], [2, 1], [3, 3]], mode=mode)
    # Errors: negative widths, bad shapes, bad modes, options for other modes.
    pad("negative", x, -1)
    pad("negative-pair", x, [[1, -1], [0, 0]])
    pad("bad-shape", x, [1, 2, 3])
    pad("bad-shape-2", x, [[1, 2], [3, 4], [5, 6]])
    case("Pad/bad-mode", "Pad", [x], lambda: np.pad(x.np, 1, "sideways"), pad_width=1, mode="sideways")
    case("Pad/edge/with-constant", "Pad", [x], lambda: np.pad(x.np, 1, "edge", constant_values=1), pad_width=1, mode="edge", constant_values=1)
    case("Pad/constant/with-stat-length", "Pad", [x], lambda: np.pad(x.np, 1, "constant", stat_length=1), pad_width=1, mode="constant", stat_length=1)
    case("Pad/wrap/with-reflect-type", "Pad", [x], lambda: np.pad(x.np, 1, "wrap", reflect_type="odd"), pad_width=1, mode="wrap", reflect_type="odd")
    return g
