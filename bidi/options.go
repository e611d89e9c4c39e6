package bidi

import (
	"fmt"
	"slices"
)

// Digits is the digit policy of the Persian normalizer.
type Digits int

// The digit policies. The zero value is DigitsKeep.
const (
	// DigitsKeep leaves ASCII digits alone and writes Arabic-Indic digits
	// (U+0660–U+0669) as Persian digits (U+06F0–U+06F9).
	DigitsKeep Digits = iota
	// DigitsFa is DigitsKeep, and also writes ASCII digits as Persian digits
	// in numbers that stand alone: not in a word with Latin letters
	// ("COVID-19"), not in a URL or e-mail address ("example.com/2024"), and
	// not in a version or address with two or more dots ("1.2.3", "10.0.0.1").
	DigitsFa
	// DigitsLatin writes Persian and Arabic-Indic digits as ASCII digits
	// (outside URLs and e-mail addresses).
	DigitsLatin
)

// digitsNames are the names of the digit policies, by value.
var digitsNames = []string{DigitsKeep: "keep", DigitsFa: "fa", DigitsLatin: "latin"}

// ParseDigits parses a digit policy name: "keep", "fa" or "latin".
func ParseDigits(s string) (Digits, error) {
	if i := slices.Index(digitsNames, s); i >= 0 {
		return Digits(i), nil
	}
	return DigitsKeep, fmt.Errorf("bidi: unknown digits policy %q (want keep, fa or latin)", s)
}

// String returns the policy name that ParseDigits accepts.
func (d Digits) String() string { return nameOf(digitsNames, int(d), "Digits") }

// nameOf returns names[v], or kind(v) for a value without a name.
func nameOf(names []string, v int, kind string) string {
	if v >= 0 && v < len(names) {
		return names[v]
	}
	return fmt.Sprintf("%s(%d)", kind, v)
}

// DefaultMaxLine is the default for Options.MaxLine: the longest line, in
// bytes, that a Normalizer holds in memory to decide on it.
const DefaultMaxLine = 64 << 10

// MinMaxLine is the smallest accepted Options.MaxLine.
const MinMaxLine = 256

// Preset is a set of conventions of the Persian normalizer beyond its
// default rules.
type Preset int

// The presets. The zero value is PresetDefault.
const (
	// PresetDefault is the minimal, careful policy of the design.
	PresetDefault Preset = iota
	// PresetHazm adds, opt-in, the conventions of the hazm normalizer that
	// are safe on mixed text: a ZWNJ before ای ام ات اش ایم اید اند and the
	// ezafe ی after a final ه ("خانه ای" → "خانه‌ای", "خانه ی" → "خانه‌ی"),
	// before تر and ترین ("بزرگ تر" → "بزرگ‌تر"); بر joined to a joined می
	// ("بر می‌گردد" → "برمی‌گردد"); runs of spaces made one and spaces at
	// the line ends dropped; no space before . ! ? : ; ، ؛ ؟ » ) and after
	// « (, and one after . ! ? : ; ، ؛ ؟ » ) before a letter. And the joins
	// that its closed lexicon (lexicon.go) makes sure: می and نمی split from
	// a verb typed joined to them when the rest is a known present or past
	// stem with a personal ending and the word is no exception ("میدانم" →
	// "می‌دانم", "برمیگردم" → "برمی‌گردم", "بر‌میدارم" → "برمی‌دارم", but
	// میز, میدان, میوه, میدانی stay); a plural suffix typed joined to a word
	// in ه ("جمعهها" → "جمعه‌ها", not جبههای or دههای) or to a noun of the
	// lexicon ("کتابهایش" → "کتاب‌هایش"); the spoken هاشون/هاتون typed with
	// a space; بی before a noun of the lexicon ("بی دلیل" → "بی‌دلیل"). The
	// joins follow NoAffixJoin. Every rule needs Arabic-script letters on
	// its sides, so Latin text, URLs, e-mail addresses, numbers and
	// abbreviations are left as they are; lines without an Arabic-script
	// letter are not touched.
	PresetHazm
)

// presetNames are the names of the presets, by value.
var presetNames = []string{PresetDefault: "default", PresetHazm: "hazm"}

// ParsePreset parses a preset name: "default" or "hazm".
func ParsePreset(s string) (Preset, error) {
	if i := slices.Index(presetNames, s); i >= 0 {
		return Preset(i), nil
	}
	return PresetDefault, fmt.Errorf("bidi: unknown preset %q (want default or hazm)", s)
}

// String returns the preset name that ParsePreset accepts.
func (p Preset) String() string { return nameOf(presetNames, int(p), "Preset") }

// Options are the policies of a normalizer. The zero value is the default
// policy of the design: digits kept, diacritics kept, affixes joined, visual
// order repaired. All fields but MaxLine apply to "fa" only.
type Options struct {
	Preset          Preset // fa only: conventions beyond the default rules
	Digits          Digits // fa only: the digit policy; default DigitsKeep
	StripDiacritics bool   // fa only: remove the harakat U+064B–U+0652
	NoAffixJoin     bool   // fa only: turn off می / نمی / ها joining (and the hazm preset's joins)
	NoVisualRepair  bool   // fa only: turn off visual-order detection and repair

	// MaxLine caps the bytes of one line that the normalizer holds (0 means
	// DefaultMaxLine; smaller values are raised to MinMaxLine). A longer line
	// is cut after its last space within the cap (or at a rune boundary when
	// it has none), and each piece is normalized as a line of its own
	// without visual-order repair. Idempotence is promised for lines within
	// the cap only.
	MaxLine int
}
