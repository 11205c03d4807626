package content

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"

	"github.com/trellis-pl/trellis/internal/i18n"
	"github.com/trellis-pl/trellis/themes"
)

// PortalFile holds a portal's own settings. It is optional: a folder
// without trellis.toml whose sub-folders are plans is a portal too.
const PortalFile = "portal.toml"

// PortalSettings is portal.toml.
type PortalSettings struct {
	Pos      Position `json:"-"`
	Title    string   `toml:"title" json:"title" doc:"The portal's title. Default: Professional Learning Plans."`
	Agency   string   `toml:"agency" json:"agency,omitempty" doc:"The state agency or service center that publishes the portal."`
	BaseURL  string   `toml:"base_url" json:"base_url,omitempty" doc:"The address the portal is published at."`
	Language string   `toml:"language" json:"language" doc:"The language of the portal's own pages. Default: en."`
	// Translations are the other languages of the portal's own pages.
	Translations []string `toml:"translations" json:"translations,omitempty" doc:"Other languages of the portal's own pages, such as [\"es\"]; each district is published in its own languages."`
	// UnsafeHTML is nil when portal.toml does not say: each district's
	// own setting holds.
	UnsafeHTML *bool `toml:"unsafe_html" json:"-" doc:"false forbids raw HTML in every district's Markdown, whatever the district's own unsafe_html says. Default: each district decides."`
}

// ForbidsRawHTML reports whether portal.toml says unsafe_html = false.
func (s PortalSettings) ForbidsRawHTML() bool { return s.UnsafeHTML != nil && !*s.UnsafeHTML }

// Portal is a folder of district plans published side by side, as a state
// agency or regional service center does.
type Portal struct {
	Dir       string
	Settings  PortalSettings
	Districts []DistrictRef // in folder-name order
}

// DistrictRef is one district plan of a portal, not yet loaded.
type DistrictRef struct {
	Folder string // the sub-folder's name, as it appears in diagnostics
	Slug   string // its address in the portal's site
	Path   string // the sub-folder's path
}

// IsPortal reports whether dir is a portal: it has no trellis.toml, and it
// has portal.toml or a sub-folder with trellis.toml.
func IsPortal(dir string) bool {
	if _, err := os.Stat(filepath.Join(dir, SettingsFile)); err == nil {
		return false
	}
	if _, err := os.Stat(filepath.Join(dir, PortalFile)); err == nil {
		return true
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if e.IsDir() {
			if _, err := os.Stat(filepath.Join(dir, e.Name(), SettingsFile)); err == nil {
				return true
			}
		}
	}
	return false
}

// OpenPortal reads a portal's settings and lists its districts. It does not
// load the plans: Load each DistrictRef, or use EachDistrict.
func OpenPortal(dir string) (*Portal, Diagnostics) {
	p := &Portal{Dir: dir}
	var diags Diagnostics
	if data, err := os.ReadFile(filepath.Join(dir, PortalFile)); err == nil {
		doc := parseFile(PortalFile, data, false).decode(&diags, &p.Settings)
		if doc == nil {
			diags.Sort()
			return nil, diags
		}
		checkBaseURL(doc, p.Settings.BaseURL)
		if p.Settings.Language != "" {
			set, problems := i18n.Load(themes.Default(), os.DirFS(dir))
			for _, pr := range problems {
				diags = append(diags, catalogueDiagnostic(pr))
			}
			if tag, ok := checkTag(doc, "language", p.Settings.Language, set); ok {
				p.Settings.Language = tag
			}
		}
		var langs []string
		for i, t := range p.Settings.Translations {
			set, _ := i18n.Load(themes.Default(), os.DirFS(dir))
			if tag, ok := checkTag(doc, pathOf("translations", i), t, set); ok && tag != p.Settings.Language {
				langs = append(langs, tag)
			}
		}
		p.Settings.Translations = langs
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, Diagnostics{{File: PortalFile, Severity: Error, Code: "unreadable-file", Message: "cannot read the file: " + plainError(err)}}
	}
	if p.Settings.Title == "" {
		p.Settings.Title = "Professional Learning Plans"
	}
	if p.Settings.Language == "" {
		p.Settings.Language = "en"
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, Diagnostics{{File: dir, Severity: Error, Code: "not-a-plan", Message: "cannot read the portal folder: " + plainError(err)}}
	}
	slugs := map[string]string{}
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || name[0] == '.' {
			continue
		}
		path := filepath.Join(dir, name)
		if _, err := os.Stat(filepath.Join(path, SettingsFile)); err != nil {
			continue
		}
		if use, ok := portalFolders[name]; ok {
			diags = append(diags, Diagnostic{File: name + "/", Severity: Error, Code: CodeReservedFolder,
				Message: "the folder " + name + " holds a plan (its " + SettingsFile + "), but a portal's " + name + "/ is " + use + ", not a district",
				Hint:    "rename the folder, for example to " + name + "-district"})
			continue
		}
		slug := IDFromFileName(name + ".md")
		if other, ok := slugs[slug]; ok {
			diags = append(diags, Diagnostic{File: name + "/", Severity: Error, Code: "duplicate-id",
				Message: "the folders " + other + " and " + name + " would both be published at /" + slug + "/",
				Hint:    "rename one of the folders"})
			continue
		}
		slugs[slug] = name
		p.Districts = append(p.Districts, DistrictRef{Folder: name, Slug: slug, Path: path})
	}
	sort.Slice(p.Districts, func(i, j int) bool { return p.Districts[i].Folder < p.Districts[j].Folder })
	if len(p.Districts) == 0 {
		diags = append(diags, Diagnostic{File: ".", Severity: Error, Code: "not-a-plan",
			Message: "this folder is neither a plan nor a portal: no sub-folder has a trellis.toml",
			Hint:    "a portal is a folder of plan folders, each with its own trellis.toml"})
	}
	diags.Sort()
	return p, diags
}

// portalFolders are the folders of a portal that are not districts, and
// what each is.
var portalFolders = map[string]string{
	"public":  "the site's default output folder",
	"layouts": "the portal's own templates",
	"static":  "the portal's own files, copied to the site as they are",
	"i18n":    "the portal's own message catalogues",
}

// Load loads and checks one district's plan. File names in the
// diagnostics start with the district's folder.
func (d DistrictRef) Load() (*Plan, Diagnostics) {
	plan, diags := LoadDir(d.Path)
	return plan, diags.Prefix(d.Folder)
}

// EachDistrict loads every district of the portal with a bounded pool of
// workers (runtime.GOMAXPROCS when workers < 1) and calls fn with each
// plan as it is loaded, from several goroutines at once. Only a worker's
// current plan is held in memory. It returns all diagnostics, sorted.
func (p *Portal) EachDistrict(workers int, fn func(i int, d DistrictRef, plan *Plan, diags Diagnostics)) Diagnostics {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	var (
		mu  sync.Mutex
		all Diagnostics
		wg  sync.WaitGroup
	)
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				d := p.Districts[i]
				plan, diags := d.Load()
				if fn != nil {
					fn(i, d, plan, diags)
				}
				if len(diags) > 0 {
					mu.Lock()
					all = append(all, diags...)
					mu.Unlock()
				}
			}
		}()
	}
	for i := range p.Districts {
		next <- i
	}
	close(next)
	wg.Wait()
	all.Sort()
	return all
}
