package generator

import "github.com/trellis-pl/trellis/content"

// statementDate is the date of an accessibility statement: the plan's
// accessibility_reviewed setting, or the day of the build.
func statementDate(reviewed *content.Date) string {
	if reviewed != nil {
		return reviewed.Long()
	}
	t := now().UTC()
	return content.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}.Long()
}
