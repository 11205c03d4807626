package generator

import (
	"bytes"
	"html"
	"path"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	mhtml "github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	mjson "github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	mxml "github.com/tdewolff/minify/v2/xml"
)

var (
	minifierOnce sync.Once
	minifier     *minify.M
)

// mediaTypes maps file extensions to the minifier's media types.
var mediaTypes = map[string]string{
	".html": "text/html", ".css": "text/css", ".js": "application/javascript",
	".svg": "image/svg+xml", ".json": "application/json", ".xml": "text/xml",
}

// minifyByName minifies data by its file extension; other files, HTML
// pages unless html is true, and any file the minifier cannot read, are
// returned unchanged. With keepText, an
// HTML page whose text the minifier would change (it can drop text after
// stray end tags in raw HTML) is returned unminified, and unminified is
// true. Pages of the default theme with Markdown rendered without raw HTML
// need no such check: their markup is well formed.
func minifyByName(name string, data []byte, html, keepText bool) (out []byte, unminified bool) {
	mt, ok := mediaTypes[path.Ext(name)]
	if !ok || mt == "text/html" && !html {
		return data, false
	}
	minifierOnce.Do(func() {
		minifier = minify.New()
		minifier.Add("text/html", &mhtml.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
		minifier.AddFunc("text/css", css.Minify)
		minifier.AddFunc("application/javascript", js.Minify)
		minifier.AddFunc("image/svg+xml", svg.Minify)
		minifier.Add("application/json", &mjson.Minifier{KeepNumbers: true}) // 710000, not 71e4: plan.json's cents stay integers
		minifier.AddFunc("text/xml", mxml.Minify)
	})
	if mt != "text/html" || !keepText {
		if out, err := minifier.Bytes(mt, data); err == nil {
			return out, false
		}
		return data, false
	}
	// The minifier rewrites character references in its input in place.
	orig := bytes.Clone(data)
	out, err := minifier.Bytes(mt, data)
	if err != nil {
		return orig, false
	}
	if !bytes.Equal(visibleText(orig), visibleText(out)) {
		return orig, true
	}
	return out, false
}

// visibleText returns the non-space characters of an HTML document's text,
// outside tags, comments, scripts and styles, with character references
// decoded: what must be the same before and after minifying, which
// collapses white space and rewrites references.
// It is a scanner, not a parser: enough to notice text that went missing.
func visibleText(doc []byte) []byte {
	var out, run []byte
	flush := func() {
		if len(run) == 0 {
			return
		}
		s := run
		if bytes.IndexByte(run, '&') >= 0 {
			s = []byte(html.UnescapeString(string(run)))
		}
		for len(s) > 0 {
			r, n := utf8.DecodeRune(s)
			if !unicode.IsSpace(r) {
				out = append(out, s[:n]...)
			}
			s = s[n:]
		}
		run = run[:0]
	}
	for i := 0; i < len(doc); {
		if doc[i] != '<' {
			j := bytes.IndexByte(doc[i:], '<')
			if j < 0 {
				j = len(doc) - i
			}
			run = append(run, doc[i:i+j]...)
			i += j
			continue
		}
		flush()
		i = skipMarkup(doc, i)
	}
	flush()
	return out
}

// skipMarkup returns the index after the tag, comment or raw-text element
// (script, style) starting at doc[i] == '<'.
func skipMarkup(doc []byte, i int) int {
	rest := doc[i:]
	if bytes.HasPrefix(rest, []byte("<!--")) {
		if j := bytes.Index(rest[4:], []byte("-->")); j >= 0 {
			return i + 4 + j + 3
		}
		return len(doc)
	}
	end := tagEnd(doc, i)
	for _, raw := range []string{"script", "style"} {
		if hasTagName(rest, raw) {
			closing := []byte("</" + raw)
			if j := indexFold(doc[end:], closing); j >= 0 {
				return tagEnd(doc, end+j)
			}
			return len(doc)
		}
	}
	return end
}

// tagEnd returns the index after the '>' that ends the tag at doc[i],
// skipping quoted attribute values.
func tagEnd(doc []byte, i int) int {
	var quote byte
	for j := i + 1; j < len(doc); j++ {
		c := doc[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return j + 1
		}
	}
	return len(doc)
}

func hasTagName(tag []byte, name string) bool {
	if len(tag) < len(name)+2 || !bytes.EqualFold(tag[1:1+len(name)], []byte(name)) {
		return false
	}
	c := tag[1+len(name)]
	return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func indexFold(s, sub []byte) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if bytes.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}
