package bidi

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/langsplit/langsplit/internal/arabic"
	xbidi "golang.org/x/text/unicode/bidi"
)

// This file checks the visual-order repair on real Persian lines: those of
// the dev documents (read at test time, never copied), turned into visual
// order by an implementation of the Unicode bidi algorithm that is
// independent of the package's reordering, in the ways PDF extraction
// leaves them.

// devLines returns the distinct lines of the dev documents: all of them, and
// the Persian ones (a Persian-only letter, no Latin letter).
func devLines(t *testing.T) (all, persian []string) {
	dir := sharedDir(t, filepath.Join("eval", "dev", "docs"))
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no dev documents in %s: %v", dir, err)
	}
	slices.Sort(files)
	seen := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(strings.NewReader(string(data)))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			l := strings.TrimSuffix(sc.Text(), "\r")
			if l == "" || seen[l] {
				continue
			}
			seen[l] = true
			all = append(all, l)
			if strings.ContainsAny(l, "پچژگیک") && !strings.ContainsFunc(l, isLatinLetter) {
				persian = append(persian, l)
			}
		}
	}
	return all, persian
}

// uba returns the visual order (left to right) of a line laid out as a
// right-to-left paragraph by the Unicode bidi algorithm (rules W1–W7,
// N1–N2, I1–I2, L1–L2; no explicit embeddings, no bracket pairs, no
// mirroring), for lines without bidi controls.
func uba(s string) string {
	rs := []rune(s)
	n := len(rs)
	cls := make([]xbidi.Class, n)
	for i, r := range rs {
		p, _ := xbidi.LookupRune(r)
		cls[i] = p.Class()
	}
	orig := slices.Clone(cls)
	// W1
	for i := range cls {
		if cls[i] == xbidi.NSM {
			if i == 0 {
				cls[i] = xbidi.R
			} else {
				cls[i] = cls[i-1]
			}
		}
	}
	// W2, W3
	last := xbidi.R
	for i, c := range cls {
		switch c {
		case xbidi.L, xbidi.R, xbidi.AL:
			last = c
		case xbidi.EN:
			if last == xbidi.AL {
				cls[i] = xbidi.AN
			}
		}
	}
	for i, c := range cls {
		if c == xbidi.AL {
			cls[i] = xbidi.R
		}
	}
	// W4
	for i := 1; i+1 < n; i++ {
		a, b := cls[i-1], cls[i+1]
		switch cls[i] {
		case xbidi.ES:
			if a == xbidi.EN && b == xbidi.EN {
				cls[i] = xbidi.EN
			}
		case xbidi.CS:
			if a == b && (a == xbidi.EN || a == xbidi.AN) {
				cls[i] = a
			}
		}
	}
	// W5
	for i := 0; i < n; i++ {
		if cls[i] != xbidi.ET {
			continue
		}
		j := i
		for j < n && cls[j] == xbidi.ET {
			j++
		}
		if (i > 0 && cls[i-1] == xbidi.EN) || (j < n && cls[j] == xbidi.EN) {
			for k := i; k < j; k++ {
				cls[k] = xbidi.EN
			}
		}
		i = j
	}
	// W6
	for i, c := range cls {
		if c == xbidi.ES || c == xbidi.ET || c == xbidi.CS {
			cls[i] = xbidi.ON
		}
	}
	// W7
	last = xbidi.R
	for i, c := range cls {
		switch c {
		case xbidi.L, xbidi.R:
			last = c
		case xbidi.EN:
			if last == xbidi.L {
				cls[i] = xbidi.L
			}
		}
	}
	// N1, N2
	strong := func(c xbidi.Class) (xbidi.Class, bool) {
		switch c {
		case xbidi.L:
			return xbidi.L, true
		case xbidi.R, xbidi.EN, xbidi.AN:
			return xbidi.R, true
		}
		return 0, false
	}
	for i := 0; i < n; i++ {
		if _, ok := strong(cls[i]); ok {
			continue
		}
		j := i
		for j < n {
			if _, ok := strong(cls[j]); ok {
				break
			}
			j++
		}
		before, after := xbidi.R, xbidi.R
		if i > 0 {
			before, _ = strong(cls[i-1])
		}
		if j < n {
			after, _ = strong(cls[j])
		}
		d := xbidi.R
		if before == after {
			d = before
		}
		for k := i; k < j; k++ {
			cls[k] = d
		}
		i = j
	}
	// I1, I2 at paragraph level 1.
	lv := make([]int, n)
	for i, c := range cls {
		lv[i] = 1
		if c == xbidi.L || c == xbidi.EN || c == xbidi.AN {
			lv[i] = 2
		}
	}
	// L1: white space at the end of the line goes to the paragraph level.
	for i := n - 1; i >= 0 && (orig[i] == xbidi.WS || orig[i] == xbidi.BN); i-- {
		lv[i] = 1
	}
	// L4: a paired bracket at the right-to-left level is drawn with its
	// pair's glyph, which is what extraction maps back to text.
	out := slices.Clone(rs)
	for i := range out {
		if lv[i] == 1 {
			mirrorBrackets(out[i : i+1])
		}
	}
	// L2
	for level := 2; level >= 1; level-- {
		for i := 0; i < n; {
			if lv[i] < level {
				i++
				continue
			}
			j := i
			for j < n && lv[j] >= level {
				j++
			}
			slices.Reverse(out[i:j])
			slices.Reverse(lv[i:j])
			i = j
		}
	}
	return string(out)
}

