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
		if err := writeNew(filepath.Join(dir, filepath.FromSlash(f.name)), f.tmpl, d); err != nil {
			return written, err
		}
		written = append(written, f.name)
	}
	return written, nil
}

// NewFile adds one goal, activity or partner file, named from name, to the
// plan in dir. It returns the path written, relative to dir.
func NewFile(dir, kind, name string) (string, error) {
	if _, err := os.Stat(filepath.Join(dir, content.SettingsFile)); err != nil {
		return "", fmt.Errorf("no %s here: run `trellis new %s NAME` inside a plan folder", content.SettingsFile, kind)
	}
	// The plan may have errors; use whatever loaded.
	plan, _ := content.LoadDir(dir)
	id := content.IDFromFileName(name + ".md")
	title := strings.TrimSpace(name)
	if title == id {
		title = strings.ReplaceAll(title, "-", " ")
		title = strings.ToUpper(title[:1]) + title[1:]
	}
	d := fileData{ID: id, Title: title, Today: dateOf(time.Now())}
	d.FirstYear = time.Now().Year()
	if plan != nil {
		for y := 1; y <= max(plan.Settings.Years, 1); y++ {
			d.Years = append(d.Years, y)
		}
		if plan.Settings.FirstYear > 0 {
			d.FirstYear = plan.Settings.FirstYear
		}
		if len(plan.Goals) > 0 {
			d.Goal = plan.Goals[0].ID
			d.Goals = quoteIDs([]string{plan.Goals[0].ID})
		}
		if set := plan.Standards; set != nil {
			d.SetName, d.Items = set.Name, set.Items
			d.Standards = quoteIDs(firstStandards(set, 1))
		}
	}
	if d.Goal == "" {
		d.Goal = "goal-id"
	}
	d.Start, d.End = fmt.Sprintf("%d-08-01", d.FirstYear), fmt.Sprintf("%d-05-31", d.FirstYear+1)
	var folder string
	switch kind {
	case "goal":
		folder = content.GoalsDir
	case "activity":
		folder = content.ActivitiesDir
	case "partner":
		folder = content.PartnersDir
	default:
		return "", fmt.Errorf("unknown kind %q: use goal, activity or partner", kind)
	}
	rel := folder + "/" + id + ".md"
	if err := writeNew(filepath.Join(dir, filepath.FromSlash(rel)), kind+".md.tmpl", d); err != nil {
		return "", err
	}
	return rel, nil
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

// writeNew renders a template into a file that must not exist yet.
func writeNew(path, tmpl string, data fileData) error {
	text, err := fs.ReadFile(templates, "templates/"+tmpl)
	if err != nil {
		return err
	}
	t, err := template.New(tmpl).Parse(string(text))
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; choose another name", path)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(buf.Bytes()); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
