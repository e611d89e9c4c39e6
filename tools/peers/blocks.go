package main

import "sort"

// block is one language block in the scorer's format: byte offsets into the
// UTF-8 document (End exclusive) and a language label. Lang "" in a tool's
// raw output means the tool gave no answer for that span.
type block struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Lang  string `json:"lang"`
}

// cover turns a tool's raw blocks into contiguous blocks covering text[0:n],
// the way PEERS.md describes: blocks without an answer (Lang "") are
// dropped, and every gap is closed by extending the block before it. A gap
// before the first block goes to the first block, since there is no block
// before it. Where two blocks overlap, the later one starts where the
// earlier one ends. Neighbours with the same label are merged (the scorer
// merges them too, so this changes no score). A text for which the tool
// answered nothing becomes a single "und" block.
func cover(n int, raw []block) []block {
	if n == 0 {
		return nil
	}
	in := make([]block, 0, len(raw))
	for _, b := range raw {
		if b.Lang != "" && b.End > b.Start {
			in = append(in, b)
		}
	}
	sort.SliceStable(in, func(i, j int) bool { return in[i].Start < in[j].Start })
	var out []block
	for _, b := range in {
		if len(out) == 0 {
			b.Start = 0
			out = append(out, b)
			continue
		}
		prev := &out[len(out)-1]
		switch {
		case b.Start > prev.End: // gap: extend the block before
			prev.End = b.Start
		case b.Start < prev.End: // overlap: the later block starts later
			b.Start = prev.End
		}
		if b.End <= b.Start {
			continue
		}
		if b.Lang == prev.Lang {
			prev.End = b.End
			continue
		}
		out = append(out, b)
	}
	if len(out) == 0 {
		return []block{{0, n, "und"}}
	}
	last := &out[len(out)-1]
	last.End = n
	return out
}
