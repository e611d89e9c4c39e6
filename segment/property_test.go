package segment

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// chunkReader returns its data in chunks whose sizes cycle through sizes.
type chunkReader struct {
	data  []byte
	sizes []int
	i     int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, io.EOF
	}
	n := c.sizes[c.i%len(c.sizes)]
	c.i++
	n = min(n, len(p), len(c.data))
	copy(p, c.data[:n])
	c.data = c.data[n:]
	return n, nil
}

// seeds returns the fixtures, the documents of the dev sets when they are
// present (beside the project in CI) and a few edge cases, for the fuzz
// targets.
func seeds(t testing.TB) [][]byte {
	files, _ := filepath.Glob("testdata/*.txt")
	for _, set := range []string{devSet, realDevSet} {
		docs, _ := filepath.Glob(filepath.Join(set, "docs", "*.txt"))
		files = append(files, docs...)
	}
	var out [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	return append(out,
		[]byte(""), []byte("\n"), []byte("\r\n\r\n"), []byte("a"), []byte("ب"),
		[]byte("\xd8"), []byte("a\xd8\xa8b"), []byte("x.com/a/b"), []byte("a@b.c"),
		[]byte("«"+strings.Repeat("ب ", 10)+"»"), []byte("\u200c\u200c"), []byte("ۚ ۖ"),
		[]byte("https://"), []byte("...…..."), []byte("\t\t- = :"),
	)
}

// checkAll runs the whole-text API, the iterator and a Scanner over chunked
// reads on data, and checks that they agree and cover data losslessly.
func checkAll(t *testing.T, data []byte, opts Options, sizes []int) {
	t.Helper()
	blocks := opts.SegmentBytes(data)
	checkCover(t, data, blocks)
	if again := opts.SegmentBytes(data); !equalBlocks(again, blocks) {
		t.Fatalf("not deterministic")
	}
	if s := opts.Segment(string(data)); !equalBlocks(s, blocks) {
		t.Fatalf("Segment(string) differs from SegmentBytes")
	}
	var all []Block
	for b := range opts.All(string(data)) {
		all = append(all, b)
	}
	if !equalBlocks(all, blocks) {
		t.Fatalf("All differs from SegmentBytes")
	}
	var sg Segmenter
	sg.Reset(data, opts)
	var stepped []Block
	for b, ok := sg.Next(); ok; b, ok = sg.Next() {
		stepped = append(stepped, b)
	}
	if !equalBlocks(stepped, blocks) {
		t.Fatalf("Segmenter.Next differs from SegmentBytes")
	}
	got := scanAll(t, &chunkReader{data: data, sizes: sizes}, opts)
	if !equalBlocks(got, blocks) {
		t.Fatalf("Scanner with chunks %v differs:\n%v\nwant\n%v", sizes, got, blocks)
	}
}

func FuzzSegment(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s, uint8(0), uint16(1))
		f.Add(s, uint8(1), uint16(7))
	}
	f.Fuzz(func(t *testing.T, data []byte, inline uint8, chunk uint16) {
		opts := Options{MaxInline: int(inline%6) - 1}
		sizes := []int{1 + int(chunk%97), 1 + int(chunk%13), 4096}
		checkAll(t, data, opts, sizes)
	})
}

// TestMaxBlock checks that no block exceeds MaxBlock, on long paragraphs,
// a long line without line breaks, a long run of Han without spaces, and
// invalid bytes.
func TestMaxBlock(t *testing.T) {
	para := strings.Repeat("This sentence is in English and it goes on. ", 40) + "\n"
	fa := strings.Repeat("این جمله به زبان فارسی است و ادامه دارد. ", 40) + "\n\n"
	inputs := map[string][]byte{
		"paragraphs": []byte(strings.Repeat(para+fa+para+"\n", 40)),
		"one line":   []byte(strings.Repeat("word ", 60000)),
		"han":        []byte(strings.Repeat("汉字", 30000)),
		"no space":   bytes.Repeat([]byte("ab"), 50000),
		"invalid":    bytes.Repeat([]byte{0xd8, 'a', 0xff, 0xdb}, 30000),
		"letterless": bytes.Repeat([]byte("12 34\n"), 20000),
		"code line":  []byte("title = {" + strings.Repeat("کلمه ", 30000) + "},\n" + strings.Repeat("x", 200000) + " = {مقدار}\n"),
	}
	for name, data := range inputs {
		t.Run(name, func(t *testing.T) {
			opts := Options{MaxBlock: MinMaxBlock}
			blocks := opts.SegmentBytes(data)
			for _, b := range blocks {
				if b.Len() > MinMaxBlock {
					t.Fatalf("block %+v is longer than MaxBlock %d", b, MinMaxBlock)
				}
			}
			pos := 0
			for _, b := range blocks {
				if b.Start != pos {
					t.Fatalf("gap or overlap at %d: %+v", pos, b)
				}
				pos = b.End
			}
			if pos != len(data) {
				t.Fatalf("blocks end at %d of %d", pos, len(data))
			}
			got := scanAll(t, &chunkReader{data: data, sizes: []int{1000, 3, 77777}}, opts)
			if !equalBlocks(got, blocks) {
				t.Fatalf("Scanner differs from SegmentBytes")
			}
		})
	}
}

// repeatReader returns chunk over and over, n bytes in all.
type repeatReader struct {
	chunk []byte
	off   int
	n     int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	k := copy(p, r.chunk[r.off:])
	k = int(min(int64(k), r.n))
	r.off = (r.off + k) % len(r.chunk)
	r.n -= int64(k)
	return k, nil
}

