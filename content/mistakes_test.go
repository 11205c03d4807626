package content

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

// TestMistakes loads the base plan with the files of each archive in
// testdata/mistakes and compares the diagnostics, printed for people and as
// JSON, with the archive's want.txt and want.json. Each archive is one
// mistake a plan author makes; its comment says which.
func TestMistakes(t *testing.T) {
	files, err := filepath.Glob("testdata/mistakes/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			a, diags := loadFixture(t, file)
			want := map[string]string{}
			for _, f := range a.Files {
				if strings.HasPrefix(f.Name, "want.") {
					want[f.Name] = string(f.Data)
				}
			}
			var text, js bytes.Buffer
			diags.Print(&text, PrintOptions{})
			if err := diags.WriteJSON(&js); err != nil {
				t.Fatal(err)
			}
			got := map[string]string{"want.txt": text.String(), "want.json": js.String()}
			if *update {
				rewrite(t, file, a, got)
				return
			}
			for _, k := range []string{"want.txt", "want.json"} {
				if got[k] != want[k] {
					t.Errorf("%s:\ngot:\n%s\nwant:\n%s", k, got[k], want[k])
				}
			}
		})
	}
}

// loadFixture loads the base plan with the files of the archive (all but
// its want.* sections) and returns the archive and the sorted diagnostics.
func loadFixture(t *testing.T, file string) (*txtar.Archive, Diagnostics) {
	t.Helper()
	a, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	m := basePlan(t)
	for _, f := range a.Files {
		if !strings.HasPrefix(f.Name, "want.") {
			m[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
		}
	}
	_, diags := Load(m)
	diags.Sort()
	return a, diags
}

func rewrite(t *testing.T, file string, a *txtar.Archive, got map[string]string) {
	var files []txtar.File
	for _, f := range a.Files {
		if !strings.HasPrefix(f.Name, "want.") {
			files = append(files, f)
		}
	}
	for _, k := range []string{"want.txt", "want.json"} {
		files = append(files, txtar.File{Name: k, Data: []byte(got[k])})
	}
	a.Files = files
	if err := os.WriteFile(file, txtar.Format(a), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestMistakesDocumented checks that every example in the "Common mistakes"
// section of docs/diagnostics.md is what Trellis prints for one of the
// fixtures, and that every code the fixtures produce is in its table.
func TestMistakesDocumented(t *testing.T) {
	doc, err := os.ReadFile("../docs/diagnostics.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(doc), "\n## Common mistakes\n")
	if !ok {
		t.Fatal("docs/diagnostics.md has no Common mistakes section")
	}
	files, _ := filepath.Glob("testdata/mistakes/*.txtar")
	var printed strings.Builder
	codes := map[string]bool{}
	for _, file := range files {
		a, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range a.Files {
			switch f.Name {
			case "want.txt":
				printed.Write(f.Data)
			case "want.json":
				var out struct{ Diagnostics []struct{ Code string } }
				if err := json.Unmarshal(f.Data, &out); err != nil {
					t.Fatalf("%s: %v", file, err)
				}
				for _, d := range out.Diagnostics {
					codes[d.Code] = true
				}
			}
		}
	}
	blocks := strings.Split(section, "```\n")
	for i := 1; i+1 < len(blocks); i += 2 {
		if !strings.Contains(printed.String(), blocks[i]) {
			t.Errorf("docs/diagnostics.md example is not what check prints for any fixture:\n%s", blocks[i])
		}
	}
	for code := range codes {
		if !strings.Contains(string(doc), "| `"+code+"` |") {
			t.Errorf("code %s is not in the table of docs/diagnostics.md", code)
		}
	}
}

// TestMistakeFixes states, for each fixture of testdata/mistakes, where the
// first error is, its code, and the corrected value its hint must show,
// so that the goldens cannot drift from the fix without this table
// changing too.
func TestMistakeFixes(t *testing.T) {
	tests := []struct{ fixture, at, code, fix string }{
		{"bool-capital-true", "trellis.toml:5:15", "true-false", "unsafe_html = true"},
		{"bool-no", "trellis.toml:5:15", "true-false", "unsafe_html = false"},
		{"bool-quoted-word", "trellis.toml:5:15", "wrong-type", "unsafe_html = true, or unsafe_html = false"},
		{"bool-zero", "trellis.toml:5:15", "wrong-type", "unsafe_html = false"},
		{"bool-quoted-no", "trellis.toml:5:15", "wrong-type", "unsafe_html = false"},
		{"bool-yes", "trellis.toml:5:15", "true-false", "unsafe_html = true"},
		{"crlf-inner-quotes", "goals/reading.md:2:14", "unescaped-quote", `title = "The \"Reading Lab\" model"`},
		{"crlf-paragraphs", "goals/reading.md:3:13", "multi-line-text", "rationale = \"\"\"\nScores are low.\n\nThey fell.\n\"\"\""},
		{"date-abbreviated", "partners/acme.md:5:12", "date-format", "reviewed = 2026-08-01"},
		{"date-day-first", "partners/acme.md:5:12", "date-format", "reviewed = 2026-08-25"},
		{"date-local-datetime", "partners/acme.md:5:12", "date-format", "reviewed = 2026-06-01"},
		{"date-local-time", "activities/tutoring.md:18:9", "date-format", "start = 2025-08-04"},
		{"date-quoted-slashes", "partners/acme.md:5:12", "date-format", "reviewed = 2026-08-01 (read as August 1, 2026, month first as in the US"},
		{"date-unpadded", "partners/acme.md:5:12", "date-format", "reviewed = 2026-08-01"},
		{"date-us-short", "partners/acme.md:5:12", "date-format", "reviewed = 2026-08-01 (read as August 1, 2026, month first as in the US"},
		{"date-us-slashes", "partners/acme.md:5:12", "date-format", "reviewed = 2026-08-01 (read as August 1, 2026, month first as in the US"},
		{"date-words-unquoted", "partners/acme.md:5:12", "date-format", "reviewed = 2026-06-12"},
		{"date-words", "partners/acme.md:5:12", "date-format", "reviewed = 2026-06-12"},
		{"encoding-escape", "beliefs.md:2:18", "control-character", "save the file as UTF-8"},
		{"encoding-nul", "beliefs.md:6:4", "control-character", "save the file as UTF-8"},
		{"encoding-utf16", "beliefs.md:1:1", "invalid-utf8", "save the file as UTF-8"},
		{"encoding-windows-1252", "beliefs.md:3:17", "invalid-utf8", "save the file as UTF-8"},
		{"key-in-wrong-file", "goals/reading.md:7:1", "unknown-key", "`standards` belongs in trellis.toml or an activity file (activities/)"},
		{"key-in-wrong-table", "activities/tutoring.md:5:1", "unknown-key", "`who` belongs in the [initial] or [follow_up] table of an activity file"},
		{"key-in-wrong-table-near-miss", "goals/reading.md:7:1", "unknown-key", "did you mean `years`? (`year` itself belongs in a [[years]] table of a goal file or a [[resources]] table of an activity file)"},
		{"key-repeated", "goals/reading.md:7:1", "duplicate-key", "keep one `title = ...` line"},
		{"line-endings-cr", "beliefs.md:4:1", "unknown-key", "did you mean `vision`?"},
		{"list-single-value", "activities/tutoring.md:4:13", "wrong-type", "standards = [\"learning-designs\"]"},
		{"list-unclosed-lines", "goals/reading.md:4:12", "unclosed-list", "end the list with a line ]"},
		{"list-unclosed", "goals/reading.md:4:12", "unclosed-list", "evidence = [\"State test\", \"Screener\"]"},
		{"list-unquoted", "activities/tutoring.md:4:13", "missing-quotes", "standards = [\"learning-designs\"]"},
		{"number-decimal-comma", "district.md:4:18", "number-format", "teaching_units = 41.5"},
		{"number-dollars", "district.md:3:25", "number-format", "per_pupil_expenditure = 12000"},
		{"number-nan", "goals/reading.md:11:12", "wrong-type", "or leave the line out until it is known"},
		{"number-percent", "district.md:12:11", "number-format", "percent = 38.4"},
		{"number-quoted-dollars", "district.md:3:25", "wrong-type", "per_pupil_expenditure = 12000"},
		{"number-quoted", "district.md:2:14", "wrong-type", "enrollment = 742"},
		{"number-thousands-comma", "district.md:2:14", "number-format", "enrollment = 1200"},
		{"number-thousands-k", "district.md:3:25", "number-format", "per_pupil_expenditure = 12000"},
		{"rating-label-lower-case", "partners/acme.md:10:10", "wrong-type", "rating = 3 (the scale is 1 Not evident, 2 Emerging, 3 Established, 4 Exemplary)"},
		{"rating-label-unquoted", "partners/acme.md:10:10", "wrong-type", "rating = 2 (the scale is 1 Not evident, 2 Emerging, 3 Established, 4 Exemplary)"},
		{"rating-label", "partners/acme.md:10:10", "wrong-type", "rating = 3 (the scale is 1 Not evident, 2 Emerging, 3 Established, 4 Exemplary)"},
		{"rating-text", "partners/acme.md:10:10", "wrong-type", "1 Not evident, 2 Emerging, 3 Established, 4 Exemplary"},
		{"school-key-at-top", "district.md:4:1", "unknown-key", "`grades` belongs in a [[schools]] table of district.md"},
		{"table-single-brackets-once", "partners/acme.md:8:1", "wrong-type", "`[[ratings]]` (two brackets)"},
		{"table-single-brackets", "partners/acme.md:13:1", "duplicate-key", "`[[ratings]]` (two brackets)"},
		{"table-then-list", "partners/acme.md:8:1", "duplicate-key", "`[[ratings]]` too"},
		{"text-apostrophe-in-single-quotes", "goals/reading.md:2:12", "unescaped-quote", "title = \"It's time to read\""},
		{"text-curly-quotes-around-quotes", "goals/reading.md:2:9", "curly-quotes", `title = "The \"Reading Lab\" model"`},
		{"text-curly-quotes-in-list", "goals/reading.md:4:13", "curly-quotes", "evidence = [\"State test\"]"},
		{"text-curly-quotes-in-long-list", "goals/reading.md:6:3", "curly-quotes", "\"Screener\","},
		{"text-curly-quotes", "goals/reading.md:2:9", "curly-quotes", "title = \"Read well\""},
		{"text-curly-single-quotes", "goals/reading.md:2:9", "curly-quotes", "title = \"Read well\""},
		{"text-inner-quotes", "goals/reading.md:2:14", "unescaped-quote", "title = \"The \\\"Reading Lab\\\" model\""},
		{"text-paragraphs", "goals/reading.md:3:13", "multi-line-text", "rationale = \"\"\"\nScores are low.\n\nThey fell two years in a row.\n\"\"\""},
		{"text-unclosed-single-quote", "goals/reading.md:2:9", "unclosed-string", "title = 'Read well'"},
		{"text-unclosed-triple-quotes", "goals/reading.md:3:13", "unclosed-string", "a line \"\"\""},
		{"text-unclosed-in-list", "goals/reading.md:5:3", "unclosed-string", "end the text with a quote on the same line: \"State test\","},
		{"text-unclosed-last-in-list", "goals/reading.md:6:3", "unclosed-string", "end the text with a quote on the same line: \"Screener\""},
		{"text-unclosed", "goals/reading.md:2:9", "unclosed-string", "title = \"Read well\""},
		{"text-unquoted", "goals/reading.md:2:9", "missing-quotes", "title = \"Read well\""},
		{"yaml-front-matter", "goals/reading.md:1:1", "no-front-matter", "+++\ntitle = \"Read well\"\nrationale = \"Scores are low.\"\nevidence = [\"State test\", \"Screener\"]\nimpact = \"Students read more.\"\noutcome = \"Most students read on grade level.\"\n+++"},
		{"yaml-list-of-tables", "partners/acme.md:1:1", "no-front-matter", "recommendation = \"continue\"\n\n[[ratings]]\nitem = \"uses-data\"\nrating = 3\nevidence = \"Shares reports.\"\n\n[[ratings]]\nitem = \"active\""},
		{"yaml-line", "goals/reading.md:5:1", "yaml-syntax", "impact = \"Students read more.\""},
	}
	files, _ := filepath.Glob("testdata/mistakes/*.txtar")
	if len(files) != len(tests) {
		t.Errorf("%d fixtures, %d rows in the table", len(files), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			_, diags := loadFixture(t, "testdata/mistakes/"+tt.fixture+".txtar")
			for _, d := range diags {
				if d.Severity != Error {
					continue
				}
				at := fmt.Sprintf("%s:%d:%d", d.File, d.Pos.Line, d.Pos.Col)
				if at != tt.at || string(d.Code) != tt.code || !strings.Contains(d.Hint, tt.fix) {
					t.Errorf("got %s [%s] hint %q\nwant %s [%s] hint with %q", at, d.Code, d.Hint, tt.at, tt.code, tt.fix)
				}
				return
			}
			t.Errorf("no error; want %s [%s]", tt.at, tt.code)
		})
	}
}
