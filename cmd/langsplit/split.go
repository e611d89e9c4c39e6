package main

import (
	"context"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/langsplit/langsplit/internal/cliflag"
	"github.com/langsplit/langsplit/internal/pipe"
	"github.com/langsplit/langsplit/internal/record"
	"github.com/langsplit/langsplit/internal/split"
	"github.com/langsplit/langsplit/internal/write"
)

// jsonSink prints records.
type jsonSink struct {
	part *write.Part
	buf  []byte // records not yet handed to part: whole records, up to sinkChunk bytes
	st   langStats
}

// sinkChunk is how many bytes of records a jsonSink gathers before it
// hands them to its part in one write (one lock of the ordered output, not
// one a record).
const sinkChunk = 64 << 10

func (s *jsonSink) Document(*pipe.Doc) error { return nil }

func (s *jsonSink) Block(r *record.Record, _, text []byte) error {
	s.st.add(r.Lang, 1, int64(len(text)))
	s.buf = r.AppendJSONText(s.buf, text)
	return s.maybeFlush()
}

// EncodeBlock implements pipe.EncodingSink: workers encode the records of
// a document split across them (-j with one input).
func (s *jsonSink) EncodeBlock(dst []byte, r *record.Record, _, text []byte) []byte {
	return r.AppendJSONText(dst, text)
}

// Encoded implements pipe.EncodingSink.
func (s *jsonSink) Encoded(enc []byte, blocks []pipe.EncodedBlock) error {
	for _, b := range blocks {
		s.st.add(b.Lang, 1, int64(b.TextLen))
	}
	if len(enc) < sinkChunk {
		s.buf = append(s.buf, enc...)
		return s.maybeFlush()
	}
	if err := s.flush(); err != nil {
		return err
	}
	_, err := s.part.Write(enc)
	return err
}

func (s *jsonSink) Summary(d *record.Doc) error {
	s.buf = d.AppendJSON(s.buf)
	return s.maybeFlush()
}

func (s *jsonSink) maybeFlush() error {
	if len(s.buf) < sinkChunk {
		return nil
	}
	return s.flush()
}

func (s *jsonSink) flush() error {
	_, err := s.part.Write(s.buf)
	s.buf = s.buf[:0]
	return err
}

// close hands on the records gathered and ends the part.
func (s *jsonSink) close() error {
	err := s.flush()
	if cerr := s.part.Close(); err == nil {
		err = cerr
	}
	return err
}

// dirSink writes block files.
type dirSink struct {
	in *write.Input
	st langStats
}

func (s *dirSink) Document(d *pipe.Doc) error { return s.in.Document(d.Folder) }
func (s *dirSink) Block(r *record.Record, _, text []byte) error {
	s.st.add(r.Lang, 1, int64(len(text)))
	return s.in.Block(r, text)
}
func (s *dirSink) Summary(d *record.Doc) error { return s.in.Summary(d) }

// langStat counts the blocks and bytes written in one language.
type langStat struct{ blocks, bytes int64 }

// langStats counts blocks and bytes written per language.
type langStats map[string]langStat

func (st langStats) add(lang string, blocks, n int64) {
	s := st[lang]
	s.blocks += blocks
	s.bytes += n
	st[lang] = s
}

// split runs the split command and returns the exit status.
func (r *runner) split(ctx context.Context) int {
	cfg := r.cfg
	args, err := r.inputArgs()
	if err != nil {
		return r.usage(err)
	}
	if cfg.out != "" {
		if fi, err := os.Stat(cfg.out); err == nil && !fi.IsDir() {
			return r.usage(fmt.Errorf("--out %s: not a directory", cfg.out))
		}
	}
	ins := r.collect(args)
	ins = r.firstPass(ctx, ins, false) // binary files out before names are compared
	if ctx.Err() != nil {
		return r.interrupted()
	}
	if cfg.out != "" {
		folders := make([]string, len(ins))
		sources := make([]string, len(ins))
		for i, in := range ins {
			in.folder = write.Folder(in.rel)
			folders[i], sources[i] = in.folder, in.Source
		}
		if !cfg.byLang {
			if err := write.CheckFolders(sources, folders); err != nil {
				return r.usage(err)
			}
		}
		existing, err := write.Existing(cfg.out, folders, cfg.byLang)
		if err != nil {
			r.fail(err)
			return r.status()
		}
		if len(existing) > 0 && !cfg.force {
			if len(existing) > 5 {
				existing = append(existing[:5], "…")
			}
			return r.usage(fmt.Errorf("output exists in %s: %s (use --force to replace it)", cfg.out, strings.Join(existing, ", ")))
		}
	}
	ins = r.firstPass(ctx, ins, true)
	if ctx.Err() != nil {
		return r.interrupted()
	}
	return r.processAll(ctx, ins)
}

