package htmltext

import (
	"bytes"
	"io"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// FuzzExtract: any input reads to its end or to an error without a panic;
// the text is valid UTF-8; and the Map's boundaries, asked for at every
// rune start in order, are inside the input and never go back.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"<p>Hello &amp; <b>سلام</b></p>", "<pre>\n a  b</pre><br>x", "<table><tr><td>a<td>b</table>",
		"<head><title>t</title>text", "&#x6AF;&copyright&#1;&#xD800;", "a\x00b\xffc", "<script>x</script><style>",
		"<template><p>x</template>y", "<!-- c -->z<![CDATA[q]]>", "<p>" + string(bytes.Repeat([]byte("word "), 300)),
		"<div hidden>a<span>b</div>c", `<b style="display:none">x</b><section><i hidden>y</section>z`,
	} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, page []byte, cp1256 bool) {
		opts := Options{Replace: true}
		if cp1256 {
			opts.Charset = charmap.Windows1256
		}
		r := NewReader(bytes.NewReader(page), opts)
		text, err := io.ReadAll(r)
		if err != nil {
			return // a token over MaxToken cannot happen at this size; other errors end the page
		}
		if !utf8.Valid(text) {
			t.Fatalf("text %q is not UTF-8", text)
		}
		var last int64
		for x := 0; x <= len(text); x++ {
			if x < len(text) && !utf8.RuneStart(text[x]) {
				continue
			}
			end, start := r.Map.Boundary(int64(x))
			if end < last || start < last || end > int64(len(page)) || start > int64(len(page)) {
				t.Fatalf("Boundary(%d) = %d, %d after %d (page of %d bytes, text %q)", x, end, start, last, len(page), text)
			}
			last = start
		}
	})
}
