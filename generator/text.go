package generator

import (
	"fmt"
	"html"
	"html/template"
	"strconv"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/i18n"
	"github.com/trellis-pl/trellis/themes"
)

// The interface text of a site comes from the catalogue of its language
// (internal/i18n): templates call t and the formatting functions below,
// bound to that catalogue; Go code calls Site.text.

// themeLang is the theme's templates bound to one language's catalogue.
type themeLang struct {
	text   *i18n.Catalogue
	pages  map[string]*template.Template
	portal map[string]*template.Template
}

// localize gives the theme the catalogues of set. The templates of a
// language are made on first use, by cloning the parsed templates, which
// are never executed themselves, so that each language has its own
// functions; a build whose pages are all written in Go (compiled.go)
// clones none.
func (t *theme) localize(set *i18n.Set) error {
	t.text, t.langs = set, map[string]*themeLang{}
	return nil
}

// localized returns, making them if need be, the templates of the
// language of a catalogue.
func (t *theme) localized(tag string) (*themeLang, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if tl := t.langs[tag]; tl != nil {
		return tl, nil
	}
	if err := t.parsed(); err != nil {
		return nil, err
	}
	cat := t.text.Catalogue(tag)
	tl := &themeLang{text: cat, pages: map[string]*template.Template{}, portal: map[string]*template.Template{}}
	fm := langFuncs(cat)
	for _, m := range []struct{ from, to map[string]*template.Template }{{t.pages, tl.pages}, {t.portal, tl.portal}} {
		for kind, tpl := range m.from {
			c, err := tpl.Clone()
			if err != nil {
				return nil, err
			}
			m.to[kind] = c.Funcs(fm)
		}
	}
	t.frags.bind(tl.pages, tl.portal) // each language's sets cache their own fragments
	t.langs[tag] = tl
	return tl, nil
}

// lang returns the templates for a language tag (its catalogue's, so "es"
// for "es-MX"), or the base language's.
func (t *theme) lang(tag string) *themeLang {
	key := i18n.Base.String()
	if c := t.text.Catalogue(tag); c != nil {
		key = c.Lang()
	}
	tl, err := t.localized(key)
	if err != nil { // the parsed templates cannot fail to clone: they are never executed
		panic(err)
	}
	return tl
}

// defaultText is the default theme's catalogues, for a site planned
// without a theme's (tests).
func defaultText() *i18n.Set {
	set, _ := i18n.Load(themes.Default())
	return set
}

// textFor is the interface text of a variant: its own, or the default
// theme's for the plan's language.
func textFor(v variant, lang string) *i18n.Catalogue {
	if v.text != nil {
		return v.text
	}
	if c := defaultText().Catalogue(lang); c != nil {
		return c
	}
	return defaultText().Catalogue(i18n.Base.String())
}

// catalogue is the interface text for a language tag: its catalogue's
// (so "es" for "es-MX"), or the base language's.
func (t *theme) catalogue(tag string) *i18n.Catalogue {
	if c := t.text.Catalogue(tag); c != nil {
		return c
	}
	return t.text.Catalogue(i18n.Base.String())
}

// langFuncs are the template functions that write in a language; see
// docs/themes.md.
func langFuncs(c *i18n.Catalogue) template.FuncMap {
	return template.FuncMap{
		"t":              c.HTML,
		"format":         c.FormatValue,
		"money":          c.Money,
		"number":         func(n int) string { return c.Integer(int64(n)) },
		"decimal":        func(x any) string { return c.Decimal(toFloat(x)) },
		"percent":        func(x any) string { return c.Percent(toFloat(x)) },
		"rating":         func(x float64) string { return c.Fixed1(x) },
		"date":           func(d any) string { return dateIn(c, d) },
		"dateISO":        func(iso string) string { return dateISO(c, iso) },
		"statusLabel":    func(s string) string { return statusLabel(c, s) },
		"recommendation": func(r string) string { return recommendation(c, r) },
		"kind":           func(k string) string { return partnerKind(c, k) },
		"statementDate":  func(d *content.Date) string { return statementDate(c, d) },
	}
}

// dateISO writes a date given as 2026-01-02 in the catalogue's language.
func dateISO(c *i18n.Catalogue, iso string) string {
	if d, err := content.ParseDate(iso); err == nil {
		return c.Date(d.Year, d.Month, d.Day)
	}
	return iso
}

// placeholderFuncs stand for langFuncs while the templates are parsed.
func placeholderFuncs() template.FuncMap {
	fm := template.FuncMap{}
	for name := range langFuncs(nil) {
		fm[name] = func(...any) string { return "" }
	}
	return fm
}

func toFloat(x any) float64 {
	switch v := x.(type) {
	case float64:
		return v
	case *float64:
		if v != nil {
			return *v
		}
	case int:
		return float64(v)
	}
	return 0
}

// longDate writes a content.Date (or a pointer to one) as people read it.
func dateIn(c *i18n.Catalogue, d any) string {
	switch v := d.(type) {
	case content.Date:
		return c.Date(v.Year, v.Month, v.Day)
	case *content.Date:
		if v != nil {
			return c.Date(v.Year, v.Month, v.Day)
		}
	}
	return ""
}

