// Package quicktoml decodes the plain TOML that plan files and message
// catalogues are made of into the values github.com/BurntSushi/toml's Decode gives for a
// map[string]any, several times faster. It is a fast path, not a parser
// of its own: on anything it does not handle, and on anything that could
// be a mistake, it gives up (ok is false), and the caller decodes the text
// with BurntSushi/toml, whose messages say what is wrong. FuzzDecode holds
// it to that: whatever it accepts, BurntSushi/toml accepts, with the same
// values.
//
// It reads: bare and quoted keys, dotted keys, [tables] and [[arrays of
// tables]], basic and literal strings (one line or several), decimal
// integers, decimal floats, booleans, local dates (2026-08-01), arrays,
// and inline tables on one line. It leaves to BurntSushi/toml: other
// dates and times, hexadecimal, octal and binary numbers, underscores in
// numbers, inf and nan, the escapes of TOML 1.1, and any table defined
// twice or reopened in a way the format might refuse.
package quicktoml

import (
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Decode decodes a TOML document, or reports that it did not (ok false):
// the caller then decodes it with BurntSushi/toml.
func Decode(src string) (m map[string]any, ok bool) {
	if !utf8.ValidString(src) {
		return nil, false
	}
	p := &parser{s: src, root: map[string]any{}, kinds: map[uintptr]kind{}}
	p.cur = p.root
	defer func() {
		if r := recover(); r != nil {
			if _, bail := r.(giveUp); !bail {
				panic(r)
			}
			m, ok = nil, false
		}
	}()
	p.document()
	return p.root, true
}

// giveUp is the panic that unwinds the parser when it leaves the text to
// BurntSushi/toml.
type giveUp struct{}

func bail() { panic(giveUp{}) }

// kind is how a table came to be, which decides what may add to it.
type kind uint8

const (
	implicit kind = iota + 1 // named as the prefix of a [header]
	explicit                 // by its own [header] or [[header]]
	dotted                   // by a dotted key, such as a.b = 1
	inline                   // an inline table: closed once written
)

type parser struct {
	s     string
	i     int
	root  map[string]any
	cur   map[string]any   // the table that key/value pairs go into
	kinds map[uintptr]kind // every table made, by its identity
}

func id(m map[string]any) uintptr { return reflect.ValueOf(m).Pointer() }

func (p *parser) document() {
	for {
		p.skipBlank(true)
		if p.i >= len(p.s) {
			return
		}
		if p.s[p.i] == '[' {
			p.header()
		} else {
			p.keyValue(p.cur)
		}
		p.lineEnd()
	}
}

// header reads [a.b] or [[a.b]] and makes it the current table.
func (p *parser) header() {
	p.i++
	array := p.peek() == '['
	if array {
		p.i++
	}
	p.skipSpace()
	keys := p.keys()
	p.expect(']')
	if array {
		p.expect(']')
	}
	t := p.root
	for _, k := range keys[:len(keys)-1] {
		t = p.descend(t, k)
	}
	last := keys[len(keys)-1]
	v, exists := t[last]
	switch {
	case array && !exists:
		n := p.table(explicit)
		t[last] = []map[string]any{n}
		p.cur = n
	case array:
		aot, isAOT := v.([]map[string]any)
		if !isAOT {
			bail()
		}
		n := p.table(explicit)
		t[last] = append(aot, n)
		p.cur = n
	case !exists:
		p.cur = p.table(explicit)
		t[last] = p.cur
	default:
		sub, isTable := v.(map[string]any)
		if !isTable || p.kinds[id(sub)] != implicit {
			bail() // defined twice, or by dotted keys, or an inline table
		}
		p.kinds[id(sub)] = explicit
		p.cur = sub
	}
}

// descend goes into the table k of t for a header's prefix, making it if
// need be; in an array of tables, into its last table.
func (p *parser) descend(t map[string]any, k string) map[string]any {
	switch v := t[k].(type) {
	case nil:
		n := p.table(implicit)
		t[k] = n
		return n
	case map[string]any:
		if kd := p.kinds[id(v)]; kd != implicit && kd != explicit {
			bail()
		}
		return v
	case []map[string]any:
		return v[len(v)-1]
	}
	bail()
	return nil
}

func (p *parser) table(k kind) map[string]any {
	m := map[string]any{}
	p.kinds[id(m)] = k
	return m
}

// keyValue reads key = value into t.
func (p *parser) keyValue(t map[string]any) {
	keys := p.keys()
	p.expect('=')
	p.skipSpace()
	for _, k := range keys[:len(keys)-1] {
		switch v := t[k].(type) {
		case nil:
			n := p.table(dotted)
			t[k] = n
			t = n
		case map[string]any:
			if p.kinds[id(v)] != dotted {
				bail()
			}
			t = v
		default:
			bail()
		}
	}
	last := keys[len(keys)-1]
	if _, dup := t[last]; dup {
		bail()
	}
	t[last] = p.value()
}

// keys reads a key, dotted or not, and the blanks after it.
func (p *parser) keys() []string {
	var keys []string
	for {
		keys = append(keys, p.key())
		p.skipSpace()
		if p.peek() != '.' {
			return keys
		}
		p.i++
		p.skipSpace()
	}
}

func (p *parser) key() string {
	switch p.peek() {
	case '"':
		if strings.HasPrefix(p.s[p.i:], `"""`) {
			bail()
		}
		return nonEmpty(p.basic())
	case '\'':
		if strings.HasPrefix(p.s[p.i:], `'''`) {
			bail()
		}
		return nonEmpty(p.literal())
	}
	start := p.i
	for p.i < len(p.s) && bareKeyChar(p.s[p.i]) {
		p.i++
	}
	if p.i == start {
		bail()
	}
	return p.s[start:p.i]
}

func nonEmpty(k string) string {
	if k == "" {
		bail()
	}
	return k
}

func bareKeyChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

func (p *parser) value() any {
	switch c := p.peek(); {
	case c == '"':
		if strings.HasPrefix(p.s[p.i:], `"""`) {
			return p.multiBasic()
		}
		return p.basic()
	case c == '\'':
		if strings.HasPrefix(p.s[p.i:], `'''`) {
			return p.multiLiteral()
		}
		return p.literal()
	case c == '[':
		return p.array()
	case c == '{':
		return p.inlineTable()
	case c == 't' || c == 'f':
		return p.boolean()
	case c >= '0' && c <= '9' || c == '+' || c == '-':
		return p.number()
	}
	bail()
	return nil
}

func (p *parser) boolean() bool {
	for _, w := range []string{"true", "false"} {
		if strings.HasPrefix(p.s[p.i:], w) {
			p.i += len(w)
			p.scalarEnd()
			return w == "true"
		}
	}
	bail()
	return false
}

func (p *parser) array() []any {
	p.i++
	out := []any{}
	for {
		p.skipBlank(true)
		if p.peek() == ']' {
			p.i++
			return out
		}
		out = append(out, p.value())
		p.skipBlank(true)
		switch p.peek() {
		case ',':
			p.i++
		case ']':
			p.i++
			return out
		default:
			bail()
		}
	}
}

// inlineTable reads { k = v, ... } on one line, without dotted keys or a
// trailing comma (TOML 1.1 allows them; BurntSushi/toml reads those).
func (p *parser) inlineTable() map[string]any {
	p.i++
	t := p.table(inline)
	p.skipSpace()
	if p.peek() == '}' {
		p.i++
		return t
	}
	for {
		k := p.key()
		p.skipSpace()
		p.expect('=')
		p.skipSpace()
		if _, dup := t[k]; dup {
			bail()
		}
		t[k] = p.value()
		p.skipSpace()
		switch p.peek() {
		case ',':
			p.i++
			p.skipSpace()
			if p.peek() == '}' {
				bail()
			}
		case '}':
			p.i++
			return t
		default:
			bail()
		}
	}
}

// localDate is the location BurntSushi/toml gives local dates, found on
// first use rather than at every program's start.
var localDate = sync.OnceValue(func() *time.Location {
	var m map[string]any
	if _, err := toml.Decode("d = 2000-01-01", &m); err != nil {
		panic(err)
	}
	return m["d"].(time.Time).Location()
})

// number reads a decimal integer or float, or a local date.
func (p *parser) number() any {
	start := p.i
	if d, ok := p.date(); ok {
		return d
	}
	if c := p.peek(); c == '+' || c == '-' {
		p.i++
	}
	intStart := p.i
	p.digits()
	if p.i-intStart > 1 && p.s[intStart] == '0' {
		bail() // a leading zero
	}
	isFloat := false
	if p.peek() == '.' {
		p.i++
		p.digits()
		isFloat = true
	}
	if c := p.peek(); c == 'e' || c == 'E' {
		p.i++
		if c := p.peek(); c == '+' || c == '-' {
			p.i++
		}
		p.digits()
		isFloat = true
	}
	text := p.s[start:p.i]
	p.scalarEnd()
	if isFloat {
		f, err := strconv.ParseFloat(text, 64)
		if err != nil {
			bail()
		}
		return f
	}
	n, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		bail()
	}
	return n
}

