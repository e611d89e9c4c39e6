package segment

import (
	"strings"
	"unicode/utf8"

	"github.com/langsplit/langsplit/internal/arabic"
	"github.com/langsplit/langsplit/internal/keyset"
)

// Persian or Arabic (docs/rules.md, S5). The two languages share a script;
// this file is the one place that tells them apart:
//
//   - arabicWord gathers the evidence of one word while the tokenizer reads
//     its letters (S5.1): letters only one language uses, ZWNJ, harakat,
//     tanwin, Quranic marks, the article ال, function words (wordlists.go);
//     digitPoints and orphanMark do the same for numbers and for Quranic
//     signs between words; honorifics takes the evidence off formulas such
//     as علیه السلام (S5.8).
//   - arEvidence sums the words of a unit; docEvidence is what the document
//     says about its Persian keyboard (S5.2–S5.4), read ahead by
//     engine.evidence and engine.docArabicLetters.
//   - persianOrArabic decides a unit from the two (a pure function, tested
//     table-style), and followContext settles the units that had only a
//     trace of evidence, or none (S5.6).
//
// Where Arabic is cut out of a sentence is units.go's: quotations (S5.7,
// quotes), round brackets (S5.9, bracketQuotes) and unmarked runs in a
// sentence that is Persian for sure (S5.10, arabicRuns); what makes such a
// run, and such a sentence, is here (strongRun, persianRest).
//
// Everything is in points; a unit is Arabic when its Arabic points reach
// arabicMin and exceed its Persian points (S5.5). Persian is the default:
// losing Persian text into the Arabic output is the worse error.

// Letter features of U+0600–U+06FF (arabicFeat).
const (
	fPersianYK   uint16 = 1 << iota // ی ک (the first three are also token features: tk*)
	fArabicYK                       // ي ك
	fOtherLang                      // letters of Urdu, Pashto, Kurdish, Sindhi, Uyghur…
	fPersianOnly                    // پ چ ژ گ ۀ
	fTaMarbuta                      // ة
	fHamzaBelow                     // إ
	fHamzaAbove                     // أ ؤ
	fTanwin                         // ٌ ٍ (ً is weighed apart: Persian writes اً)
	fWasla                          // ٱ
	fHaraka                         // short vowels, shadda, sukun, ٌ ٍ (not ً)
	fQuranic                        // superscript alef, Quranic annotation marks
	fZWNJ                           // (words only) a ZWNJ inside the word
	fLetter                         // the rune is a letter
	fMark                           // the rune is a mark: part of the word before
	fFolds                          // ي ى ك ٱ: its folded form (foldRune) differs
	fYeh                            // ی (not a token feature: a word with ی and a final ى sets tkYehFinal)
)

// Word points (S5.1, S5.2).
const (
	ptPersianOnly = 3
	ptPersianYK   = 2 // per word, where the document does not write its Persian with ی/ک (S5.2)
	ptZWNJ        = 2
	ptVerbPrefix  = 1 // می‌ / نمی‌, on top of the ZWNJ
	ptTaMarbuta   = 3
	ptHamzaBelow  = 2
	ptHamzaAbove  = 1
	ptMaksura     = 1 // a final ى
	ptWasla       = 3
	ptQuranic     = 3
	ptVocalised   = 2 // two or more harakat in the word
	ptTanwin      = 2 // ٌ ٍ, or ً away from a final ا
	ptCaseEnding  = 1 // a word that ends in ُ
	ptArticle     = 1 // ال
	ptDigit       = 1 // per number written in one language's digits
	arabicMin     = 2 // an Arabic unit has at least this many points
)

var arabicFeat [256]uint16

func init() {
	set := func(f uint16, rs ...rune) {
		for _, r := range rs {
			arabicFeat[r-0x600] |= f
		}
	}
	set(fPersianOnly, 'پ', 'چ', 'ژ', 'گ', 'ۀ')
	set(fPersianYK, 'ی', 'ک')
	set(fYeh, 'ی')
	set(fArabicYK, 'ي', 'ك')
	set(fTaMarbuta, 'ة')
	set(fHamzaBelow, 'إ')
	for r := rune(0x600); r < 0x700; r++ {
		switch classOf(r) {
		case cArabic:
			set(fLetter, r)
		case cInherit:
			set(fMark, r)
		}
	}
	set(fHamzaAbove, 'أ', 'ؤ')
	set(fWasla, 'ٱ')
	set(fFolds, 'ي', 'ى', 'ك', 'ٱ')
	for r := rune(0x064C); r <= 0x0652; r++ { // damatan … sukun; fathatan (U+064B) is weighed apart
		set(fHaraka, r)
	}
	set(fTanwin, 0x064C, 0x064D)
	set(fQuranic, 0x0670)
	for r := rune(0x06D6); r <= 0x06ED; r++ {
		if r != 0x06DD && r != 0x06DE && r != 0x06E9 { // end of ayah, rub el hizb, place of sajdah are symbols
			set(fQuranic, r)
		}
	}
	// Letters of other languages written in Arabic script.
	set(fOtherLang, 'ٹ', 'ټ', 'ځ', 'ڂ', 'څ', 'ڇ', 'ڈ', 'ډ', 'ڊ', 'ڍ', 'ڎ', 'ڏ', 'ڐ', 'ڑ',
		'ڒ', 'ړ', 'ڔ', 'ڕ', 'ږ', 'ڗ', 'ڙ', 'ښ', 'ڛ', 'ڜ', 'ڝ', 'ڞ', 'ڟ', 'ڠ', 'ڡ',
		'ڢ', 'ڣ', 'ڤ', 'ڥ', 'ڦ', 'ڧ', 'ڨ', 'ڪ', 'ګ', 'ڬ', 'ڭ', 'ڮ', 'ڰ', 'ڱ', 'ڲ', 'ڳ',
		'ڴ', 'ڵ', 'ڶ', 'ڷ', 'ڸ', 'ڹ', 'ں', 'ڻ', 'ڼ', 'ڽ', 'ھ', 'ڿ', 'ہ', 'ۂ', 'ۃ', 'ۄ',
		'ۅ', 'ۆ', 'ۇ', 'ۈ', 'ۉ', 'ۊ', 'ۋ', 'ێ', 'ۍ', 'ې', 'ۑ', 'ے', 'ۓ', 'ە')
}

