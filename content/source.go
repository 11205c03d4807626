package content

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// source is one file's text, able to turn byte offsets into positions and
// to collect diagnostics about itself.
type source struct {
	name     string // slash path relative to the plan folder
	text     string
	lines    []int // byte offset where each line starts, once asked for (see lineStarts)
	diags    *Diagnostics
	errors   int      // errors added
	warnings int      // warnings added
	last     Position // the last position pos made, before the BOM's correction
}

// maxFileDiagnostics is how many diagnostics one file gets before the rest
// are summed up in one: a list of two million wrong values is one mistake
// made many times, and each diagnostic shows its whole line.
const maxFileDiagnostics = 100

func newSource(name, text string, diags *Diagnostics) *source {
	return &source{name: name, text: text, diags: diags}
}

// lineStarts returns the byte offset where each line starts. Most files
// never need it: it is found when a position or a line is first asked for.
func (s *source) lineStarts() []int {
	if s.lines != nil {
		return s.lines
	}
	s.lines = []int{0}
	for i := 0; i < len(s.text); i++ {
		// A line ends at a line feed, or at a carriage return that no line
		// feed follows (old Mac line endings).
		if c := s.text[i]; c == '\n' || c == '\r' && (i+1 == len(s.text) || s.text[i+1] != '\n') {
			s.lines = append(s.lines, i+1)
		}
	}
	return s.lines
}

// pos returns the position of the byte range [off, off+n).
func (s *source) pos(off, n int) Position {
	off = max(0, min(off, len(s.text)))
	line, start := 1, 0
	if s.lines != nil || strings.ContainsAny(s.text[:off], "\n\r") { // not on the first line
		lines := s.lineStarts()
		line = sort.Search(len(lines), func(i int) bool { return lines[i] > off }) // first line after
		start = lines[line-1]
	}
	// Count from the last position asked for when it is earlier on the
	// same line, so that the values of one long line (a list of a million
	// numbers) are placed in linear time, not quadratic.
	from, col := start, 1
	if s.last.Line == line && s.last.Offset <= off {
		from, col = s.last.Offset, s.last.Col
	}
	col += utf8.RuneCountInString(s.text[from:off])
	s.last = Position{Line: line, Col: col, Offset: off}
	if line == 1 && strings.HasPrefix(s.text, "\uFEFF") && off > 0 {
		col-- // editors do not show the byte-order mark
	}
	return Position{Line: line, Col: col, Offset: off, Len: n}
}

// line returns the line of byte offset off, as pos does; on a text
// without carriage returns, and before lineStarts is needed, it counts
// the line feeds before off instead.
func (s *source) line(off int) int {
	off = max(0, min(off, len(s.text)))
	if s.lines == nil && !strings.Contains(s.text, "\r") {
		return 1 + strings.Count(s.text[:off], "\n")
	}
	return s.pos(off, 0).Line
}

// lineAt returns line n (1-based) without its line ending.
func (s *source) lineAt(n int) string {
	lines := s.lineStarts()
	if n < 1 || n > len(lines) {
		return ""
	}
	start := lines[n-1]
	end := len(s.text)
	if n < len(lines) {
		end = lines[n] - 1
	}
	return strings.TrimPrefix(strings.TrimRight(s.text[start:end], "\r"), "\uFEFF")
}

// full reports whether the file has had all the errors it is shown, so
// that the decoder can stop looking for more. Warnings past the limit are
// counted, not shown, and do not stop it: a warning past them must not
// hide an error.
func (s *source) full() bool { return s.errors > maxFileDiagnostics }

func (s *source) add(d Diagnostic) {
	n, what := &s.errors, "problems"
	if d.Severity == Warning {
		n, what = &s.warnings, "warnings"
	}
	*n++
	switch {
	case *n == maxFileDiagnostics+1:
		hint := "fix those, then run `trellis check` again"
		if d.Severity == Warning {
			hint = "warnings do not stop the build; fix those shown to see the others"
		}
		d = Diagnostic{Severity: d.Severity, Code: CodeTooManyProblems, Message: fmt.Sprintf("more than %d %s in this file; only the first %d are shown", maxFileDiagnostics, what, maxFileDiagnostics),
			Hint: hint}
	case *n > maxFileDiagnostics:
		return
	}
	d.File = s.name
	if d.Pos.IsValid() && d.Source == "" {
		d.Source = s.lineAt(d.Pos.Line)
	}
	*s.diags = append(*s.diags, d)
}

func (s *source) errorf(p Position, code Code, hint, format string, args ...any) {
	s.add(Diagnostic{Pos: p, Severity: Error, Code: code, Hint: hint, Message: fmt.Sprintf(format, args...)})
}

func (s *source) warnf(p Position, code Code, hint string, notes []string, format string, args ...any) {
	s.add(Diagnostic{Pos: p, Severity: Warning, Code: code, Hint: hint, Notes: notes, Message: fmt.Sprintf(format, args...)})
}
