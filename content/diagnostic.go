package content

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"
)

// Severity says whether a diagnostic stops the build.
type Severity int

const (
	// Error is a problem that must be fixed before the plan can be published.
	Error Severity = iota
	// Warning is a weakness in the plan; it stops the build only with --strict.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalJSON writes the severity as "error" or "warning".
func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// Position is a place in a file. Line and Col start at 1 and are counted in
// the whole file (never relative to the front-matter block); Col counts
// characters, not bytes. Offset and Len are in bytes. The zero Position means
// "the file as a whole".
type Position struct {
	Line   int
	Col    int
	Offset int
	Len    int
}

// IsValid reports whether p points into a file.
func (p Position) IsValid() bool { return p.Line > 0 }

// Diagnostic is one thing a plan author got wrong or could do better: what,
// where, and how to fix it.
type Diagnostic struct {
	File     string // slash-separated, relative to the plan folder
	Pos      Position
	Severity Severity
	Code     Code // one of Codes
	Message  string
	Hint     string
	// Notes are secondary facts, such as the standard a warning comes from.
	Notes []string
	// Source is the text of the offending line, without its line ending.
	Source string
}

// MarshalJSON writes the diagnostic as one flat object: file, line, column,
// severity, code, message, hint, notes, source.
func (d Diagnostic) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		File     string   `json:"file"`
		Line     int      `json:"line"`
		Column   int      `json:"column"`
		Severity Severity `json:"severity"`
		Code     Code     `json:"code"`
		Message  string   `json:"message"`
		Hint     string   `json:"hint,omitempty"`
		Notes    []string `json:"notes,omitempty"`
		Source   string   `json:"source,omitempty"`
	}{d.File, d.Pos.Line, d.Pos.Col, d.Severity, d.Code, d.Message, d.Hint, d.Notes, d.Source})
}

// String returns the one-line form: file:line:col: severity: message.
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s", d.location(), d.Severity, d.Message)
}

// Diagnostics is a list of diagnostics; it sorts by file, then position.
type Diagnostics []Diagnostic

// Sort orders the list by file, line, column, then message, so output is
// the same from run to run.
func (ds Diagnostics) Sort() {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		if a.Severity != b.Severity {
			return a.Severity < b.Severity
		}
		return a.Message < b.Message
	})
}

