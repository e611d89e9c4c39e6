package bidi

import (
	"slices"
	"unicode/utf8"
)

// cleanZWNJ keeps a ZWNJ only between two Arabic-script letters (marks in
// between are skipped) and makes a run of them one; the ZWNJs of URLs and
// e-mail addresses are left alone.
func (w *work) cleanZWNJ() {
	if !w.flagged {
		w.cleanZWNJPlain()
		return
	}
	rs, fs := w.runes, w.flags
	j := 0
	base := rune(-1) // the last rune written that is not a mark
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r != zwnj || fs[i]&fProt != 0 {
			rs[j], fs[j] = r, fs[i]
			j++
			if classOf(r)&cMark == 0 {
				base = r
			}
			continue
		}
		k := i
		for k+1 < len(rs) && rs[k+1] == zwnj && fs[k+1]&fProt == 0 {
			k++
		}
		m := k + 1
		for m < len(rs) && isMark(rs[m]) {
			m++
		}
		if base >= 0 && m < len(rs) && isArabicLetter(base) && isArabicLetter(rs[m]) {
			rs[j], fs[j] = zwnj, fs[i]
			j++
			base = zwnj
		}
		i = k
	}
	w.runes, w.flags = rs[:j], fs[:j]
}

// cleanZWNJPlain is cleanZWNJ for a line without flags.
func (w *work) cleanZWNJPlain() {
	rs := w.runes
	j := 0
	base := rune(-1)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r != zwnj {
			rs[j] = r
			j++
			if classOf(r)&cMark == 0 {
				base = r
			}
			continue
		}
		k := i
		for k+1 < len(rs) && rs[k+1] == zwnj {
			k++
		}
		m := k + 1
		for m < len(rs) && isMark(rs[m]) {
			m++
		}
		if base >= 0 && m < len(rs) && isArabicLetter(base) && isArabicLetter(rs[m]) {
			rs[j] = zwnj
			j++
			base = zwnj
		}
		i = k
	}
	w.runes = rs[:j]
}

// emitFa is the last pass of the Persian rules: ZWNJ clean-up, affix
// joining, and UTF-8 encoding of the line onto dst.
func (n *Normalizer) emitFa(dst []byte) []byte {
	w := &n.w
	if w.zwnjs > 0 {
		w.cleanZWNJ()
	}
	rs := w.runes
	join := !n.opts.NoAffixJoin && w.hasArabic
	// Every rune takes at most three bytes (a joined affix turns a space
	// into a three-byte ZWNJ) but a rune above U+FFFF, which takes four.
	need := 3 * len(rs)
	if w.wide {
		need = 4 * len(rs)
	}
	dst = slices.Grow(dst, need)
	b := dst[len(dst) : len(dst)+need]
	k := 0
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == ' ':
			if join && w.flag(i)&fProt == 0 {
				e := i + 1
				for e < len(rs) && rs[e] == ' ' {
					e++
				}
				if w.shouldJoin(i, e) {
					b[k], b[k+1], b[k+2] = 0xE2, 0x80, 0x8C // ZWNJ
					k += 3
				} else {
					for ; i < e; i++ {
						b[k] = ' '
						k++
					}
				}
				i = e - 1
				continue
			}
			b[k] = ' '
			k++
		case r < 0x80:
			b[k] = byte(r)
			k++
		case r < 0x800:
			b[k], b[k+1] = byte(0xC0|r>>6), byte(0x80|r&0x3F)
			k += 2
		default:
			k += utf8.EncodeRune(b[k:], r)
		}
	}
	return dst[:len(dst)+k]
}

func isWordRune(r rune) bool {
	return isArabicLetter(r) || isMark(r) || r == zwnj || r == zwj
}

// shouldJoin decides the run of spaces runes[s:e]: it becomes a ZWNJ when
// it stands after the verb prefix می or نمی and before a verb, or before a
// plural suffix (ها, های, هایی, and ها with a possessive ending) and after a
// word; never next to a Latin letter or a digit, nor next to a URL.
func (w *work) shouldJoin(s, e int) bool {
	rs := w.runes
	// Most spaces are neither after می/نمی nor before ها.
	prefix := s >= 2 && ((rs[s-1] == 'ی' && (rs[s-2] == 'م' || isMark(rs[s-2]))) || isMark(rs[s-1]))
	plural := e+1 < len(rs) && rs[e] == 'ه' && (rs[e+1] == 'ا' || isMark(rs[e+1]))
	if !prefix && !plural {
		return false
	}
	ls := s
	for ls > 0 && isWordRune(rs[ls-1]) {
		ls--
	}
	re := e
	for re < len(rs) && isWordRune(rs[re]) {
		re++
	}
	if ls == s || re == e {
		return false
	}
	if ls > 0 && (isLatinLetter(rs[ls-1]) || isDigit(rs[ls-1]) || w.flag(ls-1)&fProt != 0) {
		return false
	}
	if re < len(rs) && (isLatinLetter(rs[re]) || isDigit(rs[re]) || w.flag(re)&fProt != 0) {
		return false
	}
	var rb, lb [maxKey]byte
	right, ok := plainLetters(rb[:0], rs[e:re])
	if !ok {
		return false
	}
	// The left word's last part: after its last ZWNJ or ZWJ.
	hs := s
	for hs > ls && rs[hs-1] != zwnj && rs[hs-1] != zwj {
		hs--
	}
	host, ok := plainLetters(lb[:0], rs[hs:s])
	if !ok {
		return false
	}
	if hs == ls && (string(host) == "می" || string(host) == "نمی") {
		return isVerbLike(right)
	}
	if pluralSuffixes[string(right)] {
		return utf8.RuneCount(host) >= 2 && !noPluralHost[string(host)]
	}
	return false
}

// maxKey bounds the UTF-8 length of the words the rules look up.
const maxKey = 64

// plainLetters appends the UTF-8 of the letters of word to b, leaving out its
// marks. It fails for a word that holds a ZWNJ, a ZWJ or no letter, or that
// is longer than maxKey bytes.
func plainLetters(b []byte, word []rune) ([]byte, bool) {
	for _, r := range word {
		switch {
		case r == zwnj || r == zwj:
			return nil, false
		case isMark(r):
		default:
			if len(b)+utf8.RuneLen(r) > maxKey {
				return nil, false
			}
			b = utf8.AppendRune(b, r)
		}
	}
	return b, len(b) > 0
}

// isVerbLike reports whether the word after می or نمی looks like a verb: it
// has two letters or more, ends like a present or past verb (م ی د ت ن ه,
// the last two in spoken forms) and is not a common non-verb ("ماه می سال").
func isVerbLike(word []byte) bool {
	if utf8.RuneCount(word) < 2 || nonVerbs[string(word)] {
		return false
	}
	last, _ := utf8.DecodeLastRune(word)
	switch last {
	case 'م', 'ی', 'د', 'ت', 'ن', 'ه':
		return true
	}
	return false
}
