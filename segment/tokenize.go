package segment

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"unicode"
	"unicode/utf8"

	"github.com/langsplit/langsplit/internal/arabic"
)

// A token is a word (S1.2: a run of letters of one script, with the marks, ZWNJ
// and ZWJ inside it) or a number. Everything else in a line (spaces,
// punctuation, symbols, URLs, e-mail addresses, file paths) is neutral and
// has no token; the breaks it makes are recorded as flags on the token after it.
type token struct {
	start, end int32  // byte offsets in the text view
	cls        uint8  // letter class, or cDigit for a number
	flags      uint8  // tf* breaks before this token
	in         uint8  // ti*: brackets and quotations it is inside
	g          uint8  // grammar (S3.2): points and gConj; Latin words get it in decide
	feat       uint16 // tk* features
	p, q       int8   // Persian and Arabic points (persian_arabic.go)
}

// Token flags: what separates a token from the one before it.
const (
	tfSentence   uint8 = 1 << iota // a sentence ends before it (S2.2)
	tfCell                         // a tab or a table-row bar before it (S2.5)
	tfPair                         // a pair separator before it (S2.6)
	tfOpen                         // a quotation opens right before it
	tfCloseAfter                   // a quotation closes right after it
	tfBar                          // a spaced " | " before it: a cell bar if the line is a table row
	tfColon                        // the pair separator before it is a colon: what is before is a label
)

// What a token is inside (token.in).
const (
	tiBracket uint8 = 1 << iota // ( [ {
	tiQuote                     // « “ "
	tiQuran                     // ﴿ ﴾
	tiRun                       // an unmarked Arabic run cut out of its Persian sentence (S5.10; set by label)
	tiQuoted  = tiQuote | tiQuran
)

// Token features (token.feat).
const (
	tkPersianYK            = fPersianYK // ی or ک, in a word that is no Arabic function word
	tkArabicYK             = fArabicYK  // ي or ك
	tkOtherLang            = fOtherLang // letters of other Arabic-script languages
	tkFinalMaksura  uint16 = 1 << iota  // the word ends in ى
	tkKana                              // (Han words) hiragana or katakana in the word
	tkCapital                           // (Latin words) starts with a capital letter
	tkFunction                          // (Latin words) an English grammar word (set with g)
	tkYehFinal                          // the word writes ی inside and ends in ى (S5.4)
	tkMaksuraFW                         // an Arabic function word worth more with its final ى than with ی (على)
	tkArticle                           // the word has the Arabic article ال
	tkLa                                // the word is لا
	tkArabicLetters                     // Arabic points from its letters or tanwin (ة إ أ ؤ ٱ, Quranic marks, ٌ ٍ ً)
)

// Token features of words with marks only, above the bits evCache packs
// (it holds no such word: evGrammarShift).
const (
	tkVocalised  uint16 = 1 << (evGrammarShift + iota) // the word has the Arabic points of ptVocalised
	tkCaseEnding                                       // and of ptCaseEnding
	tkHarakat                                          // it has a haraka, or a fathatan that is no Persian اً
)

// letters returns the number of runes in the word tok, marks included.
func (t *tokenizer) letters(tok *token) int {
	return utf8.RuneCount(t.text[tok.start:tok.end])
}

// words returns how many words tok counts for: one, or one per two letters
// in scripts written without spaces.
func (t *tokenizer) words(tok *token) int {
	if tok.cls >= cLatin && noSpaceScript(tok.cls) {
		return (t.letters(tok) + 1) / 2
	}
	return 1
}

// tokenizer holds the state of reading one line.
type tokenizer struct {
	toks   []token
	text   []byte
	ls, le int // line start and end (le is set by the engine after line)

	pend      uint8 // flags for the next token
	inWord    bool
	word      *token // the word being read: the last token
	aw        arabicWord
	lat       int                          // persianLine: Latin words in the line
	latAt     int                          // and the Arabic-script words before them
	sawLatin  bool                         // persianLine met a Latin letter: maybe a line for sentenceLine
	cuts      [maxSentenceCuts]sentenceCut // sentenceLine: where the line changes script
	ncuts     int
	evc       evCache    // the evidence of words read before
	memo      *chunkMemo // what persianLine read in chunks before (nil in short texts)
	inNum     bool
	num       *token // the number being read: the last token
	runStart  int    // start of the current run of non-space runes, or -1
	runTok    int    // len(toks) when that run started
	sentEnd   int    // last sentence end, or -1: the best place to cut an overlong line
	space     int    // last space, or -1: the next best
	quoted    bool   // a quotation opens in the line
	bracketed bool   // a bracket that is no call's opens in the line
	la        int32
	brackets  int    // depth of open brackets
	calls     uint64 // one bit an open bracket, innermost lowest (innerCall): set if it opened right after a word
	mids      uint64 // the same, set if it opened after a word of its sentence (S2.2)
	quotes    int    // depth of open quotation marks
	quran     bool   // inside Quranic brackets
	dq        bool   // a quotation opened by " is open
	bars      int    // spaced " | " in the line
	// A summary of the line's words, for the engine's fast path.
	cls0   uint8 // class of the first word
	mixed  bool  // words of another class follow
	sumP   int   // Persian points of its Arabic-script words (ی/ک not included)
	sumQ   int   // Arabic points of its Arabic-script words
	anyYK  bool  // a word with ی/ک
	marked bool  // other Arabic-script letters, or Quranic brackets: decide the units

	wmemo *wordMemo // what arabicLine read in chunks before (nil in short texts)
}

