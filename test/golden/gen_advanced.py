"""Golden cases for the group advanced_indexing (see generate.py for the format).

generate.py imports this module and calls generate(); the helpers (A, S,
Group, attempt, ...) come from generate.py itself.
"""

from generate import *  # noqa: F401,F403  A, S, Group, attempt, np, nan, inf, ...


def generate():
    g = Group("advanced_indexing")
    return g
