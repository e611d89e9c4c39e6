package segment

import (
	"encoding/binary"
	"math/bits"
	"unsafe"
)

// The fast line readers (persianLine, sentenceLine) meet the same few hundred words again
// and again: most of a text's running words are its most frequent ones. A
// run of bytes of 0x80 and more, read from one ASCII byte to the next (a
// word with its Persian punctuation, ZWNJ and no-break spaces: a chunk),
// tells the reader the same thing wherever it stands, since no rune's bytes
// cross an ASCII byte. chunkMemo remembers what the chunks shorter than
// maxChunk bytes told: reading a known chunk costs three loads, a hash and
// a compare instead of a decode, a table lookup and a key step a letter and
// the word's evidence.

// maxChunk is the size of a chunk's key in bytes, three words of eight:
// chunkMemo holds the chunks shorter than it (99.5% of the non-ASCII runs
// of the realdev documents are no longer).
const maxChunk = 24

// chunkMemoBits sets the size of chunkMemo: 1<<chunkMemoBits chunks of 32
// bytes each (32 KiB).
const chunkMemoBits = 10

// memoMinText is the shortest text a tokenizer makes its chunkMemo for:
// in shorter ones, making it would cost more than it saves.
const memoMinText = 16 << 10

// chunkSum is what persianLine learns from a chunk, read from a state of
// zero: the Persian points and the number of its Arabic-script words, the
// state bits they and its punctuation set (ps*, and the OR of the words'
// grammar), and whether the line cannot be read so (bad: Arabic evidence,
// a letter of another script, a mark after no letter, Quranic brackets);
// word, if not zero, tells sentenceLine that the chunk is one
// Arabic-script word of word bytes followed by nothing or by ، and ؛ only
// (and bad, that the word has evidence it cannot weigh).
type chunkSum struct {
	p     int32
	words int32
	word  int32
	st    uint8
	bad   bool
}

// chunkEntry is one chunk of chunkMemo: its key (no chunk's first byte is
// zero: the zero entry is empty) and what it told, packed into 32 bytes (a
// held chunk has at most maxChunk/2 words, of at most 127 points each).
type chunkEntry struct {
	k     chunkKey
	p     int16
	words uint8
	st    uint8
	bad   bool
	word  uint8 // chunkSum.word: under maxChunk
}

var _ [1]struct{} = [unsafe.Sizeof(chunkEntry{}) / 32]struct{}{} // 32 bytes

// chunkMemo maps chunks to their chunkSum: a table of sets of two entries
// on a hash of the chunk, the chunk kept last first (one entry a hash
// missed 12% of textgen's Persian chunks, of which there are 199), of
// fixed memory (its zero value is empty). What it holds is a function of
// the chunk's bytes alone, so it is kept across texts.
type chunkMemo [1 << (chunkMemoBits - 1)][2]chunkEntry

// memoFor makes t.memo and t.wmemo for reading text, if it is long enough
// and t has none yet: in one allocation, so that where one lies from the
// other does not change from run to run.
func (t *tokenizer) memoFor(text []byte) {
	if t.memo == nil && len(text) >= memoMinText {
		m := new(struct {
			chunks chunkMemo
			words  wordMemo
		})
		t.memo, t.wmemo = &m.chunks, &m.words
	}
}

// chunkKey is a chunk's bytes, zero-padded to maxChunk, eight a word,
// first lowest. (A struct, not an array: the compiler keeps a struct of
// three words in registers, an array in memory.)
type chunkKey struct{ k0, k1, k2 uint64 }

var _ [maxChunk - 3*8]struct{} // chunkKey holds maxChunk bytes

// chunk returns the end of the chunk that starts at lt[i] (a byte of 0x80
// or more: the first ASCII byte after it, or len(lt)) and what it tells
// persianLine (persianChunk: brk is the line's end if a line break is in
// it, else -1), from t.memo if it holds the chunk (a chunk is held if it is
// shorter than maxChunk and i+maxChunk <= len(lt)). persianLine and
// sentenceLine look their chunks up themselves first, as a call costs more
// than the lookup (Go saves the caller's registers on each), finding the
// chunk's end with heldLen and its key with chunkKeyAt: the same key.
func (t *tokenizer) chunk(lt []byte, i int) (end int, s chunkSum, brk int) {
	if t.memo == nil || i+maxChunk > len(lt) {
		return t.readChunk(lt, i, chunkEnd(lt, i+1), chunkKey{}, false)
	}
	n := heldLen((*[maxChunk]byte)(lt[i:]))
	if n >= maxChunk {
		return t.readChunk(lt, i, chunkEnd(lt, i+n), chunkKey{}, false)
	}
	k, end := chunkKeyAt(lt[i:i+maxChunk:i+maxChunk], n), i+n
	if e := t.memo.lookup(k); e.holds(k) {
		return end, e.sum(), -1
	}
	return t.readChunk(lt, i, end, k, true)
}

