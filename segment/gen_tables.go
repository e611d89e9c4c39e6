//go:build ignore

// gen_tables.go writes tables.go: the rune class trie the segmenter reads,
// built from the tables of Go's unicode package (their Unicode version is
// recorded in the output). Run with `go generate ./segment`.
package main

import (
	"bytes"
	"fmt"
	"go/format"
	"log"
	"os"
	"sort"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Classes; keep in step with classify.go.
const (
	cNeutral = 0
	cSpace   = 1
	cBreak   = 2
	cInherit = 3
	cDigit   = 4
	cControl = 5
	cLatin   = 8
	cArabic  = 9
)

// iso15924 maps Go's script names to ISO 15924 codes (the Script property
// value aliases of the Unicode Character Database).
var iso15924 = map[string]string{
	"Adlam": "Adlm", "Ahom": "Ahom", "Anatolian_Hieroglyphs": "Hluw", "Arabic": "Arab",
	"Armenian": "Armn", "Avestan": "Avst", "Balinese": "Bali", "Bamum": "Bamu",
	"Bassa_Vah": "Bass", "Batak": "Batk", "Bengali": "Beng", "Bhaiksuki": "Bhks",
	"Bopomofo": "Bopo", "Brahmi": "Brah", "Braille": "Brai", "Buginese": "Bugi",
	"Buhid": "Buhd", "Canadian_Aboriginal": "Cans", "Carian": "Cari",
	"Caucasian_Albanian": "Aghb", "Chakma": "Cakm", "Cham": "Cham", "Cherokee": "Cher",
	"Chorasmian": "Chrs", "Common": "Zyyy", "Coptic": "Copt", "Cuneiform": "Xsux",
	"Cypriot": "Cprt", "Cypro_Minoan": "Cpmn", "Cyrillic": "Cyrl", "Deseret": "Dsrt",
	"Devanagari": "Deva", "Dives_Akuru": "Diak", "Dogra": "Dogr", "Duployan": "Dupl",
	"Egyptian_Hieroglyphs": "Egyp", "Elbasan": "Elba", "Elymaic": "Elym", "Ethiopic": "Ethi",
	"Georgian": "Geor", "Glagolitic": "Glag", "Gothic": "Goth", "Grantha": "Gran",
	"Greek": "Grek", "Gujarati": "Gujr", "Gunjala_Gondi": "Gong", "Gurmukhi": "Guru",
	"Han": "Hani", "Hangul": "Hang", "Hanifi_Rohingya": "Rohg", "Hanunoo": "Hano",
	"Hatran": "Hatr", "Hebrew": "Hebr", "Hiragana": "Jpan", "Imperial_Aramaic": "Armi",
	"Inherited": "Zinh", "Inscriptional_Pahlavi": "Phli", "Inscriptional_Parthian": "Prti",
	"Javanese": "Java", "Kaithi": "Kthi", "Kannada": "Knda", "Katakana": "Jpan",
	"Kawi": "Kawi", "Kayah_Li": "Kali", "Kharoshthi": "Khar", "Khitan_Small_Script": "Kits",
	"Khmer": "Khmr", "Khojki": "Khoj", "Khudawadi": "Sind", "Lao": "Laoo", "Latin": "Latn",
	"Lepcha": "Lepc", "Limbu": "Limb", "Linear_A": "Lina", "Linear_B": "Linb", "Lisu": "Lisu",
	"Lycian": "Lyci", "Lydian": "Lydi", "Mahajani": "Mahj", "Makasar": "Maka",
	"Malayalam": "Mlym", "Mandaic": "Mand", "Manichaean": "Mani", "Marchen": "Marc",
	"Masaram_Gondi": "Gonm", "Medefaidrin": "Medf", "Meetei_Mayek": "Mtei",
	"Mende_Kikakui": "Mend", "Meroitic_Cursive": "Merc", "Meroitic_Hieroglyphs": "Mero",
	"Miao": "Plrd", "Modi": "Modi", "Mongolian": "Mong", "Mro": "Mroo", "Multani": "Mult",
	"Myanmar": "Mymr", "Nabataean": "Nbat", "Nag_Mundari": "Nagm", "Nandinagari": "Nand",
	"New_Tai_Lue": "Talu", "Newa": "Newa", "Nko": "Nkoo", "Nushu": "Nshu",
	"Nyiakeng_Puachue_Hmong": "Hmnp", "Ogham": "Ogam", "Ol_Chiki": "Olck",
	"Old_Hungarian": "Hung", "Old_Italic": "Ital", "Old_North_Arabian": "Narb",
	"Old_Permic": "Perm", "Old_Persian": "Xpeo", "Old_Sogdian": "Sogo",
	"Old_South_Arabian": "Sarb", "Old_Turkic": "Orkh", "Old_Uyghur": "Ougr", "Oriya": "Orya",
	"Osage": "Osge", "Osmanya": "Osma", "Pahawh_Hmong": "Hmng", "Palmyrene": "Palm",
	"Pau_Cin_Hau": "Pauc", "Phags_Pa": "Phag", "Phoenician": "Phnx", "Psalter_Pahlavi": "Phlp",
	"Rejang": "Rjng", "Runic": "Runr", "Samaritan": "Samr", "Saurashtra": "Saur",
	"Sharada": "Shrd", "Shavian": "Shaw", "Siddham": "Sidd", "SignWriting": "Sgnw",
	"Sinhala": "Sinh", "Sogdian": "Sogd", "Sora_Sompeng": "Sora", "Soyombo": "Soyo",
	"Sundanese": "Sund", "Syloti_Nagri": "Sylo", "Syriac": "Syrc", "Tagalog": "Tglg",
	"Tagbanwa": "Tagb", "Tai_Le": "Tale", "Tai_Tham": "Lana", "Tai_Viet": "Tavt",
	"Takri": "Takr", "Tamil": "Taml", "Tangsa": "Tnsa", "Tangut": "Tang", "Telugu": "Telu",
	"Thaana": "Thaa", "Thai": "Thai", "Tibetan": "Tibt", "Tifinagh": "Tfng", "Tirhuta": "Tirh",
	"Toto": "Toto", "Ugaritic": "Ugar", "Vai": "Vaii", "Vithkuqi": "Vith", "Wancho": "Wcho",
	"Warang_Citi": "Wara", "Yezidi": "Yezi", "Yi": "Yiii", "Zanabazar_Square": "Zanb",
}

// Right-to-left scripts (ISO codes).
var rtl = map[string]bool{
	"Arab": true, "Hebr": true, "Syrc": true, "Thaa": true, "Nkoo": true, "Samr": true,
	"Mand": true, "Adlm": true, "Rohg": true, "Yezi": true, "Armi": true, "Avst": true,
	"Chrs": true, "Elym": true, "Hatr": true, "Khar": true, "Mani": true, "Mend": true,
	"Merc": true, "Mero": true, "Narb": true, "Nbat": true, "Ougr": true, "Palm": true,
	"Phli": true, "Phlp": true, "Phnx": true, "Prti": true, "Sarb": true, "Sogd": true,
	"Sogo": true, "Hung": true, "Orkh": true, "Cprt": true, "Lydi": true,
}

// Scripts written without spaces between words: a word there is counted as
// two letters.
var noSpace = map[string]bool{"Hani": true, "Jpan": true, "Thai": true, "Laoo": true, "Khmr": true, "Mymr": true, "Tang": true, "Nshu": true, "Yiii": true}

func main() {
	names := make([]string, 0, len(unicode.Scripts))
	for n := range unicode.Scripts {
		if iso15924[n] == "" {
			log.Fatalf("no ISO 15924 code for script %q", n)
		}
		names = append(names, n)
	}
	sort.Strings(names)
	// Script codes to class values: Latin and Arabic first, the rest sorted.
	codes := []string{"Zyyy", "", "", "", "", "", "", "", "Latn", "Arab"}
	classOf := map[string]uint8{"Latn": cLatin, "Arab": cArabic}
	for _, n := range names {
		c := iso15924[n]
		if c == "Zyyy" || c == "Zinh" || classOf[c] != 0 {
			continue
		}
		classOf[c] = uint8(len(codes))
		codes = append(codes, c)
	}
	if len(codes) > 256 {
		log.Fatal("too many scripts for a byte")
	}
	class := func(r rune) uint8 {
		switch {
		case r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029:
			return cBreak
		case r == 0x200E || r == 0x200F || r == 0x061C || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0xFEFF:
			return cControl
		case r == 0x200C || r == 0x200D || r == 0x0640:
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
					return classOf[iso15924[n]] // 0 (neutral) for Common and Inherited letters
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
	// Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFC) to the first
	// rune of their compatibility decomposition, for the Persian/Arabic evidence.
	pres := map[rune]rune{}
	for r := rune(0xFB50); r <= 0xFEFC; r++ {
		if r > 0xFDFF && r < 0xFE70 {
			continue
		}
		d := []rune(norm.NFKC.String(string(r)))
		if len(d) > 0 && d[0] != r && d[0] >= 0x0600 && d[0] <= 0x06FF {
			pres[r] = d[0]
		}
	}

	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by gen_tables.go; DO NOT EDIT.\n\n")
	fmt.Fprintf(&b, "package segment\n\n")
	fmt.Fprintf(&b, "// UnicodeVersion is the Unicode version the rune classes were built from.\n")
	fmt.Fprintf(&b, "const UnicodeVersion = %q\n\n", unicode.Version)
	fmt.Fprintf(&b, "const classShift = %d\n\n", shift)
	fmt.Fprintf(&b, "// classIndex maps r>>classShift to a block of classBlocks.\n")
	itype := "uint8"
	if len(blocks) > 256 {
		itype = "uint16"
	}
	fmt.Fprintf(&b, "var classIndex = [%d]%s{", len(index), itype)
	for i, v := range index {
		if i%16 == 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%d,", v)
	}
	fmt.Fprintf(&b, "\n}\n\n// classBlocks holds the class of every rune, %d runes a block.\n", 1<<shift)
	fmt.Fprintf(&b, "var classBlocks = [%d]uint8{", len(blocks)<<shift)
	for _, blk := range blocks {
		for i, v := range blk {
			if i%32 == 0 {
				b.WriteString("\n")
			}
			fmt.Fprintf(&b, "%d,", v)
		}
	}
	b.WriteString("\n}\n\n// scriptCodes gives the ISO 15924 code of each letter class.\n")
	fmt.Fprintf(&b, "var scriptCodes = [%d]string{", len(codes))
	for i, c := range codes {
		if i%8 == 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%q,", c)
	}
	b.WriteString("\n}\n\n// scriptFlags gives the direction and spacing of each letter class.\n")
	fmt.Fprintf(&b, "var scriptFlags = [%d]uint8{", len(codes))
	for i, c := range codes {
		if i%16 == 0 {
			b.WriteString("\n")
		}
		f := 0
		if rtl[c] {
			f |= 1
		}
		if noSpace[c] {
			f |= 2
		}
		fmt.Fprintf(&b, "%d,", f)
	}
	b.WriteString("\n}\n\n// presentationBase maps an Arabic presentation form r to the first letter of\n// its compatibility decomposition, at r-presentationFirst (0: none).\n")
	fmt.Fprintf(&b, "const presentationFirst, presentationLast = 0x%04X, 0x%04X\n\n", 0xFB50, 0xFEFC)
	fmt.Fprintf(&b, "var presentationBase = [%d]uint16{", 0xFEFC-0xFB50+1)
	for r := rune(0xFB50); r <= 0xFEFC; r++ {
		if (r-0xFB50)%12 == 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "0x%04X,", pres[r])
	}
	b.WriteString("\n}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("tables.go", src, 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("tables.go: %d index entries, %d blocks, %d scripts, %d presentation forms\n", len(index), len(blocks), len(codes), len(pres))
}
