package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/testplan"
)

// makePortal puts copies of both examples side by side in a portal folder.
func makePortal(t *testing.T) string {
	t.Helper()
	dir := testplan.Portal(t, examples...)
	testplan.OneLanguage(t, filepath.Join(dir, "cedar-valley"))
	writeFile(t, filepath.Join(dir, "portal.toml"), "title = \"Test State Plans\"\nagency = \"Test Department of Education\"\n")
	return dir
}

func TestPortalBuild(t *testing.T) {
	dir := makePortal(t)
	if !content.IsPortal(dir) || content.IsPortal(filepath.Join(dir, "cedar-valley")) {
		t.Fatal("IsPortal is wrong")
	}
	p, diags := content.OpenPortal(dir)
	if len(diags) != 0 || len(p.Districts) != 2 || p.Settings.Title != "Test State Plans" {
		t.Fatalf("OpenPortal: %+v %v", p, diags)
	}
	out := filepath.Join(t.TempDir(), "site")
	res, diags, err := BuildPortal(p, PortalOptions{Out: out, Minify: true, Workers: 2})
	if err != nil || len(diags) != 0 {
		t.Fatal(err, diags)
	}
	if res.Districts != 2 || res.Pages != 29+25+4 {
		t.Errorf("result = %+v", res)
	}
	for _, f := range []string{"index.html", "standards/index.html", "404.html", "sitemap.xml", "robots.txt", "style.css",
		"cedar-valley/index.html", "cedar-valley/goals/early-literacy/index.html", "cedar-valley/plan.json", "cedar-valley/sitemap.xml",
		"magnolia-county/partners/brightpath-reading-software/index.html"} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(f))); err != nil {
			t.Errorf("missing %s", f)
		}
	}
	for _, f := range []string{"cedar-valley/404.html", "cedar-valley/style.css", "cedar-valley/robots.txt"} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(f))); err == nil {
			t.Errorf("%s should be shared at the portal's root", f)
		}
	}
	if n := checkLinks(t, out); n < 1000 {
		t.Errorf("only %d links checked", n)
	}
	home := text(parse(t, filepath.Join(out, "index.html")))
	for _, want := range []string{"The professional learning plans of 2 districts serving 8,795 students",
		"Cedar Valley School District", "11 of 11 (100%)", "Magnolia County School District", "7 of 7 (100%)"} {
		if !strings.Contains(home, want) {
			t.Errorf("portal home lacks %q:\n%s", want, home)
		}
	}
	stds := text(parse(t, filepath.Join(out, "standards", "index.html")))
	if !strings.Contains(stds, "Standards for Professional Learning (2011)") || !strings.Contains(stds, "1 district uses this set") {
		t.Errorf("standards across districts: %s", stds)
	}
	page := text(parse(t, filepath.Join(out, "cedar-valley", "goals", "index.html")))
	if !strings.Contains(page, "All districts") {
		t.Error("a district page has no link to the portal")
	}
}

