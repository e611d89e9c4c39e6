package htmltext

import "bytes"

// Hidden elements.
//
// An element with the hidden attribute, or with display:none in its style
// attribute, is not shown by a browser, and neither is anything in it: the
// extractor drops it, as it drops a script. Only elements whose end tag is
// required are dropped this way (div, span, section, a, table, h1, …):
// where an end tag may be left out (p, li, td, option, …) the end of the
// element is not in the markup, and an extractor that guessed it wrong
// would drop visible text. The same care inside a hidden element: its
// descendants are kept on a small stack, and an end tag that closes none of
// them (a misnested page closing an ancestor) ends the hidden element
// there; so does a nesting deeper than the stack.

// maxHidden is the depth of elements tracked inside a hidden one.
const maxHidden = 32

// hiddenState is the state of a hidden element being dropped.
type hiddenState struct {
	n     int // elements open: the hidden one and those inside it; 0 when none
	names [maxHidden]struct {
		n int
		b [16]byte
	}
}

// push notes an element opened; it reports false when the stack is full.
func (h *hiddenState) push(name []byte) bool {
	if h.n == maxHidden {
		return false
	}
	e := &h.names[h.n]
	e.n = copy(e.b[:], name)
	h.n++
	return true
}

// pop closes the innermost open element of that name and those opened
// after it; it reports false when none is open.
func (h *hiddenState) pop(name []byte) bool {
	for i := h.n - 1; i >= 0; i-- {
		if e := &h.names[i]; string(e.b[:e.n]) == string(name) {
			h.n = i
			return true
		}
	}
	return false
}

// optionalEnd reports whether an element's end tag may be left out (HTML's
// "optional tags"), or whether it is an element of the page's frame.
func optionalEnd(name []byte) bool {
	switch string(name) {
	case "p", "li", "dt", "dd", "option", "optgroup", "rb", "rt", "rtc", "rp",
		"tr", "td", "th", "thead", "tbody", "tfoot", "caption", "colgroup",
		"html", "head", "body":
		return true
	}
	return false
}

// hides reports whether the start tag being read hides its element: a
// hidden attribute, or display:none in a style attribute.
func (r *Reader) hides(name []byte) bool {
	if optionalEnd(name) || void(name) {
		return false
	}
	for more := true; more; {
		var key, val []byte
		key, val, more = r.z.TagAttr()
		switch string(key) {
		case "hidden":
			return true
		case "style":
			if displayNone(val) {
				return true
			}
		}
	}
	return false
}

// displayNone reports whether a style attribute's declarations set display
// to none, whitespace and case aside (a later display declaration wins, as
// in CSS).
func displayNone(style []byte) bool {
	none := false
	for decl := range bytes.SplitSeq(style, []byte(";")) {
		prop, value, ok := bytes.Cut(decl, []byte(":"))
		if !ok || !bytes.EqualFold(bytes.TrimSpace(prop), []byte("display")) {
			continue
		}
		value = bytes.TrimSpace(value)
		if v, ok := bytes.CutSuffix(value, []byte("important")); ok {
			if v, ok = bytes.CutSuffix(bytes.TrimSpace(v), []byte("!")); ok {
				value = bytes.TrimSpace(v)
			}
		}
		none = bytes.EqualFold(value, []byte("none"))
	}
	return none
}

// hiddenStart reads a start tag inside a hidden element.
func (r *Reader) hiddenStart(name []byte, selfClosing bool) {
	if selfClosing || void(name) {
		return
	}
	if !r.hidden.push(name) {
		r.hidden.n = 0 // deeper than tracked: shown from here
	}
}

// hiddenEnd reads an end tag inside a hidden element; it reports false for
// one that closes no element opened in it, which ends the hidden element
// and is read as if outside it.
func (r *Reader) hiddenEnd(name []byte) bool {
	if r.hidden.pop(name) {
		return true
	}
	r.hidden.n = 0
	return false
}
