package segment

import (
	"testing"
	"unicode"

	"github.com/langsplit/langsplit/internal/arabic"
)

// The rune classes are of Go's Unicode version: when a Go release moves its
// unicode package to a new version, this fails until the tables follow.
func TestUnicodeVersion(t *testing.T) {
	if UnicodeVersion != unicode.Version {
		t.Fatalf("tables%s.go was made with Unicode %s, Go's unicode package has %s: install Debian's unicode-data "+
			"of that version (or pass -ucd to the generators), run go generate ./... and commit the new tables%s.go "+
			"(an older tables file for older toolchains needs a build constraint, as x/text does)",
			UnicodeVersion, UnicodeVersion, unicode.Version, unicode.Version)
	}
}

// The classes agree with the sets the generator builds them from, on every
// rune.
func TestClasses(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		cls := classOf(r)
		if ctl := arabic.IsBidiControl(r) || r == 0xFEFF; ctl != (cls == cControl) {
			t.Errorf("%U: class %d, bidi control %v", r, cls, ctl)
		}
		if cls >= cLatin && !unicode.IsLetter(r) {
			t.Errorf("%U: class %d but no letter", r, cls)
		}
		if cls == cDigit && !unicode.Is(unicode.Nd, r) {
			t.Errorf("%U: a digit class but no decimal digit", r)
		}
		if (cls == cLatin) != (unicode.IsLetter(r) && unicode.Is(unicode.Latin, r)) {
			t.Errorf("%U: class %d, Latin letter %v", r, cls, cls == cLatin)
		}
	}
	for _, c := range []struct {
		cls  uint8
		code string
		rtl  bool
	}{{cLatin, "Latn", false}, {cArabic, "Arab", true}, {clsHani, "Hani", false}, {clsJpan, "Jpan", false}} {
		if scriptCodes[c.cls] != c.code || rtlScript(c.cls) != c.rtl {
			t.Errorf("class %d: %s rtl %v, want %s rtl %v", c.cls, scriptCodes[c.cls], rtlScript(c.cls), c.code, c.rtl)
		}
	}
	if !rtlScript(classOf('א')) || rtlScript(classOf('Ж')) || !noSpaceScript(classOf('ก')) || noSpaceScript(cArabic) {
		t.Error("the script flags of Hebrew, Cyrillic, Thai or Arabic are wrong")
	}
}
