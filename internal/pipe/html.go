package pipe

import (
	"bufio"
	"context"
	"io"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"

	"github.com/langsplit/langsplit/internal/decode"
	"github.com/langsplit/langsplit/internal/htmltext"
)

// htmlFormat: a page is one document, its text as a browser shows it
// (package htmltext), its records with src_start/src_end into the page's
// bytes.
type htmlFormat struct{ formatInfo }

// Sniff implements Format.
func (htmlFormat) Sniff(head []byte) bool { return htmltext.Sniff(head) }

// check is the first pass over a page: the charset its BOM or a <meta>
// declares, or --encoding, or else the auto rule of decode.Check; with
// full, a page in UTF-8 is checked whole for invalid bytes.
func (htmlFormat) check(ctx context.Context, p *Pipeline, in *Input, r io.Reader, full bool) error {
	br := bufio.NewReaderSize(r, decode.StreamSniffLen)
	head, err := br.Peek(decode.BinarySniffLen)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return err
	}
	opts := p.opts.Decode
	det, label, declared, err := declaredCharset(in.Source, head, "", opts)
	if err != nil {
		return err
	}
	in.Det, in.Charset = det, label
	if !full || label != "" || det.Encoding == decode.Windows1256 && declared {
		return nil
	}
	if declared {
		opts.Encoding = det.Encoding
	}
	in.Det, err = decode.Check(in.Source, br, opts)
	in.whole = err == nil && in.Det.Encoding == decode.UTF8 && opts.Invalid == decode.InvalidError
	return err
}

// declaredCharset applies the charset rules that need no statistics: a
// BOM, --encoding other than auto, the charset of an HTTP Content-Type
// (contentType, for a WARC record), a <meta> in the head. It returns the
// decision (declared), the name of a declared charset that package decode
// does not handle (label), or neither (auto detection then decides).
func declaredCharset(source string, head []byte, contentType string, opts decode.Options) (det decode.Detection, label string, declared bool, err error) {
	det, err = decode.Sniff(source, head, opts)
	if err != nil || det.BOM > 0 || opts.Encoding != decode.Auto {
		return det, "", err == nil, err
	}
	for _, l := range []string{htmltext.ContentTypeCharset(contentType), htmltext.Prescan(head)} {
		if l == "" {
			continue
		}
		_, name := htmltext.Lookup(l)
		switch name {
		case "":
			continue // unknown: go on as if undeclared
		case "utf-8", "utf-16le", "utf-16be": // a page that says UTF-16 in ASCII is not UTF-16
			return decode.Detection{Encoding: decode.UTF8}, "", true, nil
		case "windows-1256":
			return decode.Detection{Encoding: decode.Windows1256}, "", true, nil
		default:
			return decode.Detection{}, name, true, nil
		}
	}
	return det, "", false, nil
}

// pageReader returns the reader of a page's text for a charset decision:
// r is the page's bytes as stored.
func pageReader(source string, r io.Reader, det decode.Detection, label string, invalid decode.Invalid) *htmltext.Reader {
	opts := htmltext.Options{Name: source, Replace: invalid == decode.InvalidReplace}
	switch {
	case label != "":
		opts.Charset, _ = htmltext.Lookup(label)
	case det.Encoding == decode.Windows1256:
		opts.Charset = charmap.Windows1256
	case det.Encoding == decode.UTF16LE || det.Encoding == decode.UTF16BE:
		// Markup in UTF-16 is not ASCII: the page is decoded first, and
		// src offsets are into its UTF-8 text.
		r = decode.NewReader(source, r, det, invalid)
	case det.BOM > 0:
		r = decode.Validated(r, det)
		opts.Offset = int64(det.BOM)
	}
	return htmltext.NewReader(r, opts)
}

func (htmlFormat) Read(_ context.Context, in *Input, r io.Reader, e *Env) error {
	det, label := in.Det, in.Charset
	if in.Stream || in.Format == nil || (det == decode.Detection{} && label == "") {
		// Not checked: decide on the head.
		br := bufio.NewReaderSize(r, decode.StreamSniffLen)
		head, err := br.Peek(decode.StreamSniffLen)
		if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
			return err
		}
		if det, label, err = decidePage(in.Source, head, err == io.EOF, "", e.p.opts.Decode); err != nil {
			return err
		}
		r = br
	}
	rd := pageReader(in.Source, r, det, label, e.p.opts.Decode.Invalid)
	return unwrapSink(e.Document(&Doc{Source: in.Source}, false, rd, &rd.Map))
}

// decidePage decides a page's charset on its head: the declared charset,
// or the auto rule on the head.
func decidePage(source string, head []byte, atEOF bool, contentType string, opts decode.Options) (decode.Detection, string, error) {
	det, label, declared, err := declaredCharset(source, head, contentType, opts)
	if err != nil || declared {
		return det, label, err
	}
	det, err = decode.Head(source, head, atEOF, opts)
	return det, "", err
}

// charsetOf returns the encoding of a decision, for text readers.
func charsetOf(det decode.Detection, label string) encoding.Encoding {
	if label != "" {
		e, _ := htmltext.Lookup(label)
		return e
	}
	if det.Encoding == decode.Windows1256 {
		return charmap.Windows1256
	}
	return nil
}
