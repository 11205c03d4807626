package preview

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// A watcher reports batches of changed paths (slash paths relative to the
// plan folder). A burst of changes, such as a `git checkout`, comes as one
// batch.
type watcher interface {
	Changes() <-chan []string
	Close() error
}

// ignored reports whether a path is not part of the plan's sources: hidden
// files and folders (.git), the default build output, and the temporary
// files editors write while saving.
func ignored(rel string) bool {
	for _, part := range strings.Split(rel, "/") {
		if strings.HasPrefix(part, ".") && part != "." || part == "public" || part == "node_modules" {
			return true
		}
	}
	base := filepath.Base(rel)
	switch {
	case strings.HasSuffix(base, "~"), strings.HasPrefix(base, "#"), strings.HasPrefix(base, "~"),
		strings.HasSuffix(base, ".swp"), strings.HasSuffix(base, ".swx"), strings.HasSuffix(base, ".tmp"),
		strings.Contains(base, "___jb_"), base == "4913":
		return true
	}
	return false
}

// batcher collects paths and sends them once no new one has come for
// quiet, or at the latest after maxWait.
type batcher struct {
	mu      sync.Mutex
	pending map[string]bool
	timer   *time.Timer
	first   time.Time
	quiet   time.Duration
	maxWait time.Duration
	out     chan []string
	closed  bool
}

func newBatcher(quiet time.Duration) *batcher {
	return &batcher{pending: map[string]bool{}, quiet: quiet, maxWait: 20 * quiet, out: make(chan []string, 16)}
}

func (b *batcher) add(rel string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return
	}
	if len(b.pending) == 0 {
		b.first = time.Now()
	}
	b.pending[rel] = true
	wait := b.quiet
	if left := b.maxWait - time.Since(b.first); left < wait {
		wait = max(left, 0)
	}
	if b.timer == nil {
		b.timer = time.AfterFunc(wait, b.flush)
	} else {
		b.timer.Reset(wait)
	}
}

func (b *batcher) flush() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed || len(b.pending) == 0 {
		return
	}
	batch := make([]string, 0, len(b.pending))
	for p := range b.pending {
		batch = append(batch, p)
	}
	sort.Strings(batch)
	b.pending = map[string]bool{}
	b.out <- batch
}

func (b *batcher) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.closed {
		b.closed = true
		if b.timer != nil {
			b.timer.Stop()
		}
		close(b.out)
	}
}

// notifyWatcher watches the plan folder and every folder in it with
// fsnotify, adding folders created after the start.
type notifyWatcher struct {
	dir   string
	w     *fsnotify.Watcher
	batch *batcher
	errs  func(error)
	done  chan struct{}
}

func newNotifyWatcher(dir string, quiet time.Duration, errs func(error)) (*notifyWatcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	nw := &notifyWatcher{dir: dir, w: fw, batch: newBatcher(quiet), errs: errs, done: make(chan struct{})}
	if err := nw.addTree(dir, false); err != nil {
		fw.Close()
		return nil, err
	}
	go nw.loop()
	return nw, nil
}

func (nw *notifyWatcher) Changes() <-chan []string { return nw.batch.out }

func (nw *notifyWatcher) Close() error {
	err := nw.w.Close()
	<-nw.done
	nw.batch.close()
	return err
}

func (nw *notifyWatcher) rel(p string) string {
	r, err := filepath.Rel(nw.dir, p)
	if err != nil {
		return ""
	}
	return filepath.ToSlash(r)
}

// addTree watches root and the folders below it. If report, the files
// found are reported as changed: they may have been written before the
// watch was in place.
func (nw *notifyWatcher) addTree(root string, report bool) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // gone already, or unreadable: nothing to watch
		}
		rel := nw.rel(p)
		if rel != "." && ignored(rel) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nw.w.Add(p)
		}
		if report {
			nw.batch.add(rel)
		}
		return nil
	})
}

func (nw *notifyWatcher) loop() {
	defer close(nw.done)
	for {
		select {
		case ev, ok := <-nw.w.Events:
			if !ok {
				return
			}
			rel := nw.rel(ev.Name)
			if rel == "" || rel == "." || ignored(rel) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					if err := nw.addTree(ev.Name, true); err != nil && nw.errs != nil {
						nw.errs(err)
					}
				}
			}
			if ev.Op == fsnotify.Chmod {
				continue // permissions only: nothing to rebuild
			}
			nw.batch.add(rel)
		case err, ok := <-nw.w.Errors:
			if !ok {
				return
			}
			if nw.errs != nil {
				nw.errs(err)
			}
		}
	}
}

// pollWatcher compares the folder's files with what it saw last time, for
// file systems that send no events (network drives, some containers).
type pollWatcher struct {
	dir   string
	batch *batcher
	seen  map[string]fileStamp
	stop  chan struct{}
	done  chan struct{}
}

type fileStamp struct {
	mod  time.Time
	size int64
}

func newPollWatcher(dir string, every time.Duration) *pollWatcher {
	pw := &pollWatcher{dir: dir, batch: newBatcher(every / 2), stop: make(chan struct{}), done: make(chan struct{})}
	pw.seen = pw.scan()
	go func() {
		defer close(pw.done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-pw.stop:
				return
			case <-t.C:
				now := pw.scan()
				for p, st := range now {
					if old, ok := pw.seen[p]; !ok || old != st {
						pw.batch.add(p)
					}
				}
				for p := range pw.seen {
					if _, ok := now[p]; !ok {
						pw.batch.add(p)
					}
				}
				pw.seen = now
			}
		}
	}()
	return pw
}

func (pw *pollWatcher) scan() map[string]fileStamp {
	m := map[string]fileStamp{}
	_ = filepath.WalkDir(pw.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		r, _ := filepath.Rel(pw.dir, p)
		rel := filepath.ToSlash(r)
		if rel != "." && ignored(rel) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			if info, err := d.Info(); err == nil {
				m[rel] = fileStamp{info.ModTime(), info.Size()}
			}
		}
		return nil
	})
	return m
}

func (pw *pollWatcher) Changes() <-chan []string { return pw.batch.out }

func (pw *pollWatcher) Close() error {
	close(pw.stop)
	<-pw.done
	pw.batch.close()
	return nil
}
