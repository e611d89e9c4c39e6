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
	"github.com/langsplit/langsplit/internal/record"
	"github.com/langsplit/langsplit/internal/split"
	"github.com/langsplit/langsplit/internal/write"
)

// sink receives the blocks of one input.
type sink interface {
	document(id string) error // a new document of a JSON Lines input
	block(r *record.Record, data []byte) error
}

// jsonSink prints records.
type jsonSink struct {
	part *write.Part
	buf  []byte // records not yet handed to part: whole records, up to sinkChunk bytes
}

// sinkChunk is how many bytes of records a jsonSink gathers before it
// hands them to its part in one write (one lock of the ordered output, not
// one a record).
const sinkChunk = 64 << 10

func (s *jsonSink) document(string) error { return nil }

func (s *jsonSink) block(r *record.Record, data []byte) error {
	s.buf = r.AppendJSONText(s.buf, data)
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
type dirSink struct{ in *write.Input }

func (s dirSink) document(id string) error                  { return s.in.Document(id) }
func (s dirSink) block(r *record.Record, data []byte) error { return s.in.Block(r, data) }

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
			folders[i], sources[i] = in.folder, in.source
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
	go parallel(ctx, len(ins), cfg.jobs, func(i int) {
		in := ins[i]
		var s sink
		var win *write.Input
		if w != nil {
			var err error
			if win, err = w.Input(i, in.source, in.folder); err != nil {
				r.fail(err)
				return
			}
			s = dirSink{win}
		} else {
			s = &jsonSink{part: ord.Part(i)}
		}
		st := langStats{}
		n := split.NewNormalizer(cfg.split.Policy, cfg.split.Raw)
		err := r.process(ctx, in, s, n, st)
		if err == nil && win != nil {
			err = win.Close()
		} else if win != nil {
			win.Abort()
		}
		if js, ok := s.(*jsonSink); ok {
			if cerr := js.close(); err == nil {
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
	}, done)
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

// process reads one input and sends its blocks to s.
func (r *runner) process(ctx context.Context, in *input, s sink, n *split.Normalizer, st langStats) error {
	rd, closer, err := r.decoded(ctx, in)
	if err != nil {
		return err
	}
	defer closer()
	emit := func(rec *record.Record, text []byte) error {
		if err := s.block(rec, text); err != nil {
			return err
		}
		st.add(rec.Lang, 1, int64(len(text)))
		return nil
	}
	if r.cfg.jsonlInput {
		err = split.JSONL(ctx, in.source, rd, r.cfg.split, n, s.document, emit)
	} else {
		err = split.Text(ctx, in.source, rd, r.cfg.split, n, emit)
	}
	if err != nil {
		return err
	}
	return r.unchanged(in)
}
