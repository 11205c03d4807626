package generator

import (
	"io/fs"
	"os"
	"path"
	"strings"
	"time"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/themes"
)

// Incremental renders a plan's site into memory and, on later updates,
// renders again only the pages whose sources changed. trellis serve uses
// it; the site it returns is never modified afterwards, so it can be
// served while the next update runs.
type Incremental struct {
	opt     Options
	th      *theme
	shared  *theme // in a portal: the portal's theme, unless the district has its own layouts or static files
	root    string // in a portal: the district's folder in the site, "district-a/"
	files   map[string][]byte
	deps    map[string][]string // page file → the plan files and folders it shows
	sources map[string]bool     // the plan's Markdown files at the last update
}

// Update is what one call of Incremental.Update did.
type Update struct {
	Files    map[string][]byte // the whole site: file path → contents
	Rendered int               // pages rendered
	Pages    int               // pages in the site
	Full     bool              // everything was rendered
	Elapsed  time.Duration
}

// NewIncremental returns a builder for the plan in opt.PlanDir. Out is not
// used: the site stays in memory.
func NewIncremental(opt Options) *Incremental {
	return &Incremental{opt: opt}
}

// Update renders the site of a validated plan. changed lists the plan's
// files (slash paths relative to the plan folder) that changed since the
// last update; nil means anything may have changed.
func (b *Incremental) Update(plan *content.Plan, changed []string) (Update, error) {
	start := time.Now()
	assets := ""
	if b.th == nil || changed == nil || touchesTheme(changed) {
		th := b.shared
		if th == nil || hasOverrides(b.opt.PlanDir) {
			var err error
			if th, err = loadTheme(themes.Default(), themeOverrides(b.opt.PlanDir)); err != nil {
				return Update{}, err
			}
		}
		b.th = th
		b.files = nil // static files and every page must be written again
	}
	ownStatic := b.shared == nil || b.th != b.shared
	if b.root != "" && ownStatic {
		assets = b.root
	}
	sources := planSources(plan)
	full := b.files == nil || changed == nil || changesPlanWide(plan, changed) || !sameKeys(sources, b.sources)

	r := newRendering(plan, b.opt)
	w := &memWriter{files: make(map[string][]byte, len(r.pages)+16), minify: b.opt.Minify}
	if !full {
		for k, v := range b.files {
			w.files[k] = v
		}
	} else if ownStatic {
		var sw writer = w
		if b.root != "" {
			sw = &prefixWriter{w, b.root}
		}
		if err := writeStatic(b.th, sw); err != nil {
			return Update{}, err
		}
	}
	deps := make(map[string][]string, len(r.pages))
	keep := map[string]bool{}
	rendered := 0
	for _, p := range r.pages {
		if b.root != "" {
			if p.Kind == "404" {
				continue // a portal has one 404 page, at its root
			}
			p.within(b.root, assets)
		}
		f := p.File()
		keep[f] = true
		deps[f] = r.site.deps(p)
		if !full && !affected(changed, deps[f]) && !affected(changed, b.deps[f]) {
			if _, ok := w.files[f]; ok {
				continue
			}
		}
		if err := r.page(b.th, p, w); err != nil {
			return Update{}, err
		}
		rendered++
	}
	// Pages that are gone: a goal renamed or removed.
	for f := range b.deps {
		if !keep[f] {
			delete(w.files, f)
		}
	}
	var dw writer = w
	if b.root != "" {
		dw = &prefixWriter{w, b.root}
	}
	if err := r.data(dw); err != nil {
		return Update{}, err
	}
	b.files, b.deps, b.sources = w.files, deps, sources
	return Update{Files: w.files, Rendered: rendered, Pages: len(r.pages), Full: full, Elapsed: time.Since(start)}, nil
}

func themeOverrides(planDir string) fs.FS {
	if planDir == "" {
		return nil
	}
	return os.DirFS(planDir)
}

// touchesTheme reports whether a change is in the plan's layouts/ or static/.
func touchesTheme(changed []string) bool {
	for _, f := range changed {
		if strings.HasPrefix(f, "layouts/") || strings.HasPrefix(f, "static/") || f == "layouts" || f == "static" {
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

// deps lists the plan files and folders a page shows. Changes to the
// settings, standards, profile and beliefs re-render every page and are not
// listed.
func (s *Site) deps(p *Page) []string {
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
	case "plan", "search":
		return []string{goals, activities, partners}
	}
	return nil // district, 404: only plan-wide changes
}

// memWriter keeps a site in memory.
type memWriter struct {
	files  map[string][]byte
	minify bool
}

func (m *memWriter) write(name string, data []byte) error {
	if m.minify {
		data = minifyByName(name, data)
	}
	m.files[path.Clean(name)] = append([]byte(nil), data...)
	return nil
}
