//go:build windows

package write

import (
	"os"
	"path/filepath"
)

// NewPending starts a Pending file for path, with its temporary file in
// tempDir ("" for path's directory). renameio does not build on Windows:
// this is its temporary file and rename, without the directory sync.
func NewPending(path, tempDir string) (Pending, error) {
	if tempDir == "" {
		tempDir = filepath.Dir(path)
	}
	f, err := os.CreateTemp(tempDir, "."+filepath.Base(path)+"-*")
	if err != nil {
		return nil, err
	}
	return &pending{File: f, path: path}, nil
}

type pending struct {
	*os.File
	path string
	done bool
}

func (p *pending) CloseAtomicallyReplace() error {
	if err := p.Sync(); err != nil {
		return err
	}
	if err := p.Close(); err != nil {
		return err
	}
	if err := os.Rename(p.Name(), p.path); err != nil {
		return err
	}
	p.done = true
	return nil
}

func (p *pending) Cleanup() error {
	if p.done {
		return nil
	}
	p.Close()
	return os.Remove(p.Name())
}
