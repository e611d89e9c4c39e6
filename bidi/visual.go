package bidi

// Visual-order repair.
//
// PDF extraction leaves some Persian lines in visual order, in two ways:
//
//   - mirrored: the runes of the line in the order they are drawn, left to
//     right, so that every Persian word reads backwards while numbers and
//     Latin words read forwards (the output of tools that sort glyphs by
//     position). With presentation forms, such words start with final forms
//     and end with initial ones.
//   - word order reversed: every right-to-left word wrapped in U+202B…U+202C
//     and the words in the order they are drawn (pdftotext -raw).
//
// A line is repaired only on evidence, and the evidence is built so that a
// repaired line never looks visual again (normalization stays idempotent):
//
//   - W, from the words: for each run of Arabic-script letters, how much more
//     Persian it looks read backwards than forwards (function words, frequent
//     word starts and ends, the letters it starts and ends with), plus line
//     punctuation (a sentence end at the start of the line, " .9" numbering).
//     W changes sign when the line is mirrored, and joining affixes or
//     cleaning ZWNJs does not change it.
//   - P, from presentation forms at the wrong end of a word (counted before
//     they are folded).
//   - the embeddings: right-to-left embeddings of one word each, no
//     Arabic-script letter outside them, more of them than Latin words, and
//     something to reorder: the line is word-reversed.
//
// See mirrored for the decision on W and P. Lines of vocalized text are not
// repaired as mirrored: the evidence describes Persian, not Arabic.

// threshold is the evidence a line needs to be repaired, and formWeight
// the weight of one presentation form, in the tenths of logicalness.
const formWeight = 20

// threshold is the evidence a line needs to be repaired.
const threshold = 40

// repair decides the line in work and repairs it in place; it reports
// whether it changed the order of the line.
func (n *Normalizer) repair() bool {
	w := &n.w
	done := false
	if w.wordReversed() {
		w.reorder(modeWords)
		done = true
	}
	// A line that reads as Persian forwards needs no scoring: two of the
	// commonest function words whose reversals are not words (را از که است
	// برای) can only be logical order.
	if w.forwardPersian() {
		return done
	}
	// The word evidence is taken after the word order is repaired: the
	// repair can glue letters of two embeddings into one word.
	e := w.wordScore()
	P := 0
	if !done {
		P = w.formScore() // the form spans are stale after reorder
	}
	if !mirrored(e, P) {
		return done
	}
	if !w.flagged {
		w.reorder(modeRunes)
		return true
	}
	// A folded ligature (لا from one presentation form) keeps its order,
	// as it was drawn as one glyph; but then the words are not the exact
	// mirror of what was scored. If the result would qualify for a repair
	// of its own, mirror rune by rune instead, which always gives a line
	// that does not (see mirrored).
	w.saved = append(w.saved[:0], w.runes...)
	w.savedF = append(w.savedF[:0], w.flags...)
	w.reorder(modeAtoms)
	if mirrored(w.wordScore(), 0) {
		w.runes = append(w.runes[:0], w.saved...)
		w.flags = append(w.flags[:0], w.savedF...)
		w.reorder(modeRunes)
	}
	return true
}

// mirrored decides from the word evidence e and the form evidence P that
// a line is mirrored. Repairing negates e's score and folds the forms away
// (P becomes 0), so: a line repaired on word evidence (score > need) has a
// negative score afterwards, and one repaired on form evidence had a score
// of at least -need, so it has at most need afterwards: neither is
// repaired again. A line that is not repaired has a score of at most need
// (or no lexical evidence), which folding its forms does not change.
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

