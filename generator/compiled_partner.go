package generator

// The default theme's partner pages in Go (layouts/partner.html,
// partners.html, comparison.html); see compiled.go.

func init() {
	compiledPages["partner"] = compiledPage{main: partnerMain}
	compiledPages["partners"] = compiledPage{main: partnersMain}
	compiledPages["comparison"] = compiledPage{main: comparisonMain}
}

// partnerMain writes layouts/partner.html.
func partnerMain(w *hw, p *Page) error {
	pv := p.Data.(*PartnerView)
	w.s("\n<h1>")
	w.text(pv.Name)
	w.s("</h1>\n")
	partnerFacts(w, p, pv)
	w.s("<div class=\"statement\"><p><strong>")
	w.t("partner.recommendation")
	w.s("</strong> ")
	w.text(recommendation(w.c, pv.Recommendation))
	w.s(".</p></div>\n\n<h2>")
	w.t("partner.at-a-glance")
	w.s("</h2>\n")
	ratingChart(w, pv.Groups)
	w.s("\n\n<h2>")
	w.t("partner.ratings")
	w.s("</h2>\n")
	for i := range pv.Groups {
		partnerGroup(w, p, &pv.Groups[i])
	}
	w.s("\n")
	if len(pv.History) > 0 {
		partnerHistory(w, pv)
	}
	w.s("\n\n")
	if pv.Body != "" {
		w.s("<h2>")
		w.t("partner.notes")
		w.s("</h2>\n")
		w.html(pv.Body)
	}
	w.s("\n")
	return nil
}

// partnerFacts writes the list of facts at the top of a partner's page.
func partnerFacts(w *hw, p *Page, pv *PartnerView) {
	w.s("<dl class=\"facts\">\n<dt>")
	w.t("partner.kind")
	w.s("</dt><dd>")
	w.text(partnerKind(w.c, pv.Kind))
	w.s("</dd>\n<dt>")
	w.t("partner.services")
	w.s("</dt><dd>")
	w.text(pv.Services)
	w.s("</dd>\n<dt>")
	w.t("col.goals-supported")
	w.s("</dt><dd>")
	for i, g := range pv.Goals {
		if i > 0 {
			w.s("; ")
		}
		w.s(`<a href="`)
		w.url(p.Rel(g.URL))
		w.s(`">`)
		w.t("goal.numbered", "number", g.Number, "title", g.Tx("title", g.Title))
		w.s("</a>")
	}
	if len(pv.Goals) == 0 {
		w.t("common.none-listed")
	}
	w.s("</dd>\n<dt>")
	w.t("col.reviewed")
	w.s("</dt><dd>")
	if pv.Reviewers != "" {
		w.t("partner.reviewed-by", "date", dateIn(w.c, pv.Reviewed), "by", pv.Reviewers)
	} else {
		w.text(dateIn(w.c, pv.Reviewed))
	}
	w.s("</dd>\n<dt>")
	w.t("col.average")
	w.s("</dt><dd>")
	if pv.Rated != 0 {
		w.t("partner.average", "average", w.c.Fixed1(pv.Average), "count", pv.Rated)
	} else {
		w.t("partner.not-rated")
	}
	w.s("</dd>\n</dl>\n")
}

// partnerGroup writes the table of a partner's ratings of one group.
func partnerGroup(w *hw, p *Page, g *RatingGroup) {
	w.s("<div class=\"table-wrap\">\n<table class=\"stack\">\n<caption>")
	if g.URL != "" {
		w.s(`<a href="`)
		w.url(p.Rel(g.URL))
		w.s(`">`)
		w.text(g.Name)
		w.s("</a>")
	} else {
		w.text(g.Name)
	}
	if g.Rated != 0 {
		w.t("partner.group-average", "average", w.c.Fixed1(g.Average))
	}
	w.s("</caption>\n<thead><tr><th scope=\"col\">")
	w.t("col.item")
	w.s(`</th><th scope="col" class="num">`)
	w.t("col.rating")
	w.s(`</th><th scope="col">`)
	w.t("col.evidence")
	w.s("</th></tr></thead>\n<tbody>\n")
	for i := range g.Ratings {
		partnerRating(w, &g.Ratings[i])
	}
	w.s("</tbody>\n</table>\n</div>\n")
}

