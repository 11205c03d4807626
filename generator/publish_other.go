//go:build !linux

package generator

// swap puts the folder next in place of out with two renames. Between
// them out is missing for an instant; a build killed there leaves the old
// site at old, and the next build puts it back before it starts.
func swap(next, out, old string) error { return swapByRenames(next, out, old) }
