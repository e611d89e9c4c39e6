package pipeline_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/langsplit/langsplit/beam/pipeline"
	"github.com/langsplit/langsplit/internal/decode"
	"github.com/langsplit/langsplit/internal/record"
	"github.com/langsplit/langsplit/internal/split"
	"github.com/langsplit/langsplit/internal/textgen"
)

func init() {
	register.Function2x0[pipeline.FileStatus, func(string)](statusString)
	register.Function3x0[string, pipeline.Stat, func(string)](statString)
	register.Function2x0[string, func(string, pipeline.Stat)](noStats)
	register.Emitter1[string]()
}

// statusString formats a FileStatus for passert.
func statusString(st pipeline.FileStatus, emit func(string)) {
	emit(st.Status + " " + st.Source + " " + st.Error)
}

// noStats emits nothing: an empty PCollection<KV<string, Stat>>.
func noStats(string, func(string, pipeline.Stat)) {}

// statString formats a language's Stat for passert.
func statString(lang string, st pipeline.Stat, emit func(string)) {
	emit(fmt.Sprintf("%s %d %d", lang, st.Blocks, st.Bytes))
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

const (
	enPara = "Hello world. This is an English paragraph.\n\n"
	faPara = "این یک بند فارسی است که برای آزمون نوشته شده.\n"
)

// TestRecords checks the records of one document against the schema by
// hand (raw text, so normalization cannot change them), and the language
// filter: dropped blocks keep their numbers and offsets.
func TestRecords(t *testing.T) {
	dir := t.TempDir()
	doc := enPara + faPara
	mustWrite(t, dir, map[string][]byte{"a.txt": []byte(doc)})
	src := filepath.Join(dir, "a.txt")
	cut := len(enPara)
	en := record.Record{Source: src, Block: 1, Lang: "en", Script: "Latn", Dir: "ltr", Start: 0, End: int64(cut),
		RuneStart: 0, RuneEnd: int64(cut), Text: enPara}
	fa := record.Record{Source: src, Block: 2, Lang: "fa", Script: "Arab", Dir: "rtl", Start: int64(cut), End: int64(len(doc)),
		RuneStart: int64(cut), RuneEnd: int64(cut + utf8.RuneCountInString(faPara)), Text: faPara}

	for _, c := range []struct {
		name  string
		langs map[string]bool
		want  []record.Record
	}{
		{"all", nil, []record.Record{en, fa}},
		{"fa only", map[string]bool{"fa": true}, []record.Record{fa}},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, s := beam.NewPipelineWithRoot()
			r := pipeline.Split(s, pipeline.Options{Inputs: []string{src}, Split: split.Options{Raw: true, Langs: c.langs}})
			var want []string
			for _, rec := range c.want {
				want = append(want, string(rec.AppendJSON(nil)))
			}
			passert.Equals(s, pipeline.Lines(s, pipeline.Records(s, r)), anys(want)...)
			passert.Equals(s, beam.ParDo(s, statusString, r.Files), "ok "+src+" ")
			ptest.RunAndValidate(t, p)
		})
	}
}

