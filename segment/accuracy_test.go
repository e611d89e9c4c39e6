package segment

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// devSet is the labeled dev set, next to the project in CI.
const devSet = "../../shared/eval/dev"

// TestAccuracy segments the dev set, scores it with the shared scorer and
// asserts the floors of issue 3: letter accuracy ≥ 0.999 overall, for en and
// for fa, ≥ 0.99 for ar; boundary F1 ≥ 0.99; no uncovered or overlapping bytes.
func TestAccuracy(t *testing.T) {
	if testing.Short() {
		t.Skip("scores the dev set with go run; skipped in -short")
	}
	dev, err := filepath.Abs(devSet)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dev, "docs")); err != nil {
		t.Skipf("dev set not found at %s (it is present in CI): %v", dev, err)
	}
	pred := t.TempDir()
	docs, err := filepath.Glob(filepath.Join(dev, "docs", "*.txt"))
	if err != nil || len(docs) == 0 {
		t.Fatalf("no documents in %s: %v", dev, err)
	}
	for _, d := range docs {
		text, err := os.ReadFile(d)
		if err != nil {
			t.Fatal(err)
		}
		var sb strings.Builder
		enc := json.NewEncoder(&sb)
		for _, b := range Segment(string(text)) {
			if err := enc.Encode(map[string]any{"start": b.Start, "end": b.End, "lang": b.Lang}); err != nil {
				t.Fatal(err)
			}
		}
		name := strings.TrimSuffix(filepath.Base(d), ".txt") + ".jsonl"
		if err := os.WriteFile(filepath.Join(pred, name), []byte(sb.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "run", ".", "-docs", filepath.Join(dev, "docs"), "-truth", filepath.Join(dev, "truth"), "-pred", pred)
	cmd.Dir = filepath.Join(dev, "..", "score")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("scorer: %v\n%s", err, out)
	}
	t.Logf("scorer output:\n%s", out)
	all := regexp.MustCompile(`(?m)^ALL .*$`).Find(out)
	if all == nil {
		t.Fatalf("no ALL line in scorer output")
	}
	field := func(re string) float64 {
		m := regexp.MustCompile(re).FindSubmatch(all)
		if m == nil {
			t.Fatalf("scorer ALL line has no %s: %s", re, all)
		}
		v, err := strconv.ParseFloat(string(m[1]), 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	floors := []struct {
		name, re string
		min      float64
	}{
		{"letter accuracy", `letter_acc=([0-9.]+)`, 0.999},
		{"en letters", `\ben=([0-9.]+)`, 0.999},
		{"fa letters", `\bfa=([0-9.]+)`, 0.999},
		{"ar letters", `\bar=([0-9.]+)`, 0.99},
		{"boundary F1", `F1=([0-9.]+)`, 0.99},
	}
	for _, f := range floors {
		if v := field(f.re); v < f.min {
			t.Errorf("%s = %.4f, want ≥ %.4f", f.name, v, f.min)
		}
	}
	for _, z := range []string{`uncovered_bytes=(\d+)`, `overlap_bytes=(\d+)`, `bad_ranges=(\d+)`} {
		if v := field(z); v != 0 {
			t.Errorf("%s: %v, want 0", z, v)
		}
	}
	fmt.Fprint(os.Stderr, "")
}