// line reads the line that starts at ls, up to and including its line
// break, but not past limit. It returns the end of the line. When the line
// is longer than limit allows (limit < len(text)), it ends at the best
// boundary before limit: a sentence end, a space, or a rune boundary.
func (t *tokenizer) line(text []byte, ls, limit int) int {
	t.toks = t.toks[:0]
	t.text, t.ls = text, ls
	t.pend, t.inWord, t.inNum, t.quoted, t.bracketed, t.la = 0, false, false, false, false, 0
	t.brackets, t.calls, t.mids, t.quotes, t.quran, t.dq, t.bars = 0, 0, 0, 0, false, false, 0
	t.cls0, t.mixed, t.sumP, t.sumQ, t.anyYK, t.marked = 0, false, 0, 0, false, false
	t.runStart, t.runTok, t.sentEnd, t.space = -1, 0, -1, -1
	i := ls
	lt := text[:limit] // the line's bytes: indexing it needs no bounds checks in the loops below
	for i < len(lt) {
		c := lt[i]
		var r rune
		var w int
		var cls uint8
		if c < utf8.RuneSelf {
			cls = asciiClass[c]
			switch cls {
			case cLatin: // a run of ASCII letters
				if !t.inWord || t.word.cls != cLatin {
					t.startWord(i, cLatin)
				}
				j := letterRun(lt, i+1)
				t.word.end = int32(j)
				i = j
				continue
			case cSpace:
				t.endWord()
				t.endNum()
				t.runStart = -1
				if c == '\t' && len(t.toks) > 0 {
					t.pend |= tfCell
				}
				i++
				t.space = i
				continue
			}
			r, w = rune(c), 1
		} else if arabic.Starts(lt, i) {
			r = arabic.RuneAt(lt, i)
			w, cls = 2, arabicClass[uint8(r-arabic.First)]
			if cls == cArabic { // a run of letters and marks of U+0600–U+06FF
				if !t.inWord || t.word.cls != cArabic {
					t.startWord(i, cArabic)
				}
				j := t.aw.run(lt, i)
				t.word.end = int32(j)
				i = j
				continue
			}
		} else {
			r, w, cls = decode(text[:limit], i)
		}
		switch {
		case cls >= cLatin:
			kana := cls == clsJpan
			if kana {
				cls = clsHani // Japanese mixes kanji and kana inside words
			}
			if !t.inWord || t.word.cls != cls {
				t.startWord(i, cls)
			}
			if kana {
				t.word.feat |= tkKana
			}
			t.word.end = int32(i + w)
			if cls == cArabic {
				t.aw.add(r)
			}
		case cls == cInherit:
			if t.inWord {
				t.word.end = int32(i + w)
				if t.word.cls == cArabic {
					t.aw.add(r)
				}
			} else {
				t.endNum()
				t.orphanMark(r)
				t.nonSpace(i)
			}
		case cls == cDigit:
			t.endWord()
			if !t.inNum {
				t.nonSpace(i)
				t.toks = append(t.toks, token{start: int32(i), cls: cDigit, flags: t.pend, in: t.inside()})
				t.pend, t.inNum, t.num = 0, true, &t.toks[len(t.toks)-1]
			}
			t.num.end = int32(i + w)
			if p, q := digitPoints(r); p != 0 {
				t.num.p = p
			} else if q != 0 {
				t.num.q = q
			}
		case cls == cSpace:
			t.endWord()
			t.endNum()
			t.runStart = -1
			if r == '\t' && len(t.toks) > 0 {
				t.pend |= tfCell
			}
			t.space = i + w
		case cls == cBreak:
			t.endWord()
			t.endNum()
			i += w
			if r == '\r' && i < limit && text[i] == '\n' {
				i++
			}
			t.lineEnd()
			return i
		case cls == cControl:
			t.endWord()
			t.endNum()
		default:
			i = t.neutral(i, r, w, limit)
			continue
		}
		i += w
	}
	t.endWord()
	t.endNum()
	t.lineEnd()
	if limit == len(text) || i < limit {
		return i
	}
	// The line goes on past limit: cut it at the best boundary (S2.9).
	p := t.sentEnd
	if p <= ls+(limit-ls)/2 {
		p = t.space
	}
	if p <= ls+(limit-ls)/4 {
		p = limit
		for p > ls+1 && !utf8.RuneStart(text[p]) {
			p--
		}
	}
	n := len(t.toks)
	for n > 0 && int(t.toks[n-1].start) >= p {
		n--
	}
	t.toks = t.toks[:n]
	if n > 0 && int(t.toks[n-1].end) > p {
		t.toks[n-1].end = int32(p)
	}
	return p
}

// persianLine reads the line that starts at ls, as line would, when it is
// a line that the engine's fast path would find Persian: words of letters
// and marks of U+0600–U+06FF (with single ZWNJs inside) and no Arabic
// points (nor لا, nor letters of other languages), and between them
// spaces, digits, bidi controls and punctuation. The fast path weighs
// nothing but the words' evidence, so the punctuation's breaks (sentence
// ends, pairs, brackets, quotations) do not matter, only what could drop,
// join or mark words: @ / \ (addresses and paths) and the Quranic brackets
// ﴾ ﴿ end the fast read, as do a mark after no letter (orphanMark) and a
// rune that goes on a word (a mark or ZWJ of another block, a
// presentation form).
//
// It also takes a line of such words with one run of at most maxw ASCII
// Latin words that are no English grammar words, when decide would find
// the whole line one Persian unit without weighing anything else: the
// line is one sentence with no pair, cell, bracket or quotation (between
// its words only spaces, ASCII digits and , ، ؛; sentence ends only after
// its last word), so the Latin run stays in it (S3.4: it sits between
// Persian words; S3.5: it is short and the host is Persian, by the
// grammar words or the number of the Persian words: hostOfRuns). Such a
// line's evidence is its Persian words', as in a line of Persian words
// alone.
//
// It returns the line's end, the Persian points of its Arabic-script words
// and whether one has ی/ک; ok is false for any other line (then nothing is
// done that line must undo).
func (t *tokenizer) persianLine(text []byte, ls, limit, maxw int) (le, sumP int, anyYK, ok bool) {
	lt := text[:limit]
	words := 0   // Arabic-script words
	var st uint8 // the line's state: ps* bits and the OR of the words' grammar (token.g)
	t.lat, t.latAt, t.sawLatin = 0, 0, false
	t.memoFor(text)
line:
	for i := ls; i < len(lt); {
		c := lt[i]
		if c >= utf8.RuneSelf {
			// The chunks the memo holds, one space between them, in a
			// loop without calls: a call makes Go store and reload every
			// value it keeps in a register.
			if m := t.memo; m != nil {
				for i+maxChunk < len(lt) {
					n := heldLen((*[maxChunk]byte)(lt[i:]))
					if n >= maxChunk {
						break
					}
					k := chunkKeyAt(lt[i:i+maxChunk:i+maxChunk], n)
					e := m.lookup(k)
					if !e.holds(k) || e.bad {
						break
					}
					if e.words > 0 {
						st |= st & psTerm << 1 // as below
					}
					st |= e.st
					words += int(e.words)
					sumP += int(e.p)
					if i += n; lt[i] != ' ' || lt[i+1] < utf8.RuneSelf {
						continue line
					}
					i++
				}
			}
			// A chunk the loop above did not take (near the line's end,
			// long, new, bad, or no memo): its runes, read before or now.
			end, s, brk := t.chunk(lt, i)
			if s.bad {
				return 0, 0, false, false
			}
			if s.words > 0 {
				st |= st & psTerm << 1 // a sentence end before a word breaks the line
			}
			st |= s.st
			words += int(s.words)
			sumP += int(s.p)
			if brk >= 0 {
				return brk, sumP, st&psYK != 0, words > 0 && t.latinHosted(words, st)
			}
			i = end
			if i+1 < len(lt) && lt[i] == ' ' && lt[i+1] >= utf8.RuneSelf {
				i++ // a space before the next chunk, the most common byte between them
			}
			continue
		}
		switch asciiClass[c] {
		case cSpace:
			if c != ' ' {
				st |= psBroken // a tab: a cell break (S2.5)
			}
			i++
			continue
		case cDigit:
			i++
			continue
		case cBreak:
			return breakEnd(lt, i), sumP, st&psYK != 0, words > 0 && t.latinHosted(words, st)
		case cNeutral:
			switch c {
			case '@', '/', '\\':
				return 0, 0, false, false
			case '.', '!', '?':
				st |= psTerm
			case ',':
			default:
				st |= psBroken
			}
			i++
			continue
		case cLatin:
			t.sawLatin = true
			if t.lat == 0 {
				t.latAt = words
			}
			if st&(psBroken|psTerm) != 0 || t.lat >= maxw || words != t.latAt {
				return 0, 0, false, false // a break before it, a long or second run
			}
			j, content := latinContent(lt, i)
			if !content {
				return 0, 0, false, false // a grammar word
			}
			t.lat++
			i = j
			continue
		}
		return 0, 0, false, false
	}
	return len(lt), sumP, st&psYK != 0, words > 0 && limit == len(text) && t.latinHosted(words, st)
}

