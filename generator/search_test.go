package generator

import (
	"encoding/json"
	"github.com/trellis-pl/trellis/content"
	"strings"
	"testing"
)

// field returns the text of an entry's field, and whether there is one.
func field(e SearchEntry, name string) (string, bool) {
	for _, f := range e.Fields {
		if f.Name == name {
			return f.Text, true
		}
	}
	return "", false
}

// TestSearchEntries checks that each field is indexed on its own, by name,
// as plain text.
func TestSearchEntries(t *testing.T) {
	s := testSite(t, loadExample(t, "cedar-valley"))
	byTitle := map[string]SearchEntry{}
	for _, e := range s.SearchEntries() {
		byTitle[e.Title] = e
	}
	tests := []struct {
		title, kind, field, prefix string
	}{
		{"Goal 1: Every student reads on grade level by the end of grade 3", KindGoal, "Rationale", "Only 41 percent of Cedar Valley third graders scored proficient"},
		{"Goal 1: Every student reads on grade level by the end of grade 3", KindGoal, "Measures", "Universal reading screener, grades K–3, "},
		{"Goal 2: English learners grow one proficiency level in English each year", KindGoal, "Rationale", "English learners are now 17.6 percent of students. In 2024 only 29 percent made"},
		{"Planning for language in every lesson", KindActivity, "Initial activity: who", "Teams of content teachers and English learner specialists in grades 3–8"},
		{"Planning for language in every lesson", KindActivity, "Initial activity: what", "How to plan lessons with language goals"},
		{"Planning for language in every lesson", KindActivity, "Follow-up: who", "Each team, with an English learner specialist"},
		{"Planning for language in every lesson", KindActivity, "Follow-up: how", "Lesson study: each team teaches"},
		{"Planning for language in every lesson", KindActivity, "Resources", "Stipends for after-school team planning, Title III, Part A; Release time for lesson study observations, Title II, Part A"},
		{"Planning for language in every lesson", KindActivity, "Standards", "Equity Practices; Equity Drivers; Curriculum, Assessment, and Instruction"},
		{"Westbrook State University Induction Center", KindPartner, "Services", "Mentor training, the mentoring log"},
		{"Culture of Collaborative Inquiry", KindStandard, "Summary", ""},
		{"Accessibility", KindPage, "Contact", "Dr. Renée Okafor, Director of Professional Learning, pl@cedarvalley.example, (555) 014-2290"},
	}
	for _, tt := range tests {
		t.Run(tt.title+"/"+tt.field, func(t *testing.T) {
			e, ok := byTitle[tt.title]
			if !ok {
				t.Fatalf("no entry %q", tt.title)
			}
			if e.Kind != tt.kind {
				t.Errorf("kind = %q, want %q", e.Kind, tt.kind)
			}
			text, ok := field(e, tt.field)
			if !ok || !strings.HasPrefix(text, tt.prefix) || text == "" {
				t.Errorf("field %q = %q, want it to start %q", tt.field, text, tt.prefix)
			}
		})
	}
	for _, e := range s.SearchEntries() {
		for _, f := range e.Fields {
			if strings.Contains(f.Text, "**") || strings.Contains(f.Text, "](") || strings.Contains(f.Text, "  ") {
				t.Errorf("%s, %s: Markdown or runs of spaces in %q", e.Title, f.Name, f.Text)
			}
		}
	}
}

func TestSearchPlainText(t *testing.T) {
	x := &searchIndex{md: newSearchMarkdown()}
	tests := []struct{ in, want string }{
		{"Only **41 percent** of\nthird graders", "Only 41 percent of third graders"},
		{"See [the report](https://example.org/r.pdf) and <https://example.org>.", "See the report and https://example.org."},
		{"# Heading\n\nA paragraph with `code` and _emphasis_.\n\n- one\n- two", "Heading A paragraph with code and emphasis. one two"},
		{"Raw <b>HTML</b> is dropped", "Raw HTML is dropped"},
		{"| a | b |\n|---|---|\n| 1 | 2 |", "a b 1 2"},
		{"Before\n\n```\nlet x = 1\n```\nafter", "Before let x = 1 after"},
		{"<div>\nblock\n</div>\n\nnext", "next"},
		{"   ", ""},
	}
	for _, tt := range tests {
		if got := collapse(x.plain(tt.in)); got != tt.want {
			t.Errorf("plain(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSearchJSON checks the index's shape: fields as [name, text] pairs,
// addresses relative to the search page.
func TestSearchJSON(t *testing.T) {
	s := testSite(t, loadExample(t, "cedar-valley"))
	var entries []struct {
		Title, URL, Kind string
		Fields           [][2]string
	}
	if err := json.Unmarshal([]byte(s.SearchJSON()), &entries); err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(s.SearchEntries()) {
		t.Fatalf("%d entries, want %d", len(entries), len(s.SearchEntries()))
	}
	e := entries[0]
	if e.Title != "Home" || e.URL != "../" || e.Kind != KindPage || e.Fields[0][0] != "Mission" || !strings.HasPrefix(e.Fields[0][1], "Cedar Valley School District partners") {
		t.Errorf("first entry = %+v", e)
	}
}

// testSite arranges a plan for the templates, failing the test on a
// render panic.
func testSite(t testing.TB, p *content.Plan) *Site {
	t.Helper()
	s, err := newSite(p, newMarkdown(false), testCatalogue(t, "en"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}
