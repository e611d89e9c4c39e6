package pipe

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/langsplit/langsplit/internal/cliflag"
)

// jsonlFormat: each line is a {"id","text"} object, a document whose
// source is its id. A malformed line is reported with its line number and
// the lines after it are read.
//
// A line is parsed as it is read, never held whole: the "text" string is
// decoded into a buffer of at most the block cap (--max-block), the "id"
// likewise, and other members are skipped without being kept. A line whose
// text is longer than the cap is an error for that line (the rest of it is
// read past, and the next lines are split), so that memory is bounded by
// the cap, whatever the length of a line.
type jsonlFormat struct{ formatInfo }

func (jsonlFormat) Read(ctx context.Context, in *Input, r io.Reader, e *Env) error {
	br := getReader(r)
	defer putReader(br)
	lp := &lineParser{br: br, max: e.p.opts.Split.Segment.MaxBlock}
	if lp.max <= 0 {
		lp.max = 4 << 20
	}
	for line := 1; ; line++ {
		ok, perr, err := lp.parse()
		if err != nil && err != io.EOF {
			return err
		}
		switch {
		case perr != nil:
			e.Bad(fmt.Errorf("%s:%d: %v", in.Source, line, perr))
		case ok:
			id := string(lp.id)
			d := &Doc{Source: id, Folder: id, Where: fmt.Sprintf("%s:%d", in.Source, line), Pos: fmt.Sprintf("line %d", line)}
			if derr := e.DocumentBytes(d, true, lp.text, nil); derr != nil {
				return fmt.Errorf("%s:%d: %w", in.Source, line, unwrapSink(derr))
			}
		}
		if err == io.EOF {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
}

// lineParser reads the {"id","text"} objects of JSON Lines, one line at a
// time, as split.ParseDoc parses a line (member names match case
// insensitively, the last of a repeated member wins, an id is a string or
// a number), with bounded memory.
type lineParser struct {
	br  *bufio.Reader
	max int // the cap on the text and on the id, in bytes
	key []byte
	id  []byte // the id: a string's value, or a number's text
	// text is the text, valid until the next parse.
	text  []byte
	atEOL bool // the line's '\n' was read
	depth int  // of the arrays and objects being skipped
}

// maxDepth is how deep arrays and objects may nest in a skipped member.
const maxDepth = 1000

// readByte reads a byte, noting the end of the line.
func (p *lineParser) readByte() (byte, error) {
	c, err := p.br.ReadByte()
	if c == '\n' && err == nil {
		p.atEOL = true
	}
	return c, err
}

// errSyntax is a malformed line; its message follows "not a JSON object: ".
type errSyntax string

func (e errSyntax) Error() string { return "not a JSON object: " + string(e) }

// errEOL: the line ended inside the object.
var errEOL = errSyntax("unexpected end of JSON input")

// errTooLong is a string longer than the cap.
type errTooLong struct {
	what string
	max  int
}

func (e errTooLong) Error() string {
	return fmt.Sprintf("%s longer than the block cap (%s, --max-block): line skipped", e.what, cliflag.Human(int64(e.max)))
}

// parse reads one line. ok is true when it held a document (id and text
// are set); perr is what was wrong with a malformed line, which was read to
// its end; err is a read error, or io.EOF after the last line.
func (p *lineParser) parse() (ok bool, perr, err error) {
	p.atEOL, p.depth = false, 0
	c, err := p.skipSpace()
	if err != nil || c == '\n' {
		return false, nil, err // an empty line
	}
	perr, err = p.object(c)
	if err != nil && err != io.EOF {
		return false, nil, err
	}
	if perr != nil {
		if err == nil && !p.atEOL {
			err = p.skipLine()
		}
		return false, perr, err
	}
	return true, nil, err
}

// skipSpace returns the first byte that is not a space, a tab or a CR
// (a '\n' ends the line and is returned).
func (p *lineParser) skipSpace() (byte, error) {
	for {
		c, err := p.readByte()
		if err != nil {
			return 0, err
		}
		if c != ' ' && c != '\t' && c != '\r' {
			return c, nil
		}
	}
}

// skipLine reads past the rest of the line.
func (p *lineParser) skipLine() error {
	p.atEOL = true
	for {
		_, err := p.br.ReadSlice('\n')
		if err != bufio.ErrBufferFull {
			return err
		}
	}
}

// object parses an object that starts with c, then the end of the line.
// At the end of the line or the input inside it, perr is errEOL.
func (p *lineParser) object(c byte) (perr, err error) {
	if c != '{' {
		return unexpected(c, "looking for beginning of value"), nil
	}
	p.id, p.text = p.id[:0], p.text[:0]
	var haveID, haveText bool
	var idErr, textErr error
	c, err = p.skipSpace()
	if err != nil || c == '\n' {
		return errEOL, err
	}
	if c != '}' {
		for {
			if c != '"' {
				return unexpected(c, "looking for beginning of object key string"), nil
			}
			var perr error
			if p.key, perr, err = p.str(p.key[:0], 1<<10, "a member name"); perr != nil || err != nil {
				return eol(perr, err)
			}
			if c, perr, err = p.colon(); perr != nil || err != nil {
				return perr, err
			}
			switch {
			case equalFold(p.key, "text"):
				haveText, textErr = false, nil
				switch c {
				case '"':
					if p.text, perr, err = p.str(p.text[:0], p.max, `"text"`); perr != nil || err != nil {
						return eol(perr, err)
					}
					haveText = true
				case 'n':
					if perr, err = p.literal("null"); perr != nil || err != nil {
						return eol(perr, err)
					}
				default:
					textErr = errors.New(`"text" is not a string`)
					if perr, err = p.value(c); perr != nil || err != nil {
						return eol(perr, err)
					}
				}
			case equalFold(p.key, "id"):
				haveID, idErr = false, nil
				switch {
				case c == '"':
					if p.id, perr, err = p.str(p.id[:0], p.max, `"id"`); perr != nil || err != nil {
						return eol(perr, err)
					}
					haveID = true
				case c == '-' || c >= '0' && c <= '9':
					if p.id, perr, err = p.number(p.id[:0], c); perr != nil || err != nil {
						return eol(perr, err)
					}
					haveID = true
				case c == 'n':
					if perr, err = p.literal("null"); perr != nil || err != nil {
						return eol(perr, err)
					}
				default:
					idErr = errors.New(`"id" is neither a string nor a number`)
					if perr, err = p.value(c); perr != nil || err != nil {
						return eol(perr, err)
					}
				}
			default:
				if perr, err = p.value(c); perr != nil || err != nil {
					return eol(perr, err)
				}
			}
			if c, err = p.skipSpace(); err != nil || c == '\n' {
				return errEOL, err
			}
			if c == '}' {
				break
			}
			if c != ',' {
				return unexpected(c, "after object key:value pair"), nil
			}
			if c, err = p.skipSpace(); err != nil || c == '\n' {
				return errEOL, err
			}
		}
	}
	// The object is done: only spaces may follow on the line.
	c, err = p.skipSpace()
	if err == nil && c != '\n' {
		return unexpected(c, "after top-level value"), nil
	}
	if err != nil && err != io.EOF {
		return nil, err
	}
	switch {
	case idErr != nil:
		return idErr, err
	case !haveID:
		return errors.New(`no "id"`), err
	case textErr != nil:
		return textErr, err
	case !haveText:
		return errors.New(`no "text" string`), err
	}
	return nil, err
}

// colon reads the ':' after a member name and returns the first byte of
// the value.
func (p *lineParser) colon() (byte, error, error) {
	c, err := p.skipSpace()
	if err != nil || c == '\n' {
		return 0, errEOL, err
	}
	if c != ':' {
		return 0, unexpected(c, "after object key"), nil
	}
	if c, err = p.skipSpace(); err != nil || c == '\n' {
		return 0, errEOL, err
	}
	return c, nil, nil
}

// eol returns a parse error or read error as object does: the end of the
// input inside the object is errEOL too.
func eol(perr, err error) (error, error) {
	if err == io.EOF {
		return errEOL, err
	}
	return perr, err
}

func unexpected(c byte, context string) error {
	if c == '\n' {
		return errEOL
	}
	return errSyntax(fmt.Sprintf("invalid character %s %s", quoteChar(c), context))
}

// quoteChar formats c as encoding/json's syntax errors do.
func quoteChar(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	return "'" + s[1:len(s)-1] + "'"
}

func equalFold(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range b {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}

// str decodes a string whose opening quote was read, appending its value
// to dst; past max bytes it stops with errTooLong (what names it) and
// reads the rest of the line.
func (p *lineParser) str(dst []byte, max int, what string) ([]byte, error, error) {
	for {
		if _, err := p.br.Peek(1); err != nil { // fills the buffer
			return dst, errEOL, err
		}
		chunk, _ := p.br.Peek(p.br.Buffered())
		n := 0
		for n < len(chunk) && chunk[n] != '"' && chunk[n] != '\\' && chunk[n] >= 0x20 {
			n++
		}
		if len(dst)+n > max {
			p.br.Discard(n)
			return dst, errTooLong{what, max}, p.skipLine()
		}
		dst = append(dst, chunk[:n]...)
		p.br.Discard(n)
		if n == len(chunk) {
			continue
		}
		c, _ := p.readByte()
		switch {
		case c == '"':
			return dst, nil, nil
		case c < 0x20:
			if c == '\n' {
				return dst, errEOL, nil
			}
			return dst, unexpected(c, "in string literal"), nil
		}
		// An escape.
		e, err := p.readByte()
		if err != nil {
			return dst, errEOL, err
		}
		switch e {
		case '"', '\\', '/':
			dst = append(dst, e)
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		case 'u':
			r, perr, err := p.hex4()
			if perr != nil || err != nil {
				return dst, perr, err
			}
			if utf16.IsSurrogate(r) {
				// A pair, if a \u escape of the low half follows; else U+FFFD.
				if next, _ := p.br.Peek(6); len(next) == 6 && next[0] == '\\' && next[1] == 'u' {
					if lo, ok := parseHex4(next[2:]); ok {
						if d := utf16.DecodeRune(r, lo); d != utf8.RuneError {
							p.br.Discard(6)
							r = d
						} else {
							r = utf8.RuneError
						}
					} else {
						r = utf8.RuneError
					}
				} else {
					r = utf8.RuneError
				}
			}
			dst = utf8.AppendRune(dst, r)
		case '\n':
			return dst, errEOL, nil
		default:
			return dst, unexpected(e, "in string escape code"), nil
		}
		if len(dst) > max {
			return dst, errTooLong{what, max}, p.skipLine()
		}
	}
}

func (p *lineParser) hex4() (rune, error, error) {
	b, err := p.br.Peek(4)
	if len(b) < 4 {
		return 0, errEOL, err
	}
	r, ok := parseHex4(b)
	if !ok {
		for _, c := range b {
			if !isHex(c) {
				return 0, unexpected(c, "in \\u hexadecimal character escape"), nil
			}
		}
	}
	p.br.Discard(4)
	return r, nil, nil
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

func parseHex4(b []byte) (rune, bool) {
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// number reads a number that starts with c, appending its text to dst.
func (p *lineParser) number(dst []byte, c byte) ([]byte, error, error) {
	dst = append(dst, c)
	for {
		b, err := p.br.Peek(1)
		if err != nil {
			break
		}
		c := b[0]
		if c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-' {
			dst = append(dst, c)
			p.br.Discard(1)
			if len(dst) > 64 {
				return dst, errSyntax("a number of more than 64 characters"), p.skipLine()
			}
			continue
		}
		break
	}
	if !validNumber(dst) {
		return dst, errSyntax(fmt.Sprintf("invalid number %q", dst)), nil
	}
	return dst, nil, nil
}

// validNumber reports whether b is a JSON number.
func validNumber(b []byte) bool {
	i := 0
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	default:
		return false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return false
		}
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || b[i] < '0' || b[i] > '9' {
			return false
		}
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	}
	return i == len(b)
}

// literal reads the rest of true, false or null, whose first byte was read.
func (p *lineParser) literal(word string) (error, error) {
	for i := 1; i < len(word); i++ {
		c, err := p.readByte()
		if err != nil {
			return errEOL, err
		}
		if c != word[i] {
			return unexpected(c, "in literal "+word+" (expecting "+quoteChar(word[i])+")"), nil
		}
	}
	return nil, nil
}

// value reads past a value that starts with c, keeping nothing of it.
func (p *lineParser) value(c byte) (error, error) {
	switch {
	case c == '"':
		_, perr, err := p.skipString()
		return perr, err
	case c == '-' || c >= '0' && c <= '9':
		_, perr, err := p.number(p.key[:0], c)
		return perr, err
	case c == 't':
		return p.literal("true")
	case c == 'f':
		return p.literal("false")
	case c == 'n':
		return p.literal("null")
	case c == '{' || c == '[':
		return p.container(c)
	}
	return unexpected(c, "looking for beginning of value"), nil
}

// skipString reads past a string whose opening quote was read.
func (p *lineParser) skipString() (struct{}, error, error) {
	for {
		c, err := p.readByte()
		if err != nil {
			return struct{}{}, errEOL, err
		}
		switch {
		case c == '"':
			return struct{}{}, nil, nil
		case c == '\\':
			e, err := p.readByte()
			if err != nil {
				return struct{}{}, errEOL, err
			}
			switch e {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if _, perr, err := p.hex4(); perr != nil || err != nil {
					return struct{}{}, perr, err
				}
			default:
				return struct{}{}, unexpected(e, "in string escape code"), nil
			}
		case c < 0x20:
			return struct{}{}, unexpected(c, "in string literal"), nil
		}
	}
}

// container reads past an object or array whose opening byte c was read.
func (p *lineParser) container(open byte) (error, error) {
	if p.depth++; p.depth > maxDepth {
		return errSyntax(fmt.Sprintf("arrays and objects nested more than %d deep", maxDepth)), nil
	}
	defer func() { p.depth-- }()
	close := byte('}')
	if open == '[' {
		close = ']'
	}
	c, err := p.skipSpace()
	if err != nil || c == '\n' {
		return errEOL, err
	}
	if c == close {
		return nil, nil
	}
	for {
		if open == '{' {
			if c != '"' {
				return unexpected(c, "looking for beginning of object key string"), nil
			}
			if _, perr, err := p.skipString(); perr != nil || err != nil {
				return perr, err
			}
			var perr error
			if c, perr, err = p.colon(); perr != nil || err != nil {
				return perr, err
			}
		}
		if perr, err := p.value(c); perr != nil || err != nil {
			return perr, err
		}
		if c, err = p.skipSpace(); err != nil || c == '\n' {
			return errEOL, err
		}
		if c == close {
			return nil, nil
		}
		if c != ',' {
			return unexpected(c, "after array element"), nil
		}
		if c, err = p.skipSpace(); err != nil || c == '\n' {
			return errEOL, err
		}
	}
}
