package segment

import (
	"encoding/binary"
	"math/bits"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/langsplit/langsplit/internal/textgen"
)

// TestFastPathsAgree checks that the engine's fast paths (asciiLine,
// persianLine) decide every line as the tokenizer and decide do
// (engine.tokenLine, for every line): the same blocks, and the same context for the lines
// after (a later line with only a trace of Arabic evidence follows it).
// The texts are the eval documents, generated text and random lines made
// of the words and punctuation the fast paths test for.
func TestFastPathsAgree(t *testing.T) {
	texts := map[string][]byte{}
	for _, g := range []string{"../../shared/eval/*/docs/*", "../../shared/eval/pdfdev/*/*.txt"} {
		files, _ := filepath.Glob(g)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts[f] = b
		}
	}
	for _, k := range []textgen.Kind{textgen.Mixed, textgen.Persian, textgen.English} {
		texts["textgen"+string(rune('0'+k))] = textgen.Bytes(k, 1<<20, 5)
	}
	// asciiLine's words for certain (S1.3, S1.5), each line after a
	// Persian one: letters outside and inside URLs, paths, addresses and
	// tags, a tag's quoted value holding spaced words.
	texts["asciiLine words"] = []byte("سلام دنیا\nPosted on 9 March \u2014 https://example.com/blog/1\n" +
		"سلام\n/usr/bin/env ls\nسلام\nwww.example.com is down\nسلام\nwww.example.com\nسلام\nmail a.b@example.com now\n" +
		"سلام\n<span title=\"\u00e9 hello world foo\">\nسلام\n<span title=\"\u00e9 a b\">Hi there</span>\n" +
		"سلام\n.NET is here\nسلام\nC:\\Program Files\\x\nسلام\nand/or\nسلام\nsee ~/notes.txt\n")
	texts["asciiLine at the end"] = []byte("سلام دنیا\n/usr")
	r := rand.New(rand.NewPCG(12, 34))
	for d := range 1000 {
		texts["random"+strings.Repeat("x", d%7)+string(rune('A'+d%26))+string(rune('a'+d/26))] = randomLines(r, 60)
	}
	for d := range 500 {
		var doc []byte
		for range 20 {
			if r.IntN(3) == 0 {
				doc = append(doc, "قالَ العِلْمُ في الكتاب.\n"...) // the context: Arabic (S5.6)
			}
			doc = append(doc, randomSentences(r)...)
			if r.IntN(8) == 0 {
				// An English sentence with a Persian word of evidence, then a
				// Persian one without: only the Persian sentence's evidence
				// counts for the context (S5.6).
				doc = append(doc, "Please open the پرونده\u200cها now. ساعت خانه.\n"...)
			}
			if r.IntN(2) == 0 {
				doc = append(doc, "سأل\n"...) // a trace of Arabic evidence: follows the context
			}
			doc = append(doc, randomLines(r, 1+r.IntN(2))...)
		}
		texts["sentences"+strings.Repeat("x", d%7)+string(rune('A'+d%26))+string(rune('a'+d/26))] = doc
	}
	for d := range 300 {
		// Lines of Arabic sentences (arabicLine's), in documents that write
		// Persian with ی/ک, with ي/ك or not at all.
		var doc []byte
		for range 12 {
			switch r.IntN(4) {
			case 0:
				doc = append(doc, "این کتاب را دیروز خریدم.\n"...)
			case 1:
				doc = append(doc, "اين كتاب را ديروز خريدم.\n"...)
			}
			doc = append(doc, randomArabicLine(r)...)
		}
		texts["arabic lines"+strings.Repeat("x", d%7)+string(rune('A'+d%26))+string(rune('a'+d/26))] = doc
	}
	// fast reads short texts without a chunkMemo; memo reads every text
	// with one, kept across them all (what it holds must not depend on
	// the text it was read in).
	var fast, memo Segmenter
	memo.e.tk.memo, memo.e.tk.wmemo = new(chunkMemo), new(wordMemo)
	var slow engine
	for name, text := range texts {
		fast.e.tk.memo, fast.e.tk.wmemo = nil, nil
		want := tokenLines(&slow, text)
		for _, s := range []*Segmenter{&fast, &memo} {
			if got := segmentWith(s, text); !slices.Equal(got, want) {
				reportDisagreement(t, name, text, got, want, s.e.tk.memo != nil)
			}
		}
	}
}

