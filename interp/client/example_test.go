package client_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"workbench/interp"
	"workbench/interp/client"
)

// Start a kernel, run a cell printing its outputs as they come, and
// close the kernel.
func Example() {
	ctx := context.Background()
	c, err := client.Start(ctx, client.Options{Seed: 1, Stderr: os.Stderr})
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()

	reply, err := c.Execute(ctx, "x := arrays.Linspace(0, 1, 5)\nfmt.Println(\"sum\", arrays.Sum(x))\nx", func(o interp.Output) {
		switch o.Type {
		case interp.Stream:
			fmt.Print(o.Text)
		case interp.ExecuteResult, interp.DisplayData:
			fmt.Println(string(o.Data[interp.MIMEText]))
		case interp.Error:
			fmt.Println(o.ErrName+":", o.ErrValue)
		}
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("status", reply.Status, "cell", reply.ExecutionCount)
}
