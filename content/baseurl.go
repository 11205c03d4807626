package content

import (
	"net/url"
	"strings"
)

// BaseURLProblem says what is wrong with a site's address (base_url, or
// --base-url), with the address to write instead; "" if it is a full web
// address: http or https, a host, no query, fragment or password. The
// address goes into every page's canonical link, the sitemap and
// robots.txt, so anything else would publish a broken or a hostile link.
func BaseURLProblem(s string) (problem, fix string) {
	u, err := url.Parse(s)
	switch {
	case strings.TrimSpace(s) != s || strings.ContainsAny(s, " \t\n"):
		return "has spaces in it", strings.Join(strings.Fields(s), "")
	case err != nil:
		return "is not a web address", "https://district.example/pl-plan/"
	case u.Scheme == "" && u.Host == "" && strings.Contains(strings.Split(s, "/")[0], "."):
		return "lacks https:// at its start", "https://" + s
	case u.Scheme != "http" && u.Scheme != "https":
		return "is not a web address (it must start with https:// or http://)", "https://district.example/pl-plan/"
	case u.Host == "":
		return "has no site name after " + u.Scheme + "://", "https://district.example/pl-plan/"
	case u.User != nil || u.RawQuery != "" || u.Fragment != "" || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "#"):
		return "has more than a site and a folder in it (a password, ? or #)", u.Scheme + "://" + u.Host + u.Path
	}
	return "", ""
}

// checkBaseURL reports a base_url that BaseURLProblem refuses, at its
// value in doc.
func checkBaseURL(doc *tomlDoc, value string) {
	if value == "" {
		return
	}
	if problem, fix := BaseURLProblem(value); problem != "" {
		doc.src.errorf(doc.at(key("base_url"), true), CodeInvalidValue, "write base_url = \""+fix+"\", the address the site is published at",
			"base_url %q %s", value, problem)
	}
}
