package bidi

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/langsplit/langsplit/internal/textgen"
)

// TestQuietStretches checks that holding the quiet lines of a stretch
// without their evidence (feedFa, work.quiet) changes nothing: on every
// fixture, the dev, realdev and pdfdev documents, generated text and
// documents that mix logical and visual lines at random (so that a stretch
// turns loud before, at and after the point where it would be decided
// early, and across stretch ends), the normalizer gives the output and the
// count of repaired lines of one that computes every line's evidence, in
// one call, paragraph by paragraph (as the pipeline normalizes blocks) and
// through Transform in chunks.
func TestQuietStretches(t *testing.T) {
	docs := stretchDocs(t)
	lines, loud := 0, 0
	for _, opts := range []Options{{}, {Digits: DigitsFa}, {Preset: PresetHazm}} {
		quiet, full := New("fa", opts), New("fa", opts)
		full.fullEvidence = true
		same := func(what string, doc []byte, got, want []byte) {
			t.Helper()
			if !bytes.Equal(got, want) || quiet.RepairedLines() != full.RepairedLines() {
				t.Fatalf("%s (%+v), %d bytes from %q: repaired %d, want %d; equal output %v",
					what, opts, len(doc), firstLine(doc), quiet.RepairedLines(), full.RepairedLines(), bytes.Equal(got, want))
			}
		}
		for _, doc := range docs {
			want := full.Bytes(doc)
			same("Bytes", doc, quiet.Bytes(doc), want)
			if full.RepairedLines() > 0 {
				loud++
			}
			lines += bytes.Count(doc, []byte("\n"))
			for _, para := range bytes.SplitAfter(doc, []byte("\n\n")) {
				same("a paragraph", para, quiet.Bytes(para), full.Bytes(para))
			}
			sizes := []int{1 + len(doc)%4093, 64, 7}
			same("Transform", doc, chunked(t, quiet, doc, sizes, 512), chunked(t, full, doc, sizes, 512))
		}
	}
	if loud < 100 {
		t.Errorf("only %d documents had lines repaired: the mixtures do not exercise loud stretches", loud)
	}
	t.Logf("%d documents, %d lines; %d runs repaired lines", len(docs), lines, loud)
}

// stretchDocs returns the documents of TestQuietStretches: every fixture,
// the dev, realdev and pdfdev documents, generated text, and documents that
// mix logical and visual lines at random.
func stretchDocs(t *testing.T) [][]byte {
	var docs [][]byte
	add := func(paths ...string) {
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, b)
		}
	}
	glob := func(pattern string) []string {
		files, err := filepath.Glob(pattern)
		if err != nil || len(files) == 0 {
			t.Fatalf("nothing matches %s: %v", pattern, err)
		}
		return files
	}
	add(goldenFiles(t)...)
	add(glob(filepath.Join("testdata", "pdf", "book", "*.txt"))...)
	for _, set := range []string{"dev/docs", "realdev/docs", "pdfdev/extracted"} {
		add(glob(filepath.Join(sharedDir(t, filepath.Join("eval", filepath.FromSlash(set))), "*.txt"))...)
	}
	docs = append(docs, textgen.Bytes(textgen.Mixed, 1<<20, 3), textgen.Bytes(textgen.Persian, 1<<20, 4))

	// Lines to mix: logical ones, and the same in the three visual orders.
	_, persian := devLines(t)
	var visual []string
	for i, l := range persian {
		switch i % 4 {
		case 0:
			visual = append(visual, uba(l))
		case 1:
			visual = append(visual, shape(uba(l)))
		case 2:
			visual = append(visual, rawOrder(l))
		default:
			visual = append(visual, reverseString(l))
		}
	}
	rng := rand.New(rand.NewPCG(15, 1))
	for i := range 300 {
		var sb strings.Builder
		nLogical, nVisual := 20, 5 // mostly logical, or mostly visual
		if i%2 == 1 {
			nLogical, nVisual = 6, 14
		}
		for range 1 + rng.IntN(6) {
			for range rng.IntN(nLogical) {
				sb.WriteString(persian[rng.IntN(len(persian))])
				sb.WriteByte('\n')
			}
			for range rng.IntN(nVisual) {
				sb.WriteString(visual[rng.IntN(len(visual))])
				sb.WriteByte('\n')
			}
			if rng.IntN(4) == 0 {
				sb.WriteByte('\n')
			}
		}
		docs = append(docs, []byte(sb.String()))
	}
	// A stretch end inside a run of logical lines, then visual ones.
	var long bytes.Buffer
	for i := 0; long.Len() < LookAhead+LookAhead/2; i++ {
		long.WriteString(persian[i%len(persian)] + "\n")
	}
	for i := range 40 {
		long.WriteString(visual[i*7%len(visual)] + "\n")
	}
	docs = append(docs, long.Bytes())

	return docs
}

