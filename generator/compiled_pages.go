package generator

import (
	"fmt"

	"github.com/trellis-pl/trellis/content"
)

// The default theme's timeline, changes and accessibility pages in Go
// (layouts/timeline.html, changes.html, accessibility.html); see
// compiled.go.

func init() {
	compiledPages["timeline"] = compiledPage{main: timelineMain}
	compiledPages["changes"] = compiledPage{main: changesMain}
	compiledPages["accessibility"] = compiledPage{main: accessibilityMain}
}

// timelineMain writes layouts/timeline.html.
func timelineMain(w *hw, p *Page) error {
	t := p.Site.Timeline()
	w.s("\n<h1>")
	w.t("title.timeline")
	w.s("</h1>\n<p class=\"lead\">")
	w.t("timeline.lead", "count", len(p.Site.Years))
	w.s("</p>\n")
	timelineChart(w, t)
	timelineKey(w, t)
	timelineTable(w, p, t)
	return nil
}

// timelineChart writes the timeline's chart: the scale and a track for
// each activity.
func timelineChart(w *hw, t *TimelineView) {
	w.s("<div class=\"gantt\" aria-hidden=\"true\">\n<div class=\"gantt-head\"></div>\n<div class=\"gantt-scale\">\n<div class=\"gantt-years\">")
	for _, y := range t.Years {
		w.s(`<span style="`)
		w.text(string(y.Style()))
		w.s(`"><span class="long">`)
		w.text(y.Label)
		w.s(`</span><span class="short">`)
		w.text(y.Short)
		w.s("</span></span>")
	}
	w.s("</div>\n<div class=\"gantt-months\">")
	for _, m := range t.Months {
		w.s(`<span class="tick`)
		if m.Quarter {
			w.s(" tick-quarter")
		}
		if m.Year {
			w.s(" tick-year")
		}
		w.s(`" style="`)
		w.text(string(m.Style()))
		w.s(`"><span class="tick-label">`)
		w.text(m.Label)
		w.s("</span></span>")
	}
	w.s("</div>\n</div>\n")
	for _, r := range t.Rows {
		timelineTrack(w, t, r)
	}
	w.s("</div>\n")
}

// timelineTrack writes one activity's label and track on the chart.
func timelineTrack(w *hw, t *TimelineView, r TimelineRow) {
	w.s(`<div class="gantt-label">`)
	w.text(r.Activity.Title)
	w.s("</div>\n<div class=\"gantt-track\">")
	for _, y := range t.Years {
		w.s(`<span class="gantt-boundary" style="`)
		w.text(string(y.Style()))
		w.s(`"></span>`)
	}
	for _, b := range r.Bars {
		w.s(`<span class="gantt-bar bar-`)
		w.text(b.Kind)
		w.s(`" style="`)
		w.text(string(b.Style()))
		w.s(`"></span>`)
	}
	if d := t.Today; d != nil {
		w.s(`<span class="gantt-today" style="`)
		w.text(string(d.Style()))
		w.s(`"></span>`)
	}
	w.s("</div>\n")
}

// timelineKey writes the chart's key and the line saying what day it is.
func timelineKey(w *hw, t *TimelineView) {
	w.s("<ul class=\"gantt-key\" aria-hidden=\"true\">\n")
	if t.HasDates() {
		w.s(`<li><span class="key-swatch bar-dates"></span> `)
		w.t("timeline.key-dates")
		w.s("</li>")
	}
	w.s("\n")
	if t.HasFollowUp() {
		w.s(`<li><span class="key-swatch bar-initial"></span> `)
		w.t("col.initial")
		w.s(`</li><li><span class="key-swatch bar-follow-up"></span> `)
		w.t("col.follow-up")
		w.s("</li>")
	}
	w.s("\n")
	if t.HasYears() {
		w.s(`<li><span class="key-swatch bar-years"></span> `)
		w.t("timeline.key-years")
		w.s("</li>")
	}
	w.s("\n<li><span class=\"key-line\"></span> ")
	w.t("timeline.key-start")
	w.s("</li>\n")
	if t.Today != nil {
		w.s(`<li><span class="key-today"></span> `)
		w.t("timeline.today")
		w.s("</li>")
	}
	w.s("\n</ul>\n")
	if d := t.Today; d != nil {
		w.s("<p>")
		w.text(d.Label)
		w.s(".</p>")
	}
	w.s("\n")
}

// timelineTable writes the timeline as a table.
func timelineTable(w *hw, p *Page, t *TimelineView) {
	w.s("<div class=\"table-wrap\">\n<table class=\"stack\">\n<caption>")
	w.t("timeline.caption")
	w.s("</caption>\n<thead><tr><th scope=\"col\">")
	w.t("col.activity")
	w.s("</th><th scope=\"col\">")
	w.t("col.goal")
	w.s("</th>")
	for _, y := range p.Site.Years {
		w.s(`<th scope="col">`)
		w.text(y.Label)
		w.s("</th>")
	}
	w.s(`<th scope="col">`)
	w.t("col.dates")
	w.s("</th></tr></thead>\n<tbody>\n")
	for _, r := range t.Rows {
		timelineTableRow(w, p, r)
	}
	w.s("</tbody>\n</table>\n</div>\n")
}

