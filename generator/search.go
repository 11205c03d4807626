package generator

import (
	"encoding/json"
	"html/template"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	gtext "github.com/yuin/goldmark/text"
)

// Search result kinds, in the order the search page groups them.
const (
	KindGoal     = "Goal"
	KindActivity = "Activity"
	KindPartner  = "Partner"
	KindStandard = "Standard"
	KindPage     = "Page"
)

// SearchEntry is one entry of the search index: a page or a part of one,
// with its text in named fields so that a result can say where the words
// were found ("Follow-up: who").
type SearchEntry struct {
	Title  string        `json:"title"`
	URL    string        `json:"url"` // relative to the site root
	Kind   string        `json:"kind"`
	Fields []SearchField `json:"fields,omitempty"`
}

// SearchField is one named piece of plain text of an entry.
type SearchField struct {
	Name string
	Text string
}

// MarshalJSON writes a field as a two-item array, ["Follow-up: who", "..."]:
// the index is on every search page, so it is kept small.
func (f SearchField) MarshalJSON() ([]byte, error) { return json.Marshal([2]string{f.Name, f.Text}) }

// searchIndex collects entries, turning Markdown into plain text.
type searchIndex struct {
	md       goldmark.Markdown
	rendered *markdown // the site's renderer, which keeps the text of what it parsed
	entries  []SearchEntry
}

// add appends an entry; fields come in name, text pairs and empty texts
// are left out.
func (x *searchIndex) add(title, url, kind string, fields ...SearchField) {
	e := SearchEntry{Title: title, URL: url, Kind: kind}
	for _, f := range fields {
		if f.Text = collapse(f.Text); f.Text != "" {
			e.Fields = append(e.Fields, f)
		}
	}
	x.entries = append(x.entries, e)
}

// plain turns Markdown into its text, without the syntax: "**41 percent**"
// becomes "41 percent", a link its words.
func (x *searchIndex) plain(src string) string {
	if strings.TrimSpace(src) == "" {
		return ""
	}
	if noMarkdown(src) {
		return src // add collapses its blanks, as it does the parsed text's
	}
	if t, ok := x.rendered.plainOf(src); ok {
		return t // the site's pages parsed it already
	}
	return x.parsePlain(src)
}

// parsePlain is plain for any Markdown, through the parser.
func (x *searchIndex) parsePlain(src string) string {
	b := []byte(src)
	return plainText(x.md.Parser().Parse(gtext.NewReader(b)), b)
}

// plainText is the text of a parsed Markdown document, b its source.
func plainText(doc ast.Node, b []byte) string {
	var out strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			if n.Type() == ast.TypeBlock {
				out.WriteByte(' ')
			}
			return ast.WalkContinue, nil
		}
		switch v := n.(type) {
		case *ast.Text:
			out.Write(v.Segment.Value(b))
			if v.SoftLineBreak() || v.HardLineBreak() {
				out.WriteByte(' ')
			}
		case *ast.String:
			out.Write(v.Value)
		case *ast.AutoLink:
			out.Write(v.Label(b))
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			for i := 0; i < v.Lines().Len(); i++ {
				seg := v.Lines().At(i)
				out.Write(seg.Value(b))
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out.String()
}

// noMarkdown reports whether src is sure to have no Markdown syntax that
// changes its words: none of the characters that mark emphasis, code,
// links, HTML, entities, escapes, headings, tables or strikethrough, and
// no line that could start a list, underline a heading or mark the columns
// of a table. Most short fields of a plan are such sentences, and need no
// parsing to be plain.
// FuzzNoMarkdown checks the words match the parser's.
func noMarkdown(src string) bool {
	if strings.ContainsAny(src, `\`+"`"+`*_[]<>#!|~&`) {
		return false
	}
	for i := 0; i < len(src); i++ {
		if src[i] < 0x20 && src[i] != '\n' && src[i] != '\t' {
			return false // a carriage return or another control character
		}
	}
	for line := range strings.Lines(src) {
		line = strings.TrimLeft(line, " \t")
		if line == "" {
			continue
		}
		switch c := line[0]; {
		case c == '-' || c == '+' || c == '=' || c == ':':
			return false
		case c >= '0' && c <= '9':
			if d := strings.TrimLeft(line, "0123456789"); d != "" && (d[0] == '.' || d[0] == ')') {
				return false
			}
		}
	}
	return true
}

// newSearchMarkdown is the parser for plain text: the site's Markdown
// dialect (GitHub's), without its renderer options.
func newSearchMarkdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.GFM))
}

