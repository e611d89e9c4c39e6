package segment

import (
	"bytes"
	"errors"
)

// Chunked segmentation: one long text on several cores, with the blocks
// that Segment gives on the whole text.
//
// Segmentation carries state along a text: the document evidence of S5.2
// and S5.4 (is its Persian written with ی/ک? does a word mix پ چ ژ گ with
// ي ك ى?), whether the line before was blank (a paragraph start, for
// S6.2), the language of the last Arabic-script unit decided on evidence
// of its own (S5.6), and the block being built (S6.1, S6.2). A text is cut
// into chunks at line starts (NextCut); each chunk's lines are decided by
// a Chunk, in any order and on any goroutine, from a Start: the evidence
// of the text before it (exact: Evidence.Add over that text), whether a
// paragraph starts there (from the Cut) and a guess of that language.
// A Chunk records its decisions, the cuts between units and the line
// starts, instead of building blocks. A Joiner takes the chunks in text
// order and builds the blocks of all of them with one builder, as a
// Segmenter would; it checks each chunk's Start against the state the
// chunks before really leave and, where the guess was wrong, decides
// again the lines whose decisions read it: those before the chunk's first
// unit decided on evidence of its own (after it the language is the
// chunk's own), usually none or a few. A Start with wrong evidence or
// paragraph flag makes the Joiner decide the whole chunk again; the blocks
// are right either way.

// ChunkOverlap is how many bytes past a chunk's end Chunk.Decide reads:
// the longest line and the look-ahead of the document evidence.
const ChunkOverlap = lineCap + evidenceAhead

// maxCutLine is the longest line that NextCut cuts after: it is read as one
// line however long MaxBlock is (lines are cut at min(lineCap, MaxBlock)).
const maxCutLine = MinMaxBlock - 1

// A Cut is a place where a text can be cut into chunks: a line start, and
// whether a paragraph starts there (the line before it is blank).
type Cut struct {
	Pos  int  // the offset of the line start in the text given to NextCut
	Para bool // the line before is blank: a paragraph starts at Pos
}

// NextCut returns the first place at or after from where text can be cut:
// just after a line feed that ends a line of at most 4 KiB, whose start
// NextCut sees in text (a line that reaches text[0] is not cut after, so
// text may begin anywhere). ok is false if text has none.
func NextCut(text []byte, from int) (c Cut, ok bool) {
	for i := max(from-1, 0); i < len(text); {
		k := bytes.IndexByte(text[i:], '\n')
		if k < 0 {
			break
		}
		nl := i + k
		if ls, ok := lineStartBefore(text, nl); ok {
			return Cut{Pos: nl + 1, Para: isBlank(text[ls : nl+1])}, true
		}
		i = nl + 1
	}
	return Cut{}, false
}

// lineStartBefore returns the start of the line that the line feed at nl
// ends: just after the line break before it, if there is one within
// maxCutLine bytes.
func lineStartBefore(text []byte, nl int) (int, bool) {
	j := nl - 1
	if j >= 0 && text[j] == '\r' {
		j-- // the CR of a CR LF
	}
	for k := j; k >= 0 && nl-k <= maxCutLine; k-- {
		switch c := text[k]; {
		case c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return k + 1, true
		case c == 0x85 && k >= 1 && text[k-1] == 0xC2: // NEL
			return k + 1, true
		case (c == 0xA8 || c == 0xA9) && k >= 2 && text[k-1] == 0x80 && text[k-2] == 0xE2: // U+2028, U+2029
			return k + 1, true
		}
	}
	return 0, false
}

// Evidence is the document evidence (S5.2, S5.4) of a text: how many ی and
// ک it holds (counted up to three) and whether a word of it mixes پ چ ژ گ
// with ي ك ى. The zero value is the evidence of no text. Evidences are
// comparable.
type Evidence struct {
	yk    uint8
	mixed bool
}

// Add returns the evidence of the text read so far followed by text. The
// text read so far must end with a line break (or be empty): a word does
// not run across the two.
func (ev Evidence) Add(text []byte) Evidence {
	if ev.yk < persianYKMin {
		ev.yk = uint8(countYK(text, int(ev.yk)))
	}
	if !ev.mixed {
		ev.mixed, _ = scanMixed(text, 0, len(text), 0)
	}
	return ev
}

// then returns the evidence of a text followed by one whose evidence is
// next.
func (ev Evidence) then(next Evidence) Evidence {
	return Evidence{yk: min(ev.yk+next.yk, persianYKMin), mixed: ev.mixed || next.mixed}
}

// Start is what the text before a chunk carries into its decisions.
type Start struct {
	Para     bool     // a paragraph starts at the chunk (Cut.Para); false at the text start
	Evidence Evidence // the evidence of all the text before the chunk
	// Arabic guesses whether the last Arabic-script unit before the chunk
	// that was decided on evidence of its own is Arabic (S5.6); false when
	// there is none. A Joiner corrects a wrong guess.
	Arabic bool
}

