package plotting

// decimate returns the points of a line to draw when the panel is pixels
// wide. (Every point, until the min/max decimation lands.)
func decimate(xs, ys []float64, pixels int) ([]float64, []float64) { return xs, ys }
