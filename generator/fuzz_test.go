package generator

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzMarkdown renders any text with the real Markdown configuration, in
// both raw HTML modes, block and inline. No input may panic, and with raw
// HTML off no tag of the input may reach the output; with raw HTML on,
// no script tag may.
func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{
		"# Title\n\nSome *text* and `code`.", "<https://example.org/x> <mailto:pl@example.org>",
		"[a](javascript:alert(1)) ![b](data:text/html,x)", "| a | b |\n|---|---|\n| 1 | 2 |",
		"- [ ] task\n  - nested\n    > quote", "<div title=\"x\n\ntext", "<select><option>a</option></select> b </option> c",
		"<svg><style>x</style></svg><script>alert(1)</script>", "~~strike~~ www.example.org", "\x00\r\n<",
	} {
		f.Add(s)
	}
	safe, unsafe := newMarkdown(false), newMarkdown(true)
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return // the loader refuses files that are not UTF-8
		}
		for _, m := range []*markdown{safe, unsafe} {
			_ = m.block(src, 3)
			_ = m.inline(src)
		}
		out := string(safe.block(src, 2))
		if strings.Contains(src, "<script") && strings.Contains(strings.ToLower(out), "<script") {
			t.Fatalf("a script tag got through with raw HTML off:\n%s", out)
		}
		if out := strings.ToLower(string(unsafe.block(src, 2))); strings.Contains(out, "<script") {
			t.Fatalf("a script tag got through the sanitizer:\n%s", out)
		}
	})
}
