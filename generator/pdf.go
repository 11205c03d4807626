package generator

import "github.com/trellis-pl/trellis/internal/pdfprint"

// PDFFile is where the printable plan is written as a PDF, when
// BuildOptions.PDF is set.
const PDFFile = "plan.pdf"

// printablePage is the page that plan.pdf is printed from.
const printablePage = "plan/"

// ErrNoBrowser is returned when plan.pdf is asked for and no Chrome or
// Chromium is installed.
var ErrNoBrowser = pdfprint.ErrNoBrowser

// FindBrowser returns the path of a local Chrome or Chromium, or
// ErrNoBrowser.
func FindBrowser() (string, error) { return pdfprint.FindBrowser() }

// writePDF prints the site written to dir and adds plan.pdf to it through
// w, when opt asks for it: one for each language, in its folder
// (es/plan.pdf).
func writePDF(dir string, w writer, opt BuildOptions, sps []*sitePlan) error {
	if !opt.PDF {
		return nil
	}
	for _, sp := range sps {
		pdf, err := pdfprint.Print(opt.Browser, dir, sp.root+printablePage)
		if err != nil {
			return err
		}
		if err := w.write(sp.root+PDFFile, pdf); err != nil {
			return err
		}
	}
	return nil
}
