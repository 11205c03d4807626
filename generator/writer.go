package generator

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// writer receives the files of a site. Both implementations minify by file
// type if asked (HTML pages only if asked for them too), and remember the
// pages whose text the minifier would have changed (published unminified
// instead).
type writer interface {
	write(name string, data []byte) error
	// writeCompact takes a file that is as small as minifying would make
	// it, or, if compact() is false, as it is to be published.
	writeCompact(name string, data []byte) error
	// compact reports whether the writer minifies data files (JSON, XML).
	compact() bool
}

// folder is a site being written to disk: what every dirWriter of it
// wrote, shared by the workers of a portal build.
type folder struct {
	root       string
	minify     bool // CSS, JS, SVG, JSON and XML
	minifyHTML bool // and HTML pages

	mu    sync.Mutex
	names []string // every file written, for the manifest
	bytes int64
}

// writer returns a writer into the folder. Each goroutine uses its own.
func (f *folder) writer() *dirWriter { return &dirWriter{f: f, dirs: map[string]bool{}} }

func (f *folder) add(name string, n int) {
	f.mu.Lock()
	f.names = append(f.names, name)
	f.bytes += int64(n)
	f.mu.Unlock()
}

// dirWriter writes files under a folder's root.
type dirWriter struct {
	f          *folder
	dirs       map[string]bool
	keepText   bool     // see minifyByName
	unminified []string // pages published unminified
}

func (d *dirWriter) write(name string, data []byte) error {
	return d.writeCompact(name, d.minified(name, data))
}

// minified is data as write publishes it.
func (d *dirWriter) minified(name string, data []byte) []byte {
	if !d.f.minify {
		return data
	}
	data, unminified := minifyByName(name, data, d.f.minifyHTML, d.keepText)
	if unminified {
		d.unminified = append(d.unminified, name)
	}
	return data
}

func (d *dirWriter) compact() bool { return d.f.minify }

func (d *dirWriter) writeCompact(name string, data []byte) error {
	p := filepath.Join(d.f.root, filepath.FromSlash(name))
	if dir := filepath.Dir(p); !d.dirs[dir] {
		if err := d.mkdir(dir); err != nil {
			return err
		}
	}
	if err := writeSiteFile(p, data); err != nil {
		return err
	}
	d.f.add(name, len(data))
	return nil
}

// mkdir makes a folder of the site. Most pages are alone in a new folder
// whose parent exists already, so one mkdir call usually does instead of
// the several of MkdirAll: in a large portal that is a tenth of the time.
func (d *dirWriter) mkdir(dir string) error {
	parent := filepath.Dir(dir)
	var err error
	if d.dirs[parent] || parent == d.f.root {
		err = os.Mkdir(dir, 0o755)
		if errors.Is(err, fs.ErrExist) {
			err = nil
		} else if errors.Is(err, fs.ErrNotExist) {
			err = os.MkdirAll(dir, 0o755) // the root, not made yet
		}
	} else {
		err = os.MkdirAll(dir, 0o755)
	}
	if err == nil {
		d.dirs[dir] = true
	}
	return err
}

// memWriter keeps a site in memory.
type memWriter struct {
	files      map[string][]byte
	minify     bool    // CSS, JS, SVG, JSON and XML
	minifyHTML bool    // and HTML pages
	keepText   bool    // see minifyByName
	compress   bool    // files are kept deflated (see deflate.go)
	dict       *[]byte // what they are deflated against: the first page written, if not set before
	unminified []string

	deflater deflater
}

func (m *memWriter) write(name string, data []byte) error {
	unminified := false
	if m.minify {
		data, unminified = minifyByName(name, data, m.minifyHTML, m.keepText)
	}
	if unminified {
		m.unminified = append(m.unminified, name)
	}
	return m.writeCompact(name, data)
}

func (m *memWriter) compact() bool { return m.minify }

func (m *memWriter) writeCompact(name string, data []byte) error {
	if m.compress {
		if len(*m.dict) == 0 && strings.HasSuffix(name, ".html") {
			*m.dict = bytes.Clone(data)
		}
		m.files[path.Clean(name)] = m.deflater.deflate(data, *m.dict)
		return nil
	}
	m.files[path.Clean(name)] = append([]byte(nil), data...)
	return nil
}

// prefixWriter writes files into a folder of another writer.
type prefixWriter struct {
	w      writer
	prefix string
}

func (p *prefixWriter) write(name string, data []byte) error {
	if name == "robots.txt" {
		return nil // one robots.txt, at the portal's root
	}
	return p.w.write(p.prefix+name, data)
}

func (p *prefixWriter) writeCompact(name string, data []byte) error {
	if name == "robots.txt" {
		return nil
	}
	return p.w.writeCompact(p.prefix+name, data)
}

func (p *prefixWriter) compact() bool { return p.w.compact() }

// within returns w itself, or a writer into its folder prefix.
func within(w writer, prefix string) writer {
	if prefix == "" {
		return w
	}
	return &prefixWriter{w, prefix}
}

func sortedCopy(names []string) []string {
	out := append([]string(nil), names...)
	sort.Strings(out)
	return out
}
