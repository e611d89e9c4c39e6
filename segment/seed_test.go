package segment

import (
	"bytes"
	"os"
	"testing"
)

// TestSeedPage checks the shared seed page, a scraped English article
// followed by Persian blog excerpts: exactly two blocks, en then fa, cut at
// the start of the first Persian line.
func TestSeedPage(t *testing.T) {
	text, err := os.ReadFile("../../shared/seeds/webpage-en-fa.txt")
	if err != nil {
		t.Skipf("seed page not found (it is present in CI): %v", err)
	}
	blocks := Segment(string(text))
	if len(blocks) != 2 || blocks[0].Lang != LangEnglish || blocks[1].Lang != LangPersian {
		t.Fatalf("want two blocks en, fa; got %+v", blocks)
	}
	// The first Persian line starts right after the last line break before
	// the first Persian letter.
	first := bytes.IndexFunc(text, func(r rune) bool { return r >= 0x0600 && r <= 0x06FF })
	lineStart := bytes.LastIndexByte(text[:first], '\n') + 1
	if blocks[1].Start != lineStart {
		t.Fatalf("cut at %d, want %d (start of the first Persian line)", blocks[1].Start, lineStart)
	}
	checkCover(t, text, blocks)
}
