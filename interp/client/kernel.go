package client

// The kernel process: starting it, its sockets, routing what it sends to
// the requests waiting for it, and noticing when it is gone.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-zeromq/zmq4"

	"workbench/interp"
	"workbench/interp/jupyter"
)

// Heartbeat: a ping every hbInterval; the kernel is declared dead when no
// echo came back for hbMisses intervals. (Variables for the tests.)
var (
	hbInterval = time.Second
	hbMisses   = 5
)

// kernel is one kernel process and the sockets connected to it.
type kernel struct {
	dir     string // private temporary folder with the connection file
	info    jupyter.ConnectionInfo
	signer  *jupyter.Signer
	session string
	cmd     *exec.Cmd
	out     *tail // the process's stdout and stderr
	env     interp.Environment

	ctx    context.Context // the sockets' lifeline
	cancel context.CancelFunc

	sendMu                           sync.Mutex
	shell, control, stdin, iopub, hb zmq4.Socket

	exited chan struct{} // closed once the process has ended and been waited for
	status string        // how it ended ("exit status 2"); set before exited closes

	dead     chan struct{} // closed once the kernel is gone, for whatever reason
	deadOnce sync.Once

	mu       sync.Mutex
	why      string // why it is dead
	retired  string // set when the client ended it on purpose: "restart", "close"
	replies  map[string]*inbox
	subs     map[string]*inbox
	closed   bool
	lastPong atomic.Int64 // UnixNano of the last heartbeat echo
}

// inbox is an unbounded queue of messages for one request.
type inbox struct {
	mu    sync.Mutex
	msgs  []*jupyter.Message
	ready chan struct{} // has a token when msgs may be non-empty
}

func newInbox() *inbox { return &inbox{ready: make(chan struct{}, 1)} }

func (b *inbox) put(m *jupyter.Message) {
	b.mu.Lock()
	b.msgs = append(b.msgs, m)
	b.mu.Unlock()
	select {
	case b.ready <- struct{}{}:
	default:
	}
}

func (b *inbox) take() []*jupyter.Message {
	b.mu.Lock()
	defer b.mu.Unlock()
	ms := b.msgs
	b.msgs = nil
	return ms
}

// quiet is the logger given to the sockets: go-zeromq logs failures
// that the client reports itself.
var quiet = log.New(io.Discard, "", 0)

// startKernel starts a kernel process and returns it once it has answered
// kernel_info with its iopub subscription live.
func startKernel(ctx context.Context, o *Options, stderr io.Writer) (k *kernel, err error) {
	ctx, cancel := context.WithTimeout(ctx, o.StartTimeout)
	defer cancel()

	k = &kernel{
		session: jupyter.NewID(),
		out:     newTail(tailSize, stderr),
		exited:  make(chan struct{}),
		dead:    make(chan struct{}),
		replies: map[string]*inbox{},
		subs:    map[string]*inbox{},
	}
	if k.dir, err = os.MkdirTemp("", "workbench-kernel-"); err != nil {
		return nil, fmt.Errorf("client: %w", err)
	}
	k.ctx, k.cancel = context.WithCancel(context.Background())
	defer func() {
		if err != nil {
			k.release() // kills the process, closes the sockets, removes the folder
			k = nil
		}
	}()
	if k.info, err = jupyter.NewConnectionInfo(); err != nil {
		return k, err
	}
	file := filepath.Join(k.dir, "kernel.json")
	if err = k.info.WriteFile(file); err != nil {
		return k, fmt.Errorf("client: writing the connection file: %w", err)
	}
	if k.signer, err = jupyter.NewSigner(k.info.SignatureScheme, k.info.Key); err != nil {
		return k, err
	}

	args := append([]string{}, o.Command[1:]...)
	args = append(args, "-f", file, "--seed", strconv.FormatUint(o.Seed, 10))
	if o.Workers > 0 {
		args = append(args, "--workers", strconv.Itoa(o.Workers))
	}
	if o.Dir != "" {
		args = append(args, "--dir", o.Dir)
	}
	k.cmd = exec.Command(o.Command[0], args...)
	k.cmd.Dir = o.Dir
	k.cmd.Env = append(os.Environ(), o.Env...)
	k.cmd.Stdout = k.out
	k.cmd.Stderr = k.out
	k.cmd.WaitDelay = time.Second // a grandchild holding the pipes must not hold Wait
	setProcAttr(k.cmd)
	if err = k.cmd.Start(); err != nil {
		return k, fmt.Errorf("client: starting the kernel: %w", err)
	}
	go k.wait()

	if err = k.connect(ctx); err != nil {
		return k, err
	}
	if err = k.handshake(ctx); err != nil {
		return k, err
	}
	k.lastPong.Store(time.Now().UnixNano())
	go k.heartbeat(hbInterval, hbMisses)
	return k, nil
}

