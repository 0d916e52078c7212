package sessions

import (
	"context"
	"errors"
	"fmt"
)

// VerifyOptions change how Verify runs.
type VerifyOptions struct {
	// Settings, when set, replace the file's verify settings
	// (metadata.workbench.verify); the cells' own still apply over them.
	Settings *VerifySettings
	// Progress is told about each cell of the fresh run.
	Progress func(Progress)
}

// Verify re-runs a saved notebook and compares every output with the
// saved one (see Compare). The kernel k must be fresh and seeded with the
// file's seed (saved.Seed()); a kernel with another seed makes the report
// fail. Every code cell runs, also after one fails (a cell that failed
// when saved must fail the same way). Verify returns the report and the
// freshly run notebook.
//
// A notebook for another language than Go is refused with a
// *ForeignError. The error is also non-nil when the kernel cannot start
// the run or ctx ends; a kernel that dies on the way is a problem of the
// report instead (the cells after it did not run).
func Verify(ctx context.Context, saved *Notebook, k Kernel, opts VerifyOptions) (*Report, *Notebook, error) {
	if err := RefuseForeign(saved); err != nil {
		return nil, nil, err
	}
	fresh := saved.Clone()
	res, err := Run(ctx, fresh, k, RunOptions{ContinueOnError: true, Progress: opts.Progress})
	if res == nil {
		return nil, nil, err
	}
	if cerr := ctx.Err(); cerr != nil {
		return nil, fresh, cerr
	}
	var ce *CellError
	if err != nil && !errors.As(err, &ce) {
		return nil, fresh, err
	}
	rep := Compare(saved, fresh, opts.Settings)
	for _, f := range res.Failed {
		if f.Kernel {
			rep.Problems = append(rep.Problems, fmt.Sprintf("the kernel failed at cell %d (%s); the cells after it did not run", f.Index+1, f.Message()))
		}
	}
	return rep, fresh, nil
}
