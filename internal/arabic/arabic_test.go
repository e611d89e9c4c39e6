package arabic

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Starts and RuneAt agree with utf8.DecodeRune on every pair of bytes, at
// the start and inside a slice, and never read past its end.
func TestStartsRuneAt(t *testing.T) {
	for c := range 256 {
		for d := range 256 {
			p := []byte{'x', byte(c), byte(d)}
			want, w := utf8.DecodeRune(p[1:])
			isBlock := w == 2 && want >= First && want <= Last
			for _, q := range [][]byte{p[1:], p} {
				i := len(q) - 2
				if ok := Starts(q, i); ok != isBlock || ok && RuneAt(q, i) != want {
					t.Fatalf("Starts(% X, %d) = %v (RuneAt %U); want %v (%U)", q, i, ok, RuneAt(q, i), isBlock, want)
				}
			}
			for _, i := range []int{-1, 1, 2, 3} {
				if Starts(p[:2], i) {
					t.Fatalf("Starts(% X, %d): read outside the slice", p[:2], i)
				}
			}
		}
	}
}

// The control set is the UCD's Bidi_Control property.
func TestIsBidiControl(t *testing.T) {
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := IsBidiControl(r), unicode.Is(unicode.Bidi_Control, r); got != want {
			t.Errorf("IsBidiControl(%U) = %v, Bidi_Control says %v", r, got, want)
		}
		if IsBidiControl(r) {
			n++
		}
	}
	if n != 12 {
		t.Errorf("%d bidi controls, want the 12 of DESIGN.md", n)
	}
}

// The table agrees with NFKC (it is generated from it) and covers the
// ranges of the design.
func TestForms(t *testing.T) {
	if UnicodeVersion != norm.Version {
		t.Fatalf("tables%s.go was made with Unicode %s, golang.org/x/text has %s: install Debian's unicode-data "+
			"(or pass -ucd to the generators), run go generate ./... and commit the new tables%s.go "+
			"(an older tables file for older toolchains needs a build constraint, as x/text does)",
			UnicodeVersion, UnicodeVersion, norm.Version, norm.Version)
	}
	n := 0
	for r, f := range Forms() {
		n++
		if !(r >= 0xFB50 && r <= 0xFDFF && !(r >= 0xFDD0 && r <= 0xFDEF)) && !(r >= 0xFE70 && r <= 0xFEFC) {
			t.Errorf("%U is outside the folded ranges", r)
		}
		if k := norm.NFKC.String(string(r)); k != f.Text || k == string(r) {
			t.Errorf("%U folds to %q, NFKC gives %q", r, f.Text, k)
		}
		base, _ := utf8.DecodeRuneInString(f.Text)
		if base < First || base > Last {
			base = 0
		}
		if f.Base != base {
			t.Errorf("%U has base %U, want %U", r, f.Base, base)
		}
		if f.Joining == NoJoining || f.Joining > Medial {
			t.Errorf("%U has joining form %d", r, f.Joining)
		}
	}
	if n < 700 {
		t.Errorf("only %d presentation forms", n)
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		inRange := r >= FormsFirst && r <= 0xFDFF || r >= 0xFE70 && r <= FormsLast
		if _, ok := Presentation(r); ok && !inRange || inRange && !ok && norm.NFKC.String(string(r)) != string(r) {
			t.Errorf("Presentation(%U) = _, %v", r, ok)
		}
	}
	for _, c := range []struct {
		r rune
		f Form
	}{
		{0xFB56, Form{"پ", 'پ', Isolated}},
		{0xFEE8, Form{"ن", 'ن', Medial}},
		{0xFEFB, Form{"لا", 'ل', Isolated}},
		{0xFDFA, Form{"صلى الله عليه وسلم", 'ص', Isolated}},
		{0xFE70, Form{" ً", 0, Isolated}},
	} {
		if f, ok := Presentation(c.r); !ok || f != c.f {
			t.Errorf("Presentation(%U) = %+v, %v; want %+v", c.r, f, ok, c.f)
		}
	}
}
