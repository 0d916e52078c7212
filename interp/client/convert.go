package client

// From the protocol's JSON to interp's types and back.

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"strings"
	"unicode/utf8"

	"workbench/interp"
	"workbench/interp/jupyter"
)

// outputTypes maps iopub message types to output types.
var outputTypes = map[string]interp.OutputType{
	"stream":              interp.Stream,
	"display_data":        interp.DisplayData,
	"update_display_data": interp.UpdateDisplayData,
	"execute_result":      interp.ExecuteResult,
	"error":               interp.Error,
}

// toOutput converts an iopub message to an output; ok is false for
// messages that are not outputs (status, execute_input, ...).
func toOutput(m *jupyter.Message) (o interp.Output, ok bool, err error) {
	t, ok := outputTypes[m.Header.MsgType]
	if !ok {
		return o, false, nil
	}
	var c struct {
		Name      string                     `json:"name"`
		Text      string                     `json:"text"`
		Data      map[string]json.RawMessage `json:"data"`
		Transient struct {
			DisplayID string `json:"display_id"`
		} `json:"transient"`
		EName     string   `json:"ename"`
		EValue    string   `json:"evalue"`
		Traceback []string `json:"traceback"`
	}
	if err := jupyter.DecodeContent(m, &c); err != nil {
		return o, false, err
	}
	o = interp.Output{Type: t}
	switch t {
	case interp.Stream:
		o.Name, o.Text = c.Name, c.Text
	case interp.Error:
		o.ErrName, o.ErrValue, o.Traceback = c.EName, c.EValue, c.Traceback
	default:
		o.Data = decodeBundle(c.Data)
		o.DisplayID = c.Transient.DisplayID
	}
	return o, true, nil
}

// isTextMIME reports whether a MIME type's content travels as text in a
// JSON string (everything else but JSON is base64).
func isTextMIME(mime string) bool {
	return strings.HasPrefix(mime, "text/") || mime == interp.MIMESVG ||
		strings.HasSuffix(mime, "+json") || strings.HasSuffix(mime, "/json") ||
		strings.HasSuffix(mime, "+xml") || mime == "application/javascript"
}

// decodeBundle turns a MIME bundle of the protocol into bytes: strings
// of text types as they are, base64 of binary types decoded, JSON values
// (of */*+json types) as their JSON text.
func decodeBundle(data map[string]json.RawMessage) interp.Bundle {
	if data == nil {
		return nil
	}
	b := make(interp.Bundle, len(data))
	for mime, raw := range data {
		var s string
		if len(raw) == 0 || raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
			// A JSON document embedded as such.
			var buf bytes.Buffer
			if json.Compact(&buf, raw) == nil {
				b[mime] = buf.Bytes()
			} else {
				b[mime] = append([]byte(nil), raw...)
			}
			continue
		}
		if !isTextMIME(mime) {
			// Jupyter tools may wrap base64 in lines.
			clean := strings.Map(func(r rune) rune {
				if r == '\n' || r == '\r' || r == ' ' {
					return -1
				}
				return r
			}, s)
			if bin, err := base64.StdEncoding.DecodeString(clean); err == nil {
				b[mime] = bin
				continue
			}
		}
		b[mime] = []byte(s)
	}
	return b
}

// runeOffset converts a byte offset in s to a count of code points, as
// the protocol counts cursors; offsets out of range are clamped.
func runeOffset(s string, byteOff int) int {
	byteOff = max(0, min(byteOff, len(s)))
	return utf8.RuneCountInString(s[:byteOff])
}

// byteOffset converts a count of code points in s to a byte offset.
func byteOffset(s string, runeOff int) int {
	if runeOff <= 0 {
		return 0
	}
	n := 0
	for i := range s {
		if n == runeOff {
			return i
		}
		n++
	}
	return len(s)
}