// partnerRating writes the row of one rating or answer.
func partnerRating(w *hw, r *RatingView) {
	w.s(`<tr><th scope="row">`)
	w.text(r.Item.Text)
	w.s(`</th><td class="num" data-label="`)
	w.tAttr("col.rating")
	w.s(`">`)
	if r.Item.Open {
		w.s(`<span class="muted">`)
		w.t("partner.open-question")
		w.s(`</span></td><td data-label="`)
		w.tAttr("col.answer")
		w.s(`">`)
		if r.Answer != "" {
			w.text(r.Answer)
		} else {
			w.s(`<span class="muted">`)
			w.t("partner.not-answered")
			w.s("</span>")
		}
	} else {
		if r.Rating != 0 {
			w.int(r.Rating)
			w.s(` <span class="muted">`)
			w.text(r.Label)
			w.s("</span>")
		} else {
			w.s(`<span class="muted">`)
			w.t("partner.not-rated")
			w.s("</span>")
		}
		w.s(`</td><td data-label="`)
		w.tAttr("col.evidence")
		w.s(`">`)
		w.text(r.Evidence)
	}
	w.s("</td></tr>\n")
}

// partnerHistory writes the review history of a partner with earlier
// reviews.
func partnerHistory(w *hw, pv *PartnerView) {
	w.s("\n<h2 id=\"review-history\">")
	w.t("review.history")
	w.s("</h2>\n<h3>")
	w.t("review.how-changed")
	w.s("</h3>\n<p>")
	w.text(pv.RecommendationChange)
	w.s("</p>\n<ol class=\"review-history\">\n")
	for i := range pv.History {
		reviewItem(w, &pv.History[i])
	}
	w.s("</ol>\n<figure class=\"chart\">\n<ul class=\"hbars\">\n")
	for i := range pv.History {
		reviewBar(w, &pv.History[i])
	}
	w.s("</ul>\n<figcaption class=\"muted\">")
	w.t("review.chart-caption")
	w.s("</figcaption>\n</figure>\n")
	if len(pv.ItemHistory) > 0 {
		itemHistory(w, pv)
	}
	w.s("\n")
}

// reviewItem writes one review in the list of reviews.
func reviewItem(w *hw, r *ReviewView) {
	w.s(`<li>`)
	dateTime(w, r.Reviewed)
	if r.Reviewers != "" {
		w.s(` <span class="muted">`)
		w.t("review.by", "by", r.Reviewers)
		w.s("</span>")
	}
	w.s(": <strong>")
	w.text(recommendation(w.c, r.Recommendation))
	w.s("</strong>")
	if r.Current {
		w.s(` <span class="muted">`)
		w.t("review.current")
		w.s("</span>")
	}
	w.s("</li>\n")
}

// reviewBar writes one review's bar in the chart of reviews.
func reviewBar(w *hw, r *ReviewView) {
	w.s(`<li><span class="hbar-label">`)
	w.text(dateIn(w.c, r.Reviewed))
	if r.Current {
		w.s(" ")
		w.t("goal.current")
	}
	w.s(", ")
	w.t("review.items", "count", r.Rated)
	w.s(`</span><span class="hbar-track" aria-hidden="true"><span class="hbar" style="`)
	w.text(string(barStyle(r.Average)))
	w.s(`"></span></span><span class="hbar-value">`)
	ratingValue(w, r.Rated, r.Average)
	w.s("</span></li>\n")
}

// itemHistory writes the table of each item's ratings across reviews.
func itemHistory(w *hw, pv *PartnerView) {
	w.s("<div class=\"table-wrap\">\n<table class=\"stack rating-history\">\n<caption>")
	w.t("review.items-caption")
	w.s("</caption>\n<thead><tr><th scope=\"col\">")
	w.t("col.item")
	w.s("</th>")
	for i := range pv.History {
		w.s(`<th scope="col" class="num">`)
		w.text(dateIn(w.c, pv.History[i].Reviewed))
		w.s("</th>")
	}
	w.s(`<th scope="col">`)
	w.t("review.change")
	w.s("</th></tr></thead>\n<tbody>\n")
	for i := range pv.ItemHistory {
		itemHistoryRow(w, pv, &pv.ItemHistory[i])
	}
	w.s("</tbody>\n</table>\n</div>")
}

