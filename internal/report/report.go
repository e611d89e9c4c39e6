// Package report writes one self-contained HTML page that shows documents
// with their language blocks marked, so that a person can check a split by
// looking at it.
//
// Each block is an element with its language's colour and its lang and dir
// attributes, so Persian and Arabic render right to left and English left
// to right, as a browser shows them. A label and a tooltip give the block's
// number, language, script and byte offsets; line ends are marked so that
// blank and neutral lines stay visible. A legend gives the bytes and blocks
// per language, and a table of contents lists the documents. A block given
// with its normalized form carries, when the two differ, a before/after
// view with the changed characters marked and invisible ones (ZWNJ, bidi
// controls, …) named.
//
// The page is built with html/template, which escapes all input text, and
// has no scripts, fonts or other resources to fetch. It is written as the
// blocks arrive: memory does not grow with the input, and a document past
// Options.MaxDocBytes is cut short with a visible note (its blocks still
// count in the legend).
package report

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/langsplit/langsplit/internal/iobuf"
	"github.com/langsplit/langsplit/segment"
)

// DefaultMaxDocBytes is how much of a document is shown when
// Options.MaxDocBytes is 0.
const DefaultMaxDocBytes = 1 << 20

// Options tunes a report.
type Options struct {
	// Title is the page title; "langsplit report" when empty.
	Title string
	// MaxDocBytes caps the bytes of each document shown; 0 means
	// DefaultMaxDocBytes. Later blocks are counted but not shown.
	MaxDocBytes int64
}

// Writer writes a report. Call Begin, then for each document
// StartDocument, Block for each of its blocks in order and EndDocument,
// then Close. The first write error is kept and returned by later calls.
type Writer struct {
	w      *bufio.Writer
	opts   Options
	err    error
	totals map[string]*langStats
	doc    *docState
	ndocs  int
}

type langStats struct {
	Lang          string
	Bytes, Blocks int64
}

type docState struct {
	id        string
	shown     int64
	truncated bool
	total     int64
	blocks    int64
	stats     map[string]*langStats
}

// New returns a Writer that writes to w.
func New(w io.Writer, opts Options) *Writer {
	if opts.MaxDocBytes <= 0 {
		opts.MaxDocBytes = DefaultMaxDocBytes
	}
	if opts.Title == "" {
		opts.Title = "langsplit report"
	}
	return &Writer{w: iobuf.NewWriter(w), opts: opts, totals: map[string]*langStats{}}
}

func (rw *Writer) exec(name string, data any) error {
	if rw.err == nil {
		rw.err = page.ExecuteTemplate(rw.w, name, data)
	}
	return rw.err
}

// Begin writes the head of the page and the table of contents of the
// documents that will follow, in that order.
func (rw *Writer) Begin(names []string) error {
	type entry struct{ ID, Name string }
	toc := make([]entry, len(names))
	for i, n := range names {
		toc[i] = entry{docID(i), valid(n)}
	}
	return rw.exec("head", struct {
		Title string
		TOC   []entry
	}{rw.opts.Title, toc})
}

func docID(i int) string { return fmt.Sprintf("doc%d", i+1) }

// StartDocument starts the next document, named name.
func (rw *Writer) StartDocument(name string) error {
	rw.doc = &docState{id: docID(rw.ndocs), stats: map[string]*langStats{}}
	rw.ndocs++
	return rw.exec("docStart", struct{ ID, Name string }{rw.doc.id, valid(name)})
}

// Section starts a part of the current document, named name: a document
// of an input that holds several (a JSON line, a WARC record). Its blocks
// follow.
func (rw *Writer) Section(name string) error {
	if rw.doc == nil {
		return fmt.Errorf("report: Section before StartDocument")
	}
	if rw.doc.truncated {
		return rw.err
	}
	return rw.exec("section", valid(name))
}

// Block adds block number n of the current document, b, whose bytes are
// text. When normalized is not nil and differs from text, the block gets a
// before/after view of the change.
func (rw *Writer) Block(n int, b segment.Block, text, normalized []byte) error {
	d := rw.doc
	if d == nil {
		return fmt.Errorf("report: Block before StartDocument")
	}
	for _, m := range []map[string]*langStats{d.stats, rw.totals} {
		s := m[b.Lang]
		if s == nil {
			s = &langStats{Lang: b.Lang}
			m[b.Lang] = s
		}
		s.Bytes += int64(len(text))
		s.Blocks++
	}
	d.total += int64(len(text))
	d.blocks++
	if d.truncated {
		return rw.err
	}
	show := text
	if left := rw.opts.MaxDocBytes - d.shown; int64(len(show)) > left {
		cut := int(left)
		for cut > 0 && cut < len(show) && !utf8.RuneStart(show[cut]) {
			cut--
		}
		show = show[:cut]
		d.truncated = true
	}
	d.shown += int64(len(show))
	data := blockData{
		N:     n,
		Lang:  b.Lang,
		Dir:   b.Dir.String(),
		Class: langClass(b.Lang),
		Title: fmt.Sprintf("block %d · %s · %s · bytes %d–%d", n, b.Lang, b.Script, b.Start, b.End),
		Tag:   fmt.Sprintf("#%d %s", n, b.Lang),
		Lines: lines(show),
	}
	if normalized != nil && !d.truncated && string(normalized) != string(text) {
		data.Change = diffView(text, normalized)
	}
	return rw.exec("block", data)
}

// EndDocument ends the current document; err, when not nil, is shown as
// the reason the document is incomplete.
func (rw *Writer) EndDocument(err error) error {
	d := rw.doc
	if d == nil {
		return fmt.Errorf("report: EndDocument before StartDocument")
	}
	rw.doc = nil
	data := struct {
		ID                   string
		Truncated            bool
		Shown, Total, Blocks int64
		Legend               []langStats
		Err                  string
	}{d.id, d.truncated, d.shown, d.total, d.blocks, legend(d.stats), ""}
	if err != nil {
		data.Err = err.Error()
	}
	return rw.exec("docEnd", data)
}

// Close writes the legend of all documents and the end of the page, and
// flushes.
func (rw *Writer) Close() error {
	rw.exec("tail", struct{ Legend []langStats }{legend(rw.totals)})
	if rw.err == nil {
		rw.err = rw.w.Flush()
	}
	return rw.err
}

func legend(m map[string]*langStats) []langStats {
	out := make([]langStats, 0, len(m))
	for _, s := range m {
		out = append(out, *s)
	}
	slices.SortFunc(out, func(a, b langStats) int {
		return cmp.Or(cmp.Compare(b.Bytes, a.Bytes), cmp.Compare(a.Lang, b.Lang))
	})
	return out
}

// langClass returns the CSS class of a language label.
func langClass(lang string) string {
	switch {
	case lang == "en" || lang == "fa" || lang == "ar" || lang == "und":
		return "l-" + lang
	case lang == "und-Arab":
		return "l-undarab"
	}
	return "l-other"
}

// valid makes s valid UTF-8 for the page.
func valid(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }

type blockData struct {
	N                     int
	Lang, Dir, Class, Tag string
	Title                 string
	Lines                 []line
	Change                *change
}

// line is a line of a block: its text and whether a line break ends it.
type line struct {
	Text  string
	Break bool
}

// lines splits text into its lines, without their line breaks (LF, CRLF).
func lines(text []byte) []line {
	s := valid(string(text))
	var out []line
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			out = append(out, line{Text: s})
			break
		}
		out = append(out, line{Text: strings.TrimSuffix(s[:i], "\r"), Break: true})
		s = s[i+1:]
	}
	return out
}
