package pipe

// One long document on several cores (Input.Jobs): the text is read in
// chunks cut at line starts (segment.NextCut), each chunk's lines are
// decided on a worker (segment.Chunk), one goroutine joins them in order
// into blocks (segment.Joiner), numbers them and counts their code points,
// workers normalize and encode the blocks, and the calling goroutine hands
// them to the sink in order. The records are those of the one-core path,
// byte for byte. Memory: a bounded set of chunk buffers (chunkSize plus
// segment.ChunkOverlap each, enough for a block of MaxBlock, the workers
// and the stages between them), never the document's size.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"

	"github.com/langsplit/langsplit/internal/record"
	"github.com/langsplit/langsplit/internal/split"
	"github.com/langsplit/langsplit/segment"
)

// chunkSize is the nominal size of a chunk: it is cut at the first place
// NextCut finds past it.
const chunkSize = 512 << 10

// An EncodingSink is a Sink whose records can be encoded on several
// goroutines: for a document split across workers (Input.Jobs) the
// pipeline calls EncodeBlock from the workers and Encoded, in order, from
// the goroutine that calls the other methods, instead of Block.
type EncodingSink interface {
	Sink
	// EncodeBlock appends the encoding of a block's record (Text empty)
	// with its text to dst. It is called from several goroutines at once.
	EncodeBlock(dst []byte, rec *record.Record, raw, text []byte) []byte
	// Encoded receives the encodings of consecutive blocks, and for each
	// its language and the length of its text.
	Encoded(enc []byte, blocks []EncodedBlock) error
}

// EncodedBlock describes one block of an EncodingSink's Encoded call.
type EncodedBlock struct {
	Lang    string
	TextLen int
}

// tchunk is one chunk of the text and its decisions.
type tchunk struct {
	buf     []byte // the chunk, and what Decide reads past it
	start   int    // offset of buf[0] in the text
	n       int    // the chunk's length: set by the joiner
	st      segment.Start
	end     int // what Decide was given as the end
	c       segment.Chunk
	decided chan struct{}
	err     error        // a panic of Decide, set before decided is closed
	refs    atomic.Int32 // the joiner's, and one a batch
	pool    *chunkPool
}

