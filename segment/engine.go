package segment

import "unicode/utf8"

// Sizes that bound the work and memory of one decision.
const (
	// lineCap is the longest line decided at once; a longer line is cut at a
	// sentence end or a space before it and read as several lines.
	lineCap = 64 << 10
	// evidenceAhead is how far past a line the document evidence (is the
	// document's Persian written with ی/ک?) is read before the line is decided.
	evidenceAhead = 64 << 10
	// persianYKMin is how many ی/ک letters make a document's Persian "written
	// with ی/ک" (DESIGN.md rule 5).
	persianYKMin = 3
)

// label is a block's language, script and direction.
type label struct {
	lang, script string
	dir          Direction
}

var (
	labEnglish = label{LangEnglish, "Latn", LTR}
	labPersian = label{LangPersian, "Arab", RTL}
	labArabic  = label{LangArabic, "Arab", RTL}
	labUndArab = label{"und-Arab", "Arab", RTL}
	labUnd     = label{LangUnd, "Zyyy", LTR}
	// classLabels is the label of a unit by the letter class of its words;
	// Arabic-script units are decided by evidence instead.
	classLabels [len(scriptCodes)]label
)

func init() {
	for i := int(cLatin); i < len(scriptCodes); i++ {
		d := LTR
		if rtlScript(uint8(i)) {
			d = RTL
		}
		classLabels[i] = label{undLabels[i], scriptCodes[i], d}
	}
	classLabels[cLatin] = labEnglish
	classLabels[cArabic] = labPersian
}

// unit is a sentence, a cell, a half of a pair line, or a long foreign run:
// the tokens from tok0 to tok1 (exclusive), whose letters are decided
// together.
type unit struct {
	tok0, tok1 int
	cls        uint8 // letter class of its host words
	lab        label
	ev         uint8 // evNone, evWeak or evDecided (Arabic-script units)
}

// engine turns lines into labelled cuts and blocks. It is shared by the
// whole-text functions and the Scanner.
type engine struct {
	opts  Options
	tk    tokenizer
	units []unit
	rs    []run
	// quoteBuf is the spare unit slice that quotes swaps with units.
	quoteBuf []unit
	b        builder

	evEnd int // absolute end of the text read for the ی/ک count
	evYK  int // ی and ک letters in it

	// The text read for docArabicLetters: up to mixEnd, with mixMixed words
	// that mix پ چ ژ گ with ي ك ى, the last one (mixWord) maybe unfinished.
	mixEnd   int
	mixMixed int
	mixWord  uint8 // 1: a letter of پ چ ژ گ seen, 2: one of ي ك ى

	// The view of the line being decided, and how far its evidence may read.
	view       []byte
	base, evTo int
	blank      bool
	// lastArab is the label of the last Arabic-script unit decided on
	// evidence of its own (zero before the first).
	lastArab label
}

func (e *engine) reset(opts Options, emit func(Block)) {
	e.opts = opts.withDefaults()
	e.b = builder{max: e.opts.MaxBlock, emit: emit, lastPara: -1, lastLine: -1}
	e.evEnd, e.evYK, e.blank, e.lastArab = 0, 0, false, label{}
	e.mixEnd, e.mixMixed, e.mixWord = 0, 0, 0
}

// docPersianYK reports whether the document writes its Persian with ی/ک.
func (e *engine) docPersianYK() bool { return e.evYK >= persianYKMin }

// evidence extends the count of ی and ک over view[from-base:to-base], where
// base is the absolute offset of view[0].
func (e *engine) evidence(view []byte, base, to int) {
	if e.docPersianYK() || to <= e.evEnd {
		return
	}
	from, end := max(e.evEnd, base), runeStartBefore(view, base, to)
	for i := from - base; i < end-base-1; i++ {
		c := view[i]
		if c == 0xDB && view[i+1] == 0x8C || c == 0xDA && view[i+1] == 0xA9 { // ی ک
			e.evYK++
			i++
		}
	}
	e.evEnd = end
}

// runeStartBefore returns to, or the start of the rune that the end of the
// view cuts at to, so that the rune is read whole next time.
func runeStartBefore(view []byte, base, to int) int {
	for to > base && to-base < len(view) && !utf8.RuneStart(view[to-base]) {
		to--
	}
	return to
}

