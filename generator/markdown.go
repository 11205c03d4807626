package generator

import (
	"bytes"
	"fmt"
	"html/template"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/trellis-pl/trellis/content"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	gtext "github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdown renders the plan's Markdown. Raw HTML is shown as text unless
// the plan opts in, and then it passes through an allow-list (see
// sanitize.go); links to script URLs are never emitted either way;
// headings are shifted down so that a body's "#" never competes with the
// page's own h1; lists and quotes nest at most MaxMarkdownNesting deep.
type markdown struct {
	md     goldmark.Markdown
	unsafe bool

	mu      sync.Mutex // one render at a time: what follows belongs to it
	notes   []mdNote
	raw     int // raw HTML pieces rendered
	removed int // of which changed by the sanitizer
	src     []byte
	lines   []int // offsets of src's line breaks, once needed

	plains map[string]string // the plain text of each text parsed, for the search index
}

// mdNote is a diagnostic about a Markdown text, without its file; line
// counts from 1 at the start of the text.
type mdNote struct {
	line    int
	diag    content.Diagnostic
	removed []string // what the sanitizer removed on the line
}

func newMarkdown(unsafeHTML bool) *markdown {
	m := &markdown{unsafe: unsafeHTML}
	opts := []renderer.Option{html.WithXHTML()}
	if unsafeHTML {
		opts = append(opts, html.WithUnsafe())
	}
	rend := []util.PrioritizedValue{util.Prioritized(escapedHTML{}, 100)}
	if unsafeHTML {
		rend = []util.PrioritizedValue{util.Prioritized(sanitizedHTML{m}, 100)}
	}
	p := parser.NewParser(
		parser.WithBlockParsers(nestingLimited()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
		parser.WithASTTransformers(util.Prioritized(safeURLs{}, 100)),
	)
	m.md = goldmark.New(
		goldmark.WithParser(p),
		goldmark.WithExtensions(extension.GFM),
		goldmark.WithRendererOptions(append(opts, renderer.WithNodeRenderers(rend...))...),
	)
	return m
}

// block renders Markdown as block HTML inside <div class="prose">, with
// headings starting at level top (a "#" heading becomes <h{top}>).
func (m *markdown) block(src string, top int) template.HTML {
	h, _ := m.blockNotes(src, top)
	return h
}

// blockNotes is block, with what there is to say about the text.
func (m *markdown) blockNotes(src string, top int) (template.HTML, []mdNote) {
	h, notes := m.convert(src, top)
	if h == "" {
		return "", notes
	}
	return `<div class="prose">` + h + `</div>`, notes
}

func (m *markdown) render(src string, top int) template.HTML {
	h, _ := m.convert(src, top)
	return h
}

// convert renders a Markdown text, and says what it had to change in it.
func (m *markdown) convert(src string, top int) (template.HTML, []mdNote) {
	if strings.TrimSpace(src) == "" {
		return "", nil
	}
	if plainLine(src) {
		return template.HTML("<p>" + strings.ReplaceAll(src, `"`, "&quot;") + "</p>\n"), nil
	}
	if h, ok := plainParagraphs(src); ok {
		return h, nil
	}
	return m.parse(src, top)
}

// plainParagraphs renders src without goldmark when it is sure to be
// paragraphs of plain text: lines that plainLine takes, the lines of a
// paragraph joined by line breaks, paragraphs parted by empty lines (and
// empty lines at either end). Most plan files' bodies are such prose.
// FuzzPlainParagraphs holds it to goldmark.
func plainParagraphs(src string) (template.HTML, bool) {
	var b strings.Builder
	b.Grow(len(src) + 16)
	open := false
	for line := range strings.Lines(src) {
		line = strings.TrimSuffix(line, "\n")
		switch {
		case line == "":
			if open {
				b.WriteString("</p>\n")
				open = false
			}
			continue
		case !plainLine(line):
			return "", false
		case open:
			b.WriteByte('\n')
		default:
			b.WriteString("<p>")
			open = true
		}
		b.WriteString(strings.ReplaceAll(line, `"`, "&quot;"))
	}
	if open {
		b.WriteString("</p>\n")
	}
	return template.HTML(b.String()), true
}

// plainLine reports whether src is sure to be one paragraph of plain text
// to goldmark: one line of printable characters with no Markdown syntax
// (see noMarkdown), no blank at either end, and nothing the GFM extension
// would make a link of. Most short fields of a plan are such sentences;
// goldmark would write them as <p>src</p> with " escaped, and so does
// convert, without parsing. FuzzPlainLine holds it to goldmark.
func plainLine(src string) bool {
	if src[0] == ' ' || src[len(src)-1] == ' ' || !noMarkdown(src) || !utf8.ValidString(src) {
		return false
	}
	for i := 0; i < len(src); i++ {
		if c := src[i]; c < 0x20 || c == 0x7f || c == '@' {
			return false // a line break, a tab or a control character; or an e-mail address
		}
	}
	return !strings.Contains(src, "://") && !strings.Contains(src, "www.")
}

// maxMarks is the most emphasis, code and link marks a text may have.
// goldmark keeps a delimiter for each, several hundred bytes, so that a 4
// MB text of them took 12 s and 2 GB; a long plan text has a few hundred.
const maxMarks = 100_000

// tooManyMarks finds the offset of the mark past maxMarks, if any.
func tooManyMarks(src string) (int, bool) {
	if len(src) <= maxMarks {
		return 0, false
	}
	n := 0
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '*', '_', '~', '`', '[':
			if n++; n > maxMarks {
				return i, true
			}
		}
	}
	return 0, false
}

