// Command langsplit-beam runs langsplit as an Apache Beam pipeline: it
// splits the files named by its inputs (files, globs, local directories)
// into language blocks and writes the records that `langsplit` prints in
// JSON Lines mode, sharded per language, under --output:
//
//	OUTPUT/<lang>/part-SSSSS-of-NNNNN.jsonl   records, one JSON object a line
//	OUTPUT/summary.json                       files ok/failed/binary; blocks and bytes per language
//	OUTPUT/errors.jsonl                       each input not split, with the reason
//
// The runner is chosen by --runner (default prism, in this process); the
// same binary runs on Dataflow, Flink or Spark by flags alone: see
// beam/README.md.
//
// Usage:
//
//	langsplit-beam --input 'dumps/*.txt' --output out [flags]
//	langsplit-beam --output out dumps/            (positional arguments are inputs too)
//
// Exit status: 0 ok, 1 some inputs were not split or had bad documents
// (see errors.jsonl) or the job failed, 2 usage error.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	beamlog "github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/langsplit/langsplit/beam/pipeline"
	"github.com/langsplit/langsplit/internal/cliflag"
	"github.com/langsplit/langsplit/internal/decode"
	"github.com/langsplit/langsplit/internal/pipe"
	"github.com/langsplit/langsplit/internal/split"
	"github.com/langsplit/langsplit/segment"
)

// listFlag is a repeatable string flag.
type listFlag []string

// String implements flag.Value.
func (l *listFlag) String() string { return strings.Join(*l, " ") }

// Set implements flag.Value.
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

// config is what the flags say, before validation.
type config struct {
	inputs            listFlag
	output            string
	raw               bool
	langs             string
	inputFormat       string
	encoding, invalid string
	maxInline         int
	maxBlock          cliflag.Size
	splitCap          cliflag.Size
	policy            split.Policy
	force, quiet      bool
	langsSet          bool
	docSummary        bool
}

// ourFlags are the names of the flags define declares, for the usage
// message.
var ourFlags = map[string]bool{}

// define declares the langsplit flags on fs, next to Beam's own.
func define(fs *flag.FlagSet) *config {
	before := map[string]bool{}
	fs.VisitAll(func(f *flag.Flag) { before[f.Name] = true })
	c := &config{maxBlock: cliflag.Size(segment.DefaultMaxBlock), splitCap: cliflag.Size(pipeline.DefaultSplitCap)}
	fs.Var(&c.inputs, "input", "an input `PATTERN`: a file, a glob (quote it), a local directory, or gs://bucket/glob; repeatable")
	fs.StringVar(&c.output, "output", "", "output `DIR` (a local directory or a gs:// prefix)")
	fs.BoolVar(&c.raw, "raw", false, "blocks byte for byte as in the decoded input, not normalized")
	fs.StringVar(&c.langs, "langs", "", "keep only these languages, e.g. `en,fa` (block numbers keep their gaps)")
	fs.StringVar(&c.inputFormat, "input-format", "auto", "`auto` (by extension and content), or "+pipe.FormatNames()[len("auto, "):]+" (jsonl: one {\"id\",\"text\"} object a line; warc: WARC/WET records)")
	fs.BoolVar(&c.docSummary, "doc-summary", false, "after each document's blocks, a {\"kind\":\"doc\"} record (bytes and letters per language); written to OUTPUT/doc/")
	fs.StringVar(&c.encoding, "encoding", "auto", "input encoding: `auto`, utf-8, utf-16, utf-16le, utf-16be or windows-1256")
	fs.StringVar(&c.invalid, "invalid", "error", "invalid byte sequences: `error` (the file fails, named with the offset) or replace (U+FFFD)")
	fs.IntVar(&c.maxInline, "max-inline", segment.DefaultMaxInline, "foreign words that stay inside a sentence's block (0: none)")
	fs.Var(&c.maxBlock, "max-block", "split blocks longer than `SIZE` (e.g. 4MiB; at least 4KiB); bounds a worker's memory per file")
	fs.Var(&c.splitCap, "split-cap", "split a plain UTF-8 text file larger than `SIZE` into parts of that size for different workers (records as if whole; 0: never)")
	fs.StringVar(&c.policy.Preset, "preset", "default", "Persian conventions: `default`, or hazm (adds hazm's ZWNJ and spacing rules)")
	fs.StringVar(&c.policy.Digits, "digits", "keep", "Persian digits: `keep`, fa or latin")
	fs.BoolVar(&c.policy.StripDiacritics, "strip-diacritics", false, "remove Arabic-script diacritics (harakat)")
	fs.BoolVar(&c.policy.NoVisualRepair, "no-visual-repair", false, "do not repair text left in visual order by PDF extraction")
	fs.BoolVar(&c.policy.NoAffixJoin, "no-affix-join", false, "do not join می/ها affixes with a ZWNJ")
	fs.BoolVar(&c.force, "force", false, "replace the output of an earlier run under --output")
	fs.BoolVar(&c.quiet, "quiet", false, "no summary on stderr, and only the runner's warnings")
	fs.VisitAll(func(f *flag.Flag) { ourFlags[f.Name] = !before[f.Name] })
	return c
}

