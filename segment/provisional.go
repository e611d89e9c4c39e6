package segment

import (
	"bufio"
	"io"
	"iter"
	"unicode"
	"unicode/utf8"
)

// This file is a provisional script-change splitter that fixes the API while
// the real segmenter is written. It is replaced, not extended.

// Segment returns the blocks of text with the default options.
func Segment(text string) []Block { return Options{}.Segment(text) }

// All returns an iterator over the blocks of text with the default options.
func All(text string) iter.Seq[Block] { return Options{}.All(text) }

// Segment returns the blocks of text.
func (o Options) Segment(text string) []Block {
	var out []Block
	for b := range o.All(text) {
		out = append(out, b)
	}
	return out
}

// All returns an iterator over the blocks of text.
func (o Options) All(text string) iter.Seq[Block] {
	return func(yield func(Block) bool) {
		if text == "" {
			return
		}
		cur := Block{Start: 0, Lang: LangUnd, Script: "Zyyy"}
		for i := 0; i < len(text); {
			r, w := utf8.DecodeRuneInString(text[i:])
			lang := ""
			switch {
			case unicode.Is(unicode.Latin, r):
				lang = LangEnglish
			case unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r):
				lang = LangPersian
			}
			if lang != "" && lang != cur.Lang {
				if cur.Lang == LangUnd {
					cur.Lang = lang
				} else {
					cur.End = i
					if !yield(finish(cur)) {
						return
					}
					cur = Block{Start: i, Lang: lang}
				}
			}
			i += w
		}
		cur.End = len(text)
		yield(finish(cur))
	}
}

func finish(b Block) Block {
	switch b.Lang {
	case LangEnglish:
		b.Script, b.Dir = "Latn", LTR
	case LangPersian, LangArabic:
		b.Script, b.Dir = "Arab", RTL
	default:
		b.Script, b.Dir = "Zyyy", LTR
	}
	return b
}

// Scanner reads blocks from an io.Reader.
type Scanner struct {
	r      *bufio.Reader
	opts   Options
	blocks []Block
	text   string
	i      int
	err    error
	done   bool
}

// NewScanner returns a Scanner reading from r.
func NewScanner(r io.Reader, opts Options) *Scanner {
	return &Scanner{r: bufio.NewReader(r), opts: opts}
}

// Scan advances to the next block.
func (s *Scanner) Scan() bool {
	if !s.done {
		b, err := io.ReadAll(s.r)
		s.err, s.text, s.done = err, string(b), true
		s.blocks = s.opts.Segment(s.text)
		s.i = -1
	}
	s.i++
	return s.i < len(s.blocks)
}

// Block returns the current block; offsets are relative to the start of the stream.
func (s *Scanner) Block() Block { return s.blocks[s.i] }

// Bytes returns the current block's bytes; valid until the next Scan.
func (s *Scanner) Bytes() []byte { b := s.blocks[s.i]; return []byte(s.text[b.Start:b.End]) }

// Err returns the first read error other than io.EOF.
func (s *Scanner) Err() error { return s.err }