// timelineTableRow writes one activity's row of the timeline's table.
func timelineTableRow(w *hw, p *Page, r TimelineRow) {
	a := r.Activity
	w.s(`<tr><th scope="row"><a href="`)
	w.url(p.Rel("activities/"))
	w.s("#")
	w.urlFragment(a.Anchor)
	w.s(`">`)
	w.text(a.Title)
	w.s("</a></th>\n")
	dataCell(w, "col.goal")
	if g := a.Goal; g != nil {
		w.t("goal.number", "number", g.Number)
	}
	w.s("</td>\n")
	for i, in := range r.InYear {
		w.s(`<td data-label="`)
		w.text(p.Site.Years[i].Label)
		w.s(`">`)
		if in {
			w.t("timeline.yes")
		} else {
			w.s(`<span class="muted">`)
			w.t("timeline.no")
			w.s("</span>")
		}
		w.s("</td>")
	}
	w.s("\n")
	dataCell(w, "col.dates")
	if r.Start != nil {
		w.t("timeline.from-to", "start", dateIn(w.c, r.Start), "end", dateIn(w.c, r.End))
		if f := r.FollowUp; f != nil {
			w.s(`; <span class="date-follow-up">`)
			w.t("timeline.follow-up-from", "date", dateIn(w.c, f))
			w.s("</span>")
		}
	}
	w.s(` <span class="muted when">`)
	w.text(a.Duration.When)
	w.s("</span></td></tr>\n")
}

// changesMain writes layouts/changes.html.
func changesMain(w *hw, p *Page) error {
	v, ok := p.Data.(*ChangesView)
	if !ok {
		return fmt.Errorf("the changes page has no changes (%T)", p.Data)
	}
	w.s("\n<h1>")
	w.t("changes.title")
	w.s("</h1>\n<p class=\"lead\">")
	w.t("changes.lead")
	w.s("</p>\n")
	if v.Partial {
		w.s(`<p class="notice">`)
		w.t("changes.partial", "date", v.Oldest)
		w.s("</p>")
	}
	w.s("\n")
	if v.Since != nil {
		changesSince(w, p, v)
	}
	w.s("\n<section aria-labelledby=\"log\">\n<h2 id=\"log\">")
	w.t("changes.every")
	w.s("</h2>\n<ol class=\"change-log\">\n")
	for _, e := range v.Entries {
		changesEntry(w, p, e)
	}
	w.s("</ol>\n</section>\n")
	if len(v.Versions) > 0 {
		changesVersions(w, p, v.Versions)
	}
	return nil
}

// changesSince writes what changed since the last adopted version.
func changesSince(w *hw, p *Page, v *ChangesView) {
	r := v.Since
	w.s("\n<section aria-labelledby=\"since\">\n<h2 id=\"since\">")
	w.t("changes.since")
	w.s("</h2>\n<p>")
	w.t("changes.since-version")
	w.s(" ")
	if r.URL != "" {
		w.s(`<a href="`)
		w.url(p.Top(r.URL))
		w.s(`">`)
		w.text(r.Name)
		w.s("</a>")
	} else {
		w.text(r.Name)
	}
	w.s(" ")
	w.t("history.of")
	changesTime(w, r.ISO)
	w.s(".</p>\n")
	if v.SinceErr != "" {
		w.s("<p>")
		w.t("changes.cannot", "why", v.SinceErr)
		w.s("</p>\n")
	} else {
		for _, d := range v.Diff {
			changesDiff(w, p, d)
		}
		if len(v.Diff) == 0 {
			w.s("<p>")
			w.t("changes.nothing")
			w.s("</p>\n")
		}
	}
	w.s("\n</section>\n")
}

// changesDiff writes the changes to one part of the plan.
func changesDiff(w *hw, p *Page, d DiffGroup) {
	w.s(`<h3 class="change-item">`)
	if d.Item.Link {
		w.s(`<a href="`)
		w.url(p.Rel(d.Item.URL))
		w.s(`">`)
		w.text(d.Item.Title)
		w.s("</a>")
	} else {
		w.text(d.Item.Title)
	}
	w.s("</h3>\n<ul class=\"change-lines\">")
	for _, l := range d.Lines {
		w.s("<li>")
		w.text(l)
		w.s("</li>")
	}
	w.s("</ul>\n")
}

// changesTime writes " <time>" with a date given as 2026-01-02.
func changesTime(w *hw, iso string) {
	w.s(" ")
	isoTime(w, iso)
}

