package arrays

// The golden test data under testdata/golden comes from NumPy: the script
// test/golden/generate.py computes it with Debian's python3-numpy and writes
// it there with a manifest that records the script's SHA-256. go generate
// runs in this directory. TestGoldenDataFresh fails when the script has
// changed since the data was made.

//go:generate /usr/bin/python3 ../test/golden/generate.py
