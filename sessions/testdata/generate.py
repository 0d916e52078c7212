#!/usr/bin/python3
"""Writes the notebook fixtures of package sessions with Jupyter's own writer.

Run it from anywhere with Debian's python3-nbformat:

    /usr/bin/python3 sessions/testdata/generate.py

It writes, next to itself:

  jupyter_python.ipynb  a notebook as Jupyter and ipykernel write it: a
                        Python kernel, widget state, a markdown cell with an
                        attachment, a raw cell, outputs of several MIME types
                        with metadata, an error with ANSI colours.
  workbench_go.ipynb    a Workbench session: Go kernel, metadata.workbench
                        with its environment record and verify settings,
                        arrays, tables, a PNG and an SVG figure.
  future.ipynb          what a newer nbformat 4 minor version may hold: an
                        unknown cell type, an unknown output type, unknown
                        top-level keys (written without validation).

Every file is written by nbformat's writer (nbformat.v4.writes), so that the
Go tests can check that package sessions writes them back byte for byte.
"""

import base64
import os
import struct
import zlib

import nbformat
from nbformat import v4

HERE = os.path.dirname(os.path.abspath(__file__))


def png(width, height, pixel):
    """A small RGB PNG, each pixel pixel(x, y) -> (r, g, b)."""
    raw = b""
    for y in range(height):
        raw += b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width))

    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def b64(data):
    return base64.b64encode(data).decode("ascii")


RED = b64(png(2, 2, lambda x, y: (255, 0, 0)))
GRADIENT = b64(png(4, 3, lambda x, y: (x * 60, y * 80, 128)))


def write(name, nb, validate=True):
    if validate:
        nbformat.validate(nb)
    text = v4.writes(nb)
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
        f.write(text)
        f.write("\n")  # as nbformat.write does


def jupyter_python():
    nb = v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {
            "codemirror_mode": {"name": "ipython", "version": 3},
            "file_extension": ".py",
            "mimetype": "text/x-python",
            "name": "python",
            "nbconvert_exporter": "python",
            "pygments_lexer": "ipython3",
            "version": "3.11.2",
        },
        "widgets": {
            "application/vnd.jupyter.widget-state+json": {
                "state": {
                    "5d1c0e2b": {
                        "model_module": "@jupyter-widgets/controls",
                        "model_name": "FloatSliderModel",
                        "state": {"value": 0.5, "step": 1e-07, "min": -1.5, "max": 2},
                    }
                },
                "version_major": 2,
                "version_minor": 0,
            }
        },
        "toc": {"nav_menu": {}, "number_sections": True},
    }
    md = v4.new_markdown_cell(
        "# Results\n\nThe plot: ![red.png](attachment:red.png)\n\nπ ≈ 3.14159, and a tab:\there.",
        id="intro",
        attachments={"red.png": {"image/png": RED}},
    )
    md.metadata = {"tags": ["intro"], "jp-MarkdownHeadingCollapsed": True}
    c1 = v4.new_code_cell(
        "import numpy as np\nx = np.linspace(0, 1, 3)\nprint(x)\nx",
        id="c1",
        execution_count=1,
        outputs=[
            v4.new_output("stream", name="stdout", text="[0.  0.5 1. ]\nline\u2028next\r\nend"),
            v4.new_output(
                "execute_result",
                execution_count=1,
                data={"text/plain": "array([0. , 0.5, 1. ])", "text/html": "<b>x</b>\n<i>y</i>\n"},
            ),
        ],
    )
    c1.metadata = {
        "collapsed": False,
        "execution": {"iopub.execute_input": "2024-01-01T00:00:00.000000Z", "shell.execute_reply": "2024-01-01T00:00:00.100000Z"},
        "jupyter": {"source_hidden": False},
        "scrolled": "auto",
    }
    c2 = v4.new_code_cell(
        "display(Image('red.png'))\nslider",
        id="c2",
        execution_count=2,
        outputs=[
            v4.new_output(
                "display_data",
                data={"image/png": GRADIENT, "text/plain": "<IPython.core.display.Image object>"},
                metadata={"image/png": {"width": 40, "height": 30}},
            ),
            v4.new_output(
                "execute_result",
                execution_count=2,
                data={
                    "application/vnd.jupyter.widget-view+json": {"model_id": "5d1c0e2b", "version_major": 2, "version_minor": 0},
                    "text/plain": "FloatSlider(value=0.5)",
                },
            ),
        ],
    )
    c3 = v4.new_code_cell(
        "1/0",
        id="c3",
        execution_count=3,
        outputs=[
            v4.new_output(
                "error",
                ename="ZeroDivisionError",
                evalue="division by zero",
                traceback=[
                    "\u001b[0;31m---------------------------------------------------------------------------\u001b[0m",
                    "\u001b[0;31mZeroDivisionError\u001b[0m: division by zero",
                ],
            )
        ],
    )
    raw = v4.new_raw_cell("\\begin{equation}\nE = mc^2\n\\end{equation}", id="raw-1")
    raw.metadata = {"raw_mimetype": "text/latex"}
    empty = v4.new_code_cell("", id="empty")
    nb.cells = [md, c1, c2, c3, raw, empty]
    write("jupyter_python.ipynb", nb)


