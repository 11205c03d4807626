package generator

import (
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trellis-pl/trellis/content"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func threeYears() []Year {
	var ys []Year
	for y := 1; y <= 3; y++ {
		ys = append(ys, Year{Number: y, Label: content.Settings{FirstYear: 2025}.YearLabel(y), Current: y == 2})
	}
	return ys
}

func ptr(x float64) *float64 { return &x }

// TestMeasureChart checks the summary, the table rows and the SVG of a
// measure chart against hand-written expectations and golden files
// (testdata/charts/*.svg; go test ./generator -run TestMeasureChart -update
// rewrites them).
func TestMeasureChart(t *testing.T) {
	tests := []struct {
		name    string
		m       content.Measure
		summary string
		rows    string // target/actual/status of each year
	}{
		{
			name:    "met",
			m:       content.Measure{Measure: "K–2 students at benchmark", Unit: "%", Baseline: ptr(44), Target: []float64{50, 60, 70}, Actual: []float64{53}},
			summary: "Baseline 44%; Year 1: 53%, target 50%, met; Year 2: target 60%, not yet reported; Year 3: target 70%, not yet reported.",
			rows:    "50%/53%/Met 60%//Not yet reported 70%//Not yet reported",
		},
		{
			name:    "not-met",
			m:       content.Measure{Measure: "Grade 3 proficient", Unit: "%", Baseline: ptr(41), Target: []float64{44, 48, 60}, Actual: []float64{43, 49}},
			summary: "Baseline 41%; Year 1: 43%, target 44%, not met; Year 2: 49%, target 48%, met; Year 3: target 60%, not yet reported.",
			rows:    "44%/43%/Not met 48%/49%/Met 60%//Not yet reported",
		},
		{
			name:    "lower-is-better-students",
			m:       content.Measure{Measure: "Long-term English learners", Unit: "students", Baseline: ptr(212), Target: []float64{200, 180, 159}, Actual: []float64{194, 185}, LowerIsBetter: true},
			summary: "Baseline 212 students; Year 1: 194 students, target 200 students, met; Year 2: 185 students, target 180 students, not met; Year 3: target 159 students, not yet reported; lower is better.",
			rows:    "200 students/194 students/Met 180 students/185 students/Not met 159 students//Not yet reported",
		},
		{
			name:    "missing-years",
			m:       content.Measure{Measure: "Coaching hours per teacher", Unit: "hours", Target: []float64{10}, Actual: []float64{12, 14}},
			summary: "Year 1: 12 hours, target 10 hours, met; Year 2: 14 hours, no target.",
			rows:    "10 hours/12 hours/Met /14 hours/No target //Not yet reported",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := newMeasureView(&tt.m, 1, threeYears())
			if v.Summary != tt.summary {
				t.Errorf("summary:\ngot  %q\nwant %q", v.Summary, tt.summary)
			}
			var rows []string
			for _, r := range v.Rows {
				rows = append(rows, r.Target+"/"+r.Actual+"/"+r.StatusLabel)
			}
			if got := strings.Join(rows, " "); got != tt.rows {
				t.Errorf("rows:\ngot  %q\nwant %q", got, tt.rows)
			}
			svg := string(v.Chart)
			for _, want := range []string{`role="img"`, `aria-labelledby="measure-1-title"`, `aria-describedby="measure-1-summary"`, `<title id="measure-1-title">`} {
				if !strings.Contains(svg, want) {
					t.Errorf("the SVG lacks %s", want)
				}
			}
			golden := filepath.Join("testdata", "charts", tt.name+".svg")
			if *update {
				if err := os.WriteFile(golden, []byte(svg+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if svg+"\n" != string(want) {
				t.Errorf("the SVG differs from %s:\n%s", golden, svg)
			}
		})
	}
}

func TestMeasureSummaryText(t *testing.T) {
	tests := []struct {
		s    content.MeasureSummary
		want string
	}{
		{content.MeasureSummary{Year: 1, Met: 1, Of: 2}, "1 of 2 measures met their Year 1 target"},
		{content.MeasureSummary{Year: 2, Met: 0, Of: 1}, "0 of 1 measure met its Year 2 target"},
		{content.MeasureSummary{}, ""},
	}
	for _, tt := range tests {
		if got := MeasureSummaryText(tt.s); got != tt.want {
			t.Errorf("MeasureSummaryText(%+v) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestNiceScale(t *testing.T) {
	tests := []struct {
		m    content.Measure
		want chartScale
	}{
		{content.Measure{Unit: "%", Target: []float64{50}}, chartScale{0, 100, 25}},
		{content.Measure{Unit: "students", Baseline: ptr(212), Target: []float64{200, 180, 159}}, chartScale{0, 250, 50}},
		{content.Measure{Unit: "$", Target: []float64{1200, 1500}, Actual: []float64{900}}, chartScale{0, 1500, 500}},
		{content.Measure{Target: []float64{-3, 2}}, chartScale{-3, 2, 1}},
		{content.Measure{Target: []float64{0}}, chartScale{0, 1, 0.2}},
	}
	for _, tt := range tests {
		if got := scaleFor(&tt.m); got != tt.want {
			t.Errorf("scaleFor(%v, %v, %v) = %+v, want %+v", tt.m.Baseline, tt.m.Target, tt.m.Actual, got, tt.want)
		}
	}
}

// BenchmarkMeasureChart measures building one measure's view: its rows,
// summary and SVG.
func BenchmarkMeasureChart(b *testing.B) {
	m := content.Measure{Measure: "K–2 students at benchmark", Unit: "%", Baseline: ptr(44), Target: []float64{50, 60, 70}, Actual: []float64{53, 58}}
	years := threeYears()
	for b.Loop() {
		newMeasureView(&m, 1, years)
	}
}

// FuzzMeasureChart draws charts of any values the plan files accept
// (finite, within ±1,000,000,000): none may panic or draw at NaN or
// infinity.
func FuzzMeasureChart(f *testing.F) {
	f.Add(44.0, 50.0, 60.0, 53.0, "%", false)
	f.Add(212.0, 200.0, 180.0, 194.0, "students", true)
	f.Add(0.0, 0.0, 0.0, 0.0, "", false)
	f.Add(-1e9, 1e9, -3.5, 1e-9, "$", false)
	f.Fuzz(func(t *testing.T, base, t1, t2, a1 float64, unit string, lower bool) {
		for _, x := range []float64{base, t1, t2, a1} {
			if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > 1e9 {
				t.Skip("not a value the plan files accept")
			}
		}
		m := content.Measure{Measure: "M", Unit: unit, Baseline: &base, Target: []float64{t1, t2}, Actual: []float64{a1}, LowerIsBetter: lower}
		v := newMeasureView(&m, 1, threeYears())
		svg := string(v.Chart)
		if strings.Contains(svg, "NaN") || strings.Contains(svg, "Inf") || !strings.HasSuffix(svg, "</svg>") {
			t.Fatalf("bad SVG: %s", svg)
		}
		if !strings.HasSuffix(v.Summary, ".") || v.Rows[0].StatusLabel == "" {
			t.Fatalf("summary %q, rows %+v", v.Summary, v.Rows)
		}
	})
}