// wait waits until the chunk is decided, and returns the panic of its
// Decide, if any; or until ctx is done.
func (c *tchunk) wait(ctx context.Context) error {
	select {
	case <-c.decided:
		return c.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (c *tchunk) release() {
	if c.refs.Add(-1) == 0 {
		c.pool.put(c)
	}
}

// chunkPool bounds the chunk buffers alive at once.
type chunkPool struct {
	free chan *tchunk
	made atomic.Int32
	max  int32
	size int
}

func newChunkPool(max int) *chunkPool {
	return &chunkPool{free: make(chan *tchunk, max), max: int32(max), size: chunkSize*3/2 + segment.ChunkOverlap}
}

// get returns a free chunk, waiting for one when max are in use.
func (p *chunkPool) get(ctx context.Context) (*tchunk, error) {
	select {
	case c := <-p.free:
		return c, nil
	default:
	}
	if p.made.Add(1) <= p.max {
		return &tchunk{buf: make([]byte, 0, p.size), pool: p}, nil
	}
	p.made.Add(-1)
	select {
	case c := <-p.free:
		return c, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (p *chunkPool) put(c *tchunk) {
	c.buf = c.buf[:0]
	p.free <- c
}

// batches recycles batches and their buffers.
var batches = sync.Pool{New: func() any { return new(batch) }}

// newBatch returns an empty batch.
func newBatch() *batch {
	b := batches.Get().(*batch)
	b.recs, b.raws, b.texts, b.arena, b.enc, b.chunks = b.recs[:0], b.raws[:0], b.texts[:0], b.arena[:0], b.enc[:0], b.chunks[:0]
	b.err, b.done = nil, make(chan struct{})
	return b
}

// free lets go of a written batch and its chunks.
func (b *batch) free() {
	for _, c := range b.chunks {
		c.release()
	}
	clear(b.raws)
	clear(b.chunks)
	batches.Put(b)
}

// batch is the blocks that joining one chunk completed.
type batch struct {
	recs   []record.Record
	raws   [][]byte
	texts  []int // end of each block's text in arena; -1: not kept (--langs)
	arena  []byte
	enc    []byte
	chunks []*tchunk // the chunks its raws point into
	err    error
	done   chan struct{}
}

// documentChunked is Document for one long text on jobs workers.
func (e *Env) documentChunked(d *Doc, r io.Reader, jobs int) error {
	opts := e.p.opts
	segOpts := opts.Split.Segment
	maxBlock := segOpts.MaxBlock
	if maxBlock <= 0 {
		maxBlock = segment.DefaultMaxBlock
	}
	// Buffers: those of the open block (up to MaxBlock over chunks, and
	// one more) and the one the reader copies from, which the joiner and
	// the writer always let go of, so the reader never waits for ever;
	// and some for the workers and the queues between the stages.
	pool := newChunkPool(maxBlock/chunkSize + 2*jobs + 4)
	g, ctx := errgroup.WithContext(e.ctx)
	decideQ := make(chan *tchunk, jobs)
	joinQ := make(chan *tchunk, jobs+2)
	encodeQ := make(chan *batch, jobs)
	writeQ := make(chan *batch, jobs+2)
	var arabic atomic.Bool // the joiner's latest Start.Arabic: the reader's guess

	g.Go(func() (err error) { // read
		defer Recover(d.Source, &err)
		defer close(decideQ)
		defer close(joinQ)
		return readChunks(ctx, r, pool, &arabic, func(c *tchunk) error { return send(ctx, c, decideQ, joinQ) })
	})
	var decideWG sync.WaitGroup
	for range jobs {
		decideWG.Add(1)
		go func() {
			defer decideWG.Done()
			for c := range decideQ {
				decide(c, d.Source, segOpts)
			}
		}()
	}
	g.Go(func() (err error) { // join
		defer Recover(d.Source, &err)
		defer close(encodeQ)
		defer close(writeQ)
		return joinChunks(ctx, d, joinQ, segOpts, &arabic, func(b *batch) error { return send(ctx, b, encodeQ, writeQ) })
	})
	esink, encoding := e.sink.(EncodingSink)
	norms := make([]*split.Normalizer, jobs)
	var encodeWG sync.WaitGroup
	for i := range jobs {
		n := e.norm.Fresh()
		norms[i] = n
		encodeWG.Add(1)
		go func() {
			defer encodeWG.Done()
			for b := range encodeQ {
				encodeBatch(b, d, n, opts.Split.Langs, esink, encoding)
			}
		}()
	}
	werr := func() (err error) { // write, on this goroutine
		defer Recover(d.Source, &err)
		for b := range writeQ {
			select {
			case <-b.done:
			case <-ctx.Done():
				return ctx.Err()
			}
			if err := e.writeBatch(b, esink, encoding); err != nil {
				return err
			}
		}
		return nil
	}()
	if werr != nil {
		// Stop the others and drain what they still send.
		g.Go(func() error { return werr })
		for b := range writeQ {
			<-b.done
			b.free()
		}
	}
	err := g.Wait()
	decideWG.Wait()
	encodeWG.Wait()
	for _, n := range norms {
		e.norm.Absorb(n)
	}
	if err != nil {
		var se *SinkError
		if errors.As(werr, &se) {
			return werr
		}
		return err
	}
	return e.documentDone(d)
}

// decide decides a chunk's lines; a panic is the chunk's error. Either
// way the chunk is decided, so that nobody waits for it for ever.
func decide(c *tchunk, source string, opts segment.Options) {
	defer close(c.decided)
	defer Recover(source, &c.err)
	c.c.Decide(c.buf, c.end, c.st, opts)
}

// send sends v on each of qs in turn, unless ctx is done first.
func send[T any](ctx context.Context, v T, qs ...chan T) error {
	for _, q := range qs {
		select {
		case q <- v:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// readChunks reads the text into chunks and hands each to send, in order.
// A chunk is cut at the first place past chunkSize where NextCut finds one
// with ChunkOverlap bytes after it in the buffer; a text without such a
// place (no line feed after a short line) is decided a chunk at a time,
// each chunk waiting for the one before to find where its last line ends.
func readChunks(ctx context.Context, r io.Reader, pool *chunkPool, arabic *atomic.Bool, send func(*tchunk) error) error {
	var carry []byte // the text read past the last chunk
	var prev *tchunk // the chunk carry is in
	st := segment.Start{}
	pos := 0
	for {
		c, err := pool.get(ctx)
		if err != nil {
			return err
		}
		c.buf = append(c.buf[:0], carry...)
		if prev != nil {
			prev.release() // the reader's hold on it, for carry
		}
		eof := false
		for len(c.buf) < cap(c.buf) && !eof {
			n, err := r.Read(c.buf[len(c.buf):cap(c.buf)])
			c.buf = c.buf[:len(c.buf)+n]
			if err == io.EOF {
				eof = true
			} else if err != nil {
				return err
			}
		}
		st.Arabic = arabic.Load()
		c.start, c.st, c.decided, c.err = pos, st, make(chan struct{}), nil
		var next segment.Cut
		cut, ok := segment.NextCut(c.buf, chunkSize)
		switch {
		case eof:
			c.end = len(c.buf)
		case ok && cut.Pos+segment.ChunkOverlap <= len(c.buf):
			c.end, next = cut.Pos, cut
		default: // no place to cut: the chunk's last line ends where Decide finds
			c.end = len(c.buf) - segment.ChunkOverlap
		}
		c.refs.Store(2) // the joiner's, and the reader's until carry is copied
		if err := send(c); err != nil {
			return err
		}
		if eof {
			c.release()
			return nil
		}
		n := c.end
		if next.Pos == 0 {
			if err := c.wait(ctx); err != nil {
				return err
			}
			n, next.Para = c.c.Len(), c.c.ParaAfter()
		}
		st = segment.Start{Para: next.Para, Evidence: st.Evidence.Add(c.buf[:n])}
		pos += n
		carry, prev = c.buf[n:], c
	}
}

// joinChunks joins the chunks in order and sends the blocks that each
// completes as a batch.
func joinChunks(ctx context.Context, d *Doc, in <-chan *tchunk, segOpts segment.Options, arabic *atomic.Bool, send func(*batch) error) error {
	var j segment.Joiner
	j.Reset(segOpts)
	bd := record.Builder{Source: d.Source, RecordID: d.RecordID}
	var blocks []segment.Block
	var window []*tchunk // the chunks from the one the open block starts in
	flush := func(blocks []segment.Block) error {
		if len(blocks) == 0 {
			return nil
		}
		b := newBatch()
		first, last := blocks[0].Start, blocks[len(blocks)-1].End
		for _, c := range window {
			if c.start < last && first < c.start+c.n {
				c.refs.Add(1)
				b.chunks = append(b.chunks, c)
			}
		}
		for _, blk := range blocks {
			raw := rawOf(b.chunks, blk)
			b.recs = append(b.recs, bd.Next(blk, raw))
			b.raws = append(b.raws, raw)
		}
		// Chunks wholly before the open block are done with.
		k := 0
		for k < len(window)-1 && window[k].start+window[k].n <= last {
			window[k].release()
			k++
		}
		window = window[k:]
		return send(b)
	}
	for c := range in {
		if err := c.wait(ctx); err != nil {
			return err
		}
		c.n = c.c.Len()
		var text []byte
		if j.NeedsText(&c.c) {
			text = c.buf
		}
		window = append(window, c)
		blocks = j.Join(blocks[:0], &c.c, text)
		st, _ := j.Next()
		arabic.Store(st.Arabic)
		if err := flush(blocks); err != nil {
			return err
		}
	}
	if err := flush(j.Finish(blocks[:0])); err != nil {
		return err
	}
	for _, c := range window {
		c.release()
	}
	return nil
}

// rawOf returns the bytes of block b from the chunks that hold it: a slice
// of one chunk's buffer, or a copy of the pieces.
func rawOf(chunks []*tchunk, b segment.Block) []byte {
	for i, c := range chunks {
		if b.Start < c.start || b.Start >= c.start+c.n {
			continue
		}
		if b.End-c.start <= len(c.buf) {
			return c.buf[b.Start-c.start : b.End-c.start]
		}
		raw := make([]byte, 0, b.End-b.Start)
		for _, c := range chunks[i:] {
			from, to := max(b.Start, c.start), min(b.End, c.start+c.n)
			if from < to {
				raw = append(raw, c.buf[from-c.start:to-c.start]...)
			}
		}
		return raw
	}
	panic(fmt.Sprintf("pipe: block %d-%d is in no chunk", b.Start, b.End))
}

// encodeBatch normalizes (and, for an EncodingSink, encodes) the blocks of
// a batch.
// A panic is the batch's error.
func encodeBatch(b *batch, d *Doc, n *split.Normalizer, langs map[string]bool, sink EncodingSink, encoding bool) {
	defer close(b.done)
	defer Recover(d.Source, &b.err)
	b.texts = append(b.texts[:0], make([]int, len(b.recs))...)
	for i := range b.recs {
		rec := &b.recs[i]
		if langs != nil && !langs[rec.Lang] {
			b.texts[i] = -1
			continue
		}
		text, err := n.Apply(rec.Lang, b.raws[i])
		if err != nil {
			b.err = fmt.Errorf("%s: block %d: %w", d.Source, rec.Block, err)
			return
		}
		if encoding {
			b.enc = sink.EncodeBlock(b.enc, rec, b.raws[i], text)
			b.texts[i] = len(text)
		} else {
			b.arena = append(b.arena, text...)
			b.texts[i] = len(b.arena)
		}
	}
}

// writeBatch hands a batch's blocks to the sink, in order, and lets go of
// its chunks.
func (e *Env) writeBatch(b *batch, sink EncodingSink, encoding bool) error {
	defer b.free()
	if b.err != nil {
		return b.err
	}
	if e.p.opts.DocSummary {
		for i := range b.recs {
			e.dc.Add(b.recs[i].Lang, b.raws[i])
		}
	}
	if encoding {
		infos := make([]EncodedBlock, 0, len(b.recs))
		for i := range b.recs {
			if b.texts[i] >= 0 {
				infos = append(infos, EncodedBlock{Lang: b.recs[i].Lang, TextLen: b.texts[i]})
			}
		}
		if err := sink.Encoded(b.enc, infos); err != nil {
			return &SinkError{err}
		}
		return nil
	}
	from := 0
	for i := range b.recs {
		if b.texts[i] < 0 {
			continue
		}
		if err := e.sink.Block(&b.recs[i], b.raws[i], b.arena[from:b.texts[i]]); err != nil {
			return &SinkError{err}
		}
		from = b.texts[i]
	}
	return nil
}
