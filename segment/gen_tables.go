//go:build ignore

// gen_tables.go writes tablesVERSION.go, the rune class trie the segmenter
// reads, with the class values of classes.go (read from it). The classes come from
// Go's unicode package (its Unicode version is recorded in the output), the
// bidi control set from internal/arabic, the direction of each script from
// the bidi classes of its letters (golang.org/x/text/unicode/bidi) and the
// ISO 15924 codes from PropertyValueAliases.txt (Debian's unicode-data
// package). Run with go generate (flags: internal/gen).
package main

import (
	"bytes"
	"fmt"
	"log"
	"sort"
	"unicode"

	"github.com/langsplit/langsplit/internal/arabic"
	"github.com/langsplit/langsplit/internal/gen"
	xbidi "golang.org/x/text/unicode/bidi"
)

// sameCode gives the scripts that the segmenter reads as one: Japanese mixes
// kanji and kana inside words, so both kana scripts are "Jpan" (ISO 15924's
// code for Han with kana) instead of their own codes "Hira" and "Kana".
var sameCode = map[string]string{"Hiragana": "Jpan", "Katakana": "Jpan"}

// noSpace holds the scripts written without spaces between words (ISO
// codes): a word there is counted as one per two letters. No UCD property
// says this.
var noSpace = map[string]bool{"Hani": true, "Jpan": true, "Thai": true, "Laoo": true, "Khmr": true, "Mymr": true, "Tang": true, "Nshu": true, "Yiii": true}

// The class values and script flags, read from classes.go.
var (
	cNeutral, cSpace, cBreak, cInherit, cDigit, cControl, cLatin, cArabic uint8
	sfRTL, sfNoSpace                                                      uint8
)

func loadClasses() {
	defs := gen.Constants("classes.go")
	for name, p := range map[string]*uint8{
		"cNeutral": &cNeutral, "cSpace": &cSpace, "cBreak": &cBreak, "cInherit": &cInherit, "cDigit": &cDigit,
		"cControl": &cControl, "cLatin": &cLatin, "cArabic": &cArabic, "sfRTL": &sfRTL, "sfNoSpace": &sfNoSpace,
	} {
		v, ok := defs[name]
		if !ok {
			log.Fatalf("classes.go declares no %s", name)
		}
		*p = uint8(v)
	}
	if cArabic != cLatin+1 {
		log.Fatal("classes.go: cArabic must follow cLatin, the first letter classes")
	}
}

