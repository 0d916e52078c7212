package table

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"workbench/arrays"
	"workbench/arrays/internal/devicefake"
	"workbench/devices"
)

// captureNotices collects the notices given while the test runs.
func captureNotices(t *testing.T) *[]string {
	t.Helper()
	var got []string
	prev := arrays.SetNotice(func(msg string) { got = append(got, msg) })
	arrays.ResetNotices()
	t.Cleanup(func() { arrays.SetNotice(prev); arrays.ResetNotices() })
	return &got
}

// onDevice returns t with its array columns moved to dev.
func onDevice(t *Table, dev devices.Device) *Table {
	cols := make([]*Column, len(t.cols))
	for i, c := range t.cols {
		cp := *c
		if cp.Values != nil {
			cp.Values = cp.Values.To(dev)
		}
		cols[i] = &cp
	}
	return &Table{cols: cols}
}

// TestFakeDevice runs the table operations on a table whose array columns
// are on a device whose memory the CPU cannot address: the CPU's result,
// with its array columns on the device, and one notice naming the
// operation, for two calls.
func TestFakeDevice(t *testing.T) {
	fake := devicefake.New("fake")
	tbl := &Table{cols: []*Column{
		{Name: "k", Kind: Numeric, Values: arrays.FromSlice([]int64{2, 1, 2, 3, 1})},
		{Name: "x", Kind: Numeric, Values: arrays.FromSlice([]float64{0.5, 1.5, -2, 4, 3}), Missing: []bool{false, false, false, true, false}},
		{Name: "b", Kind: Bool, Values: arrays.FromSlice([]bool{true, false, false, true, true})},
		StringColumn("s", []string{"p", "q", "r", "s", "t"}),
	}}
	other := &Table{cols: []*Column{
		{Name: "k", Kind: Numeric, Values: arrays.FromSlice([]int64{1, 3, 5})},
		{Name: "y", Kind: Numeric, Values: arrays.FromSlice([]int32{10, 30, 50})},
	}}
	cases := []struct {
		name    string
		f       func(t, o *Table) (*Table, error)
		notices []string // the operations named in notices
	}{
		{"Take", func(t, _ *Table) (*Table, error) { return t.Take([]int{4, 0, -1}) }, []string{"Table.Take"}},
		{"Filter", func(t, _ *Table) (*Table, error) { return t.Filter(t.Col("b")) }, []string{"Table.Filter"}},
		{"FilterFunc", func(t, _ *Table) (*Table, error) { return t.FilterFunc(func(i int) bool { return i%2 == 0 }), nil }, []string{"Table.FilterFunc"}},
		{"SortBy", func(t, _ *Table) (*Table, error) { return t.SortBy("x", true) }, []string{"Table.SortBy"}},
		{"SortByMany", func(t, _ *Table) (*Table, error) { return t.SortByMany([]string{"k", "x"}, nil) }, []string{"Table.SortByMany"}},
		{"GroupBy Agg", func(t, _ *Table) (*Table, error) {
			g, err := t.GroupBy("k")
			if err != nil {
				return nil, err
			}
			return g.Agg(Mean("x"), Max("x"), Count("x"), Sum("b"))
		}, []string{"Table.GroupBy", "Grouped.Agg"}},
		{"Join", func(t, o *Table) (*Table, error) { return t.Join(o, "k", "left") }, []string{"Table.Join"}},
		{"Join outer", func(t, o *Table) (*Table, error) { return t.Join(o, "k", "outer") }, []string{"Table.Join"}},
		{"Describe", func(t, _ *Table) (*Table, error) { return t.Describe() }, []string{"Table.Describe"}},
		{"Head", func(t, _ *Table) (*Table, error) { return t.Head(2), nil }, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			notices := captureNotices(t)
			want, err := tc.f(tbl, other)
			if err != nil {
				t.Fatal(err)
			}
			if len(*notices) != 0 {
				t.Fatalf("notices on the CPU: %q", *notices)
			}
			dt, do := onDevice(tbl, fake), onDevice(other, fake)
			got, err := tc.f(dt, do)
			if err != nil {
				t.Fatal(err)
			}
			tc.f(dt, do)
			if !reflect.DeepEqual(got.Names(), want.Names()) {
				t.Fatalf("columns %v, want %v", got.Names(), want.Names())
			}
			for i, w := range want.cols {
				g := got.cols[i]
				if g.Kind != w.Kind || !reflect.DeepEqual(g.Strings, w.Strings) || !reflect.DeepEqual(g.Missing, w.Missing) {
					t.Errorf("column %q: %v %q %v, want %v %q %v", w.Name, g.Kind, g.Strings, g.Missing, w.Kind, w.Strings, w.Missing)
				}
				if w.Values == nil {
					continue
				}
				if g.Values.Device() != devices.Device(fake) {
					t.Errorf("column %q on %s, want fake", w.Name, g.Values.Device().Name())
				}
				if gd, wd := fmt.Sprint(g.Values.Data()), fmt.Sprint(w.Values.Data()); gd != wd || g.Values.DType() != w.Values.DType() {
					t.Errorf("column %q = %v, want %v", w.Name, gd, wd)
				}
			}
			var named []string
			for _, n := range *notices {
				if s, ok := strings.CutPrefix(n, "notice: table."); ok {
					op, _, _ := strings.Cut(s, " ")
					named = append(named, op)
					if !strings.HasSuffix(n, "the fake device does not implement table operations; the result was moved back to fake") {
						t.Errorf("notice %q", n)
					}
				}
			}
			if !reflect.DeepEqual(named, tc.notices) {
				t.Errorf("notices %q, want one each for %q", *notices, tc.notices)
			}
		})
	}
}

// TestMixedDevices checks that a mask of another device than the columns
// it filters, and join keys on two devices, are *arrays.DeviceError
// errors naming both devices.
func TestMixedDevices(t *testing.T) {
	captureNotices(t)
	fake := devicefake.New("fake")
	tbl, err := FromArrays([]string{"k", "x"}, []*arrays.Array{arrays.FromSlice([]int64{1, 2}), arrays.FromSlice([]float64{3, 4})})
	if err != nil {
		t.Fatal(err)
	}
	onFake := onDevice(tbl, fake)
	for name, f := range map[string]func() error{
		"Filter": func() error {
			_, err := tbl.Filter(arrays.FromSlice([]bool{true, false}).To(fake))
			return err
		},
		"Join": func() error {
			_, err := tbl.Join(onFake, "k", "inner")
			return err
		},
	} {
		err := f()
		var de *arrays.DeviceError
		if !errors.As(err, &de) {
			t.Errorf("%s: err = %v, want an *arrays.DeviceError", name, err)
			continue
		}
		if msg := err.Error(); !strings.HasPrefix(msg, "table."+name+": ") || !strings.Contains(msg, "fake") || !strings.Contains(msg, "cpu") {
			t.Errorf("%s: %q does not name the operation and both devices", name, msg)
		}
	}
	// A CPU mask filters columns of any device.
	if _, err := onFake.Filter(arrays.FromSlice([]bool{true, false})); err != nil {
		t.Errorf("Filter of device columns with a CPU mask: %v", err)
	}
}
