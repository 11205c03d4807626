package generator

import (
	"strings"
	"time"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/themes"
)

// PreviewOptions configure the in-memory builds of trellis serve.
type PreviewOptions struct {
	// BaseURL is the address the site is served at.
	BaseURL string
	// Minify minifies CSS, JS, SVG, JSON and XML.
	Minify bool
	// MinifyHTML, with Minify, minifies the HTML pages too. The default
	// theme's pages are compact already: minifying them saves about 2% of
	// their bytes for a fifth of the build's time (README, Performance).
	MinifyHTML bool
}

// Incremental renders a plan's site into memory and, on later updates,
// renders again only the pages that the planner says depend on the
// changed files. trellis serve uses it; the site it returns is never
// modified afterwards, so it can be served while the next update runs.
type Incremental struct {
	dir    string
	opt    PreviewOptions
	th     *theme
	shared *theme // in a portal: the portal's theme, unless the district has its own layouts or static files
	root   string // in a portal: the district's folder in the site, "district-a/"
	custom bool   // in a portal: the portal has layouts or static files of its own
	// compress keeps the files deflated (a portal's districts: see
	// deflate.go); Update.Files then holds them so, and LivePlan.File
	// inflates the one asked for.
	compress bool
	dict     []byte // what the files are deflated against, set by the first update
	files    map[string][]byte
	deps     map[string][]string // page file → the plan files and folders it showed
	sources  map[string]bool     // the plan's Markdown files at the last update
	// noRawHTML: in a portal whose portal.toml says unsafe_html = false.
	noRawHTML bool
	hist      *planHistory // the plan's git history, if any (set by LivePlan)
}

// Update is what one call of Incremental.Update did.
type Update struct {
	Files    map[string][]byte // the whole site: file path → contents
	Rendered int               // pages rendered
	Pages    int               // pages in the site
	Full     bool              // everything was rendered
	Elapsed  time.Duration
	// Warnings are about the output, such as pages published unminified.
	Warnings content.Diagnostics

	compressed bool   // Files are deflated against dict
	dict       []byte // see Incremental.compress
}

// NewIncremental returns a builder for the plan in dir.
func NewIncremental(dir string, opt PreviewOptions) *Incremental {
	return &Incremental{dir: dir, opt: opt}
}

// Update renders the site of a validated plan. changed lists the plan's
// files (slash paths relative to the plan folder) that changed since the
// last update; nil means anything may have changed.
func (b *Incremental) Update(plan *content.Plan, changed []string) (Update, error) {
	start := time.Now()
	if b.th == nil || changed == nil || touchesTheme(changed) {
		if err := b.loadTheme(); err != nil {
			return Update{}, err
		}
	}
	ownStatic := b.shared == nil || b.th != b.shared
	v := variant{baseURL: b.opt.BaseURL, root: b.root, noRawHTML: b.noRawHTML, history: b.hist}
	if b.root != "" && ownStatic {
		v.assets = b.root
	}
	sps, err := planSites(plan, v, b.th)
	if err != nil {
		return Update{}, err
	}
	pages := pagesOf(sps)
	sources := planSources(plan)
	full := b.files == nil || changed == nil || changesPlanWide(plan, changed) || !sameKeys(sources, b.sources)
	w := &memWriter{files: make(map[string][]byte, len(pages)+16), minify: b.opt.Minify, minifyHTML: b.opt.MinifyHTML,
		keepText: rawMarkup(plan, hasOverrides(b.dir)) || b.custom, compress: b.compress, dict: &b.dict}
	if !full {
		for _, p := range pages { // pages that are gone, a goal renamed or removed, are left out
			if data, ok := b.files[p.File()]; ok {
				w.files[p.File()] = data
			}
		}
		for name, data := range b.files {
			if _, page := b.deps[name]; !page {
				w.files[name] = data // static and data files
			}
		}
	}
	want := func(p *Page) bool {
		_, have := w.files[p.File()]
		c := p.Site.ownChanges(changed)
		return full || !have || affected(c, p.Site.deps(p)) || affected(c, b.deps[p.File()])
	}
	n, err := renderSites(sps, b.th, w, want, nil)
	if err != nil {
		return Update{}, err
	}
	if ownStatic { // a portal district that shares the portal's look has none of its own
		if err := putStatic(b.th, w, b.root, b.files, full); err != nil {
			return Update{}, err
		}
	}
	b.deps = make(map[string][]string, len(pages))
	for _, p := range pages {
		b.deps[p.File()] = p.Site.deps(p)
	}
	b.files, b.sources = w.files, sources
	return Update{Files: w.files, Rendered: n, Pages: len(pages), Full: full, Elapsed: time.Since(start),
		Warnings: sitesWarnings(sps, w.unminified), compressed: b.compress, dict: b.dict}, nil
}

// loadTheme parses the templates again: the portal's, unless the plan has
// layouts or static files of its own. Every file must be written again.
func (b *Incremental) loadTheme() error {
	th := b.shared
	if th == nil || hasOverrides(b.dir) {
		var err error
		if th, err = loadTheme(themes.Default(), themeOverrides(b.dir)); err != nil {
			return err
		}
	}
	b.th, b.files = th, nil
	return nil
}

// touchesTheme reports whether a change is in the plan's layouts/ or static/.
func touchesTheme(changed []string) bool {
	for _, f := range changed {
		if strings.HasPrefix(f, "layouts/") || strings.HasPrefix(f, "static/") || strings.HasPrefix(f, "i18n/") || f == "layouts" || f == "static" || f == "i18n" {
			return true
		}
	}
	return false
}

// changesPlanWide reports whether a change touches what every page shows:
// the settings, the standards, the district profile or the beliefs.
func changesPlanWide(plan *content.Plan, changed []string) bool {
	for _, f := range changed {
		switch f {
		case content.SettingsFile, content.DistrictFile, content.BeliefsFile:
			return true
		}
		if main, _, ok := content.TranslationOf(f); ok && (main == content.DistrictFile || main == content.BeliefsFile) {
			return true // the district's or beliefs' translation: every page of its language
		}
		if plan.Standards != nil && f == plan.Standards.File {
			return true
		}
	}
	return false
}

func planSources(plan *content.Plan) map[string]bool {
	m := map[string]bool{}
	for _, g := range plan.Goals {
		m[g.File] = true
	}
	for _, a := range plan.Activities {
		m[a.File] = true
	}
	for _, p := range plan.Partners {
		m[p.File] = true
	}
	return m
}

func sameKeys(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// ownChanges leaves out of changed the translations into other languages
// than the site's: they change nothing on its pages.
func (s *Site) ownChanges(changed []string) []string {
	var out []string
	for _, f := range changed {
		if _, lang, ok := content.TranslationOf(f); ok && lang != s.Lang {
			continue
		}
		out = append(out, f)
	}
	return out
}
