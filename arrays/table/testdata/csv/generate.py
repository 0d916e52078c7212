#!/usr/bin/python3
"""Golden data from pandas for the CSV reader of arrays/table.

Run it with Debian's python3-pandas (pandas 1.5), from anywhere:

    /usr/bin/python3 arrays/table/testdata/csv/generate.py   # or: go generate ./arrays/table

It writes a few tricky CSV files next to itself and golden.json, which holds
what pandas.read_csv makes of each (the dtype and the values of every
column) and the SHA-256 of this script, so that the Go test
(TestReadCSVGolden in csv_test.go) can tell when the data is stale. The Go
tests do not need Python.

golden.json is {"generator_sha256": ..., "pandas": version, "files": [file,
...]}; a file is {"file": name, "read_csv": keyword arguments given to
pandas (the Go side passes none: it detects the delimiter), "columns":
[column, ...]}; a column is {"name", "dtype" (pandas'), "values"} where a
value is
    int64, uint64: the decimal text;
    float64: float.hex() text ("nan", "inf", "-inf" as Python writes them),
             from float_precision="round_trip" (correctly rounded; pandas'
             default parser may be one unit in the last place off, which
             "ulp_off_by_default" counts);
    bool: true or false;
    object: a string, true or false, or null for a missing value (NaN);
and, for an object column whose values are all ISO 8601 date-times,
"as_time": pandas.to_datetime(utc=True) of the values in nanoseconds since
the epoch (decimal text, null when missing).
"""
import hashlib
import io
import json
import math
import os
import re
import sys

import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))

FILES = {
    # Numbers: ints, floats in every form, spaces around numbers, blank
    # lines, an int column with a missing value, ints beyond int64, long
    # mantissas where rounding is delicate.
    "numbers.csv": (
        b"i,f,e,spaces,intna,uint,long\n"
        b"1,0.5,1e5,  7 ,1,9223372036854775808,0.1234567890123456789\n"
        b"2,-1.25,2.5E-3,8,,1,2.2250738585072011e-308\n"
        b"\n"
        b"-3,inf,-1e-310,\t9,3,18446744073709551615,9007199254740993\n"
        b"00004,-inf,+1.e2, -10,4,2,1.00000000000000011102230246251565404236316680908203125\n"
        b"9223372036854775807,.25,1E-5,11,5,3,123456789012345678901234567890.5\n"
    ),
    # RFC 4180 quoting: quoted delimiters, doubled quotes, line ends inside
    # quotes (LF and CRLF), quoted numbers, text after a closing quote.
    "quoted.csv": (
        b'name,n,note\n'
        b'"Smith, John",1,plain\n'
        b'"say ""hi""","2","two\nlines"\n'
        b'x"y,3,"crlf\r\ninside"\n'
        b'"a"b,4,""\n'
    ),
    # A byte-order mark, CRLF line ends, no line end at the end.
    "bom_crlf.csv": b"\xef\xbb\xbfa,b\r\n1,x\r\n2,y\r\n3,z",
    # Missing values: pandas' markers (not "None", which pandas 1.5 lacks),
    # an empty column, a bool column with a gap, strings with gaps.
    "missing.csv": (
        b"s,f,empty,flag,t\n"
        b"NA,1.5,,True,x\n"
        b"N/A,NaN,,,y\n"
        b"#N/A,nan,,False,\n"
        b"NULL,-nan,,TRUE,z\n"
        b"null,2,,false,<NA>\n"
        b"n/a,1.#QNAN,,true,w\n"
        b"ok,,,False,v\n"
    ),
    # Semicolons and tabs: pandas is told the delimiter, the Go side finds it.
    "semicolon.csv": b"a;b;c\n1,5;x,y;1\n2,5;z;2\n",
    "tabs.tsv": b"a\tb\tc\n1\tx y\t1.5\n2\tz\t2\n",
    # Header names: duplicates and empty ones.
    "names.csv": b"a,a,,a.1,a,b\n1,2,3,4,5,6\n",
    # Date-times: pandas keeps them as strings (object) unless asked.
    "dates.csv": (
        b"day,when,zoned\n"
        b"2024-01-31,2024-01-31T12:00:00,2024-01-31T12:00:00Z\n"
        b"2024-02-29,2024-02-29 23:59:59.5,2024-02-29T23:59:59.123456789+01:00\n"
        b",1970-01-01T00:00:00,1969-12-31T23:00:00-01:00\n"
    ),
    # Kinds: bools, a column that turns to strings late, mixed ints and
    # floats, ints and bools.
    "kinds.csv": (
        b"flag,late,mixed,intbool\n"
        b"True,1.50,1,1\n"
        b"false,2,2.5,true\n"
        b"TRUE,x,3,0\n"
    ),
    # One column, with a gap.
    "single.csv": b"value\n1.5\n\n2.5\nNA\n3\n",
}

PANDAS_OPTIONS = {
    "semicolon.csv": {"sep": ";"},
    "tabs.tsv": {"sep": "\t"},
}

ISO = re.compile(
    r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$")


def float_text(x):
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return float(x).hex()


def column(series, exact):
    dtype = str(series.dtype)
    out = {"name": str(series.name), "dtype": dtype}
    if dtype in ("int64", "uint64"):
        out["values"] = [str(int(v)) for v in series]
    elif dtype == "float64":
        out["values"] = [float_text(v) for v in exact]
        out["ulp_off_by_default"] = sum(
            1 for a, b in zip(series, exact)
            if not (math.isnan(a) and math.isnan(b)) and a != b)
    elif dtype == "bool":
        out["values"] = [bool(v) for v in series]
    elif dtype == "object":
        vals = []
        for v in series:
            if isinstance(v, float) and math.isnan(v):
                vals.append(None)
            elif isinstance(v, bool):
                vals.append(v)
            else:
                vals.append(str(v))
        out["values"] = vals
        texts = [v for v in vals if v is not None]
        if texts and all(isinstance(v, str) and ISO.match(v) for v in texts):
            times = []
            for v in vals:
                if v is None:
                    times.append(None)
                else:
                    times.append(str(pd.to_datetime(v, utc=True).value))
            out["as_time"] = times
    else:
        raise SystemExit(f"unexpected dtype {dtype} in column {series.name}")
    return out


def main():
    with open(os.path.abspath(__file__), "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    files = []
    for name, content in FILES.items():
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(content)
        opts = PANDAS_OPTIONS.get(name, {})
        df = pd.read_csv(io.BytesIO(content), **opts)
        exact = pd.read_csv(io.BytesIO(content), float_precision="round_trip", **opts)
        cols = [column(df[c], exact[c]) for c in df.columns]
        files.append({"file": name, "read_csv": opts, "columns": cols})
    golden = {"generator_sha256": digest, "pandas": pd.__version__, "files": files}
    with open(os.path.join(HERE, "golden.json"), "w") as f:
        json.dump(golden, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {len(files)} files and golden.json with pandas {pd.__version__}", file=sys.stderr)


if __name__ == "__main__":
    main()
