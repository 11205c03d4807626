package content

import (
	"bytes"
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
