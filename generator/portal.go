package generator

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/themes"
)

// PortalResult says what a portal build wrote.
type PortalResult struct {
	Districts int
	Pages     int
	Files     int
	Bytes     int64
	Elapsed   time.Duration
}

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

// BuildPortal loads every district plan of the portal and writes one site:
// each district's site in its own folder, a list of districts, and a page
// of standards across districts. Districts are loaded and rendered by a
// bounded pool of workers, and only a small summary of each is kept. If
// any district has errors, nothing is written and the diagnostics of every
// district are returned; the previous site stays as it was.
func BuildPortal(p *content.Portal, opt Options, workers int) (PortalResult, content.Diagnostics, error) {
	start := time.Now()
	// Each district's garbage is short-lived and the live heap stays
	// small, so collecting less often trades a little memory for speed.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	out, err := checkOut(opt.Out, p.Dir)
	if err != nil {
		return PortalResult{}, nil, err
	}
	th, err := loadTheme(themes.Default(), themeOverrides(p.Dir))
	if err != nil {
		return PortalResult{}, nil, err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return PortalResult{}, nil, err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(out), ".trellis-build-")
	if err != nil {
		return PortalResult{}, nil, err
	}
	done := false
	defer func() {
		if !done {
			os.RemoveAll(tmp)
		}
	}()
	baseURL := opt.BaseURL
	if baseURL == "" {
		baseURL = p.Settings.BaseURL
	}
	if baseURL != "" && !strings.HasSuffix(baseURL, "/") {
		baseURL += "/"
	}

	var (
		failed   atomic.Bool
		firstErr error
		errOnce  sync.Once
		pages    atomic.Int64
		files    atomic.Int64
		size     atomic.Int64
		doneN    atomic.Int64
	)
	summaries := make([]*DistrictSummary, len(p.Districts))
	diags := p.EachDistrict(workers, func(i int, d content.DistrictRef, plan *content.Plan, ds content.Diagnostics) {
		defer func() {
			if n := doneN.Add(1); opt.Progress != nil && n%500 == 0 {
				fmt.Fprintf(opt.Progress, "%d of %d districts\n", n, len(p.Districts))
			}
		}()
		if ds.HasErrors() || failed.Load() {
			failed.Store(true)
			return
		}
		n, w, err := renderDistrict(plan, d, th, tmp, opt, baseURL)
		if err != nil {
			failed.Store(true)
			errOnce.Do(func() { firstErr = fmt.Errorf("%s: %v", d.Folder, err) })
			return
		}
		pages.Add(int64(n))
		files.Add(int64(w.files))
		size.Add(w.bytes)
		summaries[i] = summarize(plan, d)
	})
	if diags.HasErrors() {
		return PortalResult{}, diags, nil
	}
	if firstErr != nil {
		return PortalResult{}, diags, firstErr
	}
	site := &PortalSite{Settings: p.Settings, Districts: summaries}
	site.tally()
	w := &dirWriter{root: tmp, minify: opt.Minify}
	n, err := renderPortalPages(site, th, w, baseURL)
	if err != nil {
		return PortalResult{}, diags, err
	}
	if err := writeStatic(th, w); err != nil {
		return PortalResult{}, diags, err
	}
	if err := w.write(marker, []byte("This folder is written by Trellis and replaced on every build.\n")); err != nil {
		return PortalResult{}, diags, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return PortalResult{}, diags, err
	}
	if err := swap(tmp, out); err != nil {
		return PortalResult{}, diags, err
	}
	done = true
	return PortalResult{
		Districts: len(p.Districts), Pages: int(pages.Load()) + n,
		Files: int(files.Load()) + w.files, Bytes: size.Load() + w.bytes, Elapsed: time.Since(start),
	}, diags, nil
}

// renderDistrict writes one district's pages, plan.json and sitemap into
// its folder of the portal's site.
func renderDistrict(plan *content.Plan, d content.DistrictRef, th *theme, root string, opt Options, baseURL string) (int, *dirWriter, error) {
	dth, assets := th, ""
	if hasOverrides(d.Path) {
		var err error
		if dth, err = loadTheme(themes.Default(), themeOverrides(d.Path)); err != nil {
			return 0, nil, err
		}
		assets = d.Slug + "/"
	}
	dopt := opt
	dopt.BaseURL = baseURL
	r := newRendering(plan, dopt)
	w := &dirWriter{root: root, minify: opt.Minify}
	n := 0
	for _, pg := range r.pages {
		if pg.Kind == "404" {
			continue // the portal has one 404 page, at its root
		}
		pg.within(d.Slug+"/", assets)
		if err := r.page(dth, pg, w); err != nil {
			return 0, nil, err
		}
		n++
	}
	if assets != "" {
		if err := writeStatic(dth, &prefixWriter{w, assets}); err != nil {
			return 0, nil, err
		}
	}
	if err := r.data(&prefixWriter{w, d.Slug + "/"}); err != nil {
		return 0, nil, err
	}
	return n, w, nil
}

func hasOverrides(dir string) bool {
	for _, sub := range []string{"layouts", "static"} {
		if info, err := os.Stat(filepath.Join(dir, sub)); err == nil && info.IsDir() {
			return true
		}
	}
	return false
}

// prefixWriter writes files into a folder of another writer.
type prefixWriter struct {
	w      writer
	prefix string
}

func (p *prefixWriter) write(name string, data []byte) error {
	if name == "robots.txt" {
		return nil // one robots.txt, at the portal's root
	}
	return p.w.write(p.prefix+name, data)
}

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

// renderPortalPages writes the portal's own pages, its sitemap index and
// robots.txt.
func renderPortalPages(site *PortalSite, th *theme, w writer, baseURL string) (int, error) {
	basePath := basePathOf(baseURL)
	pages := []*PortalPage{
		{Kind: "portal", URL: "", Description: "Professional learning plans of " + fmt.Sprint(len(site.Districts)) + " districts."},
		{Kind: "portal-standards", URL: "standards/", Title: "Standards across districts", Description: "Which standards the districts' plans address."},
		{Kind: "portal-accessibility", URL: "accessibility/", Title: "Accessibility", Description: "How accessible this site is, and how to report a problem."},
		{Kind: "portal-404", URL: "404.html", Title: "Page not found", absolute: true, basePath: basePath},
	}
	var buf bytes.Buffer
	for _, pg := range pages {
		pg.Portal = site
		buf.Reset()
		if err := th.portal[pg.Kind].ExecuteTemplate(&buf, "portal-baseof.html", pg); err != nil {
			return 0, fmt.Errorf("rendering %s: %v", pg.Kind, err)
		}
		name := pg.URL
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		if err := w.write(name, buf.Bytes()); err != nil {
			return 0, err
		}
	}
	var maps []string
	for _, d := range site.Districts {
		maps = append(maps, d.URL+"sitemap.xml")
	}
	if err := w.write("sitemap.xml", sitemapXML("sitemapindex", "sitemap", siteAddress(baseURL, basePath), maps)); err != nil {
		return 0, err
	}
	robots := "User-agent: *\nAllow: /\n"
	if baseURL != "" {
		robots += "Sitemap: " + baseURL + "sitemap.xml\n"
	}
	if err := w.write("robots.txt", []byte(robots)); err != nil {
		return 0, err
	}
	return len(pages), nil
}
