package content

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// TestTooDeep checks that TOML nested past the limit is refused, before it
// is decoded, at the first bracket or key part past the limit, in Markdown
// front matter and in .toml files, up to the size limit of a file.
func TestTooDeep(t *testing.T) {
	const msg = "error: the TOML nests more than 100 levels deep here (tables, dotted keys, lists and inline tables) [toml-too-deep]"
	goal := func(toml string) string { return "+++\ntitle = \"Read well\"\n" + toml + "\n+++\nBody.\n" }
	arrays := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	tests := []struct {
		name, file, text string
		want             string
	}{
		{"arrays", "goals/reading.md", goal("evidence = " + arrays(32000)), "goals/reading.md:3:111: " + msg},
		{"inline tables", "goals/reading.md", goal("x = " + strings.Repeat("{a = ", 10000) + "1" + strings.Repeat("}", 10000)), "goals/reading.md:3:251: " + msg},
		{"dotted key", "trellis.toml", "district = \"Test District\"\n" + strings.Repeat("k.", 150) + "z = 1\n", "trellis.toml:2:201: " + msg},
		{"table header", "standards.toml", "[" + strings.Repeat("t.", 100) + "u]\n", "standards.toml:1:202: " + msg},
		{"arrays filling a file", "goals/reading.md", goal("evidence = " + arrays((4<<20-40)/2)), "goals/reading.md:3:111: " + msg},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := basePlan(t)
			m[tt.file] = &fstest.MapFile{Data: []byte(tt.text), Mode: 0o644}
			_, diags := Load(m)
			got := lines(diags)
			if len(got) != 1 || got[0] != tt.want {
				t.Fatalf("diagnostics:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), tt.want)
			}
			if h := diags[0].Hint; !strings.HasPrefix(h, "write nested items as [[tables]]") {
				t.Errorf("hint = %q", h)
			}
		})
	}
}

// TestDepthAtLimit checks that nesting up to the limit is read as usual: an
// unknown key 100 levels down is reported where it stands.
func TestDepthAtLimit(t *testing.T) {
	m := basePlan(t)
	deep := "extra = " + strings.Repeat("{ a = ", 49) + "1" + strings.Repeat(" }", 49)
	m["beliefs.md"] = &fstest.MapFile{Data: []byte("+++\nmission = \"Teach.\"\nvision = \"Learn.\"\n" + deep + "\n+++\n")}
	_, diags := Load(m)
	if got := lines(diags); len(got) != 1 || got[0] != "beliefs.md:4:1: error: unknown key `extra` [unknown-key]" {
		t.Fatalf("diagnostics: %q", got)
	}
}

// TestTooManyProblems checks that one file reports at most 100 problems,
// then says that there are more.
func TestTooManyProblems(t *testing.T) {
	m := basePlan(t)
	var b strings.Builder
	b.WriteString("+++\nmission = \"Teach.\"\nvision = \"Learn.\"\n")
	for i := 0; i < 20000; i++ { // unknown keys kaaaa, kxbaaa, ...
		b.WriteString("k")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString(string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676%26)) + string(rune('a'+i/17576%26)))
		b.WriteString(" = 1\n")
	}
	b.WriteString("+++\n")
	m["beliefs.md"] = &fstest.MapFile{Data: []byte(b.String())}
	_, diags := Load(m)
	if len(diags) != 101 {
		t.Fatalf("%d diagnostics, want 101", len(diags))
	}
	var summary []string
	for _, d := range diags {
		if d.Code == CodeTooManyProblems {
			summary = append(summary, d.String())
		} else if d.Code != CodeUnknownKey || d.File != "beliefs.md" {
			t.Errorf("unexpected: %s", d.String())
		}
	}
	if len(summary) != 1 || summary[0] != "beliefs.md: error: more than 100 problems in this file; only the first 100 are shown" {
		t.Errorf("summary: %q", summary)
	}
	if first := diags[1].String(); first != "beliefs.md:4:1: error: unknown key `kaaaa`" {
		t.Errorf("first: %s", first)
	}
}

// TestTooManyWarnings: past 100 warnings in a file, one more warning says
// so; the plan still builds, and an error after them is still shown (a
// state's set of 150 standards, none addressed yet, and an unknown key).
func TestTooManyWarnings(t *testing.T) {
	m := basePlan(t)
	moreStandards(m, 150)
	_, diags := Load(m)
	warnings, summary := 0, ""
	for _, d := range diags {
		switch {
		case d.Severity == Error:
			t.Errorf("an error: %s", d)
		case d.Code == CodeTooManyProblems:
			summary = d.String()
		case d.File == SettingsFile && d.Code == CodeNotAddressed:
			warnings++
		}
	}
	if warnings != 100 || summary != "trellis.toml: warning: more than 100 warnings in this file; only the first 100 are shown" {
		t.Fatalf("%d standard-not-addressed warnings, summary %q; want 100 and the summary", warnings, summary)
	}
	settings := string(m[SettingsFile].Data)
	m[SettingsFile].Data = []byte(settings + "colour = \"blue\"\n")
	_, diags = Load(m)
	if !diags.HasErrors() {
		t.Fatalf("an unknown key after 100 warnings is not reported:\n%s", lines(diags))
	}
}

// TestTooManyStandards: a set of more than 500 standards is refused at
// the one past the limit.
func TestTooManyStandards(t *testing.T) {
	m := basePlan(t)
	moreStandards(m, 510)
	_, diags := Load(m)
	want := "the set has 512 standards, more than the 500 a set may have"
	var errs []string
	for _, d := range diags {
		if d.Severity == Error {
			errs = append(errs, d.String())
		}
	}
	if len(errs) != 1 || !strings.HasPrefix(errs[0], "standards.toml:") || !strings.Contains(errs[0], want) {
		t.Fatalf("errors %q, want one with %q", errs, want)
	}
}

// moreStandards puts n standards (s0, s1, ..., each with one element)
// before the base plan's own in its standards file.
func moreStandards(m fstest.MapFS, n int) {
	set := string(m["standards.toml"].Data)
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "[[standards]]\nid = \"s%d\"\nname = \"Standard %d\"\nsummary = \"Do %d.\"\n\n  [[standards.elements]]\n  id = \"e%d\"\n  name = \"Element %d\"\n\n", i, i, i, i, i)
	}
	first := strings.Index(set, "[[standards]]")
	m["standards.toml"].Data = []byte(set[:first] + b.String() + set[first:])
}
