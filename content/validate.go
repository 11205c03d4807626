package content

import (
	"fmt"
	"strings"
)

// citation returns the notes that tie a warning to the standard the plan's
// set names for it.
func (l *loader) citation(code Code) []string {
	set := l.plan.Standards
	if set == nil {
		return nil
	}
	c := set.CheckFor(code)
	if c == nil {
		return nil
	}
	st := set.Standard(c.Standard.ID)
	if st == nil {
		return nil
	}
	where := st.Name + " standard"
	if el := st.Element(c.Element); el != nil {
		where += " (" + el.Name + ")"
	}
	if c.Indicator != "" {
		return []string{fmt.Sprintf("%s, %s: what it doesn't look like: %q", set.Name, where, c.Indicator)}
	}
	return []string{fmt.Sprintf("%s, %s", set.Name, where)}
}

// Bounds of the sums the site shows; each value has its own bound in the
// model's tags, so no sum can overflow.
const (
	maxEnrollment = 10_000_000
	maxTotalCost  = 10_000_000_000
)

func (l *loader) checkDistrict(doc *tomlDoc) {
	total := 0
	for i, sc := range l.plan.District.Schools {
		if total += sc.Enrollment; total > maxEnrollment {
			doc.src.errorf(doc.at(key("schools", i, "enrollment"), true), CodeOutOfRange, "check the schools' `enrollment` figures",
				"the schools' enrollments add up to more than %d by this school (%q)", maxEnrollment, sc.Name)
			break
		}
	}
	for i, d := range l.plan.District.Demographics {
		if (d.Percent == nil) == (d.Count == nil) {
			what, hint := "neither a percent nor a count", "give one of `percent = 41.5` or `count = 120`"
			if d.Percent != nil {
				what, hint = "both a percent and a count", "give `percent` or `count`, not both"
			}
			doc.src.errorf(doc.at(key("demographics", i), true), CodeInvalidValue, hint, "the group %q has %s", d.Group, what)
		}
	}
}

func (l *loader) checkGoal(doc *tomlDoc, g *Goal) {
	l.checkMeasures(doc, g)
	l.checkMeasureNumbers(doc, g)
	l.checkUpdates(doc, g)
	l.checkEvidence(doc, g)
	years := l.plan.Settings.Years
	seen := map[int]bool{}
	for i, y := range g.Years {
		p := doc.at(key("years", i, "year"), true)
		switch {
		case y.Year == 0:
			// Missing or out of range: already reported.
		case years > 0 && y.Year > years:
			doc.src.errorf(p, CodeOutOfRange, fmt.Sprintf("the plan covers %d years (trellis.toml: years = %d)", years, years), "year %d is past the end of the plan", y.Year)
		case seen[y.Year]:
			doc.src.errorf(p, CodeDuplicateID, "keep one [[years]] table for each year", "year %d is given twice", y.Year)
		}
		seen[y.Year] = true
	}
	var missing []string
	for y := 1; y <= years; y++ {
		if !seen[y] {
			missing = append(missing, fmt.Sprint(y))
		}
	}
	if len(missing) > 0 {
		p := g.Pos
		if doc.has(key("years")) {
			p = doc.at(key("years"), true)
		}
		noun := "Year " + strings.Join(missing, ", ")
		if len(missing) > 1 {
			noun = "Years " + strings.Join(missing, ", ")
		}
		doc.src.warnf(p, CodeYearNoOutcome, fmt.Sprintf("add a [[years]] table with `year = %s` and `outcome = \"...\"`", missing[0]),
			l.citation(CodeYearNoOutcome), "goal %q has no expected outcome for %s", g.ID, noun)
	}
}

func (l *loader) goalIDs() []string {
	ids := make([]string, len(l.plan.Goals))
	for i, g := range l.plan.Goals {
		ids[i] = g.ID
	}
	return ids
}

// resolveGoal checks a reference to a goal.
func (l *loader) resolveGoal(src *source, r Ref) {
	if r.ID == "" || l.brokenGoals[r.ID] {
		return
	}
	for _, g := range l.plan.Goals {
		if g.ID == r.ID {
			return
		}
	}
	src.errorf(r.Pos, CodeUnknownReference, didYouMean(r.ID, l.goalIDs()), "unknown goal %q", r.ID)
}

