package content

import (
	"fmt"
	"strings"
	"time"
)

// Warning codes: weaknesses the standards describe as what professional
// learning "doesn't look like".
const (
	CodeOneShot          = "one-shot-activity"
	CodeGoalNoActivities = "goal-without-activities"
	CodeYearNoOutcome    = "year-without-outcome"
	CodeNotAddressed     = "standard-not-addressed"
	CodeIncompleteEval   = "incomplete-evaluation"
)

// citation returns the notes that tie a warning to the standard the plan's
// set names for it.
func (l *loader) citation(code string) []string {
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

func (l *loader) checkDistrict(doc *tomlDoc) {
	for i, d := range l.plan.District.Demographics {
		if (d.Percent == nil) == (d.Count == nil) {
			what := "neither"
			if d.Percent != nil {
				what = "both"
			}
			doc.src.errorf(doc.at(key("demographics", i), true), "invalid-value", "give `percent = 41.5` or `count = 120`, not both", "the group %q has %s a percent and a count", d.Group, what)
		}
	}
}

func (l *loader) checkGoal(doc *tomlDoc, g *Goal) {
	years := l.plan.Settings.Years
	seen := map[int]bool{}
	for i, y := range g.Years {
		p := doc.at(key("years", i, "year"), true)
		switch {
		case y.Year == 0:
			// Missing or out of range: already reported.
		case years > 0 && y.Year > years:
			doc.src.errorf(p, "out-of-range", fmt.Sprintf("the plan covers %d years (trellis.toml: years = %d)", years, years), "year %d is past the end of the plan", y.Year)
		case seen[y.Year]:
			doc.src.errorf(p, "duplicate-id", "keep one [[years]] table for each year", "year %d is given twice", y.Year)
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
		if _, ok := doc.index[key("years")]; ok {
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
	src.errorf(r.Pos, "unknown-reference", didYouMean(r.ID, l.goalIDs()), "unknown goal %q", r.ID)
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
				doc.src.errorf(r.Pos, "unknown-reference", hint, "unknown standard %q in %s", r.ID, set.Name)
			case seen[id]:
				doc.src.errorf(r.Pos, "duplicate-id", "list each standard once", "standard %q is listed twice", id)
			}
			if id != "" {
				r.ID = id
				seen[id] = true
			}
		}
	}
	d := &a.Duration
	if d.Start != nil && d.End != nil && d.End.Before(*d.Start) {
		doc.src.errorf(doc.at(key("duration", "end"), true), "invalid-value", "check the two dates; `end` is the last day", "the activity ends (%s) before it starts (%s)", d.End, d.Start)
	}
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
	if a.FollowUp == nil {
		p := a.Initial.Pos
		if !p.IsValid() {
			p = a.Pos
		}
		doc.src.warnf(p, CodeOneShot, "add a [follow_up] table with who, what and how: coaching, observation, a team meeting",
			l.citation(CodeOneShot), "activity %q has no follow-up, so it is one-shot learning", a.ID)
	}
}

// yearsSpanned lists the plan years (1-based) whose school year, July 1 to
// June 30, overlaps the days from start to end.
func (s Settings) yearsSpanned(start, end Date) []int {
	var out []int
	for y := 1; y <= s.Years; y++ {
		from := time.Date(s.FirstYear+y-1, time.July, 1, 0, 0, 0, 0, time.UTC)
		to := time.Date(s.FirstYear+y, time.June, 30, 0, 0, 0, 0, time.UTC)
		if !end.Time().Before(from) && !start.Time().After(to) {
			out = append(out, y)
		}
	}
	return out
}

// YearLabel names a plan year: "Year 1 (2025–26)".
func (s Settings) YearLabel(y int) string {
	if s.FirstYear == 0 {
		return fmt.Sprintf("Year %d", y)
	}
	start := s.FirstYear + y - 1
	return fmt.Sprintf("Year %d (%d–%02d)", y, start, (start+1)%100)
}

func (l *loader) checkPartner(doc *tomlDoc, p *Partner) {
	for _, g := range p.Goals {
		l.resolveGoal(doc.src, g)
	}
	set := l.plan.Standards
	if set == nil {
		return
	}
	rated := map[string]bool{}
	var noEvidence int
	for i := range p.Ratings {
		r := &p.Ratings[i]
		if r.Item.ID == "" {
			continue
		}
		switch {
		case set.Item(r.Item.ID) == nil:
			doc.src.errorf(r.Item.Pos, "unknown-reference", didYouMean(r.Item.ID, set.itemIDs()), "unknown evaluation item %q in %s", r.Item.ID, set.Name)
		case rated[r.Item.ID]:
			doc.src.errorf(r.Item.Pos, "duplicate-id", "keep one [[ratings]] table for each item", "item %q is rated twice", r.Item.ID)
		default:
			rated[r.Item.ID] = true
			if strings.TrimSpace(r.Evidence) == "" {
				noEvidence++
			}
		}
	}
	var unrated []string
	for _, it := range set.Items {
		if !rated[it.ID] {
			unrated = append(unrated, it.ID)
		}
	}
	cite := l.citation(CodeIncompleteEval)
	if len(unrated) > 0 {
		list := unrated
		more := ""
		if len(list) > 4 {
			list, more = list[:4], fmt.Sprintf(" and %d more", len(unrated)-4)
		}
		doc.src.warnf(p.Pos, CodeIncompleteEval, "add a [[ratings]] table for each: item = \""+unrated[0]+"\", rating = 1 to 4, evidence = \"...\"",
			cite, "the evaluation of %q leaves %d of %d items unrated: %s%s", p.Name, len(unrated), len(set.Items), strings.Join(list, ", "), more)
	}
	if noEvidence > 0 {
		doc.src.warnf(p.Pos, CodeIncompleteEval, "add `evidence = \"...\"` to each [[ratings]] table: what the rating rests on",
			cite, "the evaluation of %q has %d rating(s) with no evidence", p.Name, noEvidence)
	}
}

// checkPlan looks at the plan as a whole, once every file is read.
func (l *loader) checkPlan() {
	l.checkSettingsBudget()
	p := l.plan
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
