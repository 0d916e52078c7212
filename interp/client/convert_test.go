package client

import (
	"encoding/json"
	"strings"
	"testing"

	"workbench/interp"
	"workbench/interp/jupyter"
)

func TestDecodeBundle(t *testing.T) {
	raw := map[string]json.RawMessage{
		"text/plain":        json.RawMessage(`"array([1, 2])"`),
		"text/html":         json.RawMessage(`"<b>x</b>"`),
		"image/svg+xml":     json.RawMessage(`"<svg/>"`),
		"image/png":         json.RawMessage(`"iVBORw0K\nGgo="`), // base64 wrapped in lines, as Jupyter tools may
		interp.MIMEArray:    json.RawMessage(`{"dtype": "int64", "shape": [2]}`),
		"application/json":  json.RawMessage(`[1, 2]`),
		"image/jpeg":        json.RawMessage(`"not base64!"`),
		"text/markdown":     json.RawMessage(`"aGVsbG8="`), // text stays text, even when it looks like base64
		"application/x-odd": json.RawMessage(`42`),
	}
	b := decodeBundle(raw)
	want := map[string]string{
		"text/plain":        "array([1, 2])",
		"text/html":         "<b>x</b>",
		"image/svg+xml":     "<svg/>",
		"image/png":         "\x89PNG\r\n\x1a\n",
		interp.MIMEArray:    `{"dtype":"int64","shape":[2]}`,
		"application/json":  `[1,2]`,
		"image/jpeg":        "not base64!",
		"text/markdown":     "aGVsbG8=",
		"application/x-odd": "42",
	}
	for mime, w := range want {
		if got := string(b[mime]); got != w {
			t.Errorf("%s: %q, want %q", mime, got, w)
		}
	}
	if decodeBundle(nil) != nil {
		t.Errorf("nil data: want a nil bundle")
	}
}

// The kernel's encoding and the client's decoding are inverses.
func TestBundleRoundTrip(t *testing.T) {
	in := interp.Bundle{
		interp.MIMEText:  []byte("héllo"),
		interp.MIMEPNG:   {0x89, 'P', 'N', 'G', 0, 1, 2, 255},
		interp.MIMESVG:   []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`),
		interp.MIMETable: []byte(`{"columns":["a"],"rows":1}`),
	}
	data, err := json.Marshal(jupyter.BundleJSON(in))
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	out := decodeBundle(raw)
	for mime, w := range in {
		if string(out[mime]) != string(w) {
			t.Errorf("%s: %q after the round trip, want %q", mime, out[mime], w)
		}
	}
}

func TestToOutput(t *testing.T) {
	msg := func(typ, content string) *jupyter.Message {
		return &jupyter.Message{Header: jupyter.Header{MsgType: typ}, Content: json.RawMessage(content)}
	}
	tests := []struct {
		m    *jupyter.Message
		want interp.Output
		ok   bool
	}{
		{msg("stream", `{"name":"stderr","text":"oops\n"}`), interp.Output{Type: interp.Stream, Name: "stderr", Text: "oops\n"}, true},
		{msg("error", `{"ename":"Panic","evalue":"line 2, column 1: boom","traceback":["a","b"]}`),
			interp.Output{Type: interp.Error, ErrName: "Panic", ErrValue: "line 2, column 1: boom", Traceback: []string{"a", "b"}}, true},
		{msg("update_display_data", `{"data":{"text/plain":"50%"},"metadata":{},"transient":{"display_id":"p1"}}`),
			interp.Output{Type: interp.UpdateDisplayData, Data: interp.Bundle{"text/plain": []byte("50%")}, DisplayID: "p1"}, true},
		{msg("execute_result", `{"execution_count":3,"data":{"text/plain":"42"},"metadata":{}}`),
			interp.Output{Type: interp.ExecuteResult, Data: interp.Bundle{"text/plain": []byte("42")}}, true},
		{msg("status", `{"execution_state":"idle"}`), interp.Output{}, false},
		{msg("execute_input", `{"code":"1","execution_count":3}`), interp.Output{}, false},
	}
	for _, tt := range tests {
		got, ok, err := toOutput(tt.m)
		if err != nil || ok != tt.ok {
			t.Errorf("%s: ok %v, err %v", tt.m.Header.MsgType, ok, err)
			continue
		}
		if g, w := render(got), render(tt.want); g != w {
			t.Errorf("%s: %s, want %s", tt.m.Header.MsgType, g, w)
		}
	}
	if _, _, err := toOutput(msg("stream", `{"name":`)); err == nil {
		t.Errorf("bad JSON: no error")
	}
}

func render(o interp.Output) string {
	b, _ := json.Marshal(o)
	return string(b)
}

func TestOffsets(t *testing.T) {
	s := "aé日🙂b"
	// bytes:  a=0 é=1..2 日=3..5 🙂=6..9 b=10
	for _, tt := range []struct{ bytes, runes int }{{0, 0}, {1, 1}, {3, 2}, {6, 3}, {10, 4}, {11, 5}} {
		if got := runeOffset(s, tt.bytes); got != tt.runes {
			t.Errorf("runeOffset(%d) = %d, want %d", tt.bytes, got, tt.runes)
		}
		if got := byteOffset(s, tt.runes); got != tt.bytes {
			t.Errorf("byteOffset(%d) = %d, want %d", tt.runes, got, tt.bytes)
		}
	}
	if runeOffset(s, -3) != 0 || runeOffset(s, 99) != 5 || byteOffset(s, -1) != 0 || byteOffset(s, 99) != len(s) {
		t.Errorf("offsets out of range are not clamped")
	}
}

func TestCrashSummary(t *testing.T) {
	tests := []struct{ out, want string }{
		{"workbench kernel: listening\npanic: boom [recovered, repanicked]\n\ngoroutine 12 [running]:\nmain.f()\n\t/x.go:3\n",
			"panic: boom [recovered, repanicked]"},
		{"panic: first [recovered]\n\tpanic: second\n\ngoroutine 1 [running]:\n", "panic: first [recovered] panic: second"},
		{"fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\n", "fatal error: all goroutines are asleep - deadlock!"},
		{"a\nb\n\nc\nd\ne\nf\ng\n", "c\nd\ne\nf\ng"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := crashSummary(tt.out); got != tt.want {
			t.Errorf("crashSummary(%q) = %q, want %q", tt.out, got, tt.want)
		}
	}
}

func TestTail(t *testing.T) {
	var copy strings.Builder
	tl := newTail(8, &copy)
	tl.Write([]byte("12345"))
	tl.Write([]byte("67890"))
	if got := tl.String(); got != "34567890" {
		t.Errorf("tail %q", got)
	}
	if copy.String() != "1234567890" {
		t.Errorf("copy %q", copy.String())
	}
	if got := firstLines("a\n\nb\nc\nd\n", 2); got != "a\nb …" {
		t.Errorf("firstLines: %q", got)
	}
}

func TestParseInspection(t *testing.T) {
	in := parseInspection("```go\nfunc Zeros(shape ...int) *Array\n```\n\nZeros returns a new array.\n\nIt is filled with zeros.\n\nValue: `[0 0]`")
	if in.Signature != "func Zeros(shape ...int) *Array" || in.Doc != "Zeros returns a new array.\n\nIt is filled with zeros." || in.Value != "[0 0]" || !in.Found {
		t.Errorf("%+v", in)
	}
	in = parseInspection("x is a variable.")
	if in.Signature != "" || in.Doc != "x is a variable." || in.Value != "" {
		t.Errorf("%+v", in)
	}
}
