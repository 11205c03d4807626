package content

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// looseDate is a date written the way people write it on paper, read as
// well as it can be, with a note on how it was read.
type looseDate struct {
	Date    Date
	Reading string // how an ambiguous day and month were read; "" if not ambiguous
}

var (
	slashDate   = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$`)
	isoLike     = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$`)
	wordDate    = regexp.MustCompile(`^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$`)
	dayWordDate = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$`)
)

// readLooseDate reads s as a date in one of the forms people type:
// 08/01/2026, 8/1/2026, 2026-8-1, June 12, 2026, Aug 1, 2026, 12 June 2026.
// A slash date whose day and month could be either way round is read as the
// US writes it, month first, and Reading says so.
func readLooseDate(s string) (looseDate, bool) {
	s = strings.TrimSpace(s)
	if m := isoLike.FindStringSubmatch(s); m != nil {
		return makeDate(atoi(m[1]), atoi(m[2]), atoi(m[3]), "")
	}
	if m := slashDate.FindStringSubmatch(s); m != nil {
		a, b, y := atoi(m[1]), atoi(m[2]), atoi(m[3])
		switch {
		case a > 12 && b <= 12:
			return makeDate(y, b, a, "")
		case a <= 12 && b > 12 || a == b:
			return makeDate(y, a, b, "")
		}
		d, ok := makeDate(y, a, b, "")
		if ok {
			alt := Date{y, time.Month(b), a}
			d.Reading = fmt.Sprintf("read as %s, month first as in the US; for %d %s %d write %s", d.Date.Long(), a, time.Month(b), y, alt)
		}
		return d, ok
	}
	if m := wordDate.FindStringSubmatch(s); m != nil {
		if mo, ok := monthNamed(m[1]); ok {
			return makeDate(atoi(m[3]), int(mo), atoi(m[2]), "")
		}
	}
	if m := dayWordDate.FindStringSubmatch(s); m != nil {
		if mo, ok := monthNamed(m[2]); ok {
			return makeDate(atoi(m[3]), int(mo), atoi(m[1]), "")
		}
	}
	return looseDate{}, false
}

func makeDate(y, m, d int, reading string) (looseDate, bool) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if y < 1 || t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return looseDate{}, false // 2026-02-30 and the like
	}
	return looseDate{Date: dateOf(t), Reading: reading}, true
}

// monthNamed reads a month's name or its abbreviation of three or more
// letters ("Aug", "Sept").
func monthNamed(s string) (time.Month, bool) {
	s = strings.ToLower(s)
	if len(s) < 3 {
		return 0, false
	}
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(strings.ToLower(m.String()), s) {
			return m, true
		}
	}
	if s == "sept" {
		return time.September, true
	}
	return 0, false
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// dateHint is the hint for a date written the wrong way: the corrected
// line with the author's own date when it can be read, and how it was read.
func dateHint(key, written string) string {
	d, ok := readLooseDate(written)
	if !ok {
		return fmt.Sprintf("write the date as year-month-day, without quotes: %s = 2025-08-04", key)
	}
	hint := fmt.Sprintf("write the date as year-month-day, without quotes: %s = %s", key, d.Date)
	if d.Reading != "" {
		hint += " (" + d.Reading + ")"
	}
	return hint
}