def workbench_go():
    nb = v4.new_notebook()
    nb.metadata = {
        "kernelspec": {"display_name": "Go (Workbench)", "language": "go", "name": "workbench"},
        "language_info": {
            "codemirror_mode": "go",
            "file_extension": ".go",
            "mimetype": "text/x-go",
            "name": "go",
            "pygments_lexer": "go",
            "version": "go1.26.8",
        },
        "workbench": {
            "date": "2026-03-01T12:00:00Z",
            "environment": {
                "arch": "amd64",
                "cpu_features": ["avx2", "fma", "avx512f"],
                "devices": ["cpu"],
                "go": "go1.26.8",
                "os": "linux",
                "seed": 42,
                "simd": "avx512",
                "workbench": "0.1.0-dev (0082030)",
                "workers": 8,
            },
            "seed": 42,
            "verify": {"mask": ["[0-9.]+ms"], "tolerance": {"atol": 0, "rtol": 1e-09}},
        },
    }
    array = {"dtype": "float64", "shape": [2, 3], "data": [0, 0.5, 1, "nan", -0.0, "inf"]}
    table = {
        "columns": [
            {"name": "x", "kind": "numeric", "dtype": "float64", "data": [1.5, "nan"], "missing": [False, True]},
            {"name": "s", "kind": "string", "dtype": "string", "data": ["a", ""], "missing": [False, True]},
        ],
        "rows": 2,
    }
    svg = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3">\n<rect width="4" height="3" fill="red"/>\n</svg>\n'
    cells = [
        v4.new_markdown_cell("# A session\n\nArrays, tables and a figure.", id="title"),
        v4.new_code_cell(
            'x := arrays.Asarray([][]float64{{0, 0.5, 1}, {math.NaN(), math.Copysign(0, -1), math.Inf(1)}})\nx',
            id="array",
            execution_count=1,
            outputs=[
                v4.new_output(
                    "execute_result",
                    execution_count=1,
                    data={
                        "application/vnd.workbench.array+json": array,
                        "text/plain": "array([[ 0. ,  0.5,  1. ],\n       [ nan, -0. ,  inf]])",
                    },
                )
            ],
        ),
        v4.new_code_cell(
            'fmt.Println("took 12.5ms")\nt',
            id="table",
            execution_count=2,
            outputs=[
                v4.new_output("stream", name="stdout", text="took 12.5ms\n"),
                v4.new_output(
                    "execute_result",
                    execution_count=2,
                    data={"application/vnd.workbench.table+json": table, "text/plain": "     x    s\n0  1.5    a\n1  NaN  NaN"},
                ),
            ],
        ),
        v4.new_code_cell(
            "fig",
            id="figure",
            execution_count=3,
            outputs=[
                v4.new_output(
                    "display_data",
                    data={"image/png": GRADIENT, "image/svg+xml": svg, "text/plain": "<Figure 4x3 with 1 panel>"},
                )
            ],
        ),
    ]
    cells[1].metadata = {"workbench": {"device": "cpu", "duration": 0.001234, "digests": ["sha256:0"]}}
    cells[2].metadata = {"workbench": {"device": "cpu", "duration": 0.0125, "verify": {"volatile_outputs": [0]}}}
    nb.cells = cells
    write("workbench_go.ipynb", nb)


def future():
    nb = v4.new_notebook()
    nb.nbformat_minor = 6
    nb.metadata = {"kernelspec": {"display_name": "Go (Workbench)", "language": "go", "name": "workbench"}}
    nb["future_top_level"] = {"b": [1, 2.50, 3e10], "a": None}
    nb.cells = [
        nbformat.NotebookNode(
            {
                "cell_type": "code",
                "id": "code",
                "metadata": {},
                "source": "x",
                "execution_count": None,
                "outputs": [
                    nbformat.NotebookNode({"output_type": "hologram", "data": {"model/x": "..."}, "depth": 3}),
                    nbformat.NotebookNode({"output_type": "stream", "name": "stdout", "text": ["a\n", "b"], "future_key": True}),
                ],
            }
        ),
        nbformat.NotebookNode({"cell_type": "sketch", "id": "sk", "metadata": {}, "strokes": [[0, 0], [1, 1]], "source": 7}),
    ]
    nb.cells[0]["future_cell_key"] = "kept"
    write("future.ipynb", nb, validate=False)


if __name__ == "__main__":
    jupyter_python()
    workbench_go()
    future()
