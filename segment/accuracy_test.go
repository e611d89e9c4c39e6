package segment

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The labelled dev sets, next to the project in CI.
const (
	devSet     = "../../shared/eval/dev"     // 200 synthetic documents
	realDevSet = "../../shared/eval/realdev" // 34 real documents, labelled by hand
)

// floor is a minimum the shared scorer's output must reach: the field re
// (one number in a submatch) on the line that starts with line.
type floor struct {
	line, name, re string
	min            float64
}

// TestAccuracy segments the synthetic dev set, scores it with the shared
// scorer and asserts the floors of issue 3: letter accuracy ≥ 0.999
// overall, for en and for fa, ≥ 0.99 for ar; boundary F1 ≥ 0.99; no
// uncovered or overlapping bytes.
func TestAccuracy(t *testing.T) {
	scoreSet(t, devSet, []floor{
		{"ALL", "letter accuracy", `letter_acc=([0-9.]+)`, 0.999},
		{"ALL", "en letters", `\ben=([0-9.]+)`, 0.999},
		{"ALL", "fa letters", `\bfa=([0-9.]+)`, 0.999},
		{"ALL", "ar letters", `\bar=([0-9.]+)`, 0.99},
		{"ALL", "boundary F1", `F1=([0-9.]+)`, 0.99},
	})
}

// TestAccuracyReal does the same on the real documents of realdev and
// asserts the floors of issue 12: letter accuracy ≥ 0.998 overall and
// boundary F1 ≥ 0.97 in each of its two categories (the GIMP manual in
// Persian DocBook, and Persian TeX user guides with code).
func TestAccuracyReal(t *testing.T) {
	scoreSet(t, realDevSet, []floor{
		{"ALL", "letter accuracy", `letter_acc=([0-9.]+)`, 0.998},
		{"real_gimp", "real_gimp boundary F1", `F1=([0-9.]+)`, 0.97},
		{"real_prose", "real_prose boundary F1", `F1=([0-9.]+)`, 0.97},
	})
}

// scoreSet segments every document of the labelled set at dir, runs the
// shared scorer on the blocks and checks the floors, and that no byte is
// left uncovered or covered twice.
func scoreSet(t *testing.T, dir string, floors []floor) {
	t.Helper()
	if testing.Short() {
		t.Skip("scores a dev set with go run; skipped in -short")
	}
	set, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(set, "docs")); err != nil {
		t.Skipf("dev set not found at %s (it is present in CI): %v", set, err)
	}
	pred := t.TempDir()
	docs, err := filepath.Glob(filepath.Join(set, "docs", "*.txt"))
	if err != nil || len(docs) == 0 {
		t.Fatalf("no documents in %s: %v", set, err)
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
	cmd := exec.Command("go", "run", ".", "-docs", filepath.Join(set, "docs"), "-truth", filepath.Join(set, "truth"), "-pred", pred)
	cmd.Dir = filepath.Join(set, "..", "score")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("scorer: %v\n%s", err, out)
	}
	t.Logf("scorer output:\n%s", out)
	field := func(line, re string) float64 {
		l := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(line) + ` .*$`).Find(out)
		if l == nil {
			t.Fatalf("no %s line in scorer output", line)
		}
		m := regexp.MustCompile(re).FindSubmatch(l)
		if m == nil {
			t.Fatalf("scorer %s line has no %s: %s", line, re, l)
		}
		v, err := strconv.ParseFloat(string(m[1]), 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, f := range floors {
		if v := field(f.line, f.re); v < f.min {
			t.Errorf("%s = %.4f, want ≥ %.4f", f.name, v, f.min)
		}
	}
	for _, z := range []string{`uncovered_bytes=(\d+)`, `overlap_bytes=(\d+)`, `bad_ranges=(\d+)`} {
		if v := field("ALL", z); v != 0 {
			t.Errorf("%s: %v, want 0", z, v)
		}
	}
}