// reportDisagreement reports where the fast paths' blocks got first differ
// from the tokenizer's, want.
func reportDisagreement(t *testing.T, name string, text []byte, got, want []Block, memo bool) {
	t.Helper()
	i := 0
	for i < min(len(got), len(want)) && got[i] == want[i] {
		i++
	}
	at := 0
	if i < len(want) {
		at = want[i].Start
	}
	t.Errorf("%s (chunk memo %v): the fast paths decide differently near byte %d: got %+v, want %+v; text there: %q",
		name, memo, at, got[i:min(i+3, len(got))], want[i:min(i+3, len(want))], text[max(0, at-200):min(len(text), at+200)])
}

func segmentWith(s *Segmenter, text []byte) []Block {
	s.Reset(text, Options{})
	var out []Block
	for b, ok := s.Next(); ok; b, ok = s.Next() {
		out = append(out, b)
	}
	return out
}

// tokenLines segments text as Segmenter.Next does, with every line read by
// e.tokenLine.
func tokenLines(e *engine, text []byte) []Block {
	var out []Block
	e.reset(Options{}, &out)
	n, lc := len(text), min(lineCap, e.opts.MaxBlock)
	for pos := 0; pos < n; {
		pos = e.tokenLine(text, 0, pos, min(n, pos+lc), min(n, pos+lc+evidenceAhead))
	}
	e.b.finish(n)
	return out
}

// Pieces of the random lines of TestFastPathsAgree: Persian words with and
// without evidence of their own, Arabic words and marks, Latin content and
// grammar words, numbers in three scripts, and the punctuation that breaks
// sentences, pairs, cells, quotations and paths.
var randomPieces = [][]string{
	{"کتاب", "می\u200cشود", "است", "و", "در", "را", "یک", "خانه", "پرونده\u200cها", "ساعت", "گزارش", "نمی\u200cکند", "پس", "هر", "بیا"},
	{"الكتاب", "في", "على", "مدرسة", "لا", "يعود", "قالَ", "العِلْمُ", "كتاب", "يوم", "إلى", "ٱلله", "ﷲ", "ٹوپی", "هذه",
		"لا يعود", "لا تحزن", "علیه السلام", "رضی الله عنه", "سأل", "على",
		"لا 12 يعود", "لا. يعود", "لا تن"},
	{"Docker", "image", "Kubernetes", "server", "Ubuntu", "API", "A", "A18", "mode", "Node", "js", "café", "MILD", "Mr",
		"Docker image server", "Docker image server API", "pull request"},
	{"the", "and", "is", "of", "to", "in", "with", "you", "can", "will"},
	{"3", "۲۴", "٣", "3.5", "2024", "۱۴۰۲"},
	{".", "،", ",", "؛", ";", "؟", "?", "!", ":", " - ", " | ", "(", ")", "«", "»", "\"", "'", "’", "…", "/", "@", "\t",
		"﴿", "﴾", "-", "—", "\u200f", "\u00a0", "www.", ".com", "\u200c", "\u064b", "#", "=", "{", "•", "\\",
		"/3", "a/", "~/", "@x.com", "//", "\\x",
		"<i>", "</i>", "<b>", "<br>", `<font color="#ff0">`, "</font>", "<file>", "<", "<b and c>"}, // S1.5
}

// randomLines returns n random lines of randomPieces, blank lines among them.
func randomLines(r *rand.Rand, n int) []byte {
	weights := []int{40, 12, 20, 8, 5, 15}
	var b strings.Builder
	for range n {
		if r.IntN(10) == 0 {
			b.WriteString("\n")
			continue
		}
		pieces := 1 + r.IntN(14)
		if r.IntN(3) == 0 {
			pieces = 2 + r.IntN(3) // short lines, where one word can make the host
		}
		for k := range pieces {
			if k > 0 && r.IntN(5) != 0 {
				b.WriteByte(' ')
			}
			x, g := r.IntN(100), 0
			for x >= weights[g] {
				x -= weights[g]
				g++
			}
			p := randomPieces[g]
			b.WriteString(p[r.IntN(len(p))])
		}
		b.WriteString([]string{"\n", ".\n", "\r\n", "؟\n"}[r.IntN(4)])
	}
	return []byte(b.String())
}

