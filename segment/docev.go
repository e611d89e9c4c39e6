package segment

import (
	"bytes"
	"math/bits"

	"github.com/langsplit/langsplit/internal/arabic"
)

// The document evidence of S5.2 and S5.4 as scans of the text, shared by
// the engine's look-ahead, the Scanner (which counts what it lets go of
// before its look-ahead read it) and chunked segmentation (chunk.go), so
// that all of them read the document alike.

// yks are ی and ک in UTF-8.
var yks = [2][]byte{[]byte("ی"), []byte("ک")}

// countYK adds the ی and ک letters of b to have, up to persianYKMin (the
// count stops there: S5.2 asks only whether there are that many).
func countYK(b []byte, have int) int {
	for _, pat := range yks {
		for rest := b; have < persianYKMin; {
			i := bytes.Index(rest, pat)
			if i < 0 {
				break
			}
			have++
			rest = rest[i+len(pat):]
		}
	}
	return have
}

// What a word read by scanMixed has shown (the state it carries).
const (
	mixSeenPersian  uint8 = 1 << iota // a letter of پ چ ژ گ, or ی
	mixSeenArabicYK                   // a letter of ي ك ى
	mixBoth         = mixSeenPersian | mixSeenArabicYK
)

// mixSeen returns what the two-byte letter c0 c1 (U+0600–U+06FF) shows.
// ی counts with پ چ ژ گ: a word that writes ی inside and ى at its end
// (سیاسى) is Persian typed on a keyboard that puts ى at word ends (S5.4).
func mixSeen(c0, c1 byte) uint8 {
	switch {
	case c0 == 0xDB && c1 == 0x8C: // ی
		return mixSeenPersian
	case c0 == 0xD9:
		switch c1 {
		case 0xBE: // پ
			return mixSeenPersian
		case 0x8A, 0x83, 0x89: // ي ك ى
			return mixSeenArabicYK
		}
	case c0 == 0xDA:
		switch c1 {
		case 0x86, 0x98, 0xAF: // چ ژ گ
			return mixSeenPersian
		}
	}
	return 0
}

// letterAt reports whether text[k:k+2] (within end) is a two-byte letter
// of U+0600–U+06FF: a word of S5.4 is a run of them, and every other byte
// ends one.
func letterAt(text []byte, k, end int) bool {
	return arabic.Starts(text[:end], k)
}

// scanMixed reads text[i:end] for a word (a run of U+0600–U+06FF letters)
// that mixes پ چ ژ گ with ي ك ى (S5.4). w is what the word being read when
// text[i] is reached has shown. It reports whether such a word ended in the
// range (it stops there) and returns what the word being read at end has
// shown.
//
// Only a word with one of ي ك ى can mix, and in Persian written with ی/ک
// they are rare: it looks for them eight bytes at a time (their second
// bytes) and reads only the words around them, and the word it starts in.
func scanMixed(text []byte, i, end int, w uint8) (bool, uint8) {
	// Finish the word being read at i.
	for letterAt(text, i, end) {
		w |= mixSeen(text[i], text[i+1])
		i += 2
	}
	if i >= end {
		return false, w
	}
	if w == mixBoth {
		return true, 0 // text[i] ends it
	}
	p := i + 1 // after the byte that ended it: every word from p on starts in the range
	for {
		y := nextArabicYK(text, p, end)
		if y < 0 {
			return false, trailing(text, p, end)
		}
		s := y
		for s-2 >= p && letterAt(text, s-2, end) {
			s -= 2
		}
		e := y
		var seen uint8
		for letterAt(text, e, end) {
			seen |= mixSeen(text[e], text[e+1])
			e += 2
		}
		for k := s; k < y; k += 2 {
			seen |= mixSeen(text[k], text[k+1])
		}
		if e >= end {
			return false, seen
		}
		if seen == mixBoth {
			return true, 0
		}
		p = e + 1
	}
}

// trailing returns what the word that text[p:end] ends in has shown.
func trailing(text []byte, p, end int) uint8 {
	k := end
	for k-2 >= p && letterAt(text, k-2, end) {
		k -= 2
	}
	var seen uint8
	for ; k < end; k += 2 {
		seen |= mixSeen(text[k], text[k+1])
	}
	return seen
}

// nextArabicYK returns the index of the next ي ك ى (0xD9 then 0x8A, 0x83
// or 0x89) in text[p:end], or -1.
func nextArabicYK(text []byte, p, end int) int {
	const lo = 0x0101010101010101
	k := p + 1 // the second byte's index
	for ; k+8 <= end; k += 8 {
		x := le64(text[k : k+8])
		m := zeroBytes(x^0x8A*lo) | zeroBytes(x^0x83*lo) | zeroBytes(x^0x89*lo)
		for m != 0 {
			b := bits.TrailingZeros64(m) / 8
			if text[k+b-1] == 0xD9 {
				return k + b - 1
			}
			m &= m - 1
		}
	}
	for ; k < end; k++ {
		if c := text[k]; (c == 0x8A || c == 0x83 || c == 0x89) && text[k-1] == 0xD9 {
			return k - 1
		}
	}
	return -1
}

// zeroBytes returns x with the high bit of each of its zero bytes set, and
// nothing else.
func zeroBytes(x uint64) uint64 {
	const low7 = 0x7F7F7F7F7F7F7F7F
	return ^((x&low7 + low7) | x | low7)
}

// le64 reads eight bytes little-endian.
func le64(b []byte) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}
