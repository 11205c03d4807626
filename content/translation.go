package content

import (
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/trellis-pl/trellis/internal/i18n"
	"github.com/trellis-pl/trellis/internal/tomlpos"
)

// A translation of a content file sits beside it as name.<lang>.md
// (district.es.md, goals/01-early-literacy.es.md) for each language that
// trellis.toml lists in `translations`. It holds only text: the text keys
// of the front matter and the body. Numbers, dates, ids, references and
// choices come from the main file.

// Fallback is what of one file of a translated plan is still in the main
// language.
type Fallback struct {
	Untranslated bool            // the file has no translation
	Keys         map[string]bool // text keys not translated ("measures.0.measure"); "body" for the body
}

// Has reports whether the text at key is in the main language.
func (f *Fallback) Has(key string) bool { return f != nil && (f.Untranslated || f.Keys[key]) }

// mainText is the text of a main file, as written.
type mainText struct {
	data map[string]any
	body string
}

// translation is one translation file, read and checked.
type translation struct {
	file string         // goals/01-early-literacy.es.md
	data map[string]any // its front matter
	body string
}

// TranslationOf splits a file name into the main file it translates and
// the language: goals/x.es.md → goals/x.md, es.
func TranslationOf(name string) (main, lang string, ok bool) {
	stem, found := strings.CutSuffix(name, ".md")
	if !found {
		return "", "", false
	}
	dot := strings.LastIndexByte(stem, '.')
	if dot < 0 || strings.Contains(stem[dot:], "/") {
		return "", "", false
	}
	tag, _, ok := i18n.ParseTag(stem[dot+1:])
	if !ok {
		return "", "", false
	}
	return stem[:dot] + ".md", tag, true
}

// checkTranslations checks the `translations` setting.
func (l *loader) checkTranslations() {
	s := &l.plan.Settings
	doc := l.settingsDoc
	set, _ := l.catalogues()
	seen := map[string]bool{s.Language: true}
	var ok []string
	for i, t := range s.Translations {
		k := key("translations", i)
		tag, fine := checkTag(doc, k, t, set)
		if !fine {
			continue
		}
		if seen[tag] {
			doc.src.errorf(doc.at(k, true), CodeDuplicateID, "list each language once, and not the plan's own `language`", "%q is listed twice, or is the plan's own language", t)
			continue
		}
		seen[tag] = true
		ok = append(ok, tag)
		l.missingMessages(set, tag)
	}
	s.Translations = ok
}

// loadTranslations reads and checks the translation files of the plan's
// content files, and warns of the text left in the main language.
func (l *loader) loadTranslations(mainFiles []string) {
	p := l.plan
	listed := map[string]bool{}
	for _, t := range p.Settings.Translations {
		listed[t] = true
	}
	p.translations = map[string]map[string]*translation{}
	for _, t := range p.Settings.Translations {
		p.translations[t] = map[string]*translation{}
	}
	broken := map[string]bool{}
	for _, d := range l.diags {
		if d.Severity == Error {
			broken[d.File] = true
		}
	}
	for _, name := range l.translationFiles {
		main, lang, _ := TranslationOf(name)
		if broken[main] {
			continue // its errors come first
		}
		if !listed[lang] {
			l.diags = append(l.diags, Diagnostic{File: name, Severity: Warning, Code: CodeUnlistedTranslation,
				Message: fmt.Sprintf("a translation into %q, which trellis.toml does not list in `translations`", lang),
				Hint:    fmt.Sprintf("add it: translations = [%q]; until then the file is not published", lang)})
			continue
		}
		if !contains(mainFiles, main) {
			l.diags = append(l.diags, Diagnostic{File: name, Severity: Error, Code: CodeMissingFile,
				Message: "a translation of " + main + ", which the plan does not have (or which does not load)",
				Hint:    "name the file after the file it translates, with the language before .md: " + path.Base(strings.TrimSuffix(main, ".md")) + "." + lang + ".md"})
			continue
		}
		if tr := l.readTranslation(name, main); tr != nil {
			p.translations[lang][main] = tr
		}
	}
	for _, lang := range p.Settings.Translations {
		for _, main := range mainFiles {
			l.untranslatedWarning(main, lang)
		}
	}
}

