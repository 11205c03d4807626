package generator

import (
	"strings"
	"testing"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/testplan"
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

// FuzzPlainParagraphs checks that the paragraphs convert renders without
// goldmark come out as goldmark renders them, in both dialects.
func FuzzPlainParagraphs(f *testing.F) {
	for _, s := range []string{
		"\nNew teachers are paired with mentors.\n\n", "One.\nTwo.\n\n\nThree.\n", "Line one\n1. not a list\n",
		"Title\n===\n", "Title\n---\n", "a\n  indented\n", "a  \nhard break", "a\\\nb", "\n\n\nx", "x\n \ny",
		"a\n    code?\n", "trail\u00a0\nnext", "\u00a0\nnext", "a\n\u3000\nb", "a\r\nb", "\"q\"\n\"r\"", "www.x.org\nok",
		"a\n> quote", "a\n| b |", "ana\n@example.org",
	} {
		f.Add(s)
	}
	for _, s := range exampleBodies(f) { // the prose of real plans, some of which the fast path takes
		f.Add(s)
	}
	mds := []*markdown{newMarkdown(false), newMarkdown(true)}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.TrimSpace(s) == "" {
			return // convert gives "" for blank text before either way
		}
		got, ok := plainParagraphs(s)
		if !ok {
			return
		}
		for _, m := range mds {
			want, notes := m.parse(s, 3)
			if got != want || len(notes) > 0 {
				t.Errorf("plainParagraphs(%q) = %q, goldmark gives %q (notes %v)", s, got, want, notes)
			}
		}
	})
}

// exampleBodies is the Markdown bodies of the two examples' files.
func exampleBodies(tb testing.TB) []string {
	var out []string
	for _, name := range []string{"cedar-valley", "magnolia-county"} {
		plan, diags := content.LoadDir(testplan.Dir(name))
		if diags.HasErrors() {
			tb.Fatal(diags)
		}
		out = append(out, plan.District.Markdown, plan.Beliefs.Markdown)
		for _, g := range plan.Goals {
			out = append(out, g.Markdown)
		}
		for _, a := range plan.Activities {
			out = append(out, a.Markdown)
		}
		for _, p := range plan.Partners {
			out = append(out, p.Markdown)
		}
	}
	return out
}

// TestPlainParagraphsOnExamples: the fast path takes the examples' bodies
// of plain prose (7 of 27; the others have lists, headings or emphasis),
// and renders each it takes as goldmark does.
func TestPlainParagraphsOnExamples(t *testing.T) {
	bodies := exampleBodies(t)
	m := newMarkdown(false)
	taken := 0
	for _, s := range bodies {
		if strings.TrimSpace(s) == "" {
			continue
		}
		got, ok := plainParagraphs(s)
		if !ok {
			continue
		}
		taken++
		if want, _ := m.parse(s, 3); got != want {
			t.Errorf("plainParagraphs(%q) = %q, goldmark gives %q", s, got, want)
		}
	}
	if taken < 5 {
		t.Errorf("the fast path took %d of the examples' %d bodies; want 5 at least", taken, len(bodies))
	}
}

// FuzzRenderedPlain checks that the plain text the renderer keeps of what
// it parsed is what the search index's own parser makes of the text: the
// search index takes the one for the other.
func FuzzRenderedPlain(f *testing.F) {
	for _, s := range []string{
		"**41 percent** of [students](https://example.org) read <b>well</b>", "- one\n- two\n\n> quoted",
		"<javascript:alert(1)>", "[x](javascript:alert(1)) and ![img](data:text/html,x)", "# Heading\n\nText", "```\ncode\n```",
		"www.example.org and ana@example.org", "| a | b |\n|---|---|\n| 1 | 2 |", "~~gone~~ and [ ] task",
	} {
		f.Add(s)
	}
	x := &searchIndex{md: newSearchMarkdown()}
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range []*markdown{newMarkdown(false), newMarkdown(true)} {
			_, notes := m.parse(s, 3)
			got, ok := m.plainOf(s)
			if !ok {
				for _, n := range notes {
					if n.diag.Code == content.CodeTooDeep {
						return // the build fails on it
					}
				}
				t.Fatalf("parse(%q) kept no plain text", s)
			}
			if want := x.parsePlain(s); got != want {
				t.Errorf("plain text of %q: renderer %q, search parser %q", s, got, want)
			}
		}
	})
}
