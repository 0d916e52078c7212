package jupyter

// The kernel process: an interp.Session behind the messaging protocol.
//
// Goroutines and sockets:
//
//   - shell (ROUTER): one goroutine receives and queues requests, another
//     handles them in order, one at a time; an execute_request runs its
//     cell there (Session.Run blocks until the cell ends or is interrupted).
//   - control (ROUTER): one goroutine receives and answers at once, while
//     a cell runs: interrupt_request cancels the running cell's context,
//     shutdown_request ends Serve.
//   - iopub (PUB): one goroutine publishes everything, in the order it was
//     queued (zmq sockets are not for concurrent use); the engine's Emit
//     queues outputs as they happen.
//   - stdin (ROUTER): bound, but input requests are not supported: a cell
//     cannot ask the front end for input, and an execute_request's
//     allow_stdin is ignored. What arrives there is read and dropped.
//   - heartbeat (ROUTER): echoes every message back to its sender, as
//     ipykernel does (a ROUTER rather than a REP, so that several clients
//     may ping at once).
//
// Shell and control requests each get status busy, then idle, on iopub,
// with the request as parent header. Messages whose signature does not
// match are dropped and logged, never answered.

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/go-zeromq/zmq4"

	"workbench/interp"
	"workbench/version"
)

// KernelOptions configure the kernel that Serve runs.
type KernelOptions struct {
	// Seed seeds the session's generator rng; kernel_info reports it.
	Seed uint64
	// Dir is the notebook's folder (interp.Options.Dir): the working
	// directory when empty.
	Dir string
	// Log receives the kernel's own diagnostics (dropped messages,
	// failures of its handlers); nothing when nil.
	Log io.Writer
}

// MsgVariablesRequest and MsgVariablesReply are Workbench's own shell
// messages: the request has no content; the reply's content is
// {"status": "ok", "variables": [interp.Variable...]}.
const (
	MsgVariablesRequest = "workbench_variables_request"
	MsgVariablesReply   = "workbench_variables_reply"
)

// StuckMessage is the error value of an interrupted cell whose call into
// compiled code still runs; the execute_reply's metadata then holds
// {"workbench": {"stuck": true}}, and the client should restart the kernel.
const StuckMessage = "interrupted; a call into compiled code is still running — restart the kernel to stop it"

