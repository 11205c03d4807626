// Package generator turns a validated plan, or a portal of plans, into a
// static website. It knows nothing about flags or terminals: callers give
// it a content.Plan (or content.Portal) and options, and get the site.
//
// One path runs through it, whoever the caller:
//
//   - the planner (planner.go, pages.go) lists a site's pages, each a
//     template kind, an address and its data, and the data files beside
//     them, and says which pages depend on which plan files. A variant
//     (where the site is published, where in a portal it lives, the plan's
//     git history from internal/history, an earlier version under
//     versions/TAG/) is its one other input (history.go, changes.go,
//     versions.go);
//   - the renderer (render.go) turns pages into bytes, the same loop for
//     plan builds, portal districts and serve (a plan's languages and
//     versions each go through it at once, a portal's districts likewise,
//     one per processor). The default theme's page
//     kinds are written in Go as well as in templates (compiled.go, the
//     frame in compiled_frame.go, a file per group of kinds), with the
//     same bytes; a kind whose templates the plan or portal overrides
//     runs its html/template set from baseof.html down instead, and
//     what is the same for many pages and districts (a built-in
//     standard's elements) is rendered once through the templates'
//     cached function (fragments.go). The templates are parsed only when
//     a page needs them or the plan overrides layouts (theme.go);
//   - a writer (writer.go) takes the files: a folder on disk, or memory
//     (deflated, for a portal's districts in serve: deflate.go). CSS, JS,
//     SVG, JSON and XML are minified; HTML pages only if asked, since the
//     default theme's pages are compact already;
//   - the publisher (publish.go, output.go) puts a folder in place of the
//     output folder in one step, for plan and portal builds.
//
// Build and BuildPortal write sites to disk; LivePlan, Incremental and
// PortalIncremental keep them in memory for trellis serve.
//
// It owns the templates' data (Site, Page and the views; progress.go
// arranges measures, updates and review history, chart.go draws the
// measure charts as SVG at build time), output folders and minifying. It imports content and themes; it must not import
// generator/preview or anything under cmd/, nor net/http or flag: serving
// and the command line are its callers' business.
package generator