// readTranslation reads one translation file and checks that it holds
// only text that the main file has.
func (l *loader) readTranslation(name, main string) *translation {
	tp := l.file(name, "", true)
	mp := l.plan.mainData[main]
	if tp == nil || mp == nil {
		return nil
	}
	doc := tp.decodeRaw(&l.diags)
	if doc == nil {
		return nil
	}
	n := len(l.diags)
	doc.checkText("", tp.data, mp.data, rootOf(main), main)
	if len(l.diags) > n && l.diags.HasErrors() {
		return nil
	}
	return &translation{file: name, data: tp.data, body: tp.fm.Body}
}

// decodeRaw reports the file's parse diagnostics and returns its document
// without decoding it into a model.
func (p *parsedFile) decodeRaw(diags *Diagnostics) *tomlDoc {
	*diags = append(*diags, p.diags...)
	if p.data == nil {
		return nil
	}
	return &tomlDoc{src: newSource(p.name, p.text, diags), base: p.base, text: p.toml, file: p, locate: true, root: p.root}
}

// checkText reports the keys of a translation's table t that are not text
// of the main file's table m (whose model is typ).
func (d *tomlDoc) checkText(at string, t, m map[string]any, typ reflect.Type, main string) {
	fields := fieldsOf(typ)
	for _, k := range sortedKeysOf(t) {
		kp := tomlpos.Join(at, k)
		f, known := fieldByKey(fields, k)
		mv, inMain := m[k]
		switch {
		case !known || !inMain:
			d.src.errorf(d.at(kp, false), CodeNotTranslatable, "add it to "+main+" first, or delete it here", "`%s` is not in %s, so there is nothing to translate", k, main)
		case !textKind(f):
			d.src.errorf(d.at(kp, false), CodeNotTranslatable, "delete the line: numbers, dates, ids, references and choices are taken from "+main, "`%s` comes from the main file; a translation holds only text", k)
		case d.wrongTextType(kp, k, f, t[k]):
			// reported
		case f.Kind == kindList:
			if tl, ml := listLen(t[k]), listLen(mv); tl != ml {
				d.src.errorf(d.at(kp, true), CodeNotTranslatable, fmt.Sprintf("translate each of the main file's %d entries, in the same order", ml), "`%s` has %d entries; %s has %d", k, tl, main, ml)
			}
		case f.Kind == kindTable:
			tt, ok1 := t[k].(map[string]any)
			mt, ok2 := mv.(map[string]any)
			if ok1 && ok2 {
				d.checkText(kp, tt, mt, f.Elem, main)
			}
		case f.Kind == kindTables:
			tl, _ := asList(t[k])
			ml, _ := asList(mv)
			if len(tl) != len(ml) {
				d.src.errorf(d.at(kp, false), CodeNotTranslatable, fmt.Sprintf("give one [[%s]] table for each of the main file's %d, in the same order", k, len(ml)), "`%s` has %d tables; %s has %d", k, len(tl), main, len(ml))
				continue
			}
			for i := range tl {
				tt, ok1 := tl[i].(map[string]any)
				mt, ok2 := ml[i].(map[string]any)
				if ok1 && ok2 {
					d.checkText(tomlpos.Join(kp, i), tt, mt, f.Elem, main)
				}
			}
		}
	}
}

// wrongTextType reports a translated value of another type than its key
// takes in the main file (a number among a list's texts, a list for a
// text), and whether it did: the translation would otherwise drop it
// without a word.
func (d *tomlDoc) wrongTextType(kp, k string, f field, v any) bool {
	items, isList := asList(v)
	ok := true
	switch f.Kind {
	case kindText:
		_, ok = v.(string)
	case kindTable:
		_, ok = v.(map[string]any)
	case kindList:
		for i, it := range items {
			if _, text := it.(string); !text {
				d.src.errorf(d.at(tomlpos.Join(kp, i), true), CodeWrongType, "write each entry as text in quotes, in the main file's order",
					"entry %d of `%s` must be text in quotes, not %s", i+1, k, describeValue(it))
				return true
			}
		}
		ok = isList
	case kindTables:
		for _, it := range items {
			_, table := it.(map[string]any)
			ok = ok && table
		}
		ok = ok && isList
	}
	if !ok {
		d.src.errorf(d.at(kp, true), CodeWrongType, typeHint(k, f, f.Type, v), "`%s` must be %s, not %s", k, describeType(f.Type), describeValue(v))
	}
	return !ok
}

