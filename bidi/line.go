package bidi

import (
	"bytes"
	"unicode/utf8"
)

// Flags of the runes of a line, parallel to work.runes.
const (
	fProt uint8 = 1 << iota // in a URL or e-mail address: written as it came
	fCont                   // same atom as the rune before: a folded ligature
)

// work holds the buffers of the Persian line rules, reused from line to line
// so that a line costs no allocation once they have grown.
type work struct {
	runes   []rune
	flags   []uint8    // parallel to runes, but only once flagged is set
	flagged bool       // some rune of the line has a flag
	forms   []formSpan // presentation forms folded on this line
	groups  []group    // top-level embeddings (U+202A…U+202C and the like)

	hasArabic     bool // the line has an Arabic-script letter
	zwnjs         int  // ZWNJs among the runes
	asciiDigits   bool // an ASCII digit among the runes
	wide          bool // a rune above U+FFFF among the runes
	outsideArabic int  // Arabic-script letters outside every embedding
	latinWords    int  // runs of Latin letters outside every embedding

	// reorder buffers
	atoms   []atom
	units   []unit
	tmpR    []rune
	tmpF    []uint8
	scratch []byte // a token as mapped
	saved   []rune // the line before a mirror repair that may be undone
	savedF  []uint8
}

// formSpan is a presentation form folded into runes[start:end].
type formSpan struct {
	start, end int32
	form       uint8
}

// group is a top-level embedding or isolate: runes[start:end].
type group struct {
	start, end int32
	rtl        bool // opened by U+202B, U+202E or U+2067
	space      bool // holds a space
	letters    bool // holds an Arabic-script letter
}

