package generator

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/history"
)

// VersionView is what a page of an earlier version's snapshot says about
// it, in its banner.
type VersionView struct {
	Name, Date, ISO string
	Current         string // a link to the current plan's home page
}

// Version returns the banner of a page of an earlier version, or nil on
// the current plan's pages.
func (p *Page) Version() *VersionView {
	if p.version == nil {
		return nil
	}
	return &VersionView{Name: p.version.Name, Date: longDate(p.version.When), ISO: p.version.When.Format("2006-01-02"), Current: p.fromSiteRoot("")}
}

// NoIndex reports whether search engines are asked not to index the page:
// snapshots of earlier versions.
func (p *Page) NoIndex() bool { return p.version != nil }

// versionRoot is the folder of a version's snapshot in the site.
func versionRoot(tag string) string { return "versions/" + tag + "/" }

// safeTag is a tag name that can be a folder and an address as it is.
var safeTag = regexp.MustCompile(`^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$`)

// versionPlans lists the sites of the versions that version_tags matches,
// each a variant of the planner under versions/TAG/, and warnings for
// those that cannot be built.
func versionPlans(plan *content.Plan, log *history.Log, baseURL string) ([]*sitePlan, []history.Tag, content.Diagnostics) {
	var sps []*sitePlan
	var built []history.Tag
	var warns content.Diagnostics
	warn := func(tag, why string) {
		warns = append(warns, content.Diagnostic{File: content.SettingsFile, Severity: content.Warning, Code: content.CodeVersionNotBuilt,
			Message: fmt.Sprintf("version %s was not built: %s", tag, why),
			Hint:    "fix the plan in a newer tag, or change version_tags so that it does not match this tag"})
	}
	for _, tag := range log.Versions(plan.Settings.VersionTags) {
		if !safeTag.MatchString(tag.Name) || strings.Contains("/"+tag.Name+"/", "/./") || strings.Contains("/"+tag.Name+"/", "/../") {
			warn(tag.Name, "its name has characters that cannot be part of an address")
			continue
		}
		old, why := planAt(log, tag)
		if old == nil {
			warn(tag.Name, why)
			continue
		}
		t := tag
		sp, err := planSite(old, variant{baseURL: baseURL, root: versionRoot(tag.Name), version: &t})
		if err != nil {
			warn(tag.Name, err.Error())
			continue
		}
		sps = append(sps, sp)
		built = append(built, tag)
	}
	return sps, built, warns
}
