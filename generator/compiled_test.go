package generator

import (
	"bytes"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/gittest"
	"github.com/trellis-pl/trellis/internal/synth"
	"github.com/trellis-pl/trellis/internal/testplan"
	"github.com/trellis-pl/trellis/themes"
)

// TestCompiledMatchesTemplates builds sites with the page kinds written in
// Go and again through the templates alone, and requires the same bytes in
// every file.
func TestCompiledMatchesTemplates(t *testing.T) {
	if len(compiledPages) == 0 {
		t.Fatal("no page kind is written in Go")
	}
	plan := func(dir string, opt BuildOptions) func(t *testing.T, out string) {
		return func(t *testing.T, out string) {
			plan, diags := content.LoadDir(dir)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			opt.Out, opt.PlanDir = out, dir
			if _, err := Build(plan, opt); err != nil {
				t.Fatal(err)
			}
		}
	}
	portal := func(dir string) func(t *testing.T, out string) {
		return func(t *testing.T, out string) {
			p, diags := content.OpenPortal(dir)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			if _, diags, err := BuildPortal(p, PortalOptions{Out: out, Workers: 2}); err != nil || diags.HasErrors() {
				t.Fatal(err, diags)
			}
		}
	}
	t.Run("cedar-valley", func(t *testing.T) {
		bothWays(t, plan(testplan.Dir("cedar-valley"), BuildOptions{BaseURL: "https://example.org/cedar/"}))
	})
	t.Run("magnolia-county", func(t *testing.T) {
		bothWays(t, plan(testplan.Dir("magnolia-county"), BuildOptions{}))
	})
	t.Run("awkward-text", func(t *testing.T) {
		bothWays(t, plan(awkwardPlan(t), BuildOptions{BaseURL: "https://example.org/a b/"}))
	})
	t.Run("small", func(t *testing.T) { // its own standards file, no contact, no costs
		bothWays(t, plan(testplan.Small(t, ""), BuildOptions{}))
	})
	t.Run("small-without-partners", func(t *testing.T) {
		bothWays(t, plan(testplan.Small(t, "-- partners/acme.md --\nDELETE\n"), BuildOptions{}))
	})
	t.Run("history", func(t *testing.T) {
		dir, _ := gittest.CedarValley(t)
		plan, diags := content.LoadDir(dir)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		log, err := OpenHistory(dir, plan, false)
		if err != nil {
			t.Fatal(err)
		}
		bothWays(t, func(t *testing.T, out string) {
			if _, err := Build(plan, BuildOptions{Out: out, PlanDir: dir, History: log, Versions: true}); err != nil {
				t.Fatal(err)
			}
		})
	})
	t.Run("pdf-links", func(t *testing.T) { bothWays(t, pdfLinks(t)) })
	t.Run("portal", func(t *testing.T) { bothWays(t, portal(makePortal(t))) })
	t.Run("synthetic", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "portal")
		if _, err := synth.Write(dir, 3, 7, false); err != nil {
			t.Fatal(err)
		}
		bothWays(t, portal(dir))
	})
}

// pdfLinks builds cedar-valley's pages as a build that writes plan.pdf
// does (the home and plan pages link to it), without the browser that
// prints it.
func pdfLinks(t *testing.T) func(t *testing.T, out string) {
	plan, diags := content.LoadDir(testplan.Dir("cedar-valley"))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return func(t *testing.T, out string) {
		th, err := loadTheme(themes.Default(), nil)
		if err != nil {
			t.Fatal(err)
		}
		sps, err := planSites(plan, variant{pdf: true}, th)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := renderEach(sps, th, &folder{root: out}, false, nil); err != nil {
			t.Fatal(err)
		}
		if page, err := os.ReadFile(filepath.Join(out, "index.html")); err != nil || !bytes.Contains(page, []byte("plan.pdf")) {
			t.Fatalf("the home page does not link to plan.pdf (%v)", err)
		}
	}
}

// bothWays runs build into two folders, with and without the compiled
// page kinds, and compares what they hold. TRELLIS_COMPILED=goal,plan
// compares those kinds alone (the others go through the templates both
// times).
func bothWays(t *testing.T, build func(t *testing.T, out string)) {
	t.Helper()
	if only := os.Getenv("TRELLIS_COMPILED"); only != "" {
		all := compiledPages
		defer func() { compiledPages = all }()
		compiledPages = map[string]compiledPage{}
		for _, kind := range strings.Split(only, ",") {
			if c, ok := all[kind]; ok {
				compiledPages[kind] = c
			}
		}
	}
	dir := t.TempDir()
	compiledOut, templateOut := filepath.Join(dir, "compiled"), filepath.Join(dir, "templates")
	build(t, compiledOut)
	templatesOnly = true
	defer func() { templatesOnly = false }()
	build(t, templateOut)
	a, b := readTree(t, compiledOut), readTree(t, templateOut)
	differ := 0
	for _, name := range sortedNames(b) {
		got, ok := a[name]
		switch {
		case !ok:
			t.Errorf("%s: only in the templates' site", name)
		case !bytes.Equal(got, b[name]):
			differ++
			if differ <= 8 {
				t.Errorf("%s differs:\n%s", name, firstDifference(got, b[name]))
			}
		}
	}
	if differ > 8 {
		t.Errorf("and %d more files differ", differ-8)
	}
	if len(a) != len(b) {
		t.Errorf("%d files written in Go, %d through the templates", len(a), len(b))
	}
}

