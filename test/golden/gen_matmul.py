"""Golden cases for the group matmul: Matmul, Tensordot, Vecdot (see
generate.py for the format).

generate.py imports this module and calls generate(); the helpers (A, S,
Group, attempt, ...) come from generate.py itself.

Most inputs hold small integers (or multiples of 1/4), whose products and
sums are exact in every dtype, so that the Go results must match NumPy's
bit for bit whatever the order of the sums; the cases named "random" hold
positive floats (no cancellation) and are compared within a tolerance (see
golden_funcs_matmul_test.go).

Vecdot: NumPy 1.24 has no vecdot; the expected values follow the array API
standard, computed as its reference implementation (array-api-strict) does:
conj(x)[..., None, :] @ y[..., :, None] after broadcasting and moving the
axis to the end.
"""

from generate import *  # noqa: F401,F403  A, S, Group, attempt, np, nan, inf, ...


def small(shape, dt, seed, lo=-4, hi=5):
    """Small integers (times 1/4 for floats, plus an imaginary part for
    complex numbers) of the given shape, whose products sum exactly."""
    rng = np.random.RandomState(seed)
    dt = np.dtype(dt)
    v = rng.randint(lo, hi, size=shape)
    if dt.kind == "b":
        return (v > 0)
    if dt.kind == "u":
        return np.abs(v).astype(dt)
    if dt.kind in "i":
        return v.astype(dt)
    if dt.kind == "f":
        return (v * 0.25).astype(dt)
    w = rng.randint(lo, hi, size=shape)
    return (v * 0.25 + 1j * w * 0.5).astype(dt)


def positive(shape, dt, seed):
    """Positive random floats (complex: both parts positive) in [0.5, 1.5)."""
    rng = np.random.RandomState(seed)
    dt = np.dtype(dt)
    v = rng.random_sample(shape) + 0.5
    if dt.kind == "c":
        v = v + 1j * (rng.random_sample(shape) + 0.5)
    return v.astype(dt)


def recipe(shape, dt, seed):
    """A positive input that Go computes itself from a recipe (see
    generate.py's recipe_values): values in [0.5, 1.5) on a grid of 2^-10."""
    n = int(np.prod(shape))
    r = {"n": n, "mul": 7919 + 2 * seed, "mod": 1024, "scale": 2.0 ** -10, "offset": 0.5}
    if np.dtype(dt).kind == "c":
        r["mul_im"] = 104729 + 2 * seed
    return A(None, dt, recipe=r, shape=shape)


def vecdot_expected(x, y, axis=-1):
    """The standard's vecdot (array-api-strict's algorithm)."""
    if x.ndim == 0 or y.ndim == 0:
        raise ValueError("0-d")
    nd = max(x.ndim, y.ndim)
    xs = (1,) * (nd - x.ndim) + x.shape
    ys = (1,) * (nd - y.ndim) + y.shape
    if not -nd <= axis < nd:
        raise ValueError("axis")
    if xs[axis] != ys[axis]:
        raise ValueError("x1 and x2 must have the same size along the given axis")
    xb, yb = np.broadcast_arrays(x.reshape(xs), y.reshape(ys))
    xb = np.moveaxis(xb, axis, -1)
    yb = np.moveaxis(yb, axis, -1)
    if xb.dtype.kind == "c" or yb.dtype.kind == "c":
        xb = np.conj(xb)
    r = xb[..., None, :] @ yb[..., :, None]
    return r[..., 0, 0]


