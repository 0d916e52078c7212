"""Golden cases for the group matmul: Matmul, Tensordot, Vecdot (see
generate.py for the format).

generate.py imports this module and calls generate(); the helpers (A, S,
Group, attempt, ...) come from generate.py itself.
"""

from generate import *  # noqa: F401,F403  A, S, Group, attempt, np, nan, inf, ...


def generate():
    g = Group("matmul")
    return g
