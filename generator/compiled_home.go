package generator

import "errors"

// The default theme's home page in Go (layouts/home.html); see
// compiled.go.

func init() {
	compiledPages["home"] = compiledPage{main: homeMain}
}

// homeMain writes layouts/home.html.
func homeMain(w *hw, p *Page) error {
	s := p.Site
	w.s("\n<h1>")
	w.text(s.Title)
	w.s("</h1>\n<p class=\"lead\">")
	if n := len(s.Years); n > 1 {
		w.t("home.lead-years", "district", s.District, "first", s.Years[0].Label, "last", s.Years[n-1].Label)
	} else if n != 0 {
		w.t("home.lead-year", "district", s.District, "year", s.Years[0].Label)
	}
	w.s("</p>\n")
	approvalNote(w, p)
	w.s("\n\n")
	homeDashboard(w, p)
	w.s("\n<h2>")
	w.t("home.beliefs")
	w.s("</h2>\n<div class=\"statement\">\n<h3>")
	w.t("home.mission")
	w.s("</h3>\n<p>")
	w.html(s.Beliefs.Mission)
	w.s("</p>\n<h3>")
	w.t("home.vision")
	w.s("</h3>\n<p>")
	w.html(s.Beliefs.Vision)
	w.s("</p>\n</div>\n\n")
	return homeCards(w, p)
}

// homeDashboard writes the table of the goals in the current plan year.
func homeDashboard(w *hw, p *Page) {
	label := p.Site.CurrentLabel()
	w.s("<h2>")
	w.t("home.review", "year", label)
	w.s("</h2>\n<div class=\"table-wrap\">\n<table class=\"stack dashboard\">\n<caption>")
	w.t("home.dashboard-caption", "year", label)
	w.s("</caption>\n<thead><tr>")
	for _, col := range []string{"col.goal", "home.outcome-this-year", "col.status", "col.measures"} {
		w.s("<th scope=\"col\">")
		w.t(col)
		w.s("</th>")
	}
	w.s("<th scope=\"col\" class=\"num\">")
	w.t("col.activities")
	w.s("</th></tr></thead>\n<tbody>\n")
	for _, g := range p.Site.Goals {
		homeGoalRow(w, p, g)
	}
	w.s("</tbody>\n</table>\n</div>\n")
}

// homeGoalRow writes a goal's row of the dashboard.
func homeGoalRow(w *hw, p *Page, g *GoalView) {
	w.s("<tr>\n<th scope=\"row\"><a href=\"")
	w.url(p.Rel(g.URL))
	w.s("\">")
	goalNumbered(w, g)
	w.s("</a></th>\n")
	dataCell(w, "home.outcome-this-year")
	if r := g.CurrentRow; r != nil {
		if r.Missing {
			w.s("<span class=\"muted\">")
			w.t("goal.no-outcome")
			w.s("</span>")
		} else {
			w.html(r.Outcome)
		}
	}
	w.s("</td>\n")
	dataCell(w, "col.status")
	if r := g.CurrentRow; r != nil {
		statusBadge(w, r.Status)
	}
	w.s("</td>\n")
	dataCell(w, "col.measures")
	homeMeasures(w, p, g)
	w.s("</td>\n<td class=\"num\" data-label=\"")
	w.tAttr("col.activities")
	w.s("\">")
	w.int(len(g.Activities))
	w.s("</td>\n</tr>\n")
}

// homeMeasures writes the dashboard cell of how a goal's measures did.
func homeMeasures(w *hw, p *Page, g *GoalView) {
	if g.SummaryText != "" {
		w.s("<a href=\"")
		w.url(p.Rel(g.URL))
		w.s("#measures\">")
		w.text(g.SummaryText)
		w.s("</a>")
		return
	}
	w.s("<span class=\"muted\">")
	if len(g.Numeric) > 0 {
		w.t("home.no-results")
	} else {
		w.t("home.in-words")
	}
	w.s("</span>")
}

// homeCards writes the cards that lead to the site's sections.
func homeCards(w *hw, p *Page) error {
	s := p.Site
	if s.Profile.District == nil || s.Set == nil || s.Budget == nil {
		return errors.New("home.html: a nil pointer where the template reads the district, the standards set or the budget")
	}
	w.s("<h2>")
	w.t("home.explore")
	w.s("</h2>\n<ul class=\"cards\">\n")
	homeCard(w, p, "district/", "title.district", func() {
		w.t("home.card-district", "schools", len(s.Profile.Schools), "students", w.c.Integer(int64(s.Profile.Enrollment)))
	})
	homeCard(w, p, "activities/", "home.card-activities-title", func() {
		w.t("home.card-activities", "count", len(s.Activities))
	})
	homeCard(w, p, "coverage/", "title.coverage", func() {
		w.t("home.card-coverage", "count", len(s.Standards), "set", s.Set.Name)
	})
	homeCard(w, p, "partners/", "title.partners", func() {
		w.t("home.card-partners", "count", len(s.Partners))
	})
	homeCard(w, p, "budget/", "title.budget", func() {
		if t := s.Budget.Total; t != "" {
			w.t("home.card-budget-total", "total", t)
		} else {
			w.t("home.card-budget")
		}
	})
	homeCard(w, p, "plan/", "title.plan", func() {
		if s.PDF {
			w.t("home.card-plan-pdf", "pdf", p.Rel("plan.pdf"))
		} else {
			w.t("home.card-plan")
		}
	})
	w.s("</ul>\n")
	return nil
}

// homeCard writes a card: a heading that links to a section, and a
// paragraph that body writes.
func homeCard(w *hw, p *Page, target, title string, body func()) {
	w.s("<li class=\"card\"><h3><a href=\"")
	w.url(p.Rel(target))
	w.s("\">")
	w.t(title)
	w.s("</a></h3><p>")
	body()
	w.s("</p></li>\n")
}
