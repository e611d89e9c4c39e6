package main

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/spf13/pflag"

	"github.com/langsplit/langsplit/internal/cliflag"
	"github.com/langsplit/langsplit/internal/decode"
	"github.com/langsplit/langsplit/internal/pipe"
	"github.com/langsplit/langsplit/internal/report"
	"github.com/langsplit/langsplit/internal/split"
	"github.com/langsplit/langsplit/segment"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise it comes from the build information.
var version = ""

func versionString() string {
	v := version
	if v == "" {
		v = "devel"
		if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v = bi.Main.Version
		}
	}
	return "langsplit " + v
}

// config is a parsed command line.
type config struct {
	out         string
	byLang      bool
	format      string // --input-format
	docSummary  bool
	dec         decode.Options
	split       split.Options // segmentation, --langs, --raw and the policy
	jobs        int
	quiet       bool
	force       bool
	args        []string
	normalize   bool   // the normalize subcommand
	report      bool   // the report subcommand
	lang        string // normalize --lang
	title       string // report --title
	maxDocBytes int64  // report --max-doc-bytes
	showChanges bool   // report --show-changes
	help, vers  bool
	helpMessage string
	flags       *pflag.FlagSet
}

// usageError is a command-line mistake: exit status 2.
type usageError struct{ msg string }

// Error implements error.
func (e *usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return &usageError{fmt.Sprintf(format, a...)} }

