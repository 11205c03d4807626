package generator

import "github.com/trellis-pl/trellis/content"

// The partials of layouts/partials/common.html and approval.html in Go;
// see compiled.go.

// statusBadge writes the "status" partial.
func statusBadge(w *hw, s string) {
	w.s(`<span class="status status-`)
	if s != "" {
		w.text(s)
	} else {
		w.s("none")
	}
	w.s(`">`)
	w.text(statusLabel(w.c, s))
	w.s("</span>")
}

// standardLinks writes the "standard-links" partial.
func standardLinks(w *hw, p *Page, list []*StandardView) {
	if len(list) == 0 {
		w.s(`<span class="muted">`)
		w.t("common.none-listed")
		w.s("</span>")
		return
	}
	w.s(`<ul class="tags">`)
	for _, st := range list {
		w.s(`<li><a href="`)
		w.url(p.Rel(st.URL))
		w.s(`">`)
		w.text(st.Name)
		w.s("</a></li>")
	}
	w.s("</ul>")
}

// standardList writes links to standards separated by commas, as the
// activity rows and the coverage page's gaps list them.
func standardList(w *hw, p *Page, list []*StandardView) {
	for i, st := range list {
		if i > 0 {
			w.s(", ")
		}
		w.s(`<a href="`)
		w.url(p.Rel(st.URL))
		w.s(`">`)
		w.text(st.Name)
		w.s("</a>")
	}
}

// step writes the "step" partial: an activity's initial step or follow-up
// (nil: none), key "initial" or "follow_up".
func step(w *hw, a *ActivityView, s *content.Step, key string) {
	if s == nil {
		w.s(`<p class="muted">`)
		w.t("common.no-follow-up")
		w.s("</p>")
		return
	}
	w.s("<p><strong>")
	w.t("common.who")
	w.s("</strong> ")
	w.html(a.Tx(key+".who", s.Who))
	w.s("</p><p><strong>")
	w.t("common.what")
	w.s("</strong> ")
	w.html(a.Tx(key+".what", s.What))
	w.s("</p><p><strong>")
	w.t("common.how")
	w.s("</strong> ")
	w.html(a.Tx(key+".how", s.How))
	w.s("</p>")
}

// resources writes the "resources" partial of an activity.
func resources(w *hw, a *ActivityView) {
	if len(a.Resources) == 0 {
		w.s(`<p class="muted">`)
		w.t("common.none-listed-dot")
		w.s("</p>")
		return
	}
	w.s("<ul>")
	for i, r := range a.Resources {
		w.s("<li>")
		if r.Year != 0 {
			w.t("resources.year", "number", r.Year)
			w.s(" ")
		}
		w.html(a.TxAt("resources", i, "item", r.Item))
		switch {
		case r.Cost != nil:
			w.s(" (")
			w.text(w.c.Money(*r.Cost))
			if r.Funding != "" {
				w.s(", ")
				w.text(r.Funding)
			}
			w.s(")")
		case r.Funding != "":
			w.s(" (")
			w.text(r.Funding)
			w.s(")")
		}
		w.s("</li>")
	}
	w.s("</ul>")
}

// activityTable writes the "activity-table" partial: a goal's activities.
func activityTable(w *hw, p *Page, g *GoalView) {
	w.s("\n<div class=\"table-wrap\">\n<table class=\"stack activities\">\n<caption>")
	w.t("goal.activities-caption", "number", g.Number)
	w.s("</caption>\n<thead><tr>")
	colHeads(w, "col.activity", "col.initial-step", "col.follow-up-step", "col.duration", "col.resources")
	w.s("</tr></thead>\n<tbody>\n")
	for _, a := range g.Activities {
		activityRow(w, p, g, a)
	}
	if len(g.Activities) == 0 {
		w.s(`<tr><td colspan="5">`)
		w.t("goal.no-activities")
		w.s("</td></tr>\n")
	}
	w.s("</tbody>\n</table>\n</div>\n")
}

// activityRow writes one activity's row of the activity table.
func activityRow(w *hw, p *Page, g *GoalView, a *ActivityView) {
	w.s(`<tr id="`)
	w.text(a.Anchor)
	w.s("-")
	w.text(g.ID)
	w.s("\">\n<th scope=\"row\">")
	w.html(a.Tx("title", a.Title))
	w.s(`<br><span class="muted">`)
	w.t("common.standards")
	w.s("</span> ")
	standardList(w, p, a.Standards)
	w.s("</th>\n")
	dataCell(w, "col.initial-step")
	step(w, a, &a.Initial, "initial")
	w.s("</td>\n")
	dataCell(w, "col.follow-up-step")
	step(w, a, a.FollowUp, "follow_up")
	w.s("</td>\n")
	dataCell(w, "col.duration")
	duration(w, a)
	w.s("</td>\n")
	dataCell(w, "col.resources")
	resources(w, a)
	w.s("</td>\n</tr>\n")
}

// colHeads writes a table's column headings, each a message key.
func colHeads(w *hw, keys ...string) {
	for _, k := range keys {
		w.s(`<th scope="col">`)
		w.t(k)
		w.s("</th>")
	}
}

