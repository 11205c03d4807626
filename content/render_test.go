package content

import (
	"bytes"
	"strconv"
	"testing"
)

// TestPrintEscapesSource checks that a source line is shown with its
// control characters, bytes that are not UTF-8 and reordering characters
// escaped, and that the caret stands under the character the column
// names however wide its escape is.
func TestPrintEscapesSource(t *testing.T) {
	tests := []struct {
		name   string
		source string
		col    int
		n      int
		want   string
	}{
		{"escape sequence", "a = \"\x1b[2Jx\"", 9, 1,
			" 1 | a = \"\\x1b[2Jx\"\n   |            ^\n"},
		{"caret on a control character", "a = \"\x1b[2J\"", 6, 1,
			" 1 | a = \"\\x1b[2J\"\n   |      ^^^^\n"},
		{"NUL", "x\x00y", 3, 1,
			" 1 | x\\x00y\n   |      ^\n"},
		{"not UTF-8", "\"\x93well\x94\"", 3, 4,
			" 1 | \"\\x93well\\x94\"\n   |      ^^^^\n"},
		{"right-to-left override", "a = \"\u202eabc\"", 7, 3,
			" 1 | a = \"\\u202eabc\"\n   |            ^^^\n"},
		{"C1 control", "a\u009bb", 3, 1,
			" 1 | a\\u009bb\n   |        ^\n"},
		{"curly quotes", "t = \u201cR\u201d", 5, 3,
			" 1 | t = \u201cR\u201d\n   |     ^\n"},
		{"after accents", "\u00e9t\u00e9 = x", 6, 1,
			" 1 | \u00e9t\u00e9 = x\n   |      ^\n"},
		{"tab", "\tkey = 1", 2, 3,
			" 1 |     key = 1\n   |     ^^^\n"},
		{"end of line", "key =", 6, 0,
			" 1 | key =\n   |      ^\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			off := byteIndexOfCol(tt.source, tt.col)
			d := Diagnostic{File: "f.md", Pos: Position{Line: 1, Col: tt.col, Offset: off, Len: tt.n}, Code: "x", Message: "m", Source: tt.source}
			var b bytes.Buffer
			Diagnostics{d}.Print(&b, PrintOptions{})
			want := "f.md:1:" + strconv.Itoa(tt.col) + ": error: m\n" + tt.want + "1 error\n"
			if b.String() != want {
				t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
			}
		})
	}
}

// TestPrintEscapesMessages checks that a message, a note and a hint that
// carry a file's text cannot write control characters to the terminal, and
// that a hint of several lines is indented under its label.
func TestPrintEscapesMessages(t *testing.T) {
	d := Diagnostic{File: "f\x1b.md", Code: "x", Message: "unknown key `a\x1b[31m`", Notes: []string{"n\x07"}, Hint: "write:\n+++\n\nkey = 1\x00\n+++"}
	var b bytes.Buffer
	Diagnostics{d}.Print(&b, PrintOptions{})
	want := "f\\x1b.md: error: unknown key `a\\x1b[31m`\n  note: n\\x07\n  hint: write:\n        +++\n\n        key = 1\\x00\n        +++\n1 error\n"
	if b.String() != want {
		t.Errorf("got:\n%q\nwant:\n%q", b.String(), want)
	}
}

// TestSourceLines checks that every line ending counts as one line: LF,
// CRLF and a lone CR.
func TestSourceLines(t *testing.T) {
	tests := []struct {
		name, text string
		off        int
		line, col  int
		lineText   string
	}{
		{"LF", "a\nbc\nd", 3, 2, 2, "bc"},
		{"CRLF", "a\r\nbc\r\nd", 4, 2, 2, "bc"},
		{"lone CR", "a\rbc\rd", 3, 2, 2, "bc"},
		{"lone CR at the end", "a\rbc\r", 5, 3, 1, ""},
		{"mixed", "a\rb\r\nc\nd", 5, 3, 1, "c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var diags Diagnostics
			src := newSource("f", tt.text, &diags)
			p := src.pos(tt.off, 1)
			if p.Line != tt.line || p.Col != tt.col || src.lineAt(p.Line) != tt.lineText {
				t.Errorf("pos(%d) = %d:%d on %q, want %d:%d on %q", tt.off, p.Line, p.Col, src.lineAt(p.Line), tt.line, tt.col, tt.lineText)
			}
		})
	}
}
