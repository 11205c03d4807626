package content

import (
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// field describes one key of the model, read from its struct tags and its
// Go type once (fieldsOf caches it). The decoder, the key reference, the
// JSON schema and hints all read these facts from here.
type field struct {
	Key      string
	Index    []int
	Type     reflect.Type
	Required bool
	Enum     []string
	Min, Max *float64
	Doc      string
	// Kind is what the key holds, in TOML terms.
	Kind valueKind
	// Elem is the type of a list's items, or the struct of a table (or of
	// each table of an array of tables), pointers removed.
	Elem reflect.Type
	// Kept is set (tag translate:"no") on text that a translation keeps
	// as the main file writes it: names, addresses, funding sources.
	Kept bool
}

// valueKind is what a key holds, in TOML terms.
type valueKind int

// kindUnknown is the kind of a key that is not in the model, or that
// different tables of a file use for different kinds.
const kindUnknown valueKind = -1

const (
	kindText      valueKind = iota // a string
	kindID                         // a Ref: text naming a goal, standard or item
	kindDate                       // a Date, written 2025-08-04
	kindWhole                      // an int
	kindNumber                     // a float64
	kindBool                       // true or false
	kindList                       // a list of plain values
	kindTable                      // one table (a struct)
	kindTables                     // an array of tables
	kindLanguages                  // a table of tables by language tag (a map)
)

// kindOf classifies a model type, looking through pointers, and returns
// the element type of a list or the struct of a table.
func kindOf(t reflect.Type) (valueKind, reflect.Type) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == typeRef:
		return kindID, nil
	case t == typeDate:
		return kindDate, nil
	case t.Kind() == reflect.Slice:
		if k, _ := kindOf(t.Elem()); k == kindTable {
			_, st := kindOf(t.Elem())
			return kindTables, st
		}
		return kindList, t.Elem()
	case t.Kind() == reflect.Map:
		return kindLanguages, t.Elem()
	case t.Kind() == reflect.Struct:
		return kindTable, t
	case t.Kind() == reflect.Int:
		return kindWhole, nil
	case t.Kind() == reflect.Float64:
		return kindNumber, nil
	case t.Kind() == reflect.Bool:
		return kindBool, nil
	}
	return kindText, nil
}

// elemField describes the items of a list key: their kind, with the key's
// enum and bounds.
func (f field) elemField() field {
	k, elem := kindOf(f.Elem)
	return field{Type: f.Elem, Kind: k, Elem: elem, Enum: f.Enum, Min: f.Min, Max: f.Max}
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
		f.Kept = sf.Tag.Get("translate") == "no"
		f.Min = tagFloat(sf.Tag.Get("min"))
		f.Max = tagFloat(sf.Tag.Get("max"))
		f.Kind, f.Elem = kindOf(sf.Type)
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
