// Package pipe is langsplit's per-input pipeline, the one call that the
// CLI, the HTML report and the Beam pipeline make for each input:
//
//	open → decompress → detect the format → decode → read its documents → segment → sink
//
// An input is a file (or a stream such as stdin) in one of the formats
// (Format): text, jsonl, html or warc, chosen by name or, for "auto", by
// the input's extension and its first bytes. A format turns the input into
// documents (Env.Document); each document is segmented, its blocks are
// numbered and normalized (package split), and the records go to a Sink.
//
// A file is read twice: Check is the first pass (binary files, the
// encoding, invalid UTF-8 with its offset, all before any output), Run the
// second. A stream is read once, by Run, and decided on its head.
//
// A bad document (a malformed JSON line, a bad WARC record) does not stop
// its input: it is reported to the Run's bad callback, with the line number
// or byte offset, and the next document is read.
package pipe

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/langsplit/langsplit/internal/decode"
	"github.com/langsplit/langsplit/internal/iobuf"
	"github.com/langsplit/langsplit/internal/record"
	"github.com/langsplit/langsplit/internal/split"
	"github.com/langsplit/langsplit/segment"
)

// Options configure a Pipeline: the command line's choices.
type Options struct {
	Split  split.Options  // segmentation, --langs, --raw, normalization policy
	Decode decode.Options // --encoding, --invalid
	// Format is a format's name (see Formats) or "auto" ("" is auto).
	Format string
	// DocSummary adds a record.Doc after the blocks of each document.
	DocSummary bool
}

// Input is one input of a run.
type Input struct {
	Source string // names the input in records and messages: its path as found, or "-"
	Name   string // the file name that extension rules read ("" for stdin)
	// Open opens the input's bytes as stored. For a file it is called by
	// Check and again by Run; a file that implements io.Seeker lets the
	// WARC reader skip a corrupt gzip member without losing the next.
	Open func() (io.ReadCloser, error)
	// Stream is true for an input that can be read once only: Run decides
	// its format and encoding on its head.
	Stream bool
	// Jobs, above 1, splits a document that is the whole input (text) into
	// chunks segmented and normalized on that many goroutines, with the
	// records of one.
	Jobs int
	// Unchanged, when set, tells Run that the file is read again without a
	// second check of its encoding when Check read it whole: Run calls it
	// at the end to make sure the file did not change between the passes.
	Unchanged func() error

	// Set by Check.
	Format  Format
	Det     decode.Detection
	Charset string // html: the charset the page declares, if any
	whole   bool   // Check read it whole and found it valid UTF-8
	length  int64  // when whole: the bytes Check read (after decompression)
}

// Sink receives the records of one input. Its methods are called in order
// from one goroutine.
type Sink interface {
	// Document starts a document of an input that holds several (jsonl,
	// warc); it is not called for an input that is one document.
	Document(d *Doc) error
	// Block receives a block's record (Text empty), its decoded bytes raw
	// and its text (normalized, or raw itself). All are valid only during
	// the call.
	Block(rec *record.Record, raw, text []byte) error
	// Summary receives a document's summary record (Options.DocSummary).
	Summary(d *record.Doc) error
}

// Doc describes a document.
type Doc struct {
	Source   string // the records' source: the input's, a jsonl id, a WARC-Target-URI
	RecordID string // WARC-Record-ID, or ""
	// Folder names the document's folder under an -o directory for an
	// input of several documents (before write.SafeName).
	Folder string
	// Where names the document in messages ("docs.jsonl:7", "crawl.warc:
	// WARC record at byte offset 1234"), and Pos its place in the input
	// ("line 7", "byte offset 1234"), for an input of several documents.
	Where, Pos string
}

// ErrBadDocument, wrapped by an error of Sink.Document (see BadDocument),
// makes the document bad instead of failing the input: it is reported
// (prefixed with Doc.Where) and skipped, and the next document is read.
var ErrBadDocument = errors.New("bad document")

// BadDocument returns err marked as ErrBadDocument, with err's message.
func BadDocument(err error) error { return badDocument{err} }

type badDocument struct{ err error }

func (b badDocument) Error() string        { return b.err.Error() }
func (b badDocument) Unwrap() error        { return b.err }
func (b badDocument) Is(target error) bool { return target == ErrBadDocument }

// Result counts what Run did with an input.
type Result struct {
	Docs    int64            // documents split
	Bad     int64            // bad documents reported and skipped
	Skipped map[string]int64 // WARC records skipped, by kind ("request", "warcinfo", …)
}

// Pipeline runs inputs. It is safe for concurrent use; each goroutine
// needs its own split.Normalizer.
type Pipeline struct {
	opts   Options
	format Format // nil for auto
}

