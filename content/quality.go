package content

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Plan-quality checks: weaknesses a reviewer would point out, each tied to
// the standard that describes it (see the [[checks]] of a standards set).

// minSpanDays is the shortest span of dates, follow-up included, that counts
// as learning sustained over time.
const minSpanDays = 14

// checkSpan warns about an activity whose dates, follow-up included, span
// less than two weeks, and about dates outside the plan's years. An activity
// with no follow-up at all already has a one-shot warning.
func (l *loader) checkSpan(doc *tomlDoc, a *Activity) {
	d := a.Duration
	if d.Start == nil || d.End == nil || d.Start.IsZero() || d.End.IsZero() || d.End.Before(*d.Start) { // zero: not read, already reported
		return
	}
	if days := int(d.End.Time().Sub(d.Start.Time())/(24*time.Hour)) + 1; a.FollowUp != nil && days < minSpanDays {
		doc.src.warnf(doc.at(key("duration", "end"), true), CodeShortActivity,
			"spread the follow-up over the months after (coaching cycles, observations, team meetings) and set `end` to its last day",
			l.citation(CodeShortActivity), "activity %q runs %s, from %s to %s, so its follow-up is not spread over time", a.ID, countOf(days, "day"), d.Start, d.End)
	}
	s := l.plan.Settings
	if s.FirstYear == 0 || s.Years == 0 {
		return
	}
	// Learning for Year 1 often starts in the summer before it.
	first := Date{s.FirstYear, time.June, 1}
	last := Date{s.FirstYear + s.Years, time.June, 30}
	span := func() string { // the hint, written only when needed
		return fmt.Sprintf("the plan's years run from %s to %s, with the summer before from %s (trellis.toml: first_year = %d, years = %d); check the date",
			Date{s.FirstYear, time.July, 1}.Long(), last.Long(), first.Long(), s.FirstYear, s.Years)
	}
	switch {
	case d.Start.Before(first):
		doc.src.warnf(doc.at(key("duration", "start"), true), CodeOutsidePlanYears, span(),
			l.citation(CodeOutsidePlanYears), "activity %q starts on %s, before the plan's first year (and the summer before it)", a.ID, d.Start)
	case last.Before(*d.End):
		doc.src.warnf(doc.at(key("duration", "end"), true), CodeOutsidePlanYears, span(),
			l.citation(CodeOutsidePlanYears), "activity %q ends on %s, after the plan's last year ends", a.ID, d.End)
	}
}

// checkMeasures warns about a goal whose every measure is taken once a year
// or less: progress cannot be checked, nor learning adjusted, during the year.
func (l *loader) checkMeasures(doc *tomlDoc, g *Goal) {
	if len(g.Measures) == 0 || doc.src.hasErrors() {
		return
	}
	var freqs []string
	for _, m := range g.Measures {
		if !onceAYear(m.Frequency) {
			return
		}
		freqs = append(freqs, fmt.Sprintf("%q", m.Frequency))
	}
	doc.src.warnf(doc.at(key("measures"), true), CodeMeasuredOnce,
		"add a measure taken during the year, such as `frequency = \"Three times a year\"` for a benchmark assessment",
		l.citation(CodeMeasuredOnce), "goal %q measures success only once a year (%s)", g.ID, strings.Join(freqs, ", "))
}

var (
	moreOften = regexp.MustCompile(`twice|times|semester|quarter|month|week|daily|trimester|term|marking period|ongoing|monitor|cycle|\band\b`)
	yearly    = regexp.MustCompile(`annual|once a year|once per year|yearly|each year|every year|per year|end of (the )?(school )?year|end-of-year`)
	season    = regexp.MustCompile(`^(each |every |in the |in )?(spring|fall|autumn|winter|summer)$`)
)

// onceAYear reports whether a measure's frequency, in words, says it is
// taken once a year (or less). Wording it does not recognize counts as more
// often, so that the warning is never given by mistake.
func onceAYear(freq string) bool {
	f := strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(freq), ".")))
	if moreOften.MatchString(f) {
		return false
	}
	return yearly.MatchString(f) || season.MatchString(f)
}

// studentWords are the words by which evidence cites student data; a
// digit before "st grade" (1st grade) and after "grade " (grade 3) count
// too (see citesStudentData).
var studentWords = []string{"student", "learner", "pupil", "child", "assessment", "test", "exam", "score", "proficien", "achievement", "attendance", "absen", "graduat", "dropout", "grades", "gpa", "discipline", "suspension", "referral", "screener", "benchmark", "dibels", "i-ready", "iready", "reading level", "kindergarten", "grade-level", "%", "percent"}

// citesStudentData reports whether lower-case evidence names student data.
// It is a loop over words rather than a regular expression, which took a
// noticeable share of loading a portal.
func citesStudentData(e string) bool {
	for _, w := range studentWords {
		if strings.Contains(e, w) {
			return true
		}
	}
	for i := 0; i < len(e); i++ {
		if !isDigit(e[i]) {
			continue
		}
		if strings.HasSuffix(e[:i], "grade ") {
			return true
		}
		if rest := e[i+1:]; len(rest) >= 2 && strings.HasPrefix(rest[2:], " grade") {
			switch rest[:2] {
			case "st", "nd", "rd", "th":
				return true
			}
		}
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// checkEvidence warns about a goal whose evidence cites no student data.
func (l *loader) checkEvidence(doc *tomlDoc, g *Goal) {
	if len(g.Evidence) == 0 || doc.src.hasErrors() {
		return // missing, empty or partly read: reported already
	}
	for _, e := range g.Evidence {
		if citesStudentData(strings.ToLower(e)) {
			return
		}
	}
	doc.src.warnf(doc.at(key("evidence"), true), CodeNoStudentData,
		"add the student data behind the goal, such as \"Grade 3 state reading assessment, spring 2025: 41% proficient\"",
		l.citation(CodeNoStudentData), "goal %q cites no student data in its evidence", g.ID)
}

func countOf(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// hasErrors reports whether an error has been reported about the file.
func (s *source) hasErrors() bool {
	for _, d := range *s.diags {
		if d.File == s.name && d.Severity == Error {
			return true
		}
	}
	return false
}