// persianChunk reads for persianLine the runes of the chunk lt[i:end]
// (chunk), from a state of zero, and returns what they tell and, if a
// line break ends the line inside the chunk, the line's end (brk; else
// -1, and s is a function of the chunk's bytes alone).
func (t *tokenizer) persianChunk(lt []byte, i, end int) (s chunkSum, brk int) {
	start := i
	for i < end {
		if !arabic.Starts(lt, i) {
			w, isBreak := plainRune(lt, i)
			switch {
			case isBreak:
				return s, i + w
			case w == 0:
				s.bad = true // a letter, a mark, Quranic brackets
				return s, -1
			}
			s.st |= psBroken
			s.word = 0
			i += w
			continue
		}
		r := arabic.RuneAt(lt, i)
		if cls := arabicClass[uint8(r-arabic.First)]; cls != cArabic {
			if cls != cNeutral && cls != cDigit {
				s.bad = true // a mark after no letter
				return s, -1
			}
			if r == '؟' {
				s.st |= psTerm
				s.word = 0
			} else if r != '،' && r != '؛' {
				s.st |= psBroken
				s.word = 0
			}
			i += 2
			continue
		}
		j := t.aw.read(lt, i)
		s.word = 0
		if i == start {
			s.word = int32(j - start) // the chunk starts with this word
		}
		i = j
		p, q, g, feat := t.evc.evidence(&t.aw)
		if q != 0 || feat&(tkLa|tkOtherLang) != 0 {
			s.bad = true
			return s, -1
		}
		s.p += int32(p)
		s.st |= s.st&psTerm<<1 | g | uint8(feat&tkPersianYK)<<psYKShift // a sentence end before a word breaks the line
		s.words++
	}
	return s, -1
}

// Bits of persianLine's state, above the grammar bits (gPoints, gConj).
const (
	psTerm    uint8      = 1 << (iota + 3) // a sentence end
	psBroken                               // a break between words: a sentence end before one, a tab, other punctuation
	psYKShift = iota + 3                   // a word with ی/ک (tkPersianYK, bit 0, shifted here)
	psYK      = 1 << psYKShift
)

var _ [psBroken - 2*psTerm]struct{} // psTerm<<1 is psBroken

// latinWords reads the words of ASCII letters and the spaces between
// them that follow the end of a word at lt[i], eight bytes at a time, up
// to the first other byte or to the last eight bytes of lt; it returns
// where it stopped (past a word's end, or inside a word if at the last
// eight bytes) and how many words started before it. (TestLatinWords
// checks it against a byte loop.)
func latinWords(lt []byte, i int) (end, words int) {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	var before uint64 // the high bit of byte 0 set: the byte before x is a space
	for ; i+8 <= len(lt); i += 8 {
		x := binary.LittleEndian.Uint64(lt[i:])
		y := (x | 0x20*ones) &^ highs // as in letterRun
		letters := (y + 0x1f*ones) &^ (y + 0x05*ones) &^ x & highs
		z := x ^ ' '*ones // a zero byte for a space; z&^highs + 0x7f has its high bit set if the byte's low bits are not zero
		spaces := ^((z&^highs + 0x7f*ones) | z) & highs
		starts := letters & (spaces<<8 | before) // a letter after a space
		if m := ^(letters | spaces) & highs; m != 0 {
			n := bits.TrailingZeros64(m)
			return i + n>>3, words + bits.OnesCount64(starts&(1<<n-1))
		}
		words += bits.OnesCount64(starts)
		before = spaces >> 56
	}
	return i, words
}

// latinContent reads the run of ASCII letters at lt[i] and returns its end
// and whether, read as a word, it is no English grammar word (latinGrammar
// would give it no grammar).
func latinContent(lt []byte, i int) (end int, content bool) {
	j := letterRun(lt, i+1)
	return j, j-i > 11 || englishWords.Get(hashLatin(lt[i:j])) == 0
}

// latinHosted reports whether a line that persianLine read, with words
// Arabic-script words (no Arabic evidence) and state st, is one Persian
// unit for decide: it has no Latin words, or one run of them (at most
// MaxInline, no grammar words among them: persianLine checks) after the
// first t.latAt of the Arabic-script words, in one sentence without pairs,
// brackets or quotations, and the run sits between Arabic-script words
// (S3.4) or the Arabic-script words are the host (S3.3: they have grammar
// points, or more words) and absorb it (S3.5).
func (t *tokenizer) latinHosted(words int, st uint8) bool {
	return t.lat == 0 || st&psBroken == 0 && (t.latAt > 0 && t.latAt < words || st&(gPoints|gConj) != 0 || words > t.lat)
}

// maxSentenceCuts bounds the changes of script that sentenceLine notes in
// a line (tokenizer.cuts): a line with more is tokenized.
const maxSentenceCuts = 16

