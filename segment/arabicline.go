package segment

import (
	"bytes"
	"strings"
	"unsafe"

	"github.com/langsplit/langsplit/internal/arabic"
	"github.com/langsplit/langsplit/internal/keyset"
)

// arabicLine is the fast reader of lines of Arabic sentences (an Arabic
// paragraph, a quotation on a line of its own): lines that decide would
// cut into units, one a sentence, each Arabic on evidence of its own
// (S5.5), so that the line is one Arabic block and the context of the
// lines after it is Arabic (S5.6). Such lines have Arabic evidence, which
// the Persian reader (persianLine) gives up at; without this reader they
// took the tokenizer, at a quarter of the speed of the others.
//
// It reads nothing that decide would weigh beyond the sentences' own
// evidence: words of letters and marks of U+0600–U+06FF, and between them
// spaces, , ، ؛ and sentence ends (. ! ? ؟ before a space, a line break or
// another word, as the tokenizer's terminator finds them), a « before the
// first word and a » after the last (a quotation that holds the whole
// line: S5.7 cuts nothing out of it). Anything else (digits, brackets,
// pairs, other quotation marks, Latin letters, marks after no letter, the
// first word of an honorific formula, S5.8) leaves the line to the
// tokenizer, as does a sentence that is not Arabic whatever the document's
// evidence says (the worst case for Arabic of S5.2-S5.4: docEvidence with
// neither ی/ک nor Persian-spelt ي ك ى, arabicLetters) and a line that S5.10
// would look into (arabicRuns).

// arabicLine takes the line at ls when it is a line of Arabic sentences,
// read without tokens (tokenizer.arabicLine); ok is false if it is not.
func (e *engine) arabicLine(view []byte, base, ls, limit int) (le int, ok bool) {
	le, ok = e.tk.arabicLine(view, ls, limit)
	if !ok {
		return le, false
	}
	e.b.boundary(base+ls, e.blank)
	e.blank = false
	e.b.cut(base+ls, labArabic)
	e.lastArab = labArabic // decided on evidence of its own: the context of later lines (S5.6)
	if e.ctx != nil {
		e.ctx.fastPath()
	}
	e.b.advance(base + le)
	return le, true
}