// changesEntry writes one commit of the plan's history.
func changesEntry(w *hw, p *Page, e ChangeEntry) {
	w.s(`<li><p>`)
	isoTime(w, e.ISO)
	w.s(": ")
	w.text(e.Subject)
	w.s("</p>\n")
	switch {
	case len(e.Items) > 6:
		w.s("<details><summary>")
		w.t("changes.changed-parts", "count", len(e.Items))
		w.s("</summary><p>")
		changeItems(w, p, e.Items)
		w.s("</p></details>\n")
	case len(e.Items) > 0:
		w.s(`<p class="muted">`)
		w.t("changes.changed")
		w.s(" ")
		changeItems(w, p, e.Items)
		w.s("</p>")
	}
	w.s("</li>\n")
}

// changeItems writes the "change-items" partial: the parts of the plan a
// commit changed, linked where they have a page.
func changeItems(w *hw, p *Page, items []ItemLink) {
	for i, it := range items {
		if i > 0 {
			w.s(", ")
		}
		if it.Link {
			w.s(`<a href="`)
			w.url(p.Rel(it.URL))
			w.s(`">`)
			w.text(it.Title)
			w.s("</a>")
		} else {
			w.text(it.Title)
		}
	}
}

// changesVersions writes the list of earlier versions built beside the
// site.
func changesVersions(w *hw, p *Page, versions []VersionRef) {
	w.s("\n<section aria-labelledby=\"versions\">\n<h2 id=\"versions\">")
	w.t("changes.versions")
	w.s("</h2>\n<p>")
	w.t("changes.versions-lead")
	w.s("</p>\n<ul>")
	for _, r := range versions {
		w.s(`<li><a href="`)
		w.url(p.Top(r.URL))
		w.s(`">`)
		w.t("changes.version", "name", r.Name)
		w.s("</a>, ")
		w.t("history.of")
		changesTime(w, r.ISO)
		w.s("</li>")
	}
	w.s("</ul>\n</section>\n")
}

// accessibilityMain writes layouts/accessibility.html.
func accessibilityMain(w *hw, p *Page) error {
	w.s("\n<h1>")
	w.t("title.accessibility")
	w.s("</h1>\n<p class=\"lead\">")
	w.t("a11y.lead", "district", p.Site.District)
	w.s("</p>\n\n<h2>")
	w.t("a11y.conformance")
	w.s("</h2>\n<p>")
	w.t("a11y.conformance-text")
	w.s("</p>\n\n<h2>")
	w.t("a11y.tested")
	w.s("</h2>\n<ul>\n")
	a11yItems(w, "a11y.tested-axe", "a11y.tested-vnu", "a11y.tested-phone")
	w.s("</ul>\n<p>")
	w.t("a11y.automated")
	w.s("</p>\n\n<h2>")
	w.t("a11y.limitations")
	w.s("</h2>\n<ul>\n")
	a11yItems(w, "a11y.limit-charts", "a11y.limit-tables", "a11y.limit-pdf", "a11y.limit-links")
	w.s("</ul>\n\n<h2>")
	w.t("a11y.report")
	w.s("</h2>\n<p>")
	c := p.Site.Plan.Settings.Contact
	if c != nil || p.Site.District == "" {
		w.t("a11y.report-text")
	} else {
		w.t("a11y.report-text-district", "district", p.Site.District)
	}
	w.s("</p>\n")
	if c != nil {
		a11yContact(w, c)
	}
	w.s("\n<p>")
	w.t("a11y.formats", "plan", p.Rel("plan/"), "json", p.Rel("plan.json"))
	w.s("</p>\n\n<h2>")
	w.t("a11y.about")
	w.s("</h2>\n<p>")
	w.t("a11y.reviewed", "date", statementDate(w.c, p.Site.Plan.Settings.AccessibilityReviewed))
	w.s("</p>\n")
	return nil
}

// a11yItems writes a list item for each message.
func a11yItems(w *hw, keys ...string) {
	for _, k := range keys {
		w.s("<li>")
		w.t(k)
		w.s("</li>\n")
	}
}

// a11yContact writes who to ask about the site's accessibility.
func a11yContact(w *hw, c *content.Contact) {
	w.s("<dl class=\"facts\">\n<dt>")
	w.t("a11y.contact")
	w.s("</dt><dd>")
	w.text(c.Name)
	if c.Title != "" {
		w.s(", ")
		w.text(c.Title)
	}
	w.s("</dd>\n")
	if c.Email != "" {
		w.s("<dt>")
		w.t("a11y.email")
		w.s(`</dt><dd><a href="mailto:`)
		w.urlTail(c.Email)
		w.s(`">`)
		w.text(c.Email)
		w.s("</a></dd>")
	}
	w.s("\n")
	if c.Phone != "" {
		w.s("<dt>")
		w.t("a11y.phone")
		w.s("</dt><dd>")
		w.text(c.Phone)
		w.s("</dd>")
	}
	w.s("\n</dl>")
}
