package arabic

// IsBidiControl reports whether r is a bidi control: U+200E U+200F
// (LRM, RLM), U+061C (ALM), U+202A–U+202E (the embeddings and overrides)
// or U+2066–U+2069 (the isolates). They carry no letters: segment reads
// them as transparent, and every bidi normalizer strips them.
func IsBidiControl(r rune) bool {
	return r == '\u200E' || r == '\u200F' || r == '\u061C' ||
		(r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069')
}
