package generator

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/trellis-pl/trellis/internal/testplan"
)

// buildSmall builds the small test plan (with changes) into out.
func buildSmall(t *testing.T, dir, out string) (Result, error) {
	t.Helper()
	return Build(load(t, dir), BuildOptions{Out: out, PlanDir: dir, Minify: true})
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestOutputFolderRules(t *testing.T) {
	dir := testplan.Small(t, "")
	other := t.TempDir()
	file := filepath.Join(other, "a-file")
	writeFile(t, file, "x")
	foreign := filepath.Join(other, "documents")
	writeFile(t, filepath.Join(foreign, "budget.xlsx"), "precious")
	intoStatic := filepath.Join(other, "link-into-static")
	if err := os.MkdirAll(filepath.Join(dir, "static"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "static"), intoStatic); err != nil {
		t.Fatal(err)
	}
	suggest := filepath.Join(dir, "public")
	tests := []struct{ out, want string }{
		{dir, "the output folder " + dir + " is the plan folder; choose another, such as " + suggest},
		{filepath.Dir(dir), "the output folder " + filepath.Dir(dir) + " contains the plan folder; choose another, such as " + suggest},
		{filepath.Join(dir, "static", "site"), "the output folder " + filepath.Join(dir, "static", "site") + " is inside " + filepath.Join(dir, "static") + ", which is part of the plan; choose another, such as " + suggest},
		{filepath.Join(dir, "goals"), "the output folder " + filepath.Join(dir, "goals") + " is inside " + filepath.Join(dir, "goals") + ", which is part of the plan; choose another, such as " + suggest},
		{filepath.Join(dir, "layouts", "x"), "the output folder " + filepath.Join(dir, "layouts", "x") + " is inside " + filepath.Join(dir, "layouts") + ", which is part of the plan; choose another, such as " + suggest},
		{filepath.Join(dir, "standards.toml"), "the output folder " + filepath.Join(dir, "standards.toml") + " is inside " + filepath.Join(dir, "standards.toml") + ", which is part of the plan; choose another, such as " + suggest},
		{intoStatic, "the output folder " + intoStatic + " is inside " + filepath.Join(dir, "static") + ", which is part of the plan; choose another, such as " + suggest},
		{file, "the output folder " + file + " is a file; choose a folder"},
		{foreign, "the output folder " + foreign + " has files that Trellis did not write (budget.xlsx); choose an empty or new folder, or, to publish into this folder and keep its files, create an empty file " + filepath.Join(foreign, marker) + " in it"},
	}
	for _, tt := range tests {
		_, err := buildSmall(t, dir, tt.out)
		if err == nil || err.Error() != tt.want {
			t.Errorf("out %s:\nerror %v\nwant  %s", tt.out, err, tt.want)
		}
	}
	if mustRead(t, filepath.Join(foreign, "budget.xlsx")) != "precious" {
		t.Error("a foreign file was touched")
	}
	if _, err := os.Stat(filepath.Join(dir, "trellis.toml")); err != nil {
		t.Error("the plan was touched")
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "static")); len(entries) != 0 {
		t.Errorf("the plan's static folder was written to: %v", entries)
	}
}

func TestOutputSymlinkIsWrittenThrough(t *testing.T) {
	dir := testplan.Small(t, "")
	target := filepath.Join(t.TempDir(), "www")
	link := filepath.Join(t.TempDir(), "site")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ {
		if _, err := buildSmall(t, dir, link); err != nil {
			t.Fatal(err)
		}
		if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("build %d: the link was replaced (%v)", i+1, err)
		}
		if !strings.Contains(mustRead(t, filepath.Join(target, "index.html")), "Test District") {
			t.Fatalf("build %d: the site is not in the folder the link points to", i+1)
		}
	}
}