// parse parses args into a config with fs, on which define has been called
// (for main, flag.CommandLine, which holds Beam's flags too); it returns
// the positional arguments.
func parse(fs *flag.FlagSet, c *config, args []string) ([]string, error) {
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "langs" {
			c.langsSet = true
		}
	})
	return fs.Args(), nil
}

// usage prints the langsplit flags, and names the main runner flags.
func usage(fs *flag.FlagSet) {
	w := fs.Output()
	fmt.Fprint(w, `langsplit-beam splits mixed English/Persian/Arabic documents into language
blocks on an Apache Beam runner, writing the records that langsplit prints
in JSON Lines mode, sharded per language:

  OUTPUT/<lang>/part-SSSSS-of-NNNNN.jsonl, OUTPUT/summary.json, OUTPUT/errors.jsonl

Usage:
  langsplit-beam --input PATTERN [--input PATTERN]... --output DIR [flags] [PATTERN]...

Flags:
`)
	fs.VisitAll(func(f *flag.Flag) {
		if !ourFlags[f.Name] {
			return
		}
		name, help := flag.UnquoteUsage(f)
		fmt.Fprintf(w, "  --%s %s\n    \t%s", f.Name, name, help)
		if f.DefValue != "" && f.DefValue != "false" {
			fmt.Fprintf(w, " (default %s)", f.DefValue)
		}
		fmt.Fprintln(w)
	})
	fmt.Fprint(w, `
Runner flags (Beam's): --runner prism (default, in this process) | dataflow |
flink | spark | universal, --endpoint, --environment_type, --job_name,
--project, --region, --staging_location, --temp_location, ... (see
beam/README.md for the exact flags per runner).

Exit status: 0 ok, 1 some inputs were not split (see errors.jsonl) or the
job failed, 2 usage error.
`)
}

// options validates c and returns the pipeline's options; args are
// positional inputs.
func (c *config) options(args []string) (pipeline.Options, error) {
	o := pipeline.Options{Inputs: append(slices.Clone(c.inputs), args...), Output: c.output}
	if len(o.Inputs) == 0 {
		return o, errors.New("no input: give --input PATTERN (or patterns as arguments)")
	}
	if c.output == "" {
		return o, errors.New("--output DIR is required")
	}
	var err error
	if o.Decode.Encoding, err = decode.ParseEncoding(c.encoding); err != nil {
		return o, err
	}
	if o.Decode.Invalid, err = decode.ParseInvalid(c.invalid); err != nil {
		return o, err
	}
	if err := c.policy.Check(); err != nil {
		return o, err
	}
	o.Split.Policy = c.policy
	o.Split.Raw = c.raw
	if c.inputFormat != "auto" && pipe.Lookup(c.inputFormat) == nil {
		return o, fmt.Errorf("invalid --input-format %q (want %s)", c.inputFormat, pipe.FormatNames())
	}
	o.Format = c.inputFormat
	o.DocSummary = c.docSummary
	if c.maxInline < 0 {
		return o, fmt.Errorf("invalid --max-inline %d (want 0 or more)", c.maxInline)
	}
	o.Split.Segment.MaxInline = c.maxInline
	if c.maxInline == 0 {
		o.Split.Segment.MaxInline = -1 // segment.Options: negative turns absorption off
	}
	if c.maxBlock < segment.MinMaxBlock || c.maxBlock > 1<<31-1 {
		return o, fmt.Errorf("invalid --max-block %d (want at least %d, below 2GiB)", c.maxBlock, segment.MinMaxBlock)
	}
	o.Split.Segment.MaxBlock = int(c.maxBlock)
	o.SplitCap = int64(c.splitCap)
	if o.SplitCap == 0 {
		o.SplitCap = -1 // pipeline.Options: 0 is the default
	} else if o.SplitCap < 1<<20 {
		return o, fmt.Errorf("invalid --split-cap %d (want 0 or at least 1MiB)", o.SplitCap)
	}
	if c.langsSet {
		var err error
		if o.Split.Langs, err = cliflag.ParseLangs(c.langs); err != nil {
			return o, err
		}
	}
	return o, nil
}

