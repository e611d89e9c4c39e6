package segment

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
)

// Sizes that bound the work and memory of one decision.
const (
	// lineCap is the longest line decided at once; a longer line is cut at a
	// sentence end or a space before it and read as several lines.
	lineCap = 64 << 10
	// evidenceAhead is how far past a line the document evidence (is the
	// document's Persian written with ی/ک?) is read before the line is decided.
	evidenceAhead = 64 << 10
)

// label is a block's language, script and direction: an index into
// labelInfos, so that comparing two labels is comparing two bytes (a
// struct of strings was compared with calls to memequal, in the hot paths
// too). Each label has a language of its own (TestLabelsDistinct).
type label uint8

// labelInfo is what a label stands for.
type labelInfo struct {
	lang, script string
	dir          Direction
}

// The labels; labNone (the zero label) is none yet, labClass the first of
// the other scripts' (classLabels).
const (
	labNone label = iota
	labEnglish
	labPersian
	labArabic
	labUndArab
	labUnd
	labClass
)

var (
	// labelInfos holds what each label stands for.
	labelInfos = append([]labelInfo{
		labNone:    {},
		labEnglish: {LangEnglish, "Latn", LTR},
		labPersian: {LangPersian, "Arab", RTL},
		labArabic:  {LangArabic, "Arab", RTL},
		labUndArab: {"und-Arab", "Arab", RTL},
		labUnd:     {LangUnd, "Zyyy", LTR},
	}, make([]labelInfo, len(scriptCodes))...)
	// classLabels is the label of a unit by the letter class of its words;
	// Arabic-script units are decided by evidence instead.
	classLabels [len(scriptCodes)]label
)

// lang returns the label's language tag.
func (l label) lang() string { return labelInfos[l].lang }

func init() {
	for i := int(cLatin); i < len(scriptCodes); i++ {
		d := LTR
		if rtlScript(uint8(i)) {
			d = RTL
		}
		switch uint8(i) {
		case cLatin:
			classLabels[i] = labEnglish
		case cArabic:
			classLabels[i] = labPersian
		default:
			classLabels[i] = labClass + label(i)
			labelInfos[classLabels[i]] = labelInfo{undLabels[i], scriptCodes[i], d}
		}
	}
	initLogLabels()
}

// unit is a sentence, a cell, a part of a pair line, a foreign run with
// grammar of its own or a marked quotation: the tokens from tok0 to tok1
// (exclusive), whose letters are decided together.
type unit struct {
	tok0, tok1 int
	lab        label
	words      int32 // Arabic-script words (Arabic-script units; S5.6)
	cls        uint8 // letter class of its host words
	ev         uint8 // evNone, evSilent, evWeak or evDecided (Arabic-script units)
	part       uint8 // a part of a pair line (partValue), or the label before a colon (partLabel)
	head       bool  // one or two words, all with the Arabic article, no Persian points (S5.6)
}

// Kinds of pair parts (unit.part).
const (
	partValue uint8 = iota + 1
	partLabel
)

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
	// The document evidence of the text before the engine's: nothing for a
	// whole text, the Start of a chunk of a longer one (chunk.go).
	ykBase  int
	mixBase bool

	// The text read for docArabicLetters: up to mixEnd, with mixMixed words
	// that mix پ چ ژ گ with ي ك ى, the last one (mixWord) maybe unfinished.
	mixEnd   int
	mixMixed int
	mixWord  uint8 // mix* letters seen in it

	// The view of the line being decided, and how far its evidence may read.
	view       []byte
	base, evTo int
	blank      bool
	// lastArab is the label of the last Arabic-script unit decided on
	// evidence of its own (zero before the first).
	lastArab label
	// ctx notes, for a chunk, where its decisions read the lastArab it
	// started with (chunk.go); nil otherwise.
	ctx *ctxUse
}

func (e *engine) reset(opts Options, out *[]Block) {
	e.opts = opts.withDefaults()
	e.b = builder{max: e.opts.MaxBlock, out: out, lastPara: -1, lastLine: -1}
	e.evEnd, e.evYK, e.blank, e.lastArab = 0, 0, false, labNone
	e.mixEnd, e.mixMixed, e.mixWord = 0, 0, 0
	e.ykBase, e.mixBase, e.ctx = 0, false, nil
}

