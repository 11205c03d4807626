package generator

// The printable plan (layouts/plan.html) in Go; see compiled.go.

func init() {
	compiledPages["plan"] = compiledPage{head: planHead, main: planMain, scripts: planScripts}
}

// planHead writes the head block of layouts/plan.html: the printed pages'
// running head.
func planHead(w *hw, p *Page) error {
	w.s(`<style media="print">@page { @top-center { content: "`)
	w.cssString(p.Site.Title)
	if p.Site.Approval.Draft {
		w.s(" ")
		w.cssString(string(w.c.HTML("plan.draft-mark")))
	}
	w.s(`"; } } @page :first { @top-center { content: none; } }</style>`)
	return nil
}

// planScripts writes the scripts block of layouts/plan.html.
func planScripts(w *hw, p *Page) error {
	w.s(`<script src="`)
	w.url(p.Asset("print.js"))
	w.s(`" defer></script>`)
	return nil
}

// planMain writes the main block of layouts/plan.html.
func planMain(w *hw, p *Page) error {
	planCover(w, p)
	planContents(w, p)
	planDistrict(w, p)
	planBeliefs(w, p)
	planGoals(w, p)
	w.s("<section class=\"plan-section\" aria-labelledby=\"budget\">\n<h2 id=\"budget\">")
	w.t("title.budget")
	w.s("</h2>\n")
	if err := budgetPartial(w, p, 3); err != nil {
		return err
	}
	w.s("\n</section>\n\n")
	planPartners(w, p)
	w.s("\n\n<section class=\"plan-section\" aria-labelledby=\"standards\">\n<h2 id=\"standards\">")
	w.t("plan.standards")
	w.s("</h2>\n")
	if err := planStandards(w, p); err != nil {
		return err
	}
	w.s("\n</section>\n")
	return nil
}

// planCover writes the printed plan's cover: the district, the title, the
// years and the approval record.
func planCover(w *hw, p *Page) {
	s := p.Site
	w.s("\n<header class=\"plan-cover\" aria-labelledby=\"plan-title\">\n<p class=\"cover-district\">")
	w.text(s.District)
	w.s("</p>\n<h1 id=\"plan-title\">")
	w.text(s.Title)
	w.s("</h1>\n<p class=\"cover-years\">")
	if n := len(s.Years); n > 1 {
		w.t("plan.years", "first", s.Years[0].Label, "last", s.Years[n-1].Label)
	} else if n != 0 {
		w.text(s.Years[0].Label)
	}
	w.s("</p>\n")
	planCoverFacts(w, p)
	w.s("\n")
	approvalRecord(w, p)
	w.s("\n</header>\n<p class=\"lead no-print\">")
	if s.PDF {
		w.t("plan.lead-pdf", "district", s.District, "pdf", p.Rel("plan.pdf"))
	} else {
		w.t("plan.lead", "district", s.District)
	}
	w.s("</p>\n<p class=\"no-print\"><button type=\"button\" id=\"print-plan\" hidden>")
	w.t("plan.print")
	w.s("</button></p>\n")
}

// planCoverFacts writes the cover's list of the version, the status, the
// superintendent and the contact.
func planCoverFacts(w *hw, p *Page) {
	a := p.Site.Approval
	w.s("<dl class=\"facts cover-facts\">\n")
	if a.Version != "" {
		w.s("<dt>")
		w.t("plan.version")
		w.s("</dt><dd>")
		w.text(a.Version)
		w.s("</dd>")
	}
	w.s("\n<dt>")
	w.t("col.status")
	w.s("</dt><dd>")
	if a.Draft {
		w.t("plan.status-draft")
	} else {
		w.t("approval.summary-adopted", "date", dateIn(w.c, a.Adopted.Date), "by", a.Adopted.By)
		if n := len(a.Amendments); n > 0 {
			w.s("; ")
			w.t("approval.summary-amended", "date", dateIn(w.c, a.Amendments[n-1].Date))
		}
	}
	w.s("</dd>\n")
	if a.Superintendent != "" {
		w.s("<dt>")
		w.t("plan.superintendent")
		w.s("</dt><dd>")
		w.text(a.Superintendent)
		w.s("</dd>")
	}
	w.s("\n")
	planContact(w, p)
	w.s("\n</dl>")
}

