package content

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/trellis-pl/trellis/internal/i18n"
	"github.com/trellis-pl/trellis/internal/planfs"
)

// The files and folders of a plan.
const (
	SettingsFile  = "trellis.toml"
	DistrictFile  = "district.md"
	BeliefsFile   = "beliefs.md"
	GoalsDir      = "goals"
	ActivitiesDir = "activities"
	PartnersDir   = "partners"
)

// Plan is a district's professional learning plan, loaded and validated.
type Plan struct {
	Settings   Settings      `json:"settings"`
	Standards  *StandardsSet `json:"standards"`
	District   District      `json:"district"`
	Beliefs    Beliefs       `json:"beliefs"`
	Goals      []*Goal       `json:"goals"`
	Activities []*Activity   `json:"activities"`
	Partners   []*Partner    `json:"partners"`

	// Main is the language of the plan as written, when this is a
	// translation of it (see Translate); "" otherwise.
	Main string `json:"-"`
	// Fallbacks says, in a translation, what of each file (by name) is
	// still in the main language.
	Fallbacks map[string]*Fallback `json:"-"`

	translations map[string]map[string]*translation // language → main file → translation
	mainData     map[string]*mainText               // main file → its text as written
}

// LoadDir loads the plan in the folder dir. See Load.
func LoadDir(dir string) (*Plan, Diagnostics) { return LoadDirCached(dir, nil) }

// LoadDirCached loads the plan in the folder dir through a cache (nil: none).
// The folder is read by the rules of internal/planfs: nothing outside it,
// only regular files, none above the size limit.
func LoadDirCached(dir string, c *Cache) (*Plan, Diagnostics) {
	info, err := os.Stat(dir)
	switch {
	case err != nil:
		return nil, Diagnostics{{File: dir, Severity: Error, Code: "not-a-plan", Message: "cannot open the plan folder: " + plainError(err),
			Hint: "check the folder name; `trellis new DIR` starts a new plan"}}
	case !info.IsDir():
		return nil, Diagnostics{{File: dir, Severity: Error, Code: "not-a-plan", Message: "not a folder",
			Hint: "give the folder that holds trellis.toml"}}
	}
	fsys, err := planfs.Dir(dir, planfs.MaxFileSize)
	if err != nil {
		return nil, Diagnostics{{File: dir, Severity: Error, Code: "not-a-plan", Message: "cannot open the plan folder: " + plainError(err)}}
	}
	return LoadCached(fsys, c)
}

// Load reads every file of the plan in fsys, decodes and validates it, and
// returns the plan with all diagnostics, sorted. The plan is nil only when
// fsys is not a plan at all; otherwise it holds whatever could be read, and
// callers must not publish it if the diagnostics hold an error.
func Load(fsys fs.FS) (*Plan, Diagnostics) { return LoadCached(fsys, nil) }

type loader struct {
	fsys  fs.FS
	plan  *Plan
	diags Diagnostics
	// settingsDoc locates keys of trellis.toml for plan-wide warnings.
	settingsDoc *tomlDoc
	brokenGoals map[string]bool
	cache       *Cache
	// translationFiles are the files named like translations, name.es.md.
	translationFiles []string
	reads            *reads
	// locate names the files whose keys are located; the others are
	// decoded with every key at the file's root, and listed in unplaced.
	locate    map[string]bool
	locateAll bool // every file (tests compare the two ways)
	unplaced  map[string]bool
	cats      func() (*i18n.Set, []i18n.Problem) // see readCatalogues
}

func newLoader(fsys fs.FS, c *Cache, r *reads, locate map[string]bool) *loader {
	return &loader{fsys: fsys, plan: &Plan{}, brokenGoals: map[string]bool{}, cache: c,
		reads: r, locate: locate, unplaced: map[string]bool{}}
}

// reads keeps what one load read from the plan folder, with the
// diagnostics of reading it, so that a second pass sees the same files
// without reading them again.
type reads struct {
	files map[string]readResult
	lists map[string]readResult
}

