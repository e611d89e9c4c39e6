package write

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"syscall"
)

// ExistingFolder reports whether an input's folder, or a file in its way,
// is already under dir.
func ExistingFolder(dir, folder string) (bool, error) {
	_, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(folder)))
	switch {
	case err == nil || errors.Is(err, syscall.ENOTDIR): // there, or a file in its way
		return true, nil
	case errors.Is(err, os.ErrNotExist):
		return false, nil
	}
	return false, err
}

// ExistingRun returns the outputs under dir that any run writes there:
// the manifest and, with byLang, the language files (see IsLangFile),
// sorted. A missing dir has none. The directory is read in batches: it may
// hold a million folders.
func ExistingRun(dir string, byLang bool) ([]string, error) {
	var found []string
	if ok, err := ExistingFolder(dir, ManifestName); err != nil {
		return nil, err
	} else if ok {
		found = append(found, ManifestName)
	}
	if !byLang {
		return found, nil
	}
	f, err := os.Open(dir)
	if errors.Is(err, os.ErrNotExist) {
		return found, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	for {
		names, err := f.Readdirnames(1024)
		for _, name := range names {
			if IsLangFile(name) {
				found = append(found, name)
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(found)
	return found, nil
}
