package generator

import (
	"strconv"

	"github.com/trellis-pl/trellis/content"
)

// The default theme's district and activities pages in Go
// (layouts/district.html, activities.html); see compiled.go.

func init() {
	compiledPages["district"] = compiledPage{main: districtMain}
	compiledPages["activities"] = compiledPage{main: activitiesMain, scripts: activitiesScripts}
}

// districtMain writes layouts/district.html.
func districtMain(w *hw, p *Page) error {
	districtFacts(w, p)
	districtSchools(w, p)
	districtGroups(w, p)
	w.s("\n\n")
	districtStaff(w, p)
	w.s("\n\n")
	if body := p.Site.Profile.Body; body != "" {
		w.s("<h2>")
		w.t("district.about")
		w.s("</h2>\n")
		w.html(body)
	}
	w.s("\n")
	return nil
}

// districtFacts writes the district page's heading, lead and facts.
func districtFacts(w *hw, p *Page) {
	pr := &p.Site.Profile
	w.s("\n<h1>")
	w.t("title.district")
	w.s("</h1>\n<p class=\"lead\">")
	if y := pr.DataYear; y != "" {
		w.t("district.lead-year", "district", p.Site.District, "year", y)
	} else {
		w.t("district.lead", "district", p.Site.District)
	}
	w.s("</p>\n<dl class=\"facts\">\n<dt>")
	w.t("col.enrollment")
	w.s("</dt><dd>")
	w.t("district.students", "count", pr.Enrollment, "n", w.c.Integer(int64(pr.Enrollment)))
	w.s("</dd>\n<dt>")
	w.t("district.schools")
	w.s("</dt><dd>")
	w.int(len(pr.Schools))
	w.s("</dd>\n<dt>")
	w.t("district.per-pupil")
	w.s("</dt><dd>")
	w.text(w.c.Money(pr.PerPupilExpenditure))
	w.s("</dd>\n")
	if u := pr.TeachingUnits; u != 0 {
		w.s("<dt>")
		w.t("district.teaching-units")
		w.s("</dt><dd>")
		w.text(w.c.Decimal(u))
		w.s("</dd>")
	}
	w.s("\n</dl>\n\n")
}

// districtSchools writes the table of the district's schools.
func districtSchools(w *hw, p *Page) {
	pr := &p.Site.Profile
	w.s("<h2>")
	w.t("district.schools")
	w.s("</h2>\n<div class=\"table-wrap\">\n<table class=\"stack\">\n<caption>")
	w.t("district.schools-of", "district", p.Site.District)
	w.s("</caption>\n<thead><tr><th scope=\"col\">")
	w.t("col.school")
	w.s("</th><th scope=\"col\">")
	w.t("col.grades")
	w.s("</th><th scope=\"col\" class=\"num\">")
	w.t("col.enrollment")
	w.s("</th><th scope=\"col\">")
	w.t("col.principal")
	w.s("</th><th scope=\"col\">")
	w.t("col.address")
	w.s("</th></tr></thead>\n<tbody>\n")
	for _, sc := range pr.Schools {
		w.s("<tr><th scope=\"row\">")
		w.text(sc.Name)
		w.s("</th>")
		dataCell(w, "col.grades")
		w.text(sc.Grades)
		w.s("</td><td class=\"num\" data-label=\"")
		w.tAttr("col.enrollment")
		w.s("\">")
		w.text(w.c.Integer(int64(sc.Enrollment)))
		w.s("</td>")
		dataCell(w, "col.principal")
		w.text(sc.Principal)
		w.s("</td>")
		dataCell(w, "col.address")
		w.text(sc.Address)
		w.s("</td></tr>\n")
	}
	w.s("</tbody>\n<tfoot><tr><th scope=\"row\">")
	w.t("district.all-schools")
	w.s("</th><td></td><td class=\"num\" data-label=\"")
	w.tAttr("col.enrollment")
	w.s("\">")
	w.text(w.c.Integer(int64(pr.SchoolEnrollment)))
	w.s("</td><td></td><td></td></tr></tfoot>\n</table>\n</div>\n\n")
}

