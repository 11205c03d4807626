package generator

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/trellis-pl/trellis/internal/browsertest"
)

// TestHistoryPagesAccessibleAndValid runs axe-core on the Changes page, a
// page with its last-updated line and pages of an earlier version, in both
// colour schemes, and vnu on the whole site with its versions.
func TestHistoryPagesAccessibleAndValid(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	axe, err := os.ReadFile(browsertest.NodeModule(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	dir, _ := historyPlan(t)
	site, _ := buildWithHistory(t, dir, true)
	for _, m := range browsertest.VNU(t, site) {
		t.Errorf("vnu: %s:%d:%d: %s", strings.TrimPrefix(m.URL, "file:"+site), m.Line, m.Column, m.Message)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(site)))
	defer srv.Close()
	ctx := browsertest.Chromium(t)
	for _, page := range []string{"changes/", "goals/early-literacy/", "versions/plan-2025/", "versions/plan-2025/partners/northstar-literacy/"} {
		for _, dark := range []bool{false, true} {
			tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
			if err := chromedp.Run(tctx, browsertest.DarkMode(dark), chromedp.Navigate(srv.URL+"/"+page)); err != nil {
				cancel()
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
