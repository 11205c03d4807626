package content

import (
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
)

// WriteReference writes the key reference of every kind of plan file as
// Markdown: each key, its type, whether it is required, and what it means.
// docs/reference.md is this output; a test keeps the two the same.
func WriteReference(w io.Writer) {
	fmt.Fprintln(w, "# Key reference")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "<!-- Generated from the Go model by `go test ./content -run TestReference -update`. Do not edit by hand. -->")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Every key that `trellis check` accepts, by file. Types are TOML types:")
	fmt.Fprintln(w, "text is written in quotes, dates as `2025-08-04` (no quotes), lists in `[ ]`.")
	fmt.Fprintln(w, "A key marked *required* must be present and not empty.")
	for _, k := range Kinds {
		fmt.Fprintf(w, "\n## %s — `%s`\n\n%s\n", k.Name, k.Where, k.About)
		writeTable(w, k.Type, "")
	}
}

func writeTable(w io.Writer, t reflect.Type, prefix string) {
	fields := fieldsOf(t)
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| key | type | required | meaning |")
	fmt.Fprintln(w, "|---|---|---|---|")
	var nested []field
	for _, f := range fields {
		req := ""
		if f.Required {
			req = "required"
		}
		fmt.Fprintf(w, "| `%s` | %s | %s | %s |\n", f.Key, refType(f), req, escapeCell(f.Doc))
		if f.Kind == kindTable || f.Kind == kindTables || f.Kind == kindLanguages {
			nested = append(nested, f)
		}
	}
	for _, f := range nested {
		name := prefix + f.Key
		header := "[" + name + "]"
		switch f.Kind {
		case kindTables:
			header = "[[" + name + "]]"
		case kindLanguages:
			header, name = "["+name+".<language>]", name+".<language>"
		}
		fmt.Fprintf(w, "\n### `%s`\n", header)
		writeTable(w, f.Elem, name+".")
	}
}

// refType describes a key's type for the reference.
func refType(f field) string {
	var s string
	switch {
	case len(f.Enum) > 0:
		s = "one of " + strings.Join(quoteAll(f.Enum), ", ")
	case f.Kind == kindList:
		s = "list of " + refType(field{Kind: f.elemField().Kind})
	default:
		s = kindWords[f.Kind]
	}
	if f.Min != nil || f.Max != nil {
		s += ", " + rangeText(f)
	}
	return s
}

// kindWords names each kind of value for the reference.
var kindWords = map[valueKind]string{
	kindText: "text", kindID: "text (an id)", kindDate: "date", kindWhole: "whole number",
	kindNumber: "number", kindBool: "true/false", kindTable: "table", kindTables: "tables",
	kindLanguages: "tables by language",
}

func quoteAll(items []string) []string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = "`" + strconv.Quote(s) + "`"
	}
	return out
}

func escapeCell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
