package pipe

import (
	"context"
	"io"
)

// textFormat: a file is one document of text.
type textFormat struct{}

func (textFormat) Name() string           { return "text" }
func (textFormat) Exts() []string         { return nil }
func (textFormat) Sniff(head []byte) bool { return false }
func (textFormat) Input() InputKind       { return Decoded }

func (textFormat) Read(_ context.Context, in *Input, r io.Reader, e *Env) error {
	return unwrapSink(e.Document(&Doc{Source: in.Source}, false, r, nil))
}

// unwrapSink returns the error of a document that is the whole input: an
// error of its text and one of the sink both fail the input.
func unwrapSink(err error) error {
	if se, ok := err.(*SinkError); ok {
		return se.Err
	}
	return err
}
