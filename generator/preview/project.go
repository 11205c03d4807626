package preview

import (
	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/generator"
)

// A project is what the server previews: one plan, or a portal of plans.
type project interface {
	// update applies changes (nil: everything) and keeps the last good
	// site if the plan has errors.
	update(changed []string) outcome
	// file returns a file of the last good site.
	file(name string) ([]byte, bool)
	// known reports whether a path was read as part of the plan.
	known(name string) bool
	// committed reports whether a commit was made since the last update.
	committed() bool
}

type outcome struct {
	diags    content.Diagnostics
	err      error // a failure that is not the plan's, such as a broken template
	rendered int
	pages    int // pages in the site, if known
	note     string
}

// planProject previews one plan.
type planProject struct{ *generator.LivePlan }

func newPlanProject(dir string, opt generator.PreviewOptions) planProject {
	return planProject{generator.NewLivePlan(dir, opt)}
}

func (p planProject) update(changed []string) outcome {
	res, err := p.Update(changed)
	return outcome{diags: res.Diagnostics, err: err, rendered: res.Rendered, pages: res.Pages, note: res.Note}
}

func (p planProject) committed() bool { return p.HistoryMoved() }

func (p planProject) file(name string) ([]byte, bool) { return p.File(name) }
func (p planProject) known(name string) bool          { return p.Known(name) }

// portalProject previews a portal.
type portalProject struct {
	b *generator.PortalIncremental
}

func (p *portalProject) update(changed []string) outcome {
	up, err := p.b.Update(changed)
	return outcome{diags: up.Diagnostics, err: err, rendered: up.Rendered}
}

func (p *portalProject) file(name string) ([]byte, bool) { return p.b.File(name) }
func (p *portalProject) known(name string) bool          { return p.b.Known(name) }
func (p *portalProject) committed() bool                 { return false }
