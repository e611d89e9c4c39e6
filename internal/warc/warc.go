// Package warc reads WARC 1.0 and 1.1 files (ISO 28500), such as Common
// Crawl's WARC and WET files, record by record, streaming: plain, gzip
// per record (the usual .warc.gz), or the whole file in one gzip stream.
//
// A record's block is read from the file as the caller reads it; nothing
// is buffered beyond a header. A bad record (a truncated or corrupt gzip
// member, a bad header, a block shorter than its Content-Length) is an
// *Error naming its byte offset in the file; the next call to Next looks
// for the next record (the next gzip member, or the next "WARC/1." line)
// and goes on.
package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/langsplit/langsplit/internal/iobuf"
)

// MaxHeader is the largest record header Next reads.
const MaxHeader = 1 << 20

// Record is one WARC record. Block reads its Content-Length bytes; it is
// valid until the next call to Next.
type Record struct {
	Offset int64 // byte offset in the file of the record, or of the gzip member that holds it
	// InMember is, for a record in a gzip member, its offset in the
	// member's decompressed bytes: 0 with gzip per record, more for the
	// later records of a file compressed whole.
	InMember int64
	Version  string // "WARC/1.0" or "WARC/1.1"
	Header   Header
	Length   int64     // Content-Length
	Block    io.Reader // the record's block
}

// Type returns the record's WARC-Type, lower-cased ("conversion", "response", …).
func (r *Record) Type() string { return strings.ToLower(r.Header.Get("WARC-Type")) }

// Header holds a record's named fields in order.
type Header []Field

// Field is one named field of a record header.
type Field struct{ Name, Value string }

// Get returns the value of the first field named name (case-insensitive), or "".
func (h Header) Get(name string) string {
	for _, f := range h {
		if strings.EqualFold(f.Name, name) {
			return f.Value
		}
	}
	return ""
}

// Error is a bad record.
type Error struct {
	Offset   int64 // byte offset in the file of the record or its gzip member
	InMember int64 // offset of the record in the member's decompressed bytes, as in Record
	Err      error
}

