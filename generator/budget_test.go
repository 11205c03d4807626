package generator

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/trellis-pl/trellis/content"
)

// words is the text of n and its children, with elements separated by a
// space and runs of space closed up.
func words(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode {
			b.WriteByte(' ')
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func TestApprovalSummary(t *testing.T) {
	board := "Cedar Valley Board of Education"
	tests := []struct {
		name string
		st   content.Settings
		want string
	}{
		{"draft", content.Settings{}, "Draft: not yet adopted."},
		{"draft with a version", content.Settings{Version: "0.9"}, "Draft: not yet adopted; version 0.9."},
		{"adopted", content.Settings{Approvals: []content.Approval{{Date: content.Date{Year: 2025, Month: 6, Day: 10}, By: board}}},
			"Adopted June 10, 2025 by Cedar Valley Board of Education."},
		{"amended", content.Settings{Version: "2.1", Approvals: []content.Approval{
			{Date: content.Date{Year: 2025, Month: 6, Day: 10}, By: board, Note: "Adopted"},
			{Date: content.Date{Year: 2026, Month: 1, Day: 12}, By: board, Note: "Goal 3 added"},
			{Date: content.Date{Year: 2026, Month: 6, Day: 9}, By: board, Note: "Budget revised"},
		}}, "Adopted June 10, 2025 by Cedar Valley Board of Education; version 2.1; last amended June 9, 2026."},
	}
	for _, tt := range tests {
		if got := newApprovalView(tt.st, testCatalogue(t, "en")).Summary(); got != tt.want {
			t.Errorf("%s: Summary() = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestApprovalAndDraftPages checks the approval record of Cedar Valley and
// the draft state of Magnolia County on the home page, the cover of the
// printable plan and in plan.json.
func TestApprovalAndDraftPages(t *testing.T) {
	tests := []struct {
		example   string
		home      string
		cover     []string
		notCover  string
		draft     bool
		approvals int
		version   string
	}{
		{"cedar-valley", "Adopted June 10, 2025 by Cedar Valley Board of Education; version 2.1; last amended June 9, 2026.",
			[]string{"Version 2.1", "Adopted June 10, 2025 by Cedar Valley Board of Education; last amended June 9, 2026", "Superintendent Dr. Alan Reyes",
				"Approval record", "June 9, 2026 Cedar Valley Board of Education Amended: Year 2 outcomes and the Year 2–3 budget revised"}, "DRAFT", false, 2, "2.1"},
		{"magnolia-county", "Draft: this plan has not yet been adopted by the board.",
			[]string{"Status Draft , not yet adopted by the board", "DRAFT Not yet adopted by the board", "Professional learning contact Curtis Fairley"}, "Approval record", true, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.example, func(t *testing.T) {
			site := buildExample(t, tt.example, BuildOptions{})
			byClass := func(name, class string) string {
				for _, n := range find(parse(t, filepath.Join(site, name)), func(n *html.Node) bool { c, _ := attr(n, "class"); return c == class }) {
					return words(n)
				}
				return ""
			}
			home := byClass("index.html", "approval") + byClass("index.html", "draft-notice")
			if home != tt.home {
				t.Errorf("home page: %q, want %q", home, tt.home)
			}
			cover := byClass("plan/index.html", "plan-cover")
			for _, want := range tt.cover {
				if !strings.Contains(cover, want) {
					t.Errorf("cover lacks %q: %s", want, cover)
				}
			}
			if strings.Contains(cover, tt.notCover) {
				t.Errorf("cover has %q: %s", tt.notCover, cover)
			}
			var pj struct {
				Draft    bool `json:"draft"`
				Settings struct {
					Version   string                      `json:"version"`
					Approvals []struct{ Date, By string } `json:"approvals"`
				} `json:"settings"`
			}
			data, err := os.ReadFile(filepath.Join(site, "plan.json"))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &pj); err != nil {
				t.Fatal(err)
			}
			if pj.Draft != tt.draft || len(pj.Settings.Approvals) != tt.approvals || pj.Settings.Version != tt.version {
				t.Errorf("plan.json: draft %v, %d approvals, version %q", pj.Draft, len(pj.Settings.Approvals), pj.Settings.Version)
			}
		})
	}
}

// TestBudgetPageAndJSON checks the budget page and plan.json of Cedar Valley
// against totals added up by hand (see content's TestCedarValleyBudget).
func TestBudgetPageAndJSON(t *testing.T) {
	site := buildExample(t, "cedar-valley", BuildOptions{})
	tables := find(parse(t, filepath.Join(site, "budget", "index.html")), tag("table"))
	if len(tables) != 3 {
		t.Fatalf("budget page has %d tables, want 3", len(tables))
	}
	row := func(tbl *html.Node, i int) string {
		rows := find(tbl, tag("tr"))
		return words(rows[i])
	}
	want := []struct {
		table, row int
		text       string
	}{
		{0, 0, "Funding source Year 1 (2025–26) Year 2 (2026–27) Year 3 (2027–28) Whole plan Total"},
		{0, 2, "Title II, Part A $50,300 $34,200 $34,200 $0 $118,700"},
		{0, 4, "State literacy grant $14,750.50 $0 $0 $0 $14,750.50"},
		{0, 7, "Total $137,150.50 $119,500 $119,600 $8,200 $384,450.50"},
		{1, 3, "Goal 3: Keep and grow early-career teachers $99,500 $77,000 $77,000 $8,200 $261,700"},
		{2, 2, "Common planning time for K–3 teams (built into the master schedule) Grade-level literacy data teams cost and funding source"},
	}
	for _, w := range want {
		if got := row(tables[w.table], w.row); got != w.text {
			t.Errorf("table %d row %d = %q, want %q", w.table, w.row, got, w.text)
		}
	}
	goal := strings.Join(strings.Fields(text(parse(t, filepath.Join(site, "goals", "early-literacy", "index.html")))), " ")
	if !strings.Contains(goal, "Estimated cost of this goal's activities: $74,450.50") {
		t.Error("goal page lacks its total")
	}
	var pj struct {
		Budget struct {
			Total   int64 `json:"total_cents"`
			Sources []struct {
				Name   string  `json:"name"`
				ByYear []int64 `json:"by_year_cents"`
			} `json:"by_source"`
			Unfunded []struct{ Item string } `json:"unfunded"`
		} `json:"budget"`
	}
	data, err := os.ReadFile(filepath.Join(site, "plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &pj); err != nil {
		t.Fatal(err)
	}
	b := pj.Budget
	if b.Total != 38445050 || len(b.Sources) != 6 || b.Sources[5].Name != "General fund" || b.Sources[5].ByYear[0] != 820000 || len(b.Unfunded) != 4 {
		t.Errorf("plan.json budget = %+v", b)
	}
}