// line decides the line view[ls:] (at most up to limit) and returns its end.
// base is the absolute offset of view[0]; evTo is how far the document
// evidence may be read (the caller guarantees view holds it).
func (e *engine) line(view []byte, base, ls, limit, evTo int) int {
	if ls < limit && view[ls] == '\n' {
		// An empty line (a third of the lines of some texts): as
		// asciiLine and the lines below take it, without their calls.
		e.b.boundary(base+ls, e.blank)
		e.blank = true
		e.b.advance(base + ls + 1)
		return ls + 1
	}
	if le, letters, ok := asciiLine(view, ls, limit); ok {
		// Fastest path: an ASCII line with words and nothing that could be
		// a URL, e-mail address or path is English; an ASCII line without
		// letters stays with the block before (S2.1). No tokens needed.
		e.b.boundary(base+ls, e.blank)
		if letters {
			e.blank = false
			e.b.cut(base+ls, labEnglish)
		} else {
			e.blank = isBlank(view[ls:le])
		}
		e.b.advance(base + le)
		return le
	}
	if le, ok := e.persianLine(view, base, ls, limit, evTo); ok {
		return le
	}
	// When persianLine gave up before any Latin word, it was at what
	// sentenceLine gives up at too (Arabic evidence, marks, / @ \, other
	// letters).
	if e.tk.sawLatin {
		if le, ok := e.sentenceLine(view, base, ls, limit, evTo); ok {
			return le
		}
	} else if le, ok := e.arabicLine(view, base, ls, limit); ok {
		return le
	}
	return e.tokenLine(view, base, ls, limit, evTo)
}

// sentenceLine takes the line at ls as decide would when it is a line of
// sentences each labelled by its host's script, read without tokens
// (tokenizer.sentenceLine); ok is false if it is not.
func (e *engine) sentenceLine(view []byte, base, ls, limit, evTo int) (le int, ok bool) {
	le, sumP, anyYK, ok := e.tk.sentenceLine(view, ls, limit, e.opts.MaxInline)
	if ok && e.followsArabic(view, base, evTo, sumP, anyYK) {
		return le, false
	}
	if ok {
		e.fastCuts(view, base, ls, le, evTo, sumP, anyYK)
	}
	return le, ok
}

// fastCuts notes the line view[ls:le] that a fast path read: its cuts
// (tokenizer.cuts: at the line start, S4.1, then where the language
// changes, S4.2) and the evidence of its Persian words, sumP points and
// anyYK telling whether one has ی/ک (persianFast).
func (e *engine) fastCuts(view []byte, base, ls, le, evTo, sumP int, anyYK bool) {
	e.b.boundary(base+ls, e.blank)
	e.blank = false
	arab := false
	for k, c := range e.tk.cuts[:e.tk.ncuts] {
		at := int(c.at)
		if k == 0 {
			at = ls
		}
		e.b.cut(base+at, classLabels[c.cls])
		arab = arab || c.cls == cArabic
	}
	if arab {
		e.persianFast(view, base, evTo, sumP, anyYK)
	}
	e.b.advance(base + le)
}

