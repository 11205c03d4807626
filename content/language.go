package content

import (
	"fmt"
	"strings"

	"github.com/trellis-pl/trellis/internal/async"
	"github.com/trellis-pl/trellis/internal/i18n"
	"github.com/trellis-pl/trellis/themes"
)

// checkLanguage checks the plan's `language`: a BCP 47 tag with a
// catalogue of interface text, the theme's or the plan's own (i18n/).
// It also reports the problems of the plan's own catalogues.
func (l *loader) checkLanguage(doc *tomlDoc) {
	s := &l.plan.Settings
	set, problems := l.catalogues()
	for _, p := range problems {
		l.diags = append(l.diags, catalogueDiagnostic(p))
	}
	if tag, ok := checkTag(doc, "language", s.Language, set); ok {
		s.Language = tag
	}
	if len(problems) == 0 {
		l.missingMessages(set, s.Language)
	}
}

// catalogues are the interface texts a plan can use: the theme's, and the
// plan's own i18n/*.toml, with the problems of the plan's files. Without
// files of its own, a plan shares the theme's (see i18n.Load): a portal
// loads hundreds of plans. They are read once per load, by readCatalogues.
func (l *loader) catalogues() (*i18n.Set, []i18n.Problem) { return l.cats() }

// readCatalogues starts reading the catalogues beside the rest of the
// load: the theme's are about 50 kB of TOML, parsed once per process.
func (l *loader) readCatalogues() {
	l.cats = async.Go(func() (*i18n.Set, []i18n.Problem) { return i18n.Load(themes.Default(), l.fsys) })
}

// checkTag checks one language tag, the value of key, and returns it in
// its canonical form.
func checkTag(doc *tomlDoc, key, value string, set *i18n.Set) (string, bool) {
	pos := doc.at(key, true)
	tag, suggestion, ok := i18n.ParseTag(value)
	if !ok {
		hint := "write a language tag, such as `" + key + ` = "es"` + "` for Spanish"
		if suggestion != "" {
			hint = "did you mean `" + key + ` = "` + suggestion + `"` + "`?"
		}
		doc.src.errorf(pos, CodeUnknownLanguage, hint, "%q is not a language tag (BCP 47)", value)
		return "", false
	}
	if set.Catalogue(tag) == nil {
		base := strings.SplitN(tag, "-", 2)[0]
		doc.src.errorf(pos, CodeNoCatalogue,
			fmt.Sprintf("add the file i18n/%s.toml to the plan folder, translating the keys of the theme's i18n/en.toml (see docs/translating.md); the theme has %s", base, strings.Join(set.Languages(), ", ")),
			"the theme has no interface text in %q", tag)
		return tag, false
	}
	return tag, true
}

// missingMessages warns of the keys a plan's own catalogue for lang lacks.
func (l *loader) missingMessages(set *i18n.Set, lang string) {
	c := set.Catalogue(lang)
	if c == nil || !c.Own() {
		return
	}
	missing := set.Missing(lang)
	if len(missing) == 0 {
		return
	}
	shown := missing
	if len(shown) > 5 {
		shown = shown[:5]
	}
	more := ""
	if n := len(missing) - len(shown); n > 0 {
		more = fmt.Sprintf(" and %d more", n)
	}
	l.diags = append(l.diags, Diagnostic{File: c.OwnFile(), Severity: Warning, Code: CodeMissingMessage,
		Message: fmt.Sprintf("the catalogue lacks %d of the theme's messages, shown in English: %s%s", len(missing), strings.Join(shown, ", "), more),
		Hint:    "copy the missing keys from the theme's i18n/en.toml and translate them"})
}

func catalogueDiagnostic(p i18n.Problem) Diagnostic {
	code, hint := CodeInvalidValue, "see docs/translating.md for the catalogue's format"
	if p.Line > 0 {
		code = CodeTOMLSyntax
	}
	if p.Deep {
		code, hint = CodeTOMLTooDeep, "a catalogue nests two or three levels, such as [nav] and its keys; see docs/translating.md"
	}
	return Diagnostic{File: p.File, Pos: Position{Line: p.Line, Col: p.Col}, Severity: Error, Code: code, Message: p.Message, Hint: hint}
}
