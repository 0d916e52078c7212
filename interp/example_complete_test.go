package interp_test

import (
	"context"
	"fmt"

	"workbench/interp"
)

// Completion and inspection see what earlier cells declared, and the
// variables listing shows it.
func ExampleSession_Complete() {
	s, err := interp.NewSession(interp.Options{})
	if err != nil {
		panic(err)
	}
	defer s.Close()
	if _, err := s.Run(context.Background(), "temperature := arrays.Linspace(15, 25, 5)\ntempo := 120"); err != nil {
		panic(err)
	}
	cell := "avg := temperature.Mean()\nfmt.Println(temp"
	c := s.Complete(cell, len(cell))
	fmt.Printf("replace %q with:\n", cell[c.Start:c.End])
	for _, m := range c.Matches {
		fmt.Printf("  %s (%s)\n", m.Name, m.Signature)
	}
	in := s.Inspect(cell, 20) // on Mean
	fmt.Println(in.Name)
	for _, v := range s.Variables() {
		fmt.Println(v.Name, v.Type, v.Shape, v.DType)
	}
	// Output:
	// replace "temp" with:
	//   temperature (var temperature *arrays.Array)
	//   tempo (var tempo int)
	// (*arrays.Array).Mean
	// temperature *arrays.Array (5,) float64
	// tempo int
}

// IsComplete tells a console whether to run the cell or wait for more.
func ExampleIsComplete() {
	for _, cell := range []string{
		"x := 1",
		"for i := range 3 {",
		"x := 1 2",
	} {
		status, indent := interp.IsComplete(cell)
		fmt.Printf("%-20q %s %q\n", cell, status, indent)
	}
	// Output:
	// "x := 1"             complete ""
	// "for i := range 3 {" incomplete "\t"
	// "x := 1 2"           invalid ""
}