// randomSentences returns a line of random sentences, most of one script
// each (randomPieces' Persian, Arabic or Latin words), between sentence
// ends, now and then in « », with now and then what makes the tokenizer
// read it otherwise: an abbreviation or a number before a full stop, a
// tab, no space after the stop, an Arabic word, a sentence of two scripts.
func randomSentences(r *rand.Rand) []byte {
	var b strings.Builder
	b.WriteString([]string{"", "", "", "", " ", "7 ", "«", "«"}[r.IntN(8)])
	for k := range 1 + r.IntN(5) {
		if k > 0 {
			b.WriteString([]string{" ", " ", " ", "  ", "\t", ""}[r.IntN(6)])
		}
		script := r.IntN(3) // Persian, Arabic or Latin content words
		n, second := 1+r.IntN(6), -1
		if r.IntN(4) == 0 { // two runs: a caption (شكل 8.47. Selecting legacy layer mode)
			second = 1 + r.IntN(2)
			n = second + 1 + r.IntN(5)
		}
		for w := range n {
			if w > 0 {
				b.WriteString([]string{" ", " ", " ", "، ", ", ", " 12 ", "\u00a0", "\u00a08.47.\u00a0", " 2024. "}[r.IntN(9)])
			}
			if w == second {
				script = (script + 1 + r.IntN(2)) % 3
			}
			g := script
			switch x := r.IntN(30); {
			case x == 0:
				g = (script + 1 + r.IntN(2)) % 3 // another script
			case x == 1:
				g = 1 // an Arabic word
			case x < 6 && script == 2:
				g = 3 // an English grammar word
			}
			p := randomPieces[g]
			b.WriteString(p[r.IntN(len(p))])
		}
		switch x := r.IntN(20); {
		case x == 0:
			b.WriteString(" 2024")
		case x == 1:
			b.WriteString(" Mr")
		case x == 2:
			b.WriteString(" A")
		}
		b.WriteString([]string{".", ".", "!", "?", "؟", "...", "؛"}[r.IntN(7)])
	}
	b.WriteString([]string{"\n", "\n", "\n", "»\n", " »\n"}[r.IntN(5)])
	return []byte(b.String())
}

// arabicPieces are the words of randomArabicLine: Arabic words with
// evidence of their own (the first list), and others: without, with ي/ك
// and with ی/ک, with a final ى, لا and the verbs it negates, honorific
// formulas and their first words alone, Persian words.
var arabicPieces = [2][]string{
	{"الكتاب", "المدرسة", "مدرسة", "جداً", "كتابٌ", "التي", "العِلْمُ", "قالَ", "ٱلله", "مستشفى", "الى", "إلى", "هذه"},
	{"في", "على", "علی", "يعود", "یعود", "تحزن", "نعمل", "لا", "لا", "قال", "كان", "عليها", "علیه", "السلام",
		"علیه السلام", "صلی الله علیه وسلم", "رضي الله عنه", "عزوجل", "رحمه", "الله", "سبحانه", "وتعالى",
		"کتاب", "می\u200cشود", "است", "پرونده\u200cها", "ولی", "گفت", "كه", "بیا"},
}

// randomArabicLine returns a line of one to four sentences of
// arabicPieces' words, with the punctuation arabicLine reads and some it
// does not, maybe in « ».
func randomArabicLine(r *rand.Rand) []byte {
	var b strings.Builder
	quoted := r.IntN(4) == 0
	if quoted {
		b.WriteString([]string{"«", " «", "«"}[r.IntN(3)])
	}
	clean := r.IntN(2) == 0                                               // a line such as arabicLine takes, but for some of its words
	seps := []string{" ", " ", " ", " ", "، ", ", ", "؛ ", ".", "?", "،"} // what arabicLine reads
	ends := []string{".", ".", ".", "!", "?", "؟", "؟", "...", "؛", ".!", "", "»", ".»"}
	if clean {
		seps, ends = seps[:5], ends[:7]
	} else if r.IntN(4) == 0 {
		seps = append(seps, " 3 ", " (", ") ", " - ", "\u00a0", ": ", " | ") // and what it leaves to the tokenizer
	}
	for k := range 1 + r.IntN(4) {
		if k > 0 {
			b.WriteString([]string{" ", " ", "  ", ""}[r.IntN(4)])
		}
		n := 1 + r.IntN(7)
		pick := func() string {
			p := arabicPieces[min(r.IntN(3), 1)]
			if clean && r.IntN(4) != 0 {
				p = arabicPieces[0]
			}
			return p[r.IntN(len(p))]
		}
		word := pick()
		for w := range n {
			if w > 0 {
				b.WriteString(seps[r.IntN(len(seps))])
			}
			if r.IntN(6) != 0 {
				word = pick() // else the word again (S5.11)
			}
			b.WriteString(word)
		}
		b.WriteString(ends[r.IntN(len(ends))])
	}
	if quoted && r.IntN(2) == 0 {
		b.WriteString("»")
	}
	b.WriteString([]string{"\n", "\n", "\r\n", " \n", ""}[r.IntN(5)])
	return []byte(b.String())
}

