package content

import (
	"reflect"
	"strings"
	"testing"
)

func TestPlainNumber(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1,200", "1200"},
		{"$12,000", "12000"},
		{"$ 12,000.50", "12000.5"},
		{"38.4%", "38.4"},
		{"12k", "12000"},
		{"1.5M", "1500000"},
		{"742", "742"},
		{"08", "8"},
		{"-3", "-3"},
		{"", ""},
		{"$", ""},
		{"k", ""},
		{"-", ""},
		{"+5", ""},
		{"2025-26", ""},
		{"NaN", ""},
		{"1e400", ""},
		{"twelve", ""},
		// A comma is a decimal point where it cannot be a thousands
		// separator; a minus may stand before the dollar sign.
		{"412,5", "412.5"},
		{"0,75", "0.75"},
		{"1,200,000", "1200000"},
		{"12,000.50", "12000.5"},
		{"-$500", "-500"},
		{"-$1,200", "-1200"},
		{"$-", ""},
	}
	for _, tt := range tests {
		got, ok := plainNumber(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("plainNumber(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

// TestYesNo checks that a word is read as true or false only when it
// clearly means one of them, never as its opposite.
func TestYesNo(t *testing.T) {
	tests := []struct {
		in       string
		want, ok bool
	}{
		{"yes", true, true}, {"Yes", true, true}, {"True", true, true}, {"TRUE", true, true}, {"y", true, true}, {"on", true, true},
		{"no", false, true}, {"No", false, true}, {"False", false, true}, {"n", false, true}, {"off", false, true}, {" no ", false, true},
		{"maybe", false, false}, {"", false, false}, {"not", false, false}, {"nope", false, false}, {"1", false, false},
	}
	for _, tt := range tests {
		got, ok := yesNo(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("yesNo(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestRatingHint(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Established", `write the number that "Established" stands for: rating = 3 (the scale is 1 Not evident, 2 Emerging, 3 Established, 4 Exemplary)`},
		{" not EVIDENT", `write the number that "Not evident" stands for: rating = 1 (the scale is 1 Not evident, 2 Emerging, 3 Established, 4 Exemplary)`},
		{"exemplary", `write the number that "Exemplary" stands for: rating = 4 (the scale is 1 Not evident, 2 Emerging, 3 Established, 4 Exemplary)`},
		{"great", "write the rating as a number from 1 to 4: 1 Not evident, 2 Emerging, 3 Established, 4 Exemplary"},
	}
	for _, tt := range tests {
		if got := ratingHint(tt.in); got != tt.want {
			t.Errorf("ratingHint(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestElsewhere(t *testing.T) {
	tests := []struct {
		key  string
		here any
		want string
	}{
		{"grades", District{}, "a [[schools]] table of district.md"},
		{"who", Activity{}, "the [initial] or [follow_up] table of an activity file"},
		{"reviewed", Goal{}, "a partner file (partners/)"},
		{"standards", Goal{}, "trellis.toml or an activity file (activities/)"},
		{"name", Goal{}, "the [contact] table of trellis.toml, a [[schools]] table of district.md or a partner file (partners/)"},
		{"colour", Goal{}, ""},
	}
	for _, tt := range tests {
		if got := elsewhere(tt.key, reflect.TypeOf(tt.here)); got != tt.want {
			t.Errorf("elsewhere(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}

func TestKeyKind(t *testing.T) {
	tests := []struct {
		file, key string
		want      valueKind
	}{
		{"partners/acme.md", "reviewed", kindDate},
		{"activities/tutoring.md", "start", kindDate},
		{"activities/tutoring.md", "standards", kindList},
		{"trellis.toml", "standards", kindText},
		{"district.md", "percent", kindNumber},
		{"district.md", "count", kindNumber},
		{"trellis.toml", "unsafe_html", kindBool},
		{"goals/reading.md", "title", kindText},
		{"goals/reading.md", "colour", kindUnknown},
		{"standards.toml", "name", kindUnknown},
	}
	for _, tt := range tests {
		if got := keyKind(tt.key, rootOf(tt.file)); got != tt.want {
			t.Errorf("keyKind(%q in %s) = %v, want %v", tt.key, tt.file, got, tt.want)
		}
	}
}

func TestYAMLToTOML(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"keys and a list",
			"title: Read well\nyear: 2\nreviewed: 2026-06-01\nok: true\nevidence:\n  - State test\n  - \"Screener\"\n# note\n",
			"title = \"Read well\"\nyear = 2\nreviewed = 2026-06-01\nok = true\nevidence = [\"State test\", \"Screener\"]\n# note\n"},
		{"flow list and quotes", "tags: [a, 'b c']\nq: 'say \"hi\"'", "tags = [\"a\", 'b c']\nq = 'say \"hi\"'"},
		{"nested table", "contact:\n  name: Jo\n  email: jo@example.org\ntitle: Plan",
			"title = \"Plan\"\n\n[contact]\nname = \"Jo\"\nemail = \"jo@example.org\""},
		{"list of tables", "name: Acme\nratings:\n  - item: uses-data\n    rating: 3\n  - item: active\n    rating: 4\nreviewed: 2026-06-01",
			"name = \"Acme\"\nreviewed = 2026-06-01\n\n[[ratings]]\nitem = \"uses-data\"\nrating = 3\n\n[[ratings]]\nitem = \"active\"\nrating = 4"},
		{"table within a table", "contact:\n  name:\n    first: Jo", ""},
		{"list inside a list item", "ratings:\n  - item: a\n    tags:\n      - x", ""},
		{"a value, then a mapping", "contact:\n  - Jo\n  name: Jo", ""},
		{"block text", "rationale: |\n  Scores", ""},
		{"not YAML", "just text", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := yamlToTOML(strings.Split(tt.yaml, "\n"))
			if tt.want == "" {
				if ok {
					t.Fatalf("converted to %q, want no conversion", got)
				}
				return
			}
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}