// itemHistoryRow writes one item's ratings across reviews.
func itemHistoryRow(w *hw, pv *PartnerView, row *ItemHistoryRow) {
	w.s(`<tr><th scope="row">`)
	w.text(row.Item.Text)
	w.s("</th>")
	for i, r := range row.Ratings {
		w.s(`<td class="num" data-label="`)
		w.text(dateIn(w.c, pv.History[i].Reviewed))
		w.s(`">`)
		if r != 0 {
			w.int(r)
		} else {
			w.s(`<span class="muted">`)
			w.t("partner.not-rated")
			w.s("</span>")
		}
		w.s("</td>")
	}
	w.s(`<td data-label="`)
	w.tAttr("review.change")
	w.s(`">`)
	if row.Change != "" {
		w.text(row.Change)
	} else {
		w.s(`<span class="muted">`)
		w.t("review.rated-once")
		w.s("</span>")
	}
	w.s("</td></tr>\n")
}

// partnersMain writes layouts/partners.html.
func partnersMain(w *hw, p *Page) error {
	s := p.Site
	w.s("\n<h1>")
	w.t("title.partners")
	w.s("</h1>\n<p class=\"lead\">")
	w.t("partners.lead", "set", s.Set.Name)
	w.s("</p>\n")
	if len(s.Partners) > 0 {
		w.s("<div class=\"table-wrap\">\n<table class=\"stack\">\n<caption>")
		w.t("partners.caption")
		w.s("</caption>\n<thead><tr>")
		for _, col := range []string{"col.partner", "col.kind", "col.goals-supported", "col.reviewed"} {
			w.s(`<th scope="col">`)
			w.t(col)
			w.s("</th>")
		}
		w.s(`<th scope="col" class="num">`)
		w.t("col.average")
		w.s(`</th><th scope="col">`)
		w.t("col.recommendation")
		w.s("</th></tr></thead>\n<tbody>\n")
		for _, pv := range s.Partners {
			partnersRow(w, p, pv)
		}
		w.s("</tbody>\n</table>\n</div>\n<p><a href=\"")
		w.url(p.Rel("partner-comparison/"))
		w.s(`">`)
		w.t("partners.compare")
		w.s("</a>.</p>")
	} else {
		w.s("<p>")
		w.t("partners.none")
		w.s("</p>")
	}
	w.s("\n<h2>")
	w.t("partners.scale")
	w.s("</h2>\n<dl class=\"facts\">")
	for _, sp := range s.Scale {
		w.s("<dt>")
		w.int(sp.Value)
		w.s("</dt><dd>")
		w.text(sp.Label)
		w.s("</dd>")
	}
	w.s("</dl>\n")
	return nil
}

// partnersRow writes a partner's row in the table of partners.
func partnersRow(w *hw, p *Page, pv *PartnerView) {
	w.s("<tr>\n<th scope=\"row\"><a href=\"")
	w.url(p.Rel(pv.URL))
	w.s(`">`)
	w.text(pv.Name)
	w.s("</a></th>\n<td data-label=\"")
	w.tAttr("col.kind")
	w.s(`">`)
	w.text(partnerKind(w.c, pv.Kind))
	w.s("</td>\n<td data-label=\"")
	w.tAttr("col.goals-supported")
	w.s(`">`)
	for i, g := range pv.Goals {
		if i > 0 {
			w.s(", ")
		}
		w.s(`<a href="`)
		w.url(p.Rel(g.URL))
		w.s(`">`)
		w.t("goal.number", "number", g.Number)
		w.s("</a>")
	}
	if len(pv.Goals) == 0 {
		w.s(`<span class="muted">`)
		w.t("common.none-listed")
		w.s("</span>")
	}
	w.s("</td>\n<td data-label=\"")
	w.tAttr("col.reviewed")
	w.s(`">`)
	w.text(dateIn(w.c, pv.Reviewed))
	w.s("</td>\n<td class=\"num\" data-label=\"")
	w.tAttr("col.average")
	w.s(`">`)
	averageOrDash(w, pv)
	w.s("</td>\n<td data-label=\"")
	w.tAttr("col.recommendation")
	w.s(`">`)
	w.text(recommendation(w.c, pv.Recommendation))
	w.s("</td>\n</tr>\n")
}

