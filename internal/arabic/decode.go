package arabic

// The Arabic block: the runes whose UTF-8 form is two bytes with a lead byte
// D8–DB.
const (
	First rune = 0x0600
	Last  rune = 0x06FF
)

// Decode returns the rune of the Arabic block whose UTF-8 form starts at
// p[i]; ok is false when p[i:] does not start with one (a lead byte D8–DB
// and a continuation byte), and then r is 0. It inlines: it is the fast
// path of the loops over Persian and Arabic text. i must not be negative.
func Decode(p []byte, i int) (r rune, ok bool) {
	if i+1 < len(p) && p[i]-0xD8 < 4 && p[i+1]&0xC0 == 0x80 {
		return rune(p[i]&0x1F)<<6 | rune(p[i+1]&0x3F), true
	}
	return 0, false
}
