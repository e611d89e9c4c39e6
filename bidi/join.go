package bidi

import (
	"unicode/utf8"

	"github.com/langsplit/langsplit/internal/arabic"
)

// Joining what PDF extraction cut apart, where the joining forms prove that
// the pieces belong together.

// joinKashida appends body to dst without the spaces that extraction put
// between the pieces of a word stretched with kashida (LuaTeX draws
// "راهی" as "راﻫ ـﯽ"): a run of spaces goes when the nearest letter before
// it (across tatweels) is a presentation form that joins the next letter
// (initial or medial) and the nearest letter after it (across tatweels and
// spaces) is one that joins the letter before (final or medial), with a
// tatweel on one side at least. It reports whether it removed any.
func joinKashida(dst, body []byte) ([]byte, bool) {
	changed := false
	for i := 0; i < len(body); {
		if body[i] != ' ' {
			dst = append(dst, body[i])
			i++
			continue
		}
		j := i
		for j < len(body) && body[j] == ' ' {
			j++
		}
		if kashidaGap(body[:i], body[j:]) {
			changed = true
		} else {
			dst = append(dst, body[i:j]...)
		}
		i = j
	}
	return dst, changed
}

// kashidaGap reports whether the spaces between before and after cut a
// word stretched with kashida.
func kashidaGap(before, after []byte) bool {
	tat := false
	var left rune
	for len(before) > 0 {
		r, size := utf8.DecodeLastRune(before)
		before = before[:len(before)-size]
		if r == tatweel {
			tat = true
			continue
		}
		if r == ' ' && tat {
			continue
		}
		left = r
		break
	}
	var right rune
	for len(after) > 0 {
		r, size := utf8.DecodeRune(after)
		after = after[size:]
		if r == tatweel {
			tat = true
			continue
		}
		if r == ' ' && tat {
			continue // a piece of tatweels only: look on
		}
		right = r
		break
	}
	if !tat {
		return false
	}
	lf, lok := arabic.Presentation(left)
	rf, rok := arabic.Presentation(right)
	return lok && rok && (lf.Joining == arabic.Initial || lf.Joining == arabic.Medial) &&
		(rf.Joining == arabic.Final || rf.Joining == arabic.Medial)
}

// joinGlyphs writes a run of glyph lines (pdftotext -raw of LuaTeX output:
// one glyph a line, in reading order) as one line: the glyphs follow each
// other, with a space where the joining forms show that a word ended (a
// final or isolated form of a letter that joins on both sides, or an
// initial or isolated one after such a letter). After a letter that never
// joins the next (ا د ذ ر ز ژ و) the forms cannot tell; the glyphs are
// joined. The run ends with the line ending of its last line.
func (n *Normalizer) joinGlyphs(dst []byte, run []heldLine) []byte {
	la := &n.la
	w := &n.w
	w.reset()
	prevLast, prevForm := rune(0), arabic.NoJoining
	for _, l := range run {
		body, _ := splitLine(la.held[l.start:l.end])
		first, firstForm := n.firstGlyph(body)
		if first == 0 {
			prevLast, prevForm = 0, arabic.NoJoining // tatweel only: joins both sides
			continue
		}
		if prevLast != 0 && wordBreak(prevLast, prevForm, first, firstForm) {
			w.put(' ', 0)
		}
		fstart := len(w.forms)
		n.mapFa(body)
		prevLast, prevForm = w.runes[len(w.runes)-1], formOf(w.forms[fstart:], len(w.runes)-1)
	}
	n.repaired++
	if n.opts.Digits == DigitsFa && w.asciiDigits {
		w.persianDigits()
	}
	dst = n.emitFa(dst)
	_, end := splitLine(la.held[run[len(run)-1].start:run[len(run)-1].end])
	return append(dst, end...)
}

