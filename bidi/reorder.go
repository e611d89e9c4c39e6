package bidi

// An atom is a unit the reordering never splits: a rune with its folded
// ligature runes, or a whole embedding when words are reordered.
type atom struct {
	start, end int32
	class      uint8
}

// A unit is one or more atoms that keep their order: a number, or a run of
// left-to-right text.
type unit struct {
	start, end int32 // atoms[start:end]
	ltr        bool
}

// Modes of reorder.
const (
	modeRunes = iota // mirrored line, every rune an atom
	modeAtoms        // mirrored line, a folded ligature one atom
	modeWords        // word-reversed line, every top-level embedding one atom
)

// reorder turns the line from visual to logical order as the Unicode bidi
// algorithm lays out a right-to-left paragraph: the units are written in
// reverse, and a left-to-right unit keeps the order inside it. The mode
// says what the atoms are, the pieces that keep their own order.
func (w *work) reorder(mode int) {
	groups := mode == modeWords
	rs, fs := w.runes, w.flags
	atoms := w.atoms[:0]
	gi := 0
	for i := 0; i < len(rs); {
		if groups {
			if gi < len(w.groups) && int(w.groups[gi].start) == i && w.groups[gi].end > w.groups[gi].start {
				g := w.groups[gi]
				c := bcL
				if g.rtl {
					c = bcR
				}
				atoms = append(atoms, atom{g.start, g.end, c})
				i = int(g.end)
				gi++
				continue
			}
			for gi < len(w.groups) && (int(w.groups[gi].end) <= i || int(w.groups[gi].start) < i) {
				gi++ // behind us, or cut by an atom: no longer a unit
			}
			// Outside the embeddings, a run of non-space runes is one
			// word, drawn in its own order.
			if !isSpace(rs[i]) {
				j := i
				c := bcNeutral
				for j < len(rs) && !isSpace(rs[j]) && (gi >= len(w.groups) || int(w.groups[gi].start) > j) {
					switch bidiClass(rs[j]) {
					case bcL:
						c = bcL
					case bcDigit:
						if c == bcNeutral {
							c = bcDigit
						}
					}
					j++
				}
				atoms = append(atoms, atom{int32(i), int32(j), c})
				i = j
				continue
			}
		}
		if w.flagged && fs[i]&fProt != 0 {
			// A URL or e-mail address is written as it came: one
			// left-to-right atom.
			j := i + 1
			for j < len(rs) && fs[j]&fProt != 0 {
				j++
			}
			atoms = append(atoms, atom{int32(i), int32(j), bcL})
			i = j
			continue
		}
		j := clusterEnd(rs, i)
		for mode == modeAtoms && j < len(rs) && fs[j]&fCont != 0 {
			j++
		}
		c := bidiClass(rs[i])
		if c == bcMark {
			c = bcNeutral
			if len(atoms) > 0 {
				c = atoms[len(atoms)-1].class
			}
		}
		atoms = append(atoms, atom{int32(i), int32(j), c})
		i = j
	}
	w.atoms = atoms

	// Numbers: digits with single separators between them.
	units := w.units[:0]
	for i := 0; i < len(atoms); {
		if atoms[i].class != bcDigit {
			units = append(units, unit{int32(i), int32(i + 1), false})
			i++
			continue
		}
		j := i + 1
		for j < len(atoms) {
			if atoms[j].class == bcDigit {
				j++
			} else if atoms[j].class == bcSep && j+1 < len(atoms) && atoms[j+1].class == bcDigit {
				j += 2
			} else {
				break
			}
		}
		units = append(units, unit{int32(i), int32(j), true})
		i = j
	}
	// A number after left-to-right text (nearest strong class L) joins it,
	// and so do the neutrals between two left-to-right units.
	merged := units[:0]
	lastStrong := bcR
	lastLTR := -1 // index in merged of the last left-to-right unit
	for _, u := range units {
		c := atoms[u.start].class
		isL := c == bcL || (u.ltr && lastStrong == bcL)
		if c == bcL || c == bcR {
			lastStrong = c
		}
		if isL && lastLTR >= 0 {
			// Everything since the last LTR unit is neutral: join it all.
			merged = merged[:lastLTR+1]
			merged[lastLTR].end = u.end
			continue
		}
		if isL {
			u.ltr = true
			merged = append(merged, u)
			lastLTR = len(merged) - 1
			continue
		}
		if c == bcR || u.ltr {
			lastLTR = -1
		}
		merged = append(merged, u)
	}
	w.units = merged

	// Write the units in reverse. A paired bracket outside the
	// left-to-right units was drawn mirrored (its glyph is the other
	// bracket's): it is mirrored back.
	tr, tf := w.tmpR[:0], w.tmpF[:0]
	for k := len(merged) - 1; k >= 0; k-- {
		u := merged[k]
		for a := u.start; a < u.end; a++ {
			at := atoms[a]
			from := len(tr)
			tr = append(tr, rs[at.start:at.end]...)
			if !u.ltr && at.class != bcL {
				mirrorBrackets(tr[from:])
			}
			if w.flagged {
				tf = append(tf, fs[at.start:at.end]...)
			}
		}
	}
	copy(rs, tr)
	copy(fs, tf)
	w.tmpR, w.tmpF = tr, tf
}

// mirrorBrackets replaces each paired bracket of rs by its pair.
func mirrorBrackets(rs []rune) {
	for i, r := range rs {
		switch r {
		case '(':
			rs[i] = ')'
		case ')':
			rs[i] = '('
		case '[':
			rs[i] = ']'
		case ']':
			rs[i] = '['
		case '{':
			rs[i] = '}'
		case '}':
			rs[i] = '{'
		case '<':
			rs[i] = '>'
		case '>':
			rs[i] = '<'
		case '«':
			rs[i] = '»'
		case '»':
			rs[i] = '«'
		case '‹':
			rs[i] = '›'
		case '›':
			rs[i] = '‹'
		}
	}
}

// clusterEnd returns the end of the cluster that starts at rs[i], which
// the reordering keeps whole: an emoji with its variation selectors,
// skin-tone modifiers, tags and keycap, a ZWJ sequence of symbols, a pair
// of regional indicators (a flag). Arabic letters around a ZWJ are not
// joined by it: their order is repaired like any other letters'.
func clusterEnd(rs []rune, i int) int {
	j := i + 1
	if isRegional(rs[i]) && j < len(rs) && isRegional(rs[j]) {
		return j + 1
	}
	for j < len(rs) {
		c := rs[j]
		switch {
		case c < 0x200D:
			return j
		case c >= 0xFE00 && c <= 0xFE0F, c == 0x20E3, c >= 0x1F3FB && c <= 0x1F3FF,
			c >= 0xE0020 && c <= 0xE007F, c >= 0xE0100 && c <= 0xE01EF:
			j++
		case c == zwj && j+1 < len(rs) && rs[j-1] >= 0x2000 && !isArabicLetter(rs[j-1]) && !isArabicLetter(rs[j+1]) && !isSpace(rs[j+1]):
			j += 2
		default:
			return j
		}
	}
	return j
}

func isRegional(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }
