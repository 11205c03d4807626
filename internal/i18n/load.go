package i18n

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"reflect"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"

	"github.com/trellis-pl/trellis/internal/quicktoml"
	"github.com/trellis-pl/trellis/internal/tomlpos"
)

// Dir is the folder of catalogues, in a theme and in a plan's folder.
const Dir = "i18n"

// Base is the language every catalogue falls back to, and whose keys the
// others are checked against.
var Base = language.English

// Set is the catalogues of a build: the theme's, with those of a plan's
// or portal's own i18n/ folder laid over them key by key.
type Set struct {
	byTag map[string]*Catalogue
}

// Problem is something wrong in a catalogue file of a plan or portal.
type Problem struct {
	File    string // "i18n/fr.toml"
	Line    int    // 0 if the whole file
	Col     int
	Message string
	Deep    bool // the TOML nests deeper than tomlpos.MaxDepth
}

// Load reads the catalogues in the i18n/ folder of each layer, later
// layers overriding earlier ones key by key. A layer may be nil. The
// first layer is the theme, whose files are trusted; problems in the
// others are returned. A Set is not changed once loaded, so when no layer
// but the theme has catalogues, the theme's own Set is returned, shared.
func Load(layers ...fs.FS) (*Set, []Problem) {
	s := &Set{byTag: map[string]*Catalogue{}}
	if len(layers) > 0 && layers[0] != nil {
		s = themeSet(layers[0])
	}
	type layer struct {
		fsys  fs.FS
		files []string
	}
	var own []layer
	for _, l := range layers[min(len(layers), 1):] {
		if l == nil {
			continue
		}
		if files, _ := fs.Glob(l, Dir+"/*.toml"); len(files) > 0 {
			own = append(own, layer{l, files})
		}
	}
	if len(own) == 0 {
		return s, nil
	}
	s = s.clone()
	var problems []Problem
	for _, l := range own {
		for _, name := range l.files {
			if p := s.read(l.fsys, name, false); p != nil {
				problems = append(problems, *p)
			}
			if c := s.byTag[tagOfFile(name)]; c != nil {
				c.own = name
			}
		}
	}
	s.link()
	return s, problems
}

// link makes the base language's catalogue the fallback of the others.
func (s *Set) link() {
	base := s.byTag[Base.String()]
	for _, c := range s.byTag {
		if c != base {
			c.parent = base
		}
	}
}

// lastTheme is the theme whose catalogues were read last: a build, and a
// portal of hundreds of plans, reads the same embedded theme many times.
var lastTheme struct {
	sync.Mutex
	fsys fs.FS
	set  *Set
}

// themeSet reads a theme's catalogues, or returns them as read before when
// fsys is the theme read last (the same comparable value). The Set it
// returns is shared: clone it before reading other layers over it.
func themeSet(fsys fs.FS) *Set {
	lastTheme.Lock()
	defer lastTheme.Unlock()
	if lastTheme.set != nil && sameFS(lastTheme.fsys, fsys) {
		return lastTheme.set
	}
	s := &Set{byTag: map[string]*Catalogue{}}
	files, _ := fs.Glob(fsys, Dir+"/*.toml")
	for _, name := range files {
		s.read(fsys, name, true) // the theme's files are trusted
	}
	s.link()
	lastTheme.fsys, lastTheme.set = fsys, s
	return s
}

// sameFS reports whether a and b are the same comparable value (a map
// file system is never the same: it could have changed).
func sameFS(a, b fs.FS) bool {
	ta, tb := reflect.TypeOf(a), reflect.TypeOf(b)
	return ta == tb && ta != nil && ta.Comparable() && ta.Kind() == reflect.Pointer && a == b
}

// clone copies a Set so that layers can be read over it.
func (s *Set) clone() *Set {
	out := &Set{byTag: make(map[string]*Catalogue, len(s.byTag))}
	for tag, c := range s.byTag {
		out.byTag[tag] = &Catalogue{Tag: c.Tag, Format: c.Format, msgs: maps.Clone(c.msgs)}
	}
	return out
}

// tagOfFile is the canonical tag a catalogue file is named after, or "".
func tagOfFile(name string) string {
	t, err := language.Parse(strings.TrimSuffix(path.Base(name), ".toml"))
	if err != nil {
		return ""
	}
	return t.String()
}

// read adds one catalogue file; a trusted one (the theme's) is not
// checked for nesting.
func (s *Set) read(fsys fs.FS, name string, trusted bool) *Problem {
	stem := strings.TrimSuffix(path.Base(name), ".toml")
	tag, err := language.Parse(stem)
	if err != nil {
		return &Problem{File: name, Message: fmt.Sprintf("%q is not a language tag; name the file after its language, such as i18n/fr.toml", stem)}
	}
	c := s.byTag[tag.String()]
	if c == nil {
		c = &Catalogue{Tag: tag, msgs: map[string]Message{}}
		s.byTag[tag.String()] = c
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return &Problem{File: name, Message: "cannot read the file: " + err.Error()}
	}
	raw, p := decode(name, data, trusted)
	if p != nil {
		return p
	}
	if f, ok := raw["format"].(map[string]any); ok {
		if err := c.Format.merge(f); err != nil {
			return &Problem{File: name, Message: "[format]: " + err.Error()}
		}
		delete(raw, "format")
	}
	if bad := flatten("", raw, c.msgs); bad != "" {
		return &Problem{File: name, Message: bad}
	}
	return nil
}