// dataCell opens a table cell labelled with a column's name for phones.
func dataCell(w *hw, col string) {
	w.s(`<td data-label="`)
	w.tAttr(col)
	w.s(`">`)
}

// duration writes an activity's duration cell of the activity table.
func duration(w *hw, a *ActivityView) {
	d := a.Duration
	w.s("<p>")
	w.html(a.Tx("duration.when", d.When))
	w.s("</p>")
	if d.Start == nil {
		return
	}
	w.s(`<p class="muted">`)
	if d.End != nil {
		w.t("common.from-to", "start", dateIn(w.c, d.Start), "end", dateIn(w.c, d.End))
	} else {
		w.text(dateIn(w.c, d.Start))
	}
	w.s("</p>")
}

// goalYears writes the "goal-years" partial: a goal's outcome and status
// in each plan year.
func goalYears(w *hw, g *GoalView) {
	w.s("\n<div class=\"table-wrap\">\n<table class=\"stack\">\n<caption>")
	w.t("goal.years-caption", "number", g.Number)
	w.s("</caption>\n<thead><tr>")
	colHeads(w, "col.plan-year", "col.expected-outcome", "col.status", "col.result")
	w.s("</tr></thead>\n<tbody>\n")
	for _, y := range g.Years {
		w.s("<tr>\n<th scope=\"row\">")
		w.text(y.Year.Label)
		if y.Year.Current {
			w.s(` <span class="muted">`)
			w.t("goal.current")
			w.s("</span>")
		}
		w.s("</th>\n")
		dataCell(w, "col.expected-outcome")
		if y.Missing {
			w.s(`<span class="muted">`)
			w.t("goal.no-outcome")
			w.s("</span>")
		} else {
			w.html(y.Outcome)
		}
		w.s("</td>\n")
		dataCell(w, "col.status")
		statusBadge(w, y.Status)
		w.s("</td>\n")
		dataCell(w, "col.result")
		w.html(y.Result)
		w.s("</td>\n</tr>\n")
	}
	w.s("</tbody>\n</table>\n</div>\n")
}

// ratingChart writes the "rating-chart" partial: the average rating of
// each group as a bar.
func ratingChart(w *hw, groups []RatingGroup) {
	w.s("\n<figure class=\"chart\">\n<ul class=\"hbars\">\n")
	for _, g := range groups {
		w.s(`<li><span class="hbar-label">`)
		w.text(g.Name)
		w.s(`</span><span class="hbar-track" aria-hidden="true"><span class="hbar" style="`)
		w.text(string(barStyle(g.Average)))
		w.s(`"></span></span><span class="hbar-value">`)
		ratingValue(w, g.Rated, g.Average)
		w.s("</span></li>\n")
	}
	w.s("</ul>\n<figcaption class=\"muted\">")
	if len(groups) > 0 {
		w.t("chart.caption-" + groups[0].Kind)
	} else {
		w.t("chart.caption")
	}
	w.s("</figcaption>\n</figure>\n")
}

// ratingValue writes an average rating out of 4, or a dash if nothing is
// rated.
func ratingValue(w *hw, rated int, avg float64) {
	if rated != 0 {
		w.text(w.c.Fixed1(avg))
		w.s(`<span class="visually-hidden">`)
		w.t("chart.out-of-4")
		w.s("</span>")
		return
	}
	w.s(`–<span class="visually-hidden">`)
	w.t("chart.not-rated")
	w.s("</span>")
}

// approvalNote writes the "approval-note" partial.
func approvalNote(w *hw, p *Page) {
	a := p.Site.Approval
	if !a.Draft {
		w.s(`<p class="approval">`)
		w.text(a.Summary())
		w.s("</p>")
		return
	}
	w.s(`<p class="draft-notice">`)
	if a.Version != "" {
		w.t("approval.draft-version", "version", a.Version)
	} else {
		w.t("approval.draft")
	}
	w.s("</p>")
}

// approvalRecord writes the "approval-record" partial: the approvals as a
// table, for the printed plan's cover.
func approvalRecord(w *hw, p *Page) {
	a := p.Site.Approval
	if a.Draft {
		w.s(`<p class="draft-mark">`)
		w.t("approval.draft-mark")
		w.s("</p>")
		return
	}
	w.s("\n<table class=\"approvals\">\n<caption>")
	w.t("approval.record")
	w.s("</caption>\n<thead><tr>")
	colHeads(w, "approval.date", "approval.by", "approval.what")
	w.s("</tr></thead>\n<tbody>")
	approvalRow(w, a.Adopted.Date, a.Adopted.By, a.Adopted.Note, "approval.adopted")
	w.s("\n")
	for _, am := range a.Amendments {
		approvalRow(w, am.Date, am.By, am.Note, "approval.amended")
		w.s("\n")
	}
	w.s("</tbody>\n</table>")
}

// approvalRow writes one approval's row; without a note, the message
// what says what it was.
func approvalRow(w *hw, date any, by, note, what string) {
	w.s("<tr><td>")
	w.text(dateIn(w.c, date))
	w.s("</td><td>")
	w.text(by)
	w.s("</td><td>")
	if note != "" {
		w.text(note)
	} else {
		w.t(what)
	}
	w.s("</td></tr>")
}