// TestPortalBrokenDistrict: one broken district fails the build with its
// diagnostics, relative to the portal; the previous site stays.
func TestPortalBrokenDistrict(t *testing.T) {
	dir := makePortal(t)
	p, _ := content.OpenPortal(dir)
	out := filepath.Join(t.TempDir(), "site")
	if _, _, err := BuildPortal(p, PortalOptions{Out: out, Workers: 2}); err != nil {
		t.Fatal(err)
	}
	before := []byte(mustRead(t, filepath.Join(out, "index.html")))
	goal := filepath.Join(dir, "magnolia-county", "goals", "01-mathematics.md")
	data := []byte(mustRead(t, goal))
	os.WriteFile(goal, []byte(strings.Replace(string(data), "impact =", "impakt =", 1)), 0o644)
	os.WriteFile(filepath.Join(dir, "cedar-valley", "beliefs.md"), []byte("+++\nmission = \"x\"\n+++\n"), 0o644)
	p, _ = content.OpenPortal(dir)
	_, diags, err := BuildPortal(p, PortalOptions{Out: out, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := "cedar-valley/beliefs.md:1:1: error: missing required key `vision`\nmagnolia-county/goals/01-mathematics.md:9:1: error: unknown key `impakt`"
	if strings.Join(got, "\n") != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
	after := []byte(mustRead(t, filepath.Join(out, "index.html")))
	if string(before) != string(after) {
		t.Error("a failed portal build changed the site")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".site.") {
			t.Errorf("temporary folder %s left behind", e.Name())
		}
	}
}

// TestPortalIncremental edits one district of a portal and checks that
// only it is rebuilt, and that the result is what a full build gives.
func TestPortalIncremental(t *testing.T) {
	dir := makePortal(t)
	inc := NewPortalIncremental(dir, PreviewOptions{}, 2)
	up, err := inc.Update(nil)
	if err != nil || len(up.Diagnostics) > 0 || up.Rebuilt != 2 {
		t.Fatalf("first update: %+v %v", up, err)
	}
	if data, ok := inc.File("cedar-valley/goals/early-literacy/index.html"); !ok || !strings.Contains(string(data), "Every student reads") {
		t.Fatal("district page missing")
	}
	if _, ok := inc.File("index.html"); !ok {
		t.Fatal("portal home missing")
	}
	goal := filepath.Join(dir, "magnolia-county", "goals", "01-mathematics.md")
	data := []byte(mustRead(t, goal))
	os.WriteFile(goal, []byte(strings.Replace(string(data), "Raise mathematics proficiency", "Raise mathematics achievement", 1)), 0o644)
	up, err = inc.Update([]string{"magnolia-county/goals/01-mathematics.md"})
	if err != nil || up.Rebuilt != 1 || up.Rendered >= 23+3 || up.Root {
		t.Fatalf("one-file update: %+v %v", up, err) // a goal's title is not in the portal's own pages
	}
	page, _ := inc.File("magnolia-county/goals/mathematics/index.html")
	if !strings.Contains(string(page), "Raise mathematics achievement") {
		t.Error("the edit is not in the page")
	}
	// The same as a fresh full build.
	fresh := NewPortalIncremental(dir, PreviewOptions{}, 2)
	if _, err := fresh.Update(nil); err != nil {
		t.Fatal(err)
	}
	compareSites(t, "one-file update", portalFiles(inc), portalFiles(fresh))
	for _, name := range []string{"index.html", "standards/index.html", "magnolia-county/goals/index.html", "cedar-valley/index.html"} {
		a, okA := inc.File(name)
		b, okB := fresh.File(name)
		if !okA || !okB || string(a) != string(b) {
			t.Errorf("%s: File gives %d bytes (%v) after the update, %d bytes (%v) after a full build", name, len(a), okA, len(b), okB)
		}
	}
	// A change the portal's pages show renders them again.
	profile := filepath.Join(dir, "magnolia-county", "district.md")
	os.WriteFile(profile, []byte(strings.Replace(mustRead(t, profile), "enrollment = 2315", "enrollment = 2316", 1)), 0o644)
	if up, err = inc.Update([]string{"magnolia-county/district.md"}); err != nil || !up.Root {
		t.Fatalf("enrollment update: %+v %v", up, err)
	}
	fresh = NewPortalIncremental(dir, PreviewOptions{}, 2)
	if _, err := fresh.Update(nil); err != nil {
		t.Fatal(err)
	}
	compareSites(t, "enrollment update", portalFiles(inc), portalFiles(fresh))
	// A broken district keeps its pages; its errors are reported.
	os.WriteFile(goal, []byte(strings.Replace(string(data), "impact =", "impakt =", 1)), 0o644)
	up, err = inc.Update([]string{"magnolia-county/goals/01-mathematics.md"})
	if err != nil || len(up.Diagnostics) != 1 || up.Diagnostics[0].File != "magnolia-county/goals/01-mathematics.md" {
		t.Fatalf("broken district: %+v %v", up, err)
	}
	if page2, _ := inc.File("magnolia-county/goals/mathematics/index.html"); string(page2) != string(page) {
		t.Error("a broken district lost its last good page")
	}
}

func TestPortalIncrementalBrokenSettings(t *testing.T) {
	dir := makePortal(t)
	writeFile(t, filepath.Join(dir, "portal.toml"), "title = \n")
	inc := NewPortalIncremental(dir, PreviewOptions{}, 2)
	up, err := inc.Update(nil)
	if err != nil || len(up.Diagnostics) != 1 || up.Diagnostics[0].File != "portal.toml" {
		t.Fatalf("broken portal.toml on the first build: %+v %v", up, err)
	}
	writeFile(t, filepath.Join(dir, "portal.toml"), "title = \"Fixed\"\n")
	if up, err = inc.Update([]string{"portal.toml"}); err != nil || len(up.Diagnostics) != 0 {
		t.Fatalf("after the fix: %+v %v", up, err)
	}
	if home, _ := inc.File("index.html"); !strings.Contains(string(home), "Fixed") {
		t.Error("portal home not built after the fix")
	}
}

// portalFiles is every file of a portal served from memory.
func portalFiles(b *PortalIncremental) map[string][]byte {
	all := map[string][]byte{}
	for name, data := range b.root {
		all[name] = data
	}
	for _, d := range b.districts {
		for name := range d.live.files {
			all[name], _ = d.live.File(name) // inflated
		}
	}
	return all
}

// TestPortalStaticReplacesGenerated: the portal's own static robots.txt
// replaces the generated one, in a build and in serve, also after an
// edit that renders the portal's pages again.
func TestPortalStaticReplacesGenerated(t *testing.T) {
	dir := makePortal(t)
	const robots = "User-agent: *\nDisallow: /\n"
	writeFile(t, filepath.Join(dir, "static", "robots.txt"), robots)
	p, diags := content.OpenPortal(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	out := filepath.Join(t.TempDir(), "site")
	if _, diags, err := BuildPortal(p, PortalOptions{Out: out, Workers: 2}); err != nil || diags.HasErrors() {
		t.Fatal(err, diags)
	}
	if got := mustRead(t, filepath.Join(out, "robots.txt")); got != robots {
		t.Errorf("build: robots.txt = %q, want the portal's own", got)
	}
	inc := NewPortalIncremental(dir, PreviewOptions{}, 2)
	if _, err := inc.Update(nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := inc.File("robots.txt"); string(got) != robots {
		t.Errorf("serve: robots.txt = %q, want the portal's own", got)
	}
	profile := filepath.Join(dir, "magnolia-county", "district.md")
	writeFile(t, profile, strings.Replace(mustRead(t, profile), "enrollment = 2315", "enrollment = 2316", 1))
	if up, err := inc.Update([]string{"magnolia-county/district.md"}); err != nil || !up.Root {
		t.Fatalf("enrollment update: %+v %v", up, err)
	}
	if got, _ := inc.File("robots.txt"); string(got) != robots {
		t.Errorf("serve, after the portal's pages were rendered again: robots.txt = %q, want the portal's own", got)
	}
}
