package generator

import (
	"bytes"
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
	versions []*Page      // the page in each of the plan's languages, itself included; nil if one
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

// within moves the page into a folder of the site: a district's in a
// portal, a language's, or both.
func (p *Page) within(root, assets string, portal bool) {
	p.root, p.assets, p.portal = root, assets, portal
	p.URL = root + p.URL
}

// Rel returns a link from this page to target, a site-root-relative
// address such as "goals/" or "style.css". Links are relative, so the site
// works under any path and from a local folder.
func (p *Page) Rel(target string) string { return link(p.URL, p.root, target, p.absolute, p.basePath) }

// Top returns a link to target, an address relative to the root of the
// whole site whatever the page's language: the earlier versions, which
// are built once, in the plan's main language.
func (p *Page) Top(target string) string { return p.fromSiteRoot(target) }

// Asset returns a link to a static file of the theme, such as style.css.
// In a portal they are shared by all districts at the portal's root.
func (p *Page) Asset(name string) string { return link(p.URL, p.assets, name, p.absolute, p.basePath) }

// PortalHome links to the portal's list of districts, or is "" outside a
// portal.
func (p *Page) PortalHome() string {
	if !p.portal {
		return ""
	}
	return p.fromSiteRoot("")
}

// fromSiteRoot links to an address relative to the root of the whole site.
func (p *Page) fromSiteRoot(target string) string {
	return link(p.URL, "", target, p.absolute, p.basePath)
}

// link returns a link from the page at from to dir+target, all addresses
// relative to the site's root: relative ("../../goals/"), or under
// basePath for pages served at any address (404 pages). dir and target
// are joined in the same step: pages make links by the thousand.
func link(from, dir, target string, absolute bool, basePath string) string {
	if absolute {
		return basePath + dir + target
	}
	rel := up(strings.Count(from, "/")) + dir + target
	if rel == "" {
		return "./"
	}
	return rel
}

// ups are the ways up from the folders pages are in, most of them 4
// deep or less.
var ups = [...]string{"", "../", "../../", "../../../", "../../../../", "../../../../../"}

// up is the relative path up n folders.
func up(n int) string {
	if n < len(ups) {
		return ups[n]
	}
	return strings.Repeat("../", n)
}

// Nav returns the main navigation's list items. It is built in Go, not in
// the template, because it is on every page and a template pays for each
// field lookup: this keeps large portals fast.
func (p *Page) Nav() template.HTML {
	var b bytes.Buffer
	p.writeNav(&b)
	return template.HTML(b.String())
}

// writeNav writes Nav's list items into b (the Go pages write them
// straight into the page).
func (p *Page) writeNav(b *bytes.Buffer) {
	if h := p.PortalHome(); h != "" {
		b.WriteString(`<li><a href="`)
		b.WriteString(html.EscapeString(h))
		b.WriteString(`">`)
		b.WriteString(html.EscapeString(p.Site.tr("nav.all-districts")))
		b.WriteString(`</a></li>`)
	}
	for _, n := range p.Site.Nav {
		b.WriteString(`<li><a href="`)
		b.WriteString(html.EscapeString(p.Rel(n.URL)))
		b.WriteString(`"`)
		switch {
		case len(p.root)+len(n.URL) == len(p.URL) && strings.HasPrefix(p.URL, p.root) && strings.HasSuffix(p.URL, n.URL):
			b.WriteString(` aria-current="page"`)
		case n.Section == p.Section:
			b.WriteString(` aria-current="true"`)
		}
		b.WriteString(`>`)
		b.WriteString(html.EscapeString(n.Title))
		b.WriteString("</a></li>\n")
	}
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
	home := Crumb{s.tr("nav.home"), ""}
	page := func(kind, url string, crumbs ...Crumb) *Page {
		return &Page{Kind: kind, URL: url, Section: kind, Title: s.tr("title." + kind), Crumbs: append([]Crumb{home}, crumbs...),
			Description: s.tr("description."+kind, "district", s.District, "title", s.Title)}
	}
	ps := []*Page{page("home", ""), page("district", "district/"), page("goals", "goals/")}
	ps[0].Title, ps[0].Crumbs = "", nil
	for _, g := range s.Goals {
		ps = append(ps, &Page{Kind: "goal", URL: g.URL, Title: s.goalTitle(g), Section: "goals",
			Crumbs: []Crumb{home, {s.tr("nav.goals"), "goals/"}}, Description: g.Goal.Outcome, Data: g})
	}
	ps = append(ps, page("activities", "activities/"), page("standards", "standards/"))
	ps[len(ps)-1].Description = s.Set.Name + "."
	for _, st := range s.Standards {
		ps = append(ps, &Page{Kind: "standard", URL: st.URL, Title: st.Name, Section: "standards",
			Crumbs: []Crumb{home, {s.tr("nav.standards"), "standards/"}}, Description: st.Summary, Data: st})
	}
	ps = append(ps, page("coverage", "coverage/"), page("partners", "partners/"))
	partners := Crumb{s.tr("nav.partners"), "partners/"}
	for _, pt := range s.Partners {
		ps = append(ps, &Page{Kind: "partner", URL: pt.URL, Title: pt.Name, Section: "partners",
			Crumbs: []Crumb{home, partners}, Description: s.tr("description.partner", "name", pt.Name), Data: pt})
	}
	comparison := page("comparison", "partner-comparison/", partners)
	comparison.Section = "partners"
	ps = append(ps, comparison, page("timeline", "timeline/"), page("budget", "budget/"), page("plan", "plan/"),
		page("search", "search/"), page("accessibility", "accessibility/"), page("404", "404.html"))
	for _, p := range ps[len(ps)-2:] {
		p.Section = ""
	}
	notFound := ps[len(ps)-1]
	notFound.Crumbs, notFound.Description, notFound.absolute = nil, "", true
	for _, p := range ps {
		p.Site = s
	}
	return ps
}

// goalTitle is a goal's title with its number: "Goal 2: Mathematics".
func (s *Site) goalTitle(g *GoalView) string {
	return s.tr("goal.numbered", "number", g.Number, "title", g.Title)
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