// featPoints gives the Persian and Arabic points of every combination of
// the letter features below fLetter (ی/ک are counted per unit instead).
var featPoints [fLetter][2]int8

func init() {
	for f := range len(featPoints) {
		var p, q int8
		add := func(bit uint16, pts int8, to *int8) {
			if uint16(f)&bit != 0 {
				*to += pts
			}
		}
		add(fPersianOnly, ptPersianOnly, &p)
		add(fZWNJ, ptZWNJ, &p)
		add(fTaMarbuta, ptTaMarbuta, &q)
		add(fHamzaBelow, ptHamzaBelow, &q)
		add(fHamzaAbove, ptHamzaAbove, &q)
		add(fWasla, ptWasla, &q)
		add(fQuranic, ptQuranic, &q)
		add(fTanwin, ptTanwin, &q)
		featPoints[f] = [2]int8{p, q}
	}
}

// foldRune maps the Arabic letters that Persian keyboards replace to their
// Persian forms, for function-word matching: ي ى → ی, ك → ک.
func foldRune(r rune) rune {
	switch r {
	case 'ي', 'ى':
		return 'ی'
	case 'ك':
		return 'ک'
	case 'ٱ':
		return 'ا'
	}
	return r
}

// wordHash is FNV-1a over runes, as used by the word sets.
const (
	hashInit  uint64 = 14695981039346656037
	hashPrime uint64 = 1099511628211
)

func hashRune(h uint64, r rune) uint64 {
	return (h ^ uint64(r)) * hashPrime
}

func hashString(s string, fold bool) uint64 {
	h := hashInit
	for _, r := range s {
		if fold {
			r = foldRune(r)
		} else if r == 'ٱ' {
			r = 'ا'
		}
		h = hashRune(h, r)
	}
	return h
}

// maxHashLetters bounds the words looked up in the function-word sets: a
// word of up to 8 letters is its own key, one byte a letter (wordKey).
const maxHashLetters = 8

// wordKey returns the key of the Arabic-script word s in the word table:
// its letters (folded to their Persian forms with fold, else as written
// but ٱ as ا), one byte each (the rune minus U+0600), first letter highest;
// 0 for a word with runes other than letters, or more than maxHashLetters
// letters (with prefix: the key of its first maxHashLetters letters).
func wordKey(s string, fold, prefix bool) uint64 {
	var k uint64
	n := 0
	for _, r := range s {
		if n == maxHashLetters && prefix {
			break
		}
		if r < 0x600 || r > 0x6FF || letterRaw[r-0x600] == 0 || n == maxHashLetters {
			return 0
		}
		l := letterRaw[r-0x600]
		if fold {
			l = letterFold[r-0x600]
		}
		k = k<<8 | uint64(l)
		n++
	}
	return k
}

// arabicWord accumulates the evidence of one Arabic-script word as its runes
// are read: the OR of its letter features, its letter and harakat counts,
// its last letter and last mark, where a fathatan stood, the key of its
// first letters as written, and how many letters come before its first
// ZWNJ. When the word is finished, settle derives from the key the key
// folded to the Persian forms and the first letters (for the function
// words), so that reading a letter costs a shift and an OR.
type arabicWord struct {
	kFold   uint64 // wordKey of the letters, folded (set by settle)
	kRaw    uint64 // and as written (while reading)
	letters int32
	harakat int32
	first   [3]uint8 // folded, minus U+0600 (set by settle)
	last    uint16
	mark    uint16 // the haraka after the last letter, 0 if none
	fatAt   int32  // letters before the last fathatan, -1 if none
	fatPrev uint16 // the letter before it
	zwnjAt  int16  // -1: no ZWNJ yet
	feat    uint16 // letter features; fFolds: kRaw differs from kFold
}

// reset starts a new word.
func (a *arabicWord) reset() { *a = arabicWord{zwnjAt: -1, fatAt: -1} }

// addBase takes the next rune of the word, a letter or mark of U+0600–U+06FF,
// and its features f (arabicFeat).
func (a *arabicWord) addBase(r rune, f uint16) {
	a.feat |= f
	if f&fLetter == 0 {
		if f&fHaraka != 0 {
			a.harakat++
			a.mark = uint16(r)
		} else if r == 0x064B {
			a.fatAt, a.fatPrev = a.letters, a.last
		}
		return
	}
	if a.letters < maxHashLetters {
		a.kRaw = a.kRaw<<8 | uint64(letterRaw[uint8(r-0x600)])
	}
	a.letters++
	a.last = uint16(r)
	a.mark = 0
}

// run reads the run of letters and marks that starts at lt[j], as the
// continuation of the word a holds (runFrom).
func (a *arabicWord) run(lt []byte, j int) int {
	return a.runFrom(lt, j, a.feat, a.kRaw, a.letters, a.last)
}

// read starts a new word and reads its run at lt[j]: reset and run, but the
// word's state begins in registers instead of being loaded back from what
// reset has just stored (those loads wait for the stores: about 1 ns a
// word).
func (a *arabicWord) read(lt []byte, j int) int {
	a.reset()
	return a.runFrom(lt, j, 0, 0, 0, 0)
}

