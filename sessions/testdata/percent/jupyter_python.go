// ---
// jupyter:
//   jupytext:
//     text_representation:
//       extension: .go
//       format_name: percent
//       format_version: '1.3'
//   kernelspec:
//     display_name: Python 3 (ipykernel)
//     language: python
//     name: python3
// ---

// %% [markdown] jp-MarkdownHeadingCollapsed=true tags=["intro"]
// # Results
//
// The plot: ![red.png](attachment:red.png)
//
// π ≈ 3.14159, and a tab:	here.

// %% collapsed=false execution={"iopub.execute_input":"2024-01-01T00:00:00.000000Z","shell.execute_reply":"2024-01-01T00:00:00.100000Z"} jupyter={"source_hidden":false} scrolled="auto"
import numpy as np
x = np.linspace(0, 1, 3)
print(x)
x

// %%
display(Image('red.png'))
slider

// %%
1/0

// %% [raw] raw_mimetype="text/latex"
// \begin{equation}
// E = mc^2
// \end{equation}

// %%
