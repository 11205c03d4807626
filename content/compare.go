package content

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// ChangeKind says what happened to an item between two plans.
type ChangeKind string

// The kinds of change.
const (
	Added   ChangeKind = "added"
	Removed ChangeKind = "removed"
	Changed ChangeKind = "changed"
)

// Change is one difference between two versions of a plan, item by item:
// a goal added, the outcome for Year 2 of a goal changed, a rating changed.
type Change struct {
	Kind ChangeKind
	// Item is what changed, for people: `goal "Early literacy"`, "settings".
	Item string
	// Type is "goal", "activity", "partner", "settings", "district" or
	// "beliefs"; ID the goal's, activity's or partner's id.
	Type, ID string
	// Field is what changed within the item ("outcome for Year 2"), or ""
	// when the item itself was added or removed.
	Field string
	// Old and New are the values, "" when added or removed. Long texts
	// are not repeated: Old and New are "" and Field says it was rewritten.
	Old, New string
}

// String gives the change in one line:
//
//	goal "Early literacy" added
//	goal "Early literacy": outcome for Year 2 changed from "…" to "…"
func (c Change) String() string {
	if c.Field == "" {
		return c.Item + " " + string(c.Kind)
	}
	return c.Item + ": " + c.Detail()
}

// Detail is the change without the item it is of: "outcome for Year 2
// changed from … to …", or "added".
func (c Change) Detail() string {
	switch {
	case c.Field == "":
		return string(c.Kind)
	case c.Kind == Added && c.New != "":
		return fmt.Sprintf("%s added: %q", c.Field, c.New)
	case c.Kind == Removed && c.Old != "":
		return fmt.Sprintf("%s removed (was %q)", c.Field, c.Old)
	case c.Kind == Changed && (c.Old != "" || c.New != ""):
		return fmt.Sprintf("%s changed from %s to %s", c.Field, quoted(c.Old), quoted(c.New))
	case c.Kind == Changed:
		return c.Field + " rewritten"
	}
	return c.Field + " " + string(c.Kind)
}

func quoted(s string) string {
	if s == "" {
		return "nothing"
	}
	return fmt.Sprintf("%q", s)
}

// longText is the length above which a text's change is told without
// repeating it.
const longText = 160

// Compare lists the differences from plan old to plan new, item by item:
// the settings, district profile and beliefs, then goals, activities and
// partners (matched by id) in the order of new, each removed item after
// those kept.
func Compare(old, new *Plan) []Change {
	c := comparer{sets: []*StandardsSet{new.Standards, old.Standards}}
	c.settings(&old.Settings, &new.Settings)
	c.district(&old.District, &new.District)
	c.beliefs(&old.Beliefs, &new.Beliefs)
	compareItems(&c, "goal", old.Goals, new.Goals, func(g *Goal) (string, string) { return g.ID, g.Title }, c.goal)
	compareItems(&c, "activity", old.Activities, new.Activities, func(a *Activity) (string, string) { return a.ID, a.Title }, c.activity)
	compareItems(&c, "partner", old.Partners, new.Partners, func(p *Partner) (string, string) { return p.ID, p.Name }, c.partner)
	return c.out
}

type comparer struct {
	out           []Change
	item, typ, id string
	sets          []*StandardsSet // where evaluation items are looked up: new's, then old's
}

// itemName names an evaluation item by the start of its text, or by its
// id if no set has it.
func (c *comparer) itemName(id string) string {
	for _, s := range c.sets {
		if s == nil {
			continue
		}
		if it := s.Item(id); it != nil && it.Text != "" {
			return fmt.Sprintf("%q", clipTo(it.Text, 60))
		}
	}
	return id
}

func (c *comparer) on(typ, id, item string) { c.typ, c.id, c.item = typ, id, item }

func (c *comparer) add(kind ChangeKind, field, old, new string) {
	c.out = append(c.out, Change{Kind: kind, Item: c.item, Type: c.typ, ID: c.id, Field: field, Old: old, New: new})
}

