package generator

import (
	"fmt"
	"html/template"
	"sort"

	"github.com/trellis-pl/trellis/content"
)

// Site is what every template receives as .Site: the plan, arranged for
// reading. It is built once per build from a validated plan.
type Site struct {
	Plan       *content.Plan
	Title      string
	District   string
	Lang       string
	Set        *content.StandardsSet
	Years      []Year
	Current    int // the current plan year
	Goals      []*GoalView
	Activities []*ActivityView
	Frames     []*FrameView
	Standards  []*StandardView
	Partners   []*PartnerView
	Profile    ProfileView
	Beliefs    BeliefsView
	Nav        []NavItem
	// Scale is the partner rating scale, from 1 up.
	Scale []ScalePoint
	// TotalCost is the sum of the costs of every activity's resources.
	TotalCost float64
	// Budget is the costs by funding source, goal and year; Approval the
	// plan's approval record.
	Budget   *BudgetView
	Approval ApprovalView
	// PDF is set when the build writes plan.pdf.
	PDF bool

	search   []SearchEntry       // built on first use
	warnings content.Diagnostics // the Markdown renderer's
}

// Year is one plan year.
type Year struct {
	Number  int
	Label   string // "Year 1 (2025–26)"
	Current bool
}

// NavItem is one entry of the main navigation.
type NavItem struct {
	Title, URL, Section string
}

// ScalePoint is one point of the partner rating scale.
type ScalePoint struct {
	Value int
	Label string
}

// BeliefsView is the mission, vision and narrative.
type BeliefsView struct {
	Mission, Vision template.HTML
	Body            template.HTML
}

// ProfileView is the district profile with Markdown rendered.
type ProfileView struct {
	*content.District
	Body template.HTML
	// Groups are the demographics by category, in the order first seen.
	Groups []DemographicGroup
	// SchoolEnrollment is the sum of the schools' enrollment.
	SchoolEnrollment int
}

// DemographicGroup is the demographics of one category.
type DemographicGroup struct {
	Category string
	Items    []content.Demographic
}

// GoalView is a goal with everything that refers to it.
type GoalView struct {
	*content.Goal
	URL        string
	Rationale  template.HTML
	Impact     template.HTML
	Outcome    template.HTML
	Body       template.HTML
	Years      []GoalYearView
	CurrentRow *GoalYearView // the current plan year, if the goal has it
	Activities []*ActivityView
	Standards  []*StandardView // standards its activities address, in set order
	Partners   []*PartnerView
	Total      string // the cost of its activities, formatted; "" if none
	// Numeric are its measures with numbers, each with its chart; Summary
	// how they did in the latest reported year (progress.go).
	Numeric     []*MeasureView
	Summary     content.MeasureSummary
	SummaryText string // "1 of 2 measures met their Year 1 target"; "" if none reported
	HasLog      bool   // some year has dated updates or adjustments
}

// GoalYearView is one plan year of a goal.
type GoalYearView struct {
	Year    Year
	Outcome template.HTML
	Status  string // "" if not reported
	Result  template.HTML
	Missing bool // the goal gives no outcome for this year
	// Updates are the year's dated updates, oldest first; Adjustments
	// what the district changed because of the evidence.
	Updates     []UpdateView
	Adjustments template.HTML
}

// ActivityView is an activity with its goal and standards resolved.
type ActivityView struct {
	*content.Activity
	Anchor    string // id of its row on the activities page
	Goal      *GoalView
	Standards []*StandardView
	Body      template.HTML
	Cost      float64
	HasCost   bool
	Cents     content.Cents // Cost, exactly
	Years     []int
}

// FrameView is a frame of standards (2022) with its standards.
type FrameView struct {
	*content.Frame
	Standards []*StandardView
	Items     []*content.EvaluationItem
}

// StandardView is a standard with the goals and activities that address it.
type StandardView struct {
	*content.Standard
	URL        string
	Frame      *content.Frame
	Activities []*ActivityView
	Goals      []*GoalView
	Items      []*content.EvaluationItem
}

// PartnerView is a partner evaluation grouped for its scorecard.
type PartnerView struct {
	*content.Partner
	URL     string
	Goals   []*GoalView
	Groups  []RatingGroup
	Average float64
	Rated   int
	Body    template.HTML
	// ByItem maps an item id to its rating, for the comparison table.
	ByItem map[string]*content.Rating
	// History is every review, oldest first, the current one last, and
	// ItemHistory each rated item across them, when there are earlier
	// reviews (progress.go).
	History     []ReviewView
	ItemHistory []ItemHistoryRow
	// RecommendationChange says how the recommendation moved, in a sentence.
	RecommendationChange string
}

