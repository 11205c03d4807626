package generator

import (
	"bytes"
	"testing"
)

// escapeHTMLSwitch is escapeHTML as it was written first, a switch on
// each byte: the table must replace exactly what it replaced.
func escapeHTMLSwitch(b *bytes.Buffer, s string, amp bool) {
	start := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			if !amp {
				continue
			}
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		b.WriteString(s[start:i])
		b.WriteString(repl)
		start = i + 1
	}
	b.WriteString(s[start:])
}

func FuzzEscapeHTML(f *testing.F) {
	for _, s := range []string{"", "plain text", `<a href="x">Tom's & Jerry's +1</a>`, "nul\x00byte", "é ü 日本", "&amp; stays?"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, amp bool) {
		var got, want bytes.Buffer
		escapeHTML(&got, s, amp)
		escapeHTMLSwitch(&want, s, amp)
		if got.String() != want.String() {
			t.Errorf("escapeHTML(%q, %v) = %q, want %q", s, amp, got.String(), want.String())
		}
	})
}

// BenchmarkEscapeHTML escapes a page's worth of mostly plain text.
func BenchmarkEscapeHTML(b *testing.B) {
	s := `Grade 3 teachers meet every other week to look at students' reading work & plan the next lessons; coaches join them <monthly>. `
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		for range 20 {
			escapeHTML(&buf, s, true)
		}
	}
}