// runFrom reads the run of letters and marks of U+0600–U+06FF (and the
// single ZWNJs between them) that starts at lt[j] with a letter or mark,
// the word's features, key, letters and last letter so far being feat, k,
// n and last, and returns its end. It is addBase and zwnj over the run,
// with the word's state in registers and its runes decoded in place (as
// arabic.Starts and arabic.RuneAt would): the tokenizer's hottest loop.
// Each rune is one two-byte load tested with one mask; the index is
// unsigned and its two tests against len(lt) leave no bounds check; the
// rune is read at the top of the loop, so that the entry and the back edge
// agree on the registers (with the caller's rune passed in, the loop began
// with register moves); the rare ZWNJ keeps no constant in a register
// (min(n, 100) did, and cost moves on every letter).
func (a *arabicWord) runFrom(lt []byte, j int, feat uint16, k uint64, n int32, last uint16) int {
	u, end := uint(j), uint(len(lt))
	for u < end && u+1 < end {
		// The rune's two bytes, first lowest; not a rune of U+0600–U+06FF
		// (D8–DB, then a continuation byte): a ZWNJ?
		v := uint16(lt[u]) | uint16(lt[u+1])<<8
		if v&0xC0FC != 0x80D8 {
			if v != 0x80E2 || u+2 >= end || lt[u+2] != 0x8C {
				break
			}
			feat |= fZWNJ
			if a.zwnjAt < 0 {
				a.zwnjAt = 100
				if n < 100 {
					a.zwnjAt = int16(n)
				}
			}
			u += 3
			if u >= end || u+1 >= end {
				break
			}
			if v = uint16(lt[u]) | uint16(lt[u+1])<<8; v&0xC0FC != 0x80D8 {
				break
			}
		}
		x := uint8(v<<6) | uint8(v>>8)&0x3F // the rune minus U+0600
		f := arabicFeat[x]
		if f&(fLetter|fMark) == 0 {
			break
		}
		feat |= f
		if f&fLetter != 0 {
			if n < maxHashLetters {
				k = k<<8 | uint64(x) // ٱ is ا in the key: settle mends it
			}
			n++
			last, a.mark = 0x600+uint16(x), 0
		} else {
			a.letters, a.last = n, last // what addBase reads
			a.addBase(0x600+rune(x), f)
		}
		u += 2
	}
	a.feat, a.kRaw, a.letters, a.last = feat, k, n, last
	return int(u)
}

// settle sets kFold and first, from kRaw, when the word is finished.
func (a *arabicWord) settle() {
	k, n := a.kRaw, min(a.letters, maxHashLetters)
	if a.feat&fWasla != 0 { // run keys ٱ as written: as ا, like letterRaw
		var w uint64
		for s := 8 * (n - 1); s >= 0; s -= 8 {
			c := uint8(k >> s)
			if c == 'ٱ'-0x600 {
				c = 'ا' - 0x600
			}
			w = w<<8 | uint64(c)
		}
		k = w
		a.kRaw = k
	}
	if a.feat&fFolds != 0 {
		var f uint64
		for s := 8 * (n - 1); s >= 0; s -= 8 {
			f = f<<8 | uint64(letterFold[uint8(k>>s)])
		}
		k = f
	}
	a.kFold = k
	a.first = firstLetters(k, n)
}

// firstLetters returns the first three letters of a key k of n letters (at
// most maxHashLetters), first first, 0 for the letters a short word lacks.
func firstLetters(k uint64, n int32) [3]uint8 {
	top := k << (8 * (maxHashLetters - n)) >> 40
	return [3]uint8{uint8(top >> 16), uint8(top >> 8), uint8(top)}
}

// zwnj notes a ZWNJ inside the word.
func (a *arabicWord) zwnj() {
	a.feat |= fZWNJ
	if a.zwnjAt < 0 {
		a.zwnjAt = int16(min(a.letters, 100))
	}
}

// add takes the next rune of the word: a letter or an inheriting rune.
func (a *arabicWord) add(r rune) {
	switch {
	case r >= 0x600 && r <= 0x6FF:
		a.addBase(r, arabicFeat[r-0x600])
	case r >= arabic.FormsFirst && r <= arabic.FormsLast:
		if f, _ := arabic.Presentation(r); f.Base != 0 {
			a.addBase(f.Base, arabicFeat[uint8(f.Base-arabic.First)])
		}
	case r == 0x200C:
		a.zwnj()
	}
}

// evidence returns the Persian and Arabic points of the finished word, its
// grammar value (token.g) and its token features (tk*).
func (a *arabicWord) evidence() (p, q int, g uint8, feat uint16) {
	a.settle()
	fp := featPoints[a.feat&(fLetter-1)]
	p, q = int(fp[0]), int(fp[1])
	if q != 0 {
		feat |= tkArabicLetters
	}
	if a.feat&fMark != 0 {
		if a.harakat >= 2 && !a.persianWord() {
			q += ptVocalised // S5.1: the harakat of a Persian word are Persian vowel marks
			feat |= tkVocalised
		}
		tanwin := a.fatAt >= 0 && a.feat&fTanwin == 0 && !(a.fatAt == a.letters && a.fatPrev == 'ا') && !(a.fatAt == a.letters-1 && a.last == 'ا')
		if tanwin {
			q += ptTanwin // ً that is not Persian اً (nor ًا)
			feat |= tkArabicLetters
		}
		if a.harakat > 0 || tanwin {
			feat |= tkHarakat // (Persian writes اً in unvocalised text: حتماً)
		}
		if a.mark == 0x064F {
			q += ptCaseEnding
			feat |= tkCaseEnding
		}
	}
	if a.last == 'ى' {
		q += ptMaksura
		feat |= tkFinalMaksura
		if a.feat&fYeh != 0 {
			feat |= tkYehFinal // ی inside, ى at the end: Persian-keyboard typing (S5.4)
		}
	}
	f, n := a.first, a.letters
	if a.zwnjAt == 2 && f[0] == 'م'-0x600 && f[1] == 'ی'-0x600 || a.zwnjAt == 3 && f[0] == 'ن'-0x600 && f[1] == 'م'-0x600 && f[2] == 'ی'-0x600 {
		p += ptVerbPrefix // می‌ / نمی‌
		g = 2
	}
	arabicFW := false
	long := n > maxHashLetters // only short words are looked up
	if !long {
		v := arabicScriptWords.Get(a.kFold)
		pv, qv := uint8(v>>awPersianShift&awValue), uint8(v>>awArabicShift&awValue)
		if a.feat&fFolds != 0 { // the word as written has a key of its own
			qf := qv
			qv = uint8(arabicScriptWords.Get(a.kRaw) >> awArabicShift & awValue)
			if a.last == 'ى' && qv&wPoints > qf&wPoints {
				feat |= tkMaksuraFW // على is worth more than علی: S5.4 weighs it as علی
			}
		}
		p += int(pv & wPoints)
		q += int(qv & wPoints)
		arabicFW = qv&wPoints != 0
		g = max(g, max(pv&wGrammar, qv&wGrammar)>>wGrammarShift) | (pv|qv)&wConj>>2
		if hasArticle(f, n) && v&awPersianAl == 0 {
			q += ptArticle
			feat |= tkArticle
		}
		if a.kFold == keyLa {
			feat |= tkLa
		}
	} else if hasArticle(f, n) && arabicScriptWords.Get(a.kFold)&awPersianAl == 0 { // kFold holds the first letters
		q += ptArticle
		feat |= tkArticle
	}
	feat |= a.feat & (fPersianYK | fArabicYK | fOtherLang) // the same bits as tkPersianYK, tkArabicYK, tkOtherLang
	if arabicFW {
		feat &^= tkPersianYK // an Arabic function word in ی/ک spelling is no Persian evidence
	}
	return p, q, g, feat
}

