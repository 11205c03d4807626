package generator

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/testplan"
)

// boomRenderer panics on any Markdown that says BOOM, as a renderer with
// a bug would.
type boomRenderer struct{ renderer.Renderer }

func (b boomRenderer) Render(w io.Writer, src []byte, n ast.Node) error {
	if bytes.Contains(src, []byte("BOOM")) {
		panic("boom")
	}
	return b.Renderer.Render(w, src, n)
}

// withBoom makes every Markdown renderer of the test a boomRenderer.
func withBoom(t *testing.T) {
	old := markdownFor
	markdownFor = func(unsafe bool) *markdown {
		m := old(unsafe)
		m.md.SetRenderer(boomRenderer{m.md.Renderer()})
		return m
	}
	t.Cleanup(func() { markdownFor = old })
}

// addBoom appends BOOM to a Markdown file, in bold: plain paragraphs are
// written without goldmark (plainParagraphs), and never reach a renderer.
func addBoom(t *testing.T, file string) {
	t.Helper()
	f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\n**BOOM**\n")
	f.Close()
}

const boomMessage = "goals/reading.md: error: Trellis failed while rendering the Markdown: boom"

func TestRenderPanicIsADiagnostic(t *testing.T) {
	withBoom(t)
	dir := testplan.Small(t, "")
	out := filepath.Join(t.TempDir(), "site")
	if _, err := buildSmall(t, dir, out); err != nil {
		t.Fatal(err)
	}
	before := mustRead(t, filepath.Join(out, "index.html"))
	addBoom(t, filepath.Join(dir, "goals", "reading.md"))
	_, err := buildSmall(t, dir, out)
	d, ok := asDiagnostic(err)
	if !ok || d.String() != boomMessage || d.Code != "render-failed" {
		t.Fatalf("error %#v\nwant  %s", err, boomMessage)
	}
	if mustRead(t, filepath.Join(out, "index.html")) != before {
		t.Error("the failed build changed the site")
	}
}

func TestRenderPanicInServe(t *testing.T) {
	withBoom(t)
	dir := testplan.Small(t, "")
	live := NewLivePlan(dir, PreviewOptions{})
	if res, err := live.Update(nil); err != nil || len(res.Diagnostics) != 0 {
		t.Fatalf("first update: %v %v", res.Diagnostics, err)
	}
	home, _ := live.File("index.html")
	addBoom(t, filepath.Join(dir, "goals", "reading.md"))
	res, err := live.Update([]string{"goals/reading.md"})
	if err != nil || len(res.Diagnostics) != 1 || res.Diagnostics[0].String() != boomMessage || res.Plan != nil {
		t.Fatalf("update: %v %v, want %s", res.Diagnostics, err, boomMessage)
	}
	if now, _ := live.File("index.html"); !bytes.Equal(now, home) || len(home) == 0 {
		t.Error("the last good site is not kept")
	}
}

func TestRenderPanicInAPortal(t *testing.T) {
	withBoom(t)
	dir := filepath.Join(t.TempDir(), "portal")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(testplan.Small(t, ""), filepath.Join(dir, "test-district")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, content.PortalFile), "title = \"Test State Plans\"\nagency = \"Test Department of Education\"\n")
	addBoom(t, filepath.Join(dir, "test-district", "goals", "reading.md"))
	p, diags := content.OpenPortal(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	_, diags, err := BuildPortal(p, PortalOptions{Out: filepath.Join(t.TempDir(), "site")})
	if err != nil || len(diags) != 1 || diags[0].String() != "test-district/"+boomMessage {
		t.Fatalf("diagnostics %v, error %v", diags, err)
	}
}

// The minifier drops the text after a stray </option>. Raw HTML in
// Markdown loses the stray tag to the sanitizer; a layout of the plan's
// own keeps it, and its page is published unminified with a warning.
func TestMinifierNeverDropsText(t *testing.T) {
	dir := testplan.Small(t, "")
	settings := mustRead(t, filepath.Join(dir, content.SettingsFile))
	writeFile(t, filepath.Join(dir, content.SettingsFile), settings+"unsafe_html = true\nbase_url = \"https://pl.example.org/\"\n")
	goal := mustRead(t, filepath.Join(dir, "goals", "reading.md"))
	writeFile(t, filepath.Join(dir, "goals", "reading.md"), goal+"\nA list: <b>one</b></option> and the words after the stray tag.\n")
	writeFile(t, filepath.Join(dir, "layouts", "district.html"), `{{define "main"}}<h1>Who we are</h1><p>Schools:</option> all of them.</p>{{end}}`)
	out := filepath.Join(t.TempDir(), "site")
	res, err := Build(load(t, dir), BuildOptions{Out: out, PlanDir: dir, Minify: true, MinifyHTML: true})
	if err != nil {
		t.Fatal(err)
	}
	line := strings.Count(goal, "\n") + 2
	want := []string{
		fmt.Sprintf("goals/reading.md:%d:1: warning: raw HTML removed: </option>", line),
		"trellis.toml: warning: minifying district/index.html would change its text, so it is published unminified",
	}
	var got []string
	for _, d := range res.Warnings {
		got = append(got, d.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for page, text := range map[string]string{
		"goals/reading/index.html": "<b>one</b> and the words after the stray tag.",
		"district/index.html":      "all of them.",
	} {
		if html := mustRead(t, filepath.Join(out, page)); !strings.Contains(html, text) {
			t.Errorf("%s lacks %q:\n%s", page, text, html)
		}
	}
	plain := filepath.Join(t.TempDir(), "plain")
	if _, err := Build(load(t, dir), BuildOptions{Out: plain, PlanDir: dir}); err != nil {
		t.Fatal(err)
	}
	if len(mustRead(t, filepath.Join(out, "index.html"))) >= len(mustRead(t, filepath.Join(plain, "index.html"))) {
		t.Error("the other pages are not minified")
	}
}

func TestVisibleText(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<p class="a>b">Hello, <b>world</b>!</p>`, "Hello,world!"},
		{"<p>it&#39;s &amp; x</p>", "it's&x"},
		{`<script>var s = "<p>not text</p>";</script><style>p{}</style>after`, "after"},
		{`<SCRIPT type="module">x</SCRIPT>y`, "y"},
		{"<!-- a comment -->text<!-- unclosed", "text"},
		{"a\n  b\tc", "abc"},
		{`<div title="unterminated>rest`, ""},
	}
	for _, tt := range tests {
		if got := string(visibleText([]byte(tt.in))); got != tt.want {
			t.Errorf("visibleText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
