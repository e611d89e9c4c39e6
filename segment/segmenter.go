package segment

import (
	"iter"
	"unsafe"
)

// Segmenter is the allocation-free tier: it steps through a text held in
// memory and returns its blocks one at a time. After the first few calls it
// reuses its buffers, so a Segmenter that is reused with Reset does not
// allocate. The zero value is not ready: call Reset first.
type Segmenter struct {
	e     engine
	view  []byte
	pos   int
	queue []Block
	qi    int
	done  bool
}

// Reset starts the segmentation of text with opts.
func (s *Segmenter) Reset(text []byte, opts Options) {
	s.e.reset(opts, &s.queue)
	s.view, s.pos, s.queue, s.qi, s.done = text, 0, s.queue[:0], 0, false
}

// ResetString is Reset for a string; the string is read, never written.
func (s *Segmenter) ResetString(text string, opts Options) {
	s.Reset(unsafe.Slice(unsafe.StringData(text), len(text)), opts)
}

// Next returns the next block, or false when there are no more.
func (s *Segmenter) Next() (Block, bool) {
	if s.qi >= len(s.queue) && !s.fill() {
		return Block{}, false
	}
	b := s.queue[s.qi]
	s.qi++
	return b, true
}

// fill decides lines until it has the next blocks in s.queue (one, or a
// few when a line holds more); it reports false when there are no more.
func (s *Segmenter) fill() bool {
	s.queue, s.qi = s.queue[:0], 0
	for len(s.queue) == 0 {
		if s.done {
			return false
		}
		n := len(s.view)
		if s.pos >= n {
			s.e.b.finish(n)
			s.done = true
			continue
		}
		lc := min(lineCap, s.e.opts.MaxBlock)
		pos := s.pos
		for pos < n && len(s.queue) == 0 { // the lines up to a block's end
			pos = s.e.line(s.view, 0, pos, min(n, pos+lc), min(n, pos+lc+evidenceAhead))
		}
		s.pos = pos
	}
	return true
}

// Segment returns the blocks of text with the default options.
func Segment(text string) []Block { return Options{}.Segment(text) }

// All returns an iterator over the blocks of text with the default options.
func All(text string) iter.Seq[Block] { return Options{}.All(text) }

// Segment returns the blocks of text.
func (o Options) Segment(text string) []Block {
	var out []Block
	for b := range o.All(text) {
		out = append(out, b)
	}
	return out
}

// SegmentBytes returns the blocks of text.
func (o Options) SegmentBytes(text []byte) []Block {
	var s Segmenter
	s.Reset(text, o)
	var out []Block
	for b, ok := s.Next(); ok; b, ok = s.Next() {
		out = append(out, b)
	}
	return out
}

// All returns an iterator over the blocks of text.
func (o Options) All(text string) iter.Seq[Block] {
	return func(yield func(Block) bool) {
		var s Segmenter
		s.ResetString(text, o)
		for s.fill() { // the blocks a few at a time, without a call to Next for each
			for _, b := range s.queue {
				if !yield(b) {
					return
				}
			}
		}
	}
}