// wait waits for the process to end.
func (k *kernel) wait() {
	err := k.cmd.Wait()
	status := "exit status unknown"
	if ps := k.cmd.ProcessState; ps != nil {
		status = ps.String()
	} else if err != nil {
		status = err.Error()
	}
	k.status = status
	close(k.exited)
	k.die(status)
}

// die marks the kernel dead (the first reason wins) and kills the process.
func (k *kernel) die(why string) {
	k.deadOnce.Do(func() {
		k.mu.Lock()
		k.why = why
		k.mu.Unlock()
		close(k.dead)
		k.kill()
	})
}

func (k *kernel) kill() {
	if k.cmd != nil && k.cmd.Process != nil {
		select {
		case <-k.exited:
		default:
			killGroup(k.cmd.Process)
			k.cmd.Process.Kill()
		}
	}
}

// isDead reports whether the kernel is gone.
func (k *kernel) isDead() bool {
	select {
	case <-k.dead:
		return true
	default:
		return false
	}
}

// reason returns why the kernel died and whether the client ended it.
func (k *kernel) reason() (why, retired string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.why, k.retired
}

// deadError is the error for a request to a dead kernel.
func (k *kernel) deadError() error {
	why, retired := k.reason()
	switch retired {
	case "close":
		return ErrClosed
	case "":
		return fmt.Errorf("%w: the kernel process ended (%s)", ErrDead, why)
	}
	return fmt.Errorf("%w: the kernel was restarted", ErrDead)
}

// waitExit waits at most d for the process to end.
func (k *kernel) waitExit(d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-k.exited:
		return true
	case <-t.C:
		return false
	}
}

// release kills the process if it still runs, closes the sockets and
// removes the connection file. It is safe to call more than once.
func (k *kernel) release() {
	k.die("closed by the client")
	if k.cmd != nil && k.cmd.Process != nil {
		k.waitExit(5 * time.Second)
	}
	k.mu.Lock()
	closed := k.closed
	k.closed = true
	k.mu.Unlock()
	if closed {
		return
	}
	if k.cmd != nil && k.cmd.Process != nil {
		// What the cells started may outlive a kernel that ended by
		// itself: end it too (the group's id stays reserved while it
		// has members, so this cannot hit another process).
		killGroup(k.cmd.Process)
	}
	k.cancel()
	for _, s := range []zmq4.Socket{k.shell, k.control, k.stdin, k.iopub, k.hb} {
		if s != nil {
			s.Close()
		}
	}
	if k.dir != "" {
		os.RemoveAll(k.dir)
	}
}

// retire ends the kernel on purpose: with a shutdown_request first when
// grace > 0, then by killing it. why is "restart" or "close".
func (k *kernel) retire(why string, grace time.Duration) {
	k.mu.Lock()
	if k.retired == "" {
		k.retired = why
	}
	k.mu.Unlock()
	if grace > 0 && !k.isDead() {
		m := k.newMsg("shutdown_request", map[string]any{"restart": why == "restart"})
		if k.send(k.control, m) == nil {
			k.waitExit(grace)
		}
	}
	k.release()
}

