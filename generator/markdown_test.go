package generator

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/trellis-pl/trellis/internal/testplan"
)

// Autolinks render as links, with the URL rules of ordinary links, in
// both raw HTML modes.
func TestAutolinks(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<https://example.org/x>", `<p><a href="https://example.org/x">https://example.org/x</a></p>`},
		{"<mailto:pl@example.org>", `<p><a href="mailto:pl@example.org">mailto:pl@example.org</a></p>`},
		{"write <pl@example.org>", `<p>write <a href="mailto:pl@example.org">pl@example.org</a></p>`},
		{"see www.example.org", `<p>see <a href="http://www.example.org">www.example.org</a></p>`},
		{"<javascript:alert(1)> end", `<p>javascript:alert(1) end</p>`},
		{"a <vbscript:x> b <file:///etc/passwd> c", `<p>a vbscript:x b file:///etc/passwd c</p>`},
	}
	for _, unsafe := range []bool{false, true} {
		m := newMarkdown(unsafe)
		for _, tt := range tests {
			got := strings.TrimSpace(string(m.render(tt.in, 2)))
			if got != tt.want {
				t.Errorf("unsafe=%v: %q renders as\n%s\nwant\n%s", unsafe, tt.in, got, tt.want)
			}
		}
	}
}

// Lists and quotes nest MaxMarkdownNesting deep; the first marker past
// that is named by its line, and stays as text.
func TestMarkdownNestingLimit(t *testing.T) {
	tests := []struct{ name, in, notes string }{
		{"list at the limit", nestedList(MaxMarkdownNesting), ""},
		{"list past the limit", "Intro\n\n" + nestedList(MaxMarkdownNesting+5), "19: markdown-too-deep: lists and block quotes nest more than 16 deep here"},
		{"quotes past the limit", strings.Repeat("> ", MaxMarkdownNesting+1) + "x", "1: markdown-too-deep: lists and block quotes nest more than 16 deep here"},
		{"quotes and lists", strings.Repeat("> - ", MaxMarkdownNesting/2) + "x\n\n" + strings.Repeat("- > ", MaxMarkdownNesting/2+1) + "y",
			"3: markdown-too-deep: lists and block quotes nest more than 16 deep here"},
		{"markers on one line", strings.Repeat("- ", 1000) + "x", "1: markdown-too-deep: lists and block quotes nest more than 16 deep here"},
	}
	m := newMarkdown(false)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, notes := m.convert(tt.in, 3)
			if got := notesOf(notes); got != tt.notes {
				t.Errorf("notes\n%s\nwant\n%s", got, tt.notes)
			}
			if depth := nestingDepth(string(h)); depth > MaxMarkdownNesting {
				t.Errorf("lists and quotes rendered %d deep", depth)
			}
		})
	}
}

// TestMarkdownMarksLimit: a text of more than 100,000 emphasis, code and
// link marks is refused, at the line of the one past the limit, without
// being parsed; one at the limit is parsed.
func TestMarkdownMarksLimit(t *testing.T) {
	m := newMarkdown(false)
	h, notes := m.convert("Intro\n\n"+strings.Repeat("a_", maxMarks)+"\n\n"+strings.Repeat("b*", 10), 3)
	if got, want := notesOf(notes), "5: markdown-too-many-marks: the text has more than 100,000 emphasis, code and link marks (*, _, ~, `, [) by here"; got != want {
		t.Errorf("notes\n%s\nwant\n%s", got, want)
	}
	if !strings.HasPrefix(string(h), "<p>Intro") {
		t.Errorf("refused text rendered as %.40q", h)
	}
	if _, notes := m.convert(strings.Repeat("a_", maxMarks), 3); len(notes) != 0 {
		t.Errorf("a text at the limit: %s", notesOf(notes))
	}
}

// nestingDepth is how deep lists and quotes nest in HTML.
func nestingDepth(h string) int {
	depth, deepest := 0, 0
	for _, tag := range regexp.MustCompile(`</?(ul|blockquote)>`).FindAllString(h, -1) {
		if tag[1] == '/' {
			depth--
		} else {
			depth++
		}
		deepest = max(deepest, depth)
	}
	return deepest
}

// A body nested too deep fails the build with the file and line; the
// previous site stays.
func TestBuildNestingTooDeep(t *testing.T) {
	dir := testplan.Small(t, "")
	goal := mustRead(t, filepath.Join(dir, "goals", "reading.md"))
	writeFile(t, filepath.Join(dir, "goals", "reading.md"), goal+"\n"+nestedList(2000))
	_, err := Build(load(t, dir), BuildOptions{Out: filepath.Join(t.TempDir(), "site"), PlanDir: dir})
	d, ok := asDiagnostic(err)
	line := strings.Count(goal, "\n") + 2 + MaxMarkdownNesting
	want := fmt.Sprintf("goals/reading.md:%d:1: error: lists and block quotes nest more than 16 deep here", line)
	if !ok || d.String() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}
