package generator

// The default theme's goal pages in Go (layouts/goal.html, goals.html);
// see compiled.go.

func init() {
	compiledPages["goal"] = compiledPage{main: goalMain}
	compiledPages["goals"] = compiledPage{main: goalsMain}
}

// goalMain writes layouts/goal.html.
func goalMain(w *hw, p *Page) error {
	g := p.Data.(*GoalView)
	w.s("\n<h1>")
	goalNumbered(w, g)
	w.s("</h1>\n<div class=\"statement\"><p><strong>")
	w.t("goal.outcome")
	w.s("</strong> ")
	w.html(g.Outcome)
	w.s("</p></div>\n\n<h2>")
	w.t("goal.rationale")
	w.s("</h2>\n")
	w.html(g.Rationale)
	w.s("\n<h3>")
	w.t("goal.evidence")
	w.s("</h3>\n<ul>")
	for _, e := range g.Evidence {
		w.s("<li>")
		w.html(g.Tx("evidence", e))
		w.s("</li>")
	}
	w.s("</ul>\n\n<h2>")
	w.t("goal.impact")
	w.s("</h2>\n")
	w.html(g.Impact)
	w.s("\n\n")
	goalMeasures(w, g)
	for _, m := range g.Numeric {
		goalMeasure(w, m)
	}
	w.s("\n\n<h2>")
	w.t("goal.outcomes-by-year")
	w.s("</h2>\n")
	goalYears(w, g)
	w.s("\n")
	goalLog(w, g)
	w.s("\n\n")
	goalActivities(w, p, g)
	w.s("\n\n<h2>")
	w.t("goal.standards")
	w.s("</h2>\n")
	standardLinks(w, p, g.Standards)
	w.s("\n\n")
	goalPartnersAndMore(w, p, g)
	w.s("\n")
	return nil
}

// goalNumbered writes a goal's number and title as a heading's text.
func goalNumbered(w *hw, g *GoalView) {
	w.t("goal.numbered", "number", g.Number, "title", g.Tx("title", g.Title))
}

// goalMeasures writes the table of a goal's measures and its summary.
func goalMeasures(w *hw, g *GoalView) {
	w.s("<h2 id=\"measures\">")
	w.t("goal.measures")
	w.s("</h2>\n<div class=\"table-wrap\">\n<table>\n<caption>")
	w.t("goal.measures-caption")
	w.s("</caption>\n<thead><tr><th scope=\"col\">")
	w.t("col.measure")
	w.s("</th><th scope=\"col\">")
	w.t("col.how-often")
	w.s("</th></tr></thead>\n<tbody>")
	for i, m := range g.Measures {
		w.s("<tr><th scope=\"row\">")
		w.html(g.TxAt("measures", i, "measure", m.Measure))
		w.s("</th><td>")
		w.html(g.TxAt("measures", i, "frequency", m.Frequency))
		w.s("</td></tr>")
	}
	w.s("</tbody>\n</table>\n</div>\n")
	if g.SummaryText != "" {
		w.s("<p><strong>")
		w.text(g.SummaryText)
		w.s(".</strong></p>")
	}
	w.s("\n")
}

// goalMeasure writes the section of a measure with numbers: its chart and
// its table.
func goalMeasure(w *hw, m *MeasureView) {
	w.s("\n<section class=\"measure\" aria-labelledby=\"")
	w.text(m.ID)
	w.s("-heading\">\n<h3 id=\"")
	w.text(m.ID)
	w.s("-heading\">")
	w.text(m.Name)
	w.s("</h3>\n<figure class=\"measure-chart\">\n")
	w.html(m.Chart)
	w.s("\n<figcaption>\n<ul class=\"chart-key\" aria-hidden=\"true\"><li><span class=\"key key-target\"></span>")
	w.t("measure.target")
	w.s("</li><li><span class=\"key key-actual\"></span>")
	w.t("measure.actual")
	w.s("</li>")
	if m.Baseline != "" {
		w.s("<li><span class=\"key key-baseline\"></span>")
		w.t("measure.baseline")
		w.s("</li>")
	}
	w.s("</ul>\n<p id=\"")
	w.text(m.ID)
	w.s("-summary\">")
	w.text(m.Summary)
	w.s("</p>\n</figcaption>\n</figure>\n")
	measureTable(w, m)
	w.s("</section>\n")
}

