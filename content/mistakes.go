package content

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// A syntax error from the TOML parser says what the parser saw, in its own
// words. The commonest mistakes of people new to TOML are recognised here
// from the line the error stands on, and explained in plain words with the
// corrected line.

// syntaxContext is what the explanations know of the file: its TOML text,
// its model (nil if it has none) and how to turn an offset in the text
// into a line of the whole file.
type syntaxContext struct {
	text   string
	root   reflect.Type
	lineOf func(int) int
}

// mistake is a syntax error explained: where, what, and the fix.
type mistake struct {
	off, n  int // byte range in the TOML text
	code    Code
	message string
	hint    string
}

// assignment is one `key = value` line of a TOML text.
type assignment struct {
	key      string // the last part of a dotted key, unquoted
	value    string // the raw value, up to the end of the line
	valueOff int    // where the value starts in the TOML text
	lineOff  int    // where the line starts
	lineEnd  int    // where the line ends, before its line feed
}

var keyLine = regexp.MustCompile(`^\s*([A-Za-z0-9_."' -]+?)\s*=\s*`)

// assignmentAt returns the `key = value` line that holds byte off.
func assignmentAt(text string, off int) (assignment, bool) {
	off = max(0, min(off, len(text)))
	start := strings.LastIndexByte(text[:off], '\n') + 1
	end := len(text)
	if i := strings.IndexByte(text[start:], '\n'); i >= 0 {
		end = start + i
	}
	line := strings.TrimRight(text[start:end], "\r")
	m := keyLine.FindStringSubmatchIndex(line)
	if m == nil {
		return assignment{lineOff: start, lineEnd: end}, false
	}
	key := line[m[2]:m[3]]
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		key = key[i+1:]
	}
	key = strings.Trim(strings.TrimSpace(key), `"'`)
	value := strings.TrimRight(line[m[1]:], " \t")
	return assignment{key: key, value: value, valueOff: start + m[1], lineOff: start, lineEnd: end}, true
}

// explainSyntax returns the plain explanation of a TOML syntax error, or
// false when the mistake is not one it knows.
func explainSyntax(cx syntaxContext, pe toml.ParseError) (mistake, bool) {
	text := cx.text
	off := pe.Position.Start
	if off <= 0 || off > len(text) {
		off = lineStart(text, pe.Position.Line)
	}
	if strings.Contains(pe.Message, "already been defined") || strings.Contains(pe.Message, "already exists") || strings.Contains(pe.Message, "already created") {
		return explainRepeat(cx, off)
	}
	a, ok := assignmentAt(text, off)
	if !ok {
		// A line of a list over several lines.
		line := text[a.lineOff:a.lineEnd]
		a.value = strings.TrimSpace(line)
		a.valueOff = a.lineOff + strings.Index(line, a.value)
	}
	explanations := []func(syntaxContext, assignment) (mistake, bool){explainCurly, explainUnclosedBlock(pe), explainYAMLLine}
	if ok && a.value != "" {
		explanations = append(explanations, explainString, explainBare)
	} else if !ok {
		explanations = append(explanations, explainListItem)
	}
	for _, explain := range explanations {
		if m, ok := explain(cx, a); ok {
			return m, true
		}
	}
	return mistake{}, false
}

// explainRepeat explains a key or a [table] given twice, and a [[list]]
// of tables whose first table was written [list].
func explainRepeat(cx syntaxContext, off int) (mistake, bool) {
	text, lineOf := cx.text, cx.lineOf
	a, ok := assignmentAt(text, off)
	line := strings.TrimSpace(text[a.lineOff:a.lineEnd])
	if !ok && strings.HasPrefix(line, "[[") {
		return explainTableThenList(cx, a.lineOff, line)
	}
	if !ok {
		if !strings.HasPrefix(line, "[") {
			return mistake{}, false
		}
		name := strings.TrimSpace(strings.Trim(line, "[]"))
		first := headerAt(text, name)
		return mistake{off: a.lineOff + strings.Index(text[a.lineOff:], "["), n: len(line), code: CodeDuplicateKey,
			message: fmt.Sprintf("`[%s]` is given twice%s, and `[%s]` with one pair of brackets is a single table", name, onLine(first, a.lineOff, lineOf), name),
			hint:    fmt.Sprintf("for a list of %s, start each one with `[[%s]]` (two brackets), the first one too", name, name)}, true
	}
	first := -1
	for pos := a.lineOff; pos > 0; {
		prev := strings.LastIndexByte(text[:pos-1], '\n') + 1
		l := strings.TrimSpace(text[prev : pos-1])
		if strings.HasPrefix(l, "[") {
			break
		}
		if b, ok := assignmentAt(text, prev); ok && b.key == a.key {
			first = prev
		}
		pos = prev
	}
	keyOff := a.lineOff + strings.Index(text[a.lineOff:a.lineEnd], strings.TrimSpace(text[a.lineOff:a.lineEnd])[:1])
	return mistake{off: keyOff, n: len(a.key), code: CodeDuplicateKey,
		message: fmt.Sprintf("`%s` is given twice in the same table%s", a.key, onLine(first, a.lineOff, lineOf)),
		hint:    fmt.Sprintf("keep one `%s = ...` line and delete the other", a.key)}, true
}

