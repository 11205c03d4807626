package generator

import (
	"fmt"
	"sync"
	"time"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/history"
	"github.com/trellis-pl/trellis/internal/planfs"
)

// planHistory is the planner's view of the plan's git history: the log,
// and the plan as it was at the last adopted version (the last tag
// matching version_tags), loaded once (by the first of the languages'
// planners to ask).
type planHistory struct {
	mu      sync.Mutex
	log     *history.Log
	pattern string       // version_tags, when since was chosen
	since   *history.Tag // the last adopted version, if any
	old     *content.Plan
	oldErr  string // why the plan at since could not be loaded
	serve   bool   // uncommitted changes are marked
}

// newPlanHistory prepares a log for the planner; nil if there is none.
func newPlanHistory(log *history.Log, serve bool) *planHistory {
	if log == nil || len(log.Commits) == 0 {
		return nil
	}
	return &planHistory{log: log, serve: serve}
}

// adopted returns the last version matching pattern and the plan at it,
// loading it the first time it is asked for.
func (h *planHistory) adopted(pattern string) (*history.Tag, *content.Plan, string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.since != nil && h.pattern == pattern || pattern == "" {
		return h.since, h.old, h.oldErr
	}
	h.pattern, h.since, h.old, h.oldErr = pattern, nil, nil, ""
	tags := h.log.Versions(pattern)
	if len(tags) == 0 {
		return nil, nil, ""
	}
	h.since = &tags[len(tags)-1]
	h.old, h.oldErr = planAt(h.log, *h.since)
	return h.since, h.old, h.oldErr
}

// planAt loads the plan as it was at a tag; a plan with errors there is
// not returned, and the reason is.
func planAt(log *history.Log, tag history.Tag) (*content.Plan, string) {
	fsys, err := log.PlanAt(tag.Commit)
	if err != nil {
		return nil, err.Error()
	}
	plan, diags := content.Load(fsys)
	if plan == nil || diags.HasErrors() {
		first := "it is not a plan"
		for _, d := range diags {
			if d.Severity == content.Error {
				first = d.String()
				break
			}
		}
		return nil, fmt.Sprintf("the plan at %s has errors (%s)", tag.Name, first)
	}
	return plan, ""
}

// LastUpdated is what a page says about when it last changed.
type LastUpdated struct {
	Date        string // "January 2, 2026", "" if no commit changed it
	ISO         string // 2026-01-02
	Whole       bool   // the date is the plan's last change (the home page)
	Uncommitted bool   // its files have changes not committed yet (serve)
	Changes     string // a link to the Changes page
}

// LastUpdated returns the page's last-updated line, or nil without history.
func (p *Page) LastUpdated() *LastUpdated { return p.updated }

// historySources lists the plan files whose commits date a page: the
// files it shows (nil: the whole plan).
func (s *Site) historySources(p *Page) []string {
	switch p.Kind {
	case "home", "plan", "changes", "search":
		return nil
	case "district":
		return []string{content.DistrictFile}
	case "accessibility", "budget":
		return append(s.deps(p), content.SettingsFile)
	case "standards", "standard", "coverage":
		d := s.deps(p)
		if s.Set != nil && s.Set.File != "" {
			d = append(d, s.Set.File)
		}
		return append(d, content.SettingsFile)
	}
	return s.deps(p)
}

// dateUpdates gives each page its last-updated line.
func (sp *sitePlan) dateUpdates(h *planHistory, changes *Page) {
	for _, p := range sp.pages {
		if p.Kind == "404" {
			continue
		}
		files := sp.site.historySources(p)
		u := &LastUpdated{Whole: files == nil}
		if when, ok := h.log.LastChanged(files...); ok {
			u.Date, u.ISO = longDate(when), when.Format("2006-01-02")
		}
		u.Uncommitted = h.serve && h.log.HasUncommitted(files...)
		if changes != nil && p != changes {
			u.Changes = p.Rel("changes/")
		}
		p.updated = u
	}
}

// longDate formats a date as the rest of the site does: "January 2, 2026".
func longDate(t time.Time) string { return t.Format("January 2, 2006") }

// OpenHistory reads the history of the plan folder dir, with the size
// limits of the loader. serve also marks the plan files that differ from
// the last commit (files: those of plan).
func OpenHistory(dir string, plan *content.Plan, serve bool) (*history.Log, error) {
	opt := history.Options{MaxFileSize: planfs.MaxFileSize}
	if serve && plan != nil {
		opt.Uncommitted = planFiles(plan)
	}
	return history.Open(dir, opt)
}

// planFiles lists every file a plan was read from.
func planFiles(plan *content.Plan) []string {
	files := []string{content.SettingsFile, content.DistrictFile, content.BeliefsFile}
	if plan.Standards != nil && plan.Standards.File != "" {
		files = append(files, plan.Standards.File)
	}
	for f := range planSources(plan) {
		files = append(files, f)
	}
	return files
}