func gzipped(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := gzip.NewWriter(&buf)
	if _, err := z.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// utf16LE encodes s in UTF-16 little endian with a BOM.
func utf16LE(s string) []byte {
	out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return out
}

// cp1256 encodes s in Windows-1256, which has the Arabic yeh ي where
// Persian has ی.
func cp1256(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1256.NewEncoder().Bytes([]byte(strings.ReplaceAll(s, "ی", "ي")))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// smallCorpus writes documents of every kind the CLI handles under dir/in:
// mixed text, a sub-folder, gzip, UTF-16 with a BOM, Windows-1256, invalid
// UTF-8, a binary file and hidden files (skipped by directory walks).
func smallCorpus(t *testing.T, dir string) {
	t.Helper()
	mixed := string(textgen.Bytes(textgen.Mixed, 20<<10, 7))
	mustWrite(t, dir, map[string][]byte{
		"in/a.txt":          []byte(enPara + faPara),
		"in/mixed.txt":      []byte(mixed),
		"in/sub/b.txt":      []byte("Norway - نروژ\nClear Cache: پاک\u200cسازی\nقال المعلم: القراءة هي مفتاح المعرفة.\n"),
		"in/c.txt.gz":       gzipped(t, textgen.Bytes(textgen.Mixed, 8<<10, 8)),
		"in/u16.txt":        utf16LE(enPara + faPara),
		"in/w1256.txt":      cp1256(t, "این متن با صفحه\u200cکد ويندوز نوشته شده است و کلمه\u200cهاي فارسي دارد.\nThe second line is English.\n"),
		"in/bad.txt":        []byte("abc \xff\xfe\xfd def\n"),
		"in/bin.dat":        []byte("PK\x03\x04\x00\x00binary"),
		"in/.hidden.txt":    []byte("hidden\n"),
		"in/.git/x.txt":     []byte("hidden too\n"),
		"other/z.txt":       []byte("A file found by a glob.\n"),
		"other/.dot.txt":    []byte("Hidden from a glob.\n"),
		"other/y.dat":       []byte("Not matched by the glob.\n"),
		"other/sub/deep.md": []byte("Not matched either.\n"),
	})
}

// TestSplitLikeCLI runs Split over a directory, a glob, a missing file and
// a glob that matches nothing, and checks its records against what the
// CLI prints for the same files, its statuses and its counts.
func TestSplitLikeCLI(t *testing.T) {
	dir := t.TempDir()
	smallCorpus(t, dir)
	in := filepath.Join(dir, "in")
	missing := filepath.Join(dir, "missing.txt")
	glob := filepath.Join(dir, "other", "*.txt")
	empty := filepath.Join(dir, "none", "*.txt")

	stdout, stderr, code := runCLI(t, "-q", in, filepath.Join(dir, "other", "z.txt"), missing)
	if code != 1 {
		t.Fatalf("CLI exit %d, want 1 (bad.txt, missing.txt)\n%s", code, stderr)
	}
	want := splitLines(stdout)
	for _, name := range []string{"a.txt", "mixed.txt", "sub/b.txt", "c.txt.gz", "u16.txt", "w1256.txt"} {
		if !strings.Contains(string(stdout), `{"source":"`+filepath.Join(in, name)+`"`) {
			t.Fatalf("the CLI printed no record of %s: the corpus does not test what it should", name)
		}
	}
	st := langStats(t, want)
	var wantStats []string
	for lang, s := range st {
		wantStats = append(wantStats, fmt.Sprintf("%s %d %d", lang, s.Blocks, s.Bytes))
	}
	p := func(name string) string { return filepath.Join(in, name) }
	wantFiles := []string{
		"ok " + p("a.txt") + " ", "ok " + p("mixed.txt") + " ", "ok " + p("sub/b.txt") + " ",
		"ok " + p("c.txt.gz") + " ", "ok " + p("u16.txt") + " ", "ok " + p("w1256.txt") + " ",
		"ok " + filepath.Join(dir, "other", "z.txt") + " ",
		"failed " + p("bad.txt") + " " + p("bad.txt") + ": invalid UTF-8 at byte offset 4 (see --encoding and --invalid)",
		"binary " + p("bin.dat") + " " + p("bin.dat") + ": binary file (NUL byte at byte offset 4)",
		"failed " + missing + " stat " + missing + ": no such file or directory",
		"failed " + empty + " " + empty + ": no files match",
	}
	// The CLI says the same about the bad files.
	for _, msg := range []string{wantFiles[7], wantFiles[9]} {
		msg = msg[strings.Index(msg[7:], " ")+8:]
		if !strings.Contains(string(stderr), "langsplit: "+msg+"\n") {
			t.Errorf("CLI stderr lacks %q:\n%s", msg, stderr)
		}
	}

	inputs := []string{in, glob, missing, empty}
	// A named pipe cannot be read twice: it fails, and does not hang the job.
	if pipe := filepath.Join(dir, "pipe"); mkfifo(pipe) == nil {
		inputs = append(inputs, pipe)
		wantFiles = append(wantFiles, "failed "+pipe+" "+pipe+": not a regular file")
	}

	pl, s := beam.NewPipelineWithRoot()
	r := pipeline.Split(s, pipeline.Options{Inputs: inputs})
	passert.Equals(s, pipeline.Lines(s, pipeline.Records(s, r)), anys(want)...)
	passert.Equals(s, beam.ParDo(s, statusString, r.Files), anys(wantFiles)...)
	passert.Equals(s, beam.ParDo(s, statString, r.Stats), anys(wantStats)...)
	ptest.RunAndValidate(t, pl)
}

// TestJSONLInput checks --input-format jsonl: each line a document named
// by its id.
func TestJSONLInput(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, dir, map[string][]byte{
		"docs.jsonl": []byte(`{"id":"p1","text":"` + strings.ReplaceAll(enPara+faPara, "\n", `\n`) + `"}` + "\n" +
			`{"id":7,"text":"Only English here."}` + "\n"),
	})
	in := filepath.Join(dir, "docs.jsonl")
	stdout, stderr, code := runCLI(t, "-q", "--input-format", "jsonl", in)
	if code != 0 {
		t.Fatalf("CLI exit %d\n%s", code, stderr)
	}
	want := splitLines(stdout)
	if len(want) != 3 || !strings.HasPrefix(want[2], `{"source":"7",`) {
		t.Fatalf("CLI records %q: want 3, the last of document 7", want)
	}
	p, s := beam.NewPipelineWithRoot()
	r := pipeline.Split(s, pipeline.Options{Inputs: []string{in}, Format: "jsonl"})
	passert.Equals(s, pipeline.Lines(s, pipeline.Records(s, r)), anys(want)...)
	ptest.RunAndValidate(t, p)
}

// TestSymlinkedDir checks that an input that is a symlink to a directory
// is walked, as the CLI walks it (arguments are followed, as by grep -r),
// while a symlink met inside the walk is skipped.
func TestSymlinkedDir(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, dir, map[string][]byte{"docs/a.txt": []byte(enPara), "docs/sub/b.txt": []byte(faPara)})
	link := filepath.Join(dir, "l")
	if err := os.Symlink("docs", link); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../a.txt", filepath.Join(dir, "docs", "sub", "inner.txt")); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runCLI(t, "-q", link)
	if code != 0 {
		t.Fatalf("CLI exit %d\n%s", code, stderr)
	}
	want := splitLines(stdout)
	if len(want) != 2 || !strings.HasPrefix(want[1], `{"source":"`+filepath.Join(link, "sub", "b.txt")+`"`) {
		t.Fatalf("CLI records %q: want one of a.txt and one of sub/b.txt under the link", want)
	}
	p, s := beam.NewPipelineWithRoot()
	r := pipeline.Split(s, pipeline.Options{Inputs: []string{link}})
	passert.Equals(s, pipeline.Lines(s, pipeline.Records(s, r)), anys(want)...)
	ptest.RunAndValidate(t, p)
}

