package quicktoml

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// examples are the TOML of the bundled example plans (their .toml files
// and the front matter of their Markdown files) and the default theme's
// message catalogues.
func examples(t testing.TB) map[string]string {
	out := map[string]string{}
	for _, dir := range []string{"../../examples", "../../themes/default/i18n"} {
		if err := readExamples(dir, out); err != nil {
			t.Fatal(err)
		}
	}
	if len(out) < 20 {
		t.Fatalf("found only %d example files", len(out))
	}
	return out
}

// readExamples adds the TOML of the files under dir to out.
func readExamples(dir string, out map[string]string) error {
	return filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text := string(data)
		switch {
		case strings.HasSuffix(path, ".toml"):
			out[path] = text
		case strings.HasSuffix(path, ".md") && strings.HasPrefix(text, "+++\n"):
			if end := strings.Index(text[4:], "\n+++"); end >= 0 {
				out[path] = text[4 : 4+end+1]
			}
		}
		return nil
	})
}

// sameAsBurntSushi fails the test unless BurntSushi/toml reads src, named
// name, to the values got.
func sameAsBurntSushi(t *testing.T, name, src string, got map[string]any) {
	t.Helper()
	var want map[string]any
	if _, err := toml.Decode(src, &want); err != nil {
		t.Fatalf("%s: read by the fast path, refused by BurntSushi/toml: %v", name, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s:\ngot  %#v\nwant %#v", name, got, want)
	}
}

// The fast path reads every file of the examples (else it would be no
// faster), to the values BurntSushi/toml gives.
func TestExamples(t *testing.T) {
	for path, text := range examples(t) {
		got, ok := Decode(text)
		if !ok {
			t.Errorf("%s: left to BurntSushi/toml", path)
			continue
		}
		sameAsBurntSushi(t, path, text, got)
	}
}

// tricky are documents at the edges of what the fast path reads: some it
// reads, some it must leave to BurntSushi/toml because they are wrong or
// beyond it.
var tricky = []string{
	"", "\n\n# only a comment\n", "a = 1", "a = -0\nb = +7\nc = 0.5\nd = -1e-3\ne = 6.02E23",
	"a = 01", "a = 1_000", "a = 0x1F", "a = inf", "a = nan", "a = 1.", "a = .5", "a = 9223372036854775808",
	`a = "x\ty\u00e9\U0001F600\"\\"`, `a = "\e"`, `a = "\x41"`, `a = "\ud800"`, "a = \"line\nbreak\"",
	"a = \"\"\"\nfirst\n  second\\\n   third\"\"\"", "a = \"\"\"x\"\"\"\"", "a = '''\nraw\\n'''", "a = 'it''s'",
	"a = [1, 2,]\nb = [\n  'x', # note\n  \"y\",\n]\nc = [[1], {x = 2}]", "a = [,]",
	"t = {x = 1, y = 'z'}", "t = {x = 1,}", "t = {\nx = 1}", "t = {a.b = 1}", "t = {x = 1, x = 2}",
	"d = 2026-08-01\ne = 2026-02-30", "d = 2026-08-01", "d = 2026-08-01T10:00:00", "d = 2026-08-01 10:00:00", "t = 10:30:00",
	"[a]\nx = 1\n[a]\ny = 2", "[a.b]\nx = 1\n[a]\ny = 2", "[a]\nb.c = 1\n[a.b]", "a.b = 1\n[a]", "a.b = 1\na.c = 2",
	"[[y]]\nn = 1\n[[y]]\nn = 2\n[y.sub]\nz = 3", "y = [1]\n[[y]]", "[[y]]\n[y]", "t = {x = 1}\n[t.u]",
	"a = 1\na = 2", "\"\" = 1", "'k' = 2\n\"q.r\" = 3", "a = true\nb = false\nc = truex", "a = 1 b = 2",
	"[ a . b ]\nc = 1", "[[a] ]", "a = \"\x01\"", "# \x01\n", "a = \"\xff\"", "key with space = 1",
	"approved_on = 2026-06-15\n[[ratings]]\nitem = \"Fit\"\nscore = 4\n[initial]\nwho = \"Teachers\"",
}

// FuzzDecode: whatever the fast path reads, BurntSushi/toml reads too, to
// the same values.
func FuzzDecode(f *testing.F) {
	for _, s := range tricky {
		f.Add(s)
	}
	for _, s := range examples(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		got, ok := Decode(src)
		if !ok {
			return
		}
		sameAsBurntSushi(t, fmt.Sprintf("%q", src), src, got)
	})
}

// Some documents must be read by the fast path, and some left.
func TestTricky(t *testing.T) {
	read := []string{"", "a = 1", "a = -0\nb = +7\nc = 0.5\nd = -1e-3\ne = 6.02E23", "d = 2026-08-01",
		"[[y]]\nn = 1\n[[y]]\nn = 2\n[y.sub]\nz = 3", "a.b = 1\na.c = 2", "[a.b]\nx = 1\n[a]\ny = 2"}
	left := []string{"a = 01", "a = 1_000", `a = "\e"`, "t = {x = 1,}", "[a]\nx = 1\n[a]\ny = 2",
		"a.b = 1\n[a]", "d = 2026-08-01 10:00:00", "a = 1\na = 2", "y = [1]\n[[y]]"}
	for _, s := range read {
		if _, ok := Decode(s); !ok {
			t.Errorf("%q was left to BurntSushi/toml", s)
		}
	}
	for _, s := range left {
		if _, ok := Decode(s); ok {
			t.Errorf("%q was read by the fast path", s)
		}
	}
}

// BenchmarkDecode reads the examples' TOML with the fast path and with
// BurntSushi/toml.
func BenchmarkDecode(b *testing.B) {
	files := examples(b)
	b.Run("quicktoml", func(b *testing.B) {
		for b.Loop() {
			for _, text := range files {
				if _, ok := Decode(text); !ok {
					b.Fatal("left to BurntSushi/toml")
				}
			}
		}
	})
	b.Run("BurntSushi", func(b *testing.B) {
		for b.Loop() {
			for _, text := range files {
				var m map[string]any
				if _, err := toml.Decode(text, &m); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
