package pipeline

// A file above Options.SplitCap is split between workers, with the
// records the CLI gives it (segment's chunked segmentation, as the CLI's
// -j on one file): the splitting stage emits one Part per SplitCap bytes
// of its text instead of splitting it; decideFn finds each part's cuts
// (segment.NextCut after its nominal start and end), reads the evidence of
// the text before it and decides its lines (segment.Chunk); joinFn takes
// a file's decided parts in order (segment.Joiner), which decides again
// the few lines whose guess was wrong, numbers the blocks and sends each
// part's blocks to encodeFn, which reads them, normalizes them and emits
// their records. Only plain UTF-8 text files (checked whole in the first
// pass) are split, and not with DocSummary; others go whole, as before.

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"reflect"
	"slices"
	"unicode/utf8"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/langsplit/langsplit/internal/decode"
	"github.com/langsplit/langsplit/internal/pipe"
	"github.com/langsplit/langsplit/internal/record"
	"github.com/langsplit/langsplit/internal/split"
	"github.com/langsplit/langsplit/segment"
)

// DefaultSplitCap is Options.SplitCap's default.
const DefaultSplitCap = 256 << 20

// Part is one part of a file that is split between workers: about
// SplitCap bytes of its text from Index×SplitCap on.
type Part struct {
	File  string
	Index int
	Cap   int64 // the nominal size of a part
	Size  int64 // the size of the file's text (its bytes less the BOM)
	BOM   int64 // the bytes of its byte-order mark
}

// decidedPart is a part's decisions, for joinFn.
type decidedPart struct {
	Part  Part
	Start int64  // where the part starts in the text (a cut)
	End   int64  // where it ends (the next part's start)
	Runes int64  // code points of its text
	Chunk []byte // segment.Chunk, encoded
	Err   string // why the part could not be read
}

// partBlocks are the blocks that start in one part, for encodeFn.
type partBlocks struct {
	Part      Part
	Start     int64 // the part's start in the text
	RuneStart int64 // code points before it
	First     int   // the number of its first block, less one
	Blocks    []blockSpec
}

// blockSpec is a segment.Block that Beam can encode.
type blockSpec struct {
	Start, End   int64
	Lang, Script string
	Dir          uint8
}

func init() {
	for _, t := range []any{Part{}, decidedPart{}, partBlocks{}, blockSpec{}} {
		beam.RegisterType(reflect.TypeOf(t))
	}
	register.DoFn3x1[context.Context, Part, func(string, decidedPart), error](&decideFn{})
	register.DoFn5x0[context.Context, string, func(*decidedPart) bool, func(partBlocks), func(FileStatus)](&joinFn{})
	register.DoFn4x1[context.Context, partBlocks, func(Chunk), func(string, Stat), error](&encodeFn{})
	register.Emitter1[Part]()
	register.Emitter2[string, decidedPart]()
	register.Emitter1[partBlocks]()
	register.Iter1[*decidedPart]()
}

// splitBig adds the stages of the files that the splitting stage cut into
// parts; it returns their record chunks, stats and statuses.
func splitBig(s beam.Scope, opts Options, parts beam.PCollection) (chunks, stats, statuses beam.PCollection) {
	s = s.Scope("big files")
	parts = beam.Reshuffle(s, parts)
	decided := beam.ParDo(s, &decideFn{Segment: opts.Split.Segment}, parts)
	tasks, statuses := beam.ParDo2(s, &joinFn{Segment: opts.Split.Segment}, beam.GroupByKey(s, decided))
	tasks = beam.Reshuffle(s, tasks)
	chunks, stats = beam.ParDo2(s, &encodeFn{Split: opts.Split}, tasks)
	return chunks, stats, statuses
}

// splittable reports whether a file that Check accepted is split into
// parts: plain UTF-8 text, valid throughout, larger than the cap.
func splittable(in *pipe.Input, size int64, opts pipe.Options, cap int64) bool {
	return cap > 0 && !opts.DocSummary && in.Format != nil && in.Format.Name() == "text" &&
		!decode.IsGzip(in.Name) && in.Whole() && in.Det.Encoding == decode.UTF8 && size-int64(in.Det.BOM) > cap
}

