package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/content/scaffold"
)

func runNew(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("new", "new DIR [--district NAME] [--standards SET]\n       trellis new goal|activity|partner NAME", stderr)
	district := fs.String("district", "", "the district's name (default: Sample School District)")
	standards := fs.String("standards", "", "the standards set: learning-forward-2022 (default) or learning-forward-2011")
	positional, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	switch {
	case len(positional) == 2 && contains(scaffold.Kinds, positional[0]):
		f, err := scaffold.NewFile(".", positional[0], positional[1])
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s (id %q)\n", f.Path, f.ID)
		for _, r := range f.Refs {
			fmt.Fprintf(stdout, "  %s: change it if it is not the right one\n", r)
		}
		if len(f.Fill) > 0 {
			fmt.Fprintf(stdout, "  to fill in (the text starting with %s): %s\n", content.StarterMark, strings.Join(f.Fill, ", "))
		}
		return nil
	case len(positional) == 1 && !contains(scaffold.Kinds, positional[0]):
		dir := positional[0]
		files, err := scaffold.NewPlan(dir, scaffold.Options{District: *district, Standards: *standards})
		if err != nil {
			return err
		}
		for _, f := range files {
			fmt.Fprintf(stdout, "wrote %s/%s\n", dir, f)
		}
		fmt.Fprintf(stdout, "\nNext: edit the files, then run `trellis check %s`.\n", dir)
		return nil
	}
	fs.Usage()
	return errUsage
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
