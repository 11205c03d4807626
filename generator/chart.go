package generator

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/i18n"
)

// MeasureView is a measure with numbers, arranged for its chart, its
// one-sentence summary and its data table on the goal's page.
type MeasureView struct {
	M       *content.Measure
	ID      string // unique on the page: "measure-2"
	Name    string
	Rows    []MeasureRow // one per plan year
	Summary string       // "Baseline 38%; Year 1: 53%, target 50%, met; ..."
	Chart   template.HTML
	// Baseline is the formatted baseline, "" if none.
	Baseline string
}

// MeasureRow is one plan year of a measure with numbers.
type MeasureRow struct {
	Year           Year
	Target, Actual string // formatted with the unit; "" if none
	Status         string // content.MeasureMet, MeasureNotMet, ...
	StatusLabel    string // the status in words: Met, Not met, Not yet reported
	Class          string // the status badge's class
}

// measureStatusLabel names a measure's derived status for people, in a
// language.
func measureStatusLabel(c *i18n.Catalogue, status string) string {
	return c.Text("measure.status." + strings.ReplaceAll(strings.ToLower(MeasureStatusLabel(status)), " ", "-"))
}

// MeasureStatusLabel names a measure's derived status for people.
func MeasureStatusLabel(status string) string {
	switch status {
	case content.MeasureMet:
		return "Met"
	case content.MeasureNotMet:
		return "Not met"
	case content.MeasureNoTarget:
		return "No target"
	}
	return "Not yet reported"
}

// statusClass is the class of a measure status's badge, one of the
// year statuses' classes, so that it shares their colours.
func statusClass(status string) string {
	switch status {
	case content.MeasureMet:
		return "status-met"
	case content.MeasureNotMet:
		return "status-not-met"
	}
	return "status-none"
}

// newMeasureView arranges measure m, the goal's measure number n, for its
// page.
func newMeasureView(c *i18n.Catalogue, m *content.Measure, n int, years []Year) *MeasureView {
	v := &MeasureView{M: m, ID: fmt.Sprintf("measure-%d", n), Name: m.Measure}
	if m.Baseline != nil {
		v.Baseline = c.Value(*m.Baseline, m.Unit)
	}
	for _, yr := range years {
		row := MeasureRow{Year: yr, Status: m.YearStatus(yr.Number)}
		row.StatusLabel, row.Class = measureStatusLabel(c, row.Status), statusClass(row.Status)
		if t, ok := m.TargetFor(yr.Number); ok {
			row.Target = c.Value(t, m.Unit)
		}
		if a, ok := m.ActualFor(yr.Number); ok {
			row.Actual = c.Value(a, m.Unit)
		}
		v.Rows = append(v.Rows, row)
	}
	v.Summary = measureSummary(c, v)
	v.Chart = measureChart(c, v, years)
	return v
}

// measureSummary says in one sentence what the chart shows: "Baseline
// 38%; Year 1: 53%, target 50%, met; Year 2: target 60%, not yet
// reported."
func measureSummary(c *i18n.Catalogue, v *MeasureView) string {
	var parts []string
	if v.Baseline != "" {
		parts = append(parts, c.Text("measure.summary-baseline", "value", v.Baseline))
	}
	for _, r := range v.Rows {
		if r.Target == "" && r.Actual == "" {
			continue
		}
		var p []string
		if r.Actual != "" {
			p = append(p, r.Actual)
		}
		if r.Target != "" {
			p = append(p, c.Text("measure.summary-target", "value", r.Target))
		}
		p = append(p, strings.ToLower(r.StatusLabel))
		parts = append(parts, c.Text("measure.summary-year", "number", r.Year.Number, "values", strings.Join(p, ", ")))
	}
	if v.M.LowerIsBetter {
		parts = append(parts, c.Text("measure.lower-is-better"))
	}
	return strings.Join(parts, "; ") + "."
}

// The chart's drawing area, in the SVG's own units; the SVG scales to the
// width of its box, and these are chosen so that its text stays at least
// 12 CSS pixels on a 320-pixel screen.
const (
	chartW, chartH   = 320, 190
	chartTop         = 26
	chartBottom      = 30
	chartRight       = 12
	chartFont        = 14
	chartCharWidth   = 9 // an estimate of a digit's width at chartFont
	chartMarkerSize  = 5
	chartLabelOffset = 10
)