func firstLine(b []byte) []byte {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i]
	}
	return b[:min(len(b), 80)]
}

// TestWordLexMemo checks that the lexical evidence wordScore remembers
// (wordLex) is what lexical computes, for every word of the dev lines read
// either way, looked up twice (a miss, then a hit or a slot taken by
// another word since).
func TestWordLexMemo(t *testing.T) {
	all, _ := devLines(t)
	var w work
	words := 0
	for pass := range 2 {
		for _, line := range all {
			for _, f := range strings.FieldsFunc(line, func(r rune) bool { return !isArabicLetter(r) }) {
				for _, l := range [][]rune{[]rune(f), []rune(reverseString(f))} {
					fk, ok := packWord(l, false)
					rk, _ := packWord(l, true)
					if !ok {
						continue
					}
					want := lexical(l, true, true, rk) - lexical(l, false, true, fk)
					if got := w.wordLex(l, fk, rk); got != want {
						t.Fatalf("pass %d: wordLex(%q) = %d, want %d", pass, string(l), got, want)
					}
					words++
				}
			}
		}
	}
	if words < 10000 {
		t.Errorf("only %d words looked up", words)
	}
}

// TestMayBeProtected checks the quick look before isProtected: no token
// that it turns away is an address, on the tokens of the dev lines and on
// addresses glued to Persian.
func TestMayBeProtected(t *testing.T) {
	all, _ := devLines(t)
	tokens := []string{"https://example.com", "(www.example.ir)", "«www.x.ir", "user@example.org", "سایتexample.com", "a.bc", "۱.ab", "فایل:", "ایمیل@ما", "x://"}
	for _, l := range all {
		tokens = append(tokens, strings.Fields(l)...)
	}
	turned := 0
	for _, tok := range tokens {
		if mayBeProtected([]rune(tok)) {
			continue
		}
		turned++
		if isProtected([]byte(tok)) {
			t.Errorf("%q: mayBeProtected false, isProtected true", tok)
		}
	}
	if turned < len(tokens)/2 {
		t.Errorf("only %d of %d tokens turned away", turned, len(tokens))
	}
}

// TestEmitAsItCame checks emitFa's copy of a line already in normal form
// (work.same, and plainFa's work.kept): under every option, on the documents of TestQuietStretches
// and on lines made of pieces that each change under some rule (Arabic
// ye and kaf, tatweel, controls, presentation forms, stray ZWNJs, spaced
// affixes, digits, diacritics, addresses glued to Persian, invalid bytes)
// between pieces that do not, the normalizer gives what one that encodes
// every line rune by rune gives (mapFa, no copy), in one call and
// paragraph by paragraph.
func TestEmitAsItCame(t *testing.T) {
	docs := stretchDocs(t)
	pieces := []string{"کتاب", "را", "از", "خانه", " ", " ", " ", "\t", "می\u200cروم", ".", "،", "abc", "12", "۱۲",
		"ي", "ك", "ى", "\u0640", "\u200f", "\u202b", "\u202c", "\ufeff", "\ufe8d", "\ufefb", "\u200c", "\u200c\u200c",
		"می روم", "کتاب ها", "نمی خواهم", "\u064e", "\u0651", "٣", "https://x.ir/کتاب", "ایمیلuser@example.org",
		"\xff", "\xd8", "\u00a0", "😀", "\r", "\u0670", "ۀ", "هٔ"}
	rng := rand.New(rand.NewPCG(16, 2))
	for range 3000 {
		var sb strings.Builder
		for range rng.IntN(40) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(12) == 0 {
				sb.WriteByte('\n')
			}
		}
		docs = append(docs, []byte(sb.String()))
	}
	copied := 0
	for _, opts := range []Options{{}, {Digits: DigitsFa}, {Digits: DigitsLatin}, {StripDiacritics: true},
		{NoAffixJoin: true}, {NoVisualRepair: true}, {Preset: PresetHazm}} {
		fast, slow := New("fa", opts), New("fa", opts)
		slow.slow = true
		for _, doc := range docs {
			for _, in := range append([][]byte{doc}, bytes.SplitAfter(doc, []byte("\n\n"))...) {
				if got, want := fast.Bytes(in), slow.Bytes(in); !bytes.Equal(got, want) || fast.RepairedLines() != slow.RepairedLines() {
					t.Fatalf("%+v, %d bytes from %q:\n got %q\nwant %q", opts, len(in), firstLine(in), firstLine(got), firstLine(want))
				}
			}
		}
		if slow.asCame != 0 {
			t.Fatalf("%+v: the rune-by-rune normalizer copied %d lines", opts, slow.asCame)
		}
		copied += fast.asCame
	}
	if copied < 10000 {
		t.Errorf("only %d lines copied as they came: the test does not exercise the copy", copied)
	}
	t.Logf("%d lines copied as they came", copied)
}