// ctxUse notes how a chunk's decisions read the language of the last
// decided Arabic-script unit that the chunk's Start gave (S5.6).
type ctxUse struct {
	read    int  // start of the last line whose decisions read it, or -1
	decided bool // a unit of the chunk was decided on evidence of its own: from there on the language is the chunk's own
}

// line notes the units of a line that starts at ls, before followContext
// relabels them: a unit with a trace of Arabic evidence follows the last
// decided unit before the line only when none on its line is decided.
func (u *ctxUse) line(units []unit, ls int) {
	if u.decided {
		return
	}
	weak := false
	for i := range units {
		switch units[i].ev {
		case evDecided:
			u.decided = true
			return
		case evWeak:
			weak = true
		}
	}
	if weak {
		u.read = ls
	}
}

// fastPath notes a line decided on evidence of its own by the engine's
// fast path.
func (u *ctxUse) fastPath() { u.decided = true }

// Chunk holds the decisions of one chunk of a longer text (Decide) until a
// Joiner builds them into blocks. Its buffers are reused by the next
// Decide; a Chunk that is reused does not allocate once warm.
type Chunk struct {
	e     engine
	log   eventLog
	start Start
	use   ctxUse
	end   int // the chunk's length: where its last line ends
	// What the chunk leaves to the next one.
	endPara    bool     // its last line is blank
	lastArabic bool     // its last decided Arabic-script unit is Arabic (if use.decided)
	facts      Evidence // the evidence of the chunk's own text
}

// Decide decides the lines of the chunk text[:end] of a longer text, which
// starts after the text that st describes, with opts (the options of the
// Joiner). text[0] must be a line start of the whole text, as NextCut
// gives them (or the text start), and end a line start too (the next
// chunk's Cut) or the text's end. Decide reads text up to end+ChunkOverlap:
// text must hold those bytes, or end where the whole text ends.
func (c *Chunk) Decide(text []byte, end int, st Start, opts Options) {
	e := &c.e
	e.reset(opts, nil)
	c.log.reset()
	e.b.rec = &c.log
	c.use = ctxUse{read: -1}
	e.ctx = &c.use
	c.start = st
	c.end = decideLines(e, text, st, end)
	c.endPara, c.lastArabic = e.blank, e.lastArab == labArabic
	c.facts = Evidence{}.Add(text[:c.end])
	e.tk.text = nil // keep no reference to text
}

// Len returns the length of the chunk that Decide decided: end, or where
// the line that goes on past end ends when end is no line start (a text
// without a place to cut: the next chunk then starts at Len, with
// ParaAfter).
func (c *Chunk) Len() int { return c.end }

// ParaAfter reports whether the chunk's last line is blank: the Para of the
// Start of the chunk after it.
func (c *Chunk) ParaAfter() bool { return c.endPara }

// decideLines decides the lines of text that start before end, from st,
// with e (reset, recording its cuts), and returns where the last one ends.
func decideLines(e *engine, text []byte, st Start, end int) int {
	e.blank, e.ykBase, e.mixBase = st.Para, int(st.Evidence.yk), st.Evidence.mixed
	if st.Arabic {
		e.lastArab = labArabic
	}
	n, lc := len(text), min(lineCap, e.opts.MaxBlock)
	pos := 0
	for pos < end {
		pos = e.line(text, 0, pos, min(n, pos+lc), min(n, pos+lc+evidenceAhead))
	}
	e.view = nil
	return pos
}

// Joiner builds the blocks of a text from the decisions of its chunks,
// given in text order. The zero value is not ready: call Reset.
type Joiner struct {
	opts Options
	b    builder
	next Start // what the chunks so far leave to the next
	pos  int   // where the next chunk starts in the text
	out  []Block
	// For deciding lines again.
	e       engine
	log     eventLog
	redone  int
	partial int // redos that stopped before the chunk's end (tests)
}

// Reset starts a text, segmented with opts.
func (j *Joiner) Reset(opts Options) {
	j.opts = opts // the engine of a redo applies the defaults
	j.b = builder{max: opts.withDefaults().MaxBlock, out: &j.out, lastPara: -1, lastLine: -1}
	j.next, j.pos, j.redone = Start{}, 0, 0
}

// Next returns what the chunks joined so far leave to the next chunk: its
// Start (the best guess for a chunk decided after them), and where it
// starts in the text.
func (j *Joiner) Next() (Start, int) { return j.next, j.pos }

// NeedsText reports whether Join needs the text of chunk c, the next one,
// to decide some of its lines again: whether c was decided from a Start
// that differs from the state the chunks before leave, in a way its
// decisions read.
func (j *Joiner) NeedsText(c *Chunk) bool {
	_, redo := j.redoTo(c)
	return redo
}

