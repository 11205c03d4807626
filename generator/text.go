package generator

import (
	"fmt"
	"html/template"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/i18n"
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

// localize makes the theme's templates for every language of set. The
// parsed templates are only cloned, never executed, so that each language
// can have its own functions.
func (t *theme) localize(set *i18n.Set) error {
	t.text, t.langs = set, map[string]*themeLang{}
	for _, tag := range set.Languages() {
		cat := set.Catalogue(tag)
		tl := &themeLang{text: cat, pages: map[string]*template.Template{}, portal: map[string]*template.Template{}}
		fm := langFuncs(cat)
		for _, m := range []struct{ from, to map[string]*template.Template }{{t.pages, tl.pages}, {t.portal, tl.portal}} {
			for kind, tpl := range m.from {
				c, err := tpl.Clone()
				if err != nil {
					return err
				}
				m.to[kind] = c.Funcs(fm)
			}
		}
		t.langs[tag] = tl
	}
	return nil
}

// lang returns the templates for a language tag (its catalogue's, so "es"
// for "es-MX"), or the base language's.
func (t *theme) lang(tag string) *themeLang {
	if c := t.text.Catalogue(tag); c != nil {
		return t.langs[c.Lang()]
	}
	return t.langs[i18n.Base.String()]
}

// catalogue is the interface text for a language tag.
func (t *theme) catalogue(tag string) *i18n.Catalogue { return t.lang(tag).text }

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
		"date":           func(d any) string { return longDate(c, d) },
		"statusLabel":    func(s string) string { return statusLabel(c, s) },
		"recommendation": func(r string) string { return recommendation(c, r) },
		"kind":           func(k string) string { return partnerKind(c, k) },
		"statementDate":  func(d *content.Date) string { return statementDate(c, d) },
	}
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
func longDate(c *i18n.Catalogue, d any) string {
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
