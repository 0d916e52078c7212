package ui

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// spanText lists the highlighted spans of src as "kind:text".
func spanText(src string) []string {
	names := map[tokenKind]string{tokKeyword: "kw", tokString: "str", tokNumber: "num", tokComment: "com", tokBuiltin: "bi"}
	var out []string
	for _, s := range tokenize(src) {
		out = append(out, names[s.kind]+":"+src[s.start:s.end])
	}
	return out
}

func TestTokenize(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want string
	}{
		{"x := 1 + 2.5", "num:1 num:2.5"},
		{`func f(s string) error { return nil }`, "kw:func bi:string bi:error kw:return bi:nil"},
		{"// note\nfor i := range 10 {}", "com:// note kw:for kw:range num:10"},
		{"s := `raw\r\nline` + \"q\" + 'c'", "str:`raw\r\nline` str:\"q\" str:'c'"},
		{"/* a\r\nb */ x", "com:/* a\r\nb */"},
		{"y := 3i + 0x1F", "num:3i num:0x1F"},
		{`fmt.Println("unterminated`, "str:\"unterminated"},
		{"a := []int{len(b), cap(c)}", "bi:int bi:len bi:cap"},
		{"display(x)\nprogress(i, n)", "bi:display bi:progress"},
		{"", ""},
		{"if x { /* open", "kw:if com:/* open"},
	} {
		got := strings.Join(spanText(tc.src), " ")
		if got != tc.want {
			t.Errorf("tokenize(%q) = %q, want %q", tc.src, got, tc.want)
		}
	}
}

func TestHighlightSegments(t *testing.T) {
	src := "x := 42 // answer\ny := \"s\""
	segs := highlight(src)
	var all strings.Builder
	colors := map[string]string{}
	for _, s := range segs {
		ts := s.(*widget.TextSegment)
		all.WriteString(ts.Text)
		if !ts.Style.Inline || !ts.Style.TextStyle.Monospace {
			t.Errorf("segment %q is not inline monospace", ts.Text)
		}
		colors[ts.Text] = string(ts.Style.ColorName)
	}
	if all.String() != src {
		t.Errorf("segments spell %q, not the source", all.String())
	}
	for text, want := range map[string]string{
		"42": string(colorNameSyntaxNumber), "// answer": string(colorNameSyntaxComment),
		`"s"`: string(colorNameSyntaxString), "x := ": string(theme.ColorNameForeground),
	} {
		if colors[text] != want {
			t.Errorf("%q is %q, want %q", text, colors[text], want)
		}
	}
	if segs := highlight(""); len(segs) != 1 {
		t.Errorf("empty source: %d segments", len(segs))
	}
}

// TestSyntaxColorsReadable checks that the derived colors read on the
// editor's background in both of Fyne's variants.
func TestSyntaxColorsReadable(t *testing.T) {
	a := test.NewTempApp(t)
	for _, th := range []struct {
		name    string
		variant string
	}{{"light", "light"}, {"dark", "dark"}} {
		if th.variant == "dark" {
			a.Settings().SetTheme(theme.DarkTheme())
		} else {
			a.Settings().SetTheme(theme.LightTheme())
		}
		v := a.Settings().ThemeVariant()
		bg := a.Settings().Theme().Color(theme.ColorNameInputBackground, v)
		for _, n := range []tokenKind{tokKeyword, tokString, tokNumber, tokComment, tokBuiltin} {
			c := syntaxTheme{}.Color(tokenColor(n), v)
			if _, _, _, al := c.RGBA(); al == 0 {
				t.Errorf("%s: kind %d is transparent", th.name, n)
			}
			if r := contrast(c, bg); r < 2.9 {
				t.Errorf("%s: kind %d has contrast %.2f on the editor", th.name, n, r)
			}
		}
		// Other names come from the theme.
		if got, want := (syntaxTheme{}).Color(theme.ColorNameError, v), a.Settings().Theme().Color(theme.ColorNameError, v); got != want {
			t.Errorf("%s: error color %v, want %v", th.name, got, want)
		}
	}
	if c := contrast(color.White, color.Black); c < 20.9 {
		t.Errorf("contrast(white, black) = %v", c)
	}
}
