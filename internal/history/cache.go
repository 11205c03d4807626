package history

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// A plan's history is kept between builds in the repository's git folder
// (.git/trellis/history-*.json, one file per plan folder), as the commits
// it found up to the HEAD it read. The next Open walks from the new HEAD
// only back to that commit, so a build reads the commits made since the
// last one, not the whole history again. The file is a cache: a missing,
// unreadable or stale one (another HEAD line after a rebase, a shallow
// clone deepened) only means the walk goes to the first commit, and a git
// folder that cannot be written to is left alone.

// cacheVersion changes when the file's form or its meaning does.
const cacheVersion = 1

type cacheFile struct {
	Version int
	Prefix  string
	Head    string
	Shallow string // the shallow commits, hashed: a change means another history
	Commits []cachedCommit
}

type cachedCommit struct {
	Hash, Subject string
	Unix          int64
	Offset        int  // seconds east of UTC, of the author's time zone
	UTC           bool // the zone is UTC itself (no zone in the commit)
	Files         []string
}

// cachePath is where the log's cache lives, or "" if the repository has no
// git folder on disk.
func (l *Log) cachePath() string {
	st, ok := l.repo.Storer.(*filesystem.Storage)
	if !ok {
		return ""
	}
	root := st.Filesystem().Root()
	if root == "" || !filepath.IsAbs(root) {
		return ""
	}
	sum := sha256.Sum256([]byte(l.prefix))
	return filepath.Join(root, "trellis", "history-"+hex.EncodeToString(sum[:8])+".json")
}

// loadCache returns the cached history of the plan folder, or nil.
func (l *Log) loadCache(shallow string) *cacheFile {
	path := l.cachePath()
	if path == "" {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	var c cacheFile
	if json.Unmarshal(data, &c) != nil || c.Version != cacheVersion || c.Prefix != l.prefix || c.Shallow != shallow || c.Head == "" {
		return nil
	}
	return &c
}

// saveCache writes the history just read, if it differs from the cached
// one; failures are ignored (see above).
func (l *Log) saveCache(shallow string, old *cacheFile) {
	path := l.cachePath()
	if path == "" || old != nil && old.Head == l.head.String() {
		return
	}
	c := cacheFile{Version: cacheVersion, Prefix: l.prefix, Head: l.head.String(), Shallow: shallow}
	for _, cm := range l.Commits {
		_, off := cm.When.Zone()
		c.Commits = append(c.Commits, cachedCommit{Hash: cm.Hash, Subject: cm.Subject, Unix: cm.When.Unix(),
			Offset: off, UTC: cm.When.Location() == time.UTC, Files: cm.Files})
	}
	data, err := json.Marshal(c)
	if err != nil || os.MkdirAll(filepath.Dir(path), 0o755) != nil {
		return
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".history-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(data)
	if cerr := tmp.Close(); werr != nil || cerr != nil || os.Rename(tmp.Name(), path) != nil {
		os.Remove(tmp.Name())
	}
}

// commits returns the cached commits as the walk would have found them.
func (c *cacheFile) commits() []Commit {
	out := make([]Commit, len(c.Commits))
	for i, cm := range c.Commits {
		when := time.Unix(cm.Unix, 0).In(time.UTC)
		if !cm.UTC {
			when = when.In(time.FixedZone("", cm.Offset))
		}
		out[i] = Commit{Hash: cm.Hash, When: when, Subject: cm.Subject, Files: cm.Files}
	}
	return out
}

// shallowKey names a set of shallow commits.
func shallowKey(shallow []plumbing.Hash) string {
	if len(shallow) == 0 {
		return ""
	}
	hashes := make([]string, len(shallow))
	for i, h := range shallow {
		hashes[i] = h.String()
	}
	sort.Strings(hashes)
	sum := sha256.New()
	for _, h := range hashes {
		sum.Write([]byte(h))
	}
	return hex.EncodeToString(sum.Sum(nil)[:16])
}
