// Package decode turns the bytes of an input into UTF-8 text: it recognizes
// byte-order marks, UTF-16, Windows-1256 and binary files, validates UTF-8,
// and reads .gz files decompressed.
//
// An input is decided in one of two ways. A file is checked whole in a first
// pass with Check, which reads it to the end with bounded memory and returns a
// Detection (or an *Error naming the byte offset of the first problem); a
// second pass then reads it through NewReader. A stream that cannot be read
// twice, such as standard input, goes through Stream, which decides on its
// first 64 KiB and returns the decoding reader at once; a later invalid
// sequence is then an *Error from that reader's Read.
//
// Offsets in errors are byte offsets into the input as read (after
// decompression, BOM included). Offsets of blocks elsewhere in langsplit
// refer to the decoded UTF-8 text, without the BOM.
package decode

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Encoding is an input encoding.
type Encoding uint8

// The encodings. Auto and UTF16 are choices that Check and Stream resolve:
// a Detection holds one of UTF8, UTF16LE, UTF16BE or Windows1256.
const (
	Auto        Encoding = iota // BOM, else UTF-8, else Windows-1256 if it fits, else an error
	UTF8                        // UTF-8; a UTF-8 BOM is skipped
	UTF16                       // UTF-16, byte order from the BOM, little endian without one
	UTF16LE                     // UTF-16 little endian; a matching BOM is skipped
	UTF16BE                     // UTF-16 big endian; a matching BOM is skipped
	Windows1256                 // the Windows Arabic code page
)

var encodingNames = [...]string{
	Auto:        "auto",
	UTF8:        "utf-8",
	UTF16:       "utf-16",
	UTF16LE:     "utf-16le",
	UTF16BE:     "utf-16be",
	Windows1256: "windows-1256",
}

// String returns the encoding's name as ParseEncoding accepts it, e.g. "utf-8".
func (e Encoding) String() string {
	if int(e) < len(encodingNames) {
		return encodingNames[e]
	}
	return fmt.Sprintf("Encoding(%d)", e)
}

// ParseEncoding parses an encoding name: auto, utf-8, utf-16, utf-16le,
// utf-16be or windows-1256 (case-insensitive; utf8, utf16 and cp1256 are
// accepted too).
func ParseEncoding(s string) (Encoding, error) {
	switch strings.ToLower(s) {
	case "auto":
		return Auto, nil
	case "utf-8", "utf8":
		return UTF8, nil
	case "utf-16", "utf16":
		return UTF16, nil
	case "utf-16le", "utf16le":
		return UTF16LE, nil
	case "utf-16be", "utf16be":
		return UTF16BE, nil
	case "windows-1256", "cp1256":
		return Windows1256, nil
	}
	return Auto, fmt.Errorf("unknown encoding %q (want auto, utf-8, utf-16, utf-16le, utf-16be or windows-1256)", s)
}

// Invalid says what to do with a byte sequence that is not valid in the
// input's encoding.
type Invalid uint8

// The two policies for invalid sequences.
const (
	InvalidError   Invalid = iota // stop with an *Error at the sequence's offset
	InvalidReplace                // write U+FFFD for each invalid byte (UTF-8) or code unit (UTF-16)
)

// String returns "error" or "replace".
func (v Invalid) String() string {
	if v == InvalidReplace {
		return "replace"
	}
	return "error"
}

// ParseInvalid parses "error" or "replace".
func ParseInvalid(s string) (Invalid, error) {
	switch strings.ToLower(s) {
	case "error":
		return InvalidError, nil
	case "replace":
		return InvalidReplace, nil
	}
	return InvalidError, fmt.Errorf("unknown --invalid policy %q (want error or replace)", s)
}

// Options are the caller's choices for decoding.
type Options struct {
	Encoding Encoding // Auto when zero
	Invalid  Invalid  // InvalidError when zero
}

// Detection is what Check or Stream decided about an input.
type Detection struct {
	Encoding Encoding // UTF8, UTF16LE, UTF16BE or Windows1256
	BOM      int      // length in bytes of the byte-order mark to skip: 0, 2 or 3
}

// Sentinel errors, wrapped by *Error: test with errors.Is.
var (
	// ErrInvalid: a byte sequence is not valid in the input's encoding.
	ErrInvalid = errors.New("invalid")
	// ErrBinary: the input looks binary (a NUL byte in its first 8 KiB).
	ErrBinary = errors.New("binary file")
)

// BinarySniffLen is how many leading bytes are searched for a NUL byte to
// call an input binary.
const BinarySniffLen = 8 << 10

// StreamSniffLen is how many leading bytes Stream decides on.
const StreamSniffLen = 64 << 10

