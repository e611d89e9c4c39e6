package segment

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/langsplit/langsplit/internal/textgen"
)

// chunkRun is one chunked segmentation of a text: chunk sizes and how the
// Starts are guessed.
type chunkRun struct {
	sizes []int // nominal chunk sizes, cycled
	// start returns the Start chunk k is decided from, given the true one.
	start func(k int, truth Start) Start
}

// chunked segments text as chunkRun says: cut at NextCut after about the
// nominal size, each chunk decided on a goroutine of its own from a view
// that ends ChunkOverlap past it, joined in order. It returns the blocks,
// the bytes the Joiner decided again and the number of chunks.
func chunked(t testing.TB, text []byte, opts Options, run chunkRun) (blocks []Block, redone, chunks, partial int) {
	t.Helper()
	type piece struct {
		from, to int
		st       Start
		c        Chunk
	}
	var pieces []*piece
	truth := Start{}
	for pos, k := 0, 0; pos < len(text) || k == 0; k++ {
		end := len(text)
		var next Cut
		cut, ok := NextCut(text, pos+max(1, run.sizes[k%len(run.sizes)]))
		if ok && cut.Pos < len(text) {
			end, next = cut.Pos, cut
		}
		pieces = append(pieces, &piece{from: pos, to: end, st: run.start(k, truth)})
		truth = Start{Para: next.Para, Evidence: truth.Evidence.Add(text[pos:end])}
		pos = end
	}
	var wg sync.WaitGroup
	for _, p := range pieces {
		wg.Add(1)
		go func() {
			defer wg.Done()
			view := text[p.from:min(len(text), p.to+ChunkOverlap)]
			p.c.Decide(view, p.to-p.from, p.st, opts)
		}()
	}
	wg.Wait()
	var j Joiner
	j.Reset(opts)
	var out []Block
	for _, p := range pieces {
		if got := p.c.Len(); got != p.to-p.from {
			t.Fatalf("chunk at %d: decided %d bytes, want %d", p.from, got, p.to-p.from)
		}
		if _, at := j.Next(); at != p.from {
			t.Fatalf("joiner at %d, chunk at %d", at, p.from)
		}
		var view []byte
		if j.NeedsText(&p.c) {
			view = text[p.from:min(len(text), p.to+ChunkOverlap)]
		}
		out = j.Join(out, &p.c, view)
	}
	return j.Finish(out), j.Redone(), len(pieces), j.partial
}

// guessFalse starts every chunk with the right evidence and paragraph flag
// and guesses that no Arabic unit came before.
func guessFalse(_ int, truth Start) Start { truth.Arabic = false; return truth }

// guessTrue guesses the other way.
func guessTrue(_ int, truth Start) Start { truth.Arabic = true; return truth }

// checkChunked checks that the chunked runs give the blocks of
// SegmentBytes on text.
func checkChunked(t *testing.T, name string, text []byte, opts Options, runs ...chunkRun) (partial bool) {
	t.Helper()
	want := opts.SegmentBytes(text)
	for _, run := range runs {
		got, redone, n, p := chunked(t, text, opts, run)
		partial = partial || p > 0
		if !equalBlocks(got, want) {
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			t.Fatalf("%s, sizes %v (%d chunks): block %d differs:\n got %v\nwant %v", name, run.sizes, n, i,
				got[i:min(len(got), i+3)], want[i:min(len(want), i+3)])
		}
		if testing.Verbose() {
			t.Logf("%s, sizes %v: %d chunks, %d blocks, %d of %d bytes decided again", name, run.sizes, n, len(want), redone, len(text))
		}
	}
	return partial
}

