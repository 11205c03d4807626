package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/trellis-pl/trellis/content"
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
	own := planText(t, dir) + planText(t, "../examples/cedar-valley")
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
	// The plan in Spanish, and the Spanish pages of the plan in English
	// with its Spanish translation.
	bilingual := buildExample(t, "cedar-valley", BuildOptions{})
	var pages []string
	for _, name := range htmlFiles(t, site) {
		pages = append(pages, filepath.Join(site, name))
	}
	for _, name := range htmlFiles(t, bilingual) {
		if strings.HasPrefix(name, "es/") {
			pages = append(pages, filepath.Join(bilingual, name))
		}
	}
	if len(pages) != 30+29 {
		t.Fatalf("%d pages", len(pages))
	}
	for _, name := range pages {
		root := parse(t, name)
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
			case "aria-label", "data-label", "alt", "title", "content", "data-showing", "data-showing-cost", "data-none", "data-single", "data-many":
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

// TestLanguageLinks checks the language switcher and the hreflang links
// both ways, the lang of each page, and the sitemap's alternates.
func TestLanguageLinks(t *testing.T) {
	site := buildExample(t, "cedar-valley", BuildOptions{})
	const abs = "https://www.cedarvalley.example/pl-plan/"
	tests := []struct {
		page, lang string
		switcher   [][2]string // language name, link ("" for the current page)
		hreflang   [][2]string
	}{
		{"goals/early-literacy/index.html", "en", [][2]string{{"English", ""}, {"español", "../../es/goals/early-literacy/"}},
			[][2]string{{"en", abs + "goals/early-literacy/"}, {"es", abs + "es/goals/early-literacy/"}}},
		{"es/goals/early-literacy/index.html", "es", [][2]string{{"English", "../../../goals/early-literacy/"}, {"español", ""}},
			[][2]string{{"en", abs + "goals/early-literacy/"}, {"es", abs + "es/goals/early-literacy/"}}},
		{"index.html", "en", [][2]string{{"English", ""}, {"español", "es/"}}, [][2]string{{"en", abs}, {"es", abs + "es/"}}},
		{"es/index.html", "es", [][2]string{{"English", "../"}, {"español", ""}}, [][2]string{{"en", abs}, {"es", abs + "es/"}}},
	}
	for _, tt := range tests {
		doc := parse(t, filepath.Join(site, tt.page))
		if l := attrOf(find(doc, tag("html"))[0], "lang"); l != tt.lang {
			t.Errorf("%s: lang %q, want %q", tt.page, l, tt.lang)
		}
		var switcher, hreflang [][2]string
		for _, nav := range find(doc, func(n *html.Node) bool { return n.Data == "nav" && attrOf(n, "class") == "languages" }) {
			for _, li := range find(nav, tag("li")) {
				href := ""
				if a := find(li, tag("a")); len(a) == 1 {
					href = attrOf(a[0], "href")
				}
				switcher = append(switcher, [2]string{text(li), href})
			}
		}
		for _, l := range find(doc, func(n *html.Node) bool { return n.Data == "link" && attrOf(n, "rel") == "alternate" }) {
			hreflang = append(hreflang, [2]string{attrOf(l, "hreflang"), attrOf(l, "href")})
		}
		if fmt.Sprint(switcher) != fmt.Sprint(tt.switcher) || fmt.Sprint(hreflang) != fmt.Sprint(tt.hreflang) {
			t.Errorf("%s:\nswitcher %v, want %v\nhreflang %v, want %v", tt.page, switcher, tt.switcher, hreflang, tt.hreflang)
		}
	}
	sitemap := mustRead(t, filepath.Join(site, "sitemap.xml"))
	want := `<url><loc>` + abs + `es/goals/early-literacy/</loc><xhtml:link rel="alternate" hreflang="en" href="` + abs + `goals/early-literacy/"/><xhtml:link rel="alternate" hreflang="es" href="` + abs + `es/goals/early-literacy/"/></url>`
	if !strings.Contains(sitemap, want) || strings.Count(sitemap, "<url>") != 58 {
		t.Errorf("sitemap: %d urls, no %s", strings.Count(sitemap, "<url>"), want)
	}
	for _, f := range []string{"es/plan.json", "es/plan/index.html", "es/search/index.html"} {
		if _, err := os.Stat(filepath.Join(site, f)); err != nil {
			t.Errorf("no %s", f)
		}
	}
	if _, err := os.Stat(filepath.Join(site, "es/404.html")); err == nil {
		t.Error("a translation has a 404 page of its own")
	}
}

// TestFallbackMarked checks that text shown in the main language on a
// Spanish page carries lang="en" and that the page says so, and that
// translated text does not.
func TestFallbackMarked(t *testing.T) {
	site := buildExample(t, "cedar-valley", BuildOptions{})
	tests := []struct {
		page    string
		note    bool
		english []string // texts that must be marked lang="en"
		spanish []string // texts that must not
	}{
		{"es/goals/english-learners/index.html", true,
			[]string{"English learners grow one proficiency level in English each year", "English learners are now 17.6 percent of students."},
			[]string{"Justificación y evidencia"}},
		{"es/goals/early-literacy/index.html", false, nil,
			[]string{"Todos los estudiantes leen al nivel de su grado al terminar el tercer grado", "Equipos de datos de lectoescritura por grado", "Evaluación universal de lectura, grados K–3"}},
		{"es/district/index.html", false, nil, []string{"Escuela Primaria Alder Creek", "Hispanos o latinos", "Cedar Valley atiende a una pequeña ciudad"}},
		{"es/index.html", true, []string{"Keep and grow early-career teachers"}, []string{"Cada estudiante de Cedar Valley lee, razona"}},
	}
	for _, tt := range tests {
		doc := parse(t, filepath.Join(site, tt.page))
		note := find(doc, func(n *html.Node) bool { return attrOf(n, "class") == "fallback-note" })
		if (len(note) == 1) != tt.note {
			t.Errorf("%s: %d fallback notes, want %v", tt.page, len(note), tt.note)
		} else if tt.note && text(note[0]) != "Parte de esta página aún no está traducida al español y se muestra en inglés." {
			t.Errorf("%s: note %q", tt.page, text(note[0]))
		}
		for _, s := range append(tt.english, tt.spanish...) {
			marked, found := false, false
			// The innermost element whose text holds s: its lang, or its
			// nearest ancestor's, is the text's language.
			for _, n := range find(doc, func(n *html.Node) bool { return strings.Contains(text(n), s) }) {
				inner := true
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					inner = inner && !(c.Type == html.ElementNode && strings.Contains(text(c), s))
				}
				if !inner {
					continue
				}
				found = true
				for p := n; p != nil; p = p.Parent {
					if l := attrOf(p, "lang"); l != "" {
						marked = l == "en"
						break
					}
				}
			}
			if want := contains(tt.english, s); !found || marked != want {
				t.Errorf("%s: %q found %v, marked lang=en %v, want %v", tt.page, s, found, marked, want)
			}
		}
	}
}

