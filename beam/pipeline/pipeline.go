// Package pipeline is langsplit as an Apache Beam pipeline: it reads files
// or globs, splits each document into language blocks exactly as the
// langsplit CLI does (internal/decode, internal/split), and writes the CLI's
// JSON Lines records sharded per language, a summary of counts, and a report
// of the inputs that could not be split.
//
// One file is one element: it goes through the CLI's per-input pipeline
// (internal/pipe): a first pass decides its format (text, jsonl, html,
// warc, or auto), encoding, binary, invalid UTF-8 with its byte offset, as
// the CLI's first pass does, and then one DoFn call streams it through the
// format's reader and segment.Scanner, so records are byte for byte the
// CLI's and a worker needs memory for about one block
// (segment.Options.MaxBlock) and a chunk of records per language, never
// for a whole file. Parallelism is across files, and inside a plain UTF-8
// text file larger than Options.SplitCap: it is cut into parts whose lines
// are decided on different workers and joined in order by segment's
// chunked segmentation, with the records of the file whole (bigfile.go).
// With DocSummary, the documents' summary records go to the shard "doc".
//
// Records are written by the stage that splits them (see Write): the job
// shuffles only file names, counts and the names of the files written.
//
// A file that cannot be split (unreadable, invalid, binary, or failing
// while it is split) is reported in the Files output and counted; it never
// fails the job, and none of its records reach the output, even when it
// failed after some were emitted.
//
// Build wires everything; Split and Write are its two halves, for tests and
// for callers that want the collections.
package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // local paths
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/langsplit/langsplit/internal/decode"
	"github.com/langsplit/langsplit/internal/pipe"
	"github.com/langsplit/langsplit/internal/record"
	"github.com/langsplit/langsplit/internal/split"
)

// Options configure the pipeline. The zero value of each field is the CLI's
// default.
type Options struct {
	// Inputs are file names, globs (filepath.Match syntax; gs:// patterns as
	// the GCS file system reads them, with **) and, on the local file system,
	// directories, walked as the CLI walks them. This package registers the
	// local file system only: a program reading gs:// imports Beam's
	// io/filesystem/gcs (beamx does).
	Inputs []string
	// Split holds the segmentation options, the languages to keep, --raw and
	// the normalization policy, as in the CLI.
	Split split.Options
	// Decode holds --encoding and --invalid.
	Decode decode.Options
	// Format is --input-format: "auto" (or ""), "text", "jsonl", "html"
	// or "warc".
	Format string
	// DocSummary adds a {"kind":"doc"} record after each document's
	// blocks, as --doc-summary; they go to the shard DocShard.
	DocSummary bool
	// Output is the directory (or gs:// prefix) Write writes under.
	Output string
	// SplitCap is the size above which a plain UTF-8 text file is split
	// into parts of about that many bytes, segmented by different workers
	// with the records of one (bigfile.go); 0 means DefaultSplitCap, a
	// negative value never splits.
	SplitCap int64
}

// The statuses of a FileStatus.
const (
	StatusOK     = "ok"     // split; its records are in the output
	StatusFailed = "failed" // could not be read, decoded or split; none of its records are in the output
	StatusBinary = "binary" // skipped: a NUL byte in its first 8 KiB
	// StatusPartial: split, but with bad documents skipped (a malformed
	// JSON line, a bad WARC record: see Error); the others' records are in
	// the output.
	StatusPartial = "partial"
)

// DocShard is the Chunk.Lang of document summary records.
const DocShard = "doc"

// FileStatus is the outcome for one input file, or for an input pattern
// that could not be expanded (then Source is the pattern).
type FileStatus struct {
	Source string `json:"source"`          // the file as found, e.g. "dump/a.txt" or "gs://b/a.txt"
	Status string `json:"status"`          // StatusOK, StatusFailed, StatusBinary or StatusPartial
	Error  string `json:"error,omitempty"` // the message, naming the file (and the byte offset for invalid input)
}

// Chunk is a run of output records of one input file and one language, in
// block order: the CLI's JSON lines, each ending in a newline. Records
// travel in chunks of about ChunkSize bytes rather than one element each,
// which cuts the runner's per-element cost (prism, shuffles) several times.
type Chunk struct {
	File  string // the input file (the records' source, but for jsonl and warc input)
	Lang  string // the records' lang, or DocShard
	Lines []byte // JSON lines, as the CLI prints them
}

// ChunkSize is the size a Chunk is emitted at; a chunk is larger only by its
// last record.
const ChunkSize = 256 << 10

