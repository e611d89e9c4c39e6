package decode

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"io"
	"math/bits"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/langsplit/langsplit/internal/iobuf"
)

// Check reads r to the end, with bounded memory, and decides how to decode
// it under opts; path names the input in errors. It returns an *Error
// wrapping ErrBinary when r looks binary (unless it is UTF-16), and one
// wrapping ErrInvalid, with the offset of the first invalid sequence, when r
// is not valid in the chosen encoding and opts.Invalid is InvalidError.
//
// With Auto, a BOM decides; otherwise valid UTF-8 is UTF-8; otherwise input
// that looks like Windows-1256 Arabic-script text (see LooksWindows1256) is
// Windows-1256; otherwise it is UTF-8 with invalid sequences, an error unless
// opts.Invalid is InvalidReplace.
//
// Check stops reading early when nothing past the first 8 KiB can change its
// answer (Windows-1256, or UTF-8 under InvalidReplace).
func Check(path string, r io.Reader, opts Options) (Detection, error) {
	br := checkReaders.Get().(*bufio.Reader)
	br.Reset(r)
	defer func() {
		br.Reset(nil)
		checkReaders.Put(br)
	}()
	head, err := br.Peek(BinarySniffLen)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return Detection{}, err
	}
	st := stats{first: -1}
	d, done, err := sniffThenDecide(path, head, opts, &st, func() error { return st.readAll(br) })
	if done || opts.Invalid == InvalidReplace || d.Encoding == Windows1256 {
		return d, err
	}
	// UTF-8 or UTF-16 that must be valid
	_, err = io.Copy(io.Discard, NewReader(path, br, d, InvalidError))
	return d, err
}

// sniffThenDecide applies Sniff to head and, where that leaves the
// encoding to the input's bytes (Auto without a BOM), decides it on st,
// once feed has given it those bytes, as Check and Head do. done reports
// that the answer (d, err) is final, which it is unless the encoding came
// from the BOM or from opts.
func sniffThenDecide(path string, head []byte, opts Options, st *stats, feed func() error) (d Detection, done bool, err error) {
	d, err = Sniff(path, head, opts)
	if err != nil {
		return d, true, err
	}
	if opts.Encoding != Auto || d.BOM != 0 {
		return d, false, nil
	}
	if err := feed(); err != nil {
		return d, true, err
	}
	d, err = decide(path, st, opts)
	return d, true, err
}

// Stream decides how to decode r on its first 64 KiB (StreamSniffLen) and
// returns the decoding reader, which reads on from where the sniffing
// started. The rules are those of Check, applied to that prefix; a later
// invalid sequence is an *Error from the returned reader.
func Stream(path string, r io.Reader, opts Options) (io.Reader, Detection, error) {
	br := bufio.NewReaderSize(r, StreamSniffLen)
	prefix, err := br.Peek(StreamSniffLen)
	atEOF := err == io.EOF
	if err != nil && !atEOF && err != bufio.ErrBufferFull {
		return nil, Detection{}, err
	}
	d, err := Head(path, prefix, atEOF, opts)
	if err != nil {
		return nil, d, err
	}
	return NewReader(path, br, d, opts.Invalid), d, nil
}

// Head decides how to decode an input on its first bytes, head (all of
// it when atEOF), by the rules of Check: the decision of Stream, for
// callers that hold the head already (a WARC record's payload).
func Head(path string, head []byte, atEOF bool, opts Options) (Detection, error) {
	st := stats{first: -1}
	feed := func() error {
		st.feed(head, atEOF)
		return nil
	}
	d, done, err := sniffThenDecide(path, head, opts, &st, feed)
	if done || d.Encoding != UTF8 || opts.Invalid != InvalidError {
		return d, err
	}
	feed() // UTF-8 that must be valid: st has not been fed
	if st.first >= 0 {
		return d, &Error{Path: path, Offset: st.first, Encoding: UTF8, Err: ErrInvalid}
	}
	return d, nil
}

