// Package record defines the JSON Lines schema of langsplit's output: the
// per-block Record printed to stdout, and the Manifest line that describes a
// block written to a file under an output directory.
//
// Both encode with a fixed field order (the order of the struct fields), one
// object a line, without HTML escaping, exactly as encoding/json would with
// SetEscapeHTML(false); both decode with encoding/json.
package record

import (
	"encoding/binary"
	"encoding/hex"
	"math/bits"
	"strconv"
	"unicode/utf8"
	"unsafe"

	"github.com/langsplit/langsplit/segment"
)

// LangLabel is the syntax of a block label (Record.Lang), as a regular
// expression group: en, fa, ar, und, or und- and an ISO 15924 script code
// (und-Cyrl). The --langs flag parses labels with it, and the output
// writer builds the pattern of --by-lang file names (fa.txt) from it.
const LangLabel = `(en|fa|ar|und|und-[A-Z][a-z]{3})`

// Record is one block of one source.
type Record struct {
	Source    string `json:"source"`     // the input's path as found, "-" for stdin, or the document id
	Block     int    `json:"block"`      // block number, from 1 per source
	Lang      string `json:"lang"`       // "en", "fa", "ar", "und-Xxxx" or "und": LangLabel
	Script    string `json:"script"`     // ISO 15924 code
	Dir       string `json:"dir"`        // "ltr" or "rtl"
	Start     int64  `json:"start"`      // byte offset into the decoded UTF-8 text of the source
	End       int64  `json:"end"`        // exclusive
	RuneStart int64  `json:"rune_start"` // code-point offset into the same text
	RuneEnd   int64  `json:"rune_end"`   // exclusive
	// RecordID is the WARC-Record-ID of the WARC record the block's
	// document came from; empty (and left out) otherwise.
	RecordID string `json:"record_id,omitempty"`
	// SrcStart and SrcEnd are, for HTML and WARC input, the byte range of
	// the source (the page's or the payload's bytes as stored, before
	// decoding) that the block's text came from; nil (and left out)
	// otherwise.
	SrcStart *int64 `json:"src_start,omitempty"`
	SrcEnd   *int64 `json:"src_end,omitempty"`
	Text     string `json:"text"` // the block, normalized unless raw output was asked for
}

// Manifest is one line of manifest.jsonl: a Record without its text, and
// where the block's bytes were written.
type Manifest struct {
	Source    string `json:"source"`              // as in Record
	Block     int    `json:"block"`               // as in Record
	Lang      string `json:"lang"`                // as in Record
	Script    string `json:"script"`              // as in Record
	Dir       string `json:"dir"`                 // as in Record
	Start     int64  `json:"start"`               // as in Record
	End       int64  `json:"end"`                 // as in Record
	RuneStart int64  `json:"rune_start"`          // as in Record
	RuneEnd   int64  `json:"rune_end"`            // as in Record
	RecordID  string `json:"record_id,omitempty"` // as in Record
	SrcStart  *int64 `json:"src_start,omitempty"` // as in Record
	SrcEnd    *int64 `json:"src_end,omitempty"`   // as in Record
	File      string `json:"file"`                // path relative to the output directory, '/'-separated
	Offset    int64  `json:"offset"`              // where the block's bytes start in File
	Length    int64  `json:"length"`              // how many bytes were written
	SHA256    string `json:"sha256"`              // hex SHA-256 of the bytes written
}

// Builder numbers the blocks of one source in order and tracks their
// code-point offsets. The zero value needs only Source.
type Builder struct {
	Source   string // the Source of every record
	RecordID string // the RecordID of every record
	n        int
	runes    int64
}

// Next returns the record of the next block b of the source, whose bytes in
// the decoded text are raw (valid UTF-8). Every block must be passed, in order, including
// blocks the caller then drops, so that numbers and rune offsets stay
// right. Text is left empty: set it to what is written.
func (bd *Builder) Next(b segment.Block, raw []byte) Record {
	bd.n++
	start := bd.runes
	bd.runes += int64(runeCount(raw))
	return Record{
		Source:    bd.Source,
		Block:     bd.n,
		Lang:      b.Lang,
		Script:    b.Script,
		Dir:       b.Dir.String(),
		Start:     int64(b.Start),
		End:       int64(b.End),
		RuneStart: start,
		RuneEnd:   bd.runes,
		RecordID:  bd.RecordID,
	}
}