// digits reads one or more decimal digits.
func (p *parser) digits() {
	start := p.i
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		p.i++
	}
	if p.i == start {
		bail()
	}
}

// date reads YYYY-MM-DD standing alone (not a date and time).
func (p *parser) date() (time.Time, bool) {
	const layout = "2006-01-02"
	if len(p.s)-p.i < len(layout) {
		return time.Time{}, false
	}
	text := p.s[p.i : p.i+len(layout)]
	for j := range len(layout) {
		if digit := text[j] >= '0' && text[j] <= '9'; (j == 4 || j == 7) != (text[j] == '-') || j != 4 && j != 7 && !digit {
			return time.Time{}, false
		}
	}
	t, err := time.Parse(layout, text)
	if err != nil {
		bail()
	}
	p.i += len(layout)
	p.scalarEnd()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, localDate()), true
}

// scalarEnd checks that a number, date or boolean ends here; anything
// glued to it (1_000, 0x1F, 12:30, a time after a date) is left to
// BurntSushi/toml.
func (p *parser) scalarEnd() {
	if p.i >= len(p.s) {
		return
	}
	switch p.s[p.i] {
	case ' ', '\t', '\n', ',', ']', '}', '#':
		if p.s[p.i] == ' ' && p.i+1 < len(p.s) && p.s[p.i+1] >= '0' && p.s[p.i+1] <= '9' {
			bail() // a date, then a space, then a time
		}
		return
	}
	bail()
}