// docArabicLetters reports whether the document writes its Persian with the
// Arabic ي ك ى: a word of it (a run of U+0600–U+06FF) mixes them with
// پ چ ژ گ. Then a final ى is no evidence of Arabic. It reads the document
// up to the look-ahead of the line being decided, only when asked.
func (e *engine) docArabicLetters() bool {
	if e.mixMixed > 0 || e.evTo <= e.mixEnd {
		return e.mixMixed > 0
	}
	view, base := e.view, e.base
	from, end := max(e.mixEnd, base), runeStartBefore(view, base, e.evTo)
	for i := from - base; i < end-base && e.mixMixed == 0; i++ {
		c := view[i]
		if c < 0xD8 || c > 0xDB || i+1 >= end-base {
			if e.mixWord == 3 {
				e.mixMixed++
			}
			e.mixWord = 0
			continue
		}
		switch rune(c&0x1F)<<6 | rune(view[i+1]&0x3F) {
		case 'پ', 'چ', 'ژ', 'گ':
			e.mixWord |= 1
		case 'ي', 'ك', 'ى':
			e.mixWord |= 2
		}
		i++
	}
	e.mixEnd = end
	return e.mixMixed > 0
}

// line decides the line view[ls:] (at most up to limit) and returns its end.
// base is the absolute offset of view[0]; evTo is how far the document
// evidence may be read (the caller guarantees view holds it).
func (e *engine) line(view []byte, base, ls, limit, evTo int) int {
	le := e.tk.line(view, ls, limit)
	toks := e.tk.toks
	e.b.boundary(base+ls, e.blank)
	first := -1
	for i := range toks {
		if toks[i].cls >= cLatin {
			first = i
			break
		}
	}
	if first < 0 {
		e.blank = isBlank(view[ls:le])
		e.b.advance(base + le)
		return le
	}
	e.blank = false
	if tk := &e.tk; !tk.mixed && tk.cls0 != clsHani && (tk.cls0 != cArabic || tk.sumQ == 0 && !tk.other) {
		// Fast path: one script, and no Arabic evidence to weigh.
		lab := classLabels[tk.cls0]
		if tk.cls0 == cArabic && tk.sumP > 0 {
			e.lastArab = lab
		}
		e.b.cut(base+ls, lab)
		e.b.advance(base + le)
		return le
	}
	e.evidence(view, base, evTo)
	e.view, e.base, e.evTo = view, base, evTo
	e.decide()
	e.view = nil
	for _, u := range e.units {
		cut := ls
		if u.tok0 != first {
			cut = openerStart(view, ls, int(toks[u.tok0].start))
		}
		e.b.cut(base+cut, u.lab)
	}
	e.b.advance(base + le)
	return le
}

// isBlank reports whether a line holds only spaces, bidi controls and its
// line break.
func isBlank(line []byte) bool {
	for i := 0; i < len(line); {
		_, w, cls := decode(line, i)
		if cls != cSpace && cls != cBreak && cls != cControl {
			return false
		}
		i += w
	}
	return true
}

// openerStart moves a cut at i back over the opening quotes, brackets and
// bidi controls that lead into the unit starting there.
func openerStart(text []byte, ls, i int) int {
	for i > ls {
		r, w := utf8.DecodeLastRune(text[ls:i])
		if !isOpener(r) && classOf(r) != cControl {
			break
		}
		i -= w
	}
	return i
}