func (l *loader) checkActivity(doc *tomlDoc, a *Activity) {
	l.resolveGoal(doc.src, a.Goal)
	l.checkResources(doc, a)
	if set := l.plan.Standards; set != nil {
		seen := map[string]bool{}
		for i := range a.Standards {
			r := &a.Standards[i]
			id, hint := set.resolveStandard(r.ID)
			switch {
			case id == "":
				doc.src.errorf(r.Pos, CodeUnknownReference, hint, "unknown standard %q in %s", r.ID, set.Name)
			case seen[id]:
				doc.src.errorf(r.Pos, CodeDuplicateID, "list each standard once", "standard %q is listed twice", id)
			}
			if id != "" {
				r.ID = id
				seen[id] = true
			}
		}
	}
	d := &a.Duration
	if d.Start != nil && d.End != nil && !d.Start.IsZero() && !d.End.IsZero() && d.End.Before(*d.Start) { // zero: a date that could not be read
		doc.src.errorf(doc.at(key("duration", "end"), true), CodeInvalidValue, "check the two dates; `end` is the last day", "the activity ends (%s) before it starts (%s)", d.End, d.Start)
	}
	checkFollowUpStart(doc, d)
	years := l.plan.Settings.Years
	for i, y := range d.Years {
		if years > 0 && y > years {
			doc.src.errorf(doc.at(key("duration", "years", i), true), "out-of-range", fmt.Sprintf("the plan covers %d years (trellis.toml: years = %d)", years, years), "year %d is past the end of the plan", y)
		}
	}
	if len(d.Years) == 0 && d.Start != nil {
		end := *d.Start
		if d.End != nil {
			end = *d.End
		}
		d.Years = l.plan.Settings.yearsSpanned(*d.Start, end)
	}
	l.checkSpan(doc, a)
	if a.FollowUp == nil {
		p := a.Initial.Pos
		if !p.IsValid() {
			p = a.Pos
		}
		doc.src.warnf(p, CodeOneShot, "add a [follow_up] table with who, what and how: coaching, observation, a team meeting",
			l.citation(CodeOneShot), "activity %q has no follow-up, so it is one-shot learning", a.ID)
	}
}

func (l *loader) checkPartner(doc *tomlDoc, p *Partner) {
	for _, g := range p.Goals {
		l.resolveGoal(doc.src, g)
	}
	set := l.plan.Standards
	if set == nil {
		return
	}
	cite := l.citation(CodeIncompleteEval)
	rated := l.checkRatings(doc, p, ratingSet{p.Ratings, []any{"ratings"}, true}, cite)
	l.warnUnrated(doc, p, rated, cite)
	l.checkReviews(doc, p, cite)
}

// ratingSet is the ratings of one evaluation of a partner, the current one
// or an earlier one in [[reviews]], and where they stand in the file.
type ratingSet struct {
	ratings []Rating
	path    []any // "ratings", or "reviews", k, "ratings"
	current bool  // only the current review gets the incomplete-evaluation warnings
}

// at returns the index path of rating i, or of a key in it.
func (rs ratingSet) at(i int, rest ...any) string {
	parts := append(append([]any{}, rs.path...), i)
	return key(append(parts, rest...)...)
}

// name is how the ratings are named in hints: [[ratings]], [[reviews.ratings]].
func (rs ratingSet) name() string {
	if rs.current {
		return "[[ratings]]"
	}
	return "[[reviews.ratings]]"
}

// checkRatings checks the items of one evaluation and returns those rated.
func (l *loader) checkRatings(doc *tomlDoc, p *Partner, rs ratingSet, cite []string) map[string]bool {
	set := l.plan.Standards
	rated := map[string]bool{}
	for i := range rs.ratings {
		r := &rs.ratings[i]
		if r.Item.ID == "" {
			continue
		}
		it := set.Item(r.Item.ID)
		switch {
		case it == nil:
			doc.src.errorf(r.Item.Pos, CodeUnknownReference, didYouMean(r.Item.ID, set.itemIDs()), "unknown evaluation item %q in %s", r.Item.ID, set.Name)
		case rated[r.Item.ID]:
			doc.src.errorf(r.Item.Pos, CodeDuplicateID, "keep one "+rs.name()+" table for each item", "item %q is rated twice", r.Item.ID)
		default:
			rated[r.Item.ID] = true
			l.checkRating(doc, p, rs, i, it, cite)
		}
	}
	return rated
}

// checkRating checks one answer of a partner evaluation: a rating from 1 to
// 4 with evidence, or, for an open question, an answer in words.
func (l *loader) checkRating(doc *tomlDoc, p *Partner, rs ratingSet, i int, it *EvaluationItem, cite []string) {
	r := &rs.ratings[i]
	at := doc.at(rs.at(i), true)
	notes := func() []string { // the item and the citation, written only for a warning
		return append([]string{fmt.Sprintf("%s: %s", it.ID, it.Text)}, cite...)
	}
	switch {
	case it.Open && r.Rating != 0:
		doc.src.errorf(doc.at(rs.at(i, "rating"), false), CodeInvalidValue, "write `answer = \"...\"` in place of `rating` and `evidence`",
			"%q is an open question, answered in words, not rated 1 to 4", it.ID)
	case it.Open && strings.TrimSpace(r.Answer) == "":
		if rs.current {
			doc.src.warnf(at, CodeIncompleteEval, "add `answer = \"...\"`: the answer to the question, in words", notes(), "%s: the open question %q has no answer", p.Name, it.ID)
		}
	case !it.Open && r.Answer != "":
		doc.src.errorf(doc.at(rs.at(i, "answer"), false), CodeInvalidValue, "give `rating = 1` to `4` and put the text in `evidence`",
			"%q is rated 1 to 4; only open questions take an answer", it.ID)
	case !it.Open && r.Rating == 0:
		if !doc.has(rs.at(i, "rating")) {
			doc.src.errorf(at, CodeMissingKey, "add `rating = 1` to `4`: "+ratingScale(), "the rating for %q has no `rating`", it.ID)
		}
	case !it.Open && strings.TrimSpace(r.Evidence) == "":
		if rs.current {
			doc.src.warnf(at, CodeIncompleteEval, "add `evidence = \"...\"` to this rating: what it rests on", notes(), "%s: the rating for %q has no evidence", p.Name, it.ID)
		}
	}
}

