package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"strings"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/generator"
	"github.com/trellis-pl/trellis/internal/async"
	"github.com/trellis-pl/trellis/internal/history"
)

func runBuild(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("build", "build [DIR] [-o OUT] [--base-url URL] [--minify=false] [--minify-html] [--strict] [--warnings=false] [--pdf] [--versions]", stderr)
	out := fs.String("o", "", "the output folder (default: DIR/public)")
	baseURL := fs.String("base-url", "", "the address the site is published at (default: base_url in trellis.toml)")
	minify := fs.Bool("minify", true, "minify CSS, JS, SVG, JSON and XML")
	minifyHTML := fs.Bool("minify-html", false, "minify the HTML pages too (they are compact already: this saves about 2% of their bytes)")
	strict := fs.Bool("strict", false, "refuse to build when the plan has warnings")
	warnings := fs.Bool("warnings", true, "show warnings; --warnings=false shows errors only")
	pdf := fs.Bool("pdf", false, "also write plan.pdf, the printable plan, with a local Chrome or Chromium (default: pdf in trellis.toml)")
	versions := fs.Bool("versions", false, "also build each earlier version that version_tags in trellis.toml matches, under versions/TAG/")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the build to this file (for `go tool pprof`)")
	positional, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	dir, err := oneDir(fs, positional)
	if err != nil {
		return err
	}
	if problem, fix := content.BaseURLProblem(*baseURL); *baseURL != "" && problem != "" {
		fmt.Fprintf(stderr, "trellis build: --base-url %q %s; write --base-url %s, the address the site is published at\n", *baseURL, problem, fix)
		return errUsage
	}
	stop, err := startProfile(*cpuprofile)
	if err != nil {
		return err
	}
	defer stop()
	if *out == "" {
		*out = filepath.Join(dir, "public")
	}
	var progress io.Writer
	if useColor(stderr) { // a terminal
		progress = stderr
	}
	if content.IsPortal(dir) {
		return buildPortal(dir, generator.PortalOptions{Out: *out, BaseURL: *baseURL, Minify: *minify, MinifyHTML: *minifyHTML && *minify, Progress: progress}, *strict, !*warnings, stdout, stderr)
	}
	opt := generator.BuildOptions{Out: *out, PlanDir: dir, BaseURL: *baseURL, Minify: *minify, MinifyHTML: *minifyHTML && *minify, Progress: progress, PDF: *pdf, Versions: *versions}
	return buildPlan(dir, opt, *strict, *warnings, stdout, stderr)
}

// buildPlan builds one plan's site; opt.PDF is the --pdf flag, which
// pdf = true in trellis.toml also turns on.
func buildPlan(dir string, opt generator.BuildOptions, strict, warnings bool, stdout, stderr io.Writer) error {
	defer batchGC()()
	history := readHistory(dir, opt.Versions) // beside the loading: it needs only the folder
	plan, diags := loadPlan(dir)
	diags.Print(stderr, content.PrintOptions{Color: useColor(stderr), Max: 200, ErrorsOnly: !warnings})
	errs, warns := diags.Count()
	if errs > 0 || strict && warns > 0 {
		fmt.Fprintln(stderr, "the site was not built; the previous site, if any, is unchanged")
		return exitError{1}
	}
	pdfFlag := opt.PDF
	opt.PDF = pdfFlag || plan.Settings.PDF
	var notes []string
	opt.History, notes = history(plan)
	res, err := generator.Build(plan, opt)
	if buildFailed(dir, err, pdfFlag, stderr) {
		return exitError{1}
	}
	printDiags(dir, res.Warnings, stderr)
	for _, n := range notes {
		if warnings { // --warnings=false: errors only
			fmt.Fprintln(stderr, n)
		}
	}
	if err != nil {
		return fmt.Errorf("build failed, the previous site is unchanged: %v", err)
	}
	fmt.Fprintf(stdout, "built %s: %d pages, %d files, %s in %s\n", opt.Out, res.Pages, res.Files, humanBytes(res.Bytes), res.Elapsed.Round(1e6))
	return nil
}