// Stat counts blocks and the bytes of their text (normalized unless raw),
// as the CLI's summary does.
type Stat struct {
	Blocks int64 `json:"blocks"` // blocks (records) written
	Bytes  int64 `json:"bytes"`  // bytes of their text
}

// Result holds the collections of Split.
type Result struct {
	// Chunks is a PCollection<Chunk>: the records of every file, including
	// those emitted before a file failed (see Records).
	Chunks beam.PCollection
	// Failed is a PCollection<string>: the files that failed; the chunks of
	// those that failed while they were split must be dropped.
	Failed beam.PCollection
	// Stats is a PCollection<KV<string, Stat>>: per language, summed over
	// the files that were split whole.
	Stats beam.PCollection
	// Files is a PCollection<FileStatus>: one per input file, and one per
	// pattern that could not be expanded.
	Files beam.PCollection
}

func init() {
	beam.RegisterType(reflect.TypeOf((*Chunk)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*FileStatus)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*Stat)(nil)).Elem())

	register.DoFn4x0[context.Context, string, func(string), func(FileStatus)](&expandFn{})
	register.DoFn6x0[context.Context, string, func(Chunk), func(string, Stat), func(FileStatus), func(Part)](&splitFn{})
	register.DoFn3x0[Chunk, func(*string) bool, func(Chunk)](&dropFailedFn{})
	register.Function2x0[Chunk, func(string)](lines)
	register.Function2x0[FileStatus, func(string)](failedSource)
	register.Function2x1[Stat, Stat, Stat](addStats)
	register.Emitter1[string]()
	register.Emitter1[FileStatus]()
	register.Emitter1[Chunk]()
	register.Emitter2[string, Stat]()
	register.Iter1[string]()
}

// Build adds the whole pipeline to s: Split, then Write under
// opts.Output; it returns Split's collections.
func Build(s beam.Scope, opts Options) Result {
	r := Split(s, opts)
	Write(s.Scope("write"), opts, r)
	return r
}

// Split adds the reading and splitting of opts.Inputs to s.
func Split(s beam.Scope, opts Options) Result {
	s = s.Scope("langsplit")
	if opts.Split.Policy.Digits == "" {
		opts.Split.Policy.Digits = "keep" // the CLI's default
	}
	patterns := beam.CreateList(s, opts.Inputs)
	files, badPatterns := beam.ParDo2(s, &expandFn{}, patterns)
	// The files come from a handful of patterns: without the reshuffle,
	// fusion would split all of them on the worker that expanded them.
	files = beam.Reshuffle(s, files)
	cap := opts.SplitCap
	if cap == 0 {
		cap = DefaultSplitCap
	}
	chunks, stats, statuses, parts := beam.ParDo4(s, &splitFn{Split: opts.Split, Decode: opts.Decode, Format: opts.Format, DocSummary: opts.DocSummary, SplitCap: cap}, files)
	bigChunks, bigStats, bigStatuses := splitBig(s, opts, parts)
	chunks = beam.Flatten(s, chunks, bigChunks)
	stats = beam.Flatten(s, stats, bigStats)
	statuses = beam.Flatten(s, statuses, bigStatuses)
	all := beam.Flatten(s, badPatterns, statuses)

	return Result{
		Chunks: chunks,
		Failed: beam.ParDo(s, failedSource, statuses),
		Stats:  beam.CombinePerKey(s, addStats, stats),
		Files:  all,
	}
}

// Records returns the records of r as a PCollection<Chunk>, without the
// chunks of files that failed while they were split: each file's records
// are there whole or not at all. (Write does not use it: it cuts such
// files out of its shards at the end, which spares the runner a pass over
// every record.)
func Records(s beam.Scope, r Result) beam.PCollection {
	return beam.ParDo(s.Scope("Records"), &dropFailedFn{}, r.Chunks, beam.SideInput{Input: r.Failed})
}

// failedSource emits the file of a failed status.
func failedSource(st FileStatus, emit func(string)) {
	if st.Status == StatusFailed {
		emit(st.Source)
	}
}

// addStats adds two counts.
func addStats(a, b Stat) Stat { return Stat{Blocks: a.Blocks + b.Blocks, Bytes: a.Bytes + b.Bytes} }

// The counters, in the namespace "langsplit"; per language there are
// also "blocks_<lang>" and "bytes_<lang>".
var (
	filesOK      = beam.NewCounter(Namespace, "files_ok")
	filesFailed  = beam.NewCounter(Namespace, "files_failed")
	filesBinary  = beam.NewCounter(Namespace, "files_binary")
	filesPartial = beam.NewCounter(Namespace, "files_partial")
	bytesRead    = beam.NewCounter(Namespace, "input_bytes")
	filesSplit   = beam.NewCounter(Namespace, "files_split")
	partsDecided = beam.NewCounter(Namespace, "parts")
)

