package generator

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/trellis-pl/trellis/internal/browsertest"
)

// maxPlanPages is what the printed Cedar Valley plan, with its cover,
// contents, narratives and budget, must fit in.
const maxPlanPages = 22

// minPageLines is the fewest lines of text, besides the running title and
// page number, a printed page may hold before it counts as nearly empty.
const minPageLines = 8

// pdfTool returns the path of a poppler program, or skips the test.
func pdfTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		browsertest.Missing(t, name, "install it with: apt-get install poppler-utils")
	}
	return p
}

// pdfPages returns the text of each page of a PDF file.
func pdfPages(t *testing.T, file string) []string {
	t.Helper()
	info, err := exec.Command(pdfTool(t, "pdfinfo"), file).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo gives no page count:\n%s", info)
	}
	n, _ := strconv.Atoi(string(m[1]))
	pages := make([]string, n)
	for i := range pages {
		p := strconv.Itoa(i + 1)
		out, err := exec.Command(pdfTool(t, "pdftotext"), "-f", p, "-l", p, file, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext page %s: %v", p, err)
		}
		pages[i] = string(out)
	}
	return pages
}

// bodyLines are a page's lines of text without the running title and the
// page number in its margins.
func bodyLines(page, title string) []string {
	var out []string
	for _, l := range strings.Split(page, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || l == title || strings.HasPrefix(l, "Page ") && strings.Contains(l, " of ") {
			continue
		}
		out = append(out, l)
	}
	return out
}

// headingTexts are the texts of the printable page's elements of the
// given names: its headings and table captions, which must never end a
// page, or its section headings (h2).
func headingTexts(t *testing.T, file string, names ...string) []string {
	t.Helper()
	var out []string
	for _, h := range find(parse(t, file), func(n *html.Node) bool {
		for _, name := range names {
			if n.Type == html.ElementNode && n.Data == name {
				return true
			}
		}
		return false
	}) {
		out = append(out, strings.Join(strings.Fields(text(h)), " "))
	}
	return out
}

// endingHeading returns the heading that a page's lines end with, or "".
// A heading may wrap, so the last one to three lines are compared.
func endingHeading(lines, headings []string) string {
	for k := 1; k <= 3 && k <= len(lines); k++ {
		last := strings.Join(lines[len(lines)-k:], " ")
		for _, h := range headings {
			if last == h {
				return h
			}
		}
	}
	return ""
}

func TestEndingHeading(t *testing.T) {
	headings := []string{"Budget", "Resources without a cost or a funding source"}
	tests := []struct {
		lines []string
		want  string
	}{
		{[]string{"Some text.", "Budget"}, "Budget"},
		{[]string{"Some text.", "Resources without a cost or a", "funding source"}, "Resources without a cost or a funding source"},
		{[]string{"cost and funding", "source"}, ""},
		{[]string{"Budget", "The plan's estimated cost is $5."}, ""},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := endingHeading(tt.lines, headings); got != tt.want {
			t.Errorf("endingHeading(%q) = %q, want %q", tt.lines, got, tt.want)
		}
	}
}

