package generator

import (
	"bytes"
	"encoding/json"
	"net/url"
	"strings"
	"sync"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/history"
	"github.com/trellis-pl/trellis/internal/i18n"
)

// variant is what, besides the plan, decides a site's pages and addresses:
// where the site is published, where in a larger site it lives, the plan's
// git history, which earlier version of the plan it is, and its language:
// the plan's own, at the site's root, or one of its translations, under
// /<lang>/.
type variant struct {
	baseURL string // as given; "" if unknown
	root    string // in a portal: the district's folder in the site, "district-a/"
	assets  string // where the theme's static files are: "" (the site root) or root
	pdf     bool   // the build also writes plan.pdf, which the pages link to
	// noRawHTML: raw HTML is shown as text whatever the plan says, as a
	// portal's unsafe_html = false asks.
	noRawHTML bool
	// history is the plan's git history (nil: none): pages get their
	// last-updated line, the site a Changes page.
	history *planHistory
	// version, for a snapshot of an earlier version under root; versions
	// are the snapshots built beside the current plan.
	version  *history.Tag
	versions []history.Tag
	lang     string          // "" or the plan's language, or one of its translations
	text     *i18n.Catalogue // the interface text of lang
}

// sitePlan is the planner's answer for one plan: every page of its site,
// what each shows, and the data files beside them.
type sitePlan struct {
	plan              *content.Plan
	site              *Site
	pages             []*Page
	baseURL, basePath string
	root              string      // the site's folder: the district's, then the language's
	version           bool        // a snapshot of an earlier version
	translation       bool        // the site is a translation of the plan, under root
	others            []*sitePlan // the sites of the plan's other languages
}

// planSite lists the pages of a validated plan's site. Markdown is
// rendered here, once; a Markdown renderer that panics makes a diagnostic
// naming the source file.
func planSite(plan *content.Plan, v variant) (sp *sitePlan, err error) {
	sp = &sitePlan{root: v.root, version: v.version != nil}
	if v.lang != "" && v.lang != plan.Settings.Language {
		plan, sp.root, sp.translation = plan.Translate(v.lang), v.root+v.lang+"/", true
	}
	sp.plan = plan
	sp.baseURL = normalBaseURL(v.baseURL, plan.Settings.BaseURL)
	sp.basePath = basePathOf(sp.baseURL)
	if sp.site, err = newSite(plan, markdownFor(plan.Settings.UnsafeHTML && !v.noRawHTML), textFor(v, plan.Settings.Language)); err != nil {
		return nil, err
	}
	if plan.Settings.UnsafeHTML && v.noRawHTML {
		sp.site.warnings = append(sp.site.warnings, rawHTMLOverridden)
	}
	sp.site.PDF = v.pdf
	for _, p := range sp.site.pages() {
		if (v.root != "" || sp.translation) && p.Kind == "404" {
			continue // a portal or a plan in several languages has one 404 page, at its root
		}
		p.basePath, p.baseURL = sp.basePath, sp.baseURL
		if sp.root != "" {
			p.within(sp.root, v.assets, v.root != "")
		}
		if v.version != nil {
			p.portal, p.version = false, v.version
		}
		sp.pages = append(sp.pages, p)
	}
	if v.history != nil {
		sp.addHistory(v)
	}
	return sp, nil
}

// addHistory adds the Changes page before the accessibility statement,
// and gives every page its last-updated line.
func (sp *sitePlan) addHistory(v variant) {
	changes := sp.changesPage(v.history, v.versions)
	changes.basePath, changes.baseURL = sp.basePath, sp.baseURL
	if sp.root != "" {
		changes.within(sp.root, v.assets, v.root != "")
	}
	at := len(sp.pages)
	for i, p := range sp.pages {
		if p.Kind == "accessibility" {
			at = i
		}
	}
	sp.pages = append(sp.pages[:at], append([]*Page{changes}, sp.pages[at:]...)...)
	sp.dateUpdates(v.history, changes)
}

// markdownFor is the Markdown renderer of a plan; tests replace it.
var markdownFor = newMarkdown

