package pipeline_test

import (
	"bytes"
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/langsplit/langsplit/beam/pipeline"
	"github.com/langsplit/langsplit/internal/split"
	"github.com/langsplit/langsplit/internal/textgen"
	"github.com/langsplit/langsplit/segment"
)

// checkSplitFiles runs Split over files with a split cap and checks its
// records against the CLI's for the same files, and that every file was
// split into more parts than one (its records came from the big-file
// stages).
func checkSplitFiles(t *testing.T, files []string, cap int64, opts pipeline.Options, cliArgs ...string) {
	t.Helper()
	stdout, stderr, code := runCLI(t, append(append([]string{"-q"}, cliArgs...), files...)...)
	if code != 0 {
		t.Fatalf("CLI exit %d\n%s", code, stderr)
	}
	want := splitLines(stdout)
	var wantFiles []string
	for _, f := range files {
		fi, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Size() <= 2*cap {
			t.Fatalf("%s: %d bytes is not more than two parts of %d", f, fi.Size(), cap)
		}
		wantFiles = append(wantFiles, "ok "+f+" ")
	}
	opts.Inputs, opts.SplitCap = files, cap
	pl, s := beam.NewPipelineWithRoot()
	r := pipeline.Split(s, opts)
	passert.Equals(s, pipeline.Lines(s, pipeline.Records(s, r)), anys(want)...)
	passert.Equals(s, beam.ParDo(s, statusString, r.Files), anys(wantFiles)...)
	res := ptest.RunAndValidate(t, pl)
	if split := counter(res, "files_split"); split != int64(len(files)) {
		t.Errorf("%d files were split into parts, want %d", counter(res, "files_split"), len(files))
	}
}

// TestSplitBigFiles: files above the split cap (a tiny one here) are cut
// into parts decided by different workers, and their records are the
// CLI's: mixed text, Persian text whose blocks reach MaxBlock across
// parts, text without blank lines, a UTF-8 BOM, and --langs, --raw and a
// small --max-block.
func TestSplitBigFiles(t *testing.T) {
	dir := t.TempDir()
	noBlank := bytes.ReplaceAll(textgen.Bytes(textgen.Mixed, 1<<20, 22), []byte("\n\n"), []byte("\n"))
	files := map[string][]byte{
		"mixed.txt":    textgen.Bytes(textgen.Mixed, 1<<20, 21),
		"fa.txt":       textgen.Bytes(textgen.Persian, 1<<20, 23),
		"noblank.txt":  noBlank,
		"bom.txt":      append([]byte("\uFEFF"), textgen.Bytes(textgen.Mixed, 600<<10, 24)...),
		"oneline.txt":  bytes.ReplaceAll(textgen.Bytes(textgen.Mixed, 600<<10, 25), []byte("\n"), []byte(" ")),
		"ar-habit.txt": []byte(strings.Repeat("یک\n\n", 3) + strings.ReplaceAll(string(textgen.Bytes(textgen.Persian, 600<<10, 26)), "ی", "ي")),
	}
	mustWrite(t, dir, files)
	var paths []string
	for name := range files {
		paths = append(paths, filepath.Join(dir, name))
	}
	checkSplitFiles(t, paths, 128<<10, pipeline.Options{})
	checkSplitFiles(t, paths[:2], 200<<10, pipeline.Options{Split: split.Options{Raw: true, Langs: map[string]bool{"fa": true, "ar": true},
		Segment: segment.Options{MaxBlock: 16 << 10}}}, "--raw", "--langs", "fa,ar", "--max-block", "16KiB")
}

// TestSplitBigFileLong: a generated 512 MiB file, split at a 64 MiB cap
// and written by Build, gives the CLI's records (LANGSPLIT_LONG=1). The
// records are compared by their hashes, sorted, which keeps the test's
// memory far below the records'.
func TestSplitBigFileLong(t *testing.T) {
	if os.Getenv("LANGSPLIT_LONG") == "" {
		t.Skip("set LANGSPLIT_LONG=1: splits a generated 512 MiB file")
	}
	dir := t.TempDir()
	name := filepath.Join(dir, "big.txt")
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	if err := textgen.Generate(f, textgen.Mixed, 512<<20, 512); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runCLI(t, "-q", name)
	if code != 0 {
		t.Fatalf("CLI exit %d\n%s", code, stderr)
	}
	want := lineHashes(stdout)
	stdout = nil
	out := filepath.Join(dir, "out")
	pl, s := beam.NewPipelineWithRoot()
	pipeline.Build(s, pipeline.Options{Inputs: []string{name}, Output: out, SplitCap: 64 << 20})
	res := ptest.RunAndValidate(t, pl)
	var got []uint64
	err = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".jsonl") || strings.HasSuffix(p, pipeline.ErrorsFile) {
			return err
		}
		b, err := os.ReadFile(p)
		got = append(got, lineHashes(b)...)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Fatalf("the pipeline wrote %d records, the CLI printed %d: not the same multiset", len(got), len(want))
	}
	fi, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	parts := counter(res, "parts")
	if want := (fi.Size() + 64<<20 - 1) / (64 << 20); parts != want {
		t.Errorf("%d parts, want %d", parts, want)
	}
	t.Logf("%d records, the CLI's, from %d parts", len(want), parts)
}

// lineHashes returns the FNV-1a hashes of the lines of b, sorted.
func lineHashes(b []byte) []uint64 {
	var hs []uint64
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n') + 1
		if i == 0 {
			i = len(b)
		}
		h := fnv.New64a()
		h.Write(b[:i])
		hs = append(hs, h.Sum64())
		b = b[i:]
	}
	slices.Sort(hs)
	return hs
}

// counter returns the committed (or attempted) value of a counter.
func counter(res beam.PipelineResult, name string) int64 {
	var n int64
	for _, c := range res.Metrics().AllMetrics().Counters() {
		if c.Key.Name == name {
			v := c.Committed
			if v == 0 {
				v = c.Attempted
			}
			n += v
		}
	}
	return n
}