// planContact writes the cover's contact, if the plan names one.
func planContact(w *hw, p *Page) {
	c := p.Site.Plan.Settings.Contact
	if c == nil {
		return
	}
	w.s("<dt>")
	w.t("plan.contact")
	w.s("</dt><dd>")
	w.text(c.Name)
	if c.Title != "" {
		w.s(", ")
		w.text(c.Title)
	}
	if c.Email != "" {
		w.s("<br>")
		w.text(c.Email)
	}
	if c.Phone != "" {
		w.s("<br>")
		w.text(c.Phone)
	}
	w.s("</dd>")
}

// planContents writes the printed plan's table of contents.
func planContents(w *hw, p *Page) {
	w.s("<nav aria-labelledby=\"contents-title\" class=\"plan-contents\">\n<h2 id=\"contents-title\">")
	w.t("plan.contents")
	w.s("</h2>\n<ol>\n<li><a href=\"#who-we-are\">")
	w.t("title.district")
	w.s("</a></li>\n<li><a href=\"#what-we-believe\">")
	w.t("home.beliefs")
	w.s("</a></li>\n<li><a href=\"#what-we-want-to-accomplish\">")
	w.t("goals.heading")
	w.s("</a>\n<ol>")
	for _, g := range p.Site.Goals {
		w.s(`<li><a href="#goal-`)
		w.urlFragment(g.ID)
		w.s(`">`)
		goalNumbered(w, g)
		w.s("</a></li>")
	}
	w.s("</ol></li>\n<li><a href=\"#budget\">")
	w.t("title.budget")
	w.s("</a></li>\n")
	if len(p.Site.Partners) > 0 {
		w.s(`<li><a href="#partners">`)
		w.t("title.partners")
		w.s("</a></li>")
	}
	w.s("\n<li><a href=\"#standards\">")
	w.t("plan.standards")
	w.s("</a></li>\n</ol>\n</nav>\n\n")
}

// planDistrict writes the plan's section on the district: its figures,
// schools, student groups and teachers.
func planDistrict(w *hw, p *Page) {
	pr := &p.Site.Profile
	w.s("<section class=\"plan-section\" aria-labelledby=\"who-we-are\">\n<h2 id=\"who-we-are\">")
	w.t("title.district")
	w.s("</h2>\n<dl class=\"facts\">\n<dt>")
	w.t("col.district")
	w.s("</dt><dd>")
	w.text(p.Site.District)
	w.s("</dd>\n<dt>")
	w.t("col.enrollment")
	w.s("</dt><dd>")
	w.t("district.students", "count", pr.Enrollment, "n", w.c.Integer(int64(pr.Enrollment)))
	if pr.DataYear != "" {
		w.s(" (")
		w.text(pr.DataYear)
		w.s(")")
	}
	w.s("</dd>\n<dt>")
	w.t("district.per-pupil")
	w.s("</dt><dd>")
	w.text(w.c.Money(pr.PerPupilExpenditure))
	w.s("</dd>\n")
	if pr.TeachingUnits != 0 {
		w.s("<dt>")
		w.t("district.teaching-units")
		w.s("</dt><dd>")
		w.text(w.c.Decimal(pr.TeachingUnits))
		w.s("</dd>")
	}
	w.s("\n</dl>\n")
	planSchools(w, pr)
	w.s("\n")
	planDemographics(w, pr)
	w.s("\n")
	planCertification(w, pr)
	w.s("\n")
	w.html(pr.Body)
	w.s("\n</section>\n\n")
}

// planSchools writes the table of the district's schools.
func planSchools(w *hw, pr *ProfileView) {
	w.s("<div class=\"table-wrap\">\n<table>\n<caption>")
	w.t("district.schools")
	w.s("</caption>\n<thead><tr><th scope=\"col\">")
	w.t("col.school")
	w.s(`</th><th scope="col">`)
	w.t("col.grades")
	w.s(`</th><th scope="col" class="num">`)
	w.t("col.enrollment")
	w.s(`</th><th scope="col">`)
	w.t("col.principal")
	w.s("</th></tr></thead>\n<tbody>")
	for _, sc := range pr.Schools {
		w.s(`<tr><th scope="row">`)
		w.text(sc.Name)
		w.s("</th><td>")
		w.text(sc.Grades)
		w.s(`</td><td class="num">`)
		w.text(w.c.Integer(int64(sc.Enrollment)))
		w.s("</td><td>")
		w.text(sc.Principal)
		w.s("</td></tr>")
	}
	w.s("</tbody>\n</table>\n</div>")
}

