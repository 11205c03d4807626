package tomlpos

import (
	"reflect"
	"testing"
)

func TestParts(t *testing.T) {
	for _, parts := range [][]any{nil, {"title"}, {"ratings", 2, "item"}, {"standards", 0, "elements", 11}} {
		if got := Parts(Path(parts...)); !reflect.DeepEqual(got, parts) {
			t.Errorf("Parts(Path(%v)) = %v", parts, got)
		}
	}
}
