package pipeline

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/langsplit/langsplit/internal/walk"
)

// expandFn turns an input pattern into the files it names. A pattern that
// names nothing, or cannot be read, is a failed FileStatus, not an error:
// the other patterns' files are still split.
type expandFn struct{}

// ProcessElement expands one pattern.
func (expandFn) ProcessElement(ctx context.Context, pattern string, emit func(string), emitStatus func(FileStatus)) {
	fail := func(source string, err error) {
		filesFailed.Inc(ctx, 1)
		emitStatus(FileStatus{Source: source, Status: StatusFailed, Error: err.Error()})
	}
	if isLocal(pattern) {
		expandLocal(ctx, pattern, emit, fail)
		return
	}
	fsys, err := filesystem.New(ctx, pattern)
	if err != nil {
		fail(pattern, err)
		return
	}
	defer fsys.Close()
	files, err := fsys.List(ctx, pattern)
	if err != nil {
		fail(pattern, fmt.Errorf("%s: %w", pattern, err))
		return
	}
	if len(files) == 0 {
		fail(pattern, fmt.Errorf("%s: no files match", pattern))
		return
	}
	for _, f := range files {
		if !strings.HasSuffix(f, "/") { // a bucket's folder placeholder
			emit(f)
		}
	}
}

// isLocal reports whether a pattern is on the local file system.
func isLocal(pattern string) bool { return !strings.Contains(pattern, "://") }

// hasMeta reports whether a local pattern has glob characters.
func hasMeta(pattern string) bool { return strings.ContainsAny(pattern, `*?[\`) }

// expandLocal expands a local pattern as a shell and then the CLI would:
// a glob's matches (hidden names only where the pattern asks for a leading
// dot), each then treated as a CLI argument: a file as itself (symlinks
// followed), a directory walked in sorted order, skipping hidden entries
// and symlinks, as the CLI walks it. Sources are the paths as found.
func expandLocal(ctx context.Context, pattern string, emit func(string), fail func(string, error)) {
	args := []string{pattern}
	if hasMeta(pattern) {
		m, err := filepath.Glob(pattern)
		if err != nil {
			fail(pattern, fmt.Errorf("%s: %w", pattern, err))
			return
		}
		args = args[:0]
		for _, p := range m {
			if !hiddenMatch(pattern, p) {
				args = append(args, p)
			}
		}
		if len(args) == 0 {
			fail(pattern, fmt.Errorf("%s: no files match", pattern))
			return
		}
	}
	for _, arg := range args {
		fi, err := os.Stat(arg)
		if err != nil {
			fail(arg, err)
			continue
		}
		if !fi.IsDir() {
			if !fi.Mode().IsRegular() {
				// A pipe cannot be read twice (the first pass, then the split).
				fail(arg, fmt.Errorf("%s: not a regular file", arg))
				continue
			}
			emit(arg)
			continue
		}
		walk.Dir(arg, walk.Handler{
			File: func(p string, _ fs.DirEntry) { emit(p) },
			Skip: func(p, why string) { log.Infof(ctx, "skipping %s: %s", p, why) },
			Err:  fail,
		})
	}
}

// hiddenMatch reports whether match, a match of the glob pattern, has a
// hidden name (a leading dot) where the pattern has a wildcard element that
// does not start with a dot: shells leave such names out of globs, and the
// CLI's directory walks skip them.
func hiddenMatch(pattern, match string) bool {
	pe := strings.Split(filepath.ToSlash(filepath.Clean(pattern)), "/")
	me := strings.Split(filepath.ToSlash(filepath.Clean(match)), "/")
	if len(pe) != len(me) {
		return false
	}
	for i := range pe {
		if hasMeta(pe[i]) && !strings.HasPrefix(pe[i], ".") && strings.HasPrefix(me[i], ".") {
			return true
		}
	}
	return false
}