// basic reads a "string" on one line.
func (p *parser) basic() string {
	p.i++
	start := p.i
	var b *strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			if b == nil {
				return p.s[start : p.i-1]
			}
			return b.String()
		case c == '\\':
			if b == nil {
				b = &strings.Builder{}
				b.WriteString(p.s[start:p.i])
			}
			p.escape(b)
		case control(c):
			bail()
		default:
			if b != nil {
				b.WriteByte(c)
			}
			p.i++
		}
	}
	bail()
	return ""
}

// multiBasic reads a """string""" of one or more lines.
func (p *parser) multiBasic() string {
	p.openMultiline()
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case strings.HasPrefix(p.s[p.i:], `"""`):
			p.i += 3
			if p.peek() == '"' {
				bail() // quotes just before the closing ones
			}
			return b.String()
		case c == '\\':
			if p.lineEndingBackslash() {
				continue
			}
			p.escape(&b)
		case c == '\n':
			b.WriteByte(c)
			p.i++
		case control(c):
			bail()
		default:
			b.WriteByte(c)
			p.i++
		}
	}
	bail()
	return ""
}

// openMultiline skips the three quotes that open a string of several
// lines, and the line break right after them, which is not part of it.
func (p *parser) openMultiline() {
	p.i += 3
	if p.peek() == '\n' {
		p.i++
	}
}

