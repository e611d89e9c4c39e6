package bidi

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Fuzz targets; with plain go test they run on their seeds. Run one with
// e.g. go test ./bidi -run '^$' -fuzz FuzzIdempotent -fuzztime 30s.

var fuzzSeeds = []string{
	"",
	"من می روم و کتاب ها را می خوانم.",
	"علي كريم \u0640\u0640 \u0661\u0662 سَلام",
	"\u202bاست\u202c \u202bشده\u202c \u202bنوشته\u202c 3.14",
	".تسا هدش هتشون شیامزآ یارب هک تسا هاتوک نتم کی نیا",
	"\ufeb3\ufefc\ufee1 \ufdfa \ufdfd \ufe70",
	"COVID-19 و v1.2.3 و user@example.org و https://example.com/كتاب?q=۱",
	"ب\u200c\u064e\u200cب \u200c\u200d\u200c می\u200c روم",
	"a\xffب\xe2\x80\n\r\nمی\nروم",
	"رئالیسم رئیس لئیم\n9. گینه\nهرک",
	// A mirrored page and a word-reversed one: stretches decided visual.
	".تسا هدش هتشون شیامزآ یارب هک تسا هاتوک نتم کی نیا\n.دننک\u200cیم یزاب طایح رد اه\u200cهچب و دنتسه زیم یور اه\u200cباتک\nجیاتن\r\n.دش رشتنم 2024 خیرات رد همانرب 3.14 هخسن\n",
	// The hazm preset's lexicon: joined verbs, بر, joined plurals, بی.
	"نمیدانم میگفت بر\u200cمیدارم بر\u200cمی\u200cدارم برمیگردم میدانی کتابهایش جبههای بی دلیل خونه هاشون مِیدانَم میدانمx",
	"\u202bاست\u202c \u202bشده\u202c \u202bنوشته\u202c\n\u202bکرد\u202c \u202bپیدا\u202c (\u202bرا\u202c \u202b)کتاب\u202c\n\u202bﮐ\u202c\n\u202bﻪ\u202c\n",
}

// fuzzOptions picks the options from a fuzzed byte.
func fuzzOptions(b byte) (string, Options) {
	lang := [...]string{"fa", "fa", "fa", "ar", "en"}[int(b)%5]
	o := Options{
		Digits:          Digits(int(b>>3) % 3),
		StripDiacritics: b&0x20 != 0,
		NoAffixJoin:     b&0x40 != 0,
		NoVisualRepair:  b&0x80 != 0,
		Preset:          Preset(int(b) / 5 % 2),
	}
	return lang, o
}

func addSeeds(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, byte(i*37))
	}
}

// Normalizing twice gives what normalizing once gives, the output is valid
// UTF-8, and the second pass repairs nothing.
func FuzzIdempotent(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string, ob byte) {
		lang, o := fuzzOptions(ob)
		n := New(lang, o)
		once := n.String(s)
		if !utf8.ValidString(once) {
			t.Fatalf("invalid UTF-8 out: %q", once)
		}
		twice := n.String(once)
		if twice != once {
			t.Fatalf("%s %+v not idempotent:\n   in %q\n once %q\ntwice %q", lang, o, s, once, twice)
		}
		if n.RepairedLines() != 0 {
			t.Fatalf("second pass repaired %d lines: %q", n.RepairedLines(), once)
		}
	})
}

// The transformer gives the same output for any cut of the input into
// chunks, and any destination size.
func FuzzChunks(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, byte(i*37), uint16(i*7919))
	}
	f.Fuzz(func(t *testing.T, s string, ob byte, cuts uint16) {
		lang, o := fuzzOptions(ob)
		o.MaxLine = MinMaxLine // exercise the cuts of long lines too
		n := New(lang, o)
		want := n.String(s)
		wantRepaired := n.RepairedLines()
		sizes := []int{int(cuts%13) + 1, int(cuts>>4%29) + 1, int(cuts>>9%97) + 1}
		got := chunked(t, n, []byte(s), sizes, int(cuts>>12)*97+1)
		if string(got) != want {
			t.Fatalf("sizes %v: chunked %q, whole %q", sizes, got, want)
		}
		if n.RepairedLines() != wantRepaired {
			t.Fatalf("sizes %v: repaired %d, whole %d", sizes, n.RepairedLines(), wantRepaired)
		}
	})
}

