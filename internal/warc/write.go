package warc

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"strconv"

	"github.com/langsplit/langsplit/internal/iobuf"
)

// Writer writes WARC/1.1 records, for tests and generated inputs.
type Writer struct {
	w *bufio.Writer
	// Gzip compresses each record as a gzip member of its own, as .warc.gz
	// files do.
	Gzip bool
	z    *gzip.Writer
}

// NewWriter returns a Writer to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: iobuf.NewWriter(w)} }

// Write writes one record with the given fields (Content-Length is added)
// and block.
func (w *Writer) Write(h Header, block []byte) error {
	var out io.Writer = w.w
	if w.Gzip {
		if w.z == nil {
			w.z = gzip.NewWriter(w.w)
		} else {
			w.z.Reset(w.w)
		}
		out = w.z
	}
	bw := bufio.NewWriter(out)
	fmt.Fprint(bw, "WARC/1.1\r\n")
	for _, f := range h {
		fmt.Fprintf(bw, "%s: %s\r\n", f.Name, f.Value)
	}
	fmt.Fprintf(bw, "Content-Length: %s\r\n\r\n", strconv.Itoa(len(block)))
	bw.Write(block)
	bw.WriteString("\r\n\r\n")
	if err := bw.Flush(); err != nil {
		return err
	}
	if w.Gzip {
		return w.z.Close()
	}
	return nil
}

// Flush writes what is buffered.
func (w *Writer) Flush() error { return w.w.Flush() }
