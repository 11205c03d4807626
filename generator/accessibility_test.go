package generator

import (
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/testplan"
)

// editPlan copies an example and replaces old with new in one of its files.
func editPlan(t *testing.T, example, file, old, new string) string {
	t.Helper()
	dir := testplan.Copy(t, example)
	p := filepath.Join(dir, filepath.FromSlash(file))
	b, err := os.ReadFile(p)
	if err != nil || !strings.Contains(string(b), old) {
		t.Fatalf("%s has no %q (%v)", file, old, err)
	}
	writeFile(t, p, strings.Replace(string(b), old, new, 1))
	return dir
}

func buildDir(t *testing.T, dir string, opt BuildOptions) (string, Result) {
	t.Helper()
	plan, diags := content.LoadDir(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	opt.Out, opt.PlanDir = filepath.Join(t.TempDir(), "site"), dir
	res, err := Build(plan, opt)
	if err != nil {
		t.Fatal(err)
	}
	return opt.Out, res
}

func TestAccessibilityStatement(t *testing.T) {
	at(t, "2026-12-02")
	reviewed := editPlan(t, "cedar-valley", "trellis.toml", "\ntitle = ", "\naccessibility_reviewed = 2026-09-01\ntitle = ")
	override := editPlan(t, "magnolia-county", "trellis.toml", "\n[contact]", "\n[contact]")
	writeFile(t, filepath.Join(override, "layouts", "accessibility.html"), `{{define "main"}}<h1>Our own statement</h1>{{end}}`)
	tests := []struct {
		name, dir string
		want      []string
	}{
		{"dated by the setting", reviewed, []string{
			"Web Content Accessibility Guidelines (WCAG) 2.1 at level AA",
			"How the site was tested", "at phone widths of 320 and 390 pixels", "Known limitations",
			"Report a problem or ask for another format",
			"<dt>Contact</dt><dd>Dr. Renée Okafor, Director of Professional Learning</dd>",
			`<dt>Email</dt><dd><a href="mailto:pl@cedarvalley.example">pl@cedarvalley.example</a></dd>`,
			"<dt>Telephone</dt><dd>(555) 014-2290</dd>",
			"This statement was last reviewed on September 1, 2026.",
		}},
		{"dated by the build", testplan.Copy(t, "cedar-valley"), []string{"This statement was last reviewed on December 2, 2026."}},
		{"overridden", override, []string{"Our own statement"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site, _ := buildDir(t, tt.dir, BuildOptions{})
			file := filepath.Join(site, "accessibility", "index.html")
			raw, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			got := text(parse(t, file))
			for _, w := range tt.want {
				if strings.HasPrefix(w, "<") && !strings.Contains(string(raw), w) || !strings.HasPrefix(w, "<") && !strings.Contains(got, w) {
					t.Errorf("accessibility page lacks %q:\n%s", w, got)
				}
			}
		})
	}
}

// footerLink returns where the footer's Accessibility link of a page
// leads, relative to the site's root.
func footerLink(t *testing.T, site, page string) string {
	t.Helper()
	for _, f := range find(parse(t, filepath.Join(site, page)), tag("footer")) {
		for _, a := range find(f, tag("a")) {
			if text(a) == "Accessibility" || text(a) == "Accesibilidad" {
				href, _ := attr(a, "href")
				if strings.HasPrefix(href, "/") {
					return strings.TrimPrefix(href, "/")
				}
				return path.Join(path.Dir(page), href) + "/"
			}
		}
	}
	return ""
}

// TestAccessibilityLinked checks that every page of a plan and of a portal
// links to its accessibility page from its footer.
func TestAccessibilityLinked(t *testing.T) {
	site := buildExample(t, "cedar-valley", BuildOptions{Minify: true})
	for _, page := range htmlFiles(t, site) {
		want := "accessibility/"
		if strings.HasPrefix(page, "es/") {
			want = "es/accessibility/"
		}
		if page == "404.html" {
			want = "pl-plan/accessibility/" // from base_url's path: served at any address
		}
		if got := footerLink(t, site, page); got != want {
			t.Errorf("%s: footer links to %q, want %q", page, got, want)
		}
	}
	p, _ := content.OpenPortal(makePortal(t))
	out := filepath.Join(t.TempDir(), "portal")
	if _, _, err := BuildPortal(p, PortalOptions{Out: out, Workers: 2}); err != nil {
		t.Fatal(err)
	}
	for page, want := range map[string]string{"index.html": "accessibility/", "standards/index.html": "accessibility/",
		"accessibility/index.html": "accessibility/", "404.html": "accessibility/",
		"cedar-valley/index.html": "cedar-valley/accessibility/", "magnolia-county/goals/mathematics/index.html": "magnolia-county/accessibility/"} {
		if got := footerLink(t, out, page); got != want {
			t.Errorf("portal %s: footer links to %q, want %q", page, got, want)
		}
	}
	if got := text(parse(t, filepath.Join(out, "accessibility", "index.html"))); !strings.Contains(got, "For a problem with these portal pages, contact Test Department of Education.") {
		t.Errorf("portal accessibility page: %s", got)
	}
}

func TestNoBaseURLWarning(t *testing.T) {
	without := editPlan(t, "magnolia-county", "trellis.toml", `base_url = "https://magnolia.example/professional-learning/"`, "")
	const msg = "trellis.toml: warning: base_url is not set: sitemap.xml needs it for full addresses, and pages need it for canonical links"
	tests := []struct {
		name, dir, flag string
		want            []string
	}{
		{"set in trellis.toml", testplan.Copy(t, "magnolia-county"), "", nil},
		{"missing", without, "", []string{msg}},
		{"given with --base-url", without, "https://magnolia.example/pl/", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, res := buildDir(t, tt.dir, BuildOptions{BaseURL: tt.flag})
			var got []string
			for _, d := range res.Warnings {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("warnings = %q, want %q", got, tt.want)
			}
		})
	}
}

// Test404Styled checks that 404 pages carry their styles, since they are
// served at any address.
func Test404Styled(t *testing.T) {
	site := buildExample(t, "cedar-valley", BuildOptions{})
	p, _ := content.OpenPortal(makePortal(t))
	portal := filepath.Join(t.TempDir(), "portal")
	if _, _, err := BuildPortal(p, PortalOptions{Out: portal, Workers: 2}); err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{filepath.Join(site, "404.html"), filepath.Join(portal, "404.html")} {
		doc := parse(t, file)
		styles := find(doc, tag("style"))
		links := find(doc, func(n *html.Node) bool { r, _ := attr(n, "rel"); return n.Data == "link" && r == "stylesheet" })
		if len(styles) != 1 || !strings.Contains(styles[0].FirstChild.Data, ".site-header {") || len(links) != 0 {
			t.Errorf("%s: %d style elements, %d stylesheet links", file, len(styles), len(links))
		}
	}
}
