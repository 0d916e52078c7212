package main

// Text before the first marker is a code cell.

// %% Load the data [md] tags=["setup"]
// # Loading
//
// Read the **CSV**.

// %%
t, err := table.ReadCSV("data.csv")


// %% tags=["plot", "slow"] collapsed=true
fig := plotting.Line(x, y)
fig
// %% [raw]
// \begin{equation}
//E = mc^2
// \end{equation}

