package content

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/trellis-pl/trellis/internal/i18n"
	"github.com/trellis-pl/trellis/internal/tomlpos"
)

// tomlDoc is one TOML text inside a source file: a whole .toml file, or the
// front matter of a Markdown file starting at byte base.
type tomlDoc struct {
	src  *source
	base int // offset of the TOML text in the file
	text string
	file *parsedFile // its data, and its keys' places when asked for
	// locate is false in a load's first pass: every key is said to stand
	// at root, and the file is not indexed.
	locate bool
	root   Position // where the whole table is said to stand
}

// pathOf builds an index path from keys (strings) and array indexes (ints).
func pathOf(parts ...any) string { return tomlpos.Path(parts...) }

// reportSyntax turns the TOML parser's error into a diagnostic at the same
// place in the whole file.
func reportSyntax(src *source, base int, text string, err error) {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		src.errorf(src.pos(base, 0), "toml-syntax", "", "cannot read front matter: %v", err)
		return
	}
	cx := syntaxContext{text: text, root: rootOf(src.name), lineOf: func(off int) int { return src.pos(base+off, 0).Line }}
	if m, ok := explainSyntax(cx, pe); ok {
		src.errorf(src.pos(base+m.off, m.n), m.code, m.hint, "%s", m.message)
		return
	}
	off := pe.Position.Start
	if off <= 0 || off > len(text) {
		// Fall back to the start of the reported line.
		off = lineStart(text, pe.Position.Line)
	}
	p := src.pos(base+off, max(pe.Position.Len, 1))
	msg := pe.Message
	if msg == "" {
		msg = "invalid TOML"
	}
	src.errorf(p, "toml-syntax", syntaxHint(pe), "TOML syntax: %s", msg)
}

func lineStart(text string, line int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			return off
		}
		off += i + 1
	}
	return off
}

// syntaxHint gives a short, plain-language fix for the commonest mistakes.
func syntaxHint(pe toml.ParseError) string {
	m := pe.Message
	switch {
	case strings.Contains(m, "expected value but found") || strings.Contains(m, "bare keys cannot contain"):
		return `text values need quotes: key = "value"`
	case strings.Contains(m, "unexpected EOF") || strings.Contains(m, "unterminated") || strings.Contains(m, "unexpected end"):
		return `a quote or bracket is not closed; for text over several lines, use """triple quotes"""`
	case strings.Contains(m, "has already been defined") || strings.Contains(m, "already been defined") || strings.Contains(m, "Key '") && strings.Contains(m, "already"):
		return "each key may appear only once in a table; use [[name]] tables for a list of items"
	case strings.Contains(m, "newlines not allowed"):
		return "inline tables { ... } must stay on one line; use a [table] instead"
	}
	return ""
}

// join is the path of part (a key or an index) in the table or list at
// path. In a first pass, which places every key at root, paths are never
// looked up, and it is "".
func (d *tomlDoc) join(path string, part any) string {
	if !d.locate {
		return ""
	}
	return tomlpos.Join(path, part)
}

// at returns the position of a path's key (or its value if value is true).
func (d *tomlDoc) at(path string, value bool) Position {
	if !d.locate {
		return d.root
	}
	e, ok := d.file.positions().Lookup(path)
	if !ok {
		return d.root
	}
	sp := e.Key
	if value {
		sp = e.Value
	}
	return d.src.pos(d.base+sp.Start, sp.End-sp.Start)
}

// has reports whether the document gives a path (see pathOf). It reads the
// decoded data, so it needs no positions.
func (d *tomlDoc) has(path string) bool {
	var v any = d.file.data
	for _, part := range tomlpos.Parts(path) {
		switch p := part.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				return false
			}
			if v, ok = m[p]; !ok {
				return false
			}
		case int:
			list, ok := asList(v)
			if !ok || p >= len(list) {
				return false
			}
			v = list[p]
		}
	}
	return path != ""
}

// tableName is how a table is named in messages: "[initial]", "[[ratings]]".
func tableName(path string) string {
	if path == "" {
		return ""
	}
	var keys []string
	aot := false
	for _, p := range tomlpos.Parts(path) {
		k, isKey := p.(string)
		if aot = !isKey; isKey {
			keys = append(keys, k)
		}
	}
	if aot {
		return "[[" + strings.Join(keys, ".") + "]]"
	}
	return "[" + strings.Join(keys, ".") + "]"
}