// New returns a Pipeline, or an error for an unknown format.
func New(opts Options) (*Pipeline, error) {
	p := &Pipeline{opts: opts}
	if opts.Format != "" && opts.Format != "auto" {
		p.format = Lookup(opts.Format)
		if p.format == nil {
			return nil, fmt.Errorf("invalid --input-format %q (want %s)", opts.Format, FormatNames())
		}
	}
	return p, nil
}

// Options returns the pipeline's options.
func (p *Pipeline) Options() Options { return p.opts }

// headLen is how much of an input is read to decide its format.
const headLen = 8 << 10

// Check is the first pass over a file: it decides the input's format and,
// unless the format reads its bytes as stored (warc), looks for a NUL byte
// (decode.ErrBinary) and, with full, reads the input whole to decide its
// encoding (an *decode.Error names the first invalid byte). Streams are
// left to Run.
func (p *Pipeline) Check(ctx context.Context, in *Input, full bool) error {
	if in.Stream {
		return nil
	}
	rc, err := in.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	br := getReader(ctxReader{ctx, rc})
	defer putReader(br)
	raw, _ := br.Peek(headLen)
	f := p.detect(in.Name, raw)
	in.Format = f
	if f.Input() == Stored {
		return nil
	}
	z, err := decode.Decompress(in.Name, br)
	if err != nil {
		return err
	}
	if ck, ok := f.(checker); ok {
		return ck.check(ctx, p, in, z, full)
	}
	if !full {
		buf := getBuf()
		defer putBuf(buf)
		head := buf[:decode.BinarySniffLen]
		n, err := io.ReadFull(z, head)
		if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
			return err
		}
		_, err = decode.Sniff(in.Source, head[:n], p.opts.Decode)
		return err
	}
	cz := &decode.CountingReader{R: z}
	in.Det, err = decode.Check(in.Source, cz, p.opts.Decode)
	in.whole = err == nil && in.Det.Encoding == decode.UTF8 && p.opts.Decode.Invalid == decode.InvalidError
	in.length = cz.N
	return err
}

// checker is a format with a first pass of its own.
type checker interface {
	check(ctx context.Context, p *Pipeline, in *Input, r io.Reader, full bool) error
}

// detect returns the pipeline's format, or for auto the format that the
// file name or the first bytes raw (as stored) show.
func (p *Pipeline) detect(name string, raw []byte) Format {
	if p.format != nil {
		return p.format
	}
	return Detect(name, raw)
}

