package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/langsplit/langsplit/internal/decode"
	"github.com/langsplit/langsplit/internal/pipe"
	"github.com/langsplit/langsplit/internal/walk"
	"github.com/langsplit/langsplit/internal/write"
)

// input is one input file, or stdin.
type input struct {
	pipe.Input        // Source: as found: the argument, the argument joined with the walked path, or "-"
	path       string // what to open; "" for stdin
	rel        string // path under its argument, '/'-separated; a file argument's base name; "stdin"
	walked     bool   // found in a directory walk
	size       int64  // bytes on disk, -1 for a stream
	stamp      stamp  // the file's size and modification time before the first pass
	folder     string // output folder under --out
}

// inputArgs returns the input arguments: those given, or "-" (stdin) when
// there are none and stdin is not a terminal.
func (r *runner) inputArgs() ([]string, error) {
	if len(r.cfg.args) > 0 {
		return r.cfg.args, nil
	}
	if r.stdinIsTerminal {
		return nil, errors.New("no input: give files, directories, or - for stdin")
	}
	return []string{"-"}, nil
}

// newInput returns the input of a file (path) or of stdin (path "").
func (r *runner) newInput(source, path, rel string, stream, walked bool, size int64) *input {
	in := &input{path: path, rel: rel, walked: walked, size: size}
	in.Source, in.Name, in.Stream = source, path, stream
	if path == "" {
		in.Open = func() (io.ReadCloser, error) { return countingStream{r.stdin, r.prog}, nil }
		return in
	}
	in.Open = func() (io.ReadCloser, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		return countingFile{f, r.prog}, nil
	}
	if !stream {
		in.Unchanged = func() error { return r.unchanged(in) }
	}
	return in
}

// item is what the walk hands the first pass, in the order of the
// arguments and the walk: an input, or a message about one (skipped,
// unreadable), printed in its place.
type item struct {
	in  *input
	msg func()
}

// gather expands the arguments into items, sent on the returned channel
// (closed at the end): directories are walked in sorted order, skipping
// hidden entries, symlinks inside and the output directory. Arguments that
// cannot be read are failures; so is a directory with no file to read.
func (r *runner) gather(ctx context.Context, args []string, tmp string) <-chan item {
	ch := make(chan item, 64)
	send := func(it item) {
		select {
		case ch <- it:
		case <-ctx.Done():
		}
	}
	fail := func(err error) { send(item{msg: func() { r.fail(err) }}) }
	go func() {
		defer close(ch)
		var outDir os.FileInfo
		if r.cfg.out != "" {
			outDir, _ = os.Stat(r.cfg.out)
		}
		for _, arg := range args {
			if ctx.Err() != nil {
				return
			}
			if arg == "-" {
				send(item{in: r.newInput("-", "", "stdin", true, false, -1)})
				continue
			}
			fi, err := os.Stat(arg) // arguments are followed when they are symlinks
			if err != nil {
				fail(err)
				continue
			}
			if !fi.IsDir() {
				// A pipe such as <(zcat a.gz) is read once, like stdin.
				stream := !r.cfg.normalize && !fi.Mode().IsRegular()
				size := fi.Size()
				if stream {
					size = -1
				}
				send(item{in: r.newInput(arg, arg, filepath.Base(arg), stream, false, size)})
				continue
			}
			if r.cfg.normalize {
				fail(errors.New(arg + ": is a directory"))
				continue
			}
			found := 0
			walk.Dir(arg, walk.Handler{
				File: func(p string, d fs.DirEntry) {
					found++
					fi, err := d.Info()
					if err != nil {
						fail(err)
						return
					}
					rel, _ := filepath.Rel(arg, p)
					send(item{in: r.newInput(p, p, filepath.ToSlash(rel), false, true, fi.Size())})
				},
				Skip: func(p, why string) { send(item{msg: func() { r.warnf("skipping %s: %s", p, why) }}) },
				Err:  func(_ string, err error) { fail(err) },
				SkipDir: func(_ string, d fs.DirEntry) bool {
					fi, err := d.Info()
					return outDir != nil && err == nil && os.SameFile(fi, outDir)
				},
				TempDir: tmp,
			})
			if found == 0 {
				fail(fmt.Errorf("%s: no file to read in this directory (hidden entries and symlinks inside are skipped)", arg))
			}
		}
	}()
	return ch
}

// passResult is what a pass found about one input.
type passResult struct {
	err    error
	exists bool // its folder is already under --out
}