// searchParsers keeps the plain-text parsers from one site to the next:
// a portal indexes hundreds.
var searchParsers = sync.Pool{New: func() any { return newSearchMarkdown() }}

// collapse joins the words of s with single spaces. Most fields are ASCII
// text spaced so already, and come back as they are.
func collapse(s string) string {
	if singleSpaced(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// singleSpaced reports whether s is ASCII with no space but single ones
// between words: what strings.Fields and Join would give back unchanged.
func singleSpaced(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false // other spaces, and non-ASCII ones, are strings.Fields' to find
		case c == ' ' && s[i+1] == ' ':
			return false
		}
	}
	return true
}

// SearchEntries lists what the search finds: goals, activities, partners,
// standards and the main pages, each field of each separately.
func (s *Site) SearchEntries() []SearchEntry {
	if s.search != nil {
		return s.search
	}
	md := searchParsers.Get().(goldmark.Markdown)
	defer searchParsers.Put(md)
	x := &searchIndex{md: md, rendered: s.md}
	s.searchPages(x)
	for _, g := range s.Goals {
		s.searchGoal(x, g)
	}
	for _, a := range s.Activities {
		s.searchActivity(x, a)
	}
	for _, p := range s.Partners {
		x.add(p.Name, p.URL, KindPartner,
			s.field("services", p.Services), s.field("partner-kind", partnerKind(s.text, p.Kind)),
			s.field("reviewers", p.Reviewers), s.field("evidence", ratingEvidence(p)),
			s.field("notes", x.plain(p.Partner.Markdown)))
	}
	for _, st := range s.Standards {
		var elems []string
		for _, e := range st.Elements {
			elems = append(elems, e.Name)
		}
		x.add(st.Name, st.URL, KindStandard, s.field("summary", st.Summary), SearchField{s.ElementsHeading(), strings.Join(elems, "; ")})
	}
	s.search = x.entries
	s.md = nil // what it parsed is not needed any more, and serve keeps sites
	return s.search
}

// searchPages indexes the pages that are not one goal, activity, partner
// or standard.
func (s *Site) searchPages(x *searchIndex) {
	p := s.Plan
	x.add(s.tr("nav.home"), "", KindPage,
		s.field("mission", x.plain(p.Beliefs.Mission)), s.field("vision", x.plain(p.Beliefs.Vision)),
		s.field("beliefs", x.plain(p.Beliefs.Markdown)))
	var schools []string
	for _, sc := range p.District.Schools {
		schools = append(schools, strings.Join(nonEmpty(sc.Name, sc.Grades, sc.Principal, sc.Address), ", "))
	}
	x.add(s.tr("search.district-page"), "district/", KindPage,
		s.field("schools", strings.Join(schools, "; ")), s.field("about-district", x.plain(p.District.Markdown)))
	x.add(s.tr("title.coverage"), "coverage/", KindPage)
	x.add(s.tr("title.comparison"), "partner-comparison/", KindPage)
	x.add(s.tr("title.timeline"), "timeline/", KindPage)
	x.add(s.tr("title.plan"), "plan/", KindPage)
	contact := ""
	if c := p.Settings.Contact; c != nil {
		contact = strings.Join(nonEmpty(c.Name, c.Title, c.Email, c.Phone), ", ")
	}
	x.add(s.tr("title.accessibility"), "accessibility/", KindPage, s.field("contact", contact))
}

