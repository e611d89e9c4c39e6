// Package iobuf holds the size of the buffers through which langsplit reads
// and writes its files and streams (inputs, the input list, spill files,
// block and language files, the manifest, records on stdout, WARC members),
// so that one number says how much a system call moves.
package iobuf

import (
	"bufio"
	"io"
)

// Size is the size of a read or write buffer, 64 KiB: a system call moves
// many records or lines, and the buffers that a run keeps open at once (a
// spill file per waiting part, a file per language) stay small.
const Size = 64 << 10

// NewReader returns a bufio.Reader of Size bytes on r.
func NewReader(r io.Reader) *bufio.Reader { return bufio.NewReaderSize(r, Size) }

// NewWriter returns a bufio.Writer of Size bytes on w.
func NewWriter(w io.Writer) *bufio.Writer { return bufio.NewWriterSize(w, Size) }
