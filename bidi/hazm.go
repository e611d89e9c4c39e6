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
// side and two before) may be one that hazmJoin or joinBar decides: after
// a final ه before ا or ی, before تر, after بر.
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

// hazmPlural puts a ZWNJ between a word's final ه and a plural suffix
// written without a space ("جمعهها" → "جمعه‌ها").
func (w *work) hazmPlural() {
	rs := w.runes
	i := 1
	for i < len(rs) && (rs[i] != 'ه' || rs[i-1] != 'ه') {
		i++ // most lines have no هه at all
	}
	if i >= len(rs) {
		return
	}
	for i = 0; i < len(rs); {
		if !isArabicLetter(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && isArabicLetter(rs[j]) {
			j++
		}
		// A word rs[i:j]: X ه S with S a plural suffix.
		for k := i + 2; k+1 < j; k++ {
			if rs[k-1] != 'ه' || rs[k] != 'ه' || rs[k+1] != 'ا' || w.flag(k)&fProt != 0 {
				continue
			}
			var b [maxKey]byte
			if s, ok := plainLetters(b[:0], rs[k:j]); ok && pluralSuffixes[string(s)] {
				w.insertRune(k, zwnj)
				w.zwnjs++
				rs = w.runes
				j++
				break
			}
		}
		i = j
	}
}
