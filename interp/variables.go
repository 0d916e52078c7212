package interp

// The variables listing, and the short one-line forms of values that it
// and Inspect show.

import (
	"bytes"
	"fmt"
	"go/constant"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"workbench/arrays"
	"workbench/arrays/table"
)

// summaryMax is the length a summary is cut to.
const summaryMax = 80

// Variables lists the session's variables, sorted by name: those the
// cells declared (with := or var), not functions, types, constants,
// packages or the engine's own names (the predeclared rng included). Type
// is the variable's Go type as a cell would write it (a type a cell
// declared by its name, when the variable's declaration names it);
// arrays and tables also get their shape (and dtype); Summary is a short
// form of the value. It waits for a running cell to finish.
func (s *Session) Variables() []Variable {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	r := s.newResolver(nil)
	globals := r.globals
	var out []Variable
	for _, n := range sortedKeys(globals) {
		ni, ok := s.info[n]
		if !ok || ni.kind != "var" || !s.decls[n] || internalOrHidden(n) {
			continue
		}
		v := globals[n]
		if !v.IsValid() {
			continue
		}
		if _, c := v.Interface().(constant.Value); c {
			continue
		}
		vr := Variable{Name: n, Type: typeString(v.Type())}
		if unnamedStruct(v.Type()) {
			if t := r.typeText(operand{typ: v.Type(), user: r.declaredType(ni, 0)}); t != "" {
				vr.Type = t
			}
		}
		switch x := valueOf(v).(type) {
		case *arrays.Array:
			if x != nil {
				vr.Shape, vr.DType = shapeTuple(x.Shape()), x.DType().String()
			}
		case *table.Table:
			if x != nil {
				vr.Shape = fmt.Sprintf("(%d, %d)", x.NumRows(), x.NumCols())
			}
		}
		vr.Summary = summarize(v)
		out = append(out, vr)
	}
	return out
}

// valueOf returns v's value as an interface, or nil when it cannot.
func valueOf(v reflect.Value) any {
	if !v.IsValid() || !v.CanInterface() {
		return nil
	}
	return v.Interface()
}

// summarize writes a value on one line of at most about summaryMax
// characters: arrays and tables by their dtype, shape and first values,
// strings quoted, containers with their first elements and length,
// structs with their fields; values with a String or Error method (in
// compiled code) as they say. It never panics, and never formats more of
// a large value than it shows.
func summarize(v reflect.Value) (s string) {
	defer func() {
		if r := recover(); r != nil {
			s = "(cannot show: " + truncate(fmt.Sprint(r), 40) + ")"
		}
	}()
	b := &summary{}
	b.value(v, 0)
	return truncate(oneLine(b.String()), summaryMax)
}

// summary builds a summary, and stops adding once it is long enough.
type summary struct {
	bytes.Buffer
}

func (b *summary) full() bool { return b.Len() > summaryMax }

// elements writes the elements of a container, as many as fit, then
// " …] (len n)" when not all did, or "]".
func (b *summary) elements(n int, one func(i int)) {
	suffix := fmt.Sprintf(" …] (len %d)", n)
	room := summaryMax - len(suffix)
	for i := 0; i < n; i++ {
		before := b.Len()
		if i > 0 {
			b.WriteString(" ")
		}
		one(i)
		if b.Len() > room {
			if i > 0 {
				b.Truncate(before)
			}
			b.WriteString(suffix)
			return
		}
	}
	b.WriteString("]")
}