// readChunk reads the chunk lt[i:end] with key k (persianChunk) and, if
// held, notes it in t.memo.
func (t *tokenizer) readChunk(lt []byte, i, end int, k chunkKey, held bool) (int, chunkSum, int) {
	s, brk := t.persianChunk(lt, i, end)
	if held && brk < 0 {
		t.memo.put(k, s)
	}
	return end, s, brk
}

// chunkEnd returns the first i' >= i with lt[i'] an ASCII byte, or len(lt).
func chunkEnd(lt []byte, i int) int {
	for i < len(lt) && lt[i] >= 0x80 {
		i++
	}
	return i
}

// put notes what the chunk with key k told, first in its set.
func (m *chunkMemo) put(k chunkKey, s chunkSum) {
	set := m.set(k)
	set[1], set[0] = set[0], chunkEntry{k: k, p: int16(s.p), words: uint8(s.words), st: s.st, bad: s.bad, word: uint8(s.word)}
}

// lookup returns the entry of m that holds the chunk with key k, if one
// does: the entry to test is chosen without a branch (as in evCache).
func (m *chunkMemo) lookup(k chunkKey) *chunkEntry {
	set := m.set(k)
	return &set[b2u(set[1].holds(k))]
}

// sum returns what the chunk of e told.
func (e *chunkEntry) sum() chunkSum {
	return chunkSum{p: int32(e.p), words: int32(e.words), st: e.st, bad: e.bad, word: int32(e.word)}
}

// set returns the set the chunk with key k maps to.
func (m *chunkMemo) set(k chunkKey) *[2]chunkEntry { return &m[k.hash()>>(64-chunkMemoBits+1)] }

// hash returns the hash of the chunk with key k that the memos of chunks
// (chunkMemo, wordMemo) take their sets from, its top bits first.
func (k chunkKey) hash() uint64 {
	return k.k0*0x9E3779B97F4A7C15 + k.k1*0xBF58476D1CE4E5B9 + k.k2*0x94D049BB133111EB
}

// holds reports whether e is the entry of the chunk with key k.
func (e *chunkEntry) holds(k chunkKey) bool {
	return (e.k.k0^k.k0)|(e.k.k1^k.k1)|(e.k.k2^k.k2) == 0
}

// keyMasks[n] keeps the first n bytes of a chunkKey: the key of a chunk
// of n bytes is the maxChunk bytes at its start, masked so.
var keyMasks = func() (t [maxChunk][3]uint64) {
	for n := range maxChunk {
		for b := range n {
			t[n][b/8] |= 0xFF << (b % 8 * 8)
		}
	}
	return t
}()

// gatherHighs returns a byte whose bit k is set if byte k of x (first
// lowest) is ASCII: the high bits, inverted, gathered by a multiply.
func gatherHighs(x uint64) uint64 {
	const highs, gather = 0x8080808080808080, 0x0102040810204080
	return ((^x & highs) >> 7) * gather >> 56
}

// heldLen returns the length of the chunk at the start of b, or maxChunk
// if it is not held (no ASCII byte in b). The inner loops of the line
// readers step so from chunk to chunk (with chunkKeyAt: the two are
// inlined, one function would not be). It replaced a 64-byte window of
// ASCII bits read ahead, whose end left the loops (a branch mispredicted
// about once in 64 bytes, and more in the path after it: 30% of the
// mispredicted branches on mixed text in cachegrind), for a longer chain of
// steps from a chunk's start to the next (loads, multiplies), which the
// loop's other work hides.
func heldLen(b *[maxChunk]byte) int {
	return bits.TrailingZeros32(uint32(gatherHighs(binary.LittleEndian.Uint64(b[:8])) |
		gatherHighs(binary.LittleEndian.Uint64(b[8:16]))<<8 | gatherHighs(binary.LittleEndian.Uint64(b[16:]))<<16 | 1<<maxChunk))
}

// chunkKeyAt returns the key of the chunk of n bytes (n < maxChunk) at the
// start of b, which holds maxChunk bytes.
func chunkKeyAt(b []byte, n int) chunkKey {
	km := &keyMasks[n]
	return chunkKey{binary.LittleEndian.Uint64(b) & km[0], binary.LittleEndian.Uint64(b[8:]) & km[1], binary.LittleEndian.Uint64(b[16:maxChunk]) & km[2]}
}
