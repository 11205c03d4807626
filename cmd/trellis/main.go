// Command trellis checks a district's professional learning plan and builds
// it into a static website.
//
// Usage:
//
//	trellis check [DIR] [--strict] [--format text|json]
//	trellis build [DIR] [-o OUT] [--base-url URL] [--minify=false] [--minify-html] [--pdf] [--versions]
//	trellis diff [REV1] [REV2] [-C DIR]
//	trellis serve [DIR] [--port N] [--bind ADDR] [--poll]
//	trellis new DIR
//	trellis new goal|activity|partner NAME
//	trellis schema [-o DIR]
//
// Exit status: 0 success, 1 the plan has errors (or warnings with --strict),
// 2 the command line is wrong.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

const usage = `Trellis checks and publishes a district's professional learning plan.

Usage:
  trellis check [DIR]     check the plan in DIR (default: the current folder)
  trellis build [DIR]     check the plan and build its website (default: DIR/public)
  trellis diff [REV1] [REV2]
                          what changed in the plan from REV1 (default: the last
                          version tag) to REV2 (default: the working tree)
  trellis serve [DIR]     preview the website at http://127.0.0.1:4180, reloading on every save
  trellis new DIR         start a new plan in DIR
  trellis new goal|activity|partner NAME
                          add one file to the plan in the current folder
  trellis schema [-o DIR] write JSON Schemas for editors (default: schema/)
  trellis version         print the version

check, build and serve also take a portal: a folder of plan folders,
published as one site.

Run "trellis COMMAND -h" for a command's flags.
`

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// errUsage marks a command-line mistake: exit status 2.
var errUsage = errors.New("usage")

// exitError carries an exit status without a message of its own.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch cmd, rest := args[0], args[1:]; cmd {
	case "check":
		err = runCheck(rest, stdout, stderr)
	case "build":
		err = runBuild(rest, stdout, stderr)
	case "serve":
		err = runServe(rest, stdout, stderr)
	case "diff":
		err = runDiff(rest, stdout, stderr)
	case "new":
		err = runNew(rest, stdout, stderr)
	case "schema":
		err = runSchema(rest, stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, "trellis", version)
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
	default:
		fmt.Fprintf(stderr, "trellis: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	var ee exitError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.As(err, &ee):
		return ee.code
	default:
		fmt.Fprintf(stderr, "trellis: %v\n", err)
		return 1
	}
}

// parseArgs parses flags that may stand before or after the positional
// arguments ("trellis check DIR --strict" and "trellis check --strict DIR").
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// newFlagSet returns a flag set that prints its errors and usage to stderr.
func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: trellis %s\n", synopsis)
		if hasFlags(fs) {
			fmt.Fprintln(stderr, "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// useColor reports whether to colour output to w: only on a terminal, and
// never when NO_COLOR is set or TERM is dumb.
func useColor(w io.Writer) bool {
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// oneDir returns the single folder argument, "." if none.
func oneDir(fs *flag.FlagSet, positional []string) (string, error) {
	switch len(positional) {
	case 0:
		return ".", nil
	case 1:
		return positional[0], nil
	}
	fmt.Fprintf(fs.Output(), "trellis %s: expected one folder, got %s\n", fs.Name(), strings.Join(positional, " "))
	fs.Usage()
	return "", errUsage
}
