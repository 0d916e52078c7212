package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"workbench/sessions"
)

// ShellOptions configure a Shell. The zero value is what the app uses.
type ShellOptions struct {
	// RecoveryDir is the folder of the autosaved recovery files; "" means
	// os.UserCacheDir()/workbench/recovery.
	RecoveryDir string
	// AutosaveInterval is how often unsaved work is written to its
	// recovery file; 0 means every 30 s, a negative value never (nor
	// after edits).
	AutosaveInterval time.Duration
	// AutosaveDelay is how long after an edit the recovery file is
	// written, when no further edit comes; 0 means 5 s.
	AutosaveDelay time.Duration
	// WorkDir is the kernel's folder for a notebook that has no file (a
	// new one, or an example); "" means the current directory.
	WorkDir string
	// MemoryInterval is how often the status bar reads the memory in use;
	// 0 means every 2 s, a negative value never.
	MemoryInterval time.Duration
	// KernelStartTimeout bounds the start of a kernel; 0 means 60 s.
	KernelStartTimeout time.Duration
}

// Shell is the desktop app's window around the notebook view: menus, a
// toolbar, notices, side panels (variables and help), a status bar, files
// (open, save, recent files, autosave and recovery) and the kernel's
// lifecycle. It starts a kernel process for each notebook it opens, never
// runs cells in its own process, and never runs anything on opening.
//
// All its methods must be called on Fyne's UI goroutine (in callbacks, or
// through fyne.Do).
type Shell struct {
	app   fyne.App
	win   fyne.Window
	start StartKernel
	opts  ShellOptions
	view  *NotebookView

	// post runs f on the UI goroutine: fyne.Do, or a queue in tests.
	post func(f func())

	// The document.
	path     string // absolute path of its file; "" for none
	example  string // the bundled example it came from, when path is ""
	foreign  string // the language of a notebook for another language
	dirty    bool
	edits    int // counts edits; autosave writes when it moved on
	autosave int // edits at the last autosave or save
	// untrusted is set while a notebook opened from a file has not run.
	untrusted bool

	// The kernel.
	kernel      Kernel
	kernelGen   int // counts kernel starts, so stale callbacks are ignored
	kernelState string
	kernelErr   error
	kernelDir   string
	kernelSeed  uint64
	pending     []func() // actions waiting for the kernel to start

	closed bool
	stop   chan struct{}
	timer  *time.Timer // the autosave after an edit

	// The window's parts.
	toolbar   *shellToolbar
	notices   *shellNotices
	status    *shellStatusBar
	vars      *variablesPanel
	help      *helpPanel
	center    *fyne.Container
	split     *container.Split
	showVars  bool
	showHelp  bool
	menu      *shellMenu
	prompt    *shellSavePrompt
	themeMode ThemeMode
}

// NewShell creates the app's window, with an empty notebook and no kernel
// yet: open one with OpenFile, OpenExample or New, then show the window
// (Window().ShowAndRun()). start starts the kernel of each notebook
// opened; the app passes one that starts a kernel process
// (interp/client).
func NewShell(a fyne.App, start StartKernel, opts ShellOptions) *Shell {
	return newShell(a, start, opts, fyne.Do)
}

// newShell is NewShell with post, the way from other goroutines to the UI
// goroutine (tests queue the calls and run them themselves).
func newShell(a fyne.App, start StartKernel, opts ShellOptions, post func(func())) *Shell {
	if opts.AutosaveInterval == 0 {
		opts.AutosaveInterval = 30 * time.Second
	}
	if opts.AutosaveDelay == 0 {
		opts.AutosaveDelay = 5 * time.Second
	}
	if opts.MemoryInterval == 0 {
		opts.MemoryInterval = 2 * time.Second
	}
	if opts.KernelStartTimeout == 0 {
		opts.KernelStartTimeout = 60 * time.Second
	}
	if opts.RecoveryDir == "" {
		if dir, err := os.UserCacheDir(); err == nil {
			opts.RecoveryDir = filepath.Join(dir, "workbench", "recovery")
		}
	}
	s := &Shell{
		app:   a,
		start: start,
		opts:  opts,
		post:  post,
		stop:  make(chan struct{}),
	}
	s.win = a.NewWindow("Workbench")
	s.view = NewNotebookView(sessions.New(), nil, ViewEvents{
		Changed:  s.onChanged,
		Selected: s.onSelected,
		Ran:      s.onRan,
		Status:   s.onStatus,
	})
	s.build()
	s.win.SetCloseIntercept(s.RequestClose)
	s.win.SetMaster()
	s.win.Resize(fyne.NewSize(1180, 760))
	s.applyTheme(s.loadThemeMode())
	s.updateTitle()
	s.startTimers()
	return s
}

