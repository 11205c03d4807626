package content

import (
	"regexp"
	"strconv"
	"strings"
)

// Front matter written as YAML, as Jekyll and Hugo take it, is shown
// converted to TOML in the hint, as far as it is simple keys, values and
// lists.

var (
	yamlKey  = regexp.MustCompile(`^([A-Za-z0-9_-]+)\s*:\s*(.*)$`)
	yamlItem = regexp.MustCompile(`^\s+-\s*(.*)$`)
	bareNum  = regexp.MustCompile(`^-?\d+(\.\d+)?$`)
	bareDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

// yamlToTOML converts the YAML lines of a front matter block (without its
// --- lines) to TOML, or returns false for YAML it does not know (nested
// tables, blocks of text).
func yamlToTOML(lines []string) ([]string, bool) {
	var out []string
	for i := 0; i < len(lines); i++ {
		l := strings.TrimRight(lines[i], " \t\r")
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") {
			out = append(out, t)
			continue
		}
		m := yamlKey.FindStringSubmatch(l)
		if m == nil {
			return nil, false
		}
		if m[2] != "" {
			if strings.HasPrefix(m[2], "|") || strings.HasPrefix(m[2], ">") {
				return nil, false
			}
			out = append(out, m[1]+" = "+yamlValue(m[2]))
			continue
		}
		var items []string
		for i+1 < len(lines) && yamlItem.MatchString(lines[i+1]) {
			i++
			items = append(items, yamlValue(yamlItem.FindStringSubmatch(lines[i])[1]))
		}
		if len(items) == 0 {
			return nil, false
		}
		out = append(out, m[1]+" = ["+strings.Join(items, ", ")+"]")
	}
	return out, true
}

// yamlValue writes one YAML scalar or [flow, list] as a TOML value.
func yamlValue(v string) string {
	v = strings.TrimSpace(v)
	switch {
	case strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]"):
		var items []string
		for _, it := range strings.Split(strings.Trim(v, "[]"), ",") {
			if it = strings.TrimSpace(it); it != "" {
				items = append(items, yamlValue(it))
			}
		}
		return "[" + strings.Join(items, ", ") + "]"
	case len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\''):
		return v
	case v == "true" || v == "false" || bareNum.MatchString(v) || bareDate.MatchString(v):
		return v
	}
	return strconv.Quote(v)
}

// yamlHint is the hint for YAML front matter starting at byte off of
// text: the block converted to TOML between +++ lines.
func yamlHint(text string, off int) string {
	const generic = "replace both `---` lines with `+++` and write the keys in TOML: key = \"value\""
	_, pos := lineFrom(text, off)
	var lines []string
	for pos < len(text) {
		line, next := lineFrom(text, pos)
		if strings.TrimSpace(line) == "---" {
			toml, ok := yamlToTOML(lines)
			if !ok || len(toml) > 30 {
				return generic
			}
			return "replace the block with this TOML:\n+++\n" + strings.Join(toml, "\n") + "\n+++"
		}
		lines = append(lines, line)
		pos = next
	}
	return generic
}
