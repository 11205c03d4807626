package generator

import (
	"sync"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/history"
)

// LivePlan is one plan kept loaded and built in memory, for trellis serve:
// an update reloads the files that changed and renders again the pages
// that depend on them. While the plan has errors, the last good site is
// kept and changes add up until it loads again. Serve uses one for a plan,
// and one per district in a portal (see PortalIncremental).
type LivePlan struct {
	dir   string
	cache *content.Cache
	inc   *Incremental

	mu      sync.RWMutex // guards files and how they are kept
	files   map[string][]byte
	deflate bool // files are deflated against dict (see deflate.go)
	dict    []byte
	pending []string // changed since the last good build; nil: everything

	log  *history.Log // the plan's git history, read again after each commit
	note string       // why history is partial or absent, said once
}

// Reload is what one LivePlan.Update did.
type Reload struct {
	// Diagnostics are the plan's, and warnings about its output.
	Diagnostics content.Diagnostics
	// Plan is the plan loaded, or nil if it has errors.
	Plan     *content.Plan
	Rendered int // pages rendered
	Pages    int // pages in the site
	// Note says once that the plan's history is partial or absent.
	Note string
}

// NewLivePlan returns a live plan for the plan in dir, built on the first
// Update.
func NewLivePlan(dir string, opt PreviewOptions) *LivePlan {
	return &LivePlan{dir: dir, cache: content.NewCache(), inc: NewIncremental(dir, opt)}
}

// Update applies changes (slash paths relative to the plan folder; nil:
// anything may have changed). An error is a failure that is not the
// plan's, such as a broken template.
func (l *LivePlan) Update(changed []string) (Reload, error) {
	if changed == nil {
		l.pending = nil
	} else if l.pending != nil {
		l.pending = append(l.pending, changed...)
	}
	l.cache.Forget(changed...)
	plan, diags := content.LoadDirCached(l.dir, l.cache)
	if diags.HasErrors() {
		return Reload{Diagnostics: diags}, nil
	}
	if l.refreshHistory(plan) {
		l.pending = nil // every page's last-updated line may have changed
	}
	up, err := l.inc.Update(plan, l.pending)
	if dg, ok := asDiagnostic(err); ok {
		return Reload{Diagnostics: append(diags, dg)}, nil
	}
	if err != nil {
		return Reload{Diagnostics: diags}, err
	}
	l.mu.Lock()
	l.files, l.deflate, l.dict, l.pending = up.Files, up.compressed, up.dict, []string{}
	l.mu.Unlock()
	diags = append(diags, up.Warnings...)
	diags.Sort()
	return Reload{Diagnostics: diags, Plan: plan, Rendered: up.Rendered, Pages: up.Pages, Note: l.takeNote()}, nil
}

// refreshHistory reads the history again after a commit, and otherwise
// compares the plan's files with the last commit. It reports whether
// every page must be rendered again.
func (l *LivePlan) refreshHistory(plan *content.Plan) bool {
	if l.log != nil && l.log.Head() == l.log.ReadAt() {
		moved, err := l.log.MarkUncommitted(l.dir, planFiles(plan))
		if err == nil {
			if moved {
				l.inc.hist = newPlanHistory(l.log, true)
			}
			return moved
		}
	}
	log, err := OpenHistory(l.dir, plan, true)
	if l.log != nil && l.log.ReadAt() != "" && (err != nil || log.ReadAt() == "") {
		// Most likely a commit being written as we read (HEAD missing for
		// a moment): keep the history we have; HistoryMoved stays true,
		// so the next look reads again.
		return false
	}
	if err != nil {
		l.log, l.inc.hist, l.note = nil, nil, "note: the plan's history was not read: "+err.Error()
		return true
	}
	if l.log == nil {
		l.note = log.Note()
	}
	l.log, l.inc.hist = log, newPlanHistory(log, true)
	return true
}

// takeNote returns the note about history once.
func (l *LivePlan) takeNote() string {
	n := l.note
	l.note = ""
	return n
}

// HistoryMoved reports whether a commit was made (HEAD moved) since the
// history was read: serve then updates the site.
func (l *LivePlan) HistoryMoved() bool {
	return l.log != nil && l.log.Head() != l.log.ReadAt()
}

// File returns a file of the last good site (a slash path, cleaned).
func (l *LivePlan) File(name string) ([]byte, bool) {
	l.mu.RLock()
	data, ok := l.files[name]
	compressed, dict := l.deflate, l.dict
	l.mu.RUnlock()
	if ok && compressed {
		var err error
		if data, err = inflate(data, dict); err != nil {
			return nil, false // cannot happen: deflate wrote it
		}
	}
	return data, ok
}

// Known reports whether a path (relative to the plan folder) was read as
// part of the plan.
func (l *LivePlan) Known(name string) bool { return l.cache.Known(name) }
