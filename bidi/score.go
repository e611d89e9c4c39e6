package bidi

import (
	"github.com/langsplit/langsplit/internal/arabic"
	"github.com/langsplit/langsplit/internal/keyset"
)

// The word evidence of the visual-order repair, computed in one pass over
// the line with table lookups: it runs on every Persian line.

// evidence is the word evidence of a line. lex and pos add up, over the
// runs of letters, how much more Persian each looks read backwards than
// forwards, in tenths: lex from listed function words and frequent word
// starts and ends (and from line punctuation), pos from the letters the run
// starts and ends with. segs counts the runs, letters and marks their runes.
type evidence struct{ lex, pos, segs, letters, marks int }

// maxSeg is the longest run of letters that is scored.
const maxSeg = 32

// wordScore returns the word evidence of the line in work.
func (w *work) wordScore() (e evidence) {
	rs := w.runes
	var buf [maxSeg]rune
	first, last := -1, -1
	numbering := 0
	hasL := false // left-to-right letters, whose runs keep their order
	for i := 0; i < len(rs); {
		r := rs[i]
		if w.flagged && w.flags[i]&fProt != 0 {
			i++ // URLs and e-mail addresses are not reordered: no evidence
			continue
		}
		if classOf(r)&cArabicLetter == 0 {
			if !isSpace(r) {
				if first < 0 {
					first = i
				}
				last = i
				if r == '.' {
					// Numbering: "9. " reads forwards, " .9" backwards.
					before := i == 0 || isSpace(rs[i-1])
					after := i == len(rs)-1 || isSpace(rs[i+1])
					switch {
					case before && i+1 < len(rs) && isDigit(rs[i+1]):
						numbering++
					case after && i > 0 && isDigit(rs[i-1]):
						numbering--
					}
				} else if !hasL && bidiClass(r) == bcL {
					hasL = true
				}
			}
			i++
			continue
		}
		if first < 0 {
			first = i
		}
		n := 0
		long := false
		// The packed keys of the run read forwards and backwards (see
		// packWord), built as the letters come.
		var fk, rk uint64
		keyed := true
		j := i
		for ; j < len(rs); j++ {
			r := rs[j]
			if w.flagged && w.flags[j]&fProt != 0 {
				break
			}
			cl := classOf(r)
			if cl&cMark != 0 {
				e.marks++
				continue
			}
			if cl&cArabicLetter == 0 {
				break
			}
			e.letters++
			if n < maxSeg {
				buf[n] = r
				if c := uint32(r) - 0x0600; keyed && n < maxPacked && c <= 0xFE {
					fk = fk<<8 | uint64(c+1)
					rk |= uint64(c+1) << (8 * n)
				} else {
					keyed = false
				}
				n++
			} else {
				long = true
			}
		}
		last = j - 1
		i = j
		if long {
			continue
		}
		l := buf[:n]
		if keyed {
			e.lex += w.wordLex(l, fk, rk)
		} else {
			e.lex += lexical(l, true, false, rk) - lexical(l, false, false, fk)
		}
		if n >= 2 {
			e.pos += 2 * (letterPos(l[n-1]) - letterPos(l[0]))
		}
		e.segs++
	}
	// Numbering marks count only where no left-to-right run can hold them
	// (a run keeps its order when the line is mirrored).
	if !hasL {
		e.lex += 20 * numbering
	}
	// A line that starts with the punctuation that ends sentences and
	// clauses reads backwards; one that ends with it reads forwards.
	if first >= 0 {
		if isEnder(rs[first]) {
			e.lex += 20
		}
		if isEnder(rs[last]) {
			e.lex -= 20
		}
	}
	return e
}

// wordLex returns the lexical evidence of a word of at most maxPacked
// letters, l, whose packed keys read forwards and backwards are fk and rk:
// how much more Persian it looks backwards. It depends on the letters
// alone, which fk spells out, so it is remembered (lexMemo).
func (w *work) wordLex(l []rune, fk, rk uint64) int {
	m := w.memo
	if m == nil {
		m = new(lexMemo)
		w.memo = m
	}
	i := (fk * 0x9E3779B97F4A7C15) >> (64 - lexMemoBits)
	if m.keys[i] == fk {
		return int(m.lex[i])
	}
	v := lexical(l, true, true, rk) - lexical(l, false, true, fk)
	m.keys[i], m.lex[i] = fk, int8(v)
	return v
}

// lexMemo remembers the lexical evidence (wordLex) of the last word scored
// in each of its slots, by forward key; 0, no word's key, is an empty slot.
// Words repeat (a few hundred make half of any Persian text), so most are
// scored by one lookup instead of two lexical calls.
type lexMemo struct {
	keys [1 << lexMemoBits]uint64
	lex  [1 << lexMemoBits]int8
}

