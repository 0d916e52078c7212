package sessions_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"workbench/sessions"
)

// echoKernel is a stand-in for Workbench's kernel client: it prints each
// line of a cell, and fails on a line "fail".
type echoKernel struct{ count int }

func (k *echoKernel) Environment(ctx context.Context) (sessions.Environment, error) {
	return sessions.Environment{Workbench: "0.1.0-dev", Go: "go1.26.8", OS: "linux", Arch: "amd64",
		SIMD: "avx2", Workers: 4, Devices: []string{"cpu"}, Seed: 42}, nil
}

func (k *echoKernel) Execute(ctx context.Context, code string, emit func(sessions.Output)) (sessions.ExecuteReply, error) {
	k.count++
	for line := range strings.SplitSeq(code, "\n") {
		if line == "fail" {
			emit(sessions.Output{Type: sessions.OutputError, EName: "Panic", EValue: "1:1: it failed"})
			return sessions.ExecuteReply{Status: sessions.StatusError, ExecutionCount: k.count}, nil
		}
		emit(sessions.Output{Type: sessions.OutputStream, Name: "stdout", Text: line + "\n"})
	}
	return sessions.ExecuteReply{Status: sessions.StatusOK, ExecutionCount: k.count}, nil
}

func (k *echoKernel) Restart(ctx context.Context) error { k.count = 0; return nil }

// Run a notebook headless, save it, and verify it as `workbench run` and
// `workbench verify` do.
func Example() {
	nb := sessions.New()
	nb.Cells = []*sessions.Cell{
		sessions.NewMarkdown("# Hello"),
		{ID: "greet", Type: sessions.CodeCell, Source: "hello\nworld"},
		{ID: "oops", Type: sessions.CodeCell, Source: "fail"},
		{ID: "later", Type: sessions.CodeCell, Source: "never"},
	}
	res, err := sessions.Run(context.Background(), nb, &echoKernel{}, sessions.RunOptions{
		Progress: func(p sessions.Progress) {
			if p.State != sessions.CellStarted {
				fmt.Printf("[%d/%d] cell %d %s\n", p.N, p.Total, p.Index+1, p.State)
			}
		},
	})
	fmt.Println("ran", res.Ran, "cells; error:", err != nil)
	fmt.Printf("%q\n", nb.Cells[1].Outputs[0].Text)

	path := filepath.Join(os.TempDir(), "example-session.ipynb")
	defer os.Remove(path)
	if err := sessions.Save(nb, path); err != nil {
		fmt.Println(err)
		return
	}
	saved, err := sessions.Load(path)
	if err != nil {
		fmt.Println(err)
		return
	}
	seed, _ := saved.Seed() // start the fresh kernel with this seed
	fmt.Println("seed", seed)
	rep, _, err := sessions.Verify(context.Background(), saved, &echoKernel{}, sessions.VerifyOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(rep)
	fmt.Println("ok:", rep.OK())
	// Output:
	// [1/3] cell 2 ok
	// [2/3] cell 3 failed
	// ran 2 cells; error: true
	// "hello\nworld\n"
	// seed 42
	// note: numbers compared bit for bit: both runs on amd64 with SIMD level avx2
	// cell 2 (id "greet": hello): same
	// cell 3 (id "oops": fail): same
	// cell 4 (id "later": never): differs
	//     0 outputs saved, 1 output now; the first new one is stream stdout "never\n"
	// verify: 1 of 3 code cells differ
	// ok: false
}

// A damaged file gets an error that says what is wrong and where.
func ExampleParse() {
	_, err := sessions.Parse([]byte("{\n \"nbformat\": 4,\n \"cells\": [\n  {\"cell_type\": \"code\" \"source\": \"\"}\n ]\n}"))
	fmt.Println(err)
	_, err = sessions.Parse([]byte(`{"nbformat": 3, "worksheets": []}`))
	fmt.Println(err)
	// Output:
	// 4:24: bad JSON: invalid character '"' after an object member, looking for ',' or '}'
	// 1:14: nbformat 3 is too old: Workbench reads nbformat 4; convert the notebook with `jupyter nbconvert --to notebook --nbformat 4`
}

// The percent format is the notebook as a .go file that diffs well.
func ExampleWritePercent() {
	nb := sessions.New()
	nb.Cells = []*sessions.Cell{
		sessions.NewMarkdown("# Sines\n\nA table of sines."),
		sessions.NewCode("x := arrays.Linspace(0, math.Pi, 5)\narrays.Sin(x)"),
	}
	var buf bytes.Buffer
	sessions.WritePercent(&buf, nb)
	fmt.Print(buf.String())
	back, _ := sessions.ReadPercent(&buf)
	fmt.Println(len(back.Cells), back.Cells[1].Source == nb.Cells[1].Source)
	// Output:
	// // ---
	// // jupyter:
	// //   jupytext:
	// //     text_representation:
	// //       extension: .go
	// //       format_name: percent
	// //       format_version: '1.3'
	// //   kernelspec:
	// //     display_name: Go (Workbench)
	// //     language: go
	// //     name: workbench
	// // ---
	//
	// // %% [markdown]
	// // # Sines
	// //
	// // A table of sines.
	//
	// // %%
	// x := arrays.Linspace(0, math.Pi, 5)
	// arrays.Sin(x)
	// 2 true
}

// Compare tells which outputs differ, and by how much.
func ExampleCompare() {
	array := func(data string) sessions.Output {
		return sessions.Output{Type: sessions.OutputExecuteResult, Data: sessions.Bundle{
			sessions.MIMEText:  []byte("array(...)"),
			sessions.MIMEArray: []byte(`{"dtype":"float64","shape":[3],"data":` + data + `}`),
		}}
	}
	saved := sessions.New()
	saved.Cells = []*sessions.Cell{{ID: "sum", Type: sessions.CodeCell, Source: "x.Cumsum()", Outputs: []sessions.Output{array("[1,3,6]")}}}
	fresh := saved.Clone()
	fresh.Cells[0].Outputs = []sessions.Output{array(`[1,3,6.000000000000001]`)}
	rep := sessions.Compare(saved, fresh, nil)
	fmt.Print(rep)
	// Output:
	// note: the saved notebook has no environment record: numbers compared within tolerances
	// cell 1 (id "sum": x.Cumsum()): same
	// verify: all 1 code cells came out the same
}
