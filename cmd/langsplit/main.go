// Command langsplit splits mixed English/Persian documents into language
// blocks: one file per block under an output directory, with a manifest,
// or JSON Lines records on stdout. Run it with --help for the reference.
//
// The command is wiring only: decoding is in internal/decode, the record
// schema in internal/record, block files and the manifest in
// internal/write, segmentation in segment, normalization in bidi, the
// HTML report in internal/report.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"

	"golang.org/x/term"

	"github.com/langsplit/langsplit/internal/decode"
	"github.com/langsplit/langsplit/internal/pipe"
)

// Exit statuses.
const (
	exitOK          = 0
	exitFailed      = 1   // some inputs failed; the others were done
	exitUsage       = 2   // usage error; nothing written
	exitInterrupted = 130 // SIGINT or SIGTERM; no partial files left
	exitBrokenPipe  = 141 // stdout closed early (as if killed by SIGPIPE)
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// runner holds what one run shares between its parts.
type runner struct {
	cfg             *config
	pipe            *pipe.Pipeline
	stdin           io.Reader
	stdout, stderr  io.Writer
	stdinIsTerminal bool
	prog            *progress // nil unless stderr is a terminal and not -q
	failed          atomic.Int64
	brokenPipe      atomic.Bool
}

// run runs langsplit with the given arguments and returns its exit status.
func run(args []string, stdin, stdout, stderr *os.File) int {
	cfg, err := parseArgs(args)
	r := &runner{cfg: cfg, stdin: stdin, stdout: stdout, stderr: stderr,
		stdinIsTerminal: term.IsTerminal(int(stdin.Fd()))}
	if err != nil {
		return r.usage(err)
	}
	if cfg.help {
		fmt.Fprint(stdout, cfg.helpMessage)
		return exitOK
	}
	if cfg.vers {
		fmt.Fprintln(stdout, versionString())
		return exitOK
	}
	if r.pipe, err = newPipe(cfg); err != nil {
		return r.usage(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	// With SIGPIPE noted, a write to a closed stdout is an EPIPE error,
	// so that temporary files are removed before exiting.
	signal.Notify(make(chan os.Signal, 1), syscall.SIGPIPE)
	if !cfg.quiet && term.IsTerminal(int(stderr.Fd())) {
		r.prog = startProgress(stderr)
		defer func() { r.prog.finish() }()
	}
	switch {
	case cfg.normalize:
		return r.normalize(ctx)
	case cfg.report:
		return r.report(ctx)
	}
	return r.split(ctx)
}

// newPipe returns the per-input pipeline of a command line.
func newPipe(cfg *config) (*pipe.Pipeline, error) {
	format := cfg.format
	if cfg.normalize {
		format = "text"
	}
	return pipe.New(pipe.Options{Split: cfg.split, Decode: cfg.dec, Format: format, DocSummary: cfg.docSummary})
}

// fail reports an input that failed.
func (r *runner) fail(err error) {
	r.failed.Add(1)
	r.prog.printf(r.stderr, "langsplit: %v\n", err)
}

// failDoc reports a bad document of an input (a JSON line, a WARC
// record), which was skipped.
func (r *runner) failDoc(err error) {
	if errors.Is(err, decode.ErrInvalid) {
		err = fmt.Errorf("%w (see --encoding and --invalid)", err)
	}
	r.fail(err)
}

// warnf prints a message that is not a failure.
func (r *runner) warnf(format string, a ...any) {
	r.prog.printf(r.stderr, "langsplit: "+format+"\n", a...)
}

// usage reports a usage error and returns its exit status.
func (r *runner) usage(err error) int {
	var ue *usageError
	if errors.As(err, &ue) {
		r.prog.printf(r.stderr, "langsplit: %v\nRun '%s' for usage.\n", err, helpCommand(r.cfg))
	} else {
		r.prog.printf(r.stderr, "langsplit: %v\n", err)
	}
	return exitUsage
}

// interrupted reports an interrupted run and returns its exit status.
func (r *runner) interrupted() int {
	r.prog.printf(r.stderr, "langsplit: interrupted\n")
	return exitInterrupted
}

// status returns the exit status of a run that went to its end.
func (r *runner) status() int {
	if r.failed.Load() > 0 {
		return exitFailed
	}
	return exitOK
}

// helpCommand returns the command that prints the help of cfg's command.
func helpCommand(cfg *config) string {
	switch {
	case cfg.normalize:
		return "langsplit normalize --help"
	case cfg.report:
		return "langsplit report --help"
	}
	return "langsplit --help"
}

func plural(n int64, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// isEPIPE reports whether err is a write to a closed pipe.
func isEPIPE(err error) bool { return errors.Is(err, syscall.EPIPE) }