// averageOrDash writes a partner's average rating, or a dash if nothing
// is rated.
func averageOrDash(w *hw, pv *PartnerView) {
	if pv.Rated != 0 {
		w.text(w.c.Fixed1(pv.Average))
	} else {
		w.s("–")
	}
}

// comparisonMain writes layouts/comparison.html.
func comparisonMain(w *hw, p *Page) error {
	s := p.Site
	w.s("\n<h1>")
	w.t("title.comparison")
	w.s("</h1>\n<p class=\"lead\">")
	w.t("comparison.lead", "low", s.Scale[0].Label, "high", s.Scale[3].Label)
	w.s("</p>\n")
	for i, g := range s.CompareGroups() {
		compareGroup(w, p, i, g)
	}
	w.s("\n<div class=\"table-wrap\">\n<table class=\"stack\">\n<caption>")
	w.t("comparison.overall")
	w.s("</caption>\n<thead><tr><th scope=\"col\">")
	w.t("col.partner")
	w.s(`</th><th scope="col" class="num">`)
	w.t("col.average")
	w.s(`</th><th scope="col" class="num">`)
	w.t("col.items-rated")
	w.s(`</th><th scope="col">`)
	w.t("col.recommendation")
	w.s("</th></tr></thead>\n<tbody>")
	for _, pv := range s.Partners {
		w.s(`<tr><th scope="row"><a href="`)
		w.url(p.Rel(pv.URL))
		w.s(`">`)
		w.text(pv.Name)
		w.s(`</a></th><td class="num" data-label="`)
		w.tAttr("col.average")
		w.s(`">`)
		averageOrDash(w, pv)
		w.s(`</td><td class="num" data-label="`)
		w.tAttr("col.items-rated")
		w.s(`">`)
		w.int(pv.Rated)
		w.s(`</td><td data-label="`)
		w.tAttr("col.recommendation")
		w.s(`">`)
		w.text(recommendation(w.c, pv.Recommendation))
		w.s("</td></tr>")
	}
	w.s("</tbody>\n</table>\n</div>\n")
	return nil
}

// compareGroup writes the table comparing the partners on one group of
// items.
func compareGroup(w *hw, p *Page, i int, g CompareGroup) {
	w.s(`<div class="table-wrap" role="region" aria-labelledby="compare-`)
	w.int(i)
	w.s("\" tabindex=\"0\">\n<p class=\"scroll-cue\" aria-hidden=\"true\">")
	w.t("comparison.scroll")
	w.s("</p>\n<table class=\"scroll\">\n<caption id=\"compare-")
	w.int(i)
	w.s(`">`)
	w.text(g.Name)
	w.s("</caption>\n<thead><tr><th scope=\"col\">")
	w.t("col.item")
	w.s("</th>")
	for _, pv := range p.Site.Partners {
		w.s(`<th scope="col" class="num"><a href="`)
		w.url(p.Rel(pv.URL))
		w.s(`">`)
		w.text(pv.Name)
		w.s("</a></th>")
	}
	w.s("</tr></thead>\n<tbody>\n")
	for _, item := range g.Items {
		w.s(`<tr><th scope="row">`)
		w.text(item.Text)
		w.s("</th>")
		for _, pv := range p.Site.Partners {
			w.s(`<td class="num">`)
			switch r := pv.ByItem[item.ID]; {
			case r == nil:
				w.s(`<span class="muted">–</span>`)
			case item.Open:
				w.s(`<span class="muted">`)
				w.t("comparison.answered")
				w.s("</span>")
			default:
				w.int(r.Rating)
			}
			w.s("</td>")
		}
		w.s("</tr>\n")
	}
	w.s("</tbody>\n</table>\n</div>\n")
}
