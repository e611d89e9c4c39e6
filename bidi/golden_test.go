package bidi

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/transform"
)

// Golden files: testdata/LANG-CASE[+OPTION…].txt is normalized by New(LANG,
// options) and compared byte for byte with testdata/LANG-CASE[+OPTION…].golden
// (go test ./bidi -update rewrites them). Options: digitsfa, digitslatin,
// strip, noaffix, norepair, hazm. The PDF extraction fixtures under testdata/pdf
// run through fa with the defaults.

// goldenRepairs is the number of lines each visual-order file must repair.
var goldenRepairs = map[string]int{
	"fa-visual-mirrored":          4,
	"fa-visual-forms":             3,
	"fa-visual-raw":               4,
	"fa-visual-logical":           0,
	"fa-visual-mirrored+norepair": 0,
	"fa-mixed":                    0,
	"fa-affixes":                  0,
	"pdftotext":                   0,
	"pdftotext-raw":               13,
	"fa-visual-props":             7,
	"fa-visual-glyphs":            1,
	"fa-kashida":                  4,
	"fa-short-logical":            0,
}

func goldenFiles(t *testing.T) []string {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := filepath.Glob(filepath.Join("testdata", "pdf", "pdftotext*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, pdf...)
	if len(files) < 20 {
		t.Fatalf("only %d golden inputs", len(files))
	}
	return files
}

// goldenNormalizer returns the normalizer a golden input names.
func goldenNormalizer(t *testing.T, path string) *Normalizer {
	name := strings.TrimSuffix(filepath.Base(path), ".txt")
	if filepath.Base(filepath.Dir(path)) == "pdf" {
		return New("fa", Options{})
	}
	parts := strings.Split(name, "+")
	lang, _, _ := strings.Cut(parts[0], "-")
	var o Options
	for _, p := range parts[1:] {
		switch p {
		case "digitsfa", "fa":
			o.Digits = DigitsFa
		case "digitslatin", "latin":
			o.Digits = DigitsLatin
		case "strip":
			o.StripDiacritics = true
		case "noaffix":
			o.NoAffixJoin = true
		case "norepair":
			o.NoVisualRepair = true
		case "hazm":
			o.Preset = PresetHazm
		default:
			t.Fatalf("%s: unknown option %q", path, p)
		}
	}
	return New(lang, o)
}

func TestGolden(t *testing.T) {
	for _, path := range goldenFiles(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			in, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			n := goldenNormalizer(t, path)
			got := n.Bytes(in)
			repaired := n.RepairedLines()
			golden := strings.TrimSuffix(path, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./bidi -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s:\n got %q\nwant %q", golden, got, want)
			}
			if again := n.Bytes(got); !bytes.Equal(again, got) {
				t.Errorf("not idempotent:\n once %q\ntwice %q", got, again)
			}
			if n.RepairedLines() != 0 {
				t.Errorf("normalizing the output again repaired %d lines", n.RepairedLines())
			}
			if want, ok := goldenRepairs[name]; ok && repaired != want {
				t.Errorf("repaired %d lines, want %d", repaired, want)
			}
			// The transformer gives the same bytes, fed a byte at a time
			// into a small buffer.
			n.Reset()
			var out bytes.Buffer
			w := transform.NewWriter(&out, n)
			for i := range in {
				if _, err := w.Write(in[i : i+1]); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out.Bytes(), got) {
				t.Errorf("transform.Writer byte by byte:\n got %q\nwant %q", out.Bytes(), got)
			}
			if n.RepairedLines() != repaired {
				t.Errorf("transform.Writer repaired %d lines, Bytes %d", n.RepairedLines(), repaired)
			}
		})
	}
}

// TestPDFExtraction checks the repair on the output of real PDF extraction:
// testdata/pdf/source.txt was typeset with XeLaTeX and xepersian and
// extracted with pdftotext (logical order, embeddings added) and pdftotext
// -raw (words in drawing order); see testdata/pdf/make.sh. Extraction loses
// the ZWNJs and moves marks and swaps the parentheses (they are drawn
// mirrored) and xepersian draws digits as Persian ones, so the lines are
// compared without ZWNJs, marks, parentheses and spaces, with ASCII digits.
func TestPDFExtraction(t *testing.T) {
	read := func(name string) []string {
		b, err := os.ReadFile(filepath.Join("testdata", "pdf", name))
		if err != nil {
			t.Fatal(err)
		}
		return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	}
	src, logical, raw := read("source.txt"), read("pdftotext.txt"), read("pdftotext-raw.txt")
	if len(src) != len(logical) || len(src) != len(raw) {
		t.Fatalf("line counts differ: source %d, pdftotext %d, -raw %d", len(src), len(logical), len(raw))
	}
	key := func(s string) string {
		return strings.Map(func(r rune) rune {
			switch {
			case r == zwnj || unicode.Is(unicode.Mn, r) || unicode.IsSpace(r) || r == '(' || r == ')':
				return -1
			case r >= '۰' && r <= '۹': // xepersian draws ASCII digits as Persian ones
				return '0' + r - '۰'
			}
			return r
		}, s)
	}
	// The whole files, as a document: -raw is decided word-reversed on
	// its many one-word embeddings, the default output logical.
	norm := func(lines []string) ([]string, int) {
		n := New("fa", Options{})
		out := n.String(strings.Join(lines, "\n") + "\n")
		return strings.Split(strings.TrimSuffix(out, "\n"), "\n"), n.RepairedLines()
	}
	n := New("fa", Options{})
	gotLogical, repLogical := norm(logical)
	gotRaw, repRaw := norm(raw)
	if repLogical != 0 || repRaw != len(raw) {
		t.Errorf("repaired %d pdftotext lines (want 0) and %d -raw lines (want %d)", repLogical, repRaw, len(raw))
	}
	for i := range src {
		want := key(n.String(src[i]))
		if key(gotLogical[i]) != want {
			t.Errorf("pdftotext line %d: got %q, want %q", i+1, gotLogical[i], src[i])
		}
		if key(gotRaw[i]) != want {
			t.Errorf("pdftotext -raw line %d: got %q, want %q", i+1, gotRaw[i], src[i])
		}
	}
}
