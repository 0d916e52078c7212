package arrays

import (
	"slices"

	"workbench/arrays/dtype"
	"workbench/devices"
)

// ArrayNamespaceInfo is the array API standard's inspection namespace (what
// __array_namespace_info__() returns in Python): what the package supports,
// its default dtypes and its devices. Get it with Info().
//
//	info := arrays.Info()
//	info.DefaultDtypes()["real floating"] // Float64
//	info.Dtypes("signed integer")         // int8 ... int64
type ArrayNamespaceInfo struct{}

// Info returns the inspection namespace of the array API standard
// (__array_namespace_info__).
func Info() ArrayNamespaceInfo { return ArrayNamespaceInfo{} }

// Capabilities reports what the package supports, under the standard's
// keys: "boolean indexing" (true: arrays index with boolean masks),
// "data-dependent shapes" (true: UniqueValues, Nonzero and the like are
// there) and "max dimensions" (nil: arrays may have any number of axes).
func (ArrayNamespaceInfo) Capabilities() map[string]any {
	return map[string]any{
		"boolean indexing":      true,
		"data-dependent shapes": true,
		"max dimensions":        nil,
	}
}

// DefaultDevice returns the device on which arrays are created when no
// OnDevice option says otherwise: the CPU.
func (ArrayNamespaceInfo) DefaultDevice() devices.Device { return devices.CPU() }

// Devices returns the devices available now, the CPU first (devices.List).
func (ArrayNamespaceInfo) Devices() []devices.Device { return devices.List() }

// DefaultDtypes returns the default dtypes, under the standard's keys:
// "real floating" (Float64), "complex floating" (Complex128), "integral"
// (Int64) and "indexing" (Int64, the dtype of indices that functions such as
// Argsort return). They are the same on every device; device, optional, is
// accepted for the standard's sake.
func (ArrayNamespaceInfo) DefaultDtypes(device ...devices.Device) map[string]DType {
	return map[string]DType{
		"real floating":    Float64,
		"complex floating": Complex128,
		"integral":         Int64,
		"indexing":         Int64,
	}
}

// dtypeKinds are the standard's kinds of dtypes, for Dtypes.
var dtypeKinds = map[string]func(DType) bool{
	"bool":             DType.IsBool,
	"signed integer":   DType.IsSigned,
	"unsigned integer": DType.IsUnsigned,
	"integral":         DType.IsInteger,
	"real floating":    DType.IsFloat,
	"complex floating": DType.IsComplex,
	"numeric":          DType.IsNumeric,
}

// Dtypes returns the supported dtypes by name ("float32": Float32, ...):
// all of them, or those of the kinds given, any of: "bool", "signed
// integer", "unsigned integer", "integral", "real floating", "complex
// floating", "numeric". Several kinds give their union. An unknown kind is
// a *ValueError. Every device computes with every dtype.
func (ArrayNamespaceInfo) Dtypes(kinds ...string) map[string]DType {
	var tests []func(DType) bool
	for _, k := range kinds {
		t, ok := dtypeKinds[k]
		if !ok {
			names := make([]string, 0, len(dtypeKinds))
			for n := range dtypeKinds {
				names = append(names, n)
			}
			slices.Sort(names)
			panic(valueErr("dtypes", "unknown kind %q (want one of %q)", k, names))
		}
		tests = append(tests, t)
	}
	out := map[string]DType{}
	for _, d := range dtype.All {
		keep := len(tests) == 0
		for _, t := range tests {
			keep = keep || t(d)
		}
		if keep {
			out[d.String()] = d
		}
	}
	return out
}

// DtypesOn is Dtypes for a given device (the standard's device argument).
// Every device supports every dtype, so it gives what Dtypes gives; a nil
// device is the default one.
func (i ArrayNamespaceInfo) DtypesOn(device devices.Device, kinds ...string) map[string]DType {
	return i.Dtypes(kinds...)
}