// startProfile writes a CPU profile to path ("": none) until stop is
// called.
func startProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// batchGC lets a one-plan build run without collecting garbage until its
// heap nears 128 MiB (a plan's build allocates a few tens of MiB in all,
// and holds less), as the Go GC guide suggests for short batch programs;
// it returns the function that restores the settings. GOGC or GOMEMLIMIT
// in the environment leave the settings alone. A portal build keeps the
// usual pacing: it holds hundreds of plans.
func batchGC() (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	limit := debug.SetMemoryLimit(128 << 20)
	percent := debug.SetGCPercent(-1)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}

// readHistory starts reading the plan folder's git history and returns a
// function that waits for it and gives it, with the notes to show when it
// is partial or absent, for the loaded plan.
func readHistory(dir string, versions bool) func(*content.Plan) (*history.Log, []string) {
	read := async.Go(func() (*history.Log, error) { return generator.OpenHistory(dir, nil, false) })
	return func(plan *content.Plan) (*history.Log, []string) {
		log, err := read()
		return historyNotes(log, err, plan, versions)
	}
}

// historyNotes are the notes on a plan's history.
func historyNotes(log *history.Log, err error, plan *content.Plan, versions bool) (*history.Log, []string) {
	var notes []string
	if err != nil {
		notes = append(notes, fmt.Sprintf("note: the plan's history was not read, so pages show no last-updated dates: %v", err))
	} else if n := log.Note(); n != "" {
		notes = append(notes, n)
	}
	if versions && plan.Settings.VersionTags == "" {
		notes = append(notes, `note: --versions builds nothing without version_tags in trellis.toml, such as version_tags = "plan-*"`)
	}
	return log, notes
}

// buildFailed prints why a build failed on the plan, or on a missing
// browser, and reports whether it did; other errors are the caller's.
func buildFailed(dir string, err error, pdfFlag bool, stderr io.Writer) bool {
	if errors.Is(err, generator.ErrNoBrowser) {
		msg := err.Error() // one line: what is missing and how to install it
		if !pdfFlag {
			msg = strings.Replace(msg, "build without --pdf", "remove `pdf = true` from trellis.toml", 1)
		}
		fmt.Fprintln(stderr, msg)
		return true
	}
	if de := (generator.DiagnosticError{}); errors.As(err, &de) {
		printDiags(dir, content.Diagnostics{de.Diagnostic}, stderr) // Trellis failed on a file of the plan
		fmt.Fprintln(stderr, "the site was not built; the previous site, if any, is unchanged")
		return true
	}
	return false
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f kB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

func buildPortal(dir string, opt generator.PortalOptions, strict, errorsOnly bool, stdout, stderr io.Writer) error {
	p, diags := content.OpenPortal(dir)
	var res generator.PortalResult
	var err error
	if p != nil && !diags.HasErrors() {
		var more content.Diagnostics
		res, more, err = generator.BuildPortal(p, opt)
		diags = append(diags, more...)
	}
	if dir != "." {
		diags = diags.Prefix(dir)
	}
	diags.Print(stderr, content.PrintOptions{Color: useColor(stderr), Max: 200, ErrorsOnly: errorsOnly})
	errs, warns := diags.Count()
	if errs > 0 || strict && warns > 0 {
		fmt.Fprintln(stderr, "the portal was not built; the previous site, if any, is unchanged")
		return exitError{1}
	}
	if err != nil {
		return fmt.Errorf("build failed, the previous site is unchanged: %v", err)
	}
	fmt.Fprintf(stdout, "built %s: %d districts, %d pages, %d files, %s in %s\n", opt.Out, res.Districts, res.Pages, res.Files, humanBytes(res.Bytes), res.Elapsed.Round(1e6))
	return nil
}

// printDiags prints diagnostics of the plan in dir, with file names
// relative to the current folder.
func printDiags(dir string, diags content.Diagnostics, stderr io.Writer) {
	if dir != "." {
		diags = diags.Prefix(dir)
	}
	diags.Print(stderr, content.PrintOptions{Color: useColor(stderr), Max: 200})
}
