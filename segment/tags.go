package segment

// S1.5: the inline tags of subtitles and pasted web text.
//
// Subtitles wrap their lines in <i>…</i>, <b>, <u> and <font color="…">,
// and text copied from web pages keeps a <br> or a <span> now and then. The
// letters of such a tag are no word of any language: counted as Latin they
// cut a Persian subtitle line inside its closing tag. Only the elements of
// inline formatting are read this way; a <div> or <p> line is markup whose
// letters count (S2.8), and a <file> or <name> that names no element is text.

// inlineTags are the elements S1.5 reads as neutral, lower case.
var inlineTags = map[string]bool{
	"i": true, "b": true, "u": true, "s": true, "em": true, "strong": true, "font": true,
	"span": true, "small": true, "big": true, "sub": true, "sup": true, "mark": true,
	"br": true, "tt": true, "del": true, "ins": true,
}

// maxTag is the longest inline tag S1.5 reads, attributes included.
const maxTag = 256

// inlineTagEnd returns the end of the inline tag whose '<' is at i-1, or 0
// when there is none: an optional '/', the name of an inline element, then
// '>' or '/>' right away, or attributes of which one at least has a value
// (<font color="#ff0">: "<b and c>" is text) and then '>', on one line and
// within maxTag bytes.
func inlineTagEnd(text []byte, i, limit int) int {
	j := i
	if j < limit && text[j] == '/' {
		j++
	}
	var name [6]byte
	k := j
	for k < limit && k-j < len(name) && text[k]|0x20 >= 'a' && text[k]|0x20 <= 'z' {
		name[k-j] = text[k] | 0x20
		k++
	}
	if k == j || !inlineTags[string(name[:k-j])] {
		return 0
	}
	attrs, value := false, false
	var quote byte
	for n := k; n < limit && n-i < maxTag; n++ {
		c := text[n]
		switch {
		case lineBreakAt(text[:limit], n):
			return 0 // a tag is on one line, quoted values too
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '>':
			if attrs && !value {
				return 0
			}
			return n + 1
		case c == '<':
			return 0
		case c == ' ' || c == '\t' || c == '/':
		case n == k:
			return 0 // the name goes on: <bdi>, <spanish>
		case c == '=':
			value = true
		case c == '"' || c == '\'':
			if !value {
				return 0
			}
			quote = c
		default:
			attrs = true
		}
	}
	return 0
}

// lineBreakAt reports whether a line break starts at text[i]: a rune of
// class cBreak (LF, VT, FF, CR, NEL, U+2028, U+2029).
func lineBreakAt(text []byte, i int) bool {
	_, _, cls := decode(text, i)
	return cls == cBreak
}

// tagStart returns where the < or </ of a markup tag begins when the tag's
// name starts a unit at i (S4.2: the cut goes before the whole tag, not
// between < and its name).
func tagStart(text []byte, ls, i int) (int, bool) {
	if i-1 >= ls && text[i-1] == '<' {
		return i - 1, true
	}
	if i-2 >= ls && text[i-1] == '/' && text[i-2] == '<' {
		return i - 2, true
	}
	return i, false
}
