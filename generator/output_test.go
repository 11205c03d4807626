package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/testplan"
)

func copyPlan(t *testing.T, name string) string { return testplan.Copy(t, name) }

func load(t *testing.T, dir string) *content.Plan {
	t.Helper()
	plan, diags := content.LoadDir(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return plan
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestAtomicOutput(t *testing.T) {
	dir := copyPlan(t, "cedar-valley")
	out := filepath.Join(dir, "public")
	if _, err := Build(load(t, dir), BuildOptions{Out: out, PlanDir: dir}); err != nil {
		t.Fatal(err)
	}
	// A page of an earlier build that this build does not write is gone.
	writeFile(t, filepath.Join(out, "goals", "old-goal", "index.html"), "old")
	m, err := os.OpenFile(filepath.Join(out, marker), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	m.WriteString("goals/old-goal/index.html\n")
	m.Close()
	if _, err := Build(load(t, dir), BuildOptions{Out: out, PlanDir: dir}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "goals", "old-goal")); err == nil {
		t.Error("a page from an earlier build is still there")
	}
	before := []byte(mustRead(t, filepath.Join(out, "index.html")))

	// A build that fails half way (a template that breaks on the goal
	// pages, after the home page is written) leaves the site as it was,
	// and no temporary folder behind.
	writeFile(t, filepath.Join(dir, "layouts", "goal.html"), `{{define "main"}}{{.Data.NoSuchField}}{{end}}`)
	writeFile(t, filepath.Join(dir, "beliefs.md"), "+++\nmission = \"Changed.\"\nvision = \"Changed.\"\n+++\n")
	_, err = Build(load(t, dir), BuildOptions{Out: out, PlanDir: dir})
	if err == nil || !strings.Contains(err.Error(), "goals/early-literacy/index.html") || !strings.Contains(err.Error(), "NoSuchField") {
		t.Fatalf("error = %v", err)
	}
	after := []byte(mustRead(t, filepath.Join(out, "index.html")))
	if string(before) != string(after) {
		t.Error("a failed build changed the site")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public.") {
			t.Errorf("temporary folder %s left behind", e.Name())
		}
	}
}

func TestThemeOverrides(t *testing.T) {
	dir := copyPlan(t, "magnolia-county")
	writeFile(t, filepath.Join(dir, "static", "style.css"), "body { color: black }")
	writeFile(t, filepath.Join(dir, "static", "img", "logo.svg"), `<svg xmlns="http://www.w3.org/2000/svg"></svg>`)
	writeFile(t, filepath.Join(dir, "layouts", "partials", "extra.html"), `{{define "extra"}}<p id="extra">Board approved {{.}}</p>{{end}}`)
	writeFile(t, filepath.Join(dir, "layouts", "home.html"), `{{define "main"}}<h1>{{.Site.District}}</h1>{{template "extra" "2026-06-01"}}{{end}}`)
	out := filepath.Join(t.TempDir(), "site")
	if _, err := Build(load(t, dir), BuildOptions{Out: out, PlanDir: dir}); err != nil {
		t.Fatal(err)
	}
	css := []byte(mustRead(t, filepath.Join(out, "style.css")))
	if string(css) != "body { color: black }" {
		t.Errorf("style.css = %q", css)
	}
	if _, err := os.Stat(filepath.Join(out, "img", "logo.svg")); err != nil {
		t.Error("a plan's own static file was not copied")
	}
	home := []byte(mustRead(t, filepath.Join(out, "index.html")))
	if !strings.Contains(string(home), `<p id="extra">Board approved 2026-06-01</p>`) {
		t.Errorf("home page override not used:\n%s", home)
	}
	goal := []byte(mustRead(t, filepath.Join(out, "goals", "mathematics", "index.html")))
	if !strings.Contains(string(goal), "Mathematics content academy") {
		t.Error("theme goal page not used where the plan has no override")
	}

	writeFile(t, filepath.Join(dir, "layouts", "home.html"), `{{define "main"}}{{if}}{{end}}`)
	_, err := Build(load(t, dir), BuildOptions{Out: out, PlanDir: dir})
	if err == nil || !strings.HasPrefix(err.Error(), "layouts/home.html: ") {
		t.Errorf("broken override: error = %v", err)
	}
}

func TestMarkdownSafety(t *testing.T) {
	src := "# Heading\n\nText with <b>bold</b> and <script>alert(1)</script>.\n\n" +
		"<div onclick=\"x()\">block</div>\n\n" +
		"[click](javascript:alert(1)) [ok](https://example.org) [spaced]( JaVaScRiPt:alert(1)) ![img](data:text/html;base64,xx) ![png](data:image/png;base64,xx)\n\n" +
		"| a | b |\n|---|---|\n| 1 | 2 |\n"
	safe := string(newMarkdown(false).block(src, 3))
	for _, want := range []string{"<h3", "&lt;b&gt;bold&lt;/b&gt;", "&lt;script&gt;", "&lt;div onclick=", `href="#"`, `href="https://example.org"`, `src="data:image/png;base64,xx"`, "<th>a</th>"} {
		if !strings.Contains(safe, want) {
			t.Errorf("safe output lacks %q:\n%s", want, safe)
		}
	}
	for _, bad := range []string{"<script", "javascript:", "JaVaScRiPt", "<h1", "data:text/html", "<div onclick"} {
		if strings.Contains(safe, bad) {
			t.Errorf("safe output has %q:\n%s", bad, safe)
		}
	}
	unsafe := string(newMarkdown(true).block(src+"\n<a href=\"javascript:evil()\">raw link</a> <a href=\"/ok\">fine</a>\n", 2))
	if !strings.Contains(unsafe, "<b>bold</b>") || !strings.Contains(unsafe, `href="/ok"`) {
		t.Errorf("unsafe_html did not let HTML through:\n%s", unsafe)
	}
	if strings.Contains(strings.ToLower(unsafe), "javascript:") {
		t.Errorf("unsafe output has a script URL:\n%s", unsafe)
	}
}

func TestIsScriptURL(t *testing.T) {
	for u, want := range map[string]bool{
		"javascript:alert(1)": true, " javascript:x": true, "java\tscript:x": true, "VBScript:x": true,
		"file:///etc/passwd": true, "data:text/html,x": true, "data:image/png;base64,x": false,
		"https://x.org": false, "mailto:a@b.c": false, "goals/": false, "#top": false, "javascript": false,
	} {
		if got := isScriptURL(u); got != want {
			t.Errorf("isScriptURL(%q) = %v, want %v", u, got, want)
		}
	}
}

func TestCoverageGaps(t *testing.T) {
	dir := copyPlan(t, "magnolia-county")
	// Without this activity no activity addresses Resources.
	if err := os.Remove(filepath.Join(dir, "activities", "consolidated-pl-budget.md")); err != nil {
		t.Fatal(err)
	}
	plan, diags := content.LoadDir(dir)
	if diags.HasErrors() || len(diags) != 1 || diags[0].Code != content.CodeNotAddressed {
		t.Fatalf("diagnostics: %v", diags)
	}
	out := filepath.Join(t.TempDir(), "site")
	if _, err := Build(plan, BuildOptions{Out: out}); err != nil {
		t.Fatal(err)
	}
	cov := text(parse(t, filepath.Join(out, "coverage", "index.html")))
	if !strings.Contains(cov, "Gaps: no activity addresses Resources.") || !strings.Contains(cov, "Resources none–none–none– Gap") {
		t.Errorf("coverage page: %s", cov)
	}
	std := text(parse(t, filepath.Join(out, "standards", "resources", "index.html")))
	if !strings.Contains(std, "No activity in this plan addresses this standard yet.") {
		t.Errorf("standard page: %s", std)
	}
}

// TestStaticReplacesGenerated: a plan's own static file whose name a
// generated file also has (a district's robots.txt) replaces it, in every
// build (the static files are minified beside the pages, and written
// after them) and in serve's site.
func TestStaticReplacesGenerated(t *testing.T) {
	dir := copyPlan(t, "magnolia-county")
	const robots = "User-agent: *\nDisallow: /drafts/\n"
	writeFile(t, filepath.Join(dir, "static", "robots.txt"), robots)
	out := filepath.Join(t.TempDir(), "site")
	for i := range 5 {
		if _, err := Build(load(t, dir), BuildOptions{Out: out, PlanDir: dir, Minify: true}); err != nil {
			t.Fatal(err)
		}
		if got := mustRead(t, filepath.Join(out, "robots.txt")); got != robots {
			t.Fatalf("build %d: robots.txt = %q, want the plan's own", i+1, got)
		}
	}
	inc := NewIncremental(dir, PreviewOptions{})
	up, err := inc.Update(load(t, dir), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(up.Files["robots.txt"]); got != robots {
		t.Errorf("serve: robots.txt = %q, want the plan's own", got)
	}
	const goal = "goals/01-mathematics.md"
	up, err = inc.Update(load(t, dir), []string{goal})
	if err != nil {
		t.Fatal(err)
	}
	if up.Full {
		t.Fatalf("an edit of %s rebuilt the whole site", goal)
	}
	if got := string(up.Files["robots.txt"]); got != robots {
		t.Errorf("serve, after an edit of %s: robots.txt = %q, want the plan's own", goal, got)
	}
}

// TestStaticFileOverFolder: a static file named like a folder of the
// site's pages stops the build with its name, and the site stays.
func TestStaticFileOverFolder(t *testing.T) {
	dir := copyPlan(t, "magnolia-county")
	out := filepath.Join(t.TempDir(), "site")
	if _, err := Build(load(t, dir), BuildOptions{Out: out, PlanDir: dir}); err != nil {
		t.Fatal(err)
	}
	home := mustRead(t, filepath.Join(out, "index.html"))
	writeFile(t, filepath.Join(dir, "static", "goals"), "x")
	_, err := Build(load(t, dir), BuildOptions{Out: out, PlanDir: dir})
	if want := "static/goals: the site has a folder of that name, for its own pages; rename the file"; err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
	if mustRead(t, filepath.Join(out, "index.html")) != home {
		t.Error("the refused build changed the site")
	}
}

// TestRunawayLayout: a layout whose {{range}} runs away stops at a page
// of 64 MB with a message, instead of writing until memory runs out.
func TestRunawayLayout(t *testing.T) {
	dir := copyPlan(t, "magnolia-county")
	writeFile(t, filepath.Join(dir, "layouts", "goal.html"), `{{define "main"}}{{range 1000000000}}`+strings.Repeat("<p>again</p>", 100)+`{{end}}{{end}}`)
	_, err := Build(load(t, dir), BuildOptions{Out: filepath.Join(t.TempDir(), "site"), PlanDir: dir})
	if err == nil || !strings.Contains(err.Error(), "the page grew past 64 MB, far beyond any plan's; does a {{range}} in the layout run away?") {
		t.Errorf("error %v", err)
	}
}
