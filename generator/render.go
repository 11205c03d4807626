package generator

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/trellis-pl/trellis/content"
)

// pageRenderer turns pages into bytes with a theme. Each goroutine uses its own.
type pageRenderer struct {
	th  *theme
	buf bytes.Buffer
}

// renderers keeps the renderers' buffers from one district of a portal to
// the next: grown to the size of the largest page once, not every time.
var renderers = sync.Pool{New: func() any { return new(pageRenderer) }}

// newRenderer returns a renderer for th; release gives it back.
func newRenderer(th *theme) *pageRenderer {
	r := renderers.Get().(*pageRenderer)
	r.th = th
	return r
}

// release returns r to the pool; what it rendered last must not be used
// afterwards. Buffers grown past 4 MB, by an unusual page, are dropped.
func (r *pageRenderer) release() {
	if r.buf.Cap() > 4<<20 {
		return
	}
	r.th = nil
	renderers.Put(r)
}

// page renders one page of a plan's site: in Go if its kind is
// compiled (compiled.go), else through its templates.
func (r *pageRenderer) page(p *Page) ([]byte, error) {
	if c, ok := r.th.compiled[p.Kind]; ok {
		return r.compiledPage(c, p)
	}
	return r.templatePage(p)
}

// templatePage renders a page through its templates.
func (r *pageRenderer) templatePage(p *Page) ([]byte, error) {
	return r.execute(r.th.lang(p.Site.Lang).pages[p.Kind], "baseof.html", p.File(), p.source(), p)
}

// compiledPage renders a page with a page kind written in Go, into the
// renderer's buffer like execute.
func (r *pageRenderer) compiledPage(c compiledPage, p *Page) (out []byte, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = renderPanic(p.source(), p.File(), v)
		}
	}()
	r.buf.Reset()
	w := &hw{b: &r.buf, c: r.th.catalogue(p.Site.Lang), th: r.th}
	if err := frame(w, p, c); err != nil {
		return nil, fmt.Errorf("rendering %s: %v", p.File(), err)
	}
	return r.buf.Bytes(), nil
}

// execute runs a template into the renderer's buffer, which the result
// shares until the next call. A panic becomes a diagnostic naming src,
// the file the page is made from.
func (r *pageRenderer) execute(t *template.Template, entry, file, src string, data any) (out []byte, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = renderPanic(src, file, v)
		}
	}()
	r.buf.Reset()
	if err := t.ExecuteTemplate(cappedBuffer{&r.buf}, entry, data); err != nil {
		return nil, fmt.Errorf("rendering %s: %v", file, err)
	}
	return r.buf.Bytes(), nil
}

// maxPageBytes is the most a template may write for one page: a plan's
// largest pages are a few MB; a layout's {{range}} that runs away would
// otherwise write until memory runs out.
const maxPageBytes = 64 << 20

var errPageTooLarge = fmt.Errorf("the page grew past %d MB, far beyond any plan's; does a {{range}} in the layout run away?", maxPageBytes>>20)

// cappedBuffer is a buffer that refuses to grow past maxPageBytes, which
// stops the template writing into it.
type cappedBuffer struct{ *bytes.Buffer }

func (c cappedBuffer) Write(p []byte) (int, error) {
	if c.Len()+len(p) > maxPageBytes {
		return 0, errPageTooLarge
	}
	return c.Buffer.Write(p)
}

// renderPanic is the diagnostic for a panic while making what.
func renderPanic(src, what string, v any) error {
	return DiagnosticError{content.Diagnostic{
		File: src, Severity: content.Error, Code: content.CodeRenderFailed,
		Message: fmt.Sprintf("Trellis failed while rendering %s: %v", what, v),
		Hint:    "this is a bug in Trellis: please report it with this file; meanwhile, change the text that the page shows until it builds",
	}}
}

