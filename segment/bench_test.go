package segment_test

// The benchmarks read generated text from internal/textgen (test code only:
// the segment package itself imports nothing of the project).

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/langsplit/langsplit/internal/baseline"
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

// realdevDocs is where the real-text documents are beside the repository
// (../shared/eval/realdev: hand-labelled real Persian, Arabic and English
// pages and manuals).
const realdevDocs = "../../shared/eval/realdev/docs"

// realdevText returns the realdev documents concatenated, or skips b when
// they are absent: the benchmarks' check that what is fast on generated
// text is fast on real text too.
func realdevText(b *testing.B) []byte {
	b.Helper()
	docs, _ := filepath.Glob(filepath.Join(realdevDocs, "*"))
	var text []byte
	for _, d := range docs {
		t, err := os.ReadFile(d)
		if err != nil {
			b.Fatal(err)
		}
		text = append(text, t...)
		if len(t) > 0 && t[len(t)-1] != '\n' {
			text = append(text, '\n')
		}
	}
	if len(text) == 0 {
		b.Skip("no realdev documents at " + realdevDocs)
	}
	return text
}

// benchTexts runs f as a sub-benchmark of b for each input: the generated
// kinds of benchInputs and the realdev documents.
func benchTexts(b *testing.B, f func(b *testing.B, text []byte)) {
	for _, in := range benchInputs {
		text := textgen.Bytes(in.kind, benchSize, 1)
		b.Run(in.name, func(b *testing.B) { f(b, text) })
	}
	b.Run("realdev", func(b *testing.B) { f(b, realdevText(b)) })
}

// BenchmarkBaseline is the yardstick for the others: a plain UTF-8
// decoding loop over the same bytes (what any segmenter must at least do).
func BenchmarkBaseline(b *testing.B) {
	benchTexts(b, func(b *testing.B, text []byte) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			baseline.DecodeLoop(text)
		}
	})
}

// BenchmarkAllVsBaseline measures what issue 12's speed check asks, All's
// speed as a multiple of the decoding loop's, on a machine whose speed
// drifts within a run: each iteration times one pass of the decoding loop
// (baseline.DecodeLoop, BenchmarkBaseline's) and one of All over the same text, back
// to back, and the metric x-baseline is the median of the iterations'
// ratios (above 1: All is the faster).
func BenchmarkAllVsBaseline(b *testing.B) {
	benchTexts(b, func(b *testing.B, bs []byte) {
		text := string(bs)
		b.SetBytes(int64(len(text)))
		var ratios []float64
		for b.Loop() {
			t0 := time.Now()
			baseline.DecodeLoop(bs)
			t1 := time.Now()
			for range segment.All(text) {
			}
			ratios = append(ratios, float64(t1.Sub(t0))/float64(time.Since(t1)))
		}
		slices.Sort(ratios)
		b.ReportMetric(ratios[len(ratios)/2], "x-baseline")
	})
}

// BenchmarkAll ranges over All on a string.
func BenchmarkAll(b *testing.B) {
	benchTexts(b, func(b *testing.B, bs []byte) {
		text := string(bs)
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			for range segment.All(text) {
			}
		}
	})
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
