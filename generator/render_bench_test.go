package generator

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/synth"
	"github.com/trellis-pl/trellis/themes"
)

// benchDistrict plans the site of one synthetic district, as a portal does.
func benchDistrict(b *testing.B) (*sitePlan, *theme) {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "portal")
	if _, err := synth.Write(dir, 1, 1, false); err != nil {
		b.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	var plan *content.Plan
	for _, e := range entries {
		if e.IsDir() {
			var ds content.Diagnostics
			if plan, ds = content.LoadDir(filepath.Join(dir, e.Name())); ds.HasErrors() {
				b.Fatal(ds)
			}
		}
	}
	th, err := loadTheme(themes.Default(), nil)
	if err != nil {
		b.Fatal(err)
	}
	sp, err := planSite(plan, variant{root: "d/"})
	if err != nil {
		b.Fatal(err)
	}
	return sp, th
}

// BenchmarkRenderKind renders each kind of page of a synthetic district.
func BenchmarkRenderKind(b *testing.B) {
	sp, th := benchDistrict(b)
	byKind := map[string][]*Page{}
	var kinds []string
	for _, p := range sp.pages {
		if byKind[p.Kind] == nil {
			kinds = append(kinds, p.Kind)
		}
		byKind[p.Kind] = append(byKind[p.Kind], p)
	}
	for _, k := range kinds {
		b.Run(k, func(b *testing.B) {
			r := &pageRenderer{th: th}
			for b.Loop() {
				for _, p := range byKind[k] {
					if _, err := r.page(p); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkRenderDistrict renders a synthetic district's site into memory,
// minified and not.
func BenchmarkRenderDistrict(b *testing.B) {
	sp, th := benchDistrict(b)
	for _, minify := range []bool{false, true} {
		name := map[bool]string{false: "plain", true: "minified"}[minify]
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				w := &memWriter{files: map[string][]byte{}, minify: minify}
				if _, err := renderPlan(sp, th, w, nil, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBuildExample builds the cedar-valley example's site, as
// `trellis build examples/cedar-valley` does after loading it.
func BenchmarkBuildExample(b *testing.B) {
	plan, ds := content.LoadDir("../examples/cedar-valley")
	if ds.HasErrors() {
		b.Fatal(ds)
	}
	out := filepath.Join(b.TempDir(), "site")
	for b.Loop() {
		if _, err := Build(plan, BuildOptions{Out: out, PlanDir: "../examples/cedar-valley", Minify: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadTheme parses the default theme's templates.
func BenchmarkLoadTheme(b *testing.B) {
	for b.Loop() {
		if _, err := loadTheme(themes.Default(), nil); err != nil {
			b.Fatal(err)
		}
	}
}
