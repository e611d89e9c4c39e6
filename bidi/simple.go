package bidi

import (
	"encoding/binary"
	"unicode/utf8"

	"github.com/langsplit/langsplit/internal/arabic"
	"golang.org/x/text/transform"
)

// appendSimple appends line to dst with the all-language rules (bidi
// controls and U+FEFF dropped) and, if fold is set, the presentation forms
// folded. Invalid UTF-8 is written as U+FFFD.
func appendSimple(dst, line []byte, fold bool) []byte {
	for i := 0; i < len(line); {
		// Copy the run of bytes that no rule touches in one go: ASCII and
		// the two-byte sequences, which hold none of the runes dropped or
		// folded except U+061C (D8 9C).
		j := i
		for j < len(line) {
			if j+8 <= len(line) && binary.LittleEndian.Uint64(line[j:])&0x8080808080808080 == 0 {
				j += 8 // eight ASCII bytes
				continue
			}
			c := line[j]
			if c < 0x80 {
				j++
				continue
			}
			if c >= 0xC2 && c < 0xE0 && j+1 < len(line) && line[j+1]&0xC0 == 0x80 && !(c == 0xD8 && line[j+1] == 0x9C) {
				j += 2
				continue
			}
			break
		}
		dst = append(dst, line[i:j]...)
		if j == len(line) {
			break
		}
		r, size := utf8.DecodeRune(line[j:])
		i = j + size
		switch {
		case dropAll(r):
		case fold && r >= arabic.FormsFirst && r <= arabic.FormsLast:
			if pf, ok := foldForm(r); ok {
				dst = append(dst, pf.Text...)
			} else {
				dst = utf8.AppendRune(dst, r)
			}
		default:
			dst = utf8.AppendRune(dst, r) // U+FFFD for an invalid byte
		}
	}
	return dst
}

// StripControls is a transformer with the all-language rules only: it drops
// the bidi controls U+200E U+200F U+061C U+202A–U+202E U+2066–U+2069 and
// U+FEFF, and writes invalid UTF-8 as U+FFFD. It keeps no state between
// calls, so one value can be shared; it also implements
// transform.SpanningTransformer.
var StripControls transform.SpanningTransformer = stripControls{}

type stripControls struct{}

// Reset implements transform.Transformer; stripControls has no state.
func (stripControls) Reset() {}

// Transform implements transform.Transformer.
func (stripControls) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		c := src[nSrc]
		if c < utf8.RuneSelf {
			if nDst == len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = c
			nDst++
			nSrc++
			continue
		}
		if !atEOF && !utf8.FullRune(src[nSrc:]) {
			return nDst, nSrc, transform.ErrShortSrc
		}
		r, size := utf8.DecodeRune(src[nSrc:])
		if dropAll(r) {
			nSrc += size
			continue
		}
		if r == utf8.RuneError && size == 1 {
			if len(dst)-nDst < 3 {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += utf8.EncodeRune(dst[nDst:], r)
			nSrc++
			continue
		}
		if len(dst)-nDst < size {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += copy(dst[nDst:], src[nSrc:nSrc+size])
		nSrc += size
	}
	return nDst, nSrc, nil
}

// Span implements transform.SpanningTransformer: it returns the length of
// the prefix of src that holds no rune the transformer drops or replaces.
func (stripControls) Span(src []byte, atEOF bool) (n int, err error) {
	for n < len(src) {
		if src[n] < utf8.RuneSelf {
			n++
			continue
		}
		if !atEOF && !utf8.FullRune(src[n:]) {
			return n, transform.ErrShortSrc
		}
		r, size := utf8.DecodeRune(src[n:])
		if dropAll(r) || (r == utf8.RuneError && size == 1) {
			return n, transform.ErrEndOfSpan
		}
		n += size
	}
	return n, nil
}
