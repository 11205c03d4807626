package generator

import (
	"html/template"

	"github.com/trellis-pl/trellis/content"
)

// The views: the plan's parts arranged for the templates, which receive
// them in .Site and .Data (see docs/themes.md).

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
	fileText
	Mission, Vision template.HTML
	Body            template.HTML
}

// ProfileView is the district profile with Markdown rendered.
type ProfileView struct {
	*content.District
	fileText
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
	fileText
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
	fileText
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
	fileText
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
