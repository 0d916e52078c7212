package arrays

// The operators as methods. Each takes an array or a Go number; a Go number
// is a weak scalar that takes the array's dtype (x.Mul(2) keeps x's dtype).

// Add returns a + y.
func (a *Array) Add(y any) *Array { return Add(a, y) }

// Sub returns a - y.
func (a *Array) Sub(y any) *Array { return Subtract(a, y) }

// Mul returns a * y.
func (a *Array) Mul(y any) *Array { return Multiply(a, y) }

// Div returns a / y (true division).
func (a *Array) Div(y any) *Array { return Divide(a, y) }

// FloorDiv returns a // y.
func (a *Array) FloorDiv(y any) *Array { return FloorDivide(a, y) }

// Mod returns a % y with the sign of y.
func (a *Array) Mod(y any) *Array { return Remainder(a, y) }

// Pow returns a ** y.
func (a *Array) Pow(y any) *Array { return Pow(a, y) }

// Neg returns -a.
func (a *Array) Neg() *Array { return Negative(a) }

// Abs returns |a|.
func (a *Array) Abs() *Array { return Abs(a) }

// Eq returns a == y element-wise.
func (a *Array) Eq(y any) *Array { return Equal(a, y) }

// Ne returns a != y element-wise.
func (a *Array) Ne(y any) *Array { return NotEqual(a, y) }

// Lt returns a < y element-wise.
func (a *Array) Lt(y any) *Array { return Less(a, y) }

// Le returns a <= y element-wise.
func (a *Array) Le(y any) *Array { return LessEqual(a, y) }

// Gt returns a > y element-wise.
func (a *Array) Gt(y any) *Array { return Greater(a, y) }

// Ge returns a >= y element-wise.
func (a *Array) Ge(y any) *Array { return GreaterEqual(a, y) }

// And returns a & y (bitwise for integers, logical for bools).
func (a *Array) And(y any) *Array { return BitwiseAnd(a, y) }

// Or returns a | y (bitwise for integers, logical for bools).
func (a *Array) Or(y any) *Array { return BitwiseOr(a, y) }

// Xor returns a ^ y (bitwise for integers, logical for bools).
func (a *Array) Xor(y any) *Array { return BitwiseXor(a, y) }

// Lshift returns a << y.
func (a *Array) Lshift(y any) *Array { return BitwiseLeftShift(a, y) }

// Rshift returns a >> y.
func (a *Array) Rshift(y any) *Array { return BitwiseRightShift(a, y) }

// Invert returns ^a (bitwise for integers, logical for bools).
func (a *Array) Invert() *Array { return BitwiseInvert(a) }
