// Package adopt lets the packages below arrays (fft, linalg) turn a Go
// slice they computed into an array without a copy, with its memory
// recycled once the array is unreachable; which arrays.FromSlice cannot
// promise, because a caller may keep using the slice it gave.
package adopt

// Adopt returns an *arrays.Array of shape shp whose storage is data (a
// typed Go slice from devices.HostSlice or make, that the caller no longer
// uses). Package arrays sets it.
var Adopt func(data any, shp []int) any
