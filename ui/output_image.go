package ui

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"io"
	"regexp"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"workbench/plotting"
	"workbench/sessions"
)

// imageOutput shows a plot or picture (image/png, else image/svg+xml) at
// its natural size, one image pixel to one unit, scaled down to fit the
// width of the notebook; a button under it saves it as PNG, SVG or PDF.
type imageOutput struct {
	widget.BaseWidget
	env     *outputEnv
	data    sessions.Bundle
	natural fyne.Size
	img     *canvas.Image
	save    *widget.Button
}

func newImageOutput(env *outputEnv) *imageOutput {
	im := &imageOutput{env: env, img: &canvas.Image{FillMode: canvas.ImageFillContain, ScaleMode: canvas.ImageScaleSmooth}}
	im.save = widget.NewButtonWithIcon("Save…", theme.DocumentSaveIcon(), im.saveMenu)
	im.save.Importance = widget.LowImportance
	im.ExtendBaseWidget(im)
	return im
}

func (im *imageOutput) update(o *sessions.Output) bool {
	if p := o.Data[sessions.MIMEPNG]; p != nil {
		decoded, err := png.Decode(bytes.NewReader(p))
		if err != nil {
			return false
		}
		im.img.Image, im.img.Resource = decoded, nil
		b := decoded.Bounds()
		im.natural = fyne.NewSize(float32(b.Dx()), float32(b.Dy()))
	} else if s := o.Data[sessions.MIMESVG]; s != nil {
		im.img.Image = nil
		im.img.Resource = fyne.NewStaticResource("output.svg", s)
		im.natural = svgSize(s)
	} else {
		return false
	}
	im.data = o.Data
	im.img.Refresh()
	im.Refresh()
	return true
}

var (
	svgWidth  = regexp.MustCompile(`<svg[^>]*?\swidth="([\d.]+)(?:pt|px)?"`)
	svgHeight = regexp.MustCompile(`<svg[^>]*?\sheight="([\d.]+)(?:pt|px)?"`)
)

// svgSize reads an SVG's width and height (640x480 when it has none).
func svgSize(s []byte) fyne.Size {
	size := fyne.NewSize(640, 480)
	if m := svgWidth.FindSubmatch(s); m != nil {
		if w, err := strconv.ParseFloat(string(m[1]), 32); err == nil && w > 0 {
			size.Width = float32(w)
		}
	}
	if m := svgHeight.FindSubmatch(s); m != nil {
		if h, err := strconv.ParseFloat(string(m[1]), 32); err == nil && h > 0 {
			size.Height = float32(h)
		}
	}
	return size
}

// shown is the size the image is drawn at: natural, or narrower to fit.
func (im *imageOutput) shown() fyne.Size {
	s := im.natural
	if s.Width <= 0 || s.Height <= 0 {
		return fyne.NewSize(0, 0)
	}
	w := im.Size().Width
	if w <= 0 {
		w = im.env.width()
	}
	if w > 0 && s.Width > w {
		s = fyne.NewSize(w, s.Height*w/s.Width)
	}
	return s
}

// formats lists the formats an image output can be saved in. PDF is made
// here: vector drawing from the SVG (plotting.PDFFromSVG), or, for an
// output with no SVG (or an SVG that is not a plot's), the PNG picture
// embedded at its size.
func formats(b sessions.Bundle) []string {
	var f []string
	if b[sessions.MIMEPNG] != nil {
		f = append(f, "png")
	}
	if b[sessions.MIMESVG] != nil {
		f = append(f, "svg")
	}
	if b[sessions.MIMEPNG] != nil || b[sessions.MIMESVG] != nil {
		f = append(f, "pdf")
	}
	return f
}

// pdfLabel names the PDF an output saves: vectors, or a picture.
func pdfLabel(b sessions.Bundle) string {
	if b[sessions.MIMESVG] != nil {
		return "PDF…"
	}
	return "PDF (picture)…"
}