// Serve runs a kernel on the sockets that conn describes until a
// shutdown_request (on the control or the shell channel) has been
// answered, then returns nil; or until ctx is cancelled, then returns
// ctx's error. It returns an error at once when the session cannot start
// or a socket cannot be bound.
//
// While Serve runs, SIGINT interrupts the running cell (Jupyter's signal
// interrupt mode) instead of ending the process; interrupt_request on the
// control channel does the same (the message mode).
//
// A panic in a goroutine that a cell started ends the process, as the
// engine cannot recover it; a failure in the kernel's own handlers is
// recovered and logged.
func Serve(ctx context.Context, conn ConnectionInfo, opts KernelOptions) error {
	signer, err := NewSigner(conn.SignatureScheme, conn.Key)
	if err != nil {
		return err
	}
	if conn.Transport == "" {
		conn.Transport = "tcp"
	}
	if conn.IP == "" {
		conn.IP = "127.0.0.1"
	}
	logw := opts.Log
	if logw == nil {
		logw = io.Discard
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	k := &kernel{
		opts:    opts,
		signer:  signer,
		log:     log.New(logw, "workbench kernel: ", log.LstdFlags|log.Lmicroseconds),
		id:      NewID(),
		ctx:     ctx,
		pubq:    make(chan *Message, 256),
		shellq:  make(chan queued, 256),
		done:    make(chan struct{}),
		pubDone: make(chan struct{}),
	}
	k.session, err = interp.NewSession(interp.Options{Seed: opts.Seed, Dir: opts.Dir, Emit: k.emit})
	if err != nil {
		return fmt.Errorf("jupyter: starting the session: %w", err)
	}
	zlog := log.New(logw, "zmq4: ", log.LstdFlags)
	k.shell = zmq4.NewRouter(ctx, zmq4.WithLogger(zlog))
	k.control = zmq4.NewRouter(ctx, zmq4.WithLogger(zlog))
	k.stdin = zmq4.NewRouter(ctx, zmq4.WithLogger(zlog))
	k.iopub = zmq4.NewPub(ctx, zmq4.WithLogger(zlog))
	k.hb = zmq4.NewRouter(ctx, zmq4.WithLogger(zlog))
	socks := []zmq4.Socket{k.shell, k.control, k.stdin, k.iopub, k.hb}
	closeAll := func() {
		for _, s := range socks {
			s.Close()
		}
	}
	for _, b := range []struct {
		name string
		sock zmq4.Socket
		port int
	}{
		{"shell", k.shell, conn.ShellPort}, {"control", k.control, conn.ControlPort},
		{"stdin", k.stdin, conn.StdinPort}, {"iopub", k.iopub, conn.IOPubPort},
		{"heartbeat", k.hb, conn.HBPort},
	} {
		if err := b.sock.Listen(conn.Endpoint(b.port)); err != nil {
			closeAll()
			k.session.Close()
			return fmt.Errorf("jupyter: binding the %s socket: %w", b.name, err)
		}
	}
	k.log.Printf("listening: shell %d, iopub %d, stdin %d, control %d, hb %d (pid %d)",
		conn.ShellPort, conn.IOPubPort, conn.StdinPort, conn.ControlPort, conn.HBPort, os.Getpid())

	go k.publisher()
	var wg sync.WaitGroup
	shellDone := make(chan struct{})
	wg.Add(4)
	go func() { defer wg.Done(); k.receive("shell", k.shell, k.queueShell) }()
	go func() { defer wg.Done(); k.receive("control", k.control, k.handleControl) }()
	go func() { defer wg.Done(); k.receive("stdin", k.stdin, k.handleStdin) }()
	go func() { defer wg.Done(); k.heartbeat() }()
	go func() { defer close(shellDone); k.serveShell() }()

	sigc := make(chan os.Signal, 1)
	signal.Notify(sigc, os.Interrupt)
	defer signal.Stop(sigc)
	go func() {
		for {
			select {
			case <-sigc:
				k.log.Printf("SIGINT: interrupting the running cell")
				k.interrupt()
			case <-ctx.Done():
				return
			}
		}
	}()

	k.publish(k.message("status", nil, map[string]string{"execution_state": "starting"}))

	var result error
	select {
	case <-k.done:
	case <-ctx.Done():
		result = ctx.Err()
		k.stop()
	}

	// The end: stop the running cell, let the shell handler finish, send
	// what is queued for iopub, then close the sockets.
	k.interrupt()
	shellFinished := false
	select {
	case <-shellDone:
		shellFinished = true
	case <-time.After(2 * time.Second):
		k.log.Printf("the shell handler did not finish")
	}
	k.closePublisher()
	time.Sleep(50 * time.Millisecond) // zmq4 sends PUB messages from a queue of its own
	cancel()
	closeAll()
	wg.Wait()
	if shellFinished {
		k.session.Close()
	}
	k.log.Printf("stopped")
	return result
}

// kernel is the state of one Serve.
type kernel struct {
	opts    KernelOptions
	signer  *Signer
	log     *log.Logger
	id      string // the kernel's session id, in the headers it sends
	ctx     context.Context
	session *interp.Session

	shell, control, stdin, iopub, hb zmq4.Socket

	pubMu     sync.Mutex
	pubClosed bool
	pubq      chan *Message
	pubDone   chan struct{}

	shellq chan queued

	doneOnce sync.Once
	done     chan struct{} // closed when a shutdown has been asked for

	mu      sync.Mutex
	running *cell // the cell that runs, if any

	// Used by the shell handler only.
	count       int       // execution count
	abortBefore time.Time // execute requests that arrived before are aborted
}

// queued is a shell request waiting its turn.
type queued struct {
	msg     *Message
	arrived time.Time
}

// cell is the execute request that runs.
type cell struct {
	parent      *Message
	silent      bool
	count       int
	cancel      context.CancelFunc
	interrupted bool
	errors      []interp.Output // held back until Run returns
}

// stop asks Serve to return.
func (k *kernel) stop() { k.doneOnce.Do(func() { close(k.done) }) }

// stopping says whether Serve is ending.
func (k *kernel) stopping() bool {
	select {
	case <-k.done:
		return true
	default:
		return false
	}
}

// recovered logs a panic of a handler; defer it.
func (k *kernel) recovered(what string) {
	if r := recover(); r != nil {
		k.log.Printf("panic in %s: %v\n%s", what, r, debug.Stack())
	}
}

// message returns a new message from the kernel, answering parent (nil:
// none).
func (k *kernel) message(msgType string, parent *Message, content any) *Message {
	m := &Message{Header: NewHeader(msgType, k.id), Content: content}
	if parent != nil {
		m.Parent = parent.Header
	}
	return m
}

// reply returns the reply of type msgType to req, routed to its sender.
func (k *kernel) reply(req *Message, msgType string, content any) *Message {
	m := k.message(msgType, req, content)
	m.Identities = req.Identities
	return m
}

// send sends a reply on a ROUTER socket.
func (k *kernel) send(sock zmq4.Socket, m *Message) {
	if err := k.signer.Send(sock, m); err != nil {
		k.log.Printf("sending %s: %v", m.Header.MsgType, err)
	}
}

// publish queues m for iopub.
func (k *kernel) publish(m *Message) {
	m.Identities = [][]byte{[]byte("kernel." + k.id + "." + m.Header.MsgType)}
	k.pubMu.Lock()
	defer k.pubMu.Unlock()
	if k.pubClosed {
		return
	}
	k.pubq <- m
}

// status publishes the kernel's execution state for parent.
func (k *kernel) status(state string, parent *Message) {
	k.publish(k.message("status", parent, map[string]string{"execution_state": state}))
}

// publisher sends what is queued for iopub, from one goroutine.
func (k *kernel) publisher() {
	defer close(k.pubDone)
	for m := range k.pubq {
		func() {
			defer k.recovered("iopub")
			if err := k.signer.Send(k.iopub, m); err != nil {
				k.log.Printf("publishing %s: %v", m.Header.MsgType, err)
			}
		}()
	}
}

// closePublisher sends what is queued and stops the publisher.
func (k *kernel) closePublisher() {
	k.pubMu.Lock()
	if !k.pubClosed {
		k.pubClosed = true
		close(k.pubq)
	}
	k.pubMu.Unlock()
	<-k.pubDone
}

// receive reads messages from sock, checks them and hands them to handle,
// until Serve ends.
func (k *kernel) receive(name string, sock zmq4.Socket, handle func(*Message)) {
	for {
		raw, err := sock.Recv()
		if err != nil {
			if k.ctx.Err() != nil {
				return
			}
			k.log.Printf("%s: %v", name, err)
			time.Sleep(10 * time.Millisecond)
			continue
		}
		m, err := k.signer.Decode(raw.Frames)
		if err != nil {
			k.log.Printf("%s: dropped a message: %v", name, err)
			continue
		}
		func() {
			defer k.recovered(name + " " + m.Header.MsgType)
			handle(m)
		}()
	}
}

// heartbeat echoes each message back to its sender.
func (k *kernel) heartbeat() {
	for {
		msg, err := k.hb.Recv()
		if err != nil {
			if k.ctx.Err() != nil {
				return
			}
			time.Sleep(10 * time.Millisecond)
			continue
		}
		if err := k.hb.SendMulti(msg); err != nil && k.ctx.Err() == nil {
			k.log.Printf("heartbeat: %v", err)
		}
	}
}

// handleStdin drops what arrives on stdin: the kernel never asks for
// input.
func (k *kernel) handleStdin(m *Message) {
	k.log.Printf("stdin: ignored %s (input requests are not supported)", m.Header.MsgType)
}

// queueShell queues a shell request for the shell handler.
func (k *kernel) queueShell(m *Message) {
	select {
	case k.shellq <- queued{m, time.Now()}:
	case <-k.ctx.Done():
	}
}

// serveShell handles shell requests in order until Serve ends.
func (k *kernel) serveShell() {
	for {
		select {
		case q := <-k.shellq:
			k.handleShell(q)
			if k.stopping() {
				return
			}
		case <-k.done:
			return
		case <-k.ctx.Done():
			return
		}
	}
}

// handleShell answers one shell request, between status busy and idle.
func (k *kernel) handleShell(q queued) {
	m := q.msg
	k.status("busy", m)
	defer k.status("idle", m)
	defer func() {
		if r := recover(); r != nil {
			// A failure of the kernel's own: logged, and answered with
			// an error so that the client does not wait for ever.
			k.log.Printf("panic in shell %s: %v\n%s", m.Header.MsgType, r, debug.Stack())
			if t, ok := strings.CutSuffix(m.Header.MsgType, "_request"); ok {
				msg := fmt.Sprint("the kernel failed on this request: ", r)
				k.send(k.shell, k.reply(m, t+"_reply", map[string]any{"status": "error",
					"ename": "KernelError", "evalue": msg, "traceback": []string{"KernelError: " + msg}}))
			}
		}
	}()
	switch t := m.Header.MsgType; t {
	case "execute_request":
		k.execute(m, q.arrived)
	case "kernel_info_request":
		k.send(k.shell, k.reply(m, "kernel_info_reply", k.kernelInfo()))
	case "complete_request":
		k.complete(m)
	case "inspect_request":
		k.inspect(m)
	case "is_complete_request":
		k.isComplete(m)
	case "history_request":
		k.send(k.shell, k.reply(m, "history_reply", map[string]any{"status": "ok", "history": []any{}}))
	case "comm_info_request":
		k.send(k.shell, k.reply(m, "comm_info_reply", map[string]any{"status": "ok", "comms": map[string]any{}}))
	case MsgVariablesRequest:
		vars := k.session.Variables()
		if vars == nil {
			vars = []interp.Variable{}
		}
		k.send(k.shell, k.reply(m, MsgVariablesReply, map[string]any{"status": "ok", "variables": vars}))
	case "shutdown_request":
		k.shutdown(k.shell, m)
	case "comm_open", "comm_msg", "comm_close":
		// No comm targets: nothing to do, and no reply is due.
		k.log.Printf("shell: ignored %s (no comms)", t)
	default:
		k.log.Printf("shell: unknown message type %q", t)
	}
}

// handleControl answers a control request at once, cell running or not.
func (k *kernel) handleControl(m *Message) {
	k.status("busy", m)
	defer k.status("idle", m)
	switch t := m.Header.MsgType; t {
	case "interrupt_request":
		k.interrupt()
		k.send(k.control, k.reply(m, "interrupt_reply", map[string]any{"status": "ok"}))
	case "shutdown_request":
		k.shutdown(k.control, m)
	case "kernel_info_request":
		k.send(k.control, k.reply(m, "kernel_info_reply", k.kernelInfo()))
	default:
		k.log.Printf("control: unknown message type %q", t)
	}
}

// interrupt cancels the running cell, if any.
func (k *kernel) interrupt() {
	k.mu.Lock()
	defer k.mu.Unlock()
	if c := k.running; c != nil {
		c.interrupted = true
		c.cancel()
	}
}

// shutdown answers a shutdown request and ends Serve; a restart is the
// client's to do (it starts a new process).
func (k *kernel) shutdown(sock zmq4.Socket, m *Message) {
	var req struct {
		Restart bool `json:"restart"`
	}
	if err := DecodeContent(m, &req); err != nil {
		k.log.Print(err)
	}
	content := map[string]any{"status": "ok", "restart": req.Restart}
	k.send(sock, k.reply(m, "shutdown_reply", content))
	k.publish(k.message("shutdown_reply", m, content))
	k.log.Printf("shutdown requested (restart %v)", req.Restart)
	k.stop()
	k.interrupt()
}

// kernelInfo is the content of kernel_info_reply.
func (k *kernel) kernelInfo() map[string]any {
	goVersion := strings.TrimPrefix(runtime.Version(), "go")
	return map[string]any{
		"status":                 "ok",
		"protocol_version":       ProtocolVersion,
		"implementation":         "workbench",
		"implementation_version": version.Version,
		"language_info": map[string]any{
			"name":               "go",
			"version":            goVersion,
			"mimetype":           "text/x-go",
			"file_extension":     ".go",
			"pygments_lexer":     "go",
			"codemirror_mode":    "go",
			"nbconvert_exporter": "script",
		},
		"banner": "Workbench " + version.Version + " (Go " + goVersion + "): Go cells run by an interpreter, with arrays, plotting and devices bound.",
		"help_links": []map[string]string{
			{"text": "Go standard library", "url": "https://pkg.go.dev/std"},
			{"text": "Go language specification", "url": "https://go.dev/ref/spec"},
		},
		"debugger":  false,
		"workbench": interp.CurrentEnvironment(k.opts.Seed),
	}
}

// Executing cells.

type executeRequest struct {
	Code         string `json:"code"`
	Silent       bool   `json:"silent"`
	StoreHistory *bool  `json:"store_history"`
	AllowStdin   bool   `json:"allow_stdin"` // ignored: no input requests
	StopOnError  *bool  `json:"stop_on_error"`
}

// execute runs a cell: execute_input, the outputs as they come, then the
// reply, whose metadata names the device the cell ran on
// ({"workbench": {"device": "gpu"}}: interp.Session.LastDevice).
func (k *kernel) execute(m *Message, arrived time.Time) {
	var req executeRequest
	if err := DecodeContent(m, &req); err != nil {
		k.log.Print(err)
		k.send(k.shell, k.reply(m, "execute_reply", map[string]any{
			"status": "error", "ename": "BadRequest", "evalue": err.Error(), "traceback": []string{err.Error()},
			"execution_count": k.count, "user_expressions": map[string]any{}, "payload": []any{},
		}))
		return
	}
	if k.stopping() || !k.abortBefore.IsZero() && arrived.Before(k.abortBefore) {
		// ipykernel's stop_on_error: what was queued behind a failing
		// cell is not run; nor is anything once a shutdown is asked for.
		reply := k.reply(m, "execute_reply", map[string]any{"status": "aborted", "execution_count": k.count,
			"user_expressions": map[string]any{}, "payload": []any{}})
		reply.Metadata = map[string]any{"status": "aborted"}
		k.send(k.shell, reply)
		return
	}
	k.abortBefore = time.Time{}
	storeHistory := !req.Silent && (req.StoreHistory == nil || *req.StoreHistory)
	stopOnError := req.StopOnError == nil || *req.StopOnError
	if storeHistory {
		k.count++
	}
	count := k.count
	if !req.Silent {
		k.publish(k.message("execute_input", m, map[string]any{"code": req.Code, "execution_count": count}))
	}

	ctx, cancel := context.WithCancel(k.ctx)
	defer cancel()
	c := &cell{parent: m, silent: req.Silent, count: count, cancel: cancel}
	k.mu.Lock()
	k.running = c
	k.mu.Unlock()
	defer func() {
		k.mu.Lock()
		if k.running == c {
			k.running = nil
		}
		k.mu.Unlock()
	}()
	_, err := k.session.Run(ctx, req.Code)
	device := k.session.LastDevice()
	k.mu.Lock()
	k.running = nil
	errs := c.errors
	interrupted := c.interrupted
	k.mu.Unlock()
	if err != nil {
		errs = append(errs, interp.Output{Type: interp.Error, ErrName: "KernelError", ErrValue: err.Error()})
	}

	stuck := false
	if interrupted && k.session.Stuck() {
		stuck = true
		for i := range errs {
			if errs[i].ErrName == "Interrupted" {
				markStuck(&errs[i])
			}
		}
	}
	if !req.Silent {
		for _, o := range errs {
			k.publish(k.message("error", m, errorContent(o)))
		}
	}
	content := map[string]any{"status": "ok", "execution_count": count,
		"user_expressions": map[string]any{}, "payload": []any{}}
	meta := map[string]any{"status": "ok"}
	if len(errs) > 0 {
		e := errorContent(errs[0])
		content["status"], meta["status"] = "error", "error"
		content["ename"], content["evalue"], content["traceback"] = e.EName, e.EValue, e.Traceback
		if stopOnError {
			// What arrived before the failure is reported was sent
			// without knowing of it.
			k.abortBefore = time.Now()
		}
	}
	wb := map[string]any{"device": device}
	if stuck {
		wb["stuck"] = true
	}
	meta["workbench"] = wb
	reply := k.reply(m, "execute_reply", content)
	reply.Metadata = meta
	k.send(k.shell, reply)
}

// markStuck rewrites an Interrupted error for a cell whose compiled call
// goes on.
func markStuck(o *interp.Output) {
	o.ErrValue = StuckMessage
	o.Traceback = []string{o.ErrName + ": " + StuckMessage}
}

// emit receives the engine's outputs as they happen, and publishes them.
// Errors are held back until Run returns (the kernel may rewrite them).
func (k *kernel) emit(o interp.Output) {
	defer k.recovered("emit")
	k.mu.Lock()
	c := k.running
	if c != nil && o.Type == interp.Error {
		c.errors = append(c.errors, o)
		k.mu.Unlock()
		return
	}
	k.mu.Unlock()
	if c == nil {
		k.log.Printf("an output (%s) came while no cell ran: dropped", o.Type)
		return
	}
	if c.silent {
		return
	}
	if m := k.outputMessage(o, c); m != nil {
		k.publish(m)
	}
}

// outputMessage turns an output into its iopub message.
func (k *kernel) outputMessage(o interp.Output, c *cell) *Message {
	switch o.Type {
	case interp.Stream:
		name := o.Name
		if name == "" {
			name = "stdout"
		}
		return k.message("stream", c.parent, map[string]any{"name": name, "text": o.Text})
	case interp.DisplayData, interp.UpdateDisplayData:
		content := map[string]any{"data": BundleJSON(o.Data), "metadata": map[string]any{}}
		if o.DisplayID != "" || o.Type == interp.UpdateDisplayData {
			content["transient"] = map[string]any{"display_id": o.DisplayID}
		}
		return k.message(o.Type.String(), c.parent, content)
	case interp.ExecuteResult:
		return k.message("execute_result", c.parent, map[string]any{"execution_count": c.count,
			"data": BundleJSON(o.Data), "metadata": map[string]any{}})
	case interp.Error:
		return k.message("error", c.parent, errorContent(o))
	}
	k.log.Printf("output of unknown type %d dropped", o.Type)
	return nil
}

// errorMsg is the content of an error message.
type errorMsg struct {
	EName     string   `json:"ename"`
	EValue    string   `json:"evalue"`
	Traceback []string `json:"traceback"`
}

// errorContent is the error message of an Error output. Front ends show
// only the traceback: when the engine gave none, it is "ename: evalue".
func errorContent(o interp.Output) errorMsg {
	tb := o.Traceback
	if len(tb) == 0 {
		tb = []string{o.ErrName + ": " + o.ErrValue}
	}
	return errorMsg{EName: o.ErrName, EValue: o.ErrValue, Traceback: tb}
}

// BundleJSON turns a MIME bundle into the data of a display_data or
// execute_result message: text/* types, image/svg+xml and JavaScript as
// JSON strings; JSON types (application/json and */*+json) embedded as
// JSON values (a string when not valid JSON); anything else, image/png
// included, base64-encoded (standard encoding).
func BundleJSON(b interp.Bundle) map[string]any {
	out := make(map[string]any, len(b))
	for mime, data := range b {
		switch {
		case isJSONMIME(mime):
			if json.Valid(data) {
				out[mime] = json.RawMessage(data)
			} else {
				out[mime] = string(data)
			}
		case isTextMIME(mime):
			out[mime] = string(data)
		default:
			out[mime] = base64.StdEncoding.EncodeToString(data)
		}
	}
	return out
}

// isJSONMIME says whether a MIME type's content is a JSON document.
func isJSONMIME(mime string) bool {
	mime, _, _ = strings.Cut(mime, ";")
	return mime == "application/json" || strings.HasSuffix(mime, "+json")
}

// isTextMIME says whether a MIME type's content travels as a string.
func isTextMIME(mime string) bool {
	mime, _, _ = strings.Cut(mime, ";")
	return strings.HasPrefix(mime, "text/") || mime == interp.MIMESVG ||
		mime == "application/javascript" || strings.HasSuffix(mime, "+xml")
}

// Completion, inspection, is_complete.

type codeRequest struct {
	Code        string `json:"code"`
	CursorPos   *int   `json:"cursor_pos"`
	DetailLevel int    `json:"detail_level"`
}

// cursor returns the request's cursor as a byte offset (the end of the
// code when absent).
func (r codeRequest) cursor() int {
	if r.CursorPos == nil {
		return len(r.Code)
	}
	return byteOffset(r.Code, *r.CursorPos)
}

// byteOffset converts an offset in Unicode code points, as the protocol
// counts (since 5.2), to a byte offset of s, clamped to s.
func byteOffset(s string, runes int) int {
	if runes <= 0 {
		return 0
	}
	n := 0
	for i := range s {
		if n == runes {
			return i
		}
		n++
	}
	return len(s)
}

// runeOffset converts a byte offset of s to code points, clamped to s.
func runeOffset(s string, bytes int) int {
	bytes = max(0, min(bytes, len(s)))
	return utf8.RuneCountInString(s[:bytes])
}

// completionType is one entry of the reply's _jupyter_types_experimental.
type completionType struct {
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
	Type      string `json:"type"`
	Signature string `json:"signature"`
}

// complete answers complete_request. The reply's metadata has
// "_jupyter_types_experimental" (type is the engine's Candidate.Kind:
// "func", "var", ...) and "workbench_docs" (the first line of each
// match's doc, "" when none), both in the order of matches.
func (k *kernel) complete(m *Message) {
	var req codeRequest
	if err := DecodeContent(m, &req); err != nil {
		k.log.Print(err)
	}
	cur := req.cursor()
	c := k.session.Complete(req.Code, cur)
	start := runeOffset(req.Code, c.Start)
	end := runeOffset(req.Code, c.End)
	matches := make([]string, 0, len(c.Matches))
	types := make([]completionType, 0, len(c.Matches))
	docs := make([]string, 0, len(c.Matches))
	for _, cand := range c.Matches {
		matches = append(matches, cand.Name)
		types = append(types, completionType{Start: start, End: end, Text: cand.Name, Type: cand.Kind, Signature: cand.Signature})
		doc, _, _ := strings.Cut(strings.TrimSpace(cand.Doc), "\n")
		docs = append(docs, doc)
	}
	k.send(k.shell, k.reply(m, "complete_reply", map[string]any{
		"status":       "ok",
		"matches":      matches,
		"cursor_start": start,
		"cursor_end":   end,
		"metadata": map[string]any{
			"_jupyter_types_experimental": types,
			"workbench_docs":              docs,
		},
	}))
}

// inspect answers inspect_request: text/plain is the signature, the doc
// and the value; text/markdown the same with the signature as a Go code
// block and the value as "Value: `...`", in paragraphs; the metadata's
// "workbench" is the interp.Inspection itself.
func (k *kernel) inspect(m *Message) {
	var req codeRequest
	if err := DecodeContent(m, &req); err != nil {
		k.log.Print(err)
	}
	in := k.session.Inspect(req.Code, req.cursor())
	data := map[string]any{}
	meta := map[string]any{}
	if in.Found {
		meta["workbench"] = in
		var text, md []string
		sig := in.Signature
		if sig == "" {
			sig = in.Name
		}
		if sig != "" {
			text = append(text, sig)
			md = append(md, "```go\n"+sig+"\n```")
		}
		if in.Doc != "" {
			text = append(text, strings.TrimSpace(in.Doc))
			md = append(md, strings.TrimSpace(in.Doc))
		}
		if in.Value != "" {
			text = append(text, "= "+in.Value)
			md = append(md, "Value: `"+strings.ReplaceAll(in.Value, "`", "'")+"`")
		}
		data["text/plain"] = strings.Join(text, "\n\n")
		data["text/markdown"] = strings.Join(md, "\n\n")
	}
	k.send(k.shell, k.reply(m, "inspect_reply", map[string]any{
		"status": "ok", "found": in.Found, "data": data, "metadata": meta,
	}))
}

// isComplete answers is_complete_request.
func (k *kernel) isComplete(m *Message) {
	var req codeRequest
	if err := DecodeContent(m, &req); err != nil {
		k.log.Print(err)
	}
	status, indent := interp.IsComplete(req.Code)
	content := map[string]any{"status": status}
	if status == "incomplete" {
		content["indent"] = indent
	}
	k.send(k.shell, k.reply(m, "is_complete_reply", content))
}
