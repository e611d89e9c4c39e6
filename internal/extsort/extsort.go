// Package extsort sorts more records than memory should hold. Records
// (a key and a value, both strings) are kept in memory up to a byte budget;
// past it they are sorted and written to a temporary file as a run, and
// reading the result merges the runs. Memory is the budget plus one read
// buffer per run, whatever the number of records.
//
// The sort is stable: records with equal keys come out in the order they
// were added.
package extsort

import (
	"bufio"
	"cmp"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/langsplit/langsplit/internal/iobuf"
)

// Record is one record: it is sorted by Key.
type Record struct {
	Key, Val string
}

// recordOverhead is what a record costs in memory besides its bytes: the
// Record and the rounding of its two strings' allocations.
const recordOverhead = 64

// Sorter gathers records. Add them, then read them sorted with Sorted.
// A Sorter is not safe for concurrent use.
type Sorter struct {
	dir    string
	budget int
	mem    []Record
	size   int
	runs   []string
	n      int64
}

// New returns a Sorter that keeps up to budget bytes of records in memory
// and writes its runs to temporary files in dir (os.TempDir when "").
func New(dir string, budget int) *Sorter {
	return &Sorter{dir: dir, budget: budget}
}

// Len returns the number of records added.
func (s *Sorter) Len() int64 { return s.n }

// Add adds a record.
func (s *Sorter) Add(key, val string) error {
	s.mem = append(s.mem, Record{key, val})
	s.size += len(key) + len(val) + recordOverhead
	s.n++
	if s.size > s.budget {
		return s.spill()
	}
	return nil
}

func (s *Sorter) sortMem() {
	slices.SortStableFunc(s.mem, func(a, b Record) int { return cmp.Compare(a.Key, b.Key) })
}

// spill writes the records in memory to a run file.
func (s *Sorter) spill() error {
	s.sortMem()
	f, err := os.CreateTemp(s.dir, "langsplit-sort-*")
	if err != nil {
		return err
	}
	s.runs = append(s.runs, f.Name())
	bw := iobuf.NewWriter(f)
	var hdr [2 * binary.MaxVarintLen64]byte
	for _, r := range s.mem {
		n := binary.PutUvarint(hdr[:], uint64(len(r.Key)))
		n += binary.PutUvarint(hdr[n:], uint64(len(r.Val)))
		bw.Write(hdr[:n])
		bw.WriteString(r.Key)
		bw.WriteString(r.Val)
	}
	err = bw.Flush()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	clear(s.mem)
	s.mem, s.size = s.mem[:0], 0
	return err
}

// Sorted returns the records in key order. The Sorter must not be used
// after it; close the Iter to remove the runs.
func (s *Sorter) Sorted() (*Iter, error) {
	it := &Iter{runs: s.runs}
	if len(s.runs) == 0 {
		s.sortMem()
		it.mem = s.mem
		return it, nil
	}
	if len(s.mem) > 0 {
		if err := s.spill(); err != nil {
			it.runs = s.runs
			it.Close()
			return nil, err
		}
		it.runs = s.runs
	}
	for i, name := range it.runs {
		f, err := os.Open(name)
		if err != nil {
			it.Close()
			return nil, err
		}
		rr := &runReader{f: f, br: bufio.NewReaderSize(f, 32<<10), index: i}
		it.files = append(it.files, f)
		if rr.next() {
			it.h = append(it.h, rr)
		} else if rr.err != nil {
			it.Close()
			return nil, rr.err
		}
	}
	heap.Init(&it.h)
	return it, nil
}

// Close removes the Sorter's run files, if Sorted was not called.
func (s *Sorter) Close() {
	for _, name := range s.runs {
		os.Remove(name)
	}
	s.runs, s.mem = nil, nil
}

// Iter reads the records of a Sorter in key order.
type Iter struct {
	mem   []Record // no runs: the records, sorted
	i     int
	runs  []string
	files []*os.File
	h     runHeap
	err   error
}

// Next returns the next record, or false at the end or on an error (see Err).
func (it *Iter) Next() (Record, bool) {
	if it.runs == nil {
		if it.i >= len(it.mem) {
			return Record{}, false
		}
		it.i++
		return it.mem[it.i-1], true
	}
	if it.err != nil || len(it.h) == 0 {
		return Record{}, false
	}
	top := it.h[0]
	r := top.cur
	if top.next() {
		heap.Fix(&it.h, 0)
	} else {
		if top.err != nil {
			it.err = top.err
		}
		heap.Pop(&it.h)
	}
	return r, true
}

// Err returns the error that ended Next early, if any.
func (it *Iter) Err() error { return it.err }

// Close removes the run files.
func (it *Iter) Close() error {
	for _, f := range it.files {
		f.Close()
	}
	for _, name := range it.runs {
		os.Remove(name)
	}
	it.files, it.runs, it.h, it.mem = nil, nil, nil, nil
	return it.err
}

// runReader reads one run.
type runReader struct {
	f     *os.File
	br    *bufio.Reader
	index int // runs were written in order: ties go to the earlier
	cur   Record
	err   error
}

func (r *runReader) next() bool {
	kl, err := binary.ReadUvarint(r.br)
	if err != nil {
		if !errors.Is(err, io.EOF) {
			r.err = err
		}
		return false
	}
	vl, err := binary.ReadUvarint(r.br)
	if err != nil {
		r.err = fmt.Errorf("extsort: corrupt run %s: %w", r.f.Name(), err)
		return false
	}
	buf := make([]byte, kl+vl)
	if _, err := io.ReadFull(r.br, buf); err != nil {
		r.err = fmt.Errorf("extsort: corrupt run %s: %w", r.f.Name(), err)
		return false
	}
	s := string(buf)
	r.cur = Record{Key: s[:kl], Val: s[kl:]}
	return true
}

type runHeap []*runReader

func (h runHeap) Len() int { return len(h) }
func (h runHeap) Less(i, j int) bool {
	if c := cmp.Compare(h[i].cur.Key, h[j].cur.Key); c != 0 {
		return c < 0
	}
	return h[i].index < h[j].index
}
func (h runHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *runHeap) Push(x any)   { *h = append(*h, x.(*runReader)) }
func (h *runHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