// districtGroups writes a table of student groups for each category.
func districtGroups(w *hw, p *Page) {
	groups := p.Site.Profile.Groups
	if len(groups) == 0 {
		return
	}
	w.s("<h2>")
	w.t("district.students-heading")
	w.s("</h2>\n")
	for _, g := range groups {
		w.s("<div class=\"table-wrap\">\n<table>\n<caption>")
		w.text(g.Category)
		w.s("</caption>\n<thead><tr><th scope=\"col\">")
		w.t("col.group")
		w.s("</th><th scope=\"col\" class=\"num\">")
		w.t("district.share-or-number")
		w.s("</th></tr></thead>\n<tbody>\n")
		for _, d := range g.Items {
			w.s("<tr><th scope=\"row\">")
			w.text(d.Group)
			w.s("</th><td class=\"num\">")
			groupShare(w, d)
			w.s("</td></tr>\n")
		}
		w.s("</tbody>\n</table>\n</div>\n")
	}
}

// groupShare writes a student group's share: its percentage, its number
// of students, or both, as the profile gives them.
func groupShare(w *hw, d content.Demographic) {
	if d.Percent != nil {
		w.text(w.c.Percent(*d.Percent))
	}
	if d.Count != nil {
		// The templates pass the pointer as the count.
		w.t("district.students", "count", d.Count, "n", w.c.Integer(int64(*d.Count)))
	}
}

// districtStaff writes the table of teachers by certification.
func districtStaff(w *hw, p *Page) {
	certs := p.Site.Profile.Certification
	if len(certs) == 0 {
		return
	}
	w.s("<h2>")
	w.t("district.staff")
	w.s("</h2>\n<div class=\"table-wrap\">\n<table>\n<caption>")
	w.t("district.teachers-by-certification")
	w.s("</caption>\n<thead><tr><th scope=\"col\">")
	w.t("col.certification")
	w.s("</th><th scope=\"col\" class=\"num\">")
	w.t("col.teachers")
	w.s("</th></tr></thead>\n<tbody>\n")
	for _, c := range certs {
		w.s("<tr><th scope=\"row\">")
		w.text(c.Kind)
		w.s("</th><td class=\"num\">")
		w.text(w.c.Integer(int64(c.Count)))
		w.s("</td></tr>\n")
	}
	w.s("</tbody>\n</table>\n</div>")
}

// activitiesMain writes layouts/activities.html.
func activitiesMain(w *hw, p *Page) error {
	s := p.Site
	w.s("\n<h1>")
	w.t("title.activities")
	w.s("</h1>\n<p class=\"lead\">")
	if s.TotalCost != 0 {
		w.t("activities.lead-cost", "count", len(s.Activities), "cost", w.c.Money(s.TotalCost))
	} else {
		w.t("activities.lead", "count", len(s.Activities))
	}
	w.s("</p>\n")
	activityFilters(w, p)
	activitiesTable(w, p)
	w.s("<p>")
	w.t("activities.more")
	w.s("</p>\n")
	return nil
}

// activityFilters writes the filters of the activities page.
func activityFilters(w *hw, p *Page) {
	w.s(`<div class="filters" id="activity-filters" hidden data-showing="`)
	w.tAttr("activities.showing")
	w.s(`" data-showing-cost="`)
	w.tAttr("activities.showing-cost")
	for _, f := range [][2]string{{"money", "money"}, {"decimal", "decimal"}, {"group", "group"}, {"min-grouping", "min_grouping"}} {
		w.s(`" data-` + f[0] + `="`)
		w.text(w.c.FormatValue(f[1]))
	}
	w.s("\">\n<div><label for=\"filter-goal\">")
	w.t("activities.goal")
	w.s("</label>\n<select id=\"filter-goal\"><option value=\"\">")
	w.t("activities.all-goals")
	w.s("</option>")
	for _, g := range p.Site.Goals {
		w.s(`<option value="`)
		w.text(g.ID)
		w.s(`">`)
		w.t("goal.numbered", "number", g.Number, "title", g.Title)
		w.s("</option>")
	}
	w.s("</select></div>\n<div><label for=\"filter-standard\">")
	w.t("activities.standard")
	w.s("</label>\n<select id=\"filter-standard\"><option value=\"\">")
	w.t("activities.all-standards")
	w.s("</option>")
	for _, st := range p.Site.Standards {
		w.s(`<option value="`)
		w.text(st.ID)
		w.s(`">`)
		w.text(st.Name)
		w.s("</option>")
	}
	w.s("</select></div>\n<p id=\"filter-status\" role=\"status\" aria-live=\"polite\"></p>\n</div>\n")
}

