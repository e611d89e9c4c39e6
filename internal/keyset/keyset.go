// Package keyset is a small hash map of nonzero uint64 keys to uint16
// values, built once and then only read: the word tables of segment (word
// hashes and packed letters with their evidence) and bidi (its function
// words) are such maps. Open addressing with linear probing, at most a
// quarter full, so that a lookup is a multiply, a shift and one or two
// loads, and never allocates.
//
// It imports nothing, so that segment and bidi may both use it.
package keyset

// Map maps nonzero uint64 keys to uint16 values. Make one with New.
type Map struct {
	keys []uint64
	vals []uint16
	mask uint64
	n    int
}

// New builds a Map of m. It panics on the key 0, which marks an empty
// slot.
func New(m map[uint64]uint16) *Map {
	n := 64
	for n < 4*len(m) {
		n <<= 1
	}
	s := &Map{keys: make([]uint64, n), vals: make([]uint16, n), mask: uint64(n - 1), n: len(m)}
	for k, v := range m {
		if k == 0 {
			panic("keyset: the zero key")
		}
		for i := slot(k, s.mask); ; i = (i + 1) & s.mask {
			if s.keys[i] == 0 {
				s.keys[i], s.vals[i] = k, v
				break
			}
		}
	}
	return s
}

// slot is where key k is first looked for: its high bits after a
// multiplicative mix (keys may be packed letters, not hashes).
func slot(k, mask uint64) uint64 { return (k * 0x9E3779B97F4A7C15) >> 40 & mask }

// Get returns the value of k, or 0 if k is not in the map.
//
// Whether k is in the map is as likely as not for the word tables, so Get
// does not branch on it: a probe stops at k or at an empty slot (nearly
// always the first probe: a branch the processor predicts), and the value
// is then kept or zeroed by a conditional move.
func (s *Map) Get(k uint64) uint16 {
	for i := slot(k, s.mask); ; i = (i + 1) & s.mask {
		if key, v := s.keys[i], s.vals[i]; min(key^k, key) == 0 { // key == k || key == 0, in one branch
			if key != k {
				v = 0
			}
			return v
		}
	}
}

// Has reports whether k is in the map (whatever its value).
func (s *Map) Has(k uint64) bool {
	for i := slot(k, s.mask); ; i = (i + 1) & s.mask {
		switch s.keys[i] {
		case k:
			return true
		case 0:
			return false
		}
	}
}

// Len returns the number of keys in the map.
func (s *Map) Len() int { return s.n }
