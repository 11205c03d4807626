package generator

import (
	"bytes"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"sync"

	"github.com/trellis-pl/trellis/internal/i18n"
)

// The default theme's pages are written twice: as templates
// (themes/default/layouts), which are what a plan or a portal overrides
// and what docs/themes.md describes, and in Go (the compiled_*.go files),
// which write the same bytes several times faster, since text/template
// looks every field and method up by name and calls every function
// through reflection. A page kind is rendered in Go only while none of
// the templates it is made of is overridden (theme.compiled);
// TestCompiledMatchesTemplates renders every page of the examples both
// ways and requires the same bytes.

// compiledPage is a page kind of the default theme in Go: the blocks that
// its template defines for baseof.html. head and scripts may be nil.
type compiledPage struct {
	head, main, scripts func(w *hw, p *Page) error
}

// compiledPages are the page kinds written in Go, each registered by the
// file that writes it.
var compiledPages = map[string]compiledPage{}

// templatesOnly turns the compiled page kinds off, for the tests that
// compare them with the templates.
var templatesOnly bool

// hw writes a compiled page. Its methods escape values exactly as
// html/template does in the context named, so that the output matches
// the templates byte for byte.
type hw struct {
	b  *bytes.Buffer
	c  *i18n.Catalogue // the page's language
	th *theme
}

// s writes markup as the template has it.
func (w *hw) s(markup string) { w.b.WriteString(markup) }

// text writes a string where the template writes {{.}} in text, in a
// <title> or in a quoted attribute that is not a URL.
func (w *hw) text(s string) { escapeHTML(w.b, s, true) }

// html writes trusted HTML (rendered Markdown, catalogue text) in text.
func (w *hw) html(h template.HTML) { w.b.WriteString(string(h)) }

// attrHTML writes trusted HTML in a quoted attribute: html/template keeps
// its text only, and leaves its entities (&amp;) as they are.
func (w *hw) attrHTML(h template.HTML) {
	if strings.IndexByte(string(h), '<') >= 0 {
		w.b.WriteString(via("attr", h))
		return
	}
	escapeHTML(w.b, string(h), false)
}

// escapeHTML writes s with the characters html/template replaces
// replaced as it does; & too if amp.
func escapeHTML(b *bytes.Buffer, s string, amp bool) {
	start := 0
	for i := 0; i < len(s); i++ {
		k := htmlEscapes[s[i]]
		if k == 0 || k == escAmp && !amp {
			continue
		}
		b.WriteString(s[start:i])
		b.WriteString(htmlReplacements[k])
		start = i + 1
	}
	b.WriteString(s[start:])
}

// htmlEscapes gives each byte escapeHTML replaces its index in
// htmlReplacements; the others have 0. A table is faster than a switch
// on each byte of the text of every page.
var htmlEscapes = [256]uint8{0: 1, '"': 2, '&': escAmp, '\'': 4, '+': 5, '<': 6, '>': 7}

const escAmp = 3 // the index of &, which only amp replaces

var htmlReplacements = [...]string{1: "\uFFFD", 2: "&#34;", escAmp: "&amp;", 4: "&#39;", 5: "&#43;", 6: "&lt;", 7: "&gt;"}

// url writes a string that is the whole value of a URL attribute (href,
// src, action): html/template refuses unsafe schemes and percent-encodes
// what URLs cannot hold.
func (w *hw) url(s string) {
	if plainURL(strings.TrimPrefix(strings.TrimPrefix(s, "https://"), "http://"), false) {
		w.text(s)
		return
	}
	w.b.WriteString(via("url", s))
}

// urlTail writes a string that follows literal text in a URL attribute
// before any "?", as in href="mailto:{{.}}".
func (w *hw) urlTail(s string) {
	if plainURL(s, true) {
		w.text(s)
		return
	}
	w.b.WriteString(via("url-tail", s))
}

// urlFragment writes a string that follows a literal "#" or "?" in a URL
// attribute, as in href="activities/#{{.Anchor}}": html/template
// percent-encodes all but letters, digits and -._~ there.
func (w *hw) urlFragment(s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~", c) >= 0) {
			w.b.WriteString(via("url-fragment", s))
			return
		}
	}
	w.b.WriteString(s)
}

// plainURL reports whether html/template leaves a URL as it is, but for
// escaping & as in any attribute: a relative address made of characters
// that need no encoding (a scheme only after a literal prefix).
func plainURL(s string, tail bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case strings.IndexByte("-._~/#?=&@", c) >= 0: // "%" only through via: html/template encodes one not followed by two hex digits
		case c == ':' && tail:
		default:
			return false
		}
	}
	return true
}

// cssString writes a string inside a quoted CSS string in a <style>.
func (w *hw) cssString(s string) { w.b.WriteString(via("css-string", s)) }

// int writes a number as {{.}} does.
func (w *hw) int(n int) { w.b.WriteString(strconv.Itoa(n)) }

// value writes any other value as {{.}} does: its String method or fmt's
// form, escaped.
func (w *hw) value(v any) {
	switch v := v.(type) {
	case string:
		w.text(v)
	case template.HTML:
		w.html(v)
	case int:
		w.int(v)
	default:
		w.text(fmt.Sprint(v))
	}
}

// t writes a message of the page's catalogue in text.
func (w *hw) t(key string, args ...any) { w.c.WriteHTML(w.b, key, args...) }

// tAttr writes a message of the page's catalogue in a quoted attribute.
func (w *hw) tAttr(key string, args ...any) { w.attrHTML(w.c.HTML(key, args...)) }

// via escapes v as html/template does in the context of a small template
// made for it: the rare values the fast paths above do not cover.
func via(context string, v any) string {
	var b strings.Builder
	e := escapers()[context]
	if err := e.t.Execute(&b, v); err != nil {
		return ""
	}
	out := b.String()
	return out[e.prefix : len(out)-e.suffix]
}

type escaper struct {
	t              *template.Template
	prefix, suffix int
}

var escapers = sync.OnceValue(func() map[string]escaper {
	m := map[string]escaper{}
	for name, src := range map[string][2]string{
		"attr":         {`<p title="`, `">`},
		"url":          {`<a href="`, `">`},
		"url-tail":     {`<a href="mailto:`, `">`},
		"url-fragment": {`<a href="#`, `">`},
		"css-string":   {`<style>p{content:"`, `"}</style>`},
	} {
		t := template.Must(template.New(name).Parse(src[0] + "{{.}}" + src[1]))
		m[name] = escaper{t, len(src[0]), len(src[1])}
	}
	return m
})
