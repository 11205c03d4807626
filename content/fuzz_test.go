package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

func FuzzSplitFrontMatter(f *testing.F) {
	for _, s := range []string{
		"+++\na = 1\n+++\nbody", "\uFEFF+++\r\nx = 2\r\n+++\r\n", "---\na: 1\n---", "", "\n\n+++\n", "+++ \n+++ ", "text\n+++\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var diags Diagnostics
		src := newSource("f.md", text, &diags)
		fm, ok := splitFrontMatter(src)
		if ok != (len(diags) == 0) {
			t.Fatalf("ok = %v with %d diagnostics", ok, len(diags))
		}
		if !ok {
			return
		}
		if fm.TOMLOffset < 0 || fm.TOMLOffset+len(fm.TOML) > len(text) || text[fm.TOMLOffset:fm.TOMLOffset+len(fm.TOML)] != fm.TOML {
			t.Fatalf("TOML %q is not at offset %d", fm.TOML, fm.TOMLOffset)
		}
		if !strings.HasSuffix(text, fm.Body) {
			t.Fatalf("body %q is not the end of the file", fm.Body)
		}
	})
}

// FuzzLoad loads the base plan with one goal file replaced by the fuzzer's
// bytes. No input may panic, and every diagnostic must point into its file.
func FuzzLoad(f *testing.F) {
	base := basePlan(f)
	f.Add(string(base["goals/reading.md"].Data))
	f.Add("+++\ntitle = 1\n[[years]]\nyear = 'x'\n+++\n")
	f.Add("+++\nyears = [{year = 99}]\nmeasures = {}\n+++")
	f.Add("+++\n\"ti\\u0074le\" = \"x\"\n[a.b]\nc = [[1], {d = 2}]\n+++")
	f.Add("+++\nid = \"BAD ID\"\nevidence = [1979-05-27]\n+++\n")
	f.Add("\xff\xfe+++")
	f.Fuzz(func(t *testing.T, goal string) {
		m := fstest.MapFS{}
		for k, v := range base {
			m[k] = v
		}
		m["goals/reading.md"] = &fstest.MapFile{Data: []byte(goal)}
		_, diags := Load(m)
		for _, d := range diags {
			if d.File == "" || d.Message == "" || d.Code == "" {
				t.Fatalf("incomplete diagnostic: %+v", d)
			}
			if d.File == "goals/reading.md" && d.Pos.IsValid() {
				if d.Pos.Line > strings.Count(goal, "\n")+1 || d.Pos.Col < 1 {
					t.Fatalf("%s points outside the file", d.String())
				}
			}
		}
	})
}
