package bidi

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// kind is the rule set of a normalizer.
type kind uint8

const (
	kindBase kind = iota // controls and BOM only: "en" and every other label
	kindAr               // kindBase and presentation forms: "ar"
	kindFa               // the full Persian rules: "fa"
)

// Normalizer is the normalizer of one block language. It implements
// transform.Transformer, so it can be chained with transform.Chain and used
// with transform.NewReader and transform.NewWriter.
//
// The zero Normalizer applies the all-language rules, like New("und",
// Options{}).
//
// A Normalizer keeps state between calls (the unfinished line, output that
// did not fit in dst, the count of repaired lines): it is used by one
// goroutine at a time, and Reset makes it ready for a new input. It does not
// implement transform.SpanningTransformer: the Persian rules decide a whole
// line at a time, so there is no cheap way to tell that a prefix of the input
// is left unchanged.
type Normalizer struct {
	kind    kind
	opts    Options
	maxLine int

	line     []byte // the unfinished line; never longer than maxLine
	out      []byte // normalized bytes not yet copied to dst
	outPos   int
	repaired int
	kashida  bool // the line being cleaned had kashida pieces joined

	w  work      // buffers of the line rules, reused from line to line
	la lookahead // the stretch being read (fa with visual repair)
	// fullEvidence computes the evidence of every line as it comes, with
	// no cheap look first (feedFa): the tests compare the two.
	fullEvidence bool
	// slow turns off plainFa and emitFa's copy of a line already in
	// normal form (work.same), and asCame counts the lines so copied: the
	// tests compare the two ways.
	slow   bool
	asCame int

	// faMap maps U+0600–U+06FF under the Persian rules and options; -1
	// drops the rune.
	faMap [256]rune
}

// New returns the normalizer for a block language label: "fa" (the Persian
// rules and opts), "ar" (controls, BOM and presentation forms) or "en"
// (controls and BOM). Any other label ("und", "und-Cyrl", …) gets the
// all-language rules of "en". Only MaxLine of opts applies to labels other
// than "fa".
func New(lang string, opts Options) *Normalizer {
	n := &Normalizer{opts: opts, maxLine: opts.MaxLine}
	switch lang {
	case "fa":
		n.kind = kindFa
	case "ar":
		n.kind = kindAr
	}
	for c := range n.faMap {
		n.faMap[c] = n.mapRune(rune(0x0600 + c))
	}
	if n.maxLine == 0 {
		n.maxLine = DefaultMaxLine
	} else if n.maxLine < MinMaxLine {
		n.maxLine = MinMaxLine
	}
	return n
}

// Reset drops any unfinished input and pending output and sets the count of
// repaired lines to zero.
func (n *Normalizer) Reset() {
	n.line = n.line[:0]
	n.out = n.out[:0]
	n.outPos = 0
	n.repaired = 0
	n.la.reset()
}

// RepairedLines returns the number of lines repaired since the last Reset:
// it adds up over calls of Transform, and since String and Bytes call Reset
// first, after one of them it counts the lines of that call. It is always 0
// for labels other than "fa" and with Options.NoVisualRepair.
//
// A "fa" line is repaired when PDF extraction left it in visual order and
// its stretch of the input is decided so (see the package documentation),
// or when kashida pieces that extraction cut apart are joined; a run of
// glyph lines joined into one counts once.
func (n *Normalizer) RepairedLines() int { return n.repaired }

// String returns s normalized. It resets the normalizer first.
func (n *Normalizer) String(s string) string {
	n.Reset()
	out := n.appendAll(make([]byte, 0, len(s)+len(s)/8), []byte(s))
	return string(out)
}

// Bytes returns a new slice with b normalized. It resets the normalizer first.
func (n *Normalizer) Bytes(b []byte) []byte {
	n.Reset()
	return n.appendAll(make([]byte, 0, len(b)+len(b)/8), b)
}