// Detect returns the format that auto picks for a file named name (""
// for stdin) whose first bytes, as stored, are raw: by the extension
// (after a final .gz), else by the content (decompressed when it is gzip),
// else text.
func Detect(name string, raw []byte) Format {
	base := strings.ToLower(name)
	if i := strings.LastIndexAny(base, `/\`); i >= 0 {
		base = base[i+1:]
	}
	base = strings.TrimSuffix(base, ".gz")
	for _, f := range formats {
		for _, ext := range f.Exts() {
			if strings.HasSuffix(base, ext) {
				return f
			}
		}
	}
	head := raw
	if len(raw) >= 2 && raw[0] == 0x1f && raw[1] == 0x8b {
		head = nil
		if z, err := gzip.NewReader(bytes.NewReader(raw)); err == nil {
			head, _ = io.ReadAll(io.LimitReader(z, 1024))
		}
	}
	for _, f := range formats {
		if f.Sniff(head) {
			return f
		}
	}
	return formats[0]
}

// Run reads the input and sends its records to sink; bad, when not nil,
// is told of each bad document skipped. n normalizes the blocks; it
// belongs to the calling goroutine. The error is the input's failure (it
// could not be opened, decoded or read, or the sink failed); bad documents
// are not errors. A panic while processing the input is its failure too:
// a *PanicError, and the other inputs of the run are not affected.
func (p *Pipeline) Run(ctx context.Context, in *Input, n *split.Normalizer, sink Sink, bad func(error)) (_ Result, err error) {
	defer Recover(in.Source, &err)
	rc, err := in.Open()
	if err != nil {
		return Result{}, err
	}
	defer rc.Close()
	var r io.Reader = ctxReader{ctx, rc}
	if s, ok := rc.(io.Seeker); ok && !in.Stream {
		r = ctxSeeker{ctxReader{ctx, rc}, s}
	}
	f := in.Format
	if f == nil { // a stream, or a file Check did not see
		br := getReader(r)
		defer putReader(br)
		raw, _ := br.Peek(headLen)
		f = p.detect(in.Name, raw)
		in.Format = f
		r = br
	}
	e := &Env{ctx: ctx, p: p, in: in, norm: n, sink: sink, bad: bad}
	if f.Input() != Stored {
		if r, err = decode.Decompress(in.Name, r); err != nil {
			return e.res, err
		}
	}
	if f.Input() == Decoded {
		if r, err = p.decoded(in, r); err != nil {
			return e.res, err
		}
	}
	if err := f.Read(ctx, in, r, e); err != nil {
		return e.res, err
	}
	if in.Unchanged != nil && in.whole {
		return e.res, in.Unchanged()
	}
	return e.res, nil
}

// decoded returns the input's text as UTF-8: a file as Check decided, a
// stream decided on its head now.
func (p *Pipeline) decoded(in *Input, r io.Reader) (io.Reader, error) {
	switch {
	case in.Stream:
		rd, det, err := decode.Stream(in.Source, r, p.opts.Decode)
		in.Det = det
		return rd, err
	case in.whole && in.Unchanged != nil:
		// Not checked again: only the bytes Check read, so that a file that
		// grew since (a log being written) gives no byte Check did not see
		// (Unchanged then reports the change).
		return decode.Validated(io.LimitReader(r, in.length), in.Det), nil
	}
	return decode.NewReader(in.Source, r, in.Det, p.opts.Decode.Invalid), nil
}

// readers and bufs hold the pipeline's buffers between inputs: a run of a
// million small files would otherwise allocate them for each.
var (
	readers = sync.Pool{New: func() any { return iobuf.NewReader(nil) }}
	bufs    = sync.Pool{New: func() any { return new([smallDoc]byte) }}
)

func getReader(r io.Reader) *bufio.Reader {
	br := readers.Get().(*bufio.Reader)
	br.Reset(r)
	return br
}

func putReader(br *bufio.Reader) {
	br.Reset(nil)
	readers.Put(br)
}

func getBuf() *[smallDoc]byte  { return bufs.Get().(*[smallDoc]byte) }
func putBuf(b *[smallDoc]byte) { bufs.Put(b) }

// smallDoc is the size up to which a document of text is read whole into
// a buffer and segmented in memory (Env.DocumentBytes), instead of through
// a segment.Scanner and its own buffers.
const smallDoc = 64 << 10

// ctxReader stops reading when its context is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

// Read implements io.Reader.
func (c ctxReader) Read(b []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(b)
}

// ctxSeeker is a ctxReader of a file that can seek.
type ctxSeeker struct {
	ctxReader
	s io.Seeker
}

// Seek implements io.Seeker.
func (c ctxSeeker) Seek(off int64, whence int) (int64, error) { return c.s.Seek(off, whence) }

// Env is what a format reads its documents into: Document segments one
// document and sends its records to the sink.
type Env struct {
	ctx  context.Context
	p    *Pipeline
	in   *Input
	norm *split.Normalizer
	sink Sink
	bad  func(error)
	res  Result
	dc   record.DocCounter
	seg  segment.Segmenter // reused by DocumentBytes
	mem  memScanner
}

// Options returns the pipeline's options.
func (e *Env) Options() Options { return e.p.opts }

// Bad reports a bad document, skipped.
func (e *Env) Bad(err error) {
	e.res.Bad++
	if e.bad != nil {
		e.bad(err)
	}
}

// Skip counts a WARC record (or other unit) skipped without error, by kind.
func (e *Env) Skip(kind string) {
	if e.res.Skipped == nil {
		e.res.Skipped = map[string]int64{}
	}
	e.res.Skipped[kind]++
}

// SrcMap maps text offsets of a document to its source bytes, for
// src_start/src_end (htmltext.Map does).
type SrcMap interface {
	// Boundary returns where the block before text offset x ends in the
	// source, and where the block after it starts.
	Boundary(x int64) (end, start int64)
}

// identity is the SrcMap of a document whose text is its source bytes
// from offset base on.
type identity int64

func (b identity) Boundary(x int64) (int64, int64) { return x + int64(b), x + int64(b) }

// Document segments one document, whose UTF-8 text r yields, and sends its
// records to the sink (after Sink.Document when multi). src, when not nil,
// gives the records' src_start/src_end.
func (e *Env) Document(d *Doc, multi bool, r io.Reader, src SrcMap) error {
	if e.in.Jobs > 1 && !multi && src == nil {
		return e.documentChunked(d, r, e.in.Jobs)
	}
	return e.document(d, multi, segment.NewScanner(r, e.p.opts.Split.Segment), src)
}

// DocumentBytes is Document for a text held in memory (valid UTF-8): it is
// segmented by a Segmenter the Env reuses, which gives the Scanner's
// blocks without its buffers (a WET file's records, JSON lines).
func (e *Env) DocumentBytes(d *Doc, multi bool, text []byte, src SrcMap) error {
	e.seg.Reset(text, e.p.opts.Split.Segment)
	e.mem = memScanner{seg: &e.seg, text: text}
	return e.document(d, multi, &e.mem, src)
}

// blockScanner is what document reads blocks from: a segment.Scanner or
// a memScanner.
type blockScanner interface {
	Scan() bool
	Block() segment.Block
	Bytes() []byte
	Err() error
}

// memScanner gives a Segmenter's blocks the Scanner's methods.
type memScanner struct {
	seg  *segment.Segmenter
	text []byte
	cur  segment.Block
}

func (m *memScanner) Scan() bool {
	var ok bool
	m.cur, ok = m.seg.Next()
	return ok
}
func (m *memScanner) Block() segment.Block { return m.cur }
func (m *memScanner) Bytes() []byte        { return m.text[m.cur.Start:m.cur.End] }
func (m *memScanner) Err() error           { return nil }

func (e *Env) document(d *Doc, multi bool, sc blockScanner, src SrcMap) error {
	opts := e.p.opts
	if multi {
		if err := e.sink.Document(d); errors.Is(err, ErrBadDocument) {
			e.Bad(fmt.Errorf("%s: %w", d.Where, err))
			return nil
		} else if err != nil {
			return &SinkError{err}
		}
	}
	e.dc.Reset()
	bd := record.Builder{Source: d.Source, RecordID: d.RecordID}
	var rec record.Record
	srcStart := int64(-1) // asked for at the first block, once the text before it is read
	for sc.Scan() {
		if err := e.ctx.Err(); err != nil {
			return err
		}
		b, raw := sc.Block(), sc.Bytes()
		rec = bd.Next(b, raw)
		if src != nil {
			if srcStart < 0 {
				_, srcStart = src.Boundary(int64(b.Start))
			}
			end, next := src.Boundary(int64(b.End))
			rec.SetSrc(srcStart, end)
			srcStart = next
		}
		if opts.DocSummary {
			e.dc.Add(b.Lang, raw)
		}
		if opts.Split.Langs != nil && !opts.Split.Langs[b.Lang] {
			continue
		}
		text, err := e.norm.Apply(b.Lang, raw)
		if err != nil {
			return fmt.Errorf("%s: block %d: %w", d.Source, rec.Block, err)
		}
		if err := e.sink.Block(&rec, raw, text); err != nil {
			return &SinkError{err}
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	return e.documentDone(d)
}

// documentDone counts a document split and sends its summary record.
func (e *Env) documentDone(d *Doc) error {
	e.res.Docs++
	if e.p.opts.DocSummary {
		doc := e.dc.Doc(d.Source, d.RecordID)
		if err := e.sink.Summary(&doc); err != nil {
			return &SinkError{err}
		}
	}
	return nil
}

// SinkError is an error of the Sink: it fails the input, where an error of
// a document's text only makes the document bad.
type SinkError struct{ Err error }

// Error implements error.
func (e *SinkError) Error() string { return e.Err.Error() }

// Unwrap returns the sink's error.
func (e *SinkError) Unwrap() error { return e.Err }

// Text opens an input as decoded UTF-8 text, as the text format reads it
// (for langsplit normalize); Check must have seen a file first. Call the
// returned function to close it, and then Unchanged, if set.
func (p *Pipeline) Text(ctx context.Context, in *Input) (io.Reader, func(), error) {
	rc, err := in.Open()
	if err != nil {
		return nil, nil, err
	}
	z, err := decode.Decompress(in.Name, ctxReader{ctx, rc})
	if err == nil {
		z, err = p.decoded(in, z)
	}
	if err != nil {
		rc.Close()
		return nil, nil, err
	}
	return z, func() { rc.Close() }, nil
}

// Checked is what Check decided about an input, for a caller that keeps
// its inputs between the passes somewhere else than in memory.
type Checked struct {
	Format  string // the format's name, "" when Check did not decide it
	Det     decode.Detection
	Charset string
	Whole   bool
	Length  int64 // when Whole: the bytes Check read (after decompression)
}

// Checked returns what Check decided about the input.
func (in *Input) Checked() Checked {
	c := Checked{Det: in.Det, Charset: in.Charset, Whole: in.whole, Length: in.length}
	if in.Format != nil {
		c.Format = in.Format.Name()
	}
	return c
}

// SetChecked restores what Check decided (from Checked).
func (in *Input) SetChecked(c Checked) {
	in.Format = Lookup(c.Format)
	in.Det, in.Charset, in.whole, in.length = c.Det, c.Charset, c.Whole, c.Length
}

// Whole reports whether Check read the input whole and found it valid
// UTF-8, so that a second pass does not check it again (then
// Input.Unchanged is called).
func (in *Input) Whole() bool { return in.whole }
