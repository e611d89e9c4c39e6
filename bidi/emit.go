package bidi

import (
	"slices"
	"unicode/utf8"
)

// emitFa is the last pass of the Persian rules: ZWNJ clean-up, affix
// joining, and UTF-8 encoding of the line onto dst.
func (n *Normalizer) emitFa(dst []byte) []byte {
	w := &n.w
	if w.kept && w.same && n.opts.Preset != PresetHazm && !n.slow {
		n.asCame++ // plainFa found nothing to change
		return append(dst, w.src...)
	}
	runes := len(w.runes)
	if w.zwnjs > 0 {
		w.cleanZWNJ() // drops ZWNJs, changes no other rune
	}
	w.hazm = n.opts.Preset == PresetHazm && w.hasArabic
	join := !n.opts.NoAffixJoin && w.hasArabic
	if w.same && !w.hazm && len(w.runes) == runes && !n.slow && (!join || w.spacesKept()) {
		// Every rune would be written as it came: the line is already
		// in normal form.
		n.asCame++
		return append(dst, w.src...)
	}
	if w.hazm {
		w.hazmSpacing()
		if join {
			w.hazmLexicon()
		}
	}
	rs := w.runes
	// Every rune takes at most three bytes (a joined affix turns a space
	// into a three-byte ZWNJ) but a rune above U+FFFF, which takes four.
	need := 3 * len(rs)
	if w.wide {
		need = 4 * len(rs)
	}
	dst = slices.Grow(dst, need)
	b := dst[len(dst) : len(dst)+need]
	k := 0
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == ' ':
			if join && w.flag(i)&fProt == 0 {
				e := i + 1
				for e < len(rs) && rs[e] == ' ' {
					e++
				}
				switch w.joinAt(i, e) {
				case joinZWNJ:
					b[k], b[k+1], b[k+2] = 0xE2, 0x80, 0x8C // ZWNJ
					k += 3
				case keepSpace:
					for ; i < e; i++ {
						b[k] = ' '
						k++
					}
				}
				i = e - 1
				continue
			}
			b[k] = ' '
			k++
		case r < 0x80:
			b[k] = byte(r)
			k++
		case r < 0x800:
			b[k], b[k+1] = byte(0xC0|r>>6), byte(0x80|r&0x3F)
			k += 2
		default:
			k += utf8.EncodeRune(b[k:], r)
		}
	}
	return dst[:len(dst)+k]
}

// spacesKept reports whether emitFa, joining affixes, writes every space of
// the line in work as it stands: no run of spaces becomes a ZWNJ.
func (w *work) spacesKept() bool {
	rs := w.runes
	for i := 0; i < len(rs); i++ {
		if rs[i] != ' ' || w.flag(i)&fProt != 0 {
			continue
		}
		e := i + 1
		for e < len(rs) && rs[e] == ' ' {
			e++
		}
		if w.joinAt(i, e) != keepSpace {
			return false
		}
		i = e - 1
	}
	return true
}
