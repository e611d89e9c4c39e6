package arabic

// Starts reports whether p[i:] starts with the UTF-8 form of a rune of the
// Arabic block: a lead byte D8–DB and a continuation byte. With RuneAt it is
// the fast path of the loops over Persian and Arabic text: both inline, and
// a loop that branches on Starts compiles to fewer instructions than one
// that would test the ok of a (rune, bool) decode. It reads p[i] first, so
// that a byte of another rune costs one comparison.
func Starts(p []byte, i int) bool {
	return uint(i) < uint(len(p)) && p[i]-0xD8 < 4 && i+1 < len(p) && p[i+1]&0xC0 == 0x80
}

// RuneAt returns the rune of the Arabic block at p[i], where Starts(p, i).
func RuneAt(p []byte, i int) rune {
	return rune(p[i]&0x1F)<<6 | rune(p[i+1]&0x3F)
}
