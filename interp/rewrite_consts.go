package interp

import (
	"go/ast"
	"go/constant"
	"go/token"
	"math/big"
	"reflect"
	"strings"
)

// floatConsts replaces each floating-point constant of a compiled package
// (math.Pi, math.MaxFloat64, ...) by its value written as a literal.
//
// yaegi v0.16.1 gives such constants a type of their own ("untyped
// float64") that does not mix with a cell's untyped float constants:
// `const a = 1.0; a * math.Pi` fails with "mismatched types untyped float
// and untyped float64". A literal is an untyped float constant like the
// cell's own, and with 70 significant digits it keeps the constant's
// precision in constant arithmetic, as compiled Go does.
func (r *rewriter) floatConsts() {
	lits := map[*ast.SelectorExpr]ast.Expr{}
	ast.Inspect(r.root(), func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		id, ok := sel.X.(*ast.Ident)
		if !ok || id.Obj != nil || r.s.cellNames[id.Name] != nil {
			return true
		}
		p, ok := r.s.imports[id.Name]
		if !ok {
			return true
		}
		v, ok := r.s.syms[p][sel.Sel.Name]
		if !ok || !v.IsValid() || !v.CanInterface() {
			return false
		}
		if c, ok := v.Interface().(constant.Value); ok && c.Kind() == constant.Float {
			lits[sel] = floatLiteral(c, sel.Pos())
		}
		return false
	})
	if len(lits) == 0 {
		return
	}
	ast.Inspect(r.root(), func(x ast.Node) bool {
		v := reflect.ValueOf(x)
		if x == nil || v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
			return x != nil
		}
		v = v.Elem()
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			switch f.Type() {
			case exprType:
				if s, ok := f.Interface().(*ast.SelectorExpr); ok && lits[s] != nil {
					f.Set(reflect.ValueOf(lits[s]))
				}
			case exprSliceType:
				for j := 0; j < f.Len(); j++ {
					if s, ok := f.Index(j).Interface().(*ast.SelectorExpr); ok && lits[s] != nil {
						f.Index(j).Set(reflect.ValueOf(lits[s]))
					}
				}
			}
		}
		return true
	})
}

// floatLiteral writes a float constant as an expression of literals: a
// decimal literal with 70 significant digits, negated in parentheses when
// below zero.
func floatLiteral(c constant.Value, pos token.Pos) ast.Expr {
	f := new(big.Float).SetPrec(256)
	switch x := constant.Val(c).(type) {
	case *big.Float:
		f.Set(x)
	case *big.Rat:
		f.SetRat(x)
	case int64:
		f.SetInt64(x)
	}
	neg := f.Sign() < 0
	f.Abs(f)
	s := f.Text('g', 70)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	var e ast.Expr = &ast.BasicLit{ValuePos: pos, Kind: token.FLOAT, Value: s}
	if neg {
		e = &ast.ParenExpr{Lparen: pos, X: &ast.UnaryExpr{OpPos: pos, Op: token.SUB, X: e}, Rparen: pos}
	}
	return e
}
