package bidi

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/langsplit/langsplit/internal/textgen"
	"golang.org/x/text/transform"
)

// TestNoFalseRepair checks the first promise of the visual-order repair: it
// changes no line of logical text. Every document of the dev and realdev
// sets, and generated text (8 MiB; 64 MiB with LANGSPLIT_LONG=1), comes out
// of the default fa normalizer exactly as with NoVisualRepair.
func TestNoFalseRepair(t *testing.T) {
	lines := 0
	for _, set := range []string{"dev", "realdev"} {
		dir := sharedDir(t, filepath.Join("eval", set, "docs"))
		files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no documents in %s: %v", dir, err)
		}
		for _, f := range files {
			doc, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			lines += noFalseRepair(t, filepath.Base(f), doc)
		}
	}
	size := 8 << 20
	if os.Getenv("LANGSPLIT_LONG") == "1" {
		size = 64 << 20
	}
	for i, kind := range []textgen.Kind{textgen.Mixed, textgen.Persian} {
		lines += noFalseRepair(t, "textgen", textgen.Bytes(kind, size/2, uint64(i+1)))
	}
	t.Logf("lines examined: %d (generated text: %d MiB)", lines, size>>20)
}

// noFalseRepair compares the repairing and the plain normalizer on doc,
// through Bytes and through a transform.Reader, and returns its lines.
func noFalseRepair(t *testing.T, name string, doc []byte) int {
	t.Helper()
	n := New("fa", Options{})
	plain := New("fa", Options{NoVisualRepair: true}).Bytes(doc)
	if got := n.Bytes(doc); !bytes.Equal(got, plain) || n.RepairedLines() != 0 {
		gl, pl := bytes.Split(got, []byte("\n")), bytes.Split(plain, []byte("\n"))
		for i := range min(len(gl), len(pl)) {
			if !bytes.Equal(gl[i], pl[i]) {
				t.Errorf("%s: line %d changed by the repair: %q → %q", name, i+1, pl[i], gl[i])
				break
			}
		}
		t.Errorf("%s: %d lines repaired", name, n.RepairedLines())
	}
	got, err := io.ReadAll(transform.NewReader(bytes.NewReader(doc), New("fa", Options{})))
	if err != nil || !bytes.Equal(got, plain) {
		t.Errorf("%s: through a transform.Reader: err %v, equal %v", name, err, bytes.Equal(got, plain))
	}
	return bytes.Count(doc, []byte("\n"))
}