// lineEndingBackslash skips a backslash that ends a line, with the blanks
// and line breaks after it, and reports whether there was one.
func (p *parser) lineEndingBackslash() bool {
	j := p.i + 1
	for j < len(p.s) && (p.s[j] == ' ' || p.s[j] == '\t') {
		j++
	}
	if j >= len(p.s) || p.s[j] != '\n' {
		if j > p.i+1 {
			bail() // a backslash and blanks, then more text
		}
		return false
	}
	for j < len(p.s) && (p.s[j] == ' ' || p.s[j] == '\t' || p.s[j] == '\n') {
		j++
	}
	p.i = j
	return true
}

// escape reads one escape sequence of a basic string into b.
func (p *parser) escape(b *strings.Builder) {
	if p.i+1 >= len(p.s) {
		bail()
	}
	c := p.s[p.i+1]
	p.i += 2
	switch c {
	case 'b':
		b.WriteByte('\b')
	case 't':
		b.WriteByte('\t')
	case 'n':
		b.WriteByte('\n')
	case 'f':
		b.WriteByte('\f')
	case 'r':
		b.WriteByte('\r')
	case '"', '\\':
		b.WriteByte(c)
	case 'u', 'U':
		n := 4
		if c == 'U' {
			n = 8
		}
		if p.i+n > len(p.s) {
			bail()
		}
		hex := p.s[p.i : p.i+n]
		if strings.ContainsAny(hex, "+-_xX") {
			bail()
		}
		r, err := strconv.ParseUint(hex, 16, 32)
		if err != nil || !utf8.ValidRune(rune(r)) {
			bail()
		}
		b.WriteRune(rune(r))
		p.i += n
	default:
		bail() // TOML 1.1's \e and \x, or a mistake
	}
}

// literal reads a 'string' on one line.
func (p *parser) literal() string {
	p.i++
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c == '\'' {
			p.i++
			return p.s[start : p.i-1]
		}
		if control(c) {
			bail()
		}
		p.i++
	}
	bail()
	return ""
}

// multiLiteral reads a literal string of one or more lines, between three
// single quotes.
func (p *parser) multiLiteral() string {
	p.openMultiline()
	start := p.i
	end := strings.Index(p.s[p.i:], "'''")
	if end < 0 {
		bail()
	}
	text := p.s[start : start+end]
	for j := 0; j < len(text); j++ {
		if text[j] != '\n' && control(text[j]) {
			bail()
		}
	}
	p.i = start + end + 3
	if p.peek() == '\'' {
		bail()
	}
	return text
}

// control reports a character that TOML allows in no string or comment
// (a tab is allowed; line breaks are checked where they may come).
func control(c byte) bool { return c < 0x20 && c != '\t' || c == 0x7f }

// lineEnd reads the blanks and comment that may end a line, and the line
// break.
func (p *parser) lineEnd() {
	p.skipSpace()
	p.comment()
	if p.i < len(p.s) {
		p.expect('\n')
	}
}

// skipBlank skips blanks and comments, and line breaks if lines is true.
func (p *parser) skipBlank(lines bool) {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t':
			p.i++
		case '\n':
			if !lines {
				return
			}
			p.i++
		case '#':
			p.comment()
		default:
			return
		}
	}
}

func (p *parser) skipSpace() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

// comment skips a comment up to the line break, if one starts here.
func (p *parser) comment() {
	if p.peek() != '#' {
		return
	}
	for p.i < len(p.s) && p.s[p.i] != '\n' {
		if control(p.s[p.i]) {
			bail()
		}
		p.i++
	}
}

func (p *parser) peek() byte {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

func (p *parser) expect(c byte) {
	if p.peek() != c {
		bail()
	}
	p.i++
}
