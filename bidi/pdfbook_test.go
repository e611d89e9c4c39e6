package bidi

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The book fixture (testdata/pdf/book, see make.sh there): our own Persian
// text typeset with XeLaTeX and LuaLaTeX in two fonts and extracted with
// pdftotext and pdftotext -raw. Each extraction is normalized as one
// document and scored against the source with the metric of
// ../shared/eval/pdfdev/score.py: R, the share of the source's words found,
// and R2, the share of its adjacent word pairs.

// bookFloors are the floors of R and R2 per extraction. Where the font maps
// every glyph to a letter in its joining form (Nazli and Amiri under
// XeLaTeX, Nazli under LuaLaTeX) the floors are those of issue 11. LuaLaTeX
// with Amiri maps glyphs to plain letters, and pdftotext puts spaces inside
// words after letters that do not join the next one (بگیر یم, دور بین): the
// floor there only guards the current figure. In -raw output LuaLaTeX puts
// each glyph on a line of its own with no word spaces, and with plain
// letters nothing shows where a word ends: those two are not scored.
var bookFloors = map[string][2]float64{
	"xelatex-nazli.default":  {0.97, 0.93},
	"xelatex-nazli.raw":      {0.97, 0.93},
	"xelatex-amiri.default":  {0.97, 0.93},
	"xelatex-amiri.raw":      {0.97, 0.93},
	"lualatex-nazli.default": {0.97, 0.93},
	"lualatex-amiri.default": {0.93, 0.86},
}

func TestPDFBook(t *testing.T) {
	dir := filepath.Join("testdata", "pdf", "book")
	src, err := os.ReadFile(filepath.Join(dir, "source.txt"))
	if err != nil {
		t.Fatal(err)
	}
	clean := regexp.MustCompile(`\{\{([^}]*)\}\}`).ReplaceAllString(string(src), " $1")
	for _, name := range sortedKeys(bookFloors) {
		in, err := os.ReadFile(filepath.Join(dir, name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		n := New("fa", Options{})
		out := n.String(string(in))
		if again := n.String(out); again != out || n.RepairedLines() != 0 {
			t.Errorf("%s: normalizing the output again changed it (%d lines repaired)", name, n.RepairedLines())
		}
		r, r2 := pdfScore(out, clean)
		floor := bookFloors[name]
		t.Logf("%-24s R=%.3f R2=%.3f (floors %.2f %.2f)", name, r, r2, floor[0], floor[1])
		if r < floor[0] || r2 < floor[1] {
			t.Errorf("%s: R=%.3f R2=%.3f, want at least %.2f and %.2f", name, r, r2, floor[0], floor[1])
		}
		crossCheckScore(t, name, out, clean, r, r2)
	}
}

// pdfScore returns R and R2 of candidate against clean, as score.py
// computes them.
func pdfScore(candidate, clean string) (r, r2 float64) {
	cl, kl := pdfKeys(clean), pdfKeys(candidate)
	count := func(ks []string) map[string]int {
		m := map[string]int{}
		for _, k := range ks {
			m[k]++
		}
		return m
	}
	pairs := func(ks []string) map[string]int {
		m := map[string]int{}
		for i := 1; i < len(ks); i++ {
			m[ks[i-1]+" "+ks[i]]++
		}
		return m
	}
	inter := func(a, b map[string]int) (hit, total int) {
		for k, n := range a {
			total += n
			hit += min(n, b[k])
		}
		return hit, total
	}
	hit, total := inter(count(cl), count(kl))
	hit2, total2 := inter(pairs(cl), pairs(kl))
	if total > 0 {
		r = float64(hit) / float64(total)
	}
	if total2 > 0 {
		r2 = float64(hit2) / float64(total2)
	}
	return r, r2
}

// pdfKeys returns the matching keys of the words of text: runs of
// Arabic-script letters and marks (and ZWNJ, ZWJ, tatweel), with the marks
// and joiners dropped and ي ى ك ە folded.
func pdfKeys(text string) []string {
	isWord := func(c rune) bool {
		if c == zwnj || c == zwj || c == tatweel {
			return true
		}
		if !(c >= 0x0600 && c <= 0x06FF || c >= 0x0750 && c <= 0x077F || c >= 0x08A0 && c <= 0x08FF ||
			c >= 0xFB50 && c <= 0xFDFF || c >= 0xFE70 && c <= 0xFEFC) {
			return false
		}
		return unicode.In(c, unicode.Lo, unicode.Lm, unicode.Mn, unicode.Mc)
	}
	fold := strings.NewReplacer("\u064a", "\u06cc", "\u0649", "\u06cc", "\u0643", "\u06a9", "\u06d5", "\u0647")
	var keys []string
	for _, tok := range strings.FieldsFunc(text, func(c rune) bool { return !isWord(c) }) {
		k := strings.Map(func(c rune) rune {
			if unicode.In(c, unicode.Mn, unicode.Mc) || c == zwnj || c == zwj || c == tatweel {
				return -1
			}
			return c
		}, norm.NFD.String(tok))
		if k = norm.NFC.String(fold.Replace(k)); k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

// crossCheckScore runs score.py, where python3 and ../shared are at hand,
// and checks that it finds the R and R2 of pdfScore.
func crossCheckScore(t *testing.T, name, out, clean string, r, r2 float64) {
	script := filepath.Join("..", "..", "shared", "eval", "pdfdev", "score.py")
	py, err := exec.LookPath("python3")
	if _, serr := os.Stat(script); err != nil || serr != nil {
		return
	}
	tmp := t.TempDir()
	cand, cl := filepath.Join(tmp, "out.txt"), filepath.Join(tmp, "clean.txt")
	if err := os.WriteFile(cand, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cl, []byte(clean), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := exec.Command(py, script, cand, cl).Output()
	if err != nil {
		t.Fatalf("score.py: %v", err)
	}
	want := fmt.Sprintf("R=%.3f", r)
	want2 := fmt.Sprintf("R2=%.3f", r2)
	if s := string(b); !strings.Contains(s, want) || !strings.Contains(s, want2) {
		t.Errorf("%s: score.py says %q, the test computed %s %s", name, strings.TrimSpace(s), want, want2)
	}
}
