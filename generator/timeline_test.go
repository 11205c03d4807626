package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// at sets the clock for one test.
func at(t *testing.T, day string) {
	t.Helper()
	d, err := time.Parse("2006-01-02", day)
	if err != nil {
		t.Fatal(err)
	}
	now = func() time.Time { return d.Add(15 * time.Hour) }
	t.Cleanup(func() { now = time.Now })
}

func span(l, w float64) string { return fmt.Sprintf("%.2f+%.2f", l, w) }

// TestTimeline places an activity with known dates on the plan's three
// school years (1 July 2025 to 30 June 2028, 1,096 days).
func TestTimeline(t *testing.T) {
	at(t, "2026-12-02")
	s := testSite(t, loadExample(t, "cedar-valley"))
	v := s.Timeline()

	var years []string
	for _, y := range v.Years {
		years = append(years, y.Label+" "+y.Short+" "+span(y.Left, y.Width))
	}
	// 2027–28 has 29 February, so it is a day longer.
	if got, want := strings.Join(years, "; "), "Year 1 (2025–26) 2025–26 0.00+33.30; Year 2 (2026–27) 2026–27 33.30+33.30; Year 3 (2027–28) 2027–28 66.61+33.39"; got != want {
		t.Errorf("years = %s, want %s", got, want)
	}
	if len(v.Months) != 36 {
		t.Fatalf("%d month ticks, want 36", len(v.Months))
	}
	for i, want := range map[int]string{0: "Jul 0.00 quarter", 2: "Sep 5.66", 6: "Jan 2026 16.79 quarter year", 35: "Jun 97.26"} {
		m := v.Months[i]
		got := fmt.Sprintf("%s %.2f", m.Label, m.Left)
		if m.Quarter {
			got += " quarter"
		}
		if m.Year {
			got += " year"
		}
		if got != want {
			t.Errorf("month %d = %q, want %q", i, got, want)
		}
	}
	if v.Today == nil || v.Today.Label != "Today, December 2, 2026" || fmt.Sprintf("%.2f", v.Today.Left) != "47.40" {
		t.Errorf("today = %+v", v.Today)
	}

	var row *TimelineRow
	for i := range v.Rows {
		if v.Rows[i].Activity.ID == "literacy-institute" {
			row = &v.Rows[i]
		}
	}
	if row == nil {
		t.Fatal("no row for literacy-institute")
	}
	// 4 August 2025 to 26 May 2028, the last day included.
	if len(row.Bars) != 1 || span(row.Bars[0].Left, row.Bars[0].Width) != "3.10+93.70" || row.Bars[0].Kind != BarDates {
		t.Errorf("bars = %+v", row.Bars)
	}
	if row.Start.Long() != "August 4, 2025" || row.End.Long() != "May 26, 2028" {
		t.Errorf("dates = %s to %s", row.Start.Long(), row.End.Long())
	}
}

// TestTimelineToday shows the marker only while the plan runs.
func TestTimelineToday(t *testing.T) {
	plan := loadExample(t, "cedar-valley")
	for _, tt := range []struct {
		day  string
		want string
	}{
		{"2025-06-30", ""},
		{"2025-07-01", "Today, July 1, 2025"},
		{"2028-06-30", "Today, June 30, 2028"},
		{"2028-07-01", ""},
	} {
		at(t, tt.day)
		got := ""
		if td := testSite(t, plan).Timeline().Today; td != nil {
			got = td.Label
		}
		if got != tt.want {
			t.Errorf("%s: today = %q, want %q", tt.day, got, tt.want)
		}
	}
}

// TestTimelinePage checks the rendered chart and that its table gives the
// same dates.
func TestTimelinePage(t *testing.T) {
	at(t, "2026-12-02")
	site := buildExample(t, "cedar-valley", BuildOptions{})
	b, err := os.ReadFile(filepath.Join(site, "timeline", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, want := range []string{
		`<span class="gantt-bar bar-dates" style="left: 3.10%; width: 93.70%"></span>`,
		`<span class="gantt-today" style="left: 47.40%"></span>`,
		`<span class="gantt-boundary" style="left: 33.30%; width: 33.30%"></span>`,
		`<span class="tick tick-quarter tick-year" style="left: 16.79%"><span class="tick-label">Jan 2026</span></span>`,
		`<span class="date-start">August 4, 2025</span> to <span class="date-end">May 26, 2028</span>`,
		`<p>Today, December 2, 2026.</p>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("timeline page lacks %s", want)
		}
	}
	doc := parse(t, filepath.Join(site, "timeline", "index.html"))
	if n := len(find(doc, func(n *html.Node) bool { c, _ := attr(n, "class"); return strings.HasPrefix(c, "gantt-bar ") })); n != 7 {
		t.Errorf("%d bars, want one for each of the 7 activities", n)
	}
}

// TestTimelineFollowUp splits a bar where the plan says the follow-up
// starts: 3 November 2025 is day 125 of 1,096.
func TestTimelineFollowUp(t *testing.T) {
	at(t, "2026-12-02")
	dir := editPlan(t, "cedar-valley", "activities/literacy-institute.md", "start = 2025-08-04", "start = 2025-08-04\nfollow_up_start = 2025-11-03")
	site, _ := buildDir(t, dir, BuildOptions{})
	b, err := os.ReadFile(filepath.Join(site, "timeline", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, want := range []string{
		`<span class="gantt-bar bar-initial" style="left: 3.10%; width: 8.30%"></span><span class="gantt-bar bar-follow-up" style="left: 11.41%; width: 85.40%"></span>`,
		`<span class="date-start">August 4, 2025</span> to <span class="date-end">May 26, 2028</span>; <span class="date-follow-up">follow-up from November 3, 2025</span>`,
		`<span class="key-swatch bar-follow-up"></span> Follow-up`,
		`<span class="key-swatch bar-dates"></span> Activity, from its first to its last day`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("timeline page lacks %s", want)
		}
	}
}