// Resume makes the next record the one of block n+1 of the source, which
// starts at code point runes: for a stage that numbers a run of blocks in
// the middle of a source.
func (bd *Builder) Resume(n int, runes int64) { bd.n, bd.runes = n, runes }

// SetSrc sets the record's source byte range.
func (r *Record) SetSrc(start, end int64) {
	s := [2]int64{start, end}
	r.SrcStart, r.SrcEnd = &s[0], &s[1]
}

// runeCount returns the number of code points in the valid UTF-8 text b:
// its bytes less its continuation bytes, counted eight at a time. (On
// invalid UTF-8 it can differ from utf8.RuneCount, which counts each
// invalid byte; langsplit's decoders never pass invalid UTF-8 on.)
func runeCount(b []byte) int {
	const hi = 0x8080808080808080
	cont := 0
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		cont += bits.OnesCount64(x &^ (x << 1) & hi) // bit 7 set, bit 6 clear: 10xxxxxx
	}
	for ; i < len(b); i++ {
		if b[i]&0xC0 == 0x80 {
			cont++
		}
	}
	return len(b) - cont
}

// Manifest returns the manifest line of r written to file at offset, with
// the given length and SHA-256 sum.
func (r *Record) Manifest(file string, offset, length int64, sum []byte) Manifest {
	return Manifest{
		Source: r.Source, Block: r.Block, Lang: r.Lang, Script: r.Script, Dir: r.Dir,
		Start: r.Start, End: r.End, RuneStart: r.RuneStart, RuneEnd: r.RuneEnd,
		RecordID: r.RecordID, SrcStart: r.SrcStart, SrcEnd: r.SrcEnd,
		File: file, Offset: offset, Length: length, SHA256: hex.EncodeToString(sum),
	}
}

// AppendJSON appends r as one JSON object and a newline to dst.
func (r *Record) AppendJSON(dst []byte) []byte {
	dst = r.appendHead(dst)
	dst = appendStringField(dst, `,"text":`, r.Text)
	return append(dst, "}\n"...)
}

// AppendJSONText appends r as one JSON object and a newline to dst, like
// AppendJSON, with text as its "text" field (r.Text is not used). text is
// read, not kept: no copy is made. text must be valid UTF-8, as langsplit's
// decoders and normalizers give it: it is not validated again (the bytes
// written for invalid UTF-8 are not specified).
func (r *Record) AppendJSONText(dst []byte, text []byte) []byte {
	dst = r.appendHead(dst)
	dst = appendValidString(append(dst, `,"text":`...), unsafe.String(unsafe.SliceData(text), len(text)))
	return append(dst, "}\n"...)
}

// AppendJSON appends m as one JSON object and a newline to dst.
func (m *Manifest) AppendJSON(dst []byte) []byte {
	r := Record{Source: m.Source, Block: m.Block, Lang: m.Lang, Script: m.Script, Dir: m.Dir,
		Start: m.Start, End: m.End, RuneStart: m.RuneStart, RuneEnd: m.RuneEnd,
		RecordID: m.RecordID, SrcStart: m.SrcStart, SrcEnd: m.SrcEnd}
	dst = r.appendHead(dst)
	dst = appendStringField(dst, `,"file":`, m.File)
	dst = appendIntField(dst, `,"offset":`, m.Offset)
	dst = appendIntField(dst, `,"length":`, m.Length)
	dst = appendStringField(dst, `,"sha256":`, m.SHA256)
	return append(dst, "}\n"...)
}

// appendHead appends the fields common to Record and Manifest, from "{" to
// src_end.
func (r *Record) appendHead(dst []byte) []byte {
	dst = appendStringField(dst, `{"source":`, r.Source)
	dst = appendIntField(dst, `,"block":`, int64(r.Block))
	dst = appendStringField(dst, `,"lang":`, r.Lang)
	dst = appendStringField(dst, `,"script":`, r.Script)
	dst = appendStringField(dst, `,"dir":`, r.Dir)
	dst = appendIntField(dst, `,"start":`, r.Start)
	dst = appendIntField(dst, `,"end":`, r.End)
	dst = appendIntField(dst, `,"rune_start":`, r.RuneStart)
	dst = appendIntField(dst, `,"rune_end":`, r.RuneEnd)
	if r.RecordID != "" {
		dst = appendStringField(dst, `,"record_id":`, r.RecordID)
	}
	if r.SrcStart != nil {
		dst = appendIntField(dst, `,"src_start":`, *r.SrcStart)
	}
	if r.SrcEnd != nil {
		dst = appendIntField(dst, `,"src_end":`, *r.SrcEnd)
	}
	return dst
}

