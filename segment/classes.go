package segment

// The values the generated tables hold: the rune classes (classBlocks) and
// the script flags (scriptFlags). gen_tables.go reads them from this file,
// so that the package and its tables cannot disagree; the file declares
// nothing but constants.

// Rune classes. Values from cLatin up are letter classes: one per script,
// named by scriptCodes.
const (
	cNeutral uint8 = 0 // punctuation, symbols, emoji, unassigned, invalid bytes
	cSpace   uint8 = 1 // horizontal white space, tab included
	cBreak   uint8 = 2 // line breaks: LF, CR, VT, FF, NEL, U+2028, U+2029
	cInherit uint8 = 3 // combining marks, ZWNJ, ZWJ, tatweel: part of the word before
	cDigit   uint8 = 4 // decimal digits of any script
	cControl uint8 = 5 // bidi controls and U+FEFF: neutral and transparent
	cLatin   uint8 = 8 // first letter class
	cArabic  uint8 = 9
)

// Script flags of a letter class (scriptFlags).
const (
	sfRTL     uint8 = 1 << iota // written right to left
	sfNoSpace                   // written without spaces between words: a word counts as one per two letters
)
