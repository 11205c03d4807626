package generator

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/trellis-pl/trellis/internal/testplan"

	"github.com/trellis-pl/trellis/internal/i18n"
	"github.com/trellis-pl/trellis/themes"
)

// testCatalogue is the default theme's catalogue of a language.
func testCatalogue(t testing.TB, lang string) *i18n.Catalogue {
	t.Helper()
	set, problems := i18n.Load(themes.Default())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	c := set.Catalogue(lang)
	if c == nil {
		t.Fatalf("no catalogue for %s", lang)
	}
	return c
}

// TestSpanishPagesHaveNoEnglish builds the example with language = "es"
// and walks the catalogues: no English message may appear on a page,
// unless its words are the plan's own (its text is in English) or also
// Spanish ("Total", "No").
func TestSpanishPagesHaveNoEnglish(t *testing.T) {
	dir := testplan.OneLanguage(t, editPlan(t, "cedar-valley", "trellis.toml", `language = "en"`, `language = "es"`))
	site, _ := buildDir(t, dir, BuildOptions{})
	own := planText(t, dir)
	en, es := testCatalogue(t, "en"), testCatalogue(t, "es")
	var spanish strings.Builder
	for _, k := range es.Keys() {
		spanish.WriteString(es.Text(k) + "\n")
	}
	type fragment struct{ key, text string }
	var fragments []fragment
	for _, k := range en.Keys() {
		if strings.HasPrefix(k, "language.") {
			continue
		}
		for _, f := range messageFragments(en.Text(k)) {
			if !strings.Contains(spanish.String(), f) && !strings.Contains(own, f) {
				fragments = append(fragments, fragment{k, f})
			}
		}
	}
	if len(fragments) < 300 {
		t.Fatalf("only %d English fragments to look for", len(fragments))
	}
	pages := htmlFiles(t, site)
	for _, name := range pages {
		root := parse(t, filepath.Join(site, name))
		if h := find(root, tag("html")); len(h) != 1 || attrOf(h[0], "lang") != "es" {
			t.Errorf("%s: not lang=es", name)
		}
		page := readable(root)
		for _, f := range fragments {
			if strings.Contains(page, f.text) {
				t.Errorf("%s: English %q (%s)", name, f.text, f.key)
			}
		}
	}
}

// messageFragments are the runs of a message between its arguments and
// markup that are long enough to be telling.
func messageFragments(msg string) []string {
	var out []string
	for _, part := range regexp.MustCompile(`\{\w+\}|<[^>]*>`).Split(msg, -1) {
		part = strings.Trim(part, " .,:;()–→")
		if len(part) >= 4 && strings.ContainsAny(part, "abcdefghijklmnopqrstuvwxyz") {
			out = append(out, part)
		}
	}
	return out
}

// planText is everything a plan's files and its standards set say.
func planText(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	for _, root := range []string{dir, "../content/standards"} {
		err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				data, err := os.ReadFile(p)
				b.Write(data)
				return err
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

// readable is what a page says to its readers: its text outside scripts
// and styles, and the attributes that are read out or shown.
func readable(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data + "\n")
		}
		for _, a := range n.Attr {
			switch a.Key {
			case "aria-label", "data-label", "alt", "title", "content", "data-showing", "data-showing-cost", "data-none", "data-one", "data-many":
				b.WriteString(a.Val + "\n")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func attrOf(n *html.Node, key string) string {
	v, _ := attr(n, key)
	return v
}
