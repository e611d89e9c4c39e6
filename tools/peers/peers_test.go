package main

import (
	"reflect"
	"testing"
)

func TestCover(t *testing.T) {
	for _, tc := range []struct {
		name string
		n    int
		raw  []block
		want []block
	}{
		{"empty text", 0, nil, nil},
		{"no answer", 5, []block{{0, 5, ""}}, []block{{0, 5, "und"}}},
		{"gaps go to the block before", 10,
			[]block{{2, 4, "en"}, {6, 8, "fa"}},
			[]block{{0, 6, "en"}, {6, 10, "fa"}}},
		{"unanswered span joins the block before", 9,
			[]block{{0, 3, "en"}, {3, 6, ""}, {6, 9, "en"}},
			[]block{{0, 9, "en"}}},
		{"overlap starts the later block later", 10,
			[]block{{0, 6, "en"}, {4, 10, "ar"}},
			[]block{{0, 6, "en"}, {6, 10, "ar"}}},
		{"unsorted input", 6,
			[]block{{3, 6, "fa"}, {0, 3, "en"}},
			[]block{{0, 3, "en"}, {3, 6, "fa"}}},
	} {
		if got := cover(tc.n, tc.raw); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: cover(%d, %v) = %v, want %v", tc.name, tc.n, tc.raw, got, tc.want)
		}
	}
}

func TestNaive(t *testing.T) {
	text := "Hi, سلامٌ 12 ok Привет!"
	got := cover(len(text), naive(text))
	fa := len("Hi, ")
	en := len("Hi, سلامٌ 12 ")
	und := len("Hi, سلامٌ 12 ok ")
	want := []block{{0, fa, "en"}, {fa, en, "fa"}, {en, und, "en"}, {und, len(text), "und"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("naive(%q) = %v, want %v", text, got, want)
	}
}

// TestToolsRun checks that every tool gives covering blocks for a small
// mixed text.
func TestToolsRun(t *testing.T) {
	text := "The museum opens at nine.\nموزه ساعت نه باز می\u200cشود.\nإِنَّ اللَّهَ غَفُورٌ رَحِيمٌ\n"
	for _, name := range toolNames() {
		split, err := newSplitter(name)
		if err != nil {
			t.Fatal(err)
		}
		bs := cover(len(text), split(text))
		if len(bs) == 0 || bs[0].Start != 0 || bs[len(bs)-1].End != len(text) {
			t.Errorf("%s: blocks %v do not cover the text", name, bs)
		}
		for i := 1; i < len(bs); i++ {
			if bs[i].Start != bs[i-1].End {
				t.Errorf("%s: blocks %v are not contiguous", name, bs)
			}
		}
		t.Logf("%s: %v", name, bs)
	}
}
