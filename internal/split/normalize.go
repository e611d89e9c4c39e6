package split

// This file is the one seam between the splitters and the bidi normalizers.
// Until the bidi package is on main, NewTransformer returns nil: blocks are
// passed on raw, and Available is false so that the CLI says so. Wiring bidi
// is the body of NewTransformer and Available = true.

import (
	"fmt"

	"golang.org/x/text/transform"
)

// Available reports whether this build normalizes text.
const Available = false

// Policy holds the normalization choices (the CLI's policy flags).
type Policy struct {
	Digits          string // keep, fa or latin
	StripDiacritics bool
	NoVisualRepair  bool
	NoAffixJoin     bool
}

// Check validates the policy.
func (p Policy) Check() error {
	switch p.Digits {
	case "keep", "fa", "latin":
		return nil
	}
	return fmt.Errorf("invalid --digits %q (want keep, fa or latin)", p.Digits)
}

// Transformer is what a language's normalizer provides.
type Transformer interface {
	transform.Transformer
	RepairedLines() int
}

// NewTransformer returns the normalizer of lang under p, or nil when this
// build has none. With bidi:
//
//	d, _ := bidi.ParseDigits(p.Digits)
//	return bidi.New(lang, bidi.Options{Digits: d, StripDiacritics: p.StripDiacritics,
//		NoAffixJoin: p.NoAffixJoin, NoVisualRepair: p.NoVisualRepair})
func NewTransformer(lang string, p Policy) Transformer {
	_, _ = lang, p
	return nil
}

// Normalizer normalizes blocks, with one transformer per language. It
// belongs to one goroutine.
type Normalizer struct {
	policy   Policy
	raw      bool
	byLang   map[string]Transformer
	repaired int
}

// NewNormalizer returns a Normalizer for p; with raw, blocks pass unchanged.
func NewNormalizer(p Policy, raw bool) *Normalizer {
	return &Normalizer{policy: p, raw: raw || !Available, byLang: map[string]Transformer{}}
}

// Apply returns the normalized text of a block of lang whose input bytes
// are raw, or raw itself when there is no normalization.
func (n *Normalizer) Apply(lang string, raw []byte) ([]byte, error) {
	if n.raw {
		return raw, nil
	}
	t, ok := n.byLang[lang]
	if !ok {
		t = NewTransformer(lang, n.policy)
		n.byLang[lang] = t
	}
	if t == nil {
		return raw, nil
	}
	t.Reset()
	out, _, err := transform.Bytes(t, raw)
	n.repaired += t.RepairedLines()
	return out, err
}

// Repaired returns how many lines were repaired from visual order so far.
func (n *Normalizer) Repaired() int { return n.repaired }
