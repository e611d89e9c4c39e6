package segment

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
	fPersianOnly uint16 = 1 << iota // پ چ ژ گ ۀ
	fPersianYK                      // ی ک
	fArabicYK                       // ي ك
	fTaMarbuta                      // ة
	fHamzaBelow                     // إ
	fHamzaAbove                     // أ ؤ
	fMaksura                        // ى
	fWasla                          // ٱ
	fHaraka                         // short vowels, shadda, sukun (not fathatan)
	fQuranic                        // superscript alef, Quranic annotation marks
	fOtherLang                      // letters of Urdu, Pashto, Kurdish, Sindhi, Uyghur…
	fZWNJ                           // a ZWNJ inside the word
	fKana                           // (Han words) hiragana or katakana in the word
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
	h ^= uint64(r)
	h *= hashPrime
	h ^= uint64(r >> 8)
	return h * hashPrime
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
// are read.
type arabicWord struct {
	feat     uint16
	letters  int
	harakat  int
	hFold    uint64 // folded letters (Persian spelling)
	hRaw     uint64 // letters as written
	first    [3]rune
	last     rune
	zwnjAt   int // letters before the first ZWNJ, or -1
	verbPref bool
}

func (a *arabicWord) reset() {
	*a = arabicWord{hFold: hashInit, hRaw: hashInit, zwnjAt: -1}
}

// add takes the next rune of the word: a letter or an inheriting rune.
func (a *arabicWord) add(r rune) {
	if r >= 0xFB50 && r <= 0xFEFC { // presentation form: its base letter
		if b := presentationBase[r-presentationFirst]; b != 0 {
			r = rune(b)
		}
	}
	if r < 0x600 || r > 0x6FF {
		if r == 0x200C && a.zwnjAt < 0 {
			a.zwnjAt = a.letters
			a.feat |= fZWNJ
			if a.letters == 2 && a.first[0] == 'م' && a.first[1] == 'ی' ||
				a.letters == 3 && a.first[0] == 'ن' && a.first[1] == 'م' && a.first[2] == 'ی' {
				a.verbPref = true
			}
		}
		return
	}
	f := arabicFeat[r-0x600]
	a.feat |= f
	if f&fHaraka != 0 {
		a.harakat++
		return
	}
	if arabicClass[r-0x600] != cArabic { // tatweel, fathatan, other marks
		return
	}
	if a.letters < len(a.first) {
		a.first[a.letters] = foldRune(r)
	}
	a.letters++
	a.last = r
	if a.letters <= maxHashLetters {
		a.hFold = hashRune(a.hFold, foldRune(r))
		if r == 'ٱ' {
			r = 'ا'
		}
		a.hRaw = hashRune(a.hRaw, r)
	}
}

// points returns the Persian and Arabic points of the finished word.
func (a *arabicWord) points() (p, q int) {
	f := a.feat
	if f&fPersianOnly != 0 {
		p += ptPersianOnly
	}
	if f&fPersianYK != 0 {
		p += ptPersianYK
	}
	if f&fZWNJ != 0 {
		p += ptZWNJ
		if a.verbPref {
			p += ptVerbPrefix
		}
	}
	if f&fTaMarbuta != 0 {
		q += ptTaMarbuta
	}
	if f&fHamzaBelow != 0 {
		q += ptHamzaBelow
	}
	if f&fHamzaAbove != 0 {
		q += ptHamzaAbove
	}
	if f&fWasla != 0 {
		q += ptWasla
	}
	if f&fQuranic != 0 {
		q += ptQuranic
	}
	if a.last == 'ى' {
		q += ptMaksura
	}
	if a.harakat >= 2 {
		q += ptVocalised
	}
	if a.letters <= maxHashLetters {
		p += int(persianWords.get(a.hFold))
		q += int(arabicWords.get(a.hRaw))
	}
	if a.hasArticle() && (a.letters > maxHashLetters || persianAl.get(a.hFold) == 0) {
		q += ptArticle
	}
	return p, q
}

// hasArticle reports whether the word starts with the article ال, alone or
// after one of the clitics و ف ب ك ل (لل for ل+ال).
func (a *arabicWord) hasArticle() bool {
	f := a.first
	switch {
	case f[0] == 'ا' && f[1] == 'ل':
		return a.letters >= 4
	case f[1] == 'ا' && f[2] == 'ل' && (f[0] == 'و' || f[0] == 'ف' || f[0] == 'ب' || f[0] == 'ک'):
		return a.letters >= 5
	case f[0] == 'ل' && f[1] == 'ل':
		return a.letters >= 4
	}
	return false
}
