package split

// This file is the one seam between the splitters and the bidi normalizers.

import (
	"fmt"

	"golang.org/x/text/transform"

	"github.com/langsplit/langsplit/bidi"
)

// Policy holds the normalization choices (the CLI's policy flags).
type Policy struct {
	Preset          string // default or hazm; "" is default
	Digits          string // keep, fa or latin
	StripDiacritics bool
	NoVisualRepair  bool
	NoAffixJoin     bool
}

// Check validates the policy.
func (p Policy) Check() error {
	if _, err := bidi.ParseDigits(p.Digits); err != nil {
		return fmt.Errorf("invalid --digits %q (want keep, fa or latin)", p.Digits)
	}
	if _, err := p.preset(); err != nil {
		return fmt.Errorf("invalid --preset %q (want default or hazm)", p.Preset)
	}
	return nil
}

// preset parses the preset name ("" is the default).
func (p Policy) preset() (bidi.Preset, error) {
	if p.Preset == "" {
		return bidi.PresetDefault, nil
	}
	return bidi.ParsePreset(p.Preset)
}

// options returns the bidi options of p, which Check has accepted.
func (p Policy) options() bidi.Options {
	d, _ := bidi.ParseDigits(p.Digits)
	preset, _ := p.preset()
	return bidi.Options{Preset: preset, Digits: d, StripDiacritics: p.StripDiacritics, NoAffixJoin: p.NoAffixJoin, NoVisualRepair: p.NoVisualRepair}
}

// Transformer is what a language's normalizer provides.
type Transformer interface {
	transform.Transformer
	RepairedLines() int
}

// NewTransformer returns the normalizer of lang (a block label: "fa",
// "ar", "en", "und-…") under p.
func NewTransformer(lang string, p Policy) Transformer {
	return bidi.New(lang, p.options())
}

// Normalizer normalizes blocks, with one transformer per language. It
// belongs to one goroutine.
type Normalizer struct {
	policy   Policy
	raw      bool
	byLang   map[string]Transformer
	repaired int
	buf      []byte      // the last block's output, reused
	last     Transformer // the transformer of lastLang
	lastLang string
}

// NewNormalizer returns a Normalizer for p; with raw, blocks pass unchanged.
func NewNormalizer(p Policy, raw bool) *Normalizer {
	return &Normalizer{policy: p, raw: raw, byLang: map[string]Transformer{}}
}

// Apply returns the normalized text of a block of lang whose input bytes
// are raw, or raw itself when there is no normalization. The result is
// valid until the next call.
func (n *Normalizer) Apply(lang string, raw []byte) ([]byte, error) {
	if n.raw {
		return raw, nil
	}
	t := n.last
	if lang != n.lastLang || t == nil {
		var ok bool
		if t, ok = n.byLang[lang]; !ok {
			t = NewTransformer(lang, n.policy)
			n.byLang[lang] = t
		}
		n.last, n.lastLang = t, lang
	}
	// Transform's RepairedLines counts since the last Reset.
	t.Reset()
	var err error
	n.buf, _, err = transform.Append(t, n.buf[:0], raw)
	n.repaired += t.RepairedLines()
	return n.buf, err
}

// Fresh returns a new Normalizer with n's policy, for another goroutine.
func (n *Normalizer) Fresh() *Normalizer { return NewNormalizer(n.policy, n.raw) }

// Absorb adds the lines that o repaired to n's count.
func (n *Normalizer) Absorb(o *Normalizer) { n.repaired += o.repaired }

// Repaired returns how many lines were repaired from visual order so far.
func (n *Normalizer) Repaired() int { return n.repaired }
