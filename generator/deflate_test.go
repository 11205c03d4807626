package generator

import (
	"bytes"
	"testing"
)

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
