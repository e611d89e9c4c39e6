package decode

import (
	"io"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
)

// NewReader returns a reader of r's text as UTF-8, decoded as d says: the
// BOM is skipped, and an invalid sequence is either an *Error (wrapping
// ErrInvalid, naming path and the sequence's byte offset in r) or replaced
// with U+FFFD, as invalid says. Windows-1256 has no invalid bytes.
func NewReader(path string, r io.Reader, d Detection, invalid Invalid) io.Reader {
	return transform.NewReader(r, NewTransformer(path, d, invalid))
}

// NewTransformer returns the transformer behind NewReader, for callers that
// chain it with others.
func NewTransformer(path string, d Detection, invalid Invalid) transform.Transformer {
	replace := invalid == InvalidReplace
	switch d.Encoding {
	case UTF16LE, UTF16BE:
		return &utf16Decoder{cursor: cursor{path: path, bom: d.BOM, skip: d.BOM, replace: replace}, be: d.Encoding == UTF16BE}
	case Windows1256:
		return charmap.Windows1256.NewDecoder()
	}
	return &utf8Decoder{cursor{path: path, bom: d.BOM, skip: d.BOM, replace: replace}}
}

const replacement = "\uFFFD"

// cursor is what both decoders track: the input's name, the offset of the
// next source byte, the BOM's length and the BOM bytes still to skip, and
// the invalid policy.
type cursor struct {
	path    string
	pos     int64
	bom     int
	skip    int
	replace bool
}

// Reset implements transform.Transformer: the decoder starts over, as on a
// new input of the same kind: offsets count from 0 again and a BOM is
// skipped again.
func (c *cursor) Reset() { c.pos, c.skip = 0, c.bom }

// skipBOM consumes what is left of the BOM at the start of src and returns
// how many bytes of src that was.
func (c *cursor) skipBOM(src []byte) int {
	n := min(c.skip, len(src))
	c.skip -= n
	return n
}

// invalid returns the error for an invalid sequence at src offset n.
func (c *cursor) invalid(enc Encoding, n int) error {
	return &Error{Path: c.path, Offset: c.pos + int64(n), Encoding: enc, Err: ErrInvalid}
}

// utf8Decoder copies valid UTF-8 and handles invalid bytes.
type utf8Decoder struct{ cursor }

// Transform implements transform.Transformer.
func (d *utf8Decoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	defer func() { d.pos += int64(nSrc) }()
	nSrc = d.skipBOM(src)
	for nSrc < len(src) {
		rest := src[nSrc:]
		// Fast path: copy the longest valid prefix that fits.
		if n := ValidPrefix(rest[:min(len(rest), len(dst)-nDst)]); n > 0 {
			copy(dst[nDst:], rest[:n])
			nDst += n
			nSrc += n
			continue
		}
		r, size := utf8.DecodeRune(rest)
		if r == utf8.RuneError && size == 1 {
			if !atEOF && !utf8.FullRune(rest) {
				return nDst, nSrc, transform.ErrShortSrc
			}
			if !d.replace {
				return nDst, nSrc, d.invalid(UTF8, nSrc)
			}
			if len(dst)-nDst < len(replacement) {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += copy(dst[nDst:], replacement)
			nSrc++
			continue
		}
		// A valid rune that does not fit in dst.
		return nDst, nSrc, transform.ErrShortDst
	}
	return nDst, nSrc, nil
}

// ValidPrefix returns the length of the longest prefix of p made of whole,
// valid UTF-8 sequences.
func ValidPrefix(p []byte) int {
	if utf8.Valid(p) {
		return len(p)
	}
	i := 0
	for i < len(p) {
		if p[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return i
}

// utf16Decoder decodes UTF-16 to UTF-8.
type utf16Decoder struct {
	cursor
	be bool
}

func (d *utf16Decoder) unit(p []byte) uint16 {
	if d.be {
		return uint16(p[0])<<8 | uint16(p[1])
	}
	return uint16(p[1])<<8 | uint16(p[0])
}

// Transform implements transform.Transformer.
func (d *utf16Decoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	defer func() { d.pos += int64(nSrc) }()
	nSrc = d.skipBOM(src)
	for nSrc < len(src) {
		rest := src[nSrc:]
		r, size, ok := utf8.RuneError, 2, false
		switch {
		case len(rest) < 2:
			if !atEOF {
				return nDst, nSrc, transform.ErrShortSrc
			}
			size = 1 // a lone final byte
		default:
			u := rune(d.unit(rest))
			switch {
			case !utf16.IsSurrogate(u):
				r, ok = u, true
			case u < 0xDC00 && len(rest) < 4 && !atEOF:
				return nDst, nSrc, transform.ErrShortSrc
			case u < 0xDC00 && len(rest) >= 4:
				if r = utf16.DecodeRune(u, rune(d.unit(rest[2:]))); r != utf8.RuneError {
					size, ok = 4, true
				}
			}
		}
		if !ok && !d.replace {
			enc := UTF16LE
			if d.be {
				enc = UTF16BE
			}
			return nDst, nSrc, d.invalid(enc, nSrc)
		}
		if len(dst)-nDst < utf8.RuneLen(r) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += utf8.EncodeRune(dst[nDst:], r)
		nSrc += size
	}
	return nDst, nSrc, nil
}

// Validated returns a reader of r's text for UTF-8 input that Check has read
// whole and found valid: it skips the BOM and passes the bytes on without
// checking them again. It is for a second pass over a file: the caller must
// make sure the file has not changed since Check (the CLI compares its size
// and modification time after reading it).
func Validated(r io.Reader, d Detection) io.Reader {
	if d.BOM == 0 {
		return r
	}
	return &bomSkipper{r: r, skip: d.BOM}
}

// bomSkipper drops the first skip bytes of r.
type bomSkipper struct {
	r    io.Reader
	skip int
}

func (b *bomSkipper) Read(p []byte) (int, error) {
	for b.skip > 0 {
		var buf [4]byte
		n, err := b.r.Read(buf[:b.skip])
		b.skip -= n
		if err != nil {
			return 0, err
		}
	}
	return b.r.Read(p)
}