// TestArabicLineTaken pins which lines arabicLine takes without tokens (a
// speed contract: TestFastPathsAgree checks that what it takes is decided
// right).
func TestArabicLineTaken(t *testing.T) {
	for _, c := range []struct {
		line string
		ok   bool
	}{
		{"ذهبنا إلى السوق واشترينا الخبز والجبن والتفاح.\n", true},
		{"«هذه الرسالة مهمة جداً، فاقرأها بعناية.» قرأ الطالب الكتاب.\n", false}, // words after the quotation
		{"«هذه الرسالة مهمة جداً، فاقرأها بعناية قبل أن ترد عليها.»\n", true},    // عليها is no formula without السلام
		{"قرأ الطالب الكتاب كله. لا تؤجل عمل اليوم إلى الغد!\n", true},
		{"قال النبي صلى الله عليه وسلم إن العلم نور.\n", false}, // an honorific formula (S5.8)
		{"قرأ الطالب الكتاب في الساعة 9.\n", false},             // a digit
		{"قرأ الطالب الكتاب... ثم نام.\n", false},               // an ellipsis
		{"المدرسة كبيرة. این کتاب خوبی است.\n", false},          // a Persian sentence
		{"المدرسة - الكتاب\n", false},                           // a pair
	} {
		var tk tokenizer
		lt := []byte(c.line)
		if _, ok := tk.arabicLine(lt, 0, len(lt)); ok != c.ok {
			t.Errorf("arabicLine(%q) ok = %v, want %v", c.line, ok, c.ok)
		}
	}
}

// TestPlainMarks checks that plainMarks marks in every eight-byte run a
// byte of a kind past akLetter, that its lowest mark is the first such byte
// (with another one after it, of any value), and that it marks no byte of
// the others but the control bytes below U+0020 (it marks those too).
func TestPlainMarks(t *testing.T) {
	// plainRun is asciiLine's loop on eight bytes: where it stops.
	plainRun := func(run []byte, _ int) int {
		if m := plainMarks(binary.LittleEndian.Uint64(run)); m != 0 {
			return bits.TrailingZeros64(m) >> 3
		}
		return 8
	}
	for c := range 256 {
		at := c % 8
		run := []byte("abcdefgh")
		run[at] = byte(c)
		plain := asciiKind[c] <= akLetter
		got := plainRun(run, 0)
		switch {
		case got == 8 && !plain:
			t.Errorf("byte %#x: plainRun passes it; its kind is %d", c, asciiKind[c])
		case got != 8 && got != at:
			t.Errorf("byte %#x at %d: plainRun stops at %d", c, at, got)
		case got != 8 && plain && c >= 0x20:
			t.Errorf("byte %#x: plainRun stops at it; its kind is %d", c, asciiKind[c])
		}
	}
	for d := range 256 {
		run := []byte("abc.e?gh") // a byte to look at, then any byte
		run[5] = byte(d)
		if got := plainRun(run, 0); got != 3 {
			t.Errorf("%q: plainRun stops at %d, want 3", run, got)
		}
		run = []byte("a?cde\x00gh") // any byte, then one to look at
		run[1] = byte(d)
		want := 5
		if asciiKind[d] > akLetter || d < 0x20 {
			want = 1
		}
		if got := plainRun(run, 0); got != want {
			t.Errorf("%q: plainRun stops at %d, want %d", run, got, want)
		}
	}
}