// Error implements error.
func (e *Error) Error() string {
	if e.InMember > 0 {
		return fmt.Sprintf("bad WARC record at byte offset %d of the gzip member at byte offset %d: %v", e.InMember, e.Offset, e.Err)
	}
	return fmt.Sprintf("bad WARC record at byte offset %d: %v", e.Offset, e.Err)
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Reader reads the records of one WARC file.
type Reader struct {
	file io.Reader
	seek io.Seeker   // the file, when it can seek: resynchronizing after a bad gzip member then rereads from it
	tail *tailReader // the file, when it cannot seek: it keeps the last bytes read
	raw  *bufio.Reader
	pos  int64 // file offset of raw's next byte

	gz        *gzip.Reader
	member    *bufio.Reader // the current member's decompressed bytes, nil between members
	memberBuf *bufio.Reader // member's buffer, reused from member to member
	memberAt  int64         // file offset of the current member
	src       *bufio.Reader // where records are read: member, or raw for a plain file
	inPos     int64         // offset in src of its next byte (for plain files: the file offset)

	cur     *Record
	failed  bool // the current record's block failed (and was reported)
	body    *io.LimitedReader
	recAt   int64 // the current record's Offset
	recIn   int64 // the current record's InMember
	scanRaw bool  // after a bad record: look for the next "WARC/1." line
	quietAt int64 // the member whose bad record was reported: its gzip errors are not reported again
	err     error // sticky: io.EOF or a read error of the file
}

// NewReader returns a Reader of r. When r is also an io.Seeker positioned
// at the file's start, a bad gzip member is skipped by seeking back to
// just after its start and searching for the next member.
func NewReader(r io.Reader) *Reader {
	rd := &Reader{file: r, quietAt: -1}
	if s, ok := r.(io.Seeker); ok {
		rd.seek = s
	} else {
		rd.tail = &tailReader{r: r}
		rd.file = rd.tail
	}
	rd.raw = iobuf.NewReader(countReader{rd.file, &rd.pos})
	return rd
}

// KeepBack is how many of the last bytes read from a file that cannot
// seek (a pipe, stdin) a Reader keeps, so that after a bad gzip member it
// can look for the next member in the bytes the failed one read past: a
// bad member up to this size loses no other record.
const KeepBack = 4 << 20

// tailReader reads from r and keeps the last KeepBack bytes or more.
type tailReader struct {
	r   io.Reader
	buf []byte // the last bytes read: buf[len(buf)-1] is byte off-1 of the file
	off int64  // bytes read from r
}

func (t *tailReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if n > 0 {
		if len(t.buf)+n > 2*KeepBack {
			drop := len(t.buf) + n - KeepBack
			drop = min(drop, len(t.buf))
			t.buf = t.buf[:copy(t.buf, t.buf[drop:])]
		}
		t.buf = append(t.buf, p[:n]...)
		t.off += int64(n)
	}
	return n, err
}

// from returns the kept bytes from file offset at on, or false when they
// are no longer kept.
func (t *tailReader) from(at int64) ([]byte, bool) {
	first := t.off - int64(len(t.buf))
	if at < first || at > t.off {
		return nil, false
	}
	return append([]byte(nil), t.buf[at-first:]...), true
}

// countReader counts the bytes read from r in *n, and marks its errors as
// the file's.
type countReader struct {
	r io.Reader
	n *int64
}

func (c countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	*c.n += int64(n)
	if err != nil && err != io.EOF {
		err = fileError{err}
	}
	return n, err
}

// fileError is an error reading the file itself: it ends the reading.
type fileError struct{ err error }

func (e fileError) Error() string { return e.err.Error() }
func (e fileError) Unwrap() error { return e.err }

// rawPos returns the file offset of the next byte raw gives.
func (r *Reader) rawPos() int64 { return r.pos - int64(r.raw.Buffered()) }

var gzipMagic = []byte{0x1f, 0x8b, 0x08}

// Next returns the next record, io.EOF at the end of the file, or an
// *Error for a bad record (call Next again to go on).
func (r *Reader) Next() (*Record, error) {
	if r.cur != nil {
		var err error
		if !r.failed {
			err = r.finish()
		}
		r.cur, r.failed = nil, false
		if err != nil {
			return nil, err
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	for {
		if r.src == nil {
			if err := r.startSource(); err != nil {
				return nil, err
			}
		}
		rec, err := r.header()
		if err == io.EOF {
			if r.member != nil {
				if err := r.endMember(); err != nil {
					return nil, err
				}
				continue
			}
			r.err = io.EOF
			return nil, io.EOF
		}
		if err != nil {
			if err := r.bad(err); err != nil {
				return nil, err
			}
			continue
		}
		r.cur = rec
		return rec, nil
	}
}

// startSource starts reading at the current file position: a gzip member,
// or plain records.
func (r *Reader) startSource() error {
	head, err := r.raw.Peek(3)
	if len(head) == 0 {
		if err == nil || err == io.EOF {
			r.err = io.EOF
		} else {
			r.err = err
		}
		return r.err
	}
	if !bytes.Equal(head, gzipMagic) {
		r.src, r.member = r.raw, nil
		r.inPos = r.rawPos()
		return nil
	}
	r.memberAt = r.rawPos()
	r.scanRaw = false
	if r.gz == nil {
		r.gz, err = gzip.NewReader(r.raw)
	} else {
		err = r.gz.Reset(r.raw)
	}
	if err != nil {
		return r.badMember(err)
	}
	r.gz.Multistream(false)
	if r.memberBuf == nil {
		r.memberBuf = iobuf.NewReader(r.gz)
	} else {
		r.memberBuf.Reset(r.gz)
	}
	r.member = r.memberBuf
	r.src, r.inPos = r.member, 0
	return nil
}

// endMember ends a member whose records have all been read: it checks
// the gzip trailer.
func (r *Reader) endMember() error {
	at := r.memberAt
	_, err := io.Copy(io.Discard, r.member)
	r.src, r.member = nil, nil
	if err != nil {
		r.resync(at)
		if at == r.quietAt {
			return nil
		}
		return &Error{Offset: at, Err: gzipErr(err)}
	}
	return nil
}

func gzipErr(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("truncated gzip member")
	}
	if strings.HasPrefix(err.Error(), "flate:") {
		// A member cut short and followed by the next one reads on into it.
		return fmt.Errorf("truncated or corrupt gzip member (%w)", err)
	}
	return fmt.Errorf("gzip: %w", err)
}

// badMember reports a gzip member that cannot be read and skips it.
func (r *Reader) badMember(err error) error {
	at := r.memberAt
	r.src, r.member = nil, nil
	r.resync(at)
	return &Error{Offset: at, Err: gzipErr(err)}
}

// resync moves to the next gzip magic after the member at offset at.
func (r *Reader) resync(at int64) {
	if r.seek != nil {
		if _, err := r.seek.Seek(at+1, io.SeekStart); err == nil {
			r.pos = at + 1
			r.raw.Reset(countReader{r.file, &r.pos})
		}
	} else if kept, ok := r.tail.from(at + 1); ok {
		r.pos = at + 1
		r.raw.Reset(countReader{io.MultiReader(bytes.NewReader(kept), r.tail), &r.pos})
	}
	// Search from where the reader is: after a failed member, its bytes
	// were read past already unless the file could seek back.
	for {
		buf, err := r.raw.Peek(3)
		if len(buf) < 3 {
			if err != nil {
				r.raw.Discard(len(buf))
			}
			return
		}
		if bytes.Equal(buf, gzipMagic) && r.rawPos() > at {
			return
		}
		if i := bytes.Index(r.peekAll(), gzipMagic); i > 0 {
			r.raw.Discard(i)
			continue
		}
		n := max(r.raw.Buffered()-2, 1)
		r.raw.Discard(n)
	}
}

// peekAll returns what raw has buffered (at least 3 bytes).
func (r *Reader) peekAll() []byte {
	b, _ := r.raw.Peek(r.raw.Buffered())
	return b
}

// bad turns err into an *Error for the record at hand and prepares the
// reader to go on at the next record. It returns nil for a gzip error in
// a member whose bad record was already reported.
func (r *Reader) bad(err error) error {
	var e *Error
	var fe fileError
	switch {
	case errors.As(err, &e):
		return err
	case errors.As(err, &fe):
		r.err = fe.err
		return fe.err
	case r.member != nil && isGzipErr(err):
		// The member is corrupt: go on at the next one.
		at := r.memberAt
		r.src, r.member = nil, nil
		r.resync(at)
		if at == r.quietAt {
			return nil
		}
		return &Error{Offset: at, InMember: r.recIn, Err: gzipErr(err)}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		err = errors.New("the file ends inside the record")
	}
	r.scanRaw = true
	if r.member != nil {
		r.quietAt = r.memberAt
	}
	return &Error{Offset: r.recAt, InMember: r.recIn, Err: err}
}

// isGzipErr reports whether err came from the gzip decompressor.
func isGzipErr(err error) bool {
	return errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) || errors.Is(err, io.ErrUnexpectedEOF) ||
		strings.HasPrefix(err.Error(), "flate:")
}

// header reads the next record's version line and header.
func (r *Reader) header() (*Record, error) {
	src := r.src
	// Skip the blank lines between records; after a bad plain record,
	// everything up to the next version line.
	for {
		b, err := src.Peek(1)
		if len(b) == 0 {
			if err == nil || err == io.EOF {
				return nil, io.EOF
			}
			return nil, err
		}
		if r.scanRaw {
			line, err := r.readLine(src)
			if err != nil {
				return nil, err
			}
			if bytes.HasPrefix(line, []byte("WARC/1.")) {
				r.scanRaw = false
				r.setRecAt(r.inPos - int64(len(line)))
				return r.fields(string(bytes.TrimRight(line, "\r\n")))
			}
			continue
		}
		if b[0] != '\r' && b[0] != '\n' {
			break
		}
		src.Discard(1)
		r.inPos++
	}
	r.setRecAt(r.inPos)
	line, err := r.readLine(src)
	if err != nil {
		return nil, err
	}
	v := string(bytes.TrimRight(line, "\r\n"))
	if !strings.HasPrefix(v, "WARC/1.") {
		return nil, fmt.Errorf("no WARC version line (found %q)", clip(v))
	}
	return r.fields(v)
}

// setRecAt notes where the record at offset at of src starts.
func (r *Reader) setRecAt(at int64) {
	r.recAt, r.recIn = at, 0
	if r.member != nil {
		r.recAt, r.recIn = r.memberAt, at
	}
}

// readLine reads a line of at most MaxHeader bytes.
func (r *Reader) readLine(src *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		b, err := src.ReadSlice('\n')
		r.inPos += int64(len(b))
		line = append(line, b...)
		if err == nil {
			return line, nil
		}
		if err == bufio.ErrBufferFull && len(line) < MaxHeader {
			continue
		}
		if err == bufio.ErrBufferFull {
			return nil, errors.New("header line too long")
		}
		if err == io.EOF {
			if len(line) == 0 {
				return nil, io.EOF
			}
			return nil, io.ErrUnexpectedEOF
		}
		return nil, err
	}
}

