package content

// The plan's content model. Each struct is the front matter of one kind of
// file. Field tags drive decoding, validation, `trellis schema` and the key
// reference in docs/reference.md:
//
//	toml:"name[,required]"  the key, and whether it must be present
//	enum:"a,b,c"            the only values a string may take
//	min:"N" max:"N"         bounds for a number
//	doc:"..."               one sentence for the reference and the schema
//
// A field named Pos (type Position) receives the position of the table the
// struct was decoded from; it is not a key.

// Settings is trellis.toml: the plan as a whole.
type Settings struct {
	Pos         Position `json:"-"`
	District    string   `toml:"district,required" json:"district" doc:"The district's full name, as it should appear on every page."`
	Title       string   `toml:"title" json:"title" doc:"The site's title. Default: the district's name followed by Professional Learning Plan."`
	Standards   Ref      `toml:"standards,required" json:"standards" doc:"The standards set: learning-forward-2011, learning-forward-2022, or the path of the plan's own standards file (ending in .toml)."`
	FirstYear   int      `toml:"first_year,required" min:"1990" max:"2100" json:"first_year" doc:"The calendar year in which the plan's first school year starts (2025 for 2025–26)."`
	Years       int      `toml:"years,required" min:"1" max:"10" json:"years" doc:"How many school years the plan covers (Year 1 to Year N)."`
	CurrentYear int      `toml:"current_year" min:"1" max:"10" json:"current_year" doc:"The plan year whose status the home page shows. Default: 1."`
	BaseURL     string   `toml:"base_url" json:"base_url,omitempty" doc:"The address the site is published at, such as https://district.example/pl-plan/. Needed for sitemap.xml."`
	Language    string   `toml:"language" json:"language" doc:"The language of the plan's text, as a BCP 47 tag. Default: en."`
	// Translations are the other languages the plan is published in.
	Translations []string `toml:"translations" json:"translations,omitempty" doc:"Other languages the plan is published in, such as [\"es\"]: each content file may have a translation beside it, name.es.md, holding its text. See docs/translating.md."`
	UnsafeHTML   bool     `toml:"unsafe_html" json:"-" doc:"Let raw HTML in Markdown through to the site. Default: false (raw HTML is shown as text)."`
	Contact      *Contact `toml:"contact" json:"contact,omitempty" doc:"Who answers questions about the plan."`
	// AccessibilityReviewed dates the site's accessibility statement.
	AccessibilityReviewed *Date `toml:"accessibility_reviewed" json:"accessibility_reviewed,omitempty" doc:"The date the accessibility statement was last reviewed (YYYY-MM-DD). Default: the day of the build."`
	// The approval record and the budget's funding sources.
	Version        string     `toml:"version" json:"version,omitempty" doc:"The plan's version label, such as 2.1."`
	Superintendent string     `toml:"superintendent" json:"superintendent,omitempty" doc:"The superintendent's name, for the cover of the printed plan."`
	Approvals      []Approval `toml:"approvals" json:"approvals" doc:"The plan's adoption, then each amendment, oldest first, one [[approvals]] table each. A plan with none is a draft."`
	FundingSources []string   `toml:"funding_sources" json:"funding_sources,omitempty" doc:"The funding sources resources may name, such as Title II, Part A. Default: any name, grouped as written."`
	PDF            bool       `toml:"pdf" json:"-" doc:"Also write plan.pdf, the printable plan, with a local Chrome or Chromium (as trellis build --pdf). Default: false."`
	// VersionTags is a glob over git tag names that mark adopted versions.
	VersionTags string `toml:"version_tags" json:"-" doc:"A glob over git tag names marking the plan's adopted versions, such as plan-*: trellis diff and the Changes page compare with the last of them, and trellis build --versions publishes each under versions/TAG/."`
}