// firstDifference shows where two outputs part, with some context.
func firstDifference(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	clip := func(b []byte) string {
		from, to := max(0, i-120), min(len(b), i+120)
		return string(b[from:i]) + "⟦HERE⟧" + string(b[i:to])
	}
	return "  in Go:        " + clip(got) + "\n  in templates: " + clip(want)
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func sortedNames(m map[string][]byte) []string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// awkwardPlan is a copy of the Cedar Valley example whose names and texts
// hold every character that HTML, URLs and CSS escape.
func awkwardPlan(t *testing.T) string {
	t.Helper()
	dir := testplan.Copy(t, "cedar-valley")
	swaps := []struct{ old, new string }{
		{"Cedar Valley", `Cedar & Valley's <Schools> + "Co" ~ 100%`},
		{"Northstar", `North'star & <Co>`},
		{"students", `stu+dents & "kids"`},
		{"@", "+pl@"},
	}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".toml")) {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		s := string(b)
		for _, sw := range swaps {
			repl := sw.new
			if strings.HasSuffix(p, ".toml") || strings.Contains(sw.new, `"`) {
				repl = strings.ReplaceAll(repl, `"`, `\"`)
			}
			s = replaceOutsideIDs(s, sw.old, repl)
		}
		return os.WriteFile(p, []byte(s), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, diags := content.LoadDir(dir); diags.HasErrors() {
		t.Fatal(diags)
	}
	return dir
}

// replaceOutsideIDs replaces old by new on lines that are not ids or
// references, which must stay names.
func replaceOutsideIDs(s, old, new string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		key := strings.TrimSpace(strings.SplitN(l, "=", 2)[0])
		switch key {
		case "id", "goals", "goal", "partner", "partners", "item", "standards", "slug", "file", "funding_sources", "funding":
			continue
		}
		lines[i] = strings.ReplaceAll(l, old, new)
	}
	return strings.Join(lines, "\n")
}

// FuzzEscapers compares hw's escaping with html/template's in each
// context it stands for.
func FuzzEscapers(f *testing.F) {
	for _, s := range []string{"", "plain", `a&b<c>"d"'e'+f`, "\x00", "goals/a b/", "https://x.example/a?b=c&d", "javascript:alert(1)",
		"mailto:a+b@c", "../../x%20y", "<b>bold</b> &amp; more", "\xff\xfe", "日本語"} {
		f.Add(s)
	}
	contexts := []struct {
		name, src string
		write     func(w *hw, s string)
	}{
		{"text", `<p>{{.}}</p>`, func(w *hw, s string) { w.text(s) }},
		{"title", `<title>{{.}}</title>`, func(w *hw, s string) { w.text(s) }},
		{"attr", `<p title="{{.}}"></p>`, func(w *hw, s string) { w.text(s) }},
		{"html", `<p>{{.}}</p>`, func(w *hw, s string) { w.html(template.HTML(s)) }},
		{"attr-html", `<p title="{{.}}"></p>`, func(w *hw, s string) { w.attrHTML(template.HTML(s)) }},
		{"url", `<a href="{{.}}"></a>`, func(w *hw, s string) { w.url(s) }},
		{"url-tail", `<a href="mailto:{{.}}"></a>`, func(w *hw, s string) { w.urlTail(s) }},
		{"url-fragment", `<a href="#{{.}}"></a>`, func(w *hw, s string) { w.urlFragment(s) }},
		{"css-string", `<style>p{content:"{{.}}"}</style>`, func(w *hw, s string) { w.cssString(s) }},
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range contexts {
			tpl := template.Must(template.New(c.name).Parse(c.src))
			var want bytes.Buffer
			var v any = s
			if strings.HasPrefix(c.name, "html") || strings.HasPrefix(c.name, "attr-html") {
				v = template.HTML(s)
			}
			if err := tpl.Execute(&want, v); err != nil {
				t.Fatal(err)
			}
			open, closing, _ := strings.Cut(c.src, "{{.}}")
			var got bytes.Buffer
			c.write(&hw{b: &got}, s)
			if g := open + got.String() + closing; g != want.String() {
				t.Errorf("%s of %q:\n got  %q\n want %q", c.name, s, g, want.String())
			}
		}
	})
}

// TestCompiledKindsFollowOverrides: a page kind is rendered in Go only
// while the plan overrides none of its templates.
func TestCompiledKindsFollowOverrides(t *testing.T) {
	file := &fstest.MapFile{Data: []byte("x")}
	for _, c := range []struct {
		name      string
		overrides fs.FS
		goal, all bool // goal compiled; every other kind compiled
	}{
		{"none", nil, true, true},
		{"static only", fstest.MapFS{"static/style.css": file}, true, true},
		{"goal page", fstest.MapFS{"layouts/goal.html": file}, false, true},
		{"frame", fstest.MapFS{"layouts/baseof.html": file}, false, false},
		{"a partial", fstest.MapFS{"layouts/partials/common.html": file}, false, false},
	} {
		m := compiledKinds(c.overrides)
		_, goal := m["goal"]
		if goal != c.goal || (len(m) == len(compiledPages)-1 || len(m) == len(compiledPages)) != c.all {
			t.Errorf("%s: goal compiled %v, %d of %d kinds compiled", c.name, goal, len(m), len(compiledPages))
		}
	}
	if len(compiledPages) != len(pageKinds) {
		t.Errorf("%d of the %d page kinds are written in Go", len(compiledPages), len(pageKinds))
	}
}
