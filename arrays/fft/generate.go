package fft

// The golden cases in testdata/golden.json come from NumPy:
//go:generate /usr/bin/python3 testdata/generate.py