// build lays the window out: toolbar and notices above the
// notebook, side panels beside it, the status bar below.
func (s *Shell) build() {
	s.toolbar = newShellToolbar(s)
	s.notices = newShellNotices()
	s.status = newShellStatusBar()
	s.vars = newVariablesPanel(s)
	s.help = newHelpPanel(s)
	s.menu = newShellMenu(s)
	s.win.SetMainMenu(s.menu.main)
	s.addShortcuts()

	top := container.NewVBox(s.toolbar.bar, widget.NewSeparator(), s.notices.box)
	s.center = container.NewStack(s.view)
	bottom := container.NewVBox(widget.NewSeparator(), s.status.bar)
	s.win.SetContent(container.NewBorder(top, bottom, nil, nil, s.center))
	s.updateActions()
}

// Window returns the shell's window.
func (s *Shell) Window() fyne.Window { return s.win }

// View returns the notebook view.
func (s *Shell) View() *NotebookView { return s.view }

// Path returns the absolute path of the notebook's file, or "" for a
// notebook that has none yet (new, or an example).
func (s *Shell) Path() string { return s.path }

// Dirty reports whether the notebook has changes that are not saved.
func (s *Shell) Dirty() bool { return s.dirty }

// Kernel returns the running kernel, or nil while none is ready.
func (s *Shell) Kernel() Kernel { return s.kernel }

// Busy reports whether cells run, wait in the queue, or wait for the
// kernel to start.
func (s *Shell) Busy() bool {
	return len(s.pending) > 0 || s.view.Running()
}

// docName is the notebook's name as the title shows it.
func (s *Shell) docName() string {
	switch {
	case s.path != "":
		return filepath.Base(s.path)
	case s.example != "":
		return s.example + " (example)"
	}
	return "Untitled.ipynb"
}

// Title returns the window's title: "name.ipynb — Workbench", with a
// leading "• " when there are unsaved changes.
func (s *Shell) Title() string {
	t := s.docName()
	if s.foreign != "" {
		t += " (" + s.foreign + ", read-only)"
	}
	t += " — Workbench"
	if s.dirty {
		t = "• " + t
	}
	return t
}

func (s *Shell) updateTitle() { s.win.SetTitle(s.Title()) }

// onChanged is the view's Changed event: the title turns dirty and an
// autosave is scheduled.
func (s *Shell) onChanged() {
	if s.closed {
		return
	}
	s.edits++
	if !s.dirty {
		s.dirty = true
		s.updateTitle()
	}
	s.scheduleAutosave()
}

func (s *Shell) onSelected(int) {
	if s.showHelp {
		s.help.update(false)
	}
}

// onRan is the view's Ran event: the notebook has run, so its notice
// goes, and the variables panel is refreshed.
func (s *Shell) onRan(int) {
	s.trust()
	s.refreshVariables()
}

func (s *Shell) onStatus(msg string) { s.status.setMessage(msg) }

// trust removes the notice of a notebook that has not run: the user
// chose to run it.
func (s *Shell) trust() {
	if s.untrusted {
		s.untrusted = false
		s.notices.clear(noticeUntrusted)
	}
}

// kernelDirFor returns the kernel's working folder for the document.
func (s *Shell) kernelDirFor(path string) string {
	if path != "" {
		return filepath.Dir(path)
	}
	if s.opts.WorkDir != "" {
		return s.opts.WorkDir
	}
	if wd, err := os.Getwd(); err == nil {
		return wd
	}
	return ""
}

// startKernel closes the current kernel, if any, and starts one for the
// document off the UI goroutine. Actions asked for meanwhile wait for it
// (see whenKernel).
func (s *Shell) startKernel(dir string, seed uint64) {
	s.stopKernel(0)
	if s.start == nil {
		s.setKernelState("")
		return
	}
	s.kernelGen++
	gen := s.kernelGen
	s.kernelDir, s.kernelSeed, s.kernelErr = dir, seed, nil
	s.setKernelState("starting")
	onState := func(state string) {
		s.post(func() {
			if gen == s.kernelGen && !s.closed && s.kernel != nil {
				s.setKernelState(state)
			}
		})
	}
	timeout := s.opts.KernelStartTimeout
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		defer cancel()
		k, err := s.start(ctx, dir, seed, onState)
		s.post(func() {
			if gen != s.kernelGen || s.closed {
				if k != nil {
					go k.Close()
				}
				return
			}
			if err != nil {
				s.kernelErr = err
				s.pending = nil
				s.setKernelState("failed")
				s.notices.set(noticeKernel, "The kernel did not start: "+err.Error(),
					widget.NewButton("Retry", func() { s.startKernel(s.kernelDir, s.kernelSeed) }))
				return
			}
			s.kernel = k
			s.view.SetKernel(k)
			s.setKernelState(k.State())
			s.refreshVariables()
			pending := s.pending
			s.pending = nil
			for _, f := range pending {
				f()
			}
		})
	}()
}

