package bidi

import "bytes"

// LookAhead is the input, in bytes, over which the Persian normalizer
// decides the reading order: a stretch. It holds the lines of a stretch
// (as they came, at most LookAhead bytes and one line more) until their
// evidence decides it; see the package documentation.
const LookAhead = 64 << 10

// heldLine is a line of the stretch held until the stretch is decided:
// held[start:end] with its line feed.
type heldLine struct {
	start, end int
	piece      bool // a piece of an overlong line: never repaired
	ev         lineEvidence
	d          decision // its own decision (decideLines), or 0
	// The line's output if its order is not repaired: out[outStart:outEnd]
	// of the lookahead, made when it was cleaned for its evidence, so that
	// it is not cleaned again (cached; kashida: kashida pieces were joined).
	outStart, outEnd int
	cached, kashida  bool
	// lazy: ev is not computed, as the stretch is quiet and the line was
	// found quiet on a cheap look (work.quiet); materialize computes it if
	// the stretch turns loud.
	lazy bool
}

// lookahead is the state of the stretch being read.
type lookahead struct {
	held   []byte
	out    []byte // the held lines' outputs in logical order (heldLine.cached)
	lines  []heldLine
	budget int             // input bytes of the stretch so far
	ev     stretchEvidence // its evidence so far
	state  decision        // 0 while undecided, decided once decided early
	prior  decision        // the decision of the stretch before
	// loud: the stretch has a line with evidence of visual order, or
	// follows a stretch decided visual, and ev adds up the evidence of all
	// its lines. While it is not, ev is not kept: every decision of the
	// stretch is logical order whatever the lines that read forwards say,
	// and known counts the lines sure to vote for logical order.
	loud  bool
	known int

	withEvidence []int // decideLines' buffer
}

func (la *lookahead) reset() {
	la.held = la.held[:0]
	la.out = la.out[:0]
	la.lines = la.lines[:0]
	la.budget = 0
	la.ev = stretchEvidence{}
	la.state = 0
	la.prior = 0
	la.loud = false
	la.known = 0
}

// feedFa takes one line of Persian input when visual repair is on, and
// appends to dst whatever output it makes ready.
//
// Only evidence of visual order can make a decision other than logical
// order (stretchEvidence.decide): a stretch whose lines hold none, after a
// stretch not decided visual, is quiet, and comes out as cleaned. So while
// a stretch is quiet, a line that a cheap look finds sure to hold no such
// evidence (work.quiet) is held without its evidence; the first line with
// some makes the stretch loud, and materialize then computes what was left
// out, line by line in order, so that the stretch is decided (early, too)
// on the very evidence it would have had line by line.
func (n *Normalizer) feedFa(dst, line []byte, piece bool) []byte {
	la := &n.la
	if la.budget >= LookAhead {
		dst = n.endStretch(dst)
	}
	la.budget += len(line)
	if la.state == decided {
		// Decided early for logical order: the line goes straight out.
		return n.appendFa(dst, line, piece, lineEvidence{}, 0)
	}
	n.kashida = false
	body, _ := splitLine(line)
	if piece || isASCII(body) {
		// No look at all (observe): no evidence, nothing to decide.
		n.hold(line, piece, lineEvidence{})
		return dst
	}
	n.clean(body)
	var ev lineEvidence
	lazy, forward := false, false
	if !la.loud && !n.fullEvidence {
		lazy, forward = n.w.quiet()
	}
	if !lazy {
		ev = n.w.lineEvidence()
	}
	n.hold(line, piece, ev)
	// Its output if the stretch leaves it as it is: what appendFa makes of
	// the work it was cleaned into, without a repair.
	l := &la.lines[len(la.lines)-1]
	l.outStart, l.cached, l.kashida, l.lazy = len(la.out), true, n.kashida, lazy
	la.out = n.finishLine(la.out, line)
	l.outEnd = len(la.out)
	if !la.loud {
		if !lazy && visualEvidence(ev) {
			return n.materialize(dst)
		}
		if forward || ev.kind == lineMirror && ev.vote < 0 {
			// Sure to vote for logical order: the stretch, with no visual
			// evidence, counts at least la.known logical votes, so it has
			// been decided early (at this line or before) once that is
			// earlyLogical.
			if la.known++; la.known >= earlyLogical {
				la.state = decided
				dst = n.flushHeld(dst, decided)
			}
		}
		return dst
	}
	la.ev.add(ev)
	if d := la.ev.early(); d != 0 {
		la.state = d
		dst = n.flushHeld(dst, d)
	}
	return dst
}