type readResult struct {
	file         *parsedFile
	names        []string
	diags        Diagnostics
	translations []string // a folder's translation files, name.es.md
}

func newReads() *reads {
	return &reads{files: map[string]readResult{}, lists: map[string]readResult{}}
}

// decode decodes a parsed file into v, locating its keys only if the load
// is asked to.
func (l *loader) decode(p *parsedFile, v any) *tomlDoc { return l.decodeTo(&l.diags, p, v) }

// decodeTo is decode reporting to diags.
func (l *loader) decodeTo(diags *Diagnostics, p *parsedFile, v any) *tomlDoc {
	locate := l.locateAll || l.locate[p.name]
	if !locate {
		l.unplaced[p.name] = true
	}
	return p.decodeAt(diags, v, locate)
}

// unplacedDiagnostics lists the files that have a diagnostic at a place
// but were decoded without the places of their keys. A diagnostic of the
// whole file (no line: "no translation into es") is the same either way.
func (l *loader) unplacedDiagnostics() []string {
	var names []string
	for _, d := range l.diags {
		if d.Pos.IsValid() && l.unplaced[d.File] {
			names = append(names, d.File)
			delete(l.unplaced, d.File)
		}
	}
	return names
}

// isPlan reports whether fsys looks like a plan, and says what is missing
// when it does not.
func (l *loader) isPlan() bool {
	if _, err := fs.Stat(l.fsys, SettingsFile); err == nil {
		return true
	}
	var missing []string
	for _, name := range []string{SettingsFile, DistrictFile, BeliefsFile, GoalsDir + "/"} {
		if _, err := fs.Stat(l.fsys, strings.TrimSuffix(name, "/")); err != nil {
			missing = append(missing, name)
		}
	}
	l.diags = append(l.diags, Diagnostic{File: ".", Severity: Error, Code: "not-a-plan",
		Message: "this folder is not a Trellis plan: it has no " + strings.Join(missing, ", "),
		Hint:    "run the command in the folder that holds trellis.toml, or start a plan with `trellis new DIR`"})
	return false
}

func (l *loader) load() {
	p := l.plan
	l.readCatalogues() // beside the plan's files; the languages are checked after them
	l.loadSettings()
	l.loadStandards()
	l.findRootTranslations()
	if doc := l.loadMarkdown(DistrictFile, "the district profile", &p.District, &p.District.Body); doc != nil {
		l.checkDistrict(doc)
	}
	l.loadMarkdown(BeliefsFile, "the mission and vision", &p.Beliefs, &p.Beliefs.Body)
	for _, name := range l.list(GoalsDir, true) {
		g := &Goal{}
		doc := l.loadMarkdown(name, "", g, &g.Body)
		if doc == nil {
			// Do not report references to a goal whose file is broken.
			l.brokenGoals[IDFromFileName(path.Base(name))] = true
			continue
		}
		g.ID = l.entityID(doc, name, g.ID)
		p.Goals = append(p.Goals, g)
		l.checkGoal(doc, g)
	}
	for i, g := range p.Goals {
		g.Number = i + 1
	}
	l.checkDuplicateIDs("goal", len(p.Goals), func(i int) (string, Body, Position) { return p.Goals[i].ID, p.Goals[i].Body, p.Goals[i].Pos })
	for _, name := range l.list(ActivitiesDir, false) {
		a := &Activity{}
		if doc := l.loadMarkdown(name, "", a, &a.Body); doc != nil {
			a.ID = l.entityID(doc, name, a.ID)
			p.Activities = append(p.Activities, a)
			l.checkActivity(doc, a)
		}
	}
	l.checkDuplicateIDs("activity", len(p.Activities), func(i int) (string, Body, Position) {
		return p.Activities[i].ID, p.Activities[i].Body, p.Activities[i].Pos
	})
	for _, name := range l.list(PartnersDir, false) {
		pt := &Partner{}
		if doc := l.loadMarkdown(name, "", pt, &pt.Body); doc != nil {
			pt.ID = l.entityID(doc, name, pt.ID)
			p.Partners = append(p.Partners, pt)
			l.checkPartner(doc, pt)
		}
	}
	l.checkDuplicateIDs("partner", len(p.Partners), func(i int) (string, Body, Position) {
		return p.Partners[i].ID, p.Partners[i].Body, p.Partners[i].Pos
	})
	if l.settingsDoc != nil {
		l.checkLanguage(l.settingsDoc)
		if len(p.Settings.Translations) > 0 {
			l.checkTranslations()
		}
	}
	l.checkPlan()
	if len(p.Settings.Translations) > 0 || len(l.translationFiles) > 0 {
		l.loadTranslations(l.mainFiles())
	}
}

