// Package generator turns a validated plan into a static website. It knows
// nothing about flags or terminals: callers give it a content.Plan and
// Options, and get the site written atomically to Options.Out.
package generator

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	mhtml "github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	mjson "github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	mxml "github.com/tdewolff/minify/v2/xml"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/themes"
)

// Options configure a build.
type Options struct {
	// Out is the output folder. It is replaced as a whole when the build
	// succeeds, and left as it was when it fails.
	Out string
	// PlanDir is the plan's folder: its layouts/ and static/ replace theme
	// files of the same path, and Out may be neither it nor a folder that
	// contains it. Empty: no overrides, no such check.
	PlanDir string
	// BaseURL overrides the plan's base_url setting.
	BaseURL string
	// Minify minifies HTML, CSS, JS, SVG, JSON and XML.
	Minify bool
	// Progress, if set, receives a line of progress now and then.
	Progress io.Writer
	// PDF also writes plan.pdf, the printable page printed by a local Chrome
	// or Chromium (Browser, or the one FindBrowser finds). Without one the
	// build fails with ErrNoBrowser.
	PDF     bool
	Browser string
}

// Result says what a build wrote.
type Result struct {
	Pages   int
	Files   int
	Bytes   int64
	Elapsed time.Duration
}

// marker is written into every output folder, so that Trellis never
// replaces a folder it did not write.
const marker = ".trellis-site"

// Build writes the site of a validated plan. The plan must have no errors.
func Build(plan *content.Plan, opt Options) (Result, error) {
	start := time.Now()
	if plan == nil || plan.Standards == nil {
		return Result{}, errors.New("the plan did not load; run `trellis check` to see why")
	}
	out, err := checkOut(opt.Out, opt.PlanDir)
	if err != nil {
		return Result{}, err
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
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return Result{}, err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(out), ".trellis-build-")
	if err != nil {
		return Result{}, err
	}
	done := false
	defer func() {
		if !done {
			os.RemoveAll(tmp)
		}
	}()
	w := &dirWriter{root: tmp, minify: opt.Minify}
	res, err := render(plan, th, w, opt)
	if err != nil {
		return Result{}, err
	}
	if err := writePDF(tmp, w, opt); err != nil {
		return Result{}, err
	}
	if err := w.write(marker, []byte("This folder is written by Trellis and replaced on every build.\n")); err != nil {
		return Result{}, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return Result{}, err
	}
	if err := swap(tmp, out); err != nil {
		return Result{}, err
	}
	done = true
	res.Files, res.Bytes = w.files, w.bytes
	res.Elapsed = time.Since(start)
	return res, nil
}

// checkOut refuses output folders that would destroy the plan or files
// Trellis did not write, and returns the folder as an absolute path.
func checkOut(out, planDir string) (string, error) {
	if out == "" {
		return "", errors.New("no output folder given")
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return "", err
	}
	if planDir != "" {
		plan, err := filepath.Abs(planDir)
		if err != nil {
			return "", err
		}
		if abs == plan {
			return "", fmt.Errorf("the output folder %s is the plan folder; choose another, such as %s", out, filepath.Join(planDir, "public"))
		}
		if rel, err := filepath.Rel(abs, plan); err == nil && !strings.HasPrefix(rel, "..") {
			return "", fmt.Errorf("the output folder %s contains the plan folder; choose another, such as %s", out, filepath.Join(planDir, "public"))
		}
	}
	info, err := os.Stat(abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return abs, nil
	case err != nil:
		return "", err
	case !info.IsDir():
		return "", fmt.Errorf("the output folder %s is a file; choose a folder", out)
	}
	entries, err := os.ReadDir(abs)
	if err != nil {
		return "", err
	}
	if len(entries) > 0 {
		if _, err := os.Stat(filepath.Join(abs, marker)); err != nil {
			return "", fmt.Errorf("the output folder %s has files that Trellis did not write; choose an empty or new folder", out)
		}
	}
	return abs, nil
}

// swap puts the new site in place of the old one.
func swap(tmp, out string) error {
	if _, err := os.Stat(out); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(tmp, out)
	}
	old := tmp + "-old"
	if err := os.Rename(out, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		_ = os.Rename(old, out)
		return err
	}
	return os.RemoveAll(old)
}

// writer receives the files of a site.
type writer interface {
	write(name string, data []byte) error
}

// render writes every page and file of the site to w.
func render(plan *content.Plan, th *theme, w writer, opt Options) (Result, error) {
	r := newRendering(plan, opt)
	if r.site.budgetErr != nil {
		return Result{}, r.site.budgetErr
	}
	for i, p := range r.pages {
		if err := r.page(th, p, w); err != nil {
			return Result{}, err
		}
		if opt.Progress != nil && (i+1)%100 == 0 {
			fmt.Fprintf(opt.Progress, "rendered %d of %d pages\n", i+1, len(r.pages))
		}
	}
	if err := writeStatic(th, w); err != nil {
		return Result{}, err
	}
	if err := r.data(w); err != nil {
		return Result{}, err
	}
	return Result{Pages: len(r.pages)}, nil
}

// rendering is one pass over a plan: its site, pages and addresses.
type rendering struct {
	plan              *content.Plan
	site              *Site
	pages             []*Page
	baseURL, basePath string
	buf               bytes.Buffer
}

