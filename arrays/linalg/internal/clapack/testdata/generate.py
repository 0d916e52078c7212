#!/usr/bin/python3
"""Generate golden.json: reference results of NumPy/SciPy's LAPACK for clapack.

Run from arrays/linalg/internal/clapack (go generate does this) with
Debian's python3-numpy (1.24) and python3-scipy:

    /usr/bin/python3 testdata/generate.py

For every matrix it records the input and, as they apply:
  lu, piv   scipy.linalg.lu_factor (zgetrf: packed L\\U, 0-based pivots)
  det       numpy.linalg.det
  inv       numpy.linalg.inv (nonsingular matrices only)
  r         numpy.linalg.qr(a, mode="r")          (zgeqrf's R, k×n)
  r_full    numpy.linalg.qr(a, mode="complete")[1] (m×n)
  eigvalsh  numpy.linalg.eigvalsh (Hermitian matrices; ascending)
  svdvals   numpy.linalg.svd(a, compute_uv=False) (descending)
  eigvals   numpy.sort_complex(numpy.linalg.eigvals(a))

A complex matrix is {"shape": [m, n], "re": [...], "im": [...]}, row-major.
The file's "generator_sha256" is this script's SHA-256, which the Go test
compares with the script to notice stale data.
"""

import hashlib
import json
import os
import warnings

import numpy as np
import scipy
import scipy.linalg

HERE = os.path.dirname(os.path.abspath(__file__))


def enc(a):
    a = np.asarray(a, dtype=np.complex128)
    if a.ndim == 1:
        a = a.reshape(1, -1)
    return {"shape": list(a.shape), "re": [float(x) for x in a.real.ravel()],
            "im": [float(x) for x in a.imag.ravel()]}


def real_list(x):
    return [float(v) for v in np.asarray(x).ravel()]


def case(name, a, hermitian=False, singular=False):
    a = np.asarray(a, dtype=np.complex128)
    m, n = a.shape
    out = {"name": name, "a": enc(a), "hermitian": hermitian, "singular": singular}
    out["r"] = enc(np.linalg.qr(a, mode="r"))
    out["r_full"] = enc(np.linalg.qr(a, mode="complete")[1])
    out["svdvals"] = real_list(np.linalg.svd(a, compute_uv=False))
    if m == n:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # lu_factor warns on singular input
            lu, piv = scipy.linalg.lu_factor(a)
        out["lu"] = enc(lu)
        out["piv"] = [int(p) for p in piv]
        out["det"] = enc(np.array([np.linalg.det(a)]))
        if not singular:
            out["inv"] = enc(np.linalg.inv(a))
        out["eigvals"] = enc(np.sort_complex(np.linalg.eigvals(a)))
        if hermitian:
            out["eigvalsh"] = real_list(np.linalg.eigvalsh(a))
    return out


def main():
    rng = np.random.default_rng(20240601)

    def rand(m, n):
        return rng.uniform(-1, 1, (m, n)) + 1j * rng.uniform(-1, 1, (m, n))

    def herm(n):
        b = rand(n, n)
        return (b + b.conj().T) / 2

    cases = []
    for n in (1, 2, 3, 4, 6, 9):
        cases.append(case("random%d" % n, rand(n, n)))
    cases.append(case("tall5x3", rand(5, 3)))
    cases.append(case("wide3x5", rand(3, 5)))
    cases.append(case("tall8x2", rand(8, 2)))
    cases.append(case("wide2x7", rand(2, 7)))
    for n in (1, 4, 7):
        cases.append(case("hermitian%d" % n, herm(n), hermitian=True))
    # Repeated eigenvalues: Q·diag(1, 1, -2, -2, -2, 3)·Qᴴ, Q unitary.
    q, _ = np.linalg.qr(rand(6, 6))
    cases.append(case("repeated", q @ np.diag([1, 1, -2, -2, -2, 3]) @ q.conj().T, hermitian=True))
    # A Jordan block: eigenvalue 2+1j, multiplicity 4, one eigenvector.
    j = np.diag(np.full(4, 2 + 1j)) + np.diag(np.ones(3), 1)
    cases.append(case("jordan", j))
    cases.append(case("diagonal", np.diag([3 - 1j, -0.5, 2j, 1e-3 + 0j, 7])))
    cases.append(case("zeros", np.zeros((3, 3)), hermitian=True, singular=True))
    # Two equal rows: elimination produces an exactly zero pivot.
    cases.append(case("singular", np.array([[1, 2j, 3], [4, 5, 6 + 1j], [1, 2j, 3]]), singular=True))
    cases.append(case("identity", np.eye(4), hermitian=True))

    with open(__file__, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    golden = {"generator_sha256": digest, "numpy": np.__version__, "scipy": scipy.__version__,
              "cases": cases}
    with open(os.path.join(HERE, "golden.json"), "w") as f:
        json.dump(golden, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
