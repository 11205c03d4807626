package generator

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/i18n"
	"github.com/trellis-pl/trellis/internal/planfs"
)

// theme is the parsed templates and the static files of a build: the
// default theme with a plan's own layouts/ and static/ laid over it.
type theme struct {
	pages  map[string]*template.Template // page kind → template set
	portal map[string]*template.Template // a portal's own pages
	static map[string]fs.FS              // site path → where the file comes from
	text   *i18n.Set                     // the catalogues of interface text
	langs  map[string]*themeLang         // catalogue tag → templates in that language, made on first use
	mu     sync.Mutex                    // guards langs
	frags  fragments                     // what the templates' cached function keeps
	css    string                        // style.css, inlined in 404 pages
	parsed func() error                  // parses pages and portal once: see loadTheme

	compiled map[string]compiledPage // page kinds written in Go, where no template of theirs is overridden
}

// Page kinds, each a layouts/<kind>.html.
var pageKinds = []string{"home", "district", "goals", "goal", "activities", "standards", "standard",
	"coverage", "partners", "partner", "comparison", "timeline", "budget", "plan", "search", "changes", "accessibility", "404"}

// Portal page kinds, each a layouts/<kind>.html, framed by
// layouts/portal-baseof.html.
var portalKinds = []string{"portal", "portal-standards", "portal-accessibility", "portal-404"}

// loadTheme reads a theme, with a plan's or portal's overrides (nil:
// none). Its templates are parsed here when some page needs them or the
// overrides have layouts of their own, so that a mistake in one is
// reported before anything is built; when every page kind is written in Go
// and the layouts are the default theme's, they are parsed on first use
// (the portal's pages, a test), as they cannot fail.
func loadTheme(base, overrides fs.FS) (*theme, error) {
	t := &theme{pages: map[string]*template.Template{}, portal: map[string]*template.Template{}, static: map[string]fs.FS{}}
	for _, src := range []fs.FS{base, overrides} {
		if src == nil {
			continue
		}
		if err := addStatic(src, "static", t.static, 0); err != nil {
			return nil, err
		}
	}
	if err := t.inlineCSS(); err != nil {
		return nil, err
	}
	t.compiled = compiledKinds(overrides)
	t.parsed = sync.OnceValue(func() error { return t.parseTemplates(base, overrides) })
	if len(t.compiled) < len(pageKinds) || hasLayouts(overrides) {
		if err := t.parsed(); err != nil {
			return nil, err
		}
	}
	set, err := loadCatalogues(base, overrides)
	if err != nil {
		return nil, err
	}
	return t, t.localize(set)
}

// hasLayouts reports whether overrides have templates of their own.
func hasLayouts(overrides fs.FS) bool {
	if overrides == nil {
		return false
	}
	found, _ := fs.Glob(overrides, "layouts/*.html")
	partials, _ := fs.Glob(overrides, "layouts/partials/*.html")
	return len(found)+len(partials) > 0
}

// parseTemplates parses the page and portal templates of a theme.
func (t *theme) parseTemplates(base, overrides fs.FS) error {
	read := themeReader(base, overrides)
	shared, err := parseBase(read, "baseof.html", overrides)
	if err != nil {
		return err
	}
	if err := parsePartials(shared, read, base, overrides); err != nil {
		return err
	}
	for _, kind := range pageKinds {
		if t.pages[kind], err = parsePage(shared, kind, read, overrides); err != nil {
			return err
		}
	}
	portalBase, err := parseBase(read, "portal-baseof.html", overrides)
	if err != nil {
		return err
	}
	for _, kind := range portalKinds {
		if t.portal[kind], err = parsePage(portalBase, kind, read, overrides); err != nil {
			return err
		}
	}
	css := func() template.CSS { return template.CSS(t.css) }
	t.pages["404"].Funcs(template.FuncMap{"themeCSS": css})
	t.portal["portal-404"].Funcs(template.FuncMap{"themeCSS": css})
	return nil
}

// compiledKinds lists the page kinds of the default theme written in Go
// (compiled.go) that a theme can use: those whose templates the overrides
// leave alone. Overriding the frame or any partial turns them all off.
func compiledKinds(overrides fs.FS) map[string]compiledPage {
	m := map[string]compiledPage{}
	if templatesOnly {
		return m
	}
	overridden := func(name string) bool {
		if overrides == nil {
			return false
		}
		_, err := fs.Stat(overrides, name)
		return err == nil
	}
	if overrides != nil {
		if partials, _ := fs.Glob(overrides, "layouts/partials/*.html"); len(partials) > 0 || overridden("layouts/baseof.html") {
			return m
		}
	}
	for kind, c := range compiledPages {
		if !overridden("layouts/" + kind + ".html") {
			m[kind] = c
		}
	}
	return m
}

// themeReader reads a theme file from the overrides if they have it, else
// from the base theme.
func themeReader(base, overrides fs.FS) func(name string) (string, error) {
	return func(name string) (string, error) {
		src := base
		if overrides != nil {
			if _, err := fs.Stat(overrides, name); err == nil {
				src = overrides
			} else if !errors.Is(err, fs.ErrNotExist) {
				return "", boundaryError(err)
			}
		}
		b, err := fs.ReadFile(src, name)
		if errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("theme: no %s", name)
		}
		return string(b), err
	}
}

