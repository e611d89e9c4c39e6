package bidi

import (
	"bytes"
	"unicode/utf8"

	"github.com/langsplit/langsplit/internal/arabic"
)

// Character cleaning: the first pass of the Persian rules over one line. It
// maps the runes (letters, digits, tatweel, diacritics, controls, the
// presentation forms) and protects URLs and e-mail addresses; what it drops
// or folds that the visual-order part needs (the embeddings, the forms) it
// records in work.ctrls and work.forms, and nothing more: the evidence of
// visual order is weighed in visual.go.

// Flags of the runes of a line, parallel to work.runes.
const (
	fProt uint8 = 1 << iota // in a URL or e-mail address: written as it came
	fCont                   // same atom as the rune before: a folded ligature
	fLost                   // a meem drawn joined to a letter that has no text (see restoreYe)
)

// work holds the buffers of the Persian line rules, reused from line to line
// so that a line costs no allocation once they have grown.
type work struct {
	runes   []rune
	flags   []uint8    // parallel to runes, but only once flagged is set
	flagged bool       // some rune of the line has a flag
	forms   []formSpan // presentation forms folded on this line
	ctrls   []ctrl     // embedding and override controls dropped on this line

	hasArabic   bool // the line has an Arabic-script letter
	zwnjs       int  // ZWNJs among the runes
	asciiDigits bool // an ASCII digit among the runes
	wide        bool // a rune above U+FFFF among the runes
	hazm        bool // the hazm preset applies to the line (emit.go, hazm.go)
	tatweel     bool // a tatweel was dropped
	fwd         int8 // forward: 0 not computed yet, 1 false, 2 true
	// same: runes are the runes of src, one for one, unchanged (mapFa
	// changed nothing, and nothing has changed them since), so that
	// emitFa can write src as it is when it would write every rune and
	// space as it stands.
	same bool
	src  []byte
	// kept: besides same, every ZWNJ stands between two letters and no
	// run of spaces may take an affix (plainFa): emitFa writes src with
	// no further look.
	kept bool

	// visual-order buffers (visual.go, reorder.go)
	groups  []group
	atoms   []atom
	units   []unit
	tmpR    []rune
	tmpF    []uint8
	scratch []byte // a token as mapped
	joined  []byte // a line with its kashida pieces joined
	saved   []rune // the line before a mirror repair that may be undone
	savedF  []uint8
	memo    *lexMemo // wordScore's memory of words, made on its first use
}

// formSpan is a presentation form folded into runes[start:end].
type formSpan struct {
	start, end int32
	form       arabic.Joining
}

// ctrl is a bidi control that cleaning dropped before runes[at].
type ctrl struct {
	at int32
	r  rune
}

func (w *work) reset() {
	w.runes = w.runes[:0]
	w.flags = w.flags[:0]
	w.flagged = false
	w.forms = w.forms[:0]
	w.ctrls = w.ctrls[:0]
	w.hasArabic = false
	w.zwnjs = 0
	w.asciiDigits = false
	w.wide = false
	w.tatweel = false
	w.fwd = 0
	w.same = false
	w.src = nil
	w.kept = false
}

// token gathers what the rules need to know about one whitespace-delimited
// token of the line.
type token struct {
	startRune int // index in work.runes
	startByte int // index in the line
	open      bool
	suspect   bool // holds '.', '@' or ':': may be a URL or an e-mail address
	nonASCII  bool // holds a rune that a rule may have changed
}

