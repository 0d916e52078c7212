package plotting

// PDFFromSVG turns a figure's SVG back into drawing calls on gonum's PDF
// canvas, so that an SVG kept in a notebook output can be saved as a
// vector PDF. It reads the subset of SVG that gonum/plot's vgsvg canvas
// writes: <svg> with its size in points, <g transform>, <path> (absolute
// M, L, Q, C, A and Z with vgsvg's fill and stroke styles), <text> in the
// Liberation fonts, and <image> with an embedded PNG or JPEG.

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg" // <image> data
	_ "image/png"  // <image> data
	"io"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/font/liberation"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgpdf"
)

// affine is the transform x' = a*x + c*y + e, y' = b*x + d*y + f.
type affine struct{ a, b, c, d, e, f float64 }

var identity = affine{a: 1, d: 1}

// then returns the transform that applies n first, then m (m·n).
func (m affine) then(n affine) affine {
	return affine{
		a: m.a*n.a + m.c*n.b, b: m.b*n.a + m.d*n.b,
		c: m.a*n.c + m.c*n.d, d: m.b*n.c + m.d*n.d,
		e: m.a*n.e + m.c*n.f + m.e, f: m.b*n.e + m.d*n.f + m.f,
	}
}

func (m affine) apply(x, y float64) vg.Point {
	return vg.Point{X: vg.Length(m.a*x + m.c*y + m.e), Y: vg.Length(m.b*x + m.d*y + m.f)}
}

// scale is how much m stretches lengths (exact for rotations and uniform
// scales, the geometric mean otherwise).
func (m affine) scale() float64 { return math.Sqrt(math.Abs(m.a*m.d - m.b*m.c)) }

// PDFFromSVG converts SVG written by a figure (Figure.SVG, or gonum/plot's
// vgsvg canvas) into a PDF of the same size whose lines, areas and text
// are vector drawing, the fonts embedded. Anything outside that subset of
// SVG is an error that names it.
func PDFFromSVG(svg []byte) ([]byte, error) {
	c := &svgConverter{dec: xml.NewDecoder(bytes.NewReader(svg))}
	if err := c.run(); err != nil {
		return nil, fmt.Errorf("plotting.PDFFromSVG: %w", err)
	}
	var buf bytes.Buffer
	if _, err := c.pdf.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("plotting.PDFFromSVG: writing the PDF: %w", err)
	}
	return buf.Bytes(), nil
}

type svgConverter struct {
	dec *xml.Decoder
	pdf *vgpdf.Canvas
	// height is the page's height: SVG's y grows down, PDF's up.
	height float64
	// stack holds the transform of each open <g> (its top: the current
	// one, from SVG user space to the SVG viewport).
	stack []affine
	faces []font.Face
}

func (c *svgConverter) run() error {
	for {
		tok, err := c.dec.Token()
		if err == io.EOF {
			if c.pdf == nil {
				return fmt.Errorf("no <svg> element")
			}
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := c.start(t); err != nil {
				return fmt.Errorf("<%s>: %w", t.Name.Local, err)
			}
		case xml.EndElement:
			if t.Name.Local == "g" && len(c.stack) > 1 {
				c.stack = c.stack[:len(c.stack)-1]
			}
		}
	}
}

