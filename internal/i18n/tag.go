package i18n

import (
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// ParseTag checks a language tag (BCP 47, such as "es" or "es-MX") and
// returns it in its canonical form. If it is not one, suggestion is the tag
// the writer most likely meant ("es" for "sp" or "Spanish"), or "".
func ParseTag(s string) (tag string, suggestion string, ok bool) {
	t, err := language.Parse(s)
	if err == nil && t != language.Und {
		return t.String(), "", true
	}
	return "", suggest(s), false
}

// mistaken are codes written for a language that name a country or nothing:
// "sp" for Spanish is the commonest.
var mistaken = map[string]string{
	"sp": "es", "esp": "es", "spa": "es", "jp": "ja", "cn": "zh", "kr": "ko", "gr": "el", "dk": "da",
	"se": "sv", "ua": "uk", "cz": "cs", "vn": "vi", "iw": "he", "ht-ht": "ht", "us": "en", "eng": "en", "uk-en": "en",
}

// named are languages whose names are recognised, in English and in
// themselves: the languages most spoken in U.S. schools after English.
var named = []language.Tag{
	language.English, language.Spanish, language.Chinese, language.Vietnamese, language.Arabic,
	language.French, language.Korean, language.Russian, language.Portuguese, language.MustParse("tl"),
	language.MustParse("ht"), language.MustParse("so"), language.MustParse("hmn"), language.Japanese,
	language.German, language.Italian, language.Polish, language.Ukrainian, language.Hindi, language.Urdu,
}

func suggest(s string) string {
	low := strings.ToLower(strings.TrimSpace(strings.ReplaceAll(s, "_", "-")))
	if m, ok := mistaken[low]; ok {
		return m
	}
	if t, err := language.Parse(low); err == nil && low != s {
		return t.String() // "EN_us" → "en-US"
	}
	plain := fold(low)
	for _, t := range named {
		for _, n := range []string{display.English.Languages().Name(t), display.Self.Name(t)} {
			if n != "" && fold(strings.ToLower(n)) == plain {
				return t.String()
			}
		}
	}
	return ""
}

// fold drops the accents of the Latin letters that carry them in language
// names: "español" → "espanol", "français" → "francais".
func fold(s string) string {
	return strings.NewReplacer("á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u", "ñ", "n", "ç", "c", "è", "e", "ê", "e", "ã", "a", "ô", "o").Replace(s)
}
