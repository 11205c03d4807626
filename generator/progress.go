package generator

import (
	"fmt"
	"html/template"
	"sort"
	"strings"

	"github.com/trellis-pl/trellis/content"
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
			v.Numeric = append(v.Numeric, newMeasureView(m, i+1, s.Years))
		}
	}
	v.Summary = v.Goal.Summary()
	v.SummaryText = MeasureSummaryText(v.Summary)
}

// addUpdates adds a year's dated updates, oldest first, and its
// adjustments.
func addUpdates(row *GoalYearView, y content.GoalYear, m *sourced) {
	for _, u := range y.Updates {
		row.Updates = append(row.Updates, UpdateView{Date: u.Date, Status: u.Status, Note: m.block(u.Note, 4)})
	}
	sort.SliceStable(row.Updates, func(i, j int) bool { return row.Updates[i].Date.Before(row.Updates[j].Date) })
	row.Adjustments = m.block(y.Adjustments, 4)
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

// addHistory adds a partner's reviews over time, when it has earlier ones.
func (s *Site) addHistory(v *PartnerView) {
	if len(v.Reviews) == 0 {
		return
	}
	for i, r := range v.Partner.History() {
		rv := ReviewView{Review: r}
		sum := 0
		for _, rt := range r.Ratings {
			if rt.Rating > 0 {
				sum += rt.Rating
				rv.Rated++
			}
		}
		if rv.Rated > 0 {
			rv.Average = float64(sum) / float64(rv.Rated)
		}
		rv.Current = i == len(v.Reviews)
		v.History = append(v.History, rv)
	}
	v.RecommendationChange = recommendationChange(v.History)
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
		row.Change = ratingChange(given)
		v.ItemHistory = append(v.ItemHistory, row)
	}
}

// ratingChange says how a rating moved from its first value to its last.
func ratingChange(given []int) string {
	if len(given) < 2 {
		return ""
	}
	switch d := given[len(given)-1] - given[0]; {
	case d > 0:
		return fmt.Sprintf("Up %d", d)
	case d < 0:
		return fmt.Sprintf("Down %d", -d)
	}
	return "No change"
}

// recommendationChange says in one sentence how the recommendation moved
// over the reviews: "Revise the partnership (June 13, 2025), then continue
// the partnership (June 12, 2026)."
func recommendationChange(history []ReviewView) string {
	var parts []string
	last := ""
	for _, r := range history {
		if r.Recommendation == last {
			continue
		}
		last = r.Recommendation
		rec := Recommendation(r.Recommendation)
		if len(parts) > 0 {
			rec = "then " + strings.ToLower(rec[:1]) + rec[1:]
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", rec, r.Reviewed.Long()))
	}
	if len(parts) == 1 {
		return fmt.Sprintf("Every review since %s recommended the same: %s.", history[0].Reviewed.Long(), strings.ToLower(Recommendation(last)))
	}
	return strings.Join(parts, ", ") + "."
}