// sentenceLine reads the line that starts at ls, as line would, when it is
// a line of sentences which decide would make one unit each, labelled by
// the script of its host without weighing anything else: ASCII Latin words
// (English) and Arabic-script words as persianLine takes them (Persian),
// with nothing between the words of a sentence but spaces (a no-break
// space too), ASCII digits, numbering dots (8.47.) and , ، ؛, and between
// sentences a sentence end that the tokenizer finds (S2.2): . ! ? or ؟
// right after a word and before a space, the dot not after a Latin
// abbreviation, and not after an Arabic-script word in a sentence begun in
// Latin when a lowercase Latin word follows (S2.4: continues). A sentence
// is of the script of its first word, or holds one run of the other
// script, none of its words a grammar word, that joins the host (S3.3-S3.5,
// as hostOfRuns and runs find them): at most maxw words between words of
// the first script (S3.4), or after words of the first script that have
// more words or, Persian, a grammar word; or the run is longer than the
// words before it and none of those is a grammar word either, and the run
// is the host. Only the evidence of Persian sentences is the line's. No
// pair, cell, bracket, quotation, code or path can be in such a line. It
// notes in t.cuts where the label changes (the first word of a sentence,
// where decide cuts: S4.2) and returns the line's end, the Persian points
// of the Arabic-script words of Persian sentences and whether one has ی/ک;
// ok is false for any other line.
func (t *tokenizer) sentenceLine(text []byte, ls, limit, maxw int) (le, sumP int, anyYK, ok bool) {
	lt := text[:limit]
	wordEnd := -1      // end of the last word
	latinWord := false // the last word is Latin
	ended := false     // a sentence ended after the last word
	tail := false      // sentence ends and spaces only, up to the line end
	// The sentence: where it starts, the class of its first word (0 before
	// the first), its words of that class, its words of the other class
	// (one run of them) and where that run starts, the words of the first
	// class before it, whether words of the first class follow it, the OR
	// of the grammar of its Arabic-script words of the first class, and the
	// Persian points and ی/ک of its Arabic-script words.
	var cls, hg uint8
	start, hw, fw, fStart, fAt, fEnded, sP, sYK := 0, 0, 0, 0, 0, false, 0, false
	var last uint8 // the label class of the sentence before
	// closed labels the sentence that ends (S3.3-S3.5) and notes a cut
	// where the label changes; ok is false if decide might label it
	// otherwise.
	closed := func() bool {
		lab := cls
		switch {
		case cls == 0 || fw == 0:
		case fw <= maxw && (fAt > 0 && fEnded || cls == cArabic && hg&(gPoints|gConj) != 0 || hw > fw):
			// the run joins the first class: S3.4 between its words, S3.5
			// the host by grammar or words
		case !fEnded && fw > hw && hg&(gPoints|gConj) == 0 && (cls == cArabic || latinContents(lt[start:fStart])):
			// two runs without a grammar word: the longer is the host
			// and absorbs the other (S3.3, S3.5)
			lab = cLatin + cArabic - cls
		default:
			return false
		}
		if lab == cArabic {
			sumP, anyYK = sumP+sP, anyYK || sYK
		}
		if lab != 0 && lab != last {
			if t.ncuts == maxSentenceCuts {
				return false
			}
			t.cuts[t.ncuts] = sentenceCut{at: int32(start), cls: lab}
			t.ncuts++
			last = lab
		}
		return true
	}
	// word notes a word of class c at i and reports whether it is of the
	// sentence's first class; ok is false if the line cannot be read so.
	word := func(i int, c uint8) (host, ok bool) {
		switch {
		case tail:
			return false, false
		case ended || cls == 0:
			if !closed() {
				return false, false
			}
			cls, ended, hg, hw, fw, fEnded, sP, sYK, start = c, false, 0, 0, 0, false, 0, false, i
		}
		if c == cls {
			fEnded = fEnded || fw > 0
			hw++
			return true, true
		}
		if fEnded {
			return false, false // a second run
		}
		if fw == 0 {
			fAt, fStart = hw, i
		}
		fw++
		return false, true
	}
	t.ncuts = 0
	t.memoFor(text)
	for i := ls; i < len(lt); {
		c := lt[i]
		if c == ' ' {
			i++
			continue
		}
		if nbspAt(lt, i) {
			i += 2 // a no-break space: a space to the tokenizer
			continue
		}
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case cSpace:
				return 0, 0, false, false // a tab: a cell break (S2.5)
			case cDigit:
				if ended || tail {
					return 0, 0, false, false
				}
				i++
				continue
			case cBreak:
				le := breakEnd(lt, i)
				return le, sumP, anyYK, closed() && t.ncuts > 0
			case cLatin:
				host, ok := word(i, cLatin)
				if !ok {
					return 0, 0, false, false
				}
				if !host {
					j, content := latinContent(lt, i)
					if !content {
						return 0, 0, false, false // a grammar word can make the host (S3.3)
					}
					wordEnd, latinWord, i = j, true, j
					continue
				}
				// A word of the sentence's host, Latin: the words of
				// letters and spaces after it are too (latinWords).
				j, n := latinWords(lt, letterRun(lt, i+1))
				if n > 0 {
					hw, fEnded = hw+n, fEnded || fw > 0
				}
				if asciiClass[lt[j-1]] == cLatin {
					j = letterRun(lt, j) // the rest of a word latinWords stopped in
				}
				wordEnd = j
				for lt[wordEnd-1] == ' ' {
					wordEnd--
				}
				latinWord, i = true, j
				continue
			}
			switch c {
			case ',':
				if ended || tail {
					return 0, 0, false, false
				}
			case '.', '!', '?':
				if c == '.' && !tail && !ended && i > ls && asciiClass[lt[i-1]] == cDigit && (i+1 == len(lt) || lt[i+1] != '.') {
					break // 8.47. and 2024. are numbering, no sentence end (digitBefore)
				}
				if !tail && (ended || wordEnd != i || c == '.' && latinWord && abbreviationWord(lt[wordStart(lt, i):i])) ||
					cls == cLatin && !latinWord && continuesLatin(lt, i+1) {
					return 0, 0, false, false
				}
				sentenceEnd(lt, i+1, &ended, &tail)
			default:
				return 0, 0, false, false
			}
			i++
			continue
		}
		if !arabic.Starts(lt, i) {
			return 0, 0, false, false
		}
		r := arabic.RuneAt(lt, i)
		if arabicClass[uint8(r-arabic.First)] != cArabic {
			switch {
			case r == '؟':
				if !tail && (ended || wordEnd != i) || cls == cLatin && !latinWord && continuesLatin(lt, i+2) {
					return 0, 0, false, false
				}
				sentenceEnd(lt, i+2, &ended, &tail)
			case (r == '،' || r == '؛') && !ended && !tail:
			default:
				return 0, 0, false, false // other punctuation, Arabic-Indic or Persian digits (points: S5.1), marks
			}
			i += 2
			continue
		}
		host, ok := word(i, cArabic)
		if !ok {
			return 0, 0, false, false
		}
		if t.memo != nil {
			// The word as persianLine reads it, if its chunk is the word,
			// alone or followed by ، and ؛ (which the loop takes after
			// any word): the hit path of chunk, written out as in
			// persianLine (behind a method of its own, both ran at two
			// thirds of the speed).
			var end, brk int
			var s chunkSum
			if i+maxChunk <= len(lt) {
				if n := heldLen((*[maxChunk]byte)(lt[i:])); n < maxChunk {
					k := chunkKeyAt(lt[i:i+maxChunk:i+maxChunk], n)
					if e := t.memo.lookup(k); e.holds(k) {
						end, s, brk = i+n, e.sum(), -1
					}
				}
			}
			if end == 0 { // (a chunk has a byte at least)
				end, s, brk = t.chunk(lt, i)
			}
			if brk < 0 && s.word > 0 {
				g := s.st & (gPoints | gConj)
				switch {
				case s.bad, !host && g != 0:
					return 0, 0, false, false // as below
				case host:
					hg |= g
				}
				sP, sYK = sP+int(s.p), sYK || s.st&psYK != 0
				wordEnd, latinWord, i = i+int(s.word), false, end
				if !host {
					continue
				}
				// The host words after it whose chunks the memo holds,
				// one space before each, in a loop without calls (as in
				// persianLine): each as word and the lines above take it.
				words, st, p, we := 0, uint8(0), 0, wordEnd
				for i+maxChunk+1 < len(lt) && lt[i] == ' ' && lt[i+1] >= utf8.RuneSelf {
					j := i + 1
					n := heldLen((*[maxChunk]byte)(lt[j:]))
					if n >= maxChunk {
						break
					}
					k := chunkKeyAt(lt[j:j+maxChunk:j+maxChunk], n)
					e := t.memo.lookup(k)
					if !e.holds(k) || e.bad || e.word == 0 {
						break
					}
					words, st, p, we, i = words+1, st|e.st, p+int(e.p), j+int(e.word), j+n
				}
				if words > 0 {
					hw, fEnded, hg = hw+words, fEnded || fw > 0, hg|st&(gPoints|gConj)
					sP, sYK, wordEnd = sP+p, sYK || st&psYK != 0, we
				}
				continue
			}
		}
		j := t.aw.read(lt, i)
		if host && sP > 0 && hg&(gPoints|gConj) != 0 && t.aw.noArabicPoints() {
			// A word of a Persian sentence that has Persian points and
			// grammar already: that it has no Arabic points is all
			// that counts (as in persianLine).
			if t.aw.feat&fOtherLang != 0 {
				return 0, 0, false, false
			}
			sYK = sYK || t.aw.feat&fPersianYK != 0
			wordEnd, latinWord, i = j, false, j
			continue
		}
		p, g, feat, plain := t.plainEvidence()
		switch {
		case !plain, !host && g != 0:
			return 0, 0, false, false // Arabic evidence; a grammar word can make the host (S3.3)
		case host:
			hg |= g
		}
		sP, sYK = sP+p, sYK || feat&tkPersianYK != 0 // the line's if the sentence is Persian
		wordEnd, latinWord, i = j, false, j
	}
	return len(lt), sumP, anyYK, limit == len(text) && closed() && t.ncuts > 0
}

// nbspAt reports whether a no-break space (U+00A0) starts at lt[i].
func nbspAt(lt []byte, i int) bool { return i+1 < len(lt) && lt[i] == 0xC2 && lt[i+1] == 0xA0 }

// latinContents reports whether every run of ASCII letters in w is a word
// that latinGrammar would give no grammar (latinContent).
func latinContents(w []byte) bool {
	for i := 0; i < len(w); i++ {
		if asciiClass[w[i]] != cLatin {
			continue
		}
		j, content := latinContent(w, i)
		if !content {
			return false
		}
		i = j
	}
	return true
}

