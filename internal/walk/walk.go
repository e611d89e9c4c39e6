// Package walk lists the files of a directory tree the way langsplit's
// commands read them: in sorted order, without hidden entries (a name that
// starts with "."; a hidden directory is left out whole), without following
// symlinks, and regular files only.
package walk

import (
	"io/fs"
	"path/filepath"
	"strings"
)

// Handler receives what Dir finds. Only File is required.
type Handler struct {
	// File is called with each regular file, in sorted order.
	File func(path string, d fs.DirEntry)
	// Skip is told of an entry left out that a user would expect to be
	// read: a symlink, a device, a named pipe (not hidden entries).
	Skip func(path, why string)
	// Err is told of an entry that could not be read; the walk goes on.
	Err func(path string, err error)
	// SkipDir, when set, leaves out the directories for which it is true
	// (the CLI's own output directory, say).
	SkipDir func(path string, d fs.DirEntry) bool
}

// Dir walks the tree under root.
func Dir(root string, h Handler) {
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			if h.Err != nil {
				h.Err(p, err)
			}
			return nil
		case p == root:
			return nil
		case strings.HasPrefix(d.Name(), "."):
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			if h.Skip != nil {
				h.Skip(p, "a symlink")
			}
		case d.IsDir():
			if h.SkipDir != nil && h.SkipDir(p, d) {
				return filepath.SkipDir
			}
		case d.Type().IsRegular():
			h.File(p, d)
		default:
			if h.Skip != nil {
				h.Skip(p, "not a regular file")
			}
		}
		return nil
	})
	if err != nil && h.Err != nil {
		h.Err(root, err)
	}
}
