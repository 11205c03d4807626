package generator

import (
	"encoding/json"
	"fmt"
	"html/template"
	"strings"

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
	md      goldmark.Markdown
	entries []SearchEntry
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
	b := []byte(src)
	doc := x.md.Parser().Parse(gtext.NewReader(b))
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

// newSearchMarkdown is the parser for plain text: the site's Markdown
// dialect (GitHub's), without its renderer options.
func newSearchMarkdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.GFM))
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// SearchEntries lists what the search finds: goals, activities, partners,
// standards and the main pages, each field of each separately.
func (s *Site) SearchEntries() []SearchEntry {
	if s.search != nil {
		return s.search
	}
	x := &searchIndex{md: newSearchMarkdown()}
	s.searchPages(x)
	for _, g := range s.Goals {
		s.searchGoal(x, g)
	}
	for _, a := range s.Activities {
		searchActivity(x, a)
	}
	for _, p := range s.Partners {
		x.add(p.Name, p.URL, KindPartner,
			SearchField{"Services", p.Services}, SearchField{"Kind of partner", partnerKind(p.Kind)},
			SearchField{"Reviewers", p.Reviewers}, SearchField{"Evidence", ratingEvidence(p)},
			SearchField{"Notes", x.plain(p.Partner.Markdown)})
	}
	for _, st := range s.Standards {
		var elems []string
		for _, e := range st.Elements {
			elems = append(elems, e.Name)
		}
		x.add(st.Name, st.URL, KindStandard, SearchField{"Summary", st.Summary}, SearchField{title(s.Set.ElementWord()) + "s", strings.Join(elems, "; ")})
	}
	s.search = x.entries
	return s.search
}

// searchPages indexes the pages that are not one goal, activity, partner
// or standard.
func (s *Site) searchPages(x *searchIndex) {
	p := s.Plan
	x.add("Home", "", KindPage,
		SearchField{"Mission", x.plain(p.Beliefs.Mission)}, SearchField{"Vision", x.plain(p.Beliefs.Vision)},
		SearchField{"What we believe", x.plain(p.Beliefs.Markdown)})
	var schools []string
	for _, sc := range p.District.Schools {
		schools = append(schools, strings.Join(nonEmpty(sc.Name, sc.Grades, sc.Principal, sc.Address), ", "))
	}
	x.add("Who we are: district profile", "district/", KindPage,
		SearchField{"Schools", strings.Join(schools, "; ")}, SearchField{"About the district", x.plain(p.District.Markdown)})
	x.add("Standards coverage", "coverage/", KindPage)
	x.add("Partners compared", "partner-comparison/", KindPage)
	x.add("Timeline", "timeline/", KindPage)
	x.add("The whole plan", "plan/", KindPage)
	contact := ""
	if c := p.Settings.Contact; c != nil {
		contact = strings.Join(nonEmpty(c.Name, c.Title, c.Email, c.Phone), ", ")
	}
	x.add("Accessibility", "accessibility/", KindPage, SearchField{"Contact", contact})
}

func (s *Site) searchGoal(x *searchIndex, g *GoalView) {
	var measures, years []string
	for _, m := range g.Measures {
		measures = append(measures, strings.Join(nonEmpty(m.Measure, m.Frequency), ", "))
	}
	for _, y := range g.Goal.Years {
		years = append(years, strings.Join(nonEmpty(s.Plan.Settings.YearLabel(y.Year)+":", x.plain(y.Outcome), x.plain(y.Result)), " "))
	}
	x.add(fmt.Sprintf("Goal %d: %s", g.Number, g.Title), g.URL, KindGoal,
		SearchField{"Expected outcome", x.plain(g.Goal.Outcome)},
		SearchField{"Rationale", x.plain(g.Goal.Rationale)},
		SearchField{"Evidence", strings.Join(g.Evidence, "; ")},
		SearchField{"Impact", x.plain(g.Goal.Impact)},
		SearchField{"Measures", strings.Join(measures, "; ")},
		SearchField{"Outcomes by year", strings.Join(years, "; ")},
		SearchField{"More about this goal", x.plain(g.Goal.Markdown)})
}

func searchActivity(x *searchIndex, a *ActivityView) {
	fields := []SearchField{{"Initial activity: who", a.Initial.Who}, {"Initial activity: what", a.Initial.What}, {"Initial activity: how", a.Initial.How}}
	if f := a.FollowUp; f != nil {
		fields = append(fields, SearchField{"Follow-up: who", f.Who}, SearchField{"Follow-up: what", f.What}, SearchField{"Follow-up: how", f.How})
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
	fields = append(fields, SearchField{"When", a.Duration.When}, SearchField{"Resources", strings.Join(res, "; ")},
		SearchField{"Standards", strings.Join(stds, "; ")}, SearchField{"About", x.plain(a.Activity.Markdown)})
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
	entries := append([]SearchEntry(nil), s.SearchEntries()...)
	for i := range entries {
		entries[i].URL = "../" + entries[i].URL
	}
	b, _ := json.Marshal(entries) // escapes <, > and &, so it cannot close the script
	return template.JS(b)
}
