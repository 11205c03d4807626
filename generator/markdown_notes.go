package generator

import (
	"slices"

	"github.com/trellis-pl/trellis/content"
)

// located gives the renderer's notes on src the file being rendered, and
// a line in it when src is the file's Markdown body; a text of the front
// matter is named by its file alone.
func (m *sourced) located(src string, notes []mdNote) content.Diagnostics {
	if len(notes) == 0 {
		return nil
	}
	bodyLine := m.bodyLine(src)
	var ds content.Diagnostics
	for _, n := range notes {
		d := n.diag
		d.File = m.file
		if bodyLine > 0 {
			d.Pos = content.Position{Line: bodyLine + n.line - 1, Col: 1}
		} else {
			d.Message += " (in the front matter)"
		}
		ds = append(ds, d)
	}
	return ds
}

// bodyLine is the line of m.file on which src starts, if src is the
// file's Markdown body; else 0.
func (m *sourced) bodyLine(src string) int {
	if b, ok := m.bodies[m.file]; ok && b.Markdown == src {
		return b.BodyLine
	}
	return 0
}

// takeNotes keeps the renderer's warnings for the build's result; an
// error among the notes fails the build.
func (s *Site) takeNotes(ds content.Diagnostics) error {
	ds.Sort()
	for _, d := range ds {
		if d.Severity == content.Error {
			return DiagnosticError{d}
		}
	}
	s.warnings = ds
	return nil
}

// bodiesOf maps each file of a plan with a Markdown body to its body.
func bodiesOf(p *content.Plan) map[string]*content.Body {
	bodies := map[string]*content.Body{}
	add := func(b *content.Body) {
		if b.File != "" {
			bodies[b.File] = b
		}
	}
	add(&p.District.Body)
	add(&p.Beliefs.Body)
	for _, g := range p.Goals {
		add(&g.Body)
	}
	for _, a := range p.Activities {
		add(&a.Body)
	}
	for _, pt := range p.Partners {
		add(&pt.Body)
	}
	return bodies
}

// warnings are the warnings of a build of the site: the Markdown
// renderer's, and one for each page published unminified.
func (sp *sitePlan) warnings(unminified []string) content.Diagnostics {
	ds := slices.Concat(sp.site.warnings, unminifiedWarnings(unminified, sp.pages))
	ds.Sort()
	return ds
}

// rawHTMLOverridden is the warning for a district whose unsafe_html =
// true the portal overrides.
var rawHTMLOverridden = content.Diagnostic{
	File: content.SettingsFile, Severity: content.Warning, Code: content.CodeRawHTMLOverridden,
	Message: "unsafe_html = true is overridden by the portal's unsafe_html = false: raw HTML is shown as text",
}
