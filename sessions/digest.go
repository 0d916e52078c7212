package sessions

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// OutputDigest returns "sha256:" and the hex SHA-256 of the output's
// canonical form: the output as a file stores it, but with every
// multi-line string as one string (not a list of lines), without its
// metadata and execution_count, keys sorted, and no white space. For a
// stream that is {"name":"stdout","output_type":"stream","text":"..."};
// for display_data and execute_result {"data":{...},"output_type":...}
// with binary data in base64 and JSON data as JSON; for an error
// {"ename":...,"evalue":...,"output_type":"error","traceback":[...]}.
// Strings are escaped as the file escapes them (only ", \ and control
// characters).
//
// Run records the digests of each cell's outputs in the cell's
// metadata.workbench.digests, so that a reader can tell whether the
// outputs in a file are those that the run produced.
func OutputDigest(o Output) string {
	n := jobj()
	n.set("output_type", jstr(string(o.Type)))
	switch o.Type {
	case OutputStream:
		n.set("name", jstr(o.Name))
		n.set("text", jstr(o.Text))
	case OutputDisplayData, OutputExecuteResult, OutputUpdateDisplayData:
		data := jobj()
		for mime, v := range o.Data {
			switch {
			case IsJSONMIME(mime):
				if j, err := parseJSON(v); err == nil {
					data.set(mime, j)
				} else {
					data.set(mime, jstr(string(v)))
				}
			case IsBinaryMIME(mime):
				data.set(mime, jstr(base64.StdEncoding.EncodeToString(v)))
			default:
				data.set(mime, jstr(string(v)))
			}
		}
		n.set("data", data)
	case OutputError:
		n.set("ename", jstr(o.EName))
		n.set("evalue", jstr(o.EValue))
		n.set("traceback", jstrs(o.Traceback))
	}
	sum := sha256.Sum256(compactJSON(n))
	return "sha256:" + hex.EncodeToString(sum[:])
}