// decide splits the line's tokens into units and labels them.
func (e *engine) decide() {
	toks := e.tk.toks
	e.units = e.units[:0]
	s0 := 0
	for i := 1; i <= len(toks); i++ {
		if i < len(toks) && toks[i].flags&(tfSentence|tfCell) == 0 {
			continue
		}
		e.sentence(s0, i)
		s0 = i
	}
	if e.tk.quoted {
		e.quotes()
	}
	for i := range e.units {
		u := &e.units[i]
		switch u.cls {
		case cArabic:
			u.lab, u.ev = e.arabicLabel(u.tok0, u.tok1)
		case clsHani:
			u.lab = classLabels[clsHani]
			for _, t := range toks[u.tok0:u.tok1] {
				if t.cls == clsHani && t.feat&fKana != 0 {
					u.lab = classLabels[clsJpan]
					break
				}
			}
		default:
			u.lab = classLabels[u.cls]
		}
	}
	// A unit with a trace of Arabic and nothing else follows the nearest
	// Arabic-script unit decided on evidence: on its line, else earlier in
	// the text.
	for i := range e.units {
		u := &e.units[i]
		if u.ev != evWeak {
			continue
		}
		ctx := e.lastArab
		for d := 1; d < len(e.units); d++ {
			if j := i - d; j >= 0 && e.units[j].ev == evDecided {
				ctx = e.units[j].lab
				break
			}
			if j := i + d; j < len(e.units) && e.units[j].ev == evDecided {
				ctx = e.units[j].lab
				break
			}
		}
		if ctx == labArabic {
			u.lab = labArabic
		}
	}
	for i := range e.units {
		if u := &e.units[i]; u.ev == evDecided {
			e.lastArab = u.lab
		}
	}
}

// quotes cuts a quotation of more than MaxInline words out of the
// Arabic-script unit around it, so that an Arabic quotation inside a Persian
// sentence is decided on its own evidence.
func (e *engine) quotes() {
	toks := e.tk.toks
	us := e.quoteBuf[:0]
	for _, u := range e.units {
		if u.cls != cArabic {
			us = append(us, u)
			continue
		}
		start := u.tok0
		for k := u.tok0; k < u.tok1; k++ {
			if toks[k].flags&tfOpen == 0 {
				continue
			}
			end, words := k, 0
			for end < u.tok1 {
				if toks[end].cls == cArabic {
					words++
				}
				if toks[end].flags&tfCloseAfter != 0 {
					break
				}
				end++
			}
			if end == u.tok1 || words <= e.opts.MaxInline || k == u.tok0 && end == u.tok1-1 {
				continue
			}
			if hasLetters(toks[start:k]) {
				us = append(us, unit{tok0: start, tok1: k, cls: cArabic})
			}
			us = append(us, unit{tok0: k, tok1: end + 1, cls: cArabic})
			start, k = end+1, end
		}
		if start < u.tok1 {
			if hasLetters(toks[start:u.tok1]) {
				us = append(us, unit{tok0: firstLetter(toks, start), tok1: u.tok1, cls: cArabic})
			} else {
				us[len(us)-1].tok1 = u.tok1
			}
		}
	}
	e.units, e.quoteBuf = us, e.units[:0]
}

// sentence adds the units of the sentence toks[s0:s1]. A sentence made of
// two halves in different scripts joined by a pair separator is two units.
func (e *engine) sentence(s0, s1 int) {
	toks := e.tk.toks
	for i := s0 + 1; i < s1; i++ {
		if toks[i].flags&tfPair != 0 {
			a, b := pureClass(toks[s0:i]), pureClass(toks[i:s1])
			if a != 0 && b != 0 && a != b {
				e.runs(s0, i)
				e.runs(i, s1)
				return
			}
		}
	}
	e.runs(s0, s1)
}

// pureClass returns the one letter class of the words in toks, 0 if there
// are none, and 1 if there are several.
func pureClass(toks []token) uint8 {
	var c uint8
	for i := range toks {
		if t := toks[i].cls; t >= cLatin {
			if c != 0 && c != t {
				return 1
			}
			c = t
		}
	}
	return c
}

// run is a stretch of words of one letter class in a sentence, with the
// numbers between them.
type run struct {
	tok0, tok1     int // first letter token; end
	cls            uint8
	words, letters int
}