func (b *summary) value(v reflect.Value, depth int) {
	if b.full() {
		return
	}
	if !v.IsValid() {
		b.WriteString("nil")
		return
	}
	switch x := valueOf(v).(type) {
	case *arrays.Array:
		if x == nil {
			b.WriteString("nil")
			return
		}
		if depth == 0 {
			b.WriteString(x.DType().String() + " " + shapeTuple(x.Shape()) + " ")
		}
		b.WriteString(oneLine(x.String()))
		return
	case *table.Table:
		if x == nil {
			b.WriteString("nil")
			return
		}
		fmt.Fprintf(b, "table %d rows × %d columns: %s", x.NumRows(), x.NumCols(), strings.Join(x.Names(), ", "))
		return
	case constant.Value:
		b.WriteString(x.ExactString())
		return
	case error:
		if v.Kind() != reflect.Pointer || !v.IsNil() {
			b.WriteString(x.Error())
			return
		}
	case fmt.Stringer:
		if v.Kind() != reflect.Pointer || !v.IsNil() {
			b.WriteString(x.String())
			return
		}
	}
	switch v.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		b.WriteString(fmtValue(v))
	case reflect.String:
		b.WriteString(strconv.Quote(truncate(v.String(), summaryMax)))
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			b.WriteString("nil")
			return
		}
		if depth > 2 {
			fmt.Fprintf(b, "[…%d]", v.Len())
			return
		}
		b.WriteString("[")
		b.elements(v.Len(), func(i int) { b.value(v.Index(i), depth+1) })
	case reflect.Map:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		n := v.Len()
		if n > 100 || depth > 2 {
			fmt.Fprintf(b, "map with %d entries", n)
			return
		}
		keys := v.MapKeys()
		ks := make([]string, len(keys))
		for i, k := range keys {
			ks[i] = fmtValue(k)
		}
		sort.Sort(byString{ks, keys})
		b.WriteString("map[")
		b.elements(n, func(i int) {
			b.value(keys[i], depth+1)
			b.WriteString(":")
			b.value(v.MapIndex(keys[i]), depth+1)
		})
	case reflect.Pointer:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		if depth > 2 {
			b.WriteString("&…")
			return
		}
		b.WriteString("&")
		b.value(v.Elem(), depth+1)
	case reflect.Interface:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		b.value(v.Elem(), depth)
	case reflect.Struct:
		if depth > 2 {
			b.WriteString("{…}")
			return
		}
		t := v.Type()
		interpreted := t.Name() == ""
		if !interpreted && !hasExportedField(t) {
			// A compiled type that shows nothing of itself.
			b.WriteString(typeString(t) + "{…}")
			return
		}
		b.WriteString("{")
		first := true
		for i := 0; i < t.NumField() && !b.full(); i++ {
			f := t.Field(i)
			name := f.Name
			switch {
			case interpreted && yaegiHidden(name):
				name = strings.ToLower(name[1:2]) + name[2:]
			case !interpreted && !f.IsExported():
				continue
			}
			if !first {
				b.WriteString(" ")
			}
			first = false
			b.WriteString(name + ":")
			b.value(v.Field(i), depth+1)
		}
		b.WriteString("}")
	case reflect.Func:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		b.WriteString(typeString(v.Type()))
	case reflect.Chan:
		if v.IsNil() {
			b.WriteString("nil")
			return
		}
		fmt.Fprintf(b, "%s (%d/%d)", typeString(v.Type()), v.Len(), v.Cap())
	default:
		b.WriteString(typeString(v.Type()))
	}
}

// hasExportedField says whether a struct type has an exported field.
func hasExportedField(t reflect.Type) bool {
	for i := 0; i < t.NumField(); i++ {
		if t.Field(i).IsExported() {
			return true
		}
	}
	return false
}

// fmtValue formats a value of a basic kind, unexported fields included.
func fmtValue(v reflect.Value) string {
	switch v.Kind() {
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return strconv.FormatUint(v.Uint(), 10)
	case reflect.Float32:
		return strconv.FormatFloat(v.Float(), 'g', -1, 32)
	case reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'g', -1, 64)
	case reflect.Complex64:
		return strconv.FormatComplex(v.Complex(), 'g', -1, 64)
	case reflect.Complex128:
		return strconv.FormatComplex(v.Complex(), 'g', -1, 128)
	case reflect.String:
		return strconv.Quote(v.String())
	}
	if v.CanInterface() {
		return fmt.Sprint(v.Interface())
	}
	return typeString(v.Type())
}

// byString sorts map keys by their text.
type byString struct {
	s []string
	v []reflect.Value
}

func (b byString) Len() int           { return len(b.s) }
func (b byString) Less(i, j int) bool { return b.s[i] < b.s[j] }
func (b byString) Swap(i, j int) {
	b.s[i], b.s[j] = b.s[j], b.s[i]
	b.v[i], b.v[j] = b.v[j], b.v[i]
}

// oneLine joins the lines of s, with runs of spaces made one.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
