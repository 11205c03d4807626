package generator

import (
	"fmt"
	"html"
	"html/template"
	"strings"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/history"
)

// Page is what a page template receives.
type Page struct {
	Site        *Site
	Kind        string // the template: home, goal, partner, ...
	URL         string // the page's address relative to the site root: "goals/early-literacy/"
	Title       string // "" on the home page
	Section     string // the main navigation entry it belongs to
	Crumbs      []Crumb
	Description string
	Data        any // *GoalView, *StandardView or *PartnerView on their pages

	absolute bool   // links start at basePath (the 404 page, served at any address)
	basePath string // "/" or "/pl-plan/"
	baseURL  string // "https://district.example/pl-plan/", or ""
	root     string // in a portal, the district's folder in the site: "district-a/"
	assets   string // where the theme's static files are: "" (the site root) or root
	portal   bool
	updated  *LastUpdated // nil without history
	version  *history.Tag // the earlier version the page is of, if any
}

// Crumb is one step of the breadcrumb trail.
type Crumb struct{ Title, URL string }

// File is where the page is written, relative to the output folder.
func (p *Page) File() string {
	if p.URL == "" || strings.HasSuffix(p.URL, "/") {
		return p.URL + "index.html"
	}
	return p.URL
}

// within moves the page into a district's folder of a portal.
func (p *Page) within(root, assets string) {
	p.root, p.assets, p.portal = root, assets, true
	p.URL = root + p.URL
}

// Rel returns a link from this page to target, a site-root-relative
// address such as "goals/" or "style.css". Links are relative, so the site
// works under any path and from a local folder.
func (p *Page) Rel(target string) string { return p.fromSiteRoot(p.root + target) }

// Asset returns a link to a static file of the theme, such as style.css.
// In a portal they are shared by all districts at the portal's root.
func (p *Page) Asset(name string) string { return p.fromSiteRoot(p.assets + name) }

// PortalHome links to the portal's list of districts, or is "" outside a
// portal.
func (p *Page) PortalHome() string {
	if !p.portal {
		return ""
	}
	return p.fromSiteRoot("")
}

// fromSiteRoot links to an address relative to the root of the whole site.
func (p *Page) fromSiteRoot(target string) string { return link(p.URL, target, p.absolute, p.basePath) }

// link returns a link from the page at from to target, both addresses
// relative to the site's root: relative ("../../goals/"), or under
// basePath for pages served at any address (404 pages).
func link(from, target string, absolute bool, basePath string) string {
	if absolute {
		return basePath + target
	}
	rel := strings.Repeat("../", strings.Count(from, "/")) + target
	if rel == "" {
		return "./"
	}
	return rel
}

// Nav returns the main navigation's list items. It is built in Go, not in
// the template, because it is on every page and a template pays for each
// field lookup: this keeps large portals fast.
func (p *Page) Nav() template.HTML {
	var b strings.Builder
	if h := p.PortalHome(); h != "" {
		b.WriteString(`<li><a href="` + html.EscapeString(h) + `">All districts</a></li>`)
	}
	for _, n := range p.Site.Nav {
		b.WriteString(`<li><a href="`)
		b.WriteString(html.EscapeString(p.Rel(n.URL)))
		b.WriteString(`"`)
		switch {
		case p.root+n.URL == p.URL:
			b.WriteString(` aria-current="page"`)
		case n.Section == p.Section:
			b.WriteString(` aria-current="true"`)
		}
		b.WriteString(`>` + html.EscapeString(n.Title) + "</a></li>\n")
	}
	return template.HTML(b.String())
}

// Canonical returns the page's full address, if the base URL is known.
func (p *Page) Canonical() string {
	if p.baseURL == "" || p.absolute {
		return ""
	}
	return p.baseURL + p.URL
}