// readText reads the file's text from offset from to to (clipped to its
// size).
func readText(ctx context.Context, p Part, from, to int64) ([]byte, error) {
	to = min(to, p.Size)
	if from >= to {
		return nil, nil
	}
	var n int64
	rc, err := open(ctx, p.File, &n)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	at := from + p.BOM
	if sk, ok := rc.(*countingFile).rc.(io.Seeker); ok {
		if _, err := sk.Seek(at, io.SeekStart); err != nil {
			return nil, err
		}
	} else if _, err := io.CopyN(io.Discard, rc, at); err != nil {
		return nil, err
	}
	b := make([]byte, to-from)
	if _, err := io.ReadFull(rc, b); err != nil {
		return nil, fmt.Errorf("%s: %w", p.File, err)
	}
	return b, nil
}

// cutAt returns the first cut at or after the text offset at (the text's
// start for 0, its end when there is none).
func cutAt(ctx context.Context, p Part, at int64) (segment.Cut, error) {
	if at <= 0 {
		return segment.Cut{}, nil
	}
	const window = 1 << 20
	const back = segment.MinMaxBlock + 8 // room to see the line before a cut
	for from := max(at-back, 0); from < p.Size; from += window - back {
		b, err := readText(ctx, p, from, from+window)
		if err != nil {
			return segment.Cut{}, err
		}
		if c, ok := segment.NextCut(b, int(max(at-from, 0))); ok {
			c.Pos += int(from)
			return c, nil
		}
	}
	return segment.Cut{Pos: int(p.Size)}, nil
}

// decideFn decides the lines of one part.
type decideFn struct {
	Segment segment.Options
	chunk   segment.Chunk
}

// ProcessElement decides part p and emits its decisions keyed by file.
func (f *decideFn) ProcessElement(ctx context.Context, p Part, emit func(string, decidedPart)) error {
	d, err := f.decide(ctx, p)
	if err != nil {
		d = decidedPart{Part: p, Err: err.Error()}
	}
	emit(p.File, d)
	return nil
}

func (f *decideFn) decide(ctx context.Context, p Part) (decidedPart, error) {
	start, err := cutAt(ctx, p, int64(p.Index)*p.Cap)
	if err != nil {
		return decidedPart{}, err
	}
	end, err := cutAt(ctx, p, int64(p.Index+1)*p.Cap)
	if err != nil {
		return decidedPart{}, err
	}
	st := segment.Start{Para: start.Para}
	if st.Evidence, err = evidenceBefore(ctx, p, int64(start.Pos)); err != nil {
		return decidedPart{}, err
	}
	text, err := readText(ctx, p, int64(start.Pos), int64(max(end.Pos, start.Pos)+segment.ChunkOverlap))
	if err != nil {
		return decidedPart{}, err
	}
	n := max(end.Pos-start.Pos, 0)
	f.chunk.Decide(text, n, st, f.Segment)
	if f.chunk.Len() != n {
		return decidedPart{}, fmt.Errorf("%s: part %d decided %d bytes of %d", p.File, p.Index, f.chunk.Len(), n)
	}
	enc, _ := f.chunk.MarshalBinary()
	return decidedPart{Part: p, Start: int64(start.Pos), End: int64(start.Pos + n), Runes: int64(utf8.RuneCount(text[:n])), Chunk: enc}, nil
}

// evidenceBefore returns the document evidence of the text before offset
// to, read a line-ended piece at a time.
func evidenceBefore(ctx context.Context, p Part, to int64) (segment.Evidence, error) {
	var ev segment.Evidence
	var carry []byte
	for from := int64(0); from < to; {
		b, err := readText(ctx, p, from, min(to, from+4<<20))
		if err != nil {
			return ev, err
		}
		from += int64(len(b))
		b = append(append([]byte(nil), carry...), b...)
		k := bytes.LastIndexByte(b, '\n') + 1
		if from >= to {
			k = len(b) // to is a cut: the text before it ends with a line feed
		}
		ev = ev.Add(b[:k])
		carry = append(carry[:0], b[k:]...)
	}
	return ev, nil
}

// joinFn joins the decided parts of one file in order.
type joinFn struct {
	Segment segment.Options
	j       segment.Joiner
}