// chartScale maps values to heights: lo at the bottom, hi at the top,
// with a tick at every step.
type chartScale struct{ lo, hi, step float64 }

func scaleFor(m *content.Measure) chartScale {
	if m.IsPercent() {
		return chartScale{0, 100, 25}
	}
	lo, hi := 0.0, math.Inf(-1)
	add := func(x float64) { lo, hi = math.Min(lo, x), math.Max(hi, x) }
	if m.Baseline != nil {
		add(*m.Baseline)
	}
	for _, x := range m.Target {
		add(x)
	}
	for _, x := range m.Actual {
		add(x)
	}
	if hi <= lo {
		hi = lo + 1
	}
	step := niceStep((hi - lo) / 5)
	return chartScale{math.Floor(lo/step) * step, math.Ceil(hi/step) * step, step}
}

// niceStep rounds x up to 1, 2, 2.5 or 5 times a power of ten.
func niceStep(x float64) float64 {
	exp := math.Pow(10, math.Floor(math.Log10(x)))
	for _, f := range []float64{1, 2, 2.5, 5, 10} {
		if f*exp >= x*(1-1e-9) {
			return f * exp
		}
	}
	return 10 * exp
}

// measureChart draws a measure as an SVG line chart: the baseline, the
// target line (dashed, square marks) and the actual values (solid, round
// marks, each labelled with its value). The summary and the table beside
// it give the same figures and the status in words.
func measureChart(c *i18n.Catalogue, v *MeasureView, years []Year) template.HTML {
	g := newChartGeometry(c, v.M, len(years))
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="measure-svg" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-title" aria-describedby="%s-summary" font-size="%d">`,
		chartW, chartH, v.ID, v.ID, chartFont)
	fmt.Fprintf(&b, `<title id="%s-title">%s</title>`, v.ID, html.EscapeString(c.Text("measure.chart-title", "name", v.Name)))
	g.grid(&b)
	g.targets(&b)
	g.actuals(&b)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// chartGeometry is where a measure's chart puts things: the value axis
// and its ticks, and a slot along the bottom for the baseline, if any,
// and each plan year.
type chartGeometry struct {
	m        *content.Measure
	years    int
	sc       chartScale
	ticks    []float64
	labels   []string
	unitWord string // a unit in words, named once above the axis
	left     int    // the width of the tick labels
	tickText func(float64) string
}

func newChartGeometry(c *i18n.Catalogue, m *content.Measure, years int) *chartGeometry {
	g := &chartGeometry{m: m, years: years, sc: scaleFor(m)}
	for k := 0.0; g.sc.lo+k*g.sc.step <= g.sc.hi+g.sc.step/2; k++ {
		g.ticks = append(g.ticks, g.sc.lo+k*g.sc.step)
	}
	// Inside the chart, % and $ go with each number; a unit in words is
	// named once, above the axis, so that labels stay short.
	u := strings.TrimSpace(m.Unit)
	g.tickText = func(t float64) string {
		if m.IsPercent() || u == "$" {
			return c.Value(t, m.Unit)
		}
		return c.Value(t, "")
	}
	if u != "" && !m.IsPercent() && u != "$" {
		g.unitWord = u
	}
	for _, t := range g.ticks {
		g.left = max(g.left, len(g.tickText(t))*chartCharWidth+16)
	}
	for y := 1; y <= years; y++ {
		key := "year.label"
		if years > 4 {
			key = "measure.year-short"
		}
		g.labels = append(g.labels, c.Text(key, "number", y))
	}
	if m.Baseline != nil {
		base := c.Text("measure.base-short")
		if years <= 3 {
			base = c.Text("measure.baseline")
		}
		g.labels = append([]string{base}, g.labels...)
	}
	return g
}

func (g *chartGeometry) slotX(i int) float64 {
	plotW := float64(chartW - g.left - chartRight)
	return float64(g.left) + (float64(i)+0.5)*plotW/float64(len(g.labels))
}

// yearX is the middle of plan year y's slot (y is 1-based).
func (g *chartGeometry) yearX(y int) float64 {
	if g.m.Baseline != nil {
		return g.slotX(y)
	}
	return g.slotX(y - 1)
}

func (g *chartGeometry) valY(x float64) float64 {
	plotH := float64(chartH - chartTop - chartBottom)
	return chartTop + plotH - (x-g.sc.lo)/(g.sc.hi-g.sc.lo)*plotH
}