// textKind reports whether a key holds text a translation may give: text
// that is not an id or a choice, a list of such texts, or tables of them.
func textKind(f field) bool {
	if f.Kept {
		return false
	}
	switch f.Kind {
	case kindText:
		return len(f.Enum) == 0 && f.Key != "id"
	case kindList:
		k, _ := kindOf(f.Elem)
		return k == kindText && len(f.Enum) == 0
	case kindTable, kindTables:
		return true
	}
	return false
}

func listLen(v any) int {
	l, _ := asList(v)
	return len(l)
}

func sortedKeysOf(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// textKeys lists the text keys of a main file's table that have text.
func textKeys(at string, m map[string]any, typ reflect.Type, out map[string]bool) {
	for _, f := range fieldsOf(typ) {
		v, ok := m[f.Key]
		if !ok || !textKind(f) {
			continue
		}
		kp := joinKey(at, f.Key)
		switch f.Kind {
		case kindText:
			if s, _ := v.(string); strings.TrimSpace(s) != "" {
				out[kp] = true
			}
		case kindList:
			if listLen(v) > 0 {
				out[kp] = true
			}
		case kindTable:
			if t, ok := v.(map[string]any); ok {
				textKeys(kp, t, f.Elem, out)
			}
		case kindTables:
			l, _ := asList(v)
			for i, x := range l {
				if t, ok := x.(map[string]any); ok {
					textKeys(joinKey(kp, strconv.Itoa(i)), t, f.Elem, out)
				}
			}
		}
	}
}

func joinKey(at, k string) string {
	if at == "" {
		return k
	}
	return at + "." + k
}

// fallbackOf is what of a main file stays in the main language in lang.
func (p *Plan) fallbackOf(main, lang string) *Fallback {
	mp := p.mainData[main]
	if mp == nil {
		return nil
	}
	all := map[string]bool{}
	textKeys("", mp.data, rootOf(main), all)
	if strings.TrimSpace(mp.body) != "" {
		all["body"] = true
	}
	tr := p.translations[lang][main]
	if tr == nil {
		return &Fallback{Untranslated: true, Keys: all}
	}
	done := map[string]bool{}
	textKeys("", tr.data, rootOf(main), done)
	if strings.TrimSpace(tr.body) != "" {
		done["body"] = true
	}
	f := &Fallback{Keys: map[string]bool{}}
	for k := range all {
		if !done[k] {
			f.Keys[k] = true
		}
	}
	return f
}

// untranslatedWarning warns, once for the file, of the text of main that
// has no translation into lang.
func (l *loader) untranslatedWarning(main, lang string) {
	f := l.plan.fallbackOf(main, lang)
	if f == nil || len(f.Keys) == 0 {
		return
	}
	name := strings.TrimSuffix(main, ".md") + "." + lang + ".md"
	if f.Untranslated {
		l.diags = append(l.diags, Diagnostic{File: main, Severity: Warning, Code: CodeUntranslated,
			Message: fmt.Sprintf("no translation into %q: the %s pages show this file's text in the main language", lang, lang),
			Hint:    "translate it in " + name + ": the text keys of the front matter and the body"})
		return
	}
	keys := make([]string, 0, len(f.Keys))
	for k := range f.Keys {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	l.diags = append(l.diags, Diagnostic{File: name, Severity: Warning, Code: CodeUntranslated,
		Message: fmt.Sprintf("%d of the text fields of %s are not translated: %s", len(keys), main, strings.Join(keys, ", ")),
		Hint:    "translate them here; until then the pages show them in the main language"})
}

// findRootTranslations finds the translations of district.md and beliefs.md.
func (l *loader) findRootTranslations() {
	for _, main := range []string{DistrictFile, BeliefsFile} {
		names, _ := fs.Glob(l.fsys, strings.TrimSuffix(main, ".md")+".*.md")
		for _, n := range names {
			if m, _, ok := TranslationOf(n); ok && m == main {
				l.translationFiles = append(l.translationFiles, n)
			}
		}
	}
}

// mainFiles lists the content files that loaded, and keeps their text as
// written for the translations.
func (l *loader) mainFiles() []string {
	p := l.plan
	var names []string
	add := func(b Body) {
		if b.File == "" {
			return
		}
		if mp := l.file(b.File, "", true); mp != nil && mp.data != nil {
			names = append(names, b.File)
			if p.mainData == nil {
				p.mainData = map[string]*mainText{}
			}
			p.mainData[b.File] = &mainText{data: mp.data, body: b.Markdown}
		}
	}
	add(p.District.Body)
	add(p.Beliefs.Body)
	for _, g := range p.Goals {
		add(g.Body)
	}
	for _, a := range p.Activities {
		add(a.Body)
	}
	for _, pt := range p.Partners {
		add(pt.Body)
	}
	return names
}

// Translate returns the plan in one of its `translations`: its text where
// the translation files give it, the main file's text elsewhere (Fallbacks
// says where), everything else as written. The plan itself is not
// changed. It returns the plan itself for its own language.
func (p *Plan) Translate(lang string) *Plan {
	trs, ok := p.translations[lang]
	if !ok || lang == p.Settings.Language {
		return p
	}
	c := *p
	c.Main, c.Settings.Language = p.Settings.Language, lang
	c.Fallbacks = map[string]*Fallback{}
	for name := range p.mainData {
		c.Fallbacks[name] = p.fallbackOf(name, lang)
	}
	apply := func(v reflect.Value, b *Body) {
		tr := trs[b.File]
		if tr == nil {
			return
		}
		applyText(v, tr.data)
		if strings.TrimSpace(tr.body) != "" {
			b.Markdown = tr.body
		}
	}
	apply(reflect.ValueOf(&c.District).Elem(), &c.District.Body)
	apply(reflect.ValueOf(&c.Beliefs).Elem(), &c.Beliefs.Body)
	c.Goals = make([]*Goal, len(p.Goals))
	for i, g := range p.Goals {
		cg := *g
		apply(reflect.ValueOf(&cg).Elem(), &cg.Body)
		c.Goals[i] = &cg
	}
	c.Activities = make([]*Activity, len(p.Activities))
	for i, a := range p.Activities {
		ca := *a
		apply(reflect.ValueOf(&ca).Elem(), &ca.Body)
		c.Activities[i] = &ca
	}
	c.Partners = make([]*Partner, len(p.Partners))
	for i, pt := range p.Partners {
		cp := *pt
		apply(reflect.ValueOf(&cp).Elem(), &cp.Body)
		c.Partners[i] = &cp
	}
	return &c
}

// applyText sets the text of a translation's table t on v, a copy of the
// main file's struct: lists and tables are copied before they change, so
// that the main plan keeps its own.
func applyText(v reflect.Value, t map[string]any) {
	fields := fieldsOf(v.Type())
	for k, val := range t {
		f, ok := fieldByKey(fields, k)
		if !ok || !textKind(f) {
			continue
		}
		fv := v.FieldByIndex(f.Index)
		switch f.Kind {
		case kindText:
			if s, ok := val.(string); ok && fv.Kind() == reflect.String {
				fv.SetString(s)
			}
		case kindList:
			items, _ := asList(val)
			out := reflect.MakeSlice(fv.Type(), 0, len(items))
			for _, it := range items {
				if s, ok := it.(string); ok {
					out = reflect.Append(out, reflect.ValueOf(s))
				}
			}
			fv.Set(out)
		case kindTable:
			m, ok := val.(map[string]any)
			if !ok {
				continue
			}
			if fv.Kind() == reflect.Pointer {
				if fv.IsNil() {
					continue
				}
				cp := reflect.New(fv.Type().Elem())
				cp.Elem().Set(fv.Elem())
				applyText(cp.Elem(), m)
				fv.Set(cp)
			} else {
				applyText(fv, m)
			}
		case kindTables:
			items, _ := asList(val)
			if len(items) != fv.Len() {
				continue
			}
			cp := reflect.MakeSlice(fv.Type(), fv.Len(), fv.Len())
			reflect.Copy(cp, fv)
			for i, it := range items {
				if m, ok := it.(map[string]any); ok {
					applyText(cp.Index(i), m)
				}
			}
			fv.Set(cp)
		}
	}
}
