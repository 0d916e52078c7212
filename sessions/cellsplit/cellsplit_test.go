package cellsplit

import (
	"reflect"
	"testing"
)

func TestSplit(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		want []string // the units' texts, a "D " prefix for declarations
	}{
		{"mixed", "x := 1\nfunc f() int { return x }\nf()",
			[]string{"x := 1", "D func f() int { return x }", "f()"}},
		{"semicolons", "a := 1; b := 2", []string{"a := 1", "b := 2"}},
		{"for header", "for i := 0; i < 3; i++ {\n\tprintln(i)\n}", []string{"for i := 0; i < 3; i++ {\n\tprintln(i)\n}"}},
		{"if header", "if x := f(); x > 0 { g() }", []string{"if x := f(); x > 0 { g() }"}},
		{"func literal", "func() { println(1) }()", []string{"func() { println(1) }()"}},
		{"method", "func (p P) Norm() float64 { return 0 }", []string{"D func (p P) Norm() float64 { return 0 }"}},
		{"generic method", "func (p P[T]) Get() T { var z T; return z }", []string{"D func (p P[T]) Get() T { var z T; return z }"}},
		{"var is a statement", "var v = 3\nconst c = 2\ntype T int\nimport \"fmt\"",
			[]string{"var v = 3", "D const c = 2", "D type T int", `D import "fmt"`}},
		{"brackets span lines", "y := f(\n\t1,\n\t2,\n)\ny", []string{"y := f(\n\t1,\n\t2,\n)", "y"}},
		{"empty", "\n// only a comment\n", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, u := range Split(tc.src) {
				s := tc.src[u.Start:u.End]
				if u.Decl {
					s = "D " + s
				}
				got = append(got, s)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Split(%q):\n got %q\nwant %q", tc.src, got, tc.want)
			}
		})
	}
}