// grid draws the unit, the ticks with their lines and the slots' labels.
func (g *chartGeometry) grid(b *strings.Builder) {
	b.WriteString(`<g class="chart-grid">`)
	if g.unitWord != "" {
		fmt.Fprintf(b, `<text x="0" y="13" fill="currentColor">%s</text>`, html.EscapeString(g.unitWord))
	}
	for _, t := range g.ticks {
		y := g.valY(t)
		fmt.Fprintf(b, `<line x1="%d" y1="%s" x2="%d" y2="%s" stroke="currentColor" stroke-opacity="0.3"/>`, g.left, num(y), chartW-chartRight, num(y))
		fmt.Fprintf(b, `<text x="%d" y="%s" text-anchor="end" fill="currentColor">%s</text>`, g.left-6, num(y+5), html.EscapeString(g.tickText(t)))
	}
	for i, l := range g.labels {
		fmt.Fprintf(b, `<text x="%s" y="%d" text-anchor="middle" fill="currentColor">%s</text>`, num(g.slotX(i)), chartH-8, l)
	}
	b.WriteString(`</g>`)
}

// targets draws the target line, dashed, with a square at each target.
func (g *chartGeometry) targets(b *strings.Builder) {
	var pts []string
	for y := 1; y <= g.years; y++ {
		if t, ok := g.m.TargetFor(y); ok {
			pts = append(pts, num(g.yearX(y))+","+num(g.valY(t)))
		}
	}
	if len(pts) > 1 {
		fmt.Fprintf(b, `<polyline class="chart-target" points="%s" fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="6 4"/>`, strings.Join(pts, " "))
	}
	for y := 1; y <= g.years; y++ {
		if t, ok := g.m.TargetFor(y); ok {
			s := chartMarkerSize
			fmt.Fprintf(b, `<rect class="chart-target-mark" x="%s" y="%s" width="%d" height="%d" fill="none" stroke="currentColor" stroke-width="2"/>`,
				num(g.yearX(y)-float64(s)), num(g.valY(t)-float64(s)), 2*s, 2*s)
		}
	}
}

// actuals draws the actual values from the baseline, solid, each point
// labelled with its value.
func (g *chartGeometry) actuals(b *strings.Builder) {
	m := g.m
	var pts []string
	if m.Baseline != nil {
		pts = append(pts, num(g.slotX(0))+","+num(g.valY(*m.Baseline)))
	}
	for y := 1; y <= g.years; y++ {
		if a, ok := m.ActualFor(y); ok {
			pts = append(pts, num(g.yearX(y))+","+num(g.valY(a)))
		}
	}
	if len(pts) > 1 {
		fmt.Fprintf(b, `<polyline class="chart-actual" points="%s" fill="none" stroke="currentColor" stroke-width="3"/>`, strings.Join(pts, " "))
	}
	if m.Baseline != nil {
		g.point(b, "chart-baseline", g.slotX(0), *m.Baseline)
	}
	for y := 1; y <= g.years; y++ {
		if a, ok := m.ActualFor(y); ok {
			g.point(b, "chart-actual-mark", g.yearX(y), a)
		}
	}
}

// point draws one value's mark and its label, below the mark when there
// is no room above.
func (g *chartGeometry) point(b *strings.Builder, class string, x, val float64) {
	fmt.Fprintf(b, `<circle class="%s" cx="%s" cy="%s" r="%d" fill="currentColor"/>`, class, num(x), num(g.valY(val)), chartMarkerSize)
	ly := g.valY(val) - chartLabelOffset
	if ly < chartTop {
		ly = g.valY(val) + chartLabelOffset + chartFont
	}
	fmt.Fprintf(b, `<text class="chart-value" x="%s" y="%s" text-anchor="middle" fill="currentColor">%s</text>`, num(x), num(ly), html.EscapeString(g.tickText(val)))
}

// num writes a coordinate with at most one decimal.
func num(x float64) string { return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64) }

// MeasureSummaryText says how a goal's measures did in the latest reported
// year: "1 of 2 measures met their Year 1 target". It is "" when no
// measure with numbers has reported.
func MeasureSummaryText(c *i18n.Catalogue, s content.MeasureSummary) string {
	if s.Year == 0 || s.Of == 0 {
		return ""
	}
	return c.Text("measure.summary-text", "met", s.Met, "count", s.Of, "year", s.Year)
}