func main() {
	gen.Init()
	loadClasses()
	gen.NoteVersion(unicode.Version)
	iso := isoCodes()
	names := make([]string, 0, len(unicode.Scripts))
	for n := range unicode.Scripts {
		if iso[n] == "" {
			log.Fatalf("no ISO 15924 code for script %q in PropertyValueAliases.txt: install the unicode-data of Unicode %s", n, unicode.Version)
		}
		names = append(names, n)
	}
	sort.Strings(names)
	// Script codes to class values: Latin and Arabic first, the rest sorted
	// ("Zyyy" names the classes without letters).
	codes := make([]string, cArabic+1)
	codes[cNeutral], codes[cLatin], codes[cArabic] = "Zyyy", "Latn", "Arab"
	classOf := map[string]uint8{"Latn": cLatin, "Arab": cArabic}
	rtl := map[string]bool{}
	for _, n := range names {
		c := iso[n]
		if c == "Zyyy" || c == "Zinh" || classOf[c] != 0 {
			continue
		}
		classOf[c] = uint8(len(codes))
		codes = append(codes, c)
	}
	for _, n := range names {
		if rightToLeft(unicode.Scripts[n]) {
			rtl[iso[n]] = true
		}
	}
	if len(codes) > 256 {
		log.Fatal("too many scripts for a byte")
	}
	class := func(r rune) uint8 {
		switch {
		case r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029:
			return cBreak
		case arabic.IsBidiControl(r) || r == 0xFEFF:
			return cControl
		case r == 0x200C || r == 0x200D || r == 0x0640: // ZWNJ, ZWJ, tatweel
			return cInherit
		case unicode.Is(unicode.Zs, r) || r == '\t':
			return cSpace
		case unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me):
			return cInherit
		case unicode.Is(unicode.Nd, r):
			return cDigit
		case unicode.IsLetter(r):
			for _, n := range names {
				if unicode.Is(unicode.Scripts[n], r) {
					return classOf[iso[n]] // 0 (neutral) for Common and Inherited letters
				}
			}
		}
		return cNeutral
	}

	// Two-level trie: an index by r>>7 into unique 128-entry blocks.
	const shift = 7
	var blocks [][]byte
	seen := map[string]uint16{}
	var index []uint16
	for hi := rune(0); hi <= unicode.MaxRune>>shift; hi++ {
		blk := make([]byte, 1<<shift)
		for lo := range blk {
			blk[lo] = class(hi<<shift | rune(lo))
		}
		k := string(blk)
		id, ok := seen[k]
		if !ok {
			id = uint16(len(blocks))
			seen[k] = id
			blocks = append(blocks, blk)
		}
		index = append(index, id)
	}

	var b bytes.Buffer
	fmt.Fprintf(&b, "// UnicodeVersion is the Unicode version the rune classes were built from.\n")
	fmt.Fprintf(&b, "const UnicodeVersion = %q\n\n", unicode.Version)
	fmt.Fprintf(&b, "const classShift = %d\n\n", shift)
	fmt.Fprintf(&b, "// classIndex maps r>>classShift to a block of classBlocks.\n")
	itype := "uint8"
	if len(blocks) > 256 {
		itype = "uint16"
	}
	fmt.Fprintf(&b, "var classIndex = [%d]%s{", len(index), itype)
	writeItems(&b, len(index), 16, func(i int) any { return index[i] })
	fmt.Fprintf(&b, "\n\n// classBlocks holds the class of every rune, %d runes a block.\n", 1<<shift)
	fmt.Fprintf(&b, "var classBlocks = [%d]uint8{", len(blocks)<<shift)
	writeItems(&b, len(blocks)<<shift, 32, func(i int) any { return blocks[i>>shift][i&(1<<shift-1)] })
	b.WriteString("\n\n// scriptCodes gives the ISO 15924 code of each letter class.\n")
	fmt.Fprintf(&b, "var scriptCodes = [%d]string{", len(codes))
	writeItems(&b, len(codes), 8, func(i int) any { return fmt.Sprintf("%q", codes[i]) })
	b.WriteString("\n\n// scriptFlags gives the direction and spacing of each letter class (sf*).\n")
	fmt.Fprintf(&b, "var scriptFlags = [%d]uint8{", len(codes))
	writeItems(&b, len(codes), 16, func(i int) any {
		f := uint8(0)
		if rtl[codes[i]] {
			f |= sfRTL
		}
		if noSpace[codes[i]] {
			f |= sfNoSpace
		}
		return f
	})
	b.WriteString("\n")
	gen.WriteGo("tables"+unicode.Version+".go", "gen_tables.go", "segment", b.Bytes())
	log.Printf("%d index entries, %d blocks, %d scripts", len(index), len(blocks), len(codes))
}

// writeItems writes the n elements of an array literal, perLine a line,
// each item(i) printed by %v and followed by a comma, and the closing brace
// on a line of its own.
func writeItems(b *bytes.Buffer, n, perLine int, item func(i int) any) {
	for i := range n {
		if i%perLine == 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(b, "%v,", item(i))
	}
	b.WriteString("\n}\n")
}

// isoCodes maps Go's script names to their ISO 15924 codes: the script
// property value aliases of the UCD, and sameCode.
func isoCodes() map[string]string {
	iso := map[string]string{}
	gen.ReadUCD("PropertyValueAliases.txt", func(f []string) {
		if f[0] == "sc" && len(f) >= 3 {
			iso[f[2]] = f[1]
		}
	})
	for n, c := range sameCode {
		iso[n] = c
	}
	return iso
}

// rightToLeft reports whether most letters of script s have a strong
// right-to-left bidi class (R or AL).
func rightToLeft(s *unicode.RangeTable) bool {
	l, r := 0, 0
	each := func(lo, hi, stride rune) {
		for c := lo; c <= hi; c += stride {
			if !unicode.IsLetter(c) {
				continue
			}
			p, _ := xbidi.LookupRune(c)
			switch p.Class() {
			case xbidi.L:
				l++
			case xbidi.R, xbidi.AL:
				r++
			}
		}
	}
	for _, g := range s.R16 {
		each(rune(g.Lo), rune(g.Hi), rune(g.Stride))
	}
	for _, g := range s.R32 {
		each(rune(g.Lo), rune(g.Hi), rune(g.Stride))
	}
	return r > l
}
