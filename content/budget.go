package content

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode"
)

// MaxCost is the largest cost a resource may give, in dollars (the max of
// Resource.Cost): well inside the range in which a float64 holds every
// cent exactly.
const MaxCost = 1_000_000_000

// Cents is an amount of money in cents. Budget sums are kept in Cents so
// they are exact.
type Cents int64

// errOverflow is returned when a sum of costs does not fit in Cents.
var errOverflow = errors.New("the budget's sums are too large to add up exactly")

// CentsOf converts a cost in dollars to cents. It reports false when the
// cost is negative, above MaxCost or not a whole number of cents.
func CentsOf(dollars float64) (Cents, bool) {
	if math.IsNaN(dollars) || dollars < 0 || dollars > MaxCost {
		return 0, false
	}
	// Dollars are decimal, a float64 binary: allow its rounding error,
	// about one part in 10^16, and no more.
	c := math.Round(dollars * 100)
	if math.Abs(c-dollars*100) > 1e-6+c*1e-15 {
		return 0, false
	}
	return Cents(c), true
}

// add returns a+b, or an error if the sum overflows.
func add(a, b Cents) (Cents, error) {
	s := a + b
	if (b > 0 && s < a) || (b < 0 && s > a) {
		return 0, errOverflow
	}
	return s, nil
}

// String writes c as dollars: "$1,234" or "$1,234.50".
func (c Cents) String() string {
	n := int64(c)
	sign := ""
	if n < 0 {
		sign, n = "−", -n
	}
	s := sign + "$" + thousands(n/100)
	if n%100 != 0 {
		s += fmt.Sprintf(".%02d", n%100)
	}
	return s
}

func thousands(n int64) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// checkSettingsBudget checks the approval record and the list of funding
// sources in trellis.toml.
func (l *loader) checkSettingsBudget() {
	doc := l.settingsDoc
	if doc == nil {
		return
	}
	s := &l.plan.Settings
	for i := 1; i < len(s.Approvals); i++ {
		prev, cur := s.Approvals[i-1].Date, s.Approvals[i].Date
		if !prev.IsZero() && !cur.IsZero() && cur.Before(prev) {
			doc.src.errorf(doc.at(key("approvals", i, "date"), true), CodeInvalidValue,
				"list the adoption first, then each amendment, oldest first",
				"approval of %s comes after the later approval of %s", cur, prev)
		}
	}
	seen := map[string]bool{}
	for i, f := range s.FundingSources {
		p := doc.at(key("funding_sources", i), true)
		switch {
		case strings.TrimSpace(f) == "":
			doc.src.errorf(p, CodeInvalidValue, `remove the empty entry, or give a name such as "Title II, Part A"`, "a funding source has no name")
		case seen[f]:
			doc.src.errorf(p, CodeDuplicateID, "list each funding source once", "funding source %q is listed twice", f)
		}
		seen[f] = true
	}
}

// checkResources checks the year, cost and funding source of each of an
// activity's resources. Activities are checked in order, so a funding name
// is compared with those of the activities before it.
func (l *loader) checkResources(doc *tomlDoc, a *Activity) {
	s := l.plan.Settings
	for i, r := range a.Resources {
		if r.Year > 0 && s.Years > 0 && r.Year > s.Years {
			doc.src.errorf(doc.at(key("resources", i, "year"), true), CodeOutOfRange,
				fmt.Sprintf("the plan covers %d years (trellis.toml: years = %d)", s.Years, s.Years), "year %d is past the end of the plan", r.Year)
		}
		if r.Cost != nil {
			if _, ok := CentsOf(*r.Cost); !ok && *r.Cost >= 0 {
				doc.src.errorf(doc.at(key("resources", i, "cost"), true), CodeInvalidValue,
					fmt.Sprintf("give dollars and cents, at most $%s: cost = %.2f", thousands(MaxCost), math.Min(*r.Cost, MaxCost)),
					"cost %v is not a whole number of cents up to $%s", *r.Cost, thousands(MaxCost))
			}
		}
		if r.Funding != "" {
			l.checkFunding(doc, a, i)
		}
	}
}

// checkFunding checks the funding name of resource i of a: against
// funding_sources when the plan lists them, else against the names used
// before it.
func (l *loader) checkFunding(doc *tomlDoc, a *Activity, i int) {
	name := a.Resources[i].Funding
	p := doc.at(key("resources", i, "funding"), true)
	if list := l.plan.Settings.FundingSources; len(list) > 0 {
		if !contains(list, name) {
			hint := didYouMean(name, list)
			if c := nearFunding(name, list); c != "" {
				hint = "did you mean `" + c + "`?"
			}
			doc.src.errorf(p, CodeUnknownReference, hint, "unknown funding source %q (trellis.toml: funding_sources)", name)
		}
		return
	}
	var earlier []string
	for _, b := range l.plan.Activities {
		n := len(b.Resources)
		if b == a {
			n = i
		}
		for _, r := range b.Resources[:n] {
			if r.Funding == name {
				return // already compared when first used
			}
			if r.Funding != "" && !contains(earlier, r.Funding) {
				earlier = append(earlier, r.Funding)
			}
		}
		if b == a {
			break
		}
	}
	if c := nearFunding(name, earlier); c != "" {
		doc.src.warnf(p, CodeFundingNearDuplicate, fmt.Sprintf("write it the same way everywhere: funding = %q, or list the sources in trellis.toml: funding_sources = [...]", c),
			nil, "funding source %q is nearly the same as %q; the budget counts them as two sources", name, c)
	}
}

