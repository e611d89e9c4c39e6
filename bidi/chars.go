package bidi

import (
	"unicode"

	"github.com/langsplit/langsplit/internal/arabic"
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

// dropAll reports whether the all-language rules drop r: a bidi control
// (U+200E U+200F U+061C U+202A–U+202E U+2066–U+2069) or U+FEFF.
func dropAll(r rune) bool { return r == bom || arabic.IsBidiControl(r) }

// Character classes of the U+0600–U+06FF block, computed once from the
// unicode tables so that the hot loops need one table load per rune.
const (
	cArabicLetter uint8 = 1 << iota // Arabic-script letter
	cMark                           // nonspacing mark (harakat and the like)
	cDigit                          // Arabic-Indic or Persian digit
)

// arabicBlock holds the classes of U+0600–U+06FF; classTable those of
// every rune below classTableEnd (it includes arabicBlock).
var (
	arabicBlock [256]uint8
	classTable  [classTableEnd]uint8
)

// classTableEnd ends the runes whose class is a table load: up to the
// general punctuation (ZWNJ, ZWJ, the bidi controls).
const classTableEnd = 0x2070

func init() {
	for i := range classTable {
		r := rune(i)
		switch {
		case unicode.IsLetter(r) && unicode.Is(unicode.Arabic, r):
			classTable[i] = cArabicLetter
		case unicode.Is(unicode.Mn, r):
			classTable[i] = cMark
		case r >= 0x0600 && r <= 0x06FF && unicode.IsDigit(r):
			classTable[i] = cDigit
		}
	}
	copy(arabicBlock[:], classTable[0x0600:0x0700])
}

// classOf returns the cArabicLetter and cMark bits of any rune (and cDigit
// in the Arabic block).
func classOf(r rune) uint8 {
	if uint32(r) < classTableEnd {
		return classTable[r]
	}
	return classSlow(r)
}

// classSlow is classOf from classTableEnd on, kept out of line so that the
// fast path inlines.
//
//go:noinline
func classSlow(r rune) uint8 {
	switch {
	case r < 0x20D0:
		return 0
	case unicode.Is(unicode.Mn, r):
		return cMark
	case r >= 0xFB50 && unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r):
		return cArabicLetter
	}
	return 0
}

// isArabicLetter reports whether r is a letter of the Arabic script.
func isArabicLetter(r rune) bool { return classOf(r)&cArabicLetter != 0 }

// isMark reports whether r is a nonspacing mark: it belongs to the letter
// before it.
func isMark(r rune) bool { return classOf(r)&cMark != 0 }

// isHaraka reports whether r is one of the harakat that StripDiacritics
// removes: U+064B–U+0652 (tanwin, the short vowels, shadda, sukun).
func isHaraka(r rune) bool { return r >= 0x064B && r <= 0x0652 }

// isLatinLetter reports whether r is a letter of the Latin script.
func isLatinLetter(r rune) bool {
	if r < 0x80 {
		return (r|0x20) >= 'a' && (r|0x20) <= 'z'
	}
	if r < 0xC0 {
		return r == 0xAA || r == 0xBA // ª º
	}
	if (r >= 0x02E5 && r < 0x1D00) || (r >= 0x2000 && r < 0x2071) {
		return false // no Latin from the modifier letters to Georgian (Arabic included), nor in ZWNJ and the controls
	}
	return unicode.Is(unicode.Latin, r)
}

// isDigit reports whether r is an ASCII, Arabic-Indic or Persian digit.
func isDigit(r rune) bool {
	return (r >= '0' && r <= '9') || (r >= 0x0660 && r <= 0x0669) || (r >= 0x06F0 && r <= 0x06F9)
}

// isSpace reports whether r separates tokens: white space (Unicode's
// White_Space, as unicode.IsSpace) other than the line feed, which ends lines
// before the rules see them.
func isSpace(r rune) bool {
	if r < 0x80 {
		return r == ' ' || (r >= '\t' && r <= '\r' && r != '\n')
	}
	switch {
	case r < 0x2000:
		return r == 0x85 || r == 0xA0 || r == 0x1680
	case r <= 0x200A, r == 0x2028, r == 0x2029, r == 0x202F, r == 0x205F, r == 0x3000:
		return true
	}
	return false
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
	if r == zwnj || r == zwj {
		return bcNeutral
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

// bismillah is U+FDFD's expansion. U+FDFD is the one phrase ligature of the
// block that has no NFKC decomposition; the design expands phrase ligatures
// to their words, and its words are not in doubt.
var bismillah = arabic.Form{Text: "بسم الله الرحمن الرحيم", Base: 'ب'}

// foldForm returns the folding of a presentation form: its NFKC expansion
// (internal/arabic's table), or the bismillah's words for U+FDFD.
func foldForm(r rune) (arabic.Form, bool) {
	if r == 0xFDFD {
		return bismillah, true
	}
	return arabic.Presentation(r)
}
