package content

import (
	"strings"
	"testing"
)

func TestLanguageSetting(t *testing.T) {
	const settings = "-- trellis.toml --\ndistrict = \"Test District\"\nstandards = \"standards.toml\"\nfirst_year = 2025\nyears = 2\n"
	tests := []struct {
		name, changes string
		want          []string
	}{
		{"Spanish", `language = "es"`, nil},
		{"a region of a language with a catalogue", `language = "es-MX"`, nil},
		{"sp", `language = "sp"`, []string{"trellis.toml:5:12: error: \"sp\" is not a language tag (BCP 47) [unknown-language]\n  hint: did you mean `language = \"es\"`?"}},
		{"english", `language = "english"`, []string{"trellis.toml:5:12: error: \"english\" is not a language tag (BCP 47) [unknown-language]\n  hint: did you mean `language = \"en\"`?"}},
		{"spanish", `language = "spanish"`, []string{"trellis.toml:5:12: error: \"spanish\" is not a language tag (BCP 47) [unknown-language]\n  hint: did you mean `language = \"es\"`?"}},
		{"Español", `language = "Español"`, []string{"trellis.toml:5:12: error: \"Español\" is not a language tag (BCP 47) [unknown-language]\n  hint: did you mean `language = \"es\"`?"}},
		{"nothing like a language", `language = "zz"`, []string{"trellis.toml:5:12: error: \"zz\" is not a language tag (BCP 47) [unknown-language]\n  hint: write a language tag, such as `language = \"es\"` for Spanish"}},
		{"no catalogue", `language = "fr"`, []string{"trellis.toml:5:12: error: the theme has no interface text in \"fr\" [no-catalogue]\n  hint: add the file i18n/fr.toml to the plan folder, translating the keys of the theme's i18n/en.toml (see docs/translating.md); the theme has en, es"}},
		{"the plan's own catalogue", "language = \"fr\"\n-- i18n/fr.toml --\n[nav]\ngoals = \"Objectifs\"\n", []string{"i18n/fr.toml: warning: the catalogue lacks"}},
		{"a catalogue with a number for a text", "language = \"fr\"\n-- i18n/fr.toml --\n[nav]\ngoals = 3\n", []string{"i18n/fr.toml: error: `nav.goals` is neither a text nor a table of texts [invalid-value]\n  hint: see docs/translating.md for the catalogue's format"}},
		{"a message of many placeholders", "language = \"fr\"\n-- i18n/fr.toml --\n[goal]\nnumbered = \"" + strings.Repeat("{title}", 100) + "\"\n", []string{"i18n/fr.toml: error: `goal.numbered` has 100 placeholders ({…}); a message has at most 20 [invalid-value]\n  hint: see docs/translating.md for the catalogue's format"}},
		{"a message too long", "language = \"fr\"\n-- i18n/fr.toml --\n[nav]\ngoals = { one = \"But\", other = \"" + strings.Repeat("é", 2001) + "\" }\n", []string{"i18n/fr.toml: error: `nav.goals` is 2001 characters long; a message has at most 2000 [invalid-value]\n  hint: see docs/translating.md for the catalogue's format"}},
		{"a money format without its amount", "language = \"fr\"\n-- i18n/fr.toml --\n[format]\nmoney = \"\"\n[nav]\ngoals = \"Objectifs\"\n", []string{"i18n/fr.toml: error: [format]: `money`: \"\" lacks {amount}, where the value goes; write it as, say, \"{amount}\" [invalid-value]\n  hint: see docs/translating.md for the catalogue's format"}},
		{"a catalogue nested too deep", "language = \"fr\"\n-- i18n/fr.toml --\n[nav]\ngoals = " + strings.Repeat("[", 150) + "\n", []string{"i18n/fr.toml:2:107: error: the TOML nests more than 100 levels deep here (tables, dotted keys, lists and inline tables) [toml-too-deep]\n  hint: a catalogue nests two or three levels, such as [nav] and its keys; see docs/translating.md"}},
		{"a catalogue nested past any decoder's stack", "language = \"fr\"\n-- i18n/fr.toml --\ngoals = " + strings.Repeat("[", 3_000_000) + "\n", []string{"i18n/fr.toml:1:108: error: the TOML nests more than 100 levels deep here (tables, dotted keys, lists and inline tables) [toml-too-deep]\n  hint: a catalogue nests two or three levels, such as [nav] and its keys; see docs/translating.md"}},
		{"a catalogue with a key given twice", "language = \"fr\"\n-- i18n/fr.toml --\n[nav]\ngoals = \"Objectifs\"\ngoals = \"Buts\"\n", []string{"i18n/fr.toml:3:21: error: Key 'nav.goals' has already been defined. [toml-syntax]\n  hint: see docs/translating.md for the catalogue's format"}},
		{"a catalogue that is not TOML", "language = \"fr\"\n-- i18n/fr.toml --\n[nav\n", []string{"i18n/fr.toml:2:5: error: expected '.' or ']' to end table name, but got '\\n' instead [toml-syntax]\n  hint: see docs/translating.md for the catalogue's format"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Load(withChanges(t, settings+tt.changes+"\n"))
			var got []string
			for _, d := range diags {
				got = append(got, d.String()+" ["+string(d.Code)+"]\n  hint: "+d.Hint)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			for i := range got {
				if got[i] != tt.want[i] && !(len(tt.want[i]) < 60 && strings.HasPrefix(got[i], tt.want[i])) {
					t.Errorf("got:\n%s\nwant:\n%s", got[i], tt.want[i])
				}
			}
		})
	}
}

func TestStandardsTranslations(t *testing.T) {
	const set = `-- standards.toml --
id = "test-set"
name = "Test Standards"
publisher = "Trellis tests"
source = "Written for the tests"
summary = "Two standards."
translations.es = { name = "Estándares de prueba", element_label = "componente", element_label_plural = "componentes" }
%s
[[standards]]
id = "data"
name = "Data"
summary = "Use data."
translations.es = { name = "Datos", summary = "Usar datos." }

  [[standards.elements]]
  id = "analyze"
  name = "Analyze data"
  translations.es = { name = "Analizar datos" }

[[standards]]
id = "learning-designs"
name = "Learning Designs"
summary = "Design learning."

  [[standards.elements]]
  id = "select"
  name = "Select designs"

[[items]]
id = "uses-data"
standard = "data"
text = "Does the partner use data?"

[[items]]
id = "active"
standard = "learning-designs"
text = "Is learning active?"
`
	plan, diags := Load(withChanges(t, strings.Replace(set, "%s", "", 1)))
	if len(diags) > 0 {
		t.Fatal(lines(diags))
	}
	es, untranslated := plan.Standards.In("es-MX")
	got := []string{es.Name, es.Summary, es.ElementPlural, es.Standards[0].Name, es.Standards[0].Summary, es.Standards[0].Elements[0].Name,
		es.Standards[1].Name, es.Standards[1].Elements[0].Name, plan.Standards.Standards[0].Name}
	want := []string{"Estándares de prueba", "Two standards.", "componentes", "Datos", "Usar datos.", "Analizar datos",
		"Learning Designs", "Select designs", "Data"}
	if strings.Join(got, "|") != strings.Join(want, "|") || untranslated != 3 {
		t.Errorf("got %q, %d untranslated\nwant %q, 3", got, untranslated, want)
	}

	_, diags = Load(withChanges(t, strings.Replace(set, "%s", `translations.sp = { name = "Estándares" }`, 1)))
	want = []string{"standards.toml:7:1: error: \"sp\" is not a language tag (BCP 47) [unknown-language]"}
	if g := lines(diags); strings.Join(g, "\n") != strings.Join(want, "\n") || diags[0].Hint != "did you mean `translations.es`?" {
		t.Errorf("got %q (hint %q), want %q", g, diags[0].Hint, want)
	}
}