// continuesLatin reports whether a lowercase Latin word of two letters or
// more follows the sentence end whose mark ends at lt[j]: after an
// Arabic-script word in a sentence begun in Latin, the tokenizer lets the
// sentence go on (S2.4: continues).
func continuesLatin(lt []byte, j int) bool {
	for j < len(lt) && (lt[j] == ' ' || nbspAt(lt, j)) {
		if lt[j] == ' ' {
			j++
		} else {
			j += 2
		}
	}
	return j+1 < len(lt) && lt[j] >= 'a' && lt[j] <= 'z' && asciiClass[lt[j+1]] == cLatin
}

// plainEvidence returns the evidence of the Arabic-script word just read
// (t.aw): its Persian points, its grammar value and its token features;
// plain is false when the word has Arabic points, is لا or has letters of
// other languages (persianLine's test, written out there in its loop).
func (t *tokenizer) plainEvidence() (p int, g uint8, feat uint16, plain bool) {
	p, q, g, feat := t.evc.evidence(&t.aw)
	return p, g, feat, q == 0 && feat&(tkLa|tkOtherLang) == 0
}

// sentenceCut is where sentenceLine's line changes script: the start of a
// sentence of letter class cls.
type sentenceCut struct {
	at  int32
	cls uint8
}

// sentenceEnd notes, for sentenceLine, a sentence end whose mark ends at
// lt[j]: a space follows, and a sentence begins with the next word (ended),
// or the line ends, maybe after more marks and spaces (tail).
func sentenceEnd(lt []byte, j int, ended, tail *bool) {
	if !*tail && j < len(lt) && (lt[j] == ' ' || nbspAt(lt, j)) {
		*ended = true
		return
	}
	*tail = true
}

// wordStart returns the start of the ASCII Latin word that ends at lt[i].
func wordStart(lt []byte, i int) int {
	for i > 0 && asciiClass[lt[i-1]] == cLatin {
		i--
	}
	return i
}

// breakEnd returns the end of the ASCII line break at lt[i]: after it, or
// after CR LF.
func breakEnd(lt []byte, i int) int {
	if lt[i] == '\r' && i+1 < len(lt) && lt[i+1] == '\n' {
		return i + 2
	}
	return i + 1
}

// plainRune returns the width of the rune at lt[i] (not ASCII, not of
// U+0600–U+06FF) if persianLine may pass over it: a space, a digit, a bidi
// control or punctuation other than the Quranic brackets; brk says it is a
// line break. w is 0 for any other rune. (The rare case, kept out of
// persianLine's loop.)
//
//go:noinline
func plainRune(lt []byte, i int) (w int, brk bool) {
	r, w, cls := decode(lt, i)
	switch {
	case cls == cSpace || cls == cDigit || cls == cControl || cls == cNeutral && r != '\uFD3E' && r != '\uFD3F':
		return w, false
	case cls == cBreak:
		return w, true
	}
	return 0, false
}

// nonSpace notes a non-space rune at i: the start of a run of them.
func (t *tokenizer) nonSpace(i int) {
	if t.runStart < 0 {
		t.runStart, t.runTok = i, len(t.toks)
	}
}

func (t *tokenizer) startWord(i int, cls uint8) {
	t.endWord()
	t.endNum()
	t.nonSpace(i)
	if t.cls0 == 0 {
		t.cls0 = cls
	} else if cls != t.cls0 {
		t.mixed = true
	}
	var feat uint16
	switch cls {
	case cArabic:
		t.aw.reset()
	case cLatin:
		if c := t.text[i]; c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf && isUpperAt(t.text, i) {
			feat = tkCapital
		}
	}
	t.toks = append(t.toks, token{})
	w := &t.toks[len(t.toks)-1]
	w.start, w.end, w.cls, w.flags, w.in, w.feat = int32(i), int32(i), cls, t.pend, t.inside(), feat
	t.pend, t.inWord, t.word = 0, true, w
}

// isUpperAt reports whether the rune at text[i] is an upper-case letter.
func isUpperAt(text []byte, i int) bool {
	r, _ := utf8.DecodeRune(text[i:])
	return unicode.IsUpper(r)
}

// innerCall is the bit of tokenizer.calls for the innermost open bracket.
const innerCall = 1

// openBracket notes an opening bracket; call says it opens right after a
// word, as arguments do, and mid that it opens after a word of its
// sentence (or part).
func (t *tokenizer) openBracket(call, mid bool) {
	t.calls <<= 1
	t.mids <<= 1
	if call {
		t.calls |= innerCall
	} else {
		t.bracketed = true
	}
	if mid {
		t.mids |= innerCall
	}
	t.brackets++
}

// closeBracket notes a closing bracket and reports whether it closes a
// bracket that opened after a word of its sentence.
func (t *tokenizer) closeBracket() (mid bool) {
	if t.brackets > 0 {
		mid = t.mids&innerCall != 0
		t.brackets--
		t.calls >>= 1
		t.mids >>= 1
	}
	return mid
}

// inside returns what a token starting now is inside (token.in): brackets
// other than a call's arguments, quotation marks, Quranic brackets.
func (t *tokenizer) inside() uint8 {
	var in uint8
	if t.brackets > 0 && t.calls&innerCall == 0 {
		in |= tiBracket
	}
	if t.quotes > 0 {
		in |= tiQuote
	}
	if t.quran {
		in |= tiQuran
	}
	return in
}

// lineEnd sets the separators that only the whole line's tokens show:
// cells of a table row (S2.5) and part-of-speech tags (S2.6).
func (t *tokenizer) lineEnd() {
	t.tableRow()
	if t.bracketed && t.mixed { // (only such a line can hold a tag between two scripts)
		t.posTags()
	}
}

// posTags makes part-of-speech tags in brackets between words of two
// scripts a pair separator (S2.6): the glossary rows `absent (adj) غایب`,
// `run (n, v) دویدن` and `ability (اسم) توانایی` are two parts each, the
// tags in the part of their script. The brackets hold tags only
// (posTagWords) of one script, the words either side of them are of
// different scripts, and those before them in their sentence or part are
// of one (glossHead).
func (t *tokenizer) posTags() {
	toks := t.toks
	for a := 1; a < len(toks); a++ {
		if toks[a].in&tiBracket == 0 || toks[a-1].in&tiBracket != 0 {
			continue
		}
		b := a // the bracketed tokens are toks[a:b]
		for b < len(toks) && toks[b].in&tiBracket != 0 && toks[b].cls == toks[a].cls && posTagWords[string(t.text[toks[b].start:toks[b].end])] {
			b++
		}
		if b == len(toks) || toks[b].in&tiBracket != 0 {
			a = b
			continue
		}
		tag, before, after := &toks[a], &toks[a-1], &toks[b]
		if before.cls < cLatin || after.cls < cLatin || before.cls == after.cls ||
			(tag.flags|after.flags)&(tfSentence|tfCell|tfPair) != 0 || !glossHead(toks[:a], before.cls) {
			a = b
			continue
		}
		switch tag.cls {
		case before.cls:
			after.flags |= tfPair
		case after.cls:
			tag.flags |= tfPair
		}
		a = b
	}
}

// glossHead reports whether the words of the sentence, cell or pair part
// that toks ends in are all of class cls: the head-word of a glossary row,
// not a sentence that mentions a word (`او کلمه decision (n) را …`).
func glossHead(toks []token, cls uint8) bool {
	for _, t := range toks[partStart(toks):] {
		if t.cls >= cLatin && t.cls != cls {
			return false
		}
	}
	return true
}

