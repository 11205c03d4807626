package generator

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// FuzzSearchJSON: the search index written by hand is json.Marshal's,
// byte for byte, for any text in any of its strings.
func FuzzSearchJSON(f *testing.F) {
	for _, s := range []string{"", "plain", `a&b<c>"d"\e`, "\x00\x01\x1f\x7f", "\b\f\n\r\t", "\xff\xfe", "日本語",
		"line\u2028para\u2029end", "</script><!--", "\xed\xa0\x80"} {
		f.Add(s, "goals/x/")
	}
	f.Fuzz(func(t *testing.T, s, url string) {
		entries := []SearchEntry{
			{Title: s, URL: url, Kind: KindGoal, Fields: []SearchField{{Name: s, Text: s + url}, {Name: "who", Text: "x"}}},
			{Title: "t", URL: s, Kind: s},
		}
		got := appendSearchJSON(nil, entries, "../")
		for i := range entries {
			entries[i].URL = "../" + entries[i].URL
		}
		want, err := json.Marshal(entries)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("\ngot  %s\nwant %s", got, want)
		}
	})
}

// An empty index is an empty list, as json.Marshal writes an empty slice.
func TestSearchJSONEmpty(t *testing.T) {
	if got := string(appendSearchJSON(nil, []SearchEntry{}, "../")); got != "[]" {
		t.Errorf("got %s, want []", got)
	}
}

// FuzzNoMarkdown: a text that noMarkdown lets through has the words the
// Markdown parser finds in it.
func FuzzNoMarkdown(f *testing.F) {
	for _, s := range []string{"plain words", "Raise reading by 2028.", "1. first\n2. second", "3 schools. 4 teams",
		"line one\n===", "a\n- b", "    code block\n", "https://example.org/x?y=1", "www.example.org", "a@b.example",
		"two  \nlines", "para\n\npara", "x: y; z (w)", "1) one", "+ plus", "\tTab", "quote \" mark", "50%", "A & B", "\u00a0nbsp"} {
		f.Add(s)
	}
	x := &searchIndex{md: newSearchMarkdown()}
	f.Fuzz(func(t *testing.T, s string) {
		if !noMarkdown(s) {
			return
		}
		if got, want := collapse(s), collapse(x.parsePlain(s)); got != want {
			t.Fatalf("%q: the text's words %q, the parser's %q", s, got, want)
		}
	})
}

func FuzzCollapse(f *testing.F) {
	for _, s := range []string{"", " ", "one", "one two", "one  two", " lead", "trail ", "tab\there", "line\nbreak", "no\u00a0break space", "é ü", "a\x85b", "x \r\n y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapse(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapse(%q) = %q, want %q", s, got, want)
		}
	})
}
