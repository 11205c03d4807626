package generator

// The default theme's standards pages in Go (layouts/standards.html,
// standard.html, coverage.html) and the partials of
// layouts/partials/standard.html; see compiled.go.

import (
	"fmt"
)

func init() {
	compiledPages["standards"] = compiledPage{main: standardsMain}
	compiledPages["standard"] = compiledPage{main: standardMain}
	compiledPages["coverage"] = compiledPage{main: coverageMain}
}

// planStandards writes what {{cached "plan-standards" .Site.Set}} writes
// on the plan page.
func planStandards(w *hw, p *Page) error {
	set := p.Site.Set
	if set == nil {
		return fmt.Errorf("cached %q: the site has no standards set", "plan-standards")
	}
	w.s("<p>")
	w.text(set.Summary)
	w.s("</p>\n")
	for _, st := range set.Standards {
		w.s("<h3>")
		w.text(st.Name)
		w.s("</h3>\n<p>")
		w.text(st.Summary)
		w.s("</p>\n<p><strong>")
		if set.ElementPlural != "" {
			w.text(title(set.ElementPlural))
		} else {
			w.text(title(set.ElementWord()))
			w.s("s")
		}
		w.s(":</strong> ")
		for i, e := range st.Elements {
			if i > 0 {
				w.s("; ")
			}
			w.text(e.Name)
		}
		w.s(".</p>\n")
	}
	w.s("\n<p class=\"muted\">")
	w.t("standards.source", "source", set.Source)
	w.s("</p>")
	return nil
}

// standardsMain writes layouts/standards.html.
func standardsMain(w *hw, p *Page) error {
	set := p.Site.Set
	w.s("\n<h1>")
	w.text(set.Name)
	w.s("</h1>\n<p class=\"lead\">")
	w.text(set.Summary)
	w.s("</p>\n<p class=\"muted\">")
	w.t("standards.source", "source", set.Source)
	if set.URL != "" {
		w.s(` <a href="`)
		w.url(set.URL)
		w.s(`">`)
		w.t("standards.read-full")
		w.s("</a>.")
	}
	w.s(" ")
	w.t("standards.paraphrases")
	w.s("</p>\n")
	if len(p.Site.Frames) > 0 {
		for _, f := range p.Site.Frames {
			w.s("<h2>")
			w.text(f.Name)
			w.s("</h2>\n")
			if f.Summary != "" {
				w.s("<p>")
				w.text(f.Summary)
				w.s("</p>")
			}
			w.s("\n")
			standardsList(w, p, f.Standards)
			w.s("\n")
		}
	} else {
		w.s("<h2>")
		w.t("standards.the-standards")
		w.s("</h2>\n")
		standardsList(w, p, p.Site.Standards)
	}
	w.s("\n")
	return nil
}

// standardsList writes the "standards-list" partial: a card for each
// standard.
func standardsList(w *hw, p *Page, list []*StandardView) {
	w.s("<ul class=\"cards\">\n")
	for _, st := range list {
		w.s(`<li class="card"><h3><a href="`)
		w.url(p.Rel(st.URL))
		w.s(`">`)
		w.text(st.Name)
		w.s("</a></h3><p>")
		w.text(st.Summary)
		w.s(`</p><p class="muted">`)
		if len(st.Activities) > 0 {
			w.t("standards.addressed-by", "count", len(st.Activities))
		} else {
			w.t("standards.not-addressed")
		}
		w.s("</p></li>\n")
	}
	w.s("</ul>")
}

// standardMain writes layouts/standard.html.
func standardMain(w *hw, p *Page) error {
	sv := p.Data.(*StandardView)
	w.s("\n<h1>")
	w.text(sv.Name)
	w.s("</h1>\n")
	if sv.Frame != nil {
		w.s(`<p class="muted">`)
		w.text(sv.Frame.Name)
		w.s("</p>")
	}
	w.s("\n<div class=\"statement\"><p>")
	w.text(sv.Summary)
	w.s("</p></div>\n")
	if sv.Statement != "" {
		w.s("<figure class=\"official-statement\">\n<blockquote><p>")
		w.text(sv.Statement)
		w.s("</p></blockquote>\n<figcaption>")
		w.t("standard.statement-from", "credit", p.Site.Set.StatementCredit)
		w.s("</figcaption>\n</figure>")
	}
	w.s("\n\n<h2>")
	w.text(p.Site.ElementsHeading())
	w.s("</h2>\n")
	standardElements(w, sv)
	w.s("\n\n<h2>")
	w.t("standard.in-plan")
	w.s("</h2>\n")
	if len(sv.Activities) > 0 {
		standardActivities(w, p, sv)
	} else {
		w.s("<p>")
		w.t("standard.not-addressed")
		w.s("</p>")
	}
	w.s("\n\n")
	if len(sv.Items) > 0 {
		w.s("<h2>")
		w.t("standard.questions")
		w.s("</h2>\n<ul>")
		for _, it := range sv.Items {
			w.s("<li>")
			w.text(it.Text)
			w.s("</li>")
		}
		w.s("</ul>")
	}
	w.s("\n")
	return nil
}

