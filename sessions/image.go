package sessions

import (
	"bytes"
	"fmt"
	"image"
	_ "image/gif"  // image.Decode reads GIF outputs
	_ "image/jpeg" // image.Decode reads JPEG outputs
	_ "image/png"  // image.Decode reads PNG outputs
)

// compareImages compares two encoded images by their pixels: identical
// when exact, else within the settings' image tolerance.
func compareImages(a, b []byte, set settings, exact bool) *Difference {
	x, _, err1 := image.Decode(bytes.NewReader(a))
	y, _, err2 := image.Decode(bytes.NewReader(b))
	switch {
	case err1 != nil:
		return &Difference{First: "the saved image cannot be read: " + err1.Error()}
	case err2 != nil:
		return &Difference{First: "the new image cannot be read: " + err2.Error()}
	}
	xb, yb := x.Bounds(), y.Bounds()
	if xb.Dx() != yb.Dx() || xb.Dy() != yb.Dy() {
		return &Difference{First: fmt.Sprintf("size: saved %dx%d, now %dx%d", xb.Dx(), xb.Dy(), yb.Dx(), yb.Dy())}
	}
	tol := ImageTolerance{}
	if !exact {
		tol = set.image
	}
	count, maxd := 0, 0
	fx, fy, first := 0, 0, -1
	for j := range xb.Dy() {
		for i := range xb.Dx() {
			r1, g1, b1, a1 := x.At(xb.Min.X+i, xb.Min.Y+j).RGBA()
			r2, g2, b2, a2 := y.At(yb.Min.X+i, yb.Min.Y+j).RGBA()
			d := max(absDiff8(r1, r2), absDiff8(g1, g2), absDiff8(b1, b2), absDiff8(a1, a2))
			if d == 0 {
				continue
			}
			maxd = max(maxd, d)
			if d > tol.Channel {
				count++
				if first < 0 {
					fx, fy, first = i, j, d
				}
			}
		}
	}
	if count <= tol.Pixels {
		return nil
	}
	return &Difference{
		First: fmt.Sprintf("pixel (%d, %d) differs by %d in a channel", fx, fy, first),
		Size:  fmt.Sprintf("%d of %d pixels differ, by up to %d in a channel (of 255)", count, xb.Dx()*xb.Dy(), maxd),
	}
}

// absDiff8 is the difference of two 16-bit color channels in 8-bit units.
func absDiff8(a, b uint32) int {
	a, b = a>>8, b>>8
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}
