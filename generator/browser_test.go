package generator

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/browsertest"
)

// serveSite builds an example and serves it on a loopback address.
func serveSite(t *testing.T, example string) (string, string) {
	t.Helper()
	site := buildExample(t, example, BuildOptions{Minify: true})
	srv := httptest.NewServer(http.FileServer(http.Dir(site)))
	t.Cleanup(srv.Close)
	return site, srv.URL + "/"
}

// TestAccessibility opens every page of each example in Chromium, in the
// light and the dark colour scheme, and runs axe-core with the WCAG 2.1 A
// and AA rules. Any violation fails.
func TestAccessibility(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	axe, err := os.ReadFile(browsertest.NodeModule(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.Chromium(t)
	for _, ex := range examples {
		site, base := serveSite(t, ex)
		pages := htmlFiles(t, site)
		for _, dark := range []bool{false, true} {
			scheme := map[bool]string{false: "light", true: "dark"}[dark]
			for _, page := range pages {
				if dark && strings.HasPrefix(page, "es/") {
					continue // the Spanish pages share the English pages' markup and colours: light is enough
				}
				u := base + strings.TrimSuffix(page, "index.html")
				t.Run(fmt.Sprintf("%s/%s/%s", ex, scheme, page), func(t *testing.T) {
					tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
					defer cancel()
					if err := chromedp.Run(tctx, browsertest.DarkMode(dark), chromedp.Navigate(u)); err != nil {
						t.Fatal(err)
					}
					vs, err := browsertest.Axe(tctx, string(axe), browsertest.WCAG21AA)
					if err != nil {
						t.Fatal(err)
					}
					for _, v := range vs {
						t.Errorf("%s: %s", u, v)
					}
				})
			}
		}
	}
}

// TestSearchFindsGoal types each goal's title into the search page and
// expects a link to the goal among the results.
func TestSearchFindsGoal(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	ctx := browsertest.Chromium(t)
	plan := loadExample(t, "cedar-valley")
	_, base := serveSite(t, "cedar-valley")
	for _, g := range plan.Goals {
		tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		var first, href, status string
		err := chromedp.Run(tctx,
			chromedp.Navigate(base+"search/"),
			chromedp.WaitVisible("#q", chromedp.ByID),
			chromedp.SendKeys("#q", g.Title, chromedp.ByID),
			chromedp.WaitVisible("#search-results li a", chromedp.ByQuery),
			chromedp.Text("#search-results li a", &first, chromedp.ByQuery),
			chromedp.AttributeValue("#search-results li a", "href", &href, nil, chromedp.ByQuery),
			chromedp.Text("#search-status", &status, chromedp.ByID),
		)
		cancel()
		if err != nil {
			t.Fatalf("searching for %q: %v", g.Title, err)
		}
		if want := fmt.Sprintf("Goal %d: %s", g.Number, g.Title); first != want || href != "../goals/"+g.ID+"/" {
			t.Errorf("search for %q: first result %q (%s), want %q", g.Title, first, href, want)
		}
		if !strings.Contains(status, " result") {
			t.Errorf("status = %q", status)
		}
	}
	// The header's search box sends the words to the search page.
	tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	var first string
	err := chromedp.Run(tctx,
		chromedp.Navigate(base),
		chromedp.SendKeys("#site-search", "mentoring\n", chromedp.ByID),
		chromedp.WaitVisible("#search-results li a", chromedp.ByQuery),
		chromedp.Text("#search-results li a", &first, chromedp.ByQuery),
	)
	if err != nil || first != "Two-year induction and mentoring" {
		t.Errorf("header search: %q, %v", first, err)
	}
}

func TestActivityFilter(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	ctx := browsertest.Chromium(t)
	_, base := serveSite(t, "cedar-valley")
	tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	var visible int
	var status, total string
	count := `Array.from(document.querySelectorAll("#activities tbody tr")).filter(r => !r.hidden).length`
	err := chromedp.Run(tctx,
		chromedp.Navigate(base+"activities/"),
		chromedp.WaitVisible("#filter-goal", chromedp.ByID),
		chromedp.SetValue("#filter-goal", "early-career-teachers", chromedp.ByID),
		chromedp.Evaluate(`document.getElementById("filter-goal").dispatchEvent(new Event("change"))`, nil),
		chromedp.Evaluate(count, &visible),
		chromedp.Text("#filter-status", &status, chromedp.ByID),
		chromedp.Text("#activities-total", &total, chromedp.ByID),
	)
	if err != nil {
		t.Fatal(err)
	}
	// Goal 3's activities cost $186,000 + $22,500 + $8,200 + $45,000.
	if visible != 3 || status != "Showing 3 of 7 activities, costing $261,700." || total != "$261,700" {
		t.Errorf("goal filter: %d rows visible, status %q, total %q", visible, status, total)
	}
	err = chromedp.Run(tctx,
		chromedp.SetValue("#filter-standard", "leadership", chromedp.ByID),
		chromedp.Evaluate(`document.getElementById("filter-standard").dispatchEvent(new Event("change"))`, nil),
		chromedp.Evaluate(count, &visible),
	)
	if err != nil || visible != 2 {
		t.Errorf("goal and standard filter: %d rows visible, %v", visible, err)
	}
}

// TestNarrowScreen checks that no page scrolls sideways at 320 CSS pixels
// (WCAG 1.4.10 Reflow); wide tables scroll inside their own box.
func TestNarrowScreen(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	ctx := browsertest.Chromium(t)
	site, base := serveSite(t, "cedar-valley")
	for _, page := range htmlFiles(t, site) {
		tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		var width int
		err := chromedp.Run(tctx,
			emulation.SetDeviceMetricsOverride(320, 640, 1, true),
			chromedp.Navigate(base+strings.TrimSuffix(page, "index.html")),
			chromedp.Evaluate(`document.documentElement.scrollWidth`, &width),
		)
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		if width > 320 {
			t.Errorf("%s is %d px wide at a 320 px screen", page, width)
		}
	}
}

// TestWithoutJavaScript checks that the pages that use scripts still give
// their content with scripting off.
func TestWithoutJavaScript(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	ctx := browsertest.Chromium(t)
	_, base := serveSite(t, "cedar-valley")
	tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	var pages, rows int
	var filtersHidden bool
	err := chromedp.Run(tctx,
		emulation.SetScriptExecutionDisabled(true),
		chromedp.Navigate(base+"search/"),
		chromedp.Evaluate(`document.querySelectorAll("#all-pages li a").length`, &pages),
		chromedp.Navigate(base+"activities/"),
		chromedp.Evaluate(`document.querySelectorAll("#activities tbody tr").length`, &rows),
		chromedp.Evaluate(`document.getElementById("activity-filters").hidden`, &filtersHidden),
	)
	if err != nil {
		t.Fatal(err)
	}
	if pages < 20 || rows != 7 || !filtersHidden {
		t.Errorf("without JavaScript: %d pages listed on the search page, %d activity rows, filters hidden %v", pages, rows, filtersHidden)
	}
}

// TestHTMLValid runs the Nu Html Checker on every page of both examples.
func TestHTMLValid(t *testing.T) {
	if testing.Short() {
		t.Skip("validator test")
	}
	for _, ex := range examples {
		for _, minify := range []bool{true, false} {
			site := buildExample(t, ex, BuildOptions{Minify: minify})
			msgs := browsertest.VNU(t, site)
			for _, m := range msgs {
				t.Errorf("%s (minify %v): %s:%d:%d: %s [%s]", ex, minify, strings.TrimPrefix(m.URL, "file:"+site), m.Line, m.Column, m.Message, m.Extract)
			}
			if len(htmlFiles(t, site)) == 0 {
				t.Fatal("no pages to validate")
			}
		}
	}
}

// TestPortalPagesAccessibleAndValid runs axe-core on the portal's own pages
// and a district page inside the portal, and vnu on the whole portal.
func TestPortalPagesAccessibleAndValid(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	axe, err := os.ReadFile(browsertest.NodeModule(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	dir := makePortal(t)
	p, _ := content.OpenPortal(dir)
	out := filepath.Join(t.TempDir(), "site")
	if _, diags, err := BuildPortal(p, PortalOptions{Out: out, Minify: true, Workers: 2}); err != nil || len(diags) > 0 {
		t.Fatal(err, diags)
	}
	for _, m := range browsertest.VNU(t, out) {
		t.Errorf("vnu: %s:%d:%d: %s", strings.TrimPrefix(m.URL, "file:"+out), m.Line, m.Column, m.Message)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	ctx := browsertest.Chromium(t)
	for _, page := range []string{"", "standards/", "404.html", "cedar-valley/", "magnolia-county/partners/"} {
		for _, dark := range []bool{false, true} {
			tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
			if err := chromedp.Run(tctx, browsertest.DarkMode(dark), chromedp.Navigate(srv.URL+"/"+page)); err != nil {
				t.Fatal(err)
			}
			vs, err := browsertest.Axe(tctx, string(axe), browsertest.WCAG21AA)
			cancel()
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range vs {
				t.Errorf("/%s (dark %v): %s", page, dark, v)
			}
		}
	}
}