// planDemographics writes a table of each category of student groups.
func planDemographics(w *hw, pr *ProfileView) {
	for _, g := range pr.Groups {
		w.s("<div class=\"table-wrap\">\n<table>\n<caption>")
		w.t("plan.demographics", "category", g.Category)
		w.s("</caption>\n<thead><tr><th scope=\"col\">")
		w.t("col.group")
		w.s(`</th><th scope="col" class="num">`)
		w.t("plan.share-or-number")
		w.s("</th></tr></thead>\n<tbody>")
		for _, d := range g.Items {
			w.s(`<tr><th scope="row">`)
			w.text(d.Group)
			w.s(`</th><td class="num">`)
			groupShare(w, d)
			w.s("</td></tr>")
		}
		w.s("</tbody>\n</table>\n</div>")
	}
}

// planCertification writes the table of the teachers by certification,
// if the profile gives them.
func planCertification(w *hw, pr *ProfileView) {
	if len(pr.Certification) == 0 {
		return
	}
	w.s("<div class=\"table-wrap\">\n<table>\n<caption>")
	w.t("plan.certification")
	w.s("</caption>\n<thead><tr><th scope=\"col\">")
	w.t("col.certification")
	w.s(`</th><th scope="col" class="num">`)
	w.t("col.teachers")
	w.s("</th></tr></thead>\n<tbody>")
	for _, c := range pr.Certification {
		w.s(`<tr><th scope="row">`)
		w.text(c.Kind)
		w.s(`</th><td class="num">`)
		w.text(w.c.Integer(int64(c.Count)))
		w.s("</td></tr>")
	}
	w.s("</tbody>\n</table>\n</div>")
}

// planBeliefs writes the plan's section on the mission, the vision and
// the beliefs.
func planBeliefs(w *hw, p *Page) {
	b := &p.Site.Beliefs
	w.s("<section class=\"plan-section\" aria-labelledby=\"what-we-believe\">\n<h2 id=\"what-we-believe\">")
	w.t("home.beliefs")
	w.s("</h2>\n<h3>")
	w.t("home.mission")
	w.s("</h3>\n<p>")
	w.html(b.Mission)
	w.s("</p>\n<h3>")
	w.t("home.vision")
	w.s("</h3>\n<p>")
	w.html(b.Vision)
	w.s("</p>\n")
	w.html(b.Body)
	w.s("\n</section>\n\n")
}

// planGoals writes the plan's section on the goals: a list of them, then
// each in full.
func planGoals(w *hw, p *Page) {
	goals := p.Site.Goals
	w.s("<section class=\"plan-section\" aria-labelledby=\"what-we-want-to-accomplish\">\n<h2 id=\"what-we-want-to-accomplish\">")
	w.t("goals.heading")
	w.s("</h2>\n<p>")
	w.t("plan.goals-lead", "count", len(goals))
	w.s("</p>\n<ol>")
	for _, g := range goals {
		w.s(`<li><a href="#goal-`)
		w.urlFragment(g.ID)
		w.s(`">`)
		goalNumbered(w, g)
		w.s("</a>")
		if g.Total != "" {
			w.s(" (")
			w.text(g.Total)
			w.s(")")
		}
		w.s("</li>")
	}
	w.s("</ol>\n")
	for _, g := range goals {
		planGoal(w, p, g)
	}
	w.s("\n</section>\n\n")
}

// planGoal writes one goal in full: its outcome, rationale, evidence,
// measures, years and activities.
func planGoal(w *hw, p *Page, g *GoalView) {
	w.s(`<section class="plan-goal" aria-labelledby="goal-`)
	w.text(g.ID)
	w.s("\">\n<h3 id=\"goal-")
	w.text(g.ID)
	w.s(`">`)
	goalNumbered(w, g)
	w.s("</h3>\n<p><strong>")
	w.t("goal.outcome")
	w.s("</strong> ")
	w.html(g.Outcome)
	w.s("</p>\n<h4>")
	w.t("goal.rationale")
	w.s("</h4>\n")
	w.html(g.Rationale)
	w.s("\n<ul>")
	for _, e := range g.Evidence {
		w.s("<li>")
		w.html(g.Tx("evidence", e))
		w.s("</li>")
	}
	w.s("</ul>\n<h4>")
	w.t("goal.impact")
	w.s("</h4>\n")
	w.html(g.Impact)
	w.s("\n<h4>")
	w.t("goal.measures")
	w.s("</h4>\n")
	planMeasures(w, g)
	w.s("\n<h4>")
	w.t("goal.outcomes-by-year")
	w.s("</h4>\n")
	goalYears(w, g)
	w.s("\n")
	if g.Body != "" {
		w.s("<h4>")
		w.t("goal.more")
		w.s("</h4>\n")
		w.html(g.Body)
	}
	planGoalActivities(w, p, g)
	w.s("\n</section>\n")
}

