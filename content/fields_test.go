package content

import (
	"reflect"
	"testing"
)

func TestFieldKinds(t *testing.T) {
	want := map[string][2]any{ // key → kind, element type (nil if none)
		"id":        {kindText, nil},
		"title":     {kindText, nil},
		"goal":      {kindID, nil},
		"standards": {kindList, reflect.TypeOf(Ref{})},
		"initial":   {kindTable, reflect.TypeOf(Step{})},
		"follow_up": {kindTable, reflect.TypeOf(Step{})},
		"duration":  {kindTable, reflect.TypeOf(Duration{})},
		"resources": {kindTables, reflect.TypeOf(Resource{})},
	}
	for _, f := range fieldsOf(reflect.TypeOf(Activity{})) {
		w, ok := want[f.Key]
		if !ok {
			t.Errorf("unexpected key %s", f.Key)
			continue
		}
		var elem any
		if f.Elem != nil {
			elem = f.Elem
		}
		if f.Kind != w[0] || elem != w[1] {
			t.Errorf("%s: kind %d, elem %v; want %d, %v", f.Key, f.Kind, f.Elem, w[0], w[1])
		}
	}
	for _, f := range fieldsOf(reflect.TypeOf(Duration{})) {
		wantKind := map[string]valueKind{"when": kindText, "start": kindDate, "end": kindDate, "follow_up_start": kindDate, "years": kindList}[f.Key]
		if f.Kind != wantKind {
			t.Errorf("duration.%s: kind %d, want %d", f.Key, f.Kind, wantKind)
		}
		if f.Key == "years" && f.elemField().Kind != kindWhole {
			t.Errorf("duration.years items: kind %d, want whole numbers", f.elemField().Kind)
		}
	}
}