// brokenGzip returns text gzipped with a wrong checksum: it reads fine up
// to its end, where the gzip reader fails.
func brokenGzip(t *testing.T, text []byte) []byte {
	t.Helper()
	b := gzipped(t, text)
	b[len(b)-8] ^= 0xFF // the CRC-32 in the trailer
	return b
}

// TestWrite runs the whole pipeline and checks its files: the records are
// the CLI's, but for those of a file that failed after its first records
// were emitted, which are in neither the output nor Records.
func TestWrite(t *testing.T) {
	dir := t.TempDir()
	smallCorpus(t, dir)
	in := filepath.Join(dir, "in")
	// Under --encoding utf-8 --invalid replace, the first pass reads only the
	// head, so a broken gzip trailer fails the file in the second pass, after
	// chunks of its records have been emitted.
	mustWrite(t, dir, map[string][]byte{"in/late.txt.gz": brokenGzip(t, textgen.Bytes(textgen.Mixed, 3*pipeline.ChunkSize, 9))})
	late := filepath.Join(in, "late.txt.gz")
	out := filepath.Join(dir, "out")

	stdout, stderr, code := runCLI(t, "--encoding", "utf-8", "--invalid", "replace", "-q", in)
	if code != 1 {
		t.Fatalf("CLI exit %d, want 1 (late.txt.gz)\n%s", code, stderr)
	}
	var want []string
	partial := map[string]int{} // bytes of late.txt.gz's records per language
	for _, l := range splitLines(stdout) {
		if strings.HasPrefix(l, `{"source":"`+late+`"`) {
			partial[parse(t, l).Lang] += len(l)
			continue
		}
		want = append(want, l)
	}
	if slices.Max(slices.Collect(maps.Values(partial))) < pipeline.ChunkSize {
		// The pipeline emits a language's records by the chunk: the file must
		// fail after a whole chunk for the test to drop something.
		t.Fatalf("the CLI printed %v bytes of records of %s before it failed: the test needs a chunk's worth", partial, late)
	}

	opts := pipeline.Options{
		Inputs: []string{in},
		Decode: decode.Options{Encoding: decode.UTF8, Invalid: decode.InvalidReplace},
		Output: out,
	}
	p, s := beam.NewPipelineWithRoot()
	r := pipeline.Build(s, opts)
	passert.Equals(s, pipeline.Lines(s, pipeline.Records(s, r)), anys(want)...)
	ptest.RunAndValidate(t, p)

	got := readOutput(t, out)
	sameMultiset(t, "records", got.lines, want)
	bin := filepath.Join(in, "bin.dat")
	u16 := filepath.Join(in, "u16.txt")
	wantErrors := []pipeline.FileStatus{ // sorted by source; bad.txt is split with U+FFFD under --invalid replace
		{Source: bin, Status: pipeline.StatusBinary, Error: bin + ": binary file (NUL byte at byte offset 4)"},
		{Source: late, Status: pipeline.StatusFailed, Error: late + ": gzip: invalid checksum (compressed bytes read: …)"},
		{Source: u16, Status: pipeline.StatusBinary, Error: u16 + ": binary file (NUL byte at byte offset 3); it looks like UTF-16LE without a byte-order mark: try --encoding utf-16le"}, // UTF-16 read as UTF-8
	}
	for i, e := range got.errors { // the byte counts depend on the compressor
		if head, _, ok := strings.Cut(e.Error, "(compressed bytes read: "); ok && e.Source == late {
			got.errors[i].Error = head + "(compressed bytes read: …)"
		}
	}
	if !slices.Equal(got.errors, wantErrors) {
		t.Errorf("errors.jsonl:\n%+v\nwant\n%+v", got.errors, wantErrors)
	}
	wantSummary := pipeline.Summary{FilesOK: 6, FilesFailed: 1, FilesBinary: 2, Langs: langStats(t, want), Shards: got.shards}
	if fmt.Sprint(got.summary) != fmt.Sprint(wantSummary) {
		t.Errorf("summary.json: %+v\nwant %+v", got.summary, wantSummary)
	}
	if _, err := os.Stat(filepath.Join(out, "fa")); err != nil {
		t.Errorf("no fa folder: %v", err)
	}
}