// Approval is one adoption or amendment of the plan by its board.
type Approval struct {
	Pos  Position `json:"-"`
	Date Date     `toml:"date,required" json:"date" doc:"The day of the vote (YYYY-MM-DD)."`
	By   string   `toml:"by,required" json:"by" doc:"Who approved it, such as Cedar Valley Board of Education."`
	Note string   `toml:"note" json:"note,omitempty" doc:"What was approved, such as Adopted or Amended: Goal 3 added."`
}

// Contact is the person or office responsible for the plan.
type Contact struct {
	Pos   Position `json:"-"`
	Name  string   `toml:"name,required" json:"name" doc:"Name of the professional learning coordinator or office."`
	Title string   `toml:"title" json:"title,omitempty" doc:"Job title."`
	Email string   `toml:"email" json:"email,omitempty" doc:"Email address."`
	Phone string   `toml:"phone" json:"phone,omitempty" doc:"Telephone number."`
}

// District is district.md: who we are.
type District struct {
	Pos                 Position        `json:"-"`
	DataYear            string          `toml:"data_year" json:"data_year,omitempty" doc:"The school year the figures describe, such as 2024–25."`
	Enrollment          int             `toml:"enrollment,required" min:"0" max:"10000000" json:"enrollment" doc:"Total student enrollment, 0 to 10,000,000."`
	PerPupilExpenditure float64         `toml:"per_pupil_expenditure,required" min:"0" max:"1000000" json:"per_pupil_expenditure" doc:"Per-pupil expenditure, in dollars, 0 to 1,000,000."`
	TeachingUnits       float64         `toml:"teaching_units" min:"0" max:"1000000" json:"teaching_units,omitempty" doc:"Teaching units (allotted teaching positions), 0 to 1,000,000."`
	Schools             []School        `toml:"schools,required" json:"schools" doc:"The district's schools, one [[schools]] table each."`
	Demographics        []Demographic   `toml:"demographics" json:"demographics,omitempty" doc:"Student groups, one [[demographics]] table each."`
	Certification       []Certification `toml:"certification" json:"certification,omitempty" doc:"Teaching staff by certification, one [[certification]] table each."`
	Body
}

// School is one school of the district.
type School struct {
	Pos        Position `json:"-"`
	Name       string   `toml:"name,required" json:"name" doc:"The school's name."`
	Grades     string   `toml:"grades,required" json:"grades" doc:"Grade span, such as PK-5 or 9-12." translate:"no"`
	Enrollment int      `toml:"enrollment,required" min:"0" max:"10000000" json:"enrollment" doc:"Students enrolled, 0 to 10,000,000; the schools together no more than that either."`
	Principal  string   `toml:"principal" json:"principal,omitempty" doc:"The principal's name." translate:"no"`
	Address    string   `toml:"address" json:"address,omitempty" doc:"Street address." translate:"no"`
}

// Demographic is one student group, given as a percentage or a count.
type Demographic struct {
	Pos      Position `json:"-"`
	Group    string   `toml:"group,required" json:"group" doc:"The group's name, such as English learners."`
	Category string   `toml:"category" json:"category,omitempty" doc:"What the group belongs to, such as Race and ethnicity or Programs; groups of one category are shown together."`
	Percent  *float64 `toml:"percent" min:"0" max:"100" json:"percent,omitempty" doc:"Share of all students, 0 to 100. Give percent or count."`
	Count    *int     `toml:"count" min:"0" max:"10000000" json:"count,omitempty" doc:"Number of students, 0 to 10,000,000. Give percent or count."`
}

// Certification is a count of teaching staff holding one kind of license.
type Certification struct {
	Pos   Position `json:"-"`
	Kind  string   `toml:"kind,required" json:"kind" doc:"The license or certification, such as Standard license or National Board Certified."`
	Count int      `toml:"count,required" min:"0" max:"1000000" json:"count" doc:"Number of teachers holding it, 0 to 1,000,000."`
}

