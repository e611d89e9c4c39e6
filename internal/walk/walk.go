// Package walk lists the files of a directory tree the way langsplit's
// commands read them: in sorted order, without hidden entries (a name that
// starts with "."; a hidden directory is left out whole), regular files
// only, and without following the symlinks met inside the tree. The root
// itself is followed when it is a symlink to a directory, as grep -r and
// find -H follow their arguments.
//
// Memory does not grow with the size of a directory: past a few thousand
// entries, a directory's names are sorted through temporary files
// (package extsort) instead of in memory.
package walk

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/langsplit/langsplit/internal/extsort"
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
	// TempDir holds the temporary files of large directories (os.TempDir
	// when "").
	TempDir string
}

// sortBudget is how many bytes of one directory's names are sorted in
// memory (about 20,000 names); a larger directory is sorted through
// temporary files.
var sortBudget = 1 << 20

// Dir walks the tree under root. A root that is a symlink to a directory
// is followed; paths given to the handler start with root as given.
func Dir(root string, h Handler) {
	fi, err := os.Stat(root)
	if err != nil {
		h.err(root, err)
		return
	}
	if !fi.IsDir() {
		h.err(root, &fs.PathError{Op: "walk", Path: root, Err: errors.New("not a directory")})
		return
	}
	h.dir(root)
}

func (h *Handler) err(p string, err error) {
	if h.Err != nil {
		h.Err(p, err)
	}
}

func (h *Handler) skip(p, why string) {
	if h.Skip != nil {
		h.Skip(p, why)
	}
}

// dir walks the directory at p.
func (h *Handler) dir(p string) {
	it, err := h.list(p)
	if err != nil {
		h.err(p, err)
	}
	if it == nil {
		return
	}
	defer it.Close()
	for r, ok := it.Next(); ok; r, ok = it.Next() {
		d := &entry{path: filepath.Join(p, r.Key), name: r.Key, typ: fs.FileMode(decodeType(r.Val))}
		switch {
		case d.typ&fs.ModeSymlink != 0:
			h.skip(d.path, "a symlink")
		case d.typ.IsDir():
			if h.SkipDir == nil || !h.SkipDir(d.path, d) {
				h.dir(d.path)
			}
		case d.typ.IsRegular():
			h.File(d.path, d)
		default:
			h.skip(d.path, "not a regular file")
		}
	}
	if err := it.Err(); err != nil {
		h.err(p, err)
	}
}

// list returns the directory's entries that are not hidden, sorted by
// name, with their types. On a read error it returns what it read and the
// error.
func (h *Handler) list(p string) (*extsort.Iter, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s := extsort.New(h.TempDir, sortBudget)
	var readErr error
	for {
		batch, err := f.ReadDir(1024)
		for _, d := range batch {
			if strings.HasPrefix(d.Name(), ".") {
				continue
			}
			if err := s.Add(d.Name(), encodeType(d.Type())); err != nil {
				s.Close()
				return nil, err
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			readErr = err
			break
		}
	}
	it, err := s.Sorted()
	if err != nil {
		return nil, err
	}
	return it, readErr
}

// encodeType and decodeType keep an entry's type bits in a record's value.
func encodeType(m fs.FileMode) string {
	t := uint32(m.Type())
	return string([]byte{byte(t >> 24), byte(t >> 16), byte(t >> 8), byte(t)})
}

func decodeType(s string) uint32 {
	if len(s) != 4 {
		return 0
	}
	return uint32(s[0])<<24 | uint32(s[1])<<16 | uint32(s[2])<<8 | uint32(s[3])
}

// entry is an fs.DirEntry of the walk.
type entry struct {
	path, name string
	typ        fs.FileMode
}

func (e *entry) Name() string               { return e.name }
func (e *entry) IsDir() bool                { return e.typ.IsDir() }
func (e *entry) Type() fs.FileMode          { return e.typ }
func (e *entry) Info() (fs.FileInfo, error) { return os.Lstat(e.path) }
