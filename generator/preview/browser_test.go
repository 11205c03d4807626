package preview

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/trellis-pl/trellis/internal/browsertest"
)

// TestBrowserLiveReload opens a page in Chromium, edits its source, and
// watches the page change by itself; then breaks the plan, sees the error
// overlay, fixes it, and sees the overlay go.
func TestBrowserLiveReload(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	ctx := browsertest.Chromium(t)
	h := start(t, Options{Port: 0})
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	var title string
	err := chromedp.Run(ctx,
		chromedp.Navigate(h.srv.URL()+"goals/reading/"),
		chromedp.Text("h1", &title, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatal(err)
	}
	if title != "Goal 1: Read well" {
		t.Fatalf("h1 = %q", title)
	}
	h.waitClients(1) // the page's event stream

	h.replace("goals/reading.md", `title = "Read well"`, `title = "Welcome, read well"`)
	err = waitJS(ctx, `document.querySelector("h1").textContent.includes("Welcome, read well")`)
	if err != nil {
		t.Fatalf("the page did not update: %v\nlog:\n%s", err, h.log)
	}

	h.replace("goals/reading.md", `outcome = "Most students`, `outcom = "Most students`)
	var overlay string
	err = chromedp.Run(ctx,
		chromedp.WaitVisible("#trellis-overlay", chromedp.ByID),
		chromedp.Text("#trellis-overlay pre", &overlay, chromedp.ByQuery),
	)
	if err != nil {
		t.Fatalf("no overlay: %v", err)
	}
	for _, want := range []string{"goals/reading.md:", "unknown key `outcom`", "did you mean `outcome`?", "^^^^^^"} {
		if !strings.Contains(overlay, want) {
			t.Errorf("overlay lacks %q:\n%s", want, overlay)
		}
	}
	// The page behind the overlay is the last good one.
	if err := chromedp.Run(ctx, chromedp.Text("h1", &title, chromedp.ByQuery)); err != nil || !strings.Contains(title, "Welcome") {
		t.Errorf("h1 behind the overlay = %q, %v", title, err)
	}

	h.replace("goals/reading.md", `outcom = "Most students`, `outcome = "Most students`)
	err = waitJS(ctx, `document.readyState === "complete" && document.getElementById("trellis-overlay") === null && document.querySelector("h1") !== null`)
	if err != nil {
		t.Fatalf("the overlay did not go: %v", err)
	}
}

// waitJS evaluates a condition every 50ms until it is true, for up to 10
// seconds. Errors while the page reloads are expected and retried.
func waitJS(ctx context.Context, cond string) error {
	deadline := time.Now().Add(10 * time.Second)
	for {
		var ok bool
		err := chromedp.Run(ctx, chromedp.Evaluate(cond, &ok))
		if err == nil && ok {
			return nil
		}
		if time.Now().After(deadline) {
			if err == nil {
				err = context.DeadlineExceeded
			}
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
}