// explainTableThenList explains a [[list]] header after a [list] table of
// the same name, at the [list] header that needs its second brackets.
func explainTableThenList(cx syntaxContext, here int, header string) (mistake, bool) {
	name := strings.TrimSpace(strings.Trim(header, "[]"))
	first := headerAt(cx.text, name)
	if first < 0 || first > here {
		return mistake{}, false
	}
	off := first + strings.IndexByte(cx.text[first:], '[')
	return mistake{off: off, n: len("[" + name + "]"), code: CodeDuplicateKey,
		message: fmt.Sprintf("`[%s]` with one pair of brackets is a single table, so the `[[%s]]` on line %d cannot add to a list", name, name, cx.lineOf(here)),
		hint:    fmt.Sprintf("write this one as `[[%s]]` too (two brackets): each table of a list starts with `[[%s]]`", name, name)}, true
}

// headerAt returns the offset of the line of the first [name] header (one
// pair of brackets) in text, or -1.
func headerAt(text, name string) int {
	if !utf8.ValidString(name) {
		return -1 // not from a file the loader reads: it checks UTF-8 first
	}
	re := regexp.MustCompile(`(?m)^[ \t]*\[[ \t]*` + regexp.QuoteMeta(name) + `[ \t]*\][ \t]*(#.*)?\r?$`)
	if loc := re.FindStringIndex(text); loc != nil {
		return loc[0]
	}
	return -1
}

// onLine says where the first of two is, if it is known and not here.
func onLine(first, here int, lineOf func(int) int) string {
	if first < 0 || first >= here {
		return ""
	}
	return fmt.Sprintf(" (first on line %d)", lineOf(first))
}

// explainCurly explains a value in curly quotes pasted from a word
// processor.
func explainCurly(_ syntaxContext, a assignment) (mistake, bool) {
	v := a.value
	i := strings.IndexAny(v, "“”„")
	if strings.HasPrefix(v, "‘") || strings.HasPrefix(v, "’") {
		i = 0
		v = `"` + strings.TrimRight(v[len("‘"):], "‘’") + `"`
	}
	if i < 0 {
		return mistake{}, false
	}
	fixed := strings.NewReplacer("“", `"`, "”", `"`, "„", `"`).Replace(v)
	if strings.HasPrefix(fixed, `"`) && strings.HasSuffix(fixed, `"`) && len(fixed) > 1 {
		// Straight quotes inside curly ones become escaped quotes.
		fixed = `"` + strings.ReplaceAll(fixed[1:len(fixed)-1], `"`, `\"`) + `"`
	}
	if a.key != "" {
		fixed = a.key + " = " + fixed
	}
	return mistake{off: a.valueOff + i, n: len("“"), code: CodeCurlyQuotes,
		message: "the value is in curly quotes (“ ” or ‘ ’), which TOML does not read as quotes; word processors put them in",
		hint:    "type straight quotes: " + fixed}, true
}