// Namespace is the namespace of the pipeline's Beam counters: files_ok,
// files_failed, files_binary, files_partial, input_bytes (decompressed bytes of the files
// split), files_split and parts (the files above SplitCap split into parts,
// and the parts), and per language blocks_<lang> and bytes_<lang>.
const Namespace = "langsplit"

// splitFn splits one file into blocks, after a first pass that decides its
// format and encoding. Blocks are emitted as they are decided; the file's
// counts only once it is done.
type splitFn struct {
	Split      split.Options
	Decode     decode.Options
	Format     string
	DocSummary bool
	SplitCap   int64 // files above it go to the big-file stages as parts

	norm *split.Normalizer
	pipe *pipe.Pipeline
}

// Setup creates the normalizer (one per DoFn instance, which processes
// one bundle at a time) and the pipeline.
func (f *splitFn) Setup() error {
	f.norm = split.NewNormalizer(f.Split.Policy, f.Split.Raw)
	var err error
	f.pipe, err = pipe.New(pipe.Options{Split: f.Split, Decode: f.Decode, Format: f.Format, DocSummary: f.DocSummary})
	return err
}

// maxBadMessages is how many bad documents of one file its FileStatus names.
const maxBadMessages = 10

// ProcessElement splits the file named file.
func (f *splitFn) ProcessElement(ctx context.Context, file string, emit func(Chunk), emitStat func(string, Stat), emitStatus func(FileStatus), emitPart func(Part)) {
	var n int64
	in := &pipe.Input{Source: file, Name: file, Open: func() (io.ReadCloser, error) { return open(ctx, file, &n) }}
	err := f.pipe.Check(ctx, in, true)
	switch {
	case err == nil:
	case errors.Is(err, decode.ErrBinary):
		filesBinary.Inc(ctx, 1)
		emitStatus(FileStatus{Source: file, Status: StatusBinary, Error: err.Error()})
		return
	case errors.Is(err, decode.ErrInvalid):
		filesFailed.Inc(ctx, 1)
		emitStatus(FileStatus{Source: file, Status: StatusFailed, Error: err.Error() + " (see --encoding and --invalid)"})
		return
	default:
		filesFailed.Inc(ctx, 1)
		emitStatus(FileStatus{Source: file, Status: StatusFailed, Error: message(file, err)})
		return
	}
	if splittable(in, n, f.pipe.Options(), f.SplitCap) {
		size := n - int64(in.Det.BOM)
		filesSplit.Inc(ctx, 1)
		for i := int64(0); i*f.SplitCap < size; i++ {
			partsDecided.Inc(ctx, 1)
			emitPart(Part{File: file, Index: int(i), Cap: f.SplitCap, Size: size, BOM: int64(in.Det.BOM)})
		}
		return
	}
	n = 0 // count the second pass only
	s := &chunkSink{file: file, emit: emit, stats: map[string]Stat{}, chunks: map[string][]byte{}}
	var bad []string
	res, err := f.pipe.Run(ctx, in, f.norm, s, func(err error) {
		if len(bad) < maxBadMessages {
			bad = append(bad, err.Error())
		}
	})
	if err != nil {
		// The chunks emitted so far are dropped downstream (Records,
		// Write); the rest are not emitted.
		filesFailed.Inc(ctx, 1)
		emitStatus(FileStatus{Source: file, Status: StatusFailed, Error: message(file, err)})
		return
	}
	s.finish(ctx, emitStat)
	bytesRead.Inc(ctx, n)
	if res.Bad > 0 {
		if more := res.Bad - int64(len(bad)); more > 0 {
			bad = append(bad, fmt.Sprintf("… and %d more", more))
		}
		filesPartial.Inc(ctx, 1)
		emitStatus(FileStatus{Source: file, Status: StatusPartial, Error: strings.Join(bad, "\n")})
		return
	}
	filesOK.Inc(ctx, 1)
	emitStatus(FileStatus{Source: file, Status: StatusOK})
}

// chunkSink gathers a file's records into chunks per language.
type chunkSink struct {
	file   string
	emit   func(Chunk)
	stats  map[string]Stat
	chunks map[string][]byte
}

func (s *chunkSink) Document(*pipe.Doc) error { return nil }