// appendAll normalizes the whole input src and appends it to dst, with the
// same line cuts as Transform.
func (n *Normalizer) appendAll(dst, src []byte) []byte {
	if n.maxLine == 0 {
		n.maxLine = DefaultMaxLine // the zero Normalizer
	}
	for len(src) > 0 {
		end := bytes.IndexByte(src, '\n')
		if end < 0 {
			end = len(src)
		}
		if end >= n.maxLine {
			cut := n.cut(src[:n.maxLine])
			dst = n.appendLine(dst, src[:cut], true)
			src = src[cut:]
			continue
		}
		if end < len(src) {
			end++ // the line feed
		}
		dst = n.appendLine(dst, src[:end], false)
		src = src[end:]
	}
	return n.finishFa(dst)
}

// Transform implements transform.Transformer. It holds an unfinished line
// (at most Options.MaxLine bytes) until its line feed or the end of the
// input arrives.
func (n *Normalizer) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	if n.maxLine == 0 {
		n.maxLine = DefaultMaxLine // the zero Normalizer
	}
	for {
		if n.outPos < len(n.out) {
			c := copy(dst[nDst:], n.out[n.outPos:])
			nDst += c
			n.outPos += c
			if n.outPos < len(n.out) {
				return nDst, nSrc, transform.ErrShortDst
			}
		}
		n.out = n.out[:0]
		n.outPos = 0
		if nSrc == len(src) {
			if atEOF && len(n.line) > 0 {
				n.out = n.appendLine(n.out, n.line, false)
				n.line = n.line[:0]
				continue
			}
			if atEOF && len(n.la.lines) > 0 {
				n.out = n.finishFa(n.out)
				continue
			}
			return nDst, nSrc, nil
		}
		rest := src[nSrc:]
		end := bytes.IndexByte(rest, '\n')
		if len(n.line) == 0 && end >= 0 && end < n.maxLine {
			// A whole line in src: no copy into n.line. Write straight
			// into dst when the output surely fits.
			ln := rest[:end+1]
			if avail := len(dst) - nDst; avail >= 2*len(ln)+16 {
				// Capped at len(dst): if the line does not fit after
				// all, append moves it elsewhere and it goes to n.out.
				d := n.appendLine(dst[nDst:nDst:len(dst)], ln, false)
				if len(d) == 0 || &d[0] == &dst[nDst] {
					nDst += len(d)
				} else {
					n.out = append(n.out, d...)
				}
			} else {
				n.out = n.appendLine(n.out, ln, false)
			}
			nSrc += end + 1
			continue
		}
		room := n.maxLine - len(n.line)
		if end >= 0 && end < room {
			n.line = append(n.line, rest[:end+1]...)
			nSrc += end + 1
			n.out = n.appendLine(n.out, n.line, false)
			n.line = n.line[:0]
			continue
		}
		take := min(len(rest), room)
		n.line = append(n.line, rest[:take]...)
		nSrc += take
		if len(n.line) < n.maxLine {
			continue // all of src is held; the loop returns above
		}
		cut := n.cut(n.line)
		n.out = n.appendLine(n.out, n.line[:cut], true)
		n.line = n.line[:copy(n.line, n.line[cut:])]
	}
}

// cut returns where a line that reached maxLine bytes without a line feed is
// cut: after its last space or tab, else at the last rune boundary that
// leaves a non-empty piece.
func (n *Normalizer) cut(b []byte) int {
	if i := bytes.LastIndexAny(b, " \t"); i >= 0 {
		return i + 1
	}
	i := len(b)
	for j := len(b) - 1; j > 0 && j >= len(b)-utf8.UTFMax; j-- {
		if utf8.RuneStart(b[j]) {
			if utf8.FullRune(b[j:]) {
				return len(b)
			}
			i = j
			break
		}
	}
	return i
}

// appendLine appends the normalized form of one line (with its line feed,
// if it has one) to dst. piece is true for the pieces of an overlong line,
// which are not repaired.
func (n *Normalizer) appendLine(dst, line []byte, piece bool) []byte {
	switch n.kind {
	case kindFa:
		if n.opts.NoVisualRepair {
			return n.appendFa(dst, line, piece, lineEvidence{}, 0)
		}
		return n.feedFa(dst, line, piece)
	case kindAr:
		return appendSimple(dst, line, true)
	}
	return appendSimple(dst, line, false)
}
