package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/trellis-pl/trellis/generator"
	"github.com/trellis-pl/trellis/internal/browsertest"
	"github.com/trellis-pl/trellis/internal/testplan"
)

// trellis runs the command line in-process and returns stdout, stderr and
// the exit status.
func trellis(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return out.String(), errOut.String(), code
}

func TestCheckExamples(t *testing.T) {
	// cedar-valley's Spanish translation is partial on purpose, to show
	// the fallback: in English alone it has no warnings.
	for _, dir := range []string{testplan.OneLanguage(t, testplan.Copy(t, "cedar-valley")), "../../examples/magnolia-county"} {
		stdout, stderr, code := trellis(t, "check", "--strict", dir)
		if code != 0 || stderr != "" || !strings.Contains(stdout, "the plan is valid: 3 goals") {
			t.Errorf("%s: exit %d\nstdout: %s\nstderr: %s", dir, code, stdout, stderr)
		}
	}
	_, stderr, code := trellis(t, "check", "../../examples/cedar-valley")
	if code != 0 || strings.Count(stderr, "no translation into \"es\"") != 9 || !strings.HasSuffix(stderr, "9 warnings\n") {
		t.Errorf("cedar-valley: exit %d\n%s", code, stderr)
	}
}

func TestCheckExitStatus(t *testing.T) {
	dir := testplan.OneLanguage(t, testplan.Copy(t, "cedar-valley"))
	goal := filepath.Join(dir, "goals", "01-early-literacy.md")
	data, _ := os.ReadFile(goal)

	// A warning: exit 0, or 1 with --strict. Flags may follow the folder.
	os.WriteFile(goal, bytes.Replace(data, []byte("[[years]]\nyear = 3\n"), []byte("[[notyears]]\nyear = 3\n"), 1), 0o644)
	_, stderr, code := trellis(t, "check", dir)
	if code != 1 || !strings.Contains(stderr, "unknown key `notyears`") {
		t.Fatalf("unknown key: exit %d, stderr:\n%s", code, stderr)
	}
	os.WriteFile(goal, bytes.Replace(data, []byte("[[years]]\nyear = 3\n"), []byte("[[years]]\nyear = 3\n"), 1), 0o644)

	activity := filepath.Join(dir, "activities", "learning-walks.md")
	adata, _ := os.ReadFile(activity)
	cut := bytes.Index(adata, []byte("[follow_up]"))
	end := bytes.Index(adata, []byte("[duration]"))
	os.WriteFile(activity, append(append([]byte{}, adata[:cut]...), adata[end:]...), 0o644)
	stdout, stderr, code := trellis(t, "check", dir)
	if code != 0 || !strings.Contains(stderr, "warning: activity \"learning-walks\" has no follow-up") || !strings.Contains(stdout, "valid") {
		t.Fatalf("warning: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	_, _, code = trellis(t, "check", dir, "--strict")
	if code != 1 {
		t.Fatalf("--strict after DIR: exit %d, want 1", code)
	}
	_, _, code = trellis(t, "check", "--strict", dir)
	if code != 1 {
		t.Fatalf("--strict before DIR: exit %d, want 1", code)
	}

	// JSON: the same diagnostics, flat, on stdout.
	stdout, _, code = trellis(t, "check", dir, "--format", "json")
	var report struct {
		Diagnostics []map[string]any `json:"diagnostics"`
		Errors      int              `json:"errors"`
		Warnings    int              `json:"warnings"`
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatalf("json: %v\n%s", err, stdout)
	}
	if code != 0 || report.Warnings != 1 || report.Errors != 0 || len(report.Diagnostics) != 1 {
		t.Fatalf("json report: exit %d, %+v", code, report)
	}
	d := report.Diagnostics[0]
	for _, k := range []string{"file", "line", "column", "severity", "code", "message", "hint"} {
		if _, ok := d[k]; !ok {
			t.Errorf("json diagnostic has no %q: %v", k, d)
		}
	}
	if d["code"] != "one-shot-activity" || d["line"] != float64(6) || d["column"] != float64(1) {
		t.Errorf("json diagnostic = %v", d)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"frobnicate"},
		{"check", "--no-such-flag"},
		{"check", "a", "b"},
		{"check", "--format", "xml"},
		{"new"},
		{"schema", "extra"},
	} {
		_, stderr, code := trellis(t, args...)
		if code != 2 {
			t.Errorf("trellis %v: exit %d, want 2", args, code)
		}
		if stderr == "" {
			t.Errorf("trellis %v: no message", args)
		}
	}
}

func TestCheckNotAPlan(t *testing.T) {
	_, stderr, code := trellis(t, "check", t.TempDir())
	if code != 1 || !strings.Contains(stderr, "not a Trellis plan: it has no trellis.toml, district.md, beliefs.md, goals/") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
}

func TestNewPlanAndFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "plan")
	stdout, stderr, code := trellis(t, "new", dir, "--district", "Lakeside Schools")
	if code != 0 {
		t.Fatalf("new: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "goals/student-achievement.md") {
		t.Errorf("new printed:\n%s", stdout)
	}
	if _, stderr, code := trellis(t, "check", dir); code != 0 {
		t.Fatalf("starter plan fails check:\n%s", stderr)
	}
	if _, _, code := trellis(t, "new", dir); code != 1 {
		t.Errorf("new on a non-empty folder: exit %d, want 1", code)
	}
	settings, _ := os.ReadFile(filepath.Join(dir, "trellis.toml"))
	if !strings.Contains(string(settings), `district = "Lakeside Schools"`) {
		t.Errorf("district name not used:\n%s", settings)
	}

	// New files are added in the current folder and keep the plan valid.
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	for _, c := range [][]string{{"goal", "Math Reasoning"}, {"activity", "math-coaching"}, {"partner", "Acme Tutors"}} {
		stdout, stderr, code := trellis(t, "new", c[0], c[1])
		if code != 0 {
			t.Fatalf("new %v: exit %d: %s", c, code, stderr)
		}
		t.Log(strings.TrimSpace(stdout))
	}
	for _, f := range []string{"goals/math-reasoning.md", "activities/math-coaching.md", "partners/acme-tutors.md"} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s not written: %v", f, err)
		}
	}
	if _, stderr, code := trellis(t, "check"); code != 0 {
		t.Fatalf("plan with new files fails check:\n%s", stderr)
	}
	if _, stderr, code := trellis(t, "new", "goal", "Math Reasoning"); code != 1 || !strings.Contains(stderr, "already exists") {
		t.Errorf("second new goal: exit %d: %s", code, stderr)
	}
}

