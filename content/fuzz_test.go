package content

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/BurntSushi/toml"
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
	// The mistakes of testdata/mistakes, as the explanations read them.
	f.Add("+++\ntitle = \u201cRead\u201d\nevidence = [\u2018a\u2019]\n+++")
	f.Add("+++\nreviewed = 08/01/2026\nstart = 2026-8-1\nend = June 12, 2026\n+++")
	f.Add("+++\nenrollment = $1,200\npercent = 38.4%\ncost = 12k\nunsafe_html = True\nrating = Emerging\n+++")
	f.Add("+++\ntitle = \"The \"Reading Lab\" model\"\nrationale = \"a\n\nb\"\nimpact = \"c\n+++")
	f.Add("+++\n[ratings]\nitem = 1\n[ratings]\n[[ratings]]\ntitle = 1\ntitle = 2\n+++")
	f.Add("---\ntitle: Read well\nevidence:\n  - a\n  - b\ntags: [x, 'y']\n---\n")
	f.Add("+++\rtitle = \"x\x1b[2J\"\r+++\rbody\x00\r")
	f.Add("+++\ntitle = \"caf\xe9\"\n+++")
	// Measures with numbers and dated updates.
	f.Add("+++\n[[measures]]\nunit = \"%\"\nbaseline = 38\ntarget = [50, 160, 70]\nactual = [53, 1e9, -1]\n[[years]]\nyear = 1\n[[years.updates]]\ndate = 2031-01-01\nstatus = \"met\"\n+++")
	f.Fuzz(func(t *testing.T, goal string) {
		m := fstest.MapFS{}
		for k, v := range base {
			m[k] = v
		}
		m["goals/reading.md"] = &fstest.MapFile{Data: []byte(goal)}
		_, diags := Load(m)
		var out strings.Builder
		diags.Print(&out, PrintOptions{})
		if i := strings.IndexFunc(out.String(), func(r rune) bool { return r != '\n' && isControl(r) }); i >= 0 {
			t.Fatalf("printed diagnostics hold a control character at %d: %q", i, out.String())
		}
		lines := strings.Count(strings.ReplaceAll(goal, "\r\n", "\n"), "\n") + strings.Count(strings.ReplaceAll(goal, "\r\n", "\n"), "\r") + 1
		for _, d := range diags {
			if d.File == "" || d.Message == "" || d.Code == "" {
				t.Fatalf("incomplete diagnostic: %+v", d)
			}
			if d.File == "goals/reading.md" && d.Pos.IsValid() {
				if d.Pos.Line > lines || d.Pos.Col < 1 {
					t.Fatalf("%s points outside the file", d.String())
				}
			}
		}
	})
}

// FuzzExplainSyntax gives the explanations of syntax errors every TOML
// text the parser refuses. None may panic, and an explanation must point
// into the text, with a message and a hint.
func FuzzExplainSyntax(f *testing.F) {
	for _, s := range []string{
		"reviewed = 08/01/2026", "a = 1,200\n", "t = \u201cx\u201d", "t = \"a \"b\" c\"", "r = \"a\n\nb\"\n", "t = 'it's'",
		"r = \"\"\"\nx\n", "e = [\"a\",\n\"b\"\nx = 1", "[r]\n[r]\n", "[r]\n[[r]]\n", "a = 1\na = 2\n", "title: x\n", "b = yes", "x = \r\n\"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var m map[string]any
		_, err := toml.Decode(text, &m)
		var pe toml.ParseError
		if !errors.As(err, &pe) {
			return
		}
		cx := syntaxContext{text: text, root: rootOf("goals/x.md"), lineOf: func(off int) int { return strings.Count(text[:off], "\n") + 1 }}
		mk, ok := explainSyntax(cx, pe)
		if !ok {
			return
		}
		if mk.off < 0 || mk.off > len(text) || mk.n < 0 || mk.message == "" || mk.hint == "" || mk.code == "" {
			t.Fatalf("explanation %+v of %q", mk, text)
		}
	})
}
