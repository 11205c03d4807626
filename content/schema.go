package content

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
)

// Kind is one kind of plan file: its name, where it lives, and the model
// struct of its front matter (or of the whole file, for TOML files).
type Kind struct {
	Name  string // settings, district, beliefs, goal, activity, partner, standards
	Where string // where such files live in a plan
	About string
	Type  reflect.Type
}

// Kinds lists every kind of file a plan has, in the order of the reference.
var Kinds = []Kind{
	{"settings", SettingsFile, "The plan's settings.", reflect.TypeOf(Settings{})},
	{"district", DistrictFile, "Who we are: the district profile.", reflect.TypeOf(District{})},
	{"beliefs", BeliefsFile, "What we believe: mission and vision.", reflect.TypeOf(Beliefs{})},
	{"goal", GoalsDir + "/*.md", "What we want to accomplish: one goal per file.", reflect.TypeOf(Goal{})},
	{"activity", ActivitiesDir + "/*.md", "One professional learning activity per file.", reflect.TypeOf(Activity{})},
	{"partner", PartnersDir + "/*.md", "One evaluation of an external partner per file.", reflect.TypeOf(Partner{})},
	{"standards", "a .toml file named in trellis.toml", "A standards set of the plan's own, such as a state's adaptation.", reflect.TypeOf(StandardsSet{})},
}

// JSONSchema returns a JSON Schema (draft 2020-12) for one kind of file,
// generated from the model, so it always matches what `trellis check`
// accepts.
func JSONSchema(kind string) ([]byte, error) {
	for _, k := range Kinds {
		if k.Name == kind {
			s := schemaOf(k.Type, nil, nil)
			s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
			s["$id"] = "trellis-" + k.Name + ".schema.json"
			s["title"] = "Trellis " + k.Name + " (" + k.Where + ")"
			s["description"] = k.About
			return json.MarshalIndent(s, "", "  ")
		}
	}
	var names []string
	for _, k := range Kinds {
		names = append(names, k.Name)
	}
	return nil, fmt.Errorf("unknown kind %q; expected one of %s", kind, strings.Join(names, ", "))
}

func schemaOf(t reflect.Type, enum []string, f *field) map[string]any {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	s := map[string]any{}
	if f != nil && f.Doc != "" {
		s["description"] = f.Doc
	}
	switch {
	case t == typeRef:
		s["type"] = "string"
	case t == typeDate:
		s["type"] = "string"
		s["format"] = "date"
	case t.Kind() == reflect.String:
		s["type"] = "string"
		if len(enum) > 0 {
			s["enum"] = enum
		}
	case t.Kind() == reflect.Int:
		s["type"] = "integer"
	case t.Kind() == reflect.Float64:
		s["type"] = "number"
	case t.Kind() == reflect.Bool:
		s["type"] = "boolean"
	case t.Kind() == reflect.Slice:
		s["type"] = "array"
		s["items"] = schemaOf(t.Elem(), enum, &field{Min: f.Min, Max: f.Max})
		if f != nil && f.Required {
			s["minItems"] = 1
		}
		return s
	case t.Kind() == reflect.Struct:
		s["type"] = "object"
		props := map[string]any{}
		var required []string
		for _, sub := range fieldsOf(t) {
			sub := sub
			props[sub.Key] = schemaOf(sub.Type, sub.Enum, &sub)
			if sub.Required {
				required = append(required, sub.Key)
			}
		}
		s["properties"] = props
		if len(required) > 0 {
			s["required"] = required
		}
		s["additionalProperties"] = false
		return s
	}
	if f != nil {
		if f.Min != nil {
			s["minimum"] = *f.Min
		}
		if f.Max != nil {
			s["maximum"] = *f.Max
		}
		if f.Required && t.Kind() == reflect.String {
			s["minLength"] = 1
		}
	}
	return s
}