// standardActivities writes the table of the activities that address a
// standard.
func standardActivities(w *hw, p *Page, sv *StandardView) {
	w.s("<p>")
	w.t("standard.addressed", "count", len(sv.Activities), "goals", w.c.HTML("standard.goals", "count", len(sv.Goals)))
	w.s("</p>\n<div class=\"table-wrap\">\n<table class=\"stack\">\n<caption>")
	w.t("standard.activities-caption", "name", sv.Name)
	w.s("</caption>\n<thead><tr><th scope=\"col\">")
	w.t("col.activity")
	w.s(`</th><th scope="col">`)
	w.t("col.goal")
	w.s(`</th><th scope="col">`)
	w.t("col.when")
	w.s("</th></tr></thead>\n<tbody>")
	for _, a := range sv.Activities {
		w.s(`<tr><th scope="row"><a href="`)
		w.url(p.Rel("activities/"))
		w.s("#")
		w.urlFragment(a.Anchor)
		w.s(`">`)
		w.text(a.Title)
		w.s(`</a></th><td data-label="`)
		w.tAttr("col.goal")
		w.s(`">`)
		if g := a.Goal; g != nil {
			w.s(`<a href="`)
			w.url(p.Rel(g.URL))
			w.s(`">`)
			w.t("goal.numbered", "number", g.Number, "title", g.Tx("title", g.Title))
			w.s("</a>")
		}
		w.s(`</td><td data-label="`)
		w.tAttr("col.when")
		w.s(`">`)
		w.text(a.Duration.When)
		w.s("</td></tr>")
	}
	w.s("</tbody>\n</table>\n</div>")
}

// standardElements writes what {{cached "standard-elements" $s.Standard}}
// writes: each element of a standard, with what it looks like and not.
func standardElements(w *hw, sv *StandardView) {
	for i := range sv.Elements {
		e := &sv.Elements[i]
		w.s("<h3>")
		w.text(e.Name)
		w.s("</h3>\n")
		if e.Summary != "" {
			w.s("<p>")
			w.text(e.Summary)
			w.s("</p>")
		}
		w.s("\n")
		if len(e.LooksLike) > 0 || len(e.DoesntLookLike) > 0 {
			w.s("<div class=\"table-wrap\">\n<table>\n<caption>")
			w.t("standard.looks-like-caption", "name", e.Name)
			w.s("</caption>\n<thead><tr><th scope=\"col\">")
			w.t("standard.looks-like")
			w.s(`</th><th scope="col">`)
			w.t("standard.doesnt-look-like")
			w.s("</th></tr></thead>\n<tbody><tr><td>")
			bulletList(w, e.LooksLike)
			w.s("</td><td>")
			bulletList(w, e.DoesntLookLike)
			w.s("</td></tr></tbody>\n</table>\n</div>")
		}
		w.s("\n")
	}
}

// bulletList writes a list of strings as a <ul>.
func bulletList(w *hw, items []string) {
	w.s("<ul>")
	for _, it := range items {
		w.s("<li>")
		w.text(it)
		w.s("</li>")
	}
	w.s("</ul>")
}

// coverageMain writes layouts/coverage.html.
func coverageMain(w *hw, p *Page) error {
	w.s("\n<h1>")
	w.t("title.coverage")
	w.s("</h1>\n<p class=\"lead\">")
	w.t("coverage.lead")
	w.s("</p>\n")
	if gaps := p.Site.Uncovered(); len(gaps) > 0 {
		w.s("<div class=\"statement\"><p><strong>")
		w.t("coverage.gaps")
		w.s("</strong> ")
		w.t("coverage.no-activity")
		w.s(" ")
		standardList(w, p, gaps)
		w.s(".</p></div>")
	} else {
		w.s("<p>")
		w.t("coverage.all")
		w.s("</p>")
	}
	w.s("\n")
	coverageTable(w, p)
	w.s("<h2>")
	w.t("coverage.goals")
	w.s("</h2>\n<ol>")
	for _, g := range p.Site.Goals {
		w.s(`<li><a href="`)
		w.url(p.Rel(g.URL))
		w.s(`">`)
		w.text(g.Title)
		w.s("</a></li>")
	}
	w.s("</ol>\n")
	return nil
}

// coverageTable writes the table of how many activities of each goal
// address each standard.
func coverageTable(w *hw, p *Page) {
	w.s("<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"coverage-caption\" tabindex=\"0\">\n<p class=\"scroll-cue\" aria-hidden=\"true\">")
	w.t("coverage.scroll")
	w.s("</p>\n<table class=\"coverage scroll\">\n<caption id=\"coverage-caption\">")
	w.t("coverage.caption")
	w.s("</caption>\n<thead><tr><th scope=\"col\">")
	w.t("col.standard")
	w.s("</th>")
	for _, g := range p.Site.Goals {
		w.s(`<th scope="col"><a href="`)
		w.url(p.Rel(g.URL))
		w.s(`">`)
		w.t("goal.number", "number", g.Number)
		w.s("</a></th>")
	}
	w.s(`<th scope="col">`)
	w.t("activities.all-goals")
	w.s("</th></tr></thead>\n<tbody>\n")
	for _, st := range p.Site.Standards {
		coverageRow(w, p, st)
	}
	w.s("</tbody>\n</table>\n</div>\n")
}

// coverageRow writes a standard's row of the coverage table.
func coverageRow(w *hw, p *Page, st *StandardView) {
	w.s("<tr>\n<th scope=\"row\"><a href=\"")
	w.url(p.Rel(st.URL))
	w.s(`">`)
	w.text(st.Name)
	w.s("</a></th>\n")
	for _, g := range p.Site.Goals {
		n := g.CoverageCount(st)
		w.s(`<td class="cov-`)
		w.int(min(n, 3))
		w.s(`">`)
		if n != 0 {
			w.int(n)
		} else {
			w.s(`<span class="visually-hidden">`)
			w.t("coverage.none")
			w.s(`</span><span aria-hidden="true">–</span>`)
		}
		w.s("</td>")
	}
	n := len(st.Activities)
	w.s("\n<td class=\"cov-")
	w.int(min(n, 3))
	w.s(`">`)
	if n > 0 {
		w.int(n)
	} else {
		w.s("<strong>")
		w.t("coverage.gap")
		w.s("</strong>")
	}
	w.s("</td>\n</tr>\n")
}
