package pipe

import (
	"bytes"
	"context"
	"io"
)

// textFormat: a file is one document of text.
type textFormat struct{ formatInfo }

// Read segments the input: a small one (as most files of a large tree
// are) read whole into a pooled buffer and segmented in memory, which
// gives the Scanner's blocks without its buffers, a large one through a
// Scanner.
func (textFormat) Read(_ context.Context, in *Input, r io.Reader, e *Env) error {
	buf := getBuf()
	defer putBuf(buf)
	n, err := io.ReadFull(r, buf[:])
	d := &Doc{Source: in.Source}
	switch err {
	case io.EOF, io.ErrUnexpectedEOF:
		return unwrapSink(e.DocumentBytes(d, false, buf[:n], nil))
	case nil:
		return unwrapSink(e.Document(d, false, io.MultiReader(bytes.NewReader(buf[:n]), r), nil))
	}
	// A read error: the blocks before it, as the Scanner gives them.
	return unwrapSink(e.Document(d, false, io.MultiReader(bytes.NewReader(buf[:n]), errReader{err}), nil))
}

// errReader returns its error.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// unwrapSink returns the error of a document that is the whole input: an
// error of its text and one of the sink both fail the input.
func unwrapSink(err error) error {
	if se, ok := err.(*SinkError); ok {
		return se.Err
	}
	return err
}
