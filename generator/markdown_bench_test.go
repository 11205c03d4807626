package generator

import (
	"fmt"
	"strings"
	"testing"
)

// nestedList is a list nested depth levels deep, one item a line.
func nestedList(depth int) string {
	var b strings.Builder
	for i := 0; i < depth; i++ {
		b.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	return b.String()
}

// BenchmarkMarkdownNesting renders deeply nested lists and quotes: time
// must grow with the size of the text, not faster.
func BenchmarkMarkdownNesting(b *testing.B) {
	m := newMarkdown(false)
	for _, depth := range []int{100, 1000, 2000} {
		for _, shape := range []struct{ name, src string }{
			{"list", nestedList(depth)}, // 2,000 levels: 4 MB, the largest file read
			{"markers", strings.Repeat("- ", depth) + "x\n"},
			{"quotes", strings.Repeat("> ", depth) + "x\n"},
		} {
			b.Run(fmt.Sprintf("%s-%d", shape.name, depth), func(b *testing.B) {
				b.SetBytes(int64(len(shape.src)))
				for b.Loop() {
					m.block(shape.src, 3)
				}
			})
		}
	}
}

// BenchmarkMarkdownLarge renders a body of 4 MB, the largest file the
// loader reads.
func BenchmarkMarkdownLarge(b *testing.B) {
	para := "Teachers meet **weekly** to plan [units](https://example.org/u) and review `data`.\n\n"
	src := strings.Repeat(para, 4<<20/len(para))
	for _, unsafe := range []bool{false, true} {
		m := newMarkdown(unsafe)
		b.Run(fmt.Sprintf("unsafe=%v", unsafe), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				m.block(src, 3)
			}
		})
	}
}
