package jupyter

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	"workbench/kernels"
)

const kernelUsage = `Usage:
  workbench kernel -f CONNECTION_FILE [--seed N] [--workers N] [--dir D]
  workbench kernel install [--user | --prefix P | --dir D] [--name NAME]

The first form runs a Workbench kernel, speaking Jupyter's messaging
protocol on the sockets named in the connection file, until a client asks
it to shut down. Jupyter's tools start it so, from the kernelspec.

  -f FILE      the connection file (ports, key), written by the client
  --seed N     the seed of the session generator rng (default: $WORKBENCH_SEED, else 0)
  --workers N  the number of CPU workers (default: one per CPU)
  --dir D      the notebook's folder, for imports beside it (default: the working directory)

The second form installs the kernelspec, so that JupyterLab, Notebook and
jupyter-console offer "Go (Workbench)":

  --user       in the user's Jupyter data folder (the default):
               $JUPYTER_DATA_DIR/kernels, or ~/.local/share/jupyter/kernels
  --prefix P   in P/share/jupyter/kernels (a virtual environment, /usr/local)
  --dir D      in D/NAME (D: a folder of kernelspecs)
  --name NAME  the kernelspec's name (default: workbench)
`

// Main is the "workbench kernel" command: args are its arguments (after
// "kernel"). It runs a kernel (-f CONNECTION_FILE), installs the
// kernelspec (install), or prints help (-h). It returns the exit status:
// 0, 1 when the kernel or the installation failed, 2 for bad arguments.
func Main(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "install" {
		return install(args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "help" {
		fmt.Fprint(stdout, kernelUsage)
		return 0
	}
	fs := flag.NewFlagSet("workbench kernel", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	connFile := fs.String("f", "", "")
	seed := fs.Uint64("seed", 0, "")
	workers := fs.Int("workers", 0, "")
	dir := fs.String("dir", "", "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, kernelUsage)
			return 0
		}
		fmt.Fprintf(stderr, "workbench kernel: %v\n\n%s", err, kernelUsage)
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "workbench kernel: unexpected argument %q\n\n%s", fs.Arg(0), kernelUsage)
		return 2
	}
	if *connFile == "" {
		fmt.Fprintf(stderr, "workbench kernel: -f CONNECTION_FILE is required\n\n%s", kernelUsage)
		return 2
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if !set["seed"] {
		if env := os.Getenv("WORKBENCH_SEED"); env != "" {
			n, err := strconv.ParseUint(env, 10, 64)
			if err != nil {
				fmt.Fprintf(stderr, "workbench kernel: WORKBENCH_SEED=%q is not a seed (an unsigned integer)\n", env)
				return 2
			}
			*seed = n
		}
	}
	if set["workers"] {
		kernels.SetWorkers(*workers)
	}
	if *dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			fmt.Fprintf(stderr, "workbench kernel: %v\n", err)
			return 1
		}
		*dir = wd
	}
	conn, err := ReadConnectionFile(*connFile)
	if err != nil {
		fmt.Fprintf(stderr, "workbench kernel: %v\n", err)
		return 1
	}
	ctx, orphaned := watchParent(context.Background(), os.Getppid, time.Second)
	if err := Serve(ctx, conn, KernelOptions{Seed: *seed, Dir: *dir, Log: stderr}); err != nil {
		if orphaned() {
			fmt.Fprintln(stderr, "workbench kernel: the process that started the kernel has ended; shutting down")
			return 0
		}
		fmt.Fprintf(stderr, "workbench kernel: %v\n", err)
		return 1
	}
	return 0
}

// install is "workbench kernel install".
func install(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("workbench kernel install", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	user := fs.Bool("user", false, "")
	prefix := fs.String("prefix", "", "")
	dir := fs.String("dir", "", "")
	name := fs.String("name", KernelName, "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, kernelUsage)
			return 0
		}
		fmt.Fprintf(stderr, "workbench kernel install: %v\n\n%s", err, kernelUsage)
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "workbench kernel install: unexpected argument %q\n\n%s", fs.Arg(0), kernelUsage)
		return 2
	}
	n := 0
	for _, b := range []bool{*user, *prefix != "", *dir != ""} {
		if b {
			n++
		}
	}
	if n > 1 {
		fmt.Fprintf(stderr, "workbench kernel install: give one of --user, --prefix and --dir\n")
		return 2
	}
	var kernelsDir string
	switch {
	case *prefix != "":
		kernelsDir = PrefixKernelsDir(*prefix)
	case *dir != "":
		kernelsDir = *dir
	default:
		d, err := UserKernelsDir()
		if err != nil {
			fmt.Fprintf(stderr, "workbench kernel install: finding the Jupyter data folder: %v\n", err)
			return 1
		}
		kernelsDir = d
	}
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "workbench kernel install: %v\n", err)
		return 1
	}
	where, err := NewKernelSpec(exe).Install(kernelsDir, *name)
	if err != nil {
		fmt.Fprintf(stderr, "workbench kernel install: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "installed kernelspec %s in %s\n", *name, where)
	return 0
}
