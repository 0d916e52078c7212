package arrays

// Golden functions of the group shapes (test/golden/gen_shapes.py).

func init() {
}
