package htmltext

import (
	"errors"
	"io"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func extract(t *testing.T, page string, opts Options) (string, *Reader) {
	t.Helper()
	r := NewReader(strings.NewReader(page), opts)
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("%q: %v", page, err)
	}
	return string(b), r
}

func TestRules(t *testing.T) {
	for _, c := range []struct{ page, want string }{
		{"<p>a</p><p>b</p>", "a\n\nb"},
		{"<div><div>a</div></div><div>b</div>", "a\nb"},
		{"  <b>a</b>   <i>b</i>  ", "a b"},
		{"a\n\t b", "a b"},
		{"a\nb", "a b"},
		{"a<br>b<br><br>c", "a\nb\n\nc"},
		{"<br><br>a", "a"},
		{"<pre>\n  x  y\n</pre>z", "  x  y\nz"},
		{"<pre>a</pre>\n<p>b</p>", "a\n\nb"},
		{"<table><tr><td>a</td> <td> b </td></tr><tr><td>c</td></tr></table>", "a\tb\nc"},
		{"<ul><li>a<li>b</ul>", "a\nb"},
		{"<head><title>t</title><meta charset=utf-8><p>shown", "shown"},     // head ends at p
		{"<html><head><style>p{}</style></head><body>x</body></html>", "x"}, // style dropped
		{"<script>var a = '<p>no</p>';</script>yes", "yes"},
		{"<noscript><p>no</p></noscript><template><p>no</p></template>yes", "yes"},
		{"&amp; &lt;b&gt; &#1662; &#x6AF; &copy &notanentity; &", "& <b> پ گ © ¬anentity; &"}, // &not is a legacy entity, as in browsers
		{"&copyright", "©right"},
		{"a&nbsp;b", "a\u00a0b"},
		{"x<!-- comment -->y", "xy"},
		{"<h1>T</h1>text", "T\n\ntext"},
		{"a\x00b", "ab"},
	} {
		if got, _ := extract(t, c.page, Options{}); got != c.want {
			t.Errorf("%q: got %q, want %q", c.page, got, c.want)
		}
	}
}

// TestHidden pins hidden.go: what a page hides is dropped where its end is
// certain, and kept where it is not.
func TestHidden(t *testing.T) {
	deep := strings.Repeat("<span>", maxHidden) + "shown" + strings.Repeat("</span>", maxHidden)
	for _, c := range []struct{ page, want string }{
		{"<div hidden>no</div>yes", "yes"},
		{"<div HIDDEN=hidden><p>no</p><div>no</div></div><p>yes</p>", "yes"},
		{`a<span style="display:none">b</span>c`, "ac"},
		{`<div style="color: red; DISPLAY : None !important">no</div>yes`, "yes"},
		{`<div style="display:none; display: block">shown</div>`, "shown"},
		{`<div style="display:block">shown</div><div style="x-display:none">shown</div>`, "shown\nshown"},
		{"<div hidden><div>no</div>still no</div>yes", "yes"},
		{"<div hidden><br>no<img src=x><br/></div>yes", "yes"},
		{"<div hidden><script>var s = '</div>';</script>no</div>yes", "yes"},
		{"<div hidden><ul><li>no<li>no</ul></div>yes", "yes"},    // optional end tags inside are closed by their parent
		{"<section><span hidden>no</section>yes", "yes"},         // an ancestor's end tag ends it, as in a browser
		{"<p hidden>kept</p>b", "kept\n\nb"},                     // the end of a p is not certain: kept
		{"<ul><li hidden>kept<li>b</ul>", "kept\nb"},             // nor that of an li
		{"<table><tr hidden><td>kept</td></tr></table>", "kept"}, // nor that of a row
		{"<div hidden>" + deep + "</div>yes", "shown\nyes"},      // deeper than tracked: shown from there
		{"<template><div hidden>no</div></template><div>yes</div>", "yes"},
	} {
		if got, _ := extract(t, c.page, Options{}); got != c.want {
			t.Errorf("%q: got %q, want %q", c.page, got, c.want)
		}
	}
	// The text after a hidden element maps back to the page's bytes; the
	// hidden element belongs to neither block.
	page := "<p>a <span hidden>no</span>b</p>"
	got, r := extract(t, page, Options{})
	if got != "a b" {
		t.Fatalf("got %q", got)
	}
	if end, start := r.Map.Boundary(2); end != int64(len("<p>a ")) || start != int64(strings.Index(page, "b</p>")) {
		t.Errorf("Boundary(2) = %d, %d; want %d, %d", end, start, len("<p>a "), strings.Index(page, "b</p>"))
	}
}