// explainString explains a text in quotes that does not end where it
// should: quotes inside it, no closing quote, or several lines.
func explainString(cx syntaxContext, a assignment) (mistake, bool) {
	v := a.value
	q := v[0]
	if q != '"' && q != '\'' || strings.HasPrefix(v, strings.Repeat(v[:1], 3)) {
		return mistake{}, false
	}
	end := closingQuote(v)
	if end < 0 {
		return explainUnclosed(cx.text, a)
	}
	rest := strings.TrimSpace(v[end+1:])
	last := strings.LastIndexByte(v, q)
	if rest == "" || strings.HasPrefix(rest, "#") || last == end {
		return mistake{}, false
	}
	m := mistake{off: a.valueOff + end, n: 1, code: CodeUnescapedQuote}
	if q == '\'' {
		inner := v[1:last]
		m.message = fmt.Sprintf("the text of `%s` is in single quotes and has an apostrophe inside it, which ends the text", a.key)
		m.hint = fmt.Sprintf("put the text in double quotes: %s = \"%s\"", a.key, strings.ReplaceAll(inner, `"`, `\"`))
		return m, true
	}
	inner := strings.ReplaceAll(v[1:last], `\"`, `"`)
	m.message = fmt.Sprintf("the text of `%s` has quotes inside it, and the first of them ends the text", a.key)
	m.hint = fmt.Sprintf(`write each quote inside the text as \": %s = "%s"`, a.key, strings.ReplaceAll(inner, `"`, `\"`))
	if !strings.Contains(inner, "'") {
		m.hint += fmt.Sprintf(", or put the text in single quotes: %s = '%s'", a.key, inner)
	}
	return m, true
}

// closingQuote returns the index of the quote that closes the string at
// the start of v (a basic string in double quotes, where \ escapes, or a
// literal string in single quotes), or -1.
func closingQuote(v string) int {
	q := v[0]
	for j := 1; j < len(v); j++ {
		switch {
		case v[j] == '\\' && q == '"':
			j++
		case v[j] == q:
			return j
		}
	}
	return -1
}

var nextItem = regexp.MustCompile(`^\s*(\[|[A-Za-z0-9_."'-]+\s*=)`)

// explainUnclosed explains a text with no closing quote on its line: a
// paragraph of several lines if a later line closes it, otherwise a
// missing quote. Both are reported where the text starts.
func explainUnclosed(text string, a assignment) (mistake, bool) {
	q := a.value[:1]
	lines := []string{a.value[1:]}
	closed := false
	for pos := a.lineEnd + 1; pos < len(text) && !closed; {
		l, next := lineFrom(text, pos)
		l = strings.TrimRight(l, "\r")
		if nextItem.MatchString(l) {
			break
		}
		if t := strings.TrimRight(l, " \t"); strings.HasSuffix(t, q) && !(q == `"` && strings.HasSuffix(t, `\"`)) {
			l, closed = strings.TrimSuffix(t, q), true
		}
		lines = append(lines, l)
		pos = next
	}
	if !closed {
		return mistake{off: a.valueOff, n: 1, code: CodeUnclosedString,
			message: fmt.Sprintf("the text of `%s` that starts here has no closing quote", a.key),
			hint:    fmt.Sprintf("end the text with a quote on the same line: %s = %s%s", a.key, a.value, q)}, true
	}
	if len(lines) > 6 {
		lines = append(append(lines[:3:3], "..."), lines[len(lines)-1])
	}
	triple := strings.Repeat(q, 3)
	block := fmt.Sprintf("%s = %s\n%s\n%s", a.key, triple, strings.Join(lines, "\n"), triple)
	return mistake{off: a.valueOff, n: 1, code: CodeMultiLineText,
		message: fmt.Sprintf("the text of `%s` runs over several lines, but text in \"quotes\" must stay on one line", a.key),
		hint:    "put text of several lines between triple quotes:\n" + block}, true
}

// explainUnclosedBlock returns the explanation of a text in triple quotes,
// or a list, that is never closed, where it starts rather than where TOML
// noticed (the end of the file, or the next key).
func explainUnclosedBlock(pe toml.ParseError) func(syntaxContext, assignment) (mistake, bool) {
	return func(cx syntaxContext, here assignment) (mistake, bool) {
		text := cx.text
		for _, triple := range []string{`"""`, "'''"} {
			if !strings.Contains(pe.Message, "EOF; expected") || !strings.Contains(pe.Message, triple) || strings.Count(text, triple)%2 == 0 {
				continue
			}
			open := strings.LastIndex(text, triple)
			a, _ := assignmentAt(text, open)
			return mistake{off: open, n: len(triple), code: CodeUnclosedString,
				message: fmt.Sprintf("the text of `%s` that starts here with %s is never closed", a.key, triple),
				hint:    fmt.Sprintf("end the text with a line %s after its last line", triple)}, true
		}
		if !strings.Contains(pe.Message, "array terminator (']')") && !strings.Contains(pe.Message, "expected value") {
			return mistake{}, false
		}
		return explainUnclosedList(text, here)
	}
}

