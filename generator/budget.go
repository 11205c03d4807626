package generator

import (
	"strings"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/i18n"
)

// BudgetView is the plan's budget arranged as tables: one column per plan
// year, a column for costs of the plan as a whole when there are any, and a
// total column.
type BudgetView struct {
	*content.Budget
	Columns  []string // column headings, after the row heading
	Sources  []BudgetRow
	Goals    []BudgetRow
	Totals   BudgetRow
	Unfunded []UnfundedView
	Total    string // the grand total, formatted; "" if nothing has a cost
	// Whole is the cost of resources for the plan as a whole, formatted;
	// "" if every cost names its year.
	Whole string
}

// BudgetRow is one row of a budget table, with amounts formatted.
type BudgetRow struct {
	Name  string
	URL   string // the goal's page, on goal rows
	Cells []string
}

// UnfundedView is a resource the budget cannot place in full.
type UnfundedView struct {
	Activity *ActivityView
	Item     string
	Missing  string // "cost", "funding source" or "cost and funding source"
}

// newBudgetView arranges a computed budget for the templates.
func newBudgetView(b *content.Budget, s *Site) *BudgetView {
	v := &BudgetView{Budget: b}
	money := func(c content.Cents) string { return s.text.Cents(int64(c)) }
	if b.Total != 0 {
		v.Total = money(b.Total)
	}
	whole := b.ByYear[0] != 0
	if whole {
		v.Whole = money(b.ByYear[0])
	}
	for _, y := range s.Years {
		v.Columns = append(v.Columns, y.Label)
	}
	if whole {
		v.Columns = append(v.Columns, s.tr("budget.whole-plan"))
	}
	v.Columns = append(v.Columns, s.tr("budget.total"))
	row := func(name, url string, byYear []content.Cents, total content.Cents) BudgetRow {
		r := BudgetRow{Name: name, URL: url}
		for y := 1; y < len(byYear); y++ {
			r.Cells = append(r.Cells, money(byYear[y]))
		}
		if whole {
			r.Cells = append(r.Cells, money(byYear[0]))
		}
		r.Cells = append(r.Cells, money(total))
		return r
	}
	for _, l := range b.Sources {
		v.Sources = append(v.Sources, row(l.Name, "", l.ByYear, l.Total))
	}
	for i, l := range b.Goals {
		name, url := l.Name, ""
		if i < len(s.Goals) && s.Goals[i].ID == l.Goal {
			name, url = s.tr("goal.numbered", "number", s.Goals[i].Number, "title", l.Name), s.Goals[i].URL
		}
		v.Goals = append(v.Goals, row(name, url, l.ByYear, l.Total))
	}
	v.Totals = row(s.tr("budget.total"), "", b.ByYear, b.Total)
	byID := map[string]*ActivityView{}
	for _, a := range s.Activities {
		byID[a.ID] = a
	}
	for _, u := range b.Unfunded {
		missing := "budget.missing-cost"
		switch {
		case u.NoCost && u.NoFunding:
			missing = "budget.missing-both"
		case u.NoFunding:
			missing = "budget.missing-funding"
		}
		v.Unfunded = append(v.Unfunded, UnfundedView{Activity: byID[u.Activity], Item: u.Item, Missing: s.tr(missing)})
	}
	return v
}

// addBudget adds up the plan's budget, the approval record and each goal's
// total.
func (s *Site) addBudget() error {
	s.Approval = newApprovalView(s.Plan.Settings, s.text)
	b, err := content.NewBudget(s.Plan)
	if err != nil {
		return err
	}
	s.Budget = newBudgetView(b, s)
	for _, g := range s.Goals {
		if t := b.GoalTotal(g.ID); t != 0 {
			g.Total = s.text.Cents(int64(t))
		}
	}
	return nil
}

// activityCents is the sum of an activity's costs, in cents, and whether
// any resource gives a cost.
func activityCents(a *content.Activity) (content.Cents, bool) {
	var sum content.Cents
	has := false
	for _, r := range a.Resources {
		if r.Cost == nil {
			continue
		}
		if c, ok := content.CentsOf(*r.Cost); ok {
			sum += c // bounded: the plan's budget did not overflow
			has = true
		}
	}
	return sum, has
}

// ApprovalView is the plan's approval record, for the home page and the
// cover of the printed plan.
type ApprovalView struct {
	Draft          bool
	Adopted        *content.Approval
	Amendments     []content.Approval // after the adoption, oldest first
	Version        string
	Superintendent string

	text *i18n.Catalogue
}

func newApprovalView(st content.Settings, text *i18n.Catalogue) ApprovalView {
	v := ApprovalView{Draft: len(st.Approvals) == 0, Version: st.Version, Superintendent: st.Superintendent, text: text}
	if !v.Draft {
		v.Adopted = &st.Approvals[0]
		v.Amendments = st.Approvals[1:]
	}
	return v
}

// Summary is the record in one sentence: "Adopted June 10, 2025 by the
// Board; version 2.1; last amended June 9, 2026." or the draft notice.
func (v ApprovalView) Summary() string {
	var parts []string
	if v.Draft {
		parts = append(parts, v.text.Text("approval.summary-draft"))
	} else {
		parts = append(parts, v.text.Text("approval.summary-adopted", "date", dateIn(v.text, v.Adopted.Date), "by", v.Adopted.By))
	}
	if v.Version != "" {
		parts = append(parts, v.text.Text("approval.summary-version", "version", v.Version))
	}
	if n := len(v.Amendments); n > 0 {
		parts = append(parts, v.text.Text("approval.summary-amended", "date", dateIn(v.text, v.Amendments[n-1].Date)))
	}
	return strings.Join(parts, "; ") + "."
}

// planData is what plan.json holds: the plan, its budget and whether it is
// a draft.
func planData(p *content.Plan, s *Site) any {
	var b *content.Budget
	if s.Budget != nil {
		b = s.Budget.Budget
	}
	return struct {
		*content.Plan
		Draft  bool            `json:"draft"`
		Budget *content.Budget `json:"budget"`
	}{p, s.Approval.Draft, b}
}
