package generator

import (
	"strconv"
	"unicode/utf8"
)

// The search index is on every search page, and encoding/json's reflection
// was most of the page's cost in a portal. appendSearchJSON writes the
// same bytes as json.Marshal of the entries (FuzzSearchJSON checks it).

// appendSearchJSON appends entries as JSON, each address after prefix.
func appendSearchJSON(b []byte, entries []SearchEntry, prefix string) []byte {
	b = append(b, '[')
	for i, e := range entries {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"title":`...)
		b = appendJSONString(b, e.Title, "")
		b = append(b, `,"url":`...)
		b = appendJSONString(b, e.URL, prefix)
		b = append(b, `,"kind":`...)
		b = appendJSONString(b, e.Kind, "")
		if len(e.Fields) > 0 {
			b = append(b, `,"fields":[`...)
			for j, f := range e.Fields {
				if j > 0 {
					b = append(b, ',')
				}
				b = append(b, '[')
				b = appendJSONString(b, f.Name, "")
				b = append(b, ',')
				b = appendJSONString(b, f.Text, "")
				b = append(b, ']')
			}
			b = append(b, ']')
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

// appendJSONString appends prefix+s as a JSON string escaped as
// encoding/json does by default: <, > and & as \u003c..., U+2028 and
// U+2029 escaped, invalid UTF-8 as U+FFFD.
func appendJSONString(b []byte, s, prefix string) []byte {
	b = append(b, '"')
	b = appendJSONText(b, prefix)
	b = appendJSONText(b, s)
	return append(b, '"')
}

func appendJSONText(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, `\u202`...)
			b = strconv.AppendInt(b, int64(r&0xF), 16)
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(b, s[start:]...)
}
