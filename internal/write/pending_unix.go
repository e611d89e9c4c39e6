//go:build !windows

package write

import "github.com/google/renameio/v2"

// NewPending starts a Pending file for path, with its temporary file in
// tempDir ("" for path's directory), created with mode 0666 less the umask.
func NewPending(path, tempDir string) (Pending, error) {
	opts := []renameio.Option{renameio.WithPermissions(0o666)}
	if tempDir != "" {
		opts = append(opts, renameio.WithTempDir(tempDir))
	}
	return renameio.NewPendingFile(path, opts...)
}
