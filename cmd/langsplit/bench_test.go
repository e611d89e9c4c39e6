package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/langsplit/langsplit/internal/textgen"
	"github.com/langsplit/langsplit/internal/warc"
)

// BenchmarkCLI runs the whole command in process on 16 MiB of generated
// mixed text: JSON Lines to /dev/null, the same from the text cut into the
// conversion records of a WET file, the text on two workers (-j 2), and -o
// with --by-lang. Run it with -cpu 1 for the one-core figure.
func BenchmarkCLI(b *testing.B) {
	dir := b.TempDir()
	in := filepath.Join(dir, "in.txt")
	if err := os.WriteFile(in, textgen.Bytes(textgen.Mixed, 16<<20, 1), 0o666); err != nil {
		b.Fatal(err)
	}
	fi, _ := os.Stat(in)
	wet := filepath.Join(dir, "in.warc.wet")
	if err := os.WriteFile(wet, wetOf(b, in), 0o666); err != nil {
		b.Fatal(err)
	}
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	defer null.Close()
	stdin, err := os.Open(os.DevNull)
	if err != nil {
		b.Fatal(err)
	}
	defer stdin.Close()
	for _, mode := range []struct {
		name string
		args func(i int) []string
	}{
		{"jsonl", func(int) []string { return []string{"-q", in} }},
		{"jsonl-j2", func(int) []string { return []string{"-q", "-j", "2", in} }}, // the one file on two workers
		{"wet", func(int) []string { return []string{"-q", wet} }},                // the same text in WET records: rates on the text's bytes
		{"by-lang", func(i int) []string {
			return []string{"-q", "--by-lang", "-f", "-o", filepath.Join(dir, "out"+strconv.Itoa(i%2)), in}
		}},
	} {
		b.Run(mode.name, func(b *testing.B) {
			b.SetBytes(fi.Size())
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if code := run(mode.args(i), stdin, null, null); code != 0 {
					b.Fatalf("exit %d", code)
				}
				i++
			}
		})
	}
}

// wetOf returns the text of the file in as a WET file: conversion records
// of 4-16 KiB cut at line ends.
func wetOf(b *testing.B, in string) []byte {
	text, err := os.ReadFile(in)
	if err != nil {
		b.Fatal(err)
	}
	var out bytes.Buffer
	w := warc.NewWriter(&out)
	for n := 1; len(text) > 0; n++ {
		size := min(len(text), 4<<10+(n*7919)%(12<<10))
		if i := bytes.IndexByte(text[size:], '\n'); i >= 0 {
			size += i + 1
		} else {
			size = len(text)
		}
		h := warc.Header{{Name: "WARC-Type", Value: "conversion"}, {Name: "WARC-Target-URI", Value: fmt.Sprintf("https://example.ir/%d", n)},
			{Name: "WARC-Record-ID", Value: fmt.Sprintf("<urn:uuid:%08x-0000-4000-8000-%012x>", n, n)}, {Name: "Content-Type", Value: "text/plain"}}
		if err := w.Write(h, text[:size]); err != nil {
			b.Fatal(err)
		}
		text = text[size:]
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	return out.Bytes()
}
