package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// iter returns a Beam-style iterator over vs.
func iter[T any](vs []T) func(*T) bool {
	i := 0
	return func(v *T) bool {
		if i == len(vs) {
			return false
		}
		*v = vs[i]
		i++
		return true
	}
}

// TestWriteBundle checks the temporary files of a bundle: one per
// language, and the range of each run of an input file's records.
func TestWriteBundle(t *testing.T) {
	ctx := context.Background()
	temp := filepath.Join(t.TempDir(), tempPrefix+"x")
	f := &writeBundleFn{Temp: temp}
	f.StartBundle(ctx, nil)
	for _, c := range []Chunk{
		{File: "a", Lang: "en", Lines: []byte("a1\n")},
		{File: "a", Lang: "fa", Lines: []byte("a2\n")},
		{File: "a", Lang: "en", Lines: []byte("a3\n")},
		{File: "b", Lang: "en", Lines: []byte("b1\nb2\n")},
	} {
		if err := f.ProcessElement(ctx, c, nil); err != nil {
			t.Fatal(err)
		}
	}
	var got []TempFile
	if err := f.FinishBundle(ctx, func(tf TempFile) { got = append(got, tf) }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Lang != "en" || got[1].Lang != "fa" {
		t.Fatalf("temp files %+v: want en and fa", got)
	}
	if want := []Range{{"a", 0, 6}, {"b", 6, 12}}; !slices.Equal(got[0].Ranges, want) {
		t.Errorf("en ranges %v, want %v", got[0].Ranges, want)
	}
	b, err := os.ReadFile(got[0].Name)
	if err != nil || string(b) != "a1\na3\nb1\nb2\n" || !strings.HasPrefix(got[0].Name, temp+"/") {
		t.Errorf("%s: %q %v", got[0].Name, b, err)
	}
}

// TestFinalize checks the last step: files moved into place and numbered
// per language, a failed file's records cut out, a temporary file holding
// only failed files' records and the files of a failed bundle attempt
// removed with the temporary folder; and that a retried step succeeds.
func TestFinalize(t *testing.T) {
	ctx := context.Background()
	out := t.TempDir()
	temp := filepath.Join(out, tempPrefix+"x")
	files := map[string]string{
		"1-en.jsonl":      "a1\nb1\nb2\nc1\n",
		"2-en.jsonl":      "d1\n",
		"3-fa.jsonl":      "b3\n",
		"4-en.jsonl":      "attempt that failed\n",
		"5-fa.jsonl":      "a2\n",
		"6-und-Cyrl.json": "b4\n",
	}
	os.MkdirAll(temp, 0o755)
	for n, s := range files {
		os.WriteFile(filepath.Join(temp, n), []byte(s), 0o644)
	}
	tf := func(name, lang string, r ...Range) TempFile {
		return TempFile{Lang: lang, Name: filepath.Join(temp, name), Ranges: r}
	}
	temps := []TempFile{
		tf("2-en.jsonl", "en", Range{"d", 0, 3}),
		tf("1-en.jsonl", "en", Range{"a", 0, 3}, Range{"b", 3, 9}, Range{"c", 9, 12}),
		tf("3-fa.jsonl", "fa", Range{"b", 0, 3}),
		tf("5-fa.jsonl", "fa", Range{"a", 0, 3}),
		tf("6-und-Cyrl.json", "und-Cyrl", Range{"b", 0, 3}),
	}
	f := &finalizeFn{Output: out, Temp: temp}
	for attempt := range 2 {
		var written []string
		err := f.ProcessElement(ctx, 0, iter(temps), iter([]string{"b"}), func(s string) { written = append(written, s) })
		if err != nil {
			t.Fatalf("attempt %d: %v", attempt, err)
		}
		want := []string{out + "/en/part-00000-of-00002.jsonl", out + "/en/part-00001-of-00002.jsonl", out + "/fa/part-00000-of-00001.jsonl"}
		if !slices.Equal(written, want) {
			t.Errorf("attempt %d: written %q, want %q", attempt, written, want)
		}
		for name, content := range map[string]string{
			"en/part-00000-of-00002.jsonl": "a1\nc1\n", // 1-en without b
			"en/part-00001-of-00002.jsonl": "d1\n",
			"fa/part-00000-of-00001.jsonl": "a2\n",
		} {
			if b, err := os.ReadFile(filepath.Join(out, name)); err != nil || string(b) != content {
				t.Errorf("attempt %d: %s: %q %v, want %q", attempt, name, b, err, content)
			}
		}
		var left []string
		filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				rel, _ := filepath.Rel(out, p)
				left = append(left, rel)
			}
			return err
		})
		if len(left) != 3 {
			t.Errorf("attempt %d: files %q, want the 3 shards only", attempt, left)
		}
		if _, err := os.Stat(temp); !os.IsNotExist(err) {
			t.Errorf("attempt %d: temporary folder left: %v", attempt, err)
		}
	}
}
