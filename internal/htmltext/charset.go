package htmltext

import (
	"bytes"
	"mime"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// PrescanLen is how many leading bytes of a page Prescan reads, as
// browsers do.
const PrescanLen = 1024

// Sniff reports whether head, the first bytes of an input, starts like an
// HTML page: after a byte-order mark and whitespace, "<!doctype html" or
// "<html" in any case.
func Sniff(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	head = bytes.TrimLeft(head, " \t\r\n\f")
	for _, p := range []string{"<!doctype html", "<html"} {
		if len(head) >= len(p) && strings.EqualFold(string(head[:len(p)]), p) {
			if len(head) == len(p) {
				return true
			}
			c := head[len(p)]
			return c == '>' || isSpace(c) || c == '/'
		}
	}
	return false
}

// Prescan returns the charset label that a <meta charset> or <meta
// http-equiv="Content-Type"> in head declares, or "".
func Prescan(head []byte) string {
	z := html.NewTokenizer(bytes.NewReader(head[:min(len(head), PrescanLen)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			if string(name) != "meta" {
				continue
			}
			var cs, content string
			httpEquiv := false
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "charset":
					cs = string(v)
				case "content":
					content = string(v)
				case "http-equiv":
					httpEquiv = strings.EqualFold(string(v), "content-type")
				}
			}
			if cs != "" {
				return strings.TrimSpace(cs)
			}
			if httpEquiv && content != "" {
				if l := ContentTypeCharset(content); l != "" {
					return l
				}
			}
		}
	}
}

// ContentTypeCharset returns the charset parameter of a Content-Type value
// such as "text/html; charset=windows-1256", or "".
func ContentTypeCharset(ct string) string {
	if _, params, err := mime.ParseMediaType(ct); err == nil {
		return strings.TrimSpace(params["charset"])
	}
	// Lenient, as browsers are: "charset=" anywhere, quotes optional.
	i := strings.Index(strings.ToLower(ct), "charset=")
	if i < 0 {
		return ""
	}
	v := strings.TrimLeft(ct[i+len("charset="):], " ")
	v = strings.Trim(v, `"'`)
	if j := strings.IndexAny(v, `;"' `); j >= 0 {
		v = v[:j]
	}
	return v
}

// Lookup returns the encoding a charset label names (the WHATWG Encoding
// Standard's labels, e.g. "windows-1256", "utf-8", "iso-8859-6") and its
// canonical name, or nil and "" for an unknown label.
func Lookup(label string) (encoding.Encoding, string) {
	e, name := charset.Lookup(label)
	if e == nil {
		return nil, ""
	}
	return e, name
}