func isASCII(b []byte) bool {
	for len(b) >= 8 {
		x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		if x&0x8080808080808080 != 0 {
			return false
		}
		b = b[8:]
	}
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// put appends one rune with its flags.
func (w *work) put(r rune, f uint8) {
	w.runes = append(w.runes, r)
	if r >= zwnj {
		if r == zwnj {
			w.zwnjs++
		} else if r > 0xFFFF {
			w.wide = true
		}
	}
	if f != 0 || w.flagged {
		if !w.flagged {
			w.materialize()
			w.flags = w.flags[:len(w.flags)-1]
		}
		w.flags = append(w.flags, f)
	}
}

// materialize makes flags as long as runes, all clear, and sets flagged.
func (w *work) materialize() {
	w.flags = w.flags[:0]
	for range w.runes {
		w.flags = append(w.flags, 0)
	}
	w.flagged = true
}

// flag returns the flags of rune i.
func (w *work) flag(i int) uint8 {
	if !w.flagged {
		return 0
	}
	return w.flags[i]
}

// space ends the token before the space r at body[start] and puts r.
func (n *Normalizer) space(body []byte, start int, r rune, tok *token) {
	n.endToken(body, start, tok)
	n.w.put(r, 0)
}

// mapFa is the first pass of the Persian rules over a line without its line
// feed: it drops the controls, the BOM and tatweel, folds the presentation
// forms, maps the Arabic letters and digits, and fills work.
func (n *Normalizer) mapFa(body []byte) {
	w := &n.w
	var tok token
	if cap(w.runes) < len(body) {
		w.runes = make([]rune, 0, len(body)+len(body)/4)
	}
	fa := &n.faMap
	w.same, w.src = len(w.runes) == 0, body
	for i := 0; i < len(body); {
		if arabic.Starts(body, i) {
			ar := arabic.RuneAt(body, i)
			// The Arabic block U+0600–U+06FF: the hot path of Persian.
			if !tok.open {
				tok = token{startRune: len(w.runes), startByte: i, open: true}
			}
			tok.nonASCII = true
			x := fa[uint8(ar-arabic.First)]
			i += 2
			if x != ar {
				w.same = false
			}
			if x < 0 {
				if ar == tatweel {
					w.tatweel = true
				}
				continue // tatweel, U+061C, a stripped haraka
			}
			w.runes = append(w.runes, x)
			if w.flagged {
				w.flags = append(w.flags, 0)
			}
			if cx := uint32(x) - 0x0600; cx < 256 && arabicBlock[cx]&cArabicLetter != 0 {
				w.hasArabic = true
			}
			continue
		}
		c := body[i]
		var r rune
		size := 1
		switch {
		case c < 0x80:
			r = rune(c)
		case c >= 0xC2 && c < 0xE0 && i+1 < len(body) && body[i+1]&0xC0 == 0x80:
			r = rune(c&0x1F)<<6 | rune(body[i+1]&0x3F)
			size = 2
		default:
			r, size = utf8.DecodeRune(body[i:])
			if size == 1 {
				w.same = false // an invalid byte: written as U+FFFD
			}
		}
		start := i
		i += size

		if r < 0x80 {
			if r == ' ' || r == '\t' || r == '\r' || r == '\v' || r == '\f' {
				n.space(body, start, r, &tok)
				continue
			}
			if !tok.open {
				tok = token{startRune: len(w.runes), startByte: start, open: true}
			}
			switch {
			case r == '.' || r == '@' || r == ':':
				tok.suspect = true
			case r >= '0' && r <= '9':
				w.asciiDigits = true
			}
			w.put(r, 0)
			continue
		}
		if dropAll(r) {
			w.same = false
			if r >= lre && r <= rlo || r == pdf {
				w.ctrls = append(w.ctrls, ctrl{int32(len(w.runes)), r})
			}
			if !tok.open {
				tok = token{startRune: len(w.runes), startByte: start, open: true}
			}
			tok.nonASCII = true
			continue
		}
		if isSpace(r) {
			n.space(body, start, r, &tok)
			continue
		}
		if !tok.open {
			tok = token{startRune: len(w.runes), startByte: start, open: true}
		}
		tok.nonASCII = true
		n.putMapped(r)
		if (r == meemInitial || r == meemMedial) && !n.opts.NoVisualRepair && lostAfter(body, start, i) {
			if !w.flagged {
				w.materialize()
			}
			w.flags[len(w.flags)-1] |= fLost
		}
	}
	n.endToken(body, len(body), &tok)
}

// plainFa is mapFa for a line whose runes cleaning leaves as they are, in
// one simpler pass: when every rune of the line body maps to itself (ASCII,
// runes of the Arabic block that the Persian rules keep, and any other
// valid rune that is not a control, a space other than ASCII, or a
// presentation form) and no token is a URL or e-mail address (isProtected,
// as mapFa's endToken asks it), it fills work exactly as mapFa would and
// returns true; else it returns false and leaves work as it was (reset:
// the caller then calls mapFa). It also sets work.kept when emitFa is sure
// to write the runes as they are: every ZWNJ between two letters of the
// block, and no run of spaces that joinAt might join (after a mark, after
// ی that follows م or a mark, before ه followed by ا or a mark).
func (n *Normalizer) plainFa(body []byte) bool {
	w := &n.w
	if cap(w.runes) < len(body) {
		w.runes = make([]rune, 0, len(body)+len(body)/4)
	}
	rs := w.runes[:0]
	fa := &n.faMap
	// What the line holds so far, in one word so that the loop keeps its
	// state in registers.
	const (
		pArabic  = 1 << iota // an Arabic-script letter
		pDigits              // an ASCII digit
		pWide                // a rune above U+FFFF
		pDoubt               // a ZWNJ or a run of spaces that emitFa must decide (not kept)
		pSuspect             // the token since the last ASCII space holds '.', '@' or ':'
		pAddr                // it holds an ASCII letter, '@' or ':', without which isProtected accepts no token
		pLetter              // the last rune that is no mark is an Arabic-script letter
		pMark                // the last rune is a mark
	)
	var st uint8
	plural := int8(0) // 1: the last rune is ' ', 2: after ' ' and ه
	zwnjs, tokStart := 0, 0
	for i := 0; i < len(body); {
		if arabic.Starts(body, i) {
			ar := arabic.RuneAt(body, i)
			cx := uint8(ar - arabic.First)
			if fa[cx] != ar {
				return false
			}
			cl := arabicBlock[cx]
			if cl&cMark != 0 {
				st |= pMark
				if plural == 2 {
					st |= pDoubt
				}
				plural = 0
			} else {
				st &^= pMark | pLetter
				if cl&cArabicLetter != 0 {
					st |= pLetter | pArabic
				}
				switch {
				case plural == 2 && ar == 'ا':
					st |= pDoubt
				case plural == 1 && ar == 'ه':
					plural = 2
					rs = append(rs, ar)
					i += 2
					continue
				}
				plural = 0
			}
			rs = append(rs, ar)
			i += 2
			continue
		}
		c := body[i]
		if c < utf8.RuneSelf {
			i++
			switch c {
			case ' ', '\t', '\r', '\v', '\f':
				if st&(pSuspect|pAddr) == pSuspect|pAddr && isProtected(body[tokStart:i-1]) {
					return false // an address: endToken protects or writes it again
				}
				tokStart = i
				if c == ' ' && plural != 1 {
					// The start of a run of spaces.
					if k := len(rs); k >= 2 && (st&pMark != 0 || rs[k-1] == 'ی' && (rs[k-2] == 'م' || isMark(rs[k-2]))) {
						st |= pDoubt
					}
				}
				st &^= pSuspect | pAddr
				plural = 0
				if c == ' ' {
					plural = 1
				}
			case '.':
				st |= pSuspect
				plural = 0
			case '@', ':':
				st |= pSuspect | pAddr
				plural = 0
			default:
				if c >= '0' && c <= '9' {
					st |= pDigits
				} else if isASCIILetter(c) {
					st |= pAddr
				}
				plural = 0
			}
			st &^= pLetter | pMark
			rs = append(rs, rune(c))
			continue
		}
		var r rune
		size := 2
		if c >= 0xC2 && c < 0xE0 && i+1 < len(body) && body[i+1]&0xC0 == 0x80 {
			r = rune(c&0x1F)<<6 | rune(body[i+1]&0x3F)
		} else if r, size = utf8.DecodeRune(body[i:]); size == 1 {
			return false // invalid: written as U+FFFD
		}
		if dropAll(r) || isSpace(r) || r >= arabic.FormsFirst && r <= arabic.FormsLast {
			return false
		}
		cl := classOf(r)
		switch {
		case r == zwnj:
			zwnjs++
			if st&pLetter == 0 || !arabic.Starts(body, i+3) || arabicBlock[uint8(arabic.RuneAt(body, i+3)-arabic.First)]&cArabicLetter == 0 {
				st |= pDoubt // cleanZWNJ decides it
			}
		case plural == 2 && cl&cMark != 0:
			st |= pDoubt
		}
		if cl&cMark != 0 {
			st |= pMark
		} else {
			st &^= pMark | pLetter
			if cl&cArabicLetter != 0 {
				st |= pLetter | pArabic
			}
		}
		if r > 0xFFFF {
			st |= pWide
		}
		plural = 0
		rs = append(rs, r)
		i += size
	}
	if st&(pSuspect|pAddr) == pSuspect|pAddr && isProtected(body[tokStart:]) {
		return false
	}
	w.runes = rs
	w.hasArabic, w.asciiDigits, w.zwnjs, w.wide = st&pArabic != 0, st&pDigits != 0, zwnjs, st&pWide != 0
	w.same, w.src, w.kept = true, body, st&pDoubt == 0
	return true
}

// putMapped puts a non-ASCII rune that is not a control: a presentation
// form folded (and recorded in work.forms), any other rune mapped.
func (n *Normalizer) putMapped(r rune) {
	w := &n.w
	if r >= arabic.FormsFirst && r <= arabic.FormsLast {
		if pf, ok := foldForm(r); ok {
			w.same = false
			first := len(w.runes)
			for _, x := range pf.Text {
				if x = n.mapRune(x); x < 0 {
					continue
				}
				f := uint8(0)
				if len(w.runes) > first {
					f = fCont
				}
				w.put(x, f)
				if isArabicLetter(x) {
					w.hasArabic = true
				}
			}
			if pf.Joining != arabic.NoJoining && len(w.runes) > first {
				w.forms = append(w.forms, formSpan{int32(first), int32(len(w.runes)), pf.Joining})
			}
			return
		}
	}
	x := n.mapRune(r)
	if x != r {
		w.same = false
	}
	if x >= 0 {
		w.put(x, 0)
		if isArabicLetter(x) {
			w.hasArabic = true
		}
	}
}

// mapRune applies the Persian letter, digit, tatweel and diacritic rules to
// one non-ASCII rune; it returns -1 for a rune that is dropped.
func (n *Normalizer) mapRune(r rune) rune {
	if r < 0x0600 || r > 0x06FF {
		return r
	}
	latinDigits, strip := n.opts.Digits == DigitsLatin, n.opts.StripDiacritics
	switch {
	case r == 0x061C:
		return -1 // a bidi control
	case r == 0x064A || r == 0x0649:
		return farsiYe
	case r == 0x0643:
		return keheh
	case r == tatweel:
		return -1
	case r >= 0x0660 && r <= 0x0669:
		if latinDigits {
			return '0' + r - 0x0660
		}
		return 0x06F0 + r - 0x0660
	case r >= 0x06F0 && r <= 0x06F9:
		if latinDigits {
			return '0' + r - 0x06F0
		}
	case strip && isHaraka(r):
		return -1
	}
	return r
}

// endToken closes the token that ends at byte end of body: a URL or e-mail
// address is written again as it came (without controls).
func (n *Normalizer) endToken(body []byte, end int, tok *token) {
	if !tok.open {
		return
	}
	tok.open = false
	w := &n.w
	raw := body[tok.startByte:end]
	if !tok.suspect {
		return
	}
	text := raw
	if tok.nonASCII {
		// Decide on the token as the next pass sees it: mapped (no
		// controls, no tatweel, letters folded).
		if !mayBeProtected(w.runes[tok.startRune:]) {
			return
		}
		w.scratch = w.scratch[:0]
		for _, r := range w.runes[tok.startRune:] {
			w.scratch = utf8.AppendRune(w.scratch, r)
		}
		text = w.scratch
	}
	if !isProtected(text) {
		return
	}
	if !tok.nonASCII {
		if !w.flagged {
			w.materialize()
		}
		for i := tok.startRune; i < len(w.flags); i++ {
			w.flags[i] |= fProt
		}
		return
	}
	// Write the token again as it came, without controls: but Persian
	// glued before the address ("ایمیلuser@example.org") is not part of
	// it and is mapped as usual, and a presentation form, which no
	// address holds, is folded wherever it stands.
	w.same = false // not worth telling when the token comes out as it was
	w.runes = w.runes[:tok.startRune]
	if w.flagged {
		w.flags = w.flags[:tok.startRune]
	}
	for len(w.forms) > 0 && int(w.forms[len(w.forms)-1].start) >= tok.startRune {
		w.forms = w.forms[:len(w.forms)-1]
	}
	for len(w.ctrls) > 0 && int(w.ctrls[len(w.ctrls)-1].at) >= tok.startRune {
		w.ctrls = w.ctrls[:len(w.ctrls)-1]
	}
	lead := true
	for _, r := range string(raw) {
		switch {
		case dropAll(r):
			if r >= lre && r <= rlo || r == pdf {
				w.ctrls = append(w.ctrls, ctrl{int32(len(w.runes)), r})
			}
			continue
		case r < utf8.RuneSelf:
			lead = false
		case lead:
			n.putMapped(r)
			continue
		case r >= arabic.FormsFirst && r <= arabic.FormsLast:
			if pf, ok := foldForm(r); ok {
				for _, x := range pf.Text {
					w.put(x, fProt)
				}
				continue
			}
		}
		w.put(r, fProt)
	}
}

// persianDigits is the DigitsFa rule: the ASCII digits of a token (a run of
// runes between white space) become Persian unless the token holds a Latin
// letter, is part of a URL or e-mail address, or is a version or address
// with two dots or more. Tokens are taken after the mapping and the repair,
// so that they are cut as they will be cut on the next pass (a folded
// ligature's spaces cut tokens; a repair can move digits between them).
func (w *work) persianDigits() {
	rs := w.runes
	for i := 0; i < len(rs); {
		if isSpace(rs[i]) {
			i++
			continue
		}
		j := i
		digits, skip, dots := false, false, 0
		for ; j < len(rs) && !isSpace(rs[j]); j++ {
			r := rs[j]
			switch {
			case r >= '0' && r <= '9':
				digits = true
			case r == '.' && j > i && j+1 < len(rs) && isASCIIDigit(rs[j-1]) && isASCIIDigit(rs[j+1]):
				dots++
			case isLatinLetter(r) || w.flag(j)&fProt != 0:
				skip = true
			}
		}
		if digits && !skip && dots < 2 {
			for k := i; k < j; k++ {
				if r := rs[k]; r >= '0' && r <= '9' {
					rs[k] = 0x06F0 + r - '0'
					w.same = false
				}
			}
		}
		i = j
	}
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// isProtected reports whether a token is a URL, an e-mail address or a
// domain name ("https://…", "www.…", "user@example.org", "example.com/x").
func isProtected(t []byte) bool {
	if bytes.Contains(t, []byte("://")) {
		return true
	}
	// Skip opening punctuation: "(www.example.com)".
	s := t
	for len(s) > 0 && bytes.IndexByte([]byte("([{<\"'«"), s[0]) >= 0 {
		s = s[1:]
	}
	if len(s) >= 4 && (s[0]|0x20) == 'w' && (s[1]|0x20) == 'w' && (s[2]|0x20) == 'w' && s[3] == '.' {
		return true
	}
	if at := bytes.IndexByte(t, '@'); at > 0 && at+1 < len(t) && isASCIIAlnum(t[at-1]) && isASCIIAlnum(t[at+1]) {
		return true
	}
	// A domain: an ASCII letter or digit, a dot, two ASCII letters.
	for i := 1; i+2 < len(t); i++ {
		if t[i] == '.' && isASCIIAlnum(t[i-1]) && isASCIILetter(t[i+1]) && isASCIILetter(t[i+2]) {
			return true
		}
	}
	return false
}

// mayBeProtected reports whether a token of runes may be what isProtected
// accepts: every kind of address it knows holds an ASCII letter, '@' or
// ':' (a quick look that spares most Persian tokens with a full stop their
// encoding and isProtected).
func mayBeProtected(rs []rune) bool {
	for _, r := range rs {
		if r == '@' || r == ':' || r < utf8.RuneSelf && isASCIILetter(byte(r)) {
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }
func isASCIIAlnum(c byte) bool  { return isASCIILetter(c) || (c >= '0' && c <= '9') }

// cleanZWNJ keeps a ZWNJ only between two Arabic-script letters (marks in
// between are skipped) and makes a run of them one; the ZWNJs of URLs and
// e-mail addresses are left alone.
func (w *work) cleanZWNJ() {
	if !w.flagged {
		w.cleanZWNJPlain()
		return
	}
	rs, fs := w.runes, w.flags
	j := 0
	base := rune(-1) // the last rune written that is not a mark
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r != zwnj || fs[i]&fProt != 0 {
			rs[j], fs[j] = r, fs[i]
			j++
			if classOf(r)&cMark == 0 {
				base = r
			}
			continue
		}
		k := i
		for k+1 < len(rs) && rs[k+1] == zwnj && fs[k+1]&fProt == 0 {
			k++
		}
		m := k + 1
		for m < len(rs) && isMark(rs[m]) {
			m++
		}
		if base >= 0 && m < len(rs) && isArabicLetter(base) && isArabicLetter(rs[m]) {
			rs[j], fs[j] = zwnj, fs[i]
			j++
			base = zwnj
		}
		i = k
	}
	w.runes, w.flags = rs[:j], fs[:j]
}

// cleanZWNJPlain is cleanZWNJ for a line without flags.
func (w *work) cleanZWNJPlain() {
	rs := w.runes
	j := 0
	base := rune(-1)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r != zwnj {
			rs[j] = r
			j++
			if classOf(r)&cMark == 0 {
				base = r
			}
			continue
		}
		k := i
		for k+1 < len(rs) && rs[k+1] == zwnj {
			k++
		}
		m := k + 1
		for m < len(rs) && isMark(rs[m]) {
			m++
		}
		if base >= 0 && m < len(rs) && isArabicLetter(base) && isArabicLetter(rs[m]) {
			rs[j] = zwnj
			j++
			base = zwnj
		}
		i = k
	}
	w.runes = rs[:j]
}
