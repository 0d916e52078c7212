package arrays

// Golden functions of the group advanced_indexing (test/golden/gen_advanced.py).

func init() {
}