func TestUserFilesAreKept(t *testing.T) {
	dir := testplan.Small(t, "")
	out := filepath.Join(t.TempDir(), "site")
	if _, err := buildSmall(t, dir, out); err != nil {
		t.Fatal(err)
	}
	mine := map[string]string{"CNAME": "pl.example.org\n", ".git/HEAD": "ref: refs/heads/main\n", "goals/notes.txt": "notes"}
	for name, data := range mine {
		writeFile(t, filepath.Join(out, filepath.FromSlash(name)), data)
	}
	if _, err := buildSmall(t, dir, out); err != nil {
		t.Fatal(err)
	}
	for name, data := range mine {
		if got := mustRead(t, filepath.Join(out, filepath.FromSlash(name))); got != data {
			t.Errorf("%s = %q, want %q", name, got, data)
		}
	}
	if m := mustRead(t, filepath.Join(out, marker)); strings.Contains(m, "CNAME") || !strings.Contains(m, "\nindex.html\n") {
		t.Errorf("the marker lists the wrong files:\n%s", m)
	}

	// The plan now writes a file of the same name: refused, nothing lost.
	writeFile(t, filepath.Join(dir, "static", "CNAME"), "other.example.org\n")
	_, err := buildSmall(t, dir, out)
	want := filepath.Join(out, "CNAME") + " was not written by Trellis, and the new site has a file of that name; remove or rename one of the two, so that neither is lost"
	if err == nil || err.Error() != want {
		t.Errorf("error %v\nwant  %s", err, want)
	}
	if got := mustRead(t, filepath.Join(out, "CNAME")); got != mine["CNAME"] {
		t.Errorf("CNAME = %q", got)
	}
}

func TestEmptyMarkerKeepsEveryFile(t *testing.T) {
	dir := testplan.Small(t, "")
	out := filepath.Join(t.TempDir(), "clone")
	writeFile(t, filepath.Join(out, ".git", "HEAD"), "ref: refs/heads/gh-pages\n")
	writeFile(t, filepath.Join(out, "README.md"), "deployed by CI")
	writeFile(t, filepath.Join(out, marker), "")
	if _, err := buildSmall(t, dir, out); err != nil {
		t.Fatal(err)
	}
	if mustRead(t, filepath.Join(out, "README.md")) != "deployed by CI" || mustRead(t, filepath.Join(out, ".git", "HEAD")) == "" {
		t.Error("the folder's own files were not kept")
	}
	if !strings.Contains(mustRead(t, filepath.Join(out, "index.html")), "Test District") {
		t.Error("the site was not written")
	}
}

func TestOlderMarkerKeepsDotFilesAndCNAME(t *testing.T) {
	dir := testplan.Small(t, "")
	out := filepath.Join(t.TempDir(), "site")
	writeFile(t, filepath.Join(out, marker), "This folder is written by Trellis and replaced on every build.\n")
	writeFile(t, filepath.Join(out, "CNAME"), "pl.example.org\n")
	writeFile(t, filepath.Join(out, ".nojekyll"), "")
	writeFile(t, filepath.Join(out, "goals", "gone", "index.html"), "an old page")
	if _, err := buildSmall(t, dir, out); err != nil {
		t.Fatal(err)
	}
	if mustRead(t, filepath.Join(out, "CNAME")) != "pl.example.org\n" {
		t.Error("CNAME was lost")
	}
	if _, err := os.Stat(filepath.Join(out, ".nojekyll")); err != nil {
		t.Error(".nojekyll was lost")
	}
	if _, err := os.Stat(filepath.Join(out, "goals", "gone")); err == nil {
		t.Error("a page of the older build is still there")
	}
}

func TestLeftoversOfKilledBuildsAreRemoved(t *testing.T) {
	dir := testplan.Small(t, "")
	out := filepath.Join(t.TempDir(), "site")
	if _, err := buildSmall(t, dir, out); err != nil {
		t.Fatal(err)
	}
	next, old := sideNames(out)
	writeFile(t, filepath.Join(next, "half-written.html"), "x")
	writeFile(t, filepath.Join(old, marker), markerHeader)
	if _, err := buildSmall(t, dir, out); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 || entries[0].Name() != "site" {
		t.Errorf("beside the site: %v, want only site", entries)
	}
}

func TestKilledInTheFallbackWindowPutsTheOldSiteBack(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	next, old := sideNames(out)
	// Killed between the two renames: out is missing, the old site at old.
	writeFile(t, filepath.Join(old, marker), markerHeader)
	writeFile(t, filepath.Join(old, "index.html"), "old site")
	writeFile(t, filepath.Join(next, "index.html"), "half of the new one")
	if err := recoverLeftovers(out, next, old); err != nil {
		t.Fatal(err)
	}
	if got := mustRead(t, filepath.Join(out, "index.html")); got != "old site" {
		t.Errorf("index.html = %q, want the old site", got)
	}
	for _, p := range []string{next, old} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("%s is still there", p)
		}
	}
}

