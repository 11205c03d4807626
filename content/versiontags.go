package content

import (
	"path"
	"strings"
)

// checkVersionTags checks the version_tags setting, a glob over tag names
// in the syntax of path.Match.
func checkVersionTags(doc *tomlDoc, glob string) {
	if glob == "" {
		return
	}
	p := doc.at(key("version_tags"), true)
	if strings.TrimSpace(glob) != glob || strings.ContainsAny(glob, " \t") {
		doc.src.errorf(p, CodeInvalidValue, `version_tags = "`+strings.Join(strings.Fields(glob), "-")+`"`, "`version_tags` %q has spaces, which tag names cannot have", glob)
		return
	}
	if _, err := path.Match(glob, ""); err != nil {
		doc.src.errorf(p, CodeInvalidValue, `* stands for any text and ? for one character; [ ] must come in pairs: version_tags = "plan-*"`, "`version_tags` %q is not a valid pattern of tag names", glob)
	}
}
