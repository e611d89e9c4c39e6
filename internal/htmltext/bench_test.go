package htmltext

import (
	"bytes"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/langsplit/langsplit/internal/textgen"
)

// benchPage returns about size bytes of generated HTML: mixed English and
// Persian paragraphs in the markup of a typical page (nested divs,
// headings, links, inline elements, lists, a table, entities, a script and
// a style in the head and the body).
func benchPage(size int) []byte {
	text := strings.Split(string(textgen.Bytes(textgen.Mixed, size, 1)), "\n")
	rng := rand.New(rand.NewPCG(1, 1))
	var b bytes.Buffer
	b.WriteString(`<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>صفحه</title>` +
		`<link rel="stylesheet" href="/s.css"><style>body{margin:0}.nav a{color:#333}</style>` +
		`<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}</script></head><body>` + "\n")
	b.WriteString(`<div class="wrap"><header class="nav"><a href="/">خانه</a> | <a href="/blog">Blog</a> | <a href="/about">درباره</a></header><main>` + "\n")
	for i := 0; b.Len() < size; i++ {
		line := text[i%len(text)]
		switch rng.IntN(8) {
		case 0:
			b.WriteString("<h2 class=\"title\">" + line + "</h2>\n")
		case 1:
			b.WriteString("<ul><li><a href=\"/p/" + string(rune('a'+i%26)) + "\">" + line + "</a></li><li>" + line + "</li></ul>\n")
		case 2:
			b.WriteString("<table><tr><td>" + line + "</td><td>&nbsp;" + line + "</td></tr></table>\n")
		case 3:
			b.WriteString("<script>var x" + string(rune('a'+i%26)) + " = {id: 1, name: \"item\"};</script>\n")
		default:
			b.WriteString("<div class=\"post\"><p>" + line + " <b>" + line + "</b> &laquo;" + line + "&raquo;</p></div>\n")
		}
	}
	b.WriteString("</main><footer>&copy; 2024</footer></div></body></html>\n")
	return b.Bytes()
}

const benchSize = 8 << 20

// BenchmarkBaseline is the yardstick: a plain UTF-8 decoding loop over the
// same page's bytes.
func BenchmarkBaseline(b *testing.B) {
	page := benchPage(benchSize)
	b.SetBytes(int64(len(page)))
	n := 0
	for b.Loop() {
		for i := 0; i < len(page); {
			_, w := utf8.DecodeRune(page[i:])
			i += w
			n++
		}
	}
	_ = n
}

// BenchmarkExtract reads the page's visible text with its Map, as the
// pipeline does (the Map's runs are dropped as blocks are asked for).
func BenchmarkExtract(b *testing.B) {
	page := benchPage(benchSize)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	buf := make([]byte, 64<<10)
	for b.Loop() {
		r := NewReader(bytes.NewReader(page), Options{})
		var out int64
		for {
			n, err := r.Read(buf)
			out += int64(n)
			r.Map.Boundary(out)
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkTokenizer is the tokenizer alone, the floor of Extract.
func BenchmarkTokenizer(b *testing.B) {
	page := benchPage(benchSize)
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		z := html.NewTokenizer(bytes.NewReader(page))
		for z.Next() != html.ErrorToken {
			z.Raw()
		}
	}
}
