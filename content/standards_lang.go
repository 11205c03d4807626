package content

import "strings"

// In returns the set with its names and summaries in a language, where
// the set gives them (translations.<lang>, or of the language's base:
// "es" for "es-MX"); the rest stays as written. The set itself is not
// changed. Untranslated reports how many names and summaries kept the
// set's own language.
func (s *StandardsSet) In(lang string) (set *StandardsSet, untranslated int) {
	if s == nil {
		return nil, 0
	}
	c := *s
	c.Name, c.Summary, untranslated = translate(s.Translations, lang, s.Name, s.Summary)
	if tr, ok := translationIn(s.Translations, lang); ok && tr.Label != "" {
		c.ElementLabel, c.ElementPlural = tr.Label, tr.LabelPlural
	}
	c.Frames = make([]Frame, len(s.Frames))
	for i, f := range s.Frames {
		var n int
		f.Name, f.Summary, n = translate(f.Translations, lang, f.Name, f.Summary)
		c.Frames[i], untranslated = f, untranslated+n
	}
	c.Standards = make([]Standard, len(s.Standards))
	for i, st := range s.Standards {
		var n int
		st.Name, st.Summary, n = translate(st.Translations, lang, st.Name, st.Summary)
		untranslated += n
		st.Elements = make([]Element, len(s.Standards[i].Elements))
		for j, e := range s.Standards[i].Elements {
			e.Name, e.Summary, _ = translate(e.Translations, lang, e.Name, e.Summary)
			st.Elements[j] = e
		}
		c.Standards[i] = st
	}
	return &c, untranslated
}

// translate returns name and summary in lang where a translation gives
// them, and how many of the two (that are not empty) it does not.
func translate(m map[string]Translation, lang, name, summary string) (string, string, int) {
	tr, _ := translationIn(m, lang)
	n := 0
	if tr.Name != "" {
		name = tr.Name
	} else if name != "" {
		n++
	}
	if tr.Summary != "" {
		summary = tr.Summary
	} else if summary != "" {
		n++
	}
	return name, summary, n
}

func translationIn(m map[string]Translation, lang string) (Translation, bool) {
	if tr, ok := m[lang]; ok {
		return tr, true
	}
	base, _, _ := strings.Cut(lang, "-")
	tr, ok := m[base]
	return tr, ok
}