// RatingGroup is the ratings of one standard or frame.
type RatingGroup struct {
	ID, Name string
	Kind     string // "frame" or "standard"
	URL      string // the standard's page, if the group is a standard
	Ratings  []RatingView
	Average  float64
	Rated    int
}

// RatingView is one evaluation item and its rating (0 if unrated), or the
// answer in words to an open question.
type RatingView struct {
	Item     *content.EvaluationItem
	Rating   int
	Label    string
	Evidence string
	Answer   string
}

// sourced renders Markdown and remembers which plan file it is from, so
// that a panic in a renderer, or a note of the renderer, can name it.
type sourced struct {
	md     *markdown
	file   string
	bodies map[string]*content.Body // by file
	diags  content.Diagnostics      // the renderer's notes, with their file and line
}

func (m *sourced) from(file string) *sourced { m.file = file; return m }

func (m *sourced) block(src string, level int) template.HTML {
	h, notes := m.md.blockNotes(src, level)
	m.diags = append(m.diags, m.located(src, notes)...)
	return h
}

func (m *sourced) inline(src string) template.HTML {
	h, notes := m.md.inlineNotes(src)
	m.diags = append(m.diags, m.located(src, notes)...)
	return h
}

// newSite arranges a validated plan for the templates. A panic while
// rendering Markdown becomes a diagnostic naming the file.
func newSite(p *content.Plan, md *markdown) (s *Site, err error) {
	m := &sourced{md: md, file: content.SettingsFile, bodies: bodiesOf(p)}
	defer func() {
		if v := recover(); v != nil {
			s, err = nil, renderPanic(m.file, "the Markdown", v)
		}
	}()
	s = &Site{
		Plan: p, Title: p.Settings.Title, District: p.Settings.District, Lang: p.Settings.Language,
		Set: p.Standards, Current: p.Settings.CurrentYear,
	}
	for y := 1; y <= p.Settings.Years; y++ {
		s.Years = append(s.Years, Year{Number: y, Label: p.Settings.YearLabel(y), Current: y == s.Current})
	}
	for v := content.RatingMin; v <= content.RatingMax; v++ {
		s.Scale = append(s.Scale, ScalePoint{v, content.RatingLabels[v]})
	}
	s.Nav = []NavItem{
		{"Home", "", "home"}, {"District", "district/", "district"}, {"Goals", "goals/", "goals"},
		{"Activities", "activities/", "activities"}, {"Standards", "standards/", "standards"},
		{"Coverage", "coverage/", "coverage"}, {"Partners", "partners/", "partners"},
		{"Timeline", "timeline/", "timeline"}, {"Budget", "budget/", "budget"}, {"Whole plan", "plan/", "plan"}, {"Search", "search/", "search"},
	}
	m.from(content.BeliefsFile)
	s.Beliefs = BeliefsView{Mission: m.inline(p.Beliefs.Mission), Vision: m.inline(p.Beliefs.Vision), Body: m.block(p.Beliefs.Markdown, 3)}
	s.Profile = newProfile(p, m.from(content.DistrictFile))
	stdByID := s.addStandards(p.Standards)
	goalByID := s.addGoals(p, m)
	s.addActivities(p, m, goalByID, stdByID)
	s.addPartners(p, m, goalByID)
	if err := s.addBudget(); err != nil {
		return nil, err
	}
	if err := s.takeNotes(m.diags); err != nil {
		return nil, err
	}
	return s, nil
}

func newProfile(p *content.Plan, m *sourced) ProfileView {
	pv := ProfileView{District: &p.District, Body: m.block(p.District.Markdown, 3)}
	for _, sc := range p.District.Schools {
		pv.SchoolEnrollment += sc.Enrollment
	}
	for _, d := range p.District.Demographics {
		cat := d.Category
		if cat == "" {
			cat = "Student groups"
		}
		found := false
		for i := range pv.Groups {
			if pv.Groups[i].Category == cat {
				pv.Groups[i].Items = append(pv.Groups[i].Items, d)
				found = true
			}
		}
		if !found {
			pv.Groups = append(pv.Groups, DemographicGroup{cat, []content.Demographic{d}})
		}
	}
	return pv
}

