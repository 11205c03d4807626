// Package scaffold writes starter files for a plan: a whole new plan, or one
// more goal, activity or partner evaluation. Every file is commented so that
// a coordinator can fill it in without the reference at hand.
package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/trellis-pl/trellis/content"
)

//go:embed templates
var templates embed.FS

// Kinds are the kinds of file NewFile writes.
var Kinds = []string{"goal", "activity", "partner"}

// Options describe the plan NewPlan writes.
type Options struct {
	District  string // default: "Sample School District"
	Standards string // default: learning-forward-2022
	FirstYear int    // default: the school year starting this year (or last, before July)
	Today     time.Time
}

func (o *Options) defaults() {
	if o.District == "" {
		o.District = "Sample School District"
	}
	if o.Standards == "" {
		o.Standards = "learning-forward-2022"
	}
	if o.Today.IsZero() {
		o.Today = time.Now()
	}
	if o.FirstYear == 0 {
		o.FirstYear = o.Today.Year()
		if o.Today.Month() < time.July {
			o.FirstYear--
		}
	}
}

// NewPlan writes a starter plan into dir, which must be empty or not exist.
// It returns the files written, relative to dir.
func NewPlan(dir string, opt Options) ([]string, error) {
	opt.defaults()
	set, err := content.Builtin(opt.Standards)
	if err != nil {
		return nil, err
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("%s is not empty; choose a new folder for the plan", dir)
	}
	data := fileData{
		District: opt.District, Standards: opt.Standards, FirstYear: opt.FirstYear,
		DataYear: fmt.Sprintf("%d–%02d", opt.FirstYear-1, opt.FirstYear%100),
		Years:    []int{1, 2, 3},
		Today:    dateOf(opt.Today),
		SetName:  set.Name,
		Items:    set.Items,
	}
	files := []struct{ name, tmpl string }{
		{content.SettingsFile, "plan/trellis.toml.tmpl"},
		{content.DistrictFile, "plan/district.md.tmpl"},
		{content.BeliefsFile, "plan/beliefs.md.tmpl"},
		{content.GoalsDir + "/student-achievement.md", "goal.md.tmpl"},
		{content.ActivitiesDir + "/collaborative-planning.md", "activity.md.tmpl"},
		{content.PartnersDir + "/sample-partner.md", "partner.md.tmpl"},
	}
	var written []string
	for _, f := range files {
		d := data
		d.ID = content.IDFromFileName(filepath.Base(f.name))
		switch {
		case strings.HasPrefix(f.name, content.GoalsDir):
			d.Title = "Raise student achievement in reading and mathematics"
		case strings.HasPrefix(f.name, content.ActivitiesDir):
			d.Title = "Collaborative planning in grade-level teams"
			d.Goal = "student-achievement"
			d.Standards = quoteIDs(firstStandards(set, 3))
			d.Start, d.End = fmt.Sprintf("%d-08-01", opt.FirstYear), fmt.Sprintf("%d-05-31", opt.FirstYear+1)
		case strings.HasPrefix(f.name, content.PartnersDir):
			d.Title = "Sample Learning Partners"
			d.Goals = quoteIDs([]string{"student-achievement"})
		}
		if _, err := writeNew(filepath.Join(dir, filepath.FromSlash(f.name)), f.tmpl, d); err != nil {
			return written, err
		}
		written = append(written, f.name)
	}
	return written, nil
}

// File is what NewFile wrote.
type File struct {
	Path string   // relative to the plan folder, slash-separated
	ID   string   // the goal's, activity's or partner's id
	Fill []string // the fields still holding starter text, as check names them
	// Refs describes the references NewFile filled in, such as an
	// activity's goal, for the author to confirm.
	Refs []string
}

// NewFile adds one goal, activity or partner file, named from name, to the
// plan in dir. When the folder's files are numbered (01-reading.md), the
// new file takes the next number, so that the order of the others stays.
func NewFile(dir, kind, name string) (File, error) {
	folder, ok := map[string]string{"goal": content.GoalsDir, "activity": content.ActivitiesDir, "partner": content.PartnersDir}[kind]
	if !ok {
		return File{}, fmt.Errorf("unknown kind %q: use goal, activity or partner", kind)
	}
	if _, err := os.Stat(filepath.Join(dir, content.SettingsFile)); err != nil {
		return File{}, fmt.Errorf("no %s here: run `trellis new %s NAME` inside a plan folder", content.SettingsFile, kind)
	}
	id := content.IDFromFileName(name + ".md")
	if id == "" {
		return File{}, fmt.Errorf("%q has no letters or digits to make a file name from", name)
	}
	title := strings.TrimSpace(name)
	if title == id {
		title = strings.ReplaceAll(title, "-", " ")
		title = strings.ToUpper(title[:1]) + title[1:]
	}
	// The plan may have errors; use whatever loaded.
	plan, _ := content.LoadDir(dir)
	d, refs := fileDataFor(plan, id, title, kind)
	rel := folder + "/" + nextNumber(filepath.Join(dir, folder), id) + id + ".md"
	text, err := writeNew(filepath.Join(dir, filepath.FromSlash(rel)), kind+".md.tmpl", d)
	if err != nil {
		return File{}, err
	}
	return File{Path: rel, ID: id, Fill: content.StarterFields(rel, text), Refs: refs}, nil
}

