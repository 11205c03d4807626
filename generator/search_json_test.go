package generator

import (
	"bytes"
	"encoding/json"
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
