package pipeline

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

// The files Write creates under Options.Output.
const (
	SummaryFile = "summary.json" // a Summary
	ErrorsFile  = "errors.jsonl" // one FileStatus a line for each input that was not split, or split in part, sorted by source
)

// Summary is the content of SummaryFile, which is written last: when it
// is there, the run is complete.
type Summary struct {
	FilesOK     int64 `json:"files_ok"`     // files split
	FilesFailed int64 `json:"files_failed"` // files (or patterns) that could not be read, decoded or split
	FilesBinary int64 `json:"files_binary"` // binary files skipped
	// FilesPartial counts files split with bad documents skipped (a
	// malformed JSON line, a bad WARC record); their records are in the
	// output, the bad documents' are not.
	FilesPartial int64               `json:"files_partial"`
	Langs        map[string]Stat     `json:"langs"`  // per language: blocks and bytes of text written
	Shards       map[string][]string `json:"shards"` // per language: its files, relative to the output, in order
}

// TempFile is a file of records written by one bundle: the records of one
// language, from the files in Ranges, which cover it in order.
type TempFile struct {
	Lang   string  // the records' language
	Name   string  // the file's name, under the temporary folder
	Ranges []Range // the input files' records, in the order written
}

// Range is where the records of one input file are in a TempFile.
type Range struct {
	File       string // the input file
	Start, End int64  // byte offsets in the TempFile, End exclusive
}

func init() {
	beam.RegisterType(reflect.TypeOf((*TempFile)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*Range)(nil)).Elem())
	register.DoFn3x1[context.Context, Chunk, func(TempFile), error](&writeBundleFn{})
	register.DoFn5x1[context.Context, int, func(*TempFile) bool, func(*string) bool, func(string), error](&finalizeFn{})
	register.DoFn6x1[context.Context, []byte, func(*string, *Stat) bool, func(*FileStatus) bool, func(*string) bool, func(string), error](&writeSummaryFn{})
	register.Emitter1[TempFile]()
	register.Iter1[TempFile]()
	register.Iter2[string, Stat]()
	register.Iter1[FileStatus]()
}

// tempPrefix starts the name of the folder under the output where bundles
// write before the files are renamed into place.
const tempPrefix = ".tmp-langsplit-"

// Write adds the writing of r under opts.Output to s:
//
//	OUTPUT/<lang>/part-SSSSS-of-NNNNN.jsonl   the records of each language
//	OUTPUT/summary.json                       a Summary
//	OUTPUT/errors.jsonl                       the FileStatus of each input not split
//
// Records are not shuffled: each bundle that splits files writes their
// records to a file per language, in a temporary folder under the output,
// and a last step renames these files into place, numbered per language
// (so there are as many shards of a language as bundles that found it).
// Within a shard, each input file's records are together and in block
// order. A file that failed after some of its records were written is cut
// out of its shards then. Until that last step nothing appears under the
// output but the temporary folder, which the step removes with any files
// of failed bundle attempts. The errors report and then the summary, which
// lists the shards, are written after it: a summary means a complete run.
//
// Write returns a PCollection<string> of the names of the files written.
// (The writers having an output also keeps prism from polling in a busy
// loop while they run, which it does for stages without outputs.)
func Write(s beam.Scope, opts Options, r Result) beam.PCollection {
	temp := fmt.Sprintf("%s/%s%s", trimSlash(opts.Output), tempPrefix, randomHex(8))
	temps := beam.ParDo(s, &writeBundleFn{Temp: temp}, r.Chunks)
	shards := beam.ParDo(s, &finalizeFn{Output: opts.Output, Temp: temp}, beam.GroupByKey(s, beam.AddFixedKey(s, temps)),
		beam.SideInput{Input: r.Failed})
	reports := beam.ParDo(s, &writeSummaryFn{Output: opts.Output}, beam.Impulse(s),
		beam.SideInput{Input: r.Stats}, beam.SideInput{Input: r.Files}, beam.SideInput{Input: shards})
	return beam.Flatten(s, shards, reports)
}

