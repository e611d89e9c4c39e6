package bidi

// Visual-order detection and repair: the other half of the package, beside
// character cleaning (clean.go). Its seam is small: cleaning hands it a line
// as runes, with the embedding controls it dropped (work.ctrls) and the
// presentation forms it folded (work.forms); lineEvidence says what the line
// tells of the order of its stretch; a stretch of lines adds that up
// (stretchEvidence) and decides once (decide); repairLine then repairs a
// line in place under that decision. lookahead.go holds the lines of a
// stretch until it is decided.
//
// PDF extraction leaves Persian in visual order in three ways, and each has
// a signature that logical text does not produce:
//
//   - mirrored: the runes of a line in the order they are drawn, left to
//     right: Persian words read backwards, numbers and Latin words
//     forwards. The evidence is in the words (function words and frequent
//     word starts and ends that read right only backwards, see score.go)
//     and in the presentation forms (final forms at word starts, initial
//     forms at word ends).
//   - word-reversed (pdftotext -raw): every right-to-left word in its own
//     U+202B…U+202C embedding, the words in the order they are drawn.
//   - one glyph per line (pdftotext -raw of LuaTeX output): every glyph in
//     its own embedding on its own line, in reading order.
//
// A stretch is decided on many lines, never on one: a line votes for a
// mirrored stretch only with four Arabic-script words or more, and a
// stretch needs several such votes and few votes for logical order (two of
// را از که است برای read forwards, or word evidence that reads forwards).
// Isolates (U+2066–U+2069) and overrides (U+202D, U+202E) come from HTML
// and UI strings, not from PDF extraction, and are no evidence. Under a
// visual decision every line of the stretch follows it, short ones too,
// but a line whose own evidence reads forwards is left as it is.
//
// The evidence is built so that a repaired stretch never looks visual
// again: mirroring negates the word evidence and folding removes the forms,
// and the embeddings are dropped, so normalizing twice gives what
// normalizing once gives.

// Kinds of line, for the repair.
const (
	lineOther  uint8 = iota // no Arabic-script letter, or nothing to repair
	lineMirror              // Arabic-script text outside the embeddings: may be mirrored
	lineRaw                 // the word-reversed signature: one-word right-to-left embeddings
	lineGlyph               // right-to-left embeddings of one glyph each and nothing else
)

// lineEvidence is what one line tells of the order of its stretch.
type lineEvidence struct {
	kind   uint8
	vote   int8 // lineMirror: +1 reads as mirrored Persian, -1 reads forwards
	keep   bool // lineMirror: reads forwards too well to be mirrored
	rawRTL int  // lineRaw: its right-to-left one-word embeddings
	plain  bool // two Arabic-script words or more outside the embeddings
	lean   int  // lineMirror: the word and form score (positive: backwards)
	formsV int  // forms that fit their neighbours only read backwards
	formsL int  // forms that fit them only read forwards
}

// group is a top-level embedding: runes[start:end].
type group struct {
	start, end int32
	rtl        bool // opened by U+202B
	space      bool // holds a space
	letters    int  // Arabic-script letters it holds
}

// lineEvidence returns the evidence of the line in work (after mapFa).
func (w *work) lineEvidence() (ev lineEvidence) {
	if !w.hasArabic && len(w.ctrls) == 0 {
		return ev
	}
	outside, latin := 0, 0
	if len(w.ctrls) > 0 {
		outside, latin = w.buildGroups()
	} else {
		// No embedding: no group, and every letter is outside (ev.plain
		// below needs to know that there is one: two runs of letters
		// are two).
		w.groups = w.groups[:0]
		outside = 1
	}
	switch {
	case w.glyphLine(outside):
		ev.kind = lineGlyph
		return ev
	case len(w.groups) > 0 && outside == 0:
		if rtl, ok := w.wordReversed(latin); ok {
			ev.kind, ev.rawRTL = lineRaw, rtl
			return ev
		}
	}
	if !w.hasArabic {
		return ev
	}
	ev.kind = lineMirror
	e := w.wordScore()
	ev.formsV, ev.formsL = w.formScore()
	P := (ev.formsV - ev.formsL) * formWeight
	W, need := e.score(), e.need()
	ev.lean = W + P
	ev.plain = e.segs >= 2 && outside > 0
	forward := w.forward()
	switch {
	case forward || W < -need || W+P < -need:
		ev.vote = -1
		// A line that reads forwards is never mirrored: two function
		// words, or the word evidence of a long line (a short line's is
		// too weak to go against its stretch, and mirroring it cannot
		// make it vote).
		ev.keep = forward || e.segs >= minMirrorWords
	case e.segs >= minMirrorWords && mirrored(e, P):
		ev.vote = +1
	}
	return ev
}

