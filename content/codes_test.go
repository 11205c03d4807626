package content

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// docTables reads the two tables of docs/diagnostics.md's "Codes" section:
// code → [severity, meaning] and code → [example, fix].
func docTables(t *testing.T) (meaning, examples map[string][2]string) {
	t.Helper()
	doc, err := os.ReadFile("../docs/diagnostics.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(doc), "\n## Codes\n")
	if !ok {
		t.Fatal("docs/diagnostics.md has no Codes section")
	}
	var tables []map[string][2]string
	var cur map[string][2]string
	for _, line := range strings.Split(section, "\n") {
		if !strings.HasPrefix(line, "| `") {
			cur = nil
			continue
		}
		if cur == nil {
			cur = map[string][2]string{}
			tables = append(tables, cur)
		}
		cells := strings.Split(strings.Trim(line, "|"), " | ")
		if len(cells) != 3 {
			t.Fatalf("docs/diagnostics.md: want 3 cells in %q", line)
		}
		code := strings.Trim(strings.TrimSpace(cells[0]), "`")
		if _, dup := cur[code]; dup {
			t.Errorf("docs/diagnostics.md lists %s twice in one table", code)
		}
		cur[code] = [2]string{strings.TrimSpace(cells[1]), strings.TrimSpace(cells[2])}
	}
	if len(tables) != 2 {
		t.Fatalf("docs/diagnostics.md: want 2 tables under Codes, found %d", len(tables))
	}
	return tables[0], tables[1]
}

// TestCodesDocumented fails when a code is added without its entry in
// docs/diagnostics.md, or an entry differs from Codes.
func TestCodesDocumented(t *testing.T) {
	meaning, examples := docTables(t)
	known := map[string]bool{}
	for _, ci := range Codes {
		c := string(ci.Code)
		if known[c] {
			t.Errorf("Codes lists %s twice", c)
		}
		known[c] = true
		want := [2]string{ci.Severity.String(), ci.Description}
		if got, ok := meaning[c]; !ok {
			t.Errorf("docs/diagnostics.md: no row for %s; add | `%s` | %s | %s |", c, c, want[0], want[1])
		} else if got != want {
			t.Errorf("docs/diagnostics.md: %s is documented as %q, Codes says %q", c, got, want)
		}
		if ex, ok := examples[c]; !ok || ex[0] == "" || ex[1] == "" {
			t.Errorf("docs/diagnostics.md: no example and fix for %s", c)
		}
	}
	for _, table := range []map[string][2]string{meaning, examples} {
		for c := range table {
			if !known[c] {
				t.Errorf("docs/diagnostics.md documents %s, which is not in Codes", c)
			}
		}
	}
}

// TestCodeConstantsListed checks that every Code constant has an entry in
// Codes.
func TestCodeConstantsListed(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "codes.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			lit, ok := vs.Values[0].(*ast.BasicLit)
			if !ok {
				continue
			}
			c, _ := strconv.Unquote(lit.Value)
			if _, ok := Code(c).Info(); !ok {
				t.Errorf("%s = %q is not in Codes", vs.Names[0].Name, c)
			}
		}
	}
}

// TestCodesUsed reads the package's source and checks that every code given
// as a string literal is a known code, reported with its severity.
func TestCodesUsed(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			for _, u := range codeUses(n) {
				checkCodeUse(t, fset.Position(u.expr.Pos()).String(), u)
			}
			return true
		})
	}
}

type codeUse struct {
	expr ast.Expr
	sev  Severity
	any  bool // the severity is not known from the call
}

// codeUses finds the code arguments of errorf, warnf and settingsError calls
// and the Code fields of Diagnostic literals.
func codeUses(n ast.Node) []codeUse {
	switch n := n.(type) {
	case *ast.CallExpr:
		var name string
		switch fn := n.Fun.(type) {
		case *ast.SelectorExpr:
			name = fn.Sel.Name
		case *ast.Ident:
			name = fn.Name
		}
		if len(n.Args) < 2 {
			return nil
		}
		switch name {
		case "errorf", "settingsError":
			return []codeUse{{expr: n.Args[1], sev: Error}}
		case "warnf":
			return []codeUse{{expr: n.Args[1], sev: Warning}}
		}
	case *ast.KeyValueExpr:
		if k, ok := n.Key.(*ast.Ident); ok && k.Name == "Code" {
			return []codeUse{{expr: n.Value, any: true}}
		}
	}
	return nil
}

func checkCodeUse(t *testing.T, at string, u codeUse) {
	t.Helper()
	var c Code
	switch e := u.expr.(type) {
	case *ast.BasicLit:
		s, _ := strconv.Unquote(e.Value)
		c = Code(s)
	case *ast.Ident:
		if !strings.HasPrefix(e.Name, "Code") {
			return // a parameter passed on
		}
		ci, ok := codeConstant(e.Name)
		if !ok {
			t.Errorf("%s: %s is not in Codes", at, e.Name)
			return
		}
		c = ci
	default:
		return
	}
	ci, ok := c.Info()
	switch {
	case !ok:
		t.Errorf("%s: code %q is not in Codes (content/codes.go)", at, c)
	case !u.any && ci.Severity != u.sev:
		t.Errorf("%s: %s is reported as %s, Codes says %s", at, c, u.sev, ci.Severity)
	}
}

// codeConstant maps a constant's name to its value, for the constants whose
// name the test meets in the source.
func codeConstant(name string) (Code, bool) {
	f, err := parser.ParseFile(token.NewFileSet(), "codes.go", nil, 0)
	if err != nil {
		return "", false
	}
	obj := f.Scope.Lookup(name)
	if obj == nil {
		return "", false
	}
	vs, ok := obj.Decl.(*ast.ValueSpec)
	if !ok {
		return "", false
	}
	lit, ok := vs.Values[0].(*ast.BasicLit)
	if !ok {
		return "", false
	}
	s, _ := strconv.Unquote(lit.Value)
	return Code(s), true
}

// TestPlanfsCodesKnown checks that the codes internal/planfs gives as
// strings are registered codes.
func TestPlanfsCodesKnown(t *testing.T) {
	files, _ := filepath.Glob("../internal/planfs/*.go")
	re := regexp.MustCompile(`Code: "([a-z-]+)"`)
	n := 0
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			n++
			if ci, ok := Code(m[1]).Info(); !ok || ci.Severity != Error {
				t.Errorf("%s: code %q is not an error code in Codes", name, m[1])
			}
		}
	}
	if n == 0 {
		t.Error("found no codes in internal/planfs")
	}
}