// asciiText returns the ASCII bytes of s other than white space.
func asciiText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < utf8.RuneSelf && c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Latin letters, ASCII digits and punctuation are never altered: without
// visual repair (which may reorder a line's words), the ASCII text of the
// output is that of the input, for every language and the keep policy; the
// digit policies change no ASCII letter.
func FuzzASCIIPreserved(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string, ob byte) {
		lang, o := fuzzOptions(ob)
		o.NoVisualRepair = true
		out := New(lang, o).String(s)
		in := s
		if o.Digits != DigitsKeep {
			keepLetters := func(r rune) rune {
				if r < utf8.RuneSelf && isASCIILetter(byte(r)) {
					return r
				}
				return -1
			}
			in, out = strings.Map(keepLetters, in), strings.Map(keepLetters, out)
		}
		if asciiText(out) != asciiText(in) {
			t.Fatalf("%s %+v: ASCII changed:\n in %q\nout %q", lang, o, s, out)
		}
	})
}

// sanitizeURL keeps the bytes that URLs and e-mail addresses are made of.
func sanitizeURL(s string) string {
	var b strings.Builder
	for i := 0; i < len(s) && b.Len() < 40; i++ {
		c := s[i]
		if isASCIIAlnum(c) || strings.IndexByte("-._~/?#[]@!$&'()*+,;=%:", c) >= 0 {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// URLs, e-mail addresses, versions and Latin words inside Persian text come
// out byte for byte, with any options and with visual repair on.
func FuzzURLPreserved(f *testing.F) {
	for i, s := range []string{"example.com/2024", "a/b?c=1&d=%20", "x", "v1.2.3", "COVID-19"} {
		f.Add(s, fuzzSeeds[i%len(fuzzSeeds)], byte(i*53))
	}
	f.Fuzz(func(t *testing.T, raw, context string, ob byte) {
		_, o := fuzzOptions(ob)
		if !utf8.ValidString(context) {
			return
		}
		context = strings.Map(func(r rune) rune {
			if r == '\n' || r < utf8.RuneSelf && isASCIIAlnum(byte(r)) {
				return ' '
			}
			return r
		}, context)
		body := sanitizeURL(raw)
		for _, tok := range []string{
			"https://" + body + ".example.org/" + body,
			"user." + strings.Map(func(r rune) rune {
				if r < utf8.RuneSelf && isASCIIAlnum(byte(r)) {
					return r
				}
				return -1
			}, body) + "@example.com",
			"v1.2." + strings.Repeat("3", len(body)%4+1),
			"COVID-19",
		} {
			in := "من " + context + " به " + tok + " و " + context + " می روم"
			out := New("fa", o).String(in)
			if !strings.Contains(out, tok) {
				t.Fatalf("%+v: %q lost in\n in %q\nout %q", o, tok, in, out)
			}
		}
	})
}

// A phrase ligature (its expansion holds spaces) next to embeddings once
// sent the word-order repair into an endless loop.
func TestLigatureBeforeEmbedding(t *testing.T) {
	for _, s := range []string{
		"\u202bا\u202c \ufdfa\u202bب\u202c \u202bپ\u202c",
		"\u202bا\u202c\ufdfa\u202bب\u202c",
		"\ufdfa\u202bا\u202c \u202bب\u202c x",
	} {
		n := New("fa", Options{})
		once := n.String(s)
		if twice := n.String(once); twice != once {
			t.Errorf("%q: %q then %q", s, once, twice)
		}
	}
}
