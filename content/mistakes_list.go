package content

import (
	"fmt"
	"strings"
)

// explainListItem explains an item of a list written over several lines
// whose text has no closing quote, at the quote that opens it, where TOML
// notices only the end of the line. a is the item's line (no key).
func explainListItem(cx syntaxContext, a assignment) (mistake, bool) {
	v := a.value
	if a.key != "" || v == "" || v[0] != '"' && v[0] != '\'' || strings.HasPrefix(v, strings.Repeat(v[:1], 3)) || closingQuote(v) >= 0 {
		return mistake{}, false
	}
	key := listKeyAbove(cx.text, a.lineOff)
	if key == "" {
		return mistake{}, false
	}
	q := v[:1]
	fixed := v + q
	if strings.HasSuffix(v, ",") {
		fixed = strings.TrimSuffix(v, ",") + q + ","
	}
	return mistake{off: a.valueOff, n: 1, code: CodeUnclosedString,
		message: fmt.Sprintf("this text in the list `%s` has no closing quote", key),
		hint:    "end the text with a quote on the same line: " + fixed}, true
}

// listKeyAbove returns the key of the list over several lines that the line
// starting at lineOff belongs to: the nearest `key = [` above, past other
// lines of items. It returns "" if the line above is some other key.
func listKeyAbove(text string, lineOff int) string {
	for pos := lineOff - 1; pos >= 0; {
		a, ok := assignmentAt(text, pos)
		if ok {
			if strings.HasPrefix(a.value, "[") && !strings.Contains(a.value, "]") {
				return a.key
			}
			return ""
		}
		pos = a.lineOff - 1
	}
	return ""
}
