package pipe

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/langsplit/langsplit/internal/record"
	"github.com/langsplit/langsplit/internal/split"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.jsonl from the actual output")

// memSink keeps the JSON lines a run gives, as the CLI prints them, and
// the bad documents as {"bad": message} lines in their place.
type memSink struct {
	lines []string
	docs  []string
	recs  []record.Record
	raws  []string
}

func (s *memSink) Document(d *Doc) error { s.docs = append(s.docs, d.Source); return nil }
func (s *memSink) Block(r *record.Record, raw, text []byte) error {
	s.lines = append(s.lines, string(r.AppendJSONText(nil, text)))
	s.recs = append(s.recs, *r)
	s.raws = append(s.raws, string(raw))
	return nil
}
func (s *memSink) Summary(d *record.Doc) error {
	s.lines = append(s.lines, string(d.AppendJSON(nil)))
	return nil
}
func (s *memSink) bad(err error) {
	var sb strings.Builder
	enc := json.NewEncoder(&sb)
	enc.SetEscapeHTML(false)
	enc.Encode(map[string]string{"bad": err.Error()})
	s.lines = append(s.lines, sb.String())
}

// fileInput returns an input that reads data under name; as a stream when
// stream is true.
func fileInput(name string, data []byte, stream bool) *Input {
	return &Input{Source: name, Name: name, Stream: stream, Open: func() (io.ReadCloser, error) {
		if stream {
			return io.NopCloser(struct{ io.Reader }{bytes.NewReader(data)}), nil
		}
		return nopSeekCloser{bytes.NewReader(data)}, nil
	}}
}

type nopSeekCloser struct{ *bytes.Reader }

func (nopSeekCloser) Close() error { return nil }

// runTiers runs data through the pipeline as a file (Check, then Run) and
// as a stream (Run alone) and checks that both give the same lines; it
// returns the file's sink.
func runTiers(t *testing.T, opts Options, name string, data []byte) *memSink {
	t.Helper()
	p, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	var sinks [2]*memSink
	for i, stream := range []bool{false, true} {
		s := &memSink{}
		in := fileInput(name, data, stream)
		ctx := context.Background()
		if err := p.Check(ctx, in, true); err != nil {
			s.bad(err)
		} else if _, err := p.Run(ctx, in, split.NewNormalizer(opts.Split.Policy, opts.Split.Raw), s, s.bad); err != nil {
			s.bad(err)
		}
		sinks[i] = s
	}
	if f, st := strings.Join(sinks[0].lines, ""), strings.Join(sinks[1].lines, ""); f != st {
		t.Errorf("%s: a file and a stream give different records:\nfile:\n%s\nstream:\n%s", name, f, st)
	}
	return sinks[0]
}

// golden compares lines with testdata/name.golden.jsonl.
func golden(t *testing.T, name string, lines []string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden.jsonl")
	got := strings.Join(lines, "")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o666); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/pipe -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the records now:\n%s\nwant:\n%s", path, got, want)
	}
}

var defaultOpts = Options{Split: split.Options{Policy: split.Policy{Digits: "keep"}}}

// TestGoldenHTML runs the HTML fixtures through the pipeline as files and
// as streams, in auto and html format, and compares the records.
func TestGoldenHTML(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*.html")
	if len(paths) < 3 {
		t.Fatalf("fixtures: %v", paths)
	}
	for _, path := range paths {
		name := strings.TrimSuffix(filepath.Base(path), ".html")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			s := runTiers(t, defaultOpts, filepath.Base(path), data)
			// By content too: the same page without its extension.
			opts := defaultOpts
			opts.Format = "html"
			if s2 := runTiers(t, opts, filepath.Base(path), data); strings.Join(s2.lines, "") != strings.Join(s.lines, "") {
				t.Errorf("--input-format html gives other records than auto")
			}
			golden(t, name, s.lines)
			checkSrc(t, data, s, charsetFor(name))
		})
	}
}

// TestHTMLContent checks what the fixtures must show and must not.
func TestHTMLContent(t *testing.T) {
	text := func(name string) string {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		opts := defaultOpts
		opts.Split.Raw = true
		var sb strings.Builder
		for _, r := range runTiers(t, opts, name, data).raws {
			sb.WriteString(r)
		}
		return sb.String()
	}
	nested := text("nested.html")
	for _, bad := range []string{"سلام دنیا", "نباید", "font-family", "فارسی\"", "A title", "قالب", "اسکریپت", "app.js", "&amp;", "&lt;", "<p>", "not markup"} {
		if strings.Contains(nested, bad) {
			t.Errorf("nested.html: the text has %q, which a browser does not show", bad)
		}
	}
	for _, want := range []string{
		"Notes on mixed pages\n\n", // collapsed spaces; a heading ends a paragraph
		"This page mixes English and Persian text, the way a bilingual blog does.\n\n",
		"چند کلمه\u00a0دارد.", "نقل\u200cقول «کوتاه» و نشانه\u200cها & علامت\u200cها.",
		"First item\nمورد دوم\nThird item with a link\n",
		"English\tPersian\nHello\tسلام\nThank you\tمتشکرم\n",
		"  code   keeps   its   spaces\n    and its lines <tag>\n",
		"Line one\nLine two\nLine three",
		"© 2024 Example © © ©",
	} {
		if !strings.Contains(nested, want) {
			t.Errorf("nested.html: the text lacks %q:\n%s", want, nested)
		}
	}
	w := text("windows1256.html")
	// Windows-1256 has no Persian ی: old pages type the Arabic ي.
	for _, want := range []string{"به وبگاه ما خوش آمديد\n\n", "اين صفحه با کدگذاري ويندوز نوشته شده و حروف فارسي دارد.", "نام\tName"} {
		if !strings.Contains(w, want) {
			t.Errorf("windows1256.html: the text lacks %q:\n%s", want, w)
		}
	}
	if strings.Contains(w, "قديمي") {
		t.Errorf("windows1256.html: the title is shown")
	}
	if r := text("rtl.html"); !strings.Contains(r, "دستور apt install langsplit را در پایانه") {
		t.Errorf("rtl.html: bdi text not inline: %q", r)
	}
}
