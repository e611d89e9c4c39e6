package main

import (
	"context"
	"io"

	"github.com/langsplit/langsplit/internal/pipe"
	"github.com/langsplit/langsplit/internal/split"
	"golang.org/x/text/transform"
)

// normalize runs the normalize command and returns the exit status.
func (r *runner) normalize(ctx context.Context) int {
	t := split.NewTransformer(r.cfg.lang, r.cfg.split.Policy)
	args := r.cfg.args
	if len(args) == 0 {
		args = []string{"-"}
	}
	list, tmp, status, ok := r.checked(ctx, args)
	if !ok {
		return status
	}
	defer tmp.Remove()
	defer list.close()
	lr, err := list.reader(r)
	if err != nil {
		r.fail(err)
		return r.status()
	}
	defer lr.close()
	r.normalizeTo(ctx, r.stdout, lr, t)
	if lr.err != nil {
		r.fail(lr.err)
	}
	if r.brokenPipe.Load() {
		return exitBrokenPipe
	}
	if ctx.Err() != nil {
		return r.interrupted()
	}
	if n := t.RepairedLines(); n > 0 && !r.cfg.quiet {
		r.warnf("%d %s repaired from visual order", n, plural(int64(n), "line", "lines"))
	}
	return r.status()
}

// normalizeTo writes the inputs, decoded and passed through t, to w, one
// after the other.
func (r *runner) normalizeTo(ctx context.Context, w io.Writer, lr *listReader, t transform.Transformer) {
	for in := lr.next(); in != nil; in = lr.next() {
		if ctx.Err() != nil {
			return
		}
		if err := r.normalizeOne(ctx, w, in, t); err != nil {
			if isEPIPE(err) {
				r.brokenPipe.Store(true)
				return
			}
			if ctx.Err() == nil {
				r.fail(err)
			}
		}
	}
}

func (r *runner) normalizeOne(ctx context.Context, w io.Writer, in *input, t transform.Transformer) (err error) {
	defer pipe.Recover(in.Source, &err)
	rd, closer, err := r.pipe.Text(ctx, &in.Input)
	if err != nil {
		return err
	}
	defer closer()
	t.Reset()
	if _, err := io.Copy(w, transform.NewReader(rd, t)); err != nil {
		return err
	}
	if in.Whole() {
		return r.unchanged(in)
	}
	return nil
}