// shape writes the Arabic-script letters of s in their contextual
// presentation forms, as a PDF without a text layer mapping draws them.
func shape(s string) string {
	type forms struct{ iso, fin, ini, med rune }
	table := map[rune]*forms{}
	lamAlef := map[rune]forms{}
	for r, pf := range arabic.Forms() {
		rs := []rune(pf.Text)
		if len(rs) == 2 && rs[0] == 'ل' && r >= 0xFEF5 && r <= 0xFEFC {
			f := lamAlef[rs[1]]
			if pf.Joining == arabic.Final {
				f.fin = r
			} else {
				f.iso = r
			}
			lamAlef[rs[1]] = f
			continue
		}
		if len(rs) != 1 || !isArabicLetter(rs[0]) {
			continue
		}
		f := table[rs[0]]
		if f == nil {
			f = &forms{}
			table[rs[0]] = f
		}
		switch pf.Joining {
		case arabic.Isolated:
			f.iso = min1(f.iso, r)
		case arabic.Final:
			f.fin = min1(f.fin, r)
		case arabic.Initial:
			f.ini = min1(f.ini, r)
		case arabic.Medial:
			f.med = min1(f.med, r)
		}
	}
	dual := func(r rune) bool { f := table[r]; return f != nil && f.ini != 0 }
	joins := func(r rune) bool { f := table[r]; return f != nil && f.fin != 0 }
	rs := []rune(s)
	var out []rune
	prevDual := false // the letter before joins to the next one
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if isMark(r) {
			out = append(out, r)
			continue
		}
		f := table[r]
		if f == nil {
			out = append(out, r)
			prevDual = false
			continue
		}
		if r == 'ل' && i+1 < len(rs) {
			if la, ok := lamAlef[rs[i+1]]; ok {
				if prevDual && la.fin != 0 {
					out = append(out, la.fin)
				} else {
					out = append(out, la.iso)
				}
				i++
				prevDual = false
				continue
			}
		}
		j := i + 1
		for j < len(rs) && isMark(rs[j]) {
			j++
		}
		next := dual(r) && j < len(rs) && joins(rs[j])
		var g rune
		switch {
		case prevDual && next:
			g = f.med
		case prevDual:
			g = f.fin
		case next:
			g = f.ini
		default:
			g = f.iso
		}
		if g == 0 {
			g = r
		}
		out = append(out, g)
		prevDual = dual(r)
	}
	return string(out)
}

// min1 keeps the first form found: the table has some letters twice
// (compatibility duplicates); the lowest code point is the usual one.
func min1(old, r rune) rune {
	if old == 0 || r < old {
		return r
	}
	return old
}