// redoTo returns how far lines of c must be decided again: lines that
// start before to (all of them: c.end), and whether any.
func (j *Joiner) redoTo(c *Chunk) (to int, redo bool) {
	t := j.next
	switch {
	case c.start.Para != t.Para || c.start.Evidence != t.Evidence:
		return c.end, true
	case c.start.Arabic != t.Arabic && c.use.read >= 0:
		return c.use.read + 1, true
	}
	return 0, false
}

// Join appends to dst the blocks that the next chunk c completes, and
// returns the extended slice. text is the chunk's text as Decide was given
// it; it may be nil unless NeedsText(c).
func (j *Joiner) Join(dst []Block, c *Chunk, text []byte) []Block {
	j.out = dst
	t := j.next
	log := c.log.b
	arabic := t.Arabic
	if c.use.decided {
		arabic = c.lastArabic
	}
	from := 0 // where in the chunk the lines of log start
	if to, redo := j.redoTo(c); redo {
		e := &j.e
		e.reset(j.opts, nil)
		j.log.reset()
		e.b.rec = &j.log
		pos := decideLines(e, text, t, to)
		e.tk.text = nil
		j.redone += pos
		replay(&j.b, j.log.b, j.pos)
		if pos >= c.end {
			log = nil
			arabic = e.lastArab == labArabic
		} else {
			log, from = skipLines(log, pos), pos
			j.partial++
		}
	}
	replay(&j.b, log, j.pos+from)
	j.next = Start{Para: c.endPara, Evidence: t.Evidence.then(c.facts), Arabic: arabic}
	j.pos += c.end
	dst, j.out = j.out, nil
	return dst
}

// Finish appends the last block of the text to dst and returns the
// extended slice.
func (j *Joiner) Finish(dst []Block) []Block {
	j.out = dst
	j.b.finish(j.pos)
	dst, j.out = j.out, nil
	return dst
}

// Redone returns how many bytes of the chunks joined since Reset were
// decided again because their Start was wrong.
func (j *Joiner) Redone() int { return j.redone }

// Flag bits of an encoded Chunk.
const (
	chunkStartPara   uint64 = 1 << iota // c.start.Para
	chunkStartMixed                     // c.start.Evidence.mixed
	chunkStartArabic                    // c.start.Arabic
	chunkDecided                        // c.use.decided
	chunkEndPara                        // c.endPara
	chunkLastArabic                     // c.lastArabic
	chunkFactsMixed                     // c.facts.mixed
)

// MarshalBinary encodes the chunk's decisions, so that a Joiner in another
// process can join them (a pipeline whose workers decide the chunks of a
// file apart). The options are not encoded: join with those of Decide.
func (c *Chunk) MarshalBinary() ([]byte, error) {
	var flags uint64
	set := func(bit uint64, on bool) {
		if on {
			flags |= bit
		}
	}
	set(chunkStartPara, c.start.Para)
	set(chunkStartMixed, c.start.Evidence.mixed)
	set(chunkStartArabic, c.start.Arabic)
	set(chunkDecided, c.use.decided)
	set(chunkEndPara, c.endPara)
	set(chunkLastArabic, c.lastArabic)
	set(chunkFactsMixed, c.facts.mixed)
	b := make([]byte, 0, 32+len(c.log.b))
	b = append(b, 1) // version
	b = appendUvarint(b, flags)
	b = append(b, c.start.Evidence.yk, c.facts.yk)
	b = appendUvarint(b, uint64(c.use.read+1))
	b = appendUvarint(b, uint64(c.end))
	return append(b, c.log.b...), nil
}

// UnmarshalBinary decodes what MarshalBinary encoded.
func (c *Chunk) UnmarshalBinary(b []byte) error {
	if len(b) < 4 || b[0] != 1 {
		return errors.New("segment: not an encoded Chunk")
	}
	flags, w := uvarint(b[1:])
	i := 1 + w
	if i+2 > len(b) {
		return errors.New("segment: a truncated Chunk")
	}
	f := func(bit uint64) bool { return flags&bit != 0 }
	c.start = Start{Para: f(chunkStartPara), Evidence: Evidence{yk: b[i], mixed: f(chunkStartMixed)}, Arabic: f(chunkStartArabic)}
	c.facts = Evidence{yk: b[i+1], mixed: f(chunkFactsMixed)}
	i += 2
	read, w := uvarint(b[i:])
	i += w
	end, w := uvarint(b[i:])
	i += w
	if i > len(b) || c.start.Evidence.yk > persianYKMin || c.facts.yk > persianYKMin {
		return errors.New("segment: a bad Chunk")
	}
	c.use = ctxUse{read: int(read) - 1, decided: f(chunkDecided)}
	c.end, c.endPara, c.lastArabic = int(end), f(chunkEndPara), f(chunkLastArabic)
	c.log.b = append(c.log.b[:0], b[i:]...)
	return nil
}