// statusLabel names a reported status for people.
func statusLabel(c *i18n.Catalogue, status string) string {
	switch status {
	case content.StatusNotStarted, content.StatusInProgress, content.StatusMet, content.StatusNotMet:
		return c.Text("status." + status)
	}
	return c.Text("status.not-reported")
}

// recommendation names a partner recommendation for people.
func recommendation(c *i18n.Catalogue, r string) string {
	switch r {
	case "continue", "revise", "end":
		return c.Text("recommendation." + r)
	}
	return r
}

// partnerKind names a kind of partner for people.
func partnerKind(c *i18n.Catalogue, k string) string {
	if k == "" {
		return ""
	}
	key := "partner-kind." + k
	if s := c.Text(key); s != key {
		return s
	}
	return title(k)
}

// yearLabel is a plan year as a heading: "Year 1 (2025–26)".
func yearLabel(c *i18n.Catalogue, s content.Settings, y int) string {
	if s.FirstYear == 0 {
		return c.Text("year.label", "number", y)
	}
	start := s.FirstYear + y - 1
	return c.Text("year.label-span", "number", y, "span", fmt.Sprintf("%d–%02d", start, (start+1)%100))
}

// Tx writes a plain text of a plan file: in a translated plan, text still
// in the main language is marked with that language's lang attribute.
// Templates call it as {{$.Site.Tx $g.File "title" $g.Title}}.
func (s *Site) Tx(file, key, text string) template.HTML {
	h := template.HTML(html.EscapeString(text))
	if text != "" && s.Plan.Main != "" && s.Plan.Fallbacks[file].Has(key) {
		return `<span lang="` + template.HTML(s.Plan.Main) + `">` + h + "</span>"
	}
	return h
}

// fileText gives a view of a plan file the Tx method for its own text:
// {{.Tx "title" .Title}}.
type fileText struct {
	site *Site
	file string
}

// Tx writes text at key of the view's file, marked if it falls back to
// the main language; see Site.Tx.
func (f fileText) Tx(key, text string) template.HTML {
	if f.site == nil {
		return template.HTML(html.EscapeString(text))
	}
	return f.site.Tx(f.file, key, text)
}

// TxAt is Tx for the text of the i-th table of a list of tables:
// {{$g.TxAt "measures" $i "measure" .Measure}}.
func (f fileText) TxAt(list string, i int, key, text string) template.HTML {
	return f.Tx(list+"."+strconv.Itoa(i)+"."+key, text)
}

// fallbackIn reports whether any of the plan files (or folders, ending in
// "/") has text in the main language.
func (s *Site) fallbackIn(files []string) bool {
	if s.Plan.Main == "" {
		return false
	}
	for name, f := range s.Plan.Fallbacks {
		if len(f.Keys) > 0 && affected([]string{name}, files) {
			return true
		}
	}
	return false
}

// FallbackNote is the note on a page some of whose text is still in the
// plan's main language, or "".
func (p *Page) FallbackNote() string {
	s := p.Site
	files := s.deps(p)
	switch p.Kind {
	case "goal":
		g := p.Data.(*GoalView)
		files = []string{g.File}
		for _, a := range g.Activities {
			files = append(files, a.File)
		}
	case "home":
		files = append(files, content.BeliefsFile)
	case "district":
		files = []string{content.DistrictFile}
	case "plan", "search":
		files = append(files, content.BeliefsFile, content.DistrictFile)
	}
	if !s.fallbackIn(files) {
		return ""
	}
	return s.tr("fallback.note", "language", languageName(s.Lang, s.Lang), "main", languageName(s.Plan.Main, s.Lang))
}

// languageName names a language in another: "inglés" for en in es.
func languageName(tag, in string) string {
	t, err1 := language.Parse(tag)
	l, err2 := language.Parse(in)
	if err1 != nil || err2 != nil {
		return tag
	}
	if n := display.Tags(l).Name(t); n != "" {
		return n
	}
	return tag
}

// LanguageLink is the page in one of the plan's languages.
type LanguageLink struct {
	Lang    string // its tag: "es"
	Name    string // the language's name in itself: "español"
	Href    string // a link to it from this page
	Abs     string // its full address if the base URL is known, else Href
	Current bool   // it is this page
}

// Languages lists the page in each of the plan's languages, for the
// language switcher and the hreflang links; nil for a plan in one.
func (p *Page) Languages() []LanguageLink {
	if len(p.versions) < 2 {
		return nil
	}
	out := make([]LanguageLink, 0, len(p.versions))
	for _, v := range p.versions {
		l := LanguageLink{Lang: v.Site.Lang, Name: v.Site.tr("language.name"), Href: p.fromSiteRoot(v.URL), Current: v == p}
		l.Abs = l.Href
		if v.baseURL != "" {
			l.Abs = v.baseURL + v.URL
		}
		out = append(out, l)
	}
	return out
}
