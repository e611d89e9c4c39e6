// Package htmltext extracts the text of an HTML page as a browser shows
// it, streaming, with a map from the text back to the page's bytes.
//
// The page is read through golang.org/x/net/html's tokenizer, on its bytes
// as stored (the tokenizer needs only ASCII markup, which every encoding
// that pages use but UTF-16 keeps): the head, scripts, styles, templates
// and noscript are dropped, and so are elements the page hides (the hidden
// attribute, display:none: see hidden.go); block elements end lines,
// paragraphs and headings end paragraphs (a blank line), br is a line
// break, table cells are separated by tabs; whitespace collapses to one space except in pre
// and textarea; entities are decoded; text is decoded from the page's
// charset (UTF-8, Windows-1256, any single-byte or legacy charset the
// WHATWG Encoding Standard names). Each byte of the text is accounted for
// in a Map, so that a block of the text can be found in the page.
//
// Memory is bounded by the largest token (a tag, or a run of text between
// two tags: see MaxToken) and by the Map's runs for the text read ahead.
package htmltext

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding"

	"github.com/langsplit/langsplit/internal/decode"
)

// MaxToken is the largest token (a tag, a comment, or a run of text
// without markup) the extractor reads; a larger one is an error.
const MaxToken = 64 << 20

// Options say how to decode a page's text.
type Options struct {
	// Charset is the page's character encoding: nil or encoding.Nop for
	// UTF-8, or an ASCII-compatible encoding (Windows-1256, …).
	Charset encoding.Encoding
	// Replace writes U+FFFD for invalid UTF-8 instead of failing.
	Replace bool
	// Name names the page in errors.
	Name string
	// Offset is the source offset of the first byte read (after a BOM the
	// caller skipped).
	Offset int64
}

// ErrInvalid is wrapped by the error for a page whose bytes are not
// valid in its charset.
var ErrInvalid = errors.New("invalid UTF-8")

// Error is a problem at a byte offset of the page.
type Error struct {
	Name   string
	Offset int64
	Err    error
}