// warnUnrated gives one warning for the items a partner evaluation leaves
// unrated, listing the first few.
func (l *loader) warnUnrated(doc *tomlDoc, p *Partner, rated map[string]bool, cite []string) {
	set := l.plan.Standards
	var unrated []string
	for _, it := range set.Items {
		if !rated[it.ID] {
			unrated = append(unrated, it.ID)
		}
	}
	if len(unrated) == 0 {
		return
	}
	list, more := unrated, ""
	if len(list) > 4 {
		list, more = list[:4], fmt.Sprintf(" and %d more", len(unrated)-4)
	}
	at := p.Pos
	if doc.has(key("name")) {
		at = doc.at(key("name"), false) // the line that names the partner
	}
	doc.src.warnf(at, CodeIncompleteEval, "add a [[ratings]] table for each: item = \""+unrated[0]+"\", rating = 1 to 4, evidence = \"...\"",
		cite, "%s: %d of %d evaluation items unrated: %s%s", p.Name, len(unrated), len(set.Items), strings.Join(list, ", "), more)
}

// checkPlan looks at the plan as a whole, once every file is read.
func (l *loader) checkPlan() {
	if l.settingsDoc != nil {
		checkBaseURL(l.settingsDoc, l.plan.Settings.BaseURL)
	}
	l.checkSettingsBudget()
	p := l.plan
	l.checkStarterText()
	l.checkTotalCost()
	// Coverage is computed from the activities; while one of them has
	// errors, its warnings would only repeat them.
	for _, d := range l.diags {
		if d.Severity == Error && strings.HasPrefix(d.File, ActivitiesDir+"/") {
			return
		}
	}
	used := map[string]bool{}
	byGoal := map[string]int{}
	for _, a := range p.Activities {
		byGoal[a.Goal.ID]++
		for _, s := range a.Standards {
			used[s.ID] = true
		}
	}
	for _, g := range p.Goals {
		if byGoal[g.ID] == 0 {
			g.src.warnf(g.Pos, CodeGoalNoActivities, fmt.Sprintf("add a file in activities/ with `goal = %q`", g.ID),
				l.citation(CodeGoalNoActivities), "goal %q has no professional learning activities", g.ID)
		}
	}
	if p.Standards == nil || l.settingsDoc == nil {
		return
	}
	at := l.settingsDoc.at(key("standards"), true)
	for _, st := range p.Standards.Standards {
		if !used[st.ID] {
			l.settingsDoc.src.warnf(at, CodeNotAddressed, fmt.Sprintf("add %q to the `standards` list of an activity that addresses it", st.ID),
				[]string{fmt.Sprintf("%s: %s", st.Name, st.Summary)}, "no activity addresses the %s standard", st.Name)
		}
	}
}

// checkTotalCost reports the resource at which the costs of all activities
// together pass maxTotalCost.
func (l *loader) checkTotalCost() {
	total := 0.0
	for _, a := range l.plan.Activities {
		for _, r := range a.Resources {
			if r.Cost == nil {
				continue
			}
			if total += *r.Cost; total > maxTotalCost {
				a.src.errorf(r.Pos, CodeOutOfRange, "check the `cost` figures of the activities' resources",
					"the plan's costs add up to more than %d by this resource (%q)", maxTotalCost, r.Item)
				return
			}
		}
	}
}

// checkFollowUpStart checks that the follow-up starts within the
// activity's dates.
func checkFollowUpStart(doc *tomlDoc, d *Duration) {
	f := d.FollowUpStart
	if f == nil || f.IsZero() || d.Start != nil && d.Start.IsZero() || d.End != nil && d.End.IsZero() {
		return // zero: a date that could not be read, already reported
	}
	at := doc.at(key("duration", "follow_up_start"), true)
	if d.Start == nil {
		doc.src.errorf(at, CodeInvalidValue, "add the activity's first day to [duration]: start = YYYY-MM-DD", "follow_up_start (%s) needs the activity's start date", f)
		return
	}
	last := *d.Start
	if d.End != nil {
		last = *d.End
	}
	if f.Before(*d.Start) || last.Before(*f) {
		doc.src.errorf(at, CodeInvalidValue, fmt.Sprintf("give a day from %s to %s", d.Start, last), "the follow-up starts (%s) outside the activity's dates", f)
	}
}
