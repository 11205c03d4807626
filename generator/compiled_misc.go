package generator

// The default theme's small pages in Go (layouts/404.html, search.html);
// see compiled.go.

func init() {
	compiledPages["404"] = compiledPage{main: notFoundMain}
	compiledPages["search"] = compiledPage{main: searchMain, scripts: searchScripts}
}

// notFoundMain writes layouts/404.html.
func notFoundMain(w *hw, p *Page) error {
	w.s("\n<h1>")
	w.t("title.404")
	w.s("</h1>\n<p>")
	w.t("404.text")
	w.s("</p>\n<ul>\n<li><a href=\"")
	w.url(p.Rel(""))
	w.s(`">`)
	w.t("404.home")
	w.s("</a></li>\n<li><a href=\"")
	w.url(p.Rel("search/"))
	w.s(`">`)
	w.t("base.search-label")
	w.s("</a></li>\n<li><a href=\"")
	w.url(p.Rel("plan/"))
	w.s(`">`)
	w.t("404.plan")
	w.s("</a></li>\n</ul>\n")
	return nil
}

// searchMain writes layouts/search.html.
func searchMain(w *hw, p *Page) error {
	w.s("\n<h1>")
	w.t("base.search-label")
	w.s("</h1>\n<form class=\"no-print\" action=\"")
	w.url(p.Rel("search/"))
	w.s("\" method=\"get\" id=\"search-form\">\n<label for=\"q\">")
	w.t("search.words")
	w.s("</label>\n<div class=\"filters\"><input type=\"search\" id=\"q\" name=\"q\" autocomplete=\"off\" aria-describedby=\"search-help\"> <button type=\"submit\">")
	w.t("base.search-button")
	w.s("</button></div>\n<p id=\"search-help\" class=\"muted\">")
	w.t("search.help")
	w.s("</p>\n</form>\n<p id=\"search-status\" role=\"status\" aria-live=\"polite\"></p>\n<div id=\"search-results\" class=\"results-groups\" data-kinds=\"")
	w.text(p.Site.SearchKinds())
	w.s(`" data-none="`)
	w.tAttr("search.none")
	w.s(`" data-single="`)
	w.tAttr("search.one")
	w.s(`" data-many="`)
	w.tAttr("search.many")
	w.s("\"></div>\n<noscript><p>")
	w.t("search.noscript")
	w.s("</p></noscript>\n<h2 id=\"all-pages-heading\">")
	w.t("search.all-pages")
	w.s("</h2>\n<ul id=\"all-pages\">\n")
	for _, e := range p.Site.SearchEntries() {
		w.s(`<li><a href="`)
		w.url(p.Rel(e.URL))
		w.s(`">`)
		w.text(e.Title)
		w.s(`</a> <span class="muted">`)
		w.t("search.kind." + e.Kind)
		w.s("</span></li>\n")
	}
	w.s("</ul>\n<script type=\"application/json\" id=\"search-data\">")
	w.b.Write(appendSearchJSON(w.b.AvailableBuffer(), p.Site.SearchEntries(), "../"))
	w.s("</script>\n")
	return nil
}

// searchScripts writes the scripts block of layouts/search.html.
func searchScripts(w *hw, p *Page) error {
	w.s(`<script src="`)
	w.url(p.Asset("search.js"))
	w.s(`" defer></script>`)
	return nil
}