// nearFunding returns the name in names that is written like name but not
// the same: equal but for case, spaces and punctuation ("Title II Part A",
// "Title II, Part A"), or one word misspelt ("Genral fund"). Short words
// such as the numerals of "Title I" and "Title II" must match exactly.
func nearFunding(name string, names []string) string {
	words := fundingWords(name)
	for _, n := range names {
		other := fundingWords(n)
		if strings.Join(words, "") == strings.Join(other, "") {
			return n
		}
		if len(words) != len(other) {
			continue
		}
		var diff []int
		for i := range words {
			if words[i] != other[i] {
				diff = append(diff, i)
			}
		}
		if len(diff) == 1 {
			a, b := words[diff[0]], other[diff[0]]
			if len(a) >= 4 && len(b) >= 4 && editDistance(a, b) <= 2 {
				return n
			}
		}
	}
	return ""
}

// fundingWords splits a funding name into lower-case words.
func fundingWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// Budget is the plan's costs added up by funding source and by goal, for
// each plan year. Amounts are exact, in cents.
type Budget struct {
	// Years is the number of plan years. Every ByYear slice has Years+1
	// entries: index 0 is the plan as a whole (resources without a year),
	// index y is plan year y.
	Years   int          `json:"years"`
	Sources []BudgetLine `json:"by_source"`
	Goals   []BudgetLine `json:"by_goal"`
	ByYear  []Cents      `json:"total_by_year_cents"`
	Total   Cents        `json:"total_cents"`
	// Unfunded lists the resources with no cost or no funding source.
	Unfunded []UnfundedResource `json:"unfunded"`
}

// BudgetLine is one row of a budget table: a funding source or a goal.
type BudgetLine struct {
	Name   string  `json:"name"`           // the funding source, or the goal's title
	Goal   string  `json:"goal,omitempty"` // the goal's id, on goal lines
	ByYear []Cents `json:"by_year_cents"`
	Total  Cents   `json:"total_cents"`
}

// UnfundedResource is a resource the budget cannot place in full.
type UnfundedResource struct {
	Activity  string `json:"activity"` // the activity's id
	Item      string `json:"item"`
	NoCost    bool   `json:"no_cost"`
	NoFunding bool   `json:"no_funding"`
}

// NoFunding names the budget line of costs that give no funding source.
const NoFunding = "No funding source"

// NewBudget adds up a validated plan's costs. It fails only if a sum would
// overflow.
func NewBudget(p *Plan) (*Budget, error) {
	b := &Budget{Years: p.Settings.Years, ByYear: make([]Cents, p.Settings.Years+1)}
	for _, name := range p.Settings.FundingSources {
		b.line(&b.Sources, name, "")
	}
	for _, g := range p.Goals {
		b.line(&b.Goals, g.Title, g.ID)
	}
	for _, a := range p.Activities {
		for _, r := range a.Resources {
			if r.Cost == nil || r.Funding == "" {
				b.Unfunded = append(b.Unfunded, UnfundedResource{Activity: a.ID, Item: r.Item, NoCost: r.Cost == nil, NoFunding: r.Funding == ""})
			}
			if r.Cost == nil {
				continue
			}
			if err := b.addResource(a, r); err != nil {
				return nil, err
			}
		}
	}
	// Keep listed sources that are used; every source written is used.
	used := b.Sources[:0]
	for _, l := range b.Sources {
		if l.Total != 0 || hasCost(p, l.Name) {
			used = append(used, l)
		}
	}
	b.Sources = used
	return b, nil
}

func hasCost(p *Plan, source string) bool {
	for _, a := range p.Activities {
		for _, r := range a.Resources {
			if r.Cost != nil && r.Funding == source {
				return true
			}
		}
	}
	return false
}

// line returns the line named name in *lines, adding it if it is new.
func (b *Budget) line(lines *[]BudgetLine, name, goal string) *BudgetLine {
	for i := range *lines {
		if l := &(*lines)[i]; l.Name == name && l.Goal == goal {
			return l
		}
	}
	*lines = append(*lines, BudgetLine{Name: name, Goal: goal, ByYear: make([]Cents, b.Years+1)})
	return &(*lines)[len(*lines)-1]
}

func (b *Budget) addResource(a *Activity, r Resource) error {
	c, ok := CentsOf(*r.Cost)
	if !ok {
		return fmt.Errorf("activity %q: cost %v is not a whole number of cents up to $%s", a.ID, *r.Cost, thousands(MaxCost))
	}
	y := r.Year
	if y < 0 || y > b.Years {
		y = 0
	}
	source := r.Funding
	if source == "" {
		source = NoFunding
	}
	var goalLine *BudgetLine
	for i := range b.Goals {
		if b.Goals[i].Goal == a.Goal.ID {
			goalLine = &b.Goals[i]
		}
	}
	lines := []*BudgetLine{b.line(&b.Sources, source, "")}
	if goalLine != nil {
		lines = append(lines, goalLine)
	}
	for _, l := range lines {
		if err := addTo(&l.ByYear[y], &l.Total, c); err != nil {
			return err
		}
	}
	return addTo(&b.ByYear[y], &b.Total, c)
}

// addTo adds c to a year's cell and to a total.
func addTo(cell, total *Cents, c Cents) error {
	var err error
	if *cell, err = add(*cell, c); err != nil {
		return err
	}
	*total, err = add(*total, c)
	return err
}

// GoalTotal returns the total of the goal with the given id.
func (b *Budget) GoalTotal(id string) Cents {
	for _, l := range b.Goals {
		if l.Goal == id {
			return l.Total
		}
	}
	return 0
}