// Block adds the record of a block: its text is valid UTF-8, as the
// pipeline decodes and normalizes it, and is encoded without a copy.
func (s *chunkSink) Block(rec *record.Record, _, text []byte) error {
	s.add(rec.Lang, len(text), func(dst []byte) []byte { return rec.AppendJSONText(dst, text) })
	st := s.stats[rec.Lang]
	st.Blocks++
	st.Bytes += int64(len(text))
	s.stats[rec.Lang] = st
	return nil
}

func (s *chunkSink) Summary(d *record.Doc) error {
	s.add(DocShard, 0, d.AppendJSON)
	return nil
}

// add appends a record to the chunk of key, emitting the chunk when full.
func (s *chunkSink) add(key string, size int, appendJSON func([]byte) []byte) {
	c := s.chunks[key]
	if c == nil {
		c = make([]byte, 0, ChunkSize+size+512)
	}
	c = appendJSON(c)
	if len(c) >= ChunkSize {
		s.emit(Chunk{File: s.file, Lang: key, Lines: c})
		c = nil
	}
	s.chunks[key] = c
}

// finish emits the chunks not yet emitted, and the counts.
func (s *chunkSink) finish(ctx context.Context, emitStat func(string, Stat)) {
	for lang, c := range s.chunks {
		if len(c) > 0 {
			s.emit(Chunk{File: s.file, Lang: lang, Lines: c})
		}
	}
	for lang, st := range s.stats {
		emitStat(lang, st)
		beam.NewCounter(Namespace, "blocks_"+lang).Inc(ctx, st.Blocks)
		beam.NewCounter(Namespace, "bytes_"+lang).Inc(ctx, st.Bytes)
	}
}

// message returns err's message, naming file if it does not already (a
// gzip error from the end of a file does not).
func message(file string, err error) string {
	msg := err.Error()
	if !strings.Contains(msg, file) {
		msg = file + ": " + msg
	}
	return msg
}

// open opens file, counting the bytes read in n.
func open(ctx context.Context, file string, n *int64) (io.ReadCloser, error) {
	fs, err := filesystem.New(ctx, file)
	if err != nil {
		return nil, err
	}
	rc, err := fs.OpenRead(ctx, file)
	if err != nil {
		fs.Close()
		return nil, err
	}
	return &countingFile{rc: rc, fs: fs, n: n}, nil
}

// countingFile counts the bytes read through it, and closes its file
// system with it. It seeks when the file does (a local file: the WARC
// reader seeks back past a bad gzip member).
type countingFile struct {
	rc io.ReadCloser
	fs filesystem.Interface
	n  *int64
}

// Read implements io.Reader.
func (c *countingFile) Read(p []byte) (int, error) {
	n, err := c.rc.Read(p)
	*c.n += int64(n)
	return n, err
}

// Close implements io.Closer.
func (c *countingFile) Close() error {
	err := c.rc.Close()
	c.fs.Close()
	return err
}

// dropFailedFn drops the chunks of the files in its side input. The side
// input is read once per DoFn instance: in the global window of a batch
// job it is the same for every bundle.
type dropFailedFn struct {
	failed map[string]bool
}

// ProcessElement passes b on unless its file failed.
func (f *dropFailedFn) ProcessElement(c Chunk, failed func(*string) bool, emit func(Chunk)) {
	if f.failed == nil {
		f.failed = map[string]bool{}
		var s string
		for failed(&s) {
			f.failed[s] = true
		}
	}
	if !f.failed[c.File] {
		emit(c)
	}
}

// Lines returns the records of a PCollection<Chunk> one a line, as a
// PCollection<string> of JSON lines with their newlines.
func Lines(s beam.Scope, chunks beam.PCollection) beam.PCollection {
	return beam.ParDo(s.Scope("Lines"), lines, chunks)
}

// lines emits the records of a chunk.
func lines(c Chunk, emit func(string)) {
	b := c.Lines
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n') + 1
		if i == 0 {
			i = len(b)
		}
		emit(string(b[:i]))
		b = b[i:]
	}
}

// shardName returns the name of a language's shard under output:
// OUTPUT/<lang>/part-SSSSS-of-NNNNN.jsonl.
func shardName(output, lang string, shard, shards int) string {
	return fmt.Sprintf("%s/%s/part-%05d-of-%05d.jsonl", trimSlash(output), lang, shard, shards)
}

// trimSlash removes trailing slashes (but not the only one of "/").
func trimSlash(p string) string {
	for len(p) > 1 && p[len(p)-1] == '/' {
		p = p[:len(p)-1]
	}
	return p
}
