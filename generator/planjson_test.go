package generator

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestMinifiedPlanJSONKeepsWholeNumbers checks that plan.json, minified as
// `trellis build` does by default, still writes the budget's cents as whole
// numbers: the minifier would shorten 710000 to 71e4, which a reader that
// wants an integer (Go's int64, a spreadsheet import) rejects.
func TestMinifiedPlanJSONKeepsWholeNumbers(t *testing.T) {
	site := buildExample(t, "cedar-valley", BuildOptions{Minify: true})
	data, err := os.ReadFile(filepath.Join(site, "plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pj struct {
		Budget struct {
			Total   int64   `json:"total_cents"`
			ByYear  []int64 `json:"total_by_year_cents"`
			Sources []struct {
				Name   string  `json:"name"`
				ByYear []int64 `json:"by_year_cents"`
			} `json:"by_source"`
		} `json:"budget"`
	}
	if err := json.Unmarshal(data, &pj); err != nil {
		t.Fatalf("minified plan.json: %v", err)
	}
	b := pj.Budget
	// Hand-computed from the example's resources: $384,450.50 in all;
	// Year 1 $137,150.50; Title I, Part A $7,100 in each year.
	if b.Total != 38445050 || len(b.ByYear) != 4 || b.ByYear[1] != 13715050 || b.Sources[0].Name != "Title I, Part A" || b.Sources[0].ByYear[1] != 710000 {
		t.Errorf("plan.json budget = %+v", b)
	}
}
