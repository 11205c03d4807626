package generator

import (
	"html/template"
	"sort"
	"strings"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/i18n"
)

// The plan over time: a goal's measures with numbers and dated updates,
// and a partner's earlier reviews, arranged for the goal, home and partner
// pages.

// UpdateView is one dated update of a goal's year.
type UpdateView struct {
	Date   content.Date
	Status string
	Note   template.HTML
}

// addMeasures adds a goal's measures with numbers and their summary.
func (s *Site) addMeasures(v *GoalView) {
	for i := range v.Goal.Measures {
		if m := &v.Goal.Measures[i]; m.HasNumbers() {
			v.Numeric = append(v.Numeric, newMeasureView(s.text, m, i+1, s.Years))
		}
	}
	v.Summary = v.Goal.Summary()
	v.SummaryText = MeasureSummaryText(s.text, v.Summary)
}

// addUpdates adds a year's dated updates, oldest first, and its
// adjustments.
func addUpdates(row *GoalYearView, y content.GoalYear, m *sourced) {
	for _, u := range y.Updates {
		row.Updates = append(row.Updates, UpdateView{Date: u.Date, Status: u.Status, Note: m.block("", u.Note, 4)})
	}
	sort.SliceStable(row.Updates, func(i, j int) bool { return row.Updates[i].Date.Before(row.Updates[j].Date) })
	row.Adjustments = m.block("", y.Adjustments, 4)
}

// ReviewView is one review of a partner: an earlier one or the current.
type ReviewView struct {
	content.Review
	Current bool
	Average float64 // of the items rated 1 to 4
	Rated   int
}

// ItemHistoryRow is one evaluation item's rating in each review, oldest
// first (0 where it was not rated), and the change from the first rating
// to the last.
type ItemHistoryRow struct {
	Item    *content.EvaluationItem
	Ratings []int
	Change  string // "Up 1", "Down 2", "No change"; "" with fewer than two ratings
}

// ratedMean is the mean of the values above 0 (the items rated) and how
// many there are.
func ratedMean(values []int) (float64, int) {
	sum, n := 0, 0
	for _, v := range values {
		if v > 0 {
			sum += v
			n++
		}
	}
	if n == 0 {
		return 0, 0
	}
	return float64(sum) / float64(n), n
}

// addHistory adds a partner's reviews over time, when it has earlier ones.
func (s *Site) addHistory(v *PartnerView) {
	if len(v.Reviews) == 0 {
		return
	}
	for i, r := range v.Partner.History() {
		rv := ReviewView{Review: r}
		var values []int
		for _, rt := range r.Ratings {
			values = append(values, rt.Rating)
		}
		rv.Average, rv.Rated = ratedMean(values)
		rv.Current = i == len(v.Reviews)
		v.History = append(v.History, rv)
	}
	v.RecommendationChange = recommendationChange(s.text, v.History)
	if s.Set == nil {
		return
	}
	for i := range s.Set.Items {
		it := &s.Set.Items[i]
		if it.Open {
			continue
		}
		row := ItemHistoryRow{Item: it}
		var given []int
		for _, rv := range v.History {
			n := 0
			for _, rt := range rv.Ratings {
				if rt.Item.ID == it.ID {
					n = rt.Rating
				}
			}
			row.Ratings = append(row.Ratings, n)
			if n > 0 {
				given = append(given, n)
			}
		}
		if len(given) == 0 {
			continue
		}
		row.Change = ratingChange(s.text, given)
		v.ItemHistory = append(v.ItemHistory, row)
	}
}

// ratingChange says how a rating moved from its first value to its last.
func ratingChange(c *i18n.Catalogue, given []int) string {
	if len(given) < 2 {
		return ""
	}
	switch d := given[len(given)-1] - given[0]; {
	case d > 0:
		return c.Text("review.up", "n", d)
	case d < 0:
		return c.Text("review.down", "n", -d)
	}
	return c.Text("review.no-change")
}

// recommendationChange says in one sentence how the recommendation moved
// over the reviews: "Revise the partnership (June 13, 2025), then continue
// the partnership (June 12, 2026)."
func recommendationChange(c *i18n.Catalogue, history []ReviewView) string {
	var parts []string
	last := ""
	for _, r := range history {
		if r.Recommendation == last {
			continue
		}
		last = r.Recommendation
		rec := recommendation(c, r.Recommendation)
		if len(parts) > 0 {
			rec = c.Text("review.then", "recommendation", strings.ToLower(rec[:1])+rec[1:])
		}
		parts = append(parts, c.Text("review.dated", "recommendation", rec, "date", dateIn(c, r.Reviewed)))
	}
	if len(parts) == 1 {
		return c.Text("review.same", "date", dateIn(c, history[0].Reviewed), "recommendation", strings.ToLower(recommendation(c, last)))
	}
	return strings.Join(parts, ", ") + "."
}