func TestSchema(t *testing.T) {
	dir := t.TempDir()
	stdout, stderr, code := trellis(t, "schema", "-o", dir)
	if code != 0 {
		t.Fatalf("schema: exit %d: %s", code, stderr)
	}
	for _, kind := range []string{"settings", "district", "beliefs", "goal", "activity", "partner", "standards"} {
		if !strings.Contains(stdout, kind+".schema.json") {
			t.Errorf("schema did not report %s", kind)
		}
		data, err := os.ReadFile(filepath.Join(dir, kind+".schema.json"))
		if err != nil {
			t.Fatal(err)
		}
		var s map[string]any
		if err := json.Unmarshal(data, &s); err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		if s["type"] != "object" || s["additionalProperties"] != false {
			t.Errorf("%s: not a closed object schema", kind)
		}
	}
}

func TestBuild(t *testing.T) {
	dir := testplan.Copy(t, "magnolia-county")
	stdout, stderr, code := trellis(t, "build", dir)
	if code != 0 || !strings.Contains(stdout, "built "+filepath.Join(dir, "public")+": 26 pages, 35 files") {
		t.Fatalf("build: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	home := filepath.Join(dir, "public", "index.html")
	before, _ := os.ReadFile(home)

	// An error in the plan: the diagnostics, exit 1, the site unchanged.
	goal := filepath.Join(dir, "goals", "01-mathematics.md")
	data, _ := os.ReadFile(goal)
	os.WriteFile(goal, bytes.Replace(data, []byte("impact ="), []byte("impakt ="), 1), 0o644)
	_, stderr, code = trellis(t, "build", dir, "-o", filepath.Join(dir, "public"))
	if code != 1 || !strings.Contains(stderr, "goals/01-mathematics.md:9:1: error: unknown key `impakt`") || !strings.Contains(stderr, "the site was not built") {
		t.Fatalf("build with an error: exit %d\nstderr: %s", code, stderr)
	}
	after, _ := os.ReadFile(home)
	if !bytes.Equal(before, after) {
		t.Error("a refused build changed the site")
	}
	os.WriteFile(goal, data, 0o644)

	// Refused output folders are reported, not built into.
	_, stderr, code = trellis(t, "build", dir, "-o", dir)
	if code != 1 || !strings.Contains(stderr, "is the plan folder") {
		t.Errorf("build into the plan folder: exit %d: %s", code, stderr)
	}
	other := filepath.Join(t.TempDir(), "out")
	if _, _, code := trellis(t, "build", "--minify=false", "--base-url", "https://x.example/pl/", dir, "-o", other); code != 0 {
		t.Fatalf("build with flags around DIR: exit %d", code)
	}
	if sm, _ := os.ReadFile(filepath.Join(other, "sitemap.xml")); !strings.Contains(string(sm), "https://x.example/pl/goals/") {
		t.Errorf("--base-url not used:\n%s", sm)
	}
	_, stderr, code = trellis(t, "build", "--base-url", "javascript:alert(1)//", dir, "-o", filepath.Join(t.TempDir(), "bad"))
	if want := `trellis build: --base-url "javascript:alert(1)//" is not a web address (it must start with https:// or http://); write --base-url https://district.example/pl-plan/`; code != 2 || !strings.Contains(stderr, want) {
		t.Errorf("build with a script as --base-url: exit %d\nstderr: %s\nwant: %s", code, stderr, want)
	}
}

func TestPortalCommands(t *testing.T) {
	dir := testplan.Portal(t, "cedar-valley", "magnolia-county")
	stdout, stderr, code := trellis(t, "check", dir)
	if code != 0 || !strings.Contains(stdout, "the plan is valid: 2 district plans") {
		t.Fatalf("check portal: %d\n%s\n%s", code, stdout, stderr)
	}
	stdout, stderr, code = trellis(t, "build", dir)
	if code != 0 || !strings.Contains(stdout, "2 districts, 87 pages") { // cedar-valley in English and Spanish
		t.Fatalf("build portal: %d\n%s\n%s", code, stdout, stderr)
	}
	goal := filepath.Join(dir, "cedar-valley", "goals", "01-early-literacy.md")
	data, _ := os.ReadFile(goal)
	os.WriteFile(goal, bytes.Replace(data, []byte("title ="), []byte("titel ="), 1), 0o644)
	_, stderr, code = trellis(t, "check", dir)
	want := filepath.Join(dir, "cedar-valley") + "/goals/01-early-literacy.md:2:1: error: unknown key `titel`"
	if code != 1 || !strings.Contains(stderr, want) {
		t.Errorf("check broken portal: %d\n%s", code, stderr)
	}
	_, stderr, code = trellis(t, "build", dir)
	if code != 1 || !strings.Contains(stderr, "the portal was not built") {
		t.Errorf("build broken portal: %d\n%s", code, stderr)
	}
}

func TestBuildCPUProfile(t *testing.T) {
	dir := testplan.Copy(t, "magnolia-county")
	prof := filepath.Join(t.TempDir(), "cpu.prof")
	if _, stderr, code := trellis(t, "build", dir, "--cpuprofile", prof); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if info, err := os.Stat(prof); err != nil || info.Size() == 0 {
		t.Errorf("no profile written: %v", err)
	}
}

// TestBuildWarnsWithoutBaseURL: one warning, and the site is still built.
func TestBuildWarnsWithoutBaseURL(t *testing.T) {
	dir := testplan.Copy(t, "magnolia-county")
	toml := filepath.Join(dir, "trellis.toml")
	data, _ := os.ReadFile(toml)
	if err := os.WriteFile(toml, []byte(strings.Replace(string(data), `base_url = "https://magnolia.example/professional-learning/"`, "", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := trellis(t, "build", dir)
	want := filepath.ToSlash(dir) + "/trellis.toml: warning: base_url is not set: sitemap.xml needs it for full addresses, and pages need it for canonical links\n"
	if code != 0 || !strings.HasPrefix(stderr, want) || strings.Count(stderr, "warning:") != 1 || !strings.Contains(stdout, "built ") {
		t.Errorf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	if _, stderr, _ = trellis(t, "build", dir, "--base-url", "https://magnolia.example/pl/"); strings.Contains(stderr, "warning") {
		t.Errorf("with --base-url: %s", stderr)
	}
}

func TestBuildPDF(t *testing.T) {
	dir := testplan.OneLanguage(t, testplan.Copy(t, "cedar-valley"))
	out := filepath.Join(t.TempDir(), "site")
	browserPath := os.Getenv("PATH")

	// Without a browser: one line saying so and how to install one, exit 1,
	// nothing written; the same with `pdf = true` in trellis.toml.
	t.Setenv("PATH", t.TempDir())
	if _, err := generator.FindBrowser(); err == nil {
		t.Skip("a browser is installed outside PATH")
	}
	_, stderr, code := trellis(t, "build", "--pdf", dir, "-o", out)
	if code != 1 || stderr != generator.ErrNoBrowser.Error()+"\n" {
		t.Errorf("build --pdf without a browser: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("build --pdf without a browser wrote %s", out)
	}
	settings := filepath.Join(dir, "trellis.toml")
	data, _ := os.ReadFile(settings)
	os.WriteFile(settings, append([]byte("pdf = true\n"), data...), 0o644)
	if _, stderr, code := trellis(t, "build", dir, "-o", out); code != 1 || !strings.Contains(stderr, "plan.pdf needs Chrome or Chromium") {
		t.Errorf("build with pdf = true and no browser: exit %d, stderr %q", code, stderr)
	}
	os.WriteFile(settings, data, 0o644)
	if _, _, code := trellis(t, "build", dir, "-o", out); code != 0 {
		t.Fatalf("build without --pdf: exit %d", code)
	}
	if _, err := os.Stat(filepath.Join(out, "plan.pdf")); !os.IsNotExist(err) {
		t.Errorf("build without --pdf wrote plan.pdf")
	}

	// With a browser: plan.pdf, linked from the home page.
	t.Setenv("PATH", browserPath)
	if testing.Short() {
		return
	}
	if _, err := generator.FindBrowser(); err != nil {
		browsertest.Missing(t, "chromium", "install it with: apt-get install chromium")
	}
	if _, stderr, code := trellis(t, "build", "--pdf", dir, "-o", out); code != 0 {
		t.Fatalf("build --pdf: exit %d: %s", code, stderr)
	}
	pdf, _ := os.ReadFile(filepath.Join(out, "plan.pdf"))
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("build --pdf wrote %d bytes that are not a PDF", len(pdf))
	}
	for page, link := range map[string]string{"index.html": `href="plan.pdf"`, "plan/index.html": `href="../plan.pdf"`} {
		if html, _ := os.ReadFile(filepath.Join(out, page)); !bytes.Contains(html, []byte(link)) {
			t.Errorf("%s has no link %s", page, link)
		}
	}
}
