package bidi

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/langsplit/langsplit/internal/arabic"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

func TestParseDigits(t *testing.T) {
	for _, d := range []Digits{DigitsKeep, DigitsFa, DigitsLatin} {
		got, err := ParseDigits(d.String())
		if err != nil || got != d {
			t.Errorf("ParseDigits(%q) = %v, %v; want %v", d.String(), got, err, d)
		}
	}
	if _, err := ParseDigits("arabic"); err == nil {
		t.Error("ParseDigits(arabic) gave no error")
	}
	if s := Digits(7).String(); s != "Digits(7)" {
		t.Errorf("Digits(7).String() = %q", s)
	}
}

func TestLanguages(t *testing.T) {
	in := "\u200fكتاب ي\u0640 \ufefb \u0661 می روم\u202c"
	for _, c := range []struct{ lang, want string }{
		{"en", "كتاب يـ ﻻ ١ می روم"},
		{"und-Cyrl", "كتاب يـ ﻻ ١ می روم"},
		{"und", "كتاب يـ ﻻ ١ می روم"},
		{"ar", "كتاب يـ لا ١ می روم"},
		{"fa", "کتاب ی لا ۱ می\u200cروم"},
	} {
		if got := New(c.lang, Options{}).String(in); got != c.want {
			t.Errorf("New(%q): got %q, want %q", c.lang, got, c.want)
		}
	}
}

// chunked runs the transformer over in, cut into pieces of the given sizes
// in turn, with a destination buffer of dstSize bytes.
func chunked(t testing.TB, tr transform.Transformer, in []byte, sizes []int, dstSize int) []byte {
	tr.Reset()
	var out []byte
	dst := make([]byte, dstSize)
	var pending []byte
	k := 0
	for src := in; ; {
		n := sizes[k%len(sizes)]
		k++
		if n > len(src) {
			n = len(src)
		}
		pending = append(pending, src[:n]...)
		src = src[n:]
		atEOF := len(src) == 0
		for {
			nDst, nSrc, err := tr.Transform(dst, pending, atEOF)
			out = append(out, dst[:nDst]...)
			pending = pending[nSrc:]
			if err == transform.ErrShortDst {
				continue
			}
			if err == transform.ErrShortSrc && !atEOF {
				break
			}
			if err != nil {
				t.Fatalf("Transform: %v", err)
			}
			if !atEOF && len(pending) > 0 {
				t.Fatalf("Transform returned nil with %d bytes left", len(pending))
			}
			break
		}
		if atEOF {
			if len(pending) != 0 {
				t.Fatalf("%d bytes never consumed", len(pending))
			}
			return out
		}
	}
}

func TestTransformChunks(t *testing.T) {
	in := []byte(strings.Repeat("من می روم و کتاب ها را \u200fمی خوانم. COVID-19 و example.com\n", 20) +
		".تسا هدش هتشون شیامزآ یارب هک تسا هاتوک نتم کی نیا\n\ufdfa\ufdfa بدون پایان")
	for _, lang := range []string{"fa", "ar", "en"} {
		n := New(lang, Options{})
		want := n.Bytes(in)
		wantRepaired := n.RepairedLines()
		for _, sizes := range [][]int{{1}, {2, 3}, {7}, {64}, {1000}} {
			for _, dstSize := range []int{1, 3, 5, 64, 4096} {
				got := chunked(t, n, in, sizes, dstSize)
				if !bytes.Equal(got, want) {
					t.Fatalf("%s sizes %v dst %d:\n got %q\nwant %q", lang, sizes, dstSize, got, want)
				}
				if n.RepairedLines() != wantRepaired {
					t.Fatalf("%s: repaired %d, want %d", lang, n.RepairedLines(), wantRepaired)
				}
			}
		}
	}
	if got := New("fa", Options{}); got.String("") != "" {
		t.Error("empty input")
	}
}

func TestReaderAndChain(t *testing.T) {
	in := strings.Repeat("\u202bمی روم\u202c و كتاب ها\n", 1000)
	want := New("fa", Options{}).String(in)
	r := transform.NewReader(strings.NewReader(in), New("fa", Options{}))
	got, err := io.ReadAll(r)
	if err != nil || string(got) != want {
		t.Fatalf("Reader: err %v, equal %v", err, string(got) == want)
	}
	s, _, err := transform.String(transform.Chain(StripControls, New("fa", Options{})), in)
	if err != nil || s != want {
		t.Fatalf("Chain: err %v, equal %v", err, s == want)
	}
}