// visualEvidence reports whether a line's evidence is evidence of visual
// order: evidence that can make a stretch decide for a repair (see
// stretchEvidence.decide; early excludes the same).
func visualEvidence(ev lineEvidence) bool {
	switch ev.kind {
	case lineMirror:
		return ev.vote > 0 || ev.formsV > 0
	case lineRaw:
		return ev.rawRTL >= 2
	case lineGlyph:
		return true
	}
	return false
}

// materialize makes the quiet stretch loud when its last held line has
// evidence of visual order: it computes the evidence of the lines held
// without it (cleaning them again) and adds up the stretch's evidence line
// by line, deciding it early where feeding the lines one by one would
// have.
func (n *Normalizer) materialize(dst []byte) []byte {
	la := &n.la
	la.loud = true
	la.ev = stretchEvidence{}
	for i := range la.lines {
		l := &la.lines[i]
		if l.lazy {
			body, _ := splitLine(la.held[l.start:l.end])
			n.clean(body)
			l.ev, l.lazy = n.w.lineEvidence(), false
		}
		la.ev.add(l.ev)
		if d := la.ev.early(); d != 0 {
			// The lines after this one would have gone straight out
			// under d: as they are held, flushHeld gives the same.
			la.state = d
			return n.flushHeld(dst, d)
		}
	}
	return dst
}

// hold keeps a line of the stretch.
func (n *Normalizer) hold(line []byte, piece bool, ev lineEvidence) {
	la := &n.la
	start := len(la.held)
	la.held = append(la.held, line...)
	la.lines = append(la.lines, heldLine{start: start, end: len(la.held), piece: piece, ev: ev})
}

// endStretch decides the stretch if it is still undecided, writes out what
// it holds, and starts the next stretch.
func (n *Normalizer) endStretch(dst []byte) []byte {
	la := &n.la
	d := la.state
	switch {
	case d != 0:
	case !la.loud:
		d = decided // quiet: no line can be decided otherwise (feedFa)
	default:
		d = la.decideLines()
	}
	dst = n.flushHeld(dst, d)
	la.prior = d
	la.budget = 0
	la.ev = stretchEvidence{}
	la.state = 0
	la.loud = d&(dMirror|dRaw) != 0 // decide reads these of the prior
	la.known = 0
	return dst
}

// decideLines decides the lines of an undecided stretch, each on the
// evidence of the lines around it: the nearest window lines with evidence
// before it and after it, and itself (decide). A stretch that holds the end
// of a logical document and the start of a visual one, or the other way
// round, is so decided part by part; a stretch of one kind is decided as a
// whole, as its windows overlap. It returns the decision of the last line,
// for the next stretch.
func (la *lookahead) decideLines() decision {
	const window = 12
	ev := la.withEvidence[:0] // the held lines with evidence
	for i, l := range la.lines {
		if l.ev.kind != lineOther {
			ev = append(ev, i)
		}
	}
	la.withEvidence = ev
	last := la.ev.decide(la.prior)
	k := 0 // ev[k] is the first line with evidence at or after line i
	for i := range la.lines {
		for k < len(ev) && ev[k] < i {
			k++
		}
		var s stretchEvidence
		for j := max(0, k-window); j < min(len(ev), k+window+1); j++ {
			s.add(la.lines[ev[j]].ev)
		}
		la.lines[i].d = s.decide(la.prior)
		last = la.lines[i].d
	}
	return last
}

