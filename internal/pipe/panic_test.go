package pipe

import (
	"context"
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/langsplit/langsplit/internal/record"
	"github.com/langsplit/langsplit/internal/split"
	"github.com/langsplit/langsplit/internal/textgen"
)

// panicFormat is a text format whose reader panics, as a bug in a format
// or in segment would.
type panicFormat struct{ textFormat }

func (panicFormat) Read(context.Context, *Input, io.Reader, *Env) error {
	var s []int
	_ = s[len(s)] // a runtime error, not a plain panic
	return nil
}

// panicSink is a plain Sink that panics on the block after the first
// `after`, on the goroutine that writes.
type panicSink struct {
	memSink
	after int
}

func (s *panicSink) Block(r *record.Record, raw, text []byte) error {
	if len(s.lines) >= s.after {
		panic("sink bug")
	}
	return s.memSink.Block(r, raw, text)
}

// workerSink is an EncodingSink that panics on the workers, in
// EncodeBlock.
type workerSink struct{ encSink }

func (s *workerSink) EncodeBlock([]byte, *record.Record, []byte, []byte) []byte {
	panic("encoder bug")
}

// TestPanicIsInputFailure: a panic while an input is processed, on Run's
// goroutine or on the workers of a document split across them, is that
// input's failure, a *PanicError naming the input and where it panicked,
// and leaves no goroutine behind; the next input runs as usual.
func TestPanicIsInputFailure(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	big := textgen.Bytes(textgen.Mixed, 4<<20, 21)
	cases := []struct {
		name  string
		data  []byte
		jobs  int
		fmt   Format
		sink  func() Sink
		where string
	}{
		{"format", []byte("hello\n"), 1, panicFormat{}, func() Sink { return &memSink{} }, "pipe.panicFormat.Read"},
		{"sink, one core", big, 1, nil, func() Sink { return &panicSink{after: 3} }, "pipe.(*panicSink).Block"},
		{"sink, two workers", big, 2, nil, func() Sink { return &panicSink{after: 3} }, "pipe.(*panicSink).Block"},
		{"encoder, two workers", big, 2, nil, func() Sink { return &workerSink{encSink{langs: map[string]int{}}} }, "pipe.(*workerSink).EncodeBlock"},
	}
	before := runtime.NumGoroutine()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := fileInput("bug.txt", c.data, false)
			in.Jobs = c.jobs
			if err := p.Check(ctx, in, true); err != nil {
				t.Fatal(err)
			}
			if c.fmt != nil {
				in.Format = c.fmt
			}
			n := split.NewNormalizer(split.Policy{}, false)
			_, err := p.Run(ctx, in, n, c.sink(), nil)
			var pe *PanicError
			if !errors.As(err, &pe) {
				t.Fatalf("Run: %v, want a *PanicError", err)
			}
			if pe.Source != in.Source || !strings.HasPrefix(err.Error(), in.Source+": internal error") {
				t.Errorf("error %q does not name the input %q first", err, in.Source)
			}
			if !strings.Contains(pe.Where, c.where) {
				t.Errorf("panicked in %q, want %q", pe.Where, c.where)
			}
			// The next input is processed as if nothing happened.
			ok := fileInput("ok.txt", []byte("Hello there.\nسلام دنیا.\n"), false)
			if err := p.Check(ctx, ok, true); err != nil {
				t.Fatal(err)
			}
			s := &memSink{}
			if _, err := p.Run(ctx, ok, split.NewNormalizer(split.Policy{}, false), s, s.bad); err != nil || len(s.lines) != 2 {
				t.Fatalf("next input: %v, %d records, want 2", err, len(s.lines))
			}
		})
	}
	// The workers of the failed inputs have all ended.
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines left, %d before", n, before)
	}
}
