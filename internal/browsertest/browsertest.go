// Package browsertest runs the checks that need programs from outside Go:
// Chromium (driven with chromedp) with axe-core for accessibility, and the
// Nu Html Checker (vnu.jar on Java) for HTML validity.
//
// Where a program is missing the test is skipped with a message saying
// what to install, unless TRELLIS_REQUIRE_BROWSER=1, which CI sets: then it
// fails, so that CI can never pass by skipping.
package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// RequireEnv is the variable that turns skips into failures.
const RequireEnv = "TRELLIS_REQUIRE_BROWSER"

// Missing skips the test, or fails it when RequireEnv is set.
func Missing(t testing.TB, what, install string) {
	t.Helper()
	msg := fmt.Sprintf("%s not found; %s (or run bash .ci/run)", what, install)
	if os.Getenv(RequireEnv) == "1" {
		t.Fatalf("%s, and %s=1 requires it", msg, RequireEnv)
	}
	t.Skip(msg)
}

// repoRoot is the repository's top folder.
func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// NodeModule returns the path of a file inside an npm package installed by
// .ci/run (in .ci/node_modules), or skips the test.
func NodeModule(t testing.TB, rel string) string {
	t.Helper()
	dir := os.Getenv("TRELLIS_NODE_MODULES")
	if dir == "" {
		dir = filepath.Join(repoRoot(), ".ci", "node_modules")
	}
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		Missing(t, p, "install it with: npm install --prefix .ci")
	}
	return p
}

// Chromium starts a headless Chromium for the test and returns a browser
// context; it is closed when the test ends.
func Chromium(t testing.TB) context.Context {
	t.Helper()
	var path string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		Missing(t, "chromium", "install it with: apt-get install chromium")
	}
	// Not t.TempDir: Chromium may still be writing its profile when the
	// test's own clean-up runs, so the folder is removed after it exits.
	profile, err := os.MkdirTemp("", "trellis-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	// Start the browser now, so a failure to start is reported here.
	stop := func() {
		_ = chromedp.Cancel(ctx) // waits for the browser to exit
		cancel()
		cancelAlloc()
		for i := 0; i < 20; i++ {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	if err := chromedp.Run(ctx); err != nil {
		stop()
		t.Fatalf("starting chromium: %v", err)
	}
	t.Cleanup(stop)
	return ctx
}

// Violation is one failed axe-core rule on a page.
type Violation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

func (v Violation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s", v.ID, v.Impact, v.Help)
	for i, n := range v.Nodes {
		if i == 3 {
			fmt.Fprintf(&b, "\n      ... and %d more", len(v.Nodes)-3)
			break
		}
		fmt.Fprintf(&b, "\n      %v %s", n.Target, n.HTML)
	}
	return b.String()
}

// WCAG21AA are the axe-core tags of WCAG 2.0 and 2.1, levels A and AA.
var WCAG21AA = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// Axe runs axe-core on the page open in ctx, limited to tags, and returns
// the violations.
func Axe(ctx context.Context, axeSource string, tags []string) ([]Violation, error) {
	tagJSON, _ := json.Marshal(tags)
	script := axeSource + `;
axe.run(document, {runOnly: {type: "tag", values: ` + string(tagJSON) + `}, resultTypes: ["violations"]})
  .then(r => JSON.stringify(r.violations))`
	var out string
	err := chromedp.Run(ctx, chromedp.Evaluate(script, &out, func(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams {
		return p.WithAwaitPromise(true)
	}))
	if err != nil {
		return nil, err
	}
	var vs []Violation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		return nil, err
	}
	return vs, nil
}

// DarkMode switches the page's prefers-color-scheme media feature.
func DarkMode(dark bool) chromedp.Action {
	v := "light"
	if dark {
		v = "dark"
	}
	return emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: v}})
}

// VNUMessage is one message of the Nu Html Checker.
type VNUMessage struct {
	Type    string `json:"type"`
	URL     string `json:"url"`
	Line    int    `json:"lastLine"`
	Column  int    `json:"firstColumn"`
	Message string `json:"message"`
	Extract string `json:"extract"`
}

// VNU validates every HTML file under dir and returns the errors.
func VNU(t testing.TB, dir string) []VNUMessage {
	t.Helper()
	jar := NodeModule(t, "vnu-jar/build/dist/vnu.jar")
	java, err := exec.LookPath("java")
	if err != nil {
		Missing(t, "java", "install it with: apt-get install default-jre-headless")
	}
	cmd := exec.Command(java, "-jar", jar, "--errors-only", "--format", "json", "--skip-non-html", dir)
	out, err := cmd.CombinedOutput()
	// vnu exits 1 when it finds errors; its report is on stderr.
	var report struct {
		Messages []VNUMessage `json:"messages"`
	}
	start := strings.Index(string(out), "{")
	if start < 0 {
		t.Fatalf("vnu gave no report (%v):\n%s", err, out)
	}
	if jerr := json.Unmarshal(out[start:], &report); jerr != nil {
		t.Fatalf("vnu report: %v\n%s", jerr, out)
	}
	return report.Messages
}
