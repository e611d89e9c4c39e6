package report

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// change is the before/after view of a block the normalizer changed.
type change struct {
	Before, After []seg
	Changed       int // runes deleted plus runes inserted
}

// seg is a stretch of text in a before/after view: unchanged, deleted
// (before) or inserted (after). Name is set for an invisible rune, which is
// shown by its name.
type seg struct {
	Text, Kind, Name, Code string
}

// maxDiffCells bounds the work of one line's diff; longer changed stretches
// are shown as changed whole.
const maxDiffCells = 1 << 20

// diffView compares a block before and after normalization, line by line
// when both have the same number of lines, else as one stretch.
func diffView(before, after []byte) *change {
	b, a := valid(string(before)), valid(string(after))
	bl, al := strings.SplitAfter(b, "\n"), strings.SplitAfter(a, "\n")
	if len(bl) != len(al) {
		bl, al = []string{b}, []string{a}
	}
	c := &change{}
	for i := range bl {
		diffRunes(c, []rune(bl[i]), []rune(al[i]))
	}
	return c
}

// diffRunes appends the diff of one stretch to c: the longest common
// subsequence of runes, after trimming the common prefix and suffix.
func diffRunes(c *change, x, y []rune) {
	p := 0
	for p < len(x) && p < len(y) && x[p] == y[p] {
		p++
	}
	s := 0
	for s < len(x)-p && s < len(y)-p && x[len(x)-1-s] == y[len(y)-1-s] {
		s++
	}
	c.both(x[:p])
	mx, my := x[p:len(x)-s], y[p:len(y)-s]
	n, m := len(mx), len(my)
	if n*m > maxDiffCells {
		c.del(mx)
		c.ins(my)
	} else {
		// lcs[i][j]: length of the LCS of mx[i:] and my[j:].
		lcs := make([]int32, (n+1)*(m+1))
		at := func(i, j int) *int32 { return &lcs[i*(m+1)+j] }
		for i := n - 1; i >= 0; i-- {
			for j := m - 1; j >= 0; j-- {
				if mx[i] == my[j] {
					*at(i, j) = *at(i+1, j+1) + 1
				} else {
					*at(i, j) = max(*at(i+1, j), *at(i, j+1))
				}
			}
		}
		i, j := 0, 0
		for i < n || j < m {
			switch {
			case i < n && j < m && mx[i] == my[j]:
				c.both(mx[i : i+1])
				i, j = i+1, j+1
			case j < m && (i == n || *at(i, j+1) >= *at(i+1, j)):
				c.ins(my[j : j+1])
				j++
			default:
				c.del(mx[i : i+1])
				i++
			}
		}
	}
	c.both(x[len(x)-s:])
}

func (c *change) both(r []rune) {
	add(&c.Before, r, "")
	add(&c.After, r, "")
}

func (c *change) del(r []rune) {
	add(&c.Before, r, "del")
	c.Changed += len(r)
}

func (c *change) ins(r []rune) {
	add(&c.After, r, "ins")
	c.Changed += len(r)
}

// add appends runes of one kind to segs, merging with the last segment and
// giving invisible runes a segment of their own.
func add(segs *[]seg, rs []rune, kind string) {
	for _, r := range rs {
		if name := invisible[r]; name != "" {
			*segs = append(*segs, seg{Kind: kind, Name: name, Code: fmt.Sprintf("U+%04X", r)})
			continue
		}
		if n := len(*segs); n > 0 && (*segs)[n-1].Kind == kind && (*segs)[n-1].Name == "" {
			(*segs)[n-1].Text += string(r)
			continue
		}
		var b [utf8.UTFMax]byte
		*segs = append(*segs, seg{Kind: kind, Text: string(b[:utf8.EncodeRune(b[:], r)])})
	}
}

// invisible names the runes a reader cannot see but a normalizer changes.
var invisible = map[rune]string{
	0x200C: "ZWNJ", 0x200D: "ZWJ", 0x200E: "LRM", 0x200F: "RLM", 0x061C: "ALM",
	0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF", 0x202D: "LRO", 0x202E: "RLO",
	0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI", 0xFEFF: "BOM",
	0x0640: "TATWEEL", 0x00A0: "NBSP", 0x200B: "ZWSP",
}
