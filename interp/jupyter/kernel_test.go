package jupyter

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/go-zeromq/zmq4"

	"workbench/devices"
	"workbench/interp"
)

// Driving an in-process kernel with zmq4 sockets, as a client does.

// syncBuffer is a bytes.Buffer safe for concurrent writes (the kernel's
// log).
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// testClient holds a client's sockets to one kernel.
type testClient struct {
	t       *testing.T
	conn    ConnectionInfo
	signer  *Signer
	session string
	log     *syncBuffer

	shell, control, iopub zmq4.Socket
	shellc, controlc      chan *Message
	iopubc                chan *Message
	served                chan error // Serve's result
}

const testTimeout = 15 * time.Second

// startKernel runs Serve on fresh ports and connects a client to it; the
// kernel is stopped when the test ends.
func startKernel(t *testing.T, seed uint64) *testClient {
	t.Helper()
	conn, err := NewConnectionInfo()
	if err != nil {
		t.Fatal(err)
	}
	signer, err := NewSigner(conn.SignatureScheme, conn.Key)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	c := &testClient{t: t, conn: conn, signer: signer, session: NewID(), log: &syncBuffer{},
		shellc: make(chan *Message, 100), controlc: make(chan *Message, 100), iopubc: make(chan *Message, 1000),
		served: make(chan error, 1)}
	go func() {
		c.served <- Serve(ctx, conn, KernelOptions{Seed: seed, Dir: t.TempDir(), Log: c.log})
	}()
	cctx, ccancel := context.WithCancel(context.Background())
	c.shell = zmq4.NewDealer(cctx, zmq4.WithID(zmq4.SocketIdentity("shell-"+c.session)))
	c.control = zmq4.NewDealer(cctx, zmq4.WithID(zmq4.SocketIdentity("control-"+c.session)))
	c.iopub = zmq4.NewSub(cctx)
	t.Cleanup(func() {
		cancel()
		select {
		case <-c.served:
		case <-time.After(testTimeout):
			t.Errorf("Serve did not return after its context was cancelled")
		}
		ccancel()
		c.shell.Close()
		c.control.Close()
		c.iopub.Close()
		if t.Failed() {
			t.Logf("kernel log:\n%s", c.log.String())
		}
	})
	if err := c.iopub.SetOption(zmq4.OptionSubscribe, ""); err != nil {
		t.Fatal(err)
	}
	for _, d := range []struct {
		s    zmq4.Socket
		port int
		ch   chan *Message
	}{{c.shell, conn.ShellPort, c.shellc}, {c.control, conn.ControlPort, c.controlc}, {c.iopub, conn.IOPubPort, c.iopubc}} {
		if err := d.s.Dial(conn.Endpoint(d.port)); err != nil {
			t.Fatal(err)
		}
		go func(s zmq4.Socket, ch chan *Message) {
			for {
				raw, err := s.Recv()
				if err != nil {
					return
				}
				m, err := signer.Decode(raw.Frames)
				if err != nil {
					t.Errorf("client: %v", err)
					continue
				}
				ch <- m
			}
		}(d.s, d.ch)
	}
	// As jupyter_client does: ask for kernel_info until iopub is seen to
	// deliver (a SUB socket misses what is published before it joins).
	deadline := time.Now().Add(testTimeout)
	for {
		m := c.send(c.shell, "kernel_info_request", map[string]any{})
		c.reply(c.shellc, m)
		select {
		case <-c.iopubc:
			c.drainIOPub()
			return c
		case <-time.After(200 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatal("iopub never delivered")
		}
	}
}

// drainIOPub forgets what iopub delivered so far (after a short wait).
func (c *testClient) drainIOPub() {
	for {
		select {
		case <-c.iopubc:
		case <-time.After(100 * time.Millisecond):
			return
		}
	}
}

// send sends a request and returns it.
func (c *testClient) send(sock zmq4.Socket, msgType string, content any) *Message {
	c.t.Helper()
	m := &Message{Header: NewHeader(msgType, c.session), Content: content}
	if err := c.signer.Send(sock, m); err != nil {
		c.t.Fatal(err)
	}
	return m
}

// reply waits for the reply to req on ch.
func (c *testClient) reply(ch chan *Message, req *Message) *Message {
	c.t.Helper()
	timeout := time.After(testTimeout)
	for {
		select {
		case m := <-ch:
			if m.Parent.MsgID == req.Header.MsgID {
				return m
			}
			c.t.Logf("ignored %s (parent %s)", m.Header.MsgType, m.Parent.MsgType)
		case <-timeout:
			c.t.Fatalf("no reply to %s", req.Header.MsgType)
		}
	}
}

// outputs returns the iopub messages for req, up to its status idle
// (which is not included).
func (c *testClient) outputs(req *Message) []*Message {
	c.t.Helper()
	var got []*Message
	timeout := time.After(testTimeout)
	for {
		select {
		case m := <-c.iopubc:
			if m.Parent.MsgID != req.Header.MsgID {
				continue
			}
			if m.Header.MsgType == "status" && content(c.t, m)["execution_state"] == "idle" {
				return got
			}
			got = append(got, m)
		case <-timeout:
			c.t.Fatalf("no status idle for %s; got %d messages", req.Header.MsgType, len(got))
		}
	}
}

// started waits until the cell of execute request m runs (its
// execute_input, and a little more).
func (c *testClient) started(m *Message) {
	c.t.Helper()
	timeout := time.After(testTimeout)
	for {
		select {
		case o := <-c.iopubc:
			if o.Parent.MsgID == m.Header.MsgID && o.Header.MsgType == "execute_input" {
				time.Sleep(100 * time.Millisecond)
				return
			}
		case <-timeout:
			c.t.Fatal("the cell did not start")
		}
	}
}

// request sends a shell request and returns its reply's content.
func (c *testClient) request(msgType string, req map[string]any) map[string]any {
	c.t.Helper()
	m := c.send(c.shell, msgType, req)
	r := c.reply(c.shellc, m)
	c.outputs(m)
	want := strings.TrimSuffix(msgType, "_request") + "_reply"
	if r.Header.MsgType != want {
		c.t.Fatalf("reply type %s, want %s", r.Header.MsgType, want)
	}
	return content(c.t, r)
}

// executed is the result of one execute_request.
type executed struct {
	reply   map[string]any
	meta    map[string]any
	outputs []*Message // iopub, between busy and idle
}

// execute runs code and returns the reply and the iopub messages.
func (c *testClient) execute(code string, extra ...any) executed {
	c.t.Helper()
	req := map[string]any{"code": code, "silent": false, "store_history": true, "user_expressions": map[string]any{}, "allow_stdin": false}
	for i := 0; i+1 < len(extra); i += 2 {
		req[extra[i].(string)] = extra[i+1]
	}
	m := c.send(c.shell, "execute_request", req)
	r := c.reply(c.shellc, m)
	return executed{reply: content(c.t, r), meta: r.Metadata, outputs: c.outputs(m)}
}

// content decodes a message's content.
func content(t *testing.T, m *Message) map[string]any {
	t.Helper()
	var v map[string]any
	if err := DecodeContent(m, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// show writes iopub messages in short, for comparisons.
func show(t *testing.T, ms []*Message) string {
	var b strings.Builder
	for _, m := range ms {
		c := content(t, m)
		switch m.Header.MsgType {
		case "status":
			fmt.Fprintf(&b, "status %v\n", c["execution_state"])
		case "execute_input":
			fmt.Fprintf(&b, "execute_input [%v] %q\n", c["execution_count"], c["code"])
		case "stream":
			fmt.Fprintf(&b, "stream %v %q\n", c["name"], c["text"])
		case "execute_result":
			data := c["data"].(map[string]any)
			fmt.Fprintf(&b, "execute_result [%v] %v\n", c["execution_count"], data["text/plain"])
		case "display_data", "update_display_data":
			data := c["data"].(map[string]any)
			fmt.Fprintf(&b, "%s %v\n", m.Header.MsgType, data["text/plain"])
		case "error":
			fmt.Fprintf(&b, "error %v: %v\n", c["ename"], c["evalue"])
		default:
			fmt.Fprintf(&b, "%s\n", m.Header.MsgType)
		}
	}
	return b.String()
}

func TestKernel(t *testing.T) {
	c := startKernel(t, 42)

	t.Run("kernel_info", func(t *testing.T) {
		info := c.request("kernel_info_request", map[string]any{})
		if info["protocol_version"] != "5.3" || info["implementation"] != "workbench" || info["status"] != "ok" {
			t.Errorf("kernel_info: %v", info)
		}
		li, _ := info["language_info"].(map[string]any)
		goVersion := strings.TrimPrefix(runtime.Version(), "go")
		if li["name"] != "go" || li["version"] != goVersion || li["mimetype"] != "text/x-go" || li["file_extension"] != ".go" {
			t.Errorf("language_info: %v", li)
		}
		env, _ := info["workbench"].(map[string]any)
		if env["seed"] != 42.0 || env["go"] != runtime.Version() || env["os"] != runtime.GOOS || env["workers"] == nil {
			t.Errorf("environment record: %v", env)
		}
		// The environment record reads back into interp.Environment.
		b, _ := json.Marshal(env)
		var e interp.Environment
		if err := json.Unmarshal(b, &e); err != nil || e.Seed != 42 || e.Arch != runtime.GOARCH {
			t.Errorf("environment %+v, %v", e, err)
		}
	})

	t.Run("heartbeat", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		req := zmq4.NewReq(ctx)
		defer req.Close()
		if err := req.Dial(c.conn.Endpoint(c.conn.HBPort)); err != nil {
			t.Fatal(err)
		}
		for i := range 3 {
			ping := fmt.Sprintf("ping %d", i)
			if err := req.Send(zmq4.NewMsgString(ping)); err != nil {
				t.Fatal(err)
			}
			got := make(chan string, 1)
			go func() {
				m, err := req.Recv()
				if err != nil {
					got <- err.Error()
					return
				}
				got <- string(bytes.Join(m.Frames, []byte("|")))
			}()
			select {
			case s := <-got:
				if s != ping {
					t.Fatalf("heartbeat echoed %q, want %q", s, ping)
				}
			case <-time.After(testTimeout):
				t.Fatal("no heartbeat echo")
			}
		}
	})

	t.Run("execute", func(t *testing.T) {
		for _, tc := range []struct {
			code    string
			status  string
			outputs string
		}{
			{`fmt.Println("hello")` + "\n" + `x := 40`, "ok",
				"execute_input [1] \"fmt.Println(\\\"hello\\\")\\nx := 40\"\nstream stdout \"hello\\n\"\n"},
			{"x + 2", "ok", "execute_input [2] \"x + 2\"\nexecute_result [2] 42\n"},
			{"y := 1\nz := y + nope", "error", "execute_input [3] \"y := 1\\nz := y + nope\"\nerror CompileError: line 2, column 10: undefined: nope\n"},
			{`panic("boom")`, "error", "execute_input [4] \"panic(\\\"boom\\\")\"\nerror Panic: line 1, column 1: boom\n"},
			{"arrays.Asarray([]float64{1, 2, 3})", "ok",
				"execute_input [5] \"arrays.Asarray([]float64{1, 2, 3})\"\nexecute_result [5] array([1., 2., 3.])\n"},
		} {
			got := c.execute(tc.code)
			if got.reply["status"] != tc.status {
				t.Errorf("%q: status %v, want %s (%v)", tc.code, got.reply["status"], tc.status, got.reply)
			}
			if s := show(t, got.outputs[1:]); s != tc.outputs {
				t.Errorf("%q: outputs\n%s\nwant\n%s", tc.code, s, tc.outputs)
			}
			if show(t, got.outputs[:1]) != "status busy\n" {
				t.Errorf("%q: first iopub message %s, want status busy", tc.code, show(t, got.outputs[:1]))
			}
			if got.reply["execution_count"] == nil || got.reply["user_expressions"] == nil {
				t.Errorf("%q: reply %v lacks execution_count or user_expressions", tc.code, got.reply)
			}
			if tc.status == "error" {
				tb, _ := got.reply["traceback"].([]any)
				if got.reply["ename"] == "" || got.reply["evalue"] == "" || len(tb) == 0 {
					t.Errorf("%q: error reply %v", tc.code, got.reply)
				}
			}
		}
	})

	t.Run("array bundle", func(t *testing.T) {
		got := c.execute("arrays.Asarray([]float64{1, 2})")
		r := got.outputs[len(got.outputs)-1]
		data := content(t, r)["data"].(map[string]any)
		arr, ok := data[interp.MIMEArray].(map[string]any)
		if !ok {
			t.Fatalf("%s is %T, want a JSON object", interp.MIMEArray, data[interp.MIMEArray])
		}
		if arr["dtype"] != "float64" {
			t.Errorf("array JSON %v", arr)
		}
	})

	t.Run("silent and store_history", func(t *testing.T) {
		before := c.execute("x").reply["execution_count"].(float64)
		got := c.execute(`fmt.Println("quiet")`+"\nx", "silent", true)
		if s := show(t, got.outputs); s != "status busy\n" {
			t.Errorf("silent cell published\n%s", s)
		}
		if got.reply["status"] != "ok" || got.reply["execution_count"] != before {
			t.Errorf("silent reply %v, want count %v", got.reply, before)
		}
		got = c.execute("x", "store_history", false)
		if got.reply["execution_count"] != before {
			t.Errorf("store_history false: count %v, want %v", got.reply["execution_count"], before)
		}
		if got = c.execute("x"); got.reply["execution_count"] != before+1 {
			t.Errorf("count %v, want %v", got.reply["execution_count"], before+1)
		}
	})

	t.Run("display", func(t *testing.T) {
		got := c.execute(`display("shown")`)
		if s := show(t, got.outputs); !strings.Contains(s, "display_data shown") {
			t.Errorf("outputs\n%s", s)
		}
	})

	t.Run("stop_on_error", func(t *testing.T) {
		// The first cell fails after the next two were queued: they are
		// aborted; one sent after the failure runs.
		first := c.send(c.shell, "execute_request", map[string]any{"code": "import \"time\"\ntime.Sleep(300 * time.Millisecond)\npanic(\"stop\")"})
		time.Sleep(50 * time.Millisecond)
		second := c.send(c.shell, "execute_request", map[string]any{"code": "x"})
		third := c.send(c.shell, "execute_request", map[string]any{"code": "x", "stop_on_error": false})
		for i, m := range []*Message{first, second, third} {
			r := content(t, c.reply(c.shellc, m))
			want := []string{"error", "aborted", "aborted"}[i]
			if r["status"] != want {
				t.Errorf("request %d: status %v, want %s", i+1, r["status"], want)
			}
		}
		if got := c.execute("x"); got.reply["status"] != "ok" {
			t.Errorf("after the aborts: %v", got.reply)
		}
		// Without stop_on_error, what is queued runs.
		first = c.send(c.shell, "execute_request", map[string]any{"code": "import \"time\"\ntime.Sleep(300 * time.Millisecond)\npanic(\"stop\")", "stop_on_error": false})
		time.Sleep(50 * time.Millisecond)
		second = c.send(c.shell, "execute_request", map[string]any{"code": "x"})
		if r := content(t, c.reply(c.shellc, first)); r["status"] != "error" {
			t.Errorf("first: %v", r)
		}
		if r := content(t, c.reply(c.shellc, second)); r["status"] != "ok" {
			t.Errorf("second, without stop_on_error: %v", r)
		}
		c.drainIOPub()
	})

	t.Run("interrupt", func(t *testing.T) {
		m := c.send(c.shell, "execute_request", map[string]any{"code": "n := 0\nfor {\n\tn++\n}"})
		c.started(m)
		ir := c.send(c.control, "interrupt_request", map[string]any{})
		if r := c.reply(c.controlc, ir); r.Header.MsgType != "interrupt_reply" || content(t, r)["status"] != "ok" {
			t.Errorf("interrupt reply %s %v", r.Header.MsgType, content(t, r))
		}
		r := c.reply(c.shellc, m)
		if rc := content(t, r); rc["status"] != "error" || rc["ename"] != "Interrupted" {
			t.Errorf("interrupted cell: %v", rc)
		}
		if s := show(t, c.outputs(m)); !strings.Contains(s, "error Interrupted") {
			t.Errorf("outputs\n%s", s)
		}
		if got := c.execute("x"); got.reply["status"] != "ok" {
			t.Errorf("after the interrupt: %v", got.reply)
		}
	})

	t.Run("complete", func(t *testing.T) {
		// The cursor counts code points: é is one, two bytes.
		code := "s := \"é\"\nfmt.Pri"
		cursor := utf8.RuneCountInString(code)
		r := c.request("complete_request", map[string]any{"code": code, "cursor_pos": cursor})
		matches, ok := r["matches"].([]any)
		meta, _ := r["metadata"].(map[string]any)
		types, tok := meta["_jupyter_types_experimental"].([]any)
		docs, dok := meta["workbench_docs"].([]any)
		if r["status"] != "ok" || !ok || !tok || !dok || len(types) != len(matches) || len(docs) != len(matches) {
			t.Fatalf("complete reply %v", r)
		}
		end := r["cursor_end"].(float64)
		start := r["cursor_start"].(float64)
		if end != float64(cursor) {
			t.Errorf("cursor_end %v, want %d", end, cursor)
		}
		if len(matches) == 0 {
			t.Logf("no completions (the engine's completion is not there yet)")
			if start != end {
				t.Errorf("no matches, but cursor_start %v != cursor_end %v", start, end)
			}
			return
		}
		if start != float64(cursor-3) {
			t.Errorf("cursor_start %v, want %d", start, cursor-3)
		}
		found := false
		for i, m := range matches {
			ty := types[i].(map[string]any)
			if ty["text"] != m || ty["start"] != start || ty["end"] != end {
				t.Errorf("type entry %v for match %v", ty, m)
			}
			if m == "Println" {
				found = true
			}
		}
		if !found {
			t.Errorf("fmt.Pri: matches %v lack Println", matches)
		}
	})

	t.Run("inspect", func(t *testing.T) {
		r := c.request("inspect_request", map[string]any{"code": "fmt.Println", "cursor_pos": 8, "detail_level": 0})
		data, ok := r["data"].(map[string]any)
		if r["status"] != "ok" || !ok || r["metadata"] == nil {
			t.Fatalf("inspect reply %v", r)
		}
		if r["found"] == true {
			if s, _ := data["text/plain"].(string); !strings.Contains(s, "Println") {
				t.Errorf("inspect fmt.Println: %v", data)
			}
		} else {
			t.Logf("nothing found (the engine's inspection is not there yet)")
		}
	})

	t.Run("is_complete", func(t *testing.T) {
		for _, tc := range []struct{ code, want string }{{"x := 1", "complete"}, {"for i := 0; i < 3; i++ {", "incomplete"}} {
			r := c.request("is_complete_request", map[string]any{"code": tc.code})
			switch r["status"] {
			case tc.want:
				if tc.want == "incomplete" && r["indent"] == nil {
					t.Errorf("%q: incomplete without indent: %v", tc.code, r)
				}
			case "complete", "incomplete", "invalid", "unknown":
				t.Logf("%q: %v (want %s once the engine's IsComplete is there)", tc.code, r["status"], tc.want)
			default:
				t.Errorf("%q: status %v", tc.code, r["status"])
			}
		}
	})

	t.Run("variables, history, comm_info", func(t *testing.T) {
		r := c.request(MsgVariablesRequest, map[string]any{})
		vars, ok := r["variables"].([]any)
		if r["status"] != "ok" || !ok {
			t.Fatalf("variables reply %v", r)
		}
		if len(vars) > 0 {
			found := false
			for _, v := range vars {
				if v.(map[string]any)["name"] == "x" {
					found = true
				}
			}
			if !found {
				t.Errorf("variables %v lack x", vars)
			}
		}
		if r := c.request("history_request", map[string]any{"hist_access_type": "tail", "n": 10}); r["status"] != "ok" || r["history"] == nil {
			t.Errorf("history reply %v", r)
		}
		if r := c.request("comm_info_request", map[string]any{}); r["status"] != "ok" || r["comms"] == nil {
			t.Errorf("comm_info reply %v", r)
		}
	})

	t.Run("bad signature", func(t *testing.T) {
		other, _ := NewSigner("hmac-sha256", "not the key")
		m := &Message{Header: NewHeader("kernel_info_request", c.session), Content: map[string]any{}}
		if err := other.Send(c.shell, m); err != nil {
			t.Fatal(err)
		}
		select {
		case r := <-c.shellc:
			t.Errorf("a badly signed request was answered: %s", r.Header.MsgType)
		case <-time.After(300 * time.Millisecond):
		}
		if !strings.Contains(c.log.String(), "signature does not match") {
			t.Errorf("the kernel did not log the bad signature; log:\n%s", c.log.String())
		}
		// The kernel still answers good requests.
		c.request("kernel_info_request", map[string]any{})
	})

	t.Run("shutdown", func(t *testing.T) {
		m := c.send(c.control, "shutdown_request", map[string]any{"restart": true})
		r := c.reply(c.controlc, m)
		if rc := content(t, r); r.Header.MsgType != "shutdown_reply" || rc["status"] != "ok" || rc["restart"] != true {
			t.Errorf("shutdown reply %s %v", r.Header.MsgType, rc)
		}
		select {
		case err := <-c.served:
			if err != nil {
				t.Errorf("Serve returned %v", err)
			}
			c.served <- err
		case <-time.After(testTimeout):
			t.Fatal("Serve did not return after shutdown_request")
		}
	})
}

// TestKernelShutdown asks for a shutdown on either channel; the one on
// control comes while a cell runs, and ends it.
func TestKernelShutdown(t *testing.T) {
	for _, channel := range []string{"shell", "control"} {
		t.Run(channel, func(t *testing.T) {
			c := startKernel(t, 0)
			sock, ch := c.shell, c.shellc
			if channel == "control" {
				sock, ch = c.control, c.controlc
				c.started(c.send(c.shell, "execute_request", map[string]any{"code": "for {}"}))
			}
			m := c.send(sock, "shutdown_request", map[string]any{"restart": false})
			if r := c.reply(ch, m); content(t, r)["restart"] != false {
				t.Errorf("reply %v", content(t, r))
			}
			select {
			case err := <-c.served:
				if err != nil {
					t.Errorf("Serve returned %v", err)
				}
				c.served <- err
			case <-time.After(testTimeout):
				t.Fatal("Serve did not return")
			}
		})
	}
}

// TestKernelSIGINT interrupts a cell with SIGINT, Jupyter's default.
func TestKernelSIGINT(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to send on Windows")
	}
	c := startKernel(t, 0)
	m := c.send(c.shell, "execute_request", map[string]any{"code": "for {}"})
	c.started(m)
	p, err := os.FindProcess(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if r := content(t, c.reply(c.shellc, m)); r["ename"] != "Interrupted" {
		t.Errorf("reply %v", r)
	}
}

// TestKernelStuck interrupts a long call into compiled code: the reply
// says the kernel is stuck.
func TestKernelStuck(t *testing.T) {
	c := startKernel(t, 0)
	m := c.send(c.shell, "execute_request", map[string]any{"code": "import \"time\"\ntime.Sleep(5 * time.Second)"})
	c.started(m)
	c.reply(c.controlc, c.send(c.control, "interrupt_request", map[string]any{}))
	r := c.reply(c.shellc, m)
	rc := content(t, r)
	wb, _ := r.Metadata["workbench"].(map[string]any)
	if rc["evalue"] != StuckMessage || wb["stuck"] != true {
		t.Errorf("reply %v, metadata %v", rc, r.Metadata)
	}
}

// movedDevice is a device that arrays can be moved to and nothing more:
// its buffers are the CPU's.
type movedDevice struct{ devices.Device }

func (*movedDevice) Name() string       { return "wiredevice" }
func (*movedDevice) Kind() devices.Kind { return devices.KindGPU }
func (d *movedDevice) Info() devices.Info {
	return devices.Info{Name: d.Name(), Kind: d.Kind(), Description: "a test device"}
}
func (*movedDevice) FromHost(data any) (devices.Buffer, error) { return devices.CPU().FromHost(data) }

// TestKernelDevice checks that each execute_reply names in its metadata
// the device the cell ran on.
func TestKernelDevice(t *testing.T) {
	devices.Register(&movedDevice{})
	c := startKernel(t, 0)
	for _, tc := range []struct{ name, code, status, device string }{
		{"on the CPU", "x := arrays.Ones(3)\nx.Sum()", "ok", "cpu"},
		{"moved", "d, _ := devices.Lookup(\"wiredevice\")\n_ = x.To(d)", "ok", "wiredevice"},
		{"moved, then failed", "_ = x.To(d)\npanic(1)", "error", "wiredevice"},
		{"compile error", "undefinedName", "error", "cpu"},
	} {
		r := c.execute(tc.code)
		wb, _ := r.meta["workbench"].(map[string]any)
		if r.reply["status"] != tc.status || wb["device"] != tc.device || wb["stuck"] != nil {
			t.Errorf("%s: reply %v, metadata %v; want status %s, device %s", tc.name, r.reply, r.meta, tc.status, tc.device)
		}
	}
}

func TestMarkStuck(t *testing.T) {
	o := interp.Output{Type: interp.Error, ErrName: "Interrupted", ErrValue: "interrupted"}
	markStuck(&o)
	e := errorContent(o)
	if e.EName != "Interrupted" || e.EValue != StuckMessage || len(e.Traceback) != 1 || !strings.Contains(e.Traceback[0], "restart the kernel") {
		t.Errorf("%+v", e)
	}
	if e := errorContent(interp.Output{ErrName: "Interrupted", ErrValue: "interrupted"}); len(e.Traceback) != 1 || e.Traceback[0] != "Interrupted: interrupted" {
		t.Errorf("traceback of an error without one: %q", e.Traceback)
	}
}

func TestBundleJSON(t *testing.T) {
	b := interp.Bundle{
		interp.MIMEText:            []byte("array([1., 2.])"),
		interp.MIMEHTML:            []byte("<b>x</b>"),
		interp.MIMESVG:             []byte("<svg/>"),
		interp.MIMEPNG:             {0x89, 'P', 'N', 'G', 0, 0xff},
		interp.MIMEArray:           []byte(`{"dtype":"float64","shape":[2],"data":[1,2]}`),
		"application/json":         []byte(`[1,2]`),
		"application/vnd.bad+json": []byte(`{nope`),
	}
	got, err := json.Marshal(BundleJSON(b))
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := json.Unmarshal(got, &back); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		mime string
		want string // the value, as JSON
	}{
		{interp.MIMEText, `"array([1., 2.])"`},
		{interp.MIMEHTML, `"\u003cb\u003ex\u003c/b\u003e"`},
		{interp.MIMESVG, `"\u003csvg/\u003e"`},
		{interp.MIMEPNG, `"iVBORwD/"`},
		{interp.MIMEArray, `{"data":[1,2],"dtype":"float64","shape":[2]}`},
		{"application/json", `[1,2]`},
		{"application/vnd.bad+json", `"{nope"`},
	} {
		v, _ := json.Marshal(back[tc.mime])
		if string(v) != tc.want {
			t.Errorf("%s: %s, want %s", tc.mime, v, tc.want)
		}
	}
}

func TestOffsets(t *testing.T) {
	const s = "aé😀b" // bytes: a 1, é 2, 😀 4, b 1
	for _, tc := range []struct{ runes, bytes int }{{0, 0}, {1, 1}, {2, 3}, {3, 7}, {4, 8}} {
		if got := byteOffset(s, tc.runes); got != tc.bytes {
			t.Errorf("byteOffset(%d) = %d, want %d", tc.runes, got, tc.bytes)
		}
		if got := runeOffset(s, tc.bytes); got != tc.runes {
			t.Errorf("runeOffset(%d) = %d, want %d", tc.bytes, got, tc.runes)
		}
	}
	if byteOffset(s, 99) != len(s) || byteOffset(s, -1) != 0 || runeOffset(s, 99) != 4 || runeOffset(s, -5) != 0 {
		t.Error("offsets out of range are not clamped")
	}
}

func TestOutputMessages(t *testing.T) {
	k := &kernel{id: "kernel-id"}
	parent := &Message{Header: NewHeader("execute_request", "client")}
	c := &cell{parent: parent, count: 3}
	for _, tc := range []struct {
		out  interp.Output
		want string // type and content as JSON
	}{
		{interp.Output{Type: interp.Stream, Name: "stderr", Text: "oops\n"}, `stream {"name":"stderr","text":"oops\n"}`},
		{interp.Output{Type: interp.Stream, Text: "x"}, `stream {"name":"stdout","text":"x"}`},
		{interp.Output{Type: interp.DisplayData, Data: interp.Bundle{"text/plain": []byte("a")}},
			`display_data {"data":{"text/plain":"a"},"metadata":{}}`},
		{interp.Output{Type: interp.DisplayData, DisplayID: "p1", Data: interp.Bundle{"text/plain": []byte("a")}},
			`display_data {"data":{"text/plain":"a"},"metadata":{},"transient":{"display_id":"p1"}}`},
		{interp.Output{Type: interp.UpdateDisplayData, DisplayID: "p1", Data: interp.Bundle{"text/plain": []byte("b")}},
			`update_display_data {"data":{"text/plain":"b"},"metadata":{},"transient":{"display_id":"p1"}}`},
		{interp.Output{Type: interp.ExecuteResult, Data: interp.Bundle{"text/plain": []byte("42")}},
			`execute_result {"data":{"text/plain":"42"},"execution_count":3,"metadata":{}}`},
		{interp.Output{Type: interp.Error, ErrName: "Panic", ErrValue: "line 1, column 1: boom", Traceback: []string{"line 1, column 1: boom"}},
			`error {"ename":"Panic","evalue":"line 1, column 1: boom","traceback":["line 1, column 1: boom"]}`},
	} {
		m := k.outputMessage(tc.out, c)
		b, err := json.Marshal(m.Content)
		if err != nil {
			t.Fatal(err)
		}
		if got := m.Header.MsgType + " " + string(b); got != tc.want {
			t.Errorf("got  %s\nwant %s", got, tc.want)
		}
		if m.Parent != parent.Header || m.Header.Session != "kernel-id" {
			t.Errorf("%s: parent %+v, session %q", m.Header.MsgType, m.Parent, m.Header.Session)
		}
	}
}

// TestServeBindError: a port in use is an error from Serve, at once.
func TestServeBindError(t *testing.T) {
	conn, err := NewConnectionInfo()
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", net.JoinHostPort(conn.IP, strconv.Itoa(conn.ControlPort)))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	err = Serve(context.Background(), conn, KernelOptions{Dir: t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), "control") {
		t.Errorf("Serve with the control port taken: %v", err)
	}
}
