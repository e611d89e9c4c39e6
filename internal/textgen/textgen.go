// Package textgen generates mixed English/Persian/Arabic text of realistic
// composition for benchmarks and scale tests. It assembles documents from
// sentence pools written for the project (pools.go) in the shapes users
// split: paragraphs in one language, alternating lines, mixed sentences,
// short terms inside sentences of the other language, Arabic quotations in
// Persian text, subtitles, web-page boilerplate, URLs and numbers. Output is
// deterministic for a seed.
package textgen

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"

	"github.com/langsplit/langsplit/internal/iobuf"
)

// Kind selects the composition of the generated text.
type Kind int

// The kinds of text Generate writes.
const (
	Mixed   Kind = iota // all the shapes below, mixed
	English             // English paragraphs only
	Persian             // Persian paragraphs only
)

// ParseKind parses "mixed", "en" or "fa".
func ParseKind(s string) (Kind, error) {
	switch s {
	case "mixed":
		return Mixed, nil
	case "en":
		return English, nil
	case "fa":
		return Persian, nil
	}
	return 0, fmt.Errorf("textgen: unknown kind %q (want mixed, en or fa)", s)
}

// Generate writes at least size bytes of text of the given kind to w,
// ending at the end of a line.
func Generate(w io.Writer, kind Kind, size int64, seed uint64) error {
	bw := iobuf.NewWriter(w)
	g := &gen{r: rand.New(rand.NewPCG(seed, seed^0x9E3779B97F4A7C15)), w: bw}
	for g.n < size && g.err == nil {
		switch kind {
		case English:
			g.paragraph(english)
		case Persian:
			g.paragraph(persian)
		default:
			g.shape()
		}
	}
	if g.err != nil {
		return g.err
	}
	return bw.Flush()
}

// Bytes returns Generate's output for size and seed.
func Bytes(kind Kind, size int, seed uint64) []byte {
	var sb strings.Builder
	sb.Grow(size + 1024)
	_ = Generate(&sb, kind, int64(size), seed) // a strings.Builder does not fail
	return []byte(sb.String())
}

type gen struct {
	r   *rand.Rand
	w   *bufio.Writer
	n   int64
	err error
	srt int
}

func (g *gen) put(ss ...string) {
	for _, s := range ss {
		if g.err != nil {
			return
		}
		var k int
		k, g.err = g.w.WriteString(s)
		g.n += int64(k)
	}
}

func (g *gen) pick(pool []string) string { return pool[g.r.IntN(len(pool))] }

// paragraph writes 2–5 sentences of one pool and a blank line.
func (g *gen) paragraph(pool []string) {
	k := 2 + g.r.IntN(4)
	for i := range k {
		if i > 0 {
			g.put(" ")
		}
		g.put(g.pick(pool))
	}
	g.put("\n\n")
}

// shape writes one stretch of mixed text in a shape chosen at random, with
// weights that give about 45% English, 45% Persian and 10% Arabic bytes.
func (g *gen) shape() {
	switch x := g.r.IntN(100); {
	case x < 22:
		g.paragraph(english)
	case x < 44:
		g.paragraph(persian)
	case x < 54: // alternating lines
		for i := range 2 + g.r.IntN(4) {
			if i%2 == 0 {
				g.put(g.pick(english), "\n")
			} else {
				g.put(g.pick(persian), "\n")
			}
		}
		g.put("\n")
	case x < 64: // sentences of both languages in one paragraph
		for i := range 3 + g.r.IntN(3) {
			if i > 0 {
				g.put(" ")
			}
			if g.r.IntN(2) == 0 {
				g.put(g.pick(english))
			} else {
				g.put(g.pick(persian))
			}
		}
		g.put("\n\n")
	case x < 76: // a term of the other language inside a sentence
		if g.r.IntN(2) == 0 {
			g.put(insert(g.pick(persian), g.pick(englishTerms), g.r), "\n")
		} else {
			g.put(insert(g.pick(english), g.pick(persianTerms), g.r), "\n")
		}
		g.put("\n")
	case x < 84: // an Arabic quotation in Persian text
		g.put(g.pick(persian), "\n", "چنان\u200cکه گفته\u200cاند:\n«", g.pick(arabic), "»\n", g.pick(persian), "\n\n")
	case x < 88: // an Arabic paragraph
		g.paragraph(arabic)
	case x < 94: // subtitles
		for range 2 {
			g.srt++
			s := g.srt
			g.put(fmt.Sprintf("%d\n00:%02d:%02d,%03d --> 00:%02d:%02d,%03d\n", s, s/60%60, s%60, s*7%1000, s/60%60, (s+2)%60, s*11%1000))
			if s%2 == 0 {
				g.put(g.pick(english), "\n\n")
			} else {
				g.put(g.pick(persian), "\n\n")
			}
		}
	default: // web page: boilerplate, dates, links, numbers
		g.put("Skip to main content\nHome | About | Contact\n\n", g.pick(english), "\n")
		g.put("Posted on ", fmt.Sprint(1+g.r.IntN(28)), " March 2024 — https://example.com/blog/", fmt.Sprint(g.r.IntN(10000)), "\n\n")
		g.put("۲۴ اسفند ۱۴۰۲\n", g.pick(persian), " …\nادامه مطلب\n\n")
	}
}

// insert puts term after a random word of sentence.
func insert(sentence, term string, r *rand.Rand) string {
	words := strings.Fields(sentence)
	if len(words) < 2 {
		return sentence + " " + term
	}
	i := 1 + r.IntN(len(words)-1)
	return strings.Join(words[:i], " ") + " " + term + " " + strings.Join(words[i:], " ")
}
