package sessions

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"sort"
	"strings"
)

// ExportMarkdown writes the notebook as Markdown (CommonMark with GitHub's
// extensions) and returns the files its images live in, to write beside
// it, by their paths relative to the Markdown file (slash-separated):
//
//   - markdown cells as written, their attachments written out as
//     files ("NAME_files/cell2_chart.png") and their attachment: links
//     pointing there;
//   - code cells in ```go fences (longer fences when the code holds
//     backticks);
//   - stream text and errors in plain ``` fences; displays as an image
//     file when they have one ("NAME_files/cell3_output1.png", or .svg),
//     else their text/markdown as is, else their text/plain in a fence;
//   - the reproducibility record, when the file has one, as a last
//     paragraph.
//
// NAME is opts.Name, whose folder name is %-escaped in the links. The
// error is w's.
func ExportMarkdown(w io.Writer, nb *Notebook, opts ExportOptions) (files map[string][]byte, err error) {
	bw := bufio.NewWriter(w)
	dir := opts.name() + "_files"
	files = map[string][]byte{}
	lang := nb.Language()
	if lang == "" || lang == "golang" {
		lang = Language
	}
	first := true
	block := func(s string) {
		s = strings.TrimRight(s, "\n")
		if s == "" {
			return
		}
		if !first {
			bw.WriteString("\n")
		}
		first = false
		bw.WriteString(s)
		bw.WriteString("\n")
	}
	link := func(name string) string {
		return (&url.URL{Path: dir + "/" + name}).EscapedPath()
	}
	for i, c := range nb.Cells {
		cellNo := i + 1
		switch c.Type {
		case MarkdownCell:
			block(rewriteAttachments(c, cellNo, dir, files, link))
		case RawCell:
			block(fenced(c.Source, ""))
		case CodeCell:
			if strings.TrimSpace(c.Source) != "" {
				block(fenced(c.Source, lang))
			}
			k := 0
			for _, o := range c.Outputs {
				switch o.Type {
				case OutputStream:
					block(fenced(stripANSI(o.Text), ""))
				case OutputError:
					block(fenced(errorText(o), ""))
				case OutputDisplayData, OutputExecuteResult:
					k++
					block(bundleMarkdown(o.Data, cellNo, k, dir, files, link))
				}
			}
		}
	}
	if parts := recordSummary(nb); len(parts) > 0 {
		block("---\n\n*Reproducibility record: " + escapeMarkdown(strings.Join(parts, " · ")) + ".*")
	}
	if err := bw.Flush(); err != nil {
		return nil, err
	}
	return files, nil
}

// bundleMarkdown writes one display output: an image file, markdown, or
// text in a fence.
func bundleMarkdown(b Bundle, cellNo, k int, dir string, files map[string][]byte, link func(string) string) string {
	alt := fmt.Sprintf("cell %d output %d", cellNo, k)
	for _, im := range imageMIMEs {
		if data, ok := b[im.mime]; ok && len(data) > 0 {
			name := fmt.Sprintf("cell%d_output%d%s", cellNo, k, im.ext)
			files[dir+"/"+name] = data
			return "![" + alt + "](" + link(name) + ")"
		}
	}
	if data, ok := b[MIMESVG]; ok && len(data) > 0 {
		name := fmt.Sprintf("cell%d_output%d.svg", cellNo, k)
		files[dir+"/"+name] = data
		return "![" + alt + "](" + link(name) + ")"
	}
	if data, ok := b["text/markdown"]; ok {
		return string(data)
	}
	if data, ok := b[MIMEText]; ok {
		return fenced(stripANSI(string(data)), "")
	}
	if data, ok := b["text/latex"]; ok {
		return string(data)
	}
	return ""
}

// fenced puts text in a fence of backticks longer than any run of
// backticks inside it.
func fenced(text, lang string) string {
	text = strings.TrimRight(text, "\n")
	n := 3
	for run, i := 0, 0; i < len(text); i++ {
		if text[i] != '`' {
			run = 0
			continue
		}
		run++
		n = max(n, run+1)
	}
	f := strings.Repeat("`", n)
	return f + lang + "\n" + text + "\n" + f
}

var attachmentRef = regexp.MustCompile(`\(attachment:([^)\s]+)`)

// rewriteAttachments writes a markdown cell's attachments as files and
// points its attachment: links at them.
func rewriteAttachments(c *Cell, cellNo int, dir string, files map[string][]byte, link func(string) string) string {
	src := c.Source
	if len(c.Attachments) == 0 {
		return src
	}
	var att map[string]map[string]json.RawMessage
	if json.Unmarshal(c.Attachments, &att) != nil {
		return src
	}
	names := make([]string, 0, len(att))
	for n := range att {
		names = append(names, n)
	}
	sort.Strings(names)
	paths := map[string]string{}
	for _, name := range names {
		bundle := att[name]
		var data []byte
		for mime, raw := range bundle {
			var s string
			if json.Unmarshal(raw, &s) != nil {
				continue
			}
			if IsBinaryMIME(mime) {
				d, err := decodeBase64(s)
				if err != nil {
					continue
				}
				data = d
			} else {
				data = []byte(s)
			}
			break
		}
		if data == nil {
			continue
		}
		file := fmt.Sprintf("cell%d_%s", cellNo, safeFileName(name))
		files[dir+"/"+file] = data
		paths[name] = link(file)
	}
	return attachmentRef.ReplaceAllStringFunc(src, func(m string) string {
		name := attachmentRef.FindStringSubmatch(m)[1]
		if p, ok := paths[name]; ok {
			return "(" + p
		}
		if un, err := url.PathUnescape(name); err == nil {
			if p, ok := paths[un]; ok {
				return "(" + p
			}
		}
		return m
	})
}

// safeFileName keeps the letters, digits, dots, dashes and underscores of
// a name, so that it is a plain file name.
func safeFileName(name string) string {
	s := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			return r
		}
		return '_'
	}, name)
	s = strings.TrimLeft(s, ".")
	if s == "" {
		s = "attachment"
	}
	return s
}

// escapeMarkdown escapes the characters of text that markdown would read
// as markup.
func escapeMarkdown(s string) string {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`).Replace(s)
}
