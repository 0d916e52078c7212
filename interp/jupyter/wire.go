package jupyter

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"os"
	"time"
)

// ProtocolVersion is the version of the messaging protocol spoken.
const ProtocolVersion = "5.3"

// delimiter separates the routing identities of a message from its body.
const delimiter = "<IDS|MSG>"

// Header is a message's header (also its parent_header).
type Header struct {
	MsgID    string `json:"msg_id"`
	Session  string `json:"session"`
	Username string `json:"username"`
	Date     string `json:"date"`
	MsgType  string `json:"msg_type"`
	Version  string `json:"version"`
}

// Message is one message of the protocol. Content is the message's content
// as raw JSON when received, or any JSON-encodable value when sent.
type Message struct {
	// Identities are the ZeroMQ routing frames before the delimiter (the
	// peer's socket identity on the shell, control and stdin channels;
	// the topic on iopub).
	Identities [][]byte
	Header     Header
	// Parent is the header of the message this one answers; zero for
	// none.
	Parent   Header
	Metadata map[string]any
	Content  any
	Buffers  [][]byte
}

// Signer signs and checks messages with HMAC-SHA256 over a connection's
// key; an empty key means messages are not signed (signature "").
type Signer struct {
	key []byte
}

// NewSigner returns a signer for key with the scheme given in a connection
// file; only "hmac-sha256" (and "" with an empty key) is supported.
func NewSigner(scheme, key string) (*Signer, error) {
	if key != "" && scheme != "hmac-sha256" {
		return nil, fmt.Errorf("jupyter: signature scheme %q is not supported (only hmac-sha256)", scheme)
	}
	return &Signer{key: []byte(key)}, nil
}

func (s *Signer) mac() hash.Hash {
	if len(s.key) == 0 {
		return nil
	}
	return hmac.New(sha256.New, s.key)
}

// sign returns the hex signature of the four JSON parts.
func (s *Signer) sign(parts [4][]byte) []byte {
	m := s.mac()
	if m == nil {
		return nil
	}
	for _, p := range parts {
		m.Write(p)
	}
	return []byte(hex.EncodeToString(m.Sum(nil)))
}

// ErrSignature is returned by Decode for a message whose signature does not
// match: it did not come from a holder of the connection's key.
var ErrSignature = errors.New("jupyter: message signature does not match")

// Encode returns the frames of m, signed.
func (s *Signer) Encode(m *Message) ([][]byte, error) {
	var parts [4][]byte
	var err error
	if parts[0], err = json.Marshal(m.Header); err != nil {
		return nil, err
	}
	if m.Parent == (Header{}) {
		parts[1] = []byte("{}")
	} else if parts[1], err = json.Marshal(m.Parent); err != nil {
		return nil, err
	}
	if m.Metadata == nil {
		parts[2] = []byte("{}")
	} else if parts[2], err = json.Marshal(m.Metadata); err != nil {
		return nil, err
	}
	switch c := m.Content.(type) {
	case nil:
		parts[3] = []byte("{}")
	case json.RawMessage:
		parts[3] = c
	default:
		if parts[3], err = json.Marshal(c); err != nil {
			return nil, fmt.Errorf("jupyter: encoding %s content: %w", m.Header.MsgType, err)
		}
	}
	frames := make([][]byte, 0, len(m.Identities)+6+len(m.Buffers))
	frames = append(frames, m.Identities...)
	frames = append(frames, []byte(delimiter), s.sign(parts))
	frames = append(frames, parts[:]...)
	frames = append(frames, m.Buffers...)
	return frames, nil
}

// Decode parses and checks the frames of a message. Content is left as
// json.RawMessage.
func (s *Signer) Decode(frames [][]byte) (*Message, error) {
	i := 0
	for i < len(frames) && !bytes.Equal(frames[i], []byte(delimiter)) {
		i++
	}
	if i == len(frames) {
		return nil, errors.New("jupyter: message without the <IDS|MSG> delimiter")
	}
	if len(frames) < i+6 {
		return nil, fmt.Errorf("jupyter: message with %d frames after the delimiter, want at least 5", len(frames)-i-1)
	}
	m := &Message{Identities: frames[:i]}
	sig := frames[i+1]
	var parts [4][]byte
	copy(parts[:], frames[i+2:i+6])
	if len(s.key) > 0 {
		want := s.sign(parts)
		if !hmac.Equal(want, sig) {
			return nil, ErrSignature
		}
	}
	if err := json.Unmarshal(parts[0], &m.Header); err != nil {
		return nil, fmt.Errorf("jupyter: bad header: %w", err)
	}
	if err := json.Unmarshal(parts[1], &m.Parent); err != nil {
		return nil, fmt.Errorf("jupyter: bad parent header: %w", err)
	}
	if err := json.Unmarshal(parts[2], &m.Metadata); err != nil {
		return nil, fmt.Errorf("jupyter: bad metadata: %w", err)
	}
	m.Content = json.RawMessage(parts[3])
	m.Buffers = frames[i+6:]
	return m, nil
}

// NewHeader returns a header for a new message of type msgType in session.
func NewHeader(msgType, session string) Header {
	return Header{
		MsgID:    NewID(),
		Session:  session,
		Username: username(),
		Date:     time.Now().UTC().Format("2006-01-02T15:04:05.000000Z07:00"),
		MsgType:  msgType,
		Version:  ProtocolVersion,
	}
}

// Reply returns a message of type msgType answering parent (same session
// and identities, parent header set).
func Reply(parent *Message, msgType string, content any) *Message {
	return &Message{
		Identities: parent.Identities,
		Header:     NewHeader(msgType, parent.Header.Session),
		Parent:     parent.Header,
		Content:    content,
	}
}

// NewID returns a random identifier in the form of a UUID (version 4).
func NewID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

func username() string {
	for _, k := range []string{"USER", "LOGNAME"} {
		if u := os.Getenv(k); u != "" {
			return u
		}
	}
	return "workbench"
}

// DecodeContent unmarshals a received message's content into v.
func DecodeContent(m *Message, v any) error {
	raw, ok := m.Content.(json.RawMessage)
	if !ok {
		b, err := json.Marshal(m.Content)
		if err != nil {
			return err
		}
		raw = b
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("jupyter: bad %s content: %w", m.Header.MsgType, err)
	}
	return nil
}