// pages lists every page of the site.
func (s *Site) pages() []*Page {
	home := Crumb{"Home", ""}
	desc := "The professional learning plan of " + s.District + "."
	ps := []*Page{
		{Kind: "home", URL: "", Section: "home", Description: desc},
		{Kind: "district", URL: "district/", Title: "Who we are", Section: "district", Crumbs: []Crumb{home}, Description: "District profile of " + s.District + "."},
		{Kind: "goals", URL: "goals/", Title: "Goals", Section: "goals", Crumbs: []Crumb{home}, Description: "The goals of " + s.Title + "."},
	}
	for _, g := range s.Goals {
		ps = append(ps, &Page{Kind: "goal", URL: g.URL, Title: fmt.Sprintf("Goal %d: %s", g.Number, g.Title), Section: "goals",
			Crumbs: []Crumb{home, {"Goals", "goals/"}}, Description: g.Goal.Outcome, Data: g})
	}
	ps = append(ps,
		&Page{Kind: "activities", URL: "activities/", Title: "Professional learning activities", Section: "activities", Crumbs: []Crumb{home}, Description: "Every professional learning activity of " + s.Title + "."},
		&Page{Kind: "standards", URL: "standards/", Title: "Standards", Section: "standards", Crumbs: []Crumb{home}, Description: s.Set.Name + "."},
	)
	for _, st := range s.Standards {
		ps = append(ps, &Page{Kind: "standard", URL: st.URL, Title: st.Name, Section: "standards",
			Crumbs: []Crumb{home, {"Standards", "standards/"}}, Description: st.Summary, Data: st})
	}
	ps = append(ps,
		&Page{Kind: "coverage", URL: "coverage/", Title: "Standards coverage", Section: "coverage", Crumbs: []Crumb{home}, Description: "Which standards each goal's activities address."},
		&Page{Kind: "partners", URL: "partners/", Title: "Partner evaluations", Section: "partners", Crumbs: []Crumb{home}, Description: "Evaluations of external partners."},
	)
	for _, pt := range s.Partners {
		ps = append(ps, &Page{Kind: "partner", URL: pt.URL, Title: pt.Name, Section: "partners",
			Crumbs: []Crumb{home, {"Partners", "partners/"}}, Description: "Evaluation of " + pt.Name + ".", Data: pt})
	}
	ps = append(ps,
		&Page{Kind: "comparison", URL: "partner-comparison/", Title: "Partners compared", Section: "partners", Crumbs: []Crumb{home, {"Partners", "partners/"}}, Description: "Partner ratings side by side."},
		&Page{Kind: "timeline", URL: "timeline/", Title: "Timeline", Section: "timeline", Crumbs: []Crumb{home}, Description: "When each activity takes place."},
		&Page{Kind: "budget", URL: "budget/", Title: "Budget", Section: "budget", Crumbs: []Crumb{home}, Description: "The estimated cost of " + s.Title + " by funding source, goal and year."},
		&Page{Kind: "plan", URL: "plan/", Title: "The whole plan", Section: "plan", Crumbs: []Crumb{home}, Description: "The complete plan on one printable page."},
		&Page{Kind: "search", URL: "search/", Title: "Search", Section: "search", Crumbs: []Crumb{home}, Description: "Search the plan."},
		&Page{Kind: "accessibility", URL: "accessibility/", Title: "Accessibility", Section: "", Crumbs: []Crumb{home}, Description: "How accessible this site is, and how to report a problem or ask for another format."},
		&Page{Kind: "404", URL: "404.html", Title: "Page not found", Section: "", absolute: true},
	)
	for _, p := range ps {
		p.Site = s
	}
	return ps
}

// CompareGroup is the evaluation items of one standard or frame.
type CompareGroup struct {
	Name  string
	Items []*content.EvaluationItem
}

// CompareGroups lists the evaluation items by frame or standard.
func (s *Site) CompareGroups() []CompareGroup {
	var out []CompareGroup
	for _, f := range s.Frames {
		if len(f.Items) > 0 {
			out = append(out, CompareGroup{f.Name, f.Items})
		}
	}
	for _, st := range s.Standards {
		if len(st.Items) > 0 {
			out = append(out, CompareGroup{st.Name, st.Items})
		}
	}
	return out
}
