// Package baseline is the yardstick of segment's benchmarks: a plain UTF-8
// decoding loop, what any segmenter must at least do. It is a package of
// its own, linked before segment, so that where its loop lies in a test
// binary does not move with the size of segment's code: in the test
// package the same loop ran up to 15% faster or slower from one build to
// the next as segment's code grew or shrank, and the benchmarks' ratios
// with it.
package baseline

import "unicode/utf8"

// DecodeLoop decodes every rune of text and returns how many there are.
//
//go:noinline
func DecodeLoop(text []byte) int {
	n := 0
	for i := 0; i < len(text); {
		_, w := utf8.DecodeRune(text[i:])
		i += w
		n++
	}
	return n
}
