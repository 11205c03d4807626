package generator

import (
	"maps"
	"os"
	"path"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/themes"
)

// PortalIncremental keeps a portal's site in memory for trellis serve: one
// LivePlan per district. A change inside a district's folder reloads and
// re-renders that district only, and then the portal's own pages; a change
// at the portal's root (portal.toml, layouts, static, a district added or
// removed) rebuilds everything.
type PortalIncremental struct {
	dir     string
	opt     PreviewOptions
	workers int

	mu        sync.RWMutex // guards what File reads
	th        *theme
	portal    *content.Portal
	districts map[string]*portalDistrict // by folder name
	bySlug    map[string]*portalDistrict
	root      map[string][]byte // the portal's own pages and the shared static files
}

type portalDistrict struct {
	ref     content.DistrictRef
	live    *LivePlan
	summary *DistrictSummary // of the last good plan
	diags   content.Diagnostics
	changed []string // since the last update; nil: everything
}

// PortalUpdate is what one PortalIncremental.Update did.
type PortalUpdate struct {
	Districts   int  // districts in the portal
	Rebuilt     int  // districts loaded and rendered again
	Rendered    int  // pages rendered
	Root        bool // the portal's own pages among them (only when a district's summary changed)
	Diagnostics content.Diagnostics
	Elapsed     time.Duration
}

// NewPortalIncremental returns a builder for the portal in dir; workers
// bounds how many districts are built at once (runtime.GOMAXPROCS if < 1).
func NewPortalIncremental(dir string, opt PreviewOptions, workers int) *PortalIncremental {
	return &PortalIncremental{dir: dir, opt: opt, workers: workers, districts: map[string]*portalDistrict{}}
}

// Update applies changes (slash paths relative to the portal folder; nil:
// anything may have changed). Districts with errors keep their last good
// pages; the diagnostics of every district are returned, sorted.
func (b *PortalIncremental) Update(changed []string) (PortalUpdate, error) {
	start := time.Now()
	var up PortalUpdate
	full := b.needsReopen(changed)
	if full {
		if err := b.reopen(&up); err != nil {
			return up, err
		}
		if b.portal == nil || up.Diagnostics.HasErrors() {
			return up, nil // portal.toml is broken: keep the last good site
		}
	} else {
		for _, c := range changed {
			folder, rest, _ := strings.Cut(c, "/")
			if d := b.districts[folder]; d.changed != nil {
				d.changed = append(d.changed, rest)
			}
		}
	}
	summaries, err := b.rebuildDistricts(&up)
	if err != nil {
		return up, err
	}
	if err := b.renderRoot(&up, full, summaries); err != nil {
		return up, err
	}
	up.Districts = len(b.districts)
	up.Elapsed = time.Since(start)
	return up, nil
}

// needsReopen reports whether changes touch the portal's own files, or
// add or remove a district.
func (b *PortalIncremental) needsReopen(changed []string) bool {
	if changed == nil || b.portal == nil {
		return true
	}
	for _, c := range changed {
		folder, _, inside := strings.Cut(c, "/")
		d := b.districts[folder]
		if !inside || folder == "layouts" || folder == "static" || d == nil {
			return true // the portal's own files, or a district added
		}
		if _, err := os.Stat(d.ref.Path + "/" + content.SettingsFile); err != nil {
			return true // a district removed
		}
	}
	return false
}

// rebuildDistricts updates the districts with changes, a few at a time,
// and reports whether the summary of any changed, which the portal's own
// pages show.
func (b *PortalIncremental) rebuildDistricts(up *PortalUpdate) (bool, error) {
	var todo []*portalDistrict
	for _, name := range b.order() {
		if d := b.districts[name]; d.changed == nil || len(d.changed) > 0 {
			todo = append(todo, d)
		}
	}
	var (
		mu        sync.Mutex
		firstErr  error
		summaries bool
	)
	forEach(len(todo), b.workers, func(i int) {
		d := todo[i]
		res, err := d.live.Update(d.changed)
		d.changed = []string{}
		d.diags = res.Diagnostics.Prefix(d.ref.Folder)
		var changed bool
		if res.Plan != nil {
			s := summarize(res.Plan, d.ref)
			changed = !reflect.DeepEqual(s, d.summary)
			d.summary = s
		}
		mu.Lock()
		summaries = summaries || changed
		up.Rendered += res.Rendered
		up.Rebuilt++
		if err != nil && firstErr == nil {
			firstErr = err
		}
		mu.Unlock()
	})
	return summaries, firstErr
}

