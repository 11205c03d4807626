package content

import (
	"strings"
)

// frontMatter is a Markdown file cut in two: the TOML between the +++ lines
// and the Markdown after them. Offsets are bytes in the whole file.
type frontMatter struct {
	Open       Position // the opening +++
	TOML       string
	TOMLOffset int
	Body       string
	BodyLine   int
}

const fence = "+++"

// splitFrontMatter finds the TOML front matter of a Markdown file. It
// reports a diagnostic and returns false when there is none or it is not
// closed. A byte-order mark and blank lines before the opening +++ are
// allowed; the fences may carry trailing spaces and CRLF line endings.
func splitFrontMatter(src *source) (frontMatter, bool) {
	text := src.text
	off := 0
	if strings.HasPrefix(text, "\uFEFF") {
		off = len("\uFEFF")
	}
	// Skip blank lines.
	for {
		line, next := lineFrom(text, off)
		if strings.TrimSpace(line) != "" || next == off {
			break
		}
		off = next
	}
	first, next := lineFrom(text, off)
	trimmed := strings.TrimSpace(first)
	switch {
	case trimmed == fence:
	case strings.TrimSpace(text[off:]) == "":
		src.errorf(Position{}, "no-front-matter", "start the file with a +++ line, the keys, and another +++ line; `trellis new` writes a sample", "the file is empty")
		return frontMatter{}, false
	case trimmed == "---":
		src.errorf(src.pos(off, 3), "no-front-matter", yamlHint(text, off), "this front matter is YAML (`---` lines, key: value); Trellis plans use TOML between `+++` lines")
		return frontMatter{}, false
	default:
		src.errorf(src.pos(off, len(strings.TrimRight(first, "\r"))), "no-front-matter", "start the file with a line `+++`, then the keys (title = \"...\"), then another line `+++`", "no front matter: the file must start with a line `+++`")
		return frontMatter{}, false
	}
	open := src.pos(off+strings.Index(first, fence), len(fence))
	start := next
	for pos := start; pos < len(text); {
		line, after := lineFrom(text, pos)
		if strings.TrimSpace(line) == fence {
			fm := frontMatter{Open: open, TOML: text[start:pos], TOMLOffset: start, Body: text[after:]}
			fm.BodyLine = src.line(after)
			return fm, true
		}
		pos = after
	}
	src.errorf(open, "unclosed-front-matter", "add a line with only `+++` after the last key, before the Markdown text", "the front matter opened here is never closed")
	return frontMatter{}, false
}

// lineFrom returns the line starting at off (without its newline) and the
// offset of the next line.
func lineFrom(text string, off int) (string, int) {
	if off >= len(text) {
		return "", off
	}
	i := strings.IndexByte(text[off:], '\n')
	if i < 0 {
		return text[off:], len(text)
	}
	return text[off : off+i], off + i + 1
}
