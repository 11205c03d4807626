package generator

import (
	"errors"
	"html/template"
)

// The budget page (layouts/budget.html) and the partials of
// layouts/partials/budget.html in Go; see compiled.go.

func init() {
	compiledPages["budget"] = compiledPage{main: budgetMain}
}

// budgetMain writes layouts/budget.html.
func budgetMain(w *hw, p *Page) error {
	w.s("\n<h1>")
	w.t("title.budget")
	w.s("</h1>\n<p class=\"lead\">")
	w.t("budget.lead", "district", p.Site.District)
	w.s("</p>\n")
	if err := budgetPartial(w, p, 2); err != nil {
		return err
	}
	w.s("\n")
	return nil
}

// budgetPartial writes the "budget" partial: the budget tables and the
// resources it cannot place, their heading at level h.
func budgetPartial(w *hw, p *Page, h int) error {
	b := p.Site.Budget
	if b == nil {
		return errors.New(`template "budget": the site has no budget`)
	}
	w.s("\n")
	if b.Total != "" {
		w.s("<p>")
		if b.Whole != "" {
			w.t("budget.total-whole", "count", len(p.Site.Years), "total", b.Total, "whole", b.Whole)
		} else {
			w.t("budget.total-text", "count", len(p.Site.Years), "total", b.Total)
		}
		w.s("</p>\n")
		budgetTable(w, p, b, b.Sources, w.c.HTML("budget.by-source"), w.c.HTML("budget.source"))
		w.s("\n")
		budgetTable(w, p, b, b.Goals, w.c.HTML("budget.by-goal"), w.c.HTML("col.goal"))
		w.s("\n")
	} else {
		w.s("<p>")
		w.t("budget.no-cost")
		w.s("</p>\n")
	}
	w.s("\n")
	if len(b.Unfunded) > 0 {
		unfundedTable(w, p, b.Unfunded, h)
	}
	w.s("\n")
	return nil
}

// budgetTable writes the "budget-table" partial: rows of amounts by year,
// with the budget's totals at the foot.
func budgetTable(w *hw, p *Page, b *BudgetView, rows []BudgetRow, caption, head template.HTML) {
	w.s("\n<div class=\"table-wrap\">\n<table class=\"budget\">\n<caption>")
	w.html(caption)
	w.s("</caption>\n<thead><tr><th scope=\"col\">")
	w.html(head)
	w.s("</th>")
	for _, c := range b.Columns {
		w.s(`<th scope="col" class="num">`)
		w.text(c)
		w.s("</th>")
	}
	w.s("</tr></thead>\n<tbody>\n")
	for _, r := range rows {
		w.s(`<tr><th scope="row">`)
		if r.URL != "" {
			w.s(`<a href="`)
			w.url(p.Rel(r.URL))
			w.s(`">`)
			w.text(r.Name)
			w.s("</a>")
		} else {
			w.text(r.Name)
		}
		w.s("</th>")
		budgetCells(w, r.Cells)
		w.s("</tr>\n")
	}
	w.s("</tbody>\n<tfoot><tr><th scope=\"row\">")
	w.text(b.Totals.Name)
	w.s("</th>")
	budgetCells(w, b.Totals.Cells)
	w.s("</tr></tfoot>\n</table>\n</div>\n")
}

// budgetCells writes a budget row's amounts.
func budgetCells(w *hw, cells []string) {
	for _, c := range cells {
		w.s(`<td class="num">`)
		w.text(c)
		w.s("</td>")
	}
}

// unfundedTable writes the resources the budget cannot place, their
// heading at level h.
func unfundedTable(w *hw, p *Page, list []UnfundedView, h int) {
	w.s("<h")
	w.int(h)
	w.s(` class="keep-with-next">`)
	w.t("budget.unfunded")
	w.s("</h")
	w.int(h)
	w.s(">\n<div class=\"table-wrap\">\n<table class=\"unfunded\">\n<caption>")
	w.t("budget.unfunded-caption")
	w.s("</caption>\n<thead><tr><th scope=\"col\">")
	w.t("budget.resource")
	w.s(`</th><th scope="col">`)
	w.t("col.activity")
	w.s(`</th><th scope="col">`)
	w.t("budget.missing")
	w.s("</th></tr></thead>\n<tbody>\n")
	for _, u := range list {
		w.s(`<tr><th scope="row">`)
		w.text(u.Item)
		w.s("</th><td>")
		if a := u.Activity; a != nil {
			w.s(`<a href="`)
			w.url(p.Rel("activities/"))
			w.s("#")
			w.urlFragment(a.Anchor)
			w.s(`">`)
			w.text(a.Title)
			w.s("</a>")
		}
		w.s("</td><td>")
		w.text(u.Missing)
		w.s("</td></tr>\n")
	}
	w.s("</tbody>\n</table>\n</div>")
}
