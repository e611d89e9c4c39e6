// Package bidi cleans the text of one language block so that it can be
// written out as is: one normalizer per block language, each a
// golang.org/x/text/transform.Transformer.
//
// The model: a block is read line by line ('\n' ends a line). Every language
// drops the bidi controls (U+200E U+200F U+061C U+202A–U+202E U+2066–U+2069)
// and U+FEFF. Arabic ("ar") and Persian ("fa") blocks also fold the Arabic
// presentation forms to their NFKC letters. Persian blocks get the full rules
// of the design (see New and Options): Persian ی and ک for Arabic ي ى ك,
// Arabic-Indic digits as Persian digits, no tatweel, one ZWNJ where it joins
// two letters and none elsewhere, a ZWNJ instead of the space after the verb
// prefixes می/نمی and before the plural suffix ها, optional digit and
// diacritic policies, and the repair of lines that PDF extraction left in
// visual order. Latin letters, URLs, e-mail addresses and numbers written with
// ASCII digits are never altered (only Options.Digits can rewrite digits).
//
// Every rule looks at one line only, so the output does not depend on how the
// input is cut into chunks, and normalizing twice gives the same text as
// normalizing once. A Normalizer holds at most MaxLine bytes of a line while
// it decides; longer lines are passed through in pieces (see Options.MaxLine).
package bidi