// FuzzFastPathsAgree is TestFastPathsAgree on any text: the fast paths and
// the tokenizer give the same blocks.
func FuzzFastPathsAgree(f *testing.F) {
	r := rand.New(rand.NewPCG(56, 78))
	for range 20 {
		f.Add(randomLines(r, 8))
		f.Add(randomSentences(r))
	}
	for range 10 {
		f.Add(randomArabicLine(r))
	}
	f.Add([]byte("<i>♪ برف روی تپه\u200cها ♪</i>\nکلید <b>Save</b> را بزنید.\n"))
	var fast, memo Segmenter
	memo.e.tk.memo, memo.e.tk.wmemo = new(chunkMemo), new(wordMemo) // kept across the inputs, as in TestFastPathsAgree
	var slow engine
	f.Fuzz(func(t *testing.T, text []byte) {
		fast.e.tk.memo, fast.e.tk.wmemo = nil, nil
		want := tokenLines(&slow, text)
		for _, s := range []*Segmenter{&fast, &memo} {
			if got := segmentWith(s, text); !slices.Equal(got, want) {
				t.Fatalf("%q (chunk memo %v): the fast paths give %+v, the tokenizer %+v", text, s.e.tk.memo != nil, got, want)
			}
		}
	})
}

// TestPersianLineTaken pins which lines persianLine takes without tokens
// (a speed contract: TestFastPathsAgree checks that what it takes is
// decided right), among them lines whose Latin run joins the Persian
// words by their grammar.
func TestPersianLineTaken(t *testing.T) {
	for _, c := range []struct {
		line string
		ok   bool
	}{
		{"پدر به خانه رفت\n", true},
		{"پدر را Linux Mint Ubuntu\n", true},    // the Latin run has more words, but را is a grammar word: the host is Persian
		{"پدر کتاب Linux Mint Ubuntu\n", false}, // no grammar: the tokenizer weighs the host
		{"پدر گفت هذا الكتاب جديد\n", false},    // Arabic evidence
		{"پدر گفت من عن تو\n", false},           // عن, an Arabic function word, is looked up although the line has Persian points
	} {
		var tk tokenizer
		lt := []byte(c.line)
		if _, _, _, ok := tk.persianLine(lt, 0, len(lt), 3); ok != c.ok {
			t.Errorf("persianLine(%q) ok = %v, want %v", c.line, ok, c.ok)
		}
	}
}

// TestLetterRun checks letterRun against asciiClass: for every byte at
// every place of a run of letters, long enough to be read eight bytes at
// a time and short enough for the byte loop, it stops at that byte exactly
// when the byte is not of class cLatin.
func TestLetterRun(t *testing.T) {
	for _, n := range []int{5, 8, 13, 24} {
		for c := range 256 {
			for at := range n {
				run := []byte(strings.Repeat("aZ", n)[:n])
				run[at] = byte(c)
				want := n
				if asciiClass[c] != cLatin {
					want = at
				}
				if got := letterRun(run, 0); got != want {
					t.Fatalf("%q: letterRun stops at %d, want %d", run, got, want)
				}
			}
		}
	}
}

// TestLatinWords checks latinWords against a byte loop on random runs of
// letters, spaces and a few other bytes: where it stops, it has passed
// only letters and spaces, counted the words that started there, and
// stopped at another byte or in the last eight bytes.
func TestLatinWords(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []byte("aaaazzzAZ     .,1\xd8\t@")
	for range 20000 {
		b := make([]byte, 2+r.IntN(40))
		b[0] = 'x' // a word ends at 1
		for k := 1; k < len(b); k++ {
			b[k] = alphabet[r.IntN(len(alphabet))]
		}
		if b[1] != ' ' && b[1] >= 'A' {
			b[1] = ' '
		}
		end, words := latinWords(b, 1)
		want := 0
		for k := 1; k < end; k++ {
			c := b[k]
			if c != ' ' && asciiClass[c] != cLatin {
				t.Fatalf("%q: latinWords passed %q at %d", b, c, k)
			}
			if asciiClass[c] == cLatin && b[k-1] == ' ' {
				want++
			}
		}
		if words != want {
			t.Fatalf("%q: latinWords counted %d words to %d, want %d", b, words, end, want)
		}
		if end+8 <= len(b) && (b[end] == ' ' || asciiClass[b[end]] == cLatin) {
			t.Fatalf("%q: latinWords stopped at %d, at %q", b, end, b[end])
		}
	}
}