// TestPortalLanguages checks a portal whose own pages are in English and
// Spanish: each district in its own languages, the portal's pages linking
// to a district in the page's language when the district has it.
func TestPortalLanguages(t *testing.T) {
	dir := testplan.Portal(t, "cedar-valley", "magnolia-county")
	writeFile(t, filepath.Join(dir, "portal.toml"), "title = \"Test State Plans\"\ntranslations = [\"es\"]\n")
	p, diags := content.OpenPortal(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	out := filepath.Join(t.TempDir(), "portal")
	if _, _, err := BuildPortal(p, PortalOptions{Out: out, Workers: 2}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"es/index.html", "es/standards/index.html", "es/accessibility/index.html", "cedar-valley/es/index.html", "cedar-valley/index.html", "magnolia-county/index.html"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("no %s", f)
		}
	}
	for _, f := range []string{"es/404.html", "magnolia-county/es/index.html"} {
		if _, err := os.Stat(filepath.Join(out, f)); err == nil {
			t.Errorf("%s should not exist", f)
		}
	}
	doc := parse(t, filepath.Join(out, "es", "index.html"))
	if l := attrOf(find(doc, tag("html"))[0], "lang"); l != "es" {
		t.Errorf("es/index.html: lang %q", l)
	}
	var links []string
	for _, a := range find(doc, tag("a")) {
		if h := attrOf(a, "href"); strings.Contains(h, "cedar-valley") || strings.Contains(h, "magnolia-county") || attrOf(a, "hreflang") != "" {
			links = append(links, h)
		}
	}
	want := []string{"../", "../cedar-valley/es/", "../magnolia-county/"}
	if fmt.Sprint(links) != fmt.Sprint(want) {
		t.Errorf("es/index.html links %v, want %v", links, want)
	}
	if page := mustRead(t, filepath.Join(out, "es", "index.html")); !strings.Contains(page, "Los distritos y sus planes") {
		t.Error("es/index.html is not in Spanish")
	}
}
