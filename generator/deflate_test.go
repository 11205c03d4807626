package generator

import (
	"bytes"
	"testing"
)

// deflate compresses data against dict with a deflater of its own.
func deflate(data, dict []byte) []byte { return new(deflater).deflate(data, dict) }

// TestDeflate: what deflate compresses, inflate gives back, with or
// without a dictionary, and a page like the dictionary shrinks.
func TestDeflate(t *testing.T) {
	home := bytes.Repeat([]byte(`<li><a href="../goals/">Goals</a></li>`), 50)
	page := append(append([]byte{}, home...), "<h1>Goal 1</h1>"...)
	for _, tt := range []struct {
		name       string
		data, dict []byte
	}{
		{"empty", nil, nil},
		{"no dictionary", page, nil},
		{"dictionary", page, home},
		{"the dictionary itself", home, home},
	} {
		t.Run(tt.name, func(t *testing.T) {
			z := deflate(tt.data, tt.dict)
			got, err := inflate(z, tt.dict)
			if err != nil || !bytes.Equal(got, tt.data) {
				t.Fatalf("inflate(deflate(%d bytes)) = %d bytes, %v", len(tt.data), len(got), err)
			}
		})
	}
	if with, without := len(deflate(page, home)), len(deflate(page, nil)); with >= without {
		t.Errorf("deflated against a like page: %d bytes, without: %d", with, without)
	}
}

// TestDeflaterReused: a deflater kept from page to page writes the same
// bytes as a new one for each, also when the dictionary changes between
// pages (a site's first files are written before its home page).
func TestDeflaterReused(t *testing.T) {
	home := bytes.Repeat([]byte(`<li><a href="../goals/">Goals</a></li>`), 50)
	other := bytes.Repeat([]byte(`<p>Another district</p>`), 40)
	var d deflater
	for i, tt := range []struct{ data, dict []byte }{
		{[]byte(`{"plan": 1}`), nil},
		{home, home},
		{append(append([]byte{}, home...), "<h1>Goal 1</h1>"...), home},
		{append(append([]byte{}, home...), "<h1>Goal 2</h1>"...), home},
		{other, other},
		{home, bytes.Clone(home)}, // equal bytes elsewhere in memory: a new dictionary
	} {
		var fresh deflater
		if got, want := d.deflate(tt.data, tt.dict), fresh.deflate(tt.data, tt.dict); !bytes.Equal(got, want) {
			t.Errorf("file %d: a reused deflater wrote %d bytes that differ from a new one's %d", i, len(got), len(want))
		}
	}
}
