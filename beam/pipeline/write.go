package pipeline

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

// The files Write creates under Options.Output.
const (
	SummaryFile = "summary.json" // a Summary
	ErrorsFile  = "errors.jsonl" // one FileStatus a line for each input that was not split, sorted by source
)

// Summary is the content of SummaryFile.
type Summary struct {
	FilesOK     int64           `json:"files_ok"`     // files split
	FilesFailed int64           `json:"files_failed"` // files (or patterns) that could not be read, decoded or split
	FilesBinary int64           `json:"files_binary"` // binary files skipped
	Langs       map[string]Stat `json:"langs"`        // per language: blocks and bytes of text written
}

func init() {
	register.DoFn2x0[Chunk, func(string, Chunk)](&shardFn{})
	register.DoFn5x1[context.Context, string, func(*Chunk) bool, func(*string) bool, func(string), error](&writeShardFn{})
	register.DoFn5x1[context.Context, []byte, func(*string, *Stat) bool, func(*FileStatus) bool, func(string), error](&writeSummaryFn{})
	register.Emitter2[string, Chunk]()
	register.Iter1[Chunk]()
	register.Iter2[string, Stat]()
	register.Iter1[FileStatus]()
}

// Write adds the writing of r under opts.Output to s:
//
//	OUTPUT/<lang>/part-SSSSS-of-NNNNN.jsonl   the records of each language, in opts.Shards shards
//	OUTPUT/summary.json                       a Summary
//	OUTPUT/errors.jsonl                       the FileStatus of each input not split
//
// A file's records of one language all go to one shard; shards without
// records are not written. The records of files that failed while they were
// split are dropped here, after the shuffle. Within a shard, records are in no particular
// order. Each file is written under a temporary name and renamed into
// place where the file system can rename.
//
// Write returns a PCollection<string> of the names of the files written.
// (The writers having an output also keeps prism from polling in a busy
// loop while they run, which it does for stages without outputs.)
func Write(s beam.Scope, opts Options, r Result) beam.PCollection {
	shards := opts.Shards
	if shards <= 0 {
		shards = DefaultShards
	}
	keyed := beam.ParDo(s, &shardFn{Shards: shards}, r.Chunks)
	shardFiles := beam.ParDo(s, &writeShardFn{Output: opts.Output, Shards: shards}, beam.GroupByKey(s, keyed),
		beam.SideInput{Input: r.Failed})
	reports := beam.ParDo(s, &writeSummaryFn{Output: opts.Output}, beam.Impulse(s),
		beam.SideInput{Input: r.Stats}, beam.SideInput{Input: r.Files})
	return beam.Flatten(s, shardFiles, reports)
}

// shardFn keys each chunk of records by its language and shard,
// "<lang>/<shard>".
type shardFn struct {
	Shards int
}

// ProcessElement keys one record.
func (f *shardFn) ProcessElement(c Chunk, emit func(string, Chunk)) {
	emit(c.Lang+"/"+strconv.Itoa(shardOf(c.File, f.Shards)), c)
}

// writeShardFn writes the records of one language and shard, but for those
// of the files in its side input.
type writeShardFn struct {
	Output string
	Shards int
}

// ProcessElement writes one shard.
func (f *writeShardFn) ProcessElement(ctx context.Context, key string, chunks func(*Chunk) bool, failed func(*string) bool, written func(string)) error {
	lang, n, ok := strings.Cut(key, "/")
	shard, err := strconv.Atoi(n)
	if !ok || err != nil {
		return fmt.Errorf("bad shard key %q", key)
	}
	drop := map[string]bool{}
	var file string
	for failed(&file) {
		drop[file] = true
	}
	name := shardName(f.Output, lang, shard, f.Shards)
	err = writeFile(ctx, name, func(w io.Writer) error {
		var c Chunk
		for chunks(&c) {
			if drop[c.File] {
				continue
			}
			if _, err := w.Write(c.Lines); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	written(name)
	return nil
}

// writeSummaryFn writes the summary and the errors report once, from its
// side inputs.
type writeSummaryFn struct {
	Output string
}

// ProcessElement writes SummaryFile and ErrorsFile.
func (f *writeSummaryFn) ProcessElement(ctx context.Context, _ []byte, stats func(*string, *Stat) bool, files func(*FileStatus) bool, written func(string)) error {
	sum := Summary{Langs: map[string]Stat{}}
	var lang string
	var st Stat
	for stats(&lang, &st) {
		sum.Langs[lang] = addStats(sum.Langs[lang], st)
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
		tmp = fmt.Sprintf("%s/.tmp-%d-%s", name[:i], time.Now().UnixNano(), name[i+1:])
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
// Write creates there, relative to output, sorted.
func Existing(ctx context.Context, output string) ([]string, error) {
	fsys, err := filesystem.New(ctx, output)
	if err != nil {
		return nil, err
	}
	defer fsys.Close()
	out := trimSlash(output)
	found := map[string]bool{}
	for _, pat := range []string{out + "/" + SummaryFile, out + "/" + ErrorsFile, out + "/*/part-*-of-*.jsonl"} {
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
	for _, n := range names {
		if err := rm.Remove(ctx, trimSlash(output)+"/"+n); err != nil {
			return err
		}
	}
	return nil
}