// evCacheBits sets the size of evCache: 1<<evCacheBits words (16 bytes
// each), enough for the words that make most of a text (a language's most
// frequent few hundred words are half its running words).
const evCacheBits = 9

// evCache remembers the evidence of short words without marks, which is a
// function of their letters (arabicWord.kRaw), features, first ZWNJ and last
// letter alone: a table of sets of two entries on a hash of them, the word
// kept last first, each entry holding the key it answers for, so that a
// word seen before costs a lookup instead of evidence's word-table lookups
// and tests. (One entry a hash missed 12% of textgen's Persian words, two
// 5%, in the same memory.) Its memory is fixed; the zero value is empty (no
// entry's tag is 0: the words it holds have fLetter).
type evCache [1 << (evCacheBits - 1)][2]evEntry

// evEntry is one word of evCache: its key (kRaw as read, and the tag of
// evCache.evidence) and its evidence, the grammar value in the top bits of gf.
type evEntry struct {
	k    uint64
	tag  uint32
	p, q int8
	gf   uint16 // feat | g<<evGrammarShift
}

// evGrammarShift is where evEntry.gf holds the grammar value: above every
// token feature that evidence returns for a word without marks, the only
// words the cache holds (tkArabicLetters is the highest; tkVocalised,
// tkCaseEnding and tkHarakat, above evGrammarShift, are features of words
// with marks).
const evGrammarShift = 13

var _ [1<<evGrammarShift - 2*int(tkArabicLetters)]struct{} // tkArabicLetters < 1<<evGrammarShift: the features fit below g

// evidence returns a.evidence(), from the cache when the word is in it;
// then a is not settled (its folded key and first letters are not set:
// settle sets them).
func (c *evCache) evidence(a *arabicWord) (p, q int, g uint8, feat uint16) {
	if a.feat&(fLetter|fMark) != fLetter || a.letters > maxHashLetters {
		return a.evidence() // marks, or more letters than the key holds: not a function of the key
	}
	k, tag := a.kRaw, uint32(a.feat)|uint32(uint8(a.zwnjAt))<<16|uint32(uint8(a.last))<<24
	s := &c[(k^uint64(tag)<<40)*0x9E3779B97F4A7C15>>(64-evCacheBits+1)]
	// The entry to test is chosen without a branch: a branch on which of
	// the two holds the word is mispredicted often (testing s[0], then
	// s[1], made All slower than one entry a hash, with fewer misses).
	w := b2u(s[1].k == k) & b2u(s[1].tag == tag)
	if e := &s[w]; e.k == k && e.tag == tag {
		return e.answer()
	}
	p, q, g, feat = a.evidence()
	s[1], s[0] = s[0], evEntry{k: k, tag: tag, p: int8(p), q: int8(q), gf: feat | uint16(g)<<evGrammarShift}
	return p, q, g, feat
}

// noArabicPoints reports, without looking the word up, that the word a has
// just read (not settled) has no Arabic points and is not لا: it has no
// marks and no letter that folds (ي ى ك ٱ, whose keys fold), its letters
// give no Arabic points, it does not start with the article, and its shape
// is not that of an Arabic word of the word table with points
// (arabicPointWords). Its evidence then has q == 0 and no tkLa; what it
// says of Persian it does not tell (its points and grammar need evidence).
func (a *arabicWord) noArabicPoints() bool {
	if a.feat&(fLetter|fMark|fFolds) != fLetter || featPoints[a.feat&(fLetter-1)][1] != 0 {
		return false
	}
	k, n := a.kRaw, a.letters
	if hasArticle(firstLetters(k, min(n, maxHashLetters)), n) { // as settle finds them: the key does not fold
		return false
	}
	return n > maxHashLetters || !arabicPointWords.mayHold(n, uint8(k>>(8*(n-1))), uint8(a.last)) // لا has Arabic points: it is in the filter
}

// b2u is 1 for true, 0 for false.
func b2u(b bool) uint {
	if b {
		return 1
	}
	return 0
}

// answer returns the evidence the entry holds, as evidence returns it.
func (e *evEntry) answer() (p, q int, g uint8, feat uint16) {
	return int(e.p), int(e.q), uint8(e.gf >> evGrammarShift), e.gf & (1<<evGrammarShift - 1)
}

