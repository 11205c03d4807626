package content

import (
	"io/fs"
	"sort"
	"sync"
	"time"
)

// Cache keeps the parsed files of one plan between loads, so that a reload
// reads and parses only the files that changed: those named to Forget, and
// any whose modification time or size differs from when it was read.
// Decoding and validation run again on every load; they are cheap, and
// depend on the rest of the plan. A Cache is safe for concurrent use, but
// serves one plan folder only.
type Cache struct {
	mu     sync.Mutex
	files  map[string]cacheEntry
	dirty  map[string]bool
	reread []string
}

type cacheEntry struct {
	mod      time.Time
	size     int64
	markdown bool
	parsed   *parsedFile
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{files: map[string]cacheEntry{}, dirty: map[string]bool{}}
}

// Forget marks files (slash paths relative to the plan folder) as changed,
// so the next load reads them again.
func (c *Cache) Forget(names ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, n := range names {
		c.dirty[n] = true
	}
}

// Reread lists the files the last load read from disk, sorted.
func (c *Cache) Reread() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := append([]string(nil), c.reread...)
	sort.Strings(out)
	return out
}

func (c *Cache) begin() {
	c.mu.Lock()
	c.reread = c.reread[:0]
	c.mu.Unlock()
}

// lookup returns the cached parse of a file that has not changed.
func (c *Cache) lookup(fsys fs.FS, name string, markdown bool) *parsedFile {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.files[name]
	if !ok || c.dirty[name] || e.markdown != markdown || !e.mod.Equal(info.ModTime()) || e.size != info.Size() {
		return nil
	}
	return e.parsed
}

// store keeps a file's parse. The file is stated after it was read: if it
// changed in between, the next load sees another time or size and reads it
// again.
func (c *Cache) store(fsys fs.FS, name string, markdown bool, p *parsedFile) {
	info, err := fs.Stat(fsys, name)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.reread = append(c.reread, name)
	delete(c.dirty, name)
	if err != nil || int64(len(p.text)) != info.Size() {
		delete(c.files, name) // changed while being read
		return
	}
	c.files[name] = cacheEntry{mod: info.ModTime(), size: info.Size(), markdown: markdown, parsed: p}
}

// LoadCached is Load with a cache: files that have not changed since the
// cache last saw them are not read or parsed again.
//
// Most files of a plan draw no diagnostic, and their keys' places are never
// needed: a load decodes and checks the plan once with every key placed at
// its file's root, without locating any key. If some files drew a
// diagnostic, it decodes and checks the plan again from the same parsed
// files, locating the keys of those files only, so that every diagnostic
// points at its exact place. The Pos fields of the plan are therefore
// exact in files with a diagnostic, and the root of the file elsewhere.
func LoadCached(fsys fs.FS, c *Cache) (*Plan, Diagnostics) {
	if c != nil {
		c.begin()
	}
	l := newLoader(fsys, c, newReads(), map[string]bool{})
	if !l.isPlan() {
		return nil, l.diags
	}
	l.load()
	// A file's diagnostics do not depend on where its keys stand, so the
	// second pass reports in the same files; the loop only makes sure.
	for more := l.unplacedDiagnostics(); len(more) > 0; more = l.unplacedDiagnostics() {
		locate := l.locate
		for _, name := range more {
			locate[name] = true
		}
		l = newLoader(fsys, c, l.reads, locate)
		l.load()
	}
	l.diags.Sort()
	return l.plan, l.diags
}

// Known reports whether a file was read through the cache at some point.
func (c *Cache) Known(name string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.files[name]
	return ok
}
