package generator

// The default theme's standards pages in Go (layouts/standards.html,
// standard.html, coverage.html) and the partials of
// layouts/partials/standard.html; see compiled.go.

import "fmt"

// planStandards writes what {{cached "plan-standards" .Site.Set}} writes
// on the plan page.
func planStandards(w *hw, p *Page) error {
	set := p.Site.Set
	if set == nil {
		return fmt.Errorf("cached %q: the site has no standards set", "plan-standards")
	}
	w.s("<p>")
	w.text(set.Summary)
	w.s("</p>\n")
	for _, st := range set.Standards {
		w.s("<h3>")
		w.text(st.Name)
		w.s("</h3>\n<p>")
		w.text(st.Summary)
		w.s("</p>\n<p><strong>")
		if set.ElementPlural != "" {
			w.text(title(set.ElementPlural))
		} else {
			w.text(title(set.ElementWord()))
			w.s("s")
		}
		w.s(":</strong> ")
		for i, e := range st.Elements {
			if i > 0 {
				w.s("; ")
			}
			w.text(e.Name)
		}
		w.s(".</p>\n")
	}
	w.s("\n<p class=\"muted\">")
	w.t("standards.source", "source", set.Source)
	w.s("</p>")
	return nil
}
