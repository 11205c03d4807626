package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/gittest"
	"github.com/trellis-pl/trellis/internal/history"
	"github.com/trellis-pl/trellis/internal/testplan"
)

// historyPlan is cedar-valley in a git repository: see gittest.CedarValley.
func historyPlan(t *testing.T) (string, *gittest.Repo) { return gittest.CedarValley(t) }

// buildWithHistory builds the plan in dir with its history.
func buildWithHistory(t *testing.T, dir string, versions bool) (string, Result) {
	t.Helper()
	plan, diags := content.LoadDir(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	log, err := OpenHistory(dir, plan, false)
	if err != nil {
		t.Fatal(err)
	}
	return buildDir(t, dir, BuildOptions{History: log, Versions: versions})
}

// lastUpdated is the text of a page's last-updated line ("" if none).
func lastUpdated(t *testing.T, site, page string) string {
	t.Helper()
	for _, p := range find(parse(t, filepath.Join(site, page)), tag("p")) {
		if c, _ := attr(p, "class"); c == "last-updated" {
			return text(p)
		}
	}
	return ""
}

func TestLastUpdated(t *testing.T) {
	dir, _ := historyPlan(t)
	site, _ := buildWithHistory(t, dir, false)
	for _, tc := range []struct{ page, want string }{
		{"index.html", "The plan last changed on November 20, 2025. What changed, and when."},
		{"goals/early-literacy/index.html", "This page last changed on November 20, 2025. What changed, and when."},
		{"goals/early-career-teachers/index.html", "This page last changed on June 10, 2025. What changed, and when."},
		{"district/index.html", "This page last changed on June 10, 2025. What changed, and when."},
		{"changes/index.html", "The plan last changed on November 20, 2025."},
		{"404.html", ""},
	} {
		if got := lastUpdated(t, site, tc.page); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.page, got, tc.want)
		}
	}
}