// stopKernel takes the kernel from the view and closes it, waiting up to
// wait for it to end (it is killed if it does not end by itself).
func (s *Shell) stopKernel(wait time.Duration) {
	s.kernelGen++
	s.pending = nil
	k := s.kernel
	s.kernel = nil
	if s.view.Running() {
		s.view.Interrupt()
	}
	s.view.SetKernel(nil)
	if k == nil {
		return
	}
	done := make(chan struct{})
	go func() {
		k.Close()
		close(done)
	}()
	if wait > 0 {
		select {
		case <-done:
		case <-time.After(wait):
		}
	}
}

// setKernelState shows the kernel's state in the status bar and in a
// notice when it died.
func (s *Shell) setKernelState(state string) {
	s.kernelState = state
	switch state {
	case "dead":
		s.notices.set(noticeKernel, "The kernel stopped: its process ended. The window and your notebook are fine; restart the kernel to run cells again.",
			widget.NewButton("Restart", func() { s.Restart(false) }))
	case "failed":
	default:
		s.notices.clear(noticeKernel)
	}
	s.updateStatus()
	s.updateActions()
}

// whenKernel runs f now when the kernel is ready, or once it has
// started; it reports false when there is no kernel to wait for.
func (s *Shell) whenKernel(f func()) bool {
	if s.kernel != nil && f != nil {
		f()
		return true
	}
	if s.kernelState == "starting" && f != nil {
		s.pending = append(s.pending, f)
		s.status.setMessage("waiting for the kernel to start…")
		return true
	}
	switch {
	case s.foreign != "":
		s.status.setMessage(fmt.Sprintf("this notebook is for %s: Workbench runs Go cells only", s.foreign))
	case s.kernelErr != nil:
		s.status.setMessage("no kernel: " + s.kernelErr.Error())
	default:
		s.status.setMessage("no kernel")
	}
	return false
}

// canRun reports whether cells of this notebook may run.
func (s *Shell) canRun() bool { return s.foreign == "" && s.start != nil }

// RunAll runs every code cell (once the kernel is ready).
func (s *Shell) RunAll() { s.run(s.view.RunAll) }

// RunAbove runs the cells above the selected one.
func (s *Shell) RunAbove() { s.run(s.view.RunAbove) }

// RunBelow runs the selected cell and those below it.
func (s *Shell) RunBelow() { s.run(s.view.RunBelow) }

// RunSelected runs the selected cell; advance moves to the next one.
func (s *Shell) RunSelected(advance bool) {
	s.run(func() { s.view.RunSelected(advance) })
}

func (s *Shell) run(f func()) {
	if !s.canRun() {
		s.whenKernel(nil)
		return
	}
	if s.whenKernel(f) {
		s.trust()
	}
}

// Interrupt stops the running cell and empties the queue.
func (s *Shell) Interrupt() {
	s.pending = nil
	s.view.Interrupt()
}

// Restart restarts the kernel, then runs every cell when runAll. A kernel
// that failed to start is started afresh.
func (s *Shell) Restart(runAll bool) {
	if !s.canRun() {
		s.whenKernel(nil)
		return
	}
	if runAll {
		s.trust()
	}
	if s.kernel == nil {
		if s.kernelState != "starting" {
			s.startKernel(s.kernelDir, s.kernelSeed)
		}
		if runAll {
			s.pending = append(s.pending, s.view.RunAll)
		}
		return
	}
	s.vars.setVariables(nil)
	s.view.Restart(runAll)
}

// updateActions enables and disables the toolbar's and menus' actions.
func (s *Shell) updateActions() {
	if s.toolbar == nil || s.menu == nil {
		return
	}
	run := s.canRun()
	s.toolbar.setRunnable(run)
	s.menu.setRunnable(run)
}

// startTimers starts the periodic autosave and memory reading.
func (s *Shell) startTimers() {
	if s.opts.AutosaveInterval > 0 {
		go s.every(s.opts.AutosaveInterval, func() { s.Autosave() })
	}
	go s.every(500*time.Millisecond, func() {
		if s.showHelp {
			s.help.update(false)
		}
	})
	if s.opts.MemoryInterval > 0 {
		s.readMemory()
		go s.every(s.opts.MemoryInterval, s.readMemory)
	}
}

// every posts f to the UI goroutine every d until the shell closes.
func (s *Shell) every(d time.Duration, f func()) {
	t := time.NewTicker(d)
	defer t.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-t.C:
			s.post(func() {
				if !s.closed {
					f()
				}
			})
		}
	}
}