func attr(e xml.StartElement, name string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

func (c *svgConverter) start(e xml.StartElement) error {
	if e.Name.Local != "svg" && c.pdf == nil {
		return fmt.Errorf("before <svg>")
	}
	top := func() affine { return c.stack[len(c.stack)-1] }
	switch e.Name.Local {
	case "svg":
		if c.pdf != nil {
			return fmt.Errorf("nested <svg> is not supported")
		}
		w, err1 := points(e, "width")
		h, err2 := points(e, "height")
		if err1 != nil || err2 != nil || w <= 0 || h <= 0 {
			return fmt.Errorf("want width and height in points (as \"400pt\")")
		}
		c.height = h
		c.pdf = vgpdf.New(vg.Length(w), vg.Length(h))
		c.pdf.EmbedFonts(true)
		c.stack = []affine{identity}
		if vb, ok := attr(e, "viewBox"); ok {
			f := strings.Fields(strings.ReplaceAll(vb, ",", " "))
			if len(f) != 4 || f[0] != "0" || f[1] != "0" {
				return fmt.Errorf("viewBox %q is not supported", vb)
			}
			vw, err1 := strconv.ParseFloat(f[2], 64)
			vh, err2 := strconv.ParseFloat(f[3], 64)
			if err1 != nil || err2 != nil || vw <= 0 || vh <= 0 {
				return fmt.Errorf("viewBox %q is not supported", vb)
			}
			c.stack[0] = affine{a: w / vw, d: h / vh}
		}
	case "defs", "style":
		// vgsvg's embedded fonts: the PDF embeds its own.
		return c.dec.Skip()
	case "g":
		m, err := c.transform(e)
		if err != nil {
			return err
		}
		c.stack = append(c.stack, top().then(m))
	case "path":
		m, err := c.transform(e)
		if err != nil {
			return err
		}
		return c.path(e, top().then(m))
	case "text":
		m, err := c.transform(e)
		if err != nil {
			return err
		}
		return c.text(e, top().then(m))
	case "image":
		m, err := c.transform(e)
		if err != nil {
			return err
		}
		return c.image(e, top().then(m))
	default:
		return fmt.Errorf("element not supported (PDFFromSVG reads gonum/plot's SVG only)")
	}
	return nil
}

// points reads a length in points ("12pt", or a plain number).
func points(e xml.StartElement, name string) (float64, error) {
	s, _ := attr(e, name)
	return strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "pt"), 64)
}

// toPDF is the transform from SVG's viewport (y down) to PDF's page (y up).
func (c *svgConverter) toPDF(m affine) affine {
	return affine{a: 1, d: -1, f: c.height}.then(m)
}

// transform parses e's transform attribute: translate, scale, rotate and
// matrix, as SVG defines them.
func (c *svgConverter) transform(e xml.StartElement) (affine, error) {
	s, ok := attr(e, "transform")
	if !ok {
		return identity, nil
	}
	m := identity
	rest := strings.TrimSpace(s)
	for rest != "" {
		open := strings.IndexByte(rest, '(')
		end := strings.IndexByte(rest, ')')
		if open < 0 || end < open {
			return m, fmt.Errorf("transform %q: want name(args)", s)
		}
		name := strings.TrimSpace(rest[:open])
		args, err := numbers(rest[open+1 : end])
		if err != nil {
			return m, fmt.Errorf("transform %q: %v", s, err)
		}
		rest = strings.TrimLeft(rest[end+1:], " ,\t\n")
		var n affine
		switch {
		case name == "translate" && (len(args) == 1 || len(args) == 2):
			n = affine{a: 1, d: 1, e: args[0]}
			if len(args) == 2 {
				n.f = args[1]
			}
		case name == "scale" && (len(args) == 1 || len(args) == 2):
			n = affine{a: args[0], d: args[0]}
			if len(args) == 2 {
				n.d = args[1]
			}
		case name == "rotate" && len(args) == 1:
			sin, cos := math.Sincos(args[0] * math.Pi / 180)
			n = affine{a: cos, b: sin, c: -sin, d: cos}
		case name == "matrix" && len(args) == 6:
			n = affine{args[0], args[1], args[2], args[3], args[4], args[5]}
		default:
			return m, fmt.Errorf("transform %q: %s with %d arguments is not supported", s, name, len(args))
		}
		m = m.then(n)
	}
	return m, nil
}

// numbers parses numbers separated by commas or spaces.
func numbers(s string) ([]float64, error) {
	var out []float64
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' }) {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return nil, fmt.Errorf("bad number %q", f)
		}
		out = append(out, v)
	}
	return out, nil
}

