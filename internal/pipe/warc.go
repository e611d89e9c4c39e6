package pipe

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"

	"github.com/langsplit/langsplit/internal/decode"
	"github.com/langsplit/langsplit/internal/htmltext"
	"github.com/langsplit/langsplit/internal/warc"
)

// warcFormat: each conversion record (the text of a page in a Common Crawl
// WET file) and each response record with an HTML or text payload is a
// document, whose source is its WARC-Target-URI; other records are
// skipped and counted. A bad record is reported with its byte offset and
// skipped.
type warcFormat struct{ formatInfo }

// Sniff implements Format.
func (warcFormat) Sniff(head []byte) bool { return bytes.HasPrefix(head, []byte("WARC/1.")) }

// PayloadBuffer is how much of a record's payload is read before it is
// segmented: a record whose payload fits is checked whole first, so that a
// truncated or undecodable one is skipped with no records out. A longer
// payload is streamed: an error past the first PayloadBuffer bytes is
// reported after the blocks before it were written.
const PayloadBuffer = 8 << 20

func (warcFormat) Read(ctx context.Context, in *Input, r io.Reader, e *Env) error {
	wr := warc.NewReader(r)
	var buf []byte
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := wr.Next()
		var we *warc.Error
		switch {
		case err == io.EOF:
			return nil
		case errors.As(err, &we):
			e.Bad(fmt.Errorf("%s: %v", in.Source, err))
			continue
		case err != nil:
			return err
		}
		if buf, err = warcRecord(in, rec, e, buf); err != nil {
			var se *SinkError
			if errors.As(err, &se) {
				return se.Err
			}
			if errors.As(err, &we) { // the record's block failed: the error names its offset
				e.Bad(fmt.Errorf("%s: %v", in.Source, we))
				continue
			}
			e.Bad(fmt.Errorf("%s: WARC record at byte offset %d (%s): %w", in.Source, recordAt(rec), rec.Header.Get("WARC-Record-ID"), err))
		}
	}
}

// recordAt returns where a record is, for messages.
func recordAt(rec *warc.Record) int64 {
	if rec.InMember > 0 {
		return rec.InMember
	}
	return rec.Offset
}

// warcRecord splits one record, or counts it as skipped; buf is a buffer
// to reuse, returned.
func warcRecord(in *Input, rec *warc.Record, e *Env, buf []byte) ([]byte, error) {
	typ := rec.Type()
	contentType := rec.Header.Get("Content-Type")
	body := rec.Block
	html := false
	switch typ {
	case "conversion":
	case "response":
		mt, _, _ := mime.ParseMediaType(contentType)
		if mt == "application/http" {
			resp, err := warc.ReadHTTP(body)
			if errors.Is(err, warc.ErrEncoding) {
				e.Skip("response in a content encoding not read (" + strings.TrimPrefix(err.Error(), warc.ErrEncoding.Error()+" ") + ")")
				return buf, nil
			}
			if err != nil {
				return buf, err
			}
			contentType, body = resp.Header.Get("Content-Type"), resp.Body
		}
		mt, _, _ = mime.ParseMediaType(contentType)
		switch mt {
		case "text/html", "application/xhtml+xml":
			html = true
		case "text/plain":
		default:
			e.Skip("response not HTML or text")
			return buf, nil
		}
	default:
		e.Skip(typ)
		return buf, nil
	}
	// Read the payload, or its first PayloadBuffer bytes.
	buf = buf[:0]
	n, err := readUpTo(body, &buf, PayloadBuffer)
	if err != nil {
		return buf, err
	}
	complete := n < PayloadBuffer
	var payload io.Reader = bytes.NewReader(buf)
	if !complete {
		payload = io.MultiReader(payload, body)
	}
	doc := &Doc{Source: rec.Header.Get("WARC-Target-URI"), RecordID: rec.Header.Get("WARC-Record-ID"), Folder: recordFolder(rec),
		Where: fmt.Sprintf("%s: WARC record at byte offset %d", in.Source, recordAt(rec)), Pos: fmt.Sprintf("the record at byte offset %d", recordAt(rec))}
	if doc.Source == "" {
		doc.Source = fmt.Sprintf("%s#%d", in.Source, rec.Offset)
	}
	opts := e.p.opts.Decode
	head := buf[:min(len(buf), decode.StreamSniffLen)]
	const name = "payload" // decoding errors are offsets into it
	if html {
		det, label, err := decidePage(name, head, complete, contentType, opts)
		if err != nil {
			return buf, err
		}
		rd := pageReader(name, payload, det, label, opts.Invalid)
		return buf, e.Document(doc, true, rd, &rd.Map)
	}
	det, label, declared, err := declaredCharset(name, head, contentType, opts)
	if err == nil && !declared {
		det, err = decode.Head(name, head, complete, opts)
	}
	if err != nil {
		return buf, err
	}
	if enc := charsetOf(det, label); enc != nil {
		rd := htmltext.NewTextReader(payload, htmltext.Options{Charset: enc, Name: name, Replace: opts.Invalid == decode.InvalidReplace})
		return buf, e.Document(doc, true, rd, &rd.Map)
	}
	var src SrcMap = identity(det.BOM)
	if det.Encoding == decode.UTF16LE || det.Encoding == decode.UTF16BE {
		src = nil // UTF-16 text has no byte offsets of its own in the UTF-8 text
	}
	if complete && det.Encoding == decode.UTF8 && opts.Invalid == decode.InvalidError {
		// The usual WET record: UTF-8, in memory, checked whole here.
		if len(buf) > len(head) {
			if _, err := decode.Head(name, buf, true, decode.Options{Encoding: decode.UTF8}); err != nil {
				return buf, err
			}
		}
		return buf, e.DocumentBytes(doc, true, buf[det.BOM:], src)
	}
	return buf, e.Document(doc, true, decode.NewReader(name, payload, det, opts.Invalid), src)
}

// readUpTo appends up to max bytes of r to *buf and returns how many.
func readUpTo(r io.Reader, buf *[]byte, max int) (int, error) {
	b := *buf
	for len(b) < max {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):min(cap(b), max)])
		b = b[:len(b)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			*buf = b
			return len(b), err
		}
	}
	*buf = b
	return len(b), nil
}

// recordFolder names a record's folder under -o: the UUID of its
// WARC-Record-ID, else the ID, else its offset.
func recordFolder(rec *warc.Record) string {
	id := rec.Header.Get("WARC-Record-ID")
	if u, ok := strings.CutPrefix(strings.Trim(id, "<>"), "urn:uuid:"); ok && u != "" {
		return u
	}
	if id != "" {
		return strings.Trim(id, "<>")
	}
	return fmt.Sprintf("record-%d-%d", rec.Offset, rec.InMember)
}
