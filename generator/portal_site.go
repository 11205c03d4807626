package generator

import (
	"bytes"
	"sort"
	"strings"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/i18n"
)

// PortalSite is what the portal's own pages receive as .Portal.
type PortalSite struct {
	Settings   content.PortalSettings
	Districts  []*DistrictSummary
	Sets       []*SetCoverage
	Enrollment int
}

// DistrictSummary is what the portal's pages show of one district; it is
// all that is kept of a plan once its pages are written.
type DistrictSummary struct {
	Name        string
	URL         string
	Enrollment  int
	Goals       int
	Activities  int
	Partners    int
	SetID       string
	SetName     string
	Standards   int
	Covered     int
	CoveragePct int
	Languages   []string // the plan's language, then its translations
	addressed   []string
}

// SetCoverage counts, for one standards set, the districts whose plans
// address each standard.
type SetCoverage struct {
	ID, Name  string
	Districts int
	Standards []StandardCount
}

// StandardCount is one row of the cross-district standards table.
type StandardCount struct {
	ID, Name string
	Count    int
	Pct      int
}

// PortalPage is what a portal page template receives.
type PortalPage struct {
	Portal      *PortalSite
	Kind        string
	URL         string
	Title       string
	Description string
	Lang        string // the page's language
	absolute    bool
	basePath    string
	root        string // "" or the language's folder, "es/"
	versions    []*PortalPage
	text        *i18n.Catalogue
}

// Rel links from the page to a page of the portal in its language: an
// address relative to the portal's root, such as "standards/".
func (p *PortalPage) Rel(target string) string { return p.Asset(p.root + target) }

// Asset links from the page to a file at the portal's root: "style.css".
func (p *PortalPage) Asset(name string) string { return link(p.URL, "", name, p.absolute, p.basePath) }

// District links to a district's site, in the page's language when the
// district is published in it.
func (p *PortalPage) District(d *DistrictSummary) string {
	for _, l := range d.Languages[1:] {
		if l == p.Lang {
			return p.Asset(d.URL + l + "/")
		}
	}
	return p.Asset(d.URL)
}

// Languages lists the page in each of the portal's languages; nil if one.
func (p *PortalPage) Languages() []LanguageLink {
	if len(p.versions) < 2 {
		return nil
	}
	var out []LanguageLink
	for _, v := range p.versions {
		out = append(out, LanguageLink{Lang: v.Lang, Name: v.text.Text("language.name"), Href: p.Asset(v.URL), Abs: p.Asset(v.URL), Current: v == p})
	}
	return out
}

func summarize(plan *content.Plan, d content.DistrictRef) *DistrictSummary {
	s := &DistrictSummary{
		Name: plan.Settings.District, URL: d.Slug + "/", Enrollment: plan.District.Enrollment,
		Goals: len(plan.Goals), Activities: len(plan.Activities), Partners: len(plan.Partners),
		SetID: plan.Standards.ID, SetName: plan.Standards.Name, Standards: len(plan.Standards.Standards),
		Languages: append([]string{plan.Settings.Language}, plan.Settings.Translations...),
	}
	seen := map[string]bool{}
	for _, a := range plan.Activities {
		for _, r := range a.Standards {
			if !seen[r.ID] {
				seen[r.ID] = true
				s.addressed = append(s.addressed, r.ID)
			}
		}
	}
	s.Covered = len(s.addressed)
	if s.Standards > 0 {
		s.CoveragePct = 100 * s.Covered / s.Standards
	}
	return s
}

