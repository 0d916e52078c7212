package interp_test

import (
	"context"
	"fmt"

	"workbench/interp"
)

// Two cells run in one session: the second sees what the first declared.
func Example() {
	s, err := interp.NewSession(interp.Options{Seed: 1})
	if err != nil {
		panic(err)
	}
	defer s.Close()
	for _, cell := range []string{
		"x := arrays.Linspace(0, 1, 5)\nfunc double(a *arrays.Array) *arrays.Array { return a.Mul(2) }\nfmt.Println(\"shape\", x.Shape())",
		"double(x)",
	} {
		outs, err := s.Run(context.Background(), cell)
		if err != nil {
			panic(err)
		}
		for _, o := range outs {
			switch o.Type {
			case interp.Stream:
				fmt.Printf("%s: %s", o.Name, o.Text)
			case interp.Error:
				fmt.Printf("%s: %s\n", o.ErrName, o.ErrValue)
			default:
				fmt.Printf("%s: %s\n", o.Type, o.Data[interp.MIMEText])
			}
		}
	}
	// Output:
	// stdout: shape [5]
	// execute_result: array([0. , 0.5, 1. , 1.5, 2. ])
}
