package generator

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// rawHTMLPolicy is what raw HTML keeps when a plan allows it: ordinary
// markup for text, tables, figures, details and images. Scripts, styles,
// event handlers, script URLs, frames, objects, forms and their controls,
// <meta>, <base>, <svg> and <math> are removed; the text inside removed
// elements stays, except that of scripts, styles and frames.
var rawHTMLPolicy = sync.OnceValue(func() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowStandardAttributes() // dir, lang, id, title
	p.AllowStyling()            // class
	p.AllowElements(allowedElements...)
	p.AllowLists()
	p.AllowTables()
	p.AllowAttrs("scope").Matching(regexp.MustCompile(`^(?i:row|col|rowgroup|colgroup)$`)).OnElements("th")
	p.AllowAttrs("open").Matching(regexp.MustCompile(`^(?i:|open)$`)).OnElements("details")
	p.AllowAttrs("cite").OnElements("blockquote", "q", "del", "ins")
	p.AllowAttrs("datetime").Matching(bluemonday.ISO8601).OnElements("time", "del", "ins")
	p.AllowAttrs("start").Matching(bluemonday.Integer).OnElements("ol")
	p.AllowAttrs("reversed").Matching(regexp.MustCompile(`^(?i:|reversed)$`)).OnElements("ol")

	p.AllowURLSchemes("https", "http", "mailto", "tel")
	p.AllowRelativeURLs(true)
	p.RequireParseableURLs(true)
	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("alt").Matching(bluemonday.Paragraph).OnElements("img")
	p.AllowAttrs("height", "width").Matching(bluemonday.NumberOrPercent).OnElements("img")
	p.AllowAttrs("loading").Matching(regexp.MustCompile(`^(?i:lazy|eager)$`)).OnElements("img")
	// An image loads without a click: only from https or the site itself.
	p.AllowAttrs("src").Matching(regexp.MustCompile(`^(?i:https://|/|[^:/?#]*(?:[/?#]|$))`)).OnElements("img")
	return p
})

// allowedElements are the elements raw HTML keeps, with a and img (which
// need an address the policy accepts).
var allowedElements = []string{"p", "br", "hr", "div", "span", "section", "article", "aside", "header", "footer", "address",
	"h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "kbd", "samp", "var",
	"em", "strong", "b", "i", "u", "s", "del", "ins", "sub", "sup", "small", "mark", "cite", "dfn", "wbr",
	"ruby", "rt", "rp", "figure", "figcaption", "details", "summary", "ul", "ol", "li", "dl", "dt", "dd",
	"table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col", "abbr", "q", "time"}

// sanitizeRaw passes one piece of raw HTML (an HTML block, or an inline
// tag) through rawHTMLPolicy. It also returns what was removed, as a
// list for a message: "<script>", "the onclick attribute of <img>", or
// "an unterminated tag". The piece is read with the HTML tokenizer, so an
// unterminated quote or tag is confined to it.
func sanitizeRaw(raw []byte) ([]byte, []string) {
	out := rawHTMLPolicy().SanitizeBytes(raw)
	if bytes.Equal(out, raw) {
		return out, nil
	}
	return out, removedMarkup(raw, out)
}

// removedMarkup lists the tags and attributes of in that out lacks, in
// the order they first appear in in.
func removedMarkup(in, out []byte) []string {
	kept := map[string]int{}
	scanMarkup(out, func(item string) { kept[item]++ })
	var removed []string
	seen := map[string]bool{}
	complete := scanMarkup(in, func(item string) {
		if kept[item] > 0 {
			kept[item]--
			return
		}
		if !seen[item] {
			seen[item] = true
			removed = append(removed, item)
		}
	})
	if !complete {
		removed = append(removed, "an unterminated tag")
	}
	// An end tag is worth naming only when its start tag is not named; an
	// attribute, when its element stays. An <a> or <img> removed for
	// want of an address the policy accepts is named with the attribute.
	var list []string
	for _, r := range removed {
		if name, ok := strings.CutPrefix(r, "</"); ok && seen["<"+name] {
			continue
		}
		if attr, tag, ok := strings.Cut(strings.TrimPrefix(r, "the "), " attribute of "); ok {
			if i := slices.Index(list, tag); i >= 0 {
				if tag == "<a>" || tag == "<img>" {
					list[i] = tag + " with its " + attr
				}
				continue
			}
		}
		list = append(list, r)
	}
	return list
}

// scanMarkup calls fn with each tag ("<b>", "</b>") and attribute ("the
// title attribute of <b>") of an HTML fragment. Comments are not markup
// anyone would miss, and are skipped. It reports whether the fragment
// ended outside a tag.
func scanMarkup(doc []byte, fn func(item string)) bool {
	z := nethtml.NewTokenizer(bytes.NewReader(doc))
	read := 0
	for {
		tt := z.Next()
		if tt == nethtml.ErrorToken {
			return !bytes.ContainsRune(doc[read:], '<')
		}
		read += len(z.Raw())
		switch tt {
		case nethtml.StartTagToken, nethtml.SelfClosingTagToken:
			name, more := z.TagName()
			tag := "<" + string(name) + ">"
			fn(tag)
			for more {
				var key []byte
				key, _, more = z.TagAttr()
				fn("the " + string(key) + " attribute of " + tag)
			}
		case nethtml.EndTagToken:
			name, _ := z.TagName()
			fn("</" + string(name) + ">")
		}
	}
}

// balanceHTML parses a rendered Markdown text as the HTML parser of a
// browser does, inside a <div>, and writes it out again: unclosed
// elements are closed at its end and stray end tags dropped, so that its
// markup cannot reach into the page around it.
func balanceHTML(in []byte) []byte {
	ctx := &nethtml.Node{Type: nethtml.ElementNode, DataAtom: atom.Div, Data: "div"}
	nodes, err := nethtml.ParseFragment(bytes.NewReader(in), ctx)
	if err != nil {
		return in
	}
	var out bytes.Buffer
	for _, n := range nodes {
		if err := nethtml.Render(&out, n); err != nil {
			return in
		}
	}
	return out.Bytes()
}
