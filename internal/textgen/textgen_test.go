package textgen

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestGenerate(t *testing.T) {
	for _, k := range []Kind{Mixed, English, Persian} {
		a := Bytes(k, 50000, 7)
		if len(a) < 50000 || !utf8.Valid(a) || a[len(a)-1] != '\n' {
			t.Fatalf("kind %d: %d bytes, valid UTF-8 %v, ends %q", k, len(a), utf8.Valid(a), a[len(a)-1:])
		}
		if b := Bytes(k, 50000, 7); !bytes.Equal(a, b) {
			t.Fatalf("kind %d: not deterministic for a seed", k)
		}
		if c := Bytes(k, 50000, 8); bytes.Equal(a, c) {
			t.Fatalf("kind %d: the seed changes nothing", k)
		}
	}
	mixed := string(Bytes(Mixed, 200000, 1))
	for _, want := range []string{"«", "-->", "https://example.com/", english[0][:10], persian[0][:10]} {
		if !strings.Contains(mixed, want) {
			t.Errorf("mixed text lacks %q", want)
		}
	}
	if _, err := ParseKind("xx"); err == nil {
		t.Error("ParseKind accepts an unknown kind")
	}
}