// firstGlyph returns the first letter of a glyph line as cleaning maps it
// and the joining form it was drawn in (arabic.NoJoining for a plain letter), or 0
// for a line of controls and tatweel only.
func (n *Normalizer) firstGlyph(body []byte) (rune, arabic.Joining) {
	for _, r := range string(body) {
		if dropAll(r) || r == tatweel {
			continue
		}
		if pf, ok := foldForm(r); ok {
			first, _ := utf8.DecodeRuneInString(pf.Text)
			return n.mapRune(first), pf.Joining
		}
		return n.mapRune(r), arabic.NoJoining
	}
	return 0, arabic.NoJoining
}

// formOf returns the form of the presentation form folded into runes[i],
// or arabic.NoJoining.
func formOf(forms []formSpan, i int) arabic.Joining {
	for _, f := range forms {
		if int(f.start) <= i && i < int(f.end) {
			return f.form
		}
	}
	return arabic.NoJoining
}

// wordBreak reports whether a word ends between the glyphs a and b.
func wordBreak(a rune, af arabic.Joining, b rune, bf arabic.Joining) bool {
	if af == arabic.Initial || af == arabic.Medial || bf == arabic.Final || bf == arabic.Medial {
		return false // one of them joins the other
	}
	if !joinsAfter(a) {
		return false // a never joins the next letter: the forms cannot tell
	}
	// a could have joined b: it did not, so a word ended, if b could
	// have been joined.
	return af == arabic.Final || af == arabic.Isolated || bf == arabic.Initial || bf == arabic.Isolated
}

// insertRune inserts r before runes[i].
func (w *work) insertRune(i int, r rune) {
	w.same = false
	w.runes = append(w.runes, 0)
	copy(w.runes[i+1:], w.runes[i:])
	w.runes[i] = r
	if w.flagged {
		w.flags = append(w.flags, 0)
		copy(w.flags[i+1:], w.flags[i:])
		w.flags[i] = 0
	}
	for k := range w.forms {
		if int(w.forms[k].start) >= i {
			w.forms[k].start++
			w.forms[k].end++
		}
	}
}

// The meem forms of the verb prefixes می and نمی.
const (
	meemInitial = '\uFEE3'
	meemMedial  = '\uFEE4'
	noonInitial = '\uFEE7'
)

// lostAfter reports whether the meem form at body[start:end] stands where
// a glyph after it has no text: an initial meem after a word start, or a
// medial one after an initial noon, and the word ends right after it (a
// space, the end of an embedding or of the line). Some fonts of Persian TeX
// (the XB family) map no text to the final ی after a meem, so that "می"
// comes out as a lone joining meem.
func lostAfter(body []byte, start, end int) bool {
	if end < len(body) {
		r, _ := utf8.DecodeRune(body[end:])
		if r != ' ' && r != pdf {
			return false
		}
	}
	prev, _ := utf8.DecodeLastRune(body[:start])
	if start == 0 {
		prev = ' '
	}
	if body[start+2] == 0xA3 { // U+FEE3, initial
		return prev == ' ' || prev == rle || prev == pdf || prev == utf8.RuneError
	}
	return prev == noonInitial && (start < 3 || startsWord(body[:start-3]))
}

// startsWord reports whether a word may start after b.
func startsWord(b []byte) bool {
	r, _ := utf8.DecodeLastRune(b)
	return len(b) == 0 || r == ' ' || r == rle || r == pdf
}

// restoreYe writes the ی back after a meem flagged fLost when the word after
// it reads as a verb, so that "ﻣ ﺷﻮد" becomes "می شود" (and then, with the
// affix rule, "می‌شود"). It runs after the repair of the order, when the
// word after the meem is the next word read.
func (w *work) restoreYe() {
	for i := 0; i < len(w.runes); i++ {
		if w.flags[i]&fLost == 0 {
			continue
		}
		w.flags[i] &^= fLost
		s := i + 1
		for s < len(w.runes) && w.runes[s] == ' ' {
			s++
		}
		e := s
		for e < len(w.runes) && isWordRune(w.runes[e]) {
			e++
		}
		var b [maxKey]byte
		word, ok := plainLetters(b[:0], w.runes[s:e])
		if s == i+1 || !ok || !isVerbLike(word) {
			continue
		}
		w.insertRune(i+1, farsiYe)
	}
}
