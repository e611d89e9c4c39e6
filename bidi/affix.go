package bidi

import "unicode/utf8"

func isWordRune(r rune) bool {
	return isArabicLetter(r) || isMark(r) || r == zwnj || r == zwj
}

// What becomes of a run of spaces between two words.
const (
	keepSpace uint8 = iota // written as it is
	joinZWNJ               // a ZWNJ instead
	joinNone               // nothing: the words are one (hazm: برمی‌)
)

// joinAt decides the run of spaces runes[s:e]: it becomes a ZWNJ when it
// stands after the verb prefix می or نمی and before a verb, or before a
// plural suffix (ها, های, هایی, and ها with a possessive ending) and after a
// word, and, under the hazm preset, in the cases of hazmJoin; never next to
// a Latin letter or a digit, nor next to a URL.
func (w *work) joinAt(s, e int) uint8 {
	rs := w.runes
	// Most spaces are neither after می/نمی nor before ها.
	prefix := s >= 2 && ((rs[s-1] == 'ی' && (rs[s-2] == 'م' || isMark(rs[s-2]))) || isMark(rs[s-1]))
	plural := e+1 < len(rs) && rs[e] == 'ه' && (rs[e+1] == 'ا' || isMark(rs[e+1]))
	hazm := w.hazm && e+1 < len(rs) && s >= 2 && (w.hazmCandidate(s, e) || rs[s-1] == 'ی' && rs[s-2] == 'ب')
	if !prefix && !plural && !hazm {
		return keepSpace
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
		return keepSpace
	}
	if ls > 0 && (isLatinLetter(rs[ls-1]) || isDigit(rs[ls-1]) || w.flag(ls-1)&fProt != 0) {
		return keepSpace
	}
	if re < len(rs) && (isLatinLetter(rs[re]) || isDigit(rs[re]) || w.flag(re)&fProt != 0) {
		return keepSpace
	}
	// The left word's last part: after its last ZWNJ or ZWJ.
	hs := s
	for hs > ls && rs[hs-1] != zwnj && rs[hs-1] != zwj {
		hs--
	}
	var rb, lb [maxKey]byte
	host, ok := plainLetters(lb[:0], rs[hs:s])
	if !ok {
		return keepSpace
	}
	if hazm && hs == ls && string(host) == "بر" {
		return w.joinBar(e, re)
	}
	right, ok := plainLetters(rb[:0], rs[e:re])
	if !ok {
		return keepSpace
	}
	switch {
	case hs == ls && (string(host) == "می" || string(host) == "نمی"):
		if isVerbLike(right) {
			return joinZWNJ
		}
	case hazm && hs == ls && string(host) == "بی":
		return w.joinBi(ls, right)
	case pluralSuffixes[string(right)] || w.hazm && spokenPlurals[string(right)]:
		if utf8.RuneCount(host) >= 2 && !noPluralHost[string(host)] {
			return joinZWNJ
		}
	case hazm:
		return hazmJoin(host, right)
	}
	return keepSpace
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
// has two letters or more, does not start with می or نمی itself (می is also
// "wine", and "می میفروخته" is wine and a verb), is not a common non-verb
// ("ماه می سال"), and ends like a present or past verb: م ی د ت ن, or ه in
// the spoken forms (می‌کنه, می‌شه). The endings are checked with the letter
// before them, where nouns give themselves away: no verb ends in اه
// (خواه, راه, ماه), له (جمله) or وه, یه, هه, and none in ام but the spoken
// خوام (نام, تمام, پیام).
func isVerbLike(word []byte) bool {
	var buf [maxKey / 2]rune
	rs := buf[:0]
	for _, r := range string(word) {
		if len(rs) == cap(rs) {
			return false
		}
		rs = append(rs, r)
	}
	n := len(rs)
	if n < 2 || nonVerbs[string(word)] {
		return false
	}
	if rs[0] == 'م' && rs[1] == 'ی' || n >= 3 && rs[0] == 'ن' && rs[1] == 'م' && rs[2] == 'ی' {
		return false
	}
	last, prev := rs[n-1], rs[n-2]
	switch last {
	case 'ی', 'د', 'ت', 'ن':
		return true
	case 'م':
		return prev != 'ا' || n >= 4 && rs[n-3] == 'و'
	case 'ه':
		switch prev {
		case 'ا', 'ل', 'و', 'ی', 'ه':
			return false
		}
		return true
	}
	return false
}