// normalBaseURL is the base URL given, or else the one in the settings,
// ending in "/" ("" if neither).
func normalBaseURL(given, setting string) string {
	u := given
	if u == "" {
		u = setting
	}
	if u != "" && !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// basePathOf returns the path part of a base URL: "/pl-plan/", or "/".
func basePathOf(baseURL string) string {
	if u, err := url.Parse(baseURL); err == nil && u.Path != "" {
		return u.Path
	}
	return "/"
}

// dataFile is a file of the site that is not a page.
type dataFile struct {
	name string // relative to the site's folder (the district's, in a portal)
	// data writes the file into b: as small as minifying would make it
	// if compact, else indented for people to read.
	data func(b *bytes.Buffer, compact bool) error
}

// dataFiles lists plan.json, and for the plan's main language
// sitemap.xml (every language's pages) and robots.txt; an earlier version
// has only its plan.json (it is left out of the sitemap).
func (sp *sitePlan) dataFiles() []dataFile {
	data := dataFile{"plan.json", func(b *bytes.Buffer, compact bool) error {
		return writePlanJSON(b, planData(sp.plan, sp.site), compact)
	}}
	if sp.translation || sp.version {
		return []dataFile{data}
	}
	return []dataFile{
		data,
		{"sitemap.xml", func(b *bytes.Buffer, compact bool) error {
			sitemap(b, sp.allPages(), sp.baseURL, sp.basePath, compact)
			return nil
		}},
		{"robots.txt", func(b *bytes.Buffer, _ bool) error {
			b.Write(robots(sp.baseURL))
			return nil
		}},
	}
}

// planSites lists the site of a plan in each of its languages: its own,
// then its translations. Each page knows its versions in the others.
func planSites(plan *content.Plan, v variant, th *theme) ([]*sitePlan, error) {
	langs := append([]string{plan.Settings.Language}, plan.Settings.Translations...)
	sps := make([]*sitePlan, len(langs))
	errs := make([]error, len(langs))
	var wg sync.WaitGroup
	for i, lang := range langs {
		lv := v
		lv.lang, lv.text = lang, th.catalogue(lang)
		wg.Go(func() { sps[i], errs[i] = planSite(plan, lv) }) // the languages side by side
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err // the first language's, as if planned one by one
		}
	}
	if len(sps) > 1 {
		linkLanguages(sps)
	}
	return sps, nil
}

// linkLanguages tells each page of each site where its versions in the
// other languages are.
func linkLanguages(sps []*sitePlan) {
	byKey := map[string][]*Page{}
	for _, sp := range sps {
		for _, p := range sp.pages {
			k := strings.TrimPrefix(p.URL, sp.root)
			byKey[k] = append(byKey[k], p)
		}
	}
	for i, sp := range sps {
		sp.others = append(append([]*sitePlan(nil), sps[:i]...), sps[i+1:]...)
		for _, p := range sp.pages {
			p.versions = byKey[strings.TrimPrefix(p.URL, sp.root)]
		}
	}
}

// allPages lists the pages of the site and of its other languages.
func (sp *sitePlan) allPages() []*Page {
	all := sp.pages
	for _, o := range sp.others {
		all = append(all, o.pages...)
	}
	return all
}

// writePlanJSON encodes plan.json into b, compact or indented.
func writePlanJSON(b *bytes.Buffer, v any, compact bool) error {
	enc := json.NewEncoder(b)
	if !compact {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.Truncate(b.Len() - 1) // Encode ends with a newline; Marshal did not
	return nil
}

func robots(baseURL string) []byte {
	r := "User-agent: *\nAllow: /\n"
	if baseURL != "" {
		r += "Sitemap: " + baseURL + "sitemap.xml\n"
	}
	return []byte(r)
}

// affected reports whether any changed file is one of deps, or inside a
// folder of deps (a dependency ending in "/").
func affected(changed, deps []string) bool {
	for _, c := range changed {
		for _, d := range deps {
			if c == d || strings.HasSuffix(d, "/") && strings.HasPrefix(c, d) {
				return true
			}
		}
	}
	return false
}

// deps lists the plan files and folders a page shows, with their
// translations into the page's language. Changes to the settings,
// standards, profile and beliefs re-render every page and are not listed.
func (s *Site) deps(p *Page) []string {
	d := s.mainDeps(p)
	if s.Plan.Main == "" {
		return d
	}
	for _, f := range d {
		if strings.HasSuffix(f, ".md") {
			d = append(d, strings.TrimSuffix(f, ".md")+"."+s.Lang+".md")
		}
	}
	return d
}

// mainDeps lists the plan files and folders a page shows.
func (s *Site) mainDeps(p *Page) []string {
	const goals, activities, partners = content.GoalsDir + "/", content.ActivitiesDir + "/", content.PartnersDir + "/"
	switch p.Kind {
	case "goal":
		g := p.Data.(*GoalView)
		d := []string{g.File}
		for _, a := range g.Activities {
			d = append(d, a.File)
		}
		for _, pt := range g.Partners {
			d = append(d, pt.File)
		}
		return d
	case "standard":
		st := p.Data.(*StandardView)
		var d []string
		for _, a := range st.Activities {
			d = append(d, a.File)
		}
		for _, g := range st.Goals {
			d = append(d, g.File)
		}
		return d
	case "partner":
		pt := p.Data.(*PartnerView)
		d := []string{pt.File}
		for _, g := range pt.Goals {
			d = append(d, g.File)
		}
		return d
	case "home", "goals", "activities", "coverage", "timeline", "budget":
		return []string{goals, activities}
	case "standards":
		return []string{activities}
	case "partners", "comparison":
		return []string{partners, goals}
	case "plan", "search", "changes":
		return []string{goals, activities, partners}
	}
	return nil // district, 404: only plan-wide changes
}

// source is the plan file a page is made from, for messages: the goal's
// or partner's file, or else the settings.
func (p *Page) source() string {
	switch d := p.Data.(type) {
	case *GoalView:
		return d.File
	case *PartnerView:
		return d.File
	case *StandardView:
		if p.Site.Set != nil && p.Site.Set.File != "" {
			return p.Site.Set.File
		}
	}
	return content.SettingsFile
}