// formScore returns P: the presentation forms whose joining fits their
// neighbours read right to left only, less those that fit them read left to
// right only, times formWeight. A form joins its neighbour on a side when
// both letters join on that side (a final ی after a ن, an isolated د after
// a ن does not fit left to right).
func (w *work) formScore() int {
	rs := w.runes
	p := 0
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
		joinedBefore := f.form == formFinal || f.form == formMedial
		joinedAfter := f.form == formInitial || f.form == formMedial
		// Read left to right, prev comes before the letter; read right
		// to left, next does.
		ltr := joinedBefore == (joinsAfter(prev) && joinsBefore(self)) &&
			joinedAfter == (joinsBefore(next) && joinsAfter(self))
		rtl := joinedBefore == (joinsAfter(next) && joinsBefore(self)) &&
			joinedAfter == (joinsBefore(prev) && joinsAfter(self))
		switch {
		case rtl && !ltr:
			p += formWeight
		case ltr && !rtl:
			p -= formWeight
		}
	}
	return p
}

// joining holds, per letter, whether it joins the letter before it and the
// letter after it (in reading order), from the forms in presForms.
var joining = func() map[rune]uint8 {
	m := map[rune]uint8{'ﻻ': joinBefore}
	for _, pf := range presForms {
		rs := []rune(pf.s)
		if len(rs) != 1 {
			continue
		}
		switch pf.form {
		case formFinal:
			m[rs[0]] |= joinBefore
		case formInitial:
			m[rs[0]] |= joinAfter
		case formMedial:
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

// wordReversed reports whether the embeddings of the line show the word
// order that pdftotext -raw leaves.
func (w *work) wordReversed() bool {
	if len(w.groups) == 0 || w.outsideArabic > 0 {
		return false
	}
	rtl := 0
	last := int32(0)
	for _, g := range w.groups {
		if g.end < g.start || g.start < last || int(g.end) > len(w.runes) {
			return false // a URL written again changed the indexes
		}
		last = g.end
		if g.rtl && g.letters {
			if g.space {
				return false
			}
			rtl++
		}
	}
	if rtl == 0 || rtl <= w.latinWords {
		return false
	}
	if rtl >= 2 {
		return true
	}
	// One word: only if something stands outside it to reorder.
	k := 0
	for i, r := range w.runes {
		for k < len(w.groups) && int(w.groups[k].end) <= i {
			k++
		}
		if (k == len(w.groups) || int(w.groups[k].start) > i) && !isSpace(r) {
			return true
		}
	}
	return false
}

// An atom is a unit the reordering never splits: a rune with its folded
// ligature runes, or a whole embedding when words are reordered.
type atom struct {
	start, end int32
	class      uint8
}

// A unit is one or more atoms that keep their order: a number, or a run of
// left-to-right text.
type unit struct {
	start, end int32 // atoms[start:end]
	ltr        bool
}

// Modes of reorder.
const (
	modeRunes = iota // mirrored line, every rune an atom
	modeAtoms        // mirrored line, a folded ligature one atom
	modeWords        // word-reversed line, every top-level embedding one atom
)

// reorder turns the line from visual to logical order as the Unicode bidi
// algorithm lays out a right-to-left paragraph: the units are written in
// reverse, and a left-to-right unit keeps the order inside it. The mode
// says what the atoms are, the pieces that keep their own order.
func (w *work) reorder(mode int) {
	groups := mode == modeWords
	rs, fs := w.runes, w.flags
	atoms := w.atoms[:0]
	gi := 0
	for i := 0; i < len(rs); {
		if groups {
			if gi < len(w.groups) && int(w.groups[gi].start) == i && w.groups[gi].end > w.groups[gi].start {
				g := w.groups[gi]
				c := bcL
				if g.rtl {
					c = bcR
				}
				atoms = append(atoms, atom{g.start, g.end, c})
				i = int(g.end)
				gi++
				continue
			}
			for gi < len(w.groups) && (int(w.groups[gi].end) <= i || int(w.groups[gi].start) < i) {
				gi++ // behind us, or cut by an atom: no longer a unit
			}
			// Outside the embeddings, a run of non-space runes is one
			// word, drawn in its own order.
			if !isSpace(rs[i]) {
				j := i
				c := bcNeutral
				for j < len(rs) && !isSpace(rs[j]) && (gi >= len(w.groups) || int(w.groups[gi].start) > j) {
					switch bidiClass(rs[j]) {
					case bcL:
						c = bcL
					case bcDigit:
						if c == bcNeutral {
							c = bcDigit
						}
					}
					j++
				}
				atoms = append(atoms, atom{int32(i), int32(j), c})
				i = j
				continue
			}
		}
		if w.flagged && fs[i]&fProt != 0 {
			// A URL or e-mail address is written as it came: one
			// left-to-right atom.
			j := i + 1
			for j < len(rs) && fs[j]&fProt != 0 {
				j++
			}
			atoms = append(atoms, atom{int32(i), int32(j), bcL})
			i = j
			continue
		}
		j := i + 1
		for mode == modeAtoms && j < len(rs) && fs[j]&fCont != 0 {
			j++
		}
		c := bidiClass(rs[i])
		if c == bcMark {
			c = bcNeutral
			if len(atoms) > 0 {
				c = atoms[len(atoms)-1].class
			}
		}
		atoms = append(atoms, atom{int32(i), int32(j), c})
		i = j
	}
	w.atoms = atoms

	// Numbers: digits with single separators between them.
	units := w.units[:0]
	for i := 0; i < len(atoms); {
		if atoms[i].class != bcDigit {
			units = append(units, unit{int32(i), int32(i + 1), false})
			i++
			continue
		}
		j := i + 1
		for j < len(atoms) {
			if atoms[j].class == bcDigit {
				j++
			} else if atoms[j].class == bcSep && j+1 < len(atoms) && atoms[j+1].class == bcDigit {
				j += 2
			} else {
				break
			}
		}
		units = append(units, unit{int32(i), int32(j), true})
		i = j
	}
	// A number after left-to-right text (nearest strong class L) joins it,
	// and so do the neutrals between two left-to-right units.
	merged := units[:0]
	lastStrong := bcR
	lastLTR := -1 // index in merged of the last left-to-right unit
	for _, u := range units {
		c := atoms[u.start].class
		isL := c == bcL || (u.ltr && lastStrong == bcL)
		if c == bcL || c == bcR {
			lastStrong = c
		}
		if isL && lastLTR >= 0 {
			// Everything since the last LTR unit is neutral: join it all.
			merged = merged[:lastLTR+1]
			merged[lastLTR].end = u.end
			continue
		}
		if isL {
			u.ltr = true
			merged = append(merged, u)
			lastLTR = len(merged) - 1
			continue
		}
		if c == bcR || u.ltr {
			lastLTR = -1
		}
		merged = append(merged, u)
	}
	w.units = merged

	tr, tf := w.tmpR[:0], w.tmpF[:0]
	for k := len(merged) - 1; k >= 0; k-- {
		u := merged[k]
		for a := u.start; a < u.end; a++ {
			at := atoms[a]
			tr = append(tr, rs[at.start:at.end]...)
			if w.flagged {
				tf = append(tf, fs[at.start:at.end]...)
			}
		}
	}
	copy(rs, tr)
	copy(fs, tf)
	w.tmpR, w.tmpF = tr, tf
}

// forwardKeys are the packed letters (see pack) of function words that are
// frequent in Persian prose and are not words when read backwards: two of
// them in a line can only be read in logical order.
var forwardKeys = func() (f map[uint64]bool) {
	f = map[uint64]bool{}
	for _, w := range []string{"را", "از", "که", "است", "برای"} {
		f[pack([]rune(w))] = true
	}
	return f
}()

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
		if n >= 2 && n <= 4 && j-i == n && (j == len(rs) || rs[j] != 0x200C) && (i == 0 || rs[i-1] != 0x200C) && forwardKeys[k] {
			if fwd++; fwd == 2 {
				return true
			}
		}
		i = j
	}
	return false
}
