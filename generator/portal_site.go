package generator

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/trellis-pl/trellis/content"
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
	absolute    bool
	basePath    string
}

// Rel links from the page to an address relative to the portal's root.
func (p *PortalPage) Rel(target string) string { return link(p.URL, target, p.absolute, p.basePath) }

func summarize(plan *content.Plan, d content.DistrictRef) *DistrictSummary {
	s := &DistrictSummary{
		Name: plan.Settings.District, URL: d.Slug + "/", Enrollment: plan.District.Enrollment,
		Goals: len(plan.Goals), Activities: len(plan.Activities), Partners: len(plan.Partners),
		SetID: plan.Standards.ID, SetName: plan.Standards.Name, Standards: len(plan.Standards.Standards),
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
func portalPages(site *PortalSite, basePath string) []*PortalPage {
	return []*PortalPage{
		{Portal: site, Kind: "portal", URL: "", Description: "Professional learning plans of " + fmt.Sprint(len(site.Districts)) + " districts."},
		{Portal: site, Kind: "portal-standards", URL: "standards/", Title: "Standards across districts", Description: "Which standards the districts' plans address."},
		{Portal: site, Kind: "portal-accessibility", URL: "accessibility/", Title: "Accessibility", Description: "How accessible this site is, and how to report a problem."},
		{Portal: site, Kind: "portal-404", URL: "404.html", Title: "Page not found", absolute: true, basePath: basePath},
	}
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
	pages := portalPages(site, basePath)
	r := newRenderer(th)
	defer r.release()
	for _, pg := range pages {
		name := fileOf(pg.URL)
		data, err := r.execute(th.portal[pg.Kind], "portal-baseof.html", pg.Kind, content.PortalFile, pg)
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
