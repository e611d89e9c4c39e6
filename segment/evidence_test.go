package segment

import "testing"

// TestWordPoints pins the Persian and Arabic points of single words, one
// case per kind of evidence.
func TestWordPoints(t *testing.T) {
	cases := []struct {
		word string
		p, q int
		why  string
	}{
		{"پدر", 3, 0, "Persian-only letter"},
		{"کتاب", 2, 0, "Persian keheh"},
		{"است", 2, 0, "Persian function word"},
		{"كه", 2, 0, "Persian function word typed with Arabic kaf"},
		{"مدرسة", 0, 3, "teh marbuta"},
		{"الاستيراد", 0, 1, "article on a long word"},
		{"الكتاب", 0, 1, "article"},
		{"البته", 0, 0, "Persian word that starts with ال"},
		{"في", 0, 2, "Arabic function word"},
		{"إلى", 0, 5, "hamza below, final alef maksura, function word"},
		{"می\u200cروم", 5, 0, "ZWNJ, verb prefix, Persian yeh"},
		{"ذَهَبَ", 0, 2, "vocalised"},
		{"قطعاً", 0, 0, "fathatan alone is Persian usage too"},
		{"ﺳﻼﻡ", 0, 0, "presentation forms, no evidence"},
		{"ﭘﺪﺭ", 3, 0, "presentation form of peh"},
		{"وَالأَرضَ", 0, 4, "clitic و + article, hamza above, vocalised"},
	}
	var tk tokenizer
	for _, c := range cases {
		tk.line([]byte(c.word), 0, len(c.word))
		if len(tk.toks) != 1 || tk.toks[0].cls != cArabic {
			t.Errorf("%s: want one Arabic-script word, got %+v", c.word, tk.toks)
			continue
		}
		if got := tk.toks[0]; int(got.p) != c.p || int(got.q) != c.q {
			t.Errorf("%s (%s): points p=%d q=%d, want p=%d q=%d", c.word, c.why, got.p, got.q, c.p, c.q)
		}
	}
}