// file reads and parses a plan file, through the cache if there is one,
// once per load. It returns nil, after reporting why, if the file cannot
// be read.
func (l *loader) file(name, what string, markdown bool) *parsedFile {
	if r, ok := l.reads.files[name]; ok {
		l.diags = append(l.diags, r.diags...)
		return r.file
	}
	n := len(l.diags)
	p := l.readFile(name, what, markdown)
	l.reads.files[name] = readResult{file: p, diags: append(Diagnostics(nil), l.diags[n:]...)}
	return p
}

func (l *loader) readFile(name, what string, markdown bool) *parsedFile {
	if l.cache != nil {
		if p := l.cache.lookup(l.fsys, name, markdown); p != nil {
			return p
		}
	}
	data, err := fs.ReadFile(l.fsys, name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		hint := "create it; `trellis new DIR` writes a sample plan to copy from"
		l.diags = append(l.diags, Diagnostic{File: name, Severity: Error, Code: "missing-file",
			Message: "the plan has no " + name + " (" + what + ")", Hint: hint})
		return nil
	case err != nil:
		l.diags = append(l.diags, readError(name, "file", err))
		return nil
	}
	p := parseFile(name, data, markdown)
	if l.cache != nil {
		l.cache.store(l.fsys, name, markdown, p)
	}
	return p
}

// readError reports a file or folder that exists but cannot be read: a
// link leaving the plan folder or leading nowhere, a special file, a file
// above the size limit, or one the permissions keep closed.
func readError(name, what string, err error) Diagnostic {
	d := Diagnostic{File: name, Severity: Error, Code: CodeUnreadableFile,
		Message: "cannot read the " + what + ": " + plainError(err), Hint: "check the " + what + "'s permissions"}
	var pe *planfs.Error
	if errors.As(err, &pe) {
		d.Code, d.Message, d.Hint = Code(pe.Code), pe.Msg, pe.Hint
	}
	return d
}