const lexMemoBits = 11

// lexical scores a run of letters read forwards, or backwards if rev, whose
// packed key (if keyed) is key: 30 for a listed function word, 10 for a
// frequent word end and 10 for a frequent word start (on a word two letters
// longer than the affix).
func lexical(l []rune, rev, keyed bool, key uint64) int {
	s := 0
	if keyed && functionKeys.Has(key) {
		s += 30
	}
	n := len(l)
	if rev {
		// Read backwards, the word ends with l[0] and starts with l[n-1].
		if c := uint32(l[0]) - 0x0600; c < 256 {
		revEnds:
			for _, e := range endsByLast[c] {
				if n < len(e)+2 {
					continue
				}
				for k := 2; k <= len(e); k++ {
					if l[k-1] != e[len(e)-k] {
						continue revEnds
					}
				}
				s += 10
				break
			}
		}
		if c := uint32(l[n-1]) - 0x0600; c < 256 {
		revStarts:
			for _, b := range startsByFirst[c] {
				if n < len(b)+2 {
					continue
				}
				for k := 1; k < len(b); k++ {
					if l[n-1-k] != b[k] {
						continue revStarts
					}
				}
				s += 10
				break
			}
		}
		return s
	}
	if c := uint32(l[n-1]) - 0x0600; c < 256 {
	ends:
		for _, e := range endsByLast[c] {
			if n < len(e)+2 {
				continue
			}
			for k := 2; k <= len(e); k++ {
				if l[n-k] != e[len(e)-k] {
					continue ends
				}
			}
			s += 10
			break
		}
	}
	if c := uint32(l[0]) - 0x0600; c < 256 {
	starts:
		for _, b := range startsByFirst[c] {
			if n < len(b)+2 {
				continue
			}
			for k := 1; k < len(b); k++ {
				if l[k] != b[k] {
					continue starts
				}
			}
			s += 10
			break
		}
	}
	return s
}

// maxPacked is the longest word packWord can key.
const maxPacked = 8

// packWord keys a word of up to eight letters of the Arabic block (read
// backwards if rev), one byte per letter.
func packWord(l []rune, rev bool) (uint64, bool) {
	var k uint64
	n := len(l)
	for i := range n {
		r := l[i]
		if rev {
			r = l[n-1-i]
		}
		c := r - 0x0600
		if c < 0 || c > 0xFE {
			return 0, false
		}
		k = k<<8 | uint64(c+1)
	}
	return k, n > 0 && n <= maxPacked
}

func letterPos(r rune) int {
	if c := r - 0x0600; c >= 0 && c < 256 {
		return int(letterPositions[c])
	}
	return 0
}

// Tables built from the lists in words.go.
var (
	functionKeys    *keyset.Map // the packed keys of functionWords
	endsByLast      [256][][]rune
	startsByFirst   [256][][]rune
	letterPositions [256]int8
)

func init() {
	keys := make(map[uint64]uint16, len(functionWords))
	for word := range functionWords {
		l := []rune(word)
		if k, ok := packWord(l, false); ok {
			keys[k] = 1
		}
	}
	functionKeys = keyset.New(keys)
	for _, e := range wordEnds {
		l := []rune(e)
		c := l[len(l)-1] - 0x0600
		endsByLast[c] = append(endsByLast[c], l)
	}
	for _, b := range wordStarts {
		l := []rune(b)
		c := l[0] - 0x0600
		startsByFirst[c] = append(startsByFirst[c], l)
	}
	for r, v := range letterPosition {
		letterPositions[r-0x0600] = int8(v)
	}
}

// formWeight is the weight of one presentation form, in the tenths of the
// word evidence.
const formWeight = 20

// threshold is the word evidence with which a line votes.
const threshold = 40

// mirrored decides from the word evidence e and the form evidence P that
// a line reads as mirrored Persian (it votes for a mirrored stretch).
// Repairing negates e's score and folds the forms away (P becomes 0), and
// a stretch mirrors no line with a score below -need, so a repaired line
// has a score of at most need afterwards: it does not vote again.
func mirrored(e evidence, P int) bool {
	if e.marks*3 > e.letters {
		return false // vocalized text: the word evidence is Persian, not Arabic
	}
	W, need := e.score(), e.need()
	// Three words or more with no lexical evidence are names or a list:
	// letter positions alone do not decide them.
	if W > need && (e.segs < 3 || e.lex > 0) {
		return true
	}
	return P > 0 && W >= -need && W+P > need
}

// score weighs the word evidence: lexical evidence counts twice, letter
// positions once.
func (e evidence) score() int { return 2*e.lex + e.pos }

// need is the score a line needs to be called mirrored.
func (e evidence) need() int { return threshold }

