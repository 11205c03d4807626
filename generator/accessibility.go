// The site basics every public site should have: an accessibility
// statement, and an address for its sitemap and canonical links.

package generator

import (
	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/i18n"
)

// statementDate is the date of an accessibility statement: the plan's
// accessibility_reviewed setting, or the day of the build.
func statementDate(c *i18n.Catalogue, reviewed *content.Date) string {
	if reviewed != nil {
		return c.Date(reviewed.Year, reviewed.Month, reviewed.Day)
	}
	t := now().UTC()
	return c.Date(t.Year(), t.Month(), t.Day())
}

// noBaseURL warns, once, when the site's address is not known.
func noBaseURL(plan *content.Plan, opt BuildOptions) content.Diagnostics {
	if opt.BaseURL != "" || plan.Settings.BaseURL != "" {
		return nil
	}
	return content.Diagnostics{{File: content.SettingsFile, Severity: content.Warning, Code: content.CodeNoBaseURL,
		Message: "base_url is not set: sitemap.xml needs it for full addresses, and pages need it for canonical links",
		Hint:    `add base_url = "https://www.district.example/pl-plan/" to trellis.toml, with the address the site is published at, or build with --base-url`}}
}