// runs adds the units of toks[t0:t1]. It splits them into runs of one letter
// class, then lets every run of at most MaxInline words that sits between
// two runs of one other class join them (shortest first), then does the same
// at the ends of the sentence: "I use گیت daily." is one English unit, and so
// is "This Form هاییتیایی کریولی is subject to the License". The runs left
// are the units.
func (e *engine) runs(t0, t1 int) {
	toks := e.tk.toks
	rs := e.rs[:0]
	for i := t0; i < t1; i++ {
		t := &toks[i]
		if t.cls < cLatin {
			if len(rs) > 0 {
				rs[len(rs)-1].tok1 = i + 1
			}
			continue
		}
		if n := len(rs); n > 0 && rs[n-1].cls == t.cls {
			rs[n-1].tok1 = i + 1
			rs[n-1].words += e.tk.words(t)
			continue
		}
		rs = append(rs, run{tok0: i, tok1: i + 1, cls: t.cls, words: e.tk.words(t)})
	}
	if len(rs) == 0 {
		return // no letters: stays with the unit before
	}
	rs[len(rs)-1].tok1 = t1
	if len(rs) == 1 {
		e.units = append(e.units, unit{tok0: rs[0].tok0, tok1: t1, cls: rs[0].cls})
		e.rs = rs
		return
	}
	for i := range rs { // letters break ties between runs
		for k := rs[i].tok0; k < rs[i].tok1; k++ {
			if toks[k].cls >= cLatin {
				rs[i].letters += e.tk.letters(&toks[k])
			}
		}
	}
	host := hostClass(rs)
	max := e.opts.MaxInline
	// Sandwiched runs, shortest first; each pass is a stack walk.
	for w := 1; w <= max && len(rs) > 2; w++ {
		out := rs[:0]
		for _, r := range rs {
			out = append(out, r)
			for n := len(out); n >= 3 && out[n-3].cls == out[n-1].cls && out[n-2].cls != out[n-1].cls && out[n-2].words <= w; n = len(out) {
				out[n-3] = join(join(out[n-3], out[n-2], out[n-3].cls), out[n-1], out[n-3].cls)
				out = out[:n-2]
			}
		}
		rs = out
	}
	// Short runs at either end that are not of the host class (the one with
	// most words, then letters) join their neighbour, the smaller end first.
	for len(rs) > 1 {
		a, z := rs[0], rs[len(rs)-1]
		aOK := a.words <= max && a.cls != host
		zOK := z.words <= max && z.cls != host
		if aOK && (!zOK || smaller(a, z)) {
			rs[1] = join(a, rs[1], rs[1].cls)
			rs = rs[1:]
		} else if zOK {
			rs[len(rs)-2] = join(rs[len(rs)-2], z, rs[len(rs)-2].cls)
			rs = rs[:len(rs)-1]
		} else {
			break
		}
	}
	for _, r := range rs {
		e.units = append(e.units, unit{tok0: r.tok0, tok1: r.tok1, cls: r.cls})
	}
	e.rs = rs
}

// hostClass returns the letter class with the most words in rs, ties
// broken by letters.
func hostClass(rs []run) uint8 {
	var tl [8]run
	n := 0
	for _, r := range rs {
		k := 0
		for k < n && tl[k].cls != r.cls {
			k++
		}
		if k == n {
			if n == len(tl) {
				continue // a ninth script in one sentence cannot be its host
			}
			tl[k].cls = r.cls
			n++
		}
		tl[k].words += r.words
		tl[k].letters += r.letters
	}
	host := tl[0]
	for _, t := range tl[1:n] {
		if smaller(host, t) && !(host.words == t.words && host.letters == t.letters) {
			host = t
		}
	}
	return host.cls
}

// smaller reports whether run a has fewer words than b, or as many and
// fewer letters.
func smaller(a, b run) bool {
	return a.words < b.words || a.words == b.words && a.letters <= b.letters
}

// join merges the adjacent runs a and b into one run of class cls.
func join(a, b run, cls uint8) run {
	return run{tok0: a.tok0, tok1: b.tok1, cls: cls, words: a.words + b.words, letters: a.letters + b.letters}
}