// TestPlainFa checks that plainFa, where it takes a line, fills work as
// mapFa does, and that emitFa writes a line it marks kept as it is, under
// every option, on the lines of TestQuietStretches' documents and on lines
// at the edges of each refusal; and that it takes many of them.
func TestPlainFa(t *testing.T) {
	var lines [][]byte
	for _, doc := range stretchDocs(t) {
		for _, l := range bytes.Split(doc, []byte("\n")) {
			lines = append(lines, bytes.TrimSuffix(l, []byte("\r")))
		}
	}
	for _, extra := range []string{"می روم", "کتاب ها", "کتاب  ها", "کتاب \tها", "هم هایی", "ی ها", "مي روم", "علی\u200cرضا", "\u200cکتاب",
		"کتاب\u200c", "کتاب\u200c\u200cها", "a.b کتاب", "کتاب.ir", "x@y کتاب", "۱.۲ کتاب", "1.2 کتاب", "کتاب: این", "کتاب ۱۲ 12",
		"کتاب هَا", "میْ روم", "مَی روم", "کتابَ\u200cها", "کتاب\u200cَها", "سلام\u00a0www.x", "«کتاب» و “book” … ۱۲٪",
		"کتاب \u200cها", "\u200dکتاب", "x\U0001F600 کتاب", "see www.x.ir/کتاب ok", "کتاب\ufb50", "کتاب\u200f"} {
		lines = append(lines, []byte(extra))
	}
	taken, kept := 0, 0
	for _, opts := range []Options{{}, {Digits: DigitsFa}, {Digits: DigitsLatin}, {StripDiacritics: true}, {Preset: PresetHazm}} {
		n := New("fa", opts)
		for _, l := range lines {
			n.w.reset()
			if !n.plainFa(l) {
				if len(n.w.runes) != 0 {
					t.Fatalf("%q: plainFa refused it but left runes", l)
				}
				continue
			}
			taken++
			if n.w.kept {
				kept++
			}
			got := n.w
			n.w = work{}
			n.mapFa(l)
			want := n.w
			if string(got.runes) != string(want.runes) || got.flagged != want.flagged || len(want.flags) != 0 ||
				len(want.forms) != 0 || len(want.ctrls) != 0 || got.hasArabic != want.hasArabic || got.zwnjs != want.zwnjs ||
				got.asciiDigits != want.asciiDigits || got.wide != want.wide || got.tatweel != want.tatweel ||
				got.same != want.same || !bytes.Equal(got.src, want.src) {
				t.Fatalf("%+v, %q: plainFa's work differs from mapFa's:\n got %+v\nwant %+v", opts, l, got, want)
			}
			// kept: what emitFa writes rune by rune is the line (the
			// hazm preset has rules of its own, which kept does not skip).
			n.slow = true
			if out := n.emitFa(nil); got.kept && opts.Preset != PresetHazm && !bytes.Equal(out, l) {
				t.Fatalf("%+v, %q: plainFa kept it, but emitFa writes %q", opts, l, out)
			}
			n.slow = false
		}
	}
	if taken < 20000 {
		t.Errorf("plainFa took only %d lines", taken)
	}
	t.Logf("plainFa took %d of %d lines (5 option sets), %d of them kept", taken, 5*len(lines), kept)
}
