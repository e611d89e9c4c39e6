package e2e

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/langsplit/langsplit/internal/htmltext"
)

// TestHTMLTextAsBrowser: internal/htmltext says it extracts "the text of a
// page as a browser shows it". For each page here, its text must be what
// headless Chromium's document.body.innerText gives, line breaks at the
// ends aside, but for the three places where innerText is not what the
// page shows, or not what a language splitter wants (ours below: the test
// checks that the browser still differs there).
func TestHTMLTextAsBrowser(t *testing.T) {
	bin := chromiumOrSkip(t)
	pages := []string{
		"<p>a</p><p>b</p>",
		"<div><div>a</div></div><div>b</div>",
		"  <b>a</b>   <i>b</i>  ",
		"a<br>b<br><br>c",
		"<pre>\n  x  y\n</pre>z", // ours: "  x  y\nz"
		"<table><tr><td>a</td> <td> b </td></tr><tr><td>c</td></tr></table>",
		"<ul><li>a<li>b</ul>",
		"<script>var a = '<p>no</p>';</script>yes",
		"<noscript><p>no</p></noscript><template><p>no</p></template>yes",
		"<h1>T</h1>text", // ours: "T\n\ntext"
		// What a page hides (hidden.go).
		"<div hidden>no</div>yes",
		"<div HIDDEN=hidden><p>no</p><div>no</div></div><p>yes</p>",
		`a<span style="display:none">b</span>c`,
		`<div style="color: red; DISPLAY : None !important">no</div>yes`,
		`<div style="display:none; display: block">shown</div>`,
		"<div hidden><div>no</div>still no</div>yes",
		"<div hidden><script>var s = '</div>';</script>no</div>yes",
		"<div hidden><ul><li>no<li>no</ul></div>yes",
		"<section><span hidden>no</section>yes",
		`<nav hidden><a href="/">Main menu</a></nav><main><p>Visible</p></main>`,
		"<p hidden>kept</p>b", // ours: kept
		"a\n\t b", "&amp; &lt;b&gt; &#1662; &copy", "x<!-- c -->y", "<p>سلام <bdi>Ali</bdi> دنیا</p>",
	}
	// Where htmltext differs from innerText by design: the line break that
	// ends a pre's text is the end of its last line, which innerText keeps
	// as a line of its own although the page shows none; and a heading ends
	// a paragraph (a blank line), where innerText gives a blank line after a
	// p only; and where an element's end tag may be left out (p, li, …),
	// hiding it is left undone (hidden.go), so its text stays.
	ours := map[string]string{
		"<p hidden>kept</p>b":    "kept\n\nb",
		"<pre>\n  x  y\n</pre>z": "  x  y\nz",
		"<h1>T</h1>text":         "T\n\ntext",
	}
	dir := t.TempDir()
	ctx := newBrowser(t, bin, dir)
	for i, page := range pages {
		file := filepath.Join(dir, "page"+strconv.Itoa(i)+".html")
		doc := "<!doctype html><meta charset=utf-8><body>" + page
		if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate("file://"+file)); err != nil {
			t.Fatalf("browser: %v", err)
		}
		shown, err := chromedp.Run(ctx, chromedp.Evaluate[string]("document.body.innerText"))
		if err != nil {
			t.Fatalf("browser: %v", err)
		}
		got, err := io.ReadAll(htmltext.NewReader(strings.NewReader(doc), htmltext.Options{}))
		if err != nil {
			t.Fatalf("%q: %v", page, err)
		}
		text, shown := strings.Trim(string(got), "\n"), strings.Trim(shown, "\n")
		if want, ok := ours[page]; ok {
			if text != want || shown == want {
				t.Errorf("%q: htmltext gives %q, want %q where the browser shows %q", page, text, want, shown)
			}
			continue
		}
		if text != shown {
			t.Errorf("%q: htmltext gives %q, the browser shows %q", page, text, shown)
		}
	}
}
