package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"golang.org/x/sync/errgroup"

	"github.com/langsplit/langsplit/internal/decode"
	"github.com/langsplit/langsplit/internal/pipe"
	"github.com/langsplit/langsplit/internal/walk"
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

// collect expands the arguments into inputs: directories are walked in
// sorted order, skipping hidden entries, symlinks and the output
// directory. Arguments that cannot be read are reported as failures.
func (r *runner) collect(args []string) []*input {
	var outDir os.FileInfo
	if r.cfg.out != "" {
		outDir, _ = os.Stat(r.cfg.out)
	}
	var ins []*input
	for _, arg := range args {
		if arg == "-" {
			ins = append(ins, r.newInput("-", "", "stdin", true, false, -1))
			continue
		}
		fi, err := os.Stat(arg) // arguments are followed when they are symlinks
		if err != nil {
			r.fail(err)
			continue
		}
		if !fi.IsDir() {
			// A pipe such as <(zcat a.gz) is read once, like stdin.
			stream := !r.cfg.normalize && !fi.Mode().IsRegular()
			size := fi.Size()
			if stream {
				size = -1
			}
			ins = append(ins, r.newInput(arg, arg, filepath.Base(arg), stream, false, size))
			continue
		}
		if r.cfg.normalize {
			r.fail(errors.New(arg + ": is a directory"))
			continue
		}
		found := 0
		walk.Dir(arg, walk.Handler{
			File: func(p string, d fs.DirEntry) {
				found++
				fi, err := d.Info()
				if err != nil {
					r.fail(err)
					return
				}
				rel, _ := filepath.Rel(arg, p)
				ins = append(ins, r.newInput(p, p, filepath.ToSlash(rel), false, true, fi.Size()))
			},
			Skip: func(p, why string) { r.warnf("skipping %s: %s", p, why) },
			Err:  func(_ string, err error) { r.fail(err) },
			SkipDir: func(_ string, d fs.DirEntry) bool {
				fi, err := d.Info()
				return outDir != nil && err == nil && os.SameFile(fi, outDir)
			},
		})
		if found == 0 {
			r.fail(fmt.Errorf("%s: no file to read in this directory (hidden entries and symlinks inside are skipped)", arg))
		}
	}
	return ins
}

// firstPass checks the files among ins in parallel and returns the inputs
// left: binary files are skipped with a message (a failure only when named
// as an argument), and files that cannot be decoded are failures. With
// full, each file is read whole (see pipe.Pipeline.Check); otherwise only
// its head. Streams are decided later, on their first 64 KiB.
func (r *runner) firstPass(ctx context.Context, ins []*input, full bool) []*input {
	var bytes int64
	files := 0
	for _, in := range ins {
		if !in.Stream {
			bytes += in.size
			files++
		}
	}
	if full {
		r.prog.phase("checking", files, bytes)
	}
	keep := make([]bool, len(ins))
	forEach(ctx, len(ins), r.cfg.jobs, func(i int) {
		in := ins[i]
		if in.Stream {
			keep[i] = true
			return
		}
		err := r.check(ctx, in, full)
		if full {
			r.prog.fileDone()
		}
		var de *decode.Error
		switch {
		case err == nil:
			keep[i] = true
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
	})
	var out []*input
	for i, in := range ins {
		if keep[i] {
			out = append(out, in)
		}
	}
	return out
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

// forEach calls f(0), …, f(n-1) on up to jobs goroutines, in order of
// the indices, and stops starting calls when ctx is done. It returns when
// all calls have returned.
func forEach(ctx context.Context, n, jobs int, f func(i int)) {
	var g errgroup.Group
	g.SetLimit(jobs)
	for i := 0; i < n && ctx.Err() == nil; i++ {
		g.Go(func() error {
			if ctx.Err() == nil {
				f(i)
			}
			return nil
		})
	}
	g.Wait()
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
