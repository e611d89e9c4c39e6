package extsort

import (
	"cmp"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"testing"
)

// Sorting through runs gives what a stable in-memory sort gives, and
// leaves no file behind.
func TestSorted(t *testing.T) {
	for _, budget := range []int{1 << 30, 1 << 10, 1} {
		dir := t.TempDir()
		rng := rand.New(rand.NewPCG(1, uint64(budget)))
		s := New(dir, budget)
		var want []Record
		for i := range 2000 {
			r := Record{Key: strconv.Itoa(rng.IntN(300)), Val: "v" + strconv.Itoa(i)}
			if i%7 == 0 {
				r.Key = "" // empty keys and values are records too
			}
			want = append(want, r)
			if err := s.Add(r.Key, r.Val); err != nil {
				t.Fatal(err)
			}
		}
		slices.SortStableFunc(want, func(a, b Record) int { return cmp.Compare(a.Key, b.Key) })
		it, err := s.Sorted()
		if err != nil {
			t.Fatal(err)
		}
		var got []Record
		for r, ok := it.Next(); ok; r, ok = it.Next() {
			got = append(got, r)
		}
		if err := it.Close(); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("budget %d: records differ from a stable sort", budget)
		}
		if budget < 1<<20 && len(s.runs) < 2 {
			t.Fatalf("budget %d: %d runs, want the records spilled", budget, len(s.runs))
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Fatalf("budget %d: %d files left behind", budget, len(left))
		}
	}
}
