package htmltext

// Map maps byte offsets of the extracted text back to byte offsets of the
// source page. It is a queue of runs: n units, each of which produced out
// bytes of text from src bytes of the source. Markup, and text a browser
// does not show, is a unit with no text (out 0); a line break the page's
// structure implies is a unit with no source (src 0); an entity is one
// unit; plain UTF-8 text is a run of one-byte units, Windows-1256 letters
// a run of units of two text bytes from one source byte.
//
// The reader of the text asks for the source offset of each block
// boundary in increasing order (Boundary); the runs before it are then
// dropped, so the Map holds only the runs of the text read ahead and not
// yet asked about.
type Map struct {
	units []unit
	head  int   // first live unit
	k     int64 // units of units[head] already passed
	out   int64 // text offset at the cursor
	src   int64 // source offset at the cursor
}

type unit struct {
	n, out, src int64
}

// add appends n units of out text bytes and src source bytes each.
func (m *Map) add(n, out, src int64) {
	if n == 0 || out == 0 && src == 0 {
		return
	}
	if l := len(m.units) - 1; l >= m.head {
		last := &m.units[l]
		switch {
		case out == 0 && last.out == 0:
			last.src += n * src
			return
		case last.out == out && last.src == src && out != 0:
			last.n += n
			return
		}
	}
	if out == 0 {
		src, n = n*src, 1
	}
	if m.head > 0 && m.head == len(m.units) {
		m.units, m.head = m.units[:0], 0
	} else if m.head > 1024 && m.head > len(m.units)/2 {
		m.units = m.units[:copy(m.units, m.units[m.head:])]
		m.head = 0
	}
	m.units = append(m.units, unit{n, out, src})
}

// Boundary returns, for the text offset x of a boundary between two
// blocks (or the end of the text), the source offset where the block
// before it ends and where the block after it starts. Markup at the
// boundary belongs to neither. A unit that x falls inside (an entity that
// produced several characters) belongs to both. Boundaries must be asked
// for in increasing order.
func (m *Map) Boundary(x int64) (end, start int64) {
	for m.head < len(m.units) {
		u := &m.units[m.head]
		if u.out == 0 {
			if m.out >= x {
				break
			}
			m.src += u.src
			m.head++
			continue
		}
		if m.out >= x {
			break
		}
		left := u.n - m.k
		fit := min((x-m.out)/u.out, left)
		m.out += fit * u.out
		m.src += fit * u.src
		m.k += fit
		if m.k == u.n {
			m.head++
			m.k = 0
			continue
		}
		if m.out < x { // x falls inside this unit
			return m.src + u.src, m.src
		}
		break
	}
	end = m.src
	// Markup at x goes to neither block: the next one starts after it.
	for m.head < len(m.units) && m.units[m.head].out == 0 {
		m.src += m.units[m.head].src
		m.head++
	}
	return end, m.src
}

// Len returns the number of live runs, for tests of the bound.
func (m *Map) Len() int { return len(m.units) - m.head }
