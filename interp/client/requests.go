package client

// What an editor asks of the kernel besides running cells.

import (
	"context"
	"fmt"
	"strings"

	"workbench/interp"
	"workbench/interp/jupyter"
)

// shellRequest sends a request on the shell channel and checks that the
// reply is of type want with status ok (except for is_complete_reply,
// whose status is the answer).
func (c *Client) shellRequest(ctx context.Context, msgType, want string, content any) (*jupyter.Message, error) {
	k, err := c.current(ctx)
	if err != nil {
		return nil, err
	}
	m, err := k.request(ctx, k.shell, msgType, content)
	if err != nil {
		return nil, err
	}
	if m.Header.MsgType != want {
		return nil, fmt.Errorf("client: %s answered with %s, want %s", msgType, m.Header.MsgType, want)
	}
	if want == "is_complete_reply" {
		return m, nil
	}
	if err := replyError(m); err != nil {
		return nil, err
	}
	return m, nil
}

// Complete returns the names that fit at byte offset cursor of code. The
// kernel answers only between cells: while one runs, the request waits
// (bounded by ctx).
func (c *Client) Complete(ctx context.Context, code string, cursor int) (interp.Completion, error) {
	m, err := c.shellRequest(ctx, "complete_request", "complete_reply",
		map[string]any{"code": code, "cursor_pos": runeOffset(code, cursor)})
	if err != nil {
		return interp.Completion{Start: cursor, End: cursor}, err
	}
	var r struct {
		Matches     []string `json:"matches"`
		CursorStart int      `json:"cursor_start"`
		CursorEnd   int      `json:"cursor_end"`
		Metadata    struct {
			Types []struct {
				Start     int    `json:"start"`
				End       int    `json:"end"`
				Text      string `json:"text"`
				Type      string `json:"type"`
				Signature string `json:"signature"`
			} `json:"_jupyter_types_experimental"`
			Docs []string `json:"workbench_docs"`
		} `json:"metadata"`
	}
	if err := jupyter.DecodeContent(m, &r); err != nil {
		return interp.Completion{Start: cursor, End: cursor}, fmt.Errorf("client: %w", err)
	}
	comp := interp.Completion{Start: byteOffset(code, r.CursorStart), End: byteOffset(code, r.CursorEnd)}
	byName := map[string]int{}
	for i, t := range r.Metadata.Types {
		if _, ok := byName[t.Text]; !ok {
			byName[t.Text] = i
		}
	}
	for i, name := range r.Matches {
		cand := interp.Candidate{Name: name}
		j, ok := i, i < len(r.Metadata.Types) && r.Metadata.Types[i].Text == name
		if !ok {
			j, ok = byName[name]
		}
		if ok {
			cand.Kind, cand.Signature = r.Metadata.Types[j].Type, r.Metadata.Types[j].Signature
		}
		if i < len(r.Metadata.Docs) {
			cand.Doc = r.Metadata.Docs[i]
		}
		comp.Matches = append(comp.Matches, cand)
	}
	return comp, nil
}

// Inspect describes the name at byte offset cursor of code.
func (c *Client) Inspect(ctx context.Context, code string, cursor int) (interp.Inspection, error) {
	m, err := c.shellRequest(ctx, "inspect_request", "inspect_reply",
		map[string]any{"code": code, "cursor_pos": runeOffset(code, cursor), "detail_level": 0})
	if err != nil {
		return interp.Inspection{}, err
	}
	var r struct {
		Found    bool              `json:"found"`
		Data     map[string]string `json:"data"`
		Metadata struct {
			Workbench *interp.Inspection `json:"workbench"`
		} `json:"metadata"`
	}
	if err := jupyter.DecodeContent(m, &r); err != nil {
		return interp.Inspection{}, fmt.Errorf("client: %w", err)
	}
	if !r.Found {
		return interp.Inspection{}, nil
	}
	if w := r.Metadata.Workbench; w != nil {
		// The kernel's own record, when it sends one.
		w.Found = true
		return *w, nil
	}
	if md, ok := r.Data["text/markdown"]; ok {
		return parseInspection(md), nil
	}
	return interp.Inspection{Found: true, Doc: r.Data[interp.MIMEText]}, nil
}

// parseInspection reads the kernel's markdown answer to inspect_request:
// the signature as a Go code block, the doc, and "Value: `...`", in
// paragraphs.
func parseInspection(md string) interp.Inspection {
	in := interp.Inspection{Found: true}
	if rest, ok := strings.CutPrefix(md, "```go\n"); ok {
		if sig, after, ok := strings.Cut(rest, "\n```"); ok {
			in.Signature = sig
			md = strings.TrimLeft(after, "\n")
		}
	}
	if i := strings.LastIndex(md, "Value: `"); i >= 0 && (i == 0 || strings.HasSuffix(md[:i], "\n\n")) &&
		strings.HasSuffix(md, "`") {
		in.Value = md[i+len("Value: `") : len(md)-1]
		md = md[:i]
	}
	in.Doc = strings.TrimSpace(md)
	return in
}

// IsComplete says whether code is ready to run: status is "complete",
// "incomplete" (indent is what the next line should start with),
// "invalid" or "unknown".
func (c *Client) IsComplete(ctx context.Context, code string) (status, indent string, err error) {
	m, err := c.shellRequest(ctx, "is_complete_request", "is_complete_reply", map[string]any{"code": code})
	if err != nil {
		return "", "", err
	}
	var r struct {
		Status string `json:"status"`
		Indent string `json:"indent"`
	}
	if err := jupyter.DecodeContent(m, &r); err != nil {
		return "", "", fmt.Errorf("client: %w", err)
	}
	return r.Status, r.Indent, nil
}

// Variables lists the session's variables, sorted by name, for a
// variables panel.
func (c *Client) Variables(ctx context.Context) ([]interp.Variable, error) {
	m, err := c.shellRequest(ctx, "workbench_variables_request", "workbench_variables_reply", struct{}{})
	if err != nil {
		return nil, err
	}
	var r struct {
		Variables []interp.Variable `json:"variables"`
	}
	if err := jupyter.DecodeContent(m, &r); err != nil {
		return nil, fmt.Errorf("client: %w", err)
	}
	return r.Variables, nil
}
