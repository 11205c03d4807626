package content

import (
	"strings"
	"testing"
)

func TestCompare(t *testing.T) {
	base := func() *Plan {
		return &Plan{
			Settings: Settings{District: "Cedar Valley", Title: "Plan", Years: 3, CurrentYear: 1},
			Goals: []*Goal{{ID: "literacy", Title: "Early literacy", Outcome: "More readers",
				Measures: []Measure{{Measure: "K-2 at benchmark", Frequency: "Three times a year", Unit: "%", Target: []float64{50, 60}}},
				Years:    []GoalYear{{Year: 1, Outcome: "Screen all K-2"}, {Year: 2, Outcome: "60% at benchmark"}}}},
			Activities: []*Activity{{ID: "coaching", Title: "Coaching cycles", Goal: Ref{ID: "literacy"}, Standards: []Ref{{ID: "data"}}}},
			Partners: []*Partner{{ID: "reads", Name: "Reading Partners", Recommendation: "continue",
				Ratings: []Rating{{Item: Ref{ID: "2.1"}, Rating: 3, Evidence: "Logs"}}}},
		}
	}
	tests := []struct {
		name string
		edit func(p *Plan)
		want []string
	}{
		{"nothing", func(p *Plan) {}, nil},
		{"outcome for Year 2", func(p *Plan) { p.Goals[0].Years[1].Outcome = "65% at benchmark" },
			[]string{`goal "Early literacy": outcome for Year 2 changed from "60% at benchmark" to "65% at benchmark"`}},
		{"status reported", func(p *Plan) { p.Goals[0].Years[0].Status = StatusMet },
			[]string{`goal "Early literacy": status for Year 1 added: "met"`}},
		{"activity added", func(p *Plan) {
			p.Activities = append(p.Activities, &Activity{ID: "institute", Title: "Summer institute"})
		}, []string{`activity "Summer institute" added`}},
		{"activity removed, standard added", func(p *Plan) {
			p.Activities[0].Standards = append(p.Activities[0].Standards, Ref{ID: "learning-designs"})
			p.Activities = append(p.Activities, &Activity{ID: "x", Title: "X"})
			p.Activities = p.Activities[1:]
		}, []string{`activity "X" added`, `activity "Coaching cycles" removed`}},
		{"rating", func(p *Plan) { p.Partners[0].Ratings[0].Rating = 4 },
			[]string{`partner "Reading Partners": rating of 2.1 changed from "3 (Established)" to "4 (Exemplary)"`}},
		{"rating named by its item's text", func(p *Plan) {
			p.Standards = &StandardsSet{Items: []EvaluationItem{{ID: "2.1", Text: "Help clients understand student and family contexts and life experiences."}}}
			p.Partners[0].Ratings[0].Rating = 2
		}, []string{`partner "Reading Partners": rating of "Help clients understand student and family contexts and …" changed from "3 (Established)" to "2 (Emerging)"`}},
		{"recommendation and a new rating", func(p *Plan) {
			p.Partners[0].Recommendation = "revise"
			p.Partners[0].Ratings = append(p.Partners[0].Ratings, Rating{Item: Ref{ID: "3.2"}, Rating: 2})
		}, []string{
			`partner "Reading Partners": recommendation changed from "continue" to "revise"`,
			`partner "Reading Partners": rating of 3.2 added: "2 (Emerging)"`,
		}},
		{"actual reported, target raised, baseline given", func(p *Plan) {
			b := 38.0
			m := &p.Goals[0].Measures[0]
			m.Baseline, m.Target, m.Actual = &b, []float64{50, 65}, []float64{53.5}
		}, []string{
			`goal "Early literacy": baseline of measure "K-2 at benchmark" added: "38"`,
			`goal "Early literacy": targets of measure "K-2 at benchmark" changed from "50, 60" to "50, 65"`,
			`goal "Early literacy": actual values of measure "K-2 at benchmark" added: "53.5"`,
		}},
		{"an update and adjustments", func(p *Plan) {
			p.Goals[0].Years[0].Updates = []Update{{Date: Date{Year: 2025, Month: 11, Day: 4}, Status: StatusInProgress, Note: "Fall screening done"}}
			p.Goals[0].Years[0].Adjustments = "Moved coaching to the fall."
		}, []string{
			`goal "Early literacy": adjustments for Year 1 added: "Moved coaching to the fall."`,
			`goal "Early literacy": update for Year 1 added: "November 4, 2025: in progress"`,
		}},
		{"an earlier review kept", func(p *Plan) {
			p.Partners[0].Reviews = []Review{{Reviewed: Date{Year: 2025, Month: 5, Day: 1}, Recommendation: "revise"}}
		}, []string{`partner "Reading Partners": earlier review added: "May 1, 2025: revise"`}},
		{"long text", func(p *Plan) { p.Goals[0].Markdown = strings.Repeat("word ", 40) },
			[]string{`goal "Early literacy": text added: "` + strings.TrimSpace(strings.Repeat("word ", 32)) + ` …"`}},
		{"goal renamed and a year dropped", func(p *Plan) {
			p.Goals[0].Title = "Reading by grade 3"
			p.Goals[0].Years = p.Goals[0].Years[:1]
		}, []string{
			`goal "Reading by grade 3": title changed from "Early literacy" to "Reading by grade 3"`,
			`goal "Reading by grade 3": outcome for Year 2 removed (was "60% at benchmark")`,
		}},
		{"resources, counted", func(p *Plan) {
			cost := 62000.0
			r := Resource{Item: "Mentor release time", Cost: &cost, Funding: "Title II, Part A"}
			p.Activities[0].Resources = []Resource{r, r}
			r2 := r
			r2.Year = 2
			p.Activities[0].Resources = append(p.Activities[0].Resources, r2)
		}, []string{
			`activity "Coaching cycles": resource added: "Mentor release time ($62,000, Title II, Part A)"`,
			`activity "Coaching cycles": resource added: "Mentor release time ($62,000, Title II, Part A)"`,
			`activity "Coaching cycles": resource added: "Mentor release time (Year 2, $62,000, Title II, Part A)"`,
		}},
		{"goal removed, settings", func(p *Plan) {
			p.Goals = nil
			p.Settings.CurrentYear = 2
		}, []string{`settings: current year changed from "1" to "2"`, `goal "Early literacy" removed`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := base()
			tc.edit(p)
			var got []string
			for _, c := range Compare(base(), p) {
				got = append(got, c.String())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