func (d *tomlDoc) decodeTable(path string, data map[string]any, rv reflect.Value, tablePos Position) {
	fields := fieldsOf(rv.Type())
	if pf := rv.FieldByName("Pos"); pf.IsValid() && pf.Type() == typePosition {
		pf.Set(reflect.ValueOf(tablePos))
	}
	keys := d.keyOrder(path, data)
	where := func() string { // the table, for messages
		if n := tableName(path); n != "" {
			return " in " + n
		}
		return ""
	}
	seen := map[string]bool{}
	suggested := map[string]bool{}
	for _, k := range keys {
		if d.src.full() {
			return // nothing more would be shown
		}
		kp := d.join(path, k)
		f, ok := fieldByKey(fields, k)
		if !ok {
			hint := unknownKeyHint(k, fields, rv.Type())
			if c := closest(k, keysOf(fields)); c != "" {
				// "did you mean `c`?" says all there is to say about c.
				suggested[c] = true
			}
			d.src.errorf(d.at(kp, false), "unknown-key", hint, "unknown key `%s`%s", k, where())
			continue
		}
		seen[k] = true
		fv := rv.FieldByIndex(f.Index)
		d.decodeValue(kp, k, f, data[k], fv)
		if f.Required && isEmpty(data[k]) {
			d.src.errorf(d.at(kp, true), "empty-value", missingHint(f), "`%s` is empty", k)
		}
	}
	for _, f := range fields {
		if f.Required && !seen[f.Key] && !suggested[f.Key] {
			d.src.errorf(tablePos, "missing-key", missingHint(f), "missing required key `%s`%s", f.Key, where())
		}
	}
}

// keyOrder lists a table's keys in the order they are written, so that
// diagnostics are stable; each key is located once, not at each
// comparison. In a first pass, which locates nothing, they come in the
// map's order.
func (d *tomlDoc) keyOrder(path string, data map[string]any) []string {
	if !d.locate {
		// The order does not matter here: a file with a diagnostic is
		// decoded again, locating its keys.
		keys := make([]string, 0, len(data))
		for k := range data {
			keys = append(keys, k)
		}
		return keys
	}
	type placed struct {
		key string
		off int
	}
	order := make([]placed, 0, len(data))
	for k := range data {
		order = append(order, placed{k, d.at(tomlpos.Join(path, k), false).Offset})
	}
	sort.Slice(order, func(i, j int) bool {
		if order[i].off != order[j].off {
			return order[i].off < order[j].off
		}
		return order[i].key < order[j].key
	})
	keys := make([]string, len(order))
	for i, p := range order {
		keys[i] = p.key
	}
	return keys
}

// isEmpty reports whether a required value says nothing: blank text or an
// empty list.
func isEmpty(v any) bool {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x) == ""
	case []any:
		return len(x) == 0
	case []map[string]any:
		return len(x) == 0
	}
	return false
}

func fieldByKey(fields []field, k string) (field, bool) {
	for _, f := range fields {
		if f.Key == k {
			return f, true
		}
	}
	return field{}, false
}

func unknownKeyHint(k string, fields []field, here reflect.Type) string {
	keys := keysOf(fields)
	where := elsewhere(k, here)
	if c := closest(k, keys); c != "" {
		if where != "" {
			return "did you mean `" + c + "`? (`" + k + "` itself belongs in " + where + ")"
		}
		return "did you mean `" + c + "`?"
	}
	if where != "" {
		return "`" + k + "` belongs in " + where + "; the keys allowed here are " + quoteList(keys)
	}
	return "the keys allowed here are " + quoteList(keys)
}

func missingHint(f field) string {
	example := exampleValue(f.Type, f.Enum)
	var hint string
	switch {
	case isTable(f.Type):
		hint = fmt.Sprintf("add a %s table", example(f.Key))
	default:
		hint = fmt.Sprintf("add `%s = %s`", f.Key, example(f.Key))
	}
	if f.Doc != "" {
		hint += " (" + strings.TrimSuffix(f.Doc, ".") + ")"
	}
	return hint
}

func isTable(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	return t.Kind() == reflect.Struct && t != typeRef && t != typeDate
}