// arabicLine reads the line that starts at ls, as line would, when it is a
// line of Arabic sentences (see above), and returns its end; ok is false
// for any other line.
func (t *tokenizer) arabicLine(text []byte, ls, limit int) (le int, ok bool) {
	lt := text[:limit]
	var u, first arEvidence // the sentence's evidence, and its first word's alone
	var prev token          // the word before, for negatedVerb
	same := true            // every word of the sentence is its first (S5.11)
	fs, fe := 0, 0          // the first word's bytes
	words, sumP, sumQ := 0, 0, 0
	var pend uint8 // tfSentence, tfOpen: what comes before the next word
	quote := 0     // 1: a « opened before the first word; 2: its » closed after the last
	le = -1        // the line break's end, once met
	i := ls
read:
	for i < len(lt) {
		c := lt[i]
		switch {
		case c == ' ' || c == ',':
			i++
			continue
		case c == '\n' || c == '\r' || c == '\v' || c == '\f':
			le = breakEnd(lt, i)
			break read
		case c == '.' || c == '!' || c == '?':
			if i = arabicTerminator(lt, i, i+1, words, &quote, &pend); i < 0 {
				return 0, false
			}
			continue
		case c == 0xC2 && i+1 < len(lt) && (lt[i+1] == 0xAB || lt[i+1] == 0xBB): // « »
			if lt[i+1] == 0xAB && (quote != 0 || words > 0) || lt[i+1] == 0xBB && (quote != 1 || words == 0) {
				return 0, false
			}
			quote++
			if quote == 1 {
				pend |= tfOpen
			}
			i += 2
			continue
		case !arabic.Starts(lt, i):
			return 0, false
		}
		r := arabic.RuneAt(lt, i)
		if cls := arabicClass[uint8(r-arabic.First)]; cls != cArabic {
			switch r {
			case '،', '؛':
				i += 2
				continue
			case '؟':
				if i = arabicTerminator(lt, i, i+2, words, &quote, &pend); i < 0 {
					return 0, false
				}
				continue
			}
			return 0, false // a digit, other punctuation, a mark after no letter
		}
		if quote == 2 {
			return 0, false // a word after the quotation closed
		}
		// The word: from the memory of words if its chunk (its bytes up to
		// the next ASCII byte) is the word, alone or before ، and ؛ only,
		// else read now (and kept, if so).
		var j, next, p, q int
		var feat uint16
		var imperfect bool // the word starts like an imperfect verb (negatedVerb)
		var k chunkKey
		n := maxChunk
		if t.wmemo != nil && i+maxChunk <= len(lt) {
			if n = heldLen((*[maxChunk]byte)(lt[i:])); n < maxChunk {
				k = chunkKeyAt(lt[i:i+maxChunk:i+maxChunk], n)
				if e := t.wmemo.lookup(k); e.holds(k) {
					j, next, p, q, feat, imperfect = i+int(e.n), i+n, int(e.p), int(e.q), e.feat, e.imperfect
				}
			}
		}
		if j == 0 {
			j = t.aw.read(lt, i)
			p, q, _, feat = t.evc.evidence(&t.aw)
			cand, formula := t.honorific(lt, i, j)
			if feat&tkOtherLang != 0 || formula {
				return 0, false
			}
			t.aw.settle()
			imperfect = imperfectStart(&t.aw, p)
			next = j
			if n < maxChunk && !cand && onlyCommas(lt[j:i+n]) {
				t.wmemo.put(k, wordEntry{k: k, p: int8(p), q: int8(q), feat: feat, n: uint8(j - i), imperfect: imperfect})
				next = i + n
			}
		}
		w := token{start: int32(i), end: int32(j), cls: cArabic, flags: pend, p: int8(p), q: int8(q), feat: feat}
		if words > 0 && prev.feat&tkLa != 0 && feat&tkLa == 0 && pend == 0 && imperfect {
			q++ // negatedVerb: لا before it
			w.q = int8(q)
		}
		if pend&tfSentence != 0 && u.words > 0 {
			if !arabicSentence(u, first, same) {
				return 0, false
			}
			u, same = arEvidence{}, true
		}
		if u.words == 0 {
			first = arEvidence{}
			first.add(&w)
			fs, fe = i, j
		} else if same {
			same = bytes.Equal(lt[fs:fe], lt[i:j])
		}
		u.add(&w)
		words, sumP, sumQ = words+1, sumP+p, sumQ+q
		pend, prev, i = 0, w, next
	}
	if le < 0 && limit < len(text) || words == 0 || !arabicSentence(u, first, same) || sumQ >= ptArabicRun && sumP >= ptPersianRest {
		return 0, false // (a line longer than limit is cut at its best boundary: the tokenizer's)
	}
	if le < 0 {
		le = len(lt)
	}
	return le, true
}

// arabicTerminator reads for arabicLine the sentence-end mark at lt[i],
// the next rune at j, as the tokenizer's terminator does: it returns where
// reading goes on, and notes in *pend a sentence end there; -1 for what
// terminator would read otherwise (an ellipsis, more marks or closers
// after it, but one » that closes the line's quotation).
func arabicTerminator(lt []byte, i, j, words int, quote *int, pend *uint8) int {
	if lt[i] == '.' && j < len(lt) && lt[j] == '.' {
		return -1 // an ellipsis
	}
	if j+1 < len(lt) && lt[j] == 0xC2 && lt[j+1] == 0xBB { // ».
		if *quote != 1 || words == 0 {
			return -1
		}
		*quote = 2
		j += 2
	}
	if j == len(lt) {
		*pend |= tfSentence
		return j
	}
	switch c := lt[j]; {
	case c == ' ' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
		*pend |= tfSentence
		return j
	case arabic.Starts(lt, j) && arabicClass[uint8(arabic.RuneAt(lt, j)-arabic.First)] == cArabic:
		return j // a word right after the mark: no sentence end
	}
	return -1
}

// arabicSentence reports whether a sentence of arabicLine's, of evidence
// u (first: that of its first word alone; same: all its words are the
// first), is Arabic on evidence of its own whatever the document says:
// arabicLabel's decision, weighing one word said again as that word once
// (S5.11), under the document evidence least favourable to Arabic.
func arabicSentence(u, first arEvidence, same bool) bool {
	if same && u.words > 1 {
		u = first
	}
	lab, ev := persianOrArabic(u, docEvidence{arabicLetters: true}, 0)
	return lab == labArabic && ev == evDecided
}

