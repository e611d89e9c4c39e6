package write

import (
	"bufio"
	"io"
	"os"
	"sync"

	"github.com/langsplit/langsplit/internal/iobuf"
)

// Ordered writes the output of numbered parts, produced concurrently, to
// one writer in part order, byte for byte as if the parts had been produced
// one after the other. The part whose turn it is writes through a 64 KiB
// buffer, flushed when it fills and when the part ends; the others wait
// until their turn in memory, up to a budget shared by all of them (so
// that many small parts cost no file each), and past it in temporary spill
// files.
type Ordered struct {
	mu    sync.Mutex
	out   *bufio.Writer
	dir   string
	head  int // the part writing straight through
	parts map[int]*Part
	mem   int   // bytes the waiting parts hold in memory
	err   error // the first error writing to out
}

// orderedBudget is how many bytes the waiting parts of an Ordered hold in
// memory, all together, before they spill.
var orderedBudget = 4 << 20

// NewOrdered returns an Ordered writing to out, with spill files in dir.
// Parts are numbered from 0 and each number must be closed for the later
// ones to be written.
func NewOrdered(out io.Writer, dir string) *Ordered {
	return &Ordered{out: iobuf.NewWriter(out), dir: dir, parts: map[int]*Part{}}
}

// Part is one part's writer. Its Write takes whole units (records): a
// unit is never split between the spill file and out.
type Part struct {
	o     *Ordered
	index int
	mem   []byte // what it wrote while waiting, within the budget
	spill *spill // past the budget: mem moved here, and what follows
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
	if p.spill == nil && o.mem+len(b) <= orderedBudget {
		p.mem = append(p.mem, b...)
		o.mem += len(b)
		return len(b), nil
	}
	if p.spill == nil {
		f, err := os.CreateTemp(o.dir, "part-*.jsonl")
		if err != nil {
			return 0, err
		}
		p.spill = &spill{f: f, bw: iobuf.NewWriter(f)}
		_, err = p.spill.Write(p.mem)
		o.mem -= len(p.mem)
		p.mem = nil
		if err != nil {
			return 0, err
		}
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
		if next.mem != nil {
			_, err := o.out.Write(next.mem)
			o.mem -= len(next.mem)
			next.mem = nil
			if err != nil && o.err == nil {
				o.err = err
			}
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

// spill is a temporary file written through a buffer, with its size.
type spill struct {
	f    *os.File
	bw   *bufio.Writer
	size int64
}

// Write implements io.Writer.
func (s *spill) Write(p []byte) (int, error) {
	n, err := s.bw.Write(p)
	s.size += int64(n)
	return n, err
}

// finish flushes and closes the file.
func (s *spill) finish() error {
	err := s.bw.Flush()
	if cerr := s.f.Close(); err == nil {
		err = cerr
	}
	return err
}
