package tomlpos

import (
	"fmt"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestTooDeep(t *testing.T) {
	nest := func(open, close string, n int) string {
		return strings.Repeat(open, n) + strings.Repeat(close, n)
	}
	tests := []struct {
		name, src string
		want      string // the text at the reported span; "" for none
		at        int    // its offset
	}{
		{"plan", "title = \"x\"\n[[ratings]]\nitem = \"a\"\n[initial]\nwho = { name = [\"a\", [1]] }\n", "", 0},
		{"arrays at the limit", "a = " + nest("[", "]", 99), "", 0},
		{"arrays past it", "a = " + nest("[", "]", 100), "[", 4 + 99},
		{"brackets in strings", "a = \"" + strings.Repeat("[", 200) + "\"\nb = '''\n" + strings.Repeat("{", 200) + "'''", "", 0},
		{"brackets in comments", "a = 1 # " + strings.Repeat("[", 200) + "\nb = [ # " + strings.Repeat("{", 200) + "\n]", "", 0},
		{"inline tables", "t = " + strings.Repeat("{x = ", 60) + "1" + strings.Repeat("}", 60), "x", 4 + 49*5 + 1},
		{"dotted key", strings.Repeat("k.", 100) + "last = 1", "last", 200},
		{"header", "[" + strings.Repeat("h.", 100) + "z]\n", "z", 201},
		{"header and key", "[" + strings.Repeat("h.", 98) + "h]\na.b = 1", "b", len(strings.Repeat("h.", 98)) + 6},
		{"quoted parts", strings.Repeat(`"q".`, 100) + `"r" = 1`, `"r"`, 400},
		{"headers reset", "[" + strings.Repeat("h.", 98) + "h]\n[top]\na = " + nest("[", "]", 90), "", 0},
		{"arrays of tables", "[[a]]\nb = [{c = [{d = 1}]}]\n[[a]]\nx = 2", "", 0},
		{"commas keep the level", "a = [" + strings.Repeat("[1], ", 500) + "]\nt = {" + strings.Repeat("k = {v = 1}, ", 300) + "}", "", 0},
		{"unbalanced", strings.Repeat("]}", 50) + "\na = 1", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp, deep := TooDeep(tt.src, MaxDepth)
			switch {
			case tt.want == "" && deep:
				t.Fatalf("reported %q at %d, want nothing", tt.src[sp.Start:sp.End], sp.Start)
			case tt.want == "":
			case !deep:
				t.Fatalf("reported nothing, want %q at %d", tt.want, tt.at)
			case sp.Start != tt.at || tt.src[sp.Start:sp.End] != tt.want:
				t.Fatalf("reported %q at %d, want %q at %d", tt.src[sp.Start:sp.End], sp.Start, tt.want, tt.at)
			}
		})
	}
}

// TestScanDeep checks that the index stops, without failing, at text
// nested deeper than content reads.
func TestScanDeep(t *testing.T) {
	src := "a = " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\nb = 1"
	ix := Scan(src)
	if _, ok := ix.Lookup(Path("a", 0, 0, 0)); !ok {
		t.Errorf("a#0#0#0 not indexed")
	}
	if n := ix.Len(); n > MaxDepth+1 {
		t.Errorf("%d paths indexed, want at most %d", n, MaxDepth+1)
	}
}

// deepDoc nests n arrays, each holding a number and the next array, then
// as many inline tables: time and memory are measured against n.
func deepDoc(n int) string {
	var b strings.Builder
	b.WriteString("a = ")
	for i := 0; i < n; i++ {
		b.WriteString("[1, ")
	}
	b.WriteString(strings.Repeat("]", n))
	b.WriteString("\nt = ")
	for i := 0; i < n; i++ {
		b.WriteString("{x = 1, y = ")
	}
	b.WriteString("2" + strings.Repeat("}", n) + "\n")
	return b.String()
}

// BenchmarkIndexDepth indexes documents nested 1k, 10k and 100k levels
// deep, with the depth limits lifted: ns/op and B/op grow about ten times
// from one to the next (linear), not a hundred (the former index, which
// kept each path whole: 1.5 GB for 32,000 arrays).
func BenchmarkIndexDepth(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		src := deepDoc(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for i := 0; i < b.N; i++ {
				scan(src, 2*n+1)
			}
		})
	}
}

// BenchmarkTooDeep measures the depth check, limit lifted, on the same
// documents: linear in their length.
func BenchmarkTooDeep(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		src := deepDoc(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for i := 0; i < b.N; i++ {
				if _, deep := TooDeep(src, 4*n); deep {
					b.Fatal("too deep")
				}
			}
		})
	}
}

// BenchmarkIndexLeaves indexes lists nested MaxDepth-1 levels deep holding
// 1k, 10k and 100k numbers: the cost of each grows with the number of
// values, not with their depth.
func BenchmarkIndexLeaves(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		d := MaxDepth - 1
		src := "a = " + strings.Repeat("[", d) + strings.Repeat("1, ", n) + strings.Repeat("]", d)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for i := 0; i < b.N; i++ {
				Scan(src)
			}
		})
	}
}

// FuzzTooDeep checks that the depth check never fails, reports a place
// inside the text, lets through no TOML that decodes deeper than the limit
// allows (each level it counts is at most two levels of the decoded data:
// an array of tables is an array of maps), and refuses none that decodes
// much less deep.
func FuzzTooDeep(f *testing.F) {
	for _, s := range []string{
		"a = [[1], {b = [2]}]", "[x.y]\nz = {w = 1}", "[[a]]\n[[a.b]]\nc = 1", `"k.\"[" = ['[', "{"]`,
		"a = '''\n[[[\n''' # [[", "t = {a.b.c = [[[]]]}", "a = " + strings.Repeat("[", 8) + strings.Repeat("]", 8),
	} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, src string, limit int) {
		limit = 1 + abs(limit)%8
		sp, deep := TooDeep(src, limit)
		if deep && (sp.Start < 0 || sp.End > len(src) || sp.Start >= sp.End) {
			t.Fatalf("span %+v out of range (len %d)", sp, len(src))
		}
		var m map[string]any
		if _, err := toml.Decode(src, &m); err != nil {
			return
		}
		switch d := dataDepth(m); {
		case !deep && d > 2*limit:
			t.Fatalf("decodes %d levels deep, limit %d passed", d, limit)
		case deep && 2*d+1 <= limit:
			// Each level counted is at least half a level of data.
			t.Fatalf("decodes only %d levels deep, limit %d refused", d, limit)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// dataDepth is how deep decoded TOML nests: each key, array element and
// table of an array of tables is a level.
func dataDepth(v any) int {
	d := 0
	switch x := v.(type) {
	case map[string]any:
		for _, e := range x {
			d = max(d, 1+dataDepth(e))
		}
	case []map[string]any:
		for _, e := range x {
			d = max(d, 1+dataDepth(e))
		}
	case []any:
		for _, e := range x {
			d = max(d, 1+dataDepth(e))
		}
	}
	return d
}
