package pipe

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/langsplit/langsplit/internal/split"
)

// jsonlFormat: each line is a {"id","text"} object, a document whose
// source is its id. A malformed line is reported with its line number and
// the lines after it are read.
type jsonlFormat struct{}

func (jsonlFormat) Name() string           { return "jsonl" }
func (jsonlFormat) Exts() []string         { return []string{".jsonl"} }
func (jsonlFormat) Sniff(head []byte) bool { return false }
func (jsonlFormat) Input() InputKind       { return Decoded }

func (jsonlFormat) Read(ctx context.Context, in *Input, r io.Reader, e *Env) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if t := bytes.TrimSpace(b); len(t) > 0 {
			id, text, perr := split.ParseDoc(t)
			if perr != nil {
				e.Bad(fmt.Errorf("%s:%d: %v", in.Source, line, perr))
			} else {
				d := &Doc{Source: id, Folder: id, Where: fmt.Sprintf("%s:%d", in.Source, line), Pos: fmt.Sprintf("line %d", line)}
				derr := e.DocumentBytes(d, true, []byte(text), nil)
				if derr != nil {
					return fmt.Errorf("%s:%d: %w", in.Source, line, unwrapSink(derr))
				}
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
}
