package segment

import (
	"math/rand/v2"
	"testing"
)

// scanMixedSlow is scanMixed one byte at a time, as the rule reads.
func scanMixedSlow(text []byte, i, end int, w uint8) (bool, uint8) {
	for i < end {
		if letterAt(text, i, end) {
			w |= mixSeen(text[i], text[i+1])
			i += 2
			continue
		}
		if w == mixBoth {
			return true, 0
		}
		w = 0
		i++
	}
	return false, w
}

// mixedPieces are what the texts of the scanMixed checks are made of.
var mixedPieces = []string{"پ", "چ", "گ", "ژ", "ي", "ك", "ى", "ی", "ک", "ب", "ل", " ", "\n", "a", "\u200c", "é", "\xd9", "\x8a", "\xd8\xd9\x8a", "۱"}

func checkScanMixed(t *testing.T, text []byte, i, end int, w uint8) {
	t.Helper()
	f1, w1 := scanMixed(text, i, end, w)
	f2, w2 := scanMixedSlow(text, i, end, w)
	if f1 != f2 || w1 != w2 {
		t.Fatalf("scanMixed(%q, %d, %d, %d) = %v, %d; one byte at a time: %v, %d", text, i, end, w, f1, w1, f2, w2)
	}
}

// TestScanMixed checks the fast scan against the byte-at-a-time one on
// random texts of the letters that matter, invalid bytes included.
func TestScanMixed(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 4))
	for range 200000 {
		var b []byte
		for range rng.IntN(30) {
			b = append(b, mixedPieces[rng.IntN(len(mixedPieces))]...)
		}
		i := rng.IntN(len(b) + 1)
		checkScanMixed(t, b, i, i+rng.IntN(len(b)-i+1), uint8(rng.IntN(4)))
	}
}

func FuzzScanMixed(f *testing.F) {
	f.Add([]byte("پدر ي"), uint8(0), uint8(5), uint8(0))
	f.Fuzz(func(t *testing.T, b []byte, i, n, w uint8) {
		start := min(int(i), len(b))
		checkScanMixed(t, b, start, start+min(int(n), len(b)-start), w%4)
	})
}