// fields reads the named fields after the version line, up to the empty
// line, and sets up the block.
func (r *Reader) fields(version string) (*Record, error) {
	rec := &Record{Offset: r.recAt, InMember: r.recIn, Version: version}
	size := 0
	for {
		line, err := r.readLine(r.src)
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		if err != nil {
			return nil, err
		}
		size += len(line)
		if size > MaxHeader {
			return nil, errors.New("header too long")
		}
		s := strings.TrimRight(string(line), "\r\n")
		if s == "" {
			break
		}
		if s[0] == ' ' || s[0] == '\t' { // a continuation line
			if len(rec.Header) == 0 {
				return nil, fmt.Errorf("bad header line %q", clip(s))
			}
			rec.Header[len(rec.Header)-1].Value += " " + strings.TrimSpace(s)
			continue
		}
		name, value, ok := strings.Cut(s, ":")
		if !ok || name == "" || strings.ContainsAny(name, " \t") {
			return nil, fmt.Errorf("bad header line %q", clip(s))
		}
		rec.Header = append(rec.Header, Field{name, strings.TrimSpace(value)})
	}
	cl := rec.Header.Get("Content-Length")
	n, err := strconv.ParseInt(cl, 10, 64)
	if err != nil || n < 0 {
		return nil, fmt.Errorf("bad or missing Content-Length %q", clip(cl))
	}
	rec.Length = n
	r.body = &io.LimitedReader{R: r.src, N: n}
	rec.Block = blockReader{r}
	return rec, nil
}

