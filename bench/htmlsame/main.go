// Command htmlsame compares two built sites, file by file: HTML pages by
// their normalized document (minified, then its elements, attributes and
// text, with runs of white space collapsed and white space between
// elements dropped), so that a page minified and the same page unminified
// are the same; JSON files by their value; other files byte for byte.
// It prints the first difference of each file that
// differs and exits 1 if any does.
//
//	go run ./bench/htmlsame OLD NEW
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	mhtml "github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/svg"
	"golang.org/x/net/html"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: htmlsame OLD NEW")
		os.Exit(2)
	}
	old, err := files(os.Args[1])
	check(err)
	new, err := files(os.Args[2])
	check(err)
	bad := 0
	for _, name := range union(old, new) {
		a, inOld := old[name]
		b, inNew := new[name]
		switch {
		case !inOld:
			fmt.Printf("%s: only in %s\n", name, os.Args[2])
			bad++
		case !inNew:
			fmt.Printf("%s: only in %s\n", name, os.Args[1])
			bad++
		default:
			if d := differ(name, a, b); d != "" {
				fmt.Printf("%s: %s\n", name, d)
				bad++
			}
		}
	}
	fmt.Printf("%d files compared, %d differ\n", len(union(old, new)), bad)
	if bad > 0 {
		os.Exit(1)
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "htmlsame:", err)
		os.Exit(2)
	}
}

// files reads every file under root, by slash path.
func files(root string) (map[string][]byte, error) {
	out := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = b
		return err
	})
	return out, err
}

func union(a, b map[string][]byte) []string {
	seen := map[string]bool{}
	for k := range a {
		seen[k] = true
	}
	for k := range b {
		seen[k] = true
	}
	var out []string
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// differ describes the first difference between two versions of a file,
// or returns "".
func differ(name string, a, b []byte) string {
	switch {
	case strings.HasSuffix(name, ".html"):
		a, b = normalize(a), normalize(b)
	case strings.HasSuffix(name, ".json"):
		a, b = canonicalJSON(a), canonicalJSON(b)
	}
	if bytes.Equal(a, b) {
		return ""
	}
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return fmt.Sprintf("differs at byte %d:\n  old: %q\n  new: %q", i, around(a, i), around(b, i))
}

func around(b []byte, i int) []byte {
	return b[max(0, i-60):min(len(b), i+60)]
}

// canonicalJSON encodes a JSON document's value again, so that numbers
// written 3e3 by a minifier and 3000 by the encoder are the same.
func canonicalJSON(doc []byte) []byte {
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		return doc
	}
	out, err := json.Marshal(v)
	if err != nil {
		return doc
	}
	return out
}

// minifier is the one Trellis uses on pages (generator/minify.go): a page
// is minified before it is compared, so that what minifying rewrites
// (attribute values such as "a, b" → "a,b") does not count as a change.
var minifier = func() *minify.M {
	m := minify.New()
	m.Add("text/html", &mhtml.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	return m
}()

// normalize writes an HTML document, minified, as one line per node.
func normalize(doc []byte) []byte {
	if m, err := minifier.Bytes("text/html", bytes.Clone(doc)); err == nil {
		doc = m
	}
	root, err := html.Parse(bytes.NewReader(doc))
	if err != nil {
		return doc
	}
	var out bytes.Buffer
	var walk func(n *html.Node, pre bool)
	walk = func(n *html.Node, pre bool) {
		switch n.Type {
		case html.ElementNode:
			attrs := make([]string, 0, len(n.Attr))
			for _, a := range n.Attr {
				attrs = append(attrs, a.Key+"="+strings.Join(strings.Fields(a.Val), " "))
			}
			sort.Strings(attrs)
			fmt.Fprintf(&out, "<%s %s>\n", n.Data, strings.Join(attrs, " "))
			pre = pre || n.Data == "pre" || n.Data == "textarea"
		case html.TextNode:
			t := n.Data
			if !pre {
				t = strings.Join(strings.Fields(t), " ")
			}
			if t != "" {
				fmt.Fprintf(&out, "%q\n", t)
			}
		case html.CommentNode:
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, pre)
		}
		if n.Type == html.ElementNode {
			fmt.Fprintf(&out, "</%s>\n", n.Data)
		}
	}
	walk(root, false)
	return out.Bytes()
}
