package history

import (
	"errors"
	"io/fs"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/trellis-pl/trellis/internal/planfs"
)

// uncommitted returns which of files differ from the last commit: their
// contents hashed as git does, compared with the blobs of HEAD's tree. It
// reads only the plan files asked about, through planfs, so it is cheap
// enough for every rebuild of serve.
func (l *Log) uncommitted(dir string, files []string) (map[string]bool, error) {
	c, err := l.repo.CommitObject(l.head)
	if err != nil {
		return nil, err
	}
	tree, err := l.planTree(c)
	if err != nil {
		return nil, err
	}
	fsys, err := planfs.Dir(dir, planfs.MaxFileSize)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, f := range files {
		data, err := fsys.ReadFile(f)
		if errors.Is(err, fs.ErrNotExist) {
			continue // deleted: no page shows it any more
		}
		if err != nil {
			continue // the loader reports it
		}
		if !committed(tree, f, plumbing.ComputeHash(plumbing.BlobObject, data)) {
			out[f] = true
		}
	}
	return out, nil
}

func committed(tree *object.Tree, name string, h plumbing.Hash) bool {
	if tree == nil {
		return false
	}
	e, err := tree.FindEntry(name)
	return err == nil && e.Hash == h
}