func TestRepairedLinesCumulative(t *testing.T) {
	n := New("fa", Options{})
	vis := []byte(".تسا هدش هتشون شیامزآ یارب هک تسا هاتوک نتم کی نیا\n")
	var buf bytes.Buffer
	w := transform.NewWriter(&buf, n)
	for range 3 {
		if _, err := w.Write(vis); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if n.RepairedLines() != 3 {
		t.Errorf("after three lines through Transform: %d", n.RepairedLines())
	}
	n.String(strings.Repeat(string(vis), 2))
	if n.RepairedLines() != 2 {
		t.Errorf("after String: %d, want 2 (String resets)", n.RepairedLines())
	}
	// One line is never mirrored on its own evidence.
	if got := n.String(string(vis)); got != string(vis) || n.RepairedLines() != 0 {
		t.Errorf("a lone mirrored line was repaired: %q", got)
	}
	n.Reset()
	if n.RepairedLines() != 0 {
		t.Errorf("after Reset: %d", n.RepairedLines())
	}
	if New("fa", Options{NoVisualRepair: true}).String(string(vis)) != string(vis) {
		t.Error("NoVisualRepair repaired")
	}
}

// A line longer than MaxLine is normalized in pieces cut after a space, the
// same way whatever the chunks, and memory stays within the cap.
func TestMaxLine(t *testing.T) {
	line := strings.Repeat("کتاب ها می روم ", 200) // 5 KB, no line feed
	n := New("fa", Options{MaxLine: 300})
	want := n.String(line + "\n" + line)
	for _, sizes := range [][]int{{1}, {13}, {299}, {300}, {301}, {10000}} {
		got := chunked(t, n, []byte(line+"\n"+line), sizes, 17)
		if string(got) != want {
			t.Fatalf("sizes %v: chunked output differs", sizes)
		}
		if cap(n.line) > 2*300 {
			t.Fatalf("line buffer grew to %d bytes", cap(n.line))
		}
	}
	if strings.Count(want, "\u200c") == 0 {
		t.Error("no affix joined in long lines")
	}
	// One token longer than the cap: cut at a rune boundary, not inside one.
	long := strings.Repeat("ب", 1000)
	if got := New("fa", Options{MaxLine: 301}).String(long); got != long {
		t.Errorf("long token changed: %d bytes, valid %v", len(got), utf8.ValidString(got))
	}
	if New("fa", Options{MaxLine: 1}).maxLine != MinMaxLine {
		t.Error("MaxLine below MinMaxLine not raised")
	}
}

func TestInvalidUTF8(t *testing.T) {
	for _, lang := range []string{"fa", "ar", "en"} {
		got := New(lang, Options{}).String("a\xffب\xe2\x80")
		if !utf8.ValidString(got) || got != "a\uFFFDب\uFFFD\uFFFD" {
			t.Errorf("%s: %q", lang, got)
		}
	}
}

func TestStripControls(t *testing.T) {
	in := "\ufeffa\u200eب\u202b\u2067c\u2069\u202c\u061c"
	got, _, err := transform.String(StripControls, in)
	if err != nil || got != "aبc" {
		t.Errorf("StripControls: %q, %v", got, err)
	}
	n, err := StripControls.Span([]byte("abc بپ\u200e"), true)
	if n != len("abc بپ") || !errors.Is(err, transform.ErrEndOfSpan) {
		t.Errorf("Span: %d, %v", n, err)
	}
	n, err = StripControls.Span([]byte("abc\xe2\x80"), false)
	if n != 3 || !errors.Is(err, transform.ErrShortSrc) {
		t.Errorf("Span short: %d, %v", n, err)
	}
	if n, err := StripControls.Span([]byte("plain متن"), true); n != len("plain متن") || err != nil {
		t.Errorf("Span whole: %d, %v", n, err)
	}
	if got := chunked(t, StripControls, []byte(in), []int{1}, 3); string(got) != "aبc" {
		t.Errorf("StripControls chunked: %q", got)
	}
}

// The ar normalizer folds every presentation form to its NFKC expansion
// (internal/arabic's table, whose own test checks it against the ranges of
// the design), and U+FDFD, which has none, to the bismillah's words.
func TestFoldsPresentationForms(t *testing.T) {
	n := New("ar", Options{})
	count := 0
	for r := range arabic.Forms() {
		count++
		if got, want := n.String(string(r)), norm.NFKC.String(string(r)); got != want {
			t.Errorf("%U folds to %q, NFKC gives %q", r, got, want)
		}
	}
	if count < 700 {
		t.Errorf("only %d presentation forms", count)
	}
	if got := n.String("\uFDFD"); got != "بسم الله الرحمن الرحيم" {
		t.Errorf("U+FDFD folds to %q", got)
	}
}

// Every listed function word fits the packed keys of score.go.
func TestWordLists(t *testing.T) {
	for w := range functionWords {
		if _, ok := packWord([]rune(w), false); !ok {
			t.Errorf("function word %q cannot be keyed (over %d letters or outside U+0600–U+06FE)", w, maxPacked)
		}
	}
	if functionKeys.Len() != len(functionWords) {
		t.Errorf("%d keys for %d words", functionKeys.Len(), len(functionWords))
	}
	for w := range functionWords {
		k, _ := packWord([]rune(w), false)
		r, _ := packWord([]rune(w), true)
		if !functionKeys.Has(k) || (functionKeys.Has(r) != functionWords[reverseString(w)]) {
			t.Errorf("key set disagrees with the list on %q", w)
		}
	}
	for r := range letterPosition {
		if r < 0x0600 || r > 0x06FF {
			t.Errorf("letterPosition has %q outside the Arabic block", r)
		}
	}
}

// The fast character classes agree with the unicode package.
func TestCharClasses(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := isSpace(r), unicode.IsSpace(r) && r != '\n'; got != want {
			t.Fatalf("isSpace(%U) = %v", r, got)
		}
		if got, want := isLatinLetter(r), unicode.Is(unicode.Latin, r); got != want && r >= 0x80 {
			t.Fatalf("isLatinLetter(%U) = %v", r, got)
		}
		if got, want := isArabicLetter(r), unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r); got != want {
			t.Fatalf("isArabicLetter(%U) = %v", r, got)
		}
		if got, want := isMark(r), unicode.Is(unicode.Mn, r); got != want {
			t.Fatalf("isMark(%U) = %v", r, got)
		}
	}
}

