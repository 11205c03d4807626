package generator

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/async"
	"github.com/trellis-pl/trellis/internal/history"
	"github.com/trellis-pl/trellis/themes"
)

// BuildOptions configure Build.
type BuildOptions struct {
	// Out is the output folder. It is replaced as a whole when the build
	// succeeds, and left as it was when it fails; see docs/publishing.md.
	Out string
	// PlanDir is the plan's folder: its layouts/ and static/ replace theme
	// files of the same path, and Out may not be it, contain it, or lie
	// in a part of it that the plan reads. Empty: no overrides, no check.
	PlanDir string
	// BaseURL overrides the plan's base_url setting.
	BaseURL string
	// Minify minifies CSS, JS, SVG, JSON and XML.
	Minify bool
	// MinifyHTML, with Minify, minifies the HTML pages too. The default
	// theme's pages are compact already: minifying them saves about 2% of
	// their bytes for a fifth of the build's time (README, Performance).
	MinifyHTML bool
	// Progress, if set, receives a line of progress now and then.
	Progress io.Writer
	// PDF also writes plan.pdf, the printable page printed by a local Chrome
	// or Chromium (Browser, or the one FindBrowser finds). Without one the
	// build fails with ErrNoBrowser.
	PDF     bool
	Browser string
	// History is the plan's git history, from OpenHistory (nil: none):
	// pages show when they last changed, and the site has a Changes page.
	History *history.Log
	// Versions also builds, from History, each earlier version that the
	// plan's version_tags matches, under versions/TAG/.
	Versions bool
}

// Result says what a build wrote.
type Result struct {
	Pages   int
	Files   int
	Bytes   int64
	Elapsed time.Duration
	// Warnings are about the site rather than the plan: pages published
	// unminified, a missing base_url.
	Warnings content.Diagnostics
}

// Build writes the site of a validated plan. The plan must have no errors.
func Build(plan *content.Plan, opt BuildOptions) (Result, error) {
	start := time.Now()
	if plan == nil || plan.Standards == nil {
		return Result{}, errors.New("the plan did not load; run `trellis check` to see why")
	}
	th, err := loadTheme(themes.Default(), themeOverrides(opt.PlanDir))
	if err != nil {
		return Result{}, err
	}
	if opt.PDF && opt.Browser == "" {
		if opt.Browser, err = FindBrowser(); err != nil {
			return Result{}, err
		}
	}
	var res Result
	var versions []*sitePlan
	var built []history.Tag
	if opt.Versions && opt.History != nil {
		versions, built, res.Warnings = versionPlans(plan, opt.History, normalBaseURL(opt.BaseURL, plan.Settings.BaseURL), th)
	}
	sps, err := planSites(plan, variant{baseURL: opt.BaseURL, pdf: opt.PDF, history: newPlanHistory(opt.History, false), versions: built}, th)
	if err != nil {
		return Result{}, err
	}
	pages := pagesOf(sps)
	var unminified []string
	pub, err := publish(opt.Out, planSourceOf(plan, opt.PlanDir), opt.Minify, func(f *folder) error {
		f.minifyHTML = opt.MinifyHTML
		keepText := rawMarkup(plan, hasOverrides(opt.PlanDir))
		w := f.writer()
		w.keepText = keepText
		read := async.Go(func() ([]staticFile, error) { return readStatic(th, w) }) // beside the pages: it minifies the CSS and JS
		var err error
		res.Pages, unminified, err = renderEach(slices.Concat(sps, versions), th, f, keepText, opt.Progress)
		static, serr := read()
		if err = cmp.Or(err, serr); err == nil {
			err = writeStaticFiles(w, static)
		}
		if err != nil {
			return err
		}
		for _, v := range versions {
			pages = append(pages, v.pages...)
		}
		return writePDF(f.root, w, opt, sps)
	})
	if err != nil {
		return Result{}, err
	}
	res.Files, res.Bytes = pub.files, pub.bytes
	ws := slices.Concat(res.Warnings, sps[0].site.warnings, unminifiedWarnings(unminified, pages))
	ws.Sort()
	res.Warnings = append(ws, noBaseURL(plan, opt)...)
	res.Elapsed = time.Since(start)
	return res, nil
}

// planSourceOf is what the output folder of a plan must stay out of,
// including its own standards file.
func planSourceOf(plan *content.Plan, dir string) source {
	src := planSource(dir)
	if src.dir != "" && plan.Standards.File != "" {
		first, _, _ := strings.Cut(plan.Standards.File, "/")
		src.names = append(src.names, first)
	}
	return src
}

// unminifiedWarnings tells of the pages published unminified, naming the
// plan file each is made from.
func unminifiedWarnings(names []string, pages []*Page) content.Diagnostics {
	if len(names) == 0 {
		return nil
	}
	byFile := map[string]*Page{}
	for _, p := range pages {
		byFile[p.File()] = p
	}
	var ds content.Diagnostics
	for _, n := range names {
		src := ""
		if p := byFile[n]; p != nil {
			src = p.source()
		}
		ds = append(ds, content.Diagnostic{
			File: src, Severity: content.Warning, Code: content.CodeUnminifiedPage,
			Message: fmt.Sprintf("minifying %s would change its text, so it is published unminified", filepath.ToSlash(n)),
			Hint:    "look for raw HTML that a browser reads differently than it is written, such as a stray </option> or an unclosed <select>",
		})
	}
	ds.Sort()
	return ds
}
