package content

import (
	"bytes"
	"encoding/json"
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
			a, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			m := basePlan(t)
			var want = map[string]string{}
			for _, f := range a.Files {
				if strings.HasPrefix(f.Name, "want.") {
					want[f.Name] = string(f.Data)
					continue
				}
				m[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
			}
			_, diags := Load(m)
			diags.Sort()
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
