// Package tmpdir makes the temporary directories of a run and removes
// those that killed runs left behind.
//
// A run holds an exclusive lock (flock) on its directory for as long as it
// lives; the kernel drops the lock when the process dies, however it dies
// (SIGKILL, the OOM killer). Sweep removes the directories with a given
// prefix whose lock it can take: only those no live run owns. A directory
// is renamed before it is removed, and New checks after locking that its
// directory is still where it made it, so a sweep and a new run racing on
// the same directory cannot remove the files of a live run.
package tmpdir

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Dir is a temporary directory owned by this process.
type Dir struct {
	Path string   // the directory
	lock *os.File // open on Path, locked
}

// maxTries is how many directories New makes before it gives up: each
// try fails only if a sweep takes the directory between its mkdir and its
// lock, which a sweep running in a tight loop does about one time in ten.
const maxTries = 100

// New makes a directory in parent whose name starts with prefix (as
// os.MkdirTemp does) and locks it.
func New(parent, prefix string) (*Dir, error) {
	for range maxTries {
		p, err := os.MkdirTemp(parent, prefix)
		if err != nil {
			return nil, err
		}
		f, err := os.Open(p)
		if errors.Is(err, os.ErrNotExist) {
			continue // a sweep took it between mkdir and open
		}
		if err != nil {
			os.Remove(p)
			return nil, err
		}
		ok, err := tryLock(f)
		if err != nil {
			f.Close()
			os.Remove(p)
			return nil, err
		}
		if ok && samePlace(f, p) {
			return &Dir{Path: p, lock: f}, nil
		}
		// A sweep took it between mkdir and lock: it is being removed.
		f.Close()
	}
	return nil, errors.New("tmpdir: could not make and lock a temporary directory in " + parent)
}

// samePlace reports whether the open directory f is still at path p.
func samePlace(f *os.File, p string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Lstat(p)
	return err == nil && os.SameFile(a, b)
}

// Remove removes the directory and everything in it, and lets go of the lock.
func (d *Dir) Remove() error {
	err := os.RemoveAll(d.Path)
	d.lock.Close()
	return err
}

// staleMark is added to the name of a directory being swept.
const staleMark = ".stale-"

// Sweep removes the directories in parent whose names start with prefix
// and that no live process has locked (a lock is held by the run that made
// the directory, until it exits). It returns the names (relative to
// parent) it removed. Directories another run holds are left alone.
func Sweep(parent, prefix string) ([]string, error) {
	if !canLock {
		return nil, nil
	}
	dir, err := os.Open(parent)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	defer dir.Close()
	// The names first, in batches (parent may hold a million entries),
	// then the sweep: renaming while reading a directory can show a name
	// twice or not at all.
	var names []string
	for {
		batch, err := dir.ReadDir(1024)
		for _, e := range batch {
			if strings.HasPrefix(e.Name(), prefix) && e.IsDir() {
				names = append(names, e.Name())
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	var removed []string
	var errs []error
	for _, name := range names {
		p := filepath.Join(parent, name)
		if strings.Contains(name, staleMark) {
			// A sweep that was itself killed while removing it: no owner.
			if err := os.RemoveAll(p); err != nil {
				errs = append(errs, err)
			} else {
				removed = append(removed, name)
			}
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			continue // gone meanwhile, or not ours to read
		}
		ok, err := tryLock(f)
		if err != nil || !ok {
			f.Close()
			continue // a live run's
		}
		stale := p + staleMark + "x"
		rerr := os.Rename(p, stale)
		f.Close()
		if rerr != nil {
			continue // removed or renamed by another sweep
		}
		if err := os.RemoveAll(stale); err != nil {
			errs = append(errs, err)
			continue
		}
		removed = append(removed, name)
	}
	return removed, errors.Join(errs...)
}
