package main

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/trellis-pl/trellis/internal/synth"
	"github.com/trellis-pl/trellis/internal/testplan"
)

// TestMain runs the command line instead of the tests when the test binary
// is started as trellis by a test (TRELLIS_RUN_MAIN holds the arguments,
// separated by the unit separator, U+001F).
func TestMain(m *testing.M) {
	if args, ok := os.LookupEnv("TRELLIS_RUN_MAIN"); ok {
		os.Exit(run(strings.Split(args, "\x1f"), os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// startTrellis starts the command line as another process.
func startTrellis(t *testing.T, args ...string) (*exec.Cmd, io.Reader) {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "TRELLIS_RUN_MAIN="+strings.Join(args, "\x1f"))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	return cmd, stdout
}

// stopTrellis sends SIGTERM and waits for the process to end, at most a
// generous while; a preview that ignores the signal never ends.
func stopTrellis(t *testing.T, cmd *exec.Cmd, out *strings.Builder, done chan struct{}) {
	t.Helper()
	sent := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { <-done; exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		t.Logf("exited %v after SIGTERM", time.Since(sent).Round(time.Millisecond))
		if err != nil || !strings.Contains(out.String(), "stopped") {
			t.Errorf("serve ended with %v, output:\n%s", err, out)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop after SIGTERM")
	}
}

// collect copies r into out until it ends, then closes done.
func collect(r io.Reader, out *strings.Builder, lines chan<- string) chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			out.WriteString(sc.Text() + "\n")
			select {
			case lines <- sc.Text():
			default:
			}
		}
	}()
	return done
}

// serve stops on SIGTERM once it is serving.
func TestServeStopsOnSIGTERM(t *testing.T) {
	cmd, stdout := startTrellis(t, "serve", testplan.Small(t, ""), "--port", "0")
	var out strings.Builder
	lines := make(chan string, 16)
	done := collect(stdout, &out, lines)
	for line := range lines {
		if strings.HasPrefix(line, "Serving ") {
			break
		}
	}
	stopTrellis(t, cmd, &out, done)
}

// serve stops on SIGTERM during its first build, here of a portal of
// many districts.
func TestServeStopsOnSIGTERMWhileBuilding(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "portal")
	if _, err := synth.Write(dir, 150, 1, false); err != nil {
		t.Fatal(err)
	}
	cmd, stdout := startTrellis(t, "serve", dir, "--port", "0")
	var out strings.Builder
	done := collect(stdout, &out, make(chan string, 16))
	time.Sleep(300 * time.Millisecond) // let the build begin; it takes longer than that
	stopTrellis(t, cmd, &out, done)
	if strings.Contains(out.String(), "Serving ") {
		t.Log("the build was over before SIGTERM: make the portal larger")
	}
}

// check and build refuse a portal's district folder named like one of
// the portal's own pages.
func TestPortalReservedFolder(t *testing.T) {
	dir := testplan.Portal(t, "cedar-valley", "magnolia-county")
	if err := os.Rename(filepath.Join(dir, "magnolia-county"), filepath.Join(dir, "standards")); err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, "standards") + "/: error: the district folder standards would be published at /standards/, which collides with the portal's own /standards/"
	for _, cmd := range []string{"check", "build"} {
		_, stderr, code := trellis(t, cmd, dir)
		if code != 1 || !strings.Contains(stderr, want) {
			t.Errorf("%s: %d\n%s", cmd, code, stderr)
		}
	}
}
