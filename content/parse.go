package content

import (
	"reflect"

	"github.com/BurntSushi/toml"
	"github.com/trellis-pl/trellis/content/internal/tomlpos"
)

// parsedFile is one file taken as far as it goes without the rest of the
// plan: checked for UTF-8, split at its front matter, its TOML parsed and
// its keys located. It does not change once made, so a Cache can keep it
// and a later Load can decode it again.
type parsedFile struct {
	name  string
	text  string
	fm    frontMatter // Markdown files only
	toml  string      // the TOML text
	base  int         // its offset in the file
	root  Position    // where the whole table is said to stand
	data  map[string]any
	index tomlpos.Index
	diags Diagnostics // from reading, splitting and parsing
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
	var m map[string]any
	if _, err := toml.Decode(p.toml, &m); err != nil {
		reportSyntax(src, p.base, p.toml, err)
		return p
	}
	p.data, p.index = m, tomlpos.Scan(p.toml)
	return p
}

// decode reports the file's parse diagnostics to diags and, if it parsed,
// decodes it into v (a pointer to a model struct). It returns the document
// for locating keys, or nil.
func (p *parsedFile) decode(diags *Diagnostics, v any) *tomlDoc {
	*diags = append(*diags, p.diags...)
	if p.data == nil {
		return nil
	}
	src := newSource(p.name, p.text, diags)
	d := &tomlDoc{src: src, base: p.base, text: p.toml, index: p.index, root: p.root}
	d.decodeTable("", p.data, reflect.ValueOf(v).Elem(), p.root)
	return d
}
