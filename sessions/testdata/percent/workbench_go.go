// ---
// jupyter:
//   jupytext:
//     text_representation:
//       extension: .go
//       format_name: percent
//       format_version: '1.3'
//   kernelspec:
//     display_name: Go (Workbench)
//     language: go
//     name: workbench
//   workbench: {"verify":{"mask":["[0-9.]+ms"],"tolerance":{"atol":0,"rtol":1e-09}}}
// ---

// %% [markdown]
// # A session
//
// Arrays, tables and a figure.

// %%
x := arrays.Asarray([][]float64{{0, 0.5, 1}, {math.NaN(), math.Copysign(0, -1), math.Inf(1)}})
x

// %% workbench={"verify":{"volatile_outputs":[0]}}
fmt.Println("took 12.5ms")
t

// %%
fig
