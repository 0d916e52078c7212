package table

import (
	"strings"
	"testing"
	"time"

	"workbench/arrays"
)

func TestJoinHows(t *testing.T) {
	left := tblNew(t, colS("k", "b", "a", "b", "c"), colI("n", 1, 2, 3, 4), colB("f", true, false, true, false))
	right := tblNew(t, colS("k", "a", "b", "d", "b"), colI("n", 10, 20, 30, 40), colS("s", "p", "q", "r", "s"))
	cases := []struct {
		how  string
		want map[string]string
		kind map[string]string // dtypes that must hold
	}{
		{"inner", map[string]string{
			"k": "[b b a b b]", "n_x": "[1 1 2 3 3]", "n_y": "[20 40 10 20 40]", "s": "[q s p q s]"},
			map[string]string{"n_x": "int64", "n_y": "int64", "f": "bool"}},
		{"left", map[string]string{
			"k": "[b b a b b c]", "n_x": "[1 1 2 3 3 4]", "n_y": "[20 40 10 20 40 NA]", "s": "[q s p q s NA]"},
			map[string]string{"n_x": "int64", "n_y": "float64", "s": "string"}},
		{"right", map[string]string{
			"k": "[a b b d b b]", "n_x": "[2 1 3 NA 1 3]", "f": "[false true true NA true true]", "n_y": "[10 20 20 30 40 40]"},
			map[string]string{"n_x": "float64", "f": "bool", "n_y": "int64"}},
		{"outer", map[string]string{
			"k": "[a b b b b c d]", "n_x": "[2 1 1 3 3 4 NA]", "n_y": "[10 20 40 20 40 NA 30]", "s": "[p q s q s NA r]"},
			map[string]string{"n_x": "float64", "n_y": "float64"}},
	}
	for _, c := range cases {
		t.Run(c.how, func(t *testing.T) {
			got, err := left.Join(right, "k", c.how)
			if err != nil {
				t.Fatal(err)
			}
			if n := strings.Join(got.Names(), ","); n != "k,n_x,f,n_y,s" {
				t.Errorf("names %s, want k,n_x,f,n_y,s", n)
			}
			for name, w := range c.want {
				if v := tblVals(t, got, name); v != w {
					t.Errorf("%s = %s, want %s", name, v, w)
				}
			}
			for name, w := range c.kind {
				col, _ := got.Column(name)
				if col.dtypeName() != w {
					t.Errorf("%s is %s, want %s", name, col.dtypeName(), w)
				}
			}
		})
	}
}

func TestJoinKeyKinds(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 1, d, 0, 0, 0, 0, time.UTC) }
	cases := []struct {
		name        string
		lk, rk      *Column
		how         string
		wantKey     string
		wantKeyType string
		wantV       string
	}{
		{"int meets float", colI("k", 1, 2, 3), colF("k", 2, 3.5, 1), "left", "[1 2 3]", "float64", "[2 0 NA]"},
		{"float meets int", colF("k", 2, 0.5), colI("k", 2, 7, 2), "outer", "[0.5 2 2 7]", "float64", "[NA 0 2 1]"},
		{"bools", colB("k", true, false, true), colB("k", false, true, false), "inner", "[true false false true]", "bool", "[1 0 2 1]"},
		{"times", TimeColumn("k", []time.Time{day(2), day(1), day(3)}), TimeColumn("k", []time.Time{day(3), day(2), day(9)}), "right",
			"[" + day(3).String() + " " + day(2).String() + " " + day(9).String() + "]", "datetime", "[0 1 2]"},
		{"missing strings match", withMissing(colS("k", "a", "", "c"), 1), withMissing(colS("k", "", "a", "x"), 0), "inner", "[a NA]", "string", "[1 0]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := c.rk.Len()
			v := make([]int64, n)
			for i := range v {
				v[i] = int64(i)
			}
			left := tblNew(t, c.lk)
			right := tblNew(t, c.rk, colI("v", v...))
			got, err := left.Join(right, "k", c.how)
			if err != nil {
				t.Fatal(err)
			}
			if k := tblVals(t, got, "k"); k != c.wantKey {
				t.Errorf("k = %s, want %s", k, c.wantKey)
			}
			col, _ := got.Column("k")
			if col.dtypeName() != c.wantKeyType {
				t.Errorf("k is %s, want %s", col.dtypeName(), c.wantKeyType)
			}
			if g := tblVals(t, got, "v"); g != c.wantV {
				t.Errorf("v = %s, want %s", g, c.wantV)
			}
		})
	}
}

func TestJoinErrors(t *testing.T) {
	left := tblNew(t, colS("k", "a"), colI("a", 1), colI("a_x", 2))
	right := tblNew(t, colS("k", "a"), colI("a", 3), colI("n", 4))
	ints := tblNew(t, colI("k", 1))
	cx := tblNew(t, &Column{Name: "k", Kind: Numeric, Values: arrays.FromSlice([]complex128{1})})
	cases := []struct {
		name  string
		l, r  *Table
		on    string
		how   string
		col   string
		frags []string
	}{
		{"how", left, right, "k", "cross", "", []string{`"cross"`, `"inner"`}},
		{"nil", left, nil, "k", "inner", "", []string{"nil table"}},
		{"left key", left, right, "n", "inner", "n", []string{"no such column", "[k a a_x]"}},
		{"right key", right, left, "n", "left", "n", []string{"other table", "[k a a_x]"}},
		{"kinds", left, ints, "k", "inner", "k", []string{"string key", "int64 key"}},
		{"complex", cx, cx, "k", "outer", "k", []string{"complex"}},
		{"suffix clash", left, right, "k", "inner", "a_x", []string{"used twice"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := c.l.Join(c.r, c.on, c.how)
			wantError(t, err, "Join", c.col, c.frags...)
		})
	}
}