// measureTable writes the table of a measure's numbers by plan year.
func measureTable(w *hw, m *MeasureView) {
	w.s("<div class=\"table-wrap\">\n<table class=\"measure-data\">\n<caption>")
	w.t("measure.caption", "name", m.Name)
	if m.M.Unit != "" {
		w.s(" (")
		w.text(m.M.Unit)
		w.s(")")
	}
	if m.M.LowerIsBetter {
		w.s("; ")
		w.t("measure.lower-is-better")
	}
	w.s("</caption>\n<thead><tr><th scope=\"col\">")
	w.t("col.plan-year")
	w.s("</th><th scope=\"col\" class=\"num\">")
	w.t("measure.target")
	w.s("</th><th scope=\"col\" class=\"num\">")
	w.t("measure.actual")
	w.s("</th><th scope=\"col\">")
	w.t("col.status")
	w.s("</th></tr></thead>\n<tbody>\n")
	if m.Baseline != "" {
		w.s("<tr><th scope=\"row\">")
		w.t("measure.baseline")
		w.s("</th><td class=\"num\"><span class=\"muted\">")
		w.t("measure.none")
		w.s("</span></td><td class=\"num\">")
		w.text(m.Baseline)
		w.s("</td><td><span class=\"muted\">")
		w.t("measure.before")
		w.s("</span></td></tr>\n")
	}
	for _, r := range m.Rows {
		measureRow(w, r)
	}
	w.s("</tbody>\n</table>\n</div>\n")
}

// measureRow writes one plan year's row of a measure's table.
func measureRow(w *hw, r MeasureRow) {
	w.s("<tr><th scope=\"row\">")
	w.text(r.Year.Label)
	w.s("</th><td class=\"num\">")
	numberOrNone(w, r.Target)
	w.s("</td><td class=\"num\">")
	numberOrNone(w, r.Actual)
	w.s("</td><td><span class=\"status ")
	w.text(r.Class)
	w.s("\">")
	w.text(r.StatusLabel)
	w.s("</span></td></tr>\n")
}

// numberOrNone writes a formatted number, or a muted "none" if it is "".
func numberOrNone(w *hw, s string) {
	if s != "" {
		w.text(s)
		return
	}
	w.s("<span class=\"muted\">")
	w.t("measure.none")
	w.s("</span>")
}

// goalLog writes the dated updates and adjustments of each year, if any.
func goalLog(w *hw, g *GoalView) {
	if !g.HasLog {
		return
	}
	w.s("\n<h2 id=\"updates\">")
	w.t("goal.updates")
	w.s("</h2>\n")
	for i := range g.Years {
		y := &g.Years[i]
		if len(y.Updates) > 0 || y.Adjustments != "" {
			goalYearLog(w, y)
		}
	}
	w.s("\n")
}

// goalYearLog writes one year's updates and adjustments.
func goalYearLog(w *hw, y *GoalYearView) {
	w.s("\n<section class=\"year-log\" aria-labelledby=\"updates-")
	w.int(y.Year.Number)
	w.s("\">\n<h3 id=\"updates-")
	w.int(y.Year.Number)
	w.s("\">")
	w.text(y.Year.Label)
	w.s("</h3>\n")
	if len(y.Updates) > 0 {
		w.s("<ol class=\"updates\">\n")
		for _, u := range y.Updates {
			w.s("<li><p class=\"update-head\">")
			dateTime(w, u.Date)
			w.s(" ")
			statusBadge(w, u.Status)
			w.s("</p>\n")
			w.html(u.Note)
			w.s("</li>\n")
		}
		w.s("</ol>")
	}
	w.s("\n")
	if y.Adjustments != "" {
		w.s("<h4>")
		w.t("goal.adjustments")
		w.s("</h4>\n")
		w.html(y.Adjustments)
	}
	w.s("\n</section>\n")
}

