#!/usr/bin/python3
"""Writes the .npy and .npz test files and manifest.json for arrays/npy_test.go.

Run with Debian's NumPy 1.24 (/usr/bin/python3), from the arrays directory
(go generate ./arrays does this):

    /usr/bin/python3 testdata/npy/generate.py

Every file is written by NumPy itself (np.save, np.savez,
np.savez_compressed, np.lib.format.write_array), except three whose headers
are made by hand to cover what np.save never writes ('=' byte order, Python
2's 3L integers); NumPy loads those back here before they are kept.

manifest.json lists each file with its dtype, shape, Fortran order and the
elements in C order: bools as JSON booleans, integers as decimal strings,
floats as float.hex() strings ('nan', 'inf', '-0x0.0p+0' are exact), complex
numbers as [re, im] pairs of such strings. It records the SHA-256 of this
script, so that the Go tests notice when the data is stale.
"""

import hashlib
import io
import json
import os

import numpy as np

assert np.__version__.startswith("1.24"), np.__version__

HERE = os.path.dirname(os.path.abspath(__file__))

# Six elements per dtype, for (2, 3) arrays: extremes, signs, specials.
VALUES = {
    "bool": [True, False, True, True, False, False],
    "int8": [-128, 127, 0, -1, 5, 42],
    "int16": [-32768, 32767, 0, -1, 258, 1000],
    "int32": [-2**31, 2**31 - 1, 0, -1, 16909060, 7],
    "int64": [-2**63, 2**63 - 1, 0, -1, 0x0102030405060708, 7],
    "uint8": [0, 255, 1, 128, 7, 42],
    "uint16": [0, 65535, 1, 258, 32768, 42],
    "uint32": [0, 2**32 - 1, 1, 16909060, 2**31, 42],
    "uint64": [0, 2**64 - 1, 1, 0x0102030405060708, 2**63, 42],
    "float32": [0.1, -0.0, np.inf, -np.inf, np.nan, 1e-45],
    "float64": [0.1, -0.0, np.inf, -np.inf, np.nan, 5e-324],
    "complex64": [1 + 2j, complex(-0.0, 0.0), complex(np.inf, -1), complex(np.nan, 0.5),
                  0.1 + 0.2j, complex(0, -np.inf)],
    "complex128": [1 + 2j, complex(-0.0, 0.0), complex(np.inf, -1), complex(np.nan, 0.5),
                   0.1 + 0.2j, complex(5e-324, -np.inf)],
}


def enc(a):
    """The elements of a in C order, encoded for JSON."""
    out = []
    for v in a.ravel(order="C").tolist():
        if a.dtype.kind == "b":
            out.append(bool(v))
        elif a.dtype.kind in "iu":
            out.append(str(int(v)))
        elif a.dtype.kind == "f":
            out.append(float(v).hex())
        else:
            out.append([float(v.real).hex(), float(v.imag).hex()])
    return out


def entry(name, a, version="1.0", np_save=False):
    return {
        "file": name,
        "dtype": a.dtype.name,
        "descr": a.dtype.str,
        "shape": list(a.shape),
        "fortran": bool(a.flags.f_contiguous and not a.flags.c_contiguous),
        "version": version,
        "np_save": np_save,  # written by np.save, little-endian: Go must write the same bytes
        "values": enc(a),
    }


def check(name, want):
    got = np.load(os.path.join(HERE, name))
    assert got.dtype == want.dtype and got.shape == want.shape, name
    assert got.tobytes() == want.tobytes() or np.array_equal(got, want, equal_nan=True), name


# Remove what an earlier run wrote.
for f in os.listdir(HERE):
    if f.endswith((".npy", ".npz")) or f == "manifest.json":
        os.remove(os.path.join(HERE, f))

npy = []


def save(name, a, np_save=True):
    np.save(os.path.join(HERE, name), a)
    check(name, a)
    npy.append(entry(name, a, np_save=np_save))


for dt, vals in VALUES.items():
    base = np.array(vals, dtype=dt).reshape(2, 3)
    orders = [("le", "<"), ("be", ">")] if base.dtype.itemsize > 1 else [("", "|")]
    for tag, bo in orders:
        a = base.astype(base.dtype.newbyteorder(bo)) if bo != "|" else base
        for layout in "CF":
            b = np.asfortranarray(a) if layout == "F" else np.ascontiguousarray(a)
            name = "_".join(x for x in (dt, tag, layout) if x) + ".npy"
            save(name, b, np_save=(bo != ">"))

