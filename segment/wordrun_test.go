package segment

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// refRun is the rune-at-a-time model of arabicWord.runFrom: it decodes each
// rune and gives it to add, taking letters and marks of U+0600–U+06FF and a
// single ZWNJ after one (a ZWNJ is kept even when no letter or mark follows
// it), and returns the run's end.
func refRun(a *arabicWord, lt []byte, j int) int {
	afterZWNJ := false
	for j < len(lt) {
		r, w := utf8.DecodeRune(lt[j:])
		switch {
		case r >= 0x600 && r <= 0x6FF && arabicFeat[r-0x600]&(fLetter|fMark) != 0:
			a.add(r)
			afterZWNJ = false
		case r == 0x200C && !afterZWNJ:
			a.add(r)
			afterZWNJ = true
		default:
			return j
		}
		j += w
	}
	return j
}

// settled reports whether the words a and b are the same once settled (run
// keys ٱ as written, add as ا: settle makes them one).
func settled(a, b *arabicWord) bool {
	a.settle()
	b.settle()
	return *a == *b
}

// TestRunAsAdd checks the word reader against refRun on random runs of
// letters (ی ي ى ک ك ٱ among them), marks (harakat, fathatan, superscript
// alef), ZWNJs single and double, other runes of the block (، ؟ digits),
// spaces and Latin, with the text cut anywhere (a rune cut in two): read
// from a word's start, and run continuing a word read by the model.
func TestRunAsAdd(t *testing.T) {
	pieces := strings.Split("ک|ت|ا|ب|ی|ي|ى|ك|ٱ|ة|پ|ڤ|ه|ن|م|ل|ء|ؤ|\u064E|\u064B|\u064F|\u0651|\u0670|\u200C|\u200C\u200C|،|؟|۱|٣| |a|\u00A0|\u200D", "|")
	rng := rand.New(rand.NewPCG(7, 12))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		b.WriteString(pieces[rng.IntN(12)]) // a word starts with a letter
		for k := rng.IntN(14); k > 0; k-- {
			if rng.IntN(3) == 0 {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			} else {
				b.WriteString(pieces[rng.IntN(18)])
			}
		}
		lt := []byte(b.String())
		lt = lt[:len(lt)-rng.IntN(min(len(lt)-1, 3))] // maybe a rune cut in two
		var got, want arabicWord
		want.reset()
		if e, we := got.read(lt, 0), refRun(&want, lt, 0); e != we || !settled(&got, &want) {
			t.Fatalf("read %q: end %d, want %d\n got %+v\nwant %+v", lt, e, we, got, want)
		}
		// run continues a word: the model reads up to a letter inside it.
		want.reset()
		end := refRun(&want, lt, 0)
		for cut := 2; cut < end; cut += 2 {
			if r, _ := utf8.DecodeRune(lt[cut:]); r < 0x600 || r > 0x6FF || arabicFeat[r-0x600]&fLetter == 0 {
				continue
			}
			want.reset()
			refRun(&want, lt[:cut], 0)
			got = want
			if e, we := got.run(lt, cut), refRun(&want, lt, cut); e != we || !settled(&got, &want) {
				t.Fatalf("run %q from %d: end %d, want %d\n got %+v\nwant %+v", lt, cut, e, we, got, want)
			}
			break
		}
	}
}

// BenchmarkWordRead reads words of two and of sixteen letters, one after
// another, as persianLine does (read at each word's start): ns/word, the
// cost of a word and of its letters.
func BenchmarkWordRead(b *testing.B) {
	for _, w := range []string{"کت", "کتابکتابکتابکتا"} {
		text := []byte(strings.Repeat(w+" ", (1<<20)/len(w)))
		b.Run(w, func(b *testing.B) {
			var a arabicWord
			words, n := 0, 0
			for b.Loop() {
				for i := 0; i < len(text); i++ {
					i = a.read(text, i)
					words++
				}
			}
			n += words
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/word")
		})
	}
}