// renderRoot renders the portal's own pages from the districts' last good
// summaries, and its static files if full. The pages show nothing but the
// settings and the summaries: unless full or summaries (some summary
// changed), the last ones stand. Every district's diagnostics are
// gathered either way.
func (b *PortalIncremental) renderRoot(up *PortalUpdate, full, summaries bool) error {
	site := &PortalSite{Settings: b.portal.Settings}
	for _, name := range b.order() {
		d := b.districts[name]
		up.Diagnostics = append(up.Diagnostics, d.diags...)
		if d.summary != nil {
			site.Districts = append(site.Districts, d.summary)
		}
	}
	up.Diagnostics.Sort()
	b.mu.RLock()
	rendered := b.root != nil
	b.mu.RUnlock()
	if !full && !summaries && rendered {
		return nil
	}
	site.tally()
	w := &memWriter{files: map[string][]byte{}, minify: b.opt.Minify, minifyHTML: b.opt.MinifyHTML}
	b.mu.RLock()
	last := b.root
	b.mu.RUnlock()
	if !full {
		maps.Copy(w.files, last)
	}
	n, err := renderPortalPages(site, b.th, w, b.opt.BaseURL)
	if err != nil {
		return err
	}
	if err := putStatic(b.th, w, "", last, full); err != nil {
		return err
	}
	up.Rendered += n
	up.Root = true
	b.mu.Lock()
	b.root = w.files
	b.mu.Unlock()
	return nil
}

// reopen reads the portal's settings and districts again, keeping the
// caches of districts that remain, and marks every district for rebuilding.
func (b *PortalIncremental) reopen(up *PortalUpdate) error {
	p, diags := content.OpenPortal(b.dir)
	if p == nil {
		up.Diagnostics = diags
		return nil
	}
	th, err := loadTheme(themes.Default(), themeOverrides(b.dir))
	if err != nil {
		return err
	}
	if ds := districtFolders(p, th); ds.HasErrors() {
		up.Diagnostics = append(diags, ds...)
		return nil
	}
	districts := map[string]*portalDistrict{}
	bySlug := map[string]*portalDistrict{}
	custom := hasOverrides(b.dir)
	for _, ref := range p.Districts {
		d := b.districts[ref.Folder]
		if d == nil {
			d = &portalDistrict{live: NewLivePlan(ref.Path, b.opt)}
		}
		d.ref = ref
		d.live.mu.Lock()
		d.live.dir = ref.Path
		d.live.inc = &Incremental{dir: ref.Path, opt: b.opt, shared: th, root: ref.Slug + "/", custom: custom, compress: true,
			noRawHTML: p.Settings.ForbidsRawHTML()}
		d.live.mu.Unlock()
		d.changed = nil
		districts[ref.Folder] = d
		bySlug[ref.Slug] = d
	}
	b.mu.Lock()
	b.th, b.portal, b.districts, b.bySlug = th, p, districts, bySlug
	b.mu.Unlock()
	up.Diagnostics = append(up.Diagnostics, diags...)
	return nil
}

func (b *PortalIncremental) order() []string {
	out := make([]string, 0, len(b.districts))
	for _, ref := range b.portal.Districts {
		out = append(out, ref.Folder)
	}
	return out
}

// File returns a file of the portal's site, or false.
func (b *PortalIncremental) File(name string) ([]byte, bool) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	if slug, _, ok := strings.Cut(name, "/"); ok {
		if d := b.bySlug[slug]; d != nil {
			return d.live.File(path.Clean(name))
		}
	}
	data, ok := b.root[name]
	return data, ok
}

// Known reports whether a path (relative to the portal folder) is a
// district's folder or was read as part of a district's plan.
func (b *PortalIncremental) Known(name string) bool {
	folder, rest, inside := strings.Cut(name, "/")
	b.mu.RLock()
	d := b.districts[folder]
	b.mu.RUnlock()
	if !inside {
		return d != nil
	}
	return d != nil && d.live.Known(rest)
}
