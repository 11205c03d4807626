package generator

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/trellis-pl/trellis/internal/browsertest"
)

// searchState is what the search page shows after a search.
type searchState struct {
	Groups []string `json:"groups"` // group headings, in order
	First  string   `json:"first"`  // the first result's title
	Field  string   `json:"field"`  // the field its snippet comes from
	HTML   string   `json:"html"`   // the snippet's markup
	Status string   `json:"status"` // the live region's text
	Live   string   `json:"live"`   // its aria-live
}

const searchStateJS = `JSON.stringify((() => {
  const r = document.getElementById("search-results"), s = document.getElementById("search-status");
  const li = r.querySelector("li"), f = li && li.querySelector(".field"), p = li && li.querySelector("p");
  return {groups: [...r.querySelectorAll("h2")].map(h => h.textContent), first: li ? li.querySelector("a").textContent : "",
    field: f ? f.textContent : "", html: p ? p.innerHTML : "", status: s.textContent, live: s.getAttribute("aria-live")};
})())`

// TestSearchResults searches the plan for words in each kind of field and
// expects the result named, the field named, the words in <mark>, results
// grouped by kind and the count in the live region.
func TestSearchResults(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	axe, err := os.ReadFile(browsertest.NodeModule(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.Chromium(t)
	_, base := serveSite(t, "cedar-valley")
	tests := []struct {
		q, group, first, field string
		marks                  []string
	}{
		{"41 percent", "Goals (1)", "Goal 1: Every student reads on grade level by the end of grade 3", "Rationale", []string{"41", "percent"}},
		{"screener winter", "Goals (1)", "Goal 1: Every student reads on grade level by the end of grade 3", "Measures", []string{"screener", "winter"}},
		{"teaches observes", "Activities (1)", "Planning for language in every lesson", "Follow-up: how", []string{"teaches", "observes"}},
		{"stipends after-school", "Activities (1)", "Planning for language in every lesson", "Resources", []string{"Stipends", "after-school"}},
		{"westbrook", "Partners (1)", "Westbrook State University Induction Center", "", nil},
		{"yearly analysis", "Partners (1)", "Westbrook State University Induction Center", "Services", []string{"yearly", "analysis"}},
		{"mentoring log", "Activities (1)", "Two-year induction and mentoring", "Follow-up: how", []string{"Mentoring", "log"}},
		{"collaborative inquiry", "Standards (1)", "Culture of Collaborative Inquiry", "", nil},
		{"okafor", "Pages (1)", "Accessibility", "Contact", []string{"Okafor"}},
	}
	status := regexp.MustCompile(`^\d+ results? for .+: \d+ [a-z]+(, \d+ [a-z]+)*\.$`)
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
			defer cancel()
			var raw string
			err := chromedp.Run(tctx,
				chromedp.Navigate(base+"search/?q="+url.QueryEscape(tt.q)),
				chromedp.WaitVisible("#search-results li a", chromedp.ByQuery),
				chromedp.Evaluate(searchStateJS, &raw),
			)
			if err != nil {
				t.Fatal(err)
			}
			var got searchState
			if err := json.Unmarshal([]byte(raw), &got); err != nil {
				t.Fatal(err)
			}
			if len(got.Groups) == 0 || !strings.HasPrefix(got.Groups[0], tt.group) || got.First != tt.first {
				t.Errorf("groups %q, first result %q; want group %q first, with %q", got.Groups, got.First, tt.group, tt.first)
			}
			if tt.field != "" && got.Field != tt.field {
				t.Errorf("field = %q, want %q", got.Field, tt.field)
			}
			for _, m := range tt.marks {
				if !strings.Contains(got.HTML, "<mark>"+m+"</mark>") {
					t.Errorf("snippet %s lacks <mark>%s</mark>", got.HTML, m)
				}
			}
			if strings.Contains(got.HTML, "**") {
				t.Errorf("snippet has Markdown: %s", got.HTML)
			}
			if got.Live != "polite" || !status.MatchString(got.Status) {
				t.Errorf("live region (%s): %q", got.Live, got.Status)
			}
			// The results, highlights included, pass axe-core in both schemes.
			for _, dark := range []bool{false, true} {
				if err := chromedp.Run(tctx, browsertest.DarkMode(dark)); err != nil {
					t.Fatal(err)
				}
				vs, err := browsertest.Axe(tctx, string(axe), browsertest.WCAG21AA)
				if err != nil {
					t.Fatal(err)
				}
				for _, v := range vs {
					t.Errorf("dark %v: %s", dark, v)
				}
			}
		})
	}
}

// TestSearchKeyboard moves from the search box to the results and back
// with the arrow keys.
func TestSearchKeyboard(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	ctx := browsertest.Chromium(t)
	_, base := serveSite(t, "cedar-valley")
	tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	var first, second, back string
	active := `document.activeElement.id || document.activeElement.textContent`
	err := chromedp.Run(tctx,
		chromedp.Navigate(base+"search/?q=goal"),
		chromedp.WaitVisible("#search-results li a", chromedp.ByQuery),
		chromedp.Focus("#q", chromedp.ByID),
		chromedp.KeyEvent(kb.ArrowDown),
		chromedp.Evaluate(active, &first),
		chromedp.KeyEvent(kb.ArrowDown),
		chromedp.Evaluate(active, &second),
		chromedp.KeyEvent(kb.ArrowUp),
		chromedp.KeyEvent(kb.ArrowUp),
		chromedp.Evaluate(active, &back),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(first, "Goal 1:") || !strings.HasPrefix(second, "Goal 2:") || back != "q" {
		t.Errorf("arrow keys: %q, %q, then back to %q", first, second, back)
	}
}
