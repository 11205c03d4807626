package generator

import "github.com/trellis-pl/trellis/content"

// The frame of every page (layouts/baseof.html) and the partials of
// layouts/partials/history.html, in Go; see compiled.go.

// frame writes baseof.html around a page kind's blocks.
func frame(w *hw, p *Page, c compiledPage) error {
	langs := p.Languages()
	if err := frameHead(w, p, c, langs); err != nil {
		return err
	}
	w.s("\n</head>\n<body>\n<a class=\"skip-link\" href=\"#main\">")
	w.t("base.skip")
	w.s("</a>\n<header class=\"site-header\">\n<div class=\"wrap\">\n<a class=\"site-title\" href=\"")
	w.url(p.Rel(""))
	w.s(`">`)
	w.text(p.Site.Title)
	w.s("</a>\n")
	languageSwitcher(w, langs)
	frameSearchAndNav(w, p)
	if err := frameMain(w, p, c); err != nil {
		return err
	}
	frameFooter(w, p)
	if c.scripts != nil {
		if err := c.scripts(w, p); err != nil {
			return err
		}
	}
	w.s("\n</body>\n</html>\n")
	return nil
}

// frameHead writes the page's <head> up to its closing tag: title,
// description, alternates, style sheets and the kind's head block.
func frameHead(w *hw, p *Page, c compiledPage, langs []LanguageLink) error {
	w.s("<!DOCTYPE html>\n<html lang=\"")
	w.text(p.Site.Lang)
	w.s("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	if p.Title != "" {
		w.text(p.Title)
		w.s(" · ")
	}
	w.text(p.Site.Title)
	w.s("</title>\n<meta name=\"description\" content=\"")
	w.text(p.Description)
	w.s("\">\n<meta name=\"generator\" content=\"Trellis\">\n")
	if p.NoIndex() {
		w.s(`<meta name="robots" content="noindex">`)
	}
	w.s("\n")
	if c := p.Canonical(); c != "" {
		w.s(`<link rel="canonical" href="`)
		w.url(c)
		w.s(`">`)
	}
	w.s("\n")
	for _, l := range langs {
		w.s(`<link rel="alternate" hreflang="`)
		w.text(l.Lang)
		w.s(`" href="`)
		w.url(l.Abs)
		w.s("\">\n")
	}
	w.s("\n")
	if p.Kind == "404" {
		w.s("<style>")
		w.s(w.th.css)
		w.s("</style>")
	} else {
		w.s(`<link rel="stylesheet" href="`)
		w.url(p.Asset("style.css"))
		w.s("\">\n<link rel=\"stylesheet\" href=\"")
		w.url(p.Asset("print.css"))
		w.s(`" media="print">`)
	}
	w.s("\n")
	if c.head != nil {
		return c.head(w, p)
	}
	return nil
}

// languageSwitcher writes the list of the page's languages.
func languageSwitcher(w *hw, langs []LanguageLink) {
	if len(langs) > 0 {
		w.s(`<nav class="languages" aria-label="`)
		w.tAttr("base.languages")
		w.s(`"><ul>`)
		for _, l := range langs {
			w.s("<li>")
			if l.Current {
				w.s(`<span lang="`)
				w.text(l.Lang)
				w.s(`" aria-current="page">`)
				w.text(l.Name)
				w.s("</span>")
			} else {
				w.s(`<a href="`)
				w.url(l.Href)
				w.s(`" hreflang="`)
				w.text(l.Lang)
				w.s(`" lang="`)
				w.text(l.Lang)
				w.s(`">`)
				w.text(l.Name)
				w.s("</a>")
			}
			w.s("</li>")
		}
		w.s("</ul></nav>")
	}
	w.s("\n")
}

// frameSearchAndNav writes the search form and the main navigation.
func frameSearchAndNav(w *hw, p *Page) {
	w.s(`<form role="search" action="`)
	w.url(p.Rel("search/"))
	w.s("\" method=\"get\">\n<label class=\"visually-hidden\" for=\"site-search\">")
	w.t("base.search-label")
	w.s("</label>\n<input type=\"search\" id=\"site-search\" name=\"q\" autocomplete=\"off\">\n<button type=\"submit\">")
	w.t("base.search-button")
	w.s("</button>\n</form>\n</div>\n</header>\n<nav class=\"site-nav\" aria-label=\"Main\">\n<div class=\"wrap\">\n<details class=\"nav-menu\">\n<summary>")
	w.t("base.menu")
	w.s(`<span class="visually-hidden">`)
	w.t("base.menu-hidden")
	w.s("</span></summary>\n<ul>\n")
	p.writeNav(w.b)
	w.s("</ul>\n</details>\n</div>\n</nav>\n")
}

