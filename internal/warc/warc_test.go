package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

func record(t *testing.T, gz bool, id int, block string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := NewWriter(&buf)
	w.Gzip = gz
	h := Header{{"WARC-Type", "conversion"}, {"WARC-Record-ID", fmt.Sprintf("<urn:uuid:%d>", id)}}
	if err := w.Write(h, []byte(block)); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type item struct {
	id     string
	offset int64
	in     int64
	block  string
	err    string
}

// readAll reads every record of data, as a file that can seek or as a
// stream.
func readAll(t *testing.T, data []byte, seek bool) []item {
	t.Helper()
	var src io.Reader = bytes.NewReader(data)
	if !seek {
		src = struct{ io.Reader }{src}
	}
	r := NewReader(src)
	var out []item
	for range 100 {
		rec, err := r.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is not an *Error", err)
			}
			out = append(out, item{err: err.Error(), offset: e.Offset})
			continue
		}
		b, err := io.ReadAll(rec.Block)
		it := item{id: rec.Header.Get("warc-record-id"), offset: rec.Offset, in: rec.InMember, block: string(b)}
		if err != nil {
			it.err = err.Error()
		}
		out = append(out, it)
	}
	t.Fatal("no end")
	return nil
}

func TestPlainAndGzip(t *testing.T) {
	blocks := []string{"first block\r\n", "", strings.Repeat("long ", 5000)}
	var plain, gz [][]byte
	for i, b := range blocks {
		plain = append(plain, record(t, false, i, b))
		gz = append(gz, record(t, true, i, b))
	}
	var whole bytes.Buffer
	z := gzip.NewWriter(&whole)
	z.Write(bytes.Join(plain, nil))
	z.Close()
	for _, c := range []struct {
		name string
		data []byte
		// offsets and in-member offsets of the records
		off, in []int64
	}{
		{"plain", bytes.Join(plain, nil), []int64{0, int64(len(plain[0])), int64(len(plain[0]) + len(plain[1]))}, []int64{0, 0, 0}},
		{"gzip per record", bytes.Join(gz, nil), []int64{0, int64(len(gz[0])), int64(len(gz[0]) + len(gz[1]))}, []int64{0, 0, 0}},
		{"gzip whole", whole.Bytes(), []int64{0, 0, 0}, []int64{0, int64(len(plain[0])), int64(len(plain[0]) + len(plain[1]))}},
	} {
		for _, seek := range []bool{true, false} {
			got := readAll(t, c.data, seek)
			if len(got) != len(blocks) {
				t.Fatalf("%s: %d records, want %d: %+v", c.name, len(got), len(blocks), got)
			}
			for i, it := range got {
				if it.err != "" || it.block != blocks[i] || it.id != fmt.Sprintf("<urn:uuid:%d>", i) || it.offset != c.off[i] || it.in != c.in[i] {
					t.Errorf("%s record %d: %+v, want offset %d/%d", c.name, i, it, c.off[i], c.in[i])
				}
			}
		}
	}
}

// A truncated member is reported once, at its offset, and the next
// member is read, whether the file can seek or not.
func TestTruncatedMember(t *testing.T) {
	var ms [][]byte
	for i := range 3 {
		ms = append(ms, record(t, true, i, strings.Repeat("hello world ", 100)))
	}
	ms[1] = ms[1][:len(ms[1])/2]
	data := bytes.Join(ms, nil)
	for _, seek := range []bool{true, false} {
		got := readAll(t, data, seek)
		if len(got) != 3 || got[0].id != "<urn:uuid:0>" || got[1].err == "" || got[1].offset != int64(len(ms[0])) || got[2].id != "<urn:uuid:2>" {
			t.Errorf("seek %v: %+v", seek, got)
		}
	}
	// Cut at the end of the file: the last record's block fails.
	got := readAll(t, bytes.Join(ms[:1], nil)[:len(ms[0])-8], true)
	if len(got) != 1 || got[0].err == "" {
		t.Errorf("cut at the end: %+v", got)
	}
}

// Header syntax: continuation lines, a bad line, a missing length, blank
// lines between records.
func TestHeaders(t *testing.T) {
	data := "\r\n\r\nWARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: http://a\r\n  /b\r\nContent-Length: 2\r\n\r\nhi\r\n\r\n" +
		"WARC/1.1\r\nnot a header line\r\nContent-Length: 2\r\n\r\nxx\r\n\r\n" +
		"WARC/1.1\r\nWARC-Type: conversion\r\n\r\nyy\r\n\r\n" +
		"WARC/1.1\r\nWARC-Type: conversion\r\nContent-Length: 3\r\n\r\nok!\r\n\r\n"
	r := NewReader(strings.NewReader(data))
	rec, err := r.Next()
	if err != nil || rec.Header.Get("WARC-Target-URI") != "http://a /b" || rec.Version != "WARC/1.0" || rec.Offset != 4 {
		t.Fatalf("first: %+v %v", rec, err)
	}
	var errs []string
	var last string
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		b, _ := io.ReadAll(rec.Block)
		last = string(b)
	}
	if len(errs) != 2 || !strings.Contains(errs[0], `bad header line "not a header line"`) || !strings.Contains(errs[1], "Content-Length") || last != "ok!" {
		t.Errorf("errors %q, last block %q", errs, last)
	}
}

func TestReadHTTP(t *testing.T) {
	block := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1256\r\nX-A: b\r\n\r\n<p>body</p>"
	h, err := ReadHTTP(strings.NewReader(block))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(h.Body)
	if h.Status != 200 || h.Header.Get("Content-Type") != "text/html; charset=windows-1256" || string(body) != "<p>body</p>" ||
		h.HeaderLen != int64(len(block)-len("<p>body</p>")) || h.Encoded {
		t.Errorf("%+v %q", h, body)
	}
	if _, err := ReadHTTP(strings.NewReader("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxx")); !errors.Is(err, ErrEncoding) {
		t.Errorf("br: %v", err)
	}
	if _, err := ReadHTTP(strings.NewReader("GET / HTTP/1.1\r\n\r\n")); err == nil {
		t.Error("a request read as a response")
	}
}
