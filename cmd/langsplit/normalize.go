package main

// This file is the one seam between the CLI and the bidi normalizers. Until
// the bidi package is on main, newNormalizer returns nil: split writes
// blocks raw and says so in --help, and normalize refuses to run. Wiring
// bidi is the body of newNormalizer and bidiWired = true.

import (
	"fmt"

	"golang.org/x/text/transform"
)

// bidiWired reports whether this build normalizes text.
const bidiWired = false

// policy holds the normalization flags.
type policy struct {
	digits          string // keep, fa or latin
	stripDiacritics bool
	noVisualRepair  bool
	noAffixJoin     bool
}

// check validates the policy flags (with bidi: bidi.ParseDigits).
func (p policy) check() error {
	switch p.digits {
	case "keep", "fa", "latin":
		return nil
	}
	return fmt.Errorf("invalid --digits %q (want keep, fa or latin)", p.digits)
}

// normalizer is what the bidi package's *Normalizer provides.
type normalizer interface {
	transform.Transformer
	RepairedLines() int
}

// newNormalizer returns the normalizer of lang under p, or nil when this
// build has none. With bidi:
//
//	d, _ := bidi.ParseDigits(p.digits)
//	return bidi.New(lang, bidi.Options{Digits: d, StripDiacritics: p.stripDiacritics,
//		NoAffixJoin: p.noAffixJoin, NoVisualRepair: p.noVisualRepair})
func newNormalizer(lang string, p policy) normalizer {
	_, _ = lang, p
	return nil
}

// blockNormalizer normalizes blocks, with one normalizer per language. It
// belongs to one goroutine.
type blockNormalizer struct {
	policy   policy
	raw      bool
	byLang   map[string]normalizer
	repaired int // lines repaired from visual order
}

func newBlockNormalizer(p policy, raw bool) *blockNormalizer {
	return &blockNormalizer{policy: p, raw: raw || !bidiWired, byLang: map[string]normalizer{}}
}

// apply returns the normalized text of a block of lang whose input bytes
// are raw, or raw itself without normalization.
func (bn *blockNormalizer) apply(lang string, raw []byte) ([]byte, error) {
	if bn.raw {
		return raw, nil
	}
	n, ok := bn.byLang[lang]
	if !ok {
		n = newNormalizer(lang, bn.policy)
		bn.byLang[lang] = n
	}
	if n == nil {
		return raw, nil
	}
	n.Reset()
	out, _, err := transform.Bytes(n, raw)
	bn.repaired += n.RepairedLines()
	return out, err
}