// Beliefs is beliefs.md: what we believe.
type Beliefs struct {
	Pos     Position `json:"-"`
	Mission string   `toml:"mission,required" json:"mission" doc:"The district's mission statement."`
	Vision  string   `toml:"vision,required" json:"vision" doc:"The district's vision statement."`
	Body
}

// Goal is one file in goals/: what we want to accomplish.
type Goal struct {
	Pos       Position   `json:"-"`
	ID        string     `toml:"id" json:"id" doc:"A stable identifier in kebab-case. Default: the file name without .md and without a leading number (01-literacy.md → literacy)."`
	Title     string     `toml:"title,required" json:"title" doc:"The goal, in one sentence."`
	Rationale string     `toml:"rationale,required" json:"rationale" doc:"Why this goal was chosen and prioritized (Markdown)."`
	Evidence  []string   `toml:"evidence,required" json:"evidence" doc:"The data and evidence used to identify the goal, one entry each."`
	Impact    string     `toml:"impact,required" json:"impact" doc:"How the goal will affect student achievement (Markdown)."`
	Outcome   string     `toml:"outcome,required" json:"outcome" doc:"The overarching expected outcome."`
	Measures  []Measure  `toml:"measures,required" json:"measures" doc:"How success is measured, one [[measures]] table each."`
	Years     []GoalYear `toml:"years" json:"years" doc:"The expected outcome for each plan year, one [[years]] table each."`
	Number    int        `json:"number"` // 1-based, in file-name order
	Body
}

// Measure is one measure of a goal's success.
type Measure struct {
	Pos       Position `json:"-"`
	Measure   string   `toml:"measure,required" json:"measure" doc:"What is measured, such as Grade 3 state reading assessment."`
	Frequency string   `toml:"frequency,required" json:"frequency" doc:"How often it is measured, such as Three times a year."`
	// The optional numbers of a measure: a measure with a target is a
	// measure with numbers, charted on the goal's page (measures.go).
	Unit          string    `toml:"unit" json:"unit,omitempty" doc:"The unit of the numbers: % for a percentage (0 to 100), $, or a word such as students or hours."`
	Baseline      *float64  `toml:"baseline" min:"-1000000000" max:"1000000000" json:"baseline,omitempty" doc:"The value before Year 1."`
	Target        []float64 `toml:"target" min:"-1000000000" max:"1000000000" json:"target,omitempty" doc:"The target for each plan year, Year 1 first, one per year."`
	Actual        []float64 `toml:"actual" min:"-1000000000" max:"1000000000" json:"actual,omitempty" doc:"The actual value of each plan year reported so far, Year 1 first; no more than current_year values."`
	LowerIsBetter bool      `toml:"lower_is_better" json:"lower_is_better,omitempty" doc:"A target is met when the actual value is at or below it, as for absences. Default: false (met at or above it)."`
}

// Status values for a plan year of a goal.
const (
	StatusNotStarted = "not-started"
	StatusInProgress = "in-progress"
	StatusMet        = "met"
	StatusNotMet     = "not-met"
)

// GoalYear is a goal's expected outcome for one plan year, and what happened.
type GoalYear struct {
	Pos     Position `json:"-"`
	Year    int      `toml:"year,required" min:"1" max:"10" json:"year" doc:"The plan year, 1 to the plan's years."`
	Outcome string   `toml:"outcome,required" json:"outcome" doc:"The outcome expected by the end of that year."`
	Status  string   `toml:"status" enum:"not-started,in-progress,met,not-met" json:"status,omitempty" doc:"Progress reported at the annual review. Default: the status of the year's latest update."`
	Result  string   `toml:"result" json:"result,omitempty" doc:"The actual result, in words or figures."`
	Updates []Update `toml:"updates" json:"updates,omitempty" doc:"Dated progress reports during the year, one [[years.updates]] table each; the latest sets the year's status."`
	// Adjustments is what the district changed because of the evidence.
	Adjustments string `toml:"adjustments" json:"adjustments,omitempty" doc:"What the district changed during or after the year because of the evidence (Markdown)."`
}