// frameMain writes the page's main element around its main block.
func frameMain(w *hw, p *Page, c compiledPage) error {
	w.s("<main id=\"main\" tabindex=\"-1\">\n<div class=\"wrap\">\n")
	versionBanner(w, p)
	w.s("\n")
	breadcrumbs(w, p)
	w.s("\n")
	if note := p.FallbackNote(); note != "" {
		w.s(`<p class="fallback-note">`)
		w.text(note)
		w.s("</p>")
	}
	w.s("\n")
	if err := c.main(w, p); err != nil {
		return err
	}
	w.s("\n")
	lastUpdatedLine(w, p)
	w.s("\n</div>\n</main>\n")
	return nil
}

// frameFooter writes the page's footer.
func frameFooter(w *hw, p *Page) {
	w.s("<footer class=\"site-footer\">\n<div class=\"wrap\">\n")
	if c := p.Site.Plan.Settings.Contact; c != nil {
		w.s("<p>")
		w.t("base.questions")
		w.s(" ")
		w.text(c.Name)
		if c.Title != "" {
			w.s(", ")
			w.text(c.Title)
		}
		if c.Email != "" {
			w.s(`, <a href="mailto:`)
			w.urlTail(c.Email)
			w.s(`">`)
			w.text(c.Email)
			w.s("</a>")
		}
		if c.Phone != "" {
			w.s(", ")
			w.text(c.Phone)
		}
		w.s(".</p>")
	}
	w.s("\n")
	if set := p.Site.Set; set != nil {
		w.s("<p>")
		w.t("base.checked-against", "set", set.Name, "publisher", set.Publisher)
		w.s(` <a href="`)
		w.url(p.Rel("standards/"))
		w.s(`">`)
		w.t("base.about-standards")
		w.s("</a>.</p>")
	}
	w.s("\n<p><a href=\"")
	w.url(p.Rel("accessibility/"))
	w.s(`">`)
	w.t("title.accessibility")
	w.s(`</a> · <a href="`)
	w.url(p.Rel("plan.json"))
	w.s(`">`)
	w.t("base.plan-json")
	w.s("</a> · ")
	w.t("base.published")
	w.s("</p>\n</div>\n</footer>\n")
}

// breadcrumbs writes the "breadcrumbs" partial.
func breadcrumbs(w *hw, p *Page) {
	if len(p.Crumbs) == 0 {
		return
	}
	w.s(`<nav class="breadcrumbs" aria-label="`)
	w.tAttr("common.breadcrumb")
	w.s(`"><ol>`)
	for _, c := range p.Crumbs {
		w.s(`<li><a href="`)
		w.url(p.Rel(c.URL))
		w.s(`">`)
		w.text(c.Title)
		w.s("</a></li>")
	}
	w.s(`<li><span aria-current="page">`)
	w.text(p.Title)
	w.s("</span></li></ol></nav>")
}

// lastUpdatedLine writes the "last-updated" partial.
func lastUpdatedLine(w *hw, p *Page) {
	u := p.LastUpdated()
	if u == nil {
		return
	}
	w.s(`<p class="last-updated">`)
	if u.Whole {
		w.t("history.plan-changed")
	} else {
		w.t("history.page-changed")
	}
	if u.Date != "" {
		w.s(" ")
		w.t("history.on")
		w.s(" ")
		isoTime(w, u.ISO)
	}
	if u.Uncommitted {
		w.t("history.uncommitted")
	}
	w.s(".")
	if u.Changes != "" {
		w.s(` <a href="`)
		w.url(u.Changes)
		w.s(`">`)
		w.t("history.what-changed")
		w.s("</a>.")
	}
	w.s("</p>")
}

// isoTime writes a <time> element of a date given as 2026-01-02, in the
// page's language.
func isoTime(w *hw, iso string) {
	w.s(`<time datetime="`)
	w.text(iso)
	w.s(`">`)
	w.text(dateISO(w.c, iso))
	w.s("</time>")
}

// dateTime writes a <time> element of a plan's date, in the page's
// language.
func dateTime(w *hw, d content.Date) {
	w.s(`<time datetime="`)
	w.text(d.String())
	w.s(`">`)
	w.text(dateIn(w.c, d))
	w.s("</time>")
}

// versionBanner writes the "version-banner" partial.
func versionBanner(w *hw, p *Page) {
	v := p.Version()
	if v == nil {
		return
	}
	w.s(`<div class="version-banner" role="note" aria-label="`)
	w.tAttr("history.earlier")
	w.s("\">\n<p><strong>")
	w.t("history.this-version", "name", v.Name)
	w.s("</strong>, ")
	w.t("history.of")
	w.s(" ")
	isoTime(w, v.ISO)
	w.s(". ")
	w.t("history.kept")
	w.s(` <a href="`)
	w.url(v.Current)
	w.s(`">`)
	w.t("history.current")
	w.s("</a>.</p>\n</div>")
}
