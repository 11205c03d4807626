package generator

import (
	"reflect"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	gtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// MaxMarkdownNesting is how deep lists and block quotes may nest in a
// Markdown text. goldmark's time per line grows with the number of blocks
// open around it, so deeper nesting would make a text's rendering time
// grow faster than its length. A list or quote marker past the limit is
// shown as text, and the build fails with a diagnostic naming its line.
const MaxMarkdownNesting = 16

// tooDeepKey holds, in a parse's context, the offset in the source of the
// first line that would have nested past the limit.
var tooDeepKey = parser.NewContextKey()

// nestingLimited returns the default block parsers with the list and
// block quote parsers refusing to open a block MaxMarkdownNesting deep.
func nestingLimited() []util.PrioritizedValue {
	limited := map[reflect.Type]bool{
		reflect.TypeOf(parser.NewListParser()):       true,
		reflect.TypeOf(parser.NewBlockquoteParser()): true,
	}
	ps := parser.DefaultBlockParsers()
	for i, p := range ps {
		if limited[reflect.TypeOf(p.Value)] {
			ps[i].Value = depthLimited{p.Value.(parser.BlockParser)}
		}
	}
	return ps
}

// depthLimited is a block parser that opens no block nested
// MaxMarkdownNesting deep in lists and block quotes.
type depthLimited struct{ parser.BlockParser }

func (d depthLimited) Open(parent ast.Node, reader gtext.Reader, pc parser.Context) (ast.Node, parser.State) {
	// Below a list that was just opened, the list item parser opens its
	// first item: that is not one more level.
	if _, ok := parent.(*ast.List); !ok && nesting(parent) >= MaxMarkdownNesting {
		if pc.Get(tooDeepKey) == nil {
			_, seg := reader.PeekLine()
			pc.Set(tooDeepKey, seg.Start)
		}
		return nil, parser.NoChildren
	}
	return d.BlockParser.Open(parent, reader, pc)
}

// nesting counts the lists and block quotes that n is in, or is.
func nesting(n ast.Node) int {
	depth := 0
	for ; n != nil; n = n.Parent() {
		switch n.Kind() {
		case ast.KindList, ast.KindBlockquote:
			depth++
		}
	}
	return depth
}
