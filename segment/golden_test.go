package segment

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenRecord is one block in a NAME.golden.jsonl file.
type goldenRecord struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Lang   string `json:"lang"`
	Script string `json:"script"`
	Dir    string `json:"dir"`
	Text   string `json:"text"`
}

func encodeBlocks(t *testing.T, text []byte, blocks []Block) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, b := range blocks {
		rec := goldenRecord{b.Start, b.End, b.Lang, b.Script, b.Dir.String(), strings.ToValidUTF8(string(text[b.Start:b.End]), "\uFFFD")}
		if err := enc.Encode(rec); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

// TestGolden segments every testdata/NAME.txt and compares the blocks with
// testdata/NAME.golden.jsonl byte for byte. Run with -update to rewrite them.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) < 25 {
		t.Fatalf("want at least 25 fixtures in testdata, found %d (%v)", len(files), err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			blocks := Options{}.SegmentBytes(text)
			checkCover(t, text, blocks)
			got := encodeBlocks(t, text, blocks)
			golden := strings.TrimSuffix(f, ".txt") + ".golden.jsonl"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./segment -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("blocks differ from %s:\ngot:\n%s\nwant:\n%s", golden, got, want)
			}
			// The same blocks come from the string API, the iterator, and a
			// Scanner reading one byte at a time.
			if s := Segment(string(text)); !equalBlocks(s, blocks) {
				t.Errorf("Segment(string) differs from SegmentBytes")
			}
			if s := scanAll(t, iotest.OneByteReader(bytes.NewReader(text)), Options{}); !equalBlocks(s, blocks) {
				t.Errorf("Scanner over a one-byte reader differs:\n%v\nwant\n%v", s, blocks)
			}
		})
	}
}

func equalBlocks(a, b []Block) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func scanAll(t testing.TB, r interface{ Read([]byte) (int, error) }, opts Options) []Block {
	t.Helper()
	sc := NewScanner(r, opts)
	var out []Block
	for sc.Scan() {
		b := sc.Block()
		if len(sc.Bytes()) != b.Len() {
			t.Fatalf("Bytes() has %d bytes, block %v has %d", len(sc.Bytes()), b, b.Len())
		}
		out = append(out, b)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// checkCover asserts the lossless-cover properties: blocks are contiguous,
// cover the text, are non-empty, start and end on rune boundaries of valid
// UTF-8, and carry consistent labels.
func checkCover(t testing.TB, text []byte, blocks []Block) {
	t.Helper()
	if len(text) == 0 {
		if len(blocks) != 0 {
			t.Fatalf("empty text gave %d blocks", len(blocks))
		}
		return
	}
	if len(blocks) == 0 {
		t.Fatalf("no blocks for %d bytes", len(text))
	}
	pos := 0
	for i, b := range blocks {
		if b.Start != pos || b.End <= b.Start || b.End > len(text) {
			t.Fatalf("block %d %+v: want start %d, non-empty, end ≤ %d", i, b, pos, len(text))
		}
		for _, off := range []int{b.Start, b.End} {
			if off < len(text) && off > 0 && splitsRune(text, off) {
				t.Fatalf("block %d %+v: offset %d splits a UTF-8 sequence", i, b, off)
			}
		}
		if i > 0 && blocks[i-1].Lang == b.Lang && b.Len() < DefaultMaxBlock/2 && blocks[i-1].Len() < DefaultMaxBlock/2 {
			t.Fatalf("blocks %d and %d are both %s and were not merged", i-1, i, b.Lang)
		}
		switch {
		case b.Lang == LangEnglish && (b.Script != "Latn" || b.Dir != LTR),
			(b.Lang == LangPersian || b.Lang == LangArabic) && (b.Script != "Arab" || b.Dir != RTL),
			b.Lang == LangUnd && b.Script != "Zyyy",
			strings.HasPrefix(b.Lang, "und-") && b.Lang != "und-"+b.Script,
			b.Lang == "" || b.Script == "":
			t.Fatalf("block %d %+v: inconsistent labels", i, b)
		}
		pos = b.End
	}
	if pos != len(text) {
		t.Fatalf("blocks end at %d, text at %d", pos, len(text))
	}
}

// splitsRune reports whether off falls inside a valid multi-byte sequence.
func splitsRune(text []byte, off int) bool {
	for back := 1; back <= 3 && off-back >= 0; back++ {
		if utf8.RuneStart(text[off-back]) {
			r, w := utf8.DecodeRune(text[off-back:])
			return !(r == utf8.RuneError && w == 1) && w > back
		}
	}
	return false
}
