package generator

import (
	"fmt"
	"html/template"
	"strconv"
	"time"

	"github.com/trellis-pl/trellis/content"
)

// now is the clock that places the timeline's "today" marker and dates
// the accessibility statement when the plan gives no date. Tests set it.
var now = time.Now

// TimelineView is the timeline page's chart: the plan's school years,
// month ticks, today and one row per activity, positioned in percent of
// the plan's length (1 July of the first year to 1 July after the last).
type TimelineView struct {
	Years  []TimelineSpan // one per school year
	Months []TimelineTick // the first day of each month
	Today  *TimelineTick  // nil when today is outside the plan
	Rows   []TimelineRow
}

// TimelineSpan is a school year on the timeline.
type TimelineSpan struct {
	Left, Width float64
	Label       string // "Year 1 (2025–26)"
	Short       string // "2025–26", for narrow screens
}

// Style positions the span.
func (s TimelineSpan) Style() template.CSS { return position(s.Left, s.Width) }

// TimelineTick is a point on the timeline: a month's first day or today.
type TimelineTick struct {
	Left    float64
	Label   string // "Sep", "Jan 2026"; today: "Today, 2 December 2026"
	Quarter bool   // January, April, July or October
	Year    bool   // January: the calendar year starts
}

// Style positions the tick.
func (t TimelineTick) Style() template.CSS { return template.CSS("left: " + percent(t.Left)) }

// TimelineRow is one activity on the timeline.
type TimelineRow struct {
	Activity *ActivityView
	InYear   []bool // one per plan year
	Bars     []Bar
	// Start and End are the dates the bars span, nil when the activity
	// gives none and the bars are its plan years.
	Start, End *content.Date
	// FollowUp is the follow-up's first day, when the plan gives it.
	FollowUp *content.Date
}

// Bar kinds.
const (
	BarDates    = "dates"     // the activity's start to end date
	BarYears    = "years"     // a plan year the activity runs in, without dates
	BarInitial  = "initial"   // start date to the day before the follow-up
	BarFollowUp = "follow-up" // the follow-up's start date to the end date
)

// Bar is a span of the timeline, in percent of the plan's length.
type Bar struct {
	Left, Width float64
	Kind        string
}

// Style positions the bar.
func (b Bar) Style() template.CSS { return position(b.Left, b.Width) }

func position(left, width float64) template.CSS {
	return template.CSS("left: " + percent(left) + "; width: " + percent(width))
}

// percent writes x as fmt's "%.2f%%" does.
func percent(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) + "%" }

// timelineScale maps dates to percent of the plan's length.
type timelineScale struct{ start, end time.Time }

func (sc timelineScale) pct(t time.Time) float64 {
	x := t.Sub(sc.start).Hours() / sc.end.Sub(sc.start).Hours() * 100
	return max(0, min(100, x))
}

// Timeline places each activity on the plan's school years: by its dates
// when it has them, by its plan years otherwise.
func (s *Site) Timeline() *TimelineView {
	set := s.Plan.Settings
	sc := timelineScale{
		start: time.Date(set.FirstYear, time.July, 1, 0, 0, 0, 0, time.UTC),
		end:   time.Date(set.FirstYear+set.Years, time.July, 1, 0, 0, 0, 0, time.UTC),
	}
	v := &TimelineView{}
	for i, y := range s.Years {
		l := sc.pct(sc.start.AddDate(i, 0, 0))
		first := set.FirstYear + i
		v.Years = append(v.Years, TimelineSpan{l, sc.pct(sc.start.AddDate(i+1, 0, 0)) - l, y.Label, fmt.Sprintf("%d–%02d", first, (first+1)%100)})
	}
	for m := sc.start; m.Before(sc.end); m = m.AddDate(0, 1, 0) {
		label := s.text.MonthShort(m.Month())
		if m.Month() == time.January {
			label = s.text.MonthYear(m.Year(), m.Month())
		}
		v.Months = append(v.Months, TimelineTick{Left: sc.pct(m), Label: label, Quarter: (m.Month()-1)%3 == 0, Year: m.Month() == time.January})
	}
	today := now().UTC()
	if d := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC); !d.Before(sc.start) && d.Before(sc.end) {
		v.Today = &TimelineTick{Left: sc.pct(d.Add(12 * time.Hour)), Label: s.tr("timeline.today-on", "date", s.text.Date(d.Year(), d.Month(), d.Day()))}
	}
	for _, a := range s.Activities {
		v.Rows = append(v.Rows, s.timelineRow(sc, a))
	}
	return v
}

// timelineRow places one activity.
func (s *Site) timelineRow(sc timelineScale, a *ActivityView) TimelineRow {
	row := TimelineRow{Activity: a, InYear: make([]bool, len(s.Years))}
	for _, y := range a.Years {
		if y >= 1 && y <= len(row.InYear) {
			row.InYear[y-1] = true
		}
	}
	d := a.Duration
	if d.Start == nil {
		w := 100 / float64(max(len(s.Years), 1))
		for i, in := range row.InYear {
			if in {
				row.Bars = append(row.Bars, Bar{float64(i) * w, w, BarYears})
			}
		}
		return row
	}
	last := *d.Start
	if d.End != nil {
		last = *d.End
	}
	row.Start, row.End = d.Start, &last
	l, r := sc.pct(d.Start.Time()), sc.pct(last.Time().AddDate(0, 0, 1))
	if f := d.FollowUpStart; f != nil && a.FollowUp != nil && d.Start.Before(*f) && !last.Before(*f) {
		row.FollowUp = f
		m := sc.pct(f.Time())
		row.Bars = append(row.Bars, Bar{l, m - l, BarInitial}, Bar{m, r - m, BarFollowUp})
		return row
	}
	if r > l {
		row.Bars = append(row.Bars, Bar{l, r - l, BarDates})
	}
	return row
}

// HasFollowUp reports whether any bar shows a follow-up apart from its
// initial activity, for the chart's key.
func (v *TimelineView) HasFollowUp() bool { return v.hasBar(BarFollowUp) }

// HasDates reports whether any bar spans an activity's dates whole.
func (v *TimelineView) HasDates() bool { return v.hasBar(BarDates) }

// HasYears reports whether any activity is placed by plan years only.
func (v *TimelineView) HasYears() bool { return v.hasBar(BarYears) }

func (v *TimelineView) hasBar(kind string) bool {
	for _, r := range v.Rows {
		for _, b := range r.Bars {
			if b.Kind == kind {
				return true
			}
		}
	}
	return false
}
