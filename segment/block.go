package segment

// Language labels used in Block.Lang.
const (
	LangEnglish = "en"  // Latin script
	LangPersian = "fa"  // Arabic script, Persian
	LangArabic  = "ar"  // Arabic script, Arabic
	LangUnd     = "und" // no letters
	// Other scripts are labelled "und-" + the ISO 15924 code, e.g. "und-Cyrl";
	// Arabic-script text that is neither Persian nor Arabic is "und-Arab".
)

// Direction is the writing direction of a block.
type Direction uint8

// The two directions a block can have.
const (
	LTR Direction = iota // left to right
	RTL                  // right to left
)

// String returns "ltr" or "rtl".
func (d Direction) String() string {
	if d == RTL {
		return "rtl"
	}
	return "ltr"
}

// MarshalText encodes the direction as "ltr" or "rtl", so that JSON and
// other text encodings use the same words as String.
func (d Direction) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// Block is one language block: the byte range Start..End of the UTF-8 text,
// its language label, its ISO 15924 script code and its direction.
// The blocks of a text are contiguous and cover it exactly.
type Block struct {
	Start, End int       // byte offsets; End is exclusive
	Lang       string    // "en", "fa", "ar", "und-Xxxx" or "und"
	Script     string    // ISO 15924: "Latn", "Arab", "Cyrl", …, "Zyyy" when there are no letters
	Dir        Direction // LTR or RTL
}

// Len returns the block's length in bytes.
func (b Block) Len() int { return b.End - b.Start }

// Defaults for Options.
const (
	DefaultMaxInline = 3       // words of another language that stay inside a sentence
	DefaultMaxBlock  = 4 << 20 // bytes: longer blocks are split
	MinMaxBlock      = 4 << 10 // smallest accepted MaxBlock
)

// Options tunes the segmenter. The zero value means the defaults.
type Options struct {
	// MaxInline is the longest run of foreign words, in words, that stays in
	// the language of the sentence around it. 0 means DefaultMaxInline; a
	// negative value turns absorption off, so every foreign word is cut out.
	MaxInline int
	// MaxBlock caps a block's length in bytes: a longer block is split at the
	// best boundary inside the cap (paragraph, line, sentence, space, rune).
	// It also bounds the memory the Scanner needs. 0 means DefaultMaxBlock;
	// values below MinMaxBlock are raised to it.
	MaxBlock int
}

// withDefaults returns o with zero fields replaced by their defaults.
func (o Options) withDefaults() Options {
	if o.MaxInline == 0 {
		o.MaxInline = DefaultMaxInline
	} else if o.MaxInline < 0 {
		o.MaxInline = 0
	}
	if o.MaxBlock == 0 {
		o.MaxBlock = DefaultMaxBlock
	} else if o.MaxBlock < MinMaxBlock {
		o.MaxBlock = MinMaxBlock
	}
	return o
}
