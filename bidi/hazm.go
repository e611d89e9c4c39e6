package bidi

// The hazm preset (Options.Preset): the conventions of the hazm normalizer
// that are safe on mixed text. Every rule needs Arabic-script letters where
// it acts, so Latin text, URLs and e-mail addresses (written as they came),
// numbers and abbreviations are left alone.

// hazmSuffixes are the words that hazm writes joined with a ZWNJ to a word
// that ends in ه: the enclitic verbs and pronouns, and the ezafe ی.
var hazmSuffixes = newSet(`ای ام ات اش ایم اید اند ی`)

// comparatives are the suffixes تر and ترین.
var comparatives = newSet(`تر ترین`)

// hazmCandidate reports whether the spaces runes[s:e] (with a rune on each
// side and two before) may be one that hazmJoin or joinBar decides: after a
// final ه before ا or ی, before تر, after بر. (joinAt looks for بی, which
// joinBi decides, itself: this function stays small enough to inline.)
func (w *work) hazmCandidate(s, e int) bool {
	rs := w.runes
	switch {
	case rs[s-1] == 'ه':
		return rs[e] == 'ا' || rs[e] == 'ی'
	case rs[e] == 'ت':
		return rs[e+1] == 'ر'
	}
	return rs[s-1] == 'ر' && rs[s-2] == 'ب' && rs[e] == 'م'
}

// hazmJoin decides, under the hazm preset, the space between the words host
// and right that joinAt did not decide.
func hazmJoin(host, right []byte) uint8 {
	n := 0
	last := rune(0)
	for _, r := range string(host) {
		n++
		last = r
	}
	if n < 2 || noPluralHost[string(host)] {
		return keepSpace
	}
	switch {
	case last == 'ه' && hazmSuffixes[string(right)]:
		return joinZWNJ
	case comparatives[string(right)]:
		return joinZWNJ
	}
	return keepSpace
}

// joinBi decides the space after the word بی, which starts at runes[ls],
// before the word right: it becomes a ZWNJ before a noun of biWords
// ("بی دلیل" → "بی‌دلیل"), unless the word before بی makes it the name of
// the letter B ("ویتامین بی").
func (w *work) joinBi(ls int, right []byte) uint8 {
	if !biWords[string(right)] {
		return keepSpace
	}
	rs := w.runes
	e := ls
	for e > 0 && rs[e-1] == ' ' {
		e--
	}
	s := e
	for s > 0 && isWordRune(rs[s-1]) {
		s--
	}
	if s < e {
		var b [maxKey]byte
		if prev, ok := plainLetters(b[:0], rs[s:e]); ok && biGuard[string(prev)] {
			return keepSpace
		}
	}
	return joinZWNJ
}

// joinBar decides the space after the word بر before runes[e:re]: it goes
// when a joined می follows ("بر می‌گردد", or "بر می گردد" whose می is
// joined in turn), as hazm writes برمی‌گردد.
func (w *work) joinBar(e, re int) uint8 {
	rs := w.runes
	if re-e < 2 || rs[e] != 'م' || rs[e+1] != 'ی' {
		return keepSpace
	}
	if re-e > 2 && rs[e+2] == zwnj {
		return joinNone
	}
	if re-e == 2 {
		s2 := re
		e2 := s2
		for e2 < len(rs) && rs[e2] == ' ' {
			e2++
		}
		if e2 > s2 && w.joinAt(s2, e2) == joinZWNJ {
			return joinNone
		}
	}
	return keepSpace
}

// isClosing and isOpening are the punctuation that hazm writes with no space
// before it and no space after it.
func isClosing(r rune) bool {
	switch r {
	case '.', '!', '?', ':', ';', '،', '؛', '؟', '»', ')':
		return true
	}
	return false
}

// isSentencePunct is the punctuation after which hazm writes a space when
// letters stand on both sides.
func isSentencePunct(r rune) bool {
	switch r {
	case '.', '!', '?', ':', ';', '،', '؛', '؟':
		return true
	}
	return false
}

// isArabicSide reports whether r, beside a space or punctuation, makes the
// hazm spacing rules apply: an Arabic-script letter or mark, or a ZWNJ.
func isArabicSide(r rune) bool { return isArabicLetter(r) || isMark(r) || r == zwnj }

