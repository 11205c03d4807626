package content

import (
	"fmt"
	"time"
)

// yearsSpanned lists the plan years (1-based) whose school year, July 1 to
// June 30, overlaps the days from start to end.
func (s Settings) yearsSpanned(start, end Date) []int {
	var out []int
	for y := 1; y <= s.Years; y++ {
		from := time.Date(s.FirstYear+y-1, time.July, 1, 0, 0, 0, 0, time.UTC)
		to := time.Date(s.FirstYear+y, time.June, 30, 0, 0, 0, 0, time.UTC)
		if !end.Time().Before(from) && !start.Time().After(to) {
			out = append(out, y)
		}
	}
	return out
}

// YearLabel names a plan year: "Year 1 (2025–26)".
func (s Settings) YearLabel(y int) string {
	if s.FirstYear == 0 {
		return fmt.Sprintf("Year %d", y)
	}
	start := s.FirstYear + y - 1
	return fmt.Sprintf("Year %d (%d–%02d)", y, start, (start+1)%100)
}
