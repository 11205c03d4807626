package generator

import (
	"os"
	"path"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/themes"
)

// PortalIncremental keeps a portal's site in memory for trellis serve: one
// Incremental and one content.Cache per district. A change inside a
// district's folder reloads and re-renders that district only, and then the
// portal's own pages; a change at the portal's root (portal.toml, layouts,
// static, a district added or removed) rebuilds everything.
type PortalIncremental struct {
	dir     string
	opt     Options
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
	cache   *content.Cache
	inc     *Incremental
	files   map[string][]byte // the last good site of the district
	summary *DistrictSummary
	diags   content.Diagnostics
	pending []string // changed since the last good build; nil: everything
}

// PortalUpdate is what one PortalIncremental.Update did.
type PortalUpdate struct {
	Districts   int // districts in the portal
	Rebuilt     int // districts loaded and rendered again
	Rendered    int // pages rendered
	Diagnostics content.Diagnostics
	Elapsed     time.Duration
}

// NewPortalIncremental returns a builder for the portal in dir; workers
// bounds how many districts are built at once (runtime.GOMAXPROCS if < 1).
func NewPortalIncremental(dir string, opt Options, workers int) *PortalIncremental {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	return &PortalIncremental{dir: dir, opt: opt, workers: workers, districts: map[string]*portalDistrict{}}
}

// Update applies changes (slash paths relative to the portal folder; nil:
// anything may have changed). Districts with errors keep their last good
// pages; the diagnostics of every district are returned, sorted.
func (b *PortalIncremental) Update(changed []string) (PortalUpdate, error) {
	start := time.Now()
	full := changed == nil || b.portal == nil
	for _, c := range changed {
		folder, _, inside := strings.Cut(c, "/")
		d := b.districts[folder]
		if !inside || folder == "layouts" || folder == "static" || d == nil {
			full = true // the portal's own files, or a district added
			break
		}
		if _, err := os.Stat(d.ref.Path + "/" + content.SettingsFile); err != nil {
			full = true // a district removed
			break
		}
	}
	var up PortalUpdate
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
			if d := b.districts[folder]; d.pending != nil {
				d.pending = append(d.pending, rest)
			}
		}
	}

	// Rebuild the districts with changes, a few at a time.
	var todo []*portalDistrict
	for _, name := range b.order() {
		if d := b.districts[name]; d.pending == nil || len(d.pending) > 0 {
			todo = append(todo, d)
		}
	}
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
		next     = make(chan *portalDistrict)
	)
	for w := 0; w < min(b.workers, max(len(todo), 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range next {
				n, err := b.rebuildDistrict(d)
				mu.Lock()
				up.Rendered += n
				up.Rebuilt++
				if err != nil && firstErr == nil {
					firstErr = err
				}
				mu.Unlock()
			}
		}()
	}
	for _, d := range todo {
		next <- d
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return up, firstErr
	}

	// The portal's own pages, from the districts' last good summaries.
	site := &PortalSite{Settings: b.portal.Settings}
	for _, name := range b.order() {
		d := b.districts[name]
		up.Diagnostics = append(up.Diagnostics, d.diags...)
		if d.summary != nil {
			site.Districts = append(site.Districts, d.summary)
		}
	}
	up.Diagnostics.Sort()
	site.tally()
	w := &memWriter{files: map[string][]byte{}, minify: b.opt.Minify}
	b.mu.RLock()
	for k, v := range b.root {
		w.files[k] = v
	}
	b.mu.RUnlock()
	if full {
		w.files = map[string][]byte{}
		if err := writeStatic(b.th, w); err != nil {
			return up, err
		}
	}
	n, err := renderPortalPages(site, b.th, w, b.opt.BaseURL)
	if err != nil {
		return up, err
	}
	up.Rendered += n
	b.mu.Lock()
	b.root = w.files
	b.mu.Unlock()
	up.Districts = len(b.districts)
	up.Elapsed = time.Since(start)
	return up, nil
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
	districts := map[string]*portalDistrict{}
	bySlug := map[string]*portalDistrict{}
	for _, ref := range p.Districts {
		d := b.districts[ref.Folder]
		if d == nil {
			d = &portalDistrict{ref: ref, cache: content.NewCache()}
		}
		d.ref = ref
		d.inc = &Incremental{opt: Options{PlanDir: ref.Path, BaseURL: b.opt.BaseURL, Minify: b.opt.Minify}, shared: th, root: ref.Slug + "/"}
		d.pending = nil
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

// rebuildDistrict reloads one district and renders what changed. A district
// with errors keeps its last good site.
func (b *PortalIncremental) rebuildDistrict(d *portalDistrict) (int, error) {
	d.cache.Forget(d.pending...)
	plan, diags := content.LoadDirCached(d.ref.Path, d.cache)
	d.diags = diags.Prefix(d.ref.Folder)
	if diags.HasErrors() {
		return 0, nil
	}
	res, err := d.inc.Update(plan, d.pending)
	if err != nil {
		return 0, err
	}
	b.mu.Lock()
	d.files = res.Files
	b.mu.Unlock()
	d.summary = summarize(plan, d.ref)
	d.pending = []string{}
	return res.Rendered, nil
}

// File returns a file of the portal's site, or false.
func (b *PortalIncremental) File(name string) ([]byte, bool) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	if slug, _, ok := strings.Cut(name, "/"); ok {
		if d := b.bySlug[slug]; d != nil {
			data, ok := d.files[path.Clean(name)]
			return data, ok
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
	return d != nil && d.cache.Known(rest)
}
