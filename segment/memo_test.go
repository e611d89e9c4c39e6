package segment

import (
	"encoding/binary"
	"math/rand/v2"
	"strings"
	"testing"
)

// refKey is a chunk's key as chunkMemo means it, computed the plain way:
// the bytes of lt from i up to the first ASCII byte, zero-padded to
// maxChunk, and whether the chunk is short enough to be held.
func refKey(lt []byte, i int) (k chunkKey, end int, held bool) {
	end = chunkEnd(lt, i+1)
	var pad [maxChunk]byte
	copy(pad[:], lt[i:end])
	k = chunkKey{binary.LittleEndian.Uint64(pad[0:]), binary.LittleEndian.Uint64(pad[8:]), binary.LittleEndian.Uint64(pad[16:])}
	return k, end, end-i < maxChunk
}

// TestHeldLenEveryLength checks the key and length that heldLen and
// chunkKeyAt find against refKey, on random bytes with chunks of every
// length from 1 to past maxChunk, ended by any ASCII byte (NUL too).
func TestHeldLenEveryLength(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 2000 {
		b := make([]byte, maxChunk+8)
		for j := range b {
			b[j] = byte(0x80 + r.IntN(0x80))
		}
		if l := 1 + n%(maxChunk+4); l < len(b) {
			b[l] = byte(r.IntN(0x80)) // the chunk's end
		}
		got := heldLen((*[maxChunk]byte)(b))
		wantK, wantEnd, wantHeld := refKey(b, 0)
		if held := got < maxChunk; held != wantHeld || held && (chunkKeyAt(b, got) != wantK || got != wantEnd) || !held && got != maxChunk {
			t.Fatalf("% x: heldLen %d, key %x; want end %d, key %x, held %v", b, got, chunkKeyAt(b, min(got, maxChunk-1)), wantEnd, wantK, wantHeld)
		}
	}
}

// TestChunkEntryHolds checks that an entry holds only its own chunk: keys
// that differ in any one of their three words differ.
func TestChunkEntryHolds(t *testing.T) {
	k := chunkKey{0xD8A7D8A8D8AAD8AB, 0xD8A7D8A8D8AAD8AB, 0xD8A7D8A8}
	e := chunkEntry{k: k}
	if !e.holds(k) {
		t.Fatal("an entry does not hold its own chunk")
	}
	for w := range 3 {
		o := k
		switch w {
		case 0:
			o.k0 ^= 1 << 40
		case 1:
			o.k1 ^= 1 << 40
		case 2:
			o.k2 ^= 1 << 8
		}
		if e.holds(o) {
			t.Errorf("an entry holds a chunk that differs from its own in word %d", w)
		}
	}
}

// TestChunkMemo reads chunks twice through a tokenizer's chunkMemo, the
// second time from the memo, and checks each reading against a fresh
// persianChunk: chunks that share their first 16 bytes, chunks of 23, 24
// and 25 bytes, chunks at the end of the text (too close to be held),
// chunks with a line break in them (never held: the break ends the line),
// with punctuation, ZWNJ, no-break spaces, Arabic evidence and other
// scripts' letters.
func TestChunkMemo(t *testing.T) {
	eight := "کتابخانه" // eight letters: sixteen bytes
	chunks := []string{
		eight, eight + "ها", eight + "ة", eight + "ی", eight + "\u200cها", eight + "،", eight + "؟",
		"کتاب", "کتاب،", "،کتاب", "کتاب؟", "؟کتاب", "«کتاب»", "کتاب\u00a0خانه", "کتاب\u2028خانه", "کتاب\u0085خانه",
		"مدرسة", "لا", "الكتاب", "قالَ", "ٹوپی", "ﷲ", "کتاب\u064b", "\u064bکتاب", "é", "—", "\u200f",
		strings.Repeat("ب", 11) + "\u00a0", // 24 bytes
		strings.Repeat("ب", 11) + "ی",      // 24 bytes
		strings.Repeat("ب", 11) + "a",      // 22 bytes
		strings.Repeat("ب", 11) + "\u200c", // 25 bytes
		strings.Repeat("ب", 12),            // 24 bytes
		strings.Repeat("ب", 13),            // 26 bytes
	}
	var tk tokenizer
	tk.memo = new(chunkMemo)
	for round := range 2 {
		for _, c := range chunks {
			for _, tail := range []string{" " + strings.Repeat("x", maxChunk), "", " x"} {
				lt := []byte(c + tail)
				end, s, brk := tk.chunk(lt, 0)
				var fresh tokenizer
				wantEnd := chunkEnd(lt, 1)
				want, wantBrk := fresh.persianChunk(lt, 0, wantEnd)
				if end != wantEnd || s != want || brk != wantBrk {
					t.Errorf("round %d, %q: chunk gives end %d, %+v, brk %d; want %d, %+v, %d",
						round, lt, end, s, brk, wantEnd, want, wantBrk)
				}
			}
		}
	}
}