// parseArgs parses the command line (without the program name).
func parseArgs(args []string) (*config, error) {
	cfg := &config{jobs: 1} // normalize and report have no -j
	if len(args) > 0 && (args[0] == "split" || args[0] == "normalize" || args[0] == "report") {
		cfg.normalize = args[0] == "normalize"
		cfg.report = args[0] == "report"
		args = args[1:]
	}
	splits := !cfg.normalize && !cfg.report
	fs := pflag.NewFlagSet("langsplit", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	var (
		encoding, invalid, inputFormat, langs string
		maxInline                             int
		maxBlock                              = cliflag.Size(segment.DefaultMaxBlock)
		maxDoc                                = cliflag.Size(report.DefaultMaxDocBytes)
	)
	switch {
	case cfg.report:
		fs.StringVarP(&cfg.out, "out", "o", "", "write the page to `FILE`; without it, to stdout")
		fs.StringVar(&cfg.title, "title", "langsplit report", "the page's `TITLE`")
		fs.Var(&maxDoc, "max-doc-bytes", "show at most this much of each document (e.g. 1MiB); the rest is counted")
		fs.BoolVar(&cfg.showChanges, "show-changes", false, "show what the normalizer changes in each block, before and after")
	case splits:
		fs.StringVarP(&cfg.out, "out", "o", "", "write one file per block under `DIR`; without it, JSON Lines to stdout")
		fs.BoolVar(&cfg.byLang, "by-lang", false, "with --out: one file per language for all inputs together (DIR/en.txt, DIR/fa.txt, …)")
		fs.BoolVar(&cfg.split.Raw, "raw", false, "write blocks byte for byte as in the (decoded) input, without normalization")
		fs.BoolVar(&cfg.docSummary, "doc-summary", false, "after each document's blocks, a \"kind\":\"doc\" record of its bytes and letters per language")
	default:
		fs.StringVar(&cfg.lang, "lang", "fa", "normalize as `fa`, ar or en")
	}
	fs.StringVar(&encoding, "encoding", "auto", "input encoding: `auto`, utf-8, utf-16, utf-16le, utf-16be or windows-1256")
	fs.StringVar(&invalid, "invalid", "error", "invalid byte sequences: `error` (name the file and offset) or replace (with U+FFFD)")
	if splits || cfg.report {
		fs.StringVar(&langs, "langs", "", "keep only these languages, e.g. `en,fa` (block numbers keep their gaps)")
		fs.StringVar(&inputFormat, "input-format", "auto", "`auto` (by extension and content), or "+pipe.FormatNames()[len("auto, "):])
		fs.IntVar(&maxInline, "max-inline", segment.DefaultMaxInline, "foreign words that stay inside a sentence's block (0: none)")
		fs.Var(&maxBlock, "max-block", "split blocks longer than this (e.g. 4MiB; at least 4KiB); bounds memory")
	}
	fs.StringVar(&cfg.split.Policy.Preset, "preset", "default", "Persian conventions: `default`, or hazm (adds hazm's ZWNJ and spacing rules)")
	fs.StringVar(&cfg.split.Policy.Digits, "digits", "keep", "Persian digits: `keep`, fa or latin")
	fs.BoolVar(&cfg.split.Policy.StripDiacritics, "strip-diacritics", false, "remove Arabic-script diacritics (harakat)")
	fs.BoolVar(&cfg.split.Policy.NoVisualRepair, "no-visual-repair", false, "do not repair text left in visual order by PDF extraction")
	fs.BoolVar(&cfg.split.Policy.NoAffixJoin, "no-affix-join", false, "do not join می/ها affixes with a ZWNJ")
	if splits {
		fs.IntVarP(&cfg.jobs, "jobs", "j", 1, "process `N` files in parallel, or one file on N workers (output identical to -j 1)")
	}
	if splits || cfg.report {
		fs.BoolVarP(&cfg.quiet, "quiet", "q", false, "no progress bar and no summary")
		fs.BoolVarP(&cfg.force, "force", "f", false, "replace existing output")
	}
	fs.BoolVar(&cfg.vers, "version", false, "print the version and exit")
	fs.BoolVarP(&cfg.help, "help", "h", false, "print this help and exit")

	cfg.helpMessage = helpText(cfg)
	cfg.flags = fs
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			cfg.help = true
			return cfg, nil
		}
		return cfg, &usageError{err.Error()}
	}
	if cfg.help || cfg.vers {
		return cfg, nil
	}
	cfg.args = fs.Args()
	var err error
	if cfg.dec.Encoding, err = decode.ParseEncoding(encoding); err != nil {
		return cfg, &usageError{err.Error()}
	}
	if cfg.dec.Invalid, err = decode.ParseInvalid(invalid); err != nil {
		return cfg, &usageError{err.Error()}
	}
	if err := cfg.split.Policy.Check(); err != nil {
		return cfg, &usageError{err.Error()}
	}
	if cfg.normalize {
		switch cfg.lang {
		case "fa", "ar", "en":
		default:
			return cfg, usagef("invalid --lang %q (want fa, ar or en)", cfg.lang)
		}
		return cfg, nil
	}
	if cfg.report {
		cfg.maxDocBytes = int64(maxDoc)
		if fs.Changed("out") && cfg.out == "" {
			return cfg, usagef("--out needs a file name")
		}
	}
	if inputFormat != "auto" && pipe.Lookup(inputFormat) == nil {
		return cfg, usagef("invalid --input-format %q (want %s)", inputFormat, pipe.FormatNames())
	}
	cfg.format = inputFormat
	if cfg.byLang && cfg.out == "" {
		return cfg, usagef("--by-lang needs --out DIR")
	}
	if fs.Changed("out") && cfg.out == "" {
		return cfg, usagef("--out needs a directory")
	}
	if cfg.jobs < 1 {
		return cfg, usagef("invalid --jobs %d (want 1 or more)", cfg.jobs)
	}
	if maxInline < 0 {
		return cfg, usagef("invalid --max-inline %d (want 0 or more)", maxInline)
	}
	cfg.split.Segment.MaxInline = maxInline
	if maxInline == 0 {
		cfg.split.Segment.MaxInline = -1 // segment.Options: negative turns absorption off
	}
	if maxBlock < segment.MinMaxBlock || maxBlock > 1<<31-1 {
		return cfg, usagef("invalid --max-block %d (want at least %d, below 2GiB)", maxBlock, segment.MinMaxBlock)
	}
	cfg.split.Segment.MaxBlock = int(maxBlock)
	if fs.Changed("langs") {
		if cfg.split.Langs, err = cliflag.ParseLangs(langs); err != nil {
			return cfg, &usageError{err.Error()}
		}
	}
	stdin := 0
	for _, a := range cfg.args {
		if a == "-" {
			stdin++
		}
	}
	if stdin > 1 {
		return cfg, usagef("- (stdin) given more than once")
	}
	return cfg, nil
}

