package generator

import (
	"strings"
	"testing"
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