// quiet reports, on a cheap look, whether the line in work (after mapFa)
// surely holds no evidence of visual order (see visualEvidence): it has no
// embedding control and no presentation form, and it either has fewer than
// minMirrorWords runs of letters, too few to vote for a mirrored stretch, or
// reads forwards (forwardPersian, so it votes for logical order: forward).
// It says nothing of a line without Arabic-script letters, whose evidence
// costs nothing.
func (w *work) quiet() (quiet, forward bool) {
	if len(w.ctrls) > 0 || len(w.forms) > 0 || !w.hasArabic {
		return false, false
	}
	if w.fewWords() {
		return true, false // whether it reads forwards is not looked at
	}
	if w.forward() {
		return true, true
	}
	return false, false
}

// forward is forwardPersian of the line in work, computed once for quiet
// and lineEvidence (reset forgets it, and nothing calls either once the
// line's runes change after cleaning).
func (w *work) forward() bool {
	if w.fwd == 0 {
		w.fwd = 1
		if w.forwardPersian() {
			w.fwd = 2
		}
	}
	return w.fwd == 2
}

// fewWords reports whether the line in work has fewer than minMirrorWords
// runs of letters as wordScore cuts them (a run starts at a letter outside
// URLs and e-mail addresses and goes on over letters and marks): at least
// wordScore's segs, which leaves out the runs that are too long to score.
func (w *work) fewWords() bool {
	runs := 0
	in := false
	for i, r := range w.runes {
		if w.flagged && w.flags[i]&fProt != 0 {
			in = false
			continue
		}
		switch cl := classOf(r); {
		case cl&cArabicLetter != 0:
			if !in {
				if runs++; runs >= minMirrorWords {
					return false
				}
				in = true
			}
		case cl&cMark == 0:
			in = false
		}
	}
	return true
}

// minMirrorWords is the fewest Arabic-script words with which a line votes
// for a mirrored stretch.
const minMirrorWords = 4

// buildGroups fills work.groups with the top-level embeddings (U+202A and
// U+202B … U+202C) of the line and returns the Arabic-script letters and
// the runs of Latin letters outside them. An override (U+202D, U+202E)
// nests like an embedding but makes no group: what it holds counts as
// outside.
func (w *work) buildGroups() (outside, latin int) {
	w.groups = w.groups[:0]
	depth := 0
	open := false // the top level is an embedding that makes a group
	for _, c := range w.ctrls {
		switch c.r {
		case lre, rle, lro, rlo:
			if depth == 0 && (c.r == lre || c.r == rle) {
				w.groups = append(w.groups, group{start: c.at, end: -1, rtl: c.r == rle})
				open = true
			}
			depth++
		case pdf:
			if depth > 0 {
				depth--
				if depth == 0 && open {
					w.groups[len(w.groups)-1].end = c.at
					open = false
				}
			}
		}
	}
	if open {
		w.groups[len(w.groups)-1].end = int32(len(w.runes))
	}
	rs := w.runes
	k := 0
	prevLatin := false
	for i, r := range rs {
		for k < len(w.groups) && int(w.groups[k].end) <= i {
			k++
		}
		in := k < len(w.groups) && int(w.groups[k].start) <= i
		if in {
			g := &w.groups[k]
			if isSpace(r) {
				g.space = true
			} else if isArabicLetter(r) {
				g.letters++
			}
			prevLatin = false
			continue
		}
		switch {
		case isArabicLetter(r):
			outside++
		case isLatinLetter(r):
			if !prevLatin {
				latin++
			}
			prevLatin = true
			continue
		}
		prevLatin = false
	}
	return outside, latin
}

// glyphLine reports whether the line is one glyph run of pdftotext -raw:
// right-to-left embeddings that each hold one glyph (a letter with its
// marks, a folded ligature like lam-alef) or nothing left after cleaning
// (tatweel), and nothing outside them. A word of two letters is two glyphs.
func (w *work) glyphLine(outside int) bool {
	if len(w.groups) == 0 || outside > 0 {
		return false
	}
	covered := 0
	for _, g := range w.groups {
		if !g.rtl || g.space || g.letters > 2 || int(g.end)-int(g.start) > 2+2 {
			return false
		}
		if g.letters == 2 {
			// Two letters are one glyph only as a folded ligature.
			second := int(g.start) + 1
			for second < int(g.end) && !isArabicLetter(w.runes[second]) {
				second++
			}
			if w.flag(second)&fCont == 0 {
				return false
			}
		}
		covered += int(g.end - g.start)
	}
	return covered == len(w.runes)
}

// wordReversed reports whether the embeddings of the line show the word
// order that pdftotext -raw leaves, and how many right-to-left one-word
// embeddings it has.
func (w *work) wordReversed(latinWords int) (int, bool) {
	rtl := 0
	last := int32(0)
	for _, g := range w.groups {
		if g.end < g.start || g.start < last || int(g.end) > len(w.runes) {
			return 0, false
		}
		last = g.end
		if g.rtl && g.letters > 0 {
			if g.space {
				return 0, false
			}
			rtl++
		}
	}
	if rtl == 0 || rtl <= latinWords {
		return 0, false
	}
	if rtl >= 2 {
		return rtl, true
	}
	// One word: only if something stands outside it to reorder.
	k := 0
	for i, r := range w.runes {
		for k < len(w.groups) && int(w.groups[k].end) <= i {
			k++
		}
		if (k == len(w.groups) || int(w.groups[k].start) > i) && !isSpace(r) {
			return rtl, true
		}
	}
	return 0, false
}