// TestPlanPDF builds Cedar Valley with plan.pdf and checks the printed
// plan: a tagged PDF with an outline, its title and language set, at most
// 22 Letter pages, no page ending with a heading, no page nearly empty.
func TestPlanPDF(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	browser, err := FindBrowser()
	if err != nil {
		browsertest.Missing(t, "chromium", "install it with: apt-get install chromium")
	}
	site := buildExample(t, "cedar-valley", BuildOptions{Minify: true, PDF: true, Browser: browser})
	file := filepath.Join(site, PDFFile)
	pdf, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, marker := range []string{"%PDF-", "/StructTreeRoot", "/MarkInfo", "/Outlines", "/Lang (en)"} {
		if !bytes.Contains(pdf, []byte(marker)) {
			t.Errorf("plan.pdf has no %s", marker)
		}
	}
	info, err := exec.Command(pdfTool(t, "pdfinfo"), file).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Title:           The whole plan · Cedar Valley Professional Learning Plan, 2025–2028", "Tagged:          yes", "Page size:       612 x 792 pts (letter)"} {
		if !strings.Contains(string(info), want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	pages := pdfPages(t, file)
	if len(pages) > maxPlanPages {
		t.Errorf("plan.pdf has %d pages, want at most %d", len(pages), maxPlanPages)
	}
	title := "Cedar Valley Professional Learning Plan, 2025–2028"
	checkPages(t, pages, title, filepath.Join(site, "plan", "index.html"))
	// The running title and page number are in the margins of every page
	// after the cover.
	for i, p := range pages[1:] {
		number := fmt.Sprintf("Page %d of %d", i+2, len(pages))
		if !strings.HasPrefix(p, title+"\n") || !strings.Contains(p, number) {
			t.Errorf("page %d lacks the running title or %q", i+2, number)
		}
	}
	first := strings.Join(bodyLines(pages[0], title), " ")
	for _, want := range []string{"Cedar Valley School District", "Version 2.1", "Dr. Alan Reyes", "Dr. Renée Okafor", "June 10, 2025"} {
		if !strings.Contains(first, want) {
			t.Errorf("the cover lacks %q: %s", want, first)
		}
	}
	for _, screenOnly := range []string{"Use your browser's Print", "Skip to main content", "Search the plan"} {
		if strings.Contains(strings.Join(pages, "\n"), screenOnly) {
			t.Errorf("plan.pdf prints the screen-only text %q", screenOnly)
		}
	}
}

// checkPages fails the test for each printed page of the printable page
// at file that is nearly empty or ends with a heading. title is the running
// title in the page margins. A short main section, which starts a page of
// its own, may leave the rest of its page empty.
func checkPages(t *testing.T, pages []string, title, file string) {
	t.Helper()
	headings := headingTexts(t, file, "h1", "h2", "h3", "h4", "h5", "h6", "caption")
	// A table's header row must not end a page either: its last cell
	// would be the page's last line.
	for _, th := range find(parse(t, file), tag("thead")) {
		cells := find(th, tag("th"))
		headings = append(headings, strings.Join(strings.Fields(text(cells[len(cells)-1])), " "))
	}
	sections := headingTexts(t, file, "h2")
	for i, p := range pages {
		lines := bodyLines(p, title)
		if len(lines) == 0 || len(lines) < minPageLines && !slices.Contains(sections, lines[0]) {
			t.Errorf("page %d is nearly empty: %q", i+1, lines)
			continue
		}
		if h := endingHeading(lines, headings); h != "" {
			t.Errorf("page %d ends with the heading %q", i+1, h)
		}
	}
}

// TestDraftPlanPDF prints Magnolia County, a draft with the 2011 standards,
// to check its pages the same way and its cover's DRAFT mark.
func TestDraftPlanPDF(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	browser, err := FindBrowser()
	if err != nil {
		browsertest.Missing(t, "chromium", "install it with: apt-get install chromium")
	}
	site := buildExample(t, "magnolia-county", BuildOptions{Minify: true, PDF: true, Browser: browser})
	pages := pdfPages(t, filepath.Join(site, PDFFile))
	title := "Magnolia County School District Professional Learning Plan (draft)"
	checkPages(t, pages, title, filepath.Join(site, "plan", "index.html"))
	if cover := strings.Join(bodyLines(pages[0], title), " "); !strings.Contains(cover, "DRAFT Not yet adopted by the board") {
		t.Errorf("the cover of a draft lacks DRAFT: %s", cover)
	}
	if second := strings.Join(bodyLines(pages[1], ""), " "); !strings.HasPrefix(second, title) {
		t.Errorf("the running title of a draft is not %q: %s", title, second)
	}
}

// TestPDFWithoutBrowser checks that --pdf without a browser fails before
// anything is written, and leaves the previous site as it was.
func TestPDFWithoutBrowser(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	if _, err := FindBrowser(); !errors.Is(err, ErrNoBrowser) {
		t.Skipf("a browser is installed outside PATH: %v", err)
	}
	out := filepath.Join(t.TempDir(), "site")
	buildExample(t, "magnolia-county", BuildOptions{Out: out})
	before, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Build(loadExample(t, "cedar-valley"), BuildOptions{Out: out, PDF: true})
	if !errors.Is(err, ErrNoBrowser) {
		t.Fatalf("Build with PDF and no browser: err = %v, want ErrNoBrowser", err)
	}
	after, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !bytes.Equal(before, after) {
		t.Error("the failed build changed the previous site")
	}
	if _, err := os.Stat(filepath.Join(out, PDFFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("plan.pdf exists after the failed build: %v", err)
	}
}
