package arabic

// The constants that gen_tables.go reads too (internal/gen.Constants): this
// file declares nothing but constants and their types, so that the package
// and its generator build from one definition.

// The Arabic block: the runes whose UTF-8 form is two bytes with a lead byte
// D8–DB.
const (
	First rune = 0x0600
	Last  rune = 0x06FF
)

// The ranges of the Arabic presentation forms: Presentation Forms-A
// U+FB50–U+FDFF (without the noncharacters U+FDD0–U+FDEF) and Forms-B
// U+FE70–U+FEFC. The runes between them (U+FE00–U+FE6F) are not Arabic.
const (
	FormsFirst rune = 0xFB50
	FormsLast  rune = 0xFEFC
)

// Joining is the form a presentation form draws its letter in: the tag of
// its compatibility decomposition in UnicodeData.txt.
type Joining uint8

// The joining forms.
const (
	NoJoining Joining = iota // none: a plain letter (every presentation form has a tag)
	Isolated
	Final
	Initial
	Medial
)