// processAll splits the inputs and writes their blocks.
func (r *runner) processAll(ctx context.Context, ins []*input) int {
	cfg := r.cfg
	var total int64
	for _, in := range ins {
		if in.size < 0 {
			total = -1
			break
		}
		total += in.size
	}
	var w *write.Writer
	var ord *write.Ordered
	if cfg.out != "" {
		var err error
		if w, err = write.New(write.Options{Dir: cfg.out, ByLang: cfg.byLang, Force: cfg.force}); err != nil {
			r.fail(err)
			return r.status()
		}
		defer w.Cleanup()
	} else {
		spillDir := ""
		if cfg.jobs > 1 {
			var err error
			if spillDir, err = os.MkdirTemp("", "langsplit-spill-"); err != nil {
				r.fail(err)
				return r.status()
			}
			defer os.RemoveAll(spillDir)
		}
		ord = write.NewOrdered(r.stdout, spillDir)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	r.prog.phase("splitting", len(ins), total)
	var mu sync.Mutex
	stats := langStats{}
	repaired := 0
	done := make(chan struct{})
	go func() {
		defer close(done)
		if len(ins) == 1 {
			ins[0].Jobs = cfg.jobs // one input: its document on every worker
		}
		forEach(ctx, len(ins), cfg.jobs, func(i int) {
			in := ins[i]
			st := langStats{}
			n := split.NewNormalizer(cfg.split.Policy, cfg.split.Raw)
			var err error
			if w != nil {
				err = r.toDir(ctx, w, i, in, n, st)
			} else {
				s := &jsonSink{part: ord.Part(i), st: st}
				err = r.process(ctx, in, n, s)
				if cerr := s.close(); err == nil {
					err = cerr
				}
			}
			r.prog.fileDone()
			switch {
			case ctx.Err() != nil:
				return
			case isEPIPE(err):
				r.brokenPipe.Store(true)
				cancel()
				return
			case err != nil:
				r.fail(err)
				return
			}
			mu.Lock()
			for lang, s := range st {
				stats.add(lang, s.blocks, s.bytes)
			}
			repaired += n.Repaired()
			mu.Unlock()
		})
	}()
	select {
	case <-done:
	case <-ctx.Done():
		// A worker blocked reading a terminal or a stalled pipe cannot see
		// the interruption: give the others a moment, then leave it.
		select {
		case <-done:
		case <-time.After(2 * time.Second):
		}
	}
	if r.brokenPipe.Load() {
		return exitBrokenPipe
	}
	if ctx.Err() != nil {
		return r.interrupted()
	}
	if w != nil {
		if err := w.Commit(); err != nil {
			r.fail(err)
		}
	}
	r.prog.finish()
	r.prog = nil
	if !cfg.quiet {
		for _, lang := range slices.Sorted(maps.Keys(stats)) {
			s := stats[lang]
			r.warnf("%s: %d %s, %s", lang, s.blocks, plural(s.blocks, "block", "blocks"), cliflag.Human(s.bytes))
		}
		if repaired > 0 {
			r.warnf("%d %s repaired from visual order", repaired, plural(int64(repaired), "line", "lines"))
		}
	}
	return r.status()
}

// toDir splits input i into its folder under the output directory.
func (r *runner) toDir(ctx context.Context, w *write.Writer, i int, in *input, n *split.Normalizer, st langStats) error {
	win, err := w.Input(i, in.Source, in.folder)
	if err != nil {
		return err
	}
	if err := r.process(ctx, in, n, &dirSink{in: win, st: st}); err != nil {
		win.Abort()
		return err
	}
	return win.Close()
}

// process reads one input and sends its blocks to s; bad documents are
// reported as failures, and skipped records counted in a message.
func (r *runner) process(ctx context.Context, in *input, n *split.Normalizer, s pipe.Sink) error {
	res, err := r.pipe.Run(ctx, &in.Input, n, s, r.failDoc)
	if len(res.Skipped) > 0 && !r.cfg.quiet {
		var parts []string
		var total int64
		for _, kind := range slices.Sorted(maps.Keys(res.Skipped)) {
			parts = append(parts, fmt.Sprintf("%d %s", res.Skipped[kind], kind))
			total += res.Skipped[kind]
		}
		r.warnf("%s: %d %s skipped (%s)", in.Source, total, plural(total, "record", "records"), strings.Join(parts, ", "))
	}
	return err
}
