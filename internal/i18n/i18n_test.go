package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/trellis-pl/trellis/themes"
)

func theme(t *testing.T) *Set {
	t.Helper()
	set, problems := Load(themes.Default())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	return set
}

func TestFormat(t *testing.T) {
	set := theme(t)
	en, es := set.Catalogue("en"), set.Catalogue("es")
	tests := []struct {
		name   string
		got    func(c *Catalogue) string
		en, es string
	}{
		{"integer", func(c *Catalogue) string { return c.Integer(12000) }, "12,000", "12.000"},
		{"four digits", func(c *Catalogue) string { return c.Integer(4215) }, "4,215", "4215"},
		{"small", func(c *Catalogue) string { return c.Integer(512) }, "512", "512"},
		{"millions", func(c *Catalogue) string { return c.Integer(1234567) }, "1,234,567", "1.234.567"},
		{"decimal", func(c *Catalogue) string { return c.Decimal(412.5) }, "412.5", "412,5"},
		{"whole decimal", func(c *Catalogue) string { return c.Decimal(6) }, "6", "6"},
		{"rating", func(c *Catalogue) string { return c.Fixed1(3) }, "3.0", "3,0"},
		{"percent", func(c *Catalogue) string { return c.Percent(38.4) }, "38.4%", "38,4\u00a0%"},
		{"money", func(c *Catalogue) string { return c.Money(12000) }, "$12,000", "12.000\u00a0$"},
		{"money with cents", func(c *Catalogue) string { return c.Money(1234.5) }, "$1,234.50", "1234,50\u00a0$"},
		{"negative money", func(c *Catalogue) string { return c.Cents(-3850000) }, "−$38,500", "−38.500\u00a0$"},
		{"measure, percent", func(c *Catalogue) string { return c.Value(53, "%") }, "53%", "53\u00a0%"},
		{"measure, two decimals", func(c *Catalogue) string { return c.Value(53.25, " % ") }, "53.25%", "53,25\u00a0%"},
		{"measure, dollars", func(c *Catalogue) string { return c.Value(1250, "$") }, "$1,250", "1250\u00a0$"},
		{"measure, negative", func(c *Catalogue) string { return c.Value(-40.5, "$") }, "−$40.5", "−40,5\u00a0$"},
		{"measure, a unit word", func(c *Catalogue) string { return c.Value(1234567, "students") }, "1,234,567 students", "1.234.567 students"},
		{"measure, rounded", func(c *Catalogue) string { return c.Value(2.0/3, "hours") }, "0.67 hours", "0,67 hours"},
		{"measure, no unit", func(c *Catalogue) string { return c.Value(12, "") }, "12", "12"},
		{"date", func(c *Catalogue) string { return c.Date(2026, time.June, 12) }, "June 12, 2026", "12 de junio de 2026"},
		{"month and year", func(c *Catalogue) string { return c.MonthYear(2026, time.January) }, "Jan 2026", "ene 2026"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.got(en); got != tt.en {
				t.Errorf("en: got %q, want %q", got, tt.en)
			}
			if got := tt.got(es); got != tt.es {
				t.Errorf("es: got %q, want %q", got, tt.es)
			}
		})
	}
}

func TestText(t *testing.T) {
	set := theme(t)
	en, es := set.Catalogue("en"), set.Catalogue("es-MX")
	tests := []struct {
		c    *Catalogue
		key  string
		args []any
		want string
	}{
		{en, "goal.numbered", []any{"number", 2, "title", "Mathematics"}, "Goal 2: Mathematics"},
		{es, "goal.numbered", []any{"number", 2, "title", "Matemáticas"}, "Meta 2: Matemáticas"},
		{en, "standards.addressed-by", []any{"count", 1}, "Addressed by 1 activity."},
		{en, "standards.addressed-by", []any{"count", 3}, "Addressed by 3 activities."},
		{es, "standards.addressed-by", []any{"count", 1}, "Lo aborda 1 actividad."},
		{es, "standards.addressed-by", []any{"count", 0}, "Lo abordan 0 actividades."},
		{en, "district.students", []any{"count", ptr(1), "n", "1"}, "1 student"}, // a count the plan may leave out
		{es, "district.students", []any{"count", ptr(2), "n", "2"}, "2 estudiantes"},
		{en, "district.students", []any{"count", (*int)(nil), "n", "?"}, "? students"},
		{en, "no.such.key", nil, "no.such.key"},
		{es, "goal.numbered", []any{"number", 1}, "Meta 1: {title}"},
	}
	for _, tt := range tests {
		if got := tt.c.Text(tt.key, tt.args...); got != tt.want {
			t.Errorf("%s %s %v: got %q, want %q", tt.c.Lang(), tt.key, tt.args, got, tt.want)
		}
	}
	if got := en.HTML("goal.about-activity", "title", "<Reading & writing>"); got != "About: &lt;Reading &amp; writing&gt;" {
		t.Errorf("HTML does not escape its arguments: %q", got)
	}
}