// renderPlan writes the pages of a plan's site for which want is true
// (nil: every page), then its data files, and returns how many pages it
// rendered. Every build of a plan's pages goes through it: plan builds,
// districts of portals, and the incremental builds of serve.
func renderPlan(sp *sitePlan, th *theme, w writer, want func(*Page) bool, progress io.Writer) (int, error) {
	r := newRenderer(th)
	defer r.release()
	n := 0
	for i, p := range sp.pages {
		if want != nil && !want(p) {
			continue
		}
		data, err := r.page(p)
		if err != nil {
			return n, err
		}
		if err := w.write(p.File(), data); err != nil {
			return n, err
		}
		n++
		if progress != nil && (i+1)%100 == 0 {
			fmt.Fprintf(progress, "rendered %d of %d pages\n", i+1, len(sp.pages))
		}
	}
	dw := within(w, sp.root)
	compact := dw.compact()
	for _, f := range sp.dataFiles() {
		r.buf.Reset()
		if err := f.data(&r.buf, compact); err != nil {
			return n, err
		}
		if err := dw.writeCompact(f.name, r.buf.Bytes()); err != nil {
			return n, err
		}
	}
	return n, nil
}

// renderSites renders the site of a plan in each of its languages, each
// through renderPlan.
func renderSites(sps []*sitePlan, th *theme, w writer, want func(*Page) bool, progress io.Writer) (int, error) {
	total := 0
	for _, sp := range sps {
		n, err := renderPlan(sp, th, w, want, progress)
		total += n
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// renderEach renders sites (the languages and versions of one plan)
// through renderPlan, as many at once as there are processors, each with
// its own writer into f; it returns the number of pages and the pages
// published unminified (see minifyByName).
func renderEach(sps []*sitePlan, th *theme, f *folder, keepText bool, progress io.Writer) (int, []string, error) {
	var (
		mu         sync.Mutex
		total      int
		unminified []string
		first      error
	)
	next := make(chan *sitePlan, len(sps))
	for _, sp := range sps {
		next <- sp
	}
	close(next)
	var wg sync.WaitGroup
	for range min(len(sps), runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			w := f.writer()
			w.keepText = keepText
			for sp := range next {
				n, err := renderPlan(sp, th, w, nil, progress)
				mu.Lock()
				total += n
				if err != nil && first == nil {
					first = err
				}
				mu.Unlock()
			}
			mu.Lock()
			unminified = append(unminified, w.unminified...)
			mu.Unlock()
		})
	}
	wg.Wait()
	sort.Strings(unminified)
	return total, unminified, first
}