// TestWriteResult runs Write alone, on records from two Creates: the
// records of a failed file are cut out of the shard that holds them with
// others, and the summary lists the shards. (prism gives the writer one
// bundle here as in the pipeline; several bundles per language, numbered,
// are checked in TestFinalize.)
func TestWriteResult(t *testing.T) {
	out := t.TempDir()
	line := func(src, lang string, block int) string {
		return fmt.Sprintf(`{"source":%q,"block":%d,"lang":%q,"text":""}`+"\n", src, block, lang)
	}
	chunk := func(src, lang string, blocks ...int) pipeline.Chunk {
		var b []byte
		for _, n := range blocks {
			b = append(b, line(src, lang, n)...)
		}
		return pipeline.Chunk{File: src, Lang: lang, Lines: b}
	}
	p, s := beam.NewPipelineWithRoot()
	r := pipeline.Result{
		Chunks: beam.Flatten(s,
			beam.Create(s, chunk("a", "en", 1, 3), chunk("a", "fa", 2), chunk("b", "en", 1)),
			beam.Create(s, chunk("c", "en", 1), chunk("d", "en", 1, 2))),
		Failed: beam.Create(s, "b"),
		Stats:  beam.ParDo(s, noStats, beam.Create(s, "")),
		Files:  beam.Create(s, pipeline.FileStatus{Source: "a", Status: pipeline.StatusOK}),
	}
	pipeline.Write(s, pipeline.Options{Output: out}, r)
	ptest.RunAndValidate(t, p)

	got := readOutput(t, out)
	sameMultiset(t, "records", got.lines, []string{
		line("a", "en", 1), line("a", "en", 3), line("a", "fa", 2), line("c", "en", 1), line("d", "en", 1), line("d", "en", 2),
	})
	if fmt.Sprint(got.summary.Shards) != fmt.Sprint(got.shards) || got.summary.FilesOK != 1 || len(got.errors) != 0 {
		t.Errorf("summary %+v; shards %v", got.summary, got.shards)
	}
}
