package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	beamlog "github.com/apache/beam/sdks/v2/go/pkg/beam/log"

	"github.com/langsplit/langsplit/beam/pipeline"
	"github.com/langsplit/langsplit/internal/decode"
)

// TestMain initializes Beam as main does with --quiet; run executes
// pipelines on prism, in this process.
func TestMain(m *testing.M) {
	flag.Parse()
	beamlog.LogLevel = "warn"
	beam.Init()
	os.Exit(m.Run())
}

// parseArgs parses args as main does, on a fresh flag set.
func parseArgs(t *testing.T, args ...string) (*config, []string) {
	t.Helper()
	fs := flag.NewFlagSet("langsplit-beam", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c := define(fs)
	rest, err := parse(fs, c, args)
	if err != nil {
		t.Fatalf("%q: %v", args, err)
	}
	return c, rest
}

func TestOptions(t *testing.T) {
	c, rest := parseArgs(t, "--input", "a/*.txt", "-input", "b", "--output", "out", "--langs", "fa, en",
		"--max-block", "64KiB", "--max-inline", "0", "--encoding", "cp1256", "--invalid", "replace",
		"--input-format", "jsonl", "--raw", "--digits", "latin", "c.txt")
	o, err := c.options(rest)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(o.Inputs, " ") != "a/*.txt b c.txt" || o.Output != "out" || o.Format != "jsonl" || !o.Split.Raw ||
		len(o.Split.Langs) != 2 || !o.Split.Langs["fa"] || !o.Split.Langs["en"] ||
		o.Split.Segment.MaxBlock != 64<<10 || o.Split.Segment.MaxInline != -1 ||
		o.Decode.Encoding != decode.Windows1256 || o.Decode.Invalid != decode.InvalidReplace || o.Split.Policy.Digits != "latin" {
		t.Errorf("options %+v", o)
	}
	// Defaults are the CLI's.
	c, rest = parseArgs(t, "--output", "out", "in")
	o, err = c.options(rest)
	if err != nil {
		t.Fatal(err)
	}
	if o.Split.Langs != nil || o.Split.Segment.MaxBlock != 4<<20 || o.Split.Segment.MaxInline != 3 ||
		o.Decode != (decode.Options{}) || o.Split.Raw || o.Format != "auto" || o.DocSummary || o.Split.Policy.Digits != "keep" {
		t.Errorf("default options %+v", o)
	}

	for _, c := range []struct {
		args []string
		err  string
	}{
		{[]string{"--output", "o"}, "no input"},
		{[]string{"in"}, "--output DIR is required"},
		{[]string{"--output", "o", "--langs", "xx", "in"}, `invalid language "xx"`},
		{[]string{"--output", "o", "--langs", "", "in"}, `invalid language ""`},
		{[]string{"--output", "o", "--max-block", "1K", "in"}, "invalid --max-block"},
		{[]string{"--output", "o", "--max-inline", "-1", "in"}, "invalid --max-inline"},
		{[]string{"--output", "o", "--encoding", "latin1", "in"}, "unknown encoding"},
		{[]string{"--output", "o", "--invalid", "drop", "in"}, "unknown --invalid"},
		{[]string{"--output", "o", "--digits", "roman", "in"}, "invalid --digits"},
		{[]string{"--output", "o", "--input-format", "csv", "in"}, "invalid --input-format"},
	} {
		cfg, rest := parseArgs(t, c.args...)
		if _, err := cfg.options(rest); err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("%q: error %v, want %q", c.args, err, c.err)
		}
	}
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if _, err := parse(fs, define(fs), []string{"--max-block", "lots"}); err == nil {
		t.Error("--max-block lots: no error")
	}
}

// TestRun runs the command on prism: its summary, its exit status for a bad
// input, and its refusal to overwrite an earlier output without --force.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	const en, fa = "Hello world. This is English.\n\n", "این یک متن فارسی است.\n"
	os.WriteFile(filepath.Join(in, "a.txt"), []byte(en+fa), 0o644)
	os.WriteFile(filepath.Join(in, "bad.txt"), []byte("abc \xff\xfe\xfd\n"), 0o644)
	out := filepath.Join(dir, "out")

	exec := func(args ...string) (int, string) {
		c, rest := parseArgs(t, args...)
		var stderr bytes.Buffer
		code := run(context.Background(), c, rest, &stderr)
		return code, stderr.String()
	}
	code, stderr := exec("--output", out, "--input", filepath.Join(in, "*.txt"))
	if code != 1 {
		t.Fatalf("exit %d, want 1 (bad.txt)\n%s", code, stderr)
	}
	for _, want := range []string{
		"langsplit-beam: " + filepath.Join(in, "bad.txt") + ": invalid UTF-8 at byte offset 4 (see --encoding and --invalid)\n",
		fmt.Sprintf("langsplit-beam: en: 1 block, %d B\n", len(en)),
		fmt.Sprintf("langsplit-beam: fa: 1 block, %d B\n", len(fa)),
		fmt.Sprintf("langsplit-beam: 1 file split, 1 failed, 0 binary skipped, 0 with bad documents skipped; %d B read\n", len(en+fa)),
		"langsplit-beam: 1 input was not split: see " + out + "/errors.jsonl\n",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	for _, name := range []string{"en/part-00000-of-00001.jsonl", "fa/part-00000-of-00001.jsonl", pipeline.SummaryFile, pipeline.ErrorsFile} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Error(err)
		}
	}

	code, stderr = exec("--output", out, "--quiet", in+"/a.txt")
	if code != 2 || !strings.Contains(stderr, "output exists in "+out+": en/part-00000-of-00001.jsonl, errors.jsonl, fa/part-00000-of-00001.jsonl, summary.json (use --force") {
		t.Errorf("second run: exit %d, want 2 and a message\n%s", code, stderr)
	}
	code, stderr = exec("--output", out, "--quiet", "--force", "--langs", "fa", in+"/a.txt")
	if code != 0 || stderr != "" {
		t.Errorf("--force --quiet: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "en")); err == nil {
		t.Error("--force left the en records of the run before")
	}
	b, err := os.ReadFile(filepath.Join(out, "fa", "part-00000-of-00001.jsonl"))
	if err != nil || !strings.HasPrefix(string(b), `{"source":"`+in+`/a.txt","block":2,"lang":"fa",`) {
		t.Errorf("fa records %q, %v", b, err)
	}

	if code, stderr = exec("--quiet", in); code != 2 || !strings.Contains(stderr, "--output DIR is required") {
		t.Errorf("no --output: exit %d\n%s", code, stderr)
	}
}
