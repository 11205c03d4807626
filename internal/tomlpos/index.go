package tomlpos

import (
	"strconv"
	"strings"
)

// Index maps a path (see Path) to where it stands. It is a tree: each key
// and array element is a node that knows its parent, not its whole path,
// so that its size grows with the number of keys and values, not with how
// deep they nest.
type Index struct {
	nodes []node
	keys  map[keyEdge]int32
	lists [][]int32 // the elements of each array, in order
}

// node is one key or array element. Offsets are int32: content files are
// at most a few MB.
type node struct {
	key, value [2]int32
	list       int32 // 1 + its index in lists, for an array; 0 for none
	set        bool  // located in the text, not only passed through
}

type keyEdge struct {
	parent int32
	name   string
}

// root is the node of the whole document.
const root int32 = 0

func newIndex() *Index {
	return &Index{nodes: []node{{}}, keys: map[keyEdge]int32{}}
}

// Lookup returns where the path stands, if the text has it. A nil Index
// has nothing.
func (ix *Index) Lookup(path string) (Entry, bool) {
	if ix == nil || path == "" {
		return Entry{}, false
	}
	n := root
	for {
		part, rest, more := strings.Cut(path, string(sep))
		next, ok := ix.child(n, part)
		if !ok {
			return Entry{}, false
		}
		n = next
		if !more {
			break
		}
		path = rest
	}
	nd := ix.nodes[n]
	if !nd.set {
		return Entry{}, false
	}
	return Entry{Key: Span{int(nd.key[0]), int(nd.key[1])}, Value: Span{int(nd.value[0]), int(nd.value[1])}}, true
}

// Len returns how many paths the index holds.
func (ix *Index) Len() int {
	if ix == nil {
		return 0
	}
	n := 0
	for _, nd := range ix.nodes {
		if nd.set {
			n++
		}
	}
	return n
}

// child finds one part of a path under node n: an array element (#3) or,
// failing that, a key.
func (ix *Index) child(n int32, part string) (int32, bool) {
	if strings.HasPrefix(part, "#") {
		if i, err := strconv.Atoi(part[1:]); err == nil && i >= 0 {
			if l := ix.nodes[n].list; l > 0 && i < len(ix.lists[l-1]) {
				return ix.lists[l-1][i], true
			}
		}
	}
	c, ok := ix.keys[keyEdge{n, part}]
	return c, ok
}

// key returns the node of key name under parent, adding it if needed.
func (ix *Index) key(parent int32, name string) int32 {
	e := keyEdge{parent, name}
	if c, ok := ix.keys[e]; ok {
		return c
	}
	c := ix.add()
	ix.keys[e] = c
	return c
}

// elem returns the node of element i of the array parent, adding it if
// needed. Elements are added in order: i is at most their number.
func (ix *Index) elem(parent int32, i int) int32 {
	l := ix.nodes[parent].list
	if l == 0 {
		ix.lists = append(ix.lists, nil)
		l = int32(len(ix.lists))
		ix.nodes[parent].list = l
	}
	if i < len(ix.lists[l-1]) {
		return ix.lists[l-1][i]
	}
	c := ix.add()
	ix.lists[l-1] = append(ix.lists[l-1], c)
	return c
}

func (ix *Index) add() int32 {
	ix.nodes = append(ix.nodes, node{})
	return int32(len(ix.nodes) - 1)
}

func (ix *Index) isSet(n int32) bool { return ix.nodes[n].set }

func (ix *Index) set(n int32, e Entry) {
	nd := &ix.nodes[n]
	nd.key = [2]int32{int32(e.Key.Start), int32(e.Key.End)}
	nd.value = [2]int32{int32(e.Value.Start), int32(e.Value.End)}
	nd.set = true
}
