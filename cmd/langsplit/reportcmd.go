package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/langsplit/langsplit/internal/pipe"
	"github.com/langsplit/langsplit/internal/record"
	"github.com/langsplit/langsplit/internal/report"
	"github.com/langsplit/langsplit/internal/split"
	"github.com/langsplit/langsplit/internal/write"
	"github.com/langsplit/langsplit/segment"
)

// report runs the report command and returns the exit status.
func (r *runner) report(ctx context.Context) int {
	cfg := r.cfg
	args, err := r.inputArgs()
	if err != nil {
		return r.usage(err)
	}
	if cfg.out != "" && !cfg.force {
		if _, err := os.Lstat(cfg.out); err == nil {
			return r.usage(fmt.Errorf("output exists: %s (use --force to replace it)", cfg.out))
		}
	}
	list, tmpDir, status, ok := r.checked(ctx, args)
	if !ok {
		return status
	}
	defer tmpDir.Remove()
	defer list.close()
	// The page's table of contents comes first: the report holds the
	// inputs' names, and reads the list again for their blocks.
	var ins []*input
	lr, err := list.reader(r)
	if err != nil {
		r.fail(err)
		return r.status()
	}
	for in := lr.next(); in != nil; in = lr.next() {
		ins = append(ins, in)
	}
	lr.close()
	if lr.err != nil {
		r.fail(lr.err)
		return r.status()
	}
	var out io.Writer = r.stdout
	var page write.Pending
	if cfg.out != "" {
		var err error
		if page, err = write.NewPending(cfg.out, ""); err != nil {
			r.fail(err)
			return r.status()
		}
		defer page.Cleanup() // not renamed into place: leave nothing behind
		out = page
	}
	w := report.New(out, report.Options{Title: cfg.title, MaxDocBytes: cfg.maxDocBytes})
	names := make([]string, len(ins))
	for i, in := range ins {
		names[i] = in.Source
	}
	w.Begin(names)
	n := split.NewNormalizer(cfg.split.Policy, !cfg.showChanges)
	var total int64
	for _, in := range ins {
		if in.size > 0 {
			total += in.size
		}
	}
	r.prog.phase("reporting", len(ins), total)
	for _, in := range ins {
		if ctx.Err() != nil {
			return r.interrupted()
		}
		w.StartDocument(in.Source)
		err := r.reportOne(ctx, in, w, n)
		if ctx.Err() != nil {
			return r.interrupted()
		}
		if err != nil {
			r.fail(err)
		}
		w.EndDocument(err)
		r.prog.fileDone()
	}
	if err := w.Close(); err != nil {
		if isEPIPE(err) {
			return exitBrokenPipe
		}
		r.fail(err)
		return r.status()
	}
	if page != nil {
		if err := page.CloseAtomicallyReplace(); err != nil {
			r.fail(err)
			return r.status()
		}
	}
	return r.status()
}

// reportSink adds the blocks of one input to the report.
type reportSink struct {
	w       *report.Writer
	changes bool // the text of a block is its normalized form
}

func (s reportSink) Document(d *pipe.Doc) error { return s.w.Section(d.Source) }
func (s reportSink) Summary(*record.Doc) error  { return nil }

func (s reportSink) Block(rec *record.Record, raw, text []byte) error {
	b := segment.Block{Start: int(rec.Start), End: int(rec.End), Lang: rec.Lang, Script: rec.Script, Dir: segment.LTR}
	if rec.Dir == segment.RTL.String() {
		b.Dir = segment.RTL
	}
	var normalized []byte
	if s.changes {
		normalized = text
	}
	s.w.Block(rec.Block, b, raw, normalized)
	return nil // errors of the report's output are kept by w and returned by its Close
}

// reportOne adds the blocks of one input to the report.
func (r *runner) reportOne(ctx context.Context, in *input, w *report.Writer, n *split.Normalizer) error {
	_, err := r.pipe.Run(ctx, &in.Input, n, reportSink{w, r.cfg.showChanges}, r.failDoc)
	return err
}
