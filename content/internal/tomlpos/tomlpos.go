// Package tomlpos finds where each key and value of a TOML document stands.
//
// BurntSushi/toml parses and checks the syntax but keeps positions to itself
// and gives every element of an array of tables the same key. Scan walks the
// same text once more and records, for every key path (with array indexes),
// the byte span of the key and of its value, so that errors found later (an
// unknown key, a wrong type, a reference to nothing) can point at the exact
// place. Scan expects text that the TOML parser has accepted; on other text
// it returns what it found without panicking.
package tomlpos

import (
	"strconv"
	"strings"
)

// Span is a byte range [Start, End) of the scanned text.
type Span struct{ Start, End int }

// Entry is where one key path stands.
type Entry struct {
	Key   Span // the key, or the name inside a table header
	Value Span // the value; for a table header, the whole header
}

// Index maps a path (see Path) to where it stands.
type Index map[string]Entry

// Path builds the index key of a sequence of TOML keys and array indexes.
// Strings are keys; ints are positions in an array.
func Path(parts ...any) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteByte(sep)
		}
		switch v := p.(type) {
		case string:
			b.WriteString(v)
		case int:
			b.WriteByte('#')
			b.WriteString(strconv.Itoa(v))
		}
	}
	return b.String()
}

// Join appends a key or an array index to a path built by Path.
func Join(path string, part any) string {
	if path == "" {
		return Path(part)
	}
	return path + string(sep) + Path(part)
}

// Parts splits a path built by Path into its keys (strings) and array
// indexes (ints), so that callers need not know how paths are written.
func Parts(path string) []any {
	if path == "" {
		return nil
	}
	var out []any
	for _, p := range strings.Split(path, string(sep)) {
		if n, err := strconv.Atoi(strings.TrimPrefix(p, "#")); err == nil && strings.HasPrefix(p, "#") {
			out = append(out, n)
			continue
		}
		out = append(out, p)
	}
	return out
}

const sep = '\x1f'

type scanner struct {
	src   string
	i     int
	index Index
	end   int            // end of the last key read
	table string         // path of the current table
	aot   map[string]int // array-of-tables path → index of its last element
}

// Scan indexes the keys and values of a TOML document.
func Scan(src string) Index {
	s := &scanner{src: src, index: Index{}, aot: map[string]int{}}
	for s.i < len(s.src) {
		start := s.i
		s.skipSpaceAndNewlines()
		if s.i >= len(s.src) {
			break
		}
		switch s.src[s.i] {
		case '#':
			s.skipComment()
		case '[':
			s.header()
		default:
			s.keyValue(s.table)
			s.skipLine()
		}
		if s.i == start { // never stall on text the parser would reject
			s.i++
		}
	}
	return s.index
}

func (s *scanner) peek(off int) byte {
	if s.i+off < len(s.src) {
		return s.src[s.i+off]
	}
	return 0
}

func (s *scanner) skipSpace() {
	for s.i < len(s.src) && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
		s.i++
	}
}

func (s *scanner) skipSpaceAndNewlines() {
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case ' ', '\t', '\r', '\n':
			s.i++
		default:
			return
		}
	}
}

func (s *scanner) skipComment() {
	for s.i < len(s.src) && s.src[s.i] != '\n' {
		s.i++
	}
}

// skipLine moves past the rest of the line (a trailing comment).
func (s *scanner) skipLine() {
	s.skipComment()
	if s.i < len(s.src) {
		s.i++
	}
}

// skipBlank skips spaces, newlines and comments (inside arrays).
func (s *scanner) skipBlank() {
	for s.i < len(s.src) {
		s.skipSpaceAndNewlines()
		if s.peek(0) == '#' {
			s.skipComment()
			continue
		}
		return
	}
}

// header reads [table] or [[array-of-tables]].
func (s *scanner) header() {
	start := s.i
	aot := s.peek(1) == '['
	if aot {
		s.i += 2
	} else {
		s.i++
	}
	s.skipSpace()
	keyStart := s.i
	keys := s.key()
	keyEnd := s.end
	s.skipSpace()
	if aot {
		if s.peek(0) == ']' && s.peek(1) == ']' {
			s.i += 2
		}
	} else if s.peek(0) == ']' {
		s.i++
	}
	end := s.i
	s.skipLine()
	if len(keys) == 0 {
		return
	}
	// Resolve the parent keys: a parent that is an array of tables means
	// its last element.
	path := ""
	for _, k := range keys[:len(keys)-1] {
		path = Join(path, k)
		if n, ok := s.aot[path]; ok {
			path = Join(path, n)
		}
		s.implicit(path, Span{keyStart, keyEnd})
	}
	path = Join(path, keys[len(keys)-1])
	entry := Entry{Key: Span{keyStart, keyEnd}, Value: Span{start, end}}
	if aot {
		n := 0
		if last, ok := s.aot[path]; ok {
			n = last + 1
		}
		s.aot[path] = n
		if _, ok := s.index[path]; !ok {
			s.index[path] = entry
		}
		path = Join(path, n)
	}
	s.index[path] = entry
	s.table = path
}

