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

	"github.com/trellis-pl/trellis/internal/synth"
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
	files, err := synth.Write(*out, *n, *seed, *hugo)
	if err != nil {
		fmt.Fprintln(os.Stderr, "trellis-synth:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d districts, %d files, to %s\n", *n, files, *out)
}
