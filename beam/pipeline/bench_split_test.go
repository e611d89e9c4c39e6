package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/langsplit/langsplit/internal/textgen"
)

// BenchmarkSplitFn runs the split stage in process on one file of 16 MiB
// of generated mixed text, the chunks emitted counted and dropped.
func BenchmarkSplitFn(b *testing.B) {
	in := filepath.Join(b.TempDir(), "in.txt")
	if err := os.WriteFile(in, textgen.Bytes(textgen.Mixed, 16<<20, 1), 0o666); err != nil {
		b.Fatal(err)
	}
	f := &splitFn{Format: "auto"}
	if err := f.Setup(); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(16 << 20)
	b.ReportAllocs()
	var lines int
	for b.Loop() {
		f.ProcessElement(ctx, in, func(c Chunk) { lines += len(c.Lines) }, func(string, Stat) {},
			func(s FileStatus) {
				if s.Status != StatusOK {
					b.Fatalf("%+v", s)
				}
			}, func(Part) { b.Fatal("split into parts") })
	}
	if lines == 0 {
		b.Fatal("no records")
	}
}
