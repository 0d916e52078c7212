package sessions

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// CellStatus is the verdict on one cell.
type CellStatus int

// The verdicts.
const (
	// Same: every output came out as saved.
	Same CellStatus = iota
	// Differs: some output did not; Differences say how.
	Differs
	// Skipped: the cell's verify settings leave it out.
	Skipped
)

// String returns "same", "differs" or "skipped".
func (s CellStatus) String() string {
	switch s {
	case Same:
		return "same"
	case Differs:
		return "differs"
	case Skipped:
		return "skipped"
	}
	return "unknown"
}

// Report is the outcome of Compare: a verdict per code cell.
type Report struct {
	// Cells has one entry per code cell, in order.
	Cells []CellReport
	// Exact is set when the two environment records agree in
	// architecture and SIMD level, so that numbers must agree bit for bit
	// (on cells that ran on the same device, and for cells that ran on a
	// GPU, when both records name the same GPU); otherwise they agree
	// within the tolerances.
	Exact bool
	// Problems are differences that concern the notebook as a whole
	// (another number of cells, another seed, a bad mask); any makes the
	// report fail.
	Problems []string
	// Notes tell how the comparison was made: how numbers were compared,
	// and when some cell ran on a GPU, how those were, naming the GPUs of
	// both runs (or why a run had none).
	Notes []string
}

// CellReport is the verdict on one code cell.
type CellReport struct {
	// Index is the cell's index in Notebook.Cells (from 0), ID its id
	// and Line the first line of its source.
	Index    int
	ID, Line string
	Status   CellStatus
	// Exact is set when this cell's numbers were compared bit for bit.
	Exact bool
	// Differences list what differs, output by output.
	Differences []Difference
	// Notes are remarks that do not make the cell differ.
	Notes []string
}

// Difference is one difference between a saved output and a fresh one.
type Difference struct {
	// Output is the index of the output (from 0), or -1 for the cell as a
	// whole (such as another number of outputs).
	Output int
	// MIME is the MIME type compared, or "" for a stream, an error, or
	// the cell as a whole.
	MIME string
	// First says where the first difference is and what it is: `line 2,
	// column 7: saved "x = 1.5", fresh "x = 1.6"`.
	First string
	// Size says how large the difference is: "2 of 10 lines differ", "3
	// of 1000 elements differ, by up to 2e-09 (relative 1e-12)", "12 of
	// 307200 pixels differ, by up to 40 in a channel".
	Size string
}

// String reads "output 2, text/plain: line 1, column 3: saved ..., now ... (1 of 1 lines differ)".
func (d Difference) String() string {
	var where []string
	if d.Output >= 0 {
		where = append(where, fmt.Sprintf("output %d", d.Output+1))
	}
	if d.MIME != "" {
		where = append(where, d.MIME)
	}
	s := d.First
	if len(where) > 0 {
		s = strings.Join(where, ", ") + ": " + s
	}
	if d.Size != "" {
		s += " (" + d.Size + ")"
	}
	return s
}

// OK reports whether every cell came out the same (or was skipped) and
// nothing else differs.
func (r *Report) OK() bool {
	if len(r.Problems) > 0 {
		return false
	}
	for _, c := range r.Cells {
		if c.Status == Differs {
			return false
		}
	}
	return true
}

// String returns the report as WriteTo writes it.
func (r *Report) String() string {
	var b strings.Builder
	r.WriteTo(&b)
	return b.String()
}

