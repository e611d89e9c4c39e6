package main

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"

	"golang.org/x/sync/errgroup"

	"github.com/langsplit/langsplit/internal/decode"
	"github.com/langsplit/langsplit/internal/iobuf"
	"github.com/langsplit/langsplit/internal/pipe"
)

// inputList is a list of inputs in a temporary file: a run's passes read
// the inputs of the pass before and write those that pass on, so that
// memory does not grow with the number of inputs.
type inputList struct {
	f     *os.File
	bw    *bufio.Writer
	n     int   // inputs
	bytes int64 // their sizes, streams not counted
	files int   // inputs that are not streams
	buf   []byte
}

// Flag bits of an input in the list.
const (
	listWalked uint64 = 1 << iota // found by walking a directory argument
	listStream                    // a stream (stdin), not a file
	listWhole                     // the first pass checked it whole
)

// newInputList starts an empty list in dir.
func newInputList(dir string) (*inputList, error) {
	f, err := os.CreateTemp(dir, "inputs-*")
	if err != nil {
		return nil, err
	}
	return &inputList{f: f, bw: iobuf.NewWriter(f)}, nil
}

// add appends an input.
func (l *inputList) add(in *input) error {
	c := in.Checked()
	b := l.buf[:0]
	for _, s := range []string{in.path, in.rel, in.folder, c.Format, c.Charset} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	var flags uint64
	if in.walked {
		flags |= listWalked
	}
	if in.Stream {
		flags |= listStream
	}
	if c.Whole {
		flags |= listWhole
	}
	for _, v := range []int64{in.size, in.stamp.size, in.stamp.mod, c.Length} {
		b = binary.AppendVarint(b, v)
	}
	b = binary.AppendUvarint(b, flags)
	b = binary.AppendUvarint(b, uint64(c.Det.Encoding))
	b = binary.AppendUvarint(b, uint64(c.Det.BOM))
	l.buf = b
	l.n++
	if !in.Stream {
		l.files++
		l.bytes += in.size
	}
	_, err := l.bw.Write(b)
	return err
}

// close removes the list.
func (l *inputList) close() {
	l.f.Close()
	os.Remove(l.f.Name())
}

// reader returns a reader of the inputs added.
func (l *inputList) reader(r *runner) (*listReader, error) {
	if err := l.bw.Flush(); err != nil {
		return nil, err
	}
	f, err := os.Open(l.f.Name())
	if err != nil {
		return nil, err
	}
	return &listReader{r: r, f: f, br: iobuf.NewReader(f)}, nil
}

// listReader reads an inputList.
type listReader struct {
	r   *runner
	f   *os.File
	br  *bufio.Reader
	err error
}

// next returns the next input, or nil at the end or on an error (see err).
func (lr *listReader) next() *input {
	in, err := lr.read()
	if err != nil {
		if err != io.EOF {
			lr.err = fmt.Errorf("reading the list of inputs: %w", err)
		}
		return nil
	}
	return in
}

func (lr *listReader) read() (*input, error) {
	var s [5]string
	for i := range s {
		n, err := binary.ReadUvarint(lr.br)
		if err != nil {
			if i == 0 && err == io.EOF {
				return nil, io.EOF
			}
			return nil, errors.Join(io.ErrUnexpectedEOF, err)
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(lr.br, b); err != nil {
			return nil, err
		}
		s[i] = string(b)
	}
	var v [4]int64
	for i := range v {
		var err error
		if v[i], err = binary.ReadVarint(lr.br); err != nil {
			return nil, err
		}
	}
	var u [3]uint64
	for i := range u {
		var err error
		if u[i], err = binary.ReadUvarint(lr.br); err != nil {
			return nil, err
		}
	}
	path, rel, folder := s[0], s[1], s[2]
	source := path
	if path == "" {
		source = "-"
	}
	flags := u[0]
	in := lr.r.newInput(source, path, rel, flags&listStream != 0, flags&listWalked != 0, v[0])
	in.folder, in.stamp = folder, stamp{v[1], v[2]}
	in.SetChecked(pipe.Checked{Format: s[3], Charset: s[4], Whole: flags&listWhole != 0, Length: v[3],
		Det: decode.Detection{Encoding: decode.Encoding(u[1]), BOM: int(u[2])}})
	return in, nil
}

// close ends the reading.
func (lr *listReader) close() { lr.f.Close() }

// window is how many inputs a pass has in flight at most: started, or
// done and waiting for those before them. It bounds the memory of a pass
// whatever the number of inputs.
const window = 4096

// inOrder calls work on the items that next returns (nil at the end), on
// up to jobs goroutines, and done with each item and its result in the
// order of next, from the calling goroutine. At most window items are in
// flight. When ctx is done it stops taking items and returns once the
// calls under way have returned; done is not called for items whose work
// was not done.
func inOrder[S, T any](ctx context.Context, jobs int, next func() (S, bool), work func(S) T, done func(S, T)) {
	type slot struct {
		s     S
		t     T
		ok    bool
		ready chan struct{}
	}
	queue := make(chan *slot, window)
	go func() {
		defer close(queue)
		var g errgroup.Group
		g.SetLimit(jobs)
		defer g.Wait()
		for ctx.Err() == nil {
			s, ok := next()
			if !ok {
				return
			}
			sl := &slot{s: s, ready: make(chan struct{})}
			select {
			case queue <- sl:
			case <-ctx.Done():
				return
			}
			g.Go(func() error {
				if ctx.Err() == nil {
					sl.t, sl.ok = work(sl.s), true
				}
				close(sl.ready)
				return nil
			})
		}
	}()
	for sl := range queue {
		<-sl.ready
		if sl.ok && ctx.Err() == nil {
			done(sl.s, sl.t)
		}
	}
}