func TestInvalidUTF8(t *testing.T) {
	r := NewReader(strings.NewReader("<p>ok \xff bad</p>"), Options{Name: "page.html"})
	_, err := io.ReadAll(r)
	var e *Error
	if !errors.As(err, &e) || e.Offset != 6 || !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "page.html: invalid UTF-8 at byte offset 6") {
		t.Fatalf("err %v", err)
	}
	if got, _ := extract(t, "<p>ok \xff bad</p>", Options{Replace: true}); got != "ok \uFFFD bad" {
		t.Errorf("replace: %q", got)
	}
}

func TestWindows1256(t *testing.T) {
	page, _ := charmap.Windows1256.NewEncoder().Bytes([]byte("<p>سلام  دنيا</p><p>and English</p>"))
	got, r := extract(t, string(page), Options{Charset: charmap.Windows1256})
	if got != "سلام دنيا\n\nand English" {
		t.Fatalf("got %q", got)
	}
	// "دنيا" starts at text byte 9 and source byte 3+4+2 = 9: the two
	// spaces collapsed into one go to the block before.
	if end, start := r.Map.Boundary(9); end != 9 || start != 9 {
		t.Errorf("Boundary(9) = %d, %d; want 9, 9", end, start)
	}
}

func TestMapBoundary(t *testing.T) {
	var m Map
	m.add(1, 0, 5) // markup 0–5
	m.add(3, 1, 1) // "abc" 5–8
	m.add(1, 2, 6) // an entity of two bytes 8–14
	m.add(2, 1, 0) // two line breaks with no source (before the markup, as Reader adds them)
	m.add(1, 0, 4) // markup 14–18
	m.add(2, 2, 1) // two letters in Windows-1256 18–20
	for _, c := range []struct{ x, end, start int64 }{
		{0, 0, 5}, // markup at the start belongs to no block
		{2, 7, 7},
		{4, 14, 8}, // inside the entity: both blocks have it
		{5, 14, 14},
		{7, 14, 18}, // markup after the line breaks starts the next block
		{9, 19, 19},
		{11, 20, 20},
	} {
		end, start := m.Boundary(c.x)
		if end != c.end || start != c.start {
			t.Errorf("Boundary(%d) = %d, %d; want %d, %d", c.x, end, start, c.end, c.start)
		}
	}
}

func TestTextReader(t *testing.T) {
	src, _ := charmap.Windows1256.NewEncoder().Bytes([]byte("متن  ساده\nplain & <b>"))
	r := NewTextReader(strings.NewReader(string(src)), Options{Charset: charmap.Windows1256})
	b, err := io.ReadAll(r)
	if err != nil || string(b) != "متن  ساده\nplain & <b>" {
		t.Fatalf("%q %v", b, err)
	}
	if end, start := r.Map.Boundary(int64(len("متن  ساده\n"))); end != 10 || start != 10 {
		t.Errorf("Boundary = %d, %d; want 10, 10", end, start)
	}
}

func TestSniffPrescan(t *testing.T) {
	for _, c := range []struct {
		head string
		html bool
	}{
		{"<!DOCTYPE html>", true}, {"\xEF\xBB\xBF\n  <html lang=fa>", true}, {"<HTML>", true},
		{"<htmlx>", false}, {"text <html>", false}, {"<?xml version", false},
	} {
		if got := Sniff([]byte(c.head)); got != c.html {
			t.Errorf("Sniff(%q) = %v", c.head, got)
		}
	}
	for _, c := range []struct{ head, label string }{
		{`<meta charset="windows-1256">`, "windows-1256"},
		{`<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=utf-8">`, "utf-8"},
		{`<meta content="text/html; charset=iso-8859-6" http-equiv="content-type">`, "iso-8859-6"},
		{`<meta name="x" content="charset=koi8-r">`, ""},
		{`<p>no meta</p>`, ""},
	} {
		if got := Prescan([]byte(c.head)); got != c.label {
			t.Errorf("Prescan(%q) = %q, want %q", c.head, got, c.label)
		}
	}
	if got := ContentTypeCharset(`text/html;charset="Windows-1256"`); got != "Windows-1256" {
		t.Errorf("ContentTypeCharset: %q", got)
	}
	if e, name := Lookup("cp1256"); e == nil || name != "windows-1256" {
		t.Errorf("Lookup(cp1256) = %v %q", e, name)
	}
}