func TestLastUpdatedUncommitted(t *testing.T) {
	dir, _ := historyPlan(t)
	p := filepath.Join(dir, "goals", "03-early-career-teachers.md")
	b, _ := os.ReadFile(p)
	writeFile(t, p, string(b)+"\nOne more paragraph.\n")
	plan, diags := content.LoadDir(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	log, err := OpenHistory(dir, plan, true)
	if err != nil {
		t.Fatal(err)
	}
	sp, err := planSite(plan, variant{history: newPlanHistory(log, true)})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, pg := range sp.pages {
		if u := pg.LastUpdated(); u != nil && u.Uncommitted {
			got[pg.URL] = true
		}
	}
	for _, url := range []string{"", "goals/", "goals/early-career-teachers/"} {
		if !got[url] {
			t.Errorf("page %q not marked uncommitted", url)
		}
	}
	for _, url := range []string{"goals/early-literacy/", "district/"} {
		if got[url] {
			t.Errorf("page %q marked uncommitted", url)
		}
	}
}

func TestChangesPage(t *testing.T) {
	dir, _ := historyPlan(t)
	site, _ := buildWithHistory(t, dir, false)
	doc := parse(t, filepath.Join(site, "changes", "index.html"))
	var log []string
	for _, ol := range find(doc, tag("ol")) {
		if c, _ := attr(ol, "class"); c == "change-log" {
			for _, li := range find(ol, tag("li")) {
				log = append(log, text(li))
			}
		}
	}
	want := []string{
		"November 20, 2025: Add reading coaching; Northstar's review Changed: Activity: Reading coaching cycles, Partner: Northstar Literacy Collaborative",
		"September 15, 2025: Raise the Year 2 outcome of early literacy Changed: Goal 1: Every student reads on grade level by the end of grade 3",
	}
	// The adoption lists its 15 items inside <details> (the summary, then the items).
	if len(log) != 3 || log[0] != want[0] || log[1] != want[1] || !strings.HasPrefix(log[2], "June 10, 2025: Adopt the plan Changed: 15 parts of the planPlan settings, District profile, Mission, vision and beliefs, Goal 1: ") {
		t.Errorf("change log:\n%s\nwant:\n%s\nand the adoption", strings.Join(log, "\n"), strings.Join(want, "\n"))
	}
	var since []string
	for _, h := range find(doc, tag("h3")) {
		since = append(since, text(h))
	}
	for _, ul := range find(doc, tag("ul")) {
		if c, _ := attr(ul, "class"); c == "change-lines" {
			since = append(since, text(ul))
		}
	}
	wantSince := []string{
		"Goal 1: Every student reads on grade level by the end of grade 3",
		"Activity: Reading coaching cycles",
		"Partner: Northstar Literacy Collaborative",
		`Outcome for Year 2 changed from "60% of K–2 students meet the spring screening benchmark; grade 3 proficiency reaches 48%." to "62% of K–2 students meet the spring screening benchmark; grade 3 proficiency reaches 50%."`,
		"Added",
		`Rating of "Help clients understand student and family contexts and …" changed from "2 (Emerging)" to "3 (Established)"`,
	}
	if strings.Join(since, "\n") != strings.Join(wantSince, "\n") {
		t.Errorf("since plan-2025:\n%s\nwant:\n%s", strings.Join(since, "\n"), strings.Join(wantSince, "\n"))
	}
	page, _ := os.ReadFile(filepath.Join(site, "changes", "index.html"))
	if strings.Contains(string(page), "pat@district.example") || strings.Contains(string(page), "Pat Example") {
		t.Error("the Changes page publishes an author's name or e-mail address")
	}
}

func TestVersionsSnapshot(t *testing.T) {
	dir, _ := historyPlan(t)
	site, res := buildWithHistory(t, dir, true)
	for _, w := range res.Warnings {
		if w.Code == content.CodeVersionNotBuilt {
			t.Errorf("warning: %s", w)
		}
	}
	page := filepath.Join(site, "versions", "plan-2025", "goals", "early-literacy", "index.html")
	doc := parse(t, page)
	noindex := false
	for _, m := range find(doc, tag("meta")) {
		if n, _ := attr(m, "name"); n == "robots" {
			c, _ := attr(m, "content")
			noindex = c == "noindex"
		}
	}
	if !noindex {
		t.Error("version page without <meta name=robots content=noindex>")
	}
	var banner string
	for _, d := range find(doc, tag("div")) {
		if c, _ := attr(d, "class"); c == "version-banner" {
			banner = text(d)
			if a := find(d, tag("a")); len(a) != 1 || href(a[0]) != "../../../../" {
				t.Errorf("banner links %v, want one link to ../../../../", a)
			}
		}
	}
	if want := "This is version plan-2025 of the plan, of June 10, 2025. It is kept as it was adopted and is not updated. Read the current plan."; banner != want {
		t.Errorf("banner %q\nwant %q", banner, want)
	}
	b, _ := os.ReadFile(page)
	if !strings.Contains(string(b), "grade 3 proficiency reaches 48%") || strings.Contains(string(b), "reaches 50%") {
		t.Error("the version page does not show the plan as it was at plan-2025")
	}
	if _, err := os.Stat(filepath.Join(site, "versions", "plan-2025", "activities", "index.html")); err != nil {
		t.Error(err)
	}
	sitemap, _ := os.ReadFile(filepath.Join(site, "sitemap.xml"))
	if strings.Contains(string(sitemap), "versions/") {
		t.Error("sitemap.xml lists a version page")
	}
	if _, err := os.Stat(filepath.Join(site, "versions", "plan-2025", "sitemap.xml")); err == nil {
		t.Error("a version has its own sitemap.xml")
	}
	if got := lastUpdated(t, site, "versions/plan-2025/index.html"); got != "" {
		t.Errorf("version page with a last-updated line %q", got)
	}
	changes, _ := os.ReadFile(filepath.Join(site, "changes", "index.html"))
	if !strings.Contains(string(changes), `<a href="../versions/plan-2025/">Version plan-2025</a>`) {
		t.Error("the Changes page does not link to the earlier version")
	}
	if n := checkLinks(t, site); n == 0 {
		t.Error("no links checked")
	}
}

func href(n *html.Node) string { v, _ := attr(n, "href"); return v }

func TestHistoryShallowAndAbsent(t *testing.T) {
	_, r := historyPlan(t)
	clone := filepath.Join(t.TempDir(), "clone")
	r.ShallowClone(clone, 1)
	site, _ := buildWithHistory(t, filepath.Join(clone, "cedar-valley"), false)
	changes, _ := os.ReadFile(filepath.Join(site, "changes", "index.html"))
	if !strings.Contains(string(changes), "This list starts on November 20, 2025: earlier changes were left out when this site was built.") {
		t.Error("shallow clone: the Changes page does not say its list is partial")
	}
	if got := lastUpdated(t, site, "district/index.html"); got != "This page last changed on November 20, 2025. What changed, and when." {
		t.Errorf("shallow clone, district page: %q", got)
	}

	plain := testplan.Copy(t, "cedar-valley")
	log, err := history.Open(plain, history.Options{})
	if err != nil || log.State != history.Absent {
		t.Fatalf("no git: %v, %v", log, err)
	}
	site, _ = buildDir(t, plain, BuildOptions{History: log})
	if _, err := os.Stat(filepath.Join(site, "changes")); err == nil {
		t.Error("no git: a Changes page")
	}
	if got := lastUpdated(t, site, "index.html"); got != "" {
		t.Errorf("no git: %q", got)
	}
}

func TestVersionNotBuilt(t *testing.T) {
	dir, r := historyPlan(t)
	goal := filepath.Join(dir, "goals", "02-english-learners.md")
	good, _ := os.ReadFile(goal)
	writeFile(t, goal, strings.Replace(string(good), "+++\ntitle = ", "+++\ntitel = ", 1))
	r.Commit("A broken draft", gittest.Day(2025, 12, 1))
	r.Tag("plan-draft")
	writeFile(t, goal, string(good))
	r.Commit("Mend the draft", gittest.Day(2025, 12, 2))
	site, res := buildWithHistory(t, dir, true)
	var got []string
	for _, w := range res.Warnings {
		if w.Code == content.CodeVersionNotBuilt {
			got = append(got, w.String())
		}
	}
	want := "trellis.toml: warning: version plan-draft was not built: the plan at plan-draft has errors (goals/02-english-learners.md:2:1: error: unknown key `titel`)"
	if len(got) != 1 || got[0] != want {
		t.Errorf("warnings %q\nwant %q", got, want)
	}
	if _, err := os.Stat(filepath.Join(site, "versions", "plan-2025", "index.html")); err != nil {
		t.Errorf("the good version was not built: %v", err)
	}
	if _, err := os.Stat(filepath.Join(site, "versions", "plan-draft")); err == nil {
		t.Error("the broken version was built")
	}
}

// TestVersionsLinkedFromEveryLanguage: the earlier versions are built once,
// in the plan's main language; the Changes page of every language links
// to them, and every link of the site leads to a page.
func TestVersionsLinkedFromEveryLanguage(t *testing.T) {
	dir := testplan.Copy(t, "cedar-valley") // with its Spanish translation
	p := filepath.Join(dir, "trellis.toml")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), "\nyears = 3\n", "\nyears = 3\nversion_tags = \"plan-*\"\n", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	r := gittest.Init(t, filepath.Dir(dir))
	r.Commit("Adopt the plan", gittest.Day(2025, 6, 10))
	r.Tag("plan-2025")
	site, _ := buildWithHistory(t, dir, true)
	for _, page := range []string{"changes/index.html", "es/changes/index.html"} {
		found := false
		for _, a := range find(parse(t, filepath.Join(site, page)), tag("a")) {
			found = found || strings.HasSuffix(href(a), "versions/plan-2025/")
		}
		if !found {
			t.Errorf("%s does not link to versions/plan-2025/", page)
		}
	}
	if _, err := os.Stat(filepath.Join(site, "versions", "plan-2025", "index.html")); err != nil {
		t.Fatal(err)
	}
	checkLinks(t, site)
}
