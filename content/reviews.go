package content

import (
	"fmt"
	"sort"
)

// checkReviews checks a partner's earlier reviews like the current one:
// known items, each rated once, ratings 1 to 4, open questions answered in
// words. The incomplete-evaluation warnings are for the current review
// only, since an earlier one is history and stays as it was. Each earlier
// review must be dated before the current one.
func (l *loader) checkReviews(doc *tomlDoc, p *Partner, cite []string) {
	for k := range p.Reviews {
		rv := &p.Reviews[k]
		l.checkRatings(doc, p, ratingSet{rv.Ratings, []any{"reviews", k, "ratings"}, false}, cite)
		if rv.Reviewed.IsZero() || p.Reviewed.IsZero() || rv.Reviewed.Before(p.Reviewed) {
			continue
		}
		doc.src.warnf(doc.at(key("reviews", k, "reviewed"), true), CodeReviewOrder,
			fmt.Sprintf("the top-level `reviewed`, `recommendation` and [[ratings]] are the current review: give the review of %s there, and keep the one of %s in [[reviews]]", rv.Reviewed, p.Reviewed), nil,
			"the earlier review dated %s is not before the current review (reviewed = %s)", rv.Reviewed, p.Reviewed)
	}
}

// History returns every review of the partner, the earlier ones and the
// current one, oldest first.
func (p *Partner) History() []Review {
	out := append([]Review(nil), p.Reviews...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Reviewed.Before(out[j].Reviewed) })
	return append(out, Review{Pos: p.Pos, Reviewed: p.Reviewed, Reviewers: p.Reviewers, Recommendation: p.Recommendation, Ratings: p.Ratings})
}
