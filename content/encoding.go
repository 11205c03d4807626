package content

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// saveAsUTF8 is the hint for every file that is not plain UTF-8 text.
const saveAsUTF8 = "save the file as UTF-8 text (in most editors: Save As, Encoding: UTF-8)"

// checkEncoding reports, as one error naming the file and the line, a file
// that is not plain UTF-8 text: UTF-16, another encoding such as
// Windows-1252, or a control character anywhere in it. It reports whether
// the file is plain text.
func checkEncoding(name string, data []byte, diags *Diagnostics) bool {
	if isUTF16(data) {
		*diags = append(*diags, Diagnostic{File: name, Pos: Position{Line: 1, Col: 1}, Severity: Error, Code: CodeInvalidUTF8,
			Message: "the file is saved as UTF-16, not as UTF-8 text", Hint: saveAsUTF8})
		return false
	}
	for off := 0; off < len(data); {
		if plainASCII[data[off]] { // most of a plan's text: decode only the rest
			off++
			continue
		}
		r, size := utf8.DecodeRune(data[off:])
		switch {
		case r == utf8.RuneError && size <= 1:
			src := newSource(name, string(data), diags)
			src.errorf(src.pos(off, 1), CodeInvalidUTF8, saveAsUTF8, "%s", notUTF8(data[off]))
			return false
		case isControl(r):
			src := newSource(name, string(data), diags)
			src.errorf(src.pos(off, size), CodeControlChar, "delete it, or "+saveAsUTF8,
				"the file contains a control character (U+%04X), which text files do not have; it often comes with text copied from another program", r)
			return false
		}
		off += size
	}
	return true
}

// plainASCII marks the bytes that are ASCII text on their own: printable
// characters, tabs and line endings.
var plainASCII = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = !isControl(rune(c))
	}
	return t
}()

// isControl reports whether r is a control character other than tab and
// the line endings.
func isControl(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f || r >= 0x80 && r <= 0x9f
}

// isUTF16 recognises UTF-16 by its byte-order mark, or by the zero bytes
// that ASCII text has between its letters in UTF-16.
func isUTF16(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return true
	}
	return len(data) >= 4 && (data[1] == 0 && data[3] == 0 && data[0] != 0 || data[0] == 0 && data[2] == 0 && data[1] != 0)
}

// windows1252 gives the characters Windows-1252 puts at 0x80-0x9F that a
// word processor writes; 0xA0-0xFF are the same as Latin-1.
var windows1252 = map[byte]rune{
	0x80: '€', 0x85: '…', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x99: '™',
}

// notUTF8 is the message for a byte that is not UTF-8, naming the
// character it stands for if the file seems to be Windows-1252.
func notUTF8(b byte) string {
	r, ok := windows1252[b]
	if !ok && b >= 0xa0 {
		r, ok = rune(b), true
	}
	if !ok {
		return "the file is not valid UTF-8 text"
	}
	return fmt.Sprintf("the file is not UTF-8 text: it seems to be saved as Windows-1252, where the byte 0x%02X here is %c", b, r)
}

// withLineFeeds returns data with each carriage return that is not
// followed by a line feed (old Mac line endings) turned into a line feed,
// so that TOML and Markdown see lines where the author does. Offsets do
// not change.
func withLineFeeds(data []byte) []byte {
	if !bytes.Contains(data, []byte{'\r'}) {
		return data
	}
	out := bytes.Clone(data)
	for i, b := range out {
		if b == '\r' && (i+1 == len(out) || out[i+1] != '\n') {
			out[i] = '\n'
		}
	}
	return out
}