// Sniff applies the BOM and binary rules to head, the first bytes of an
// input (at least BinarySniffLen of them, when it has that many), and
// returns what they decide: the encoding from a BOM or from opts (UTF8 for
// Auto without a BOM, which Check then confirms), or an *Error wrapping
// ErrBinary. It is the cheap part of Check, for callers that want to skip
// binary files before reading anything whole.
func Sniff(path string, head []byte, opts Options) (Detection, error) {
	var bomEnc Encoding
	var bom int
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		bomEnc, bom = UTF8, 3
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		bomEnc, bom = UTF16LE, 2
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		bomEnc, bom = UTF16BE, 2
	}
	d := Detection{Encoding: opts.Encoding}
	switch opts.Encoding {
	case Auto:
		if bom > 0 {
			d = Detection{Encoding: bomEnc, BOM: bom}
		} else {
			d.Encoding = UTF8 // provisional: Check and Stream decide
		}
	case UTF16:
		d.Encoding = UTF16LE
		if bomEnc == UTF16LE || bomEnc == UTF16BE {
			d = Detection{Encoding: bomEnc, BOM: bom}
		}
	case UTF8, UTF16LE, UTF16BE:
		if bomEnc == opts.Encoding {
			d.BOM = bom
		}
	}
	if d.Encoding != UTF16LE && d.Encoding != UTF16BE {
		h := head[:min(len(head), BinarySniffLen)]
		if i := bytes.IndexByte(h, 0); i >= 0 {
			e := &Error{Path: path, Offset: int64(i), Err: ErrBinary}
			if opts.Encoding == Auto || opts.Encoding == UTF8 {
				e.Hint = looksUTF16(h)
			}
			return d, e
		}
	}
	return d, nil
}

// decide resolves Auto for an input without BOM from its statistics.
func decide(path string, st *stats, opts Options) (Detection, error) {
	switch {
	case st.first < 0:
		return Detection{Encoding: UTF8}, nil
	case looksWindows1256(st):
		return Detection{Encoding: Windows1256}, nil
	case opts.Invalid == InvalidReplace:
		return Detection{Encoding: UTF8}, nil
	}
	return Detection{Encoding: UTF8}, &Error{Path: path, Offset: st.first, Encoding: UTF8, Err: ErrInvalid}
}

// looksWindows1256 is the Auto rule for input that is not valid UTF-8: most
// of its non-ASCII bytes are not part of valid UTF-8 sequences, most of
// those decode under Windows-1256 to Arabic-script letters or marks, and
// most of these stand next to another one, as the letters of words do. The
// first part keeps UTF-8 text with a few stray bytes from being read as
// Windows-1256, the second keeps Latin-1 and other code pages out, and the
// third keeps out isolated bytes that happen to map to Arabic letters.
func looksWindows1256(st *stats) bool {
	return st.invalid > 0 && 2*st.invalid > st.nonASCII && 2*st.arabic > st.invalid && 2*st.pairs >= st.arabic
}

// arabic1256[b] reports whether byte b decodes under Windows-1256 to an
// Arabic-script letter or combining mark.
var arabic1256 = func() (t [256]bool) {
	for b := 0x80; b < 0x100; b++ {
		r := charmap.Windows1256.DecodeByte(byte(b))
		t[b] = unicode.Is(unicode.Arabic, r) && (unicode.IsLetter(r) || unicode.IsMark(r))
	}
	return t
}()

// stats scans bytes as UTF-8 and counts what decide needs. Feed it the input
// in order; a sequence split between two calls is carried over. Make it with
// first: -1.
type stats struct {
	off      int64 // input offset of the next byte to scan (carry excluded)
	first    int64 // offset of the first invalid byte, or -1
	nonASCII int64 // bytes >= 0x80
	invalid  int64 // bytes >= 0x80 not part of a valid UTF-8 sequence
	arabic   int64 // invalid bytes that Windows-1256 maps to Arabic-script letters or marks
	pairs    int64 // such bytes that follow another one
	prevAr   bool  // the byte before off was such a byte
	carry    [utf8.UTFMax]byte
	ncarry   int
}

