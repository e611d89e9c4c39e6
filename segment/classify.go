package segment

import "unicode/utf8"

//go:generate go run gen_tables.go

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

// classOf returns the class of r (S1.1).
func classOf(r rune) uint8 {
	if uint32(r) > utf8.MaxRune {
		return cNeutral
	}
	return classBlocks[int(classIndex[r>>classShift])<<classShift|int(r&(1<<classShift-1))]
}

// asciiClass and arabicClass are the classes of U+0000–U+007F and
// U+0600–U+06FF, the two fast paths.
var asciiClass, arabicClass [256]uint8

// undLabels holds "und-Xxxx" for every letter class, so that labels need no
// allocation.
var undLabels [len(scriptCodes)]string

// clsHani and clsJpan are the classes of Han and of kana.
var clsHani, clsJpan uint8

func init() {
	for r := rune(0); r < 0x80; r++ {
		asciiClass[r] = classOf(r)
	}
	for r := rune(0x600); r < 0x700; r++ {
		arabicClass[r-0x600] = classOf(r)
	}
	for i, c := range scriptCodes {
		if c != "" {
			undLabels[i] = "und-" + c
		}
		switch c {
		case "Hani":
			clsHani = uint8(i)
		case "Jpan":
			clsJpan = uint8(i)
		}
	}
}

// decode returns the rune at text[i], its width and its class. An invalid
// byte is a neutral rune of width 1, so that cuts never split a valid
// sequence and never need one.
func decode(text []byte, i int) (r rune, w int, cls uint8) {
	c := text[i]
	if c < utf8.RuneSelf {
		return rune(c), 1, asciiClass[c]
	}
	if c >= 0xD8 && c <= 0xDB && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
		r = rune(c&0x1F)<<6 | rune(text[i+1]&0x3F)
		return r, 2, arabicClass[r-0x600]
	}
	r, w = utf8.DecodeRune(text[i:])
	if r == utf8.RuneError && w == 1 {
		return r, 1, cNeutral
	}
	return r, w, classOf(r)
}

// noSpaceScript reports whether words of letter class cls are written
// without spaces between them (Han, Thai, …).
func noSpaceScript(cls uint8) bool { return scriptFlags[cls]&2 != 0 }

// rtlScript reports whether letter class cls is written right to left.
func rtlScript(cls uint8) bool { return scriptFlags[cls]&1 != 0 }
