package main

import (
	"fmt"
	"io"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/generator"
)

func runCheck(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("check", "check [DIR] [--strict] [--format text|json] [--warnings=false]", stderr)
	strict := fs.Bool("strict", false, "treat warnings as errors")
	format := fs.String("format", "text", "output format: text or json")
	maxShown := fs.Int("max", 200, "print at most this many diagnostics (0: all)")
	warnings := fs.Bool("warnings", true, "show warnings; --warnings=false shows errors only")
	positional, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "trellis check: --format must be text or json, not %q\n", *format)
		return errUsage
	}
	dir, err := oneDir(fs, positional)
	if err != nil {
		return err
	}
	var (
		plan    *content.Plan
		diags   content.Diagnostics
		summary string
	)
	if content.IsPortal(dir) {
		var n int
		diags, n = checkPortal(dir)
		summary = fmt.Sprintf("%d district plans", n)
	} else {
		plan, diags = loadPlan(dir)
		summary = describePlan(plan)
	}
	errs, warns := diags.Count()
	failed := errs > 0 || *strict && warns > 0
	if *format == "json" {
		shown := diags
		if !*warnings {
			shown = diags.Errors()
		}
		if err := shown.WriteJSON(stdout); err != nil {
			return err
		}
	} else {
		diags.Print(stderr, content.PrintOptions{Color: useColor(stderr), Max: *maxShown, ErrorsOnly: !*warnings})
		if !failed {
			fmt.Fprintf(stdout, "%s: the plan is valid: %s\n", dir, summary)
		} else if *strict && errs == 0 {
			fmt.Fprintln(stderr, "--strict: warnings count as errors")
		}
	}
	if failed {
		return exitError{1}
	}
	return nil
}

func describePlan(p *content.Plan) string {
	if p == nil {
		return "empty"
	}
	set := "no standards"
	if p.Standards != nil {
		set = p.Standards.ID
	}
	return fmt.Sprintf("%s, %s, %s (%s)", count(len(p.Goals), "goal", "goals"),
		count(len(p.Activities), "activity", "activities"), count(len(p.Partners), "partner evaluation", "partner evaluations"), set)
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// loadPlan loads and checks the plan in dir, with file names in the
// diagnostics relative to the current folder.
func loadPlan(dir string) (*content.Plan, content.Diagnostics) {
	plan, diags := content.LoadDir(dir)
	if dir != "." {
		diags = diags.Prefix(dir)
	}
	return plan, diags
}

// checkPortal checks every district of a portal, with file names relative
// to the current folder, and returns the number of districts.
func checkPortal(dir string) (content.Diagnostics, int) {
	p, diags := content.OpenPortal(dir)
	if p != nil && !diags.HasErrors() {
		diags = append(diags, generator.CheckPortal(p)...)
		diags = append(diags, p.EachDistrict(0, nil)...)
		diags.Sort()
	}
	n := 0
	if p != nil {
		n = len(p.Districts)
	}
	if dir != "." {
		diags = diags.Prefix(dir)
	}
	return diags, n
}
