//go:build ignore

// gen runs the cells of the export fixture through Workbench's kernel
// engine and writes session.ipynb with the outputs of that run, which the
// tests of the Go export compare with the exported program's output.
//
//	go run ./sessions/testdata/export/gen.go
package main

import (
	"context"
	"log"
	"path/filepath"
	"runtime"
	"time"

	"workbench/interp"
	"workbench/sessions"
)

// cells are the fixture's cells: "md:" starts a markdown cell.
var cells = []string{
	"md:# Export fixture\n\nA session for the tests of `workbench export`: arrays, a loop, functions,\na redefined function, `rng` draws, `display` and a figure.",
	"// Arrays and printing.\nx := arrays.Linspace(0, 1, 5)\nfmt.Println(\"x =\", x)\nx.Sum()",
	"total := 0\nfor i := range 10 {\n\ttotal += i\n}\nfmt.Println(\"total\", total, min(total, 7), max(3, total))",
	"import \"strings\"\n\nscale := 10.0\n\n// f doubles v.\nfunc f(v float64) float64 { return 2 * v }\n\nfunc shout(s string) string { return strings.ToUpper(s) + \"!\" }\n\nfmt.Println(f(3), shout(\"hi\"))",
	"func scaled(v float64) float64 { return v * scale }\n\nfmt.Println(\"scaled\", scaled(2))",
	"md:Now `f` changes: cells before keep the old one.\n\n$$f(v) = 3v$$",
	"fmt.Println(\"f before:\", f(1))",
	"func f(v float64) float64 { return 3 * v } // redefined\nfmt.Println(\"f after:\", f(1))",
	"u := rng.Random(3)\nfmt.Println(u)\nn := rng.Integers(0, 100, 4)\nfmt.Println(n)",
	"display(x.Mul(2), \"two values\")",
	"type point struct{ X, Y float64 }\n\nfunc (p point) norm() float64 { return math.Hypot(p.X, p.Y) }\n\np := point{X: 3, Y: 4}\nfmt.Println(\"norm\", p.norm())",
	"x := \"now a string\"\nfmt.Println(x, len(x))",
	"squares := map[int]int{}\nfor i := range 5 {\n\tsquares[i] = i * i\n\tprogress(i+1, 5)\n}\nfmt.Println(len(squares), squares[4])\nclear(squares)\nfmt.Println(len(squares))",
	"t := arrays.Linspace(0, 2*math.Pi, 50)\nfig := plotting.New(plotting.Size(3, 2))\nfig.Axes().Line(t, arrays.Sin(t)).SetTitle(\"sin\")\nfig",
	"unused := 42\nfor k, v := range []int{7, 8} {\n\tfmt.Println(\"k\", k)\n}\nfmt.Println(\"done\")",
}

func main() {
	const seed = 42
	dir := filepath.Join("sessions", "testdata", "export")
	s, err := interp.NewSession(interp.Options{Seed: seed})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()
	nb := sessions.New()
	env := interp.CurrentEnvironment(seed)
	nb.Record = &sessions.Record{
		Environment: &sessions.Environment{Workbench: env.Workbench, Go: env.Go, OS: env.OS, Arch: env.Arch,
			CPUFeatures: env.CPUFeatures, SIMD: env.SIMD, Workers: env.Workers, Devices: env.Devices, Seed: env.Seed},
		Date: time.Now().UTC().Format(time.RFC3339),
	}
	s64 := uint64(seed)
	nb.Record.Seed = &s64
	count := 0
	for i, src := range cells {
		if len(src) > 3 && src[:3] == "md:" {
			c := sessions.NewMarkdown(src[3:])
			c.ID = "cell" + string(rune('a'+i))
			nb.Cells = append(nb.Cells, c)
			continue
		}
		c := sessions.NewCode(src)
		c.ID = "cell" + string(rune('a'+i))
		outs, err := s.Run(context.Background(), src)
		if err != nil {
			log.Fatal(err)
		}
		count++
		n := count
		c.ExecutionCount = &n
		c.Outputs = []sessions.Output{}
		for _, o := range outs {
			if o.Type == interp.UpdateDisplayData {
				continue
			}
			so := sessions.Output{Type: sessions.OutputType(o.Type.String()), Name: o.Name, Text: o.Text,
				Data: sessions.Bundle(o.Data), EName: o.ErrName, EValue: o.ErrValue, Traceback: o.Traceback}
			if so.Type == sessions.OutputExecuteResult {
				so.ExecutionCount = &n
			}
			if so.Type == sessions.OutputError {
				log.Printf("cell %d: %s: %s", i+1, o.ErrName, o.ErrValue)
			}
			c.Outputs = append(c.Outputs, so)
		}
		nb.Cells = append(nb.Cells, c)
	}
	sessions.SetGoMetadata(nb, runtime.Version())
	if err := sessions.Save(nb, filepath.Join(dir, "session.ipynb")); err != nil {
		log.Fatal(err)
	}
}
