package pipe

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/langsplit/langsplit/internal/record"
	"github.com/langsplit/langsplit/internal/split"
	"github.com/langsplit/langsplit/internal/textgen"
	"github.com/langsplit/langsplit/segment"
)

// encSink is a memSink that also encodes on the workers
// (EncodingSink), as the CLI's JSON Lines sink does.
type encSink struct {
	memSink
	out   bytes.Buffer
	langs map[string]int
}

func (s *encSink) EncodeBlock(dst []byte, r *record.Record, _, text []byte) []byte {
	return r.AppendJSONText(dst, text)
}

func (s *encSink) Encoded(enc []byte, blocks []EncodedBlock) error {
	s.out.Write(enc)
	for _, b := range blocks {
		s.langs[b.Lang] += b.TextLen
	}
	return nil
}

// Block is the one-core path's: the same lines, into out.
func (s *encSink) Block(r *record.Record, raw, text []byte) error {
	s.out.Write(r.AppendJSONText(nil, text))
	s.langs[r.Lang] += len(text)
	return nil
}

func (s *encSink) Summary(d *record.Doc) error { s.out.Write(d.AppendJSON(nil)); return nil }

// runJobs runs data through Run with jobs workers for its document and
// returns the output of a plain Sink and of an EncodingSink.
func runJobs(t *testing.T, opts Options, data []byte, jobs int) (plain, encoded string) {
	t.Helper()
	p, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var out [2]string
	for i := range out {
		in := fileInput("big.txt", data, false)
		in.Jobs = jobs
		if err := p.Check(ctx, in, true); err != nil {
			t.Fatal(err)
		}
		n := split.NewNormalizer(opts.Split.Policy, opts.Split.Raw)
		if i == 0 {
			s := &memSink{}
			if _, err := p.Run(ctx, in, n, s, s.bad); err != nil {
				t.Fatal(err)
			}
			out[i] = strings.Join(s.lines, "")
		} else {
			s := &encSink{langs: map[string]int{}}
			if _, err := p.Run(ctx, in, n, s, nil); err != nil {
				t.Fatal(err)
			}
			out[i] = s.out.String() + fmt.Sprint(s.langs)
		}
	}
	return out[0], out[1]
}

// TestChunkedDocument: a document on several workers gives the records of
// one, with a plain sink and an encoding one, in the modes that change
// what is written (--raw, --langs, --doc-summary, a small --max-block),
// on generated text, text without blank lines and text without a place to
// cut at all.
func TestChunkedDocument(t *testing.T) {
	mixed := textgen.Bytes(textgen.Mixed, 3<<20, 11)
	noBlank := bytes.ReplaceAll(textgen.Bytes(textgen.Mixed, 2<<20, 12), []byte("\n\n"), []byte("\n"))
	oneLine := bytes.ReplaceAll(textgen.Bytes(textgen.Mixed, 2<<20, 13), []byte("\n"), []byte(" "))
	fa := textgen.Bytes(textgen.Persian, 3<<20, 14)
	modes := map[string]Options{
		"default":     {},
		"raw":         {Split: split.Options{Raw: true}},
		"langs fa":    {Split: split.Options{Langs: map[string]bool{"fa": true}}},
		"doc summary": {DocSummary: true},
		"max block":   {Split: split.Options{Segment: segment.Options{MaxBlock: 64 << 10}}},
	}
	for name, data := range map[string][]byte{"mixed": mixed, "no blank lines": noBlank, "one line": oneLine, "fa": fa} {
		for mode, opts := range modes {
			if mode != "default" && mode != "max block" && name != "mixed" {
				continue
			}
			want, wantEnc := runJobs(t, opts, data, 1)
			for _, jobs := range []int{2, 3} {
				got, gotEnc := runJobs(t, opts, data, jobs)
				if got != want {
					t.Errorf("%s, %s, %d jobs: the records differ from one job's", name, mode, jobs)
				}
				if gotEnc != wantEnc {
					t.Errorf("%s, %s, %d jobs: the encoded records differ from one job's", name, mode, jobs)
				}
			}
		}
	}
}

// BenchmarkChunked runs 16 MiB of generated text through Run with one and
// two workers for its document, records encoded as the CLI does.
func BenchmarkChunked(b *testing.B) {
	data := textgen.Bytes(textgen.Mixed, 16<<20, 1)
	p, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	for _, jobs := range []int{1, 2} {
		b.Run(fmt.Sprintf("jobs=%d", jobs), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				in := fileInput("big.txt", data, false)
				in.Jobs = jobs
				if err := p.Check(context.Background(), in, true); err != nil {
					b.Fatal(err)
				}
				s := &encSink{langs: map[string]int{}}
				if _, err := p.Run(context.Background(), in, split.NewNormalizer(split.Policy{}, false), s, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
