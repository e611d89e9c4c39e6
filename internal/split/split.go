// Package split turns one decoded document into the records of its
// language blocks: it segments the text (segment.Scanner), numbers the
// blocks and counts their rune offsets (record.Builder), keeps the
// languages asked for, and normalizes each block by its language. The CLI,
// the Beam pipeline and the HTML report share it, so they give the same
// records for the same input.
package split

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/langsplit/langsplit/internal/record"
	"github.com/langsplit/langsplit/segment"
)

// Options says how documents are split.
type Options struct {
	Segment segment.Options
	Langs   map[string]bool // languages to keep; nil keeps all
	Raw     bool            // blocks as in the input, not normalized
	Policy  Policy          // normalization policy, unless Raw
}

// Emit receives each kept block: its record (Text empty: the caller sets
// what it writes) and its text, normalized unless raw. Both are valid only
// during the call.
type Emit func(rec *record.Record, text []byte) error

// Text segments the document read from r, whose source name is source, and
// calls emit for each block kept by opts.Langs, in order. It stops at the
// first error, of r, of emit or of ctx.
func Text(ctx context.Context, source string, r io.Reader, opts Options, n *Normalizer, emit Emit) error {
	sc := segment.NewScanner(r, opts.Segment)
	bd := record.Builder{Source: source}
	rec := new(record.Record) // reused: emit does not keep it
	for sc.Scan() {
		if err := ctx.Err(); err != nil {
			return err
		}
		b, raw := sc.Block(), sc.Bytes()
		*rec = bd.Next(b, raw)
		if opts.Langs != nil && !opts.Langs[b.Lang] {
			continue
		}
		text, err := n.Apply(b.Lang, raw)
		if err != nil {
			return fmt.Errorf("%s: block %d: %w", source, rec.Block, err)
		}
		if err := emit(rec, text); err != nil {
			return err
		}
	}
	return sc.Err()
}

// JSONL reads one {"id","text"} object a line from r and splits each text
// as its own document, whose source is its id: doc is called with the id,
// then emit with the document's blocks. Errors name source and line.
func JSONL(ctx context.Context, source string, r io.Reader, opts Options, n *Normalizer, doc func(id string) error, emit Emit) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if t := bytes.TrimSpace(b); len(t) > 0 {
			id, text, perr := ParseDoc(t)
			if perr != nil {
				return fmt.Errorf("%s:%d: %v", source, line, perr)
			}
			if derr := doc(id); derr != nil {
				return fmt.Errorf("%s:%d: %w", source, line, derr)
			}
			if serr := Text(ctx, id, strings.NewReader(text), opts, n, emit); serr != nil {
				return serr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// ParseDoc parses one JSON Lines document: an object with an "id" (a string
// or a number) and a "text" string.
func ParseDoc(b []byte) (id, text string, err error) {
	var doc struct {
		ID   json.RawMessage `json:"id"`
		Text *string         `json:"text"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return "", "", fmt.Errorf("not a JSON object: %v", err)
	}
	switch {
	case len(doc.ID) == 0 || string(doc.ID) == "null":
		return "", "", errors.New(`no "id"`)
	case doc.ID[0] == '"':
		if err := json.Unmarshal(doc.ID, &id); err != nil {
			return "", "", err
		}
	case doc.ID[0] == '-' || doc.ID[0] >= '0' && doc.ID[0] <= '9':
		id = string(doc.ID)
	default:
		return "", "", errors.New(`"id" is neither a string nor a number`)
	}
	if doc.Text == nil {
		return "", "", errors.New(`no "text" string`)
	}
	return id, *doc.Text, nil
}
