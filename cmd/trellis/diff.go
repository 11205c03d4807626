package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/generator"
	"github.com/trellis-pl/trellis/internal/history"
)

// side is one of the two plans trellis diff compares.
type side struct {
	name string // "plan-2025 (June 10, 2025)", "the working tree"
	plan *content.Plan
}

func runDiff(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("diff", "diff [REV1] [REV2] [-C DIR]", stderr)
	dir := fs.String("C", ".", "the plan folder")
	positional, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(positional) > 2 {
		fmt.Fprintf(stderr, "trellis diff: expected at most two revisions, got %d\n", len(positional))
		fs.Usage()
		return errUsage
	}
	log, err := generator.OpenHistory(*dir, nil, false)
	if err != nil {
		return err
	}
	if log.State == history.Absent {
		return fmt.Errorf("%s is not in a git repository with commits: trellis diff compares versions of the plan kept in git", *dir)
	}
	var work *content.Plan
	working := func() (*content.Plan, error) {
		if work != nil {
			return work, nil
		}
		plan, diags := loadPlan(*dir)
		if diags.HasErrors() || plan == nil {
			diags.Print(stderr, content.PrintOptions{Color: useColor(stderr), Max: 200, ErrorsOnly: true})
			return nil, errors.New("the plan in the working tree has errors; fix them, or give two revisions")
		}
		work = plan
		return plan, nil
	}
	rev1 := ""
	if len(positional) > 0 {
		rev1 = positional[0]
	} else if rev1, err = lastVersion(log, working); err != nil {
		return err
	}
	from, err := planAtRev(log, rev1, stderr)
	if err != nil {
		return err
	}
	to := side{name: "the working tree"}
	if len(positional) == 2 {
		to, err = planAtRev(log, positional[1], stderr)
	} else {
		to.plan, err = working()
	}
	if err != nil {
		return err
	}
	printChanges(stdout, from, to, content.Compare(from.plan, to.plan))
	return nil
}

// lastVersion is the newest tag that version_tags matches, or, without
// version_tags, the newest tag.
func lastVersion(log *history.Log, working func() (*content.Plan, error)) (string, error) {
	plan, err := working()
	if err != nil {
		return "", err
	}
	tags := log.Tags
	if glob := plan.Settings.VersionTags; glob != "" {
		if tags = log.Versions(glob); len(tags) == 0 {
			return "", fmt.Errorf("no tag matches version_tags = %q: give the revision to compare with, such as trellis diff HEAD~1", glob)
		}
	}
	if len(tags) == 0 {
		return "", errors.New("the repository has no tags: give the revision to compare with, such as trellis diff HEAD~1")
	}
	return tags[len(tags)-1].Name, nil
}

// planAtRev loads the plan as it was at a revision.
func planAtRev(log *history.Log, rev string, stderr io.Writer) (side, error) {
	hash, err := log.Resolve(rev)
	if err != nil {
		return side{}, err
	}
	fsys, err := log.PlanAt(hash)
	if err != nil {
		return side{}, err
	}
	plan, diags := content.Load(fsys)
	if plan == nil || diags.HasErrors() {
		diags.Prefix(rev+":").Print(stderr, content.PrintOptions{Color: useColor(stderr), Max: 50, ErrorsOnly: true})
		return side{}, fmt.Errorf("the plan at %s has errors, so it cannot be compared", rev)
	}
	name := rev
	for _, c := range log.Commits {
		if c.Hash == hash {
			name += " (" + c.When.Format("January 2, 2006") + ")"
			break
		}
	}
	return side{name: name, plan: plan}, nil
}

func printChanges(w io.Writer, from, to side, changes []content.Change) {
	if len(changes) == 0 {
		fmt.Fprintf(w, "No changes to the plan from %s to %s.\n", from.name, to.name)
		return
	}
	fmt.Fprintf(w, "Changes to the plan from %s to %s:\n\n", from.name, to.name)
	for _, c := range changes {
		fmt.Fprintf(w, "  %s\n", c)
	}
	s := "s"
	if len(changes) == 1 {
		s = ""
	}
	fmt.Fprintf(w, "\n%d change%s.\n", len(changes), s)
}
