// Package history reads a plan's history from the git repository that
// holds its folder, without a git binary (go-git). It owns the mapping from
// commits to the plan's files: which commits changed the plan folder and
// which of its files each changed, when each file last changed, which
// files differ from the last commit, the tags that mark adopted versions,
// and the plan's files at any revision as a file system that content.Load
// reads. It knows nothing of pages or of the plan's model.
package history

import (
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// State says how much history there is.
type State int

const (
	// Absent: the plan folder is not in a git repository, or it has no commits.
	Absent State = iota
	// Partial: a shallow clone, whose oldest commits are missing.
	Partial
	// Full: every commit is there.
	Full
)

// Commit is one commit that changed the plan folder.
type Commit struct {
	Hash    string
	When    time.Time // the author's date, in the author's time zone
	Subject string    // the first line of the message
	// Files are the plan files it added, changed or removed: slash paths
	// relative to the plan folder, sorted.
	Files []string
}

// Tag is a tag and the commit it marks.
type Tag struct {
	Name   string
	Commit string
	When   time.Time // the date of the commit it marks
}

// Log is a plan's history. Its zero value, and a nil *Log, is an absent
// history.
type Log struct {
	State State
	// Commits changed the plan folder, newest first. They are the first
	// parents from HEAD back, as `git log --first-parent`: a merge is one
	// change, of everything it brought in.
	Commits []Commit
	// Tags are all the repository's tags that mark commits, oldest first.
	Tags []Tag
	// Uncommitted are the plan files that differ from the last commit,
	// when Open was asked to look (serve).
	Uncommitted map[string]bool

	repo    *git.Repository
	prefix  string // the plan folder within the repository: "" or "plans/cedar-valley"
	head    plumbing.Hash
	changed map[string]time.Time // file → when it last changed
	shallow map[plumbing.Hash]bool
	maxSize int64
	objects sync.Mutex // held by PlanAt and its file systems, which may be read from several goroutines
}

// Options configure Open.
type Options struct {
	// Uncommitted also compares these plan files (slash paths relative to
	// the plan folder) with the last commit.
	Uncommitted []string
	// MaxFileSize is the largest file read from a revision (0: no limit).
	MaxFileSize int64
}

// Open reads the history of the plan folder dir. A folder outside git,
// or a repository without commits, is an absent history, not an error.
func Open(dir string, opt Options) (*Log, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	repo, err := git.PlainOpenWithOptions(abs, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if errors.Is(err, git.ErrRepositoryNotExists) {
		return &Log{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading the git repository of %s: %v", dir, err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		return &Log{}, nil // a bare repository has no plan folder
	}
	root := wt.Filesystem.Root()
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return &Log{}, nil
	}
	l := &Log{repo: repo, prefix: strings.TrimPrefix(filepath.ToSlash(rel), "."), maxSize: opt.MaxFileSize}
	ref, err := repo.Head()
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return l, nil // no commits yet
	}
	if err != nil {
		return nil, fmt.Errorf("reading HEAD: %v", err)
	}
	l.head = ref.Hash()
	if err := l.readFast(); err != nil {
		return nil, err
	}
	if opt.Uncommitted != nil {
		if l.Uncommitted, err = l.uncommitted(abs, opt.Uncommitted); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// MarkUncommitted compares files (slash paths relative to the plan folder
// dir) with the last commit again, as Options.Uncommitted does, and
// reports whether the set of files that differ changed.
func (l *Log) MarkUncommitted(dir string, files []string) (bool, error) {
	if l == nil || l.head.IsZero() {
		return false, nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return false, err
	}
	now, err := l.uncommitted(abs, files)
	if err != nil {
		return false, err
	}
	moved := len(now) != len(l.Uncommitted)
	for f := range now {
		moved = moved || !l.Uncommitted[f]
	}
	l.Uncommitted = now
	return moved, nil
}

// Head returns the commit that HEAD names now ("" if none): serve compares
// it with the one the log was read at.
func (l *Log) Head() string {
	if l == nil || l.repo == nil {
		return ""
	}
	ref, err := l.repo.Head()
	if err != nil {
		return ""
	}
	return ref.Hash().String()
}

// ReadAt returns the commit the log was read at ("" if none).
func (l *Log) ReadAt() string {
	if l == nil || l.head.IsZero() {
		return ""
	}
	return l.head.String()
}

// Note is one line for people about a history that is partial or absent,
// or "" when it is whole.
func (l *Log) Note() string {
	switch {
	case l == nil || l.State == Absent:
		return "note: the plan folder is not in a git repository with commits, so pages show no last-updated dates and there is no Changes page"
	case len(l.Commits) == 0:
		return "note: no commit has changed the plan folder yet, so pages show no last-updated dates and there is no Changes page"
	case l.State == Partial:
		return fmt.Sprintf("note: this is a shallow clone: the plan's history starts at %s (fetch the whole history, e.g. `git fetch --unshallow`, for all of it)", l.Commits[len(l.Commits)-1].When.Format("2006-01-02"))
	}
	return ""
}

// LastChanged returns the newest date on which a commit changed any of
// files (slash paths relative to the plan folder; a path ending in "/"
// stands for the files inside it; nil: the whole plan), and whether one did.
func (l *Log) LastChanged(files ...string) (time.Time, bool) {
	if l == nil {
		return time.Time{}, false
	}
	if files == nil {
		if len(l.Commits) == 0 {
			return time.Time{}, false
		}
		return l.Commits[0].When, true
	}
	var last time.Time
	for f, when := range l.changed {
		if matches(f, files) && when.After(last) {
			last = when
		}
	}
	return last, !last.IsZero()
}

// HasUncommitted reports whether any of files (as for LastChanged) differs
// from the last commit.
func (l *Log) HasUncommitted(files ...string) bool {
	if l == nil {
		return false
	}
	for f := range l.Uncommitted {
		if files == nil || matches(f, files) {
			return true
		}
	}
	return false
}

func matches(f string, files []string) bool {
	for _, d := range files {
		if f == d || strings.HasSuffix(d, "/") && strings.HasPrefix(f, d) {
			return true
		}
	}
	return false
}

// Versions returns the tags whose names match the glob pattern (the
// syntax of path.Match), oldest first. A bad pattern matches nothing.
func (l *Log) Versions(pattern string) []Tag {
	if l == nil || pattern == "" {
		return nil
	}
	var out []Tag
	for _, t := range l.Tags {
		if ok, _ := path.Match(pattern, t.Name); ok {
			out = append(out, t)
		}
	}
	return out
}

// readFast reads the history through a second handle on the repository
// that keeps its pack files open for the walk (go-git otherwise opens a
// pack file again for each object it reads), and closes them after it.
func (l *Log) readFast() error {
	st, ok := l.repo.Storer.(*filesystem.Storage)
	if !ok {
		return l.read()
	}
	fast := filesystem.NewStorageWithOptions(st.Filesystem(), cache.NewObjectLRUDefault(), filesystem.Options{KeepDescriptors: true})
	defer fast.Close()
	repo, err := git.Open(fast, nil)
	if err != nil {
		return l.read()
	}
	kept := l.repo
	l.repo = repo
	defer func() { l.repo = kept }()
	return l.read()
}

// read walks the commits from HEAD, back to the commit the cache was
// written at if it is on the way (see cache.go), and reads the tags.
func (l *Log) read() error {
	shallow, err := l.repo.Storer.Shallow()
	if err != nil {
		return err
	}
	l.State = Full
	if len(shallow) > 0 {
		l.State = Partial
	}
	l.shallow = map[plumbing.Hash]bool{}
	for _, h := range shallow {
		l.shallow[h] = true
	}
	l.changed = map[string]time.Time{}
	key := shallowKey(shallow)
	cached := l.loadCache(key)
	stop := ""
	if cached != nil {
		stop = cached.Head
	}
	reached, err := l.walk(stop)
	if err != nil {
		return err
	}
	if reached {
		for _, c := range cached.commits() {
			l.record(c)
		}
	}
	sort.SliceStable(l.Commits, func(i, j int) bool { return l.Commits[i].When.After(l.Commits[j].When) })
	l.saveCache(key, cached)
	return l.readTags()
}

// walk follows the first parents from HEAD, recording the commits that
// changed the plan folder, until the commit stop ("": none), which it
// reports reaching, or the first commit.
func (l *Log) walk(stop string) (bool, error) {
	if stop == l.head.String() {
		return true, nil // nothing new since the cache
	}
	c, err := l.repo.CommitObject(l.head)
	var tree *object.Tree // the plan folder's tree in c
	if err == nil {
		tree, err = l.planTree(c)
	}
	for err == nil && c != nil {
		if stop != "" && c.Hash.String() == stop {
			return true, nil
		}
		var parent *object.Commit
		var parentTree *object.Tree
		if c.NumParents() > 0 && !l.shallow[c.Hash] {
			if parent, err = c.Parent(0); err == nil {
				parentTree, err = l.planTree(parent)
			}
			if err != nil {
				return false, fmt.Errorf("reading the plan's history at %.7s: %v", c.Hash, err)
			}
		}
		if err = l.add(c, tree, parentTree); err != nil {
			return false, err
		}
		c, tree = parent, parentTree
	}
	if err != nil {
		return false, fmt.Errorf("reading the plan's history: %v", err)
	}
	return false, nil
}

// add records a commit if it changed the plan folder, whose trees in the
// commit and in its first parent are tree and parent (nil: no such folder).
func (l *Log) add(c *object.Commit, tree, parent *object.Tree) error {
	files, err := filesChanged(tree, parent)
	if err != nil || len(files) == 0 {
		return err
	}
	l.record(Commit{Hash: c.Hash.String(), When: c.Author.When, Subject: subject(c.Message), Files: files})
	return nil
}

// record adds a commit that changed the plan folder.
func (l *Log) record(c Commit) {
	l.Commits = append(l.Commits, c)
	for _, f := range c.Files {
		if c.When.After(l.changed[f]) {
			l.changed[f] = c.When
		}
	}
}

// filesChanged lists the plan files that differ between the plan
// folder's tree in a commit and in its first parent (nil: no folder, as
// for the first commit or the oldest of a shallow clone).
func filesChanged(tree, parent *object.Tree) ([]string, error) {
	if tree == nil && parent == nil || tree != nil && parent != nil && tree.Hash == parent.Hash {
		return nil, nil
	}
	if tree == nil {
		tree = &object.Tree{}
	}
	if parent == nil {
		parent = &object.Tree{}
	}
	changes, err := object.DiffTree(parent, tree)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var files []string
	for _, ch := range changes {
		for _, name := range []string{ch.From.Name, ch.To.Name} {
			if name != "" && !seen[name] {
				seen[name] = true
				files = append(files, name)
			}
		}
	}
	sort.Strings(files)
	return files, nil
}

// planTree returns the plan folder's tree in a commit, or nil if the
// commit has no such folder.
func (l *Log) planTree(c *object.Commit) (*object.Tree, error) {
	tree, err := c.Tree()
	if err != nil {
		return nil, err
	}
	if l.prefix == "" {
		return tree, nil
	}
	sub, err := tree.Tree(l.prefix)
	if errors.Is(err, object.ErrDirectoryNotFound) || errors.Is(err, object.ErrEntryNotFound) {
		return nil, nil
	}
	return sub, err
}

func (l *Log) readTags() error {
	refs, err := l.repo.Tags()
	if err != nil {
		return err
	}
	err = refs.ForEach(func(ref *plumbing.Reference) error {
		c, err := l.commitOf(ref.Hash())
		if err != nil {
			return nil // a tag of a tree or blob, or of a commit a shallow clone lacks
		}
		l.Tags = append(l.Tags, Tag{Name: ref.Name().Short(), Commit: c.Hash.String(), When: c.Author.When})
		return nil
	})
	if err != nil {
		return err
	}
	sort.SliceStable(l.Tags, func(i, j int) bool {
		if !l.Tags[i].When.Equal(l.Tags[j].When) {
			return l.Tags[i].When.Before(l.Tags[j].When)
		}
		return l.Tags[i].Name < l.Tags[j].Name
	})
	return nil
}

// commitOf returns the commit a tag points to, through annotated tags.
func (l *Log) commitOf(h plumbing.Hash) (*object.Commit, error) {
	if t, err := l.repo.TagObject(h); err == nil {
		return t.Commit()
	}
	return l.repo.CommitObject(h)
}

// Resolve returns the commit a revision names: a tag, a branch, a hash,
// HEAD~2.
func (l *Log) Resolve(rev string) (string, error) {
	if l == nil || l.repo == nil {
		return "", errors.New("the plan folder is not in a git repository")
	}
	h, err := l.repo.ResolveRevision(plumbing.Revision(rev))
	if err != nil {
		return "", fmt.Errorf("unknown revision %q: %v", rev, err)
	}
	c, err := l.commitOf(*h)
	if err != nil {
		return "", fmt.Errorf("revision %q is not a commit: %v", rev, err)
	}
	return c.Hash.String(), nil
}

func subject(msg string) string {
	first, _, _ := strings.Cut(strings.TrimSpace(msg), "\n")
	return strings.TrimSpace(first)
}

// readAll reads a blob whole, refusing one above max bytes (0: no limit).
func readAll(r io.Reader, max int64) ([]byte, error) {
	if max <= 0 {
		return io.ReadAll(r)
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err == nil && int64(len(data)) > max {
		return nil, errTooLarge
	}
	return data, err
}
