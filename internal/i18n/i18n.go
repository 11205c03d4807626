// Package i18n owns the interface languages of a site: the message
// catalogues (one TOML file per language, i18n/<tag>.toml, in the theme or
// in a plan's or portal's folder), looking messages up with arguments and
// plural forms, checking a language tag, and writing dates, numbers and
// money the way a language writes them.
//
// It knows nothing of plans or pages: content asks it whether a language
// has a catalogue, the generator asks it for the text of each page.
package i18n

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"strconv"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Catalogue is the interface text of one language, with the catalogue it
// falls back to for messages it lacks (English, the theme's own).
type Catalogue struct {
	Tag    language.Tag
	Format Format
	msgs   map[string]Message
	parent *Catalogue
	own    string // the plan's or portal's own file for it, if any
}

// Own reports whether a plan or portal gives some of the catalogue's text.
func (c *Catalogue) Own() bool { return c.own != "" }

// OwnFile is the plan's or portal's own file of the catalogue: "i18n/fr.toml".
func (c *Catalogue) OwnFile() string { return c.own }

// Message is one message in its plural forms; a message without plural
// forms has only Other.
type Message struct {
	Zero, One, Two, Few, Many, Other string
}

// Lang returns the catalogue's language tag: "es".
func (c *Catalogue) Lang() string { return c.Tag.String() }

// Has reports whether the catalogue itself (not its fallback) has key.
func (c *Catalogue) Has(key string) bool { _, ok := c.msgs[key]; return ok }

// Keys lists the catalogue's own keys, sorted.
func (c *Catalogue) Keys() []string { return sortedKeys(c.msgs) }

// message finds key here or in the fallback.
func (c *Catalogue) message(key string) (Message, *Catalogue, bool) {
	for k := c; k != nil; k = k.parent {
		if m, ok := k.msgs[key]; ok {
			return m, k, true
		}
	}
	return Message{}, nil, false
}

// Text returns the message key with its arguments filled in. Arguments are
// name, value pairs: Text("goal.title", "number", 2, "title", "Literacy")
// fills {number} and {title}. The argument "count" chooses the plural form.
// A key no catalogue has comes back as itself, so that a page shows what is
// missing rather than nothing.
func (c *Catalogue) Text(key string, args ...any) string {
	text, fill := c.pick(key, args)
	if !fill {
		return text
	}
	return string(fillArgs(nil, text, args, false))
}

// HTML is Text for a page: the message is the theme's own markup, and each
// argument is escaped unless it is template.HTML already.
func (c *Catalogue) HTML(key string, args ...any) template.HTML {
	text, fill := c.pick(key, args)
	if !fill {
		return template.HTML(text)
	}
	return template.HTML(fillArgs(nil, text, args, true))
}

// WriteHTML writes what HTML returns to b, without making a string of it
// first: pages write thousands of messages.
func (c *Catalogue) WriteHTML(b *bytes.Buffer, key string, args ...any) {
	text, fill := c.pick(key, args)
	if !fill {
		b.WriteString(text)
		return
	}
	b.Write(fillArgs(b.AvailableBuffer(), text, args, true))
}

// pick returns the text of key in the plural form args' "count" calls for,
// and whether it has placeholders for args to fill (with no arguments,
// placeholders stay as they are); a key no catalogue has comes back as
// it is, never filled.
func (c *Catalogue) pick(key string, args []any) (text string, fill bool) {
	m, from, ok := c.message(key)
	if !ok {
		return key, false
	}
	text = m.Other
	if n, ok := arg(args, "count"); ok {
		text = m.form(from.Tag, n)
	}
	return text, len(args) > 0 && strings.Contains(text, "{")
}

// fillArgs appends text to dst with its {placeholders} replaced by the
// arguments of those names, escaped for HTML if escape is true (but for
// template.HTML); a placeholder without an argument stays as it is.
func fillArgs(dst []byte, text string, args []any, escape bool) []byte {
	for {
		open := strings.IndexByte(text, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(text[open:], '}')
		if end < 0 {
			break
		}
		dst = append(dst, text[:open]...)
		if v, ok := arg(args, text[open+1:open+end]); ok {
			dst = appendArg(dst, v, escape)
		} else {
			dst = append(dst, text[open:open+end+1]...)
		}
		text = text[open+end+1:]
	}
	return append(dst, text...)
}

// appendArg appends an argument as fmt.Sprint writes it, escaped as
// html.EscapeString escapes it if escape is true and it is not
// template.HTML. Text and whole numbers, most arguments, need no fmt.
func appendArg(dst []byte, v any, escape bool) []byte {
	switch x := v.(type) {
	case template.HTML: // trusted markup; as text, fmt.Sprint writes it the same
		return append(dst, x...)
	case string:
		if escape {
			return appendEscaped(dst, x)
		}
		return append(dst, x...)
	case int:
		return strconv.AppendInt(dst, int64(x), 10)
	}
	if escape {
		return appendEscaped(dst, fmt.Sprint(v))
	}
	return append(dst, fmt.Sprint(v)...)
}

// appendEscaped appends s escaped as html.EscapeString escapes it.
func appendEscaped(dst []byte, s string) []byte {
	if !strings.ContainsAny(s, `<>&'"`) {
		return append(dst, s...)
	}
	return append(dst, html.EscapeString(s)...)
}

// arg finds the argument name in name, value pairs (the last, if it is
// given twice).
func arg(args []any, name string) (any, bool) {
	var v any
	found := false
	for i := 0; i+1 < len(args); i += 2 {
		if n, _ := args[i].(string); n == name {
			v, found = args[i+1], true
		}
	}
	return v, found
}

// form picks the plural form for n by the language's rules (CLDR, through
// golang.org/x/text).
func (m Message) form(tag language.Tag, n any) string {
	var i int
	switch v := n.(type) {
	case int:
		i = v
	case int64:
		i = int(v)
	case *int: // an optional count, as templates pass it from {{with}}
		if v == nil {
			return m.Other
		}
		i = *v
	default:
		return m.Other
	}
	if i < 0 {
		i = -i
	}
	var pick string
	switch plural.Cardinal.MatchPlural(tag, i, 0, 0, 0, 0) {
	case plural.Zero:
		pick = m.Zero
	case plural.One:
		pick = m.One
	case plural.Two:
		pick = m.Two
	case plural.Few:
		pick = m.Few
	case plural.Many:
		pick = m.Many
	}
	if i == 0 && m.Zero != "" {
		return m.Zero
	}
	if pick != "" {
		return pick
	}
	return m.Other
}

// Name is the language's name in itself: "español", "English".
func (c *Catalogue) Name() string {
	if m, _, ok := c.message("language.name"); ok && c.Has("language.name") {
		return m.Other
	}
	return selfName(c.Tag)
}
