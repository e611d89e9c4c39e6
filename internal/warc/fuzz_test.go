package warc

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// FuzzReader: any input ends in io.EOF (or an error of the file, which
// bytes.Reader never gives) after a bounded number of records and bad
// records, without a panic; offsets are inside the input.
func FuzzReader(f *testing.F) {
	f.Add([]byte("WARC/1.1\r\nWARC-Type: conversion\r\nContent-Length: 2\r\n\r\nhi\r\n\r\n"), false)
	f.Add([]byte("WARC/1.0\r\nContent-Length: 5\r\n\r\nab"), true)
	f.Add([]byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xffWARC"), false)
	f.Add([]byte("junk\nWARC/1.1\r\nA: b\r\n c\r\nContent-Length: -1\r\n\r\n"), true)
	f.Fuzz(func(t *testing.T, data []byte, stream bool) {
		var src io.Reader = bytes.NewReader(data)
		if stream {
			src = struct{ io.Reader }{src}
		}
		r := NewReader(src)
		for i := 0; ; i++ {
			if i > len(data)+2 {
				t.Fatalf("more than %d results from %d bytes", i, len(data))
			}
			rec, err := r.Next()
			if err == io.EOF {
				return
			}
			var e *Error
			if err != nil {
				if !errors.As(err, &e) {
					t.Fatalf("error %v is not an *Error", err)
				}
				if e.Offset < 0 || e.Offset > int64(len(data)) {
					t.Fatalf("offset %d outside %d bytes", e.Offset, len(data))
				}
				continue
			}
			if rec.Offset < 0 || rec.Offset > int64(len(data)) {
				t.Fatalf("record offset %d outside %d bytes", rec.Offset, len(data))
			}
			io.Copy(io.Discard, rec.Block)
		}
	})
}