// Update is one dated progress report on a goal during a plan year.
type Update struct {
	Pos    Position `json:"-"`
	Date   Date     `toml:"date,required" json:"date" doc:"The day of the update (YYYY-MM-DD), within its plan year (July 1 to June 30)."`
	Status string   `toml:"status,required" enum:"not-started,in-progress,met,not-met" json:"status" doc:"Progress as of that day."`
	Note   string   `toml:"note,required" json:"note" doc:"What happened, what the data showed (Markdown)."`
}

// Activity is one file in activities/: a professional learning activity.
type Activity struct {
	Pos       Position   `json:"-"`
	ID        string     `toml:"id" json:"id" doc:"A stable identifier in kebab-case. Default: the file name, as for goals."`
	Title     string     `toml:"title,required" json:"title" doc:"A short name for the activity."`
	Goal      Ref        `toml:"goal,required" json:"goal" doc:"The id of the goal this activity serves."`
	Standards []Ref      `toml:"standards,required" json:"standards" doc:"The standards the activity addresses, by id or name."`
	Initial   Step       `toml:"initial,required" json:"initial" doc:"The initial activity: who, what, how."`
	FollowUp  *Step      `toml:"follow_up" json:"follow_up,omitempty" doc:"The follow-up that sustains the learning: who, what, how."`
	Duration  Duration   `toml:"duration,required" json:"duration" doc:"When it happens."`
	Resources []Resource `toml:"resources" json:"resources,omitempty" doc:"What is needed, one [[resources]] table each."`
	Body
}

// Step is the who, what and how of an initial activity or its follow-up.
type Step struct {
	Pos  Position `json:"-"`
	Who  string   `toml:"who,required" json:"who" doc:"Who takes part and who leads."`
	What string   `toml:"what,required" json:"what" doc:"What the learning is."`
	How  string   `toml:"how,required" json:"how" doc:"How it is delivered."`
}

// Duration says when an activity happens.
type Duration struct {
	Pos   Position `json:"-"`
	When  string   `toml:"when,required" json:"when" doc:"When, in words: dates, terms, frequency."`
	Start *Date    `toml:"start" json:"start,omitempty" doc:"First day (YYYY-MM-DD), for the timeline."`
	End   *Date    `toml:"end" json:"end,omitempty" doc:"Last day (YYYY-MM-DD), for the timeline."`
	Years []int    `toml:"years" min:"1" max:"10" json:"years,omitempty" doc:"The plan years the activity runs in. Default: the years its dates fall in."`
	// FollowUpStart splits the timeline's bar into the initial activity
	// and its follow-up.
	FollowUpStart *Date `toml:"follow_up_start" json:"follow_up_start,omitempty" doc:"The follow-up's first day (YYYY-MM-DD), between start and end: the timeline shows the initial activity before it and the follow-up from it."`
}

// Resource is one thing an activity needs.
type Resource struct {
	Pos     Position `json:"-"`
	Item    string   `toml:"item,required" json:"item" doc:"What is needed: people, time, materials, technology."`
	Cost    *float64 `toml:"cost" min:"0" max:"1000000000" json:"cost,omitempty" doc:"Estimated cost in dollars, to the cent, 0 to 1,000,000,000; the plan's costs together no more than 10,000,000,000."`
	Funding string   `toml:"funding" json:"funding,omitempty" doc:"The funding source, such as Title II, Part A; one of funding_sources in trellis.toml when that is given." translate:"no"`
	Year    int      `toml:"year" min:"1" max:"10" json:"year,omitempty" doc:"The plan year the money is spent in. Default: the plan as a whole."`
}

// Partner kinds and recommendations.
var (
	PartnerKinds    = []string{"vendor", "university", "technical-assistance", "consultant", "nonprofit", "agency", "other"}
	Recommendations = []string{"continue", "revise", "end"}
)

