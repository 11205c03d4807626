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
	src      string
	i        int
	ix       *Index
	end      int // end of the last key read
	depth    int // arrays and inline tables open around s.i
	maxDepth int
	table    int32         // node of the current table
	aot      map[int32]int // array of tables → index of its last element
}

// Scan indexes the keys and values of a TOML document, in time and memory
// linear in its length. It stops at arrays or inline tables nested deeper
// than MaxDepth (which content refuses before the document is decoded).
func Scan(src string) *Index { return scan(src, MaxDepth) }

// scan is Scan stopping at maxDepth levels of arrays and inline tables.
func scan(src string, maxDepth int) *Index {
	s := &scanner{src: src, ix: newIndex(), aot: map[int32]int{}, maxDepth: maxDepth}
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
	return s.ix
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
	node := root
	for _, k := range keys[:len(keys)-1] {
		node = s.ix.key(node, k)
		if n, ok := s.aot[node]; ok {
			node = s.ix.elem(node, n)
		}
		s.implicit(node, Span{keyStart, keyEnd})
	}
	node = s.ix.key(node, keys[len(keys)-1])
	entry := Entry{Key: Span{keyStart, keyEnd}, Value: Span{start, end}}
	if aot {
		n := 0
		if last, ok := s.aot[node]; ok {
			n = last + 1
		}
		s.aot[node] = n
		if !s.ix.isSet(node) {
			s.ix.set(node, entry)
		}
		node = s.ix.elem(node, n)
	}
	s.ix.set(node, entry)
	s.table = node
}

// implicit records a table that a dotted key or header creates on the way.
func (s *scanner) implicit(node int32, sp Span) {
	if !s.ix.isSet(node) {
		s.ix.set(node, Entry{Key: sp, Value: sp})
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

// keyValue reads key = value under the table base.
func (s *scanner) keyValue(base int32) {
	keyStart := s.i
	keys := s.key()
	keyEnd := s.end
	if len(keys) == 0 {
		return
	}
	node := base
	for _, k := range keys[:len(keys)-1] {
		node = s.ix.key(node, k)
		s.implicit(node, Span{keyStart, keyEnd})
	}
	node = s.ix.key(node, keys[len(keys)-1])
	s.skipSpace()
	if s.peek(0) != '=' {
		return
	}
	s.i++
	s.skipSpace()
	v := s.value(node)
	s.ix.set(node, Entry{Key: Span{keyStart, keyEnd}, Value: v})
}

// value reads one value and indexes what is inside it under node.
func (s *scanner) value(node int32) Span {
	start := s.i
	switch c := s.peek(0); c {
	case '"':
		s.basicString()
	case '\'':
		s.literalString()
	case '[', '{':
		if s.depth >= s.maxDepth {
			s.i = len(s.src) // deeper than content reads: stop here
			return Span{start, start}
		}
		s.depth++
		if c == '[' {
			s.array(node)
		} else {
			s.inlineTable(node)
		}
		s.depth--
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

func (s *scanner) array(node int32) {
	s.i++ // [
	for n := 0; s.i < len(s.src); n++ {
		s.skipBlank()
		if s.peek(0) == ']' {
			s.i++
			return
		}
		before := s.i
		elem := s.ix.elem(node, n)
		v := s.value(elem)
		s.ix.set(elem, Entry{Key: v, Value: v})
		s.skipBlank()
		if s.peek(0) == ',' {
			s.i++
		}
		if s.i == before {
			return // not an array the parser would accept
		}
	}
}

func (s *scanner) inlineTable(node int32) {
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
		s.keyValue(node)
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
