package content

import "testing"

// TestSourceLinesLazy checks that the shortcuts taken before a source has
// its line index (pos on the first line, line by counting line feeds)
// give what the index gives, at every offset of texts with each kind of
// line ending.
func TestSourceLinesLazy(t *testing.T) {
	texts := []string{
		"",
		"+++\ntitle = \"Goal\"\n+++\nBody\n",
		"+++\r\ntitle = \"Goal\"\r\n+++\r\nBody",
		"one\rtwo\rthree\n",
		"\uFEFF+++\nbom = true\n+++\n\n\nBody é\n",
		"no line break at all",
	}
	for _, text := range texts {
		indexed := newSource("f.md", text, &Diagnostics{})
		indexed.lineStarts()
		for off := 0; off <= len(text)+1; off++ {
			want := indexed.pos(off, 1)
			indexed.last = Position{}
			if got := newSource("f.md", text, &Diagnostics{}).pos(off, 1); got != want {
				t.Errorf("%q at %d: pos without the index = %+v, with it %+v", text, off, got, want)
			}
			if got := newSource("f.md", text, &Diagnostics{}).line(off); got != want.Line {
				t.Errorf("%q at %d: line = %d, pos says %d", text, off, got, want.Line)
			}
		}
	}
}