func (s *Site) searchGoal(x *searchIndex, g *GoalView) {
	var measures, years []string
	for _, m := range g.Measures {
		measures = append(measures, strings.Join(nonEmpty(m.Measure, m.Frequency), ", "))
	}
	for _, y := range g.Goal.Years {
		years = append(years, strings.Join(nonEmpty(yearLabel(s.text, s.Plan.Settings, y.Year)+":", x.plain(y.Outcome), x.plain(y.Result)), " "))
	}
	x.add(s.goalTitle(g), g.URL, KindGoal,
		s.field("outcome", x.plain(g.Goal.Outcome)),
		s.field("rationale", x.plain(g.Goal.Rationale)),
		s.field("evidence", strings.Join(g.Evidence, "; ")),
		s.field("impact", x.plain(g.Goal.Impact)),
		s.field("measures", strings.Join(measures, "; ")),
		s.field("outcomes-by-year", strings.Join(years, "; ")),
		s.field("more-goal", x.plain(g.Goal.Markdown)))
}

// field is a search field with its name in the site's language.
func (s *Site) field(key, text string) SearchField {
	return SearchField{s.tr("search.field." + key), text}
}

// ElementsHeading names the parts of a standard, "Elements", as the set
// calls them, in the site's language.
func (s *Site) ElementsHeading() string {
	switch {
	case s.Set.ElementPlural != "":
		return title(s.Set.ElementPlural)
	case s.Set.ElementLabel == "":
		return s.tr("standard.elements")
	}
	return title(s.Set.ElementLabel) + "s"
}

func (s *Site) searchActivity(x *searchIndex, a *ActivityView) {
	fields := []SearchField{s.field("initial-who", a.Initial.Who), s.field("initial-what", a.Initial.What), s.field("initial-how", a.Initial.How)}
	if f := a.FollowUp; f != nil {
		fields = append(fields, s.field("follow-up-who", f.Who), s.field("follow-up-what", f.What), s.field("follow-up-how", f.How))
	}
	var res, stds []string
	seen := map[string]bool{}
	for _, r := range a.Resources { // a cost split over years is one resource to a reader
		if s := strings.Join(nonEmpty(r.Item, r.Funding), ", "); !seen[s] {
			seen[s] = true
			res = append(res, s)
		}
	}
	for _, st := range a.Standards {
		stds = append(stds, st.Name)
	}
	fields = append(fields, s.field("when", a.Duration.When), s.field("resources", strings.Join(res, "; ")),
		s.field("standards", strings.Join(stds, "; ")), s.field("about", x.plain(a.Activity.Markdown)))
	x.add(a.Title, "activities/#"+a.Anchor, KindActivity, fields...)
}

// ratingEvidence joins the evidence of a partner's ratings.
func ratingEvidence(p *PartnerView) string {
	var out []string
	for _, r := range p.Ratings {
		if r.Evidence != "" {
			out = append(out, r.Evidence)
		}
	}
	return strings.Join(out, "; ")
}

func nonEmpty(parts ...string) []string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func title(s string) string { return strings.ToUpper(s[:min(1, len(s))]) + s[min(1, len(s)):] }

// SearchJSON is the search index for the search page, with addresses
// relative to that page.
func (s *Site) SearchJSON() template.JS {
	// <, > and & are escaped, so the index cannot close the script.
	return template.JS(appendSearchJSON(nil, s.SearchEntries(), "../"))
}

// SearchKinds is what the search page's script calls each kind of result,
// in its order: [["Goal", "Goal", "Goals"], ...] as JSON, in the site's
// language.
func (s *Site) SearchKinds() string {
	var kinds [][3]string
	for _, k := range []string{KindGoal, KindActivity, KindPartner, KindStandard, KindPage} {
		kinds = append(kinds, [3]string{k, s.tr("search.kind." + k), s.tr("search.kinds." + k)})
	}
	b, _ := json.Marshal(kinds)
	return string(b)
}