// persianWord reports whether the word, looked up without its harakat, is
// a Persian word beyond doubt: it has a Persian-only letter or a ZWNJ, or it
// is a Persian function word or verb worth 2 points (S5.1). Its harakat
// then say nothing of Arabic: fully vocalised Persian (textbooks, poetry)
// marks every vowel.
func (a *arabicWord) persianWord() bool {
	if a.feat&(fPersianOnly|fZWNJ) != 0 {
		return true
	}
	if a.letters > maxHashLetters {
		return false
	}
	v := arabicScriptWords.Get(a.kFold)
	return uint8(v>>awPersianShift&awValue)&wPoints >= 2
}

// keyLa is the word key of لا, the Arabic negation.
var keyLa = wordKey("لا", true, false)

// ptNegatedVerb is the Arabic point of لا before a word that starts like
// an imperfect verb (ی ت ن): لا یعود, لا تحزن (S5.1). Persian writes لا
// almost only in لا به لای and in Arabic phrases.
const ptNegatedVerb = 1

// negatedVerb gives the word w, just finished with the evidence a, the
// point of ptNegatedVerb when it starts like an imperfect verb (ی ت ن, three
// letters or more, no Persian evidence) and the word before it on the line,
// with nothing but a space between, is لا (tkLa).
func negatedVerb(toks []token, w *token, a *arabicWord) {
	if w.flags == 0 && imperfectStart(a, int(w.p)) && toks[len(toks)-2].end < w.start {
		w.q += ptNegatedVerb
	}
}

// imperfectStart reports whether the word a (settled), of p Persian
// points, starts like an imperfect verb for negatedVerb: ی ت ن, three
// letters or more, no Persian evidence.
func imperfectStart(a *arabicWord, p int) bool {
	f := a.first[0]
	return p == 0 && a.letters >= 3 && (f == 'ی'-0x600 || f == 'ت'-0x600 || f == 'ن'-0x600)
}

// digitPoints returns the Persian and Arabic points of a number written
// with the digit r (S5.1): Persian ۰-۹, Arabic-Indic ٠-٩.
func digitPoints(r rune) (p, q int8) {
	switch {
	case r >= 0x06F0 && r <= 0x06F9:
		return ptDigit, 0
	case r >= 0x0660 && r <= 0x0669:
		return 0, ptDigit
	}
	return 0, 0
}

// orphanMark takes a mark that follows no letter: a Quranic annotation sign
// standing between words still says the text is Arabic.
func (t *tokenizer) orphanMark(r rune) {
	if r >= 0x600 && r < 0x700 && arabicFeat[r-0x600]&fQuranic != 0 {
		if n := len(t.toks); n > 0 && t.toks[n-1].cls == cArabic && t.toks[n-1].q < ptQuranic {
			t.toks[n-1].q += ptQuranic
			t.sumQ += ptQuranic // the line's sum, which the one-script fast path reads
		}
	}
}

// letterFold and letterRaw give, for each letter of U+0600–U+06FF, its
// folded form (foldRune) and its form as written (ٱ as ا), minus U+0600; 0
// for the runes that are not letters.
var letterFold, letterRaw = func() (fold, raw [256]uint8) {
	for r := rune(0x600); r < 0x700; r++ {
		if classOf(r) != cArabic {
			continue
		}
		w := r
		if w == 'ٱ' {
			w = 'ا'
		}
		raw[r-0x600] = uint8(w - 0x600)
		fold[r-0x600] = uint8(foldRune(w) - 0x600)
	}
	return fold, raw
}()

// hasArticle reports whether a word whose first folded letters are first
// and that has n letters starts with the article ال, alone or after one of
// the clitics و ف ب ک ل (لل for ل+ال).
func hasArticle(f [3]uint8, n int32) bool {
	switch {
	case f[0] == 'ا'-0x600 && f[1] == 'ل'-0x600:
		return n >= 4
	case f[1] == 'ا'-0x600 && f[2] == 'ل'-0x600 && (f[0] == 'و'-0x600 || f[0] == 'ف'-0x600 || f[0] == 'ب'-0x600 || f[0] == 'ک'-0x600):
		return n >= 5
	case f[0] == 'ل'-0x600 && f[1] == 'ل'-0x600:
		return n >= 4
	}
	return false
}

// arEvidence is the evidence of an Arabic-script unit: the sums over its
// words (S5.1) and the counts the document evidence weighs (S5.2–S5.4).
type arEvidence struct {
	words    int
	p, q     int // points of the words (and p of the numbers), ی/ک not included
	dq       int // Arabic points of the numbers: they count beside words with Arabic points only (S5.1)
	yk       int // words written with ي or ك
	pyk      int // words written with ی or ک (Arabic function words not counted)
	other    int // words with letters of other Arabic-script languages
	final    int // words that end in ى
	yehFinal int // words that write ی inside and end in ى (S5.4)
	finalFW  int // function words whose final ى makes them worth a point more (على, الى)
}

// has is 1 if feat has the feature f (a single bit), else 0.
func has(feat, f uint16) int { return int(feat / f & 1) }

// add counts token t (a word or a number) in the evidence.
func (u *arEvidence) add(t *token) {
	switch t.cls {
	case cArabic:
		u.words++
		u.p += int(t.p)
		u.q += int(t.q)
		f := t.feat
		u.yk += has(f, tkArabicYK)
		u.pyk += has(f, tkPersianYK)
		u.other += has(f, tkOtherLang)
		u.final += has(f, tkFinalMaksura)
		u.yehFinal += has(f, tkYehFinal)
		u.finalFW += has(f, tkMaksuraFW)
	case cDigit:
		u.p += int(t.p)
		u.dq += int(t.q)
	}
}

// docEvidence is what the document says about how it writes Persian.
type docEvidence struct {
	persianYK     bool // with ی/ک (S5.2, S5.3)
	arabicLetters bool // with ي ك ى: a word mixes them with پ چ ژ گ (S5.4)
	// arabicKeyboard: the document writes ي ك and neither ی/ک nor a word
	// that mixes ي ك ى with پ چ ژ گ: no Persian spelling of its own (S5.12)
	arabicKeyboard bool
}