// fileDataFor fills the template data of a new file from the plan.
func fileDataFor(plan *content.Plan, id, title, kind string) (fileData, []string) {
	d := fileData{ID: id, Title: title, Today: dateOf(time.Now()), FirstYear: time.Now().Year(), Goal: "goal-id"}
	var refs []string
	if plan != nil {
		for y := 1; y <= max(plan.Settings.Years, 1); y++ {
			d.Years = append(d.Years, y)
		}
		if plan.Settings.FirstYear > 0 {
			d.FirstYear = plan.Settings.FirstYear
		}
		if len(plan.Goals) > 0 {
			g := plan.Goals[len(plan.Goals)-1]
			d.Goal, d.Goals = g.ID, quoteIDs([]string{g.ID})
			if kind != "goal" {
				refs = append(refs, goalRef(plan, g, kind))
			}
		}
		if set := plan.Standards; set != nil {
			d.SetName, d.Items = set.Name, set.Items
			d.Standards = quoteIDs(firstStandards(set, 1))
		}
	}
	d.Start, d.End = fmt.Sprintf("%d-08-01", d.FirstYear), fmt.Sprintf("%d-05-31", d.FirstYear+1)
	return d, refs
}

// goalRef says which goal a new activity or partner names, and the others.
func goalRef(plan *content.Plan, g *content.Goal, kind string) string {
	key := "goal"
	if kind == "partner" {
		key = "goals"
	}
	msg := fmt.Sprintf("%s names goal %q (%s)", key, g.ID, g.Title)
	if len(plan.Goals) > 1 {
		var others []string
		for _, o := range plan.Goals[:len(plan.Goals)-1] {
			others = append(others, o.ID)
		}
		msg += "; the plan's other goals: " + strings.Join(others, ", ")
	}
	return msg
}

var numbered = regexp.MustCompile(`^(\d+)-`)

// nextNumber returns the prefix for a new file named id+".md" in folder:
// "" when its Markdown files are not numbered, else the number after the
// highest, with as many digits ("04-" after "03-intro.md", "3-" after
// "2-math.md"). Files are read in name order, so a number that would sort
// the new file before the others ("10-" after "9-") is not used: the file is
// then left unnumbered, which sorts after numbered names.
func nextNumber(folder, id string) string {
	entries, _ := os.ReadDir(folder)
	high, width, last, any := 0, 1, "", false
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		last = max(last, e.Name())
		m := numbered.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		n, err := strconv.Atoi(m[1])
		if err != nil {
			continue
		}
		any = true
		high, width = max(high, n), max(width, len(m[1]))
	}
	if !any {
		return ""
	}
	if p := fmt.Sprintf("%0*d-", width, high+1); p+id+".md" > last {
		return p
	}
	return ""
}

type fileData struct {
	District, Standards, DataYear string
	FirstYear                     int
	Years                         []int
	ID, Title, Goal, Goals        string
	Start, End                    string
	Today                         string
	SetName                       string
	Items                         []content.EvaluationItem
}

func dateOf(t time.Time) string { return t.Format("2006-01-02") }

func firstStandards(set *content.StandardsSet, n int) []string {
	var ids []string
	for i := 0; i < n && i < len(set.Standards); i++ {
		ids = append(ids, set.Standards[i].ID)
	}
	return ids
}

func quoteIDs(ids []string) string {
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = strconv.Quote(id)
	}
	return strings.Join(q, ", ")
}

// writeNew renders a template into a file that must not exist yet, and
// returns the text written.
func writeNew(path, tmpl string, data fileData) (string, error) {
	text, err := fs.ReadFile(templates, "templates/"+tmpl)
	if err != nil {
		return "", err
	}
	t, err := template.New(tmpl).Parse(string(text))
	if err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("%s already exists; choose another name", path)
	}
	if err != nil {
		return "", err
	}
	if _, err := f.Write(buf.Bytes()); err != nil {
		f.Close()
		return "", err
	}
	return buf.String(), f.Close()
}
