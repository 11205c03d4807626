// Command trellis-synth writes synthetic portals of district plans for
// benchmarks: N realistic plans (profile, 3 goals over 3 years, 3
// activities per goal, 2 partner evaluations, Markdown bodies with lists
// and tables), the same for the same seed. With --hugo it writes the same
// files as an ordinary Hugo site with a minimal theme, for comparison.
//
// Usage:
//
//	trellis-synth -n 1000 -seed 1 -o bench/out/portal-1000
//	trellis-synth -n 1000 -seed 1 -hugo -o bench/out/hugo-1000
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/trellis-pl/trellis/content"
)

func main() {
	n := flag.Int("n", 100, "how many district plans")
	seed := flag.Uint64("seed", 1, "the random seed; the same seed writes the same files")
	out := flag.String("o", "", "the folder to write (must not exist)")
	hugo := flag.Bool("hugo", false, "write a Hugo site with the same content files instead of a Trellis portal")
	flag.Parse()
	if *out == "" || *n < 1 {
		fmt.Fprintln(os.Stderr, "usage: trellis-synth -n N [-seed S] [-hugo] -o DIR")
		os.Exit(2)
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(os.Stderr, "trellis-synth: %s exists; remove it or choose another folder\n", *out)
		os.Exit(1)
	}
	sets := map[string]*content.StandardsSet{}
	for _, id := range content.BuiltinStandards() {
		set, err := content.Builtin(id)
		if err != nil {
			fmt.Fprintln(os.Stderr, "trellis-synth:", err)
			os.Exit(1)
		}
		sets[id] = set
	}
	root := *out
	if *hugo {
		if err := writeHugoSkeleton(root); err != nil {
			fmt.Fprintln(os.Stderr, "trellis-synth:", err)
			os.Exit(1)
		}
		root = filepath.Join(root, "content")
	} else if err := writeFile(filepath.Join(root, content.PortalFile), fmt.Sprintf("title = \"Synthetic Professional Learning Plans (%d districts)\"\nagency = \"Synthetic State Department of Education\"\n", *n)); err != nil {
		fmt.Fprintln(os.Stderr, "trellis-synth:", err)
		os.Exit(1)
	}
	files := 0
	for i := 0; i < *n; i++ {
		d := newDistrict(*seed, i, sets)
		for name, text := range d.files(*hugo) {
			if *hugo {
				text = hugoKeys.Replace(text)
			}
			if err := writeFile(filepath.Join(root, d.slug, filepath.FromSlash(name)), text); err != nil {
				fmt.Fprintln(os.Stderr, "trellis-synth:", err)
				os.Exit(1)
			}
			files++
		}
	}
	fmt.Printf("wrote %d districts, %d files, to %s\n", *n, files, *out)
}

// hugoKeys renames the two front-matter keys that Hugo reserves for its
// own use (a page's kind, and page resources); everything else is the same.
var hugoKeys = strings.NewReplacer("\nkind = ", "\npartner_kind = ", "[[resources]]", "[[pl_resources]]")

func writeFile(path, text string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(text), 0o644)
}