// tableRow turns the spaced bars of a table row into cell breaks (S2.5): a
// line that starts with "|" or has two or more spaced " | ".
func (t *tokenizer) tableRow() {
	row := t.bars >= 2
	if !row {
		i := t.ls
		for i < len(t.text) && (t.text[i] == ' ' || t.text[i] == '\t') {
			i++
		}
		row = i < len(t.text) && t.text[i] == '|'
	}
	if !row {
		return
	}
	for k := range t.toks {
		if f := t.toks[k].flags; f&tfBar != 0 {
			t.toks[k].flags = f&^tfPair | tfCell
		}
	}
}

// endWord ends the word being read, if any.
func (t *tokenizer) endWord() {
	if t.inWord {
		t.finishWord()
	}
}

// finishWord ends the word being read: an Arabic-script word gets its
// evidence.
func (t *tokenizer) finishWord() {
	t.inWord = false
	if w := t.word; w.cls == cArabic {
		p, q, g, feat := t.evc.evidence(&t.aw)
		w.p, w.q, w.g, w.feat = int8(p), int8(q), g, feat // a word has far fewer than 127 points
		if feat&tkLa != 0 {
			t.la = int32(len(t.toks))
		} else if t.la != 0 && int(t.la) == len(t.toks)-1 {
			t.aw.settle() // for its first letter (evc may not have settled it)
			negatedVerb(t.toks, w, &t.aw)
			q = int(w.q)
		}
		t.sumP += p
		t.sumQ += q
		t.anyYK = t.anyYK || feat&tkPersianYK != 0
		t.marked = t.marked || feat&tkOtherLang != 0
	}
}

func (t *tokenizer) endNum() { t.inNum = false }

// closeQuote notes that a quotation closes after the last token.
func (t *tokenizer) closeQuote() {
	if n := len(t.toks); n > 0 {
		t.toks[n-1].flags |= tfCloseAfter
	}
}

// drop removes the tokens from index k on (and the word being read): they
// are part of a URL, an e-mail address or a path. The breaks before them
// pass to the next token.
func (t *tokenizer) drop(k int) {
	t.inWord, t.inNum = false, false
	if k < len(t.toks) {
		t.pend |= t.toks[k].flags
		t.toks = t.toks[:k]
	}
}

// neutral handles a neutral rune r of width w at i and returns where to go
// on: it joins words across apostrophes, hyphens and dots, skips URLs,
// e-mail addresses and paths, and notes sentence ends and separators.
func (t *tokenizer) neutral(i int, r rune, w, limit int) int {
	text := t.text
	next := i + w
	nextIs := func(cls uint8) bool {
		if next >= limit {
			return false
		}
		_, _, c := decode(text[:limit], next)
		return c == cls
	}
	// Inside a Latin word: don't, well-known, Node.js; www.… and example.com are URLs.
	if t.inWord && t.word.cls == cLatin && (r == '\'' || r == '’' || r == '-' || r == '.') && nextIs(cLatin) {
		if r == '.' && t.isDomainDot(i, limit) {
			k := t.runTok
			for t.toks[k].cls > cLatin {
				k++ // a word of another script glued before the host name is no part of it: وبگاهwww.example.com (S1.3)
			}
			return t.skipURL(k, i, limit)
		}
		t.word.end = int32(next)
		return next
	}
	switch r {
	case ':':
		if next+1 < limit && text[next] == '/' && text[next+1] == '/' && t.inWord && t.word.cls == cLatin {
			return t.skipURL(len(t.toks)-1, i, limit) // scheme://…
		}
		t.endWord()
		t.endNum()
		if next < limit && asciiClass[text[next]] == cSpace && i > t.ls && t.brackets == 0 && !t.latinColon(i, next, limit) { // "Clear Cache: …", "Granary : …"
			t.pend |= tfPair | tfColon
		}
	case '@':
		if j := t.emailEnd(next, limit); j > 0 {
			return t.skipEmail(i, j)
		}
		t.endWord()
		t.endNum()
	case '/', '\\':
		t.nonSpace(i)
		if t.isPath(i, limit) {
			return t.skipURL(t.runTok, i, limit)
		}
		t.endWord()
		t.endNum()
		t.spacedPair(i, next, limit) // "Find and Replace / بحث واستبدال"
	case '|':
		t.endWord()
		t.endNum()
		t.nonSpace(i)
		if t.spacedPair(i, next, limit) {
			t.pend |= tfBar
			t.bars++
		}
	case '•', '·': // "01 • Abbreviate (v) • مختصر کردن"
		t.endWord()
		t.endNum()
		t.nonSpace(i)
		t.spacedPair(i, next, limit)
	case '(', '[', '{':
		call := t.inWord && int(t.word.end) == i // LOOKUP(…), f(x): arguments, not a gloss
		t.endWord()
		t.endNum()
		t.nonSpace(i)
		t.openBracket(call, len(t.toks) > 0 && t.pend&(tfSentence|tfCell|tfPair) == 0)
	case ')', ']', '}':
		t.endWord()
		t.endNum()
		t.nonSpace(i)
		t.closeBracket()
	case '\uFD3E', '\uFD3F': // ﴾ ﴿: Quranic brackets, written in either order
		t.endWord()
		t.endNum()
		t.nonSpace(i)
		if t.quran {
			t.closeQuote()
		} else {
			t.pend |= tfOpen
			t.quoted, t.marked = true, true
		}
		t.quran = !t.quran
	case '-', '–', '—', '=':
		t.endWord()
		t.endNum()
		t.nonSpace(i)
		j := next
		for r == '-' && j < limit && text[j] == '-' { // "--"
			j++
		}
		if r != '=' || !t.formulaEquals(j, limit) {
			t.spacedPair(i, j, limit)
		}
		return j
	case '.', '!', '?', '؟', '…', '۔', '。', '！', '？', '।', '॥', '‼', '⁇', '⁈', '⁉':
		return t.terminator(i, r, w, limit)
	case '«', '“', '»', '”', '"':
		t.endWord()
		t.endNum()
		t.quoteMark(i, r)
		t.nonSpace(i)
		return next
	case '<':
		if j := inlineTagEnd(text, next, limit); j > 0 { // S1.5: <i>, </font>
			t.endWord()
			t.endNum()
			t.nonSpace(i)
			return j
		}
	}
	t.endWord()
	t.endNum()
	t.nonSpace(i)
	return next
}

// spacedPair notes a pair separator when the separator from i to j has a
// space on either side and stands outside brackets (S2.6): "Norway - نروژ",
// "Open = باز", "a / b", "a | b". It reports whether it did.
func (t *tokenizer) spacedPair(i, j, limit int) bool {
	if i > t.ls && t.brackets == 0 && isSpaceBefore(t.text, t.ls, i) && j < limit && asciiClass[t.text[j]] == cSpace {
		t.pend |= tfPair
		return true
	}
	return false
}

// formulaEquals reports whether the = before text[j] stands in a formula,
// not between a term and its gloss (S2.6): a number is on either side of
// it (`m = 2 kg`, `x = ۳`), or Latin words are on both (`F = ma`), so that
// it separates no languages.
func (t *tokenizer) formulaEquals(j, limit int) bool {
	n := len(t.toks)
	if n == 0 || j+1 >= limit {
		return false
	}
	before := t.toks[n-1].cls
	_, _, after := decode(t.text[:limit], j+1)
	return before == cDigit || after == cDigit || before == cLatin && after == cLatin
}

