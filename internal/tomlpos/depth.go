package tomlpos

// MaxDepth is how deep a TOML document read by Trellis may nest: every part
// of a table header or dotted key, and every array and inline table around
// a value, is one level. A plan needs four or five (`[[ratings]]`, then
// `item`; `[initial]`, then `who`); the limit keeps the TOML decoder, whose
// cost grows with the square of the depth, and this package linear in the
// size of the text.
const MaxDepth = 100

// TooDeep finds the first place where src nests deeper than limit levels
// (see MaxDepth): the key part or the opening bracket of that level. It
// reads the text once, in time linear in its length and in memory bounded
// by limit, and accepts any text: on text the TOML parser would reject, it
// may report nothing or a place the parser would have refused anyway.
func TooDeep(src string, limit int) (Span, bool) {
	d := depthScanner{scanner: scanner{src: src}, limit: limit}
	return d.run()
}

type depthScanner struct {
	scanner
	limit int
	// open holds, for each array or inline table not yet closed, its
	// kind ('[' or '{') and its level.
	open   []frame
	header int  // levels of the last table header
	cur    int  // level of the value being read
	key    bool // a key comes next
	found  Span
}

type frame struct {
	kind  byte
	level int
}

func (d *depthScanner) run() (Span, bool) {
	d.key = true
	for d.i < len(d.src) {
		c := d.src[d.i]
		switch {
		case c == ' ' || c == '\t':
			d.i++
		case c == '\n' || c == '\r':
			d.i++
			if len(d.open) == 0 {
				d.key = true // the next statement
			}
		case c == '#':
			d.skipComment()
		case d.key:
			if d.statement() {
				return d.found, true
			}
		case c == '[' || c == '{':
			if d.cur+1 > d.limit {
				return Span{d.i, d.i + 1}, true
			}
			d.open = append(d.open, frame{c, d.cur + 1})
			d.cur++
			d.i++
			d.key = c == '{'
		case c == ']' || c == '}':
			d.close()
		case c == ',':
			d.i++
			if n := len(d.open); n > 0 {
				d.cur = d.open[n-1].level
				d.key = d.open[n-1].kind == '{'
			}
		case c == '"':
			d.basicString()
		case c == '\'':
			d.literalString()
		default:
			d.i++
		}
	}
	return Span{}, false
}

// close ends the innermost array or inline table.
func (d *depthScanner) close() {
	d.i++
	if n := len(d.open); n > 0 {
		d.open = d.open[:n-1]
		d.cur = d.header
		if n > 1 {
			d.cur = d.open[n-2].level
		}
	}
}

// statement reads a table header, or a key and its `=`, where a key is
// expected. It reports whether the key goes past the limit.
func (d *depthScanner) statement() bool {
	if d.src[d.i] == '}' { // an empty inline table, or one ending in a comma
		d.key = false
		d.close()
		return false
	}
	base, header := d.header, false
	if n := len(d.open); n > 0 {
		base = d.open[n-1].level
	} else if d.src[d.i] == '[' {
		d.i++
		if d.peek(0) == '[' {
			d.i++
		}
		base, header = 0, true
	}
	start := d.i
	parts := d.keyParts(base)
	if d.found != (Span{}) {
		return true
	}
	if d.i == start { // not a key: let the value rules read it
		d.key = false
		return false
	}
	if header {
		d.header = base + parts
		d.cur = d.header
		d.skipComment() // the rest of the header line
		return false
	}
	d.cur = base + parts
	d.skipSpace()
	if d.peek(0) == '=' {
		d.i++
	}
	d.key = false
	return false
}

// keyParts reads a dotted key whose first part is at level base+1, and
// returns how many parts it has. It sets d.found at the first part past
// the limit.
func (d *depthScanner) keyParts(base int) int {
	n := 0
	for d.i < len(d.src) {
		d.skipSpace()
		start := d.i
		switch d.peek(0) {
		case '"':
			d.basicString()
		case '\'':
			d.literalString()
		default:
			for d.i < len(d.src) && isBareKeyChar(d.src[d.i]) {
				d.i++
			}
		}
		if d.i == start {
			return n
		}
		n++
		if base+n > d.limit {
			d.found = Span{start, d.i}
			return n
		}
		d.skipSpace()
		if d.peek(0) != '.' {
			return n
		}
		d.i++
	}
	return n
}
