package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/langsplit/langsplit/segment"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fakeNormalize stands in for the bidi normalizer in these tests: it folds
// Arabic kaf and yeh and drops RLM in Persian blocks.
func fakeNormalize(lang string, b []byte) []byte {
	if lang != "fa" {
		return b
	}
	return []byte(strings.NewReplacer("ك", "ک", "ي", "ی", "\u200f", "").Replace(string(b)))
}

// testOptions are the report's options and whether to show the changes
// of fakeNormalize.
type testOptions struct {
	Options
	showChanges bool
}

// render writes a report of the named documents.
func render(t *testing.T, opts testOptions, names ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := New(&buf, opts.Options)
	if err := w.Begin(names); err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		text, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := w.StartDocument(name); err != nil {
			t.Fatal(err)
		}
		for i, b := range segment.Segment(string(text)) {
			raw := text[b.Start:b.End]
			var normalized []byte
			if opts.showChanges {
				normalized = fakeNormalize(b.Lang, raw)
			}
			if err := w.Block(i+1, b, raw, normalized); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.EndDocument(nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/report -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the report written now; run with -update if the change is meant", path)
	}
}

func TestGolden(t *testing.T) {
	for _, c := range []struct {
		golden string
		opts   testOptions
		docs   []string
	}{
		{"rtl.golden.html", testOptions{}, []string{"rtl.txt"}},
		{"mixed_lines.golden.html", testOptions{}, []string{"mixed_lines.txt"}},
		{"injection.golden.html", testOptions{}, []string{"injection.txt"}},
		{"changes.golden.html", testOptions{showChanges: true}, []string{"changes.txt"}},
		{"several.golden.html", testOptions{Options: Options{Title: "three documents"}}, []string{"rtl.txt", "mixed_lines.txt", "injection.txt"}},
		{"truncated.golden.html", testOptions{Options: Options{MaxDocBytes: 100}}, []string{"rtl.txt"}},
	} {
		t.Run(c.golden, func(t *testing.T) {
			got := render(t, c.opts, c.docs...)
			golden(t, c.golden, got)
		})
	}
}

// TestEscaping checks that markup in the input shows as text: no tag of the
// input survives, and its text is there escaped.
func TestEscaping(t *testing.T) {
	out := string(render(t, testOptions{}, "injection.txt"))
	for _, bad := range []string{"<script", "<img", "</div></article> را"} {
		if strings.Contains(out, bad) {
			t.Errorf("report contains %q from the input unescaped", bad)
		}
	}
	for _, want := range []string{"&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;", "&amp;amp;"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks the escaped input %q", want)
		}
	}
}

// TestBlocksMarked checks that every block becomes one element with the
// block's lang and dir, in order.
func TestBlocksMarked(t *testing.T) {
	text, err := os.ReadFile("testdata/rtl.txt")
	if err != nil {
		t.Fatal(err)
	}
	blocks := segment.Segment(string(text))
	out := string(render(t, testOptions{}, "rtl.txt"))
	if n := strings.Count(out, `<div class="blk `); n != len(blocks) {
		t.Fatalf("%d block elements, want %d", n, len(blocks))
	}
	rest := out
	for _, b := range blocks {
		attr := `lang="` + b.Lang + `" dir="` + b.Dir.String() + `"`
		i := strings.Index(rest, attr)
		if i < 0 {
			t.Fatalf("no element with %s after the previous block", attr)
		}
		rest = rest[i+len(attr):]
	}
}

// TestTruncated checks the note and that hidden blocks still count.
func TestTruncated(t *testing.T) {
	out := string(render(t, testOptions{Options: Options{MaxDocBytes: 100}}, "rtl.txt"))
	if !strings.Contains(out, "cut short") {
		t.Fatal("no truncation note")
	}
	if strings.Contains(out, "closing paragraph") {
		t.Fatal("text past the cap is shown")
	}
	if !strings.Contains(out, "<td> en</td>") && !strings.Contains(out, "</span> en</td>") {
		t.Fatal("the legend lacks the hidden English block")
	}
}

// TestChanges checks the before/after view: the folded letters and the
// dropped RLM are marked.
func TestChanges(t *testing.T) {
	out := string(render(t, testOptions{showChanges: true}, "changes.txt"))
	for _, want := range []string{"<del>ك</del>", "<ins>ک</ins>", `<del class="inv" title="U&#43;200F">RLM</del>`} {
		if !strings.Contains(out, want) {
			t.Errorf("change view lacks %q", want)
		}
	}
	if strings.Count(out, "<details") != 1 {
		t.Errorf("want one change view (the English block is unchanged)")
	}
}
