package bidi

import (
	"unicode"

	xbidi "golang.org/x/text/unicode/bidi"
)

// Runes the rules name.
const (
	zwnj    = '\u200C'
	zwj     = '\u200D'
	bom     = '\uFEFF'
	tatweel = '\u0640'
	farsiYe = '\u06CC'
	keheh   = '\u06A9'
	rle     = '\u202B'
	lre     = '\u202A'
	pdf     = '\u202C'
	rlo     = '\u202E'
	lro     = '\u202D'
	lri     = '\u2066'
	rli     = '\u2067'
	fsi     = '\u2068'
	pdi     = '\u2069'
)

// isControl reports whether r is one of the bidi controls that every
// normalizer strips: U+200E U+200F U+061C U+202A–U+202E U+2066–U+2069.
func isControl(r rune) bool {
	return r == '\u200E' || r == '\u200F' || r == '\u061C' ||
		(r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069')
}

// dropAll reports whether the all-language rules drop r: a bidi control or
// U+FEFF.
func dropAll(r rune) bool { return r == bom || isControl(r) }

// Character classes of the U+0600–U+06FF block, computed once from the
// unicode tables so that the hot loops need one table load per rune.
const (
	cArabicLetter uint8 = 1 << iota // Arabic-script letter
	cMark                           // nonspacing mark (harakat and the like)
	cDigit                          // Arabic-Indic or Persian digit
)

var arabicBlock [256]uint8

func init() {
	for i := range arabicBlock {
		r := rune(0x0600 + i)
		switch {
		case unicode.IsLetter(r):
			arabicBlock[i] = cArabicLetter
		case unicode.Is(unicode.Mn, r):
			arabicBlock[i] = cMark
		case unicode.IsDigit(r):
			arabicBlock[i] = cDigit
		}
	}
}

// isArabicLetter reports whether r is a letter of the Arabic script.
func isArabicLetter(r rune) bool {
	if r >= 0x0600 && r <= 0x06FF {
		return arabicBlock[r-0x0600]&cArabicLetter != 0
	}
	if r < 0x0750 {
		return false
	}
	return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r)
}

// isMark reports whether r is a nonspacing mark: it belongs to the letter
// before it.
func isMark(r rune) bool {
	if r >= 0x0600 && r <= 0x06FF {
		return arabicBlock[r-0x0600]&cMark != 0
	}
	if r < 0x0300 {
		return false
	}
	return unicode.Is(unicode.Mn, r)
}

// isHaraka reports whether r is one of the harakat that StripDiacritics
// removes: U+064B–U+0652 (tanwin, the short vowels, shadda, sukun).
func isHaraka(r rune) bool { return r >= 0x064B && r <= 0x0652 }

// isLatinLetter reports whether r is a letter of the Latin script.
func isLatinLetter(r rune) bool {
	if r < 0x80 {
		return (r|0x20) >= 'a' && (r|0x20) <= 'z'
	}
	return r >= 0xC0 && unicode.Is(unicode.Latin, r)
}

// isDigit reports whether r is an ASCII, Arabic-Indic or Persian digit.
func isDigit(r rune) bool {
	return (r >= '0' && r <= '9') || (r >= 0x0660 && r <= 0x0669) || (r >= 0x06F0 && r <= 0x06F9)
}

// isSpace reports whether r separates tokens: white space other than the
// line feed, which ends lines before the rules see them.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\v', '\f', '\r':
		return true
	}
	if r < 0x85 {
		return false
	}
	return unicode.IsSpace(r)
}

// Bidi classes as the visual-order repair sees them.
const (
	bcNeutral uint8 = iota // spaces, punctuation, symbols
	bcL                    // strong left to right
	bcR                    // strong right to left
	bcDigit                // a digit of any script
	bcSep                  // a common separator that can stand inside a number
	bcMark                 // a nonspacing mark: takes the class before it
)

// bidiClass returns the class of r for the reordering in visual.go. It uses
// the Unicode bidi class from golang.org/x/text/unicode/bidi (LookupRune)
// outside the fast paths.
func bidiClass(r rune) uint8 {
	switch {
	case r < 0x80:
		switch {
		case r >= '0' && r <= '9':
			return bcDigit
		case (r|0x20) >= 'a' && (r|0x20) <= 'z':
			return bcL
		case r == '.' || r == ',' || r == ':' || r == '/':
			return bcSep
		}
		return bcNeutral
	case r >= 0x0600 && r <= 0x06FF:
		c := arabicBlock[r-0x0600]
		switch {
		case c&cArabicLetter != 0:
			return bcR
		case c&cMark != 0:
			return bcMark
		case c&cDigit != 0:
			return bcDigit
		case r == 0x066B || r == 0x066C: // Arabic decimal and thousands separators
			return bcSep
		case r == 0x060C: // Arabic comma
			return bcSep
		}
	}
	p, _ := xbidi.LookupRune(r)
	switch p.Class() {
	case xbidi.L:
		return bcL
	case xbidi.R, xbidi.AL:
		return bcR
	case xbidi.EN, xbidi.AN:
		return bcDigit
	case xbidi.CS:
		return bcSep
	case xbidi.NSM:
		return bcMark
	}
	return bcNeutral
}

// Joining forms of the presentation forms (the tag of their decomposition).
const (
	formNone uint8 = iota
	formIsolated
	formFinal
	formInitial
	formMedial
)

// presForm is a presentation form's NFKC expansion and its joining form.
type presForm struct {
	s    string
	form uint8
}

// bismillah is U+FDFD's expansion. U+FDFD is the one phrase ligature of the
// block that has no NFKC decomposition; the design expands phrase ligatures
// to their words, and its words are not in doubt.
var bismillah = presForm{"بسم الله الرحمن الرحيم", formNone}

// foldForm returns the folding of a presentation form.
func foldForm(r rune) (presForm, bool) {
	if r == 0xFDFD {
		return bismillah, true
	}
	pf, ok := presForms[r]
	return pf, ok
}
