package arrays

// Golden functions of the group matmul (test/golden/gen_matmul.py).

func init() {
}
