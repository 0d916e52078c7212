package arrays

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzReadNpy feeds ReadNpy broken and odd .npy data: it must return an
// error or an array that the data holds, never panic or allocate more than
// the data could fill, and what it reads must write and read back the same.
func FuzzReadNpy(f *testing.F) {
	for _, name := range []string{"float64_le_F.npy", "complex64_be_C.npy", "bool_C.npy", "int16_empty_3x0_F.npy",
		"float64_0d.npy", "v2_int32.npy", "v3_float64.npy", "py2_long.npy", "double_quotes.npy", "structured.npy"} {
		raw, err := os.ReadFile(filepath.Join(npyDir, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	f.Add([]byte{})
	f.Add([]byte("\x93NUMPY\x01\x00"))
	f.Add(npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000000,), }", nil))
	f.Add(npyFile("{'descr': [('x', '<f8')], 'fortran_order': True, 'shape': (2, 2), }", make([]byte, 32)))
	defer func(c int) { npyChunk = c }(npyChunk)
	npyChunk = 1 << 16 // keep allocations for streams of unknown length small
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ReadNpy(bytes.NewReader(data))
		b, err2 := ReadNpy(onlyReader{bytes.NewReader(data)})
		if (err == nil) != (err2 == nil) {
			t.Fatalf("sized reader: %v; unsized reader: %v", err, err2)
		}
		if err != nil {
			if _, ok := err.(*FileError); !ok {
				t.Fatalf("%T is not a *FileError: %v", err, err)
			}
			return
		}
		if n := a.Size() * a.DType().Size(); n > len(data) {
			t.Fatalf("%d bytes of data from %d bytes of input", n, len(data))
		}
		if !bytes.Equal(npyBytesOf(a), npyBytesOf(b)) {
			t.Fatal("sized and unsized readers read different elements")
		}
		var buf bytes.Buffer
		if err := WriteNpy(&buf, a); err != nil {
			t.Fatal(err)
		}
		c, err := ReadNpy(&buf)
		if err != nil {
			t.Fatalf("reading back what WriteNpy wrote: %v", err)
		}
		if c.DType() != a.DType() || !npyEqualShape(c.Shape(), a.Shape()) || !bytes.Equal(npyBytesOf(c), npyBytesOf(a)) {
			t.Fatal("write and read back differ")
		}
	})
}

// FuzzReadNpz feeds readNpz broken .npz archives: errors, never panics.
func FuzzReadNpz(f *testing.F) {
	for _, name := range []string{"savez.npz", "savez_compressed.npz"} {
		raw, err := os.ReadFile(filepath.Join(npyDir, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	f.Add([]byte("PK\x05\x06"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := readNpz(bytes.NewReader(data), int64(len(data)), "fuzz.npz")
		if err != nil {
			if _, ok := err.(*FileError); !ok {
				t.Fatalf("%T is not a *FileError: %v", err, err)
			}
			return
		}
		total := 0
		for _, a := range m {
			total += a.Size() * a.DType().Size()
		}
		if total > len(data)*npzMaxRatio+1024*len(m) {
			t.Fatalf("%d bytes of arrays from a %d-byte archive", total, len(data))
		}
	})
}

func npyEqualShape(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
