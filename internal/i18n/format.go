package i18n

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Format is how a language writes numbers, money and dates: the [format]
// table of its catalogue. An empty field takes the base catalogue's value.
type Format struct {
	Decimal     string   `toml:"decimal"`      // "." or ","
	Group       string   `toml:"group"`        // "," or "." (or a narrow space)
	MinGrouping int      `toml:"min_grouping"` // 2: 1234 stays whole, 12.000 is grouped
	Money       string   `toml:"money"`        // "${amount}" or "{amount} $"
	Percent     string   `toml:"percent"`      // "{n}%" or "{n} %"
	Date        string   `toml:"date"`         // "{month} {day}, {year}" or "{day} de {month} de {year}"
	MonthYear   string   `toml:"month_year"`   // "{month} {year}", with the short month
	Months      []string `toml:"months"`       // January … December
	MonthsShort []string `toml:"months_short"` // Jan … Dec
}

// merge reads a [format] table over f.
func (f *Format) merge(t map[string]any) error {
	for k, v := range t {
		var err error
		switch k {
		case "decimal":
			if err = setString(&f.Decimal, v); err == nil && f.Decimal == "" {
				err = fmt.Errorf("is empty; write the decimal mark, such as \".\" or \",\"")
			}
		case "group":
			err = setString(&f.Group, v)
		case "money":
			err = setPattern(&f.Money, v, "{amount}")
		case "percent":
			err = setPattern(&f.Percent, v, "{n}")
		case "date":
			err = setPattern(&f.Date, v, "{month}", "{day}", "{year}")
		case "month_year":
			err = setPattern(&f.MonthYear, v, "{month}", "{year}")
		case "min_grouping":
			n, ok := v.(int64)
			if !ok || n < 1 || n > 4 {
				return fmt.Errorf("`min_grouping` must be a number from 1 to 4")
			}
			f.MinGrouping = int(n)
		case "months", "months_short":
			list, ok := v.([]any)
			if !ok || len(list) != 12 {
				return fmt.Errorf("`%s` must list the 12 months", k)
			}
			names := make([]string, 12)
			for i, x := range list {
				if names[i], ok = x.(string); !ok {
					return fmt.Errorf("`%s` must list the 12 months as texts", k)
				}
			}
			if k == "months" {
				f.Months = names
			} else {
				f.MonthsShort = names
			}
		default:
			return fmt.Errorf("unknown key `%s`", k)
		}
		if err != nil {
			return fmt.Errorf("`%s`: %v", k, err)
		}
	}
	return nil
}

// setPattern sets a pattern that must hold each of its placeholders: a
// money pattern without {amount} would show no amount at all.
func setPattern(dst *string, v any, placeholders ...string) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("must be a text in quotes")
	}
	for _, p := range placeholders {
		if !strings.Contains(s, p) {
			return fmt.Errorf("%q lacks %s, where the value goes; write it as, say, %q", s, p, strings.Join(placeholders, " "))
		}
	}
	*dst = s
	return nil
}

func setString(dst *string, v any) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("must be a text in quotes")
	}
	*dst = s
	return nil
}

// format is the catalogue's format with the base's values where it has none.
func (c *Catalogue) format() Format {
	f := c.Format
	if c.parent == nil {
		return f
	}
	p := c.parent.format()
	or := func(a *string, b string) {
		if *a == "" {
			*a = b
		}
	}
	or(&f.Decimal, p.Decimal)
	or(&f.Group, p.Group)
	or(&f.Money, p.Money)
	or(&f.Percent, p.Percent)
	or(&f.Date, p.Date)
	or(&f.MonthYear, p.MonthYear)
	if f.MinGrouping == 0 {
		f.MinGrouping = p.MinGrouping
	}
	if len(f.Months) != 12 {
		f.Months = p.Months
	}
	if len(f.MonthsShort) != 12 {
		f.MonthsShort = p.MonthsShort
	}
	return f
}

// Integer writes a whole number with the language's digit grouping:
// 12,000 or 12.000 (and 1234, where groups start at five digits).
func (c *Catalogue) Integer(n int64) string {
	f := c.format()
	neg := n < 0
	if neg {
		n = -n
	}
	s := strconv.FormatInt(n, 10)
	if len(s) >= 3+max(f.MinGrouping, 1) {
		var b strings.Builder
		for i := range s {
			if i > 0 && (len(s)-i)%3 == 0 {
				b.WriteString(f.Group)
			}
			b.WriteByte(s[i])
		}
		s = b.String()
	}
	if neg {
		return "−" + s
	}
	return s
}

// Decimal writes x with at most one decimal: 412.5, 38,4, 6.
func (c *Catalogue) Decimal(x float64) string {
	r := math.Round(x*10) / 10
	whole := int64(r)
	tenth := int64(math.Round(math.Abs(r-float64(whole)) * 10))
	s := c.Integer(whole)
	if whole == 0 && r < 0 {
		s = "−0"
	}
	if tenth == 0 {
		return s
	}
	return s + c.format().Decimal + strconv.FormatInt(tenth, 10)
}

