package preview

import (
	"sync"

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
}

type outcome struct {
	diags    content.Diagnostics
	err      error // a failure that is not the plan's, such as a broken template
	rendered int
	pages    int // pages in the site, if known
}

// planProject previews one plan.
type planProject struct {
	dir   string
	cache *content.Cache
	inc   *generator.Incremental

	mu      sync.RWMutex
	site    map[string][]byte
	pending []string // changed since the last good build; nil: everything
}

func newPlanProject(dir string, opt generator.Options) *planProject {
	opt.PlanDir = dir
	return &planProject{dir: dir, cache: content.NewCache(), inc: generator.NewIncremental(opt)}
}

func (p *planProject) update(changed []string) outcome {
	// While the plan is broken, changes add up.
	if changed == nil {
		p.pending = nil
	} else if p.pending != nil {
		p.pending = append(p.pending, changed...)
	}
	p.cache.Forget(changed...)
	plan, diags := content.LoadDirCached(p.dir, p.cache)
	if diags.HasErrors() {
		return outcome{diags: diags}
	}
	up, err := p.inc.Update(plan, p.pending)
	if err != nil {
		return outcome{diags: diags, err: err}
	}
	p.mu.Lock()
	p.site, p.pending = up.Files, []string{}
	p.mu.Unlock()
	return outcome{diags: diags, rendered: up.Rendered, pages: up.Pages}
}

func (p *planProject) file(name string) ([]byte, bool) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	data, ok := p.site[name]
	return data, ok
}

func (p *planProject) known(name string) bool { return p.cache.Known(name) }

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
