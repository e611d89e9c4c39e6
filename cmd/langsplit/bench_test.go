package main

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/langsplit/langsplit/internal/textgen"
)

// BenchmarkCLI runs the whole command in process on 16 MiB of generated
// mixed text: JSON Lines to /dev/null, and -o with --by-lang. Run it with
// -cpu 1 for the one-core figure.
func BenchmarkCLI(b *testing.B) {
	dir := b.TempDir()
	in := filepath.Join(dir, "in.txt")
	if err := os.WriteFile(in, textgen.Bytes(textgen.Mixed, 16<<20, 1), 0o666); err != nil {
		b.Fatal(err)
	}
	fi, _ := os.Stat(in)
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	defer null.Close()
	stdin, err := os.Open(os.DevNull)
	if err != nil {
		b.Fatal(err)
	}
	defer stdin.Close()
	for _, mode := range []struct {
		name string
		args func(i int) []string
	}{
		{"jsonl", func(int) []string { return []string{"-q", in} }},
		{"by-lang", func(i int) []string {
			return []string{"-q", "--by-lang", "-f", "-o", filepath.Join(dir, "out"+strconv.Itoa(i%2)), in}
		}},
	} {
		b.Run(mode.name, func(b *testing.B) {
			b.SetBytes(fi.Size())
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if code := run(mode.args(i), stdin, null, null); code != 0 {
					b.Fatalf("exit %d", code)
				}
				i++
			}
		})
	}
}
