package content

import (
	"strings"
	"testing"
)

// withSpanish is the base plan with translations = ["es"].
const withSpanish = "-- trellis.toml --\ndistrict = \"Test District\"\nstandards = \"standards.toml\"\nfirst_year = 2025\nyears = 2\ntranslations = [\"es\"]\n"

func TestTranslationErrors(t *testing.T) {
	tests := []struct {
		name, files string
		want        []string
	}{
		{"a number", `-- goals/reading.es.md --
+++
title = "Leer bien"

[[years]]
year = 1
outcome = "La mitad lee al nivel de su grado."

[[years]]
outcome = "La mayoría lee al nivel de su grado."
+++
`, []string{"goals/reading.es.md:5:1: error: `year` comes from the main file; a translation holds only text [not-translatable]\n  hint: delete the line: numbers, dates, ids, references and choices are taken from goals/reading.md"}},
		{"a key the main file does not have", `-- activities/tutoring.es.md --
+++
title = "Formación de tutores"
resources = [{ item = "Libros" }]
+++
`, []string{"activities/tutoring.es.md:3:1: error: `resources` is not in activities/tutoring.md, so there is nothing to translate [not-translatable]\n  hint: add it to activities/tutoring.md first, or delete it here"}},
		{"a reference and a choice", `-- partners/acme.es.md --
+++
kind = "vendor"
goals = ["reading"]
+++
`, []string{
			"partners/acme.es.md:2:1: error: `kind` comes from the main file; a translation holds only text [not-translatable]\n  hint: delete the line: numbers, dates, ids, references and choices are taken from partners/acme.md",
			"partners/acme.es.md:3:1: error: `goals` is not in partners/acme.md, so there is nothing to translate [not-translatable]\n  hint: add it to partners/acme.md first, or delete it here"}},
		{"too many tables", `-- goals/reading.es.md --
+++
[[measures]]
measure = "Prueba de detección"
[[measures]]
measure = "Otra"
+++
`, []string{"goals/reading.es.md:2:3: error: `measures` has 2 tables; goals/reading.md has 1 [not-translatable]\n  hint: give one [[measures]] table for each of the main file's 1, in the same order"}},
		{"a number among the texts of a list", "-- goals/reading.es.md --\n+++\ntitle = \"Leer bien\"\nevidence = [3]\n+++\n",
			[]string{"goals/reading.es.md:3:13: error: entry 1 of `evidence` must be text in quotes, not a whole number (3) [wrong-type]\n  hint: write each entry as text in quotes, in the main file's order"}},
		{"a text for a list", "-- goals/reading.es.md --\n+++\nevidence = \"Prueba estatal\"\n+++\n",
			[]string{"goals/reading.es.md:2:12: error: `evidence` must be a list of texts in quotes, not text (\"Prueba estatal\") [wrong-type]\n  hint: put it in a list: evidence = [\"Prueba estatal\"]"}},
		{"a list for a text", "-- goals/reading.es.md --\n+++\ntitle = [\"Leer\", \"bien\"]\n+++\n",
			[]string{"goals/reading.es.md:2:9: error: `title` must be text in quotes, not a list [wrong-type]\n  hint: write it as \"...\""}},
		{"a translation of nothing", "-- goals/writing.es.md --\n+++\ntitle = \"Escribir\"\n+++\n",
			[]string{"goals/writing.es.md: error: a translation of goals/writing.md, which the plan does not have (or which does not load) [missing-file]\n  hint: name the file after the file it translates, with the language before .md: writing.es.md"}},
		{"a language not listed", "-- beliefs.fr.md --\n+++\nmission = \"Apprendre\"\n+++\n",
			[]string{"beliefs.fr.md: warning: a translation into \"fr\", which trellis.toml does not list in `translations` [unlisted-translation]\n  hint: add it: translations = [\"fr\"]; until then the file is not published"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Load(withChanges(t, withSpanish+tt.files))
			var got []string
			for _, d := range diags {
				if d.Code != CodeUntranslated {
					got = append(got, d.String()+" ["+string(d.Code)+"]\n  hint: "+d.Hint)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestTranslate(t *testing.T) {
	plan, diags := Load(withChanges(t, withSpanish+`-- goals/reading.es.md --
+++
title = "Leer bien"
evidence = ["Prueba estatal"]

[[years]]
outcome = "La mitad lee al nivel de su grado."

[[years]]
+++
Texto del cuerpo.
`))
	var warnings []string
	for _, d := range diags {
		if d.Severity == Error {
			t.Fatal(d)
		}
		warnings = append(warnings, d.String())
	}
	want := []string{
		"activities/tutoring.md: warning: no translation into \"es\": the es pages show this file's text in the main language",
		"beliefs.md: warning: no translation into \"es\": the es pages show this file's text in the main language",
		"district.md: warning: no translation into \"es\": the es pages show this file's text in the main language",
		"goals/reading.es.md: warning: 6 of the text fields of goals/reading.md are not translated: impact, measures.0.frequency, measures.0.measure, outcome, rationale, years.1.outcome",
		"partners/acme.md: warning: no translation into \"es\": the es pages show this file's text in the main language",
	}
	if strings.Join(warnings, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(warnings, "\n"), strings.Join(want, "\n"))
	}
	es := plan.Translate("es")
	g, main := es.Goals[0], plan.Goals[0]
	got := []string{es.Settings.Language, es.Main, g.Title, g.Evidence[0], g.Years[0].Outcome, g.Years[1].Outcome, g.Impact, g.Markdown, main.Title, main.Years[0].Outcome}
	wantText := []string{"es", "en", "Leer bien", "Prueba estatal", "La mitad lee al nivel de su grado.", "Most read on grade level.", "Students read more.", "Texto del cuerpo.\n", "Read well", "Half read on grade level."}
	if strings.Join(got, "|") != strings.Join(wantText, "|") {
		t.Errorf("got  %q\nwant %q", got, wantText)
	}
	f := es.Fallbacks["goals/reading.md"]
	if f.Has("title") || !f.Has("impact") || !f.Has("years.1.outcome") || f.Has("body") || !es.Fallbacks["district.md"].Has("body") {
		t.Errorf("fallbacks: %+v", f)
	}
	if plan.Translate("en") != plan {
		t.Error("the main language is the plan itself")
	}
}
