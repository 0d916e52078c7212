package main

import (
	"os"
	"testing"

	"workbench/interp/client"
)

// TestMain lets the test binary be workbench itself: with
// WORKBENCH_TEST_MAIN=1 it runs the command line, so that the commands
// under test start their kernels from it ("kernel -f ...").
func TestMain(m *testing.M) {
	if os.Getenv("WORKBENCH_TEST_MAIN") == "1" {
		os.Exit(dispatch(os.Stdout, os.Stderr, os.Args[1:]))
	}
	kernelOptions = func() client.Options {
		return client.Options{
			Command: []string{os.Args[0], "kernel"},
			Env:     []string{"WORKBENCH_TEST_MAIN=1"},
		}
	}
	os.Exit(m.Run())
}
