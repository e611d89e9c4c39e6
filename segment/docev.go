package segment

import "bytes"

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
	mixSeenPersian  uint8 = 1 << iota // a letter of پ چ ژ گ
	mixSeenArabicYK                   // a letter of ي ك ى
	mixBoth         = mixSeenPersian | mixSeenArabicYK
)

// mixD9 and mixDA classify the low six bits of the second byte of a
// two-byte letter whose first byte is 0xD9 or 0xDA.
var mixD9, mixDA [64]uint8

func init() {
	for _, r := range "پچژگيكى" {
		var b [2]byte
		b[0], b[1] = byte(0xC0|r>>6), byte(0x80|r&0x3F)
		seen := mixSeenArabicYK
		if r == 'پ' || r == 'چ' || r == 'ژ' || r == 'گ' {
			seen = mixSeenPersian
		}
		switch b[0] {
		case 0xD9:
			mixD9[b[1]&0x3F] = seen
		case 0xDA:
			mixDA[b[1]&0x3F] = seen
		}
	}
}

// scanMixed reads text[i:end] for a word (a run of U+0600–U+06FF) that
// mixes پ چ ژ گ with ي ك ى (S5.4). w is what the word being read when
// text[i] is reached has shown. It reports whether such a word ended in the
// range (it stops there) and returns what the word being read at end has
// shown.
func scanMixed(text []byte, i, end int, w uint8) (bool, uint8) {
	for i < end {
		c := text[i]
		if c < 0x80 {
			// Fast over ASCII: every byte of it ends a word.
			if w == mixBoth {
				return true, 0
			}
			w = 0
			i++
			for i+8 <= end && ascii8(text[i:i+8]) {
				i += 8
			}
			continue
		}
		if c < 0xD8 || c > 0xDB || i+1 >= end {
			if w == mixBoth {
				return true, 0
			}
			w = 0
			i++
			continue
		}
		switch c {
		case 0xD9:
			w |= mixD9[text[i+1]&0x3F]
		case 0xDA:
			w |= mixDA[text[i+1]&0x3F]
		}
		i += 2
	}
	return false, w
}

// ascii8 reports whether the eight bytes of b are ASCII.
func ascii8(b []byte) bool {
	_ = b[7]
	x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
	return x&0x8080808080808080 == 0
}
