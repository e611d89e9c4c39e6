package segment

import (
	"testing"
	"unicode/utf8"
)

// TestIsRoman pins the Roman numerals that make a full stop a label (S2.3)
// and the capital words of the same letters that do not.
func TestIsRoman(t *testing.T) {
	for _, w := range []string{"I", "II", "III", "IV", "V", "VI", "VIII", "IX", "X", "XII", "XIV", "XL",
		"XC", "XCIX", "CD", "CM", "MCMXC", "MMXXIV", "LXXX", "DCCC", "MIX", "CV"} {
		if !isRoman([]byte(w)) {
			t.Errorf("isRoman(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"", "MILD", "DID", "CIVIL", "IIII", "VV", "IC", "XM", "LL", "DIM", "VIM", "XXXX", "IIV", "MMMM", "iv", "LID"} {
		if isRoman([]byte(w)) {
			t.Errorf("isRoman(%q) = true, want false", w)
		}
	}
}

// TestRomanSentenceEnd checks the bug of issue 12: a capital word made of
// Roman-numeral letters swallowed the sentence end after it.
func TestRomanSentenceEnd(t *testing.T) {
	for _, c := range []struct {
		text  string
		langs []string
	}{
		{"We won MILD. این یک جمله فارسی است.", []string{"en", "fa"}},
		{"He DID. این یک جمله فارسی است.", []string{"en", "fa"}},
		{"Part IV. Results of the study", []string{"en"}},
	} {
		var got []string
		for _, b := range Segment(c.text) {
			got = append(got, b.Lang)
		}
		if len(got) != len(c.langs) {
			t.Errorf("%q: blocks %v, want %v", c.text, got, c.langs)
			continue
		}
		for i := range got {
			if got[i] != c.langs[i] {
				t.Errorf("%q: blocks %v, want %v", c.text, got, c.langs)
				break
			}
		}
	}
}

// TestDigitBefore checks the numbering test of S2.3 against decoding the
// rune before the full stop, on digits of three scripts, letters, wide
// runes and broken sequences.
func TestDigitBefore(t *testing.T) {
	for _, s := range []string{"12", "۱۲", "١٢", "ab", "کتاب", "中文", "x\xd8", "\xa0", "a\xe4\xb8", "१२", "🙂", "۱"} {
		text := []byte(s + ".")
		i := len(text) - 1
		prev, _ := utf8.DecodeLastRune(text[:i])
		if got, want := digitBefore(text, 0, i), classOf(prev) == cDigit; got != want {
			t.Errorf("digitBefore(%q) = %v, want %v", s, got, want)
		}
	}
}
