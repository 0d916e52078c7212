package linalg

// The test cases in testdata/cases.json.gz come from NumPy and SciPy:
//go:generate /usr/bin/python3 testdata/generate.py
