package ui

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// placedText is a canvas.Text and where it is drawn in the window.
type placedText struct {
	*canvas.Text
	pos fyne.Position
}

// textsIn returns the visible texts drawn inside o, with their positions
// relative to o.
func textsIn(o fyne.CanvasObject) []placedText {
	var out []placedText
	var walk func(o fyne.CanvasObject, at fyne.Position)
	walk = func(o fyne.CanvasObject, at fyne.Position) {
		if !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *canvas.Text:
			out = append(out, placedText{x, at})
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c, at.Add(c.Position()))
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c, at.Add(c.Position()))
			}
		}
	}
	walk(o, fyne.Position{})
	return out
}

// TestLiveHighlighting: while a cell is edited, its text is drawn
// highlighted over the entry (whose own text is transparent), glyph over
// glyph, and follows every keystroke.
func TestLiveHighlighting(t *testing.T) {
	for _, variant := range []string{"light", "dark"} {
		t.Run(variant, func(t *testing.T) {
			h := newHarness(t, notebook(""))
			if variant == "dark" {
				h.app.Settings().SetTheme(darkTheme())
			} else {
				h.app.Settings().SetTheme(theme.LightTheme())
			}
			src := "x := \"s\" // note\n\nfor i := 0; i < 3; i++ {\n\tprint(i)\t// tab\n}"
			h.typeIn(0, src)
			ed := h.cell(0).editor
			if !ed.editing || h.focused() != ed.entry {
				t.Fatal("the cell is not being edited")
			}
			if ed.entry.Text != src {
				t.Fatalf("typed %q", ed.entry.Text)
			}
			v := h.app.Settings().ThemeVariant()
			want := map[string]color.Color{
				"for":     syntaxTheme{}.Color(colorNameSyntaxKeyword, v),
				`"s"`:     syntaxTheme{}.Color(colorNameSyntaxString, v),
				"// note": syntaxTheme{}.Color(colorNameSyntaxComment, v),
				"0":       syntaxTheme{}.Color(colorNameSyntaxNumber, v),
				"print":   syntaxTheme{}.Color(colorNameSyntaxBuiltin, v),
				"// tab":  syntaxTheme{}.Color(colorNameSyntaxComment, v),
				"(i)    ": syntaxTheme{}.Color(theme.ColorNameForeground, v), // the tab expanded
			}
			// The entry's texts (one per line) and the layer's (one per
			// token), in the editor's coordinates.
			var lines, toks []placedText
			for _, tx := range textsIn(ed) {
				if _, _, _, a := tx.Color.RGBA(); a == 0 {
					lines = append(lines, tx)
				} else {
					toks = append(toks, tx)
				}
			}
			// The gutter's numbers are texts too: keep the layer's.
			var layer []placedText
			for _, tx := range toks {
				if tx.TextStyle.Monospace && tx.pos.X >= ed.gutterWidth() {
					layer = append(layer, tx)
				}
			}
			if len(lines) != 5 {
				t.Fatalf("the entry draws %d transparent lines, want 5: its text shows", len(lines))
			}
			seen := map[string]bool{}
			for _, tx := range layer {
				if c, ok := want[tx.Text.Text]; ok {
					seen[tx.Text.Text] = true
					if tx.Color != c {
						t.Errorf("%q is drawn in %v, want %v", tx.Text.Text, tx.Color, c)
					}
				}
				// Each token stands where the entry's line has it.
				var line *placedText
				for i := range lines {
					if abs32(lines[i].pos.Y-tx.pos.Y) < 0.01 {
						line = &lines[i]
					}
				}
				if line == nil {
					t.Errorf("%q at y %v is on no line of the entry", tx.Text.Text, tx.pos.Y)
					continue
				}
				prefix := expandedPrefix(tx, layer)
				x := line.pos.X + fyne.MeasureText(prefix, tx.TextSize, tx.TextStyle).Width
				if abs32(x-tx.pos.X) > 0.01 || tx.TextSize != line.TextSize {
					t.Errorf("%q is drawn at x %v size %v, the entry's at x %v size %v", tx.Text.Text, tx.pos.X, tx.TextSize, x, line.TextSize)
				}
			}
			for k := range want {
				if !seen[k] {
					t.Errorf("no highlighted %q", k)
				}
			}

			// Keys still edit: a keyword typed turns colored at once.
			e := ed.entry
			e.TypedKey(key(fyne.KeyReturn))
			test.Type(e, "go")
			if !strings.HasSuffix(ed.live.Text(), "\ngo") {
				t.Fatalf("the layer shows %q", ed.live.Text())
			}
			lastLine := ed.live.lines[len(ed.live.lines)-1].toks
			if len(lastLine) != 1 || lastLine[0].text != "go" || lastLine[0].obj.Color != want["for"] {
				t.Errorf("typed go: the last line is %+v", lastLine)
			}
			// Selection (Shift+Left twice) and copy.
			e.KeyDown(key(desktop.KeyShiftLeft))
			e.TypedKey(key(fyne.KeyLeft))
			e.TypedKey(key(fyne.KeyLeft))
			e.KeyUp(key(desktop.KeyShiftLeft))
			if e.SelectedText() != "go" {
				t.Errorf("selected %q", e.SelectedText())
			}
			clip := h.app.Clipboard()
			e.TypedShortcut(&fyne.ShortcutCopy{Clipboard: clip})
			if clip.Content() != "go" {
				t.Errorf("copied %q", clip.Content())
			}
			// Typing over the selection, then undo: the layer follows.
			test.Type(e, "if")
			if !strings.HasSuffix(ed.live.Text(), "\nif") {
				t.Errorf("after typing over the selection the layer shows %q", ed.live.Text())
			}
			typed := e.Text
			e.TypedShortcut(&fyne.ShortcutUndo{})
			if e.Text == typed || ed.live.Text() != expandTabsText(e.Text) {
				t.Errorf("undo: entry %q, layer %q", e.Text, ed.live.Text())
			}
			if e.CursorRow != 5 {
				t.Errorf("cursor on row %d", e.CursorRow)
			}
		})
	}
}