// WriteTo writes the report for people, a line per cell and one per
// difference below it:
//
//	cell 2 (id "a1b2c3d4": x := arrays.Linspace(0, 1, 5)): same
//	cell 3 (id "e5f6a7b8": fmt.Println(x.Sum())): differs
//	    output 1: line 1, column 3: saved "2.5", fresh "2.6" (1 of 1 lines differ)
//	verify: 1 of 2 code cells differ
func (r *Report) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "note: %s\n", n)
	}
	differ := 0
	for _, c := range r.Cells {
		fmt.Fprintf(&b, "cell %d (id %q: %s): %s\n", c.Index+1, c.ID, c.Line, c.Status)
		for _, d := range c.Differences {
			fmt.Fprintf(&b, "    %s\n", d)
		}
		for _, n := range c.Notes {
			fmt.Fprintf(&b, "    note: %s\n", n)
		}
		if c.Status == Differs {
			differ++
		}
	}
	for _, p := range r.Problems {
		fmt.Fprintf(&b, "problem: %s\n", p)
	}
	switch {
	case r.OK():
		fmt.Fprintf(&b, "verify: all %d code cells came out the same\n", len(r.Cells))
	case differ > 0:
		fmt.Fprintf(&b, "verify: %d of %d code cells differ\n", differ, len(r.Cells))
	default:
		fmt.Fprintf(&b, "verify: the notebooks differ\n")
	}
	n, err := w.Write(b.Bytes())
	return int64(n), err
}

// settings are the verify settings in force for one cell.
type settings struct {
	tol, tol32 Tolerance
	image      ImageTolerance
	masks      []*regexp.Regexp
	volatile   bool
	volOut     map[int]bool
	skip       bool
}

// volatileMark replaces the matches of masks.
const volatileMark = "<volatile>"

// merge applies a cell's settings over the file's.
func (s settings) merge(v *VerifySettings, problem func(string)) settings {
	if v == nil {
		return s
	}
	if v.Tolerance != nil {
		s.tol = *v.Tolerance
	}
	if v.Float32Tolerance != nil {
		s.tol32 = *v.Float32Tolerance
	}
	if v.Image != nil {
		s.image = *v.Image
	}
	s.masks = slices.Clone(s.masks)
	for _, m := range v.Mask {
		re, err := regexp.Compile(m)
		if err != nil {
			problem(fmt.Sprintf("the mask %q is not a regular expression: %v", m, err))
			continue
		}
		s.masks = append(s.masks, re)
	}
	s.volatile = s.volatile || v.Volatile
	if len(v.VolatileOutputs) > 0 {
		s.volOut = map[int]bool{}
		for _, i := range v.VolatileOutputs {
			s.volOut[i] = true
		}
	}
	s.skip = s.skip || v.Skip
	return s
}

func (s settings) mask(t string) string {
	for _, re := range s.masks {
		t = re.ReplaceAllLiteralString(t, volatileMark)
	}
	return t
}

