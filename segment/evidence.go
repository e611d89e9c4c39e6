package segment

import "unicode/utf8"

// Persian and Arabic share a script; they are told apart by evidence that is
// gathered per word while the text is read and summed per unit:
//
//   - letters only one of them uses: پ چ ژ گ ۀ and the Persian forms ی ک
//     against ة إ ٱ (and, weaker, أ ؤ and a word-final ى);
//   - ZWNJ inside a word (Persian writing; Arabic has no use for it);
//   - dense harakat and Quranic marks (vocalised Arabic);
//   - the ال article on a word;
//   - frequent function words of each language (wordlists.go);
//   - digit forms: Persian ۰-۹ against Arabic-Indic ٠-٩.
//
// The weights below are points; a unit is Arabic when its Arabic points
// reach arabicMin and exceed its Persian points (see decideArabic).

// Letter features of U+0600–U+06FF.
const (
	fPersianOnly  uint16 = 1 << iota // پ چ ژ گ ۀ
	fPersianYK                       // ی ک
	fArabicYK                        // ي ك
	fTaMarbuta                       // ة
	fHamzaBelow                      // إ
	fHamzaAbove                      // أ ؤ
	fMaksura                         // ى
	fWasla                           // ٱ
	fHaraka                          // short vowels, shadda, sukun (not fathatan)
	fQuranic                         // superscript alef, Quranic annotation marks
	fOtherLang                       // letters of Urdu, Pashto, Kurdish, Sindhi, Uyghur…
	fZWNJ                            // a ZWNJ inside the word
	fKana                            // (Han words) hiragana or katakana in the word
	fLetter                          // (arabicFeat only) the rune is a letter
	fFinalMaksura                    // (tokens only) the word ends in ى
)

// Word points.
const (
	ptPersianOnly = 3
	ptPersianYK   = 2
	ptZWNJ        = 2
	ptVerbPrefix  = 1 // می‌ / نمی‌, on top of the ZWNJ
	ptTaMarbuta   = 3
	ptHamzaBelow  = 2
	ptHamzaAbove  = 1
	ptMaksura     = 1
	ptWasla       = 3
	ptQuranic     = 3
	ptVocalised   = 2 // two or more harakat in the word
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
	set(fArabicYK, 'ي', 'ك')
	set(fTaMarbuta, 'ة')
	set(fHamzaBelow, 'إ')
	for r := rune(0x600); r < 0x700; r++ {
		if classOf(r) == cArabic {
			set(fLetter, r)
		}
	}
	set(fHamzaAbove, 'أ', 'ؤ')
	set(fMaksura, 'ى')
	set(fWasla, 'ٱ')
	for r := rune(0x064C); r <= 0x0652; r++ { // damatan … sukun; fathatan (U+064B) is common in Persian adverbs
		set(fHaraka, r)
	}
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

// wordHash is FNV-1a over runes, as used by the function-word tables.
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

// wordSet is an open-addressing set of word hashes with small values.
type wordSet struct {
	keys []uint64
	vals []int8
	mask uint64
}

func newWordSet(words map[string]int8, fold bool) *wordSet {
	n := 64
	for n < 4*len(words) {
		n <<= 1
	}
	s := &wordSet{keys: make([]uint64, n), vals: make([]int8, n), mask: uint64(n - 1)}
	for w, v := range words {
		h := hashString(w, fold)
		if h == 0 {
			panic("segment: zero word hash")
		}
		for i := h & s.mask; ; i = (i + 1) & s.mask {
			if s.keys[i] == 0 || s.keys[i] == h {
				s.keys[i], s.vals[i] = h, v
				break
			}
		}
	}
	return s
}

func (s *wordSet) get(h uint64) int8 {
	for i := h & s.mask; ; i = (i + 1) & s.mask {
		switch s.keys[i] {
		case h:
			return s.vals[i]
		case 0:
			return 0
		}
	}
}

var (
	persianWords = newWordSet(persianFunctionWords, true)
	arabicWords  = newWordSet(arabicFunctionWords, false)
	persianAl    = newWordSet(persianAlWords, true)
)

// maxHashLetters bounds the words looked up in the function-word sets.
const maxHashLetters = 8

// arabicWord accumulates the evidence of one Arabic-script word as its runes
// are read: the OR of its letter features, its letter and harakat counts,
// its first letters, its last letter, the hash of its first letters folded
// to their Persian forms (for the function words), and how many letters
// come before its first ZWNJ.
type arabicWord struct {
	hFold   uint64
	letters int32
	harakat int32
	first   [3]uint16
	last    uint16
	zwnjAt  int16 // -1: no ZWNJ yet
	feat    uint16
	folds   bool // a letter whose folded form differs: the raw hash differs too
}

func (a *arabicWord) reset() { *a = arabicWord{hFold: hashInit, zwnjAt: -1} }

// addBase takes the next rune of the word, a letter or mark of U+0600–U+06FF.
func (a *arabicWord) addBase(r rune) {
	i := r - 0x600
	f := arabicFeat[i]
	a.feat |= f
	if f&fLetter == 0 {
		if f&fHaraka != 0 {
			a.harakat++
		}
		return
	}
	if n := a.letters; n < maxHashLetters {
		fr := letterFold[i]
		a.hFold = hashRune(a.hFold, rune(fr))
		a.folds = a.folds || letterRaw[i] != fr
		if n < int32(len(a.first)) {
			a.first[n] = fr
		}
	}
	a.letters++
	a.last = uint16(r)
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
		a.addBase(r)
	case r >= presentationFirst && r <= presentationLast:
		if b := presentationBase[r-presentationFirst]; b != 0 {
			a.addBase(rune(b))
		}
	case r == 0x200C:
		a.zwnj()
	}
}

