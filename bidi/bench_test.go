package bidi

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/langsplit/langsplit/internal/textgen"
	"golang.org/x/text/transform"
)

// Benchmark inputs, about 1 MiB each, built from the sentences we wrote for
// the PDF fixture: Persian text (with ZWNJs, digits, a few spaced affixes),
// mixed Persian/English lines, and ASCII English.
func benchText(b *testing.B, kind string) []byte {
	src, err := os.ReadFile(filepath.Join("testdata", "pdf", "source.txt"))
	if err != nil {
		b.Fatal(err)
	}
	var persian, mixed []string
	for _, l := range strings.Split(strings.TrimSpace(string(src)), "\n") {
		if strings.ContainsFunc(l, isLatinLetter) {
			mixed = append(mixed, l)
		} else {
			persian = append(persian, l)
		}
	}
	persian = append(persian, "کتاب ها را می خوانیم و علي به كتابخانه مي رود.")
	english := []string{
		"The quick brown fox jumps over the lazy dog, again and again, since 1999.",
		"See https://example.com/docs/v1.2.3 or write to user@example.org for help.",
	}
	var lines []string
	switch kind {
	case "persian":
		lines = persian
	case "mixed":
		for i := range persian {
			lines = append(lines, persian[i], mixed[i%len(mixed)], english[i%len(english)])
		}
	case "ascii":
		lines = english
	}
	var sb strings.Builder
	for i := 0; sb.Len() < 1<<20; i++ {
		sb.WriteString(lines[i%len(lines)])
		sb.WriteByte('\n')
	}
	return []byte(sb.String())
}

// benchBuffer is the size of the benchmarks' reused destination and reader
// buffers.
const benchBuffer = 64 << 10

// runTransform feeds the input through t in 4 KiB chunks into a reused
// buffer, as transform.Reader does.
func runTransform(b *testing.B, t transform.Transformer, in []byte) {
	dst := make([]byte, benchBuffer)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		t.Reset()
		src := in
		for len(src) > 0 {
			n := min(len(src), 4096)
			_, nSrc, err := t.Transform(dst, src[:n], n == len(src))
			if err != nil && err != transform.ErrShortSrc {
				b.Fatal(err)
			}
			src = src[nSrc:]
		}
	}
}

func benchAll(b *testing.B, kind string) {
	in := benchText(b, kind)
	b.Run("baseline=DecodeRune", func(b *testing.B) {
		b.SetBytes(int64(len(in)))
		b.ReportAllocs()
		n := 0
		for range b.N {
			for i := 0; i < len(in); {
				r, size := utf8.DecodeRune(in[i:])
				i += size
				if r == zwnj {
					n++
				}
			}
		}
		_ = n
	})
	b.Run("baseline=Nop", func(b *testing.B) { runTransform(b, transform.Nop, in) })
	b.Run("StripControls", func(b *testing.B) { runTransform(b, StripControls, in) })
	b.Run("en", func(b *testing.B) { runTransform(b, New("en", Options{}), in) })
	b.Run("ar", func(b *testing.B) { runTransform(b, New("ar", Options{}), in) })
	b.Run("fa", func(b *testing.B) { runTransform(b, New("fa", Options{}), in) })
	b.Run("fa-norepair", func(b *testing.B) { runTransform(b, New("fa", Options{NoVisualRepair: true}), in) })
	b.Run("fa-digitsfa", func(b *testing.B) { runTransform(b, New("fa", Options{Digits: DigitsFa}), in) })
	b.Run("fa-Bytes", func(b *testing.B) {
		n := New("fa", Options{})
		b.SetBytes(int64(len(in)))
		b.ReportAllocs()
		for range b.N {
			n.Bytes(in)
		}
	})
}

func BenchmarkPersian(b *testing.B) { benchAll(b, "persian") }
func BenchmarkMixed(b *testing.B)   { benchAll(b, "mixed") }
func BenchmarkASCII(b *testing.B)   { benchAll(b, "ascii") }

// BenchmarkGenerated measures what internal/cmd/benchreport measures, in
// process: generated mixed text (internal/textgen, 8 MiB) through a
// bufio.Reader's ReadRune loop (the baseline) and through a
// transform.Reader with the fa normalizer, with visual repair (and its
// look-ahead) and without.
func BenchmarkGenerated(b *testing.B) {
	in := textgen.Bytes(textgen.Mixed, 8<<20, 1)
	b.Run("baseline=ReadRune", func(b *testing.B) {
		b.SetBytes(int64(len(in)))
		b.ReportAllocs()
		for range b.N {
			br := bufio.NewReaderSize(bytes.NewReader(in), benchBuffer)
			for {
				if _, _, err := br.ReadRune(); err != nil {
					break
				}
			}
		}
	})
	for _, c := range []struct {
		name string
		opts Options
	}{{"fa", Options{}}, {"fa-norepair", Options{NoVisualRepair: true}}, {"fa-hazm", Options{Preset: PresetHazm}}} {
		b.Run(c.name, func(b *testing.B) {
			n := New("fa", c.opts)
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for range b.N {
				n.Reset()
				if _, err := io.Copy(io.Discard, transform.NewReader(bytes.NewReader(in), n)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