// checkReaders and readBufs hold Check's buffers between calls: a run of
// a million small files would otherwise allocate 128 KiB for each. Check
// scans its input iobuf.Size bytes at a time.
var (
	checkReaders = sync.Pool{New: func() any { return bufio.NewReaderSize(nil, StreamSniffLen) }}
	readBufs     = sync.Pool{New: func() any { return new([iobuf.Size]byte) }}
)

func (st *stats) readAll(r io.Reader) error {
	b := readBufs.Get().(*[iobuf.Size]byte)
	defer readBufs.Put(b)
	buf := b[:]
	for {
		n, err := r.Read(buf)
		st.feed(buf[:n], false)
		if err == io.EOF {
			st.feed(nil, true)
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func (st *stats) feed(p []byte, atEOF bool) {
	if st.ncarry > 0 {
		// Decide the carried bytes with the help of the first bytes of p.
		var tmp [2 * utf8.UTFMax]byte
		t := append(append(tmp[:0], st.carry[:st.ncarry]...), p[:min(len(p), utf8.UTFMax)]...)
		tEOF := atEOF && len(p) <= utf8.UTFMax
		i := 0
		for i < st.ncarry {
			n := st.step(t[i:], tEOF)
			if n == 0 { // still incomplete: t[i:] is shorter than UTFMax, so it holds all of p
				st.ncarry = copy(st.carry[:], t[i:])
				return
			}
			i += n
		}
		p = p[i-st.ncarry:]
		st.ncarry = 0
	}
	for len(p) > 0 {
		n := min(len(p), 4096)
		for n < len(p) && n > 4096-utf8.UTFMax && !utf8.RuneStart(p[n]) {
			n-- // end the stretch at a rune start, so a rune it cuts is not taken for invalid
		}
		if nonASCII, ok := validUTF8(p[:n]); ok && (n == len(p) || utf8.RuneStart(p[n])) {
			// Fast path: a stretch of valid UTF-8 is only counted.
			st.nonASCII += nonASCII
			st.off += int64(n)
			st.prevAr = false
			p = p[n:]
			continue
		}
		i := 0
		for i < n {
			k := st.step(p[i:], atEOF)
			if k == 0 {
				st.ncarry = copy(st.carry[:], p[i:])
				return
			}
			i += k
		}
		p = p[i:]
	}
}

// step scans the one sequence at the start of p and returns its length, or
// 0 when p holds only an incomplete sequence and more input may follow.
func (st *stats) step(p []byte, atEOF bool) int {
	c := p[0]
	if c < utf8.RuneSelf {
		st.off++
		st.prevAr = false
		return 1
	}
	if !utf8.FullRune(p) && !atEOF {
		return 0
	}
	r, size := utf8.DecodeRune(p)
	ar := false
	if r == utf8.RuneError && size == 1 {
		if st.first < 0 {
			st.first = st.off
		}
		st.invalid++
		if ar = arabic1256[c]; ar {
			st.arabic++
			if st.prevAr {
				st.pairs++
			}
		}
	}
	st.prevAr = ar
	st.nonASCII += int64(size)
	st.off += int64(size)
	return size
}

// validUTF8 reports whether p is valid UTF-8, as utf8.Valid does, and
// counts its bytes that are not ASCII. It reads eight bytes at a time while
// they are ASCII or two-byte runes (Latin accents, Persian and Arabic
// letters), and leaves each longer rune, and anything invalid, to
// utf8.DecodeRune, one rune at a time. (The caller scans invalid input
// again byte by byte.)
func validUTF8(p []byte) (nonASCII int64, ok bool) {
	const (
		b7 = 0x8080808080808080 // bit 7 of each byte
		lo = 0x1E1E1E1E1E1E1E1E // bits 1-4 of each byte: 0 in C0 and C1, which start no rune
	)
	n := 0
	i := 0
	// carry is 0x80 when the byte before p[i] is a lead of two, whose
	// continuation is p[i]: the eight bytes are read eight at a time, so
	// that the next load waits for nothing but i.
	var carry uint64
	for i+8 <= len(p) {
		x := binary.LittleEndian.Uint64(p[i:])
		hi := x & b7
		if hi|carry == 0 {
			i += 8
			continue
		}
		// Per byte, in bit 7: a continuation byte (10xxxxxx), a lead
		// byte of two (110xxxxx, not C0 or C1), a longer lead (111xxxxx).
		cont := hi &^ (x << 1)
		lead := hi & (x << 1)
		long := lead & (x << 2)
		lead2 := lead &^ long
		short := lead2 &^ ((x & lo) + 0x7E7E7E7E7E7E7E7E) // C0 or C1: bits 1-4 all 0
		// Every continuation byte follows a lead of two, and every lead of
		// two has one after it.
		bad := long | short | (cont ^ (lead2<<8 | carry))
		if bad == 0 {
			n += bits.OnesCount64(hi)
			carry = lead2 >> 56
			i += 8
			continue
		}
		// The bytes before the first byte that is not so are whole runes,
		// but for the rune just before it, which may need that byte: go
		// back to its start (not before the continuation of the carried
		// lead) and decode it.
		floor := i + int(carry>>7)
		s := i + bits.TrailingZeros64(bad)/8
		if s < floor {
			return 0, false // the carried lead has no continuation
		}
		for s > floor && p[s-1]&0xC0 == 0x80 {
			s--
		}
		if s > floor && p[s-1] >= 0xC0 {
			s--
		}
		n += bits.OnesCount64(hi << (64 - 8*(s-i))) // a shift by 64 gives 0
		size := runeWidth(p[s:])
		if size == 0 {
			return 0, false
		}
		n += size // not ASCII: p[s] is not an ASCII byte
		i, carry = s+size, 0
	}
	if carry != 0 {
		i, n = i-1, n-1 // decode the carried lead again, with what follows it
	}
	for i < len(p) {
		c := p[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		size := runeWidth(p[i:])
		if size == 0 {
			return 0, false
		}
		n += size
		i += size
	}
	return int64(n), true
}

// runeWidth returns the width of the rune p starts with, 0 when it is no
// valid UTF-8.
func runeWidth(p []byte) int {
	if r, size := utf8.DecodeRune(p); r != utf8.RuneError || size > 1 {
		return size
	}
	return 0
}

// looksUTF16 returns UTF16LE or UTF16BE when head, bytes with a NUL among
// them, reads as text in that byte order (a hint for a file without a
// BOM), else Auto. Text in UTF-16 has its NUL bytes on one side of each
// code unit only (the high byte of ASCII), the high bytes of its units
// take few values (one or two scripts' blocks), its units are letters,
// marks, digits, punctuation, spaces and line breaks, and words are parted
// by spaces (at least one unit in 32 is a space or a line feed); binary
// data has NULs on both sides and units all over the code space.
func looksUTF16(head []byte) Encoding {
	n := len(head) / 2
	if n < 8 {
		return Auto
	}
	for _, be := range []bool{false, true} {
		hiAt, loAt := 1, 0
		if be {
			hiAt, loAt = 0, 1
		}
		var hiCount [256]int
		text, spaces, ok := 0, 0, true
		for i := 0; i < n; i++ {
			hi, lo := head[2*i+hiAt], head[2*i+loAt]
			if lo == 0 && hi == 0 { // a NUL unit: not text in this byte order
				ok = false
				break
			}
			hiCount[hi]++
			u := rune(hi)<<8 | rune(lo)
			if u == ' ' || u == '\n' {
				spaces++
			}
			if u == '\n' || u == '\r' || u == '\t' || (!utf16.IsSurrogate(u) && unicode.IsPrint(u)) || u == 0x200C || u == 0x200D {
				text++
			}
		}
		if !ok {
			continue
		}
		first, second := 0, 0
		for _, c := range hiCount {
			if c > first {
				first, second = c, first
			} else if c > second {
				second = c
			}
		}
		if 10*text >= 9*n && 10*(first+second) >= 9*n && 32*spaces >= n {
			if be {
				return UTF16BE
			}
			return UTF16LE
		}
	}
	return Auto
}
