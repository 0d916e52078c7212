package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"workbench/sessions"
)

// parseInterleaved parses flags that may come before and after the
// positional arguments ("run FILE -o OUT" as well as "run -o OUT FILE").
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// parseFileArg parses a subcommand's flags around its one file argument.
// When ok is false the command ends with exit status code: 0 after -h, 2
// for bad flags or not exactly one file (the usage is printed).
func parseFileArg(fs *flag.FlagSet, args []string) (file string, code int, ok bool) {
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return "", 0, false
	}
	if err != nil {
		return "", 2, false
	}
	if len(pos) != 1 {
		fs.Usage()
		return "", 2, false
	}
	return pos[0], 0, true
}

// progressPrinter prints a line on w as each cell ends, or nothing when
// quiet.
func progressPrinter(w io.Writer, quiet bool) func(sessions.Progress) {
	if quiet {
		return nil
	}
	return func(p sessions.Progress) {
		if p.State != sessions.CellStarted {
			fmt.Fprintln(w, p)
		}
	}
}

// signalContext is cancelled by Ctrl+C, so that a run stops its cell (the
// kernel is interrupted, or restarted if it does not stop) and exits.
func signalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt)
}

// outputPath is where `run` writes: -o, the file itself with --inplace, or
// FILE.out.ipynb beside it.
func outputPath(in, out string, inplace bool) (string, error) {
	switch {
	case out != "" && inplace:
		return "", errors.New("-o and --inplace cannot be used together")
	case out != "":
		return out, nil
	case inplace:
		if strings.EqualFold(filepath.Ext(in), ".go") {
			return "", fmt.Errorf("--inplace: %s is a percent-format Go file, which keeps no outputs; name an .ipynb with -o", in)
		}
		return in, nil
	}
	base := strings.TrimSuffix(in, filepath.Ext(in))
	return base + ".out.ipynb", nil
}

// runRun is `workbench run FILE`: it runs every cell in a kernel process
// and writes the executed notebook.
func runRun(stdout, stderr io.Writer, args []string) int {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "write the executed notebook to `OUT.ipynb` (default: FILE.out.ipynb)")
	inplace := fs.Bool("inplace", false, "write the executed notebook over FILE")
	seed := fs.Uint64("seed", 0, "seed of the session generator rng (default: the file's, else 0)")
	workers := fs.Int("workers", 0, "number of CPU workers (default: one per CPU)")
	allowErrors := fs.Bool("allow-errors", false, "go on after a cell fails (the exit status is still 1)")
	quiet := fs.Bool("q", false, "print no progress")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: workbench run FILE.ipynb|FILE.go [-o OUT.ipynb | --inplace] [--seed N] [--workers N] [--allow-errors] [-q]")
		fmt.Fprintln(stderr, "\nRuns every code cell of the session in a fresh kernel, in order, and writes the")
		fmt.Fprintln(stderr, "executed notebook with its outputs and reproducibility record. Stops at the first")
		fmt.Fprintln(stderr, "cell that fails (exit status 1) unless --allow-errors.")
		fmt.Fprintln(stderr)
		fs.PrintDefaults()
	}
	in, code, ok := parseFileArg(fs, args)
	if !ok {
		return code
	}
	dest, err := outputPath(in, *out, *inplace)
	if err != nil {
		fmt.Fprintf(stderr, "workbench run: %v\n", err)
		return 2
	}
	nb, err := sessions.Load(in)
	if err != nil {
		fmt.Fprintf(stderr, "workbench run: %v\n", err)
		return 1
	}
	if err := sessions.RefuseForeign(nb); err != nil {
		fmt.Fprintf(stderr, "workbench run: %s: %v\n", in, err)
		return 1
	}
	s := *seed
	seedSet := false
	fs.Visit(func(f *flag.Flag) { seedSet = seedSet || f.Name == "seed" })
	if !seedSet {
		s, _ = nb.Seed()
	}

	ctx, stop := signalContext()
	defer stop()
	k, err := startKernel(ctx, filepath.Dir(in), s, *workers)
	if err != nil {
		fmt.Fprintf(stderr, "workbench run: %v\n", err)
		return 1
	}
	defer k.Close()
	opts := sessions.RunOptions{ContinueOnError: *allowErrors, Progress: progressPrinter(stderr, *quiet)}
	res, runErr := sessions.Run(ctx, nb, k, opts)
	if res == nil {
		fmt.Fprintf(stderr, "workbench run: %s: %v\n", in, runErr)
		return 1
	}
	if err := sessions.Save(nb, dest); err != nil {
		fmt.Fprintf(stderr, "workbench run: %v\n", err)
		return 1
	}
	if runErr != nil {
		if len(res.Failed) == 0 {
			fmt.Fprintf(stderr, "workbench run: %s: %v\n", in, runErr)
		}
		for _, ce := range res.Failed {
			fmt.Fprintf(stderr, "workbench run: %s: %v\n", in, ce)
		}
		fmt.Fprintf(stderr, "wrote %s (%d of %d code cells ran)\n", dest, res.Ran, countCode(nb))
		return 1
	}
	if !*quiet {
		fmt.Fprintf(stderr, "wrote %s (%d cells ran)\n", dest, res.Ran)
	}
	return 0
}

func countCode(nb *sessions.Notebook) int {
	n := 0
	for _, c := range nb.Cells {
		if c.Type == sessions.CodeCell {
			n++
		}
	}
	return n
}

// runVerify is `workbench verify FILE`: it re-runs a saved session in a
// fresh kernel with the file's seed and compares every output.
func runVerify(stdout, stderr io.Writer, args []string) int {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	workers := fs.Int("workers", 0, "number of CPU workers (default: one per CPU); results must not depend on it")
	quiet := fs.Bool("q", false, "print only the report's verdict and the differences")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: workbench verify FILE.ipynb [--workers N] [-q]")
		fmt.Fprintln(stderr, "\nRe-runs a saved session in a fresh kernel with the file's seed and compares every")
		fmt.Fprintln(stderr, "output with the saved one; prints a report per cell and exits 0 only when all match.")
		fmt.Fprintln(stderr)
		fs.PrintDefaults()
	}
	in, code, ok := parseFileArg(fs, args)
	if !ok {
		return code
	}
	saved, err := sessions.Load(in)
	if err != nil {
		fmt.Fprintf(stderr, "workbench verify: %v\n", err)
		return 2
	}
	if err := sessions.RefuseForeign(saved); err != nil {
		fmt.Fprintf(stderr, "workbench verify: %s: %v\n", in, err)
		return 2
	}
	seed, ok := saved.Seed()
	if !ok {
		fmt.Fprintf(stderr, "workbench verify: %s has no recorded seed (metadata.workbench.seed); it was not written by `workbench run`, so there is nothing to compare with — run it first\n", in)
		return 2
	}
	ctx, stop := signalContext()
	defer stop()
	k, err := startKernel(ctx, filepath.Dir(in), seed, *workers)
	if err != nil {
		fmt.Fprintf(stderr, "workbench verify: %v\n", err)
		return 1
	}
	defer k.Close()
	opts := sessions.VerifyOptions{Progress: progressPrinter(stderr, *quiet)}
	rep, _, err := sessions.Verify(ctx, saved, k, opts)
	if err != nil {
		fmt.Fprintf(stderr, "workbench verify: %s: %v\n", in, err)
		return 1
	}
	if _, err := rep.WriteTo(stdout); err != nil {
		return 1
	}
	if !rep.OK() {
		return 1
	}
	return 0
}
