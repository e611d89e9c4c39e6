package pipeline_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"golang.org/x/text/encoding/charmap"

	"github.com/langsplit/langsplit/beam/pipeline"
	"github.com/langsplit/langsplit/internal/textgen"
	"github.com/langsplit/langsplit/internal/warc"
)

// wetFile returns a generated Common Crawl WET file, gzip per record: a
// warcinfo record and n conversion records of mixed text, the member of
// record cut cut in half (0: none).
func wetFile(t *testing.T, n, cut int) []byte {
	t.Helper()
	rng := rand.New(rand.NewPCG(7, 7))
	var out bytes.Buffer
	for i := 0; i <= n; i++ {
		var one bytes.Buffer
		w := warc.NewWriter(&one)
		w.Gzip = true
		h := warc.Header{{Name: "WARC-Type", Value: "conversion"}, {Name: "WARC-Date", Value: "2024-03-01T10:00:00Z"},
			{Name: "WARC-Record-ID", Value: fmt.Sprintf("<urn:uuid:00000000-0000-4000-8000-%012d>", i)},
			{Name: "WARC-Target-URI", Value: fmt.Sprintf("http://example%d.ir/page/%d", i%17, i)},
			{Name: "Content-Type", Value: "text/plain"}}
		block := textgen.Bytes(textgen.Mixed, 1<<10+rng.IntN(24<<10), uint64(i))
		if i == 0 {
			h = warc.Header{{Name: "WARC-Type", Value: "warcinfo"}, {Name: "WARC-Record-ID", Value: "<urn:uuid:00000000-0000-4000-8000-999999999999>"}}
			block = []byte("software: a generator for this test\r\n")
		}
		if err := w.Write(h, block); err != nil {
			t.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		b := one.Bytes()
		if i == cut {
			b = b[:len(b)/2]
		}
		out.Write(b)
	}
	return out.Bytes()
}

// crawlFile returns a plain WARC file of responses: HTML in UTF-8 and in
// Windows-1256, and an image.
func crawlFile(t *testing.T) []byte {
	t.Helper()
	cp, err := charmap.Windows1256.NewEncoder().Bytes([]byte("<html><body><p>صفحه قديمي با کدگذاري ويندوز.</p><p>An old page in English too.</p></body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	w := warc.NewWriter(&out)
	for i, r := range []struct {
		uri, ctype string
		body       []byte
	}{
		{"http://example.ir/", "text/html; charset=utf-8", []byte("<!doctype html><title>خانه</title><h1>Home</h1><p>این متن صفحه است و <b>کوتاه</b> است.</p>")},
		{"http://old.example.ir/", "text/html; charset=windows-1256", cp},
		{"http://example.ir/logo.png", "image/png", []byte("\x89PNG\r\n")},
	} {
		h := warc.Header{{Name: "WARC-Type", Value: "response"}, {Name: "WARC-Target-URI", Value: r.uri},
			{Name: "WARC-Record-ID", Value: fmt.Sprintf("<urn:uuid:10000000-0000-4000-8000-%012d>", i)},
			{Name: "Content-Type", Value: "application/http; msgtype=response"}}
		if err := w.Write(h, append([]byte("HTTP/1.1 200 OK\r\nContent-Type: "+r.ctype+"\r\n\r\n"), r.body...)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestWET: a generated WET file (with a truncated member) and a WARC file
// of responses, split on prism with --doc-summary, give the multiset of
// records the CLI prints, and the same bad record.
func TestWET(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "crawl")
	mustWrite(t, in, map[string][]byte{
		"CC-MAIN-0001.warc.wet.gz": wetFile(t, 300, 150),
		"responses.warc":           crawlFile(t),
	})
	stdout, stderr, code := runCLI(t, "-j", "2", "--doc-summary", in)
	if code != 1 {
		t.Fatalf("CLI exit %d, want 1 (the truncated member)\n%s", code, stderr)
	}
	want := splitLines(stdout)
	if len(want) < 600 || !strings.Contains(string(stdout), `"source":"http://old.example.ir/"`) {
		t.Fatalf("CLI gave %d records", len(want))
	}

	out := filepath.Join(dir, "out")
	p, s := beam.NewPipelineWithRoot()
	pipeline.Build(s, pipeline.Options{Inputs: []string{in}, Output: out, DocSummary: true})
	ptest.RunAndValidate(t, p)
	got := readOutput(t, out)
	sameMultiset(t, "records", got.lines, want)

	wet := filepath.Join(in, "CC-MAIN-0001.warc.wet.gz")
	if len(got.errors) != 1 || got.errors[0].Source != wet || got.errors[0].Status != pipeline.StatusPartial ||
		!strings.Contains(string(stderr), "langsplit: "+got.errors[0].Error+"\n") || !strings.Contains(got.errors[0].Error, "truncated or corrupt gzip member") {
		t.Errorf("errors.jsonl %+v; CLI stderr:\n%s", got.errors, stderr)
	}
	if got.summary.FilesOK != 1 || got.summary.FilesPartial != 1 || got.summary.FilesFailed != 0 || len(got.shards[pipeline.DocShard]) == 0 {
		t.Errorf("summary %+v", got.summary)
	}
}