func main() {
	cfg := define(flag.CommandLine)
	flag.CommandLine.Usage = func() { usage(flag.CommandLine) }
	args, _ := parse(flag.CommandLine, cfg, os.Args[1:]) // flag.CommandLine exits on errors
	if cfg.quiet {
		beamlog.LogLevel = "warn" // the runner's progress messages (prism's in this process)
	}
	// On a worker, Init runs the SDK harness and never returns: nothing
	// below runs there.
	beam.Init()
	os.Exit(run(context.Background(), cfg, args, os.Stderr))
}

// run builds and runs the pipeline and returns the exit status.
func run(ctx context.Context, cfg *config, args []string, stderr io.Writer) int {
	opts, err := cfg.options(args)
	if err != nil {
		fmt.Fprintf(stderr, "langsplit-beam: %v\nRun 'langsplit-beam --help' for usage.\n", err)
		return 2
	}
	existing, err := pipeline.Existing(ctx, opts.Output)
	if err != nil {
		fmt.Fprintf(stderr, "langsplit-beam: %v\n", err)
		return 1
	}
	if len(existing) > 0 {
		if !cfg.force {
			if len(existing) > 5 {
				existing = append(existing[:5], "…")
			}
			fmt.Fprintf(stderr, "langsplit-beam: output exists in %s: %s (use --force to replace it)\n", opts.Output, strings.Join(existing, ", "))
			return 2
		}
		if err := pipeline.Remove(ctx, opts.Output); err != nil {
			fmt.Fprintf(stderr, "langsplit-beam: %v\n", err)
			return 1
		}
	}
	p, s := beam.NewPipelineWithRoot()
	pipeline.Build(s, opts)
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		fmt.Fprintf(stderr, "langsplit-beam: %v\n", err)
		return 1
	}
	if res == nil { // e.g. --async, or a runner that returns no result
		return 0
	}
	counts := counters(res.Metrics())
	if !cfg.quiet {
		summarize(stderr, counts)
	}
	if counts["files_failed"] > 0 || counts["files_partial"] > 0 {
		errorsFile := strings.TrimSuffix(opts.Output, "/") + "/" + pipeline.ErrorsFile
		printFailures(ctx, stderr, errorsFile, 10)
		if n := counts["files_failed"]; n > 0 {
			fmt.Fprintf(stderr, "langsplit-beam: %d %s not split: see %s\n", n, plural(n, "input was", "inputs were"), errorsFile)
		}
		if n := counts["files_partial"]; n > 0 {
			fmt.Fprintf(stderr, "langsplit-beam: %d %s split with bad documents skipped: see %s\n", n, plural(n, "input was", "inputs were"), errorsFile)
		}
		return 1
	}
	return 0
}

// printFailures prints the messages of the first max failed inputs listed in
// the errors file, as the CLI prints its failures.
func printFailures(ctx context.Context, w io.Writer, errorsFile string, max int) {
	fsys, err := filesystem.New(ctx, errorsFile)
	if err != nil {
		return
	}
	defer fsys.Close()
	rc, err := fsys.OpenRead(ctx, errorsFile)
	if err != nil {
		return
	}
	defer rc.Close()
	sc := bufio.NewScanner(rc)
	sc.Buffer(nil, 1<<20)
	for n := 0; n < max && sc.Scan(); {
		var st pipeline.FileStatus
		if json.Unmarshal(sc.Bytes(), &st) == nil && (st.Status == pipeline.StatusFailed || st.Status == pipeline.StatusPartial) {
			for _, msg := range strings.Split(st.Error, "\n") {
				fmt.Fprintf(w, "langsplit-beam: %s\n", msg)
			}
			n++
		}
	}
}

// counters returns the committed values (attempted where a runner commits
// none) of the pipeline's counters by name.
func counters(m metrics.Results) map[string]int64 {
	out := map[string]int64{}
	for _, c := range m.AllMetrics().Counters() {
		if c.Key.Namespace != pipeline.Namespace {
			continue
		}
		v := c.Committed
		if v == 0 {
			v = c.Attempted
		}
		out[c.Key.Name] += v
	}
	return out
}

// summarize prints the CLI's summary: one line per language, then the
// files.
func summarize(w io.Writer, counts map[string]int64) {
	for _, name := range slices.Sorted(maps.Keys(counts)) {
		lang, ok := strings.CutPrefix(name, "blocks_")
		if !ok {
			continue
		}
		n := counts[name]
		fmt.Fprintf(w, "langsplit-beam: %s: %d %s, %s\n", lang, n, plural(n, "block", "blocks"), cliflag.Human(counts["bytes_"+lang]))
	}
	fmt.Fprintf(w, "langsplit-beam: %d %s split, %d failed, %d binary skipped, %d with bad documents skipped; %s read\n",
		counts["files_ok"], plural(counts["files_ok"], "file", "files"), counts["files_failed"], counts["files_binary"], counts["files_partial"], cliflag.Human(counts["input_bytes"]))
}

func plural(n int64, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
