package segment_test

import (
	"io"
	"runtime/metrics"
	"testing"

	"github.com/langsplit/langsplit/internal/textgen"
	"github.com/langsplit/langsplit/segment"
)

// TestScannerScale streams 256 MiB of generated text (mixed, and Persian
// only, whose blocks reach MaxBlock) through a Scanner and checks that the
// heap stays under 32 MiB and that the blocks cover the stream exactly.
func TestScannerScale(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 256 MiB")
	}
	const size = 256 << 20
	const maxHeap = 32 << 20
	for _, kind := range []textgen.Kind{textgen.Mixed, textgen.Persian} {
		pr, pw := io.Pipe()
		go func() { pw.CloseWithError(textgen.Generate(pw, kind, size, 3)) }()
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		var peak uint64
		pos, blocks := 0, 0
		sc := segment.NewScanner(pr, segment.Options{})
		for sc.Scan() {
			b := sc.Block()
			if b.Start != pos || b.End <= b.Start {
				t.Fatalf("block %d %+v: want a block from %d", blocks, b, pos)
			}
			pos = b.End
			if blocks++; blocks%64 == 0 {
				metrics.Read(sample)
				peak = max(peak, sample[0].Value.Uint64())
			}
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		if pos < size {
			t.Fatalf("blocks end at %d, want at least %d", pos, size)
		}
		t.Logf("kind %d: %d bytes, %d blocks, peak heap %.1f MiB", kind, pos, blocks, float64(peak)/(1<<20))
		if peak > maxHeap {
			t.Fatalf("peak heap %d bytes, want at most %d", peak, maxHeap)
		}
	}
}