// parseBase parses a page frame, layouts/baseof.html or
// layouts/portal-baseof.html, into a new template set.
func parseBase(read func(string) (string, error), name string, overrides fs.FS) (*template.Template, error) {
	set := template.New(name).Funcs(funcs).Funcs(placeholderFuncs())
	text, err := read("layouts/" + name)
	if err != nil {
		return nil, err
	}
	if _, err := set.Parse(text); err != nil {
		return nil, templateError("layouts/"+name, overrides, err)
	}
	return set, nil
}

// parsePartials adds every partial of the base theme and the overrides to
// the shared set, an override replacing the base's partial of its name.
func parsePartials(shared *template.Template, read func(string) (string, error), base, overrides fs.FS) error {
	partials := map[string]bool{}
	for _, src := range []fs.FS{base, overrides} {
		if src == nil {
			continue
		}
		matches, _ := fs.Glob(src, "layouts/partials/*.html")
		for _, m := range matches {
			partials[m] = true
		}
	}
	for _, name := range sortedKeys(partials) {
		text, err := read(name)
		if err != nil {
			return err
		}
		if _, err := shared.New(path.Base(name)).Parse(text); err != nil {
			return templateError(name, overrides, err)
		}
	}
	return nil
}

// loadCatalogues reads the theme's message catalogues and those of the
// overrides; the base language's must be there.
func loadCatalogues(base, overrides fs.FS) (*i18n.Set, error) {
	set, problems := i18n.Load(base, overrides)
	if len(problems) > 0 {
		p := problems[0]
		return nil, DiagnosticError{content.Diagnostic{File: p.File, Pos: content.Position{Line: p.Line, Col: p.Col},
			Severity: content.Error, Code: content.CodeTOMLSyntax, Message: p.Message, Hint: "see docs/translating.md for the catalogue's format"}}
	}
	if set.Catalogue(i18n.Base.String()) == nil {
		return nil, fmt.Errorf("theme: no i18n/%s.toml", i18n.Base)
	}
	return set, nil
}

// inlineCSS keeps the theme's stylesheet for the 404 pages to inline: they are
// served at any address, where a link to style.css may not resolve.
func (t *theme) inlineCSS() error {
	src, ok := t.static["style.css"]
	if !ok {
		return nil
	}
	b, err := fs.ReadFile(src, "static/style.css")
	if err != nil {
		return err
	}
	t.css = string(b)
	return nil
}

// addStatic records the files under dir in static. A symbolic link is
// followed through src, which refuses links that leave the plan folder
// (see internal/planfs); folders reached by links are walked too, to a
// bounded depth, so that a link to a folder above cannot loop.
func addStatic(src fs.FS, dir string, static map[string]fs.FS, depth int) error {
	if depth > 8 {
		return fmt.Errorf("%s: symbolic links to folders nest too deep (a loop?)", dir)
	}
	return fs.WalkDir(src, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return boundaryError(err)
		}
		if d.Type()&fs.ModeSymlink != 0 {
			info, err := fs.Stat(src, p)
			if err != nil {
				return boundaryError(err)
			}
			if info.IsDir() {
				return addStatic(src, p, static, depth+1)
			}
		} else if d.IsDir() {
			return nil
		}
		static[strings.TrimPrefix(p, "static/")] = src
		return nil
	})
}

// boundaryError gives the message of a file the plan folder's rules refuse
// (a link leaving it, a special file) without the *fs.PathError prefix.
func boundaryError(err error) error {
	var pe *planfs.Error
	if errors.As(err, &pe) {
		return pe
	}
	return err
}

// parsePage parses layouts/<kind>.html into a copy of the shared set.
func parsePage(shared *template.Template, kind string, read func(string) (string, error), overrides fs.FS) (*template.Template, error) {
	name := "layouts/" + kind + ".html"
	text, err := read(name)
	if err != nil {
		return nil, err
	}
	set, err := shared.Clone()
	if err != nil {
		return nil, err
	}
	if _, err := set.New(kind + ".html").Parse(text); err != nil {
		return nil, templateError(name, overrides, err)
	}
	return set, nil
}

// templateError says which file a template error is in, and whether it is
// the plan's own.
func templateError(name string, overrides fs.FS, err error) error {
	where := "the default theme's " + name
	if overrides != nil {
		if _, e := fs.Stat(overrides, name); e == nil {
			where = name
		}
	}
	return fmt.Errorf("%s: %v", where, err)
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// funcs are available to every template, with langFuncs; see docs/themes.md.
var funcs = template.FuncMap{
	"list":     func(v ...any) []any { return v },
	"themeCSS": func() template.CSS { return "" }, // the stylesheet, on 404 pages
	"sub":      func(a, b int) int { return a - b },
	"cached":   func(string, any) (template.HTML, error) { return "", nil }, // see fragments.go
	"title":    title,
	"heat":     func(n int) int { return min(n, 3) },
	"barStyle": barStyle,
}

// barStyle is the width of a bar of an average rating.
func barStyle(avg float64) template.CSS {
	return template.CSS(fmt.Sprintf("width: %.1f%%", avg/float64(content.RatingMax)*100))
}