// TestCataloguesComplete checks that the theme's Spanish catalogue has
// every key of the English one, and no other.
func TestCataloguesComplete(t *testing.T) {
	set := theme(t)
	if missing := set.Missing("es"); len(missing) > 0 {
		t.Errorf("es.toml lacks %v", missing)
	}
	en, es := set.Catalogue("en"), set.Catalogue("es")
	for _, k := range es.Keys() {
		if !en.Has(k) {
			t.Errorf("es.toml has %s, which en.toml does not", k)
		}
	}
}

func TestOverride(t *testing.T) {
	plan := fstest.MapFS{
		"i18n/es.toml": {Data: []byte("[nav]\ngoals = \"Objetivos\"\n")},
		"i18n/fr.toml": {Data: []byte("[nav]\ngoals = \"Objectifs\"\n[format]\ndecimal = \",\"\n")},
	}
	set, problems := Load(themes.Default(), plan)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	es, fr := set.Catalogue("es"), set.Catalogue("fr")
	if got := es.Text("nav.goals"); got != "Objetivos" {
		t.Errorf("override: got %q", got)
	}
	if got := es.Text("nav.home"); got != "Inicio" {
		t.Errorf("the theme's other messages: got %q", got)
	}
	if got := fr.Text("nav.home"); got != "Home" {
		t.Errorf("a missing message falls back to English: got %q", got)
	}
	if got := fr.Decimal(2.5); got != "2,5" {
		t.Errorf("the plan's format: got %q", got)
	}
	if !fr.Own() || fr.OwnFile() != "i18n/fr.toml" || len(set.Missing("fr")) == 0 || len(set.Missing("es")) != 0 {
		t.Errorf("own %v %q, missing fr %d, es %d", fr.Own(), fr.OwnFile(), len(set.Missing("fr")), len(set.Missing("es")))
	}
}

func TestParseTag(t *testing.T) {
	tests := []struct{ in, tag, suggestion string }{
		{"es", "es", ""},
		{"es-MX", "es-MX", ""},
		{"en", "en", ""},
		{"sp", "", "es"},
		{"english", "", "en"},
		{"spanish", "", "es"},
		{"Español", "", "es"},
		{"chinese", "", "zh"},
		{"zz", "", ""},
		{"und", "", ""},
	}
	for _, tt := range tests {
		tag, suggestion, ok := ParseTag(tt.in)
		if tag != tt.tag || suggestion != tt.suggestion || ok != (tt.tag != "") {
			t.Errorf("ParseTag(%q) = %q, %q, %v; want %q, %q", tt.in, tag, suggestion, ok, tt.tag, tt.suggestion)
		}
	}
}

func ptr(n int) *int { return &n }

// FuzzFill: fill writes what strings.NewReplacer writes for the date's
// placeholders.
func FuzzFill(f *testing.F) {
	for _, s := range []string{"{month} {day}, {year}", "{day} de {month} de {year}", "{{day}}", "{", "}{year", "{mon}{month}", ""} {
		f.Add(s, "7", "de julio")
	}
	f.Fuzz(func(t *testing.T, pattern, day, month string) {
		want := strings.NewReplacer("{day}", day, "{month}", month, "{year}", "2026").Replace(pattern)
		if got := fill(pattern, "{day}", day, "{month}", month, "{year}", "2026"); got != want {
			t.Fatalf("fill(%q) = %q, want %q", pattern, got, want)
		}
	})
}

// BenchmarkHTML looks up the interface texts a page's frame writes, in
// English and in Spanish (which falls back to English for none of them).
func BenchmarkHTML(b *testing.B) {
	set, _ := Load(themes.Default())
	keys := set.Catalogue("en").Keys()
	for _, tag := range []string{"en", "es"} {
		c := set.Catalogue(tag)
		b.Run(tag, func(b *testing.B) {
			for b.Loop() {
				for _, k := range keys {
					_ = c.HTML(k)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(keys)), "ns/lookup")
		})
	}
}