// hazmSpacing applies the spacing rules of the hazm preset to the line in
// work, which has an Arabic-script letter: runs of spaces become one space,
// spaces at the line ends go, a space before closing punctuation and after
// an opening « or ( goes, and a space is put after sentence punctuation
// or a closing » or ) that a letter follows.
func (w *work) hazmSpacing() {
	rs := w.runes
	if !w.needsSpacing() {
		return
	}
	out, fo := w.tmpR[:0], w.tmpF[:0]
	put := func(r rune, f uint8) {
		out = append(out, r)
		if w.flagged {
			fo = append(fo, f)
		}
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		f := w.flag(i)
		if f&fProt != 0 {
			put(r, f)
			continue
		}
		if r == ' ' {
			j := i
			for j < len(rs) && rs[j] == ' ' {
				j++
			}
			var prev, next rune
			if len(out) > 0 {
				prev = out[len(out)-1]
			}
			if j < len(rs) {
				next = rs[j]
			}
			protNext := j < len(rs) && w.flag(j)&fProt != 0
			switch {
			case len(out) == 0 || j == len(rs):
				// spaces at the line ends
			case !protNext && isClosing(next) && isArabicSide(prev) && !(next == '.' && j+1 < len(rs) && rs[j+1] == '.'):
				// no space before closing punctuation
			case (prev == '«' || prev == '(') && isArabicSide(next):
				// no space after an opening « or (
			case isArabicSide(prev) || isArabicSide(next) || isClosing(prev):
				put(' ', 0)
			default:
				for k := i; k < j; k++ {
					put(' ', 0)
				}
			}
			i = j - 1
			continue
		}
		before := rune(0) // the rune written before r
		if len(out) > 0 {
			before = out[len(out)-1]
		}
		put(r, f)
		if i+1 < len(rs) && w.flag(i+1)&fProt == 0 && (isArabicLetter(rs[i+1]) || rs[i+1] == '«') &&
			(isSentencePunct(r) && isArabicSide(before) || r == '»' || r == ')') {
			put(' ', 0)
		}
	}
	w.tmpR, w.runes = rs[:0], out
	if w.flagged {
		w.tmpF, w.flags = w.flags[:0], fo
	}
}

// needsSpacing reports whether hazmSpacing may change the line: it has a
// space at an end, two spaces, a space before closing punctuation or after
// « (, or punctuation with a letter right after it.
func (w *work) needsSpacing() bool {
	rs := w.runes
	for i, r := range rs {
		switch {
		case r == ' ':
			if i == 0 || i == len(rs)-1 || rs[i+1] == ' ' || isClosing(rs[i+1]) || rs[i-1] == '«' || rs[i-1] == '(' {
				return true
			}
		case isSentencePunct(r) || r == '»' || r == ')':
			if i+1 < len(rs) && (isArabicLetter(rs[i+1]) || rs[i+1] == '«') {
				return true
			}
		}
	}
	return false
}

// hazmLexicon applies, in one pass over the line, the rules of the hazm
// preset that its lexicon (lexicon.go) backs: a plural suffix typed joined
// to a word (pluralAt) and a verb typed joined to its prefix (verbAt).
func (w *work) hazmLexicon() {
	rs := w.runes
	for i := 0; i+1 < len(rs); i++ {
		// Most letters are none of ه م ن ب: they are passed over here.
		if c := uint32(rs[i]) - 0x0620; c >= 64 || lexiconStarts>>c&1 == 0 {
			continue
		}
		if rs[i] == 'ه' {
			if rs[i+1] == 'ا' {
				i = w.pluralAt(i)
				rs = w.runes
			}
			continue
		}
		if a := rs[i+1]; a == 'ی' || a == 'م' || a == 'ر' || isMark(a) {
			w.verbAt(i)
			rs = w.runes
		}
	}
}

// lexiconStarts has a bit, from U+0620 on, for the letters at which
// hazmLexicon looks further: ه (a plural suffix), م ن ب (a verb prefix).
const lexiconStarts = 1<<('ه'-0x0620) | 1<<('م'-0x0620) | 1<<('ن'-0x0620) | 1<<('ب'-0x0620)

// pluralAt puts a ZWNJ before the ه at runes[k] where it starts a plural
// suffix written without a space and the word before it ends in ه
// ("جمعهها" → "جمعه‌ها") or is a noun of pluralNouns ("کتابهایش" →
// "کتاب‌هایش"), and no Latin letter, digit or URL touches the word. It
// returns the index from which to go on.
func (w *work) pluralAt(k int) int {
	rs := w.runes
	// Most ها are not after ه or the last letter of a noun of the lexicon.
	if k < 2 || rs[k-1] != 'ه' && !nounEnd(rs[k-1]) || w.flag(k)&fProt != 0 {
		return k
	}
	// The word rs[i:j] (a run of letters): X S with S a plural suffix and
	// X ending in ه or a noun of the lexicon.
	i, j := k, k
	for i > 0 && isArabicLetter(rs[i-1]) {
		i--
	}
	for j < len(rs) && isArabicLetter(rs[j]) {
		j++
	}
	if k-i < 2 || !w.plainWord(i, j) {
		return k
	}
	var b [maxKey]byte
	s, ok := plainLetters(b[:0], rs[k:j])
	if !ok || !pluralSuffixes[string(s)] && !spokenPlurals[string(s)] {
		return k
	}
	if rs[k-1] == 'ه' && !w.hehWord(i, k, j) || w.pluralNoun(i, k) {
		w.insertRune(k, zwnj)
		w.zwnjs++
		return j
	}
	return k
}

// hehWord reports whether the word runes[i:j], split as runes[i:k] (which
// ends in ه) and a plural suffix, reads as well as a word of hehWords and
// an enclitic typed without a ZWNJ: "جبههای" is جبهه‌ای as well as
// جبه‌های, "دههای" دهه‌ای as well as ده‌های.
func (w *work) hehWord(i, k, j int) bool {
	var b, c [maxKey]byte
	host, ok := plainLetters(b[:0], w.runes[i:k+1])
	if !ok || !hehWords[string(host)] {
		return false
	}
	rest, ok := plainLetters(c[:0], w.runes[k+1:j])
	return ok && hazmSuffixes[string(rest)]
}

