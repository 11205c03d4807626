package generator

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	gtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	nethtml "golang.org/x/net/html"
)

// markdown renders the plan's Markdown. Raw HTML is shown as text unless
// the plan opts in; links to script URLs are never emitted either way;
// headings are shifted down so that a body's "#" never competes with the
// page's own h1.
type markdown struct {
	md     goldmark.Markdown
	unsafe bool
}

func newMarkdown(unsafeHTML bool) *markdown {
	opts := []renderer.Option{html.WithXHTML()}
	if unsafeHTML {
		opts = append(opts, html.WithUnsafe())
	}
	rend := []util.PrioritizedValue{}
	if !unsafeHTML {
		rend = append(rend, util.Prioritized(escapedHTML{}, 100))
	}
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(safeURLs{}, 100))),
		goldmark.WithRendererOptions(append(opts, renderer.WithNodeRenderers(rend...))...),
	)
	return &markdown{md: md, unsafe: unsafeHTML}
}

// block renders Markdown as block HTML inside <div class="prose">, with
// headings starting at level top (a "#" heading becomes <h{top}>).
func (m *markdown) block(src string, top int) template.HTML {
	h := m.render(src, top)
	if h == "" {
		return ""
	}
	return `<div class="prose">` + h + `</div>`
}

func (m *markdown) render(src string, top int) template.HTML {
	if strings.TrimSpace(src) == "" {
		return ""
	}
	doc := m.md.Parser().Parse(gtext.NewReader([]byte(src)))
	if top > 1 {
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if h, ok := n.(*ast.Heading); ok && entering {
				h.Level = min(h.Level+top-1, 6)
			}
			return ast.WalkContinue, nil
		})
	}
	var buf bytes.Buffer
	if err := m.md.Renderer().Render(&buf, []byte(src), doc); err != nil {
		return template.HTML(template.HTMLEscapeString(src))
	}
	out := buf.Bytes()
	if m.unsafe {
		out = neutralizeScriptURLs(out)
	}
	return template.HTML(out)
}

// inline renders a short Markdown text without the enclosing paragraph, for
// table cells and one-line fields.
func (m *markdown) inline(src string) template.HTML {
	h := strings.TrimSpace(string(m.render(src, 2)))
	if strings.HasPrefix(h, "<p>") && strings.HasSuffix(h, "</p>") && strings.Count(h, "<p>") == 1 {
		h = h[3 : len(h)-4]
	}
	return template.HTML(h)
}

// escapedHTML renders raw HTML in Markdown as visible, escaped text.
type escapedHTML struct{}

func (escapedHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHTMLBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		b := n.(*ast.HTMLBlock)
		_, _ = w.WriteString("<p>")
		lines := b.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			_, _ = w.WriteString(template.HTMLEscapeString(string(seg.Value(src))))
		}
		if b.HasClosure() {
			_, _ = w.WriteString(template.HTMLEscapeString(string(b.ClosureLine.Value(src))))
		}
		_, _ = w.WriteString("</p>\n")
		return ast.WalkSkipChildren, nil
	})
	reg.Register(ast.KindRawHTML, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkSkipChildren, nil
		}
		segs := n.(*ast.RawHTML).Segments
		for i := 0; i < segs.Len(); i++ {
			seg := segs.At(i)
			_, _ = w.WriteString(template.HTMLEscapeString(string(seg.Value(src))))
		}
		return ast.WalkSkipChildren, nil
	})
}

// safeURLs drops link and image destinations whose scheme runs script.
type safeURLs struct{}

func (safeURLs) Transform(doc *ast.Document, reader gtext.Reader, _ parser.Context) {
	src := reader.Source()
	var unsafe []*ast.AutoLink
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch v := n.(type) {
		case *ast.Link:
			if isScriptURL(string(v.Destination)) {
				v.Destination = []byte("#")
			}
		case *ast.Image:
			if isScriptURL(string(v.Destination)) {
				v.Destination = []byte("")
			}
		case *ast.AutoLink:
			if isScriptURL(string(v.URL(src))) {
				unsafe = append(unsafe, v)
			}
		}
		return ast.WalkContinue, nil
	})
	// An autolink to a script URL becomes its text. The tree is changed
	// after the walk, which must not see nodes move under it.
	for _, v := range unsafe {
		v.Parent().ReplaceChild(v.Parent(), v, ast.NewString(v.Label(src)))
	}
}

// isScriptURL reports whether a URL would run code or reach outside the
// web when followed: javascript:, vbscript:, file:, and data: other than
// images. Spaces and control characters inside the scheme are ignored, as
// browsers ignore them.
func isScriptURL(u string) bool {
	var b strings.Builder
	for _, r := range u {
		if r <= ' ' || r == 0x7f {
			continue
		}
		b.WriteRune(r)
		if r == ':' || b.Len() > 16 {
			break
		}
	}
	scheme := strings.ToLower(b.String())
	switch scheme {
	case "javascript:", "vbscript:", "file:":
		return true
	case "data:":
		low := strings.ToLower(strings.TrimSpace(u))
		for _, ok := range []string{"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"} {
			if strings.HasPrefix(low, ok) {
				return false
			}
		}
		return true
	}
	return false
}

// neutralizeScriptURLs rewrites URL attributes with script schemes in
// HTML that a plan let through with unsafe_html. Everything else is copied
// byte for byte.
func neutralizeScriptURLs(in []byte) []byte {
	var out bytes.Buffer
	z := nethtml.NewTokenizer(bytes.NewReader(in))
	for {
		tt := z.Next()
		if tt == nethtml.ErrorToken {
			return out.Bytes()
		}
		raw := z.Raw()
		if tt != nethtml.StartTagToken && tt != nethtml.SelfClosingTagToken {
			out.Write(raw)
			continue
		}
		tok := z.Token()
		changed := false
		for i, a := range tok.Attr {
			switch strings.ToLower(a.Key) {
			case "href", "src", "action", "formaction", "xlink:href", "poster", "data":
				if isScriptURL(a.Val) {
					tok.Attr[i].Val = "#"
					changed = true
				}
			}
		}
		if changed {
			out.WriteString(tok.String())
		} else {
			out.Write(raw)
		}
	}
}