// expandedPrefix is the part of tx's line before it, tabs expanded (the
// layer's tokens before it on the same row spell it).
func expandedPrefix(tx placedText, layer []placedText) string {
	var b strings.Builder
	for _, o := range layer {
		if o.Text == tx.Text {
			break
		}
		if abs32(o.pos.Y-tx.pos.Y) < 0.01 {
			b.WriteString(o.Text.Text)
		}
	}
	return b.String()
}

// expandTabsText is s with its tabs expanded as the layer draws them.
func expandTabsText(s string) string {
	var b strings.Builder
	for _, sg := range expandTabs([]widget.RichTextSegment{&widget.TextSegment{Text: s}}) {
		b.WriteString(sg.(*widget.TextSegment).Text)
	}
	return b.String()
}

// source500 is a cell of 500 lines.
func source500() string {
	var src strings.Builder
	for i := range 100 {
		src.WriteString("// step " + strings.Repeat("x", i%7) + "\nfor i := 0; i < 10; i++ {\n\ts := fmt.Sprintf(\"%d\", i)\n\tprint(s, 3.5)\n}\n")
	}
	return strings.TrimSuffix(src.String(), "\n")
}

// BenchmarkKeystroke is the cost of one character typed at the end of a
// 500-line cell: the entry's own work (most of it), the document's update
// and the highlighted layer drawn again.
func BenchmarkKeystroke(b *testing.B) {
	h := newHarness(b, notebook(source500()))
	h.v.editCell(h.cell(0), 1<<30, 1<<30)
	e := h.cell(0).editor.entry
	if n := strings.Count(e.Text, "\n") + 1; n != 500 {
		b.Fatalf("%d lines", n)
	}
	b.ResetTimer()
	for i := range b.N {
		if i%2 == 0 {
			e.TypedRune('x')
		} else {
			e.TypedKey(key(fyne.KeyBackspace))
		}
	}
}

// BenchmarkLayerKeystroke is the highlighted layer's share of a keystroke
// in a 500-line cell: a character typed in the middle line, then deleted.
func BenchmarkLayerKeystroke(b *testing.B) {
	test.NewTempApp(b)
	src := source500()
	mid := len(src) / 2
	typed := src[:mid] + "x" + src[mid:]
	l := newCodeLayer()
	container.NewThemeOverride(l, syntaxTheme{})
	l.SetText(src)
	b.ResetTimer()
	for i := range b.N {
		if i%2 == 0 {
			l.SetText(typed)
		} else {
			l.SetText(src)
		}
	}
}

// TestLiveHighlightingFollowsTheTheme: the theme changed while the cell
// was not edited; editing it again draws the new colors.
func TestLiveHighlightingFollowsTheTheme(t *testing.T) {
	h := newHarness(t, notebook("for {}"))
	h.app.Settings().SetTheme(theme.LightTheme())
	h.v.editCell(h.cell(0), 0, 0)
	h.v.commandMode()
	h.app.Settings().SetTheme(darkTheme())
	h.v.editCell(h.cell(0), 0, 0)
	l := h.cell(0).editor.live
	want := syntaxTheme{}.Color(colorNameSyntaxKeyword, theme.VariantDark)
	if got := l.lines[0].toks[0]; got.text != "for" || got.obj.Color != want {
		t.Errorf("%q drawn in %v, want the dark theme's %v", got.text, got.obj.Color, want)
	}
}
