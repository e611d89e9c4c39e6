package write

import "io"

// Pending is a file written under a temporary name and renamed over its
// destination when done: readers of the destination see the old file or
// the whole new one, never a part. On Unix it is github.com/google/
// renameio's PendingFile (which also syncs the file before the rename).
type Pending interface {
	io.Writer
	io.Reader
	io.Seeker
	// Truncate changes the size of the file.
	Truncate(size int64) error
	// CloseAtomicallyReplace closes the file and renames it into place.
	CloseAtomicallyReplace() error
	// Cleanup removes the file if it was not renamed into place; it is
	// safe to call after CloseAtomicallyReplace.
	Cleanup() error
}