# Fortran order in three dimensions, 0-d arrays, zero-size arrays.
save("float64_F_3d.npy", np.asfortranarray(np.arange(24, dtype="<f8").reshape(2, 3, 4) / 4))
save("int32_F_3d_be.npy", np.asfortranarray(np.arange(24, dtype=">i4").reshape(2, 3, 4) - 12), np_save=False)
save("float64_0d.npy", np.array(3.25))
save("complex128_0d.npy", np.array(1.5 - 2.5j))
save("bool_0d.npy", np.array(True))
save("float32_empty_0x3.npy", np.zeros((0, 3), dtype="<f4"))
save("int16_empty_3x0_F.npy", np.asfortranarray(np.zeros((3, 0), dtype="<i2")))
save("uint8_1d.npy", np.arange(200, 256, dtype="u1"))


# Format versions 2.0 and 3.0.
def write_version(name, a, version):
    with open(os.path.join(HERE, name), "wb") as f:
        np.lib.format.write_array(f, a, version=version)
    check(name, a)
    npy.append(entry(name, a, version="%d.%d" % version))


write_version("v2_int32.npy", np.arange(6, dtype="<i4").reshape(2, 3) * -7, (2, 0))
write_version("v3_float64.npy", np.array([0.5, -1.25, 1e300, -1e-300]), (3, 0))


# Headers that np.save never writes: '=' byte order and Python 2's long
# integers.
def handmade(name, header, a, version=(1, 0)):
    raw = np.lib.format._wrap_header(header, version)
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(raw)
        f.write(a.tobytes(order="F" if "True" in header else "C"))
    check(name, a)
    npy.append(entry(name, a, version="%d.%d" % version))


handmade("native_int32.npy", "{'descr': '=i4', 'fortran_order': False, 'shape': (3,), }",
         np.array([1, -2, 3], dtype="=i4"))
handmade("py2_long.npy", "{'descr': '<i8', 'fortran_order': True, 'shape': (2L, 2L), }",
         np.asfortranarray(np.array([[1, 2], [3, 4]], dtype="<i8")))
handmade("double_quotes.npy", '{"descr": "<u2", "shape": (2,), "fortran_order": False}',
         np.array([7, 65535], dtype="<u2"))

# Dtypes Workbench does not load: the Go tests check the error names them.
unsupported = []


def unsup(name, a, what):
    np.save(os.path.join(HERE, name), a, allow_pickle=True)
    unsupported.append({"file": name, "descr": a.dtype.str if a.dtype.names is None else "structured",
                        "what": what})


unsup("float16.npy", np.array([1.5, 2], dtype="<f2"), "float16")
unsup("unicode.npy", np.array(["ab", "cde"], dtype="<U5"), "unicode strings")
unsup("bytes.npy", np.array([b"ab"], dtype="S3"), "byte strings")
unsup("object.npy", np.array([1, "x"], dtype=object), "Python objects")
unsup("datetime.npy", np.array(["2024-01-02"], dtype="<M8[D]"), "datetime64")
unsup("structured.npy", np.zeros(2, dtype=[("x", "<f8"), ("y", "<i4")]), "structured")
unsup("longdouble.npy", np.zeros(2, dtype=np.longdouble), "long double")

# .npz archives.
NPZ = {
    "a": np.arange(3, dtype="<i8"),
    "b": np.asfortranarray(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, np.nan]])),
    "c": np.array(True),
    "z": np.zeros((0, 2), dtype="<c8"),
}
npz = []
for name, fn in [("savez.npz", np.savez), ("savez_compressed.npz", np.savez_compressed)]:
    fn(os.path.join(HERE, name), **NPZ)
    with np.load(os.path.join(HERE, name)) as z:
        assert sorted(z.files) == sorted(NPZ), z.files
    npz.append({"file": name, "compressed": "compressed" in name,
                "arrays": {k: entry(k + ".npy", v) for k, v in NPZ.items()}})

with open(os.path.abspath(__file__), "rb") as f:
    sha = hashlib.sha256(f.read()).hexdigest()
manifest = {
    "numpy": np.__version__,
    "generator_sha256": sha,
    "npy": npy,
    "unsupported": unsupported,
    "npz": npz,
}
with open(os.path.join(HERE, "manifest.json"), "w") as f:
    json.dump(manifest, f, indent=1)
    f.write("\n")
print("wrote %d .npy, %d unsupported, %d .npz files" % (len(npy), len(unsupported), len(npz)))