// appendStringField appends key (`,"name":`) and s as a JSON string.
func appendStringField(dst []byte, key, s string) []byte {
	return appendString(append(dst, key...), s)
}

// appendIntField appends key (`,"name":`) and n.
func appendIntField(dst []byte, key string, n int64) []byte {
	return strconv.AppendInt(append(dst, key...), n, 10)
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string the way encoding/json does with
// SetEscapeHTML(false): an invalid UTF-8 byte becomes \ufffd, and U+2028 and U+2029
// are escaped. Runs of bytes that need no escape are copied in one append;
// in runs of ASCII they are found eight bytes at a time (asciiStop).
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				if i+8 <= len(s) && s[i] < utf8.RuneSelf {
					i = skipASCII(s, i) // two ASCII bytes in a row: likely a run of them
				}
				continue
			}
			dst = appendEscape(append(dst, s[start:i]...), c)
			i++
			start = i
			continue
		}
		if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 { // two bytes, valid
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// appendEscape appends the escape of an ASCII byte c that JSON strings
// cannot hold as it is: a control character, '"' or '\\'.
func appendEscape(dst []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(dst, '\\', c)
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	case '\b':
		return append(dst, '\\', 'b')
	case '\f':
		return append(dst, '\\', 'f')
	}
	return append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
}

// appendValidString is appendString for a string known to be valid UTF-8:
// the only runes to escape are then the ASCII control characters, '"',
// '\\', U+2028 and U+2029, found eight bytes at a time (validStop).
func appendValidString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		for i+8 <= len(s) {
			m := validStop(binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(s[i:]), 8)))
			if m != 0 {
				i += bits.TrailingZeros64(m) >> 3
				break
			}
			i += 8
		}
		if i == len(s) {
			break
		}
		// A byte validStop flagged (at the start of a rune), or one of the
		// last seven (anywhere in a rune).
		switch c := s[i]; {
		case c >= 0x20 && c != '"' && c != '\\' && c != 0xE2:
			i++ // no escape, and no rune that needs one starts here
		case c == 0xE2:
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) {
				dst = append(dst, s[start:i]...)
				dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[s[i+2]&0xF])
				start = i + 3
			}
			i++
		default:
			dst = appendEscape(append(dst, s[start:i]...), c)
			i++
			start = i
		}
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// validStop looks at eight bytes of valid UTF-8 (x, little-endian) and
// returns a mask with bit 7 set in the bytes that appendValidString looks
// at: an ASCII control character, '"', '\\', and E2, the lead byte of
// U+2028 and U+2029; 0 when there is none. As in asciiStop, only the
// lowest byte flagged is sure to be such a byte.
func validStop(x uint64) uint64 {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
	)
	q, bs, e2 := x^('"'*ones), x^('\\'*ones), x^(0xE2*ones)
	return ((x-0x20*ones)&^x | (q-ones)&^q | (bs-ones)&^bs | (e2-ones)&^e2) & high
}

// skipASCII returns the end of the run of ASCII that needs no escape at
// s[i:], found eight bytes at a time (asciiStop); it stops 8 bytes or
// fewer before the end of s.
func skipASCII(s string, i int) int {
	for i+8 <= len(s) {
		m := asciiStop(binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(s[i:]), 8)))
		if m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	return i
}

// asciiStop looks at eight bytes of a string (x, little-endian) and returns
// a mask with bit 7 set in the bytes that appendString cannot take as
// plain ASCII (a byte at 0x80 or above, a control character, '"' or '\\'),
// or 0 when there is none. Only the lowest byte flagged is sure to be such
// a byte (a borrow of the subtractions flags only bytes above one that is
// flagged already), which is all appendString uses.
func asciiStop(x uint64) uint64 {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
	)
	return (x | (x - 0x20*ones) | ((x ^ '"'*ones) - ones) | ((x ^ '\\'*ones) - ones)) & high
}