// adversarial returns documents that stress the state a chunk inherits.
func adversarial(rng *rand.Rand) map[string][]byte {
	fa := "این جمله به زبان فارسی است و کتاب را می\u200cخواند.\n"
	en := "This sentence is in English and it goes on.\n"
	ar := "هذا الكتاب في البيت الذي على الجبل.\n"
	weak := "الباب\n"                  // a trace of Arabic evidence: follows the last decided unit (S5.6)
	arKbd := "كتاب پيك يك\n"           // Persian typed on an Arabic keyboard: ي ك with پ
	maksura := "علي مصطفى موسى عيسى\n" // final ى: weak unless the document mixes (S5.4)
	lines := []string{fa, en, ar, weak, arKbd, maksura, "12 34\n", "\n", "\r\n", "  \n", "گفت مادر Mama said\n",
		"I use گیت daily.\n", "Norway - نروژ\n", "«ثم انزل عليكم» گفت\n", "x\u0085y\n", "a\u2028ب\n", "\xd8\xff\n"}
	out := map[string][]byte{}
	var b bytes.Buffer
	for b.Len() < 200<<10 { // random lines, blank lines between some
		b.WriteString(lines[rng.IntN(len(lines))])
	}
	out["random lines"] = bytes.Clone(b.Bytes())
	b.Reset()
	for b.Len() < 200<<10 { // no blank lines: weak lines after Arabic and Persian ones
		b.WriteString([]string{ar, weak, fa, weak, weak, en, maksura}[rng.IntN(7)])
	}
	out["no blank lines"] = bytes.Clone(b.Bytes())
	b.Reset()
	for b.Len() < 300<<10 { // one language in long paragraphs: blocks reach MaxBlock
		b.WriteString(strings.Repeat(fa, 1+rng.IntN(200)))
		if rng.IntN(3) == 0 {
			b.WriteString("\n")
		}
	}
	out["huge blocks"] = bytes.Clone(b.Bytes())
	b.Reset()
	for b.Len() < 300<<10 { // the keyboard habit flips: no ی/ک for long stretches, then some
		if rng.IntN(2) == 0 {
			for range 1 + rng.IntN(400) {
				b.WriteString([]string{arKbd, maksura, weak, ar, en}[rng.IntN(5)])
			}
		} else {
			b.WriteString("یک\n")
			for range rng.IntN(100) {
				b.WriteString([]string{fa, maksura, weak}[rng.IntN(3)])
			}
		}
		b.WriteString("\n")
	}
	out["habit flips"] = bytes.Clone(b.Bytes())
	b.Reset()
	for b.Len() < 200<<10 { // long lines (cut at 64 KiB) and CR LF
		b.WriteString(strings.Repeat("word و کلمه ", 1+rng.IntN(12000)))
		b.WriteString([]string{"\n", "\r\n", "\n\n", "\r\n\r\n"}[rng.IntN(4)])
		for range rng.IntN(4) { // short lines to cut after
			b.WriteString([]string{fa, en, "\n"}[rng.IntN(3)])
		}
	}
	out["long lines"] = bytes.Clone(b.Bytes())
	return out
}

// TestChunkedEqualsSequential is the property: for random documents and
// random chunk sizes, chunks decided in parallel from guessed Starts and
// joined in order give the blocks of SegmentBytes, byte for byte.
func TestChunkedEqualsSequential(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 15))
	runs := func() []chunkRun {
		var sizes []int
		for range 1 + rng.IntN(4) {
			sizes = append(sizes, []int{1, 100, 1000, 5000, 20 << 10, 100 << 10}[rng.IntN(6)]+rng.IntN(5000))
		}
		coin := func(k int, truth Start) Start { truth.Arabic = rng.IntN(2) == 0; return truth }
		wrong := func(k int, truth Start) Start { // evidence and paragraph flag wrong too: a whole chunk again
			if k%3 == 1 {
				truth.Para = !truth.Para
				truth.Evidence = Evidence{}
			}
			return truth
		}
		return []chunkRun{{sizes, guessFalse}, {sizes, guessTrue}, {sizes, coin}, {sizes, wrong}}
	}
	docs := adversarial(rng)
	for seed := range uint64(4) {
		docs[fmt.Sprintf("textgen mixed %d", seed)] = textgen.Bytes(textgen.Mixed, 300<<10, seed)
	}
	docs["textgen fa"] = textgen.Bytes(textgen.Persian, 300<<10, 7)
	partial := false
	for name, text := range docs {
		for _, opts := range []Options{{}, {MaxBlock: MinMaxBlock}, {MaxBlock: 20 << 10, MaxInline: -1}} {
			if checkChunked(t, fmt.Sprintf("%s, %+v", name, opts), text, opts, runs()...) {
				partial = true
			}
		}
	}
	if !partial {
		t.Error("no chunk had only its first lines decided again: that path went untested")
	}
	for _, s := range seeds(t) {
		checkChunked(t, "seed", s, Options{}, chunkRun{[]int{1}, guessTrue}, chunkRun{[]int{7}, guessFalse})
	}
}

