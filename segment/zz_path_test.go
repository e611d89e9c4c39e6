package segment_test

import (
	"os"
	"slices"
	"testing"
	"time"

	"github.com/langsplit/langsplit/segment"
)

func BenchmarkZZPath(b *testing.B) {
	for _, f := range []string{"path0", "path1", "path2", "path3"} {
		bs, err := os.ReadFile("/work/tg/" + f + ".txt")
		if err != nil {
			b.Skip()
		}
		bs = bs[:min(len(bs), 1<<20)]
		text := string(bs)
		b.Run(f, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			var ratios []float64
			for b.Loop() {
				t0 := time.Now()
				decodeLoop(bs)
				t1 := time.Now()
				for range segment.All(text) {
				}
				ratios = append(ratios, float64(t1.Sub(t0))/float64(time.Since(t1)))
			}
			slices.Sort(ratios)
			b.ReportMetric(ratios[len(ratios)/2], "x-baseline")
		})
	}
}