// rawOrder is what pdftotext -raw leaves: the words in the order they are
// drawn, each word with Arabic-script letters wrapped in U+202B…U+202C.
func rawOrder(s string) string {
	// Words and the white space between them, in turn.
	var parts []string
	for i := 0; i < len(s); {
		j := i
		first, _ := utf8.DecodeRuneInString(s[i:])
		sp := unicode.IsSpace(first)
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) != sp {
				break
			}
			j += size
		}
		parts = append(parts, s[i:j])
		i = j
	}
	slices.Reverse(parts)
	for i, w := range parts {
		if !strings.ContainsFunc(w, isLatinLetter) {
			// At the right-to-left level: a bracket is drawn with its
			// pair's glyph (L4), which extraction maps back to text.
			rs := []rune(w)
			mirrorBrackets(rs)
			w = string(rs)
		}
		if strings.ContainsFunc(w, isArabicLetter) {
			w = "\u202B" + w + "\u202C"
		}
		parts[i] = w
	}
	return strings.Join(parts, "")
}

type visualCase struct {
	name string
	make func(string) string
}

var visualCases = []visualCase{
	{"mirrored", uba},
	{"mirrored+forms", func(s string) string { return uba(shape(s)) }},
	{"raw", rawOrder},
	{"raw+forms", func(s string) string { return rawOrder(shape(s)) }},
}

// visualDocLines is how many Persian lines of the dev documents make one
// visual document of TestVisualRepairDev: about a page.
const visualDocLines = 40

// TestVisualRepairDev turns the Persian lines of the dev documents into
// pages of visual order, in each way PDF extraction leaves them, and
// checks that the normalizer puts them back line by line.
func TestVisualRepairDev(t *testing.T) {
	_, persian := devLines(t)
	if len(persian) < 200 {
		t.Fatalf("only %d Persian lines in the dev documents, want 200 or more", len(persian))
	}
	plain := New("fa", Options{NoVisualRepair: true})
	n := New("fa", Options{})
	for _, vc := range visualCases {
		exact, total, repaired := 0, 0, 0
		var fails []string
		for start := 0; start < len(persian); start += visualDocLines {
			page := persian[start:min(start+visualDocLines, len(persian))]
			var want, vis []string
			for _, l := range page {
				w := plain.String(l) // the logical line, clean
				want = append(want, w)
				vis = append(vis, vc.make(w))
			}
			got := strings.Split(strings.TrimSuffix(n.String(strings.Join(vis, "\n")+"\n"), "\n"), "\n")
			repaired += n.RepairedLines()
			if again := n.String(strings.Join(got, "\n") + "\n"); n.RepairedLines() != 0 || again != strings.Join(got, "\n")+"\n" {
				t.Errorf("%s: the repaired page is repaired again (%d lines)", vc.name, n.RepairedLines())
			}
			for i := range want {
				if vis[i] == want[i] {
					continue // a line that reads the same both ways
				}
				total++
				if got[i] == want[i] {
					exact++
				} else if len(fails) < 8 {
					fails = append(fails, want[i]+"\n      visual "+vis[i]+"\n      got    "+got[i])
				}
			}
		}
		pct := 100 * float64(exact) / float64(total)
		t.Logf("%-15s repaired exactly %d of %d visual lines (%.1f%%) in pages of %d lines; %d lines repaired", vc.name, exact, total, pct, visualDocLines, repaired)
		if pct < 95 {
			t.Errorf("%s: %d of %d lines repaired exactly (%.1f%%), want 95%%; first failures:\n    %s", vc.name, exact, total, pct, strings.Join(fails, "\n    "))
		}
	}
}