// TestChunkSumWord pins what a chunk's word tells sentenceLine: the bytes
// of its one Arabic-script word when nothing but ، and ؛ follows it, else
// zero (sentenceLine then reads the chunk rune by rune).
func TestChunkSumWord(t *testing.T) {
	for _, c := range []struct {
		chunk string
		word  int
	}{
		{"کتاب", 8},
		{"کتاب،", 8},
		{"کتاب؛،", 8},
		{"پرونده\u200cها", 19}, // ZWNJ is inside the word
		{"کتاب؟", 0},           // a sentence end: sentenceLine weighs what follows
		{"کتاب»", 0},           // other punctuation
		{"کتاب\u00a0", 0},      // a no-break space
		{"کتاب۲۴", 0},          // Persian digits (points: S5.1)
		{"،کتاب", 0},           // the word is not first
		{"کتاب،خانه", 0},       // two words
		{"٪", 0},
	} {
		var tk tokenizer
		lt := []byte(c.chunk + " ")
		s, brk := tk.persianChunk(lt, 0, len(c.chunk))
		if brk >= 0 || int(s.word) != c.word {
			t.Errorf("persianChunk(%q): word %d, brk %d; want word %d, brk -1", c.chunk, s.word, brk, c.word)
		}
	}
}

// TestHeldLen checks heldLen and chunkKeyAt, stepping from chunk to chunk
// as persianLine does, against refKey on random bytes: chunks of every
// length up to past maxChunk, between runs of ASCII bytes.
func TestHeldLen(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	lt := make([]byte, 0, 1<<14)
	for len(lt) < 1<<14-100 {
		for range 1 + r.IntN(3) {
			lt = append(lt, byte(r.IntN(0x80)))
		}
		for range 1 + r.IntN(2*maxChunk) {
			lt = append(lt, byte(0x80+r.IntN(0x80)))
		}
	}
	chunks, long := 0, 0
	for i := 0; i+maxChunk <= len(lt); i++ {
		if lt[i] < 0x80 {
			continue
		}
		wantK, wantEnd, held := refKey(lt, i)
		n := heldLen((*[maxChunk]byte)(lt[i:]))
		switch {
		case held && i+n != wantEnd, !held && n != maxChunk:
			t.Fatalf("chunk at %d: heldLen %d, want end %d (held %v)", i, n, wantEnd, held)
		case held && chunkKeyAt(lt[i:i+maxChunk], n) != wantK:
			t.Fatalf("chunk at %d: chunkKeyAt %x, want %x", i, chunkKeyAt(lt[i:i+maxChunk], n), wantK)
		}
		chunks++
		if !held {
			long++
		}
		i = wantEnd - 1
	}
	if chunks < 100 || long < 10 || chunks-long < 10 {
		t.Fatalf("only %d chunks read, %d of them long", chunks, long)
	}
}