// pluralNoun reports whether runes[i:k], the start of a run of letters, is
// a whole word of pluralNouns.
func (w *work) pluralNoun(i, k int) bool {
	if i > 0 && isWordRune(w.runes[i-1]) {
		return false
	}
	var b [maxKey]byte
	host, ok := plainLetters(b[:0], w.runes[i:k])
	return ok && pluralNouns[string(host)]
}

// verbAt splits the verb prefixes می and نمی from a verb typed joined to
// them in the word that starts at runes[i], where the lexicon knows the verb
// ("میدانم" → "می‌دانم", "برمیگردم" → "برمی‌گردم"), and joins the preverb
// بر that a ZWNJ separates from such a verb ("بر‌میدارم", "بر‌می‌دارم" →
// "برمی‌دارم"). A word that touches Latin letters, digits or a URL is left
// alone.
func (w *work) verbAt(i int) {
	rs := w.runes
	if i+2 >= len(rs) {
		return
	}
	// Only words that start with می, نمی, برم, برن or بر and a ZWNJ (or
	// with a mark where a letter of these is looked for).
	a, b := rs[i+1], rs[i+2]
	switch rs[i] {
	case 'م':
		if a != 'ی' && !isMark(a) || b == zwnj {
			return // not می, or می‌ already
		}
	case 'ن':
		if a != 'م' && !isMark(a) || a == 'م' && b != 'ی' && !isMark(b) || i+3 < len(rs) && rs[i+3] == zwnj {
			return // not نمی, or نمی‌ already
		}
	default: // ب
		if a != 'ر' && !isMark(a) || a == 'ر' && b != 'م' && b != 'ن' && b != zwnj && !isMark(b) {
			return
		}
	}
	if i > 0 && isWordRune(rs[i-1]) {
		return
	}
	j := i + 1
	for j < len(rs) && isWordRune(rs[j]) {
		j++
	}
	if j-i >= 3 && w.plainWord(i, j) {
		w.splitVerb(i, j)
	}
}

// plainWord reports whether runes[i:j], a word, may be rewritten: no part of
// it is protected and no Latin letter, digit or protected rune touches it.
func (w *work) plainWord(i, j int) bool {
	rs := w.runes
	if i > 0 && (isLatinLetter(rs[i-1]) || isDigit(rs[i-1]) || w.flag(i-1)&fProt != 0) {
		return false
	}
	if j < len(rs) && (isLatinLetter(rs[j]) || isDigit(rs[j]) || w.flag(j)&fProt != 0) {
		return false
	}
	for k := i; k < j; k++ {
		if w.flag(k)&fProt != 0 || rs[k] == zwj {
			return false
		}
	}
	return true
}

// splitVerb applies verbAt to the word runes[i:j].
func (w *work) splitVerb(i, j int) {
	rs := w.runes
	z := i
	for z < j && rs[z] != zwnj {
		z++
	}
	var b [maxKey]byte
	if z == j {
		if word, ok := plainLetters(b[:0], rs[i:j]); ok {
			if n := joinedVerb(word); n > 0 {
				w.insertRune(w.afterLetters(i, n), zwnj)
				w.zwnjs++
			}
		}
		return
	}
	if head, ok := plainLetters(b[:0], rs[i:z]); !ok || string(head) != "بر" {
		return
	}
	// بر, a ZWNJ, then a verb joined to its prefix or a prefix, a ZWNJ and
	// a verb.
	z2 := z + 1
	for z2 < j && rs[z2] != zwnj {
		z2++
	}
	part, ok := plainLetters(b[:0], rs[z+1:z2])
	if !ok {
		return
	}
	if z2 == j {
		if n := joinedVerb(part); n == 2 || n == 3 {
			// Move the ZWNJ from after بر to after the prefix.
			p := w.afterLetters(z+1, n)
			copy(rs[z:p-1], rs[z+1:p])
			rs[p-1] = zwnj
		}
		return
	}
	neg := string(part) == "نمی"
	if !neg && string(part) != "می" {
		return
	}
	var vb [maxKey]byte
	verb, ok := plainLetters(vb[:0], rs[z2+1:j])
	if ok && !miWords[string(part)+string(verb)] && isStemAndEnding(verb, neg) {
		w.deleteRune(z)
		w.zwnjs--
	}
}

// afterLetters returns the index in runes after the n-th letter from i and
// the marks that follow it.
func (w *work) afterLetters(i, n int) int {
	rs := w.runes
	for ; n > 0; i++ {
		if !isMark(rs[i]) {
			n--
		}
	}
	for i < len(rs) && isMark(rs[i]) {
		i++
	}
	return i
}

// deleteRune removes runes[i] and its flags.
func (w *work) deleteRune(i int) {
	w.runes = append(w.runes[:i], w.runes[i+1:]...)
	if w.flagged {
		w.flags = append(w.flags[:i], w.flags[i+1:]...)
	}
}
