package generator

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestImportBoundaries holds the packages to what their docs say they must
// not import.
func TestImportBoundaries(t *testing.T) {
	tests := []struct {
		dir       string
		forbidden []string // import paths, or prefixes ending in "/"
	}{
		{".", []string{"github.com/trellis-pl/trellis/generator/preview", "github.com/trellis-pl/trellis/cmd/", "net/http", "flag"}},
		{"preview", []string{"github.com/trellis-pl/trellis/cmd/", "github.com/tdewolff/minify/v2", "github.com/yuin/goldmark"}},
	}
	for _, tt := range tests {
		files, err := filepath.Glob(filepath.Join(tt.dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no Go files (%v)", tt.dir, err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			ast, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range ast.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				for _, bad := range tt.forbidden {
					if path == bad || strings.HasSuffix(bad, "/") && strings.HasPrefix(path, bad) {
						t.Errorf("%s imports %s", f, path)
					}
				}
			}
		}
	}
}