// Compare compares the outputs of a fresh run of a notebook with the saved
// ones, cell by cell (cells are matched by position; only code cells are
// compared):
//
//   - the number of outputs and their types must agree;
//   - stream text, error name, message and traceback, and text MIME
//     types must agree exactly, after the parts that the masks match are
//     replaced by "<volatile>" in both;
//   - arrays and tables (MIMEArray, MIMETable) are compared by their
//     values: dtype, shape (columns and rows) exactly, values bit for bit
//     when the environment records agree in architecture and SIMD level
//     and the cell ran on the same device (for a cell that ran on a GPU
//     in either run: and both records name the same GPU), otherwise
//     floats within the tolerance (DefaultTolerance,
//     DefaultFloat32Tolerance unless the settings give others; integers,
//     bools, strings and missing marks always exactly). Where such a
//     structured type of ours (application/vnd.workbench.*+json) is
//     present, the text/plain and text/html beside it are not compared;
//   - images (image/png, image/jpeg, image/gif) are compared by their
//     decoded pixels: identical when exact, else within the settings'
//     image tolerance. image/svg+xml is compared as text, except across
//     environments when a PNG of the same figure is there;
//   - other JSON types are compared as JSON (keys in any order), other
//     binary types byte for byte.
//
// A cell that ran on a GPU when saved and comes out otherwise where there
// is none (moving an array to an absent GPU panics) has as its first
// difference that it needs a GPU, with why the fresh run had none (the
// fresh record's gpu_absent).
//
// s gives the file's verify settings; nil means those of saved
// (saved.Record.Verify). Each cell's own settings (saved's) apply over
// them. Volatile outputs are compared by type only; skipped cells not at
// all.
func Compare(saved, fresh *Notebook, s *VerifySettings) *Report {
	rep := &Report{}
	problem := func(p string) {
		if !slices.Contains(rep.Problems, p) {
			rep.Problems = append(rep.Problems, p)
		}
	}
	var savedEnv, freshEnv *Environment
	if saved.Record != nil {
		savedEnv = saved.Record.Environment
		if s == nil {
			s = saved.Record.Verify
		}
	}
	if fresh.Record != nil {
		freshEnv = fresh.Record.Environment
	}
	rep.Exact = savedEnv != nil && freshEnv != nil && savedEnv.Arch == freshEnv.Arch && savedEnv.SIMD == freshEnv.SIMD
	switch {
	case rep.Exact:
		rep.Notes = append(rep.Notes, fmt.Sprintf("numbers compared bit for bit: both runs on %s with SIMD level %s", savedEnv.Arch, orNone(savedEnv.SIMD)))
	case savedEnv == nil:
		rep.Notes = append(rep.Notes, "the saved notebook has no environment record: numbers compared within tolerances")
	case freshEnv == nil:
		rep.Notes = append(rep.Notes, "the fresh run has no environment record: numbers compared within tolerances")
	default:
		rep.Notes = append(rep.Notes, fmt.Sprintf("numbers compared within tolerances: saved on %s with SIMD level %s, run on %s with SIMD level %s",
			savedEnv.Arch, orNone(savedEnv.SIMD), freshEnv.Arch, orNone(freshEnv.SIMD)))
	}
	// Cells that ran on a GPU are compared bit for bit only when both
	// runs had the same GPU (and the same CPU, as above).
	sameGPU := savedEnv != nil && freshEnv != nil && savedEnv.GPU != "" && savedEnv.GPU == freshEnv.GPU
	gpuNoted := false
	if a, ok := saved.Seed(); ok {
		if b, ok := fresh.Seed(); ok && a != b {
			problem(fmt.Sprintf("the fresh run used seed %d, the file was saved with seed %d", b, a))
		}
	}
	if len(saved.Cells) != len(fresh.Cells) {
		problem(fmt.Sprintf("the saved notebook has %d cells, the fresh one %d", len(saved.Cells), len(fresh.Cells)))
	}
	base := settings{tol: DefaultTolerance, tol32: DefaultFloat32Tolerance}.merge(s, problem)
	base.volatile, base.volOut, base.skip = false, nil, false
	for i, sc := range saved.Cells {
		if sc.Type != CodeCell {
			continue
		}
		cr := CellReport{Index: i, ID: sc.ID, Line: sc.FirstLine()}
		var fc *Cell
		if i < len(fresh.Cells) {
			fc = fresh.Cells[i]
		}
		var cellVerify *VerifySettings
		if sc.Record != nil {
			cellVerify = sc.Record.Verify
		}
		set := base.merge(cellVerify, problem)
		switch {
		case set.skip:
			cr.Status = Skipped
		case fc == nil:
			cr.Differences = append(cr.Differences, Difference{Output: -1, First: "the fresh notebook has no such cell"})
		case fc.Type != CodeCell || fc.Source != sc.Source:
			cr.Differences = append(cr.Differences, Difference{Output: -1, First: "the fresh notebook has another cell here"})
		default:
			sd, fd := deviceOf(sc), deviceOf(fc)
			onGPU := sd != "cpu" || fd != "cpu"
			cr.Exact = rep.Exact && sd == fd && (!onGPU || sameGPU)
			if onGPU && !gpuNoted {
				gpuNoted = true
				rep.Notes = append(rep.Notes, gpuNote(savedEnv, freshEnv, rep.Exact && sameGPU, sameGPU))
			}
			compareCell(&cr, sc, fc, set)
			lacks, lacking := lacksDevice(savedEnv, freshEnv, sd)
			switch {
			case lacking && len(cr.Differences) > 0:
				// Say first why the cell could not come out the same.
				cr.Differences = slices.Insert(cr.Differences, 0, Difference{Output: -1, First: lacks})
			case rep.Exact && sd != fd:
				cr.Notes = append(cr.Notes, fmt.Sprintf("ran on %s, saved from %s: numbers compared within tolerances", fd, sd))
			case rep.Exact && !cr.Exact:
				how := "on another GPU than when saved"
				switch {
				case savedEnv.GPU == "":
					how = "and the saved record does not describe its GPU"
				case freshEnv.GPU == "":
					how = "and the fresh record does not describe its GPU"
				}
				cr.Notes = append(cr.Notes, fmt.Sprintf("ran on %s, %s: numbers compared within tolerances", fd, how))
			}
		}
		if sc.Record != nil && len(sc.Record.Digests) > 0 && !digestsMatch(sc) {
			cr.Notes = append(cr.Notes, "the saved outputs are not those its run recorded (metadata.workbench.digests): the file was changed after the run")
		}
		if len(cr.Differences) > 0 {
			cr.Status = Differs
		}
		rep.Cells = append(rep.Cells, cr)
	}
	return rep
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// gpuNote says how the cells that ran on a GPU were compared, naming the
// GPUs of the two runs.
func gpuNote(saved, fresh *Environment, exact, same bool) string {
	switch {
	case exact:
		return fmt.Sprintf("cells that ran on the GPU compared bit for bit: both runs had the GPU %q", saved.GPU)
	case same:
		return fmt.Sprintf("cells that ran on the GPU compared within tolerances, as the others: both runs had the GPU %q", saved.GPU)
	}
	return fmt.Sprintf("cells that ran on the GPU compared within tolerances: saved with %s, run with %s", describeGPU(saved), describeGPU(fresh))
}

// describeGPU names the GPU of an environment record: `the GPU "NVIDIA
// H100/PCIe/SSE2, OpenGL 4.6.0"`, or `no GPU (no EGL display)`.
func describeGPU(e *Environment) string {
	switch {
	case e == nil:
		return "no environment record"
	case e.GPU != "":
		return fmt.Sprintf("the GPU %q", e.GPU)
	case e.GPUAbsent != "":
		return "no GPU (" + e.GPUAbsent + ")"
	case slices.Contains(e.Devices, gpuDevice):
		return "a GPU it does not describe"
	}
	return "no GPU"
}

// gpuDevice is the name of the GPU device (devices.GPUName).
const gpuDevice = "gpu"

// lacksDevice says, for a cell that ran on device (a cell's device
// record: "gpu", or names joined with ",") when saved, which of those
// devices the fresh run's environment lacks, and why when it says: "needs
// a GPU, and this machine has none (no EGL display): the cell ran on the
// GPU "..." when saved". It reports false when the fresh environment has
// them all, or its record does not tell.
func lacksDevice(saved, fresh *Environment, device string) (string, bool) {
	if fresh == nil {
		return "", false
	}
	for _, d := range strings.Split(device, ",") {
		if d == "" || d == "cpu" || slices.Contains(fresh.Devices, d) || d == gpuDevice && fresh.GPU != "" {
			continue
		}
		if d != gpuDevice {
			if len(fresh.Devices) == 0 {
				continue // the record does not list the devices
			}
			return fmt.Sprintf("needs the %s device, and this machine has none: the cell ran on it when saved", d), true
		}
		if len(fresh.Devices) == 0 && fresh.GPUAbsent == "" {
			continue
		}
		s := "needs a GPU, and this machine has none"
		if fresh.GPUAbsent != "" {
			s += " (" + fresh.GPUAbsent + ")"
		}
		if saved != nil && saved.GPU != "" {
			return s + fmt.Sprintf(": the cell ran on the GPU %q when saved", saved.GPU), true
		}
		return s + ": the cell ran on the GPU when saved", true
	}
	return "", false
}

func deviceOf(c *Cell) string {
	if c.Record == nil || c.Record.Device == "" {
		return "cpu"
	}
	return c.Record.Device
}

func digestsMatch(c *Cell) bool {
	if len(c.Record.Digests) != len(c.Outputs) {
		return false
	}
	for i, o := range c.Outputs {
		if OutputDigest(o) != c.Record.Digests[i] {
			return false
		}
	}
	return true
}

// mergeStreams returns outs with consecutive stream outputs of the same
// name merged into one, as Run records them.
func mergeStreams(outs []Output) []Output {
	var m []Output
	for _, o := range outs {
		if n := len(m); n > 0 && o.Type == OutputStream && m[n-1].Type == OutputStream && m[n-1].Name == o.Name {
			m[n-1].Text += o.Text
			continue
		}
		m = append(m, o)
	}
	return m
}

func compareCell(cr *CellReport, sc, fc *Cell, set settings) {
	so, fo := mergeStreams(sc.Outputs), mergeStreams(fc.Outputs)
	add := func(d Difference) { cr.Differences = append(cr.Differences, d) }
	if len(so) != len(fo) {
		d := Difference{Output: -1, First: fmt.Sprintf("%s saved, %s now", plural(len(so), "output"), plural(len(fo), "output"))}
		n := min(len(so), len(fo))
		if len(so) > n {
			d.First += "; the first missing is " + describeOutput(so[n])
		} else {
			d.First += "; the first new one is " + describeOutput(fo[n])
		}
		add(d)
	}
	for j := range min(len(so), len(fo)) {
		a, b := so[j], fo[j]
		if a.Type != b.Type {
			add(Difference{Output: j, First: fmt.Sprintf("saved %s, now %s", describeOutput(a), describeOutput(b))})
			continue
		}
		if set.volatile || set.volOut[j] {
			continue
		}
		for _, d := range compareOutput(a, b, set, cr.Exact) {
			d.Output = j
			add(d)
		}
	}
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// describeOutput names an output in a few words.
func describeOutput(o Output) string {
	switch o.Type {
	case OutputStream:
		return fmt.Sprintf("%s %s %s", o.Type, o.Name, quoteCut(o.Text))
	case OutputError:
		return fmt.Sprintf("%s %s", o.Type, quoteCut(o.EName+": "+o.EValue))
	case OutputDisplayData, OutputExecuteResult:
		var mimes []string
		for m := range o.Data {
			mimes = append(mimes, m)
		}
		sort.Strings(mimes)
		return fmt.Sprintf("%s (%s)", o.Type, strings.Join(mimes, ", "))
	}
	return string(o.Type)
}

// quoteCut quotes s, cut to 40 characters.
func quoteCut(s string) string {
	if r := []rune(s); len(r) > 40 {
		s = string(r[:39]) + "…"
	}
	return strconv.Quote(s)
}

func compareOutput(a, b Output, set settings, exact bool) []Difference {
	switch a.Type {
	case OutputStream:
		var ds []Difference
		if a.Name != b.Name {
			ds = append(ds, Difference{First: fmt.Sprintf("saved on %s, now on %s", a.Name, b.Name)})
		}
		if d, ok := compareText(set.mask(a.Text), set.mask(b.Text)); !ok {
			ds = append(ds, d)
		}
		return ds
	case OutputError:
		at := a.EName + ": " + a.EValue + "\n" + strings.Join(a.Traceback, "\n")
		bt := b.EName + ": " + b.EValue + "\n" + strings.Join(b.Traceback, "\n")
		if d, ok := compareText(set.mask(at), set.mask(bt)); !ok {
			return []Difference{d}
		}
		return nil
	case OutputDisplayData, OutputExecuteResult:
		return compareBundle(a.Data, b.Data, set, exact)
	}
	if !bytes.Equal(extraJSON(a), extraJSON(b)) {
		return []Difference{{First: "the " + string(a.Type) + " output differs"}}
	}
	return nil
}

// extraJSON is the canonical JSON of an output's extra keys.
func extraJSON(o Output) []byte {
	n := jobj()
	addRaw(n, o.Extra, "")
	return compactJSON(n)
}

// structured reports whether a MIME type is one of our structured types.
func structured(mime string) bool {
	return strings.HasPrefix(mime, "application/vnd.workbench.") && strings.HasSuffix(mime, "+json")
}

func compareBundle(a, b Bundle, set settings, exact bool) []Difference {
	var ds []Difference
	hasStructured := false
	var mimes []string
	for m := range a {
		mimes = append(mimes, m)
		if structured(m) {
			hasStructured = true
		}
	}
	sort.Strings(mimes)
	var added []string
	for m := range b {
		if _, ok := a[m]; !ok {
			added = append(added, m)
		}
	}
	sort.Strings(added)
	for _, m := range added {
		ds = append(ds, Difference{MIME: m, First: "new: the saved output has no " + m})
	}
	for _, m := range mimes {
		av := a[m]
		bv, ok := b[m]
		if !ok {
			ds = append(ds, Difference{MIME: m, First: "missing: the fresh output has no " + m})
			continue
		}
		if hasStructured && (m == MIMEText || m == MIMEHTML) {
			continue
		}
		if bytes.Equal(av, bv) {
			continue
		}
		var d *Difference
		switch {
		case m == MIMEArray:
			d = compareArrayJSON(av, bv, set, exact)
		case m == MIMETable:
			d = compareTableJSON(av, bv, set, exact)
		case m == MIMEPNG || m == "image/jpeg" || m == "image/gif":
			d = compareImages(av, bv, set, exact)
		case m == MIMESVG && !exact && a[MIMEPNG] != nil && b[MIMEPNG] != nil:
			continue
		case IsJSONMIME(m):
			d = compareJSON(av, bv, set)
		case IsBinaryMIME(m):
			d = &Difference{First: fmt.Sprintf("the data differ (%d bytes saved, %d now)", len(av), len(bv))}
		default:
			if diff, ok := compareText(set.mask(string(av)), set.mask(string(bv))); !ok {
				d = &diff
			}
		}
		if d != nil {
			d.MIME = m
			ds = append(ds, *d)
		}
	}
	return ds
}

// compareJSON compares two JSON documents, keys in any order.
func compareJSON(a, b []byte, set settings) *Difference {
	an, err1 := parseJSON(a)
	bn, err2 := parseJSON(b)
	if err1 != nil || err2 != nil {
		if d, ok := compareText(set.mask(string(a)), set.mask(string(b))); !ok {
			return &d
		}
		return nil
	}
	if d, ok := compareText(set.mask(string(compactJSON(an))), set.mask(string(compactJSON(bn)))); !ok {
		return &d
	}
	return nil
}

// compareText compares two texts exactly; when they differ it says where
// the first difference is and how many lines differ.
func compareText(a, b string) (Difference, bool) {
	if a == b {
		return Difference{}, true
	}
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	first, differ := -1, 0
	for i := range max(len(al), len(bl)) {
		if i >= len(al) || i >= len(bl) || al[i] != bl[i] {
			differ++
			if first < 0 {
				first = i
			}
		}
	}
	line := func(ls []string) string {
		if first >= len(ls) {
			return "(no such line)"
		}
		return quoteCut(ls[first])
	}
	col := 1
	if first < len(al) && first < len(bl) {
		x, y := al[first], bl[first]
		k := 0
		for k < len(x) && k < len(y) && x[k] == y[k] {
			k++
		}
		col = 1 + utf8.RuneCountInString(x[:k])
	}
	return Difference{
		First: fmt.Sprintf("line %d, column %d: saved %s, now %s", first+1, col, line(al), line(bl)),
		Size:  fmt.Sprintf("%d of %d lines differ", differ, max(len(al), len(bl))),
	}, false
}