// Evidence states of an Arabic-script unit.
const (
	evNone    uint8 = iota + 1 // no evidence either way: Persian by default
	evPair                     // no evidence, two words: follows its line if it is the value of a pair (S5.6)
	evSilent                   // no evidence, three words or more: follows its line (S5.6)
	evWeak                     // a trace of Arabic evidence only: follows its context (S5.6)
	evDecided                  // decided on evidence of its own
)

// persianOrArabic decides an Arabic-script unit from its evidence u and the
// document's d (S5.5): Arabic when its Arabic evidence wins, "und-Arab" when
// a quarter of its words have letters of other Arabic-script languages,
// Persian otherwise. mark says whether the unit is a quotation inside an
// Arabic-script sentence (S5.7): in Quranic brackets ﴿…﴾ (tiQuran) it is
// Arabic unless it has strong Persian evidence of its own (a Persian-only
// letter, ZWNJ or Persian function words worth more than its Arabic
// points). ev says whether the unit had evidence to decide on.
func persianOrArabic(u arEvidence, d docEvidence, mark uint8) (lab label, ev uint8) {
	p, q := u.p, u.q
	if q > 0 {
		q += u.dq // S5.1: Arabic-Indic digits alone make no Arabic (Persian typed on an Arabic keyboard writes them too)
	}
	if !d.persianYK {
		p += ptPersianYK * u.pyk // S5.2: in a ی/ک document the keyboard types Arabic with them too
	}
	if d.arabicLetters || u.yehFinal > 0 && u.yk == 0 {
		q -= ptMaksura*u.final + u.finalFW // S5.4: the unit, or its document, puts ى at word ends where it writes ی inside; على reads as علی
	}
	if q > 0 && u.yk > 0 && u.pyk == 0 && d.persianYK {
		q += u.yk // S5.3
	}
	switch {
	case u.other > 0 && 4*u.other >= u.words:
		return labUndArab, evDecided
	case mark == tiQuran && u.words > 0 && (u.p < ptPersianOnly || q >= u.p):
		return labArabic, evDecided
	case q > p && q >= arabicMin:
		return labArabic, evDecided
	case p > 0:
		return labPersian, evDecided
	case q > 0:
		return labPersian, evWeak
	case u.yk > 0 && d.arabicKeyboard:
		return labPersian, evWeak // S5.12: ي/ك in a document with no Persian spelling of its own
	case u.words >= 3:
		return labPersian, evSilent
	case u.words == 2:
		return labPersian, evPair
	}
	return labPersian, evNone
}

// followContext relabels the units of a line that had only a trace of
// Arabic evidence (evWeak) after the nearest unit decided on evidence of its
// own: on the line, else earlier in the text (last). A unit of three words
// or more without any evidence (evSilent: in a document that types Arabic
// with ی/ک, a hemistich split off its verse) follows Arabic only as the
// continuation of the Arabic sentence before it on its line: that unit has
// three words or more itself, and the line holds no other script (a
// Persian gloss between an Arabic head-word and an English gloss, or a
// Persian half before an Arabic one, stays Persian: following an Arabic
// neighbour needs a reason). A part of a pair line without evidence
// between two Arabic parts (arabicAround) is Arabic: ثم ذكر - سبحانه - أن
// رحمته وسعت كل شيء. A unit decided on Persian evidence of its own never
// follows. A part of a pair line of one or two words that all carry
// the Arabic article, with a trace of evidence only, is Arabic when another
// part of its line is Persian: the head-word of a glossary line. It returns
// the label of the last decided unit, the context for the next line (S5.6).
func followContext(units []unit, last label) label {
	oneScript, glossed, follow := true, false, false // glossed: a part of a pair line is Persian (a glossary line)
	for i := range units {
		v := &units[i]
		oneScript = oneScript && v.cls == cArabic
		glossed = glossed || v.part != 0 && v.cls == cArabic && v.lab == labPersian && !v.head
		follow = follow || v.ev == evWeak || v.ev == evSilent || v.part != 0 && v.ev == evNone || v.ev == evPair
	}
	for i := 0; i < len(units) && follow; i++ {
		u := &units[i]
		switch {
		case u.ev == evWeak && u.head && u.part != 0 && glossed:
			u.lab = labArabic // an Arabic head-word glossed in Persian: الصوم – روزه گرفتن
		case u.ev == evWeak:
			ctx := last
			for d := 1; d < len(units); d++ {
				if j := i - d; j >= 0 && units[j].ev == evDecided {
					ctx = units[j].lab
					break
				}
				if j := i + d; j < len(units) && units[j].ev == evDecided {
					ctx = units[j].lab
					break
				}
			}
			if ctx == labArabic {
				u.lab = labArabic
			}
		case oneScript && u.part != 0 && (u.ev == evNone || u.ev == evPair || u.ev == evSilent) && arabicAround(units, i):
			u.lab = labArabic // a part between Arabic parts: ثم بين - سبحانه - أن علمه شامل لكل شئ
		case u.ev == evSilent && oneScript:
			for j := i - 1; j >= 0; j-- {
				if v := &units[j]; v.ev == evDecided {
					if v.lab == labArabic && v.words >= 3 {
						u.lab = labArabic
					}
					break
				}
			}
		}
	}
	for i := range units {
		if units[i].ev == evDecided {
			last = units[i].lab
		}
	}
	return last
}

// arabicAround reports whether the nearest units decided on evidence of
// their own before and after units[i] are Arabic, the one after of three
// words or more (S5.6).
func arabicAround(units []unit, i int) bool {
	before, after := false, false
	for j := i - 1; j >= 0; j-- {
		if v := &units[j]; v.ev == evDecided {
			before = v.lab == labArabic
			break
		}
	}
	for j := i + 1; before && j < len(units); j++ {
		if v := &units[j]; v.ev == evDecided {
			after = v.lab == labArabic && v.words >= 3
			break
		}
	}
	return after
}

