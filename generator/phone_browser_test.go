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

// phoneWidths are the screen widths the phone tests use, in CSS pixels:
// the narrowest phones (WCAG 1.4.10 Reflow) and a common one.
var phoneWidths = []int64{320, 390}

// smallTextJS lists the rendered text whose element's computed font size is
// under 12 CSS pixels, SVG text included.
const smallTextJS = `(() => {
  const out = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const el = n.parentElement;
    if (!n.data.trim() || !el || !el.checkVisibility({visibilityProperty: true}) || el.getClientRects().length === 0) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < 12) out.push(size + "px: " + n.data.trim().slice(0, 40));
  }
  return out;
})()`

// phoneSite is a site to check on phones: its folder and its address.
type phoneSite struct{ name, dir, base string }

func phoneSites(t *testing.T) []phoneSite {
	var sites []phoneSite
	for _, ex := range examples {
		dir, base := serveSite(t, ex)
		sites = append(sites, phoneSite{ex, dir, base})
	}
	p, _ := content.OpenPortal(makePortal(t))
	out := filepath.Join(t.TempDir(), "portal")
	if _, diags, err := BuildPortal(p, PortalOptions{Out: out, Minify: true, Workers: 2}); err != nil || len(diags) > 0 {
		t.Fatal(err, diags)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	return append(sites, phoneSite{"portal", out, srv.URL + "/"})
}

// TestPhones opens every page of both examples and of a portal at 320 and
// 390 CSS pixels: no page scrolls sideways, no text is under 12 px, the
// home page's content starts in the top quarter of an 800 px screen, and
// axe-core finds no WCAG 2.1 A or AA violation in light or dark mode.
func TestPhones(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	axe, err := os.ReadFile(browsertest.NodeModule(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.Chromium(t)
	for _, site := range phoneSites(t) {
		for _, page := range htmlFiles(t, site.dir) {
			for _, width := range phoneWidths {
				t.Run(fmt.Sprintf("%s/%d/%s", site.name, width, page), func(t *testing.T) {
					checkPhonePage(t, ctx, string(axe), site.base+strings.TrimSuffix(page, "index.html"), width, page == "index.html")
				})
			}
		}
	}
}

func checkPhonePage(t *testing.T, ctx context.Context, axe, u string, width int64, home bool) {
	tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	var scroll int64
	var small []string
	var mainTop float64
	err := chromedp.Run(tctx,
		emulation.SetDeviceMetricsOverride(width, 800, 1, true),
		browsertest.DarkMode(false),
		chromedp.Navigate(u),
		chromedp.Evaluate(`document.documentElement.scrollWidth`, &scroll),
		chromedp.Evaluate(smallTextJS, &small),
		chromedp.Evaluate(`document.querySelector("main h1").getBoundingClientRect().top + window.scrollY`, &mainTop),
	)
	if err != nil {
		t.Fatal(err)
	}
	if scroll > width {
		t.Errorf("%s is %d px wide on a %d px screen", u, scroll, width)
	}
	for _, s := range small {
		t.Errorf("%s: text under 12 px: %s", u, s)
	}
	if home && mainTop > 200 {
		t.Errorf("%s: the main heading starts %.0f px down an 800 px screen, want at most 200", u, mainTop)
	}
	for _, dark := range []bool{false, true} {
		if err := chromedp.Run(tctx, browsertest.DarkMode(dark)); err != nil {
			t.Fatal(err)
		}
		vs, err := browsertest.Axe(tctx, axe, browsertest.WCAG21AA)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range vs {
			t.Errorf("%s (dark %v): %s", u, dark, v)
		}
	}
}

// TestPhoneMenu checks that the menu is closed on a phone and opens with a
// keyboard, without JavaScript, and that on a wide screen its links show
// with no button.
func TestPhoneMenu(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	ctx := browsertest.Chromium(t)
	_, base := serveSite(t, "cedar-valley")
	tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	visible := `document.querySelector(".site-nav a[href='district/']").checkVisibility()`
	summary := `document.querySelector(".nav-menu summary").checkVisibility()`
	var closed, open, wideLinks, wideSummary bool
	err := chromedp.Run(tctx,
		emulation.SetScriptExecutionDisabled(true),
		emulation.SetDeviceMetricsOverride(390, 800, 1, true),
		chromedp.Navigate(base),
		chromedp.Evaluate(visible, &closed),
		chromedp.Focus(".nav-menu summary", chromedp.ByQuery),
		chromedp.KeyEvent("\r"),
		chromedp.Evaluate(visible, &open),
		emulation.SetDeviceMetricsOverride(1280, 800, 1, false),
		chromedp.Navigate(base),
		chromedp.Evaluate(visible, &wideLinks),
		chromedp.Evaluate(summary, &wideSummary),
	)
	if err != nil {
		t.Fatal(err)
	}
	if closed || !open || !wideLinks || wideSummary {
		t.Errorf("menu: links visible closed %v, after Enter %v, on a wide screen %v; button on a wide screen %v", closed, open, wideLinks, wideSummary)
	}
}