// Error is a decoding problem at a byte offset of an input, in the manner of
// encoding/json's SyntaxError. Its message names the input and the offset,
// e.g. "notes.txt: invalid UTF-8 at byte offset 1234".
type Error struct {
	Path     string   // the input's name as given to Check, Stream or NewReader
	Offset   int64    // byte offset into the input (after decompression, BOM included)
	Encoding Encoding // the encoding the input was read as (for ErrInvalid)
	Err      error    // ErrInvalid or ErrBinary
	// Hint, for ErrBinary, names the encoding the bytes look like when they
	// look like UTF-16 without a byte-order mark (UTF16LE or UTF16BE; Auto
	// when they do not): an --encoding away from being read.
	Hint Encoding
}

// Error implements error.
func (e *Error) Error() string {
	if errors.Is(e.Err, ErrBinary) {
		msg := fmt.Sprintf("%s: binary file (NUL byte at byte offset %d)", e.Path, e.Offset)
		if e.Hint != Auto {
			msg += "; " + e.HintText()
		}
		return msg
	}
	return fmt.Sprintf("%s: invalid %s at byte offset %d", e.Path, strings.ToUpper(e.Encoding.String()), e.Offset)
}

// HintText returns what Hint suggests, e.g. "it looks like UTF-16LE
// without a byte-order mark: try --encoding utf-16le", or "".
func (e *Error) HintText() string {
	if e.Hint == Auto {
		return ""
	}
	return fmt.Sprintf("it looks like %s without a byte-order mark: try --encoding %s", strings.ToUpper(e.Hint.String()), e.Hint)
}

// Unwrap returns ErrInvalid or ErrBinary.
func (e *Error) Unwrap() error { return e.Err }

// IsGzip reports whether a file name marks gzip-compressed input: it ends in ".gz".
func IsGzip(name string) bool { return strings.HasSuffix(name, ".gz") }

// gzipMagic starts every gzip member.
var gzipMagic = []byte{0x1f, 0x8b}

// Decompress returns r decompressed when name ends in ".gz" or when r
// starts with gzip's magic bytes (standard input, a pipe, a file without
// the suffix), and r itself otherwise (then the bytes it looked at are
// still read). Errors of the decompressor name the file, the byte offset
// in it where the compressed data ended or went wrong, and how many bytes
// it had given, e.g. "a.txt.gz: truncated gzip data: the file ends at byte
// offset 1234, after 5678 decompressed bytes". Closing the underlying file
// remains the caller's job.
func Decompress(name string, r io.Reader) (io.Reader, error) {
	if !IsGzip(name) {
		var head []byte
		if p, ok := r.(interface{ Peek(int) ([]byte, error) }); ok {
			head, _ = p.Peek(len(gzipMagic))
		} else {
			buf := make([]byte, len(gzipMagic))
			n, err := io.ReadFull(r, buf)
			head = buf[:n]
			if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
				return nil, err
			}
			r = io.MultiReader(bytes.NewReader(head), r)
		}
		if !bytes.Equal(head, gzipMagic) {
			return r, nil
		}
	}
	if name == "" {
		name = "-"
	}
	c := &CountingReader{R: r}
	z, err := gzip.NewReader(c)
	if err != nil {
		return nil, gzipError(name, c.N, 0, err)
	}
	return &gzipReader{name: name, z: z, c: c}, nil
}

// CountingReader counts the bytes read through it.
type CountingReader struct {
	R io.Reader
	N int64 // bytes read so far
}

// Read implements io.Reader.
func (c *CountingReader) Read(p []byte) (int, error) {
	n, err := c.R.Read(p)
	c.N += int64(n)
	return n, err
}

// gzipReader is a gzip stream whose errors name the file and offsets.
type gzipReader struct {
	name string
	z    *gzip.Reader
	c    *CountingReader
	out  int64 // decompressed bytes given
}

func (g *gzipReader) Read(p []byte) (int, error) {
	n, err := g.z.Read(p)
	g.out += int64(n)
	if err != nil && err != io.EOF {
		err = gzipError(g.name, g.c.N, g.out, err)
	}
	return n, err
}

// gzipError names the file and offsets of a decompression error: read is
// how many compressed bytes were read (the whole file when it ended too
// soon), out how many decompressed bytes were given.
func gzipError(name string, read, out int64, err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return fmt.Errorf("%s: truncated gzip data: the file ends at byte offset %d, after %d decompressed bytes: %w", name, read, out, io.ErrUnexpectedEOF)
	}
	return fmt.Errorf("%s: %w (compressed bytes read: %d, decompressed bytes given: %d)", name, err, read, out)
}