// latinColon reports whether the colon at i, a space at next after it, is
// inside a Latin phrase that sits in a sentence of another script, and so
// no pair separator (S2.6): a Latin word ends at the colon and one starts
// after the space, a word of another script comes before them in the part,
// and one comes after them before the sentence or line ends (`اگر پیام
// fatal: not a git repository را دیدید`, an error message quoted in a
// Persian sentence).
func (t *tokenizer) latinColon(i, next, limit int) bool {
	text, n := t.text, len(t.toks)
	if n == 0 || t.toks[n-1].cls != cLatin || int(t.toks[n-1].end) != i || next+1 >= limit || asciiClass[text[next+1]] != cLatin {
		return false
	}
	other := false // a word of another script (cLatin is the first letter class) before the Latin run, in the part
	for k := partStart(t.toks); k < n && !other; k++ {
		other = t.toks[k].cls > cLatin
	}
	if !other {
		return false // the part begins in Latin: what is before the colon is its label
	}
	for j := next + 1; j < limit; {
		c := text[j]
		switch {
		case asciiClass[c] == cBreak || c == '\t':
			return false // the line or the cell ends
		case (c == '.' || c == '!' || c == '?') && (j+1 == limit || asciiClass[text[j+1]] == cSpace || asciiClass[text[j+1]] == cBreak):
			return false // the sentence ends in Latin
		case c < utf8.RuneSelf:
			j++
			continue
		}
		r, w, cls := decode(text[:limit], j)
		switch {
		case r == '؟' || cls == cBreak:
			return false
		case cls > cLatin:
			return true // the sentence goes on in another script
		}
		j += w
	}
	return false
}

// partStart returns the index of the first token of the sentence, cell or
// pair part (S2.6) that the last token of toks is in; there must be a
// token.
func partStart(toks []token) int {
	k := len(toks) - 1
	for k > 0 && toks[k].flags&(tfSentence|tfCell|tfPair) == 0 {
		k--
	}
	return k
}

// quoteMark handles the quotation mark r at i: « and “ open a quotation, »
// and ” close one, and " opens one at the line start or after a space or
// an opener unless one it opened is still open.
func (t *tokenizer) quoteMark(i int, r rune) {
	open := r == '«' || r == '“'
	if r == '"' {
		open = !t.dq && (i == t.ls || isSpaceBefore(t.text, t.ls, i) || isOpenerBefore(t.text, t.ls, i))
		t.dq = open
	}
	if open {
		t.pend |= tfOpen
		t.quoted = true
		t.quotes++
		return
	}
	t.closeQuote()
	if t.quotes > 0 {
		t.quotes--
	}
}

// isOpenerBefore reports whether the rune before i opens a bracket or quote.
func isOpenerBefore(text []byte, ls, i int) bool {
	r, _ := utf8.DecodeLastRune(text[ls:i])
	return isOpener(r)
}

// isSpaceBefore reports whether the rune before i is a space.
func isSpaceBefore(text []byte, ls, i int) bool {
	r, _ := utf8.DecodeLastRune(text[ls:i])
	return r < utf8.RuneSelf && asciiClass[r] == cSpace || r == 0xA0 || r == 0x202F
}

// isDomainDot reports whether the dot at i, inside a Latin word, is part of
// a host name: www.… or name.tld with a common top-level domain.
func (t *tokenizer) isDomainDot(i, limit int) bool {
	text := t.text
	if w := text[t.word.start:i]; len(w) == 3 && (w[0]|0x20) == 'w' && (w[1]|0x20) == 'w' && (w[2]|0x20) == 'w' {
		return true
	}
	j := i + 1
	for j < limit && (text[j]|0x20) >= 'a' && (text[j]|0x20) <= 'z' {
		j++
	}
	if j < limit && (asciiClass[text[j]] >= cLatin || asciiClass[text[j]] == cDigit || text[j] == '-') {
		return false
	}
	return topLevel[string(text[i+1:j])]
}

var topLevel = map[string]bool{
	"com": true, "org": true, "net": true, "edu": true, "gov": true, "mil": true, "int": true,
	"io": true, "ir": true, "info": true, "biz": true, "uk": true, "de": true, "fr": true,
	"ru": true, "cn": true, "jp": true, "tv": true, "us": true, "ca": true, "au": true,
	"dev": true, "app": true, "ai": true, "xyz": true, "eu": true, "nl": true, "af": true,
	"tj": true, "ae": true, "sa": true, "iq": true, "tr": true, "html": true, "htm": true,
	"php": true, "aspx": true,
}

// isPath reports whether the slash at i belongs to a file path: the run of
// non-space runes holding it starts with /, ~/, ./ or ../, starts with a
// drive letter (C:\), or holds another slash further on.
func (t *tokenizer) isPath(i, limit int) bool {
	text := t.text
	head := text[t.runStart:i]
	back := text[i] == '\\'
	if back && (len(head) == 0 && (i+1 >= limit || text[i+1] != '\\') || bytes.ContainsAny(head, "{}[]=")) {
		return false // S1.4: \usepackage{xcolor}, \lr{\cite{key}}: TeX and code, not paths
	}
	if len(head) == 0 || string(head) == "~" || string(head) == "." || string(head) == ".." {
		return i+1 < limit && (asciiClass[text[i+1]] >= cLatin || asciiClass[text[i+1]] == cDigit || text[i+1] == '_' || text[i+1] == '.' || back && text[i+1] == '\\')
	}
	if len(head) == 2 && head[1] == ':' && back {
		return true
	}
	for j := i + 1; j < limit; j++ {
		c := text[j]
		if c == '/' || c == '\\' {
			return j > i+1
		}
		if c < utf8.RuneSelf && (asciiClass[c] == cSpace || asciiClass[c] == cBreak) || c == '"' || c == '<' || c == '>' {
			return false
		}
	}
	return false
}

// skipURL drops the tokens from index k on and skips the URL or path whose
// neutral rune is at i, to the end of its run of non-space runes. Trailing
// punctuation is left to be read as such.
func (t *tokenizer) skipURL(k, i, limit int) int {
	t.drop(k)
	text := t.text
	j := i
	for j < limit {
		c := text[j]
		if c < utf8.RuneSelf {
			if cl := asciiClass[c]; cl == cSpace || cl == cBreak || c == '"' || c == '\'' || c == '<' || c == '>' {
				break
			}
			j++
			continue
		}
		r, w, cl := decode(text[:limit], j)
		if cl == cSpace || cl == cBreak || cl == cControl || r == '«' || r == '»' {
			break
		}
		j += w
	}
	for j > i+1 && isTrailingPunct(text[j-1]) {
		j--
	}
	return j
}

func isTrailingPunct(c byte) bool {
	switch c {
	case '.', ',', ';', ':', '!', '?', ')', ']', '}':
		return true
	}
	return false
}

// emailEnd returns the end of the domain of an e-mail address whose @ ends
// at from, or 0 when what follows is not a domain with a dot.
func (t *tokenizer) emailEnd(from, limit int) int {
	text := t.text
	j, dots := from, 0
	for j < limit {
		c := text[j]
		if c == '.' {
			if j == from || text[j-1] == '.' {
				break
			}
			dots++
		} else if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			break
		}
		j++
	}
	for j > from && (text[j-1] == '.' || text[j-1] == '-') {
		if text[j-1] == '.' {
			dots--
		}
		j--
	}
	if dots == 0 || j == from {
		return 0
	}
	// The local part must end right before the @.
	if at := from - 1; at <= t.ls || !isLocalPart(text[at-1]) {
		return 0
	}
	return j
}

func isLocalPart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