// Count returns the number of errors and warnings.
func (ds Diagnostics) Count() (errors, warnings int) {
	for _, d := range ds {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool {
	e, _ := ds.Count()
	return e > 0
}

// Prefix returns a copy of ds with dir joined in front of every file name,
// for reports that cover several plans.
func (ds Diagnostics) Prefix(dir string) Diagnostics {
	out := make(Diagnostics, len(ds))
	for i, d := range ds {
		if dir != "" && dir != "." {
			d.File = strings.TrimSuffix(dir, "/") + "/" + d.File
		}
		out[i] = d
	}
	return out
}

// ErrorsFirst returns a copy of ds with every error before every warning,
// each group keeping its order (by file and position once sorted).
func (ds Diagnostics) ErrorsFirst() Diagnostics {
	out := make(Diagnostics, 0, len(ds))
	out = append(out, ds.Errors()...)
	for _, d := range ds {
		if d.Severity == Warning {
			out = append(out, d)
		}
	}
	return out
}

// Errors returns the errors of ds, leaving out the warnings.
func (ds Diagnostics) Errors() Diagnostics {
	var out Diagnostics
	for _, d := range ds {
		if d.Severity == Error {
			out = append(out, d)
		}
	}
	return out
}

// PrintOptions controls how diagnostics are written for people.
type PrintOptions struct {
	Color      bool // ANSI colours; callers turn this off for NO_COLOR and non-terminals
	Max        int  // print at most this many (0: no limit), then a summary line
	ErrorsOnly bool // leave the warnings out (they are still counted)
}

// Print writes the diagnostics in the long, clang-like form: errors first,
// then warnings; each as the one-line message, the source line with a caret
// under the offending text, notes and a hint. A closing summary counts
// errors and warnings and names the place of the first error.
func (ds Diagnostics) Print(w io.Writer, opt PrintOptions) {
	st := style{opt.Color}
	all := ds.ErrorsFirst()
	if opt.ErrorsOnly {
		all = ds.Errors()
	}
	shown := all
	if opt.Max > 0 && len(all) > opt.Max {
		shown = all[:opt.Max]
	}
	for _, d := range shown {
		printOne(w, st, d)
	}
	if len(shown) < len(all) {
		fmt.Fprintf(w, "... and %d more not shown\n", len(all)-len(shown))
	}
	if line := ds.Summary(); line != "" {
		if opt.ErrorsOnly && len(all) < len(ds) {
			line += " (warnings not shown)"
		}
		fmt.Fprintln(w, line)
	}
}

func printOne(w io.Writer, st style, d Diagnostic) {
	sev := st.red("error")
	if d.Severity == Warning {
		sev = st.yellow("warning")
	}
	fmt.Fprintf(w, "%s: %s: %s\n", st.bold(displayLine(d.location())), sev, st.bold(displayText(d.Message, "")))
	if d.Pos.IsValid() && d.Source != "" {
		num := fmt.Sprint(d.Pos.Line)
		gutter := strings.Repeat(" ", len(num))
		line, pos := clipSource(d.Source, d.Pos)
		fmt.Fprintf(w, " %s | %s\n", num, displayLine(line))
		fmt.Fprintf(w, " %s | %s\n", gutter, st.green(caret(line, pos)))
	}
	for _, n := range d.Notes {
		fmt.Fprintf(w, "  %s %s\n", st.bold("note:"), displayText(n, "        "))
	}
	if d.Hint != "" {
		fmt.Fprintf(w, "  %s %s\n", st.cyan("hint:"), displayText(d.Hint, "        "))
	}
}

// location is file:line:col, or the file alone for a whole-file diagnostic.
func (d Diagnostic) location() string {
	if d.Pos.IsValid() {
		return fmt.Sprintf("%s:%d:%d", d.File, d.Pos.Line, d.Pos.Col)
	}
	return d.File
}

// Summary is the closing line of a report: "2 errors and 1 warning; the
// first error is at goals/literacy.md:3:1" (the place is left out when
// there is only the one diagnostic). It is empty for no diagnostics.
func (ds Diagnostics) Summary() string {
	e, wn := ds.Count()
	if e+wn == 0 {
		return ""
	}
	line := summary(e, wn)
	if errs := ds.Errors(); len(errs) > 0 && e+wn > 1 { // one diagnostic is its own place
		line += "; the first error is at " + errs[0].location()
	}
	return line
}

func summary(errors, warnings int) string {
	plural := func(n int, s string) string {
		if n == 1 {
			return fmt.Sprintf("1 %s", s)
		}
		return fmt.Sprintf("%d %ss", n, s)
	}
	switch {
	case errors > 0 && warnings > 0:
		return plural(errors, "error") + " and " + plural(warnings, "warning")
	case errors > 0:
		return plural(errors, "error")
	default:
		return plural(warnings, "warning")
	}
}

// sourceWindow is how many characters of a long source line are shown
// before and after the column a diagnostic points at.
const sourceWindow = 60

// clipSource shortens a long source line to the characters around p's
// column, marking the cuts with "…", and returns p's place in the
// shortened line: a list of a million values on one line is shown as the
// part that matters.
func clipSource(line string, p Position) (string, Position) {
	if len(line) <= 3*sourceWindow {
		return line, p
	}
	start := byteIndexOfCol(line, max(1, p.Col-sourceWindow))
	if start < 0 {
		return line, p
	}
	end, n := start, 0
	for end < len(line) && n < 2*sourceWindow+max(p.Len, 1) {
		_, size := utf8.DecodeRuneInString(line[end:])
		end += size
		n++
	}
	out, col := line[start:end], p.Col-utf8.RuneCountInString(line[:start])
	if start > 0 {
		out, col = "…"+out, col+1
	}
	if end < len(line) {
		out += "…"
	}
	p.Col = col
	return out, p
}

// caret returns the underline for p on its source line: spaces up to the
// column, then one ^ per character of the offending text (at least one),
// each as wide as displayLine shows the character.
func caret(line string, p Position) string {
	var b strings.Builder
	col, n := 1, 0
	end := -1
	if p.Len > 1 {
		end = byteIndexOfCol(line, p.Col) + p.Len
	}
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		w := utf8.RuneCountInString(displayRune(line[i:i+size], r))
		switch {
		case col < p.Col:
			b.WriteString(strings.Repeat(" ", w))
		case col == p.Col || i < end:
			b.WriteString(strings.Repeat("^", w))
			n++
		}
		i += size
		col++
	}
	if n == 0 {
		b.WriteByte('^') // at the end of the line
	}
	return b.String()
}

func byteIndexOfCol(line string, col int) int {
	c := 1
	for i := range line {
		if c == col {
			return i
		}
		c++
	}
	return len(line)
}

// displayLine returns a source line as it is safe to show on a terminal:
// tabs expanded, and control characters, bytes that are not UTF-8 and
// characters that reorder text written as escapes (\x1b, \x93, \u202e),
// so that the file cannot move the cursor, change colours or hide text.
func displayLine(line string) string {
	var b strings.Builder
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		b.WriteString(displayRune(line[i:i+size], r))
		i += size
	}
	return b.String()
}

// displayRune is how displayLine shows one character, written s in the
// line and decoded as r.
func displayRune(s string, r rune) string {
	switch {
	case r == '\t':
		return "    "
	case r == utf8.RuneError && len(s) == 1:
		return fmt.Sprintf("\\x%02x", s[0])
	case r < 0x20 || r == 0x7f:
		return fmt.Sprintf("\\x%02x", r)
	case r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f:
		return fmt.Sprintf("\\u%04x", r)
	}
	return s
}

// displayText is displayLine for a message or hint: it keeps line breaks,
// indenting the lines after the first by indent so that a hint showing
// several lines of a file stays under its label.
func displayText(s, indent string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = displayLine(l)
		if i > 0 && l != "" {
			lines[i] = indent + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

type style struct{ on bool }

func (s style) wrap(code, text string) string {
	if !s.on {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}
func (s style) bold(t string) string   { return s.wrap("1", t) }
func (s style) red(t string) string    { return s.wrap("1;31", t) }
func (s style) yellow(t string) string { return s.wrap("1;33", t) }
func (s style) green(t string) string  { return s.wrap("32", t) }
func (s style) cyan(t string) string   { return s.wrap("36", t) }

// WriteJSON writes the diagnostics as one JSON document for editors and CI:
// {"diagnostics": [...], "errors": N, "warnings": N}, errors first.
func (ds Diagnostics) WriteJSON(w io.Writer) error {
	e, wn := ds.Count()
	list := ds.ErrorsFirst()
	if len(list) == 0 {
		list = Diagnostics{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Diagnostics Diagnostics `json:"diagnostics"`
		Errors      int         `json:"errors"`
		Warnings    int         `json:"warnings"`
	}{list, e, wn})
}
