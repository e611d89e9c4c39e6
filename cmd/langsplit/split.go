package main

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/langsplit/langsplit/internal/cliflag"
	"github.com/langsplit/langsplit/internal/pipe"
	"github.com/langsplit/langsplit/internal/record"
	"github.com/langsplit/langsplit/internal/split"
	"github.com/langsplit/langsplit/internal/tmpdir"
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

func (s *dirSink) Document(d *pipe.Doc) error {
	err := s.in.Document(d.Folder, d.Pos)
	if errors.Is(err, write.ErrDuplicate) {
		return pipe.BadDocument(err)
	}
	return err
}
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
		if err := checkOutDir(cfg.out); err != nil {
			return r.usage(err)
		}
	}
	tmp, err := r.runTemp()
	if err != nil {
		r.fail(err)
		return r.status()
	}
	defer tmp.Remove()
	var fc *write.FolderCheck
	var ex *existing
	if cfg.out != "" {
		ex = &existing{}
		if !cfg.byLang {
			fc = write.NewFolderCheck(tmp.Path)
		}
	}
	list, err := r.scan(ctx, args, tmp.Path, fc, ex)
	if status, stop := r.passEnd(ctx, err); stop {
		return status
	}
	defer list.close()
	if cfg.out != "" {
		if status, stop := r.checkOut(fc, ex); stop {
			return status
		}
	}
	checked, err := r.checkAll(ctx, list, tmp.Path)
	if status, stop := r.passEnd(ctx, err); stop {
		return status
	}
	defer checked.close()
	list.close()
	return r.processAll(ctx, checked, tmp.Path)
}

// passEnd returns the exit status of a run that stops after a pass: when
// it was interrupted, or the pass failed (err).
func (r *runner) passEnd(ctx context.Context, err error) (int, bool) {
	switch {
	case ctx.Err() != nil:
		return r.interrupted(), true
	case err != nil:
		r.fail(err)
		return r.status(), true
	}
	return 0, false
}

// checkOutDir returns a usage error when dir, or the first of its parents
// that exists, is not a directory: the output could not be made.
func checkOutDir(dir string) error {
	for p := dir; ; {
		fi, err := os.Stat(p)
		switch {
		case err == nil && fi.IsDir():
			return nil
		case err == nil && p == dir:
			return fmt.Errorf("--out %s: not a directory", dir)
		case err == nil:
			return fmt.Errorf("--out %s: %s is not a directory", dir, p)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return nil
		}
		p = parent
	}
}

// checked runs the first two passes over the arguments of normalize and
// report, and returns the inputs to read and the run's temporary
// directory, or the exit status when the run stops here.
func (r *runner) checked(ctx context.Context, args []string) (*inputList, *tmpdir.Dir, int, bool) {
	tmp, err := r.runTemp()
	if err != nil {
		r.fail(err)
		return nil, nil, r.status(), false
	}
	list, err := r.scan(ctx, args, tmp.Path, nil, nil)
	if err == nil && ctx.Err() == nil {
		var all *inputList
		all, list = list, nil
		list, err = r.checkAll(ctx, all, tmp.Path)
		all.close()
	}
	switch {
	case ctx.Err() != nil:
		if list != nil {
			list.close()
		}
		tmp.Remove()
		return nil, nil, r.interrupted(), false
	case err != nil:
		r.fail(err)
		tmp.Remove()
		return nil, nil, r.status(), false
	}
	return list, tmp, 0, true
}

// runPrefix starts the names of the temporary directories of runs in the
// system's temporary directory ($TMPDIR): lists of inputs, sorts, spills.
const runPrefix = "langsplit-run-"

// runTemp removes the temporary directories that killed runs left in
// $TMPDIR and makes this run's.
func (r *runner) runTemp() (*tmpdir.Dir, error) {
	tmpdir.Sweep(os.TempDir(), runPrefix) // best effort: others' are not ours to report
	return tmpdir.New(os.TempDir(), runPrefix)
}

// checkOut stops a run (with a usage error) whose inputs map to one folder,
// or that would replace existing output without --force.
func (r *runner) checkOut(fc *write.FolderCheck, ex *existing) (int, bool) {
	cfg := r.cfg
	if fc != nil {
		const show = 10
		errs, n, err := fc.Errors(show)
		if err != nil {
			r.fail(err)
			return r.status(), true
		}
		if n > show {
			errs = append(errs, fmt.Errorf("and %d more inputs that share a folder", n-show))
		}
		if n > 0 {
			return r.usage(errors.Join(errs...)), true
		}
	}
	run, err := write.ExistingRun(cfg.out, cfg.byLang)
	if err != nil {
		r.fail(err)
		return r.status(), true
	}
	if (ex.n > 0 || len(run) > 0) && !cfg.force {
		names := append(slices.Clone(ex.names), run...)
		slices.Sort(names)
		if len(names) > 5 || ex.n > len(ex.names) {
			names = append(names[:min(5, len(names))], "…")
		}
		return r.usage(fmt.Errorf("output exists in %s: %s (use --force to replace it)", cfg.out, strings.Join(names, ", "))), true
	}
	return 0, false
}

// job is one input of the splitting pass, with its place in the output.
type job struct {
	i  int
	in *input
}

// jobResult is what splitting one input gave.
type jobResult struct {
	st       langStats
	repaired int
	err      error
}

// processAll splits the inputs and writes their blocks.
func (r *runner) processAll(ctx context.Context, list *inputList, tmp string) int {
	cfg := r.cfg
	total := list.bytes
	if list.files < list.n {
		total = -1
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
		for _, name := range w.Stale() {
			r.warnf("removed %s, the temporary directory of a run that was killed before its end", filepath.Join(cfg.out, name))
		}
	} else {
		ord = write.NewOrdered(r.stdout, tmp)
	}
	lr, err := list.reader(r)
	if err != nil {
		r.fail(err)
		return r.status()
	}
	defer lr.close()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	r.prog.phase("splitting", list.n, total)
	stats := langStats{}
	repaired := 0
	done := make(chan struct{})
	i := 0
	next := func() (job, bool) {
		in := lr.next()
		if in != nil && list.n == 1 {
			in.Jobs = cfg.jobs // one input: its document on every worker
		}
		i++
		return job{i - 1, in}, in != nil
	}
	go func() {
		defer close(done)
		inOrder(ctx, cfg.jobs, next, func(j job) jobResult {
			res := jobResult{st: langStats{}}
			n := split.NewNormalizer(cfg.split.Policy, cfg.split.Raw)
			if w != nil {
				res.err = r.toDir(ctx, w, j.i, j.in, n, res.st)
			} else {
				s := &jsonSink{part: ord.Part(j.i), st: res.st}
				res.err = r.process(ctx, j.in, n, s)
				if cerr := s.close(); res.err == nil {
					res.err = cerr
				}
			}
			res.repaired = n.Repaired()
			r.prog.fileDone()
			if isEPIPE(res.err) {
				r.brokenPipe.Store(true)
				cancel()
			}
			return res
		}, func(j job, res jobResult) {
			if res.err != nil {
				r.fail(res.err)
				return
			}
			for lang, s := range res.st {
				stats.add(lang, s.blocks, s.bytes)
			}
			repaired += res.repaired
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
	if lr.err != nil {
		r.fail(lr.err)
		return r.status()
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
