package content

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func sampleDiagnostics() Diagnostics {
	ds := Diagnostics{
		{File: "activities/a.md", Pos: Position{Line: 2, Col: 1}, Severity: Warning, Code: CodeOneShot, Message: "activity \"a\" has no follow-up", Source: "title = \"A\""},
		{File: "goals/b.md", Pos: Position{Line: 5, Col: 8, Len: 3}, Severity: Error, Code: CodeUnknownReference, Message: "unknown goal \"b\"", Hint: "did you mean `c`?", Source: "goal = \"b\""},
		{File: "activities/a.md", Pos: Position{Line: 9, Col: 1}, Severity: Error, Code: CodeMissingKey, Message: "missing key `when`"},
		{File: "trellis.toml", Severity: Warning, Code: CodeNotAddressed, Message: "no activity addresses the Leadership standard"},
	}
	ds.Sort()
	return ds
}

func TestPrintErrorsFirst(t *testing.T) {
	tests := []struct {
		name string
		opt  PrintOptions
		want string
	}{
		{"all", PrintOptions{}, `activities/a.md:9:1: error: missing key ` + "`when`" + `
goals/b.md:5:8: error: unknown goal "b"
 5 | goal = "b"
   |        ^^^
  hint: did you mean ` + "`c`" + `?
activities/a.md:2:1: warning: activity "a" has no follow-up
 2 | title = "A"
   | ^
trellis.toml: warning: no activity addresses the Leadership standard
2 errors and 2 warnings; the first error is at activities/a.md:9:1
`},
		{"errors only", PrintOptions{ErrorsOnly: true, Max: 1}, `activities/a.md:9:1: error: missing key ` + "`when`" + `
... and 1 more not shown
2 errors and 2 warnings; the first error is at activities/a.md:9:1 (warnings not shown)
`},
		{"a cap never hides the first error", PrintOptions{Max: 1}, `activities/a.md:9:1: error: missing key ` + "`when`" + `
... and 3 more not shown
2 errors and 2 warnings; the first error is at activities/a.md:9:1
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			sampleDiagnostics().Print(&b, tt.opt)
			if b.String() != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", b.String(), tt.want)
			}
		})
	}
}

func TestSummary(t *testing.T) {
	ds := sampleDiagnostics()
	tests := []struct {
		ds   Diagnostics
		want string
	}{
		{nil, ""},
		{ds[len(ds)-1:], "1 warning"},
		{ds.Errors()[1:2], "1 error"},
		{append(ds.Errors()[1:2], ds[len(ds)-1]), "1 error and 1 warning; the first error is at goals/b.md:5:8"},
	}
	for _, tt := range tests {
		if got := tt.ds.Summary(); got != tt.want {
			t.Errorf("Summary of %d = %q, want %q", len(tt.ds), got, tt.want)
		}
	}
}

func TestWriteJSONErrorsFirst(t *testing.T) {
	var b bytes.Buffer
	if err := sampleDiagnostics().WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var report struct {
		Diagnostics []struct{ File, Severity, Message string }
		Errors      int
		Warnings    int
	}
	if err := json.Unmarshal(b.Bytes(), &report); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range report.Diagnostics {
		got = append(got, d.Severity+" "+d.File+": "+d.Message)
	}
	want := []string{
		"error activities/a.md: missing key `when`",
		"error goals/b.md: unknown goal \"b\"",
		"warning activities/a.md: activity \"a\" has no follow-up",
		"warning trellis.toml: no activity addresses the Leadership standard",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") || report.Errors != 2 || report.Warnings != 2 {
		t.Errorf("got %d errors, %d warnings:\n%s\nwant:\n%s", report.Errors, report.Warnings, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestLongSourceLineClipped: a diagnostic on a very long line shows the
// part around its column, with the caret under the offending text.
func TestLongSourceLineClipped(t *testing.T) {
	line := strings.Repeat("1, ", 5000) + `"x", ` + strings.Repeat("2, ", 5000)
	col := 3*5000 + 1
	d := Diagnostic{File: "goals/a.md", Pos: Position{Line: 3, Col: col, Len: 3}, Severity: Error, Message: "not a number", Source: line}
	var b strings.Builder
	Diagnostics{d}.Print(&b, PrintOptions{})
	out := b.String()
	lines := strings.Split(out, "\n")
	if len(out) > 600 || len(lines) < 3 {
		t.Fatalf("the long line is not clipped (%d bytes):\n%.600s", len(out), out)
	}
	src, under := lines[1], lines[2]
	if !strings.Contains(src, "…") || !strings.HasSuffix(src, "…") {
		t.Errorf("no cut marks on the clipped line: %q", src)
	}
	at := strings.Index(under, "^") // spaces and carets: one byte a character
	if r := []rune(src); at < 0 || at+3 > len(r) || string(r[at:at+3]) != `"x"` || strings.Count(under, "^") != 3 {
		t.Errorf("caret not under the value:\n%s\n%s", src, under)
	}
	if !strings.HasPrefix(out, "goals/a.md:3:15001: error:") {
		t.Errorf("the location changed: %q", lines[0])
	}
}
