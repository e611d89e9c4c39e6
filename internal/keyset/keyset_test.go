package keyset

import (
	"math/rand/v2"
	"testing"
)

// A Map gives back every key's value, 0 and false for keys it does not
// hold, at every size from empty to past a table doubling, with keys that
// are hashes and keys that are small packed numbers (which collide in the
// low bits).
func TestMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 15, 16, 17, 100, 1000, 5000} {
		for _, packed := range []bool{false, true} {
			m := map[uint64]uint16{}
			for len(m) < n {
				k := rng.Uint64()
				if packed {
					k = uint64(len(m)+1) << 8
				}
				if k != 0 {
					m[k] = uint16(rng.UintN(1 << 16))
				}
			}
			s := New(m)
			if s.Len() != n {
				t.Fatalf("n=%d: Len %d", n, s.Len())
			}
			for k, v := range m {
				if got := s.Get(k); got != v || !s.Has(k) {
					t.Fatalf("n=%d packed=%v: Get(%#x) = %d, Has %v; want %d, true", n, packed, k, got, s.Has(k), v)
				}
			}
			for range 1000 {
				k := rng.Uint64() | 1 // packed keys are multiples of 256: odd keys are absent
				if _, in := m[k]; in {
					continue
				}
				if s.Get(k) != 0 || s.Has(k) {
					t.Fatalf("n=%d: absent key %#x found", n, k)
				}
			}
		}
	}
}

func TestZeroKey(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("New accepted the zero key")
		}
	}()
	New(map[uint64]uint16{0: 1})
}

// Lookups do not allocate.
func TestGetAllocs(t *testing.T) {
	s := New(map[uint64]uint16{1: 1, 2: 2, 3: 3})
	if a := testing.AllocsPerRun(100, func() { s.Get(2); s.Has(4) }); a != 0 {
		t.Fatalf("%v allocations a lookup", a)
	}
}
