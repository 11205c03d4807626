package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/testplan"
)

// smallPortal makes a portal of two copies of the small plan, "adams" and
// "baker", with portal.toml and the changes given (txtar, as for
// testplan.Small) in adams.
func smallPortal(t *testing.T, portalTOML, adamsChanges string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "portal")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, changes := range map[string]string{"adams": adamsChanges, "baker": ""} {
		if err := os.Rename(testplan.Small(t, changes), filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, filepath.Join(dir, content.PortalFile), portalTOML)
	return dir
}

// addRawHTML turns raw HTML on in a plan and puts some in a goal's body.
func addRawHTML(t *testing.T, dir string) {
	t.Helper()
	settings := mustRead(t, filepath.Join(dir, content.SettingsFile))
	writeFile(t, filepath.Join(dir, content.SettingsFile), settings+"unsafe_html = true\n")
	goal := mustRead(t, filepath.Join(dir, "goals", "reading.md"))
	writeFile(t, filepath.Join(dir, "goals", "reading.md"), goal+"\nSee the <abbr title=\"Professional learning\">PL</abbr> calendar.\n")
}

// portal.toml's unsafe_html = false shows every district's raw HTML as
// text, in build and serve, and says so once for each district that
// allowed it.
func TestPortalForbidsRawHTML(t *testing.T) {
	for _, tt := range []struct {
		portalTOML, want, warning string
	}{
		{"title = \"State\"\nunsafe_html = false\n", "&lt;abbr title=", "adams/trellis.toml: warning: unsafe_html = true is overridden by the portal's unsafe_html = false: raw HTML is shown as text"},
		{"title = \"State\"\n", `<abbr title="Professional learning">PL</abbr>`, ""},
		{"title = \"State\"\nunsafe_html = true\n", `<abbr title="Professional learning">PL</abbr>`, ""},
	} {
		dir := smallPortal(t, tt.portalTOML, "")
		addRawHTML(t, filepath.Join(dir, "adams"))
		p, diags := content.OpenPortal(dir)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		out := filepath.Join(t.TempDir(), "site")
		_, diags, err := BuildPortal(p, PortalOptions{Out: out})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range diags {
			if d.Code == content.CodeRawHTMLOverridden {
				got = append(got, d.String())
			}
		}
		if strings.Join(got, "\n") != tt.warning {
			t.Errorf("%q: warnings %q, want %q", tt.portalTOML, got, tt.warning)
		}
		if page := mustRead(t, filepath.Join(out, "adams", "goals", "reading", "index.html")); !strings.Contains(page, tt.want) {
			t.Errorf("%q: built page lacks %s", tt.portalTOML, tt.want)
		}
		live := NewPortalIncremental(dir, PreviewOptions{}, 1)
		up, err := live.Update(nil)
		if err != nil || up.Diagnostics.HasErrors() {
			t.Fatal(err, up.Diagnostics)
		}
		if page, _ := live.File("adams/goals/reading/index.html"); !strings.Contains(string(page), tt.want) {
			t.Errorf("%q: served page lacks %s", tt.portalTOML, tt.want)
		}
	}
}

// A district folder named like one of the portal's own pages or files
// is refused, by check, build and serve.
func TestPortalReservedFolders(t *testing.T) {
	tests := []struct{ folder, portal, want string }{
		{"es", "translations = [\"es\"]\n", "es/: error: the district folder es would be published at /es/, which collides with the portal's own /es/"},
		{"es", "", ""}, // a portal in English alone
		{"standards", "", "standards/: error: the district folder standards would be published at /standards/, which collides with the portal's own /standards/"},
		{"Accessibility", "", "Accessibility/: error: the district folder Accessibility would be published at /accessibility/, which collides with the portal's own /accessibility/"},
		{"404", "", "404/: error: the district folder 404 would be published at /404/, which collides with the portal's own /404.html"},
		{"style", "", "style/: error: the district folder style would be published at /style/, which collides with the portal's own /style.css"},
		{"sitemap", "", "sitemap/: error: the district folder sitemap would be published at /sitemap/, which collides with the portal's own /sitemap.xml"},
		{"search", "", "search/: error: the district folder search would be published at /search/, which collides with the portal's own /search.js"},
		{"index", "", "index/: error: the district folder index would be published at /index/, which collides with the portal's own /index.html"},
		{"adams-county", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.folder+tt.portal, func(t *testing.T) {
			dir := smallPortal(t, "title = \"State\"\n"+tt.portal, "")
			if err := os.Rename(filepath.Join(dir, "baker"), filepath.Join(dir, tt.folder)); err != nil {
				t.Fatal(err)
			}
			p, diags := content.OpenPortal(dir)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			var got []string
			for _, d := range CheckPortal(p) {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("CheckPortal: %q, want %q", got, tt.want)
			}
			out := filepath.Join(t.TempDir(), "site")
			_, diags, err := BuildPortal(p, PortalOptions{Out: out})
			if tt.want == "" {
				if err != nil || diags.HasErrors() {
					t.Errorf("build: %v %v", err, diags)
				}
				return
			}
			if err != nil || len(diags) != 1 || diags[0].String() != tt.want {
				t.Errorf("build: %v %v", err, diags)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("build wrote %s", out)
			}
			up, err := NewPortalIncremental(dir, PreviewOptions{}, 1).Update(nil)
			if err != nil || len(up.Diagnostics) != 1 || up.Diagnostics[0].String() != tt.want {
				t.Errorf("serve: %v %v", err, up.Diagnostics)
			}
		})
	}
}

// TestPortalFolderHoldsPlan: a plan in a folder the portal keeps for
// itself (static/, layouts/, i18n/, public/) is refused by name, not
// skipped (a plan in static/ had its sources published as files).
func TestPortalFolderHoldsPlan(t *testing.T) {
	for folder, what := range map[string]string{
		"static": "the portal's own files, copied to the site as they are", "layouts": "the portal's own templates",
		"i18n": "the portal's own message catalogues", "public": "the site's default output folder",
	} {
		dir := smallPortal(t, "title = \"State\"\n", "")
		if err := os.Rename(filepath.Join(dir, "baker"), filepath.Join(dir, folder)); err != nil {
			t.Fatal(err)
		}
		_, diags := content.OpenPortal(dir)
		want := folder + "/: error: the folder " + folder + " holds a plan (its trellis.toml), but a portal's " + folder + "/ is " + what + ", not a district"
		if len(diags) != 1 || diags[0].String() != want || diags[0].Code != content.CodeReservedFolder || diags[0].Hint != "rename the folder, for example to "+folder+"-district" {
			t.Errorf("%s: diagnostics %q, want %q", folder, diags, want)
		}
	}
}

// TestPortalBaseURL: portal.toml's base_url is held to the same rule as a
// plan's.
func TestPortalBaseURL(t *testing.T) {
	dir := smallPortal(t, "title = \"State\"\nbase_url = \"plans.example\"\n", "")
	_, diags := content.OpenPortal(dir)
	want := `portal.toml:2:12: error: base_url "plans.example" lacks https:// at its start`
	if len(diags) != 1 || diags[0].String() != want || diags[0].Hint != `write base_url = "https://plans.example", the address the site is published at` {
		t.Errorf("diagnostics %q, want %q", diags, want)
	}
}
