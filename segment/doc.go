/*
Package segment splits UTF-8 text into language blocks with exact byte
offsets: English ("en", Latin script), Persian ("fa"), Arabic ("ar"), other
scripts ("und-Cyrl", "und-Hani", …, and "und-Arab" for Arabic-script text of
other languages) and text without letters ("und"). The blocks are lossless:
concatenating text[b.Start:b.End] over the blocks gives back the text byte for
byte, for every input, invalid UTF-8 included, and every offset falls on a
rune boundary.

# Getting Started

[Segment] returns the blocks of a string and [All] iterates over them:

	for b := range segment.All(text) {
		fmt.Println(b.Lang, text[b.Start:b.End])
	}

[Options] changes the defaults ([Options.MaxInline], [Options.MaxBlock]) and
has the same methods ([Options.Segment], [Options.All],
[Options.SegmentBytes]). Two tiers, like github.com/rivo/uniseg: a
[Segmenter] steps through text in memory and does not allocate once warm
([Segmenter.Reset], [Segmenter.Next]); a [Scanner] reads an [io.Reader] with a
bounded buffer and a sticky error ([NewScanner], [Scanner.Scan],
[Scanner.Block], [Scanner.Bytes], [Scanner.Err]) and gives the same blocks as
Segment on the same bytes, however the reader splits them.

# Model

Each rune is classed by a generated table (Unicode 15.0.0); letters of one
script form words, and URLs, e-mail addresses and file paths are neutral.
Each line is split into units: sentences, cells (tabs, table-row bars), the
parts of a line joined by a pair separator ("Norway - نروژ"), and code lines.
The host of a sentence is the language whose grammar it uses (its function
words, verbs and affixes, else more words): foreign words without grammar of
their own (names, terms, lists, glosses in brackets) stay in it however many
they are, and a run of at most [Options.MaxInline] words always does; a
foreign clause with grammar of its own is a unit of its own. Persian and
Arabic units are told apart by points of evidence (letters only one language
uses, harakat and tanwin, the article ال, function words, digits, the
document's keyboard habit), Persian being the default; quotations in Quranic
brackets ﴿…﴾, or in quotation marks with Arabic evidence, inside a Persian
sentence are decided on their own, and so is Arabic quoted without marks in
a sentence that is Persian for sure (its verbs, its Persian-only letters).
Units of one language merge into blocks;
where the language changes at the start of a line, the cut is at the start of
that line, so lines without letters stay with the block before them.

The rules are numbered (S1–S6) in [docs/rules.md], with the special cases; the code cites them (// S3.5), and the golden fixtures in
testdata are named after the rule they pin. The Persian-or-Arabic decision has
one home, persian_arabic.go; the word lists are in wordlists.go, written for
this package.

# Streaming and memory

Decisions are made one line at a time (a line longer than 64 KiB is cut at a
sentence end or space and read in parts), with a 64 KiB look-ahead for the
document's ی/ک habit. A block longer than [Options.MaxBlock] is split at the
last paragraph or line start inside the cap. So a Scanner needs memory for one
block, one line and the look-ahead, whatever the input size.

# One text on several cores

Chunked segmentation gives the blocks of Segment on a long text with its
lines decided on several goroutines (or machines): cut the text at line
starts ([NextCut]), decide each chunk with a [Chunk] from a [Start] (the
[Evidence] of the text before it, exact, and a guess of the one thing the
chunk cannot know, the language of the last Arabic unit decided before
it), and pass the chunks in order to a [Joiner], which builds the blocks
with one builder and decides again the lines, usually none, whose
decisions read a wrong guess. A Chunk records its decisions (one entry a
line) instead of blocks, so blocks that straddle a cut and MaxBlock splits
come out as in one run; a warm Chunk and Joiner do not allocate.

# Accuracy

Letter accuracy and boundary F1 on the shared dev sets, beside other tools,
with the commands that measured them: [docs/peers.md]; TestAccuracy and
TestAccuracyReal assert the floors.

[docs/rules.md]: https://github.com/langsplit/langsplit/blob/main/docs/rules.md
[docs/peers.md]: https://github.com/langsplit/langsplit/blob/main/docs/peers.md
*/
package segment
