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
// --- lines) to TOML, or returns false for YAML it does not know (tables
// within tables, blocks of text). A nested mapping becomes a [table] and a
// list of mappings [[tables]], written after the other keys as TOML wants.
func yamlToTOML(lines []string) ([]string, bool) {
	var out, tables []string
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
		var block []string
		for i+1 < len(lines) && yamlIndent.MatchString(lines[i+1]) {
			i++
			block = append(block, strings.TrimRight(lines[i], " \t\r"))
		}
		conv, table, ok := yamlBlock(m[1], block)
		if !ok {
			return nil, false
		}
		if table {
			tables = append(tables, conv...)
		} else {
			out = append(out, conv...)
		}
	}
	return append(out, tables...), true
}

// yamlIndent matches an indented line that is not blank.
var yamlIndent = regexp.MustCompile(`^\s+\S`)

// yamlInner matches an indented key: value line.
var yamlInner = regexp.MustCompile(`^\s+(?:-\s+)?([A-Za-z0-9_-]+)\s*:\s*(.*)$`)

// yamlBlock converts the indented lines under key: a list of values, a list
// of mappings or one mapping. It reports whether the result is a table.
func yamlBlock(key string, block []string) ([]string, bool, bool) {
	if len(block) == 0 {
		return nil, false, false
	}
	first := yamlItem.FindStringSubmatch(block[0])
	if first != nil && !yamlKey.MatchString(first[1]) {
		var items []string
		for _, l := range block {
			m := yamlItem.FindStringSubmatch(l)
			if m == nil {
				return nil, false, false
			}
			items = append(items, yamlValue(m[1]))
		}
		return []string{key + " = [" + strings.Join(items, ", ") + "]"}, false, true
	}
	var out []string
	if first == nil {
		out = append(out, "", "["+key+"]")
	}
	for _, l := range block {
		if yamlItem.MatchString(l) {
			if first == nil {
				return nil, false, false
			}
			out = append(out, "", "[["+key+"]]")
		}
		m := yamlInner.FindStringSubmatch(l)
		if m == nil || m[2] == "" || strings.HasPrefix(m[2], "|") || strings.HasPrefix(m[2], ">") {
			return nil, false, false
		}
		out = append(out, m[1]+" = "+yamlValue(m[2]))
	}
	return out, true, true
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
			if !ok || len(toml) > 100 {
				return generic
			}
			return "replace the block with this TOML:\n+++\n" + strings.Join(toml, "\n") + "\n+++"
		}
		lines = append(lines, line)
		pos = next
	}
	return generic
}
