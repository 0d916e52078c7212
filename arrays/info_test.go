package arrays

import (
	"errors"
	"testing"

	"workbench/devices"
)

func TestInspectionInfo(t *testing.T) {
	info := Info()
	caps := info.Capabilities()
	for _, k := range []string{"boolean indexing", "data-dependent shapes", "max dimensions"} {
		if _, ok := caps[k]; !ok {
			t.Errorf("Capabilities has no %q", k)
		}
	}
	if caps["boolean indexing"] != true || caps["data-dependent shapes"] != true || caps["max dimensions"] != nil {
		t.Errorf("Capabilities: %v", caps)
	}
	if info.DefaultDevice() != devices.CPU() {
		t.Errorf("DefaultDevice: %v", info.DefaultDevice().Name())
	}
	devs := info.Devices()
	if len(devs) == 0 || devs[0] != devices.CPU() {
		t.Errorf("Devices: want the CPU first, got %d devices", len(devs))
	}
	want := map[string]DType{"real floating": Float64, "complex floating": Complex128, "integral": Int64, "indexing": Int64}
	for _, dd := range []map[string]DType{info.DefaultDtypes(), info.DefaultDtypes(devices.CPU())} {
		if len(dd) != len(want) {
			t.Errorf("DefaultDtypes: %v", dd)
		}
		for k, v := range want {
			if dd[k] != v {
				t.Errorf("DefaultDtypes[%q] = %v, want %v", k, dd[k], v)
			}
		}
	}
	// The default dtypes are those that functions give.
	if d := Linspace(0, 1, 3).DType(); d != info.DefaultDtypes()["real floating"] {
		t.Errorf("Linspace gives %v", d)
	}
	if d := Arange(3).DType(); d != info.DefaultDtypes()["integral"] {
		t.Errorf("Arange gives %v", d)
	}
	if d := Argsort(Zeros(3)).DType(); d != info.DefaultDtypes()["indexing"] {
		t.Errorf("Argsort gives %v", d)
	}
}

func TestInspectionDtypes(t *testing.T) {
	info := Info()
	counts := map[string]int{"bool": 1, "signed integer": 4, "unsigned integer": 4, "integral": 8,
		"real floating": 2, "complex floating": 2, "numeric": 12}
	for kind, n := range counts {
		got := info.Dtypes(kind)
		if len(got) != n {
			t.Errorf("Dtypes(%q): %d dtypes, want %d: %v", kind, len(got), n, got)
		}
		for name, d := range got {
			if d.String() != name {
				t.Errorf("Dtypes(%q): %q names %v", kind, name, d)
			}
		}
	}
	if all := info.Dtypes(); len(all) != 13 || all["complex64"] != Complex64 || all["bool"] != Bool {
		t.Errorf("Dtypes(): %v", all)
	}
	union := info.DtypesOn(devices.CPU(), "bool", "real floating")
	if len(union) != 3 || union["float32"] != Float32 || union["bool"] != Bool {
		t.Errorf("Dtypes(bool, real floating): %v", union)
	}
	err := Maybe(func() { info.Dtypes("floating") })
	var ve *ValueError
	if !errors.As(err, &ve) {
		t.Errorf("Dtypes(\"floating\"): want a *ValueError, got %v", err)
	}
}