// skipEmail drops the tokens of the local part before the @ at i and skips
// the address up to end.
func (t *tokenizer) skipEmail(i, end int) int {
	text := t.text
	ls := i
	for ls > t.ls && isLocalPart(text[ls-1]) {
		ls--
	}
	t.endWord()
	t.endNum()
	k := len(t.toks)
	for k > 0 && int(t.toks[k-1].start) >= ls {
		k--
	}
	t.drop(k)
	return end
}

// terminator handles a sentence-ending mark at i: it ends a sentence when
// followed (after closing quotes and brackets) by a space or the line end,
// and when it is not a numbering or abbreviation dot. An ellipsis ends a
// sentence only at the end of its line.
func (t *tokenizer) terminator(i int, r rune, w, limit int) int {
	text := t.text
	j := i + w
	ellipsis := r == '…'
	if r == '.' {
		for j < limit && text[j] == '.' {
			j++
		}
		ellipsis = j-i >= 2
	}
	wasWord := t.inWord && int(t.word.end) == i
	t.endWord()
	t.endNum()
	t.nonSpace(i)
	if r == '.' && !ellipsis && i > t.ls {
		if digitBefore(text, t.ls, i) {
			return j // 8.23. or 1. : numbering
		}
		if wasWord && t.toks[len(t.toks)-1].cls == cLatin && t.abbreviation(t.toks[len(t.toks)-1]) {
			return j
		}
	}
	inner := false // the mark closes a bracket that opened after a word of the sentence
	for j < limit {
		r2, w2, cl := decode(text[:limit], j)
		if cl == cControl || isCloser(r2) || r2 == '.' || r2 == '!' || r2 == '?' || r2 == '؟' || r2 == '…' {
			switch r2 {
			case '»', '”', '"':
				t.quoteMark(j, r2)
			case '\uFD3E', '\uFD3F':
				if t.quran {
					t.closeQuote()
					t.quran = false
				}
			case ')', ']', '}':
				inner = t.closeBracket() || inner
			}
			j += w2
			continue
		}
		break
	}
	if j < limit {
		_, _, cl := decode(text[:limit], j)
		if cl != cSpace && cl != cBreak {
			return j
		}
	}
	if ellipsis && !t.restBlank(j, limit) {
		return j // an ellipsis ends a sentence only at the end of its line
	}
	if t.continues(j, limit) || inner && !t.restBlank(j, limit) {
		return j // S2.2: the sentence goes on past the bracket its mark is in (S2.4: or its Latin words)
	}
	t.pend |= tfSentence
	t.sentEnd = j
	return j
}

// restBlank reports whether the line holds only spaces and bidi controls
// from j up to its break (or limit).
func (t *tokenizer) restBlank(j, limit int) bool {
	for k := j; k < limit; {
		_, w, cl := decode(t.text[:limit], k)
		if cl == cBreak {
			break
		}
		if cl != cSpace && cl != cControl {
			return false
		}
		k += w
	}
	return true
}

// digitBefore reports whether the rune before text[i] (after ls) is a digit.
func digitBefore(text []byte, ls, i int) bool {
	if c := text[i-1]; c < utf8.RuneSelf {
		return asciiClass[c] == cDigit
	}
	if i-2 >= ls && utf8.RuneStart(text[i-2]) { // a two-byte rune: Persian and Arabic-Indic digits
		_, w, cls := decode(text[:i], i-2)
		return w == 2 && cls == cDigit
	}
	prev, _ := utf8.DecodeLastRune(text[ls:i])
	return classOf(prev) == cDigit
}

// continues reports whether the sentence goes on after a terminator that
// follows a foreign word (S2.4): "Saves اجرا در پایانه؟ the current session"
// is one English sentence with a Persian term in it, because the sentence
// (or its part after a pair separator: "Nima: این را بفرستم؟ git pull" ends
// the question) began in Latin and goes on with a lowercase Latin word (not
// a label like "c)").
func (t *tokenizer) continues(j, limit int) bool {
	n := len(t.toks)
	if n == 0 || t.toks[n-1].cls == cLatin || t.toks[n-1].cls < cLatin {
		return false
	}
	for j < limit {
		_, w, cls := decode(t.text[:limit], j)
		if cls != cSpace && cls != cControl {
			break
		}
		j += w
	}
	letters := 0
	for j < limit && letters < 2 {
		r, w, cls := decode(t.text[:limit], j)
		if cls != cLatin || letters == 0 && !unicode.IsLower(r) {
			return false
		}
		letters++
		j += w
	}
	if letters < 2 {
		return false
	}
	k := partStart(t.toks)
	for k < n && t.toks[k].cls < cLatin {
		k++
	}
	return t.toks[k].cls == cLatin
}

// abbreviation reports whether a Latin word before a dot makes the dot part
// of an abbreviation or a label: a single letter (J. K.), a Roman numeral
// (IV.), a dotted abbreviation (e.g.) or a title (Mr.).
func (t *tokenizer) abbreviation(tok token) bool {
	return tok.cls == cLatin && abbreviationWord(t.text[tok.start:tok.end])
}

// abbreviationWord is abbreviation for the text w of a Latin word.
func abbreviationWord(w []byte) bool {
	if len(w) == 1 {
		return true
	}
	if len(w) > 6 {
		return false
	}
	for _, c := range w {
		if c == '.' {
			return true
		}
	}
	if isRoman(w) {
		return true
	}
	switch string(w) {
	case "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Mt", "vs", "cf", "al", "Fig", "Figs",
		"No", "Nos", "Vol", "Vols", "pp", "Ch", "Sec", "Eq", "Eqs", "approx", "ca", "Jan", "Feb",
		"Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec":
		return true
	}
	return false
}

// isRoman reports whether w is a Roman numeral in its standard form (IV,
// XII, MCMXC): thousands, hundreds, tens and units in that order, each
// written with at most three repeats or one subtractive pair. Capital words
// made of the same letters that are not numerals (MILD, DID, CIVIL) are
// words, and the full stop after them ends a sentence.
func isRoman(w []byte) bool {
	if len(w) == 0 {
		return false
	}
	switch w[0] {
	case 'M', 'D', 'C', 'L', 'X', 'V', 'I':
	default:
		return false // most words: no numeral starts so
	}
	i := 0
	for n := 0; n < 3 && i < len(w) && w[i] == 'M'; n++ {
		i++
	}
	// Each decimal place: one, five and ten of it.
	for _, p := range [3][3]byte{{'C', 'D', 'M'}, {'X', 'L', 'C'}, {'I', 'V', 'X'}} {
		one, five, ten := p[0], p[1], p[2]
		switch {
		case i+1 < len(w) && w[i] == one && (w[i+1] == ten || w[i+1] == five):
			i += 2 // CM CD, XC XL, IX IV
			continue
		case i < len(w) && w[i] == five:
			i++
		}
		for n := 0; n < 3 && i < len(w) && w[i] == one; n++ {
			i++
		}
	}
	return i > 0 && i == len(w)
}

// isCloser reports whether r closes a quotation or bracket.
func isCloser(r rune) bool {
	switch r {
	case ')', ']', '}', '»', '›', '"', '\'', '”', '’', '」', '』', '）', '\uFD3E', '\uFD3F':
		return true
	}
	return false
}

// isOpener reports whether r opens a quotation or bracket.
func isOpener(r rune) bool {
	switch r {
	case '(', '[', '{', '«', '‹', '"', '\'', '“', '‘', '„', '¿', '¡', '「', '『', '（', '\uFD3E', '\uFD3F':
		return true
	}
	return false
}
