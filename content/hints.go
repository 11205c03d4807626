package content

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// plainNumber reads a number the way people write it on paper ("1,200",
// "$12,000", "38.4%", "12k", "$1.5M") and returns it as TOML writes it.
func plainNumber(s string) (string, bool) {
	s = strings.TrimSpace(s)
	neg := strings.HasPrefix(s, "-$")
	if neg {
		s = s[1:]
	}
	s = strings.TrimPrefix(s, "$")
	s = strings.TrimSuffix(strings.TrimSpace(s), "%")
	if neg {
		s = "-" + strings.TrimSpace(s)
	}
	s = decimalComma(s)
	mult := 1.0
	switch {
	case strings.HasSuffix(s, "k") || strings.HasSuffix(s, "K"):
		mult, s = 1e3, s[:len(s)-1]
	case strings.HasSuffix(s, "m") || strings.HasSuffix(s, "M"):
		mult, s = 1e6, s[:len(s)-1]
	}
	s = strings.NewReplacer(",", "", " ", "", "_", "").Replace(s)
	if s == "" || s[0] == '+' || s[0] == '-' && len(s) == 1 {
		return "", false
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || x != x || x > 1e15 || x < -1e15 {
		return "", false
	}
	return strconv.FormatFloat(x*mult, 'f', -1, 64), true
}

// decimalComma turns a comma written as the decimal point ("412,5",
// "0,75") into a point. A comma followed by three digits ("1,200") is taken
// as a thousands separator, as in the US.
func decimalComma(s string) string {
	whole, frac, ok := strings.Cut(s, ",")
	if !ok || strings.ContainsAny(frac, ",.") || len(frac) == 3 || frac == "" {
		return s
	}
	for _, r := range frac {
		if r < '0' || r > '9' {
			return s
		}
	}
	return whole + "." + frac
}

// yesNo reads the words people use for true and false. It never turns a
// no into a yes: only words that clearly mean one or the other are read.
func yesNo(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y", "true", "on":
		return true, true
	case "no", "n", "false", "off":
		return false, true
	}
	return false, false
}

// ratingScale is the rating scale as a hint shows it:
// "1 Not evident, 2 Emerging, 3 Established, 4 Exemplary".
func ratingScale() string {
	var parts []string
	for n := RatingMin; n <= RatingMax; n++ {
		parts = append(parts, fmt.Sprintf("%d %s", n, RatingLabels[n]))
	}
	return strings.Join(parts, ", ")
}

// ratingOf returns the number of a label of the rating scale.
func ratingOf(label string) (int, bool) {
	for n := RatingMin; n <= RatingMax; n++ {
		if strings.EqualFold(strings.TrimSpace(label), RatingLabels[n]) {
			return n, true
		}
	}
	return 0, false
}

// isRating reports whether f is the rating of a [[ratings]] table, whose
// numbers stand for the labels of the rating scale.
func isRating(f field) bool {
	return f.Key == "rating" && f.Min != nil && f.Max != nil && *f.Min == RatingMin && *f.Max == RatingMax
}

// ratingHint is the hint for a rating written as something other than its
// number: the number for the author's label, and the whole scale.
func ratingHint(written string) string {
	if n, ok := ratingOf(written); ok {
		return fmt.Sprintf("write the number that %q stands for: rating = %d (the scale is %s)", RatingLabels[n], n, ratingScale())
	}
	return fmt.Sprintf("write the rating as a number from %d to %d: %s", RatingMin, RatingMax, ratingScale())
}

// valueHint gives the corrected line for a text value where a number,
// true/false or a date is expected, using the author's value; "" if it
// has no better idea than the generic hint.
func valueHint(key string, f field, t reflect.Type, s string) string {
	switch {
	case isRating(f):
		return ratingHint(s)
	case t.Kind() == reflect.Int || t.Kind() == reflect.Float64:
		if n, ok := plainNumber(s); ok {
			return fmt.Sprintf("remove the quotes (and any $ or commas): %s = %s", key, n)
		}
	case t.Kind() == reflect.Bool:
		if b, ok := yesNo(s); ok {
			return fmt.Sprintf("write true or false without quotes: %s = %t", key, b)
		}
		return fmt.Sprintf("write true or false without quotes: %s = true, or %s = false", key, key)
	}
	return ""
}

// place is where the keys of one model struct are written.
type place struct {
	t    reflect.Type
	name string
}

// places lists every table of a plan's files, for telling an author where
// a key that is not allowed in one table belongs.
var places = []place{
	{reflect.TypeOf(Settings{}), "trellis.toml"},
	{reflect.TypeOf(Contact{}), "the [contact] table of trellis.toml"},
	{reflect.TypeOf(District{}), "district.md"},
	{reflect.TypeOf(School{}), "a [[schools]] table of district.md"},
	{reflect.TypeOf(Demographic{}), "a [[demographics]] table of district.md"},
	{reflect.TypeOf(Certification{}), "a [[certification]] table of district.md"},
	{reflect.TypeOf(Beliefs{}), "beliefs.md"},
	{reflect.TypeOf(Goal{}), "a goal file (goals/)"},
	{reflect.TypeOf(Measure{}), "a [[measures]] table of a goal file"},
	{reflect.TypeOf(GoalYear{}), "a [[years]] table of a goal file"},
	{reflect.TypeOf(Activity{}), "an activity file (activities/)"},
	{reflect.TypeOf(Step{}), "the [initial] or [follow_up] table of an activity file"},
	{reflect.TypeOf(Duration{}), "the [duration] table of an activity file"},
	{reflect.TypeOf(Resource{}), "a [[resources]] table of an activity file"},
	{reflect.TypeOf(Partner{}), "a partner file (partners/)"},
	{reflect.TypeOf(Rating{}), "a [[ratings]] table of a partner file"},
}

