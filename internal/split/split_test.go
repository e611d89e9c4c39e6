package split

import (
	"strings"
	"testing"
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
