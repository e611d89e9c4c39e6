package segment_test

// The benchmarks read generated text from internal/textgen (test code only:
// the segment package itself imports nothing of the project).

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"github.com/langsplit/langsplit/internal/textgen"
	"github.com/langsplit/langsplit/segment"
)

const benchSize = 4 << 20

var benchInputs = []struct {
	name string
	kind textgen.Kind
}{
	{"ascii", textgen.English},
	{"persian", textgen.Persian},
	{"mixed", textgen.Mixed},
}

// BenchmarkBaseline is the yardstick for the others: a plain UTF-8
// decoding loop over the same bytes (what any segmenter must at least do).
func BenchmarkBaseline(b *testing.B) {
	for _, in := range benchInputs {
		text := textgen.Bytes(in.kind, benchSize, 1)
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				for i := 0; i < len(text); {
					_, w := utf8.DecodeRune(text[i:])
					i += w
					n++
				}
			}
			_ = n
		})
	}
}

// BenchmarkAll ranges over All on a string.
func BenchmarkAll(b *testing.B) {
	for _, in := range benchInputs {
		text := string(textgen.Bytes(in.kind, benchSize, 1))
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				for range segment.All(text) {
				}
			}
		})
	}
}

// BenchmarkSegmenter steps a reused Segmenter: the allocation-free tier.
func BenchmarkSegmenter(b *testing.B) {
	for _, in := range benchInputs {
		text := textgen.Bytes(in.kind, benchSize, 1)
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			var s segment.Segmenter
			for b.Loop() {
				s.Reset(text, segment.Options{})
				for _, ok := s.Next(); ok; _, ok = s.Next() {
				}
			}
		})
	}
}

// BenchmarkScanner reads through a Scanner over a bytes.Reader.
func BenchmarkScanner(b *testing.B) {
	for _, in := range benchInputs {
		text := textgen.Bytes(in.kind, benchSize, 1)
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				sc := segment.NewScanner(bytes.NewReader(text), segment.Options{})
				for sc.Scan() {
				}
			}
		})
	}
}