// pagesOf lists the pages of the sites.
func pagesOf(sps []*sitePlan) []*Page {
	var all []*Page
	for _, sp := range sps {
		all = append(all, sp.pages...)
	}
	return all
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

// putStatic puts the static files into a site kept in memory (under
// prefix, a portal district's folder or "") after its pages, as a build
// writes them, so that a plan's or portal's own static file replaces a
// generated file of its name (a robots.txt). A full update writes them
// afresh; another puts back those of last, the site it updates.
func putStatic(th *theme, w *memWriter, prefix string, last map[string][]byte, full bool) error {
	if full {
		return writeStatic(th, within(w, prefix))
	}
	for name := range th.static {
		key := path.Clean(prefix + name)
		if data, ok := last[key]; ok {
			w.files[key] = data
		}
	}
	return nil
}

// writeStaticFiles writes what readStatic read. A write that fails names
// its file, and says so plainly when the site has a folder of its name
// (static/goals beside the goal pages in goals/).
func writeStaticFiles(w *dirWriter, files []staticFile) error {
	for _, sf := range files {
		err := w.writeCompact(sf.name, sf.data)
		if err == nil {
			continue
		}
		if fi, serr := os.Stat(filepath.Join(w.f.root, filepath.FromSlash(sf.name))); serr == nil && fi.IsDir() {
			return fmt.Errorf("static/%s: the site has a folder of that name, for its own pages; rename the file", sf.name)
		}
		return fmt.Errorf("static/%s: %w", sf.name, err)
	}
	return nil
}

// staticFile is a static file read and minified, ready to be written.
type staticFile struct {
	name string
	data []byte
}

// readStatic is writeStatic's first half, which a build does beside its
// pages: it reads the static files and minifies each as w will publish
// it. The second, writeStaticFiles, comes after the pages, so that a
// plan's own static file (a robots.txt, say) replaces a generated one of
// its name.
func readStatic(th *theme, w *dirWriter) ([]staticFile, error) {
	files := make([]staticFile, 0, len(th.static))
	for name, src := range th.static {
		data, err := fs.ReadFile(src, "static/"+name)
		if err != nil {
			return nil, err
		}
		files = append(files, staticFile{name, w.minified(name, data)})
	}
	return files, nil
}

// sitemap writes the sitemap of a site's pages into b; a page in several
// languages names its versions as alternates (xhtml:link, as search
// engines read them).
func sitemap(b *bytes.Buffer, pages []*Page, baseURL, basePath string, compact bool) {
	urls := make([]string, 0, len(pages))
	multilingual := false
	for _, p := range pages {
		if !p.absolute {
			urls = append(urls, p.URL)
			multilingual = multilingual || len(p.versions) > 1
		}
	}
	prefix := siteAddress(baseURL, basePath)
	if !multilingual {
		sitemapXML(b, "urlset", "url", prefix, urls, compact)
		return
	}
	nl, indent := "\n", "  "
	if compact {
		nl, indent = "", ""
	}
	b.WriteString(strings.TrimSuffix(xml.Header, "\n") + nl)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + nl)
	for _, p := range pages {
		if p.absolute {
			continue
		}
		b.WriteString(indent + "<url><loc>")
		_ = xml.EscapeText(b, []byte(prefix+p.URL))
		b.WriteString("</loc>")
		for _, v := range p.versions {
			b.WriteString(`<xhtml:link rel="alternate" hreflang="` + v.Site.Lang + `" href="`)
			_ = xml.EscapeText(b, []byte(prefix+v.URL))
			b.WriteString(`"/>`)
		}
		b.WriteString("</url>" + nl)
	}
	b.WriteString("</urlset>" + nl)
}

// sitemapXML writes a sitemap (root "urlset", entries "url") or a sitemap
// index (root "sitemapindex", entries "sitemap") of addresses under prefix
// into b: compact as minifying makes it, or a line an entry.
func sitemapXML(b *bytes.Buffer, root, entry, prefix string, addresses []string, compact bool) {
	nl, indent := "\n", "  "
	if compact {
		nl, indent = "", ""
	}
	b.WriteString(strings.TrimSuffix(xml.Header, "\n") + nl)
	b.WriteString("<" + root + ` xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + nl)
	for _, a := range addresses {
		b.WriteString(indent + "<" + entry + "><loc>")
		_ = xml.EscapeText(b, []byte(prefix+a))
		b.WriteString("</loc></" + entry + ">" + nl)
	}
	b.WriteString("</" + root + ">" + nl)
}

// siteAddress is what sitemap addresses start with: the base URL, or the
// base path when the site's address is not known.
func siteAddress(baseURL, basePath string) string {
	if baseURL != "" {
		return baseURL
	}
	return basePath
}

// DiagnosticError is an error of Build and the other entry points that
// names a file of the plan: the caller prints it like the loader's
// diagnostics.
type DiagnosticError struct{ content.Diagnostic }

func (e DiagnosticError) Error() string { return e.Diagnostic.String() }

// asDiagnostic reports whether err carries a diagnostic.
func asDiagnostic(err error) (content.Diagnostic, bool) {
	var de DiagnosticError
	if errors.As(err, &de) {
		return de.Diagnostic, true
	}
	return content.Diagnostic{}, false
}
