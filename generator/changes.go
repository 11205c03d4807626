package generator

import (
	"sort"
	"strings"

	"github.com/trellis-pl/trellis/content"
	"github.com/trellis-pl/trellis/internal/history"
)

// ChangesView is what the Changes page shows: the plan's history as a log,
// and what changed since the last adopted version.
type ChangesView struct {
	Entries []ChangeEntry // newest first
	// Partial is set in a shallow clone; Oldest is then the date of the
	// oldest commit there is.
	Partial bool
	Oldest  string
	// Since is the last adopted version (nil: no tag matches
	// version_tags, or it is not set); Diff what changed from it to this
	// plan, or SinceErr why that cannot be shown.
	Since    *VersionRef
	Diff     []DiffGroup
	SinceErr string
	// Versions are the earlier versions built beside the site, newest first.
	Versions []VersionRef
}

// ChangeEntry is one commit of the plan's history. Author names and
// e-mail addresses are not published.
type ChangeEntry struct {
	Date, ISO, Subject string
	Items              []ItemLink
}

// ItemLink names a part of the plan, linked when it still has a page.
type ItemLink struct {
	Title string
	URL   string // relative to the site root; "" with no page
	Link  bool
	rank  int // settings, district, beliefs, standards, goals, activities, partners, other files
}

// DiffGroup is the changes to one item of the plan.
type DiffGroup struct {
	Item  ItemLink
	Kind  string // "goal", "activity", "partner", "settings", ...
	Lines []string
	id    string
}

// VersionRef is an adopted version of the plan.
type VersionRef struct {
	Name, Date, ISO string
	URL             string // its snapshot, if built: "versions/plan-2025/"
}

// changesPage is the Changes page of a site with history.
func (sp *sitePlan) changesPage(h *planHistory, built []history.Tag) *Page {
	s := sp.site
	v := &ChangesView{Partial: h.log.State == history.Partial}
	files := s.fileItems()
	for _, c := range h.log.Commits {
		e := ChangeEntry{Date: longDate(c.When), ISO: c.When.Format("2006-01-02"), Subject: c.Subject}
		seen := map[string]bool{}
		for _, f := range c.Files {
			it := s.itemOf(files, f)
			if !seen[it.Title] {
				seen[it.Title] = true
				e.Items = append(e.Items, it)
			}
		}
		sort.SliceStable(e.Items, func(i, j int) bool { return e.Items[i].rank < e.Items[j].rank })
		v.Entries = append(v.Entries, e)
	}
	if n := len(v.Entries); v.Partial && n > 0 {
		v.Oldest = v.Entries[n-1].Date
	}
	builtURL := map[string]string{}
	for i := len(built) - 1; i >= 0; i-- {
		r := versionRef(built[i], true)
		builtURL[r.Name] = r.URL
		v.Versions = append(v.Versions, r)
	}
	if tag, old, why := h.adopted(sp.plan.Settings.VersionTags); tag != nil {
		r := versionRef(*tag, builtURL[tag.Name] != "")
		v.Since, v.SinceErr = &r, why
		if old != nil {
			v.Diff = s.diffGroups(content.Compare(old, sp.plan))
		}
	}
	home := Crumb{s.tr("nav.home"), ""}
	return &Page{Kind: "changes", URL: "changes/", Title: s.tr("changes.title"), Crumbs: []Crumb{home},
		Description: s.tr("changes.description", "title", s.Title), Data: v, Site: s}
}

func versionRef(t history.Tag, built bool) VersionRef {
	r := VersionRef{Name: t.Name, Date: longDate(t.When), ISO: t.When.Format("2006-01-02")}
	if built {
		r.URL = versionRoot(t.Name)
	}
	return r
}

// fileItems maps each plan file to the part of the plan it holds.
func (s *Site) fileItems() map[string]ItemLink {
	m := map[string]ItemLink{
		content.SettingsFile: {Title: s.tr("changes.settings")},
		content.DistrictFile: {Title: s.tr("changes.district"), URL: "district/", Link: true, rank: 1},
		content.BeliefsFile:  {Title: s.tr("changes.beliefs"), URL: "", Link: true, rank: 2},
	}
	if s.Set != nil && s.Set.File != "" {
		m[s.Set.File] = ItemLink{Title: s.tr("nav.standards"), URL: "standards/", Link: true, rank: 3}
	}
	for _, g := range s.Goals {
		m[g.File] = ItemLink{Title: s.goalTitle(g), URL: g.URL, Link: true, rank: 4}
	}
	for _, a := range s.Activities {
		m[a.File] = ItemLink{Title: s.tr("changes.activity", "title", a.Title), URL: "activities/#" + a.Anchor, Link: true, rank: 5}
	}
	for _, p := range s.Partners {
		m[p.File] = ItemLink{Title: s.tr("changes.partner", "name", p.Name), URL: p.URL, Link: true, rank: 6}
	}
	return m
}

// itemOf names the part of the plan a file holds; a file no longer in
// the plan is named by its path.
func (s *Site) itemOf(m map[string]ItemLink, file string) ItemLink {
	if it, ok := m[file]; ok {
		return it
	}
	switch first, _, _ := strings.Cut(file, "/"); first {
	case "layouts", "static":
		return ItemLink{Title: s.tr("changes.design"), rank: 8}
	case content.GoalsDir, content.ActivitiesDir, content.PartnersDir:
		return ItemLink{Title: s.tr("changes.removed", "file", file), rank: 7}
	}
	return ItemLink{Title: s.tr("changes.other-files"), rank: 9}
}

// diffGroups groups the changes by the item they are of, linking items
// that are in this plan.
func (s *Site) diffGroups(changes []content.Change) []DiffGroup {
	links := map[string]ItemLink{}
	for _, g := range s.Goals {
		links["goal/"+g.ID] = ItemLink{Title: s.goalTitle(g), URL: g.URL, Link: true}
	}
	for _, a := range s.Activities {
		links["activity/"+a.ID] = ItemLink{Title: s.tr("changes.activity", "title", a.Title), URL: "activities/#" + a.Anchor, Link: true}
	}
	for _, p := range s.Partners {
		links["partner/"+p.ID] = ItemLink{Title: s.tr("changes.partner", "name", p.Name), URL: p.URL, Link: true}
	}
	var out []DiffGroup
	for _, c := range changes {
		key := c.Type + "/" + c.ID
		if n := len(out); n == 0 || out[n-1].Kind+"/"+out[n-1].id != key {
			it, ok := links[key]
			if !ok || c.Kind == content.Removed && c.Field == "" {
				it = ItemLink{Title: upperFirst(c.Item)}
			}
			out = append(out, DiffGroup{Item: it, Kind: c.Type, id: c.ID})
		}
		out[len(out)-1].Lines = append(out[len(out)-1].Lines, upperFirst(c.Detail()))
	}
	return out
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