// isEnder reports whether r is punctuation that ends a sentence or clause.
func isEnder(r rune) bool {
	switch r {
	case '.', '!', '?', ':', '؟', '،', '؛', '…':
		return true
	}
	return false
}

// formScore counts the presentation forms whose joining fits their
// neighbours read right to left only (v) and read left to right only (l).
// A form joins its neighbour on a side when both letters join on that side
// (a final ی after a ن, an isolated د after a ن does not fit left to right).
func (w *work) formScore() (v, l int) {
	rs := w.runes
	for _, f := range w.forms {
		self := rs[f.start]
		if f.end-f.start == 2 && self == 'ل' {
			self = 'ﻻ' // lam-alef joins on the right only, like alef
		} else if f.end-f.start != 1 {
			continue
		}
		i := int(f.start) - 1
		for i >= 0 && isMark(rs[i]) {
			i--
		}
		j := int(f.end)
		for j < len(rs) && isMark(rs[j]) {
			j++
		}
		var prev, next rune
		if i >= 0 && isArabicLetter(rs[i]) {
			prev = rs[i]
		}
		if j < len(rs) && isArabicLetter(rs[j]) {
			next = rs[j]
		}
		joinedBefore := f.form == arabic.Final || f.form == arabic.Medial
		joinedAfter := f.form == arabic.Initial || f.form == arabic.Medial
		// Read left to right, prev comes before the letter; read right
		// to left, next does.
		ltr := joinedBefore == (joinsAfter(prev) && joinsBefore(self)) &&
			joinedAfter == (joinsBefore(next) && joinsAfter(self))
		rtl := joinedBefore == (joinsAfter(next) && joinsBefore(self)) &&
			joinedAfter == (joinsBefore(prev) && joinsAfter(self))
		switch {
		case rtl && !ltr:
			v++
		case ltr && !rtl:
			l++
		}
	}
	return v, l
}

// joining holds, per letter, whether it joins the letter before it and the
// letter after it (in reading order), from the presentation forms.
var joining = func() map[rune]uint8 {
	m := map[rune]uint8{'ﻻ': joinBefore}
	for _, pf := range arabic.Forms() {
		rs := []rune(pf.Text)
		if len(rs) != 1 {
			continue
		}
		switch pf.Joining {
		case arabic.Final:
			m[rs[0]] |= joinBefore
		case arabic.Initial:
			m[rs[0]] |= joinAfter
		case arabic.Medial:
			m[rs[0]] |= joinBefore | joinAfter
		}
	}
	return m
}()

const (
	joinBefore uint8 = 1 << iota
	joinAfter
)

func joinsBefore(r rune) bool { return r != 0 && joining[r]&joinBefore != 0 }
func joinsAfter(r rune) bool  { return r != 0 && joining[r]&joinAfter != 0 }

// forwardKeys are the packed letters (see pack) of function words that are
// frequent in Persian prose and are not words when read backwards: two of
// them in a line can only be read in logical order.
var forwardKeys = func() (f [5]uint64) {
	for i, w := range []string{"را", "از", "که", "است", "برای"} {
		f[i] = pack([]rune(w))
	}
	return f
}()

// isForwardKey reports whether k is one of forwardKeys: five compares cost
// less than a map lookup, on every short word of every line.
func isForwardKey(k uint64) bool {
	for _, f := range forwardKeys {
		if k == f {
			return true
		}
	}
	return false
}

// pack packs a short word of U+0600–U+06FF letters into a key.
func pack(rs []rune) uint64 {
	var k uint64
	for _, r := range rs {
		k = k<<8 | uint64(r-0x0600+1)&0xFF
	}
	return k
}

// forwardPersian reports whether the line holds two of the forwardKeys
// words. It looks only at runs of two to four letters of U+0600–U+06FF that
// no ZWNJ joins to another run.
func (w *work) forwardPersian() bool {
	fwd := 0
	rs := w.runes
	for i := 0; i < len(rs); {
		if rs[i] < 0x0621 || rs[i] > 0x06FF {
			i++
			continue
		}
		j := i
		var k uint64
		for j < len(rs) && rs[j] >= 0x0621 && rs[j] <= 0x06FF && j-i < 5 {
			k = k<<8 | uint64(rs[j]-0x0600+1)&0xFF
			j++
		}
		n := j - i
		for j < len(rs) && classOf(rs[j])&cArabicLetter != 0 {
			j++ // a longer word
		}
		if n >= 2 && n <= 4 && j-i == n && (j == len(rs) || rs[j] != 0x200C) && (i == 0 || rs[i-1] != 0x200C) && isForwardKey(k) {
			if fwd++; fwd == 2 {
				return true
			}
		}
		i = j
	}
	return false
}