// TestUBA pins the test's own bidi layout on hand-made lines, so that the
// fixture above is built the way the algorithm lays text out.
func TestUBA(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"سلام دنیا", "ایند مالس"},
		{"سال ۱۴۰۲ بود", "دوب ۱۴۰۲ لاس"},
		{"نسخه 3.14 است.", ".تسا 3.14 هخسن"},
		{"حدود ۲۵٪ کاهش", "شهاک ٪۲۵ دودح"},
		{"زبان Python 3 خوب", "بوخ Python 3 نابز"},
	} {
		if got := uba(c.in); got != c.want {
			t.Errorf("uba(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := shape("سلام"); got != "\uFEB3\uFEFC\uFEE1" { // س initial, لا final, م isolated
		t.Errorf("shape(سلام) = %+q", got)
	}
}

// TestStretchChunks checks the look-ahead on an input of several stretches
// that mixes logical text and pages in each visual order: the transformer
// gives the output of Bytes however the input is cut and however small its
// destination, a second pass changes nothing, no logical line is changed,
// and most visual lines are repaired (a stretch is decided once, so the
// visual lines that share a stretch with logical text that decided it
// first are left as they came).
func TestStretchChunks(t *testing.T) {
	all, persian := devLines(t)
	plain := New("fa", Options{NoVisualRepair: true})
	var in []string
	var want []string
	var visual []bool
	add := func(vis, logical string, v bool) {
		in = append(in, vis)
		want = append(want, plain.String(logical))
		visual = append(visual, v)
	}
	for k, vc := range visualCases {
		for i, l := range all {
			if i%5 == k {
				add(l, l, false)
			}
		}
		for _, l := range persian {
			w := plain.String(l)
			add(vc.make(w), w, vc.make(w) != w)
		}
	}
	input := []byte(strings.Join(in, "\n") + "\n")
	if len(input) < 4*LookAhead {
		t.Fatalf("only %d bytes of input, want four stretches or more", len(input))
	}
	n := New("fa", Options{})
	got := n.Bytes(input)
	repaired := n.RepairedLines()
	gl := strings.Split(strings.TrimSuffix(string(got), "\n"), "\n")
	if len(gl) != len(want) {
		t.Fatalf("%d lines out, want %d", len(gl), len(want))
	}
	vis, fixed := 0, 0
	for i := range want {
		switch {
		case !visual[i] && gl[i] != want[i]:
			t.Errorf("logical line %d changed: %q → %q", i+1, want[i], gl[i])
		case visual[i]:
			vis++
			if gl[i] == want[i] {
				fixed++
			}
		}
	}
	t.Logf("%d bytes, %d lines, %d repaired; %d of %d visual lines as the logical text", len(input), len(want), repaired, fixed, vis)
	if fixed < vis*8/10 {
		t.Errorf("only %d of %d visual lines repaired", fixed, vis)
	}
	if again := n.Bytes(got); string(again) != string(got) || n.RepairedLines() != 0 {
		t.Errorf("a second pass changed the output (%d lines repaired)", n.RepairedLines())
	}
	for _, sizes := range [][]int{{1 << 10}, {4093, 17}, {65 << 10}} {
		for _, dst := range []int{7, 4096} {
			if c := chunked(t, n, input, sizes, dst); string(c) != string(got) || n.RepairedLines() != repaired {
				t.Errorf("chunks %v, dst %d: output differs from Bytes (repaired %d, want %d)", sizes, dst, n.RepairedLines(), repaired)
			}
		}
	}
}

// Isolates and overrides come from HTML and UI strings: a page full of
// one-word RLO…PDF overrides or RLI…PDI isolates is no pdftotext -raw
// output, and nothing in it is reordered.
func TestNoEvidenceFromIsolates(t *testing.T) {
	for _, open := range []string{"\u202e", "\u2067"} {
		end := "\u202c"
		if open == "\u2067" {
			end = "\u2069"
		}
		var b strings.Builder
		for i := range 40 {
			b.WriteString(strconv.Itoa(i) + ". " + open + "باتری" + end + " " + open + "خالی" + end + " " + open + "است" + end + "\n")
		}
		n := New("fa", Options{})
		got := n.String(b.String())
		want := New("fa", Options{NoVisualRepair: true}).String(b.String())
		if got != want || n.RepairedLines() != 0 {
			t.Errorf("%+q taken as evidence: %d lines repaired", open, n.RepairedLines())
		}
	}
}

// pdftotext (not -raw) wraps each right-to-left line in an embedding: a
// column of short words is not a run of glyphs, and its lines stay apart.
func TestEmbeddedWordColumn(t *testing.T) {
	var b strings.Builder
	for range 4 {
		for _, w := range []string{"با", "از", "به", "و", "در", "تا", "یا", "که"} {
			b.WriteString("\u202b" + w + "\u202c\n")
		}
	}
	n := New("fa", Options{})
	got := n.String(b.String())
	if want := New("fa", Options{NoVisualRepair: true}).String(b.String()); got != want || n.RepairedLines() != 0 {
		t.Errorf("a column of embedded words was joined (%d lines repaired):\n%s", n.RepairedLines(), got)
	}
}
