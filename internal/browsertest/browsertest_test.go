package browsertest

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestAxeFindsViolations proves the accessibility check can fail: a page
// with known faults must produce exactly those violations.
func TestAxeFindsViolations(t *testing.T) {
	axe, err := os.ReadFile(NodeModule(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := Chromium(t)
	page := `<!DOCTYPE html><html><head><title>Faults</title></head><body><main>
<h1>Faults</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<p style="color:#aaa;background:#fff">Pale text</p>
<input type="text">
</main></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	defer srv.Close()
	tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Run(tctx, chromedp.Navigate(srv.URL)); err != nil {
		t.Fatal(err)
	}
	vs, err := Axe(tctx, string(axe), WCAG21AA)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, v := range vs {
		ids = append(ids, v.ID)
	}
	sort.Strings(ids)
	if got, want := strings.Join(ids, " "), "color-contrast html-has-lang image-alt label"; got != want {
		t.Errorf("violations = %s, want %s", got, want)
	}
}

// TestVNUFindsErrors proves the HTML validity check can fail.
func TestVNUFindsErrors(t *testing.T) {
	if _, err := exec.LookPath("java"); err != nil {
		Missing(t, "java", "install it with: apt-get install default-jre-headless")
	}
	dir := t.TempDir()
	bad := `<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><p><div>bad</p><a href="x" href="y">z</a></body></html>`
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	msgs := VNU(t, dir)
	var got []string
	for _, m := range msgs {
		got = append(got, m.Message)
	}
	joined := strings.Join(got, "\n")
	if !strings.Contains(joined, "Duplicate attribute") || !strings.Contains(joined, "No “p” element in scope") {
		t.Errorf("vnu messages:\n%s", joined)
	}
}
