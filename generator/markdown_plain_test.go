package generator

import (
	"strings"
	"testing"
)

// FuzzPlainLine checks that the texts convert renders without goldmark
// come out as goldmark renders them, in both dialects (raw HTML escaped or
// sanitized), as blocks and inline.
func FuzzPlainLine(f *testing.F) {
	for _, s := range []string{
		"Most students read on grade level.", `Teachers say "it works"`, "Year 1: 40% of classes; Year 2: 60%",
		"see http://example.org", "www.example.org", "mail ana@example.org", "ftp:/x", "HTTP://EXAMPLE.ORG",
		"Más estudiantes leen bien.", "1. one", "2) two", "12 months", "- dash", "+ plus", "= eq", ": colon",
		"a  b", "(www.x.org)", "a\u00a0b", "\u0085x", "trailing space ", " leading", "x\ty", "é", "'single' quotes", "\u00a0lead", "trail\u00a0", "\u3000ideographic", "\u2028sep", "tab\t", "a\u200bb",
	} {
		f.Add(s)
	}
	mds := []*markdown{newMarkdown(false), newMarkdown(true)}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.TrimSpace(s) == "" || !plainLine(s) {
			return // convert gives "" for blank text before either way
		}
		for _, m := range mds {
			for _, top := range []int{2, 3} {
				got, _ := m.convert(s, top)
				want, notes := m.parse(s, top)
				if got != want || len(notes) > 0 {
					t.Errorf("convert(%q) = %q, goldmark gives %q (notes %v)", s, got, want, notes)
				}
			}
			if got, want := m.inline(s), m.inline(s+"\n\n"); got != want { // a blank line after it takes the slow path
				t.Errorf("inline(%q) = %q, through goldmark %q", s, got, want)
			}
		}
	})
}
