// Package testplan gives tests their own copy of a bundled example plan,
// to edit without touching the repository.
package testplan

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// Dir is the path of a bundled example plan.
func Dir(name string) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "examples", name)
}

// Copy copies the example plan name into a temporary folder of the test
// (leaving out any built site in public/) and returns the copy's path.
func Copy(t testing.TB, name string) string {
	t.Helper()
	from := Dir(name)
	to := filepath.Join(t.TempDir(), name)
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			if d.Name() == "public" {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return to
}

// Portal puts copies of the named example plans side by side in a new
// portal folder and returns its path.
func Portal(t testing.TB, names ...string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "portal")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if err := os.Rename(Copy(t, name), filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Small writes the small plan of testdata/small.txtar into a temporary
// folder of the test, with the files of the txtar archive changes laid over
// it (a file whose body is exactly "DELETE\n" is removed), and returns the
// folder's path.
func Small(t testing.TB, changes string) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	base, err := txtar.ParseFile(filepath.Join(filepath.Dir(file), "testdata", "small.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "plan")
	files := append(base.Files, txtar.Parse([]byte(changes)).Files...)
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if string(f.Data) == "DELETE\n" {
			os.Remove(p)
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// OneLanguage removes the translations from a copied plan: the
// `translations` line of trellis.toml and the name.<lang>.md files, for
// tests that count the diagnostics or pages of the plan in its own
// language.
func OneLanguage(t testing.TB, dir string) string {
	t.Helper()
	settings := filepath.Join(dir, "trellis.toml")
	data, err := os.ReadFile(settings)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, line := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(line, "translations =") {
			kept = append(kept, line)
		}
	}
	if err := os.WriteFile(settings, []byte(strings.Join(kept, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && translationFile.MatchString(d.Name()) {
			return os.Remove(p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// translationFile matches the name of a translation: name.es.md, name.pt-BR.md.
var translationFile = regexp.MustCompile(`\.[a-z]{2,3}(-[A-Za-z0-9]+)*\.md$`)
