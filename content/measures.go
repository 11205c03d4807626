package content

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The status of a measure with numbers in one plan year, derived from its
// target and actual value.
const (
	MeasureMet         = "met"          // the actual value reached the target
	MeasureNotMet      = "not-met"      // it did not
	MeasureNotReported = "not-reported" // no actual value for the year yet
	MeasureNoTarget    = "no-target"    // an actual value, but no target for the year
)

// HasNumbers reports whether the measure has numbers to chart: a target for
// at least one year. Measures without one are described in words only.
func (m *Measure) HasNumbers() bool { return len(m.Target) > 0 }

// IsPercent reports whether the measure's numbers are percentages.
func (m *Measure) IsPercent() bool { return strings.TrimSpace(m.Unit) == "%" }

// Reported is the number of plan years with an actual value.
func (m *Measure) Reported() int { return len(m.Actual) }

// TargetFor returns the target of plan year y (1-based), if there is one.
func (m *Measure) TargetFor(y int) (float64, bool) {
	if y < 1 || y > len(m.Target) {
		return 0, false
	}
	return m.Target[y-1], true
}

// ActualFor returns the actual value of plan year y, if it is reported.
func (m *Measure) ActualFor(y int) (float64, bool) {
	if y < 1 || y > len(m.Actual) {
		return 0, false
	}
	return m.Actual[y-1], true
}

// YearStatus derives the measure's status in plan year y: met when the
// actual value is at or above the target (at or below it when lower is
// better), not met otherwise, not reported while the year has no actual
// value. It returns "" for a measure without numbers.
func (m *Measure) YearStatus(y int) string {
	if !m.HasNumbers() {
		return ""
	}
	a, ok := m.ActualFor(y)
	if !ok {
		return MeasureNotReported
	}
	t, ok := m.TargetFor(y)
	if !ok {
		return MeasureNoTarget
	}
	if m.LowerIsBetter && a <= t || !m.LowerIsBetter && a >= t {
		return MeasureMet
	}
	return MeasureNotMet
}

// MeasureSummary counts how a goal's measures with numbers did in the
// latest plan year any of them reported.
type MeasureSummary struct {
	Year int // the latest reported plan year; 0 if none is reported
	Met  int // measures that met their target that year
	Of   int // measures with a target for that year
}

// Summary returns how the goal's measures with numbers did in the latest
// year any of them reported.
func (g *Goal) Summary() MeasureSummary {
	var s MeasureSummary
	for i := range g.Measures {
		s.Year = max(s.Year, g.Measures[i].Reported())
	}
	if s.Year == 0 {
		return s
	}
	for i := range g.Measures {
		m := &g.Measures[i]
		if _, ok := m.TargetFor(s.Year); ok {
			s.Of++
			if m.YearStatus(s.Year) == MeasureMet {
				s.Met++
			}
		}
	}
	return s
}

// numberList writes values as a TOML list, for hints: [50, 60, 70].
func numberList(xs []float64) string { return "[" + numbersText(xs) + "]" }