// The largest message: the theme's are at most about 250 characters, with
// three placeholders. A placeholder is filled each time it is written, so
// a message of many is a page of many times its argument.
const (
	maxMessageLength       = 2000
	maxMessagePlaceholders = 20
)

// checkMessage says what is wrong with a message's size, or "".
func checkMessage(key string, m Message) string {
	for _, text := range []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other} {
		if n := utf8.RuneCountInString(text); n > maxMessageLength {
			return fmt.Sprintf("`%s` is %d characters long; a message has at most %d", key, n, maxMessageLength)
		}
		if n := strings.Count(text, "{"); n > maxMessagePlaceholders {
			return fmt.Sprintf("`%s` has %d placeholders ({…}); a message has at most %d", key, n, maxMessagePlaceholders)
		}
	}
	return ""
}

// decode reads a catalogue's TOML: by the fast path when it can, else by
// BurntSushi/toml, whose message, with its line and column, is the
// problem's. Unless the file is trusted (the theme's, checked by its
// tests), TOML nested deeper than a plan file may be is refused first, as
// content refuses it in a plan file: the decoders' time and stack grow
// with the depth.
func decode(name string, data []byte, trusted bool) (map[string]any, *Problem) {
	if !trusted {
		if p := tooDeep(name, data); p != nil {
			return nil, p
		}
	}
	if raw, ok := quicktoml.Decode(string(data)); ok {
		return raw, nil
	}
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		p := &Problem{File: name, Message: err.Error()}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			p.Line, p.Col, p.Message = pe.Position.Line, max(pe.Position.Col, 1), pe.Message
		}
		return nil, p
	}
	return raw, nil
}

// tooDeep is the problem of TOML nested past tomlpos.MaxDepth, or nil.
func tooDeep(name string, data []byte) *Problem {
	sp, deep := tomlpos.TooDeep(string(data), tomlpos.MaxDepth)
	if !deep {
		return nil
	}
	line, col := lineCol(data, sp.Start)
	return &Problem{File: name, Line: line, Col: col, Deep: true, Message: fmt.Sprintf(
		"the TOML nests more than %d levels deep here (tables, dotted keys, lists and inline tables)", tomlpos.MaxDepth)}
}

// lineCol is the line and column (in characters, from 1) of a byte offset.
func lineCol(data []byte, off int) (line, col int) {
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return 1 + bytes.Count(data[:start], []byte("\n")), 1 + utf8.RuneCount(data[start:off])
}

// flatten adds the messages of a TOML table under prefix; it says what
// is wrong with the first value that is not a message, or is too large
// for one.
func flatten(prefix string, t map[string]any, into map[string]Message) string {
	for k, v := range t {
		key := k
		if prefix != "" {
			key = prefix + "." + k
		}
		var m Message
		switch v := v.(type) {
		case string:
			m = Message{Other: v}
		case map[string]any:
			var ok bool
			if m, ok = pluralMessage(v); !ok {
				if bad := flatten(key, v, into); bad != "" {
					return bad
				}
				continue
			}
		default:
			return fmt.Sprintf("`%s` is neither a text nor a table of texts", key)
		}
		if bad := checkMessage(key, m); bad != "" {
			return bad
		}
		into[key] = m
	}
	return ""
}

// pluralMessage reads a table of plural forms: { one = "...", other = "..." }.
func pluralMessage(t map[string]any) (Message, bool) {
	var m Message
	forms := map[string]*string{"zero": &m.Zero, "one": &m.One, "two": &m.Two, "few": &m.Few, "many": &m.Many, "other": &m.Other}
	if _, ok := t["other"].(string); !ok {
		return m, false
	}
	for k, v := range t {
		s, ok := v.(string)
		if forms[k] == nil || !ok {
			return m, false
		}
		*forms[k] = s
	}
	return m, true
}

// Catalogue returns the catalogue for a language tag, or for its base
// language ("es" for "es-MX"); nil if there is none.
func (s *Set) Catalogue(tag string) *Catalogue {
	t, err := language.Parse(tag)
	if err != nil {
		return nil
	}
	for ; ; t = t.Parent() {
		if c := s.byTag[t.String()]; c != nil {
			return c
		}
		if t.IsRoot() {
			return nil
		}
	}
}

// Languages lists the tags that have a catalogue, sorted.
func (s *Set) Languages() []string { return sortedKeys(s.byTag) }

// Missing lists the keys of the base catalogue that the catalogue of tag
// lacks, sorted; nil for the base language itself.
func (s *Set) Missing(tag string) []string {
	c, base := s.Catalogue(tag), s.byTag[Base.String()]
	if c == nil || base == nil || c == base {
		return nil
	}
	var out []string
	for _, k := range base.Keys() {
		if !c.Has(k) {
			out = append(out, k)
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