// connect dials the five sockets, retrying until the kernel listens.
func (k *kernel) connect(ctx context.Context) error {
	id := zmq4.WithID(zmq4.SocketIdentity(jupyter.NewID()))
	opts := func(more ...zmq4.Option) []zmq4.Option {
		return append([]zmq4.Option{zmq4.WithLogger(quiet), zmq4.WithDialerRetry(20 * time.Millisecond),
			zmq4.WithDialerMaxRetries(-1)}, more...)
	}
	// shell and stdin share an identity, as the protocol asks.
	k.shell = zmq4.NewDealer(k.ctx, opts(id)...)
	k.stdin = zmq4.NewDealer(k.ctx, opts(id)...)
	k.control = zmq4.NewDealer(k.ctx, opts()...)
	k.iopub = zmq4.NewSub(k.ctx, opts()...)
	// The heartbeat is a DEALER speaking to the kernel's REP (an empty
	// delimiter frame first): unlike go-zeromq's REQ, its Recv can be
	// abandoned, so a kernel that stops answering cannot block us.
	k.hb = zmq4.NewDealer(k.ctx, opts()...)
	if err := k.iopub.SetOption(zmq4.OptionSubscribe, ""); err != nil {
		return err
	}
	socks := []struct {
		s    zmq4.Socket
		port int
	}{{k.shell, k.info.ShellPort}, {k.control, k.info.ControlPort}, {k.stdin, k.info.StdinPort},
		{k.iopub, k.info.IOPubPort}, {k.hb, k.info.HBPort}}
	errc := make(chan error, len(socks))
	for _, s := range socks {
		go func() { errc <- s.s.Dial(k.info.Endpoint(s.port)) }()
	}
	for range socks {
		select {
		case err := <-errc:
			if err != nil {
				return fmt.Errorf("client: connecting to the kernel: %w", err)
			}
		case <-k.exited:
			return k.endedEarly()
		case <-ctx.Done():
			return k.notReady(ctx)
		}
	}
	go k.read(k.shell, "shell")
	go k.read(k.control, "control")
	go k.read(k.stdin, "stdin")
	go k.read(k.iopub, "iopub")
	go k.read(k.hb, "hb")
	return nil
}

// endedEarly is the error for a kernel that ended before it was ready.
func (k *kernel) endedEarly() error {
	out := k.out.String()
	msg := crashSummary(out)
	if !strings.Contains(out, "panic: ") && !strings.Contains(out, "fatal error: ") {
		msg = firstLines(out, 8)
	}
	if msg == "" {
		msg = "(nothing on stderr)"
	}
	err := fmt.Errorf("client: the kernel process ended (%s) before it was ready: %s", k.status, msg)
	if strings.Contains(out, "address already in use") {
		err = &portTakenError{err}
	}
	return err
}

// portTakenError is a start that failed because another process took one
// of the free ports chosen for the kernel before the kernel bound it: a
// new try with new ports will do.
type portTakenError struct{ error }

func (e *portTakenError) Unwrap() error { return e.error }

func (k *kernel) notReady(ctx context.Context) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		msg := lastLines(k.out.String(), 15)
		if msg != "" {
			msg = "; its output: " + msg
		}
		return fmt.Errorf("client: the kernel did not answer in time%s", msg)
	}
	return ctx.Err()
}

// handshake sends kernel_info_request until the kernel has answered one
// and iopub has carried a message about one: only then is the iopub
// subscription live (ZeroMQ's slow joiner), and no output can be lost.
func (k *kernel) handshake(ctx context.Context) error {
	replies, pub := newInbox(), newInbox()
	var ids []string
	defer func() {
		for _, id := range ids {
			k.forget(id)
		}
	}()
	ask := func() error {
		m := k.newMsg("kernel_info_request", struct{}{})
		ids = append(ids, m.Header.MsgID)
		k.expect(m.Header.MsgID, replies, pub)
		return k.send(k.shell, m)
	}
	if err := ask(); err != nil {
		return err
	}
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	var info *jupyter.Message
	var firstReply time.Time
	live := false
	for info == nil || !live {
		select {
		case <-replies.ready:
			for _, m := range replies.take() {
				if m.Header.MsgType == "kernel_info_reply" && info == nil {
					info, firstReply = m, time.Now()
				}
			}
		case <-pub.ready:
			pub.take()
			live = true
		case <-tick.C:
			// A kernel that never publishes a status for kernel_info
			// would keep us here: after 2 s of answers, go on.
			if info != nil && time.Since(firstReply) > 2*time.Second {
				live = true
				continue
			}
			if err := ask(); err != nil {
				return err
			}
		case <-k.exited:
			return k.endedEarly()
		case <-ctx.Done():
			return k.notReady(ctx)
		}
	}
	var content struct {
		Workbench *interp.Environment `json:"workbench"`
	}
	if err := jupyter.DecodeContent(info, &content); err != nil {
		return fmt.Errorf("client: %w", err)
	}
	if content.Workbench != nil {
		k.env = *content.Workbench
	}
	return nil
}