func TestSecondBuildOfTheSameFolderFailsFast(t *testing.T) {
	dir := testplan.Small(t, "")
	out := filepath.Join(t.TempDir(), "site")
	unlock, err := lockOut(out)
	if err != nil {
		t.Fatal(err)
	}
	_, err = buildSmall(t, dir, out)
	want := "another build is writing " + out + "; wait for it to finish and build again"
	if err == nil || err.Error() != want {
		t.Errorf("error %v\nwant  %s", err, want)
	}
	unlock()
	if _, err := buildSmall(t, dir, out); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("beside the site: %v, want only site (the lock file is removed)", entries)
	}
}

func TestSwapExchangesFolders(t *testing.T) {
	base := t.TempDir()
	out, next, old := filepath.Join(base, "site"), filepath.Join(base, "next"), filepath.Join(base, "old")
	writeFile(t, filepath.Join(out, "index.html"), "old")
	writeFile(t, filepath.Join(next, "index.html"), "new")
	if err := swap(next, out, old); err != nil {
		t.Fatal(err)
	}
	if got := mustRead(t, filepath.Join(out, "index.html")); got != "new" {
		t.Errorf("out has %q", got)
	}
	if got := mustRead(t, filepath.Join(old, "index.html")); got != "old" {
		t.Errorf("old has %q", got)
	}
}

// TestKillNineLeavesACompleteSite builds the same folder over and over in
// another process, kills it with SIGKILL at whatever point it has reached,
// and checks, all the while, that the folder always holds a whole site.
func TestKillNineLeavesACompleteSite(t *testing.T) {
	if os.Getenv("TRELLIS_BUILD_LOOP") != "" {
		buildLoop(t)
		return
	}
	if testing.Short() {
		t.Skip("builds in a child process")
	}
	dir := testplan.Small(t, "")
	out := filepath.Join(t.TempDir(), "site")
	if _, err := buildSmall(t, dir, out); err != nil {
		t.Fatal(err)
	}
	var missing atomic.Int64
	stop := make(chan struct{})
	watched := make(chan struct{})
	go func() {
		defer close(watched)
		for {
			select {
			case <-stop:
				return
			default:
			}
			for _, f := range []string{"index.html", marker, "goals/reading/index.html"} {
				if _, err := os.Stat(filepath.Join(out, f)); err != nil {
					missing.Add(1)
				}
			}
		}
	}()
	for round := 1; round <= 4; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKillNineLeavesACompleteSite$")
		cmd.Env = append(os.Environ(), "TRELLIS_BUILD_LOOP="+dir+string(os.PathListSeparator)+out)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(stdout)
		for built := 0; built < round && sc.Scan(); {
			if sc.Text() == "built" {
				built++
			}
		}
		cmd.Process.Kill()
		cmd.Wait()
	}
	close(stop)
	<-watched
	if n := missing.Load(); n > 0 {
		t.Errorf("the site was incomplete %d times while builds ran and were killed", n)
	}
	if _, err := buildSmall(t, dir, out); err != nil {
		t.Fatalf("the build after the killed ones: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("beside the site: %v, want only site", entries)
	}
}

// buildLoop is the child process of TestKillNineLeavesACompleteSite.
func buildLoop(t *testing.T) {
	dir, out, _ := strings.Cut(os.Getenv("TRELLIS_BUILD_LOOP"), string(os.PathListSeparator))
	plan := load(t, dir)
	for {
		if _, err := Build(plan, BuildOptions{Out: out, PlanDir: dir, Minify: true}); err != nil {
			t.Fatal(err)
		}
		os.Stdout.WriteString("built\n")
	}
}

// TestRemoveTree checks that removeTree removes a folder with everything
// below it, however its entries are shared out, and a missing one without
// complaint, as os.RemoveAll does.
func TestRemoveTree(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "old")
	for i := range 40 {
		sub := filepath.Join(dir, fmt.Sprintf("d%02d", i), "page")
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, "index.html"), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "robots.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := removeTree(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("the folder is still there: %v", err)
	}
	if err := removeTree(dir); err != nil {
		t.Fatalf("a missing folder: %v", err)
	}
	// A link in the old site's place (a leftover .site.trellis-old, say)
	// goes; what it points to stays.
	kept := t.TempDir()
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		if err := os.WriteFile(filepath.Join(kept, name), []byte("keep"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(kept, dir); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := removeTree(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the link is still there: %v", err)
	}
	if entries, _ := os.ReadDir(kept); len(entries) != 3 {
		t.Errorf("the link's target has %d files left, want 3", len(entries))
	}
}