// blockReader reads the current record's block. A block that ends early
// or cannot be decompressed is an *Error for the record (the Reader then
// goes on at the next record); an error of the file is returned as is.
type blockReader struct{ r *Reader }

func (b blockReader) Read(p []byte) (int, error) {
	r := b.r
	if r.failed {
		return 0, errors.New("warc: read after an error")
	}
	if r.body.N <= 0 {
		return 0, io.EOF
	}
	n, err := r.body.Read(p)
	r.inPos += int64(n)
	if err == io.EOF && r.body.N > 0 {
		err = io.ErrUnexpectedEOF
	}
	if r.body.N == 0 && r.member != nil && (err == nil || err == io.EOF) {
		err = r.memberEnd()
	}
	if err != nil && err != io.EOF {
		r.failed = true
		err = r.bad(err)
	}
	return n, err
}

// memberEnd is called at the end of a block read from a gzip member: when
// the member ends there (gzip per record), its trailer is checked now, so
// that a record whose member is cut short fails with its block, not after
// it.
func (r *Reader) memberEnd() error {
	for {
		b, err := r.member.Peek(1)
		switch {
		case len(b) == 1 && (b[0] == '\r' || b[0] == '\n'):
			r.member.Discard(1)
			r.inPos++
		case len(b) == 1 || err == io.EOF:
			return io.EOF // more records in the member, or its clean end
		default:
			return err
		}
	}
}

// finish skips what is left of the current record's block.
func (r *Reader) finish() error {
	_, err := io.Copy(io.Discard, blockReader{r})
	return err
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}
