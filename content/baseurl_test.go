package content

import (
	"strconv"
	"strings"
	"testing"
)

func TestBaseURLProblem(t *testing.T) {
	for _, tt := range []struct{ in, problem, fix string }{
		{"https://district.example/pl-plan/", "", ""},
		{"http://localhost:8080/", "", ""},
		{"https://district.example", "", ""},
		{"district.example/pl", "lacks https:// at its start", "https://district.example/pl"},
		{"javascript:alert(1)//", "is not a web address (it must start with https:// or http://)", "https://district.example/pl-plan/"},
		{"//evil.example/", "is not a web address (it must start with https:// or http://)", "https://district.example/pl-plan/"},
		{"not a url", "has spaces in it", "notaurl"},
		{"https://", "has no site name after https://", "https://district.example/pl-plan/"},
		{"https://user:secret@district.example/", "has more than a site and a folder in it (a password, ? or #)", "https://district.example/"},
		{"https://district.example/pl/?draft=1", "has more than a site and a folder in it (a password, ? or #)", "https://district.example/pl/"},
	} {
		problem, fix := BaseURLProblem(tt.in)
		if problem != tt.problem || fix != tt.fix {
			t.Errorf("BaseURLProblem(%q) = %q, %q; want %q, %q", tt.in, problem, fix, tt.problem, tt.fix)
		}
	}
}

func TestBaseURLSetting(t *testing.T) {
	m := basePlan(t)
	settings := string(m[SettingsFile].Data)
	m[SettingsFile].Data = []byte(settings + "base_url = \"district.example/pl-plan/\"\n")
	_, diags := Load(m)
	line := strings.Count(settings, "\n") + 1
	got := lines(diags)
	want := "trellis.toml:" + strconv.Itoa(line) + ":12: error: base_url \"district.example/pl-plan/\" lacks https:// at its start [invalid-value]"
	if len(got) != 1 || got[0] != want || diags[0].Hint != `write base_url = "https://district.example/pl-plan/", the address the site is published at` {
		t.Fatalf("diagnostics %q (hint %q), want %q", got, diags[0].Hint, want)
	}
}