// arabicLabel decides an Arabic-script unit: Arabic when its Arabic
// evidence wins, text with letters of other Arabic-script languages and
// little else "und-Arab", Persian otherwise. ev says whether the unit had
// evidence to decide on: none, only a trace of Arabic (evWeak), or enough.
func (e *engine) arabicLabel(t0, t1 int) (lab label, ev uint8) {
	var p, q, words, yk, pyk, other, final int
	for i := t0; i < t1; i++ {
		t := &e.tk.toks[i]
		switch t.cls {
		case cArabic:
			words++
			p += int(t.p)
			q += int(t.q)
			if t.feat&fArabicYK != 0 {
				yk++
			}
			if t.feat&fPersianYK != 0 {
				pyk++
			}
			if t.feat&fOtherLang != 0 {
				other++
			}
			if t.feat&fFinalMaksura != 0 {
				final++
			}
		case cDigit:
			p += int(t.p)
			q += int(t.q)
		}
	}
	// Where the document writes Persian with ي ك ى, a final ى says nothing
	// (asked only when it could change the decision).
	if final > 0 && arabicWins(p, q) && !arabicWins(p, q-final*ptMaksura) && e.docArabicLetters() {
		q -= final * ptMaksura
	}
	// Where the document writes Persian with ی/ک, ي/ك in a unit that shows
	// Arabic evidence of its own are more of it.
	if q > 0 && yk > 0 && pyk == 0 && e.docPersianYK() {
		q += yk
	}
	switch {
	case other > 0 && 4*other >= words:
		return labUndArab, evDecided
	case arabicWins(p, q):
		return labArabic, evDecided
	case p > 0:
		return labPersian, evDecided
	case q > 0:
		return labPersian, evWeak
	}
	return labPersian, evNone
}

// arabicWins reports whether Arabic points q beat Persian points p.
func arabicWins(p, q int) bool { return q >= arabicMin && q > p }

// Evidence states of an Arabic-script unit.
const (
	evNone    uint8 = iota + 1 // no evidence either way: Persian by default
	evWeak                     // a trace of Arabic evidence only: follows its context
	evDecided                  // decided on evidence of its own
)

// builder turns labelled cuts into blocks: it merges equal neighbours and
// splits blocks longer than max at the best boundary inside the cap.
type builder struct {
	max      int
	emit     func(Block)
	start    int
	lab      label
	started  bool // a letter has been seen: lab is set
	lastPara int  // last paragraph start inside the current block, or -1
	lastLine int  // last line start inside the current block, or -1
	emitted  bool
}

// boundary notes that a line starts at pos; para says it starts a paragraph.
func (b *builder) boundary(pos int, para bool) {
	if pos <= b.start {
		return
	}
	b.lastLine = pos
	if para {
		b.lastPara = pos
	}
}

// cut starts a block of label lab at pos, unless the current block has that
// label already.
func (b *builder) cut(pos int, lab label) {
	switch {
	case !b.started:
		b.lab, b.started = lab, true
	case lab.lang != b.lab.lang && pos > b.start:
		b.flush(pos)
		b.lab = lab
	case lab.lang != b.lab.lang: // pos == b.start after a split: relabel
		b.lab = lab
	}
}

// advance notes that the text up to pos is decided; blocks past the cap are
// split.
func (b *builder) advance(pos int) {
	for pos-b.start > b.max {
		p := b.lastPara
		if p <= b.start {
			p = b.lastLine
		}
		if p <= b.start || p-b.start > b.max {
			return // cannot happen: lines are shorter than the cap
		}
		b.flush(p)
	}
}

// flush emits the current block up to end and starts the next one there.
func (b *builder) flush(end int) {
	lab := b.lab
	if !b.started {
		lab = labUnd
	}
	b.emit(Block{Start: b.start, End: end, Lang: lab.lang, Script: lab.script, Dir: lab.dir})
	b.emitted = true
	b.start = end
	if b.lastPara <= end {
		b.lastPara = -1
	}
	if b.lastLine <= end {
		b.lastLine = -1
	}
}

// finish emits the last block, ending at end.
func (b *builder) finish(end int) {
	if end > b.start || !b.emitted && end > 0 {
		b.flush(end)
	}
}

// hasLetters reports whether toks holds a word.
func hasLetters(toks []token) bool {
	for i := range toks {
		if toks[i].cls >= cLatin {
			return true
		}
	}
	return false
}

// firstLetter returns the index of the first word at or after i.
func firstLetter(toks []token, i int) int {
	for toks[i].cls < cLatin {
		i++
	}
	return i
}
