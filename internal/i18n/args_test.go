package i18n

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"strings"
	"testing"
)

// expandSprint is how messages were filled before fillArgs: through
// fmt.Sprint and html.EscapeString, one string at a time. Text, HTML and
// WriteHTML must give what it gives.
func expandSprint(text string, args []any, str func(any) string) string {
	if len(args) == 0 || !strings.Contains(text, "{") {
		return text
	}
	var b strings.Builder
	for {
		open := strings.IndexByte(text, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(text[open:], '}')
		if end < 0 {
			break
		}
		name := text[open+1 : open+end]
		b.WriteString(text[:open])
		if v, ok := arg(args, name); ok {
			b.WriteString(str(v))
		} else {
			b.WriteString(text[open : open+end+1])
		}
		text = text[open+end+1:]
	}
	b.WriteString(text)
	return b.String()
}

type withString int

func (n withString) String() string { return fmt.Sprintf("<%d>", int(n)) }

func FuzzFillArgs(f *testing.F) {
	f.Add("Goal {number}: {title}", "Read & write <well>", 3)
	f.Add("{title} {title} {missing} {", "Tom's \"plan\"", -12)
	f.Add("no placeholders", "", 0)
	f.Add("{number}} {{title}", "x", 1)
	f.Fuzz(func(t *testing.T, text, title string, number int) {
		c := &Catalogue{msgs: map[string]Message{"k": {Other: text}}}
		arglists := [][]any{
			{"title", title, "number", number},
			{"title", template.HTML(title), "number", withString(number)},
			{"number", int64(number), "title", []string{title}},
		}
		for _, args := range arglists {
			wantText := expandSprint(text, args, func(v any) string { return fmt.Sprint(v) })
			wantHTML := expandSprint(text, args, func(v any) string {
				if h, ok := v.(template.HTML); ok {
					return string(h)
				}
				return html.EscapeString(fmt.Sprint(v))
			})
			if got := c.Text("k", args...); got != wantText {
				t.Errorf("Text(%q, %v) = %q, want %q", text, args, got, wantText)
			}
			if got := c.HTML("k", args...); string(got) != wantHTML {
				t.Errorf("HTML(%q, %v) = %q, want %q", text, args, got, wantHTML)
			}
			var b bytes.Buffer
			b.WriteString("before ")
			c.WriteHTML(&b, "k", args...)
			if got := b.String(); got != "before "+wantHTML {
				t.Errorf("WriteHTML(%q, %v) = %q, want %q", text, args, got, "before "+wantHTML)
			}
		}
	})
}
