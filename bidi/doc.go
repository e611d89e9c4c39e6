// Package bidi cleans the text of one language block so that it can be
// written out as is: one normalizer per block language, each a
// golang.org/x/text/transform.Transformer (chainable with transform.Chain,
// usable with transform.NewReader/NewWriter, and with String and Bytes
// helpers).
//
// The rules, from DESIGN.md:
//
//   - every language: the bidi controls U+200E U+200F U+061C U+202A–U+202E
//     U+2066–U+2069 and U+FEFF are dropped (StripControls is a transformer
//     with these rules only);
//   - "ar" and "fa": the Arabic presentation forms fold to their NFKC
//     letters, a phrase ligature to its words;
//   - "fa": ي ى → ی and ك → ک (ۀ هٔ ة أ ؤ ئ stay), Arabic-Indic digits →
//     Persian ones, no tatweel, one ZWNJ between two letters and none
//     elsewhere (ZWJ stays), a ZWNJ instead of the space after the verb
//     prefixes می/نمی and before the plural ها/های/هایی, the Options policies
//     (digits, diacritics), and the repair of lines that PDF extraction left
//     in visual order (see RepairedLines). Latin letters, URLs, e-mail
//     addresses and ASCII numbers are never altered; only Options.Digits
//     rewrites digits.
//
// Every rule looks at one line at a time ('\n' ends a line; the line feed and
// a '\r' before it are kept), so the output does not depend on how the input
// is cut into chunks, and normalizing twice gives what normalizing once
// gives. Invalid UTF-8 comes out as U+FFFD.
//
// Memory: a Normalizer holds at most Options.MaxLine bytes of an unfinished
// line, and its work buffers grow to a few times that (runes take four bytes;
// up to about 70 times for a line made of nothing but phrase ligatures, which
// expand eighteenfold); never with the size of the input. A longer line is cut after a space and normalized
// in pieces without visual-order repair.
//
// A Normalizer is used by one goroutine at a time; make one per goroutine.
package bidi
