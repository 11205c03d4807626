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

// TestProgressPages checks the plan over time in the Cedar Valley site:
// the annual-review dashboard, the measure charts with their summaries and
// tables, the dated updates and adjustments, a partner's review history,
// and the same data in plan.json.
func TestProgressPages(t *testing.T) {
	site := buildExample(t, "cedar-valley", BuildOptions{})
	page := func(f string) *html.Node { return parse(t, filepath.Join(site, f)) }
	cellsOf := func(tr *html.Node) string {
		var out []string
		for _, c := range find(tr, func(n *html.Node) bool { return n.Type == html.ElementNode && (n.Data == "th" || n.Data == "td") }) {
			out = append(out, text(c))
		}
		return strings.Join(out, " / ")
	}
	class := func(c string) func(*html.Node) bool {
		return func(n *html.Node) bool { v, _ := attr(n, "class"); return v == c }
	}

	home := page("index.html")
	var cells []string
	for _, td := range find(home, func(n *html.Node) bool { v, _ := attr(n, "data-label"); return v == "Measures" }) {
		cells = append(cells, text(td))
	}
	if got, want := strings.Join(cells, " | "), "1 of 2 measures met their Year 1 target | 1 of 2 measures met their Year 1 target | Described in words"; got != want {
		t.Errorf("dashboard measures = %q, want %q", got, want)
	}
	if links := find(home, func(n *html.Node) bool { v, _ := attr(n, "href"); return v == "goals/early-literacy/#measures" }); len(links) != 1 {
		t.Errorf("dashboard has %d links to goal 1's measures, want 1", len(links))
	}

	goal := page("goals/early-literacy/index.html")
	svgs := find(goal, tag("svg"))
	if len(svgs) != 2 {
		t.Fatalf("goal 1 has %d charts, want 2", len(svgs))
	}
	for _, svg := range svgs {
		if role, _ := attr(svg, "role"); role != "img" || len(find(svg, tag("title"))) != 1 {
			t.Errorf("chart without role=img and a title")
		}
	}
	var summaries []string
	for _, fig := range find(goal, class("measure-chart")) {
		ps := find(fig, tag("p"))
		summaries = append(summaries, text(ps[len(ps)-1]))
	}
	wantSummaries := []string{
		"Baseline 44%; Year 1: 53%, target 50%, met; Year 2: target 60%, not yet reported; Year 3: target 70%, not yet reported.",
		"Baseline 41%; Year 1: 43%, target 44%, not met; Year 2: target 48%, not yet reported; Year 3: target 60%, not yet reported.",
	}
	if strings.Join(summaries, "\n") != strings.Join(wantSummaries, "\n") {
		t.Errorf("summaries:\n%s\nwant:\n%s", strings.Join(summaries, "\n"), strings.Join(wantSummaries, "\n"))
	}
	tables := find(goal, class("measure-data"))
	if len(tables) != 2 {
		t.Fatalf("goal 1 has %d measure tables, want 2", len(tables))
	}
	var rows []string
	for _, tr := range find(find(tables[1], tag("tbody"))[0], tag("tr")) {
		rows = append(rows, cellsOf(tr))
	}
	wantRows := "Baseline / None / 41% / Before Year 1 | Year 1 (2025–26) / 44% / 43% / Not met | Year 2 (2026–27) / 48% / None / Not yet reported | Year 3 (2027–28) / 60% / None / Not yet reported"
	if got := strings.Join(rows, " | "); got != wantRows {
		t.Errorf("state assessment table rows:\n%s\nwant:\n%s", got, wantRows)
	}
	var times []string
	for _, tm := range find(goal, tag("time")) {
		dt, _ := attr(tm, "datetime")
		times = append(times, dt+" "+text(tm))
	}
	if got, want := strings.Join(times, ", "), "2026-10-14 October 14, 2026, 2027-02-03 February 3, 2027"; got != want {
		t.Errorf("update dates = %q, want %q", got, want)
	}
	gt := text(goal)
	for _, want := range []string{"Updates and adjustments", "Winter screening: 52% of K–2 students", "Adjustments", "From January 2027 the literacy coaches"} {
		if !strings.Contains(gt, want) {
			t.Errorf("goal 1 page lacks %q", want)
		}
	}

	el := text(page("goals/english-learners/index.html"))
	if want := "Baseline 212 students; Year 1: 194 students, target 200 students, met; Year 2: target 180 students, not yet reported; Year 3: target 159 students, not yet reported; lower is better."; !strings.Contains(el, want) {
		t.Errorf("goal 2 page lacks %q", want)
	}

	partner := page("partners/northstar-literacy/index.html")
	var recs []string
	for _, li := range find(find(partner, class("review-history"))[0], tag("li")) {
		recs = append(recs, text(li))
	}
	wantRecs := "June 13, 2025 by Director of Professional Learning, two literacy coaches: Revise the partnership | " +
		"June 12, 2026 by Director of Professional Learning, two literacy coaches, two K–3 teachers, one elementary principal: Continue the partnership (current review)"
	if got := strings.Join(recs, " | "); got != wantRecs {
		t.Errorf("recommendations:\n%s\nwant:\n%s", got, wantRecs)
	}
	if pt, want := text(partner), "Revise the partnership (June 13, 2025), then continue the partnership (June 12, 2026)."; !strings.Contains(pt, want) {
		t.Errorf("partner page lacks %q", want)
	}
	hist := find(partner, class("stack rating-history"))
	if len(hist) != 1 {
		t.Fatalf("partner page has %d rating history tables", len(hist))
	}
	first := cellsOf(find(find(hist[0], tag("tbody"))[0], tag("tr"))[0])
	if want := "Help clients understand student and family contexts and life experiences and their potential impact on teaching, learning, and interactions at school. / 1 / 2 / Up 1"; first != want {
		t.Errorf("first history row = %q, want %q", first, want)
	}

	// The comparison page uses the current reviews only.
	var overall []string
	for _, tr := range find(page("partner-comparison/index.html"), tag("tr")) {
		if row := cellsOf(tr); strings.HasPrefix(row, "Northstar") {
			overall = append(overall, row)
		}
	}
	if got, want := strings.Join(overall, " | "), "Northstar Literacy Collaborative / 3.0 / 16 / Continue the partnership"; got != want {
		t.Errorf("comparison row = %q, want %q", got, want)
	}

	data, err := os.ReadFile(filepath.Join(site, "plan.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pj struct {
		Goals []struct {
			Measures []struct {
				Unit   string    `json:"unit"`
				Target []float64 `json:"target"`
				Actual []float64 `json:"actual"`
			} `json:"measures"`
			Years []struct {
				Status  string `json:"status"`
				Updates []struct {
					Date, Status string
				} `json:"updates"`
			} `json:"years"`
		} `json:"goals"`
		Partners []struct {
			Reviews []struct {
				Reviewed, Recommendation string
			} `json:"reviews"`
		} `json:"partners"`
	}
	if err := json.Unmarshal(data, &pj); err != nil {
		t.Fatal(err)
	}
	m := pj.Goals[0].Measures[0]
	y2 := pj.Goals[0].Years[1]
	if m.Unit != "%" || len(m.Target) != 3 || len(m.Actual) != 1 || y2.Status != "in-progress" || len(y2.Updates) != 2 || y2.Updates[1].Date != "2027-02-03" {
		t.Errorf("plan.json goal 1: measure %+v, year 2 %+v", m, y2)
	}
	if r := pj.Partners[0].Reviews; len(r) != 1 || r[0].Reviewed != "2025-06-13" || r[0].Recommendation != "revise" {
		t.Errorf("plan.json partner 1 reviews = %+v", r)
	}
}

func TestRecommendationChange(t *testing.T) {
	rv := func(day int, rec string) ReviewView {
		return ReviewView{Review: content.Review{Reviewed: content.Date{Year: 2024 + day, Month: 6, Day: 1}, Recommendation: rec}}
	}
	tests := []struct {
		history []ReviewView
		want    string
	}{
		{[]ReviewView{rv(0, "continue"), rv(1, "continue")}, "Every review since June 1, 2024 recommended the same: continue the partnership."},
		{[]ReviewView{rv(0, "revise"), rv(1, "revise"), rv(2, "end")}, "Revise the partnership (June 1, 2024), then end the partnership (June 1, 2026)."},
	}
	for _, tt := range tests {
		if got := recommendationChange(tt.history); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}