// tally counts, per standards set, the districts addressing each standard.
func (s *PortalSite) tally() {
	bySet := map[string]*SetCoverage{}
	for _, d := range s.Districts {
		s.Enrollment += d.Enrollment
		sc := bySet[d.SetID]
		if sc == nil {
			sc = &SetCoverage{ID: d.SetID, Name: d.SetName}
			if set, err := content.Builtin(d.SetID); err == nil && d.SetName == set.Name {
				for _, st := range set.Standards {
					sc.Standards = append(sc.Standards, StandardCount{ID: st.ID, Name: st.Name})
				}
			}
			bySet[d.SetID] = sc
			s.Sets = append(s.Sets, sc)
		}
		sc.Districts++
		for _, id := range d.addressed {
			found := false
			for i := range sc.Standards {
				if sc.Standards[i].ID == id {
					sc.Standards[i].Count++
					found = true
				}
			}
			if !found { // a plan's own set: standards appear as they are used
				sc.Standards = append(sc.Standards, StandardCount{ID: id, Name: id, Count: 1})
			}
		}
	}
	for _, sc := range s.Sets {
		for i := range sc.Standards {
			sc.Standards[i].Pct = 100 * sc.Standards[i].Count / max(sc.Districts, 1)
		}
	}
	sort.Slice(s.Sets, func(i, j int) bool { return s.Sets[i].ID < s.Sets[j].ID })
}

// portalPages lists the portal's own pages.
func portalPages(site *PortalSite, basePath string, th *theme) []*PortalPage {
	var pages []*PortalPage
	byKind := map[string][]*PortalPage{}
	for i, lang := range append([]string{site.Settings.Language}, site.Settings.Translations...) {
		root := ""
		if i > 0 {
			root = lang + "/"
		}
		text := th.catalogue(lang)
		tr := text.Text
		own := []*PortalPage{
			{Kind: "portal", URL: "", Description: tr("portal.description", "count", len(site.Districts))},
			{Kind: "portal-standards", URL: "standards/", Title: tr("portal.standards-title"), Description: tr("portal.standards-description")},
			{Kind: "portal-accessibility", URL: "accessibility/", Title: tr("title.accessibility"), Description: tr("portal.accessibility-description")},
		}
		if i == 0 { // one 404 page, at the root
			own = append(own, &PortalPage{Kind: "portal-404", URL: "404.html", Title: tr("title.404"), absolute: true, basePath: basePath})
		}
		for _, pg := range own {
			pg.Portal, pg.Lang, pg.root, pg.text = site, lang, root, text
			pg.URL = root + pg.URL
			byKind[pg.Kind] = append(byKind[pg.Kind], pg)
		}
		pages = append(pages, own...)
	}
	for _, pg := range pages {
		pg.versions = byKind[pg.Kind]
	}
	return pages
}

// portalDataFiles are the files at the portal's root besides its pages
// and the theme's static files.
var portalDataFiles = []string{"sitemap.xml", "robots.txt"}

// fileOf is the file a page address is written to.
func fileOf(url string) string {
	if url == "" || strings.HasSuffix(url, "/") {
		return url + "index.html"
	}
	return url
}

// renderPortalPages writes the portal's own pages, its sitemap index and
// robots.txt.
func renderPortalPages(site *PortalSite, th *theme, w writer, baseURL string) (int, error) {
	basePath := basePathOf(baseURL)
	pages := portalPages(site, basePath, th)
	r := newRenderer(th)
	defer r.release()
	for _, pg := range pages {
		name := fileOf(pg.URL)
		data, err := r.execute(th.lang(pg.Lang).portal[pg.Kind], "portal-baseof.html", pg.Kind, content.PortalFile, pg)
		if err != nil {
			return 0, err
		}
		if err := w.write(name, data); err != nil {
			return 0, err
		}
	}
	var maps []string
	for _, d := range site.Districts {
		maps = append(maps, d.URL+"sitemap.xml")
	}
	var sm bytes.Buffer
	sitemapXML(&sm, "sitemapindex", "sitemap", siteAddress(baseURL, basePath), maps, w.compact())
	data := map[string][]byte{
		"sitemap.xml": sm.Bytes(),
		"robots.txt":  robots(baseURL),
	}
	for _, name := range portalDataFiles {
		if err := w.writeCompact(name, data[name]); err != nil {
			return 0, err
		}
	}
	return len(pages), nil
}

// Is reports whether the page is the portal's page at target, in its
// language: "" for the list of districts, "standards/".
func (p *PortalPage) Is(target string) bool { return p.URL == p.root+target }
