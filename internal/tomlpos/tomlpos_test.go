package tomlpos

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestScan(t *testing.T) {
	src := `# comment
title = "A # not a comment" # comment
"quoted key" = 'lit'
a.b.c = 1979-05-27 07:32:00
text = """
multi "line"
"""
list = [
  "one", # first
  { x = 1, y = [2, 3] },
]

[table]
k = true

[[aot]]
v = 1

[[aot]]
v = 2
  [aot.sub]
  w = 'x'

[[aot.items]]
z = -1.5e3
`
	idx := Scan(src)
	tests := []struct {
		path     string
		key, val string
	}{
		{Path("title"), "title", `"A # not a comment"`},
		{Path("quoted key"), `"quoted key"`, `'lit'`},
		{Path("a", "b", "c"), "a.b.c", "1979-05-27 07:32:00"},
		{Path("a"), "a.b.c", "a.b.c"},
		{Path("text"), "text", "\"\"\"\nmulti \"line\"\n\"\"\""},
		{Path("list", 0), `"one"`, `"one"`},
		{Path("list", 1, "y", 1), "3", "3"},
		{Path("list", 1, "x"), "x", "1"},
		{Path("table"), "table", "[table]"},
		{Path("table", "k"), "k", "true"},
		{Path("aot", 0), "aot", "[[aot]]"},
		{Path("aot", 1, "v"), "v", "2"},
		{Path("aot", 1, "sub"), "aot.sub", "[aot.sub]"},
		{Path("aot", 1, "sub", "w"), "w", "'x'"},
		{Path("aot", 1, "items", 0, "z"), "z", "-1.5e3"},
	}
	for _, tt := range tests {
		e, ok := idx.Lookup(tt.path)
		if !ok {
			t.Errorf("%q: not indexed", tt.path)
			continue
		}
		if got := src[e.Key.Start:e.Key.End]; got != tt.key {
			t.Errorf("%q: key = %q, want %q", tt.path, got, tt.key)
		}
		if got := src[e.Value.Start:e.Value.End]; got != tt.val {
			t.Errorf("%q: value = %q, want %q", tt.path, got, tt.val)
		}
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range []string{
		"a = 1", "[[x]]\ny = [1,\n2]", `s = """x""""`, "t = {a = {b = 'c'}}", "[", "a = [", `k = "unterminated`, "x = '''", "a.\"b\" = 1",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for p, nd := range Scan(src).nodes {
			for _, sp := range [][2]int32{nd.key, nd.value} {
				if sp[0] < 0 || int(sp[1]) > len(src) || sp[0] > sp[1] {
					t.Fatalf("node %d: span out of range: %+v (len %d)", p, nd, len(src))
				}
			}
		}
		// Every bare top-level key of a document the parser takes is found.
		var m map[string]any
		if _, deep := TooDeep(src, MaxDepth); deep {
			return
		}
		if _, err := toml.Decode(src, &m); err != nil {
			return
		}
		ix := Scan(src)
		for k := range m {
			if strings.Trim(k, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") != "" || k == "" {
				continue
			}
			if _, ok := ix.Lookup(Path(k)); !ok {
				t.Fatalf("key %q not indexed", k)
			}
		}
	})
}