// Partner is one file in partners/: an evaluation of an external partner.
type Partner struct {
	Pos            Position `json:"-"`
	ID             string   `toml:"id" json:"id" doc:"A stable identifier in kebab-case. Default: the file name, as for goals."`
	Name           string   `toml:"name,required" json:"name" doc:"The partner's name." translate:"no"`
	Kind           string   `toml:"kind,required" enum:"vendor,university,technical-assistance,consultant,nonprofit,agency,other" json:"kind" doc:"What kind of partner it is."`
	Services       string   `toml:"services,required" json:"services" doc:"What the partner provides to the district."`
	Goals          []Ref    `toml:"goals" json:"goals,omitempty" doc:"The ids of the goals the partnership supports."`
	Reviewed       Date     `toml:"reviewed,required" json:"reviewed" doc:"The date of this evaluation (YYYY-MM-DD)."`
	Reviewers      string   `toml:"reviewers" json:"reviewers,omitempty" doc:"Who carried out the evaluation." translate:"no"`
	Recommendation string   `toml:"recommendation,required" enum:"continue,revise,end" json:"recommendation" doc:"Whether to continue the partnership, revise it, or end it."`
	Ratings        []Rating `toml:"ratings" json:"ratings" doc:"One [[ratings]] table for each evaluation item of the plan's standards set."`
	Reviews        []Review `toml:"reviews" json:"reviews,omitempty" doc:"Earlier evaluations, one [[reviews]] table each, after the current review's keys and ratings; the top-level review stays the current one."`
	Body
}

// Review is an earlier evaluation of a partner, kept for its history. The
// partner's own reviewed, reviewers, recommendation and ratings are the
// current review.
type Review struct {
	Pos            Position `json:"-"`
	Reviewed       Date     `toml:"reviewed,required" json:"reviewed" doc:"The date of that evaluation (YYYY-MM-DD), before the current one."`
	Reviewers      string   `toml:"reviewers" json:"reviewers,omitempty" doc:"Who carried out that evaluation."`
	Recommendation string   `toml:"recommendation,required" enum:"continue,revise,end" json:"recommendation" doc:"What that evaluation recommended: continue, revise or end."`
	Ratings        []Rating `toml:"ratings" json:"ratings" doc:"That evaluation's ratings, one [[reviews.ratings]] table for each item."`
}

// Rating scale for partner evaluation items.
const (
	RatingMin = 1
	RatingMax = 4
)

// RatingLabels names each point of the rating scale, from 1 to 4.
var RatingLabels = [...]string{1: "Not evident", 2: "Emerging", 3: "Established", 4: "Exemplary"}

// Rating answers one evaluation item for a partner.
type Rating struct {
	Pos      Position `json:"-"`
	Item     Ref      `toml:"item,required" json:"item" doc:"The evaluation item's id, from the standards set."`
	Rating   int      `toml:"rating" min:"1" max:"4" json:"rating,omitempty" doc:"1 Not evident, 2 Emerging, 3 Established, 4 Exemplary. Required, except for an open question."`
	Evidence string   `toml:"evidence" json:"evidence,omitempty" doc:"What the rating rests on."`
	Answer   string   `toml:"answer" json:"answer,omitempty" doc:"The answer, in words, to an item that is an open question (instead of rating and evidence)."`
}

// Body is the Markdown after a file's front matter.
type Body struct {
	File     string `json:"file"`           // slash path relative to the plan folder
	Markdown string `json:"body,omitempty"` // the text after the closing +++
	BodyLine int    `json:"-"`              // the line on which Markdown starts
	src      *source
}

// Ref is a reference by id to a goal, standard or evaluation item. After
// validation ID holds the canonical id of what it names.
type Ref struct {
	ID  string   `json:"id"`
	Pos Position `json:"-"`
}

// MarshalText writes a reference as its id (in JSON, a string; as text,
// encoding/json writes it without the detour through a MarshalJSON's
// output, which it would check and copy again).
func (r Ref) MarshalText() ([]byte, error) { return []byte(r.ID), nil }