// elsewhere names the other tables of the plan that take key, at most
// three; "" if none does.
func elsewhere(key string, here reflect.Type) string {
	var names []string
	for _, p := range places {
		if p.t == here {
			continue
		}
		if _, ok := fieldByKey(fieldsOf(p.t), key); ok {
			names = append(names, p.name)
		}
	}
	switch {
	case len(names) == 0:
		return ""
	case len(names) > 3:
		names = names[:3]
	}
	last := len(names) - 1
	if last == 0 {
		return names[0]
	}
	return strings.Join(names[:last], ", ") + " or " + names[last]
}

// syntaxKind is what a key takes as far as a syntax error needs to know:
// ids are text, whole numbers are numbers, and tables are all one kind.
func syntaxKind(k valueKind) valueKind {
	switch k {
	case kindID:
		return kindText
	case kindWhole:
		return kindNumber
	case kindTable:
		return kindTables
	}
	return k
}

// rootOf returns the model of the file name, or nil for files that are
// not part of the plan's content (the standards file, portal.toml).
func rootOf(name string) reflect.Type {
	dir, _, _ := strings.Cut(name, "/")
	switch {
	case name == SettingsFile:
		return reflect.TypeOf(Settings{})
	case name == DistrictFile:
		return reflect.TypeOf(District{})
	case name == BeliefsFile:
		return reflect.TypeOf(Beliefs{})
	case dir == GoalsDir:
		return reflect.TypeOf(Goal{})
	case dir == ActivitiesDir:
		return reflect.TypeOf(Activity{})
	case dir == PartnersDir:
		return reflect.TypeOf(Partner{})
	}
	return nil
}

// keyKind says whether key takes a date, a number, true/false, text or a
// list in the file whose model is root (or any of its tables), so that a
// syntax error can be explained before the file is decoded. It returns
// kindUnknown when the file has no model, no table of it takes key, or its
// tables take different kinds.
func keyKind(key string, root reflect.Type) valueKind {
	kind := kindUnknown
	var visit func(t reflect.Type) bool
	visit = func(t reflect.Type) bool {
		for _, f := range fieldsOf(t) {
			ft := f.Type
			for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice && isTable(ft) {
				ft = ft.Elem()
			}
			if f.Key == key {
				if k := syntaxKind(f.Kind); kind != kindUnknown && kind != k {
					return false
				} else {
					kind = k
				}
			}
			if isTable(ft) && !visit(ft) {
				return false
			}
		}
		return true
	}
	if root == nil || !visit(root) {
		return kindUnknown
	}
	return kind
}

// describeType names a model type in plain words, by its kind.
func describeType(t reflect.Type) string {
	kind, elem := kindOf(t)
	switch kind {
	case kindID:
		return "an id in quotes"
	case kindDate:
		return "a date (YYYY-MM-DD)"
	case kindWhole:
		return "a whole number"
	case kindNumber:
		return "a number"
	case kindBool:
		return "true or false"
	case kindTables:
		return "a list of tables"
	case kindList:
		return "a list of " + plural(describeType(elem))
	case kindTable:
		return "a table"
	}
	return "text in quotes"
}

func plural(s string) string {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "a "), "an ")
	switch s {
	case "text in quotes":
		return "texts in quotes"
	case "id in quotes":
		return "ids in quotes"
	case "whole number":
		return "whole numbers"
	}
	return s + "s"
}

// describeValue names the kind of a TOML value in plain words.
func describeValue(v any) string {
	switch x := v.(type) {
	case string:
		return "text (" + strconv.Quote(x) + ")"
	case int64:
		return "a whole number (" + strconv.FormatInt(x, 10) + ")"
	case float64:
		if math.IsNaN(x) {
			return "nan, which TOML reads as \"not a number\""
		}
		if math.IsInf(x, 0) {
			return "inf, an infinite number"
		}
		return "a number (" + strconv.FormatFloat(x, 'f', -1, 64) + ")"
	case bool:
		return strconv.FormatBool(x)
	case time.Time:
		return "a date or time"
	case []any, []map[string]any:
		return "a list"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}

// typeHint suggests how to write the value the key needs.
func typeHint(key string, f field, t reflect.Type, val any) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if s, ok := val.(string); ok {
		if h := valueHint(key, f, t, s); h != "" {
			return h
		}
	}
	if isRating(f) {
		return ratingHint("")
	}
	if t.Kind() == reflect.Bool {
		if n, ok := val.(int64); ok && (n == 0 || n == 1) {
			return fmt.Sprintf("write true or false: %s = %t", key, n == 1)
		}
		return fmt.Sprintf("write true or false: %s = true, or %s = false", key, key)
	}
	if t.Kind() == reflect.Slice && !isTable(t) {
		if s, ok := val.(string); ok {
			return fmt.Sprintf("put it in a list: %s = [%s]", key, strconv.Quote(s))
		}
	}
	if _, ok := val.(map[string]any); ok && t.Kind() == reflect.Slice && isTable(t) {
		return fmt.Sprintf("start each of the %s with `[[%s]]` (two brackets); `[%s]` is a single table", key, key, key)
	}
	if t.Kind() == reflect.String && t != typeDate {
		switch val.(type) {
		case []any, map[string]any, []map[string]any:
		default:
			return fmt.Sprintf("put the value in quotes: %s = \"...\"", key)
		}
	}
	if x, ok := val.(float64); ok && (math.IsNaN(x) || math.IsInf(x, 0)) {
		return fmt.Sprintf("write the figure itself (%s = %s, say), or leave the line out until it is known", key, exampleValue(t, f.Enum)(key))
	}
	return "write it as " + exampleValue(t, f.Enum)(key)
}