// checkFailed reports an input that its first pass rejected: binary files
// are skipped with a message (a failure only when named as an argument),
// and files that cannot be decoded are failures.
func (r *runner) checkFailed(ctx context.Context, in *input, err error) {
	var de *decode.Error
	switch {
	case ctx.Err() != nil:
	case errors.As(err, &de) && errors.Is(err, decode.ErrBinary):
		if in.walked && de.Hint != decode.Auto {
			r.warnf("skipping binary file %s (%s)", in.Source, de.HintText())
		} else if in.walked {
			r.warnf("skipping binary file %s", in.Source)
		} else {
			r.fail(errors.New(err.Error() + "; skipped"))
		}
	case errors.Is(err, decode.ErrInvalid):
		r.fail(errors.New(err.Error() + " (see --encoding and --invalid)"))
	default:
		r.fail(err)
	}
}

// scan is the first pass: it expands the arguments and checks the head of
// every file (binary files out before names are compared), and returns
// the inputs left in a list. Under --out it also checks the folders (fc,
// when not nil) and notes those already there in ex.
func (r *runner) scan(ctx context.Context, args []string, tmp string, fc *write.FolderCheck, ex *existing) (*inputList, error) {
	list, err := newInputList(tmp)
	if err != nil {
		return nil, err
	}
	items := r.gather(ctx, args, tmp)
	next := func() (item, bool) {
		it, ok := <-items
		return it, ok
	}
	var lerr error
	inOrder(ctx, r.cfg.jobs, next, func(it item) passResult {
		if it.in == nil || it.in.Stream {
			return passResult{}
		}
		res := passResult{err: r.check(ctx, it.in, false)}
		if res.err == nil && ex != nil && !r.cfg.byLang {
			it.in.folder = write.Folder(it.in.rel)
			res.exists, res.err = write.ExistingFolder(r.cfg.out, it.in.folder)
		}
		return res
	}, func(it item, res passResult) {
		if it.msg != nil {
			it.msg()
			return
		}
		in := it.in
		if res.err != nil {
			r.checkFailed(ctx, in, res.err)
			return
		}
		if r.cfg.out != "" {
			in.folder = write.Folder(in.rel)
			if fc != nil {
				if err := fc.Add(in.Source, in.folder); err != nil && lerr == nil {
					lerr = err
				}
			}
			if res.exists {
				ex.add(in.folder)
			}
		}
		if err := list.add(in); err != nil && lerr == nil {
			lerr = err
		}
	})
	for range items { // the walk ends when interrupted
	}
	if lerr != nil {
		list.close()
		return nil, lerr
	}
	return list, nil
}

// existing gathers the outputs a run would replace: the first few names,
// and how many.
type existing struct {
	names []string
	n     int
}

func (e *existing) add(name string) {
	if len(e.names) < 5 {
		e.names = append(e.names, name)
	}
	e.n++
}

// checkAll is the second pass: every file of list is read whole to decide
// its encoding (see pipe.Pipeline.Check), and the inputs that pass are
// returned in a new list. Streams are decided later, on their first 64 KiB.
func (r *runner) checkAll(ctx context.Context, list *inputList, tmp string) (*inputList, error) {
	out, err := newInputList(tmp)
	if err != nil {
		return nil, err
	}
	lr, err := list.reader(r)
	if err != nil {
		out.close()
		return nil, err
	}
	defer lr.close()
	r.prog.phase("checking", list.files, list.bytes)
	var lerr error
	inOrder(ctx, r.cfg.jobs, func() (*input, bool) {
		in := lr.next()
		return in, in != nil
	}, func(in *input) error {
		if in.Stream {
			return nil
		}
		err := r.check(ctx, in, true)
		r.prog.fileDone()
		return err
	}, func(in *input, err error) {
		if err != nil {
			r.checkFailed(ctx, in, err)
			return
		}
		if err := out.add(in); err != nil && lerr == nil {
			lerr = err
		}
	})
	if lerr == nil {
		lerr = lr.err
	}
	if lerr != nil {
		out.close()
		return nil, lerr
	}
	return out, nil
}

// check is the first pass over one file.
func (r *runner) check(ctx context.Context, in *input, full bool) error {
	if in.path != "" && !in.Stream {
		var err error
		if in.stamp, err = stampOf(in.path); err != nil {
			return err
		}
	}
	return r.pipe.Check(ctx, &in.Input, full)
}

// stamp identifies a version of a file.
type stamp struct {
	size int64
	mod  int64 // modification time, Unix nanoseconds
}

func stampOf(path string) (stamp, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return stamp{}, err
	}
	return stamp{fi.Size(), fi.ModTime().UnixNano()}, nil
}

// unchanged returns an error when a file read without a second check
// changed after its first pass.
func (r *runner) unchanged(in *input) error {
	if in.stamp == (stamp{}) {
		return nil
	}
	now, err := stampOf(in.path)
	if err == nil && now != in.stamp {
		err = errors.New("changed while being read")
	}
	if err != nil {
		return fmt.Errorf("%s: %w", in.Source, err)
	}
	return nil
}