// goalActivities writes a goal's activities: the cost, the table and
// what each is about.
func goalActivities(w *hw, p *Page, g *GoalView) {
	w.s("<h2>")
	w.t("title.activities")
	w.s("</h2>\n")
	if g.Total != "" {
		w.s("<p>")
		w.t("goal.cost-link", "cost", g.Total, "budget", p.Rel("budget/"))
		w.s("</p>")
	}
	w.s("\n")
	activityTable(w, p, g)
	w.s("\n")
	activityBodies(w, g, "h3")
}

// activityBodies writes the text of each of a goal's activities that has
// one, under a heading of level h.
func activityBodies(w *hw, g *GoalView, h string) {
	for _, a := range g.Activities {
		if a.Body != "" {
			w.s("<" + h + ">")
			w.t("goal.about-activity", "title", a.Tx("title", a.Title))
			w.s("</" + h + ">\n")
			w.html(a.Body)
		}
	}
}

// goalPartnersAndMore writes a goal's partners and the rest of its text.
func goalPartnersAndMore(w *hw, p *Page, g *GoalView) {
	if len(g.Partners) > 0 {
		w.s("<h2>")
		w.t("goal.partners")
		w.s("</h2>\n<ul>")
		for _, pa := range g.Partners {
			w.s("<li><a href=\"")
			w.url(p.Rel(pa.URL))
			w.s("\">")
			w.text(pa.Name)
			w.s("</a></li>")
		}
		w.s("</ul>")
	}
	w.s("\n\n")
	if g.Body != "" {
		w.s("<h2>")
		w.t("goal.more")
		w.s("</h2>\n")
		w.html(g.Body)
	}
}

// goalsMain writes layouts/goals.html.
func goalsMain(w *hw, p *Page) error {
	s := p.Site
	w.s("\n<h1>")
	w.t("goals.heading")
	w.s("</h1>\n<p class=\"lead\">")
	w.t("goals.lead", "count", len(s.Goals), "district", s.District)
	w.s("</p>\n<div class=\"table-wrap\">\n<table class=\"stack\">\n<caption>")
	w.t("goals.caption")
	w.s("</caption>\n<thead><tr><th scope=\"col\">")
	w.t("col.goal")
	w.s("</th>")
	for _, y := range s.Years {
		w.s("<th scope=\"col\">")
		w.text(y.Label)
		w.s("</th>")
	}
	w.s("</tr></thead>\n<tbody>\n")
	for _, g := range s.Goals {
		goalsRow(w, p, g)
	}
	w.s("</tbody>\n</table>\n</div>\n")
	for _, g := range s.Goals {
		goalsEntry(w, p, g)
	}
	w.s("\n")
	return nil
}

// goalsRow writes a goal's row of the table of goals by year.
func goalsRow(w *hw, p *Page, g *GoalView) {
	w.s("<tr><th scope=\"row\"><a href=\"")
	w.url(p.Rel(g.URL))
	w.s("\">")
	goalNumbered(w, g)
	w.s("</a></th>")
	for _, y := range g.Years {
		w.s("<td data-label=\"")
		w.text(y.Year.Label)
		w.s("\">")
		statusBadge(w, y.Status)
		w.s("</td>")
	}
	w.s("</tr>\n")
}

// goalsEntry writes a goal's heading, outcome and counts on the goals page.
func goalsEntry(w *hw, p *Page, g *GoalView) {
	w.s("<h2><a href=\"")
	w.url(p.Rel(g.URL))
	w.s("\">")
	goalNumbered(w, g)
	w.s("</a></h2>\n<p><strong>")
	w.t("goal.outcome")
	w.s("</strong> ")
	w.html(g.Outcome)
	w.s("</p>\n<p>")
	if len(g.Standards) > 0 {
		w.t("goals.activities-standards", "count", len(g.Activities), "standards", len(g.Standards))
	} else {
		w.t("goals.activities", "count", len(g.Activities))
	}
	w.s("</p>\n")
}