// plainError drops the path that *fs.PathError repeats.
func plainError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// openSource wraps a file's contents as a source, after checking that it is
// UTF-8 text.
func openSource(name string, data []byte, diags *Diagnostics) (*source, bool) {
	text := string(data)
	src := newSource(name, text, diags)
	if !utf8.ValidString(text) {
		off := 0
		for off < len(text) {
			r, size := utf8.DecodeRuneInString(text[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		src.errorf(src.pos(off, 1), "invalid-utf8", "save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8)", "the file is not valid UTF-8 text")
		return src, false
	}
	return src, true
}

func (l *loader) loadSettings() {
	p := l.file(SettingsFile, "the plan's settings", false)
	if p == nil {
		return
	}
	s := &l.plan.Settings
	doc := l.decode(p, s)
	if doc == nil {
		return
	}
	src := doc.src
	l.settingsDoc = doc
	warmBuiltin(s.Standards.ID) // beside the other files
	if s.Title == "" && s.District != "" {
		s.Title = s.District + " Professional Learning Plan"
	}
	if s.Language == "" {
		s.Language = "en"
	}
	if s.CurrentYear == 0 {
		s.CurrentYear = 1
	}
	if s.Years > 0 && s.CurrentYear > s.Years {
		src.errorf(doc.at(key("current_year"), true), "out-of-range", "", "`current_year` is %d, but the plan has %d years", s.CurrentYear, s.Years)
	}
	checkVersionTags(doc, s.VersionTags)
}

func key(parts ...any) string { return pathOf(parts...) }

// loadStandards loads the set that the settings name: built in, or a
// .toml file of the plan's own.
func (l *loader) loadStandards() {
	ref := l.plan.Settings.Standards
	if ref.ID == "" {
		return // already reported as missing, or the settings did not load
	}
	if strings.HasSuffix(ref.ID, ".toml") {
		name := path.Clean(strings.TrimPrefix(ref.ID, "./"))
		if !fs.ValidPath(name) {
			l.settingsError(ref.Pos, "invalid-value", "give a path inside the plan folder, such as standards/state.toml", "the standards file %q is outside the plan folder", ref.ID)
			return
		}
		if _, err := fs.Stat(l.fsys, name); err != nil {
			l.settingsError(ref.Pos, "missing-file", "check the path; it is relative to the plan folder", "cannot read the standards file %q: %s", ref.ID, plainError(err))
			return
		}
		p := l.file(name, "the plan's standards", false)
		if p == nil {
			return
		}
		// decodeStandards, locating the keys only if the load is asked to.
		var diags Diagnostics
		set := &StandardsSet{}
		if doc := l.decodeTo(&diags, p, set); doc != nil {
			set.validate(doc.src)
		}
		l.diags = append(l.diags, diags...)
		if diags.HasErrors() {
			return
		}
		set.File = name
		l.plan.Standards = set
		return
	}
	set, err := Builtin(ref.ID)
	if err != nil {
		ids := BuiltinStandards()
		l.settingsError(ref.Pos, "unknown-reference", didYouMean(ref.ID, ids)+" (or give the path of a standards file ending in .toml)", "unknown standards set %q", ref.ID)
		return
	}
	l.plan.Standards = set
}

func (l *loader) settingsError(p Position, code Code, hint, format string, args ...any) {
	l.settingsDoc.src.errorf(p, code, hint, format, args...)
}

// loadMarkdown reads a Markdown file with front matter into v. It returns
// nil if the file could not be read or its TOML is not valid.
func (l *loader) loadMarkdown(name, what string, v any, body *Body) *tomlDoc {
	p := l.file(name, what, true)
	if p == nil {
		return nil
	}
	doc := l.decode(p, v)
	if doc == nil {
		return nil
	}
	*body = Body{File: name, Markdown: p.fm.Body, BodyLine: p.fm.BodyLine, src: doc.src}
	return doc
}

// list returns the Markdown files of a plan folder, sorted by name, once
// per load. Editor back-ups and hidden files are skipped. If required, an
// empty or missing folder is an error.
func (l *loader) list(dir string, required bool) []string {
	if r, ok := l.reads.lists[dir]; ok {
		l.diags = append(l.diags, r.diags...)
		l.translationFiles = append(l.translationFiles, r.translations...)
		return r.names
	}
	n, t := len(l.diags), len(l.translationFiles)
	names := l.readList(dir, required)
	l.reads.lists[dir] = readResult{names: names, diags: append(Diagnostics(nil), l.diags[n:]...),
		translations: append([]string(nil), l.translationFiles[t:]...)}
	return names
}

func (l *loader) readList(dir string, required bool) []string {
	entries, err := fs.ReadDir(l.fsys, dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		l.diags = append(l.diags, readError(dir+"/", "folder", err))
		return nil
	}
	var names []string
	for _, e := range entries {
		n := e.Name()
		if strings.HasPrefix(n, ".") || strings.HasPrefix(n, "~") || strings.HasPrefix(n, "#") {
			continue
		}
		if name, ok := l.listed(dir, e); ok {
			if _, _, isTranslation := TranslationOf(name); isTranslation {
				l.translationFiles = append(l.translationFiles, name)
				continue
			}
			names = append(names, name)
		}
	}
	sort.Strings(names)
	if required && len(names) == 0 {
		l.diags = append(l.diags, Diagnostic{File: dir + "/", Severity: Error, Code: "missing-file",
			Message: "the plan has no goals", Hint: "add a file such as goals/early-literacy.md; `trellis new goal NAME` writes one"})
	}
	return names
}

// listed says whether a folder entry is a Markdown file to load, and
// reports the entries that look like one but cannot be: links that are
// broken or leave the plan, special files, and folders (which are not
// read, so their files would be missing from the site without a word).
func (l *loader) listed(dir string, e fs.DirEntry) (string, bool) {
	name := dir + "/" + e.Name()
	isDir := e.IsDir()
	if e.Type()&fs.ModeSymlink != 0 || !isDir && !e.Type().IsRegular() {
		info, err := fs.Stat(l.fsys, name)
		if err != nil {
			if strings.HasSuffix(strings.ToLower(name), ".md") || !errors.Is(err, fs.ErrNotExist) {
				l.diags = append(l.diags, readError(name, "file", err))
			}
			return "", false
		}
		isDir = info.IsDir()
	}
	md := strings.HasSuffix(strings.ToLower(e.Name()), ".md")
	switch {
	case isDir && md:
		l.diags = append(l.diags, Diagnostic{File: name + "/", Severity: Error, Code: CodeNotAFile,
			Message: "this is a folder named like a Markdown file; Trellis loads files only",
			Hint:    "rename the folder, or move its text into a file " + name})
	case isDir:
		l.diags = append(l.diags, Diagnostic{File: name + "/", Severity: Warning, Code: CodeIgnoredFolder,
			Message: "Trellis reads only the .md files directly in " + dir + "/; nothing in this folder is published",
			Hint:    "move the files it holds up into " + dir + "/, or the folder out of it"})
	case md:
		return name, true
	}
	return "", false
}

// entityID returns the id written in the file, checked, or the one derived
// from the file name.
func (l *loader) entityID(doc *tomlDoc, name, given string) string {
	if given == "" {
		return IDFromFileName(path.Base(name))
	}
	checkIDForm(doc.src, doc.at(key("id"), true), "", "early-literacy", given)
	return given
}

// IDFromFileName derives an id from a file name: lowercase, words joined
// by hyphens, without the extension and without a leading number used for
// ordering ("01-Early Literacy.md" → "early-literacy").
func IDFromFileName(name string) string {
	name = strings.TrimSuffix(name, path.Ext(name))
	var b strings.Builder
	dash := false
	for _, r := range foldAccents.Replace(strings.ToLower(name)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	id := b.String()
	if i := strings.IndexByte(id, '-'); i > 0 && strings.Trim(id[:i], "0123456789") == "" {
		id = id[i+1:]
	}
	if id == "" {
		id = "untitled"
	}
	return id
}

// foldAccents turns the accented Latin letters common in names into plain
// ones, so that "École" gives the id "ecole".
var foldAccents = strings.NewReplacer(
	"à", "a", "á", "a", "â", "a", "ã", "a", "ä", "a", "å", "a", "æ", "ae", "ç", "c",
	"è", "e", "é", "e", "ê", "e", "ë", "e", "ì", "i", "í", "i", "î", "i", "ï", "i",
	"ñ", "n", "ò", "o", "ó", "o", "ô", "o", "õ", "o", "ö", "o", "ø", "o", "œ", "oe",
	"ù", "u", "ú", "u", "û", "u", "ü", "u", "ý", "y", "ÿ", "y", "ß", "ss",
)

// checkDuplicateIDs reports the second and later uses of an id.
func (l *loader) checkDuplicateIDs(what string, n int, get func(int) (string, Body, Position)) {
	first := map[string]string{}
	for i := 0; i < n; i++ {
		id, body, pos := get(i)
		if f, ok := first[id]; ok {
			body.src.errorf(pos, "duplicate-id", "rename one of the files, or give one an `id = \"...\"` of its own",
				"duplicate %s id %q; %s has it too", what, id, f)
			continue
		}
		first[id] = body.File
	}
}