func newRendering(plan *content.Plan, opt Options) *rendering {
	r := &rendering{plan: plan, site: newSite(plan, newMarkdown(plan.Settings.UnsafeHTML))}
	r.baseURL = opt.BaseURL
	if r.baseURL == "" {
		r.baseURL = plan.Settings.BaseURL
	}
	if r.baseURL != "" && !strings.HasSuffix(r.baseURL, "/") {
		r.baseURL += "/"
	}
	r.basePath = basePathOf(r.baseURL)
	r.site.PDF = opt.PDF
	r.pages = r.site.pages()
	for _, p := range r.pages {
		p.basePath, p.baseURL = r.basePath, r.baseURL
	}
	return r
}

// page renders one page and writes it.
func (r *rendering) page(th *theme, p *Page, w writer) error {
	r.buf.Reset()
	if err := th.pages[p.Kind].ExecuteTemplate(&r.buf, "baseof.html", p); err != nil {
		return fmt.Errorf("rendering %s: %v", p.File(), err)
	}
	return w.write(p.File(), r.buf.Bytes())
}

// data writes plan.json, sitemap.xml and robots.txt.
func (r *rendering) data(w writer) error {
	planJSON, err := json.MarshalIndent(planData(r.plan, r.site), "", "  ")
	if err != nil {
		return err
	}
	if err := w.write("plan.json", planJSON); err != nil {
		return err
	}
	if err := w.write("sitemap.xml", sitemap(r.pages, r.baseURL, r.basePath)); err != nil {
		return err
	}
	robots := "User-agent: *\nAllow: /\n"
	if r.baseURL != "" {
		robots += "Sitemap: " + r.baseURL + "sitemap.xml\n"
	}
	return w.write("robots.txt", []byte(robots))
}

// writeStatic copies the theme's static files, with the plan's own over them.
func writeStatic(th *theme, w writer) error {
	for name, src := range th.static {
		data, err := fs.ReadFile(src, "static/"+name)
		if err != nil {
			return err
		}
		if err := w.write(name, data); err != nil {
			return err
		}
	}
	return nil
}

func sitemap(pages []*Page, baseURL, basePath string) []byte {
	var urls []string
	for _, p := range pages {
		if !p.absolute {
			urls = append(urls, p.URL)
		}
	}
	return sitemapXML("urlset", "url", siteAddress(baseURL, basePath), urls)
}

// sitemapXML writes a sitemap (root "urlset", entries "url") or a sitemap
// index (root "sitemapindex", entries "sitemap") of addresses under prefix.
func sitemapXML(root, entry, prefix string, addresses []string) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString("<" + root + ` xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, a := range addresses {
		b.WriteString("  <" + entry + "><loc>")
		_ = xml.EscapeText(&b, []byte(prefix+a))
		b.WriteString("</loc></" + entry + ">\n")
	}
	b.WriteString("</" + root + ">\n")
	return b.Bytes()
}

// siteAddress is what sitemap addresses start with: the base URL, or the
// base path when the site's address is not known.
func siteAddress(baseURL, basePath string) string {
	if baseURL != "" {
		return baseURL
	}
	return basePath
}

// basePathOf returns the path part of a base URL: "/pl-plan/", or "/".
func basePathOf(baseURL string) string {
	if u, err := url.Parse(baseURL); err == nil && u.Path != "" {
		return u.Path
	}
	return "/"
}

// dirWriter writes files under root, minifying them by type if asked.
type dirWriter struct {
	root   string
	minify bool
	files  int
	bytes  int64
	dirs   map[string]bool
}

func (d *dirWriter) write(name string, data []byte) error {
	if d.minify {
		data = minifyByName(name, data)
	}
	p := filepath.Join(d.root, filepath.FromSlash(name))
	dir := filepath.Dir(p)
	if d.dirs == nil {
		d.dirs = map[string]bool{}
	}
	if !d.dirs[dir] {
		if err := d.mkdir(dir); err != nil {
			return err
		}
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return err
	}
	d.files++
	d.bytes += int64(len(data))
	return nil
}

// mkdir makes a folder of the site. Most pages are alone in a new folder
// whose parent exists already, so one mkdir call usually does instead of
// the several of MkdirAll: in a large portal that is a tenth of the time.
func (d *dirWriter) mkdir(dir string) error {
	parent := filepath.Dir(dir)
	var err error
	if d.dirs[parent] || parent == d.root {
		err = os.Mkdir(dir, 0o755)
		if errors.Is(err, fs.ErrExist) {
			err = nil
		}
	} else {
		err = os.MkdirAll(dir, 0o755)
	}
	if err == nil {
		d.dirs[dir] = true
	}
	return err
}

var (
	minifierOnce sync.Once
	minifier     *minify.M
)

// mediaTypes maps file extensions to the minifier's media types.
var mediaTypes = map[string]string{
	".html": "text/html", ".css": "text/css", ".js": "application/javascript",
	".svg": "image/svg+xml", ".json": "application/json", ".xml": "text/xml",
}

// minifyByName minifies data by its file extension; other files, and any
// file the minifier cannot read, are returned unchanged.
func minifyByName(name string, data []byte) []byte {
	mt, ok := mediaTypes[path.Ext(name)]
	if !ok {
		return data
	}
	minifierOnce.Do(func() {
		minifier = minify.New()
		minifier.Add("text/html", &mhtml.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
		minifier.AddFunc("text/css", css.Minify)
		minifier.AddFunc("application/javascript", js.Minify)
		minifier.AddFunc("image/svg+xml", svg.Minify)
		minifier.AddFunc("application/json", mjson.Minify)
		minifier.AddFunc("text/xml", mxml.Minify)
	})
	out, err := minifier.Bytes(mt, data)
	if err != nil {
		return data
	}
	return out
}
