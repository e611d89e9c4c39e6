package bidi

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

// update rewrites the golden files and CONFORMANCE.md: go test ./bidi -update
var update = flag.Bool("update", false, "rewrite testdata/*.golden and CONFORMANCE.md from the current output")

// sharedDir returns the shared folder that CI lays next to the repository
// (../../shared from this package), or skips the test when it is absent.
func sharedDir(t testing.TB, sub string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared", sub)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared folder %s is absent (CI lays it next to the repository): %v", dir, err)
	}
	return dir
}
