package segment

// eventLog records what an engine asks of its builder for each line (the
// line's start and paragraph flag, its cuts, its end), so that a Joiner
// can build the blocks later, in order. One entry a line, in bytes:
//
//	uvarint(len<<3 | cuts<<1 | para)   len: the line's length in bytes
//	cuts == 1: one label index          one cut, at the line start
//	cuts == 2: uvarint(n), then n × (uvarint(offset from the cut before, or the line start), label index)
//
// A cut with the label of the cut before it on its line is left out: the
// builder does nothing with it.
type eventLog struct {
	b     []byte
	ls    int
	para  bool
	cuts  []byte // the line's cuts after the first, encoded
	n     int    // cuts of the line
	first uint8  // label index of the first cut
	at    int    // position of the line's last cut
	last  uint8  // label index of the line's last cut
	// A one-entry cache of labelIndex.
	cached    label
	cachedIdx uint8
}

// The head of an entry: uvarint(len<<logLenShift | cuts<<logCutsShift | logPara).
const (
	logPara      = 1 // the line starts a paragraph
	logCutsShift = 1 // cuts: 0 (none), logOneCut or logManyCuts
	logCutsMask  = 3
	logLenShift  = 3
	logOneCut    = 1 // one cut, at the line start: a label index follows
	logManyCuts  = 2 // the count, then each cut's offset and label index
)

// logLabels are the labels a cut can have; a log holds their indexes. It
// is set by initLogLabels, once classLabels is.
var logLabels []label

func initLogLabels() {
	logLabels = append(append([]label(nil), classLabels[cLatin:]...), labArabic, labUndArab, labUnd)
}

func (l *eventLog) reset() {
	l.b = l.b[:0]
	l.n = 0
	l.cached, l.cachedIdx = logLabels[0], 0
}

// labelIndex returns the index of lab in logLabels.
func (l *eventLog) labelIndex(lab label) uint8 {
	if lab == l.cached {
		return l.cachedIdx
	}
	for i, x := range logLabels {
		if x == lab {
			l.cached, l.cachedIdx = lab, uint8(i)
			return uint8(i)
		}
	}
	panic("segment: a cut of an unknown label")
}

func (l *eventLog) boundary(pos int, para bool) {
	l.ls, l.para, l.n, l.cuts = pos, para, 0, l.cuts[:0]
}

func (l *eventLog) cut(pos int, lab label) {
	k := l.labelIndex(lab)
	switch {
	case l.n == 0:
		l.first, l.at = k, pos
	case k == l.last:
		return
	default:
		if l.n == 1 {
			l.cuts = appendUvarint(l.cuts, uint64(l.at-l.ls))
			l.cuts = append(l.cuts, l.first)
		}
		l.cuts = appendUvarint(l.cuts, uint64(pos-l.at))
		l.cuts = append(l.cuts, k)
		l.at = pos
	}
	l.n++
	l.last = k
}

func (l *eventLog) advance(pos int) {
	x := uint64(pos-l.ls) << logLenShift
	if l.para {
		x |= logPara
	}
	switch {
	case l.n == 0:
		l.b = appendUvarint(l.b, x)
	case l.n == 1 && l.at == l.ls:
		l.b = appendUvarint(l.b, x|logOneCut<<logCutsShift)
		l.b = append(l.b, l.first)
	default:
		if l.n == 1 {
			l.cuts = appendUvarint(l.cuts, uint64(l.at-l.ls))
			l.cuts = append(l.cuts, l.first)
		}
		l.b = appendUvarint(l.b, x|logManyCuts<<logCutsShift)
		l.b = appendUvarint(l.b, uint64(l.n))
		l.b = append(l.b, l.cuts...)
	}
	l.n = 0
}

// replay makes b do what the log recorded, for a text that starts at off.
func replay(b *builder, log []byte, off int) {
	pos := off
	for i := 0; i < len(log); {
		x, w := uvarint(log[i:])
		i += w
		b.boundary(pos, x&logPara != 0)
		switch x >> logCutsShift & logCutsMask {
		case logOneCut:
			b.cut(pos, logLabels[log[i]])
			i++
		case logManyCuts:
			n, w := uvarint(log[i:])
			i += w
			at := pos
			for range n {
				d, w := uvarint(log[i:])
				at += int(d)
				b.cut(at, logLabels[log[i+w]])
				i += w + 1
			}
		}
		pos += int(x >> logLenShift)
		b.advance(pos)
	}
}

// skipLines returns the rest of the log after the lines that end at or
// before to (the first line ending there).
func skipLines(log []byte, to int) []byte {
	pos := 0
	i := 0
	for i < len(log) && pos < to {
		x, w := uvarint(log[i:])
		i += w
		switch x >> logCutsShift & logCutsMask {
		case logOneCut:
			i++
		case logManyCuts:
			n, w := uvarint(log[i:])
			i += w
			for range n {
				_, w := uvarint(log[i:])
				i += w + 1
			}
		}
		pos += int(x >> logLenShift)
	}
	return log[i:]
}

// appendUvarint appends x as an unsigned varint, as encoding/binary does.
func appendUvarint(b []byte, x uint64) []byte {
	for x >= 0x80 {
		b = append(b, byte(x)|0x80)
		x >>= 7
	}
	return append(b, byte(x))
}

// uvarint decodes an unsigned varint and returns it and its length.
func uvarint(b []byte) (uint64, int) {
	var x uint64
	var s uint
	for i, c := range b {
		if c < 0x80 {
			return x | uint64(c)<<s, i + 1
		}
		x |= uint64(c&0x7F) << s
		s += 7
	}
	return x, len(b)
}