// text compares a value; long ones are said to be rewritten.
func (c *comparer) text(field, old, new string) {
	old, new = strings.TrimSpace(old), strings.TrimSpace(new)
	switch {
	case old == new:
	case old == "":
		c.add(Added, field, "", clip(new))
	case new == "":
		c.add(Removed, field, clip(old), "")
	case len(old) > longText || len(new) > longText:
		c.add(Changed, field, "", "")
	default:
		c.add(Changed, field, old, new)
	}
}

func clip(s string) string { return clipTo(s, longText) }

// clipTo shortens s to about n bytes, at a space.
func clipTo(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndex(s[:n], " ")
	if cut < n/2 {
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return strings.TrimSpace(s[:cut]) + " …"
}

func (c *comparer) number(field string, old, new any) {
	if o, n := fmt.Sprint(old), fmt.Sprint(new); o != n {
		c.add(Changed, field, o, n)
	}
}

// list compares two lists of texts, each text counted as often as it is
// listed, order aside: additions in the order of new, then removals.
func (c *comparer) list(field string, old, new []string) {
	left := map[string]int{}
	for _, o := range old {
		left[o]++
	}
	for _, n := range new {
		if left[n] > 0 {
			left[n]--
			continue
		}
		c.add(Added, field, "", clip(n))
	}
	for _, o := range old {
		if left[o] > 0 {
			left[o]--
			c.add(Removed, field, clip(o), "")
		}
	}
}

func (c *comparer) settings(old, new *Settings) {
	c.on("settings", "", "settings")
	c.text("title", old.Title, new.Title)
	c.text("district", old.District, new.District)
	c.text("standards", old.Standards.ID, new.Standards.ID)
	c.number("first year", old.FirstYear, new.FirstYear)
	c.number("number of years", old.Years, new.Years)
	c.number("current year", old.CurrentYear, new.CurrentYear)
	c.text("version", old.Version, new.Version)
	var oa, na []string
	for _, a := range old.Approvals {
		oa = append(oa, approval(a))
	}
	for _, a := range new.Approvals {
		na = append(na, approval(a))
	}
	c.list("approval", oa, na)
	c.list("funding source", old.FundingSources, new.FundingSources)
}

func approval(a Approval) string {
	s := a.Date.Long() + " by " + a.By
	if a.Note != "" {
		s += ": " + a.Note
	}
	return s
}

func (c *comparer) district(old, new *District) {
	c.on("district", "", "district profile")
	c.number("enrollment", old.Enrollment, new.Enrollment)
	c.number("per-pupil expenditure", old.PerPupilExpenditure, new.PerPupilExpenditure)
	var os, ns []string
	for _, s := range old.Schools {
		os = append(os, s.Name)
	}
	for _, s := range new.Schools {
		ns = append(ns, s.Name)
	}
	c.list("school", os, ns)
	c.text("text", old.Markdown, new.Markdown)
}

func (c *comparer) beliefs(old, new *Beliefs) {
	c.on("beliefs", "", "beliefs")
	c.text("mission", old.Mission, new.Mission)
	c.text("vision", old.Vision, new.Vision)
	c.text("text", old.Markdown, new.Markdown)
}

// compareItems matches the goals, activities or partners of two plans by
// id: those only in new are added, those only in old removed, and each
// kept one is compared field by field by each.
func compareItems[T any](c *comparer, typ string, old, new []T, name func(T) (id, title string), each func(o, n T)) {
	byID := map[string]T{}
	for _, o := range old {
		id, _ := name(o)
		byID[id] = o
	}
	seen := map[string]bool{}
	for _, n := range new {
		id, title := name(n)
		seen[id] = true
		c.on(typ, id, fmt.Sprintf("%s %q", typ, title))
		if o, ok := byID[id]; ok {
			each(o, n)
		} else {
			c.add(Added, "", "", "")
		}
	}
	for _, o := range old {
		if id, title := name(o); !seen[id] {
			c.on(typ, id, fmt.Sprintf("%s %q", typ, title))
			c.add(Removed, "", "", "")
		}
	}
}

func (c *comparer) goal(o, n *Goal) {
	c.text("title", o.Title, n.Title)
	c.text("outcome", o.Outcome, n.Outcome)
	c.text("rationale", o.Rationale, n.Rationale)
	c.text("impact", o.Impact, n.Impact)
	c.list("evidence", o.Evidence, n.Evidence)
	om, nm := map[string]Measure{}, map[string]bool{}
	for _, m := range o.Measures {
		om[m.Measure] = m
	}
	var added []string
	for _, m := range n.Measures {
		nm[m.Measure] = true
		if prev, ok := om[m.Measure]; ok {
			c.measure(prev, m)
		} else {
			added = append(added, m.Measure)
		}
	}
	var removed []string
	for _, m := range o.Measures {
		if !nm[m.Measure] {
			removed = append(removed, m.Measure)
		}
	}
	c.list("measure", removed, added)
	oy := map[int]GoalYear{}
	for _, y := range o.Years {
		oy[y.Year] = y
	}
	ny := map[int]bool{}
	for _, y := range n.Years {
		ny[y.Year] = true
		p := oy[y.Year]
		c.text(fmt.Sprintf("outcome for Year %d", y.Year), p.Outcome, y.Outcome)
		c.text(fmt.Sprintf("status for Year %d", y.Year), statusWords(p.Status), statusWords(y.Status))
		c.text(fmt.Sprintf("result for Year %d", y.Year), p.Result, y.Result)
		c.text(fmt.Sprintf("adjustments for Year %d", y.Year), p.Adjustments, y.Adjustments)
		c.list(fmt.Sprintf("update for Year %d", y.Year), updateTexts(p.Updates), updateTexts(y.Updates))
	}
	for _, y := range o.Years {
		if !ny[y.Year] {
			c.text(fmt.Sprintf("outcome for Year %d", y.Year), y.Outcome, "")
		}
	}
	c.text("text", o.Markdown, n.Markdown)
}

// measure compares a measure kept in both plans: its frequency and its
// numbers.
func (c *comparer) measure(o, n Measure) {
	name := fmt.Sprintf("measure %q", clip(n.Measure))
	c.text("frequency of "+name, o.Frequency, n.Frequency)
	c.text("unit of "+name, o.Unit, n.Unit)
	c.text("baseline of "+name, numberText(o.Baseline), numberText(n.Baseline))
	c.text("targets of "+name, numbersText(o.Target), numbersText(n.Target))
	c.text("actual values of "+name, numbersText(o.Actual), numbersText(n.Actual))
	if o.LowerIsBetter != n.LowerIsBetter {
		c.number("lower_is_better of "+name, o.LowerIsBetter, n.LowerIsBetter)
	}
}

// numberText is a number as written in a plan, "38.4" ("" for none).
func numberText(f *float64) string {
	if f == nil {
		return ""
	}
	return floatText(*f)
}

// numbersText is a list of numbers, "50, 60, 70".
func numbersText(fs []float64) string {
	parts := make([]string, len(fs))
	for i := range fs {
		parts[i] = numberText(&fs[i])
	}
	return strings.Join(parts, ", ")
}

// updateTexts names a year's dated updates, "2025-11-04: in progress".
func updateTexts(us []Update) []string {
	var out []string
	for _, u := range us {
		out = append(out, dateText(&u.Date)+": "+statusWords(u.Status))
	}
	return out
}

// reviewTexts names a partner's earlier reviews, "2025-05-01: revise".
func reviewTexts(rs []Review) []string {
	var out []string
	for _, r := range rs {
		out = append(out, dateText(&r.Reviewed)+": "+r.Recommendation)
	}
	return out
}

// statusWords names a status for people ("" stays "").
func statusWords(s string) string {
	return map[string]string{StatusNotStarted: "not started", StatusInProgress: "in progress", StatusMet: "met", StatusNotMet: "not met"}[s]
}

func (c *comparer) activity(o, n *Activity) {
	c.text("title", o.Title, n.Title)
	c.text("goal", o.Goal.ID, n.Goal.ID)
	c.list("standard", refIDs(o.Standards), refIDs(n.Standards))
	c.step("initial activity", &o.Initial, &n.Initial)
	c.step("follow-up", o.FollowUp, n.FollowUp)
	c.text("when", o.Duration.When, n.Duration.When)
	c.text("start", dateText(o.Duration.Start), dateText(n.Duration.Start))
	c.text("end", dateText(o.Duration.End), dateText(n.Duration.End))
	c.list("resource", resources(o.Resources), resources(n.Resources))
	c.text("text", o.Markdown, n.Markdown)
}

func (c *comparer) step(name string, o, n *Step) {
	switch {
	case o == nil && n == nil:
	case o == nil:
		c.add(Added, name, "", clip(n.What))
	case n == nil:
		c.add(Removed, name, clip(o.What), "")
	default:
		c.text(name+": who", o.Who, n.Who)
		c.text(name+": what", o.What, n.What)
		c.text(name+": how", o.How, n.How)
	}
}

func refIDs(refs []Ref) []string {
	var out []string
	for _, r := range refs {
		out = append(out, r.ID)
	}
	return out
}

func dateText(d *Date) string {
	if d == nil {
		return ""
	}
	return d.Long()
}

func resources(rs []Resource) []string {
	var out []string
	for _, r := range rs {
		var about []string
		if r.Year > 0 {
			about = append(about, fmt.Sprintf("Year %d", r.Year))
		}
		if r.Cost != nil {
			cents, _ := CentsOf(*r.Cost)
			cost := "$" + thousands(int64(cents)/100)
			if cents%100 != 0 {
				cost += fmt.Sprintf(".%02d", int64(cents)%100)
			}
			about = append(about, cost)
		}
		if r.Funding != "" {
			about = append(about, r.Funding)
		}
		s := r.Item
		if len(about) > 0 {
			s += " (" + strings.Join(about, ", ") + ")"
		}
		out = append(out, s)
	}
	return out
}

func (c *comparer) partner(o, n *Partner) {
	c.text("name", o.Name, n.Name)
	c.text("kind", o.Kind, n.Kind)
	c.text("services", o.Services, n.Services)
	c.list("goal", refIDs(o.Goals), refIDs(n.Goals))
	c.text("review date", dateText(&o.Reviewed), dateText(&n.Reviewed))
	c.text("reviewers", o.Reviewers, n.Reviewers)
	c.text("recommendation", o.Recommendation, n.Recommendation)
	c.list("earlier review", reviewTexts(o.Reviews), reviewTexts(n.Reviews))
	or := map[string]Rating{}
	for _, r := range o.Ratings {
		or[r.Item.ID] = r
	}
	for _, r := range n.Ratings {
		p, ok := or[r.Item.ID]
		delete(or, r.Item.ID)
		name := c.itemName(r.Item.ID)
		if !ok {
			c.add(Added, "rating of "+name, "", ratingText(r))
			continue
		}
		c.text("rating of "+name, ratingText(p), ratingText(r))
		c.text("evidence for "+name, p.Evidence, r.Evidence)
	}
	for _, r := range o.Ratings {
		if _, gone := or[r.Item.ID]; gone {
			c.add(Removed, "rating of "+c.itemName(r.Item.ID), ratingText(r), "")
		}
	}
	c.text("text", o.Markdown, n.Markdown)
}

// ratingText is a rating in figures and words, "3 (Established)", or an
// open question's answer.
func ratingText(r Rating) string {
	if r.Rating >= RatingMin && r.Rating <= RatingMax {
		return fmt.Sprintf("%d (%s)", r.Rating, RatingLabels[r.Rating])
	}
	return r.Answer
}
