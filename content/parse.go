package content

import (
	"reflect"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/trellis-pl/trellis/internal/quicktoml"
	"github.com/trellis-pl/trellis/internal/tomlpos"
)

// parsedFile is one file taken as far as it goes without the rest of the
// plan: checked for UTF-8, split at its front matter, its TOML checked for
// depth and parsed. Its keys are located only when a position is first
// asked for (positions), which most files of a valid plan never need. It
// does not change once made, so a Cache can keep it and a later Load can
// decode it again, from several goroutines.
type parsedFile struct {
	name  string
	text  string
	fm    frontMatter // Markdown files only
	toml  string      // the TOML text
	base  int         // its offset in the file
	root  Position    // where the whole table is said to stand
	data  map[string]any
	diags Diagnostics // from reading, splitting and parsing

	locate sync.Once
	index  *tomlpos.Index
}

// positions returns the index of the file's keys, made on first use.
func (p *parsedFile) positions() *tomlpos.Index {
	p.locate.Do(func() { p.index = tomlpos.Scan(p.toml) })
	return p.index
}

// parseFile parses a whole TOML file, or the front matter of a Markdown file.
func parseFile(name string, data []byte, markdown bool) *parsedFile {
	p := &parsedFile{name: name}
	if !checkEncoding(name, data, &p.diags) {
		return p
	}
	src, ok := openSource(name, withLineFeeds(data), &p.diags)
	p.text = src.text
	if !ok {
		return p
	}
	p.toml, p.root = src.text, Position{Line: 1, Col: 1}
	if markdown {
		fm, ok := splitFrontMatter(src)
		if !ok {
			return p
		}
		p.fm, p.toml, p.base, p.root = fm, fm.TOML, fm.TOMLOffset, fm.Open
	}
	if tooDeep(src, p.base, p.toml) {
		return p
	}
	m, ok := quicktoml.Decode(p.toml) // the plain TOML of most files, fast
	if !ok {
		if _, err := toml.Decode(p.toml, &m); err != nil {
			reportSyntax(src, p.base, p.toml, err)
			return p
		}
	}
	p.data = m
	return p
}

// tooDeep refuses TOML nested deeper than tomlpos.MaxDepth, before the
// TOML decoder, whose time and memory grow with the square of the depth,
// sees it. It reports whether it did.
func tooDeep(src *source, base int, text string) bool {
	sp, deep := tomlpos.TooDeep(text, tomlpos.MaxDepth)
	if !deep {
		return false
	}
	src.errorf(src.pos(base+sp.Start, sp.End-sp.Start), CodeTOMLTooDeep,
		"write nested items as [[tables]] of their own; a plan needs four or five levels, such as [[ratings]] and its `item`",
		"the TOML nests more than %d levels deep here (tables, dotted keys, lists and inline tables)", tomlpos.MaxDepth)
	return true
}

// decode reports the file's parse diagnostics to diags and, if it parsed,
// decodes it into v (a pointer to a model struct). It returns the document
// for locating keys, or nil. Keys are located exactly.
func (p *parsedFile) decode(diags *Diagnostics, v any) *tomlDoc {
	return p.decodeAt(diags, v, true)
}

// decodeAt is decode that, unless locate is true, puts every key at the
// root of the document (the front matter's opening +++, or line 1) and
// does not locate keys: a load that reports nothing about the file never
// needs their places (see LoadCached).
func (p *parsedFile) decodeAt(diags *Diagnostics, v any, locate bool) *tomlDoc {
	*diags = append(*diags, p.diags...)
	if p.data == nil {
		return nil
	}
	src := newSource(p.name, p.text, diags)
	d := &tomlDoc{src: src, base: p.base, text: p.toml, file: p, locate: locate, root: p.root}
	d.decodeTable("", p.data, reflect.ValueOf(v).Elem(), p.root)
	return d
}