// FuzzChunked checks the property on fuzzed text and chunk sizes.
func FuzzChunked(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s, uint16(1), false)
		f.Add(s, uint16(30), true)
	}
	r := rand.New(rand.NewPCG(9, 10))
	for range 5 {
		var doc []byte
		for range 4 {
			doc = append(doc, randomArabicLine(r)...)
		}
		f.Add(doc, uint16(40), false) // lines for arabicLine, whose context the chunk's next lines read
	}
	f.Fuzz(func(t *testing.T, data []byte, size uint16, arabic bool) {
		guess := func(k int, truth Start) Start { truth.Arabic = arabic != (k%2 == 0); return truth }
		checkChunked(t, "fuzz", data, Options{MaxBlock: MinMaxBlock}, chunkRun{[]int{int(size)}, guess})
	})
}

// TestScannerReadsEvidenceItLetsGo: the Scanner lets go of the text before
// the block it builds; the document evidence it had not read yet there
// (S5.2: the ی/ک of the Persian paragraphs, whose lines had evidence enough
// not to ask) must still count, as it does for Segment.
func TestScannerReadsEvidenceItLetsGo(t *testing.T) {
	var sb strings.Builder
	for sb.Len() < 100<<10 {
		sb.WriteString("پیک پیک پیک پدر\n")
	}
	sb.WriteString("\n")
	for sb.Len() < 200<<10 {
		sb.WriteString("This is an English line of text.\n")
	}
	sb.WriteString("الكتاب\n") // ar in a document that writes ی/ک (S5.3), fa elsewhere
	for range 3000 {
		sb.WriteString("This is an English line of text.\n")
	}
	data := []byte(sb.String())
	for _, mb := range []int{0, MinMaxBlock} {
		opts := Options{MaxBlock: mb}
		want := opts.SegmentBytes(data)
		at := bytes.Index(data, []byte("الكتاب"))
		for _, b := range want {
			if b.Start <= at && at < b.End && b.Lang != LangArabic {
				t.Fatalf("the Arabic line is in %v, want an ar block", b)
			}
		}
		if got := scanAll(t, &chunkReader{data: data, sizes: []int{4096}}, opts); !equalBlocks(got, want) {
			t.Errorf("MaxBlock %d: the Scanner differs from SegmentBytes", mb)
		}
	}
}

// TestChunkNoAllocs: a warm Chunk and Joiner allocate nothing, as a warm
// Segmenter does not.
func TestChunkNoAllocs(t *testing.T) {
	text := textgen.Bytes(textgen.Mixed, 256<<10, 5)
	cut, ok := NextCut(text, len(text)/2)
	if !ok {
		t.Fatal("no cut")
	}
	var c1, c2 Chunk
	var j Joiner
	out := make([]Block, 0, 4096)
	run := func() {
		c1.Decide(text, cut.Pos, Start{}, Options{})
		c2.Decide(text[cut.Pos:], len(text)-cut.Pos, Start{Para: cut.Para, Evidence: Evidence{}.Add(text[:cut.Pos]), Arabic: true}, Options{})
		j.Reset(Options{})
		out = j.Join(out[:0], &c1, text)
		out = j.Join(out, &c2, text[cut.Pos:])
		out = j.Finish(out)
	}
	run()
	if !equalBlocks(out, Options{}.SegmentBytes(text)) {
		t.Fatal("blocks differ")
	}
	if n := testing.AllocsPerRun(5, run); n != 0 {
		t.Errorf("%v allocations a run, want 0", n)
	}
}

// TestChunkMarshal: a Chunk decoded from its encoding joins as the Chunk
// itself does.
func TestChunkMarshal(t *testing.T) {
	text := textgen.Bytes(textgen.Mixed, 200<<10, 9)
	cut, _ := NextCut(text, 50<<10)
	var c1, c2, d2 Chunk
	c1.Decide(text, cut.Pos, Start{}, Options{})
	c2.Decide(text[cut.Pos:], len(text)-cut.Pos, Start{Para: cut.Para, Evidence: Evidence{}.Add(text[:cut.Pos]), Arabic: true}, Options{})
	b, err := c2.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if err := d2.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	var j Joiner
	j.Reset(Options{})
	out := j.Join(nil, &c1, text)
	out = j.Finish(j.Join(out, &d2, text[cut.Pos:]))
	if !equalBlocks(out, Options{}.SegmentBytes(text)) {
		t.Error("blocks differ after a round trip of the encoding")
	}
	if err := d2.UnmarshalBinary(b[:2]); err == nil {
		t.Error("a truncated encoding was accepted")
	}
}
