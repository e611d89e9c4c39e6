package pipe

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"

	"github.com/langsplit/langsplit/internal/htmltext"
)

func charsetFor(name string) encoding.Encoding {
	if strings.Contains(name, "1256") {
		return charmap.Windows1256
	}
	return nil
}

// lettersOf returns the letters of s, in order.
func lettersOf(s string) []rune {
	var out []rune
	for _, r := range s {
		if unicode.IsLetter(r) {
			out = append(out, r)
		}
	}
	return out
}

// holds reports whether sub is a subsequence of s.
func holds(s, sub []rune) bool {
	i := 0
	for _, r := range s {
		if i < len(sub) && r == sub[i] {
			i++
		}
	}
	return i == len(sub)
}

// visible returns the text a browser shows of a piece of a page.
func visible(t *testing.T, piece []byte, cs encoding.Encoding) string {
	t.Helper()
	b, err := io.ReadAll(htmltext.NewReader(bytes.NewReader(piece), htmltext.Options{Charset: cs, Replace: true}))
	if err != nil {
		t.Fatalf("visible text of %q: %v", piece, err)
	}
	return string(b)
}

// checkSrc checks the src ranges of a page's records: inside the page, in
// order, and each holding the letters of its block, in order, in its
// visible text.
func checkSrc(t *testing.T, page []byte, s *memSink, cs encoding.Encoding) {
	t.Helper()
	var prevStart int64
	for i, r := range s.recs {
		if r.SrcStart == nil || r.SrcEnd == nil {
			t.Fatalf("record %d has no src range", r.Block)
		}
		a, b := *r.SrcStart, *r.SrcEnd
		if a < prevStart || a > b || b > int64(len(page)) {
			t.Fatalf("record %d: src %d–%d out of order or outside the page (%d bytes; previous start %d)", r.Block, a, b, len(page), prevStart)
		}
		prevStart = a
		want := lettersOf(s.raws[i])
		got := lettersOf(visible(t, page[a:b], cs))
		if !holds(got, want) {
			t.Errorf("record %d: the visible text of src %d–%d %q does not hold the block's letters %q", r.Block, a, b, page[a:b], s.raws[i])
		}
	}
}

// randomPage writes a page of random structure: nested blocks, inline
// markup, tables, lists, pre, entities, comments, scripts and styles with
// Persian in them, English and Persian words.
func randomPage(rng *rand.Rand) string {
	en := strings.Fields("the page shows a list of words and numbers in English for this test with more text")
	fa := strings.Fields("این صفحه فهرستی از کلمه\u200cها و عددها به فارسی برای آزمون است با متن بیشتر")
	ents := []string{"&amp;", "&nbsp;", "&laquo;", "&raquo;", "&#1662;", "&#x6AF;", "&zwnj;", "&copy", "&lt;", "&notanentity;", "&"}
	var sb strings.Builder
	sb.WriteString("<!doctype html><html><head><title>عنوان title</title><script>var s = \"متن اسکریپت <b>\";</script></head><body>\n")
	words := func(n int) {
		lang := en
		if rng.IntN(2) == 0 {
			lang = fa
		}
		for range n {
			switch rng.IntN(12) {
			case 0:
				sb.WriteString(ents[rng.IntN(len(ents))])
			case 1:
				sb.WriteString("<b>" + lang[rng.IntN(len(lang))] + "</b>")
			case 2:
				sb.WriteString("\n   ")
			case 3:
				sb.WriteString("<!-- توضیح comment -->")
			case 4:
				lang = fa
				if rng.IntN(2) == 0 {
					lang = en
				}
			}
			sb.WriteString(lang[rng.IntN(len(lang))])
			sb.WriteString(" ")
		}
	}
	for range 5 + rng.IntN(20) {
		switch rng.IntN(9) {
		case 0:
			sb.WriteString("<p>")
			words(3 + rng.IntN(15))
			sb.WriteString("</p>\n")
		case 1:
			sb.WriteString("<div><div>")
			words(2 + rng.IntN(8))
			sb.WriteString("</div><span>")
			words(2)
			sb.WriteString("</span></div>")
		case 2:
			sb.WriteString("<table><tr><td>")
			words(2)
			sb.WriteString("</td><td>")
			words(3)
			sb.WriteString("</td></tr><tr><th>")
			words(1)
			sb.WriteString("</th></tr></table>")
		case 3:
			sb.WriteString("<ul><li>")
			words(3)
			sb.WriteString("<li>")
			words(4)
			sb.WriteString("</ul>")
		case 4:
			sb.WriteString("<pre>\n")
			words(5)
			sb.WriteString("\n  indented\n</pre>")
		case 5:
			sb.WriteString("<style>p::before{content:\"سبک\"}</style><script>alert('هشدار')</script>")
		case 6:
			sb.WriteString("<h2>")
			words(3)
			sb.WriteString("</h2>")
		case 7:
			words(4)
			sb.WriteString("<br>")
		default:
			sb.WriteString(fmt.Sprintf("<p dir=\"rtl\">%s <bdi>%s</bdi> %s</p>", fa[rng.IntN(len(fa))], en[rng.IntN(len(en))], fa[rng.IntN(len(fa))]))
		}
	}
	sb.WriteString("</body></html>\n")
	return sb.String()
}

// TestSrcProperty: on random pages, in UTF-8 and in Windows-1256, every
// block's src range is in order and holds its letters.
func TestSrcProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 13))
	enc := charmap.Windows1256.NewEncoder()
	for i := range 300 {
		page := randomPage(rng)
		data := []byte(page)
		var cs encoding.Encoding
		name := fmt.Sprintf("page%d.html", i)
		if i%3 == 2 {
			// Windows-1256 has no Persian ی: pages typed the Arabic ي.
			p := strings.ReplaceAll(page, "ی", "ي")
			p = strings.Replace(p, "<head>", `<head><meta charset="windows-1256">`, 1)
			b, err := encoding.ReplaceUnsupported(enc).Bytes([]byte(p))
			if err != nil {
				t.Fatal(err)
			}
			data, cs = b, charmap.Windows1256
		}
		s := runTiers(t, defaultOpts, name, data)
		if len(s.recs) == 0 {
			t.Fatalf("%s: no records", name)
		}
		checkSrc(t, data, s, cs)
		if t.Failed() {
			t.Fatalf("page:\n%s", data)
		}
	}
}