// TestScannerBuffer streams 48 MiB through a Scanner and checks that its
// buffer stays within the bound the design promises: the block being built
// (MaxBlock), a line and the look-ahead, doubled for growth.
func TestScannerBuffer(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 48 MiB")
	}
	var chunk []byte
	for _, s := range seeds(t) {
		if utf8.Valid(s) && len(s) > 0 {
			chunk = append(chunk, s...)
			chunk = append(chunk, '\n', '\n')
		}
	}
	opts := Options{MaxBlock: 256 << 10}
	const total = 48 << 20
	sc := NewScanner(&repeatReader{chunk: chunk, n: total}, opts)
	bound := 2 * (opts.MaxBlock + lineCap + evidenceAhead)
	pos, maxBuf := 0, 0
	for sc.Scan() {
		b := sc.Block()
		if b.Start != pos {
			t.Fatalf("gap at %d: %+v", pos, b)
		}
		pos = b.End
		maxBuf = max(maxBuf, len(sc.buf))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if pos != total {
		t.Fatalf("blocks end at %d of %d", pos, total)
	}
	if maxBuf > bound {
		t.Fatalf("Scanner buffer grew to %d bytes, bound %d", maxBuf, bound)
	}
	t.Logf("Scanner buffer peaked at %d bytes (bound %d) over %d bytes", maxBuf, bound, total)
}

// errReader fails after its data.
type errReader struct{ data []byte }

func (e *errReader) Read(p []byte) (int, error) {
	if len(e.data) == 0 {
		return 0, io.ErrUnexpectedEOF
	}
	n := copy(p, e.data)
	e.data = e.data[n:]
	return n, nil
}

// TestScannerError checks that a read error is sticky in Err and that the
// bytes read before it are still covered.
func TestScannerError(t *testing.T) {
	data := []byte("Some English.\nو کمی فارسی.\n")
	sc := NewScanner(&errReader{data: data}, Options{})
	end := 0
	for sc.Scan() {
		end = sc.Block().End
	}
	if sc.Err() != io.ErrUnexpectedEOF {
		t.Fatalf("Err() = %v, want %v", sc.Err(), io.ErrUnexpectedEOF)
	}
	if end != len(data) {
		t.Fatalf("blocks end at %d, want %d", end, len(data))
	}
	if sc.Scan() || sc.Err() != io.ErrUnexpectedEOF {
		t.Fatalf("Scan after the error should stay false with the same Err")
	}
}

// stallReader returns its data, then (0, nil) forever; reads counts the
// calls after the data ran out.
type stallReader struct {
	data  []byte
	reads int
}

func (s *stallReader) Read(p []byte) (int, error) {
	if len(s.data) == 0 {
		s.reads++
		return 0, nil
	}
	n := copy(p, s.data)
	s.data = s.data[n:]
	return n, nil
}

// TestScannerNoProgress checks that a reader that keeps returning (0, nil)
// ends the scan with io.ErrNoProgress after 100 empty reads, as
// bufio.Scanner does, instead of spinning forever; the bytes read before are
// still covered. Empty reads between data do not count against the limit
// once data comes again.
func TestScannerNoProgress(t *testing.T) {
	data := []byte("Some English.\nو کمی فارسی.\n")
	r := &stallReader{data: data}
	sc := NewScanner(r, Options{})
	end := 0
	for sc.Scan() {
		end = sc.Block().End
	}
	if sc.Err() != io.ErrNoProgress {
		t.Fatalf("Err() = %v, want %v", sc.Err(), io.ErrNoProgress)
	}
	if r.reads != maxEmptyReads {
		t.Fatalf("gave up after %d empty reads, want %d", r.reads, maxEmptyReads)
	}
	if end != len(data) {
		t.Fatalf("blocks end at %d, want %d", end, len(data))
	}
	// 99 empty reads before every byte are not a stall.
	got := scanAll(t, &hiccupReader{data: data, empties: maxEmptyReads - 1}, Options{})
	if want := (Options{}).SegmentBytes(data); !equalBlocks(got, want) {
		t.Fatalf("hiccuping reader: %v, want %v", got, want)
	}
}

// hiccupReader returns (0, nil) empties times before each byte of data.
type hiccupReader struct {
	data    []byte
	empties int
	n       int
}

func (h *hiccupReader) Read(p []byte) (int, error) {
	if len(h.data) == 0 {
		return 0, io.EOF
	}
	if h.n < h.empties {
		h.n++
		return 0, nil
	}
	h.n = 0
	p[0] = h.data[0]
	h.data = h.data[1:]
	return 1, nil
}

// TestSegmenterNoAllocs checks that a warm Segmenter allocates nothing, on
// text that takes every path: ASCII lines, Persian and Arabic lines, mixed
// sentences with pair separators, quotations, code lines and honorifics.
func TestSegmenterNoAllocs(t *testing.T) {
	var text []byte
	for _, s := range seeds(t) {
		if utf8.Valid(s) {
			text = append(text, s...)
			text = append(text, '\n')
		}
	}
	var s Segmenter
	run := func() {
		s.Reset(text, Options{})
		for _, ok := s.Next(); ok; _, ok = s.Next() {
		}
	}
	run()
	if n := testing.AllocsPerRun(5, run); n != 0 {
		t.Fatalf("a warm Segmenter allocates %.1f times per text, want 0", n)
	}
}