// exampleValue returns a function writing a sample value of t for hints.
func exampleValue(t reflect.Type, enum []string) func(key string) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return func(key string) string {
		switch {
		case len(enum) > 0:
			return strconv.Quote(enum[0])
		case t == typeDate:
			return "2025-08-04"
		case t == typeRef:
			return `"id"`
		case t.Kind() == reflect.Slice && isTable(t):
			return "[[" + key + "]]"
		case t.Kind() == reflect.Struct:
			return "[" + key + "]"
		case t.Kind() == reflect.Slice:
			return "[" + exampleValue(t.Elem(), nil)(key) + "]"
		case t.Kind() == reflect.String:
			return `"..."`
		case t.Kind() == reflect.Int:
			return "1"
		case t.Kind() == reflect.Float64:
			return "100"
		case t.Kind() == reflect.Bool:
			return "true"
		}
		return "..."
	}
}

// decodeValue stores one TOML value in dst, or reports why it cannot.
func (d *tomlDoc) decodeValue(path, key string, f field, val any, dst reflect.Value) {
	t := dst.Type()
	if t.Kind() == reflect.Pointer {
		elem := reflect.New(t.Elem())
		d.decodeValue(path, key, f, val, elem.Elem())
		dst.Set(elem)
		return
	}
	vp := d.at(path, true)
	wrong := func() {
		what := describeType(t)
		if isRating(f) {
			what = fmt.Sprintf("a number from %d to %d", RatingMin, RatingMax)
		}
		d.src.errorf(vp, CodeWrongType, typeHint(key, f, t, val), "`%s` must be %s, not %s", key, what, describeValue(val))
	}
	switch {
	case t == typeDate:
		if dt, ok := d.decodeDate(vp, key, val, wrong); ok {
			dst.Set(reflect.ValueOf(dt))
		}
	case t.Kind() == reflect.Struct && t != typeRef:
		if m, ok := val.(map[string]any); ok {
			d.decodeTable(path, m, dst, vp)
		} else {
			wrong()
		}
	case t.Kind() == reflect.Map:
		d.decodeLanguages(path, key, f, val, dst, wrong)
	case t.Kind() == reflect.Slice:
		if items, ok := asList(val); ok {
			d.decodeList(path, key, f, items, dst)
		} else {
			wrong()
		}
	default:
		if v, ok, shown := d.scalar(vp, key, f, t, val); !ok && shown {
			wrong()
		} else if ok {
			dst.Set(v)
		}
	}
}

// scalar decodes a text, number, yes/no or reference. ok is false when
// the value is not stored: shown says whether the caller should report
// it as of the wrong kind (false when it was reported already).
func (d *tomlDoc) scalar(vp Position, key string, f field, t reflect.Type, val any) (v reflect.Value, ok, shown bool) {
	switch {
	case t == typeRef:
		s, isText := val.(string)
		return reflect.ValueOf(Ref{ID: s, Pos: vp}), isText, true
	case t.Kind() == reflect.String:
		s, isText := val.(string)
		if isText && len(f.Enum) > 0 && !contains(f.Enum, s) {
			d.src.errorf(vp, "invalid-value", didYouMean(s, f.Enum), "`%s` must be one of %s, not %q", key, quoteList(f.Enum), s)
			return v, false, false
		}
		return reflect.ValueOf(s).Convert(t), isText, true
	case t.Kind() == reflect.Int:
		n, isInt := wholeNumber(val)
		if !isInt {
			return v, false, true
		}
		return reflect.ValueOf(int(n)).Convert(t), d.inRange(vp, key, f, float64(n), strconv.FormatInt(n, 10)), false
	case t.Kind() == reflect.Float64:
		x, text, isNum := realNumber(val)
		if !isNum {
			return v, false, true
		}
		return reflect.ValueOf(x).Convert(t), d.inRange(vp, key, f, x, text), false
	case t.Kind() == reflect.Bool:
		b, isBool := val.(bool)
		return reflect.ValueOf(b).Convert(t), isBool, true
	}
	panic("content: unsupported model type " + t.String()) // a programming error
}

// wholeNumber is val as a whole number: an integer, or a float with no
// fraction within ±10^15.
func wholeNumber(val any) (int64, bool) {
	switch v := val.(type) {
	case int64:
		return v, true
	case float64:
		if v == math.Trunc(v) && math.Abs(v) <= 1e15 {
			return int64(v), true
		}
	}
	return 0, false
}

// realNumber is val as a finite number, and as the author wrote it.
func realNumber(val any) (float64, string, bool) {
	switch v := val.(type) {
	case int64:
		return float64(v), strconv.FormatInt(v, 10), true
	case float64:
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			return v, floatText(v), true
		}
	}
	return 0, "", false
}

