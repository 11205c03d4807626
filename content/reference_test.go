package content

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestReference keeps docs/reference.md equal to what the model says.
func TestReference(t *testing.T) {
	var buf bytes.Buffer
	WriteReference(&buf)
	const path = "../docs/reference.md"
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run: go test ./content -run TestReference -update)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("docs/reference.md is out of date: run go test ./content -run TestReference -update")
	}
	// Every key of every kind, however deeply nested, is in the reference.
	var walk func(reflect.Type)
	walk = func(rt reflect.Type) {
		for _, f := range fieldsOf(rt) {
			if !strings.Contains(buf.String(), "| `"+f.Key+"` |") {
				t.Errorf("key %s.%s missing from the reference", rt.Name(), f.Key)
			}
			if isTable(f.Type) {
				et := f.Type
				for et.Kind() == reflect.Pointer || et.Kind() == reflect.Slice {
					et = et.Elem()
				}
				walk(et)
			}
		}
	}
	for _, k := range Kinds {
		walk(k.Type)
	}
}

func TestJSONSchema(t *testing.T) {
	data, err := JSONSchema("goal")
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Required   []string `json:"required"`
		Properties map[string]struct {
			Type  string `json:"type"`
			Items struct {
				Properties map[string]struct {
					Enum    []string `json:"enum"`
					Minimum *float64 `json:"minimum"`
					Maximum *float64 `json:"maximum"`
				} `json:"properties"`
			} `json:"items"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(s.Required, ","); got != "title,rationale,evidence,impact,outcome,measures" {
		t.Errorf("required = %s", got)
	}
	years := s.Properties["years"]
	if years.Type != "array" {
		t.Errorf("years type = %q", years.Type)
	}
	if got := strings.Join(years.Items.Properties["status"].Enum, ","); got != "not-started,in-progress,met,not-met" {
		t.Errorf("status enum = %s", got)
	}
	if y := years.Items.Properties["year"]; y.Minimum == nil || *y.Minimum != 1 || y.Maximum == nil || *y.Maximum != 10 {
		t.Errorf("year bounds = %+v", y)
	}
	if _, err := JSONSchema("nonsense"); err == nil {
		t.Error("JSONSchema(nonsense) gave no error")
	}
}
