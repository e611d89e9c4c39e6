// Package segment splits UTF-8 text into contiguous language blocks with
// exact byte offsets: English (Latin script, "en"), Persian ("fa"), Arabic
// ("ar"), other scripts ("und-Cyrl", "und-Hani", … and "und-Arab" for
// Arabic-script text of other languages) and text without letters ("und").
//
// The blocks are lossless: concatenating text[b.Start:b.End] over the blocks
// gives back the text byte for byte, for every input, invalid UTF-8
// included, and every offset falls on a rune boundary.
//
// # Model
//
// Each rune is classed by a generated table (Unicode 15.0.0): a letter of
// some script, a mark that belongs to the letter before it (combining
// marks, ZWNJ, ZWJ, tatweel), a digit, a space, a line break, or a neutral
// (punctuation, symbols, emoji, bidi controls). URLs, e-mail addresses and
// file paths are neutral too. Letters of one script form words.
//
// A line is split into units: sentences (at . ! ? ؟ and the like before a
// space or the line end; not after a number, an initial, a Roman numeral or
// a title such as "Dr."), tab-separated cells, and the two halves of a line
// like "Norway - نروژ" or "Clear Cache: پاک‌سازی". Inside a unit, a run of at
// most Options.MaxInline words of another script stays in the language
// around it ("I use گیت daily." is English); a longer run, or a whole
// sentence or line, is a unit of its own. A quotation of more than MaxInline
// words inside Persian text is decided on its own. Pair separators are a
// tab, a spaced dash, " = ", ": " (or " : "), " / " and " | ".
//
// Persian and Arabic share a script. A unit in it is Arabic when its Arabic
// evidence (ة إ ٱ أ ؤ, a final ى, the article ال, vocalisation, Quranic marks,
// Arabic function words, Arabic-Indic digits) outweighs its Persian evidence
// (پ چ ژ گ ۀ ی ک, ZWNJ inside words, Persian function words, Persian digits)
// and reaches two points; otherwise it is Persian, which loses least when in
// doubt. Persian typed with the Arabic letters ي ك is Persian; but in a
// document whose Persian uses ی ک, a unit written with ي ك that shows some
// Arabic evidence of its own leans Arabic, in a document whose Persian uses
// ي ك ى (a word mixes them with پ چ ژ گ) a final ى is no evidence, and a
// unit with only a trace of Arabic evidence follows the nearest decided
// unit. The function-word lists (wordlists.go) were written for this
// package.
//
// Units of one language merge into blocks. Where the language changes at
// the start of a line, the cut is at the start of that line, so lines
// without letters (numbers, subtitle timings, rules) stay with the block
// before them; inside a line the cut is right before the first word of the
// new unit, with the quotes or brackets that open it.
//
// # Streaming and memory
//
// Decisions are made one line at a time (a line longer than 64 KiB is cut
// at a sentence end or space and read in parts), with a 64 KiB look-ahead
// for the document's ی/ک habit. A block longer than Options.MaxBlock is
// split at the last paragraph or line start inside the cap. So the Scanner
// needs memory for one block, one line and the look-ahead, whatever the
// input size, and gives the same blocks as Segment on the same bytes.
//
// # API
//
// Two tiers, like github.com/rivo/uniseg: Segmenter steps through text in
// memory without allocating once warm; Segment, All and Options.Segment are
// the easy forms; Scanner reads an io.Reader with a bounded buffer and a
// sticky Err.
//
// # Accuracy
//
// On the shared dev set (200 documents; ../shared/eval/dev, scored by
// ../shared/eval/score; TestAccuracy asserts the floors):
//
//	category           docs  letters  en      fa      ar      boundary F1
//	para                 28  1.0000   1.0000  1.0000  1.0000  1.000
//	line                 24  1.0000   1.0000  1.0000  1.0000  1.000
//	sentence             24  1.0000   1.0000  1.0000  1.0000  1.000
//	inline               30  1.0000   1.0000  1.0000  -       1.000
//	arabic               20  1.0000   1.0000  1.0000  1.0000  1.000
//	arabic_letters_fa    14  1.0000   -       1.0000  1.0000  1.000
//	noisy                28  1.0000   1.0000  1.0000  1.0000  1.000
//	weblike              14  1.0000   1.0000  1.0000  -       1.000
//	short                18  1.0000   1.0000  1.0000  1.0000  1.000
//	all                 200  1.0000   1.0000  1.0000  1.0000  1.000
//
// The dev set was used to find general failure modes, not tuned per
// document; expect lower figures on other text, short Arabic phrases
// without any Arabic-only letter or word above all.
package segment