// randomHex returns n random bytes in hex.
func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read does not fail
	return hex.EncodeToString(b)
}

// writeBundleFn appends chunks to one temporary file per language for its
// bundle, and emits the files it wrote when the bundle ends. It runs in the
// stage that splits the files (the runner fuses it there), so records go
// from the splitter to the file system without a shuffle.
type writeBundleFn struct {
	Temp string

	open map[string]*tempWriter
}

// tempWriter is a temporary file being written.
type tempWriter struct {
	fs   filesystem.Interface
	wc   io.WriteCloser
	w    *bufio.Writer
	file TempFile
	n    int64
}

// StartBundle starts with no files (closing those of a bundle that failed,
// if the instance is reused).
func (f *writeBundleFn) StartBundle(_ context.Context, _ func(TempFile)) {
	f.Teardown()
	f.open = map[string]*tempWriter{}
}

// ProcessElement appends a chunk to its language's file.
func (f *writeBundleFn) ProcessElement(ctx context.Context, c Chunk, _ func(TempFile)) error {
	tw := f.open[c.Lang]
	if tw == nil {
		name := fmt.Sprintf("%s/%s-%s.jsonl", f.Temp, randomHex(8), c.Lang)
		fsys, err := filesystem.New(ctx, name)
		if err != nil {
			return err
		}
		wc, err := fsys.OpenWrite(ctx, name)
		if err != nil {
			fsys.Close()
			return err
		}
		tw = &tempWriter{fs: fsys, wc: wc, w: bufio.NewWriterSize(wc, 1<<20), file: TempFile{Lang: c.Lang, Name: name}}
		f.open[c.Lang] = tw
	}
	if _, err := tw.w.Write(c.Lines); err != nil {
		return fmt.Errorf("writing %s: %w", tw.file.Name, err)
	}
	start := tw.n
	tw.n += int64(len(c.Lines))
	if k := len(tw.file.Ranges) - 1; k >= 0 && tw.file.Ranges[k].File == c.File {
		tw.file.Ranges[k].End = tw.n
	} else {
		tw.file.Ranges = append(tw.file.Ranges, Range{File: c.File, Start: start, End: tw.n})
	}
	return nil
}

// FinishBundle closes the bundle's files and emits them.
func (f *writeBundleFn) FinishBundle(_ context.Context, emit func(TempFile)) error {
	for _, lang := range slices.Sorted(maps.Keys(f.open)) {
		tw := f.open[lang]
		delete(f.open, lang)
		err := tw.w.Flush()
		if cerr := tw.wc.Close(); err == nil {
			err = cerr
		}
		tw.fs.Close()
		if err != nil {
			return fmt.Errorf("writing %s: %w", tw.file.Name, err)
		}
		emit(tw.file)
	}
	return nil
}

// Teardown closes the files of a bundle that failed; the last step removes
// them.
func (f *writeBundleFn) Teardown() {
	for lang, tw := range f.open {
		tw.wc.Close()
		tw.fs.Close()
		delete(f.open, lang)
	}
}

// finalizeFn moves the temporary files of the bundles that succeeded into
// place, cuts the records of failed files out of them, and removes the
// temporary folder.
type finalizeFn struct {
	Output string
	Temp   string
}