// addStandards adds the standards and frames of the set.
func (s *Site) addStandards(set *content.StandardsSet) map[string]*StandardView {
	stdByID := map[string]*StandardView{}
	if set == nil {
		return stdByID
	}
	for i := range set.Standards {
		st := &set.Standards[i]
		v := &StandardView{Standard: st, URL: "standards/" + st.ID + "/", Frame: set.FrameByID(st.Frame.ID)}
		s.Standards = append(s.Standards, v)
		stdByID[st.ID] = v
	}
	for i := range set.Frames {
		f := &FrameView{Frame: &set.Frames[i]}
		for _, st := range s.Standards {
			if st.Frame != nil && st.Frame.ID == f.ID {
				f.Standards = append(f.Standards, st)
			}
		}
		s.Frames = append(s.Frames, f)
	}
	for i := range set.Items {
		it := &set.Items[i]
		if st := stdByID[it.Standard.ID]; st != nil {
			st.Items = append(st.Items, it)
		}
		for _, f := range s.Frames {
			if f.ID == it.Frame.ID {
				f.Items = append(f.Items, it)
			}
		}
	}
	return stdByID
}

func (s *Site) addGoals(p *content.Plan, m *sourced) map[string]*GoalView {
	goalByID := map[string]*GoalView{}
	for _, g := range p.Goals {
		m.from(g.File)
		v := &GoalView{Goal: g, URL: "goals/" + g.ID + "/",
			Rationale: m.block(g.Rationale, 3), Impact: m.block(g.Impact, 3), Outcome: m.inline(g.Outcome), Body: m.block(g.Markdown, 3)}
		byYear := map[int]content.GoalYear{}
		for _, y := range g.Years {
			byYear[y.Year] = y
		}
		for _, yr := range s.Years {
			row := GoalYearView{Year: yr}
			if y, ok := byYear[yr.Number]; ok {
				row.Outcome, row.Status, row.Result = m.inline(y.Outcome), y.Status, m.inline(y.Result)
				addUpdates(&row, y, m)
			} else {
				row.Missing = true
			}
			v.Years = append(v.Years, row)
		}
		for i := range v.Years {
			if v.Years[i].Year.Current {
				v.CurrentRow = &v.Years[i]
			}
			v.HasLog = v.HasLog || len(v.Years[i].Updates) > 0 || v.Years[i].Adjustments != ""
		}
		s.addMeasures(v)
		s.Goals = append(s.Goals, v)
		goalByID[g.ID] = v
	}
	return goalByID
}

// addActivities adds the activities, in goal order, then file order.
func (s *Site) addActivities(p *content.Plan, m *sourced, goalByID map[string]*GoalView, stdByID map[string]*StandardView) {
	for _, a := range p.Activities {
		m.from(a.File)
		v := &ActivityView{Activity: a, Anchor: "activity-" + a.ID, Goal: goalByID[a.Goal.ID], Body: m.block(a.Markdown, 4), Years: a.Duration.Years}
		for _, r := range a.Resources {
			if r.Cost != nil {
				v.Cost += *r.Cost
				v.HasCost = true
			}
		}
		s.TotalCost += v.Cost
		for _, ref := range a.Standards {
			if st := stdByID[ref.ID]; st != nil {
				v.Standards = append(v.Standards, st)
				st.Activities = append(st.Activities, v)
			}
		}
		v.Cents, _ = activityCents(a)
		s.Activities = append(s.Activities, v)
	}
	sort.SliceStable(s.Activities, func(i, j int) bool { return goalNumber(s.Activities[i]) < goalNumber(s.Activities[j]) })
	for _, a := range s.Activities {
		if a.Goal != nil {
			a.Goal.Activities = append(a.Goal.Activities, a)
		}
	}
	for _, st := range s.Standards {
		for _, a := range st.Activities {
			if a.Goal != nil && !containsGoal(st.Goals, a.Goal) {
				st.Goals = append(st.Goals, a.Goal)
			}
		}
		sort.SliceStable(st.Goals, func(i, j int) bool { return st.Goals[i].Number < st.Goals[j].Number })
		for _, g := range st.Goals {
			g.Standards = append(g.Standards, st)
		}
	}
}