// flushHeld writes out the held lines under decision d (or their own, where
// decideLines gave one), joining the runs of glyph lines.
func (n *Normalizer) flushHeld(dst []byte, d decision) []byte {
	la := &n.la
	for i := 0; i < len(la.lines); i++ {
		l := la.lines[i]
		if l.d != 0 {
			d = l.d
		}
		if d&dGlyph != 0 && l.ev.kind == lineGlyph && !l.piece {
			j := i + 1
			for j < len(la.lines) && la.lines[j].ev.kind == lineGlyph && !la.lines[j].piece {
				j++
			}
			if j-i >= 2 {
				dst = n.joinGlyphs(dst, la.lines[i:j])
				i = j - 1
				continue
			}
		}
		if l.cached && !(d != 0 && !l.piece && repairs(l.ev, d)) {
			dst = append(dst, la.out[l.outStart:l.outEnd]...)
			if l.kashida {
				n.repaired++
			}
			continue
		}
		dst = n.appendFa(dst, la.held[l.start:l.end], l.piece, l.ev, d)
	}
	la.held = la.held[:0]
	la.lines = la.lines[:0]
	la.out = la.out[:0]
	return dst
}

// finishFa writes out the stretch at the end of the input.
func (n *Normalizer) finishFa(dst []byte) []byte {
	if n.kind != kindFa || n.opts.NoVisualRepair {
		return dst
	}
	return n.endStretch(dst)
}

// splitLine returns the body of a line (without its line feed and a
// carriage return before it) and its ending.
func splitLine(line []byte) (body, end []byte) {
	body = line
	if len(body) > 0 && body[len(body)-1] == '\n' {
		body = body[:len(body)-1]
	}
	if len(body) > 0 && body[len(body)-1] == '\r' {
		body = body[:len(body)-1]
	}
	return body, line[len(body):]
}

// clean cleans a line body into work (mapFa), and joins the kashida pieces
// that extraction separated first, when the line has tatweel and repair is
// on (which sets n.kashida if it joined any).
func (n *Normalizer) clean(body []byte) {
	w := &n.w
	w.reset()
	if !n.slow && n.plainFa(body) {
		return // no tatweel
	}
	n.mapFa(body)
	if !w.tatweel || n.opts.NoVisualRepair {
		return
	}
	b, changed := joinKashida(w.joined[:0], body)
	w.joined = b
	if changed {
		n.kashida = true
		w.reset()
		n.mapFa(b)
	}
}

// appendFa appends the Persian normalization of one line to dst, repaired
// under decision d given its evidence ev (d == 0: no repair of the order).
func (n *Normalizer) appendFa(dst, line []byte, piece bool, ev lineEvidence, d decision) []byte {
	body, _ := splitLine(line)
	if n.opts.Digits != DigitsFa || !bytes.ContainsAny(body, "0123456789") {
		if isASCII(body) {
			return append(dst, line...)
		}
	}
	n.kashida = false
	n.clean(body)
	repaired := n.kashida
	if d != 0 && !piece && n.repairLine(ev, d) {
		repaired = true
	}
	if repaired {
		n.repaired++
	}
	return n.finishLine(dst, line)
}

// finishLine appends the output of the line cleaned into work (and
// repaired, if it was) to dst.
func (n *Normalizer) finishLine(dst, line []byte) []byte {
	w := &n.w
	if w.flagged {
		w.restoreYe()
	}
	// After the repair, which can move digits from token to token.
	if n.opts.Digits == DigitsFa && w.asciiDigits {
		w.persianDigits()
	}
	dst = n.emitFa(dst)
	_, end := splitLine(line)
	return append(dst, end...)
}
