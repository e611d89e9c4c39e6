/*
Package bidi cleans the text of one language block so that it can be written
out as is: one normalizer per block language, each a
[golang.org/x/text/transform.Transformer]. Every normalizer drops the bidi
controls; "ar" and "fa" also fold the Arabic presentation forms; "fa" applies
the Persian rules, including the repair of text that PDF extraction left in
visual order. Latin letters, URLs, e-mail addresses and ASCII numbers are never
altered (only [Options.Digits] rewrites digits).

# Getting Started

[New] returns the normalizer for a block label, and [Normalizer.String] and
[Normalizer.Bytes] normalize text in memory:

	n := bidi.New("fa", bidi.Options{})
	fmt.Println(n.String("كتاب ها را مي خوانم ٢٣ COVID-19")) // کتاب‌ها را می‌خوانم ۲۳ COVID-19

A [Normalizer] streams: use it with [golang.org/x/text/transform.NewReader] or
[golang.org/x/text/transform.NewWriter], or chain it with
[golang.org/x/text/transform.Chain]. [Options] sets the Persian policies
([Options.Digits], [Options.StripDiacritics], [Options.NoAffixJoin],
[Options.NoVisualRepair], [Options.Preset]) and the line cap
[Options.MaxLine]; [ParseDigits] and [ParsePreset] read the policy names the
command line uses. [Normalizer.RepairedLines] counts the lines repaired from
visual order. [StripControls] is a transformer with the all-language rules
only, and keeps no state.

# Rules

Every normalizer drops the bidi controls; "ar" and "fa" fold the
presentation forms to their letters; "fa" also writes Arabic ي ى ك as
Persian ی ک, Arabic-Indic digits as Persian ones, drops tatweel and stray
ZWNJs, puts a ZWNJ for the space typed after می/نمی or before ها, applies
the [Options] policies and repairs visual order. Any other label ("en",
"und", "und-Cyrl", …) gets the all-language rules. [PresetHazm] adds, opt-in,
the hazm normalizer's conventions that are safe on mixed text, and splits
affixes typed joined only where its closed lexicon (lexicon.go) is sure.
The rules in full, one a row, and how the test vectors of public Persian
normalizers fare against them: [docs/normalization.md].

# Visual order

The Persian normalizer has two parts. Character cleaning works on one line
at a time ('\n' ends a line; the line feed and a '\r' before it are kept at
its end). Visual-order detection and repair decides on stretches of the
input, never on one line: the normalizer holds the lines of a stretch, as
they came, until their evidence decides it — at most [LookAhead] (64 KiB) of
input and one line more; a stretch with many lines that read forwards and
nothing visual is decided early and the rest of it streams through. The
evidence is what logical text does not produce: pdftotext -raw's one-word
U+202B…U+202C embeddings line after line, one-glyph lines, presentation forms
at the wrong word ends across many words, many lines of four words or more
that read as Persian only mirrored. A line follows its stretch (short lines
too) unless its own evidence reads forwards. The repair keeps a line's CR at
its end, emoji sequences whole, URLs and Latin runs in their order, and
mirrors paired brackets; it also joins kashida pieces and glyph runs that
extraction cut apart where the joining forms prove it.

# Streaming and memory

The output does not depend on how the input is cut into chunks (stretches
end at line ends after LookAhead bytes of input, whatever the chunks), and
normalizing twice gives what normalizing once gives: a repaired stretch holds
no evidence of visual order. Invalid UTF-8 comes out as U+FFFD.

A Normalizer holds at most [Options.MaxLine] bytes of an unfinished line and,
with visual repair, the lines of the stretch being decided; its work buffers
grow to a few times a line (runes take four bytes; up to about 70 times for a
line made of nothing but phrase ligatures, which expand eighteenfold); never
with the size of the input. A longer line is cut after a space and normalized
in pieces without visual-order repair.

A Normalizer is used by one goroutine at a time; make one per goroutine.

[docs/normalization.md]: https://github.com/langsplit/langsplit/blob/main/docs/normalization.md
*/
package bidi
