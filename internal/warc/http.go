package warc

import (
	"bufio"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"net/http/httputil"
	"net/textproto"
	"strings"

	"github.com/langsplit/langsplit/internal/decode"
)

// HTTP is the HTTP response held in a response record's block.
type HTTP struct {
	Status int                  // the status code
	Header textproto.MIMEHeader // the response's header fields
	// HeaderLen is the length of the status line and header, up to and
	// including the empty line: the payload starts at this offset of the
	// block.
	HeaderLen int64
	// Body reads the payload, with its transfer and content encodings
	// (chunked; gzip, deflate) undone.
	Body io.Reader
	// Encoded is true when Body is not the block's bytes after the
	// header (a transfer or content encoding was undone): offsets into
	// the payload are then offsets into the decoded payload.
	Encoded bool
}

// ErrEncoding is wrapped by the error ReadHTTP returns for a payload in a
// content encoding it cannot undo (br, zstd, …).
var ErrEncoding = errors.New("unsupported content encoding")

// ReadHTTP reads the status line and header of the HTTP response at the
// start of block.
func ReadHTTP(block io.Reader) (*HTTP, error) {
	cr := &decode.CountingReader{R: block}
	br := bufio.NewReaderSize(cr, 16<<10)
	tp := textproto.NewReader(br)
	line, err := tp.ReadLine()
	if err != nil {
		return nil, fmt.Errorf("HTTP status line: %w", eofErr(err))
	}
	proto, rest, _ := strings.Cut(line, " ")
	code, _, _ := strings.Cut(rest, " ")
	if !strings.HasPrefix(proto, "HTTP/") || len(code) != 3 {
		return nil, fmt.Errorf("bad HTTP status line %q", clip(line))
	}
	status := 0
	for _, c := range code {
		if c < '0' || c > '9' {
			return nil, fmt.Errorf("bad HTTP status line %q", clip(line))
		}
		status = status*10 + int(c-'0')
	}
	h, err := tp.ReadMIMEHeader()
	if err != nil {
		return nil, fmt.Errorf("HTTP header: %w", eofErr(err))
	}
	resp := &HTTP{Status: status, Header: h, HeaderLen: cr.N - int64(br.Buffered()), Body: br}
	if te := strings.ToLower(h.Get("Transfer-Encoding")); strings.Contains(te, "chunked") {
		resp.Body, resp.Encoded = httputil.NewChunkedReader(resp.Body), true
	}
	switch ce := strings.ToLower(strings.TrimSpace(h.Get("Content-Encoding"))); ce {
	case "", "identity", "none":
	case "gzip", "x-gzip":
		z, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, fmt.Errorf("gzip payload: %w", err)
		}
		resp.Body, resp.Encoded = z, true
	case "deflate":
		z, err := zlib.NewReader(resp.Body)
		if err != nil {
			return nil, fmt.Errorf("deflate payload: %w", err)
		}
		resp.Body, resp.Encoded = z, true
	default:
		return nil, fmt.Errorf("%w %q", ErrEncoding, ce)
	}
	return resp, nil
}

func eofErr(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}
