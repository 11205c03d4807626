package generator

import (
	"encoding/json"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/trellis-pl/trellis/content"
)

var examples = []string{"cedar-valley", "magnolia-county"}

func loadExample(t testing.TB, name string) *content.Plan {
	t.Helper()
	plan, diags := content.LoadDir("../examples/" + name)
	if diags.HasErrors() {
		t.Fatalf("%s: %v", name, diags)
	}
	return plan
}

// buildExample builds an example into a temporary folder and returns it.
func buildExample(t testing.TB, name string, opt BuildOptions) string {
	t.Helper()
	plan := loadExample(t, name)
	if opt.Out == "" {
		opt.Out = filepath.Join(t.TempDir(), "site")
	}
	if _, err := Build(plan, opt); err != nil {
		t.Fatal(err)
	}
	return opt.Out
}

// parse reads an HTML file of the site.
func parse(t testing.TB, file string) *html.Node {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return doc
}

// find returns every element for which match is true, in document order.
func find(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func tag(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name }
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// htmlFiles lists the HTML files of a built site, relative to it.
func htmlFiles(t testing.TB, site string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(site, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(site, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestBuildWritesEveryPage(t *testing.T) {
	for _, ex := range examples {
		t.Run(ex, func(t *testing.T) {
			plan := loadExample(t, ex)
			site := buildExample(t, ex, BuildOptions{Minify: true})
			want := []string{"index.html", "404.html", "district/index.html", "goals/index.html", "activities/index.html",
				"standards/index.html", "coverage/index.html", "partners/index.html", "partner-comparison/index.html",
				"timeline/index.html", "budget/index.html", "plan/index.html", "search/index.html", "accessibility/index.html", "plan.json", "sitemap.xml", "robots.txt",
				"style.css", "search.js", "filter.js", "print.js"}
			for _, g := range plan.Goals {
				want = append(want, "goals/"+g.ID+"/index.html")
			}
			for _, s := range plan.Standards.Standards {
				want = append(want, "standards/"+s.ID+"/index.html")
			}
			for _, p := range plan.Partners {
				want = append(want, "partners/"+p.ID+"/index.html")
			}
			for _, f := range want {
				if _, err := os.Stat(filepath.Join(site, f)); err != nil {
					t.Errorf("missing %s", f)
				}
			}
			langs := 1 + len(plan.Settings.Translations) // a translation has no 404 page of its own
			if got := len(htmlFiles(t, site)); got != (14+len(plan.Goals)+len(plan.Standards.Standards)+len(plan.Partners))*langs-(langs-1) {
				t.Errorf("%d HTML files", got)
			}
		})
	}
}

// TestPageStructure checks what every page must have for accessibility:
// lang, a title, one h1, headings without skipped levels, a skip link to
// main, landmarks, and tables with captions and header cells.
func TestPageStructure(t *testing.T) {
	site := buildExample(t, "cedar-valley", BuildOptions{Minify: true})
	for _, f := range htmlFiles(t, site) {
		doc := parse(t, filepath.Join(site, f))
		if h := find(doc, tag("html")); len(h) != 1 {
			t.Errorf("%s: no html element", f)
		} else if lang, _ := attr(h[0], "lang"); lang != "en" && !strings.HasPrefix(f, "es/") || lang != "es" && strings.HasPrefix(f, "es/") {
			t.Errorf("%s: lang = %q", f, lang)
		}
		if ts := find(find(doc, tag("head"))[0], tag("title")); len(ts) != 1 || text(ts[0]) == "" {
			t.Errorf("%s: no title", f)
		}
		if n := len(find(doc, tag("h1"))); n != 1 {
			t.Errorf("%s: %d h1 elements", f, n)
		}
		last := 0
		for _, h := range find(doc, func(n *html.Node) bool {
			return len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6'
		}) {
			level := int(h.Data[1] - '0')
			if level > last+1 {
				t.Errorf("%s: %s %q follows h%d", f, h.Data, text(h), last)
			}
			last = level
		}
		mains := find(doc, tag("main"))
		if len(mains) != 1 {
			t.Errorf("%s: %d main elements", f, len(mains))
		} else if id, _ := attr(mains[0], "id"); id != "main" {
			t.Errorf("%s: main has id %q", f, id)
		}
		skip := find(doc, func(n *html.Node) bool { v, _ := attr(n, "class"); return n.Data == "a" && v == "skip-link" })
		if len(skip) != 1 {
			t.Errorf("%s: no skip link", f)
		} else if href, _ := attr(skip[0], "href"); href != "#main" {
			t.Errorf("%s: skip link goes to %q", f, href)
		}
		if len(find(doc, tag("header"))) == 0 || len(find(doc, tag("nav"))) == 0 || len(find(doc, tag("footer"))) == 0 {
			t.Errorf("%s: missing header, nav or footer", f)
		}
		// Tables of the theme have captions; tables written in the plan's
		// Markdown (inside .prose) cannot, and need only header cells.
		for _, prose := range find(doc, func(n *html.Node) bool { c, _ := attr(n, "class"); return c == "prose" }) {
			for _, table := range find(prose, tag("table")) {
				if len(find(table, tag("th"))) == 0 {
					t.Errorf("%s: a Markdown table has no header cells", f)
				}
				table.Data = "markdown-table"
			}
		}
		for _, table := range find(doc, tag("table")) {
			if len(find(table, tag("caption"))) != 1 {
				t.Errorf("%s: a table has no caption", f)
			}
			if len(find(table, tag("th"))) == 0 {
				t.Errorf("%s: table %q has no header cells", f, text(find(table, tag("caption"))[0]))
			}
		}
	}
}

// TestLinksResolve follows every internal link, image, script and
// stylesheet of every page of both examples to a file of the output.
func TestLinksResolve(t *testing.T) {
	for _, ex := range examples {
		t.Run(ex, func(t *testing.T) {
			site := buildExample(t, ex, BuildOptions{Minify: true})
			if n := checkLinks(t, site); n < 500 {
				t.Errorf("only %d links checked", n)
			}
		})
	}
}

// checkLinks checks every internal link of every page of a built site and
// returns how many it checked. 404 pages use absolute links and are
// skipped.
func checkLinks(t *testing.T, site string) int {
	t.Helper()
	checked := 0
	ids := map[string]map[string]bool{} // page → its ids
	idsOf := func(file string) map[string]bool {
		if m, ok := ids[file]; ok {
			return m
		}
		m := map[string]bool{}
		for _, n := range find(parse(t, filepath.Join(site, filepath.FromSlash(file))), func(n *html.Node) bool { _, ok := attr(n, "id"); return ok }) {
			id, _ := attr(n, "id")
			m[id] = true
		}
		ids[file] = m
		return m
	}
	for _, f := range htmlFiles(t, site) {
		if path.Base(f) == "404.html" {
			continue
		}
		doc := parse(t, filepath.Join(site, f))
		for _, n := range find(doc, func(*html.Node) bool { return true }) {
			for _, key := range []string{"href", "src", "action"} {
				ref, ok := attr(n, key)
				if !ok {
					continue
				}
				u, err := url.Parse(ref)
				if err != nil {
					t.Errorf("%s: bad URL %q", f, ref)
					continue
				}
				if u.Scheme != "" || u.Host != "" {
					continue // mailto:, the standards' own site
				}
				checked++
				target := f
				if u.Path != "" {
					target = path.Join(path.Dir(f), u.Path)
					if strings.HasSuffix(u.Path, "/") || u.Path == "." || u.Path == "./" {
						target = path.Join(target, "index.html")
					}
				}
				if _, err := os.Stat(filepath.Join(site, filepath.FromSlash(target))); err != nil {
					t.Errorf("%s: %s %q leads to nothing (%s)", f, key, ref, target)
				} else if u.Fragment != "" && strings.HasSuffix(target, ".html") && !idsOf(target)[u.Fragment] {
					t.Errorf("%s: %q: %s has no id %q", f, ref, target, u.Fragment)
				}
			}
		}
	}
	return checked
}

func TestSubPathAndAbsoluteLinks(t *testing.T) {
	site := buildExample(t, "cedar-valley", BuildOptions{Minify: true, BaseURL: "https://www.example.org/district/pl"})
	doc := parse(t, filepath.Join(site, "404.html"))
	for _, a := range find(doc, tag("a")) {
		href, _ := attr(a, "href")
		if !strings.HasPrefix(href, "/district/pl/") && !strings.HasPrefix(href, "#") && !strings.HasPrefix(href, "mailto:") && !strings.HasPrefix(href, "http") {
			t.Errorf("404 page link %q is not under the base path", href)
		}
	}
	sm := []byte(mustRead(t, filepath.Join(site, "sitemap.xml")))
	if !strings.Contains(string(sm), "<loc>https://www.example.org/district/pl/goals/early-literacy/</loc>") {
		t.Errorf("sitemap:\n%s", sm)
	}
	robots := []byte(mustRead(t, filepath.Join(site, "robots.txt")))
	if !strings.Contains(string(robots), "Sitemap: https://www.example.org/district/pl/sitemap.xml") {
		t.Errorf("robots.txt:\n%s", robots)
	}
	home := parse(t, filepath.Join(site, "goals", "early-literacy", "index.html"))
	canon := find(home, func(n *html.Node) bool { r, _ := attr(n, "rel"); return n.Data == "link" && r == "canonical" })
	if len(canon) != 1 {
		t.Fatal("no canonical link")
	}
	if href, _ := attr(canon[0], "href"); href != "https://www.example.org/district/pl/goals/early-literacy/" {
		t.Errorf("canonical = %q", href)
	}
}

func TestPageContents(t *testing.T) {
	plan := loadExample(t, "cedar-valley")
	site := buildExample(t, "cedar-valley", BuildOptions{})
	read := func(f string) string {
		b, err := os.ReadFile(filepath.Join(site, f))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	pageText := func(f string) string { return text(parse(t, filepath.Join(site, f))) }

	home := pageText("index.html")
	for _, want := range []string{"Goals and their status in Year 2 (2026–27)", "60% of K–2 students meet the spring screening benchmark", "In progress", plan.Beliefs.Mission} {
		if !strings.Contains(home, want) {
			t.Errorf("home page lacks %q", want)
		}
	}

	goal := parse(t, filepath.Join(site, "goals/early-literacy/index.html"))
	var activityTable *html.Node
	for _, tb := range find(goal, tag("table")) {
		if strings.Contains(text(find(tb, tag("caption"))[0]), "professional learning activities") {
			activityTable = tb
		}
	}
	if activityTable == nil {
		t.Fatal("goal page has no activity table")
	}
	var heads []string
	for _, th := range find(find(activityTable, tag("thead"))[0], tag("th")) {
		heads = append(heads, text(th))
	}
	if got := strings.Join(heads, " | "); got != "Activity | Initial activity: who, what, how | Follow-up: who, what, how | Duration: when | Resources: what is needed" {
		t.Errorf("activity table headers = %s", got)
	}
	if rows := find(find(activityTable, tag("tbody"))[0], tag("tr")); len(rows) != 2 {
		t.Errorf("goal 1 activity table has %d rows, want 2", len(rows))
	}
	gt := text(goal)
	for _, want := range []string{"Rationale and evidence", "41 percent", "Universal reading screener, grades K–3", "Three times a year (fall, winter, spring)",
		"Year 1 (2025–26)", "Met", "All 118 K–3 teachers completed the institute", "$12,800, Title II, Part A", "Northstar Literacy Collaborative"} {
		if !strings.Contains(gt, want) {
			t.Errorf("goal page lacks %q", want)
		}
	}

	partner := parse(t, filepath.Join(site, "partners/westbrook-induction-center/index.html"))
	// The chart is HTML, so that its text keeps its size on a phone.
	charts := find(partner, func(n *html.Node) bool { c, _ := attr(n, "class"); return c == "hbars" })
	if len(charts) != 1 || len(find(partner, tag("svg"))) != 0 {
		t.Fatalf("partner page has %d charts", len(charts))
	}
	if got := text(find(charts[0], tag("li"))[0]); got != "Rigorous Content for Each Learner2.8 out of 4" {
		t.Errorf("chart's first bar = %q", got)
	}
	if !strings.Contains(text(partner), "Revise the partnership") {
		t.Error("partner page lacks the recommendation")
	}

	cov := pageText("coverage/index.html")
	if !strings.Contains(cov, "Every standard is addressed by at least one activity") {
		t.Errorf("coverage page: %s", cov[:200])
	}
	var sections []string
	for _, h := range find(parse(t, filepath.Join(site, "plan/index.html")), tag("h2")) {
		sections = append(sections, text(h))
	}
	if got := strings.Join(sections, " | "); got != "Contents | Who we are | What we believe | What we want to accomplish | Budget | Partner evaluations | Standards for professional learning" {
		t.Errorf("whole plan sections = %s", got)
	}
	search := read("search/index.html")
	for _, g := range plan.Goals {
		if !strings.Contains(search, g.Title) {
			t.Errorf("search index lacks goal %q", g.Title)
		}
	}
	var pj struct {
		Settings struct {
			District string `json:"district"`
		} `json:"settings"`
		Goals []struct {
			ID    string `json:"id"`
			Years []struct {
				Status string `json:"status"`
			} `json:"years"`
		} `json:"goals"`
		Activities []struct {
			Goal      string   `json:"goal"`
			Standards []string `json:"standards"`
		} `json:"activities"`
	}
	if err := json.Unmarshal([]byte(read("plan.json")), &pj); err != nil {
		t.Fatal(err)
	}
	if pj.Settings.District != "Cedar Valley School District" || len(pj.Goals) != 3 || pj.Goals[0].Years[0].Status != "met" ||
		len(pj.Activities) != 7 || pj.Activities[0].Standards[0] == "" {
		t.Errorf("plan.json = %+v", pj)
	}
	tl := parse(t, filepath.Join(site, "timeline/index.html"))
	var rows []string
	for _, tr := range find(tl, tag("tr")) {
		var cells []string
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				cells = append(cells, text(c))
			}
		}
		rows = append(rows, strings.Join(cells, " | "))
	}
	wantRow := "Structured literacy institute for K–3 teachers | Goal 1 | Yes | Yes | Yes | August 4, 2025 to May 26, 2028 Institute days in August and October 2025; coaching cycles through May 2028"
	if !contains(rows, wantRow) {
		t.Errorf("timeline rows:\n%s", strings.Join(rows, "\n"))
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestMinifyOption(t *testing.T) {
	size := func(site string) (n int64) {
		filepath.WalkDir(site, func(p string, d os.DirEntry, err error) error {
			if info, err := d.Info(); err == nil && !d.IsDir() {
				n += info.Size()
			}
			return nil
		})
		return n
	}
	small := buildExample(t, "cedar-valley", BuildOptions{Minify: true})
	smallest := buildExample(t, "cedar-valley", BuildOptions{Minify: true, MinifyHTML: true})
	big := buildExample(t, "cedar-valley", BuildOptions{Minify: false})
	if a, b := size(small), size(big); a >= b*95/100 {
		t.Errorf("minified site is %d bytes, unminified %d", a, b)
	}
	if a, b := size(smallest), size(small); a >= b {
		t.Errorf("site with minified pages is %d bytes, without %d", a, b)
	}
	for _, tt := range []struct {
		site     string
		minified bool
	}{{small, false}, {smallest, true}} {
		page := mustRead(t, filepath.Join(tt.site, "plan", "index.html"))
		if minified := !strings.Contains(page, "\n<li>") && !strings.Contains(page, "<!DOCTYPE"); minified != tt.minified {
			t.Errorf("plan page minified: %v, want %v", minified, tt.minified)
		}
	}
	css := []byte(mustRead(t, filepath.Join(small, "style.css")))
	if strings.Contains(string(css), "\n  ") {
		t.Error("style.css is not minified")
	}
	js := []byte(mustRead(t, filepath.Join(small, "search.js")))
	if strings.Contains(string(js), "// Client-side search") {
		t.Error("search.js is not minified")
	}
}