func (w *work) reset() {
	w.runes = w.runes[:0]
	w.flags = w.flags[:0]
	w.flagged = false
	w.forms = w.forms[:0]
	w.groups = w.groups[:0]
	w.hasArabic = false
	w.zwnjs = 0
	w.asciiDigits = false
	w.wide = false
	w.outsideArabic = 0
	w.latinWords = 0
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

// appendFa appends the Persian normalization of one line to dst.
func (n *Normalizer) appendFa(dst, line []byte, piece bool) []byte {
	body := line
	nl := len(body) > 0 && body[len(body)-1] == '\n'
	if nl {
		body = body[:len(body)-1]
	}
	if n.opts.Digits != DigitsFa || !bytes.ContainsAny(body, "0123456789") {
		if isASCII(body) {
			return append(dst, line...)
		}
	}
	w := &n.w
	w.reset()
	n.mapFa(body)
	if !piece && !n.opts.NoVisualRepair && w.hasArabic {
		if n.repair() {
			n.repaired++
		}
	}
	// After the repair, which can move digits from token to token.
	if n.opts.Digits == DigitsFa && w.asciiDigits {
		w.persianDigits()
	}
	dst = n.emitFa(dst)
	if nl {
		dst = append(dst, '\n')
	}
	return dst
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

// space ends the token before the space r at body[start] and puts r, noting
// it in the embedding group when inside one (depth > 0).
func (n *Normalizer) space(body []byte, start int, r rune, tok *token, depth int) {
	n.endToken(body, start, tok)
	n.w.put(r, 0)
	if depth > 0 {
		n.w.groups[len(n.w.groups)-1].space = true
	}
}

// mapFa is the first pass of the Persian rules over a line without its line
// feed: it drops the controls, the BOM and tatweel, folds the presentation
// forms, maps the Arabic letters and digits, and fills work.
func (n *Normalizer) mapFa(body []byte) {
	w := &n.w
	latinDigits := n.opts.Digits == DigitsLatin
	strip := n.opts.StripDiacritics
	var tok token
	depth := 0
	prevLatin := false
	if cap(w.runes) < len(body) {
		w.runes = make([]rune, 0, len(body)+len(body)/4)
	}
	fa := &n.faMap
	for i := 0; i < len(body); {
		c := body[i]
		if c >= 0xD8 && c <= 0xDB && i+1 < len(body) && body[i+1]&0xC0 == 0x80 {
			// The Arabic block U+0600–U+06FF: the hot path of Persian.
			if !tok.open {
				tok = token{startRune: len(w.runes), startByte: i, open: true}
			}
			tok.nonASCII = true
			prevLatin = false
			x := fa[uint32(c&0x03)<<6|uint32(body[i+1]&0x3F)]
			i += 2
			if x < 0 {
				continue // tatweel, U+061C, a stripped haraka
			}
			w.runes = append(w.runes, x)
			if w.flagged {
				w.flags = append(w.flags, 0)
			}
			if cx := uint32(x) - 0x0600; cx < 256 && arabicBlock[cx]&cArabicLetter != 0 {
				w.hasArabic = true
				if depth > 0 {
					w.groups[len(w.groups)-1].letters = true
				} else {
					w.outsideArabic++
				}
			}
			continue
		}
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
		}
		start := i
		i += size

		if r < 0x80 {
			if r == ' ' || r == '\t' || r == '\r' || r == '\v' || r == '\f' {
				n.space(body, start, r, &tok, depth)
				prevLatin = false
				continue
			}
			if !tok.open {
				tok = token{startRune: len(w.runes), startByte: start, open: true}
			}
			switch {
			case (r|0x20) >= 'a' && (r|0x20) <= 'z':
				if depth == 0 && !prevLatin {
					w.latinWords++
				}
				prevLatin = true
				w.put(r, 0)
				continue
			case r == '.' || r == '@' || r == ':':
				tok.suspect = true
			case r >= '0' && r <= '9':
				w.asciiDigits = true
			}
			prevLatin = false
			w.put(r, 0)
			continue
		}
		if dropAll(r) {
			switch r {
			case lre, rle, lro, rlo, lri, rli, fsi:
				if depth == 0 {
					w.groups = append(w.groups, group{start: int32(len(w.runes)), end: -1, rtl: r == rle || r == rlo || r == rli})
				}
				depth++
			case pdf, pdi:
				if depth > 0 {
					depth--
					if depth == 0 {
						w.groups[len(w.groups)-1].end = int32(len(w.runes))
					}
				}
			}
			if !tok.open {
				tok = token{startRune: len(w.runes), startByte: start, open: true}
			}
			tok.nonASCII = true
			continue
		}
		if isSpace(r) {
			n.space(body, start, r, &tok, depth)
			prevLatin = false
			continue
		}
		if !tok.open {
			tok = token{startRune: len(w.runes), startByte: start, open: true}
		}
		tok.nonASCII = true
		latin := false
		if r >= 0xFB50 && r <= 0xFEFC {
			if pf, ok := foldForm(r); ok {
				first := len(w.runes)
				for _, x := range pf.s {
					x = n.mapRune(x, latinDigits, strip)
					if x < 0 {
						continue
					}
					f := uint8(0)
					if len(w.runes) > first {
						f = fCont
					}
					w.put(x, f)
					n.noteLetter(x, depth)
				}
				if pf.form != formNone && len(w.runes) > first {
					w.forms = append(w.forms, formSpan{int32(first), int32(len(w.runes)), pf.form})
				}
				prevLatin = false
				continue
			}
		}
		if x := n.mapRune(r, latinDigits, strip); x >= 0 {
			w.put(x, 0)
			n.noteLetter(x, depth)
			latin = x >= 0xC0 && isLatinLetter(x)
		}
		if latin && depth == 0 && !prevLatin {
			w.latinWords++
		}
		prevLatin = latin
	}
	n.endToken(body, len(body), &tok)
	if depth > 0 {
		w.groups[len(w.groups)-1].end = int32(len(w.runes))
	}
}

// noteLetter records an Arabic-script letter for the visual-order evidence.
func (n *Normalizer) noteLetter(r rune, depth int) {
	if !isArabicLetter(r) {
		return
	}
	w := &n.w
	w.hasArabic = true
	if depth > 0 {
		w.groups[len(w.groups)-1].letters = true
	} else {
		w.outsideArabic++
	}
}

// mapRune applies the Persian letter, digit, tatweel and diacritic rules to
// one non-ASCII rune; it returns -1 for a rune that is dropped.
func (n *Normalizer) mapRune(r rune, latinDigits, strip bool) rune {
	if r < 0x0600 || r > 0x06FF {
		return r
	}
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
		w.scratch = w.scratch[:0]
		for _, r := range w.runes[tok.startRune:] {
			w.scratch = utf8.AppendRune(w.scratch, r)
		}
		text = w.scratch
	}
	if isProtected(text) {
		if tok.nonASCII {
			w.runes = w.runes[:tok.startRune]
			if w.flagged {
				w.flags = w.flags[:tok.startRune]
			}
			for len(w.forms) > 0 && int(w.forms[len(w.forms)-1].start) >= tok.startRune {
				w.forms = w.forms[:len(w.forms)-1]
			}
			for _, r := range string(raw) {
				if !dropAll(r) {
					w.put(r, fProt)
				}
			}
		} else {
			if !w.flagged {
				w.materialize()
			}
			for i := tok.startRune; i < len(w.flags); i++ {
				w.flags[i] |= fProt
			}
		}
		return
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

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }
func isASCIIAlnum(c byte) bool  { return isASCIILetter(c) || (c >= '0' && c <= '9') }
