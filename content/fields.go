package content

import (
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// field describes one key of the model, read from its struct tags.
type field struct {
	Key      string
	Index    []int
	Type     reflect.Type
	Required bool
	Enum     []string
	Min, Max *float64
	Doc      string
}

var fieldCache sync.Map // reflect.Type → []field

// fieldsOf returns the keys of a model struct, in declaration order.
// Embedded structs without a toml tag (Body) contribute nothing.
func fieldsOf(t reflect.Type) []field {
	if f, ok := fieldCache.Load(t); ok {
		return f.([]field)
	}
	var out []field
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag, ok := sf.Tag.Lookup("toml")
		if !ok || tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		f := field{Key: name, Index: sf.Index, Type: sf.Type, Required: opts == "required", Doc: sf.Tag.Get("doc")}
		if e := sf.Tag.Get("enum"); e != "" {
			f.Enum = strings.Split(e, ",")
		}
		f.Min = tagFloat(sf.Tag.Get("min"))
		f.Max = tagFloat(sf.Tag.Get("max"))
		out = append(out, f)
	}
	fieldCache.Store(t, out)
	return out
}

func tagFloat(s string) *float64 {
	if s == "" {
		return nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		panic("content: bad number in struct tag: " + s) // a programming error, caught by every test
	}
	return &v
}

func keysOf(fs []field) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Key
	}
	return out
}

var (
	typeRef      = reflect.TypeOf(Ref{})
	typeDate     = reflect.TypeOf(Date{})
	typePosition = reflect.TypeOf(Position{})
)
