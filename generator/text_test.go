package generator

import (
	"testing"

	"github.com/trellis-pl/trellis/internal/i18n"
	"github.com/trellis-pl/trellis/themes"
)

// testCatalogue is the default theme's catalogue of a language.
func testCatalogue(t testing.TB, lang string) *i18n.Catalogue {
	t.Helper()
	set, problems := i18n.Load(themes.Default())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	c := set.Catalogue(lang)
	if c == nil {
		t.Fatalf("no catalogue for %s", lang)
	}
	return c
}
