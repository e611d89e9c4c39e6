package segment

import (
	"errors"
	"io"
)

// Scanner reads blocks from an io.Reader, like bufio.Scanner reads lines.
// Its memory is bounded by Options.MaxBlock, never by the input size: it
// holds the block being built (at most MaxBlock bytes), the line being
// decided and a fixed look-ahead. Offsets are relative to the start of the
// stream. A Scanner gives the same blocks as Segment on the same bytes,
// however the reader splits them.
//
// A read error ends the scan: the bytes read before it are still returned
// as blocks, as if the stream ended there, and Err reports the error. A
// reader that returns no bytes and no error 100 times in a row ends it with
// io.ErrNoProgress.
type Scanner struct {
	r     io.Reader
	e     engine
	buf   []byte // buf[0] is at offset base of the stream
	base  int
	end   int // stream offset of the end of the data in buf
	pos   int // stream offset of the next line to decide
	eof   bool
	err   error
	queue []Block
	qi    int
	done  bool
	cur   Block
	lc    int // line cap
	empty int // reads in a row that returned no bytes and no error
}

// minBuffer is the size of the Scanner's first buffer; it doubles when it
// must hold more, up to its bound (fill).
const minBuffer = 64 << 10

// maxEmptyReads is how many reads in a row may return no bytes and no error
// before the Scanner gives up with io.ErrNoProgress, as bufio.Scanner does.
const maxEmptyReads = 100

// NewScanner returns a Scanner that reads from r.
func NewScanner(r io.Reader, opts Options) *Scanner {
	s := &Scanner{r: r}
	s.e.reset(opts, &s.queue)
	s.lc = min(lineCap, s.e.opts.MaxBlock)
	return s
}

// Scan advances to the next block, which Block and Bytes then return. It
// returns false at the end of the stream or after a read error.
func (s *Scanner) Scan() bool {
	for s.qi >= len(s.queue) {
		if s.done {
			return false
		}
		s.queue, s.qi = s.queue[:0], 0
		s.fill(s.pos + s.lc + evidenceAhead)
		if s.pos >= s.end && s.eof {
			s.e.b.finish(s.end)
			s.done = true
			continue
		}
		view := s.buf[:s.end-s.base]
		limit := min(s.end, s.pos+s.lc)
		le := s.e.line(view, s.base, s.pos-s.base, limit-s.base, min(s.end, s.pos+s.lc+evidenceAhead))
		s.pos = s.base + le
	}
	s.cur = s.queue[s.qi]
	s.qi++
	return true
}

// Block returns the block found by the last call to Scan.
func (s *Scanner) Block() Block { return s.cur }

// Bytes returns the bytes of the block found by the last call to Scan. The
// slice is valid until the next call to Scan.
func (s *Scanner) Bytes() []byte { return s.buf[s.cur.Start-s.base : s.cur.End-s.base] }

// Text returns the block's bytes as a new string.
func (s *Scanner) Text() string { return string(s.Bytes()) }

// Err returns the first error the reader returned, other than io.EOF.
func (s *Scanner) Err() error { return s.err }

// fill reads until the buffer holds the stream up to offset want, or the
// stream ends. Bytes before the block being built are let go: the buffer
// is compacted when that makes room, and grows (up to about MaxBlock plus a
// line and the look-ahead) only when it must.
func (s *Scanner) fill(want int) {
	for !s.eof && s.end < want {
		if s.end-s.base == len(s.buf) {
			keep := s.e.b.start
			// The document evidence is read lazily, up to the look-ahead of
			// the line that asks: read what is let go now, so that it is
			// read as Segment reads it.
			view := s.buf[:s.end-s.base]
			s.e.evidence(view, s.base, keep)
			s.e.mixScan(view, s.base, keep)
			if need := want - keep; need > len(s.buf) {
				size := max(2*len(s.buf), minBuffer)
				if bound := s.e.opts.MaxBlock + 2*s.lc + evidenceAhead; size > bound {
					size = max(bound, need)
				}
				nb := make([]byte, size)
				copy(nb, s.buf[keep-s.base:s.end-s.base])
				s.buf, s.base = nb, keep
			} else {
				copy(s.buf, s.buf[keep-s.base:s.end-s.base])
				s.base = keep
			}
		}
		n, err := s.r.Read(s.buf[s.end-s.base:])
		s.end += n
		if n > 0 || err != nil {
			s.empty = 0
		} else {
			s.empty++
			if s.empty >= maxEmptyReads {
				err = io.ErrNoProgress
			}
		}
		if err != nil {
			s.eof = true
			if !errors.Is(err, io.EOF) {
				s.err = err
			}
		}
	}
}
