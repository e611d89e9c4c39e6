package write

import (
	"bufio"
	"io"
	"os"
	"sync"
)

// Ordered writes the output of numbered parts, produced concurrently, to
// one writer in part order, byte for byte as if the parts had been produced
// one after the other. The part whose turn it is writes through a 64 KiB
// buffer, flushed when it fills and when the part ends; the others wait in
// temporary spill files, not in memory, until their turn.
type Ordered struct {
	mu    sync.Mutex
	out   *bufio.Writer
	dir   string
	head  int // the part writing straight through
	parts map[int]*Part
	err   error // the first error writing to out
}

// NewOrdered returns an Ordered writing to out, with spill files in dir.
// Parts are numbered from 0 and each number must be closed for the later
// ones to be written.
func NewOrdered(out io.Writer, dir string) *Ordered {
	return &Ordered{out: bufio.NewWriterSize(out, 64<<10), dir: dir, parts: map[int]*Part{}}
}

// Part is one part's writer. Its Write takes whole units (records): a
// unit is never split between the spill file and out.
type Part struct {
	o     *Ordered
	index int
	spill *spill
	done  bool
}

// Part returns the writer of part i.
func (o *Ordered) Part(i int) *Part {
	o.mu.Lock()
	defer o.mu.Unlock()
	p := &Part{o: o, index: i}
	o.parts[i] = p
	return p
}

// Write implements io.Writer.
func (p *Part) Write(b []byte) (int, error) {
	o := p.o
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.err != nil {
		return 0, o.err
	}
	if p.index == o.head {
		n, err := o.out.Write(b)
		if err != nil {
			o.err = err
		}
		return n, err
	}
	if p.spill == nil {
		f, err := os.CreateTemp(o.dir, "part-*.jsonl")
		if err != nil {
			return 0, err
		}
		p.spill = &spill{f: f, bw: bufio.NewWriterSize(f, 64<<10)}
	}
	return p.spill.Write(b)
}

// Close ends the part. When it is the part whose turn it is, the parts
// after it that are waiting are written out, up to the first that is not
// done, which then writes straight through.
func (p *Part) Close() (err error) {
	o := p.o
	o.mu.Lock()
	defer o.mu.Unlock()
	p.done = true
	if p.index != o.head {
		if p.spill != nil {
			// Waiting parts hold no open file: there may be many.
			return p.spill.finish()
		}
		return nil
	}
	defer func() { // the part's output leaves the buffer when it ends
		if ferr := o.out.Flush(); ferr != nil {
			if o.err == nil {
				o.err = ferr
			}
			if err == nil {
				err = ferr
			}
		}
	}()
	for {
		delete(o.parts, o.head)
		o.head++
		next := o.parts[o.head]
		if next == nil {
			return o.err
		}
		if next.spill != nil {
			err := next.drain(o.out)
			next.spill = nil
			if err != nil && o.err == nil {
				o.err = err
			}
		}
		if !next.done {
			return o.err
		}
	}
}

// drain copies the spill file to out and removes it.
func (p *Part) drain(out io.Writer) error {
	s := p.spill
	defer os.Remove(s.f.Name())
	f := s.f
	if p.done { // finished and closed
		var err error
		if f, err = os.Open(s.f.Name()); err != nil {
			return err
		}
	} else if err := s.bw.Flush(); err != nil {
		f.Close()
		return err
	} else if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return err
	}
	defer f.Close()
	_, err := io.Copy(out, f)
	return err
}

// Err returns the first error writing to out.
func (o *Ordered) Err() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.err
}
