package main

import (
	"fmt"
	"io"
	"os"
	"sort"
)

// A command is one subcommand: it writes to stdout and stderr and returns
// the process exit status.
type command struct {
	summary string
	run     func(stdout, stderr io.Writer, args []string) int
}

// commands maps each subcommand name to its command; each is defined in a
// file of its own.
var commands = map[string]command{
	"version": {"print the versions of Workbench and Go, CPU features and devices", runVersion},
	"kernel":  {"run the Jupyter kernel (kernel -f FILE), or install its kernelspec (kernel install)", runKernel},
	"run":     {"run every cell of a session headless and write the executed notebook", runRun},
	"verify":  {"re-run a saved session and compare every output with the saved one", runVerify},
	"export":  {"write a session as HTML, Markdown or a Go program (--to html|md|go)", runExport},
}

// aliases are flag-style spellings of subcommands.
var aliases = map[string]string{
	"--version": "version",
	"-version":  "version",
}

func main() {
	os.Exit(dispatch(os.Stdout, os.Stderr, os.Args[1:]))
}

// dispatch runs the subcommand named by args[0] and returns the exit status:
// 2 for a missing or unknown subcommand.
func dispatch(stdout, stderr io.Writer, args []string) int {
	if len(args) == 0 {
		return runApp(stdout, stderr, nil)
	}
	name := args[0]
	if a, ok := aliases[name]; ok {
		name = a
	}
	switch name {
	case "help", "-h", "-help", "--help":
		usage(stdout)
		return 0
	}
	cmd, ok := commands[name]
	if !ok && isSessionArg(args[0]) {
		if len(args) > 1 {
			fmt.Fprintf(stderr, "workbench: the app opens one file; unexpected arguments: %q\n", args[1:])
			return 2
		}
		return runApp(stdout, stderr, args)
	}
	if !ok {
		fmt.Fprintf(stderr, "workbench: unknown command %q\n\n", args[0])
		usage(stderr)
		return 2
	}
	return cmd.run(stdout, stderr, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: workbench <command> [arguments]")
	appUsage(w)
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintf(w, "  %-10s %s\n", "help", "print this message")
}