// writeImage writes an image output in format "png", "svg" or "pdf".
func writeImage(w io.Writer, b sessions.Bundle, format string) error {
	switch format {
	case "png", "svg":
		mime := sessions.MIMEPNG
		if format == "svg" {
			mime = sessions.MIMESVG
		}
		data := b[mime]
		if data == nil {
			return fmt.Errorf("the output has no %s", mime)
		}
		_, err := w.Write(data)
		return err
	case "pdf":
		var err error
		if svg := b[sessions.MIMESVG]; svg != nil {
			var pdf []byte
			if pdf, err = plotting.PDFFromSVG(svg); err == nil {
				_, err = w.Write(pdf)
				return err
			}
		}
		data := b[sessions.MIMEPNG]
		if data == nil {
			if err != nil {
				return err
			}
			return errors.New("the output has no PNG or SVG to make a PDF of")
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			return err
		}
		return writePDF(w, img)
	}
	return fmt.Errorf("cannot save an image as %q", format)
}

// saveMenu offers the formats.
func (im *imageOutput) saveMenu() {
	var items []*fyne.MenuItem
	for _, f := range formats(im.data) {
		label := strings.ToUpper(f) + "…"
		if f == "pdf" {
			label = pdfLabel(im.data)
		}
		items = append(items, fyne.NewMenuItem("Save as "+label, func() { im.saveDialog(f) }))
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(im.save)
	if c == nil {
		return
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(im.save).AddXY(0, im.save.Size().Height)
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos)
}

// TappedSecondary implements fyne.SecondaryTappable: the save menu, and
// copying the text form.
func (im *imageOutput) TappedSecondary(ev *fyne.PointEvent) {
	var items []*fyne.MenuItem
	for _, f := range formats(im.data) {
		items = append(items, fyne.NewMenuItem("Save as "+strings.ToUpper(f)+"…", func() { im.saveDialog(f) }))
	}
	if t := im.data[sessions.MIMEText]; t != nil {
		items = append(items, fyne.NewMenuItem("Copy text", func() {
			fyne.CurrentApp().Clipboard().SetContent(string(t))
		}))
	}
	showMenu(im, ev, items...)
}

// saveDialog asks where to save the image and saves it.
func (im *imageOutput) saveDialog(format string) {
	win := windowFor(im)
	if win == nil {
		return
	}
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		err = writeImage(wc, im.data, format)
		if cerr := wc.Close(); err == nil {
			err = cerr
		}
		if im.env.status != nil {
			if err != nil {
				im.env.status("saving the image: " + err.Error())
			} else {
				im.env.status("saved " + wc.URI().Name())
			}
		}
	}, win)
	d.SetFileName("plot." + format)
	d.SetFilter(storage.NewExtensionFileFilter([]string{"." + format}))
	d.Show()
}

// windowFor returns the window that shows o, or nil.
func windowFor(o fyne.CanvasObject) fyne.Window {
	d := fyne.CurrentApp().Driver()
	c := d.CanvasForObject(o)
	if c == nil {
		return nil
	}
	for _, w := range d.AllWindows() {
		if w.Canvas() == c {
			return w
		}
	}
	return nil
}

// CreateRenderer implements fyne.Widget.
func (im *imageOutput) CreateRenderer() fyne.WidgetRenderer { return &imageRenderer{im: im} }

type imageRenderer struct{ im *imageOutput }

func (r *imageRenderer) Destroy() {}

func (r *imageRenderer) Layout(fyne.Size) {
	s := r.im.shown()
	r.im.img.Resize(s)
	r.im.img.Move(fyne.NewPos(0, 0))
	b := r.im.save.MinSize()
	r.im.save.Resize(b)
	r.im.save.Move(fyne.NewPos(0, s.Height))
}

func (r *imageRenderer) MinSize() fyne.Size {
	s := r.im.shown()
	b := r.im.save.MinSize()
	// The width asked is small: the image shrinks to what it is given.
	return fyne.NewSize(b.Width, s.Height+b.Height)
}

func (r *imageRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.im.img, r.im.save}
}

func (r *imageRenderer) Refresh() {
	r.Layout(r.im.Size())
	canvas.Refresh(r.im)
}

// Tapped implements fyne.Tappable: a click selects the cell.
func (im *imageOutput) Tapped(*fyne.PointEvent) { im.env.tap() }