// parse is convert through goldmark.
func (m *markdown) parse(src string, top int) (template.HTML, []mdNote) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.notes, m.raw, m.removed, m.src, m.lines = nil, 0, 0, []byte(src), nil
	if at, ok := tooManyMarks(src); ok { // the build fails; the text is not parsed
		m.note(at, content.Error, content.CodeTooManyMarks,
			"the text has more than 100,000 emphasis, code and link marks (*, _, ~, `, [) by here",
			"a text of so many is data, not prose: put it in a file in static/ and link it from the text")
		return template.HTML("<p>" + template.HTMLEscapeString(src) + "</p>\n"), m.notes
	}
	pc := parser.NewContext()
	doc := m.md.Parser().Parse(gtext.NewReader(m.src), parser.WithContext(pc))
	if at, tooDeep := pc.Get(tooDeepKey).(int); tooDeep { // the build fails; the tree is the nesting limit's
		m.note(at, content.Error, content.CodeTooDeep,
			fmt.Sprintf("lists and block quotes nest more than %d deep here", MaxMarkdownNesting),
			fmt.Sprintf("nest lists and quotes at most %d deep: flatten the list, or start a new one after a blank line", MaxMarkdownNesting))
	} else {
		if m.plains == nil {
			m.plains = map[string]string{}
		}
		m.plains[src] = plainText(doc, m.src)
	}
	if top > 1 {
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if h, ok := n.(*ast.Heading); ok && entering {
				h.Level = min(h.Level+top-1, 6)
			}
			return ast.WalkContinue, nil
		})
	}
	var buf bytes.Buffer
	if err := m.md.Renderer().Render(bufWriter{&buf}, m.src, doc); err != nil {
		return template.HTML(template.HTMLEscapeString(src)), m.notes
	}
	out := buf.Bytes()
	if m.removed > maxRemovedNotes {
		m.note(len(src), content.Warning, content.CodeRemovedHTML,
			fmt.Sprintf("raw HTML was changed in %d more places in this text", m.removed-maxRemovedNotes), removedHint)
	}
	if m.raw > 0 {
		out = balanceHTML(out)
	}
	return template.HTML(out), m.notes
}

