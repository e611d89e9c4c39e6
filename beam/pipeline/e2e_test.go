package pipeline_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"

	"github.com/langsplit/langsplit/beam/pipeline"
	"github.com/langsplit/langsplit/internal/textgen"
	"github.com/langsplit/langsplit/segment"
)

// scaleCorpus generates at least 50 MiB of input under dir in many files
// and folders: mixed documents of varied sizes, single-language documents
// longer than the block cap (so the Scanner splits their blocks), gzip,
// UTF-16 and Windows-1256 files, an invalid file, a binary file and hidden
// entries. It returns the bytes written to disk.
func scaleCorpus(t *testing.T, dir string) int64 {
	t.Helper()
	r := rand.New(rand.NewPCG(50, 50))
	files := map[string][]byte{}
	for i := range 52 {
		size := 512<<10 + r.IntN(1<<20)
		files[fmt.Sprintf("part-%02d/doc-%03d.txt", i%7, i)] = textgen.Bytes(textgen.Mixed, size, uint64(100+i))
	}
	files["big/en.txt"] = textgen.Bytes(textgen.English, 5<<20, 1)
	files["big/fa.txt.gz"] = gzipped(t, textgen.Bytes(textgen.Persian, 9<<19, 2))
	files["enc/u16.txt"] = utf16LE(string(textgen.Bytes(textgen.Mixed, 300<<10, 3)))
	fa := strings.ReplaceAll(string(textgen.Bytes(textgen.Persian, 300<<10, 4)), "ی", "ي")
	w, err := encoding.ReplaceUnsupported(charmap.Windows1256.NewEncoder()).Bytes([]byte(fa))
	if err != nil {
		t.Fatal(err)
	}
	files["enc/w1256.txt"] = w
	bad := textgen.Bytes(textgen.Mixed, 200<<10, 5)
	at := bytes.IndexByte(bad[100<<10:], '\n') + 100<<10 + 1
	files["bad/invalid.txt"] = append(append(bad[:at:at], "\xff\xfe\xfd\xfc invalid\n"...), bad[at:]...)
	files["bad/blob.bin"] = append([]byte("\x7fELF\x02\x01\x01\x00"), bytes.Repeat([]byte{0, 1, 2, 3}, 4096)...)
	files[".cache/hidden.txt"] = []byte("A hidden folder is skipped.\n")
	files["part-00/.hidden.txt"] = []byte("A hidden file is skipped.\n")
	mustWrite(t, dir, files)
	var total int64
	for _, b := range files {
		total += int64(len(b))
	}
	return total
}

var summaryLine = regexp.MustCompile(`(?m)^langsplit: ([a-zA-Z-]+): (\d+) blocks?, `)

// TestScale is the end-to-end check: over more than 50 MiB of generated
// input in many files, the multiset of records the pipeline writes is the
// multiset the CLI prints in JSON Lines mode (-j 2) for the same files,
// and both report the same bad files and counts.
func TestScale(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MiB end-to-end test skipped in -short mode")
	}
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	size := scaleCorpus(t, corpus)
	if size < 50<<20 {
		t.Fatalf("corpus of %d bytes, want at least 50 MiB", size)
	}
	out := filepath.Join(dir, "out")

	cli(t) // built before the clock starts
	start := time.Now()
	stdout, stderr, code := runCLI(t, "-j", "2", corpus)
	cliTime := time.Since(start) // reading its output back included
	if code != 1 {
		t.Fatalf("CLI exit %d, want 1 (bad/invalid.txt)\n%s", code, stderr)
	}
	want := splitLines(stdout)

	start = time.Now()
	p, s := beam.NewPipelineWithRoot()
	pipeline.Build(s, pipeline.Options{Inputs: []string{corpus}, Output: out})
	ptest.RunAndValidate(t, p)
	beamTime := time.Since(start)
	mb := float64(size) / (1 << 20)
	t.Logf("%.1f MiB in 58 files: CLI -j 2 %v (%.1f MiB/s), pipeline on prism %v (%.1f MiB/s); %d records",
		mb, cliTime.Round(time.Millisecond), mb/cliTime.Seconds(), beamTime.Round(time.Millisecond), mb/beamTime.Seconds(), len(want))

	got := readOutput(t, out)
	sameMultiset(t, "records", got.lines, want)

	// Bad files: the same ones, with the CLI's messages.
	invalid := filepath.Join(corpus, "bad", "invalid.txt")
	blob := filepath.Join(corpus, "bad", "blob.bin")
	if len(got.errors) != 2 || got.errors[0].Source != blob || got.errors[0].Status != pipeline.StatusBinary ||
		got.errors[1].Source != invalid || got.errors[1].Status != pipeline.StatusFailed {
		t.Fatalf("errors.jsonl: %+v, want %s binary and %s failed", got.errors, blob, invalid)
	}
	if !strings.Contains(string(stderr), "langsplit: "+got.errors[1].Error+"\n") ||
		!strings.Contains(got.errors[1].Error, "invalid UTF-8 at byte offset") {
		t.Errorf("pipeline says %q; CLI stderr:\n%s", got.errors[1].Error, stderr)
	}
	if !strings.Contains(string(stderr), "langsplit: skipping binary file "+blob+"\n") {
		t.Errorf("CLI did not skip %s as binary:\n%s", blob, stderr)
	}

	// Counts: the summary file against the records and the CLI's summary.
	stats := langStats(t, want)
	if fmt.Sprint(got.summary.Langs) != fmt.Sprint(stats) || fmt.Sprint(got.summary.Shards) != fmt.Sprint(got.shards) || got.summary.FilesOK != 56 ||
		got.summary.FilesFailed != 1 || got.summary.FilesBinary != 1 {
		t.Errorf("summary.json %+v\nwant langs %v, 56 ok, 1 failed, 1 binary", got.summary, stats)
	}
	m := summaryLine.FindAllStringSubmatch(string(stderr), -1)
	if len(m) != len(stats) {
		t.Errorf("CLI summary has %d languages, records %d:\n%s", len(m), len(stats), stderr)
	}
	for _, l := range m {
		if n, _ := strconv.ParseInt(l[2], 10, 64); stats[l[1]].Blocks != n {
			t.Errorf("CLI: %s %d blocks; pipeline summary %d", l[1], n, stats[l[1]].Blocks)
		}
	}

	// Every kind of input is in the output, and the long English document
	// was cut by the block cap, identically (checked above) in both.
	for _, name := range []string{"big/en.txt", "big/fa.txt.gz", "enc/u16.txt", "enc/w1256.txt", "part-06/doc-006.txt"} {
		if !strings.Contains(string(stdout), `{"source":"`+filepath.Join(corpus, name)+`"`) {
			t.Errorf("no record of %s", name)
		}
	}
	var enBlocks int
	for _, l := range want {
		if strings.HasPrefix(l, `{"source":"`+filepath.Join(corpus, "big", "en.txt")+`"`) {
			r := parse(t, l)
			if r.End-r.Start > segment.DefaultMaxBlock {
				t.Errorf("block %d of big/en.txt has %d bytes, over the cap", r.Block, r.End-r.Start)
			}
			enBlocks++
		}
	}
	if enBlocks < 2 {
		t.Errorf("big/en.txt (5 MiB of English) gave %d blocks: the cap did not split it", enBlocks)
	}
	// No temporary files are left behind.
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(d.Name(), ".") {
			t.Errorf("left behind: %s", p)
		}
		return nil
	})
	if _, err := os.Stat(filepath.Join(out, pipeline.SummaryFile)); err != nil {
		t.Error(err)
	}
}