// checkMeasureNumbers checks the numbers of a goal's measures against the
// plan's years and current year.
func (l *loader) checkMeasureNumbers(doc *tomlDoc, g *Goal) {
	years, current := l.plan.Settings.Years, l.plan.Settings.CurrentYear
	for i := range g.Measures {
		m := &g.Measures[i]
		if !m.HasNumbers() {
			if m.Baseline != nil || len(m.Actual) > 0 {
				doc.src.errorf(doc.at(key("measures", i), true), CodeMissingKey,
					fmt.Sprintf("add `target = [...]` with the target of each of the plan's %d years", years),
					"the measure %q has numbers but no `target`", m.Measure)
			}
			continue
		}
		l.checkPercentages(doc, i, m)
		switch {
		case years > 0 && len(m.Target) > years:
			doc.src.errorf(doc.at(key("measures", i, "target", years), true), CodeOutOfRange,
				fmt.Sprintf("give one target per plan year: `target = %s`", numberList(m.Target[:years])),
				"the measure %q has %d targets, but the plan covers %d years", m.Measure, len(m.Target), years)
		case len(m.Target) < years:
			doc.src.warnf(doc.at(key("measures", i, "target"), true), CodeMissingTargets,
				fmt.Sprintf("add the target for Year %d: `target = %s`", len(m.Target)+1, strings.TrimSuffix(numberList(m.Target), "]")+", …]"), nil,
				"the measure %q has targets for %d of the plan's %d years", m.Measure, len(m.Target), years)
		}
		if current > 0 && len(m.Actual) > current {
			doc.src.errorf(doc.at(key("measures", i, "actual", current), true), CodeFutureActual,
				fmt.Sprintf("give one actual value per year so far, `actual = %s`, or set `current_year = %d` in trellis.toml", numberList(m.Actual[:current]), len(m.Actual)),
				"the measure %q reports %d years, but the plan is in Year %d (current_year = %d)", m.Measure, len(m.Actual), current, current)
		}
	}
}

// checkPercentages checks that a percentage measure's numbers are from 0
// to 100.
func (l *loader) checkPercentages(doc *tomlDoc, i int, m *Measure) {
	if !m.IsPercent() {
		return
	}
	check := func(path string, name string, x float64) {
		if x >= 0 && x <= 100 {
			return
		}
		doc.src.errorf(doc.at(path, true), CodeOutOfRange,
			fmt.Sprintf("a percentage runs from 0 to 100 (53 for 53%%): check %s, or change `unit = \"%%\"` if it is a count", strconv.FormatFloat(x, 'f', -1, 64)),
			"%s %s of the measure %q is not a percentage from 0 to 100", name, strconv.FormatFloat(x, 'f', -1, 64), m.Measure)
	}
	if m.Baseline != nil {
		check(key("measures", i, "baseline"), "the baseline", *m.Baseline)
	}
	for j, x := range m.Target {
		check(key("measures", i, "target", j), fmt.Sprintf("the Year %d target", j+1), x)
	}
	for j, x := range m.Actual {
		check(key("measures", i, "actual", j), fmt.Sprintf("the Year %d actual value", j+1), x)
	}
}

// planYearDates returns the first and last day of plan year y: July 1 to
// June 30.
func (s Settings) planYearDates(y int) (Date, Date) {
	from := dateOf(time.Date(s.FirstYear+y-1, time.July, 1, 0, 0, 0, 0, time.UTC))
	to := dateOf(time.Date(s.FirstYear+y, time.June, 30, 0, 0, 0, 0, time.UTC))
	return from, to
}

// checkUpdates checks that each dated update of a goal's year falls within
// that plan year, and lets the latest update set the year's status.
func (l *loader) checkUpdates(doc *tomlDoc, g *Goal) {
	s := l.plan.Settings
	for i := range g.Years {
		y := &g.Years[i]
		var latest *Update
		for j := range y.Updates {
			u := &y.Updates[j]
			if u.Date.IsZero() {
				continue // missing or unreadable: reported already
			}
			if latest == nil || !u.Date.Before(latest.Date) {
				latest = u
			}
			if y.Year < 1 || y.Year > s.Years {
				continue
			}
			from, to := s.planYearDates(y.Year)
			if u.Date.Before(from) || to.Before(u.Date) {
				hint := fmt.Sprintf("give a date from %s to %s", from, to)
				if in := s.yearsSpanned(u.Date, u.Date); len(in) == 1 {
					hint = fmt.Sprintf("check the date, or move this update to the [[years]] table with `year = %d`", in[0])
				}
				doc.src.warnf(doc.at(key("years", i, "updates", j, "date"), true), CodeUpdateOutsideYear, hint, nil,
					"the update dated %s is outside %s, %s to %s", u.Date, s.YearLabel(y.Year), from.Long(), to.Long())
			}
		}
		if latest != nil && latest.Status != "" {
			y.Status = latest.Status
		}
	}
}