// planMeasures writes the table of a goal's measures.
func planMeasures(w *hw, g *GoalView) {
	w.s("<div class=\"table-wrap\">\n<table>\n<caption>")
	w.t("goal.measures-of", "number", g.Number)
	w.s("</caption>\n<thead><tr><th scope=\"col\">")
	w.t("col.measure")
	w.s(`</th><th scope="col">`)
	w.t("col.how-often")
	w.s("</th></tr></thead>\n<tbody>")
	for i, m := range g.Measures {
		w.s(`<tr><th scope="row">`)
		w.html(g.TxAt("measures", i, "measure", m.Measure))
		w.s("</th><td>")
		w.html(g.TxAt("measures", i, "frequency", m.Frequency))
		w.s("</td></tr>")
	}
	w.s("</tbody>\n</table>\n</div>")
}

// planGoalActivities writes a goal's cost, its activity table and what
// its activities say about themselves.
func planGoalActivities(w *hw, p *Page, g *GoalView) {
	w.s("\n<h4>")
	w.t("title.activities")
	w.s("</h4>\n")
	if g.Total != "" {
		w.s(`<p class="keep-with-next">`)
		w.t("goal.cost", "cost", g.Total)
		w.s("</p>")
	}
	w.s("\n")
	activityTable(w, p, g)
	w.s("\n")
	activityBodies(w, g, "h5")
}

// planPartners writes the plan's section on the partners, or the heading
// the contents link to if there are none.
func planPartners(w *hw, p *Page) {
	if len(p.Site.Partners) == 0 {
		w.s(`<h2 id="partners" class="visually-hidden">`)
		w.t("title.partners")
		w.s("</h2>")
		return
	}
	w.s("<section class=\"plan-section\" aria-labelledby=\"partners\">\n<h2 id=\"partners\">")
	w.t("title.partners")
	w.s("</h2>\n")
	for _, pt := range p.Site.Partners {
		planPartner(w, pt)
	}
	w.s("\n</section>")
}

// planPartner writes one partner's evaluation in a paragraph and a table.
func planPartner(w *hw, pt *PartnerView) {
	w.s("<h3>")
	w.text(pt.Name)
	w.s("</h3>\n<p>")
	w.text(partnerKind(w.c, pt.Kind))
	w.s(". ")
	w.text(pt.Services)
	w.s(". ")
	w.t("plan.partner-reviewed", "date", dateIn(w.c, pt.Reviewed))
	w.s(" ")
	if pt.Rated != 0 {
		w.t("plan.partner-average", "average", w.c.Fixed1(pt.Average))
	} else {
		w.t("plan.partner-no-average")
	}
	w.s(" <strong>")
	w.t("partner.recommendation")
	w.s("</strong> ")
	w.text(recommendation(w.c, pt.Recommendation))
	w.s(".</p>\n<div class=\"table-wrap\">\n<table>\n<caption>")
	if len(pt.Groups) > 0 {
		w.t("plan.partner-caption-"+pt.Groups[0].Kind, "name", pt.Name)
	} else {
		w.text(pt.Name)
	}
	w.s("</caption>\n<thead><tr><th scope=\"col\">")
	if len(pt.Groups) > 0 {
		w.t("col." + pt.Groups[0].Kind)
	}
	w.s(`</th><th scope="col" class="num">`)
	w.t("col.average")
	w.s(`</th><th scope="col" class="num">`)
	w.t("col.items-rated")
	w.s("</th></tr></thead>\n<tbody>")
	for _, g := range pt.Groups {
		w.s(`<tr><th scope="row">`)
		w.text(g.Name)
		w.s(`</th><td class="num">`)
		if g.Rated != 0 {
			w.text(w.c.Fixed1(g.Average))
		} else {
			w.s("–")
		}
		w.s(`</td><td class="num">`)
		w.t("plan.rated-of", "rated", g.Rated, "total", len(g.Ratings))
		w.s("</td></tr>")
	}
	w.s("</tbody>\n</table>\n</div>\n")
}