// explainUnclosedList finds the `key = [` above the line here whose list
// is still open, and explains it.
func explainUnclosedList(text string, here assignment) (mistake, bool) {
	for pos := here.lineOff; ; {
		a, ok := assignmentAt(text, pos)
		closed := a.lineOff == here.lineOff && strings.Contains(text[a.lineOff:a.lineEnd], "]") ||
			a.lineOff < here.lineOff && strings.Contains(text[a.lineOff:here.lineOff], "]")
		if ok && strings.HasPrefix(a.value, "[") && !closed {
			hint := fmt.Sprintf("end the list with ] after its last item: %s = %s]", a.key, strings.TrimRight(a.value, ", "))
			items := strings.TrimSpace(text[min(a.lineEnd+1, here.lineOff):here.lineOff])
			if items != "" || strings.TrimSpace(a.value) == "[" {
				hint = "end the list with a line ] after its last item"
			}
			return mistake{off: a.valueOff, n: 1, code: CodeUnclosedList,
				message: fmt.Sprintf("the list of `%s` that starts here has no closing ]", a.key), hint: hint}, true
		}
		if ok && a.lineOff != here.lineOff || a.lineOff == 0 || closed {
			return mistake{}, false
		}
		pos = a.lineOff - 1
	}
}

// explainYAMLLine explains a `key: value` line, written as YAML.
func explainYAMLLine(_ syntaxContext, a assignment) (mistake, bool) {
	m := yamlKey.FindStringSubmatch(a.value)
	if m == nil || a.key != "" || m[2] == "" {
		return mistake{}, false
	}
	return mistake{off: a.valueOff, n: len(a.value), code: CodeYAMLSyntax,
		message: fmt.Sprintf("`%s` is written as YAML (key: value); TOML joins a key and its value with =", a.value),
		hint:    fmt.Sprintf("write it as %s = %s", m[1], yamlValue(m[2]))}, true
}

// explainBare explains a value written without quotes that TOML cannot
// read: a date, a number or a yes/no written as on paper, a rating label,
// or text.
// unpaddedDate matches a date in year-month-day order with a one-digit month
// or day (2026-8-1).
var unpaddedDate = regexp.MustCompile(`^\d{4}-\d{1,2}-\d{1,2}$`)

func explainBare(cx syntaxContext, a assignment) (mistake, bool) {
	v := a.value
	if strings.ContainsAny(v[:1], `"'[{`) {
		return mistake{}, false
	}
	if i := strings.Index(v, " #"); i >= 0 {
		v = strings.TrimSpace(v[:i])
	}
	m := mistake{off: a.valueOff, n: len(v)}
	kind := keyKind(a.key, cx.root)
	_, isDate := readLooseDate(v)
	num, isNum := plainNumber(v)
	yes, isBool := yesNo(v)
	_, isLabel := ratingOf(v)
	switch {
	case a.key == "rating" && isLabel:
		m.code, m.hint = CodeWrongType, ratingHint(v)
		m.message = fmt.Sprintf("`%s` is a label of the rating scale; a rating is written as its number", v)
	case kind == kindDate || kind == kindUnknown && isDate:
		m.code, m.hint = CodeDateFormat, dateHint(a.key, v)
		m.message = fmt.Sprintf("`%s` is not a date TOML can read: dates are written year-month-day", v)
		if unpaddedDate.MatchString(v) {
			m.message = fmt.Sprintf("`%s` is not a date TOML can read: the month and the day need two digits each", v)
		}
	case isNum && (kind == kindNumber || kind == kindUnknown):
		m.code, m.hint = CodeNumberFormat, fmt.Sprintf("write the number with digits only: %s = %s", a.key, num)
		m.message = fmt.Sprintf("`%s` is not a number TOML can read: numbers are written without commas, $, %% or k", v)
	case isBool && (kind == kindBool || kind == kindUnknown):
		m.code, m.hint = CodeTrueFalse, fmt.Sprintf("write %s = %t", a.key, yes)
		m.message = fmt.Sprintf("`%s` is not a value TOML knows: write true or false, in lower case", v)
	case kind == kindList:
		m.code, m.hint = CodeMissingQuotes, fmt.Sprintf("put the text in quotes, in a list: %s = [%s]", a.key, strconv.Quote(v))
		m.message = fmt.Sprintf("the text `%s` needs quotes around it", v)
	case kind == kindText || kind == kindUnknown:
		m.code, m.hint = CodeMissingQuotes, fmt.Sprintf("put the text in quotes: %s = %s", a.key, strconv.Quote(v))
		m.message = fmt.Sprintf("the text `%s` needs quotes around it", v)
	default:
		return mistake{}, false
	}
	return m, true
}
