// Package gittest makes git repositories for tests, with go-git: files
// written and committed at fixed dates, tags, and shallow clones. No git
// binary is needed.
package gittest

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// Repo is a repository with a work tree, made for a test.
type Repo struct {
	Dir  string
	t    testing.TB
	repo *git.Repository
	wt   *git.Worktree
}

// Init makes a repository in dir.
func Init(t testing.TB, dir string) *Repo {
	t.Helper()
	repo, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	return &Repo{Dir: dir, t: t, repo: repo, wt: wt}
}

// Write writes files (slash paths relative to the repository's folder).
func (r *Repo) Write(files map[string]string) {
	r.t.Helper()
	for name, text := range files {
		p := filepath.Join(r.Dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			r.t.Fatal(err)
		}
	}
}

// Remove deletes a file.
func (r *Repo) Remove(name string) {
	r.t.Helper()
	if err := os.Remove(filepath.Join(r.Dir, filepath.FromSlash(name))); err != nil {
		r.t.Fatal(err)
	}
}

// Commit commits every change of the work tree at the given date and
// returns the commit's hash.
func (r *Repo) Commit(msg string, when time.Time) string {
	r.t.Helper()
	if err := r.wt.AddWithOptions(&git.AddOptions{All: true}); err != nil {
		r.t.Fatal(err)
	}
	sig := &object.Signature{Name: "Pat Example", Email: "pat@district.example", When: when}
	h, err := r.wt.Commit(msg, &git.CommitOptions{Author: sig, Committer: sig, All: true, AllowEmptyCommits: true})
	if err != nil {
		r.t.Fatal(err)
	}
	return h.String()
}

// Tag tags HEAD with a lightweight tag.
func (r *Repo) Tag(name string) {
	r.t.Helper()
	head, err := r.repo.Head()
	if err != nil {
		r.t.Fatal(err)
	}
	if _, err := r.repo.CreateTag(name, head.Hash(), nil); err != nil {
		r.t.Fatal(err)
	}
}

// AnnotatedTag tags HEAD with an annotated tag dated when.
func (r *Repo) AnnotatedTag(name, msg string, when time.Time) {
	r.t.Helper()
	head, err := r.repo.Head()
	if err != nil {
		r.t.Fatal(err)
	}
	sig := &object.Signature{Name: "Pat Example", Email: "pat@district.example", When: when}
	if _, err := r.repo.CreateTag(name, head.Hash(), &git.CreateTagOptions{Tagger: sig, Message: msg}); err != nil {
		r.t.Fatal(err)
	}
}

// ShallowClone clones the repository into dir with only the newest depth
// commits, as CI checkouts do.
func (r *Repo) ShallowClone(dir string, depth int) {
	r.t.Helper()
	_, err := git.PlainClone(dir, false, &git.CloneOptions{URL: "file://" + r.Dir, Depth: depth, ReferenceName: plumbing.Master, SingleBranch: true})
	if err != nil {
		r.t.Fatal(err)
	}
}

// Day is noon UTC of a date, for commits at fixed dates.
func Day(year int, month time.Month, day int) time.Time {
	return time.Date(year, month, day, 12, 0, 0, 0, time.UTC)
}

// ResetHard moves HEAD and the work tree to commit, as `git reset --hard`
// does: the commits after it leave the branch (a rewritten history).
func (r *Repo) ResetHard(commit string) {
	r.t.Helper()
	if err := r.wt.Reset(&git.ResetOptions{Commit: plumbing.NewHash(commit), Mode: git.HardReset}); err != nil {
		r.t.Fatal(err)
	}
}