// plainOf returns the plain text of src if m has parsed it: what
// searchIndex.parsePlain would make of it, from the tree parsed already.
// A nil m has parsed nothing.
func (m *markdown) plainOf(src string) (string, bool) {
	if m == nil {
		return "", false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	t, ok := m.plains[src]
	return t, ok
}

// bufWriter lets goldmark's renderer write straight into a bytes.Buffer:
// given a plain io.Writer, it would make a 4 KB bufio.Writer for each
// text rendered.
type bufWriter struct{ *bytes.Buffer }

func (bufWriter) Buffered() int { return 0 }
func (bufWriter) Flush() error  { return nil }

var _ util.BufWriter = bufWriter{}

// lineOf returns the line of the text (from 1) with byte offset at.
func (m *markdown) lineOf(at int) int {
	if m.lines == nil {
		m.lines = []int{}
		for i, c := range m.src {
			if c == '\n' {
				m.lines = append(m.lines, i)
			}
		}
	}
	return 1 + sort.SearchInts(m.lines, at)
}

// note records a diagnostic about the text at byte offset at of src.
func (m *markdown) note(at int, sev content.Severity, code content.Code, msg, hint string) {
	i := m.lineOf(at) - 1
	begin, end := 0, len(m.src)
	if i > 0 {
		begin = m.lines[i-1] + 1
	}
	if i < len(m.lines) {
		end = m.lines[i]
	}
	line := strings.TrimSuffix(string(m.src[begin:end]), "\r")
	m.notes = append(m.notes, mdNote{line: i + 1, diag: content.Diagnostic{Severity: sev, Code: code, Message: msg, Hint: hint, Source: line}})
}

// inline renders a short Markdown text without the enclosing paragraph, for
// table cells and one-line fields.
func (m *markdown) inline(src string) template.HTML {
	h, _ := m.inlineNotes(src)
	return h
}

// inlineNotes is inline, with what there is to say about the text.
func (m *markdown) inlineNotes(src string) (template.HTML, []mdNote) {
	out, notes := m.convert(src, 2)
	h := strings.TrimSpace(string(out))
	if strings.HasPrefix(h, "<p>") && strings.HasSuffix(h, "</p>") && strings.Count(h, "<p>") == 1 {
		h = h[3 : len(h)-4]
	}
	return template.HTML(h), notes
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

// maxRemovedNotes is how many places of one text where the sanitizer
// changed raw HTML get a warning of their own; one more counts the rest.
const maxRemovedNotes = 10

const removedHint = "raw HTML keeps ordinary markup (text, lists, tables, details, figures, links, https images) and loses scripts, styles, event handlers, script URLs, frames, forms, <meta>, <svg> and <math>; see docs/limits.md"

// sanitizedHTML renders raw HTML in Markdown through the sanitizer, and
// notes what it removed, for plans that allow raw HTML.
type sanitizedHTML struct{ m *markdown }

func (s sanitizedHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHTMLBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		b := n.(*ast.HTMLBlock)
		var raw []byte
		lines := b.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			raw = append(raw, seg.Value(src)...)
		}
		if b.HasClosure() {
			raw = append(raw, b.ClosureLine.Value(src)...)
		}
		start := 0
		if lines.Len() > 0 {
			start = lines.At(0).Start
		}
		s.write(w, raw, start)
		return ast.WalkSkipChildren, nil
	})
	reg.Register(ast.KindRawHTML, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkSkipChildren, nil
		}
		segs := n.(*ast.RawHTML).Segments
		var raw []byte
		for i := 0; i < segs.Len(); i++ {
			seg := segs.At(i)
			raw = append(raw, seg.Value(src)...)
		}
		start := 0
		if segs.Len() > 0 {
			start = segs.At(0).Start
		}
		s.write(w, raw, start)
		return ast.WalkSkipChildren, nil
	})
}

// write writes a piece of raw HTML, found at offset start of the text,
// sanitized.
func (s sanitizedHTML) write(w util.BufWriter, raw []byte, start int) {
	m := s.m
	m.raw++
	out, removed := sanitizeRaw(raw)
	_, _ = w.Write(out)
	if len(removed) == 0 {
		return
	}
	if n := len(m.notes); n > 0 && m.notes[n-1].removed != nil && m.notes[n-1].line == m.lineOf(start) {
		last := &m.notes[n-1]
		last.removed = mergeRemoved(last.removed, removed)
		last.diag.Message = "raw HTML removed: " + strings.Join(last.removed, ", ")
		return
	}
	if m.removed++; m.removed <= maxRemovedNotes {
		m.note(start, content.Warning, content.CodeRemovedHTML, "raw HTML removed: "+strings.Join(removed, ", "), removedHint)
		m.notes[len(m.notes)-1].removed = removed
	}
}

// mergeRemoved adds to a list of removed markup the items of more it
// lacks, but no end tag whose start tag it names.
func mergeRemoved(list, more []string) []string {
	for _, r := range more {
		if slices.Contains(list, r) {
			continue
		}
		if name, ok := strings.CutPrefix(r, "</"); ok && slices.Contains(list, "<"+name) {
			continue
		}
		list = append(list, r)
	}
	return list
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