def generate():
    g = Group("matmul")

    def mm(name, x, y):
        g.add("Matmul/" + name, "Matmul", [x, y], attempt(lambda: np.matmul(x.np, y.np)))

    def td(name, x, y, axes):
        ax = axes
        if isinstance(axes, tuple):
            ax = [list(axes[0]), list(axes[1])]
        g.add("Tensordot/" + name, "Tensordot", [x, y],
              attempt(lambda: np.tensordot(x.np, y.np, axes=axes)), kwargs={"axes": ax})

    def vd(name, x, y, axis=None):
        kw = {} if axis is None else {"axis": axis}
        g.add("Vecdot/" + name, "Vecdot", [x, y],
              attempt(lambda: vecdot_expected(x.np, y.np, -1 if axis is None else axis)), kwargs=kw)

    # ------------------------------------------------------------ Matmul

    # Every dtype, 2-d and each 1-d form.
    for i, dt in enumerate(ALL):
        mm("%s/2d" % dt, A(small((3, 4), dt, 1 + i)), A(small((4, 2), dt, 101 + i)))
        mm("%s/1d-2d" % dt, A(small((4,), dt, 2 + i)), A(small((4, 3), dt, 102 + i)))
        mm("%s/2d-1d" % dt, A(small((3, 4), dt, 3 + i)), A(small((4,), dt, 103 + i)))
        mm("%s/1d-1d" % dt, A(small((5,), dt, 4 + i)), A(small((5,), dt, 104 + i)))
        mm("%s/batch" % dt, A(small((2, 3, 4), dt, 5 + i)), A(small((2, 4, 3), dt, 105 + i)))
    # Integer overflow wraps, as NumPy's.
    for dt in INTS:
        info = np.iinfo(dt)
        big = A(np.full((2, 3), info.max, dt))
        mm("%s/overflow" % dt, big, A(np.full((3, 2), 3, dt)))
        mm("%s/overflow-1d" % dt, A(np.array([info.max, info.max - 1, 7], dt)), A(np.array([2, 5, info.max], dt)))
    mm("int64/overflow-min", A(np.array([[np.iinfo(np.int64).min, -1]], np.int64)), A(np.array([[-1], [np.iinfo(np.int64).min]], np.int64)))
    mm("bool/all-false", A(np.zeros((2, 3), bool)), A(np.ones((3, 2), bool)))

    # Promotion between dtypes.
    pairs = [("int8", "uint8"), ("int8", "float32"), ("uint8", "int16"), ("bool", "int64"),
             ("bool", "float32"), ("int64", "uint64"), ("float32", "float64"),
             ("float32", "complex64"), ("float64", "complex64"), ("int32", "complex128"),
             ("uint16", "float32"), ("int16", "float32"), ("uint32", "int32"), ("bool", "complex64")]
    for i, (a, b) in enumerate(pairs):
        mm("promote/%s-%s" % (a, b), A(small((2, 3), a, 200 + i)), A(small((3, 2), b, 300 + i)))
        mm("promote/%s-%s" % (b, a), A(small((2, 3), b, 400 + i)), A(small((3, 2), a, 500 + i)))

    # Stacks and broadcasting of the batch axes.
    shapes = [((2, 1, 3, 4), (5, 4, 2)), ((3, 4), (2, 4, 5)), ((2, 3, 4), (4, 5)),
              ((1, 3, 4), (2, 4, 2)), ((2, 1, 3, 4), (1, 3, 4, 2)), ((4,), (2, 3, 4, 5)),
              ((2, 3, 2, 4), (4,)), ((1, 1, 2, 3), (3, 2)), ((6, 1, 1), (6, 1, 3))]
    for i, (sa, sb) in enumerate(shapes):
        name = "%s@%s" % ("x".join(map(str, sa)), "x".join(map(str, sb)))
        mm("stack/float64/" + name, A(small(sa, "float64", 600 + i)), A(small(sb, "float64", 700 + i)))
        mm("stack/int32/" + name, A(small(sa, "int32", 800 + i)), A(small(sb, "int32", 900 + i)))
    mm("stack/complex128/2x1x3x4@5x4x2", A(small((2, 1, 3, 4), "complex128", 31)), A(small((5, 4, 2), "complex128", 32)))
    mm("stack/float32/3x2x5x6@2x6x4", A(small((3, 2, 5, 6), "float32", 33)), A(small((2, 6, 4), "float32", 34)))

    # Sizes 0 and 1.
    zero = [((0, 3), (3, 2)), ((2, 0), (0, 3)), ((2, 3), (3, 0)), ((0, 2, 3), (3, 4)),
            ((0,), (0,)), ((0,), (0, 4)), ((3, 0), (0,)), ((2, 0, 3), (1, 3, 2)), ((1, 1), (1, 1)),
            ((1,), (1,)), ((1, 5), (5, 1)), ((5, 1), (1, 5)), ((2, 3, 0), (2, 0, 4))]
    for sa, sb in zero:
        name = "%s@%s" % ("x".join(map(str, sa)), "x".join(map(str, sb)))
        for dt in ("float64", "float32", "int64", "complex128", "bool"):
            mm("size/%s/%s" % (dt, name), A(small(sa, dt, 11)), A(small(sb, dt, 12)))

    # Strided and transposed views as operands (a transposed panel goes to
    # BLAS with its transpose flag; other strides are copied).
    for dt in ("float64", "float32", "complex128", "complex64", "int16", "bool"):
        b1 = small((4, 3), dt, 21)
        b2 = small((5, 4), dt, 22)
        mm("view/%s/T@T" % dt, A(b1, view="T"), A(b2, view="T"))
        mm("view/%s/T@c" % dt, A(b1, view="T"), A(small((4, 2), dt, 23)))
        mm("view/%s/c@T" % dt, A(small((2, 5), dt, 24)), A(b2, view="T"))
        b3 = small((6, 8), dt, 25)
        mm("view/%s/step2" % dt, A(b3, view="::2, ::2"), A(small((4, 3), dt, 26)))
        mm("view/%s/reversed" % dt, A(b3, view="::-1, ::-2"), A(small((4, 2), dt, 27)))
        mm("view/%s/rowslice@colslice" % dt, A(b3, view="1:4, 2:6"), A(b3, view="2:6, 5:7"))
        mm("view/%s/broadcast-rows" % dt, A(small((1, 4), dt, 28), view="broadcast:3,4"), A(small((4, 2), dt, 29)))
        mm("view/%s/1d-step" % dt, A(small((9,), dt, 30), view="::2"), A(b3, view="::-1, 3:6"))
        b4 = small((2, 3, 4, 5), dt, 35)
        mm("view/%s/batch-T" % dt, A(b4, view="T"), A(small((2, 1, 4, 2), dt, 36)))
        mm("view/%s/batch-step" % dt, A(b4, view=":, ::2, :, 1:"), A(b4, view="::-1, 1:2, 1:, :"))

    # Non-finite values: 0*inf is NaN, NaN propagates (gonum's Gemm skips
    # zero factors; the Go side must not).
    for dt in ("float64", "float32", "complex128", "complex64"):
        mm("nonfinite/%s/0*inf" % dt, A(np.array([[0.0, 1.0], [2.0, 0.0]], dt)), A(np.array([[inf, 1.0], [1.0, 2.0]], dt)))
        mm("nonfinite/%s/nan-x" % dt, A(np.array([[nan, 1.0], [2.0, 3.0]], dt)), A(np.array([[1.0, 0.0], [1.0, 2.0]], dt)))
        mm("nonfinite/%s/nan-y" % dt, A(np.array([[0.0, 1.0], [0.0, 3.0]], dt)), A(np.array([[nan, 0.0], [1.0, 2.0]], dt)))
        mm("nonfinite/%s/inf-inf" % dt, A(np.array([[inf, 1.0]], dt)), A(np.array([[1.0], [-inf]], dt)))
        mm("nonfinite/%s/1d-0*inf" % dt, A(np.array([0.0, 1.0], dt)), A(np.array([inf, 1.0], dt)))
        mm("nonfinite/%s/inf-x-0-y" % dt, A(np.array([[inf, 1.0]], dt)), A(np.array([[0.0], [1.0]], dt)))

    # Random positive values, compared within a tolerance.
    for dt in ("float64", "float32", "complex128", "complex64"):
        mm("random/%s/17x33@33x9" % dt, A(positive((17, 33), dt, 41)), A(positive((33, 9), dt, 42)))
        mm("random/%s/64x64@64x64" % dt, recipe((64, 64), dt, 43), recipe((64, 64), dt, 44))
        mm("random/%s/3x70x90@90x50" % dt, recipe((3, 70, 90), dt, 49), recipe((90, 50), dt, 50))
        mm("random/%s/3x5x40@40x7" % dt, A(positive((3, 5, 40), dt, 45)), A(positive((40, 7), dt, 46)))
        mm("random/%s/1d-300" % dt, A(positive((300,), dt, 47)), A(positive((300,), dt, 48)))

    # Errors.
    f = A(np.ones((2, 3)))
    mm("error/core-mismatch", f, A(np.ones((4, 5))))
    mm("error/1d-mismatch", A(np.ones(3)), A(np.ones(4)))
    mm("error/1d-2d-mismatch", A(np.ones(2)), f)
    mm("error/2d-1d-mismatch", f, A(np.ones(2)))
    mm("error/batch-mismatch", A(np.ones((2, 3, 4))), A(np.ones((3, 4, 5))))
    mm("error/0d-x", A(np.array(2.0)), f)
    mm("error/0d-y", f, A(np.array(2.0)))

    # ------------------------------------------------------------ Tensordot

    for i, dt in enumerate(("float64", "float32", "int32", "complex128", "uint8", "bool")):
        x = A(small((2, 3, 4), dt, 51 + i))
        td("%s/axes2" % dt, x, A(small((3, 4, 5), dt, 61 + i)), 2)
        td("%s/axes1" % dt, x, A(small((4, 2), dt, 71 + i)), 1)
        td("%s/axes0" % dt, A(small((2, 3), dt, 81 + i)), A(small((2,), dt, 91 + i)), 0)
        td("%s/pairs" % dt, x, A(small((4, 5, 2), dt, 111 + i)), ([0, 2], [2, 0]))
    x = A(small((2, 3, 4), "float64", 121))
    td("float64/axes3", x, A(small((2, 3, 4), "float64", 122)), 3)
    td("float64/pairs-negative", x, A(small((4, 3, 2), "float64", 123)), ([-1, -2], [0, 1]))
    td("float64/pairs-single", x, A(small((5, 3), "float64", 124)), ([1], [1]))
    td("float64/pairs-empty", A(small((2, 3), "float64", 125)), A(small((4,), "float64", 126)), ([], []))
    td("float64/0d", A(np.array(1.5)), A(small((2, 3), "float64", 127)), 0)
    td("float64/0d-0d", A(np.array(1.5)), A(np.array(-2.0)), 0)
    td("float64/zero-size", A(np.ones((2, 0))), A(np.ones((0, 3))), 1)
    td("float64/view-T", A(small((4, 3), "float64", 128), view="T"), A(small((4, 2), "float64", 129)), 1)
    td("promote/int8-float32", A(small((2, 3), "int8", 130)), A(small((3, 2), "float32", 131)), 1)
    td("promote/float64-complex64", A(small((2, 3), "float64", 132)), A(small((3, 2), "complex64", 133)), 1)
    td("int8/overflow", A(np.full((2, 3), 100, "int8")), A(np.full((3,), 3, "int8")), 1)
    td("error/mismatch", x, A(np.ones((5, 4))), 1)
    td("error/pairs-mismatch", x, A(np.ones((4, 3))), ([1, 2], [1, 0]))
    td("error/too-many", x, A(np.ones((3, 4))), 3)
    td("error/axis-out-of-range", x, A(np.ones((3, 4))), ([3], [0]))
    td("error/repeated-axis", x, A(np.ones((4, 4))), ([2, 2], [0, 1]))

    # ------------------------------------------------------------ Vecdot

    for i, dt in enumerate(("float64", "float32", "int16", "uint32", "complex128", "complex64", "bool", "int64")):
        vd("%s/1d" % dt, A(small((5,), dt, 141 + i)), A(small((5,), dt, 151 + i)))
        vd("%s/2d" % dt, A(small((3, 4), dt, 161 + i)), A(small((3, 4), dt, 171 + i)))
        vd("%s/axis-2" % dt, A(small((3, 4), dt, 181 + i)), A(small((3, 4), dt, 191 + i)), -2)
        vd("%s/broadcast" % dt, A(small((2, 1, 4), dt, 201 + i)), A(small((3, 4), dt, 211 + i)))
    vd("complex128/conj-self", A(np.array([1 + 2j, 3 - 1j, -2j])), A(np.array([1 + 2j, 3 - 1j, -2j])))
    vd("promote/float32-complex128", A(small((3,), "float32", 221)), A(small((3,), "complex128", 222)))
    vd("promote/complex64-float64", A(small((3,), "complex64", 223)), A(small((3,), "float64", 224)))
    vd("promote/int8-uint8", A(small((2, 3), "int8", 225)), A(small((3,), "uint8", 226)))
    vd("int8/overflow", A(np.full((4,), 100, "int8")), A(np.full((4,), 3, "int8")))
    vd("float64/axis0", A(small((3, 4), "float64", 227)), A(small((3, 4), "float64", 228)), 0)
    vd("float64/axis1-broadcast", A(small((2, 3, 4), "float64", 229)), A(small((3, 4), "float64", 230)), 1)
    vd("float64/axis-3", A(small((2, 3, 4), "float64", 231)), A(small((2, 1, 1), "float64", 232), view="broadcast:2,3,4"), -3)
    vd("float64/view-T", A(small((4, 3), "float64", 233), view="T"), A(small((4, 3), "float64", 234), view="::-1, ::-1"))
    vd("float64/empty-axis", A(np.ones((2, 0))), A(np.ones((2, 0))))
    vd("float64/empty-batch", A(np.ones((0, 3))), A(np.ones((0, 3))))
    vd("float64/nan", A(np.array([0.0, 1.0])), A(np.array([inf, nan])))
    vd("float64/0*inf", A(np.array([0.0, 1.0])), A(np.array([inf, 1.0])))
    vd("random/float64", A(positive((4, 50), "float64", 235)), A(positive((4, 50), "float64", 236)))
    vd("random/complex64", A(positive((4, 50), "complex64", 237)), A(positive((4, 50), "complex64", 238)))
    vd("error/length-mismatch", A(np.ones((2, 3))), A(np.ones((2, 4))))
    vd("error/broadcast-mismatch", A(np.ones((2, 3))), A(np.ones((4, 3))))
    vd("error/0d", A(np.array(1.0)), A(np.ones(3)))
    vd("error/axis-out-of-range", A(np.ones((2, 3))), A(np.ones((2, 3))), 2)
    vd("error/axis-length-1-no-broadcast", A(np.ones((2, 1))), A(np.ones((2, 3))))
    return g
