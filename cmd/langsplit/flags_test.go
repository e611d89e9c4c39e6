package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/spf13/pflag"
	"golang.org/x/text/encoding/charmap"
	utf16enc "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/runes"

	"github.com/langsplit/langsplit/internal/decode"
	"github.com/langsplit/langsplit/segment"
)

// The hand-written help lists every flag that the parser defines.
func TestHelpListsEveryFlag(t *testing.T) {
	for _, args := range [][]string{nil, {"normalize"}, {"report"}} {
		cfg, err := parseArgs(args)
		if err != nil {
			t.Fatal(err)
		}
		cfg.flags.VisitAll(func(f *pflag.Flag) {
			if !strings.Contains(cfg.helpMessage, "--"+f.Name+" ") && !strings.Contains(cfg.helpMessage, "--"+f.Name+"\n") {
				t.Errorf("%v: --help does not list --%s", args, f.Name)
			}
			if f.Shorthand != "" && !strings.Contains(cfg.helpMessage, "-"+f.Shorthand+", --"+f.Name) {
				t.Errorf("%v: --help does not list -%s", args, f.Shorthand)
			}
		})
	}
}

func TestParseArgs(t *testing.T) {
	cfg, err := parseArgs([]string{"-o", "out", "--max-inline", "0", "--max-block", "8MiB", "--langs", "fa, und-Cyrl",
		"--encoding", "UTF-16", "--invalid", "replace", "-j", "3", "--input-format", "jsonl", "a", "-"})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.split.Segment != (segment.Options{MaxInline: -1, MaxBlock: 8 << 20}) {
		t.Errorf("segment options %+v", cfg.split.Segment)
	}
	if !cfg.split.Langs["fa"] || !cfg.split.Langs["und-Cyrl"] || len(cfg.split.Langs) != 2 {
		t.Errorf("langs %v", cfg.split.Langs)
	}
	if cfg.dec != (decode.Options{Encoding: decode.UTF16, Invalid: decode.InvalidReplace}) || cfg.jobs != 3 || cfg.format != "jsonl" {
		t.Errorf("config %+v", cfg)
	}
	if strings.Join(cfg.args, " ") != "a -" {
		t.Errorf("args %q", cfg.args)
	}
	cfg, err = parseArgs([]string{"split", "x"})
	if err != nil || cfg.normalize || cfg.split.Segment.MaxInline != segment.DefaultMaxInline || cfg.split.Langs != nil || cfg.format != "auto" || cfg.docSummary {
		t.Errorf("defaults: %+v %v", cfg, err)
	}
	var ue *usageError
	if _, err := parseArgs([]string{"--max-block", "0"}); !errors.As(err, &ue) {
		t.Errorf("--max-block 0: %v", err)
	}
	for _, big := range []string{"2GiB", "9999999G"} { // sizes themselves: internal/cliflag
		if _, err := parseArgs([]string{"--max-block", big}); !errors.As(err, &ue) {
			t.Errorf("--max-block %s: %v", big, err)
		}
	}
	if cfg, err := parseArgs([]string{"--max-block", "512K"}); err != nil || cfg.split.Segment.MaxBlock != 512<<10 {
		t.Errorf("--max-block 512K: %v", err)
	}
}

// The normalize plumbing (first pass, decoding, transformer, stdout) with a
// stand-in transformer, until bidi is wired.
func TestNormalizePlumbing(t *testing.T) {
	dir := t.TempDir()
	text := "Hello, سلام.\nSecond line.\n"
	u16, err := utf16enc.UTF16(utf16enc.LittleEndian, utf16enc.UseBOM).NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	cp, _ := charmap.Windows1256.NewEncoder().Bytes([]byte("Third: ويندوز.\n"))
	files := map[string][]byte{"a.txt": u16, "b.txt": cp, "bad.txt": []byte("x\xffy")}
	for name, b := range files {
		os.WriteFile(filepath.Join(dir, name), b, 0o666)
	}
	cfg, err := parseArgs([]string{"normalize"})
	if err != nil {
		t.Fatal(err)
	}
	var stderr, out bytes.Buffer
	r := &runner{cfg: cfg, stderr: &stderr}
	if r.pipe, err = newPipe(cfg); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	list, tmp, _, ok := r.checked(ctx, []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "bad.txt"), filepath.Join(dir, "b.txt")})
	if !ok {
		t.Fatal("the first passes stopped the run")
	}
	defer tmp.Remove()
	lr, err := list.reader(r)
	if err != nil {
		t.Fatal(err)
	}
	r.normalizeTo(ctx, &out, lr, runes.Map(unicode.ToUpper))
	lr.close()
	list.close()
	if want := strings.ToUpper(text) + "THIRD: ويندوز.\n"; out.String() != want {
		t.Fatalf("got %q, want %q", out.String(), want)
	}
	if r.failed.Load() != 1 || !strings.Contains(stderr.String(), "bad.txt: invalid UTF-8 at byte offset 1") {
		t.Fatalf("failures %d, stderr %q", r.failed.Load(), stderr.String())
	}
}