// honorific reports whether the word lt[i:j] that t.aw has just read may
// start an honorific formula (S5.8), whose words decide takes the evidence
// off (cand: it is the first word of one), and whether it starts one on
// the line, as honorifics finds them (formula). Its first letter and its
// folded key (honorificKeys) turn most words away before the word is
// hashed.
func (t *tokenizer) honorific(lt []byte, i, j int) (cand, formula bool) {
	a := &t.aw
	if !honorificStart[uint8(a.kRaw>>(8*(min(a.letters, maxHashLetters)-1)))] {
		return false, false
	}
	a.settle()
	if !honorificKeys.Has(a.kFold) || j-i > 40 {
		return false, false
	}
	k := honorificFirst.Get(foldHash(lt[i:j]))
	if k == 0 {
		return false, false
	}
	for _, f := range honorificForms[k-1] {
		if formAt(lt, j, f[1:]) {
			return true, true
		}
	}
	return true, false
}

// formAt reports whether the words that follow lt[j] on its line, with
// arabicLine's punctuation between them, have the folded hashes hs.
func formAt(lt []byte, j int, hs []uint64) bool {
	var w arabicWord
	for _, h := range hs {
		for j < len(lt) {
			if c := lt[j]; c == ' ' || c == ',' || c == '.' || c == '!' || c == '?' {
				j++
			} else if j+1 < len(lt) && (c == 0xC2 && (lt[j+1] == 0xAB || lt[j+1] == 0xBB) || c == 0xD8 && (lt[j+1] == 0x8C || lt[j+1] == 0x9B || lt[j+1] == 0x9F)) {
				j += 2 // « » ، ؛ ؟
			} else {
				break
			}
		}
		if !arabic.Starts(lt, j) || arabicClass[uint8(arabic.RuneAt(lt, j)-arabic.First)] != cArabic {
			return false // no word follows (what else follows, arabicLine does not read)
		}
		end := w.read(lt, j)
		if foldHash(lt[j:end]) != h {
			return false
		}
		j = end
	}
	return true
}

// honorificKeys holds the word keys (wordKey, folded, of at most
// maxHashLetters letters) of the first words of the honorific formulas,
// joined forms included.
var honorificKeys = func() *keyset.Map {
	m := map[uint64]uint16{}
	for _, f := range honorifics {
		ws := strings.Fields(f)
		m[wordKey(ws[0], true, true)] = 1
		m[wordKey(strings.Join(ws, ""), true, true)] = 1
	}
	return keyset.New(m)
}()

// onlyCommas reports whether b holds nothing but ، and ؛ (which arabicLine
// passes over).
func onlyCommas(b []byte) bool {
	for i := 0; i+1 < len(b); i += 2 {
		if b[i] != 0xD8 || b[i+1] != 0x8C && b[i+1] != 0x9B {
			return false
		}
	}
	return len(b)%2 == 0
}

// wordMemo is arabicLine's memory of words, as chunkMemo is persianLine's:
// what the word of a chunk (a word alone, or before ، and ؛ only) told,
// as a function of the chunk's bytes alone, so that a word read before
// costs a lookup instead of a decode, a table lookup and a key step a
// letter and the word's evidence. The words that may start an honorific
// formula are not held (what follows them decides).
type wordMemo [1 << (wordMemoBits - 1)][2]wordEntry

// wordMemoBits sets the size of wordMemo: 1<<wordMemoBits chunks of 32
// bytes each (16 KiB, half of chunkMemo: lines of Arabic sentences are
// fewer than Persian ones, and the two memories share the cache; on
// textgen's mixed text, whose Arabic lines have 69 distinct chunks, 256,
// 512 and 1024 chunks ran the same number of instructions).
const wordMemoBits = 9

// wordEntry is one chunk of wordMemo: its key and its word's bytes and
// evidence (arabicWord.evidence, and imperfectStart).
type wordEntry struct {
	k         chunkKey
	p, q      int8
	feat      uint16
	n         uint8
	imperfect bool
}

var _ [1]struct{} = [unsafe.Sizeof(wordEntry{}) / 32]struct{}{} // 32 bytes

// put notes the chunk e.k, first in its set.
func (m *wordMemo) put(k chunkKey, e wordEntry) {
	set := &m[k.hash()>>(64-wordMemoBits+1)]
	set[1], set[0] = set[0], e
}

// lookup returns the entry of m that holds the chunk with key k, if one
// does (chunkMemo.lookup).
func (m *wordMemo) lookup(k chunkKey) *wordEntry {
	set := &m[k.hash()>>(64-wordMemoBits+1)]
	return &set[b2u(set[1].k == k)]
}

// holds reports whether e is the entry of the chunk with key k.
func (e *wordEntry) holds(k chunkKey) bool { return e.k == k }