func reverseString(s string) string {
	r := []rune(s)
	slices.Reverse(r)
	return string(r)
}

// A line that grows past the room left in dst (phrase ligatures expand
// elevenfold) is still written whole and in order.
func TestGrowingLineIntoDst(t *testing.T) {
	in := []byte(strings.Repeat("\ufdfa", 100) + "\n" + strings.Repeat("\ufdfa", 3) + "\n")
	for _, lang := range []string{"fa", "ar"} {
		n := New(lang, Options{})
		want := n.Bytes(in)
		for _, size := range []int{len(in) * 2, len(in)*2 + 100, len(in) * 4, len(in) * 13, 64} {
			if got := chunked(t, n, in, []int{len(in)}, size); !bytes.Equal(got, want) {
				t.Errorf("%s dst %d: got %d bytes, want %d", lang, size, len(got), len(want))
			}
		}
	}
}

func TestZeroNormalizer(t *testing.T) {
	var n Normalizer
	if got := n.String("\u200fa\u202bب\u202c\n"); got != "aب\n" {
		t.Errorf("zero Normalizer: %q", got)
	}
	var z Normalizer
	if got, _, err := transform.String(&z, "x\u200ey"); err != nil || got != "xy" {
		t.Errorf("zero Normalizer Transform: %q, %v", got, err)
	}
}

// می is also "wine" in poetry: it is joined only before a word that reads as
// a verb, and never before one that starts with می or نمی itself.
func TestAffixWine(t *testing.T) {
	n := New("fa", Options{})
	for _, s := range []string{
		"ساقی بیا که می خواه دل ماست",
		"به می نام نیک بردند",
		"پیر ما می میفروخته است",
		"از می جمله عالم مست شد",
		"می تمام شد",
		"ماه می سال گذشته",
	} {
		if got := n.String(s); strings.Contains(got, "می\u200c") {
			t.Errorf("%q: joined می: %q", s, got)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"من می روم", "من می\u200cروم"},
		{"او نمی داند", "او نمی\u200cداند"},
		{"دارم می خوام برم", "دارم می\u200cخوام برم"},
		{"این می شه", "این می\u200cشه"},
		{"ما می گفتیم", "ما می\u200cگفتیم"},
		{"آنها می خواهند", "آنها می\u200cخواهند"},
	} {
		if got := n.String(c.in); got != c.want {
			t.Errorf("%q: got %q, want %q", c.in, got, c.want)
		}
	}
}