func (s *Site) addPartners(p *content.Plan, m *sourced, goalByID map[string]*GoalView) {
	for _, pt := range p.Partners {
		m.from(pt.File)
		v := &PartnerView{Partner: pt, URL: "partners/" + pt.ID + "/", Body: m.block(pt.Markdown, 3), ByItem: map[string]*content.Rating{}}
		for i := range pt.Ratings {
			v.ByItem[pt.Ratings[i].Item.ID] = &pt.Ratings[i]
		}
		for _, ref := range pt.Goals {
			if g := goalByID[ref.ID]; g != nil {
				v.Goals = append(v.Goals, g)
				g.Partners = append(g.Partners, v)
			}
		}
		v.Groups = ratingGroups(s, v)
		s.addHistory(v)
		sum := 0
		for _, g := range v.Groups {
			for _, r := range g.Ratings {
				if r.Rating > 0 {
					sum += r.Rating
					v.Rated++
				}
			}
		}
		if v.Rated > 0 {
			v.Average = float64(sum) / float64(v.Rated)
		}
		s.Partners = append(s.Partners, v)
	}
}

// ratingGroups groups a partner's ratings by the standard or frame of
// each evaluation item, in the set's order.
func ratingGroups(s *Site, p *PartnerView) []RatingGroup {
	var groups []RatingGroup
	add := func(kind, id, name, url string, items []*content.EvaluationItem) {
		if len(items) == 0 {
			return
		}
		g := RatingGroup{ID: id, Name: name, URL: url, Kind: kind}
		sum := 0
		for _, it := range items {
			rv := RatingView{Item: it}
			if r := p.ByItem[it.ID]; r != nil && it.Open {
				rv.Answer = r.Answer
			} else if r != nil {
				rv.Rating, rv.Label, rv.Evidence = r.Rating, content.RatingLabels[r.Rating], r.Evidence
				sum += r.Rating
				g.Rated++
			}
			g.Ratings = append(g.Ratings, rv)
		}
		if g.Rated > 0 {
			g.Average = float64(sum) / float64(g.Rated)
		}
		groups = append(groups, g)
	}
	for _, f := range s.Frames {
		add("frame", f.ID, f.Name, "", f.Items)
	}
	for _, st := range s.Standards {
		add("standard", st.ID, st.Name, st.URL, st.Items)
	}
	return groups
}

func goalNumber(a *ActivityView) int {
	if a.Goal == nil {
		return 1 << 30
	}
	return a.Goal.Number
}

func containsGoal(list []*GoalView, g *GoalView) bool {
	for _, x := range list {
		if x == g {
			return true
		}
	}
	return false
}

// CoverageCount returns how many of a goal's activities address a standard.
func (g *GoalView) CoverageCount(st *StandardView) int {
	n := 0
	for _, a := range g.Activities {
		for _, s := range a.Standards {
			if s == st {
				n++
			}
		}
	}
	return n
}

// StatusLabel names a reported status for people.
func StatusLabel(status string) string {
	switch status {
	case content.StatusNotStarted:
		return "Not started"
	case content.StatusInProgress:
		return "In progress"
	case content.StatusMet:
		return "Met"
	case content.StatusNotMet:
		return "Not met"
	}
	return "Not reported"
}

// Uncovered lists the standards that no activity addresses.
func (s *Site) Uncovered() []*StandardView {
	var out []*StandardView
	for _, st := range s.Standards {
		if len(st.Activities) == 0 {
			out = append(out, st)
		}
	}
	return out
}

// Recommendation names a partner recommendation for people.
func Recommendation(r string) string {
	switch r {
	case "continue":
		return "Continue the partnership"
	case "revise":
		return "Revise the partnership"
	case "end":
		return "End the partnership"
	}
	return r
}

// money formats dollars: $38,400 (cents only when there are any).
func money(x float64) string {
	neg := x < 0
	if neg {
		x = -x
	}
	whole := int64(x)
	cents := int64((x-float64(whole))*100 + 0.5)
	if cents == 100 {
		whole, cents = whole+1, 0
	}
	s := groupThousands(whole)
	if cents > 0 {
		s += fmt.Sprintf(".%02d", cents)
	}
	if neg {
		return "−$" + s
	}
	return "$" + s
}

func groupThousands(n int64) string {
	s := fmt.Sprint(n)
	var out []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	return string(out)
}
