package generator

import (
	"fmt"
	"io"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/themes"
)

// PortalOptions configure BuildPortal.
type PortalOptions struct {
	// Out is the output folder, replaced as a whole as in BuildOptions.
	Out string
	// BaseURL overrides the portal's base_url setting.
	BaseURL string
	// Minify minifies CSS, JS, SVG, JSON and XML.
	Minify bool
	// MinifyHTML, with Minify, minifies the HTML pages too. The default
	// theme's pages are compact already: minifying them saves about 2% of
	// their bytes for a fifth of the build's time (README, Performance).
	MinifyHTML bool
	// Progress, if set, receives a line of progress now and then.
	Progress io.Writer
	// Workers bounds how many districts are built at once
	// (runtime.GOMAXPROCS if < 1).
	Workers int

	noRawHTML bool // portal.toml says unsafe_html = false
}

// PortalResult says what a portal build wrote.
type PortalResult struct {
	Districts int
	Pages     int
	Files     int
	Bytes     int64
	Elapsed   time.Duration
}

// BuildPortal loads every district plan of the portal and writes one site:
// each district's site in its own folder, a list of districts, and a page
// of standards across districts. Districts are loaded and rendered by a
// bounded pool of workers, and only a small summary of each is kept. If
// any district has errors, nothing is written and the diagnostics of every
// district are returned; the previous site stays as it was. Warnings about
// the output (pages published unminified) are among the diagnostics.
func BuildPortal(p *content.Portal, opt PortalOptions) (PortalResult, content.Diagnostics, error) {
	start := time.Now()
	// Each district's garbage is short-lived and the live heap stays
	// small, so collecting less often trades a little memory for speed.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	th, err := loadTheme(themes.Default(), themeOverrides(p.Dir))
	if err != nil {
		return PortalResult{}, nil, err
	}
	if ds := districtFolders(p, th); ds.HasErrors() {
		return PortalResult{}, ds, nil
	}
	opt.BaseURL = normalBaseURL(opt.BaseURL, p.Settings.BaseURL)
	opt.noRawHTML = p.Settings.ForbidsRawHTML()
	var res PortalResult
	var diags content.Diagnostics
	pub, err := publish(opt.Out, portalSource(p), opt.Minify, func(f *folder) error {
		var err error
		f.minifyHTML = opt.MinifyHTML
		res, diags, err = writePortal(p, th, f, opt)
		return err
	})
	if diags.HasErrors() {
		return PortalResult{}, diags, nil
	}
	if err != nil {
		return PortalResult{}, diags, err
	}
	res.Files, res.Bytes = pub.files, pub.bytes
	res.Elapsed = time.Since(start)
	return res, diags, nil
}

// errDistricts stops a portal build whose districts have errors.
var errDistricts = fmt.Errorf("districts have errors")

// writePortal renders every district into f, then the portal's own pages.
func writePortal(p *content.Portal, th *theme, f *folder, opt PortalOptions) (PortalResult, content.Diagnostics, error) {
	var (
		failed   atomic.Bool
		mu       sync.Mutex
		diags    content.Diagnostics
		firstErr error
		pages    atomic.Int64
		doneN    atomic.Int64
	)
	summaries := make([]*DistrictSummary, len(p.Districts))
	custom := hasOverrides(p.Dir)
	forEach(len(p.Districts), opt.Workers, func(i int) {
		d := p.Districts[i]
		plan, ds := d.Load()
		var n int
		var err error
		if !ds.HasErrors() && !failed.Load() {

			var more content.Diagnostics
			n, more, err = renderDistrict(plan, d, th, custom, f, opt)
			ds = append(ds, more...)
		}
		mu.Lock()
		diags = append(diags, ds...)
		if err != nil && firstErr == nil {
			firstErr = fmt.Errorf("%s: %v", d.Folder, err)
		}
		mu.Unlock()
		if ds.HasErrors() || err != nil {
			failed.Store(true)
		} else {
			pages.Add(int64(n))
			summaries[i] = summarize(plan, d)
		}
		if n := doneN.Add(1); opt.Progress != nil && n%500 == 0 {
			fmt.Fprintf(opt.Progress, "%d of %d districts\n", n, len(p.Districts))
		}
	})
	diags.Sort()
	if diags.HasErrors() {
		return PortalResult{}, diags, errDistricts
	}
	if firstErr != nil {
		return PortalResult{}, diags, firstErr
	}
	site := &PortalSite{Settings: p.Settings, Districts: summaries}
	site.tally()
	w := f.writer()
	n, err := renderPortalPages(site, th, w, opt.BaseURL)
	if err != nil {
		return PortalResult{}, diags, err
	}
	return PortalResult{Districts: len(p.Districts), Pages: int(pages.Load()) + n}, diags, writeStatic(th, w)
}

// renderDistrict writes one district's pages, plan.json and sitemap into
// its folder of the portal's site.
// custom says the portal has layouts or static files of its own.
func renderDistrict(plan *content.Plan, d content.DistrictRef, th *theme, custom bool, f *folder, opt PortalOptions) (int, content.Diagnostics, error) {
	dth, assets := th, ""
	own := hasOverrides(d.Path)
	if own {
		var err error
		if dth, err = loadTheme(themes.Default(), themeOverrides(d.Path)); err != nil {
			return 0, nil, err
		}
		assets = d.Slug + "/"
	}
	sps, err := planSites(plan, variant{baseURL: opt.BaseURL, root: d.Slug + "/", assets: assets, noRawHTML: opt.noRawHTML}, dth)
	if dg, ok := asDiagnostic(err); ok {
		return 0, content.Diagnostics{dg}.Prefix(d.Folder), nil
	}
	if err != nil {
		return 0, nil, err
	}
	w := f.writer()
	w.keepText = rawMarkup(plan, own) || custom
	n, err := renderSites(sps, dth, w, nil, nil)
	if err != nil {
		return 0, nil, err
	}
	if assets != "" {
		if err := writeStatic(dth, within(w, assets)); err != nil {
			return 0, nil, err
		}
	}
	return n, sitesWarnings(sps, w.unminified).Prefix(d.Folder), nil
}

// portalSource is what a portal's output folder must stay out of: its
// layouts, static files and district folders.
func portalSource(p *content.Portal) source {
	src := source{dir: p.Dir, names: []string{"layouts", "static", content.PortalFile}}
	for _, d := range p.Districts {
		src.names = append(src.names, d.Folder)
	}
	return src
}
