package generator

import (
	"fmt"
	"html/template"
	"sort"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/i18n"
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

	text *i18n.Catalogue // the interface text of Lang
	md   *markdown       // its Markdown renderer, which keeps the plain text of what it parsed for search

	search   []SearchEntry       // built on first use
	warnings content.Diagnostics // the Markdown renderer's
}

// sourced renders Markdown and remembers which plan file it is from, so
// that a panic in a renderer, or a note of the renderer, can name it.
// In a translated plan it marks the text that is still in the main
// language with that language's lang attribute.
type sourced struct {
	md     *markdown
	file   string
	bodies map[string]*content.Body // by file
	diags  content.Diagnostics      // the renderer's notes, with their file and line
	plan   *content.Plan
}

func (m *sourced) from(file string) *sourced { m.file = file; return m }

// block renders the Markdown text at key of the current file.
func (m *sourced) block(key, src string, level int) template.HTML {
	h, notes := m.md.blockNotes(src, level)
	m.diags = append(m.diags, m.located(src, notes)...)
	if h != "" && m.fallback(key) {
		return template.HTML(`<div lang="`+m.plan.Main+`">`) + h + "</div>"
	}
	return h
}

// inline renders a Markdown line at key of the current file.
func (m *sourced) inline(key, src string) template.HTML {
	h, notes := m.md.inlineNotes(src)
	m.diags = append(m.diags, m.located(src, notes)...)
	if h != "" && m.fallback(key) {
		return template.HTML(`<span lang="`+m.plan.Main+`">`) + h + "</span>"
	}
	return h
}

func (m *sourced) fallback(key string) bool {
	return m.plan.Main != "" && m.plan.Fallbacks[m.file].Has(key)
}

// newSite arranges a validated plan for the templates. A panic while
// rendering Markdown becomes a diagnostic naming the file.
func newSite(p *content.Plan, md *markdown, text *i18n.Catalogue) (s *Site, err error) {
	m := &sourced{md: md, file: content.SettingsFile, bodies: bodiesOf(p), plan: p}
	defer func() {
		if v := recover(); v != nil {
			s, err = nil, renderPanic(m.file, "the Markdown", v)
		}
	}()
	s = &Site{
		Plan: p, Title: p.Settings.Title, District: p.Settings.District, Lang: p.Settings.Language,
		Current: p.Settings.CurrentYear, text: text, md: md,
	}
	s.Set, _ = p.Standards.In(p.Settings.Language)
	for y := 1; y <= p.Settings.Years; y++ {
		s.Years = append(s.Years, Year{Number: y, Label: yearLabel(text, p.Settings, y), Current: y == s.Current})
	}
	for v := content.RatingMin; v <= content.RatingMax; v++ {
		s.Scale = append(s.Scale, ScalePoint{v, s.ratingLabel(v)})
	}
	for _, n := range []struct{ url, section string }{{"", "home"}, {"district/", "district"}, {"goals/", "goals"},
		{"activities/", "activities"}, {"standards/", "standards"}, {"coverage/", "coverage"}, {"partners/", "partners"},
		{"timeline/", "timeline"}, {"budget/", "budget"}, {"plan/", "plan"}, {"search/", "search"}} {
		s.Nav = append(s.Nav, NavItem{text.Text("nav." + n.section), n.url, n.section})
	}
	m.from(content.BeliefsFile)
	s.Beliefs = BeliefsView{fileText: fileText{s, content.BeliefsFile}, Mission: m.inline("mission", p.Beliefs.Mission), Vision: m.inline("vision", p.Beliefs.Vision), Body: m.block("body", p.Beliefs.Markdown, 3)}
	s.Profile = newProfile(p, m.from(content.DistrictFile), text.Text("district.student-groups"))
	s.Profile.fileText = fileText{s, content.DistrictFile}
	stdByID := s.addStandards(s.Set)
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

func newProfile(p *content.Plan, m *sourced, defaultCategory string) ProfileView {
	pv := ProfileView{District: &p.District, Body: m.block("body", p.District.Markdown, 3)}
	for _, sc := range p.District.Schools {
		pv.SchoolEnrollment += sc.Enrollment
	}
	for _, d := range p.District.Demographics {
		cat := d.Category
		if cat == "" {
			cat = defaultCategory
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
		v := &GoalView{Goal: g, fileText: fileText{s, g.File}, URL: "goals/" + g.ID + "/",
			Rationale: m.block("rationale", g.Rationale, 3), Impact: m.block("impact", g.Impact, 3), Outcome: m.inline("outcome", g.Outcome), Body: m.block("body", g.Markdown, 3)}
		byYear := map[int]int{}
		for i, y := range g.Years {
			byYear[y.Year] = i
		}
		for _, yr := range s.Years {
			row := GoalYearView{Year: yr}
			if i, ok := byYear[yr.Number]; ok {
				y, at := g.Years[i], fmt.Sprintf("years.%d.", i)
				row.Outcome, row.Status, row.Result = m.inline(at+"outcome", y.Outcome), y.Status, m.inline(at+"result", y.Result)
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
		v := &ActivityView{Activity: a, fileText: fileText{s, a.File}, Anchor: "activity-" + a.ID, Goal: goalByID[a.Goal.ID], Body: m.block("body", a.Markdown, 4), Years: a.Duration.Years}
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
		v := &PartnerView{Partner: pt, fileText: fileText{s, pt.File}, URL: "partners/" + pt.ID + "/", Body: m.block("body", pt.Markdown, 3), ByItem: map[string]*content.Rating{}}
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
		var values []int
		for _, g := range v.Groups {
			for _, r := range g.Ratings {
				values = append(values, r.Rating)
			}
		}
		v.Average, v.Rated = ratedMean(values)
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
				rv.Rating, rv.Label, rv.Evidence = r.Rating, s.ratingLabel(r.Rating), r.Evidence
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

// ratingLabel names a point of the rating scale: "Not evident".
func (s *Site) ratingLabel(v int) string { return s.text.Text(fmt.Sprintf("rating.%d", v)) }

// tr is the interface text of key in the site's language, for Go code; see
// i18n.Catalogue.Text.
func (s *Site) tr(key string, args ...any) string { return s.text.Text(key, args...) }

// CurrentLabel is the current plan year's label: "Year 1 (2025–26)".
func (s *Site) CurrentLabel() string {
	for _, y := range s.Years {
		if y.Current {
			return y.Label
		}
	}
	return ""
}
