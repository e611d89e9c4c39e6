package segment_test

import (
	"bytes"
	"io"
	"runtime"
	"runtime/metrics"
	"testing"

	"github.com/langsplit/langsplit/internal/textgen"
	"github.com/langsplit/langsplit/segment"
)

// TestScannerScale streams 256 MiB of generated text through a Scanner (mixed
// text; Persian only, whose blocks reach MaxBlock; mixed text without a
// single line break, like a minified dump) and checks that the heap stays
// under 32 MiB and that the blocks cover the stream exactly.
func TestScannerScale(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 256 MiB")
	}
	const size = 256 << 20
	const maxHeap = 32 << 20
	for _, c := range []struct {
		kind    textgen.Kind
		oneLine bool
	}{{textgen.Mixed, false}, {textgen.Persian, false}, {textgen.Mixed, true}} {
		runtime.GC() // what the tests before left on the heap is not the Scanner's
		pr, pw := io.Pipe()
		var w io.Writer = pw
		if c.oneLine {
			w = noBreaks{pw}
		}
		go func() { pw.CloseWithError(textgen.Generate(w, c.kind, size, 3)) }()
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
		t.Logf("kind %d, one line %v: %d bytes, %d blocks, peak heap %.1f MiB", c.kind, c.oneLine, pos, blocks, float64(peak)/(1<<20))
		if peak > maxHeap {
			t.Fatalf("peak heap %d bytes, want at most %d", peak, maxHeap)
		}
	}
}

// noBreaks writes what it is given with every line feed turned into a space.
type noBreaks struct{ w io.Writer }

func (n noBreaks) Write(p []byte) (int, error) {
	q := bytes.ReplaceAll(p, []byte{'\n'}, []byte{' '})
	return n.w.Write(q)
}