func helpText(cfg *config) string {
	normalize := cfg.normalize
	var sb strings.Builder
	switch {
	case cfg.report:
		sb.WriteString(`langsplit report writes one self-contained HTML page that shows each input
with its language blocks marked: each block in its language's colour, with
its lang and dir set (Persian and Arabic right to left), a label with its
number and language, a tooltip with its script and byte offsets, line ends
marked, a legend of blocks and bytes per language and a table of contents.
The page needs nothing else: no scripts, fonts or styles to fetch.

Usage:
  langsplit report [flags] [FILE|DIR|-]...

Examples:
  langsplit report -o report.html testdata/example.txt
  langsplit report --show-changes -o check.html dumps/
  cat page.txt | langsplit report > page.html

Flags:
  -o, --out FILE               write the page to FILE (atomically); default stdout
      --title TITLE            the page's title (default "langsplit report")
      --max-doc-bytes SIZE     show at most SIZE of each document; the rest is counted in
                               the legends and a note says where it was cut (default 1MiB)
      --show-changes           under each block the normalizer changes, a before/after view
                               with the changed characters marked and invisible ones named
      --langs en,fa            show only these languages
      --input-format FORMAT    auto|` + strings.Join(pipe.Formats(), "|") + `, as for split (default auto); each
                               document of a jsonl or warc input under a heading of its own
      --max-inline N           as for split (default 3)
      --max-block SIZE         as for split (default 4MiB)
  -q, --quiet                  no progress bar
  -f, --force                  replace an existing FILE
`)
	case normalize:
		sb.WriteString(`langsplit normalize writes the normalized text of its inputs to stdout.

Usage:
  langsplit normalize [--lang fa|ar|en] [flags] [FILE|-]...

Without FILE it reads stdin. Each input is normalized as one language.

Examples:
  langsplit normalize --lang fa --digits latin page.txt > clean.txt
  pdftotext -raw doc.pdf - | langsplit normalize > doc.txt

Flags:
      --lang fa|ar|en          the language's rules (default fa)
`)
	default:
		sb.WriteString(`langsplit splits mixed English/Persian documents into language blocks.

Usage:
  langsplit [split] [flags] [FILE|DIR|-]...
  langsplit normalize [--lang fa|ar|en] [flags] [FILE|-]...   (see langsplit normalize --help)
  langsplit report [flags] [FILE|DIR|-]...   an HTML page of the blocks (see langsplit report --help)

With -o DIR each block goes to its own file, DIR/<input>/NNNN.<lang>.txt
(<input> is the input's path under its argument, without extension; stdin
is "stdin"), and DIR/manifest.jsonl, written last, lists every block with
its file, offset, length and sha256. Without -o, one JSON object per block
is printed to stdout as soon as the block is decided, in input order:
  {"source","block","lang","script","dir","start","end","rune_start","rune_end","text"}

Offsets (start/end in bytes, rune_start/rune_end in code points) refer to
the decoded UTF-8 text of each input, BOM removed: for UTF-16 or
Windows-1256 input they are not offsets into the bytes on disk.

Inputs are files, directories (walked recursively in sorted order; hidden
entries and symlinks inside skipped; an argument that is a symlink is
followed, as by grep -r) and - for stdin (the default when stdin is not
a terminal). .gz files, and gzip data on stdin (by its magic bytes), are
read decompressed. Every file is checked for its encoding before any
output; stdin is decided on its first 64 KiB. Binary files (a NUL byte in
the first 8 KiB) are skipped with a message, which names --encoding
utf-16le or utf-16be when the bytes look like UTF-16 without a BOM. HTML and
WARC records also carry src_start/src_end, the byte range of the page (or
payload) the block's text came from, and WARC ones record_id. A malformed
JSON line or a bad WARC record is reported with its line or byte offset and
skipped; the rest of the input is split, and the exit status is 1.

Examples:
  langsplit -o out testdata/example.txt    out/example/0001.en.txt, ..., out/manifest.jsonl
  langsplit -o out --by-lang dumps/         out/en.txt, out/fa.txt, out/ar.txt, out/manifest.jsonl
  langsplit --langs fa page.txt | jq -r .text
  cat page.txt | langsplit > blocks.jsonl   stdin, as a streaming mapper
  langsplit -j 4 -f -o out dumps/           4 files at a time, replacing earlier output
  langsplit --raw -o out page.txt           out/page/* in manifest order = page.txt (UTF-8 input)

Flags:
  -o, --out DIR                one file per block under DIR; without it, JSON Lines to stdout
      --by-lang                with --out: one file per language for all inputs together
                               (DIR/en.txt, DIR/fa.txt, ...; each block followed by an empty line)
      --raw                    blocks byte for byte as in the decoded input, not normalized
      --langs en,fa            keep only these languages (block numbers keep their gaps)
      --input-format auto|` + strings.Join(pipe.Formats(), "|") + `
                               text: a file is a document; jsonl: one {"id","text"} object a
                               line, each a document whose source is its id (a text longer
                               than --max-block fails its line; under -o an id used twice in
                               an input fails the second line); html: a page's
                               text as a browser shows it; warc: WARC/WET records (conversion,
                               and response with HTML or text), source = WARC-Target-URI;
                               auto (default): by extension (.jsonl .html .htm .warc .wet,
                               also with .gz), else by content (WARC/1., <!doctype html, <html)
      --doc-summary            after each document's blocks, one {"kind":"doc"} record: bytes
                               and letters per language, blocks, "mixed" (a second language
                               has at least 5% of the letters)
      --max-inline N           foreign words that stay inside a sentence's block; 0: none
                               (default 3)
      --max-block SIZE         split blocks longer than SIZE (e.g. 4MiB, at least 4KiB); this
                               bounds memory (default 4MiB)
  -j, --jobs N                 process N files in parallel, or one file on N workers; output identical to -j 1 (default 1)
  -q, --quiet                  no progress bar, no summary
  -f, --force                  replace existing output under DIR (an input's folder whole;
                               files the previous manifest lists and this run does not write
                               again are removed, files no manifest listed are kept)
`)
	}
	sb.WriteString(`      --encoding auto|utf-8|utf-16|utf-16le|utf-16be|windows-1256
                               input encoding (default auto: a BOM, else UTF-8, else
                               Windows-1256 when it decodes to Arabic script, else an error)
      --invalid error|replace  an invalid byte sequence is an error naming the file and byte
                               offset, or is replaced with U+FFFD (default error)
      --preset default|hazm    Persian conventions: hazm adds hazm's ZWNJ and spacing rules
                               (خانه ای → خانه‹ZWNJ›ای, بزرگ تر → بزرگ‹ZWNJ›تر, one space, no
                               space before punctuation) next to Persian letters only
      --digits keep|fa|latin   Persian digits (default keep)
      --strip-diacritics       remove Arabic-script diacritics (harakat)
      --no-visual-repair       do not repair text left in visual order by PDF extraction
      --no-affix-join          do not join the affixes می, ها, ... with a ZWNJ
      --version                print the version
  -h, --help                   print this help
`)
	switch {
	case normalize:
		sb.WriteString(`
Normalization: the text passes through the normalizer of --lang (package
bidi). All languages: bidi controls (LRM, RLM, ALM,`)
	case cfg.report:
		sb.WriteString(`
Normalization (--show-changes): each block passes through the normalizer of
its language (package bidi). All languages: bidi controls (LRM, RLM, ALM,`)
	default:
		sb.WriteString(`
Normalization: each block passes through the normalizer of its language
(package bidi) unless --raw. All languages: bidi controls (LRM, RLM, ALM,`)
	}
	sb.WriteString(`
embeddings, overrides, isolates) and U+FEFF are removed. fa and ar:
Arabic presentation forms become their letters. fa also: ي ى → ی, ك → ک;
Arabic-Indic digits → Persian (--digits: keep leaves ASCII digits, fa
turns standalone ASCII numbers Persian, latin makes all digits ASCII);
tatweel removed; ZWNJ kept only between letters; "می روم" → "می‹ZWNJ›روم" and
"کتاب ها" → "کتاب‹ZWNJ›ها" (--no-affix-join turns this off); lines left in
visual order by PDF extraction are repaired (--no-visual-repair).
Latin letters, URLs, e-mail addresses and ASCII numbers are never changed
except by --digits.
`)
	sb.WriteString(`
Exit status: 0 ok (binary files skipped in a directory walk are not
failures), 1 some inputs failed (the others were done; a directory with no
file to read, empty or with hidden entries only, is a failure too), 2 usage
error (nothing written), 130 interrupted (no partial files left), 141
stdout closed early (as by | head; as if killed by SIGPIPE).
`)
	return sb.String()
}