// activitiesTable writes the table of every activity.
func activitiesTable(w *hw, p *Page) {
	w.s("<div class=\"table-wrap\">\n<table id=\"activities\" class=\"stack\">\n<caption>")
	w.t("activities.caption")
	w.s("</caption>\n<thead><tr>")
	for _, col := range []string{"col.activity", "col.goal", "col.initial", "col.follow-up", "col.when", "col.standards"} {
		w.s(`<th scope="col">`)
		w.t(col)
		w.s("</th>")
	}
	w.s(`<th scope="col" class="num">`)
	w.t("col.cost")
	w.s("</th></tr></thead>\n<tbody>\n")
	for _, a := range p.Site.Activities {
		activitiesRow(w, p, a)
	}
	w.s("</tbody>\n")
	if total := p.Site.Budget.Total; total != "" {
		w.s(`<tfoot><tr><th scope="row" colspan="6">`)
		w.t("budget.total")
		w.s(`</th><td class="num" id="activities-total">`)
		w.text(total)
		w.s("</td></tr></tfoot>")
	}
	w.s("\n</table>\n</div>\n")
}

// activitiesRow writes one activity's row of the activities table.
func activitiesRow(w *hw, p *Page, a *ActivityView) {
	w.s(`<tr id="`)
	w.text(a.Anchor)
	w.s(`" data-cents="`)
	w.text(strconv.FormatInt(int64(a.Cents), 10))
	w.s(`" data-goal="`)
	if a.Goal != nil {
		w.text(a.Goal.ID)
	}
	w.s(`" data-standards="`)
	for i, st := range a.Standards {
		if i > 0 {
			w.s(" ")
		}
		w.text(st.ID)
	}
	w.s("\">\n<th scope=\"row\">")
	w.text(a.Title)
	w.s("</th>\n")
	dataCell(w, "col.goal")
	if g := a.Goal; g != nil {
		w.s(`<a href="`)
		w.url(p.Rel(g.URL))
		w.s(`">`)
		w.t("goal.number", "number", g.Number)
		w.s("</a>")
	}
	w.s("</td>\n")
	dataCell(w, "col.initial")
	w.text(a.Initial.What)
	w.s(`<br><span class="muted">`)
	w.text(a.Initial.Who)
	w.s("</span></td>\n")
	dataCell(w, "col.follow-up")
	if f := a.FollowUp; f != nil {
		w.text(f.What)
		w.s(`<br><span class="muted">`)
		w.text(f.Who)
		w.s("</span>")
	} else {
		w.s(`<span class="muted">`)
		w.t("activities.none-planned")
		w.s("</span>")
	}
	w.s("</td>\n")
	activitiesRowEnd(w, p, a)
}

// activitiesRowEnd writes the when, standards and cost cells of an
// activity's row.
func activitiesRowEnd(w *hw, p *Page, a *ActivityView) {
	dataCell(w, "col.when")
	w.text(a.Duration.When)
	w.s("</td>\n")
	dataCell(w, "col.standards")
	standardList(w, p, a.Standards)
	w.s("</td>\n<td class=\"num\" data-label=\"")
	w.tAttr("col.cost")
	w.s("\">")
	if a.HasCost {
		w.text(w.c.Money(a.Cost))
	} else {
		w.s(`<span class="muted">–</span>`)
	}
	w.s("</td>\n</tr>\n")
}

// activitiesScripts writes the scripts block of layouts/activities.html.
func activitiesScripts(w *hw, p *Page) error {
	w.s(`<script src="`)
	w.url(p.Asset("filter.js"))
	w.s(`" defer></script>`)
	return nil
}
