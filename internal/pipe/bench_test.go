package pipe

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"testing"

	"github.com/langsplit/langsplit/internal/record"
	"github.com/langsplit/langsplit/internal/split"
	"github.com/langsplit/langsplit/internal/textgen"
	"github.com/langsplit/langsplit/internal/warc"
)

// jsonDiscard encodes records as the CLI does and drops them.
type jsonDiscard struct{ buf []byte }

func (s *jsonDiscard) Document(*Doc) error { return nil }
func (s *jsonDiscard) Block(r *record.Record, _, text []byte) error {
	s.buf = r.AppendJSONText(s.buf[:0], text)
	return nil
}
func (s *jsonDiscard) Summary(d *record.Doc) error { s.buf = d.AppendJSON(s.buf[:0]); return nil }

// benchWET returns text as a WET file of conversion records of 4-16 KiB
// cut at line ends, gzip per record with gz.
func benchWET(b *testing.B, text []byte, gz bool) []byte {
	var out bytes.Buffer
	w := warc.NewWriter(&out)
	w.Gzip = gz
	for n := 1; len(text) > 0; n++ {
		size := min(len(text), 4<<10+(n*7919)%(12<<10))
		if i := bytes.IndexByte(text[size:], '\n'); i >= 0 {
			size += i + 1
		} else {
			size = len(text)
		}
		h := warc.Header{{Name: "WARC-Type", Value: "conversion"}, {Name: "WARC-Target-URI", Value: fmt.Sprintf("https://example.ir/%d", n)},
			{Name: "WARC-Date", Value: "2024-03-01T10:00:00Z"}, {Name: "WARC-Record-ID", Value: fmt.Sprintf("<urn:uuid:%08x-0000-4000-8000-%012x>", n, n)},
			{Name: "Content-Type", Value: "text/plain"}}
		if err := w.Write(h, text[:size]); err != nil {
			b.Fatal(err)
		}
		text = text[size:]
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	return out.Bytes()
}

func gzipBytes(b *testing.B, data []byte) []byte {
	var buf bytes.Buffer
	z := gzip.NewWriter(&buf)
	z.Write(data)
	if err := z.Close(); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkRun runs the pipeline in JSON Lines mode over the same
// generated text as a text file and as a WET file; rates are on the bytes
// of the text.
func BenchmarkRun(b *testing.B) {
	text := textgen.Bytes(textgen.Mixed, 16<<20, 1)
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"text", text},
		{"wet", benchWET(b, text, false)},
		{"text.gz", gzipBytes(b, text)},
		{"wet.gz", benchWET(b, text, true)},
	} {
		b.Run(c.name, func(b *testing.B) {
			p, err := New(defaultOpts)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			n := split.NewNormalizer(defaultOpts.Split.Policy, false)
			for b.Loop() {
				in := fileInput("in."+c.name, c.data, false)
				if err := p.Check(context.Background(), in, true); err != nil {
					b.Fatal(err)
				}
				if _, err := p.Run(context.Background(), in, n, &jsonDiscard{}, func(err error) { b.Fatal(err) }); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
