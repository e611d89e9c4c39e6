package bidi

import "fmt"

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

// ParseDigits parses a digit policy name: "keep", "fa" or "latin".
func ParseDigits(s string) (Digits, error) {
	switch s {
	case "keep":
		return DigitsKeep, nil
	case "fa":
		return DigitsFa, nil
	case "latin":
		return DigitsLatin, nil
	}
	return DigitsKeep, fmt.Errorf("bidi: unknown digits policy %q (want keep, fa or latin)", s)
}

// String returns the policy name that ParseDigits accepts.
func (d Digits) String() string {
	switch d {
	case DigitsKeep:
		return "keep"
	case DigitsFa:
		return "fa"
	case DigitsLatin:
		return "latin"
	}
	return fmt.Sprintf("Digits(%d)", int(d))
}

// DefaultMaxLine is the default for Options.MaxLine: the longest line, in
// bytes, that a Normalizer holds in memory to decide on it.
const DefaultMaxLine = 64 << 10

// MinMaxLine is the smallest accepted Options.MaxLine.
const MinMaxLine = 256

// Options are the policies of a normalizer. The zero value is the default
// policy of the design: digits kept, diacritics kept, affixes joined, visual
// order repaired. All fields but MaxLine apply to "fa" only.
type Options struct {
	Digits          Digits // fa only: the digit policy; default DigitsKeep
	StripDiacritics bool   // fa only: remove the harakat U+064B–U+0652
	NoAffixJoin     bool   // fa only: turn off می / نمی / ها joining
	NoVisualRepair  bool   // fa only: turn off visual-order detection and repair

	// MaxLine caps the bytes of one line that the normalizer holds (0 means
	// DefaultMaxLine; smaller values are raised to MinMaxLine). A longer line
	// is cut after its last space within the cap (or at a rune boundary when
	// it has none), and each piece is normalized as a line of its own
	// without visual-order repair. Idempotence is promised for lines within
	// the cap only.
	MaxLine int
}
