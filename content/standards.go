package content

import (
	"embed"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// StandardsSet is a set of standards for professional learning, read from a
// TOML file: one of the sets built into Trellis, or a plan's own.
type StandardsSet struct {
	Pos       Position `json:"-"`
	ID        string   `toml:"id,required" json:"id" doc:"A stable identifier in kebab-case."`
	Name      string   `toml:"name,required" json:"name" doc:"The set's title."`
	Publisher string   `toml:"publisher,required" json:"publisher" doc:"Who published the standards."`
	Year      int      `toml:"year" min:"1900" max:"2100" json:"year,omitempty" doc:"The year the set was published."`
	Source    string   `toml:"source,required" json:"source" doc:"Credit for the documents the set is taken from."`
	URL       string   `toml:"url" json:"url,omitempty" doc:"Where the full standards can be read."`
	Summary   string   `toml:"summary,required" json:"summary" doc:"What the set is, in a few sentences."`
	// StatementCredit names where the standards' statements are quoted from.
	StatementCredit string                 `toml:"statement_credit" json:"statement_credit,omitempty" doc:"Where the standards' official statements are quoted from; shown under each statement. Needed when a standard has a statement."`
	ElementLabel    string                 `toml:"element_label" json:"element_label" doc:"What the parts of a standard are called, such as key element or construct. Default: element."`
	ElementPlural   string                 `toml:"element_label_plural" json:"element_label_plural,omitempty" doc:"The plural of element_label, when it is not element_label with an s."`
	Translations    map[string]Translation `toml:"translations" json:"translations,omitempty" doc:"The set's name and summary in other languages: translations.es = { name = \"...\", summary = \"...\" }."`
	Frames          []Frame                `toml:"frames" json:"frames,omitempty" doc:"Groups of standards, one [[frames]] table each; if any, every standard names its frame."`
	Standards       []Standard             `toml:"standards,required" json:"standards" doc:"The standards, one [[standards]] table each."`
	Items           []EvaluationItem       `toml:"items" json:"items,omitempty" doc:"Partner evaluation items, one [[items]] table each."`
	Checks          []Check                `toml:"checks" json:"checks,omitempty" doc:"Which standard each plan-quality warning cites, one [[checks]] table each."`
	Builtin         bool                   `json:"builtin"`
	File            string                 `json:"file,omitempty"` // the plan's standards file, if not built in
}

// Frame is a group of standards (the 2022 set's three categories).
type Frame struct {
	Pos     Position `json:"-"`
	ID      string   `toml:"id,required" json:"id" doc:"A stable identifier in kebab-case."`
	Name    string   `toml:"name,required" json:"name" doc:"The frame's name."`
	Summary string   `toml:"summary" json:"summary,omitempty" doc:"What the frame covers."`
	// Translations are the frame's name and summary in other languages.
	Translations map[string]Translation `toml:"translations" json:"translations,omitempty" doc:"The frame's name and summary in other languages."`
}

// Standard is one standard of a set.
type Standard struct {
	Pos     Position `toml:"-" json:"-"`
	ID      string   `toml:"id,required" json:"id" doc:"A stable identifier in kebab-case, used by activities."`
	Name    string   `toml:"name,required" json:"name" doc:"The standard's name."`
	Frame   Ref      `toml:"frame" json:"frame,omitempty" doc:"The id of the frame the standard belongs to."`
	Summary string   `toml:"summary,required" json:"summary" doc:"What the standard asks of professional learning, in brief."`
	// Statement is the standard's official wording, quoted.
	Statement string    `toml:"statement" json:"statement,omitempty" doc:"The standard's official statement, word for word as its publisher gives it; shown beside the summary, credited to statement_credit."`
	Elements  []Element `toml:"elements,required" json:"elements" doc:"The standard's elements, one [[standards.elements]] table each."`
	// Translations are the standard's name and summary in other languages.
	Translations map[string]Translation `toml:"translations" json:"translations,omitempty" doc:"The standard's name and summary in other languages: translations.es = { name = \"...\", summary = \"...\" }."`
}

// Element is a key element (2011) or construct (2022) of a standard.
type Element struct {
	Pos            Position `json:"-"`
	ID             string   `toml:"id,required" json:"id" doc:"A stable identifier in kebab-case, unique within the standard."`
	Name           string   `toml:"name,required" json:"name" doc:"The element's name."`
	Summary        string   `toml:"summary" json:"summary,omitempty" doc:"What the element means, in brief."`
	LooksLike      []string `toml:"looks_like" json:"looks_like,omitempty" doc:"Short indicators of what the element looks like in practice."`
	DoesntLookLike []string `toml:"doesnt_look_like" json:"doesnt_look_like,omitempty" doc:"Short indicators of what it does not look like."`
	// Translations are the element's name and summary in other languages.
	Translations map[string]Translation `toml:"translations" json:"translations,omitempty" doc:"The element's name and summary in other languages."`
}

// Translation is a name and summary in another language.
type Translation struct {
	Name    string `toml:"name" json:"name,omitempty" doc:"The name in the language."`
	Summary string `toml:"summary" json:"summary,omitempty" doc:"The summary in the language."`
	// Label is what the language calls the parts of a standard (a set's
	// translation only).
	Label string `toml:"element_label" json:"element_label,omitempty" doc:"What the language calls the parts of a standard (a set's translation only)."`
	// LabelPlural is the plural of Label.
	LabelPlural string `toml:"element_label_plural" json:"element_label_plural,omitempty" doc:"The plural of element_label (a set's translation only)."`
}

// EvaluationItem is one question a district asks of an external partner.
type EvaluationItem struct {
	Pos      Position `json:"-"`
	ID       string   `toml:"id,required" json:"id" doc:"A stable identifier in kebab-case, used by partner ratings."`
	Standard Ref      `toml:"standard" json:"standard,omitempty" doc:"The standard the item belongs to. Give standard or frame."`
	Frame    Ref      `toml:"frame" json:"frame,omitempty" doc:"The frame the item belongs to. Give standard or frame."`
	Text     string   `toml:"text,required" json:"text" doc:"The question or responsibility, as it is put to the partner."`
	Open     bool     `toml:"open" json:"open,omitempty" doc:"The item is an open question (How…? What…?), answered in words with answer, not rated 1 to 4. Default: false."`
}

// Check ties one plan-quality warning to the standard that describes the
// weakness it finds.
type Check struct {
	Pos       Position `json:"-"`
	Code      string   `toml:"code,required" enum:"one-shot-activity,short-activity,outside-plan-years,goal-without-activities,year-without-outcome,measured-once-a-year,no-student-data,incomplete-evaluation" json:"code" doc:"The warning's code."`
	Standard  Ref      `toml:"standard,required" json:"standard" doc:"The standard the warning cites."`
	Element   string   `toml:"element" json:"element,omitempty" doc:"The element of that standard, if one fits."`
	Indicator string   `toml:"indicator" json:"indicator,omitempty" doc:"The \"doesn't look like\" indicator the warning matches."`
}

// Standard returns the standard with the given canonical id, or nil.
func (s *StandardsSet) Standard(id string) *Standard {
	return firstMatch(s.Standards, func(x *Standard) bool { return x.ID == id })
}

// FrameByID returns the frame with the given id, or nil.
func (s *StandardsSet) FrameByID(id string) *Frame {
	return firstMatch(s.Frames, func(x *Frame) bool { return x.ID == id })
}

// Item returns the evaluation item with the given id, or nil.
func (s *StandardsSet) Item(id string) *EvaluationItem {
	return firstMatch(s.Items, func(x *EvaluationItem) bool { return x.ID == id })
}

// Element returns the element with the given id, or nil.
func (st *Standard) Element(id string) *Element {
	return firstMatch(st.Elements, func(x *Element) bool { return x.ID == id })
}

// CheckFor returns the check for a warning code, or nil if the set names
// none.
func (s *StandardsSet) CheckFor(code Code) *Check {
	return firstMatch(s.Checks, func(x *Check) bool { return x.Code == string(code) })
}

// firstMatch returns a pointer to the first of items that match accepts,
// or nil.
func firstMatch[T any](items []T, match func(*T) bool) *T {
	for i := range items {
		if match(&items[i]) {
			return &items[i]
		}
	}
	return nil
}

// ElementWord is what the set calls the parts of a standard.
func (s *StandardsSet) ElementWord() string {
	if s.ElementLabel == "" {
		return "element"
	}
	return s.ElementLabel
}

// resolveStandard finds a standard by id or, case-insensitively, by name.
// It returns the canonical id, or "" and a hint.
func (s *StandardsSet) resolveStandard(ref string) (string, string) {
	if st := s.Standard(ref); st != nil {
		return st.ID, ""
	}
	var byName []string
	for _, st := range s.Standards {
		if strings.EqualFold(strings.TrimSpace(ref), st.Name) {
			byName = append(byName, st.ID)
		}
	}
	switch len(byName) {
	case 1:
		return byName[0], ""
	case 0:
		return "", didYouMean(ref, s.standardIDs())
	default:
		return "", "the name fits several standards (" + quoteList(byName) + "); use the id"
	}
}

func (s *StandardsSet) standardIDs() []string {
	ids := make([]string, len(s.Standards))
	for i, st := range s.Standards {
		ids[i] = st.ID
	}
	return ids
}

func (s *StandardsSet) itemIDs() []string {
	ids := make([]string, len(s.Items))
	for i, it := range s.Items {
		ids[i] = it.ID
	}
	return ids
}

var kebab = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// checkKebab reports a set's id (of what: "standard") that is not
// kebab-case or is too long; "" is reported elsewhere, as missing.
func checkKebab(src *source, p Position, what, id string) {
	if id != "" {
		checkIDForm(src, p, what+" ", "learning-designs", id)
	}
}

// maxIDLength is the longest id: each becomes a folder of the site's
// addresses (/goals/early-literacy/), and a file system refuses a name
// over 255 bytes.
const maxIDLength = 100

// checkIDForm reports an id that is not kebab-case, or longer than
// maxIDLength. what names its kind in the message ("standard ", or "");
// example is an id of that kind, for the hint.
func checkIDForm(src *source, p Position, what, example, id string) {
	if !kebab.MatchString(id) {
		src.errorf(p, CodeInvalidID, "ids are lowercase words joined by hyphens, such as "+example, "%sid %q is not kebab-case", what, id)
		return
	}
	if len(id) <= maxIDLength {
		return
	}
	short := id[:40]
	if i := strings.LastIndexByte(short, '-'); i > 0 {
		short = short[:i]
	}
	src.errorf(p, CodeInvalidID, fmt.Sprintf("shorten it, such as %q; it becomes part of the page's address", short),
		"%sid %q… is %d characters long, more than the %d an id may have", what, id[:40], len(id), maxIDLength)
}

// maxStandards is the most standards a set may have: the coverage
// matrix is the plan's goals by the set's standards.
const maxStandards = 500

// validate checks what the decoder cannot: ids, uniqueness and references
// inside the set.
func (s *StandardsSet) validate(src *source) {
	checkID := func(p Position, what, id string) { checkKebab(src, p, what, id) }
	checkID(s.Pos, "set", s.ID)
	dup := func(what string) func(id string, p Position) {
		seen := map[string]Position{}
		return func(id string, p Position) {
			if first, ok := seen[id]; ok {
				src.errorf(p, CodeDuplicateID, fmt.Sprintf("the first is on line %d; give each %s its own id", first.Line, what), "duplicate %s id %q", what, id)
				return
			}
			seen[id] = p
		}
	}
	frameDup := dup("frame")
	for _, f := range s.Frames {
		checkID(f.Pos, "frame", f.ID)
		frameDup(f.ID, f.Pos)
	}
	frameIDs := make([]string, len(s.Frames))
	for i, f := range s.Frames {
		frameIDs[i] = f.ID
	}
	if len(s.Standards) > maxStandards {
		src.errorf(s.Standards[maxStandards].Pos, CodeInvalidValue,
			"a set of standards names the few areas professional learning is held to (Learning Forward's has 7 or 11); list the rest as elements of a standard",
			"the set has %d standards, more than the %d a set may have; every goal's page and the coverage matrix show each", len(s.Standards), maxStandards)
	}
	stdDup := dup("standard")
	for _, st := range s.Standards {
		checkID(st.Pos, "standard", st.ID)
		stdDup(st.ID, st.Pos)
		switch {
		case len(s.Frames) > 0 && st.Frame.ID == "":
			src.errorf(st.Pos, CodeMissingKey, "add `frame = \"...\"`, one of "+quoteList(frameIDs), "standard %q names no frame, but the set has frames", st.ID)
		case st.Frame.ID != "" && s.FrameByID(st.Frame.ID) == nil:
			src.errorf(st.Frame.Pos, CodeUnknownReference, didYouMean(st.Frame.ID, frameIDs), "unknown frame %q", st.Frame.ID)
		}
		if st.Statement != "" && s.StatementCredit == "" {
			src.errorf(st.Pos, CodeMissingKey, "add `statement_credit = \"...\"` before the first [[standards]]: where the statements are quoted from",
				"standard %q has a statement, but the set has no `statement_credit`", st.ID)
		}
		elDup := dup("element")
		for _, el := range st.Elements {
			checkID(el.Pos, "element", el.ID)
			elDup(el.ID, el.Pos)
		}
	}
	s.validateItems(src, dup("evaluation item"), frameIDs)
	s.validateChecks(src, dup("check"))
}

// validateItems checks that each evaluation item has a unique id and
// belongs to one standard or frame of the set.
func (s *StandardsSet) validateItems(src *source, itemDup func(string, Position), frameIDs []string) {
	for _, it := range s.Items {
		checkKebab(src, it.Pos, "evaluation item", it.ID)
		itemDup(it.ID, it.Pos)
		switch {
		case it.Standard.ID == "" && it.Frame.ID == "":
			src.errorf(it.Pos, CodeMissingKey, "add `standard = \"...\"` or `frame = \"...\"`", "evaluation item %q names neither a standard nor a frame", it.ID)
		case it.Standard.ID != "" && it.Frame.ID != "":
			src.errorf(it.Frame.Pos, CodeInvalidValue, "keep one of the two", "evaluation item %q names both a standard and a frame", it.ID)
		case it.Standard.ID != "" && s.Standard(it.Standard.ID) == nil:
			src.errorf(it.Standard.Pos, CodeUnknownReference, didYouMean(it.Standard.ID, s.standardIDs()), "unknown standard %q", it.Standard.ID)
		case it.Frame.ID != "" && s.FrameByID(it.Frame.ID) == nil:
			src.errorf(it.Frame.Pos, CodeUnknownReference, didYouMean(it.Frame.ID, frameIDs), "unknown frame %q", it.Frame.ID)
		}
	}
}

// validateChecks checks that each [[checks]] names a standard and element
// of the set, once per code.
func (s *StandardsSet) validateChecks(src *source, checkDup func(string, Position)) {
	for _, c := range s.Checks {
		checkDup(c.Code, c.Pos)
		st := s.Standard(c.Standard.ID)
		if st == nil {
			if c.Standard.ID != "" {
				src.errorf(c.Standard.Pos, CodeUnknownReference, didYouMean(c.Standard.ID, s.standardIDs()), "unknown standard %q", c.Standard.ID)
			}
			continue
		}
		if c.Element != "" && st.Element(c.Element) == nil {
			var ids []string
			for _, el := range st.Elements {
				ids = append(ids, el.ID)
			}
			src.errorf(c.Pos, CodeUnknownReference, didYouMean(c.Element, ids), "standard %q has no element %q", st.ID, c.Element)
		}
	}
}

//go:embed standards/*.toml
var builtinFS embed.FS

// builtinSets are the built-in sets, each parsed on its first use.
var builtinSets = sync.OnceValue(func() map[string]func() (*StandardsSet, error) {
	entries, _ := builtinFS.ReadDir("standards")
	sets := make(map[string]func() (*StandardsSet, error), len(entries))
	for _, e := range entries {
		id := strings.TrimSuffix(e.Name(), ".toml")
		sets[id] = sync.OnceValues(func() (*StandardsSet, error) { return parseBuiltin(id) })
	}
	return sets
})

// BuiltinStandards lists the ids of the standards sets built into Trellis.
func BuiltinStandards() []string {
	return slices.Sorted(maps.Keys(builtinSets()))
}

// Builtin returns a built-in standards set by id, parsed once per process
// (by the first caller; the others wait for it). The sets are checked by
// the test suite, so an error here is a bug in Trellis, and is returned
// as such.
func Builtin(id string) (*StandardsSet, error) {
	set, ok := builtinSets()[id]
	if !ok {
		return nil, fmt.Errorf("no built-in standards set %q", id)
	}
	return set()
}

// warmBuiltin parses the built-in set id, if it is one, beside the caller,
// so that Builtin has it ready when it is asked for.
func warmBuiltin(id string) {
	if set, ok := builtinSets()[id]; ok {
		go set()
	}
}

func parseBuiltin(id string) (*StandardsSet, error) {
	data, err := builtinFS.ReadFile("standards/" + id + ".toml")
	if err != nil {
		return nil, err
	}
	set, diags := ParseStandards("standards/"+id+".toml", data)
	if diags.HasErrors() {
		return nil, fmt.Errorf("built-in standards set %q is invalid: %s", id, diags[0])
	}
	set.Builtin = true
	return set, nil
}

// ParseStandards reads a standards file. name is used in diagnostics.
func ParseStandards(name string, data []byte) (*StandardsSet, Diagnostics) {
	var diags Diagnostics
	set := decodeStandards(parseFile(name, data, false), &diags)
	diags.Sort()
	return set, diags
}

func decodeStandards(p *parsedFile, diags *Diagnostics) *StandardsSet {
	set := &StandardsSet{}
	if doc := p.decode(diags, set); doc != nil {
		set.validate(doc.src)
	}
	return set
}
