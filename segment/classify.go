package segment

import (
	"unicode/utf8"

	"github.com/langsplit/langsplit/internal/arabic"
)

//go:generate go run gen_tables.go

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
	if arabic.Starts(text, i) {
		r = arabic.RuneAt(text, i)
		return r, 2, arabicClass[uint8(r-arabic.First)]
	}
	r, w = utf8.DecodeRune(text[i:])
	if r == utf8.RuneError && w == 1 {
		return r, 1, cNeutral
	}
	return r, w, classOf(r)
}

// noSpaceScript reports whether words of letter class cls are written
// without spaces between them (Han, Thai, …).
func noSpaceScript(cls uint8) bool { return scriptFlags[cls]&sfNoSpace != 0 }

// rtlScript reports whether letter class cls is written right to left.
func rtlScript(cls uint8) bool { return scriptFlags[cls]&sfRTL != 0 }