// stretchEvidence adds up the evidence of the lines of a stretch.
type stretchEvidence struct {
	mirror, logical int // lineMirror votes
	formsV, formsL  int
	lean            int // the lean of the lineMirror lines
	raw, plain      int // lines with two one-word embeddings or more; lines with plain Arabic-script text
	glyph           int // glyph lines
}

func (s *stretchEvidence) add(ev lineEvidence) {
	switch ev.kind {
	case lineMirror:
		switch ev.vote {
		case +1:
			s.mirror++
		case -1:
			s.logical++
		}
		s.formsV += ev.formsV
		s.formsL += ev.formsL
		s.lean += ev.lean
		if ev.plain {
			s.plain++
		}
	case lineRaw:
		if ev.rawRTL >= 2 {
			s.raw++
		}
	case lineGlyph:
		s.glyph++
	}
}

// A decision says which repairs a stretch gets; the zero value is
// undecided, and decided alone is logical order.
type decision uint8

const (
	decided decision = 1 << iota
	dMirror          // mirror the lineMirror lines that do not read forwards
	dRaw             // put the words of the lineRaw lines in reading order
	dGlyph           // join the runs of glyph lines
)

// The thresholds of the decision.
const (
	earlyLogical = 8  // logical votes that decide a stretch early, with no visual evidence
	minVotes     = 2  // mirror votes a mirrored stretch needs at least
	voteRatio    = 3  // and how many times the logical votes
	minForms     = 16 // forms at the wrong word ends that decide a stretch without votes
	formRatio    = 8  // and how many times the forms at the right ends
	minRaw       = 2  // lines with the word-reversed signature
	minGlyph     = 8  // glyph lines
)

// early returns the decision of a stretch whose evidence so far already
// decides it, or 0: many lines that read forwards and nothing visual.
func (s *stretchEvidence) early() decision {
	if s.logical >= earlyLogical && s.mirror == 0 && s.formsV == 0 && s.raw == 0 && s.glyph == 0 {
		return decided
	}
	return 0
}

// decide returns the decision of a whole stretch. prior is the decision of
// the stretch before it: a stretch with no evidence of its own but a lean
// the same way follows it (the tail of a mirrored document may hold only
// short lines).
func (s *stretchEvidence) decide(prior decision) decision {
	d := decided
	if s.glyph >= minGlyph {
		d |= dGlyph
	}
	if s.raw >= minRaw && s.raw >= 2*s.plain {
		d |= dRaw
	}
	switch {
	case s.mirror >= minVotes && s.mirror >= voteRatio*s.logical:
		d |= dMirror
	case s.formsV >= minForms && s.formsV >= formRatio*s.formsL && s.logical == 0:
		d |= dMirror
	case s.mirror == 0 && s.logical == 0 && prior&dMirror != 0 && s.lean > 0:
		d |= dMirror
	}
	if prior&dRaw != 0 && s.raw == 0 && s.plain == 0 {
		d |= dRaw
	}
	return d
}

// repairLine repairs the line in work under decision d, given its evidence;
// it reports whether it changed the order. Glyph lines are joined by the
// look-ahead, not here.
func (n *Normalizer) repairLine(ev lineEvidence, d decision) bool {
	w := &n.w
	switch {
	case !repairs(ev, d):
		return false
	case ev.kind == lineRaw:
		w.buildGroups()
		w.reorder(modeWords)
	default:
		w.mirror()
	}
	w.same = false
	return true
}

// repairs reports whether repairLine repairs a line of evidence ev under
// decision d.
func repairs(ev lineEvidence, d decision) bool {
	return ev.kind == lineRaw && d&dRaw != 0 || ev.kind == lineMirror && d&dMirror != 0 && !ev.keep
}

// mirror turns a mirrored line into reading order.
func (w *work) mirror() {
	if !w.flagged {
		w.reorder(modeRunes)
		return
	}
	// A folded ligature (لا from one presentation form) keeps its order,
	// as it was drawn as one glyph; but then the words are not the exact
	// mirror of what was scored. If the result would vote for a mirrored
	// stretch of its own, mirror rune by rune instead, which always gives
	// a line that does not (see mirrored).
	w.saved = append(w.saved[:0], w.runes...)
	w.savedF = append(w.savedF[:0], w.flags...)
	w.reorder(modeAtoms)
	if mirrored(w.wordScore(), 0) {
		w.runes = append(w.runes[:0], w.saved...)
		w.flags = append(w.flags[:0], w.savedF...)
		w.reorder(modeRunes)
	}
}
