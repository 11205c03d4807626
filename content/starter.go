package content

import (
	"regexp"
	"strings"
)

// StarterMark begins every text that `trellis new` writes for the author to
// replace, so that a check can find what is still to fill in.
const StarterMark = "TODO:"

// headerLine matches a [table] or [[table]] line; keyLine (mistakes.go)
// matches a key = value line.
var headerLine = regexp.MustCompile(`^\s*\[\[?\s*([^\]]+?)\s*\]\]?`)

// checkStarterText warns once per file that still holds starter text,
// naming each field where it stands.
func (l *loader) checkStarterText() {
	var srcs []*source
	if l.settingsDoc != nil {
		srcs = append(srcs, l.settingsDoc.src)
	}
	p := l.plan
	bodies := []*Body{&p.District.Body, &p.Beliefs.Body}
	for _, g := range p.Goals {
		bodies = append(bodies, &g.Body)
	}
	for _, a := range p.Activities {
		bodies = append(bodies, &a.Body)
	}
	for _, pt := range p.Partners {
		bodies = append(bodies, &pt.Body)
	}
	for _, b := range bodies {
		if b.src != nil {
			srcs = append(srcs, b.src)
		}
	}
	bodyLine := map[*source]int{}
	for _, b := range bodies {
		if b.src != nil {
			bodyLine[b.src] = b.BodyLine
		}
	}
	for _, src := range srcs {
		src.warnStarter(bodyLine[src])
	}
}

// StarterFields lists the fields of a plan file's text that still hold
// starter text, as check names them ("initial.who", "body").
func StarterFields(name, text string) []string {
	var ds Diagnostics
	src := newSource(name, text, &ds)
	body := 0
	for n, seen := 1, 0; n <= len(src.lineStarts()); n++ {
		if strings.TrimSpace(src.lineAt(n)) == "+++" {
			if seen++; seen == 2 {
				body = n + 1
				break
			}
		}
	}
	fields, _ := src.starterFields(body)
	return fields
}

// warnStarter warns once if the file still holds starter text.
func (s *source) warnStarter(body int) {
	fields, first := s.starterFields(body)
	if len(fields) == 0 {
		return
	}
	quoted := make([]string, len(fields))
	for i, f := range fields {
		quoted[i] = "`" + f + "`"
	}
	s.warnf(s.pos(first, len(StarterMark)), CodeStarterText,
		"replace each text that starts with "+StarterMark+" with the plan's own; `trellis check --strict` fails until then", nil,
		"starter text of `trellis new` is still in %s", joinAnd(quoted))
}

// starterFields looks for StarterMark line by line, outside comments, and
// names the field each one stands in: the key on its line, or the key above
// it for a value over several lines, or the Markdown body from line body
// (0: no body). It returns the fields and the offset of the first mark.
func (s *source) starterFields(body int) ([]string, int) {
	if !strings.Contains(s.text, StarterMark) { // most files: no need to read them line by line
		return nil, -1
	}
	var fields []string
	seen := map[string]bool{}
	first := -1
	table, field := "", ""
	for n := 1; n <= len(s.lineStarts()); n++ {
		line := s.lineAt(n)
		trimmed := strings.TrimSpace(line)
		if body > 0 && n >= body {
			field = "body"
		} else if strings.HasPrefix(trimmed, "#") {
			continue
		} else if m := headerLine.FindStringSubmatch(line); m != nil && !keyLine.MatchString(line) {
			table, field = m[1], ""
		} else if m := keyLine.FindStringSubmatch(line); m != nil {
			field = m[1]
			if table != "" {
				field = table + "." + field
			}
		}
		col := strings.Index(line, StarterMark)
		if col < 0 || field == "" {
			continue
		}
		if first < 0 {
			first = s.lineStarts()[n-1] + col
		}
		if !seen[field] {
			seen[field] = true
			fields = append(fields, field)
		}
	}
	return fields, first
}

// joinAnd lists items as people write them: "a", "a and b", "a, b and c".
func joinAnd(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}
