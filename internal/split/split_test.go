package split

import (
	"context"
	"strings"
	"testing"

	"github.com/langsplit/langsplit/internal/record"
)

func TestParseDoc(t *testing.T) {
	for _, c := range []struct{ in, id, text, err string }{
		{`{"id":"a","text":"x"}`, "a", "x", ""},
		{`{"id":7,"text":""}`, "7", "", ""},
		{`{"id":-1.5,"text":"y"}`, "-1.5", "y", ""},
		{`{"text":"x"}`, "", "", `no "id"`},
		{`{"id":null,"text":"x"}`, "", "", `no "id"`},
		{`{"id":true,"text":"x"}`, "", "", "neither"},
		{`{"id":"a"}`, "", "", `no "text"`},
		{`[1]`, "", "", "not a JSON object"},
	} {
		id, text, err := ParseDoc([]byte(c.in))
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s: err %v, want %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil || id != c.id || text != c.text {
			t.Errorf("%s: %q %q %v, want %q %q", c.in, id, text, err, c.id, c.text)
		}
	}
}

// TestText checks numbering, rune offsets and the language filter: dropped
// blocks keep their numbers and offsets.
func TestText(t *testing.T) {
	doc := "First English line.\nیک خط فارسی.\nBack to English.\n"
	var got []record.Record
	err := Text(context.Background(), "doc", strings.NewReader(doc), Options{Langs: map[string]bool{"en": true}}, NewNormalizer(Policy{Digits: "keep"}, true),
		func(r *record.Record, text []byte) error {
			if string(text) != doc[r.Start:r.End] {
				t.Errorf("block %d text %q, want the raw slice %q", r.Block, text, doc[r.Start:r.End])
			}
			got = append(got, *r)
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Block != 1 || got[1].Block != 3 || got[1].Lang != "en" {
		t.Fatalf("records %+v: want blocks 1 and 3, English", got)
	}
	if got[1].RuneStart != int64(len([]rune(doc[:got[1].Start]))) {
		t.Errorf("rune_start %d, want %d", got[1].RuneStart, len([]rune(doc[:got[1].Start])))
	}
}

// TestJSONL checks that each line is its own document named by its id and
// that a bad line names the source and line.
func TestJSONL(t *testing.T) {
	in := `{"id":"a","text":"Hello there."}` + "\n\n" + `{"id":2,"text":"سلام دوستان"}` + "\n" + `{"id":3}` + "\n"
	var docs, sources []string
	err := JSONL(context.Background(), "in.jsonl", strings.NewReader(in), Options{}, NewNormalizer(Policy{}, true),
		func(id string) error { docs = append(docs, id); return nil },
		func(r *record.Record, _ []byte) error { sources = append(sources, r.Source+"/"+r.Lang); return nil })
	if err == nil || !strings.Contains(err.Error(), "in.jsonl:4:") {
		t.Fatalf("err %v, want one naming in.jsonl:4", err)
	}
	if strings.Join(docs, ",") != "a,2" || strings.Join(sources, ",") != "a/en,2/fa" {
		t.Fatalf("docs %v, records %v", docs, sources)
	}
}
