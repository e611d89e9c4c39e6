package pipe

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/langsplit/langsplit/internal/warc"
)

// wrec is a record of a generated WARC file.
type wrec struct {
	typ, uri, ctype string
	block           []byte
}

func (r wrec) header(i int) warc.Header {
	h := warc.Header{{Name: "WARC-Type", Value: r.typ},
		{Name: "WARC-Date", Value: "2024-03-01T10:00:00Z"},
		{Name: "WARC-Record-ID", Value: fmt.Sprintf("<urn:uuid:00000000-0000-4000-8000-%012d>", i)}}
	if r.uri != "" {
		h = append(h, warc.Field{Name: "WARC-Target-URI", Value: r.uri})
	}
	if r.ctype != "" {
		h = append(h, warc.Field{Name: "Content-Type", Value: r.ctype})
	}
	return h
}

// members returns each record written on its own, gzipped or not.
func members(t *testing.T, recs []wrec, gz bool) [][]byte {
	t.Helper()
	var out [][]byte
	for i, r := range recs {
		var buf bytes.Buffer
		w := warc.NewWriter(&buf)
		w.Gzip = gz
		if err := w.Write(r.header(i+1), r.block); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		out = append(out, buf.Bytes())
	}
	return out
}

func gzipAll(t *testing.T, b []byte) []byte {
	var buf bytes.Buffer
	z := gzip.NewWriter(&buf)
	z.Write(b)
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// httpResponse returns the block of a response record.
func httpResponse(header string, body []byte) []byte {
	return append([]byte("HTTP/1.1 200 OK\r\n"+header+"\r\n"), body...)
}

const (
	wetEn    = "A page of English text from the crawl.\nIt has two lines.\n"
	wetFa    = "این صفحه به زبان فارسی است و از خزش وب آمده است.\n"
	wetMixed = "Welcome to our site\nبه وبگاه ما خوش آمدید\nContact us at the address below.\nنشانی ما در پایین صفحه است.\n"
	pageUTF8 = `<!doctype html><html><head><title>خانه</title><script>var x = "نامرئی";</script></head>` +
		"<body><h1>Home page</h1><p>این متن اصلی صفحه است و <b>بسیار</b> کوتاه است.</p><p>The end.</p></body></html>"
)

// wetRecords are a WET file's records: its warcinfo and three conversions.
func wetRecords() []wrec {
	return []wrec{
		{typ: "warcinfo", ctype: "application/warc-fields", block: []byte("software: langsplit-test\r\nformat: WARC File Format 1.1\r\n")},
		{typ: "conversion", uri: "http://example.com/en", ctype: "text/plain", block: []byte(wetEn)},
		{typ: "conversion", uri: "http://example.ir/fa", ctype: "text/plain", block: []byte(wetFa)},
		{typ: "conversion", uri: "http://example.ir/mixed", ctype: "text/plain", block: []byte(wetMixed)},
	}
}

// responseRecords are a WARC file's records of a crawl: requests,
// responses with HTML in UTF-8 and in Windows-1256 (declared by the HTTP
// header only), chunked and gzip payloads, a text payload, an image, and
// metadata.
func responseRecords(t *testing.T) []wrec {
	cp, err := charmap.Windows1256.NewEncoder().Bytes([]byte("<html><body><p>صفحه قديمي با کدگذاري ويندوز.</p><p>Old page.</p></body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	chunked := "19\r\n<html><body><p>Chunked pa\r\n11\r\nge, in two parts.\r\n0\r\n\r\n"
	http := "application/http; msgtype=response"
	return []wrec{
		{typ: "request", uri: "http://example.ir/", ctype: "application/http; msgtype=request", block: []byte("GET / HTTP/1.1\r\nHost: example.ir\r\n\r\n")},
		{typ: "response", uri: "http://example.ir/", ctype: http, block: httpResponse("Content-Type: text/html; charset=utf-8\r\n", []byte(pageUTF8))},
		{typ: "response", uri: "http://old.example.ir/", ctype: http, block: httpResponse("Content-Type: text/html; charset=windows-1256\r\n", cp)},
		{typ: "response", uri: "http://example.com/chunked", ctype: http, block: httpResponse("Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", []byte(chunked))},
		{typ: "response", uri: "http://example.com/gz", ctype: http, block: httpResponse("Content-Type: text/html\r\nContent-Encoding: gzip\r\n", gzipAll(t, []byte("<p>Compressed page text.</p>")))},
		{typ: "response", uri: "http://example.com/robots.txt", ctype: http, block: httpResponse("Content-Type: text/plain\r\n", []byte("User-agent: *\nDisallow: /private\n"))},
		{typ: "response", uri: "http://example.com/logo.png", ctype: http, block: httpResponse("Content-Type: image/png\r\n", []byte("\x89PNG\r\n\x1a\n\x00\x00"))},
		{typ: "metadata", uri: "http://example.ir/", ctype: "application/warc-fields", block: []byte("fetchTimeMs: 120\r\n")},
	}
}

// TestGoldenWARC: WET and WARC files, plain, gzip per record and gzip
// whole, give the same records, and the golden ones.
func TestGoldenWARC(t *testing.T) {
	for _, c := range []struct {
		name string
		recs []wrec
	}{{"wet", wetRecords()}, {"responses", responseRecords(t)}} {
		plain := bytes.Join(members(t, c.recs, false), nil)
		s := runTiers(t, defaultOpts, c.name+".warc", plain)
		golden(t, "warc-"+c.name, s.lines)
		for _, v := range []struct {
			name string
			data []byte
		}{
			{c.name + ".warc.gz", bytes.Join(members(t, c.recs, true), nil)},
			{c.name + ".whole.warc.gz", gzipAll(t, plain)},
			{c.name + "-no-extension", plain},
		} {
			if got := runTiers(t, defaultOpts, v.name, v.data); strings.Join(got.lines, "") != strings.Join(s.lines, "") {
				t.Errorf("%s gives other records than %s.warc:\n%s", v.name, c.name, strings.Join(got.lines, ""))
			}
		}
	}
}

// TestWETSrc: the src range of a conversion record's block is the block's
// bytes in the record.
func TestWETSrc(t *testing.T) {
	s := runTiers(t, defaultOpts, "wet.warc", bytes.Join(members(t, wetRecords(), false), nil))
	blocks := map[string]string{"http://example.com/en": wetEn, "http://example.ir/fa": wetFa, "http://example.ir/mixed": wetMixed}
	for i, r := range s.recs {
		if r.SrcStart == nil || blocks[r.Source][*r.SrcStart:*r.SrcEnd] != s.raws[i] {
			t.Errorf("record %s %d: src %v–%v is not the block %q", r.Source, r.Block, r.SrcStart, r.SrcEnd, s.raws[i])
		}
		if !strings.HasPrefix(r.RecordID, "<urn:uuid:") {
			t.Errorf("record %s %d: record_id %q", r.Source, r.Block, r.RecordID)
		}
	}
	if len(s.docs) != 3 {
		t.Errorf("documents %v, want the three conversion records", s.docs)
	}
}

// TestBadRecords: a truncated gzip member, a bad header and an undecodable
// payload are each reported with their byte offset and skipped; the
// records around them are read.
func TestBadRecords(t *testing.T) {
	good := func(n int) wrec {
		return wrec{typ: "conversion", uri: fmt.Sprintf("http://example.com/%d", n), ctype: "text/plain", block: []byte(fmt.Sprintf("Good record number %d.\n", n))}
	}
	recs := []wrec{good(1), good(2), good(3), {typ: "conversion", uri: "http://example.com/bad", ctype: "text/plain", block: []byte("Bytes \xff\xfe\xfd that are not text.\n")}, good(5)}
	m := members(t, recs, true)
	m[1] = m[1][:len(m[1])/2] // a truncated member
	// A member whose header has no Content-Length.
	m[2] = gzipAll(t, []byte("WARC/1.1\r\nWARC-Type: conversion\r\nWARC-Target-URI: http://example.com/3\r\n\r\nno length\r\n\r\n"))
	data := bytes.Join(m, nil)
	s := runTiers(t, defaultOpts, "bad.warc.gz", data)
	golden(t, "warc-bad", s.lines)
	got := strings.Join(s.lines, "")
	at := func(i int) int { return len(bytes.Join(m[:i], nil)) }
	for _, want := range []string{
		fmt.Sprintf(`bad.warc.gz: bad WARC record at byte offset %d: `, at(1)),
		fmt.Sprintf(`bad.warc.gz: bad WARC record at byte offset %d: bad or missing Content-Length`, at(2)),
		fmt.Sprintf(`bad.warc.gz: WARC record at byte offset %d (<urn:uuid:00000000-0000-4000-8000-000000000004>): payload: invalid UTF-8 at byte offset 6`, at(3)),
		`"source":"http://example.com/1"`, `"source":"http://example.com/5"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "http://example.com/bad") || strings.Contains(got, "http://example.com/2\"") {
		t.Errorf("records of a bad record are out:\n%s", got)
	}

	// A plain file: a bad header, then a record cut short at the end.
	p := members(t, []wrec{good(1), good(2), good(3)}, false)
	p[1] = bytes.Replace(p[1], []byte("WARC-Date: "), []byte("WARC-Date "), 1)
	plain := append(bytes.Join(p, nil), p[0][:len(p[0])-10]...)
	s = runTiers(t, defaultOpts, "bad.warc", plain)
	got = strings.Join(s.lines, "")
	for _, want := range []string{
		fmt.Sprintf(`bad.warc: bad WARC record at byte offset %d: bad header line \"WARC-Date 2024-03-01T10:00:00Z\"`, len(p[0])),
		fmt.Sprintf(`bad.warc: bad WARC record at byte offset %d: the file ends inside the record`, len(p[0])+len(p[1])+len(p[2])),
		`"source":"http://example.com/3"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
}

// TestDocSummary: one doc record after each document's blocks.
func TestDocSummary(t *testing.T) {
	opts := defaultOpts
	opts.DocSummary = true
	s := runTiers(t, opts, "wet.warc", bytes.Join(members(t, wetRecords(), false), nil))
	golden(t, "warc-wet-summary", s.lines)
	got := strings.Join(s.lines, "")
	for _, want := range []string{
		`{"source":"http://example.com/en","kind":"doc","record_id":"<urn:uuid:00000000-0000-4000-8000-000000000002>","blocks":1,"bytes":{"en":57},"letters":{"en":43},"mixed":false}`,
		`"source":"http://example.ir/mixed","kind":"doc"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
	if !strings.Contains(got, `"letters":{"en":`) || !strings.Contains(got, `"mixed":true`) {
		t.Errorf("the mixed page is not mixed:\n%s", got)
	}
}