// ProcessElement joins the parts of file, emits each part's blocks and the
// file's status.
func (f *joinFn) ProcessElement(ctx context.Context, file string, parts func(*decidedPart) bool, emit func(partBlocks), emitStatus func(FileStatus)) {
	var all []decidedPart
	var d decidedPart
	for parts(&d) {
		all = append(all, d)
		d = decidedPart{}
	}
	slices.SortFunc(all, func(a, b decidedPart) int { return a.Part.Index - b.Part.Index })
	tasks, err := f.join(ctx, all)
	if err != nil {
		filesFailed.Inc(ctx, 1)
		emitStatus(FileStatus{Source: file, Status: StatusFailed, Error: message(file, err)})
		return
	}
	for _, t := range tasks {
		emit(t)
	}
	bytesRead.Inc(ctx, all[0].Part.Size+all[0].Part.BOM)
	filesOK.Inc(ctx, 1)
	emitStatus(FileStatus{Source: file, Status: StatusOK})
}

func (f *joinFn) join(ctx context.Context, all []decidedPart) ([]partBlocks, error) {
	f.j.Reset(f.Segment)
	var c segment.Chunk
	var blocks []segment.Block
	var tasks []partBlocks
	var runes int64
	n := 0
	for i, d := range all {
		switch {
		case d.Err != "":
			return nil, fmt.Errorf("%s", d.Err)
		case d.Part.Index != i:
			return nil, fmt.Errorf("part %d is missing", i)
		}
		if err := c.UnmarshalBinary(d.Chunk); err != nil {
			return nil, err
		}
		var text []byte
		if f.j.NeedsText(&c) {
			var err error
			if text, err = readText(ctx, d.Part, d.Start, d.End+segment.ChunkOverlap); err != nil {
				return nil, err
			}
		}
		tasks = append(tasks, partBlocks{Part: d.Part, Start: d.Start, RuneStart: runes})
		runes += d.Runes
		blocks = f.j.Join(blocks[:0], &c, text)
		if i == len(all)-1 {
			blocks = f.j.Finish(blocks)
		}
		for _, b := range blocks {
			k := len(tasks) - 1
			for k > 0 && int64(b.Start) < tasks[k].Start {
				k--
			}
			if len(tasks[k].Blocks) == 0 {
				tasks[k].First = n
			}
			n++
			tasks[k].Blocks = append(tasks[k].Blocks, blockSpec{Start: int64(b.Start), End: int64(b.End), Lang: b.Lang, Script: b.Script, Dir: uint8(b.Dir)})
		}
	}
	return slices.DeleteFunc(tasks, func(t partBlocks) bool { return len(t.Blocks) == 0 }), nil
}

// encodeFn reads, normalizes and encodes the blocks of one part.
type encodeFn struct {
	Split split.Options
	norm  *split.Normalizer
}

// Setup creates the normalizer.
func (f *encodeFn) Setup() { f.norm = split.NewNormalizer(f.Split.Policy, f.Split.Raw) }

// ProcessElement emits the records of the blocks of t, in chunks per
// language, and their counts.
func (f *encodeFn) ProcessElement(ctx context.Context, t partBlocks, emit func(Chunk), emitStat func(string, Stat)) error {
	last := t.Blocks[len(t.Blocks)-1]
	text, err := readText(ctx, t.Part, t.Start, last.End)
	if err != nil {
		return err
	}
	first := t.Blocks[0]
	bd := record.Builder{Source: t.Part.File}
	bd.Resume(t.First, t.RuneStart+int64(utf8.RuneCount(text[:first.Start-t.Start])))
	s := &chunkSink{file: t.Part.File, emit: emit, stats: map[string]Stat{}, chunks: map[string][]byte{}}
	for _, b := range t.Blocks {
		raw := text[b.Start-t.Start : b.End-t.Start]
		rec := bd.Next(segment.Block{Start: int(b.Start), End: int(b.End), Lang: b.Lang, Script: b.Script, Dir: segment.Direction(b.Dir)}, raw)
		if f.Split.Langs != nil && !f.Split.Langs[b.Lang] {
			continue
		}
		norm, err := f.norm.Apply(b.Lang, raw)
		if err != nil {
			return fmt.Errorf("%s: block %d: %w", t.Part.File, rec.Block, err)
		}
		if err := s.Block(&rec, raw, norm); err != nil {
			return err
		}
	}
	s.finish(ctx, emitStat)
	return nil
}