// implicit records a table that a dotted key or header creates on the way.
func (s *scanner) implicit(path string, sp Span) {
	if _, ok := s.index[path]; !ok {
		s.index[path] = Entry{Key: sp, Value: sp}
	}
}

// key reads a dotted key and returns its parts, unquoted. s.end is left
// at the end of the last part, before any space.
func (s *scanner) key() []string {
	var parts []string
	s.end = s.i
	for s.i < len(s.src) {
		s.skipSpace()
		var part string
		switch s.peek(0) {
		case '"':
			start := s.i
			s.basicString()
			part = unquoteBasic(s.src[start:s.i])
		case '\'':
			start := s.i
			s.literalString()
			part = strings.Trim(s.src[start:s.i], "'")
		default:
			start := s.i
			for s.i < len(s.src) && isBareKeyChar(s.src[s.i]) {
				s.i++
			}
			if s.i == start {
				return parts
			}
			part = s.src[start:s.i]
		}
		parts = append(parts, part)
		s.end = s.i
		s.skipSpace()
		if s.peek(0) != '.' {
			return parts
		}
		s.i++
	}
	return parts
}

func isBareKeyChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

// keyValue reads key = value under the table at path base.
func (s *scanner) keyValue(base string) {
	keyStart := s.i
	keys := s.key()
	keyEnd := s.end
	if len(keys) == 0 {
		return
	}
	path := base
	for _, k := range keys[:len(keys)-1] {
		path = Join(path, k)
		s.implicit(path, Span{keyStart, keyEnd})
	}
	path = Join(path, keys[len(keys)-1])
	s.skipSpace()
	if s.peek(0) != '=' {
		return
	}
	s.i++
	s.skipSpace()
	v := s.value(path)
	s.index[path] = Entry{Key: Span{keyStart, keyEnd}, Value: v}
}

// value reads one value and indexes what is inside it under path.
func (s *scanner) value(path string) Span {
	start := s.i
	switch s.peek(0) {
	case '"':
		s.basicString()
	case '\'':
		s.literalString()
	case '[':
		s.array(path)
	case '{':
		s.inlineTable(path)
	default:
		for s.i < len(s.src) {
			c := s.src[s.i]
			if c == ',' || c == ']' || c == '}' || c == '\n' || c == '\r' || c == '#' {
				break
			}
			s.i++
		}
		end := s.i
		for end > start && (s.src[end-1] == ' ' || s.src[end-1] == '\t') {
			end--
		}
		return Span{start, end}
	}
	return Span{start, s.i}
}

func (s *scanner) array(path string) {
	s.i++ // [
	for n := 0; s.i < len(s.src); n++ {
		s.skipBlank()
		if s.peek(0) == ']' {
			s.i++
			return
		}
		before := s.i
		elem := Join(path, n)
		v := s.value(elem)
		s.index[elem] = Entry{Key: v, Value: v}
		s.skipBlank()
		if s.peek(0) == ',' {
			s.i++
		}
		if s.i == before {
			return // not an array the parser would accept
		}
	}
}

func (s *scanner) inlineTable(path string) {
	s.i++ // {
	for s.i < len(s.src) {
		s.skipBlank()
		switch s.peek(0) {
		case '}':
			s.i++
			return
		case ',':
			s.i++
			continue
		}
		before := s.i
		s.keyValue(path)
		if s.i == before {
			return
		}
	}
}

func (s *scanner) basicString() {
	if strings.HasPrefix(s.src[s.i:], `"""`) {
		s.i += 3
		for s.i < len(s.src) {
			switch {
			case s.src[s.i] == '\\':
				s.i += 2
			case strings.HasPrefix(s.src[s.i:], `"""`):
				s.i += 3
				// Up to two more quotes may belong to the string.
				for k := 0; k < 2 && s.peek(0) == '"'; k++ {
					s.i++
				}
				return
			default:
				s.i++
			}
		}
		s.i = min(s.i, len(s.src))
		return
	}
	s.i++
	for s.i < len(s.src) && s.src[s.i] != '\n' {
		switch s.src[s.i] {
		case '\\':
			s.i += 2
			continue
		case '"':
			s.i++
			return
		}
		s.i++
	}
	s.i = min(s.i, len(s.src))
}

func (s *scanner) literalString() {
	if strings.HasPrefix(s.src[s.i:], "'''") {
		s.i += 3
		end := strings.Index(s.src[s.i:], "'''")
		if end < 0 {
			s.i = len(s.src)
			return
		}
		s.i += end + 3
		for k := 0; k < 2 && s.peek(0) == '\''; k++ {
			s.i++
		}
		return
	}
	s.i++
	for s.i < len(s.src) && s.src[s.i] != '\n' {
		if s.src[s.i] == '\'' {
			s.i++
			return
		}
		s.i++
	}
}

// unquoteBasic decodes a quoted key; keys with unusual escapes fall back to
// their raw text, which only costs a position.
func unquoteBasic(q string) string {
	if u, err := strconv.Unquote(q); err == nil {
		return u
	}
	return strings.Trim(q, `"`)
}
