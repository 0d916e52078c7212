package jupyter

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestEncodeDecodeRoundTrip(t *testing.T) {
	for _, key := range []string{"", "secret-key"} {
		s, err := NewSigner("hmac-sha256", key)
		if err != nil {
			t.Fatal(err)
		}
		m := &Message{
			Identities: [][]byte{[]byte("peer-1")},
			Header:     NewHeader("execute_request", "sess"),
			Metadata:   map[string]any{"a": 1.0},
			Content:    map[string]any{"code": "1+1", "silent": false},
			Buffers:    [][]byte{{1, 2, 3}},
		}
		frames, err := s.Encode(m)
		if err != nil {
			t.Fatal(err)
		}
		if got := string(frames[1]); got != delimiter {
			t.Fatalf("key %q: frame 1 = %q, want the delimiter", key, got)
		}
		if key == "" && len(frames[2]) != 0 {
			t.Errorf("unsigned message has signature %q", frames[2])
		}
		if key != "" && len(frames[2]) != 64 {
			t.Errorf("signature %q is not 64 hex digits", frames[2])
		}
		got, err := s.Decode(frames)
		if err != nil {
			t.Fatal(err)
		}
		if got.Header != m.Header || !bytes.Equal(got.Identities[0], []byte("peer-1")) || len(got.Buffers) != 1 {
			t.Errorf("key %q: round trip changed the message: %+v", key, got)
		}
		var content struct{ Code string }
		if err := DecodeContent(got, &content); err != nil || content.Code != "1+1" {
			t.Errorf("content = %+v, %v", content, err)
		}
		if string(frames[4]) != "{}" {
			t.Errorf("empty parent header encoded as %q, want {}", frames[4])
		}
	}
}

// TestSignatureMatchesPython checks the signature against one computed by
// Python's hmac module: hmac.new(b"key", b"".join(parts), "sha256").
func TestSignatureMatchesPython(t *testing.T) {
	s, _ := NewSigner("hmac-sha256", "key")
	got := s.sign([4][]byte{[]byte(`{"a":1}`), []byte(`{}`), []byte(`{}`), []byte(`{"b":2}`)})
	// python3 -c 'import hmac;print(hmac.new(b"key",b"{\"a\":1}{}{}{\"b\":2}","sha256").hexdigest())'
	const want = "0206f42f4ae2a48f6054ab91271f90c100f7022f55fb1f23de6377624d533752"
	if string(got) != want {
		t.Fatalf("signature %s, want %s", got, want)
	}
}

func TestDecodeRejects(t *testing.T) {
	s, _ := NewSigner("hmac-sha256", "k")
	other, _ := NewSigner("hmac-sha256", "other")
	frames, _ := other.Encode(&Message{Header: NewHeader("kernel_info_request", "s")})
	if _, err := s.Decode(frames); !errors.Is(err, ErrSignature) {
		t.Errorf("wrong key: err = %v, want ErrSignature", err)
	}
	if _, err := s.Decode([][]byte{[]byte("x")}); err == nil {
		t.Error("no delimiter: no error")
	}
	if _, err := s.Decode([][]byte{[]byte(delimiter), nil, []byte("{}")}); err == nil {
		t.Error("short message: no error")
	}
	if _, err := NewSigner("hmac-md5", "k"); err == nil {
		t.Error("hmac-md5 accepted")
	}
}

func TestConnectionFile(t *testing.T) {
	c, err := NewConnectionInfo()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int]bool{}
	for _, p := range []int{c.ShellPort, c.IOPubPort, c.StdinPort, c.ControlPort, c.HBPort} {
		if p <= 0 || seen[p] {
			t.Fatalf("ports not distinct and positive: %+v", c)
		}
		seen[p] = true
	}
	path := filepath.Join(t.TempDir(), "kernel.json")
	if err := c.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	got, err := ReadConnectionFile(path)
	if err != nil || got != c {
		t.Fatalf("read back %+v, %v; want %+v", got, err, c)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	b, _ := json.Marshal(map[string]any{"shell_port": 1})
	if err := os.WriteFile(bad, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadConnectionFile(bad); err == nil {
		t.Error("connection file without ports accepted")
	}
}