// ProcessElement finalizes all temporary files (one element, after a
// GroupByKey on a fixed key).
func (f *finalizeFn) ProcessElement(ctx context.Context, _ int, temps func(*TempFile) bool, failed func(*string) bool, written func(string)) error {
	drop := map[string]bool{}
	var file string
	for failed(&file) {
		drop[file] = true
	}
	byLang := map[string][]TempFile{}
	var tf TempFile
	for temps(&tf) {
		kept := false
		for _, r := range tf.Ranges {
			kept = kept || !drop[r.File]
		}
		if kept {
			byLang[tf.Lang] = append(byLang[tf.Lang], tf)
		}
	}
	fsys, err := filesystem.New(ctx, f.Temp)
	if err != nil {
		return err
	}
	defer fsys.Close()
	for _, lang := range slices.Sorted(maps.Keys(byLang)) {
		files := byLang[lang]
		slices.SortFunc(files, func(a, b TempFile) int { return strings.Compare(a.Name, b.Name) })
		for i, tf := range files {
			name := shardName(f.Output, lang, i, len(files))
			if err := place(ctx, fsys, tf, name, drop); err != nil {
				return err
			}
			written(name)
		}
	}
	// What is left are the files of failed bundle attempts, and of files
	// whose records were all dropped.
	left, err := fsys.List(ctx, f.Temp+"/*")
	if err != nil {
		return err
	}
	if rm, ok := fsys.(filesystem.Remover); ok {
		for _, p := range left {
			if err := rm.Remove(ctx, p); err != nil {
				return err
			}
		}
		if isLocal(f.Temp) {
			_ = rm.Remove(ctx, f.Temp) // the empty folder
		}
	}
	return nil
}

// place moves the temporary file tf to name, without the ranges of the
// files in drop. A finalize step that is retried finds the files it moved
// already in place.
func place(ctx context.Context, fsys filesystem.Interface, tf TempFile, name string, drop map[string]bool) error {
	cut := false
	for _, r := range tf.Ranges {
		cut = cut || drop[r.File]
	}
	rn, canRename := fsys.(filesystem.Renamer)
	if !cut && canRename {
		if isLocal(name) {
			if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
				return err
			}
		}
		err := rn.Rename(ctx, tf.Name, name)
		if err != nil && movedAlready(ctx, fsys, tf.Name, name) {
			return nil
		}
		return err
	}
	rc, err := fsys.OpenRead(ctx, tf.Name)
	if err != nil {
		if movedAlready(ctx, fsys, tf.Name, name) {
			return nil
		}
		return err
	}
	defer rc.Close()
	err = writeFile(ctx, name, func(w io.Writer) error {
		var pos int64
		for _, r := range tf.Ranges {
			if r.Start != pos {
				return fmt.Errorf("%s: ranges do not cover it: %d, then %d", tf.Name, pos, r.Start)
			}
			dst := w
			if drop[r.File] {
				dst = io.Discard
			}
			if _, err := io.CopyN(dst, rc, r.End-r.Start); err != nil {
				return fmt.Errorf("reading %s: %w", tf.Name, err)
			}
			pos = r.End
		}
		return nil
	})
	if err != nil {
		return err
	}
	if rm, ok := fsys.(filesystem.Remover); ok {
		return rm.Remove(ctx, tf.Name)
	}
	return nil
}

// movedAlready reports whether tmp is gone and name is there: an earlier
// attempt of the finalize step moved it.
func movedAlready(ctx context.Context, fsys filesystem.Interface, tmp, name string) bool {
	if m, err := fsys.List(ctx, tmp); err != nil || len(m) > 0 {
		return false
	}
	m, err := fsys.List(ctx, name)
	return err == nil && len(m) == 1
}

// writeSummaryFn writes the errors report and then the summary once, from
// its side inputs, after the shards are in place (one of the side inputs
// is their names).
type writeSummaryFn struct {
	Output string
}

