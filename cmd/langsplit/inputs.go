package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	"github.com/langsplit/langsplit/internal/decode"
	"github.com/langsplit/langsplit/internal/walk"
)

// input is one input file, or stdin.
type input struct {
	source string // as found: the argument, the argument joined with the walked path, or "-"
	path   string // what to open; "" for stdin
	rel    string // path under its argument, '/'-separated; a file argument's base name; "stdin"
	walked bool   // found in a directory walk
	stream bool   // read once and decided on its head: stdin, or a pipe given as an argument
	size   int64  // bytes on disk, -1 for a stream
	stamp  stamp  // the file's size and modification time before the first pass
	folder string // output folder under --out
	det    decode.Detection
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
			ins = append(ins, &input{source: "-", rel: "stdin", stream: true, size: -1})
			continue
		}
		fi, err := os.Stat(arg) // arguments are followed when they are symlinks
		if err != nil {
			r.fail(err)
			continue
		}
		if !fi.IsDir() {
			if r.cfg.normalize || fi.Mode().IsRegular() {
				ins = append(ins, &input{source: arg, path: arg, rel: filepath.Base(arg), size: fi.Size()})
			} else {
				// A pipe such as <(zcat a.gz): read once, like stdin.
				ins = append(ins, &input{source: arg, path: arg, rel: filepath.Base(arg), stream: true, size: -1})
			}
			continue
		}
		if r.cfg.normalize {
			r.fail(errors.New(arg + ": is a directory"))
			continue
		}
		walk.Dir(arg, walk.Handler{
			File: func(p string, d fs.DirEntry) {
				fi, err := d.Info()
				if err != nil {
					r.fail(err)
					return
				}
				rel, _ := filepath.Rel(arg, p)
				ins = append(ins, &input{source: p, path: p, rel: filepath.ToSlash(rel), walked: true, size: fi.Size()})
			},
			Skip: func(p, why string) { r.warnf("skipping %s: %s", p, why) },
			Err:  func(_ string, err error) { r.fail(err) },
			SkipDir: func(_ string, d fs.DirEntry) bool {
				fi, err := d.Info()
				return outDir != nil && err == nil && os.SameFile(fi, outDir)
			},
		})
	}
	return ins
}

// open opens an input for reading, decompressed, counting the bytes read
// on the progress bar.
func (r *runner) open(in *input) (io.Reader, func(), error) {
	var f io.Reader = r.stdin
	closer := func() {}
	if in.path != "" {
		file, err := os.Open(in.path)
		if err != nil {
			return nil, nil, err
		}
		f, closer = file, func() { file.Close() }
	}
	z, err := decode.Decompress(in.source, countingReader{f, r.prog})
	if err != nil {
		closer()
		return nil, nil, err
	}
	return z, closer, nil
}

// decoded opens an input and returns its decoded UTF-8 text: a stream is
// decided on its head now, a file as the first pass decided.
func (r *runner) decoded(ctx context.Context, in *input) (io.Reader, func(), error) {
	z, closer, err := r.open(in)
	if err != nil {
		return nil, nil, err
	}
	if r.validated(in) {
		return decode.Validated(ctxReader{ctx, z}, in.det), closer, nil
	}
	if !in.stream {
		return decode.NewReader(in.source, ctxReader{ctx, z}, in.det, r.cfg.dec.Invalid), closer, nil
	}
	rd, _, err := decode.Stream(in.source, ctxReader{ctx, z}, r.cfg.dec)
	if err != nil {
		closer()
		return nil, nil, err
	}
	return rd, closer, nil
}

// firstPass checks the files among ins in parallel and returns the inputs
// left: binary files are skipped with a message (a failure only when named
// as an argument), and files that cannot be decoded are failures. With
// full, each file is read whole (decode.Check); otherwise only its head
// (decode.Sniff). Streams are decided later, on their first 64 KiB.
func (r *runner) firstPass(ctx context.Context, ins []*input, full bool) []*input {
	var bytes int64
	files := 0
	for _, in := range ins {
		if !in.stream {
			bytes += in.size
			files++
		}
	}
	if full {
		r.prog.phase("checking", files, bytes)
	}
	keep := make([]bool, len(ins))
	parallel(ctx, len(ins), r.cfg.jobs, func(i int) {
		in := ins[i]
		if in.stream {
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
			if in.walked {
				r.warnf("skipping binary file %s", in.source)
			} else {
				r.fail(errors.New(err.Error() + "; skipped"))
			}
		case errors.Is(err, decode.ErrInvalid):
			r.fail(errors.New(err.Error() + " (see --encoding and --invalid)"))
		default:
			r.fail(err)
		}
	}, nil)
	var out []*input
	for i, in := range ins {
		if keep[i] {
			out = append(out, in)
		}
	}
	return out
}

func (r *runner) check(ctx context.Context, in *input, full bool) error {
	if in.path != "" && !in.stream {
		var err error
		if in.stamp, err = stampOf(in.path); err != nil {
			return err
		}
	}
	z, closer, err := r.open(in)
	if err != nil {
		return err
	}
	defer closer()
	rd := ctxReader{ctx, z}
	if full {
		in.det, err = decode.Check(in.source, rd, r.cfg.dec)
		return err
	}
	head := make([]byte, decode.BinarySniffLen)
	n, err := io.ReadFull(rd, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return err
	}
	_, err = decode.Sniff(in.source, head[:n], r.cfg.dec)
	return err
}

// parallel calls f(0), …, f(n-1) on up to jobs goroutines, taking the
// indices in order, and stops handing them out when ctx is done. It
// returns when all calls have returned, and then closes done if not nil.
func parallel(ctx context.Context, n, jobs int, f func(i int), done chan<- struct{}) {
	if done != nil {
		defer close(done)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(jobs, n) {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}

// ctxReader stops reading when its context is done.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

// Read implements io.Reader.
func (c ctxReader) Read(b []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(b)
}

// validated reports whether the first pass read the input whole and found
// it valid UTF-8, so that the second pass need not check it again (it then
// checks that the file did not change; see unchanged).
func (r *runner) validated(in *input) bool {
	return !in.stream && in.det.Encoding == decode.UTF8 && r.cfg.dec.Invalid == decode.InvalidError && in.stamp != (stamp{})
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
	if !r.validated(in) {
		return nil
	}
	now, err := stampOf(in.path)
	if err == nil && now != in.stamp {
		err = errors.New("changed while being read")
	}
	if err != nil {
		return fmt.Errorf("%s: %w", in.source, err)
	}
	return nil
}