// featPoints gives the Persian and Arabic points of every combination of
// letter features (the low 12 bits of arabicWord.feat).
var featPoints [1 << 12][2]int8

func init() {
	for f := range len(featPoints) {
		var p, q int8
		add := func(bit uint16, pts int8, to *int8) {
			if uint16(f)&bit != 0 {
				*to += pts
			}
		}
		add(fPersianOnly, ptPersianOnly, &p)
		add(fPersianYK, ptPersianYK, &p)
		add(fZWNJ, ptZWNJ, &p)
		add(fTaMarbuta, ptTaMarbuta, &q)
		add(fHamzaBelow, ptHamzaBelow, &q)
		add(fHamzaAbove, ptHamzaAbove, &q)
		add(fWasla, ptWasla, &q)
		add(fQuranic, ptQuranic, &q)
		featPoints[f] = [2]int8{p, q}
	}
}

// points returns the Persian and Arabic points of the finished word w.
func (a *arabicWord) points(w []byte) (p, q int) {
	fp := featPoints[a.feat&(1<<12-1)]
	p, q = int(fp[0]), int(fp[1])
	if a.harakat >= 2 {
		q += ptVocalised
	}
	if a.last == 'ى' {
		q += ptMaksura
	}
	f, n := a.first, a.letters
	if a.zwnjAt == 2 && f[0] == 'م' && f[1] == 'ی' || a.zwnjAt == 3 && f[0] == 'ن' && f[1] == 'م' && f[2] == 'ی' {
		p += ptVerbPrefix // می‌ / نمی‌
	}
	long := n > maxHashLetters // only short words are looked up
	if !long {
		hRaw := a.hFold
		if a.folds {
			hRaw = rawHash(w)
		}
		p += int(persianWords.get(a.hFold))
		q += int(arabicWords.get(hRaw))
	}
	if hasArticle(f, n) && (long || persianAl.get(a.hFold) == 0) {
		q += ptArticle
	}
	return p, q
}

// rawHash returns the hash of the letters of the short word w as written
// (but ٱ as ا), for the Arabic function words.
func rawHash(w []byte) uint64 {
	h := hashInit
	for i := 0; i < len(w); {
		r, size := utf8.DecodeRune(w[i:])
		i += size
		if r >= presentationFirst && r <= presentationLast {
			r = rune(presentationBase[r-presentationFirst])
		}
		if r >= 0x600 && r <= 0x6FF && letterRaw[r-0x600] != 0 {
			h = hashRune(h, rune(letterRaw[r-0x600]))
		}
	}
	return h
}

// letterFold and letterRaw give, for each letter of U+0600–U+06FF, its
// folded form (foldRune) and its form as written (ٱ as ا); 0 for the runes
// that are not letters.
var letterFold, letterRaw [256]uint16

func init() {
	for r := rune(0x600); r < 0x700; r++ {
		if classOf(r) != cArabic {
			continue
		}
		raw := r
		if raw == 'ٱ' {
			raw = 'ا'
		}
		letterRaw[r-0x600] = uint16(raw)
		letterFold[r-0x600] = uint16(foldRune(raw))
	}
}

// hasArticle reports whether a word whose first folded letters are first
// and that has n letters starts with the article ال, alone or after one of
// the clitics و ف ب ک ل (لل for ل+ال).
func hasArticle(f [3]uint16, n int32) bool {
	switch {
	case f[0] == 'ا' && f[1] == 'ل':
		return n >= 4
	case f[1] == 'ا' && f[2] == 'ل' && (f[0] == 'و' || f[0] == 'ف' || f[0] == 'ب' || f[0] == 'ک'):
		return n >= 5
	case f[0] == 'ل' && f[1] == 'ل':
		return n >= 4
	}
	return false
}
