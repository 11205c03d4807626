// Package pdfprint prints a page of a site on disk to PDF with a local
// Chrome or Chromium. It owns the browser and the short-lived local server
// the browser reads the site from, so that the generator stays free of
// both.
package pdfprint

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// pdfTimeout bounds the whole print, so a browser that hangs cannot hang
// the build.
const pdfTimeout = 2 * time.Minute

// ErrNoBrowser is returned by FindBrowser when no Chrome or Chromium is
// installed.
var ErrNoBrowser = errors.New("plan.pdf needs Chrome or Chromium, and neither was found; install one " +
	"(Debian or Ubuntu: apt-get install chromium; macOS: brew install --cask chromium; Windows: install Google Chrome) " +
	"or build without --pdf")

// browserNames are the programs FindBrowser looks for, in order.
var browserNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome",
	"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome", "/Applications/Chromium.app/Contents/MacOS/Chromium"}

// FindBrowser returns the path of a local Chrome or Chromium, or
// ErrNoBrowser.
func FindBrowser() (string, error) {
	for _, name := range browserNames {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoBrowser
}

// Print prints the page at path (such as "plan/") of the site in the folder dir to PDF
// with the browser at browser: US Letter unless the page's CSS says
// otherwise, tagged, with an outline from the headings. The site is served
// on 127.0.0.1 for the browser only while it prints.
func Print(browser, dir, path string) ([]byte, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	srv := &http.Server{Handler: http.FileServer(http.Dir(dir)), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()

	profile, err := os.MkdirTemp("", "trellis-pdf-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(profile)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(browser),
		chromedp.UserDataDir(profile),
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	)
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox) // Chromium refuses to run as root with its sandbox
	}
	ctx, cancel := context.WithTimeout(context.Background(), pdfTimeout)
	defer cancel()
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()

	var pdf []byte
	err = chromedp.Run(bctx,
		chromedp.Navigate("http://"+ln.Addr().String()+"/"+path),
		chromedp.ActionFunc(func(ctx context.Context) error {
			var err error
			pdf, _, err = page.PrintToPDF().
				WithPaperWidth(8.5).WithPaperHeight(11).
				WithPreferCSSPageSize(true).
				WithPrintBackground(true).
				WithGenerateTaggedPDF(true).
				WithGenerateDocumentOutline(true).
				Do(ctx)
			return err
		}),
	)
	if err != nil {
		return nil, fmt.Errorf("printing %s with %s: %v", path, browser, err)
	}
	return pdf, nil
}
