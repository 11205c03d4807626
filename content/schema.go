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
			s := schemaOf(k.Type, nil)
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

// schemaOf returns the JSON Schema of a key (or, with f nil, of the model
// struct t as a whole).
func schemaOf(t reflect.Type, f *field) map[string]any {
	if f == nil {
		k, elem := kindOf(t)
		f = &field{Type: t, Kind: k, Elem: elem}
	}
	s := map[string]any{}
	if f.Doc != "" {
		s["description"] = f.Doc
	}
	switch f.Kind {
	case kindText, kindID:
		s["type"] = "string"
		if f.Kind == kindText && len(f.Enum) > 0 {
			s["enum"] = f.Enum
		}
	case kindDate:
		s["type"], s["format"] = "string", "date"
	case kindWhole:
		s["type"] = "integer"
	case kindNumber:
		s["type"] = "number"
	case kindBool:
		s["type"] = "boolean"
	case kindList, kindTables:
		s["type"] = "array"
		item := f.elemField()
		if f.Kind == kindTables {
			item = field{Type: f.Elem, Kind: kindTable, Elem: f.Elem}
		}
		s["items"] = schemaOf(item.Type, &item)
		if f.Required {
			s["minItems"] = 1
		}
		return s
	case kindTable:
		return objectSchema(s, f.Elem)
	case kindLanguages:
		s["type"] = "object"
		s["additionalProperties"] = objectSchema(map[string]any{}, f.Elem)
		return s
	}
	if f.Min != nil {
		s["minimum"] = *f.Min
	}
	if f.Max != nil {
		s["maximum"] = *f.Max
	}
	if f.Required && f.Kind == kindText {
		s["minLength"] = 1
	}
	return s
}

// objectSchema fills s with the schema of a table: its keys, the required
// ones, and no others.
func objectSchema(s map[string]any, t reflect.Type) map[string]any {
	s["type"] = "object"
	props := map[string]any{}
	var required []string
	for _, sub := range fieldsOf(t) {
		sub := sub
		props[sub.Key] = schemaOf(sub.Type, &sub)
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
