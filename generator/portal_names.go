package generator

import (
	"path"
	"sort"
	"strings"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/themes"
)

// portalRoot lists the names at the root of a portal's site that the
// portal's own pages and files take, from the portal planner, the theme
// and the portal's other languages: "standards", "404.html", "style.css",
// "es".
func portalRoot(th *theme, langs []string) []string {
	seen := map[string]bool{}
	for _, l := range langs {
		seen[l] = true // the portal's own pages in that language: /es/
	}
	add := func(file string) {
		first, _, _ := strings.Cut(file, "/")
		seen[first] = true
	}
	for _, pg := range portalPages(&PortalSite{}, "/", th) {
		add(fileOf(pg.URL))
	}
	for _, name := range portalDataFiles {
		add(name)
	}
	for name := range th.static {
		add(name)
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// takenBy returns the name of the portal's root that a district's
// address would collide with, or "". A file's name without its
// extension counts too: a district at /404/ beside /404.html would be
// mistaken for the portal's page.
func takenBy(slug string, root []string) string {
	for _, name := range root {
		if slug == name || slug == strings.TrimSuffix(name, path.Ext(name)) {
			return name
		}
	}
	return ""
}

// districtFolders refuses district folders whose address at the portal's
// root the portal's own pages or files take.
func districtFolders(p *content.Portal, th *theme) content.Diagnostics {
	root := portalRoot(th, p.Settings.Translations)
	var ds content.Diagnostics
	for _, d := range p.Districts {
		name := takenBy(d.Slug, root)
		if name == "" {
			continue
		}
		what := "/" + name
		if !strings.Contains(name, ".") {
			what += "/"
		}
		ds = append(ds, content.Diagnostic{
			File: d.Folder + "/", Severity: content.Error, Code: content.CodeReservedFolder,
			Message: "the district folder " + d.Folder + " would be published at /" + d.Slug + "/, which collides with the portal's own " + what,
			Hint:    "rename the folder, for example to " + d.Slug + "-district; the portal's own addresses are " + strings.Join(root, ", "),
		})
	}
	return ds
}

// CheckPortal reports what in a portal's folders its site cannot
// publish, beyond each district's own plan: district folders named like
// the portal's own pages and files. trellis check, build and serve of a
// portal all report it.
func CheckPortal(p *content.Portal) content.Diagnostics {
	th, err := loadTheme(themes.Default(), themeOverrides(p.Dir))
	if err != nil {
		return nil // the build reports a broken theme
	}
	return districtFolders(p, th)
}