// tokenLine decides the line view[ls:] as line does, from its tokens.
func (e *engine) tokenLine(view []byte, base, ls, limit, evTo int) int {
	le := e.tk.line(view, ls, limit)
	e.tk.le = le
	toks := e.tk.toks
	e.b.boundary(base+ls, e.blank)
	first := -1
	for i := range toks {
		if toks[i].cls >= cLatin {
			first = i
			break
		}
	}
	if first < 0 { // S2.1: a line without letters stays with the block before
		e.blank = isBlank(view[ls:le])
		e.b.advance(base + le)
		return le
	}
	e.blank = false
	if tk := &e.tk; !tk.mixed && tk.cls0 != clsHani && (tk.cls0 != cArabic || tk.sumQ == 0 && !tk.marked && !e.followsArabic(view, base, evTo, tk.sumP, tk.anyYK)) {
		// Fast path: one script, and no Arabic evidence to weigh: the
		// units would all be Persian (S5.5) and merge.
		lab := classLabels[tk.cls0]
		if tk.cls0 == cArabic {
			e.persianFast(view, base, evTo, tk.sumP, tk.anyYK)
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
		cut := ls // S4.1: a change at the line start cuts there; S4.2: else before the unit's openers
		if u.tok0 != first {
			cut = openerStart(view, ls, int(toks[u.tok0].start))
		}
		e.b.cut(base+cut, u.lab)
	}
	e.b.advance(base + le)
	return le
}

// Byte kinds for asciiLine; the kinds above akLetter end the fast scan.
const (
	akPlain  uint8 = iota // spaces, digits, punctuation that cannot start a URL
	akLetter              // A–Z, a–z
	akDot                 // a dot: part of a host name when a letter follows
	akBreak               // LF, VT, FF, CR
	akStop                // a byte of a multi-byte rune, @ / \ <: let the tokenizer decide (in a line with letters)
)

var asciiKind = func() (k [256]uint8) {
	for c := range 256 {
		switch cls := classOf(rune(c)); {
		case c >= utf8.RuneSelf || c == '@' || c == '/' || c == '\\' || c == '<':
			k[c] = akStop
		case c == '\n' || c == '\v' || c == '\f' || c == '\r':
			k[c] = akBreak
		case c == '.':
			k[c] = akDot
		case cls == cLatin:
			k[c] = akLetter
		case cls == cSpace || cls == cDigit || cls == cNeutral:
			k[c] = akPlain
		default:
			k[c] = akStop
		}
	}
	return k
}()

// persianLine takes the line at ls as the fast path below would when it
// is a line of Arabic-script words with no Arabic evidence, read without
// tokens (tokenizer.persianLine); ok is false if it is not.
func (e *engine) persianLine(view []byte, base, ls, limit, evTo int) (le int, ok bool) {
	le, sumP, anyYK, ok := e.tk.persianLine(view, ls, limit, e.opts.MaxInline)
	if ok && e.followsArabic(view, base, evTo, sumP, anyYK) {
		e.tk.sawLatin = false
		return le, false
	}
	if ok {
		e.tk.cuts[0], e.tk.ncuts = sentenceCut{at: int32(ls), cls: cArabic}, 1
		e.fastCuts(view, base, ls, le, evTo, sumP, anyYK)
	}
	return le, ok
}

// followsArabic reports whether a line that a fast path would label
// Persian, its Arabic-script words without Persian evidence (sumP, anyYK),
// may have to follow an Arabic context instead (S5.12): the context is
// Arabic (or, in a chunk, not yet known), and the document writes no
// Persian spelling of its own. Such a line is left to decide.
func (e *engine) followsArabic(view []byte, base, evTo, sumP int, anyYK bool) bool {
	if sumP > 0 || anyYK || e.lastArab != labArabic && (e.ctx == nil || e.ctx.decided) {
		return false
	}
	if e.docPersianYKAt(view, base, evTo) {
		return false
	}
	e.mixScan(view, base, evTo)
	return !e.mixBase && e.mixMixed == 0
}

// persianFast notes a line of Arabic-script words taken by the fast path
// (Persian) with sumP Persian points, anyYK telling whether a word has ی/ک.
func (e *engine) persianFast(view []byte, base, evTo, sumP int, anyYK bool) {
	if sumP > 0 || anyYK && !e.docPersianYKAt(view, base, evTo) {
		e.lastArab = labPersian // decided on evidence of its own: the context of later lines (S5.6)
		if e.ctx != nil {
			e.ctx.fastPath()
		}
	}
}

// asciiLine reports whether the line text[ls:] (up to limit) has no letters
// but Latin ones (it is ASCII but for Latin letters, marks, spaces, digits,
// bidi controls and punctuation) and, if it has a letter (letters), an
// English word for certain: it holds nothing the tokenizer could read as a
// URL, an e-mail address, a path or a tag (S1.3, S1.5), or it has a word
// that none of those can take in (spacedWord). Then the line is English
// whatever its sentences; a line without letters has no words at all. It
// returns the end of the line, as tokenizer.line would.
func asciiLine(text []byte, ls, limit int) (le int, letters, ok bool) {
	var seen uint8
	stop := false // an @ / \ <, or a dot before a letter: a URL, address, path or tag
	word := false // spacedWord found a word before it
	lt := text[:limit]
	next := ls // where to skip to a byte to look at again: past the last one
	for i := ls; i < len(lt); i++ {
		if seen != 0 && i >= next {
			// After a letter only the bytes past akLetter matter: up to
			// the first, eight bytes at a time (no call in this loop: a
			// call makes it store and reload the values it holds).
			for i+8 <= len(lt) {
				if m := plainMarks(binary.LittleEndian.Uint64(lt[i:])); m != 0 {
					i += bits.TrailingZeros64(m) >> 3
					break
				}
				i += 8
			}
			if i == len(lt) {
				break
			}
			next = i + 1
		}
		k := asciiKind[lt[i]]
		if k <= akLetter {
			seen |= k
			continue
		}
		switch k {
		case akDot:
			if i+1 < len(lt) && (asciiClass[lt[i+1]] == cLatin || lt[i+1] >= utf8.RuneSelf && latinAt(lt, i+1)) {
				if seen != 0 && !word && !spacedWord(lt, ls, i, false) {
					return 0, false, false
				}
				stop, word = true, seen != 0
			}
		case akBreak:
			return breakEnd(lt, i), seen != 0, seen == 0 || !stop || word || spacedWord(lt, ls, i, true)
		default:
			if lt[i] >= utf8.RuneSelf {
				w, kind := latinLineRune(lt, i)
				switch kind {
				case akStop:
					return 0, false, false
				case akBreak:
					return i + w, seen != 0, seen == 0 || !stop || word || spacedWord(lt, ls, i, true)
				}
				seen |= kind
				i += w - 1
				continue
			}
			if seen != 0 && !word && !spacedWord(lt, ls, i, false) {
				return 0, false, false
			}
			stop, word = true, seen != 0
		}
	}
	return limit, seen != 0, limit == len(text) && (seen == 0 || !stop || word || spacedWord(lt, ls, len(lt), true))
}

// spacedWord reports whether lt[ls:i] has a run of ASCII letters with a
// space or the line's start before it and a space after it (or the line's
// end, at i if end), and no < before it (a tag may hold spaces: S1.5): a
// word that no URL, e-mail address, path or tag takes in (S1.3), for
// asciiLine.
func spacedWord(lt []byte, ls, i int, end bool) bool {
	for j := ls; j < i; j++ {
		switch c := lt[j]; {
		case c == '<':
			return false
		case asciiClass[c] != cLatin || j > ls && lt[j-1] != ' ':
			continue
		}
		k := j + 1
		for k < i && asciiClass[lt[k]] == cLatin {
			k++
		}
		if k == i && end || k < i && lt[k] == ' ' {
			return true
		}
		j = k
	}
	return false
}

// plainMarks returns the high bits of the bytes of x (eight bytes of a
// line, the first lowest) that asciiLine must look at: past akLetter (not
// ASCII, below U+0020, . @ / \ <), the lowest mark exactly (a borrow can
// mark a byte above a marked one, never below it). (TestPlainMarks checks
// the bytes it marks and lets pass against asciiKind.)
func plainMarks(x uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	// A byte of 0x80 or more, or below 0x20; then a byte equal to . @ / \
	// or < (y has a zero byte).
	m := x&highs | (x-0x20*ones)&^x
	y1, y2, y3, y4, y5 := x^'.'*ones, x^'@'*ones, x^'/'*ones, x^'\\'*ones, x^'<'*ones
	m |= (y1-ones)&^y1 | (y2-ones)&^y2 | (y3-ones)&^y3 | (y4-ones)&^y4 | (y5-ones)&^y5
	return m & highs
}

// letterRun returns the end of the run of ASCII letters (A–Z, a–z: the
// bytes of class cLatin) that starts at lt[i], read eight bytes at a time:
// its length decides no branch but the one for words of eight letters or
// more. (TestLetterRun checks every byte against asciiClass.)
func letterRun(lt []byte, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(lt); i += 8 {
		x := binary.LittleEndian.Uint64(lt[i:])
		// y: the bytes in lower case without their high bit; y+0x1f has
		// its high bit set where y >= 'a', y+0x05 where y > 'z' (neither
		// carries into the next byte). A byte of 0x80 or more is no letter.
		y := (x | 0x20*ones) &^ highs
		if m := ^((y + 0x1f*ones) &^ (y + 0x05*ones) &^ x) & highs; m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	for i < len(lt) && asciiClass[lt[i]] == cLatin {
		i++
	}
	return i
}

// latinLineRune returns the width of the rune at lt[i], a rune of more than
// one byte, and its kind for asciiLine: akLetter for a Latin letter, akPlain
// for a space, digit, bidi control, mark or punctuation (none of which can
// start a URL or path, or change the class of a line of Latin words),
// akBreak for a line break, akStop for a letter of another script. (Out of
// asciiLine's loop: the rare case.)
//
//go:noinline
func latinLineRune(lt []byte, i int) (w int, kind uint8) {
	_, w, cls := decode(lt, i)
	switch cls {
	case cLatin:
		return w, akLetter
	case cSpace, cDigit, cControl, cInherit, cNeutral:
		return w, akPlain
	case cBreak:
		return w, akBreak
	}
	return w, akStop
}

// latinAt reports whether the rune at lt[i] is a Latin letter.
func latinAt(lt []byte, i int) bool {
	_, _, cls := decode(lt, i)
	return cls == cLatin
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
// bidi controls that lead into the unit starting there, the backslash of
// a TeX command (S1.4) that starts it, and the < or </ of a markup tag
// whose name starts it (tagStart, S4.2).
func openerStart(text []byte, ls, i int) int {
	if j, ok := tagStart(text, ls, i); ok {
		return j
	}
	for i > ls {
		r, w := utf8.DecodeLastRune(text[ls:i])
		if !isOpener(r) && classOf(r) != cControl && r != '\\' {
			if r == ' ' {
				if j := spacedOpener(text, ls, i); j < i {
					i = j // ( من …: the opener and the spaces after it
					continue
				}
			}
			break
		}
		i -= w
	}
	return i
}

// spacedOpener returns the start of the spaces before i when a bracket or
// a « opens before them (the marks that never close: " ' and ﴾ ﴿ may), else i.
func spacedOpener(text []byte, ls, i int) int {
	j := i
	for j > ls && text[j-1] == ' ' {
		j--
	}
	if j == i || j == ls {
		return i
	}
	switch c := text[j-1]; {
	case c == '(' || c == '[' || c == '{', c == 0xAB && j-2 >= ls && text[j-2] == 0xC2:
		return j
	}
	return i
}

// builder turns labelled cuts into blocks: it merges equal neighbours (S6.1) and
// splits blocks longer than max at the best boundary inside the cap.
type builder struct {
	max      int
	out      *[]Block // where the blocks go, appended
	start    int
	lab      label
	started  bool // a letter has been seen: lab is set
	lastPara int  // last paragraph start inside the current block, or -1
	lastLine int  // last line start inside the current block, or -1
	emitted  bool
	// rec, when set, records the calls instead (a chunk's decisions, built
	// into blocks later by a Joiner: chunk.go).
	rec *eventLog
}

// boundary notes that a line starts at pos; para says it starts a paragraph.
func (b *builder) boundary(pos int, para bool) {
	if b.rec != nil {
		b.rec.boundary(pos, para)
		return
	}
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
	if b.rec == nil && b.started && lab == b.lab {
		return // the common case, inlined
	}
	b.cutSlow(pos, lab)
}

// cutSlow is cut when it has something to do.
func (b *builder) cutSlow(pos int, lab label) {
	if b.rec != nil {
		b.rec.cut(pos, lab)
		return
	}
	switch {
	case !b.started:
		b.lab, b.started = lab, true
	case lab != b.lab && pos > b.start:
		b.flush(pos)
		b.lab = lab
	case lab != b.lab: // pos == b.start after a split: relabel
		b.lab = lab
	}
}

// advance notes that the text up to pos is decided; blocks past the cap (S6.2) are
// split.
func (b *builder) advance(pos int) {
	if b.rec != nil || pos-b.start > b.max {
		b.advanceSlow(pos) // the rare case; the test is inlined
	}
}

// advanceSlow is advance when it has something to do.
func (b *builder) advanceSlow(pos int) {
	if b.rec != nil {
		b.rec.advance(pos)
		return
	}
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
	li := &labelInfos[lab]
	*b.out = append(*b.out, Block{Start: b.start, End: end, Lang: li.lang, Script: li.script, Dir: li.dir})
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