// ProcessElement writes ErrorsFile and SummaryFile.
func (f *writeSummaryFn) ProcessElement(ctx context.Context, _ []byte, stats func(*string, *Stat) bool, files func(*FileStatus) bool, shards func(*string) bool, written func(string)) error {
	sum := Summary{Langs: map[string]Stat{}, Shards: map[string][]string{}}
	var lang string
	var st Stat
	for stats(&lang, &st) {
		sum.Langs[lang] = addStats(sum.Langs[lang], st)
	}
	var shard string
	for shards(&shard) {
		rel := strings.TrimPrefix(shard, trimSlash(f.Output)+"/")
		lang, _, _ := strings.Cut(rel, "/")
		sum.Shards[lang] = append(sum.Shards[lang], rel)
	}
	for _, names := range sum.Shards {
		slices.Sort(names)
	}
	var bad []FileStatus
	var fst FileStatus
	for files(&fst) {
		switch fst.Status {
		case StatusOK:
			sum.FilesOK++
		case StatusBinary:
			sum.FilesBinary++
			bad = append(bad, fst)
		case StatusPartial:
			sum.FilesPartial++
			bad = append(bad, fst)
		default:
			sum.FilesFailed++
			bad = append(bad, fst)
		}
	}
	slices.SortFunc(bad, func(a, b FileStatus) int { return strings.Compare(a.Source, b.Source) })
	errorsName := trimSlash(f.Output) + "/" + ErrorsFile
	err := writeFile(ctx, errorsName, func(w io.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, b := range bad {
			if err := enc.Encode(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	written(errorsName)
	summaryName := trimSlash(f.Output) + "/" + SummaryFile
	err = writeFile(ctx, summaryName, func(w io.Writer) error {
		b, err := json.MarshalIndent(sum, "", "  ")
		if err != nil {
			return err
		}
		_, err = w.Write(append(b, '\n'))
		return err
	})
	if err != nil {
		return err
	}
	written(summaryName)
	return nil
}

// writeFile writes name through fill: under a temporary name renamed into
// place when the file system can rename, directly otherwise. A retried
// bundle overwrites what an earlier attempt wrote.
func writeFile(ctx context.Context, name string, fill func(io.Writer) error) error {
	fsys, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fsys.Close()
	rn, canRename := fsys.(filesystem.Renamer)
	tmp := name
	if canRename {
		i := strings.LastIndexByte(name, '/')
		tmp = fmt.Sprintf("%s/%s%d-%s", name[:i], tempPrefix, time.Now().UnixNano(), name[i+1:])
	}
	w, err := fsys.OpenWrite(ctx, tmp)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	err = fill(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err == nil && canRename {
		err = rn.Rename(ctx, tmp, name)
	}
	if err != nil {
		if rm, ok := fsys.(filesystem.Remover); ok && canRename {
			_ = rm.Remove(ctx, tmp)
		}
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}

// Existing returns the files of an earlier run under output: the names
// Write creates there (and temporary files a failed run left), relative to
// output, sorted.
func Existing(ctx context.Context, output string) ([]string, error) {
	fsys, err := filesystem.New(ctx, output)
	if err != nil {
		return nil, err
	}
	defer fsys.Close()
	out := trimSlash(output)
	found := map[string]bool{}
	for _, pat := range []string{out + "/" + SummaryFile, out + "/" + ErrorsFile, out + "/*/part-*-of-*.jsonl", out + "/" + tempPrefix + "*/*", out + "/" + tempPrefix + "*-*"} {
		m, err := fsys.List(ctx, pat)
		if err != nil {
			return nil, err
		}
		for _, p := range m {
			found[strings.TrimPrefix(p, out+"/")] = true
		}
	}
	return slices.Sorted(maps.Keys(found)), nil
}

// Remove removes the files of an earlier run under output (see Existing).
func Remove(ctx context.Context, output string) error {
	names, err := Existing(ctx, output)
	if err != nil || len(names) == 0 {
		return err
	}
	fsys, err := filesystem.New(ctx, output)
	if err != nil {
		return err
	}
	defer fsys.Close()
	rm, ok := fsys.(filesystem.Remover)
	if !ok {
		return fmt.Errorf("%s: the file system cannot remove files", output)
	}
	dirs := map[string]bool{}
	for _, n := range names {
		if err := rm.Remove(ctx, trimSlash(output)+"/"+n); err != nil {
			return err
		}
		if d, _, ok := strings.Cut(n, "/"); ok {
			dirs[d] = true
		}
	}
	if isLocal(output) {
		for d := range dirs {
			_ = os.Remove(filepath.Join(output, d)) // when empty
		}
	}
	return nil
}