// The document evidence (docEvidence) is read ahead of the line being
// decided, up to the look-ahead, and counted incrementally.

// persianYKMin is how many ی/ک letters make a document's Persian "written
// with ی/ک".
const persianYKMin = 3

// docPersianYK reports whether the document writes its Persian with ی/ک:
// the ی/ک letters before the text the engine read (ykBase, for a chunk of a
// longer text) and in it.
func (e *engine) docPersianYK() bool { return e.ykBase+e.evYK >= persianYKMin }

// docPersianYKAt is docPersianYK after reading the document evidence up to
// to.
func (e *engine) docPersianYKAt(view []byte, base, to int) bool {
	e.evidence(view, base, to)
	return e.docPersianYK()
}

// evidence extends the count of ی and ک over view[from-base:to-base], where
// base is the absolute offset of view[0].
func (e *engine) evidence(view []byte, base, to int) {
	if e.docPersianYK() || to <= e.evEnd {
		return
	}
	from, end := max(e.evEnd, base), runeStartBefore(view, base, to)
	if from < end {
		e.evYK = countYK(view[from-base:end-base], e.evYK)
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
// پ چ ژ گ (before the text the engine read, mixBase, or in it). It reads
// the document up to the look-ahead of the line being decided, only when
// asked.
func (e *engine) docArabicLetters() bool {
	if e.mixBase || e.mixMixed > 0 || e.evTo <= e.mixEnd {
		return e.mixBase || e.mixMixed > 0
	}
	e.mixScan(e.view, e.base, e.evTo)
	return e.mixMixed > 0
}

// mixScan extends docArabicLetters' reading of the document over
// view[from-base:to-base], where base is the absolute offset of view[0].
func (e *engine) mixScan(view []byte, base, to int) {
	if e.mixMixed > 0 || to <= e.mixEnd {
		return
	}
	from, end := max(e.mixEnd, base), runeStartBefore(view, base, to)
	if found, w := scanMixed(view, from-base, end-base, e.mixWord); found {
		e.mixMixed, e.mixWord = 1, 0
	} else {
		e.mixWord = w
	}
	e.mixEnd = end
}

// arabicLabel decides the Arabic-script unit toks[t0:t1], skipping the
// tokens inside what skip says (tiQuoted: the quotations that are decided
// on their own, S5.7; tiBracket: the bracketed ones, S5.9); mark says
// whether the unit is such a quotation (S5.7). It also returns the unit's
// words that it weighed.
func (e *engine) arabicLabel(t0, t1 int, skip uint8, mark uint8) (lab label, ev uint8, words int32) {
	var u arEvidence
	var first *token // the unit's first word
	same := true     // every word of the unit is first's
	toks, text := e.tk.toks, e.tk.text
	for i := t0; i < t1; i++ {
		if t := &toks[i]; t.in&skip == 0 {
			u.add(t)
			if t.cls == cArabic {
				if first == nil {
					first = t
				} else if same {
					same = string(text[t.start:t.end]) == string(text[first.start:first.end])
				}
			}
		}
	}
	if same && u.words > 1 {
		// S5.11: one word said again and again (لا لا لا, a refrain's
		// syllables) is weighed as that word once.
		u = arEvidence{}
		for i := t0; i < t1; i++ {
			if t := &toks[i]; t.in&skip == 0 && (t.cls != cArabic || t == first) {
				u.add(t)
			}
		}
	}
	d := docEvidence{persianYK: e.docPersianYK()}
	lab, ev = persianOrArabic(u, d, mark)
	if ev < evWeak && u.yk > 0 && !d.persianYK {
		// S5.12 reads the document ahead: ask only for a unit without
		// evidence written with ي/ك.
		d.arabicKeyboard = !e.docArabicLetters()
		lab, ev = persianOrArabic(u, d, mark)
	}
	if u.final == 0 {
		return lab, ev, int32(u.words)
	}
	// Reading ahead for S5.4 costs a pass over the text: ask only when the
	// answer would change the label.
	d.arabicLetters = true
	if l2, ev2 := persianOrArabic(u, d, mark); l2 != lab && e.docArabicLetters() {
		return l2, ev2, int32(u.words)
	}
	return lab, ev, int32(u.words)
}

// Thresholds of S5.10: the Arabic points an unmarked run needs, counted
// without those of harakat, the article and a final ى (which vocalised or
// loan-laden Persian shows too), or the words it needs when it is the only
// vocalised stretch of its sentence, and the Persian points the rest of its
// sentence needs.
const (
	ptArabicRun   = 2 * arabicMin
	ptPersianRest = 4
	ptVocalRun    = 3 // words
)

// runWord reports whether t can be a word of an unmarked Arabic run
// (S5.10): an Arabic-script word without Persian points or letters of
// other languages, outside brackets and quotations.
func runWord(t *token) bool {
	return t.cls == cArabic && t.p == 0 && t.feat&tkOtherLang == 0 && t.in == 0
}

// strongRun reports whether the words of toks are an Arabic run that S5.10
// cuts out: two words with Arabic points or more, and ptArabicRun points
// of strong evidence (runPoints) among them, some from letters or tanwin
// (function words alone are the formulas Persian writes: مع ذلک, کما فی
// السابق, کان لم یکن), or, when only its words have
// harakat in their sentence (alone, the sentence's other words have none),
// ptVocalRun words or more, each with harakat but a conjunction: a
// vocalised saying in an unvocalised sentence (`الْعِلْمُ خَیْرٌ مِنَ
// الْمَالِ`). (Its words have no Persian points, so it is Arabic by S5.5.)
func strongRun(toks []token, alone bool) bool {
	words, strong, vocal, letters := 0, 0, 0, false
	for i := range toks {
		t := &toks[i]
		if t.q > 0 {
			words++
			strong += runPoints(t)
			letters = letters || t.feat&tkArabicLetters != 0
		}
		if t.feat&tkHarakat != 0 || t.g&gConj != 0 {
			vocal++
		}
	}
	return words >= 2 && (strong >= ptArabicRun && letters || alone && vocal == len(toks) && len(toks) >= ptVocalRun)
}

// runPoints returns the Arabic points of the word t that vocalised Persian
// and Persian loan words do not show: its points without those of its
// harakat, its article and a final ى (S5.1).
func runPoints(t *token) int {
	f := t.feat // q holds the points of each feature
	return int(t.q) - ptVocalised*has(f, tkVocalised) - ptCaseEnding*has(f, tkCaseEnding) -
		ptArticle*has(f, tkArticle) - ptMaksura*has(f, tkFinalMaksura)
}

// persianRest reports whether the words of toks outside the runs that
// markRuns marked are Persian beyond doubt (S5.10): grammar of their own (2
// grammar points of words with Persian evidence, S3.2), ptPersianRest
// Persian points, and a word that Arabic does not write (persianWords).
// Words that Arabic writes too (اما, ولی, یعنی, روی; او, "or" unhamzated)
// make no Persian sentence alone.
func persianRest(toks []token) bool {
	grammar, p, sure := persianWords(toks, tiRun)
	return grammar >= 2 && p >= ptPersianRest && sure
}

// persianWords sums the Arabic-script words of toks with Persian points,
// but those inside skip (token.in): their grammar points (S3.2), their
// Persian points, and whether one is a word that Arabic does not write,
// one with Persian points from its letters (a ZWNJ, پ چ ژ گ ۀ) or a
// Persian verb (grammar of 2; او, 1 point, is Arabic "or" too). (The
// conjunctions و یا have no points: none of them is counted.)
func persianWords(toks []token, skip uint8) (grammar, points int, sure bool) {
	for i := range toks {
		t := &toks[i]
		if t.cls != cArabic || t.in&skip != 0 || t.p <= 0 {
			continue
		}
		points += int(t.p)
		grammar += int(t.g & gPoints)
		// Points without grammar come from the letters.
		sure = sure || t.g&gPoints == 0 || t.p >= 3 || t.g&gPoints == 2 && t.p >= 2
	}
	return grammar, points, sure
}

// honorificForms holds the honorific formulas as sequences of folded word
// hashes; honorificFirst maps the hash of a first word to 1 + the index of
// its formulas there. A formula written as one word (علیه‌السلام) is a
// sequence of one. honorificStart marks the letters a formula starts with.
var (
	honorificForms [][][]uint64
	honorificFirst *keyset.Map
	honorificStart [256]bool
)

// maxHonorificWords bounds the words of one formula in honorifics, so that
// honorifics can hash a formula's words into an array, without allocating.
const maxHonorificWords = 8

func init() {
	first := map[uint64]uint16{}
	add := func(seq []uint64) {
		k, ok := first[seq[0]]
		if !ok {
			honorificForms = append(honorificForms, nil)
			k = uint16(len(honorificForms))
			first[seq[0]] = k
		}
		honorificForms[k-1] = append(honorificForms[k-1], seq)
	}
	for _, f := range honorifics {
		words := strings.Fields(f)
		if len(words) > maxHonorificWords {
			panic("segment: honorific formula longer than maxHonorificWords: " + f)
		}
		seq := make([]uint64, len(words))
		for i, w := range words {
			seq[i] = hashString(w, true)
		}
		add(seq)
		if len(words) > 1 {
			add([]uint64{hashString(strings.Join(words, ""), true)})
		}
		r, _ := utf8.DecodeRuneInString(f)
		honorificStart[r-0x600] = true
	}
	honorificFirst = keyset.New(first)
}

// foldHash returns the folded hash of the letters of w (marks and ZWNJ
// left out), as hashString(…, true) gives for a word written without them.
func foldHash(w []byte) uint64 {
	h := hashInit
	for i := 0; i < len(w); {
		r, size := utf8.DecodeRune(w[i:])
		i += size
		if f, ok := arabic.Presentation(r); ok {
			r = f.Base
		}
		if r >= 0x600 && r <= 0x6FF && letterFold[r-0x600] != 0 {
			h = hashRune(h, 0x600+rune(letterFold[r-0x600]))
		}
	}
	return h
}

// honorifics takes the evidence off the words of the honorific formulas in
// the line (S5.8): صلی الله علیه و آله after a name in a Persian sentence is
// Persian usage, and says nothing about the sentence's language.
func (e *engine) honorifics() {
	toks, text := e.tk.toks, e.tk.text
	var hs [maxHonorificWords]uint64
	for i := 0; i < len(toks); i++ {
		t0 := &toks[i]
		if t0.cls != cArabic || t0.end-t0.start > 40 {
			continue
		}
		if r, _, _ := decode(text, int(t0.start)); r < 0x600 || r > 0x6FF || !honorificStart[r-0x600] {
			continue
		}
		k := honorificFirst.Get(foldHash(text[t0.start:t0.end]))
		if k == 0 {
			continue
		}
		forms := honorificForms[k-1]
		best := 0
		for _, f := range forms {
			if len(f) <= best || i+len(f) > len(toks) {
				continue
			}
			ok := true
			for k := 1; k < len(f) && ok; k++ {
				t := &toks[i+k]
				if hs[k] == 0 && t.cls == cArabic {
					hs[k] = foldHash(text[t.start:t.end])
				}
				ok = t.cls == cArabic && hs[k] == f[k]
			}
			if ok {
				best = len(f)
			}
		}
		for k := range hs {
			hs[k] = 0
		}
		for k := i; k < i+best; k++ {
			toks[k].p, toks[k].q = 0, 0
			toks[k].feat &^= tkArabicYK | tkPersianYK | tkFinalMaksura | tkYehFinal | tkMaksuraFW
		}
		if best > 0 {
			i += best - 1
		}
	}
}