// decodeList decodes the items of a list into dst, a slice, stopping when
// the file has as many problems as are shown.
func (d *tomlDoc) decodeList(path, key string, f field, items []any, dst reflect.Value) {
	t := dst.Type()
	out := reflect.MakeSlice(t, 0, len(items))
	elemField := f
	elemField.Required = false
	for i, item := range items {
		if d.src.full() {
			break // nothing more would be shown
		}
		ev := reflect.New(t.Elem()).Elem()
		d.decodeValue(d.join(path, i), key, elemField, item, ev)
		out = reflect.Append(out, ev)
	}
	dst.Set(out)
}

// decodeDate reads a date. A date in quotes written YYYY-MM-DD is taken;
// other text, and a TOML time or date-time, is reported with the date form
// (the author's own date where it can be read); any other value is passed
// to wrong. It reports whether it read a date.
func (d *tomlDoc) decodeDate(vp Position, key string, val any, wrong func()) (Date, bool) {
	switch v := val.(type) {
	case time.Time:
		switch v.Location().String() {
		case "date-local":
			return dateOf(v), true
		case "time-local":
			d.src.errorf(vp, CodeDateFormat, fmt.Sprintf("write the day as year-month-day, such as %s = 2025-08-04; Trellis keeps dates, not times", key), "`%s` must be a date, not a time of day (%s)", key, v.Format("15:04:05"))
		default:
			d.src.errorf(vp, CodeDateFormat, fmt.Sprintf("write the date alone, as year-month-day: %s = %s; Trellis keeps dates, not times", key, dateOf(v)), "`%s` must be a date, not a date and time", key)
		}
		return Date{}, false
	case string:
		dt, err := ParseDate(strings.TrimSpace(v))
		if err != nil {
			d.src.errorf(vp, CodeDateFormat, dateHint(key, v), "`%s` must be a date written year-month-day, not %q", key, v)
			return Date{}, false
		}
		return dt, true
	}
	wrong()
	return Date{}, false
}

// inRange reports whether x lies within f's bounds, and reports it if not;
// shown is the number as written, since a float64 loses integers past 2^53.
func (d *tomlDoc) inRange(p Position, key string, f field, x float64, shown string) bool {
	if f.Min != nil && x < *f.Min || f.Max != nil && x > *f.Max {
		hint := ""
		if isRating(f) {
			hint = ratingHint("")
		}
		d.src.errorf(p, "out-of-range", hint, "`%s` must be %s, not %s", key, rangeText(f), shown)
		return false
	}
	return true
}

// floatText writes x as digits, or in exponent form where digits would run
// past 21 places (1e300).
func floatText(x float64) string {
	if math.Abs(x) >= 1e21 {
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

func rangeText(f field) string {
	num := func(p *float64) string { return strconv.FormatFloat(*p, 'f', -1, 64) }
	switch {
	case f.Min != nil && f.Max != nil:
		return "from " + num(f.Min) + " to " + num(f.Max)
	case f.Min != nil:
		return "at least " + num(f.Min)
	default:
		return "at most " + num(f.Max)
	}
}

func asList(val any) ([]any, bool) {
	switch v := val.(type) {
	case []any:
		return v, true
	case []map[string]any:
		out := make([]any, len(v))
		for i, m := range v {
			out[i] = m
		}
		return out, true
	}
	return nil, false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// decodeLanguages reads a table of tables keyed by language tag, such as
// translations.es = { name = "..." }.
func (d *tomlDoc) decodeLanguages(path, key string, f field, val any, dst reflect.Value, wrong func()) {
	m, ok := val.(map[string]any)
	if !ok {
		wrong()
		return
	}
	out := reflect.MakeMapWithSize(dst.Type(), len(m))
	for lang, v := range m {
		lp := d.join(path, lang)
		tag, suggestion, ok := i18n.ParseTag(lang)
		if !ok {
			hint := "name the table after a language tag, such as `" + key + ".es`"
			if suggestion != "" {
				hint = "did you mean `" + key + "." + suggestion + "`?"
			}
			d.src.errorf(d.at(lp, false), CodeUnknownLanguage, hint, "%q is not a language tag (BCP 47)", lang)
			continue
		}
		ev := reflect.New(dst.Type().Elem()).Elem()
		d.decodeValue(lp, lang, field{Key: lang, Type: ev.Type(), Kind: kindTable, Elem: ev.Type()}, v, ev)
		out.SetMapIndex(reflect.ValueOf(tag), ev)
	}
	dst.Set(out)
}