// Fixed1 writes x with exactly one decimal: 3.0, 2,5.
func (c *Catalogue) Fixed1(x float64) string {
	s := c.Decimal(x)
	if !strings.Contains(s, c.format().Decimal) {
		s += c.format().Decimal + "0"
	}
	return s
}

// Percent writes a share: 38.4% or 38,4 %.
func (c *Catalogue) Percent(x float64) string {
	return strings.ReplaceAll(c.format().Percent, "{n}", c.Decimal(x))
}

// Money writes an amount of dollars: $38,400 or 38.400 $; cents only when
// there are any.
func (c *Catalogue) Money(x float64) string { return c.Cents(int64(math.Round(x * 100))) }

// Cents writes an amount given in cents, as Money does.
func (c *Catalogue) Cents(cents int64) string {
	neg := cents < 0
	if neg {
		cents = -cents
	}
	s := c.Integer(cents / 100)
	if cents%100 != 0 {
		s += fmt.Sprintf("%s%02d", c.format().Decimal, cents%100)
	}
	s = strings.ReplaceAll(c.format().Money, "{amount}", s)
	if neg {
		return "−" + s
	}
	return s
}

// Date writes a day as people read it: June 12, 2026, or 12 de junio de 2026.
func (c *Catalogue) Date(year int, month time.Month, day int) string {
	f := c.format()
	return fill(f.Date, "{day}", strconv.Itoa(day), "{month}", monthName(f.Months, month), "{year}", strconv.Itoa(year))
}

// fill replaces the placeholders in pattern, given as placeholder, value
// pairs, as strings.NewReplacer would, without building a replacer for
// each date.
func fill(pattern string, pairs ...string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(pattern, '{')
		if i < 0 {
			b.WriteString(pattern)
			return b.String()
		}
		b.WriteString(pattern[:i])
		pattern = pattern[i:]
		matched := false
		for j := 0; j+1 < len(pairs); j += 2 {
			if strings.HasPrefix(pattern, pairs[j]) {
				b.WriteString(pairs[j+1])
				pattern = pattern[len(pairs[j]):]
				matched = true
				break
			}
		}
		if !matched {
			b.WriteByte('{')
			pattern = pattern[1:]
		}
	}
}

// MonthShort is the short name of a month: Jan, ene.
func (c *Catalogue) MonthShort(m time.Month) string { return monthName(c.format().MonthsShort, m) }

// MonthYear is a short month with its year: Jan 2026, ene 2026.
func (c *Catalogue) MonthYear(year int, m time.Month) string {
	return fill(c.format().MonthYear, "{month}", c.MonthShort(m), "{year}", strconv.Itoa(year))
}

func monthName(names []string, m time.Month) string {
	if len(names) == 12 && m >= 1 && m <= 12 {
		return names[m-1]
	}
	return m.String()
}

// selfName is a language's name in that language, from CLDR: "español".
func selfName(t language.Tag) string {
	if n := display.Self.Name(t); n != "" {
		return n
	}
	return t.String()
}

// FormatValue is one setting of the language's format, for scripts:
// "decimal", "group", "min_grouping" or "money".
func (c *Catalogue) FormatValue(name string) string {
	f := c.format()
	switch name {
	case "decimal":
		return f.Decimal
	case "group":
		return f.Group
	case "min_grouping":
		return strconv.Itoa(max(f.MinGrouping, 1))
	case "money":
		return f.Money
	}
	return ""
}

// Value writes a measure's value as the plan gives it, with at most two
// decimals, and its unit: 53%, $1,200, 412.5 students; 53 %, 1200 $,
// 412,5 students.
func (c *Catalogue) Value(x float64, unit string) string {
	f := c.format()
	abs := math.Abs(x)
	s := strconv.FormatFloat(abs, 'f', -1, 64)
	if r := strconv.FormatFloat(abs, 'f', 2, 64); len(s) > len(r) {
		s = strings.TrimRight(strings.TrimRight(r, "0"), ".")
	}
	whole, frac, _ := strings.Cut(s, ".")
	w, _ := strconv.ParseInt(whole, 10, 64)
	n := c.Integer(w)
	if frac != "" {
		n += f.Decimal + frac
	}
	sign := ""
	if x < 0 && strings.Trim(n, "0"+f.Decimal) != "" {
		sign = "−"
	}
	switch u := strings.TrimSpace(unit); u {
	case "":
		return sign + n
	case "%":
		return sign + strings.ReplaceAll(f.Percent, "{n}", n)
	case "$":
		return sign + strings.ReplaceAll(f.Money, "{amount}", n)
	default:
		return sign + n + " " + u
	}
}