// styles parses a style attribute into its properties.
func styles(e xml.StartElement) map[string]string {
	st := map[string]string{}
	s, _ := attr(e, "style")
	for _, p := range strings.Split(s, ";") {
		if k, v, ok := strings.Cut(p, ":"); ok {
			st[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	// Presentation attributes count too (a style property wins).
	for _, k := range []string{"fill", "stroke", "stroke-width", "fill-opacity", "stroke-opacity", "stroke-dasharray", "stroke-dashoffset", "font-size", "font-family", "font-weight", "font-style"} {
		if v, ok := attr(e, k); ok {
			if _, set := st[k]; !set {
				st[k] = v
			}
		}
	}
	return st
}

// paint parses a color ("#RRGGBB", "#RGB", "none", "black") with an
// opacity; ok is false for none.
func paint(s, opacity string) (col color.Color, ok bool, err error) {
	a := 1.0
	if opacity != "" {
		if a, err = strconv.ParseFloat(opacity, 64); err != nil {
			return nil, false, fmt.Errorf("bad opacity %q", opacity)
		}
	}
	var r, g, b uint64
	switch {
	case s == "none":
		return nil, false, nil
	case s == "black":
	case s == "white":
		r, g, b = 255, 255, 255
	case len(s) == 7 && s[0] == '#':
		v, perr := strconv.ParseUint(s[1:], 16, 32)
		if perr != nil {
			return nil, false, fmt.Errorf("bad color %q", s)
		}
		r, g, b = v>>16&0xff, v>>8&0xff, v&0xff
	case len(s) == 4 && s[0] == '#':
		v, perr := strconv.ParseUint(s[1:], 16, 16)
		if perr != nil {
			return nil, false, fmt.Errorf("bad color %q", s)
		}
		r, g, b = (v>>8&0xf)*17, (v>>4&0xf)*17, (v&0xf)*17
	default:
		return nil, false, fmt.Errorf("color %q is not supported", s)
	}
	a = math.Max(0, math.Min(1, a))
	// vgpdf writes a color's RGBA() as it comes, premultiplied, and the
	// alpha apart: a translucent color would come out darker. Hand it
	// the color not premultiplied (an RGBA64 holds what it is given).
	return color.RGBA64{uint16(r * 257), uint16(g * 257), uint16(b * 257), uint16(math.Round(a * 0xffff))}, true, nil
}

// path draws a <path>: filled, then stroked, as its style says (SVG's
// defaults: a black fill, no stroke, a stroke 1 wide).
func (c *svgConverter) path(e xml.StartElement, m affine) error {
	d, _ := attr(e, "d")
	mp := c.toPDF(m)
	p, err := pathData(d, mp)
	if err != nil {
		return err
	}
	st := styles(e)
	fill, ok := st["fill"]
	if !ok {
		fill = "#000000"
	}
	if col, ok, err := paint(fill, st["fill-opacity"]); err != nil {
		return err
	} else if ok {
		c.pdf.SetColor(col)
		c.pdf.Fill(p)
	}
	stroke, ok := st["stroke"]
	if !ok {
		stroke = "none"
	}
	col, ok, err := paint(stroke, st["stroke-opacity"])
	if err != nil || !ok {
		return err
	}
	width := 1.0
	if s, set := st["stroke-width"]; set {
		if width, err = strconv.ParseFloat(strings.TrimSuffix(s, "px"), 64); err != nil {
			return fmt.Errorf("bad stroke-width %q", s)
		}
	}
	var dashes []vg.Length
	if s := st["stroke-dasharray"]; s != "" && s != "none" {
		ds, err := numbers(s)
		if err != nil {
			return fmt.Errorf("stroke-dasharray: %v", err)
		}
		for _, v := range ds {
			dashes = append(dashes, vg.Length(v*mp.scale()))
		}
	}
	var offset float64
	if s := st["stroke-dashoffset"]; s != "" {
		if offset, err = strconv.ParseFloat(s, 64); err != nil {
			return fmt.Errorf("bad stroke-dashoffset %q", s)
		}
	}
	c.pdf.SetColor(col)
	c.pdf.SetLineWidth(vg.Length(width * mp.scale()))
	c.pdf.SetLineDash(dashes, vg.Length(offset*mp.scale()))
	c.pdf.Stroke(p)
	return nil
}

// pathData parses SVG path data with absolute commands (M, L, Q, C, A,
// Z, as vgsvg writes them) into a path transformed by m.
func pathData(d string, m affine) (vg.Path, error) {
	var p vg.Path
	var x, y, x0, y0 float64 // the current point, the subpath's start
	i := 0
	cmd := byte(0)
	// next reads n numbers.
	next := func(n int) ([]float64, error) {
		out := make([]float64, 0, n)
		for len(out) < n {
			for i < len(d) && (d[i] == ' ' || d[i] == ',' || d[i] == '\t' || d[i] == '\n') {
				i++
			}
			j := i
			for j < len(d) && (d[j] == '-' && j == i || d[j] == '+' && j == i || d[j] == '.' || d[j] >= '0' && d[j] <= '9' ||
				d[j] == 'e' || (d[j] == '-' || d[j] == '+') && j > i && d[j-1] == 'e') {
				j++
			}
			v, err := strconv.ParseFloat(d[i:j], 64)
			if err != nil {
				return nil, fmt.Errorf("path data: bad number at %d in %q", i, d)
			}
			out = append(out, v)
			i = j
		}
		return out, nil
	}
	for {
		for i < len(d) && (d[i] == ' ' || d[i] == ',' || d[i] == '\t' || d[i] == '\n') {
			i++
		}
		if i >= len(d) {
			return p, nil
		}
		if c := d[i]; c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
			cmd = c
			i++
		} else if cmd == 0 || cmd == 'Z' {
			return nil, fmt.Errorf("path data: number without a command in %q", d)
		}
		switch cmd {
		case 'M', 'L':
			v, err := next(2)
			if err != nil {
				return nil, err
			}
			x, y = v[0], v[1]
			if cmd == 'M' {
				p.Move(m.apply(x, y))
				x0, y0 = x, y
				cmd = 'L' // further pairs are lines
			} else {
				p.Line(m.apply(x, y))
			}
		case 'Q':
			v, err := next(4)
			if err != nil {
				return nil, err
			}
			p.QuadTo(m.apply(v[0], v[1]), m.apply(v[2], v[3]))
			x, y = v[2], v[3]
		case 'C':
			v, err := next(6)
			if err != nil {
				return nil, err
			}
			p.CubeTo(m.apply(v[0], v[1]), m.apply(v[2], v[3]), m.apply(v[4], v[5]))
			x, y = v[4], v[5]
		case 'A':
			v, err := next(7)
			if err != nil {
				return nil, err
			}
			arcTo(&p, m, x, y, v)
			x, y = v[5], v[6]
		case 'Z':
			p.Close()
			x, y = x0, y0
		default:
			return nil, fmt.Errorf("path data: command %q is not supported (PDFFromSVG reads gonum/plot's SVG: M, L, Q, C, A, Z)", cmd)
		}
	}
}

// arcTo adds SVG's elliptical arc from (x1, y1) with the arguments v (rx
// ry rotation large-arc sweep x2 y2) to p as cubic Béziers, following the
// SVG specification's conversion to a center (appendix B.2.4).
func arcTo(p *vg.Path, m affine, x1, y1 float64, v []float64) {
	rx, ry, phi, large, sweep, x2, y2 := math.Abs(v[0]), math.Abs(v[1]), v[2]*math.Pi/180, v[3] != 0, v[4] != 0, v[5], v[6]
	if rx == 0 || ry == 0 || x1 == x2 && y1 == y2 {
		p.Line(m.apply(x2, y2))
		return
	}
	sinPhi, cosPhi := math.Sincos(phi)
	dx, dy := (x1-x2)/2, (y1-y2)/2
	x1p := cosPhi*dx + sinPhi*dy
	y1p := -sinPhi*dx + cosPhi*dy
	if l := x1p*x1p/(rx*rx) + y1p*y1p/(ry*ry); l > 1 {
		rx, ry = rx*math.Sqrt(l), ry*math.Sqrt(l)
	}
	num := rx*rx*ry*ry - rx*rx*y1p*y1p - ry*ry*x1p*x1p
	den := rx*rx*y1p*y1p + ry*ry*x1p*x1p
	k := math.Sqrt(math.Max(0, num/den))
	if large == sweep {
		k = -k
	}
	cxp, cyp := k*rx*y1p/ry, -k*ry*x1p/rx
	cx := cosPhi*cxp - sinPhi*cyp + (x1+x2)/2
	cy := sinPhi*cxp + cosPhi*cyp + (y1+y2)/2
	angle := func(ux, uy, vx, vy float64) float64 { return math.Atan2(ux*vy-uy*vx, ux*vx+uy*vy) }
	t1 := angle(1, 0, (x1p-cxp)/rx, (y1p-cyp)/ry)
	dt := angle((x1p-cxp)/rx, (y1p-cyp)/ry, (-x1p-cxp)/rx, (-y1p-cyp)/ry)
	if !sweep && dt > 0 {
		dt -= 2 * math.Pi
	} else if sweep && dt < 0 {
		dt += 2 * math.Pi
	}
	// Pieces of at most 90°, each a cubic.
	n := int(math.Ceil(math.Abs(dt) / (math.Pi / 2)))
	step := dt / float64(n)
	alpha := 4.0 / 3 * math.Tan(step/4)
	pt := func(t float64) (x, y, dxdt, dydt float64) {
		s, c := math.Sincos(t)
		x = cx + rx*c*cosPhi - ry*s*sinPhi
		y = cy + rx*c*sinPhi + ry*s*cosPhi
		dxdt = -rx*s*cosPhi - ry*c*sinPhi
		dydt = -rx*s*sinPhi + ry*c*cosPhi
		return
	}
	for j := range n {
		ta, tb := t1+float64(j)*step, t1+float64(j+1)*step
		ax, ay, adx, ady := pt(ta)
		bx, by, bdx, bdy := pt(tb)
		if j == n-1 {
			bx, by = x2, y2
		}
		p.CubeTo(m.apply(ax+alpha*adx, ay+alpha*ady), m.apply(bx-alpha*bdx, by-alpha*bdy), m.apply(bx, by))
	}
}

// text draws a <text> element: its transform, taken to PDF's page, is
// set on the canvas (so rotated labels stay rotated), and the string is
// drawn at its x and y (negated: the canvas's glyphs stand upright in a y
// up space, SVG's in a y down one).
func (c *svgConverter) text(e xml.StartElement, m affine) error {
	var str strings.Builder
	for {
		tok, err := c.dec.Token()
		if err != nil {
			return err
		}
		if t, ok := tok.(xml.CharData); ok {
			str.Write(t)
		}
		if _, ok := tok.(xml.StartElement); ok {
			return fmt.Errorf("elements inside <text> are not supported")
		}
		if _, ok := tok.(xml.EndElement); ok {
			break
		}
	}
	st := styles(e)
	if size := strings.TrimSuffix(strings.TrimSuffix(st["font-size"], "px"), "pt"); size == "0" || str.Len() == 0 {
		return nil // text of size zero (gonum/plot writes it for hidden labels) or none shows nothing
	}
	face, err := c.face(st)
	if err != nil {
		return err
	}
	col, ok, err := paint(cmp(st["fill"], "#000000"), st["fill-opacity"])
	if err != nil || !ok {
		return err
	}
	x, _ := strconv.ParseFloat(cmp(attrOr(e, "x"), "0"), 64)
	y, _ := strconv.ParseFloat(cmp(attrOr(e, "y"), "0"), 64)
	c.withTransform(c.toPDF(m.then(affine{a: 1, d: -1})), func() {
		c.pdf.SetColor(col)
		c.pdf.FillString(face, vg.Point{X: vg.Length(x), Y: vg.Length(-y)}, str.String())
	})
	return nil
}

func attrOr(e xml.StartElement, name string) string { s, _ := attr(e, name); return s }

// cmp returns s, or def if s is empty.
func cmp(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// withTransform runs draw with m set on the canvas. m must be a rotation
// and scale with no skew (as SVG's translate, rotate and scale make).
func (c *svgConverter) withTransform(m affine, draw func()) {
	c.pdf.Push()
	defer c.pdf.Pop()
	c.pdf.Translate(vg.Point{X: vg.Length(m.e), Y: vg.Length(m.f)})
	sx := math.Hypot(m.a, m.b)
	theta := math.Atan2(m.b, m.a)
	if theta != 0 {
		c.pdf.Rotate(theta)
	}
	sy := (m.a*m.d - m.b*m.c) / sx
	if sx != 1 || sy != 1 {
		c.pdf.Scale(sx, sy)
	}
	draw()
}

// face finds the font a <text> names among the Liberation fonts (the
// ones gonum/plot draws with), at its size.
func (c *svgConverter) face(st map[string]string) (font.Face, error) {
	size, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSuffix(st["font-size"], "px"), "pt"), 64)
	if err != nil || size <= 0 {
		return font.Face{}, fmt.Errorf("bad font-size %q", st["font-size"])
	}
	if c.faces == nil {
		c.faces = liberation.Collection()
	}
	family := strings.Trim(st["font-family"], `"' `)
	weight, style := cmp(st["font-weight"], "normal"), cmp(st["font-style"], "normal")
	for _, f := range c.faces {
		name, err := f.Face.Name(nil, 1) // sfnt.NameIDFamily
		if err != nil || !strings.EqualFold(name, family) {
			continue
		}
		bold := int(f.Font.Weight) >= 3 // x/image/font.WeightBold
		italic := int(f.Font.Style) != 0
		if bold == (weight == "bold" || weight == "700") && italic == (style == "italic" || style == "oblique") {
			f.Font.Size = vg.Length(size)
			return f, nil
		}
	}
	return font.Face{}, fmt.Errorf("font %q (%s, %s) is not one of the Liberation fonts", family, weight, style)
}

// image draws an <image> whose picture is a data URI.
func (c *svgConverter) image(e xml.StartElement, m affine) error {
	href, ok := attr(e, "href") // xlink:href and href alike
	if !ok {
		return fmt.Errorf("no href")
	}
	_, data, ok := strings.Cut(href, ";base64,")
	if !ok || !strings.HasPrefix(href, "data:image/") {
		return fmt.Errorf("only embedded (data:image/...;base64) pictures are supported")
	}
	raw, err := base64.StdEncoding.DecodeString(data)
	if err != nil {
		return fmt.Errorf("picture data: %v", err)
	}
	img, _, err := image.Decode(bytes.NewReader(raw))
	if err != nil {
		return fmt.Errorf("picture data: %v", err)
	}
	var v [4]float64
	for i, n := range []string{"x", "y", "width", "height"} {
		if v[i], err = strconv.ParseFloat(cmp(attrOr(e, n), "0"), 64); err != nil {
			return fmt.Errorf("bad %s", n)
		}
	}
	x, y, w, h := v[0], v[1], v[2], v[3]
	// vgpdf places a picture in its y-up space with the PDF library's
	// y-down idea of rows, upside down: hand it the picture flipped.
	img = flipRows(img)
	// As for text: the picture stands upright in a y down space.
	c.withTransform(c.toPDF(m.then(affine{a: 1, d: -1})), func() {
		c.pdf.DrawImage(vg.Rectangle{
			Min: vg.Point{X: vg.Length(x), Y: vg.Length(-y - h)},
			Max: vg.Point{X: vg.Length(x + w), Y: vg.Length(-y)},
		}, img)
	})
	return nil
}

// flipRows returns img upside down.
func flipRows(img image.Image) image.Image {
	b := img.Bounds()
	out := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			out.Set(x, b.Dy()-1-y, img.At(b.Min.X+x, b.Min.Y+y))
		}
	}
	return out
}