// newMsg returns a request of this client's session.
func (k *kernel) newMsg(msgType string, content any) *jupyter.Message {
	return &jupyter.Message{Header: jupyter.NewHeader(msgType, k.session), Content: content}
}

// send sends m on sock.
func (k *kernel) send(sock zmq4.Socket, m *jupyter.Message) error {
	k.sendMu.Lock()
	defer k.sendMu.Unlock()
	if err := k.signer.Send(sock, m); err != nil {
		if k.isDead() {
			return k.deadError()
		}
		return fmt.Errorf("client: sending %s: %w", m.Header.MsgType, err)
	}
	return nil
}

// expect routes the replies to request id to replies, and the iopub
// messages about it to pub (either may be nil).
func (k *kernel) expect(id string, replies, pub *inbox) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if replies != nil {
		k.replies[id] = replies
	}
	if pub != nil {
		k.subs[id] = pub
	}
}

// forget stops routing messages about request id.
func (k *kernel) forget(id string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	delete(k.replies, id)
	delete(k.subs, id)
}

// read receives messages from one socket until the kernel is released.
func (k *kernel) read(sock zmq4.Socket, channel string) {
	for {
		msg, err := sock.Recv()
		if err != nil {
			if k.ctx.Err() != nil {
				return
			}
			// The connection broke (the process ended): the next Recv
			// blocks until the socket closes, but be sure not to spin.
			select {
			case <-k.ctx.Done():
				return
			case <-time.After(20 * time.Millisecond):
			}
			continue
		}
		if channel == "hb" {
			k.lastPong.Store(time.Now().UnixNano())
			continue
		}
		m, err := k.signer.Decode(msg.Frames)
		if err != nil {
			continue // not from our kernel, or garbled: nothing to route
		}
		k.route(channel, m)
	}
}

func (k *kernel) route(channel string, m *jupyter.Message) {
	id := m.Parent.MsgID
	k.mu.Lock()
	var b *inbox
	switch channel {
	case "shell", "control":
		b = k.replies[id]
	case "iopub":
		b = k.subs[id]
	case "stdin":
		// Cells run with allow_stdin false; should the kernel ask all
		// the same, answer with an empty line rather than hang.
		if m.Header.MsgType == "input_request" {
			k.mu.Unlock()
			k.send(k.stdin, jupyter.Reply(m, "input_reply", map[string]any{"value": ""}))
			return
		}
	}
	k.mu.Unlock()
	if b != nil {
		b.put(m)
	}
}

// heartbeat pings the kernel and declares it dead when it stops echoing.
func (k *kernel) heartbeat(interval time.Duration, misses int) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for n := 0; ; n++ {
		select {
		case <-k.dead:
			return
		case <-t.C:
		}
		if silent := time.Since(time.Unix(0, k.lastPong.Load())); silent > time.Duration(misses)*interval {
			k.die(fmt.Sprintf("it stopped answering heartbeats for %v and was killed", silent.Round(time.Second)))
			return
		}
		k.sendMu.Lock()
		k.hb.SendMulti(zmq4.NewMsgFrom([]byte{}, []byte("ping "+strconv.Itoa(n))))
		k.sendMu.Unlock()
	}
}

// request sends a request on sock and waits for its reply.
func (k *kernel) request(ctx context.Context, sock zmq4.Socket, msgType string, content any) (*jupyter.Message, error) {
	m := k.newMsg(msgType, content)
	replies := newInbox()
	k.expect(m.Header.MsgID, replies, nil)
	defer k.forget(m.Header.MsgID)
	if err := k.send(sock, m); err != nil {
		return nil, err
	}
	select {
	case <-replies.ready:
		return replies.take()[0], nil
	case <-k.dead:
		return nil, k.deadError()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// replyError checks the status of a reply's content.
func replyError(m *jupyter.Message) error {
	var c struct {
		Status string `json:"status"`
		EName  string `json:"ename"`
		EValue string `json:"evalue"`
	}
	if err := jupyter.DecodeContent(m, &c); err != nil {
		return fmt.Errorf("client: %w", err)
	}
	if c.Status != "" && c.Status != "ok" {
		if c.EName == "" && c.EValue == "" {
			return fmt.Errorf("client: %s: status %s", m.Header.MsgType, c.Status)
		}
		return fmt.Errorf("client: %s: %s: %s", m.Header.MsgType, c.EName, c.EValue)
	}
	return nil
}
