package content

import (
	"testing"
)

func TestBuiltinStandardsAreValid(t *testing.T) {
	want := map[string]struct{ standards, frames, items, elements int }{
		"learning-forward-2011": {7, 0, 23, 3},
		"learning-forward-2022": {11, 3, 16, 3},
	}
	ids := BuiltinStandards()
	if len(ids) != len(want) {
		t.Fatalf("BuiltinStandards() = %v, want %d sets", ids, len(want))
	}
	for _, id := range ids {
		t.Run(id, func(t *testing.T) {
			data, err := builtinFS.ReadFile("standards/" + id + ".toml")
			if err != nil {
				t.Fatal(err)
			}
			set, diags := ParseStandards(id+".toml", data)
			for _, d := range diags {
				t.Errorf("%s", d.String())
			}
			w := want[id]
			if set.ID != id {
				t.Errorf("id = %q, want %q", set.ID, id)
			}
			if len(set.Standards) != w.standards || len(set.Frames) != w.frames || len(set.Items) != w.items {
				t.Errorf("got %d standards, %d frames, %d items; want %d, %d, %d",
					len(set.Standards), len(set.Frames), len(set.Items), w.standards, w.frames, w.items)
			}
			for _, st := range set.Standards {
				if len(st.Elements) != w.elements {
					t.Errorf("standard %s has %d elements, want %d", st.ID, len(st.Elements), w.elements)
				}
			}
			for _, code := range []Code{CodeOneShot, CodeShortActivity, CodeOutsidePlanYears, CodeGoalNoActivities, CodeYearNoOutcome, CodeMeasuredOnce, CodeNoStudentData, CodeIncompleteEval} {
				if set.CheckFor(code) == nil {
					t.Errorf("no check names a standard for %s", code)
				}
			}
			if _, err := Builtin(id); err != nil {
				t.Errorf("Builtin(%q): %v", id, err)
			}
		})
	}
}
