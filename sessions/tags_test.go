package sessions

import (
	"context"
	"encoding/json"
	"testing"
)

func TestRaisesExceptionTag(t *testing.T) {
	for _, tc := range []struct {
		name    string
		tags    string
		ran     int
		failed  int
		wantErr bool
	}{
		{"tagged", `["raises-exception"]`, 3, 0, false},
		{"other tags", `["hide-input"]`, 2, 1, true},
		{"bad tags", `"raises-exception"`, 2, 1, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			nb := notebookOf("print one", "fail shapes (3,) and (4,)", "print three")
			nb.Cells[1].Metadata = map[string]json.RawMessage{"tags": json.RawMessage(tc.tags)}
			res, err := Run(context.Background(), nb, newFake(), RunOptions{})
			if res.Ran != tc.ran || len(res.Failed) != tc.failed || (err != nil) != tc.wantErr {
				t.Fatalf("ran %d, failed %d, err %v; want %d, %d, error %v", res.Ran, len(res.Failed), err, tc.ran, tc.failed, tc.wantErr)
			}
			if got := nb.Cells[1].Outputs; len(got) != 1 || got[0].Type != OutputError {
				t.Errorf("the failing cell's outputs: %+v, want its error kept", got)
			}
		})
	}
}