// Error implements error.
func (e *Error) Error() string {
	return fmt.Sprintf("%s: %v at byte offset %d", e.Name, e.Err, e.Offset)
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Reader reads the visible text of a page. Its Map accounts for every
// byte read so far.
type Reader struct {
	z      *html.Tokenizer
	textIn io.Reader // NewTextReader's input; z is nil then
	carry  []byte    // plain: bytes of an incomplete sequence at the end of the last chunk
	chunk  []byte
	opts   Options
	dec    textDecoder
	Map    Map

	buf []byte // text produced; buf[rd:] not yet read
	rd  int
	pos int64 // source offset of the next token

	// Layout state.
	started   bool  // some text was written
	gap       bool  // nothing written yet, or a line break or tab last: whitespace is dropped
	breaks    int   // line breaks due before the next text
	nl        int   // line breaks at the end of the text written
	tabDue    bool  // a tab is due before the next text (a new table cell)
	space     int64 // source length of a pending collapsed space, 0 for none
	skip      int64 // source bytes of markup after the pending space or breaks
	drop      int   // depth of dropped elements (head, template)
	inHead    bool
	pre       int  // depth of pre, textarea and listing
	preStart  bool // right after a pre start tag: a first newline is dropped
	rawDrop   bool // the next text token is a script's or style's content
	cellInRow bool // a cell has been seen in the current table row
	hidden    hiddenState
	name      [16]byte
	err       error
}

// NewReader returns a Reader of the page read from r.
func NewReader(r io.Reader, opts Options) *Reader {
	z := html.NewTokenizer(r)
	z.SetMaxBuf(MaxToken)
	rd := &Reader{z: z, opts: opts, pos: opts.Offset, gap: true}
	rd.dec = newTextDecoder(opts.Charset, opts.Replace)
	rd.Map.add(1, 0, opts.Offset)
	return rd
}

// Read implements io.Reader.
func (r *Reader) Read(p []byte) (int, error) {
	for r.rd == len(r.buf) {
		if r.err != nil {
			return 0, r.err
		}
		r.buf, r.rd = r.buf[:0], 0
		if cap(r.buf) > 1<<20 {
			r.buf = nil // a long run of text is not kept
		}
		r.step()
	}
	n := copy(p, r.buf[r.rd:])
	r.rd += n
	return n, nil
}

// NewTextReader returns a Reader of plain text (no markup: every byte is
// text, whitespace kept) in opts.Charset: the text decoded, with a Map back
// to the bytes read. It is for text payloads in a charset other than
// UTF-8, whose blocks must be found in the bytes as stored.
func NewTextReader(r io.Reader, opts Options) *Reader {
	rd := &Reader{textIn: r, opts: opts, pos: opts.Offset, chunk: make([]byte, 32<<10)}
	rd.dec = newTextDecoder(opts.Charset, opts.Replace)
	rd.Map.add(1, 0, opts.Offset)
	return rd
}

// stepPlain decodes the next chunk of plain text.
func (r *Reader) stepPlain() {
	buf := r.chunk[:cap(r.chunk)]
	k := copy(buf, r.carry)
	n, err := r.textIn.Read(buf[k:])
	b := buf[:k+n]
	atEOF := err == io.EOF
	if err != nil && !atEOF {
		r.err = err
		return
	}
	keep := 0
	if !atEOF {
		keep = incomplete(b)
	}
	at := r.pos
	if derr := r.dec.decode(r, b[:len(b)-keep], at); derr != nil {
		r.err = &Error{Name: r.opts.Name, Offset: derr.(offsetError).off, Err: ErrInvalid}
		return
	}
	r.pos += int64(len(b) - keep)
	r.carry = append(r.carry[:0], b[len(b)-keep:]...)
	if atEOF {
		r.err = io.EOF
	}
}

// incomplete returns how many bytes at the end of b may start a UTF-8 (or
// other multi-byte) sequence that the next chunk completes.
func incomplete(b []byte) int {
	for k := 1; k <= min(3, len(b)); k++ {
		c := b[len(b)-k]
		if c < 0x80 {
			return 0
		}
		if utf8.RuneStart(c) {
			if !utf8.FullRune(b[len(b)-k:]) {
				return k
			}
			return 0
		}
	}
	return 0
}

// step reads one token.
func (r *Reader) step() {
	if r.z == nil {
		r.stepPlain()
		return
	}
	tt := r.z.Next()
	raw := r.z.Raw()
	start := r.pos
	r.pos += int64(len(raw))
	switch tt {
	case html.ErrorToken:
		err := r.z.Err()
		if err == io.EOF {
			r.markup(int64(len(raw)))
			r.err = io.EOF
			return
		}
		if errors.Is(err, html.ErrBufferExceeded) {
			err = fmt.Errorf("a tag or a run of text longer than %d bytes", MaxToken)
		}
		r.err = &Error{Name: r.opts.Name, Offset: start, Err: err}
	case html.TextToken:
		if r.inHead && !r.rawDrop && !allSpace(raw) && r.drop == 1 {
			// Text in the head (its end tag is optional) starts the body.
			r.inHead = false
			r.drop--
		}
		if r.rawDrop || r.drop > 0 || r.hidden.n > 0 {
			r.markup(int64(len(raw)))
			return
		}
		if r.preStart {
			r.preStart = false
			n := 0
			if bytes.HasPrefix(raw, []byte("\r\n")) {
				n = 2
			} else if len(raw) > 0 && (raw[0] == '\n' || raw[0] == '\r') {
				n = 1
			}
			r.markup(int64(n))
			raw, start = raw[n:], start+int64(n)
		}
		r.text(raw, start)
	case html.StartTagToken, html.SelfClosingTagToken:
		r.preStart = false
		r.startTag(r.tagName(raw[1:]), tt == html.SelfClosingTagToken)
		r.markup(int64(len(raw)))
	case html.EndTagToken:
		r.preStart = false
		r.endTag(r.tagName(raw[2:]))
		r.markup(int64(len(raw)))
	default: // comments, doctype
		r.markup(int64(len(raw)))
	}
}

// tagName returns the lower-cased name at the start of b, the raw bytes of
// a tag after its "<" or "</", as the tokenizer's TagName would (which
// allocates). Only names of up to 16 bytes are looked up; longer ones are
// returned clipped, which no element kind matches.
func (r *Reader) tagName(b []byte) []byte {
	n := 0
	for _, c := range b {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>' {
			break
		}
		if n == len(r.name) {
			return r.name[:0]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		r.name[n] = c
		n++
	}
	return r.name[:n]
}

// Element kinds.
const (
	kInline = iota
	kBlock
	kPara // ends a paragraph
	kDrop // dropped with its content
	kRaw  // dropped; its content is raw text (script, style)
	kBreak
	kPre
	kCell
	kRow
)

// kindOf returns the kind of an element.
func kindOf(name []byte) int {
	switch string(name) {
	case "head", "template":
		return kDrop
	case "noscript", "script", "style", "iframe", "noembed", "noframes", "title":
		return kRaw
	case "br":
		return kBreak
	case "pre", "textarea", "listing", "xmp":
		return kPre
	case "p", "h1", "h2", "h3", "h4", "h5", "h6":
		return kPara
	case "td", "th":
		return kCell
	case "tr":
		return kRow
	case "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
		"dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
		"header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "option",
		"optgroup", "section", "summary", "table", "tbody", "thead", "tfoot", "ul", "select":
		return kBlock
	}
	return kInline
}

// inHead reports whether an element may stand in the head; any other
// start tag there ends it (the end tag of head is optional).
func inHead(name []byte) bool {
	switch string(name) {
	case "base", "basefont", "bgsound", "link", "meta", "title", "noscript", "script", "style", "template":
		return true
	}
	return false
}

// void reports whether an element has no content or end tag.
func void(name []byte) bool {
	switch string(name) {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
		"track", "wbr", "param", "basefont", "bgsound", "keygen":
		return true
	}
	return false
}

func (r *Reader) startTag(name []byte, selfClosing bool) {
	if r.inHead && !inHead(name) {
		r.inHead = false
		r.drop--
	}
	k := kindOf(name)
	if r.drop > 0 {
		switch {
		case k == kDrop && !void(name) && !selfClosing:
			r.drop++
		case k == kRaw:
			r.rawDrop = !selfClosing // a title or script in the head
		}
		return
	}
	if r.hidden.n > 0 {
		r.hiddenStart(name, selfClosing)
		return
	}
	if (k == kInline || k == kBlock || k == kPara || k == kPre) && !selfClosing && r.hides(name) {
		r.hidden.push(name)
		return
	}
	switch k {
	case kDrop:
		if !selfClosing {
			r.drop++
			r.inHead = string(name) == "head"
		}
	case kRaw:
		r.rawDrop = !selfClosing
	case kBreak:
		r.lineBreak()
	case kPre:
		r.block(1)
		if !selfClosing {
			r.pre++
			r.preStart = true
		}
	case kPara:
		r.block(2)
	case kBlock:
		r.block(1)
	case kRow:
		r.block(1)
		r.cellInRow = false
	case kCell:
		if r.cellInRow {
			r.tab()
		}
		r.cellInRow = true
	}
}

func (r *Reader) endTag(name []byte) {
	k := kindOf(name)
	if r.drop > 0 {
		switch k {
		case kDrop:
			r.drop--
			if string(name) == "head" {
				r.inHead = false
			}
		case kRaw:
			r.rawDrop = false
		}
		return
	}
	if r.hidden.n > 0 && r.hiddenEnd(name) {
		return
	}
	switch k {
	case kRaw:
		r.rawDrop = false
	case kPre:
		r.block(1)
		if r.pre > 0 {
			r.pre--
		}
	case kPara:
		r.block(2)
	case kBlock, kRow:
		r.block(1)
	case kBreak: // </br> is a br, as browsers read it
		r.lineBreak()
	}
}

// block asks for n line ends (1: a line, 2: a paragraph) before the next
// text; line ends asked for together do not add up.
func (r *Reader) block(n int) {
	if !r.started {
		return
	}
	r.breaks = max(r.breaks, n)
}

// lineBreak adds a line break (br).
func (r *Reader) lineBreak() {
	if r.breaks == 0 && !r.started {
		// A br before any text still breaks a line in a browser, but
		// leading empty lines carry nothing: the text starts at its first
		// character.
		return
	}
	r.breaks++
}

// tab separates two table cells.
func (r *Reader) tab() {
	if r.breaks == 0 && !r.gap {
		r.tabDue = true
	}
}

// markup accounts for n source bytes that give no text.
func (r *Reader) markup(n int64) {
	if r.space > 0 || r.breaks > 0 || r.tabDue {
		r.skip += n
		return
	}
	r.Map.add(1, 0, n)
}

// emit appends text produced by n units of out bytes from src source bytes
// each.
func (r *Reader) emit(b []byte, n, out, src int64) {
	r.buf = append(r.buf, b...)
	r.Map.add(n, out, src)
	r.countNL(b)
}

// countNL updates the count of line breaks that end the text, after b was
// written.
func (r *Reader) countNL(b []byte) {
	k := len(b)
	for k > 0 && b[k-1] == '\n' {
		k--
	}
	if k > 0 {
		r.nl = 0
	}
	r.nl += len(b) - k
}

// flushSpace writes what is pending before text: line breaks, or the
// collapsed space, then the markup after them.
func (r *Reader) flushSpace(text bool) {
	switch {
	case r.breaks > 0:
		// Line breaks the text itself ends with (in pre) count.
		for range r.breaks - min(r.nl, r.breaks) {
			r.emit([]byte{'\n'}, 1, 1, 0)
		}
		r.gap = true
		r.Map.add(1, 0, r.space+r.skip) // a space at a line start is dropped
	case r.tabDue:
		r.emit([]byte{'\t'}, 1, 1, 0)
		r.Map.add(1, 0, r.space+r.skip)
	case r.space > 0 && text:
		r.emit([]byte{' '}, 1, 1, r.space)
		r.Map.add(1, 0, r.skip)
	default:
		r.Map.add(1, 0, r.space+r.skip)
	}
	r.breaks, r.space, r.skip, r.tabDue = 0, 0, 0, false
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// text writes a text token: raw bytes at source offset at.
func (r *Reader) text(t []byte, at int64) {
	pre := r.pre > 0
	for i := 0; i < len(t); {
		c := t[i]
		switch {
		case c == '&':
			n, u := entity(t[i:])
			if n == 0 {
				r.plain(t[i:i+1], at+int64(i))
				i++
				continue
			}
			if !pre && allSpace(u) {
				r.collapsible(int64(n))
			} else {
				r.startText()
				r.emit(u, 1, int64(len(u)), int64(n))
			}
			i += n
		case !pre && isSpace(c):
			j := i + 1
			for j < len(t) && isSpace(t[j]) {
				j++
			}
			r.collapsible(int64(j - i))
			i = j
		case c == 0:
			r.markup(1) // browsers drop NUL in text
			i++
		default:
			j := i + 1
			if pre {
				for j < len(t) && t[j] != '&' && t[j] != 0 {
					j++
				}
			} else {
				var ws, valid bool
				j, ws, valid = scanRun(t, i)
				r.startText()
				n := len(r.buf)
				if _, ok := r.dec.(utf8Decoder); ok && valid {
					r.emit(t[i:j], int64(j-i), 1, 1)
				} else {
					r.plain(t[i:j], at+int64(i))
				}
				if ws { // a single tab or line break between two words shows as a space
					for k := n; k < len(r.buf); k++ {
						if isSpace(r.buf[k]) {
							r.buf[k] = ' '
						}
					}
				}
				i = j
				break
			}
			r.plain(t[i:j], at+int64(i))
			i = j
		}
		if r.err != nil {
			return
		}
	}
}

// collapsible notes n source bytes of whitespace outside pre.
func (r *Reader) collapsible(n int64) {
	switch {
	case r.breaks > 0 || r.tabDue:
		r.skip += n // dropped at a line start or after a tab
	case r.gap:
		r.markup(n)
	case r.space > 0:
		r.skip += n
	default:
		r.space = n
	}
}

// startText writes what is pending before text.
func (r *Reader) startText() {
	if r.breaks > 0 || r.space > 0 || r.skip > 0 || r.tabDue {
		r.flushSpace(true)
	}
	r.started = true
	r.gap = false
}

// plain writes a run of source text without entities (and without
// whitespace, outside pre), decoded from the page's charset.
func (r *Reader) plain(b []byte, at int64) {
	r.startText()
	if err := r.dec.decode(r, b, at); err != nil {
		r.err = &Error{Name: r.opts.Name, Offset: err.(offsetError).off, Err: ErrInvalid}
	}
}

// special[c] is true for the bytes that end a run of text as it stands:
// whitespace, '&' and NUL.
var special = func() (t [256]bool) {
	for _, c := range []byte{' ', '\t', '\n', '\r', '\f', '&', 0} {
		t[c] = true
	}
	return t
}()

// scanRun returns the end of the run of text at t[i:] outside pre: no
// '&', no NUL, and no whitespace but single whitespace bytes between two
// words, which are text as they stand (a browser shows them as one space:
// ws reports whether there is one other than a space); and whether the run
// is valid UTF-8. It is one pass for both, fast on ASCII and on two-byte
// letters (Arabic script).
func scanRun(t []byte, i int) (j int, ws, valid bool) {
	valid = true
	j = i
	for j < len(t) {
		c := t[j]
		switch {
		case c < utf8.RuneSelf:
			if special[c] {
				if j == i || j+1 >= len(t) || !isSpace(c) || special[t[j+1]] {
					return j, ws, valid
				}
				ws = ws || c != ' '
			}
			j++
		case c >= 0xC2 && c <= 0xDF && j+1 < len(t) && t[j+1]&0xC0 == 0x80:
			j += 2
		default:
			r, size := utf8.DecodeRune(t[j:])
			if r == utf8.RuneError && size == 1 {
				valid = false
			}
			j += size
		}
	}
	return j, ws, valid
}

func allSpace(b []byte) bool {
	for _, c := range b {
		if !isSpace(c) {
			return false
		}
	}
	return len(b) > 0
}

// entity decodes the character reference at the start of b ("&…"): it
// returns how many bytes it takes and its text, or 0 when b does not start
// with one.
func entity(b []byte) (int, []byte) {
	if n, u := commonEntity(b); n > 0 {
		return n, u
	}
	j := 1
	for j < len(b) && j < 40 && (b[j] == '#' && j == 1 || isAlnum(b[j])) {
		j++
	}
	if j == 1 {
		return 0, nil
	}
	if j < len(b) && b[j] == ';' {
		j++
	}
	cand := b[:j]
	u := []byte(html.UnescapeString(string(cand)))
	if bytes.Equal(u, cand) {
		return 0, nil
	}
	if cand[len(cand)-1] == ';' {
		return j, u
	}
	// A legacy entity without its semicolon matches a prefix only
	// ("&copyright" is "©right"): take the prefix that is the entity.
	for k := 2; k < len(cand); k++ {
		if p := html.UnescapeString(string(cand[:k])); p != string(cand[:k]) && p+string(cand[k:]) == string(u) {
			return k, []byte(p)
		}
	}
	return j, u
}

// common are the entities most pages use, looked up without
// html.UnescapeString.
var common = map[string][]byte{
	"amp": []byte("&"), "lt": []byte("<"), "gt": []byte(">"), "quot": []byte(`"`), "apos": []byte("'"),
	"nbsp": []byte("\u00a0"), "laquo": []byte("«"), "raquo": []byte("»"), "zwnj": []byte("\u200c"),
	"zwj": []byte("\u200d"), "rlm": []byte("\u200f"), "lrm": []byte("\u200e"), "copy": []byte("©"),
	"hellip": []byte("…"), "mdash": []byte("—"), "ndash": []byte("–"), "rsquo": []byte("’"), "lsquo": []byte("‘"),
	"rdquo": []byte("”"), "ldquo": []byte("“"), "middot": []byte("·"), "bull": []byte("•"), "reg": []byte("®"),
}

// commonEntity decodes "&name;" for a name in common, and "&#N;" and
// "&#xH;" for characters that are neither controls nor surrogates; it
// returns 0 for anything else.
func commonEntity(b []byte) (int, []byte) {
	end := bytes.IndexByte(b[:min(len(b), 12)], ';')
	if end < 2 {
		return 0, nil
	}
	name := b[1:end]
	if name[0] != '#' {
		if u, ok := common[string(name)]; ok {
			return end + 1, u
		}
		return 0, nil
	}
	digits, base := name[1:], rune(10)
	if len(digits) > 0 && digits[0]|0x20 == 'x' {
		digits, base = digits[1:], 16
	}
	if len(digits) == 0 || len(digits) > 6 {
		return 0, nil
	}
	var c rune
	for _, d := range digits {
		var v rune
		switch {
		case d >= '0' && d <= '9':
			v = rune(d - '0')
		case base == 16 && d|0x20 >= 'a' && d|0x20 <= 'f':
			v = rune(d|0x20-'a') + 10
		default:
			return 0, nil
		}
		c = c*base + v
	}
	if c < 0x20 || c >= 0x7f && c < 0xa0 || c >= 0xd800 && c < 0xe000 || c > utf8.MaxRune {
		return 0, nil // html.UnescapeString's rules for these
	}
	return end + 1, utf8.AppendRune(nil, c)
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z'
}

// offsetError is a decoding error at a source offset.
type offsetError struct{ off int64 }

func (e offsetError) Error() string { return fmt.Sprintf("invalid at %d", e.off) }

// textDecoder decodes runs of source text into a Reader's output.
type textDecoder interface {
	decode(r *Reader, b []byte, at int64) error
}

func newTextDecoder(e encoding.Encoding, replace bool) textDecoder {
	if e == nil || e == encoding.Nop {
		return utf8Decoder{replace}
	}
	if t := singleByte(e); t != nil {
		return t
	}
	return &genericDecoder{e: e}
}

// utf8Decoder passes valid UTF-8 through, one unit a byte.
type utf8Decoder struct{ replace bool }

func (d utf8Decoder) decode(r *Reader, b []byte, at int64) error {
	if utf8.Valid(b) {
		r.emit(b, int64(len(b)), 1, 1)
		return nil
	}
	for len(b) > 0 {
		n := decode.ValidPrefix(b)
		if n > 0 {
			r.emit(b[:n], int64(n), 1, 1)
			b, at = b[n:], at+int64(n)
			continue
		}
		if !d.replace {
			return offsetError{at}
		}
		// One U+FFFD for each maximal invalid subpart, as utf8.DecodeRune sees it.
		_, size := utf8.DecodeRune(b)
		r.emit([]byte("\uFFFD"), 1, 3, int64(size))
		b, at = b[size:], at+int64(size)
	}
	return nil
}

// tableDecoder decodes a single-byte charset by a table of each byte's
// UTF-8 text.
type tableDecoder struct {
	text [256][]byte
}

// singleByte returns the table of e when it maps every byte to one
// character and ASCII to itself, or nil.
func singleByte(e encoding.Encoding) *tableDecoder {
	t := &tableDecoder{}
	d := e.NewDecoder()
	for b := 0; b < 256; b++ {
		d.Reset()
		out, err := d.Bytes([]byte{byte(b)})
		if err != nil || utf8.RuneCount(out) != 1 || b < 0x80 && (len(out) != 1 || out[0] != byte(b)) {
			return nil
		}
		t.text[b] = out
	}
	return t
}

func (t *tableDecoder) decode(r *Reader, b []byte, at int64) error {
	for i := 0; i < len(b); {
		w := len(t.text[b[i]])
		j := i + 1
		for j < len(b) && len(t.text[b[j]]) == w {
			j++
		}
		if w == 1 {
			r.buf = append(r.buf, b[i:j]...)
			r.countNL(b[i:j])
		} else {
			r.nl = 0
			for _, c := range b[i:j] {
				r.buf = append(r.buf, t.text[c]...)
			}
		}
		r.Map.add(int64(j-i), int64(w), 1)
		i = j
	}
	return nil
}

// genericDecoder decodes a legacy multi-byte charset a run at a time; the
// run is one unit of the Map.
type genericDecoder struct {
	e encoding.Encoding
}

func (g *genericDecoder) decode(r *Reader, b []byte, at int64) error {
	out, err := g.e.NewDecoder().Bytes(b)
	if err != nil {
		return offsetError{at}
	}
	if len(out) > 0 {
		r.emit(out, 1, int64(len(out)), int64(len(b)))
	} else {
		r.Map.add(1, 0, int64(len(b)))
	}
	return nil
}
