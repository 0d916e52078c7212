package arrays

// NumPy's .npz archives: a zip file with one .npy member per array, as
// np.savez and np.savez_compressed write them.

import (
	"archive/zip"
	"io"
	"os"
	"sort"
	"strings"
	"time"
)

// npzMaxRatio bounds how much larger than its compressed size a deflated
// member may claim to be (deflate's own limit is about 1032), so that a
// small archive cannot make LoadZ allocate a huge array.
const npzMaxRatio = 1100

// zipEpoch is the time SaveZ writes for every member, so that the same
// arrays give the same file.
var zipEpoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// LoadZ reads a NumPy .npz archive (from np.savez or np.savez_compressed,
// stored or deflated) into a map from each array's name, without ".npy",
// to the array, as NumPy's np.load(path).files names them. Each member
// loads as Load loads a .npy file. A member that is not a .npy file, or
// whose checksum does not match, is an error. Errors are *FileError.
func LoadZ(path string) (map[string]*Array, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, osErr("loadz", path, "cannot open the file", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, osErr("loadz", path, "cannot stat the file", err)
	}
	return readNpz(f, st.Size(), path)
}

// readNpz reads a .npz archive of size bytes from r; name is the archive's
// name for errors.
func readNpz(r io.ReaderAt, size int64, name string) (map[string]*Array, error) {
	const op = "loadz"
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, &FileError{Op: op, File: name, Msg: "not a .npz (zip) archive", Err: err}
	}
	// Members whose data would together exceed the archive overlap: a
	// zip bomb, not something np.savez writes.
	var total uint64
	for _, f := range zr.File {
		total += f.CompressedSize64
		if f.CompressedSize64 > uint64(size) || total > uint64(size) {
			return nil, fileErr(op, name, "member %q claims %d bytes of compressed data, more than the archive holds", f.Name, f.CompressedSize64)
		}
	}
	out := make(map[string]*Array, len(zr.File))
	for _, f := range zr.File {
		member := name + ": " + f.Name
		if !strings.HasSuffix(f.Name, ".npy") {
			return nil, fileErr(op, member, "not a .npy file (a .npz archive holds only .npy members)")
		}
		key := strings.TrimSuffix(f.Name, ".npy")
		if _, dup := out[key]; dup {
			return nil, fileErr(op, member, "the archive has two members of this name")
		}
		switch f.Method {
		case zip.Store:
			if f.UncompressedSize64 != f.CompressedSize64 {
				return nil, fileErr(op, member, "a stored member of %d bytes claims to hold %d", f.CompressedSize64, f.UncompressedSize64)
			}
		case zip.Deflate:
			if f.UncompressedSize64 > f.CompressedSize64*npzMaxRatio+1024 {
				return nil, fileErr(op, member, "%d bytes of deflated data claim to hold %d, more than deflate can", f.CompressedSize64, f.UncompressedSize64)
			}
		default:
			return nil, fileErr(op, member, "compression method %d is not supported (only stored and deflated members are)", f.Method)
		}
		a, err := readNpzMember(f, member)
		if err != nil {
			return nil, err
		}
		out[key] = a
	}
	return out, nil
}

func readNpzMember(f *zip.File, member string) (*Array, error) {
	const op = "loadz"
	rc, err := f.Open()
	if err != nil {
		return nil, &FileError{Op: op, File: member, Msg: "cannot open the member", Err: err}
	}
	defer rc.Close()
	a, err := readNpy(rc, op, member, int64(f.UncompressedSize64), true)
	if err != nil {
		return nil, err
	}
	// Read to the end, where the zip reader checks the checksum.
	var one [1]byte
	for {
		n, err := rc.Read(one[:])
		if n > 0 {
			return nil, fileErr(op, member, "more data than the member's size")
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, &FileError{Op: op, File: member, Msg: "the member is damaged", Err: err}
		}
	}
	return a, nil
}

// SaveZ writes arrays to a NumPy .npz archive at path, as np.savez does:
// one stored (uncompressed) member name+".npy" per array, in .npy format
// as Save writes it. Members are in the order of their names and carry a
// fixed time stamp (1980-01-01), so that the same arrays always give the
// same file. LoadZ and np.load read it back. Like Save, it writes a
// temporary file and renames it. Errors are *FileError.
func SaveZ(path string, named map[string]*Array) error {
	return saveZ("savez", path, named, zip.Store)
}

// SaveZCompressed writes arrays to a NumPy .npz archive at path as SaveZ
// does, with each member deflated, as np.savez_compressed does.
func SaveZCompressed(path string, named map[string]*Array) error {
	return saveZ("savez_compressed", path, named, zip.Deflate)
}

func saveZ(op, path string, named map[string]*Array, method uint16) error {
	names := make([]string, 0, len(named))
	for k, x := range named {
		if k == "" {
			return fileErr(op, path, "an array has an empty name")
		}
		if x == nil {
			return fileErr(op, path, "the array %q is nil", k)
		}
		names = append(names, k)
	}
	sort.Strings(names)
	return writeFileAtomic(op, path, func(f *os.File) error {
		zw := zip.NewWriter(f)
		for _, k := range names {
			member := k + ".npy"
			w, err := zw.CreateHeader(&zip.FileHeader{Name: member, Method: method, Modified: zipEpoch})
			if err != nil {
				return osErr(op, path+": "+member, "cannot add the member", err)
			}
			if err := writeNpy(w, named[k], op, path+": "+member); err != nil {
				return err
			}
		}
		if err := zw.Close(); err != nil {
			return osErr(op, path, "cannot finish the archive", err)
		}
		return nil
	})
}
