package generator

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"sync"
)

// maxFragments bounds a theme's cache of fragments. The built-in standards
// sets need a few dozen entries; a plan's own set, reloaded by serve after
// every edit of its file, makes new entries each time, and past the bound
// its fragments are rendered every time instead of kept.
const maxFragments = 1024

// fragments is a theme's cache of the output of the template function
// cached: a partial executed with data that is the same for many pages and
// districts, such as a standard of a built-in set, rendered once.
type fragments struct {
	mu sync.Mutex
	m  map[fragmentKey]template.HTML
}

// fragmentKey names a fragment: the template set that executes it (a page
// kind's, so that a plan's own partials are the ones used), the partial,
// and its data, a pointer to something that never changes once loaded.
type fragmentKey struct {
	set  *template.Template
	name string
	data any
}

// bind gives every template set of the theme its own cached function.
func (f *fragments) bind(sets ...map[string]*template.Template) {
	for _, m := range sets {
		for _, set := range m {
			set.Funcs(template.FuncMap{"cached": f.cachedIn(set)})
		}
	}
}

// cachedIn returns the template function cached of a set: cached NAME DATA
// executes the template NAME with DATA, a pointer, once, and returns what
// it wrote each time after. Other data is executed every time.
func (f *fragments) cachedIn(set *template.Template) func(string, any) (template.HTML, error) {
	return func(name string, data any) (template.HTML, error) {
		v := reflect.ValueOf(data)
		if v.Kind() != reflect.Pointer || v.IsNil() {
			return execute(set, name, data)
		}
		key := fragmentKey{set, name, data}
		f.mu.Lock()
		out, ok := f.m[key]
		f.mu.Unlock()
		if ok {
			return out, nil
		}
		out, err := execute(set, name, data)
		if err != nil {
			return "", err
		}
		f.mu.Lock()
		if f.m == nil {
			f.m = map[fragmentKey]template.HTML{}
		}
		if len(f.m) < maxFragments {
			f.m[key] = out
		}
		f.mu.Unlock()
		return out, nil
	}
}

// execute runs the template name of set, whose output is HTML.
func execute(set *template.Template, name string, data any) (template.HTML, error) {
	var b bytes.Buffer
	if err := set.ExecuteTemplate(cappedBuffer{&b}, name, data); err != nil {
		return "", fmt.Errorf("cached %q: %v", name, err)
	}
	return template.HTML(b.String()), nil
}
