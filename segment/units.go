package segment

import "bytes"

// Units and hosts (docs/rules.md, S2.5–S3): how the tokens of a line that
// mixes scripts, or that has Arabic evidence to weigh, are split into units
// and labelled.

// decide splits the line's tokens into units and labels them.
func (e *engine) decide() {
	toks := e.tk.toks
	e.units = e.units[:0]
	if e.tk.mixed {
		e.latinGrammar()
	}
	if e.tk.sumQ > 0 {
		e.honorifics()
	}
	switch k := e.codeComment(); {
	case k > 0:
		// S2.10: code, then a line comment decided by its own letters.
		e.units = append(e.units, unit{tok0: firstLetter(toks, 0), tok1: k, cls: cLatin})
		e.sentences(k)
	case e.codeLine() && !e.arabicClause():
		// S2.8: one unit, the language with more letters, a tie to fa.
		first := firstLetter(toks, 0)
		e.units = append(e.units, unit{tok0: first, tok1: len(toks), cls: e.moreLetters(first, len(toks))})
	default:
		e.sentences(0)
	}
	e.label()
	if e.ctx != nil {
		e.ctx.line(e.units, e.base+e.tk.ls)
	}
	e.lastArab = followContext(e.units, e.lastArab)
}

// sentences adds the units of the sentences and cells of the line's tokens
// from s0 on.
func (e *engine) sentences(s0 int) {
	toks := e.tk.toks
	for i := s0 + 1; i <= len(toks); i++ {
		if i < len(toks) && toks[i].flags&(tfSentence|tfCell) == 0 {
			continue
		}
		e.sentence(s0, i)
		s0 = i
	}
}

// codeComment returns the first token of the line comment that follows
// code on the line being decided (S2.10), or 0 if there is none: a comment
// marker (// # -- % ;) with a space before and after it, outside quotes,
// after code: Latin letters and no Arabic-script ones, with a sign of code
// (= ; ( ) { } [ ]) or a line that starts like code; and letters after it.
func (e *engine) codeComment() int {
	if e.tk.cls0 != cLatin {
		return 0 // the line starts with no code: its first word is not Latin
	}
	text, toks := e.tk.text, e.tk.toks
	ls, le := e.tk.ls, e.tk.le
	if head := text[ls:le]; bytes.IndexByte(head, '#') < 0 && bytes.IndexByte(head, '%') < 0 && bytes.IndexByte(head, ';') < 0 &&
		!bytes.Contains(head, []byte("//")) && !bytes.Contains(head, []byte("--")) {
		return 0 // no marker
	}
	var quote byte
	signs := false
	for i := ls; i < le; i++ {
		c := text[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
			continue
		case c == '\'' || c == '"' || c == '`':
			quote = c
			continue
		case c >= 0xD8 && c <= 0xDB: // Arabic script before any marker: no code part
			return 0
		}
		sign := c == '=' || c == ';' || c == '(' || c == ')' || c == '{' || c == '}' || c == '[' || c == ']'
		if i == ls || text[i-1] != ' ' && text[i-1] != '\t' {
			signs = signs || sign
			continue
		}
		n := 0
		switch {
		case c == '/' && i+1 < le && text[i+1] == '/', c == '-' && i+1 < le && text[i+1] == '-':
			n = 2
		case c == '#' || c == '%' || c == ';':
			n = 1
		}
		if n == 0 || i+n >= le || text[i+n] != ' ' && text[i+n] != '\t' {
			signs = signs || sign
			continue
		}
		if !signs && !e.codeLine() && !(c == '#' && shellCommand(text[ls:i])) {
			return 0
		}
		// The tokens before the marker are code: Latin words, no Arabic script.
		k, latin := 0, false
		for ; k < len(toks) && int(toks[k].start) < i; k++ {
			switch toks[k].cls {
			case cArabic:
				return 0
			case cLatin:
				latin = true
			}
		}
		if !latin || k == len(toks) || !hasLetters(toks[k:]) {
			return 0
		}
		return k
	}
	return 0
}

// latinGrammar looks up the English grammar of the line's Latin words
// (S3.2). It runs only for lines that mix scripts.
func (e *engine) latinGrammar() {
	toks, text := e.tk.toks, e.tk.text
	for i := range toks {
		t := &toks[i]
		if t.cls != cLatin || t.g&gDone != 0 {
			continue
		}
		v := uint8(0)
		if n := t.end - t.start; n <= 11 && !labelLike(text, toks, i) { // shouldn’t is 11 bytes
			v = uint8(englishWords.Get(hashLatin(text[t.start:t.end])))
		}
		t.g = gDone | (v&wGrammar)>>wGrammarShift | (v&wConj)>>2
		if v != 0 {
			t.feat |= tkFunction
		}
	}
	// A name or title has no grammar of its own, and its grammar words do not
	// make the host: Latin words next to each other whose words other than
	// grammar words are all capitalised, at least two of them, or that are
	// all capitalised, at least two of them (Have Been) (S3.2).
	for i := 0; i < len(toks); {
		j, content, capital, words, capitals := i, 0, 0, 0, 0
		for ; j < len(toks) && (toks[j].cls == cLatin || toks[j].cls == cDigit) && (j == i || toks[j].flags&(tfSentence|tfCell|tfPair) == 0); j++ {
			if toks[j].cls != cLatin {
				continue
			}
			words++
			if toks[j].feat&tkCapital != 0 {
				capitals++
			}
			if toks[j].feat&tkFunction == 0 {
				content++
				if toks[j].feat&tkCapital != 0 {
					capital++
				}
			}
		}
		if content >= 2 && capital == content || words >= 2 && capitals == words {
			for k := i; k < j; k++ {
				toks[k].g &^= gPoints | gConj
			}
		}
		i = max(j, i+1)
	}
}

// labelLike reports whether the Latin word toks[i] reads as a label or an
// identifier rather than a grammar word: a single letter before a full stop
// (A.13.), a word run into a digit (A18), a capital A that does not start
// its sentence (سری A).
func labelLike(text []byte, toks []token, i int) bool {
	t := &toks[i]
	if int(t.end) < len(text) && (text[t.end] >= '0' && text[t.end] <= '9' || t.end-t.start == 1 && text[t.end] == '.') {
		return true
	}
	return t.end-t.start == 1 && text[t.start] == 'A' && i > 0 && t.flags&(tfSentence|tfCell|tfPair) == 0
}

// codeLine reports whether the line being decided is a code or markup line
// (S2.8): it starts like code (\cmd, @entry{, {, }, %, #include, <tag>,
// a "$ " or ">>> " prompt) or assigns a quoted or braced value
// (title = {…}, "name": "…").
func (e *engine) codeLine() bool {
	text := e.tk.text
	i, n := e.tk.ls, e.tk.le
	for i < n && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	if i+1 >= n {
		return false
	}
	c, d := text[i], text[i+1]
	letter := func(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }
	switch {
	case (c == '\\' || c == '@' || c == '#') && letter(d),
		c == '{' || c == '}' || c == '%',
		c == '<' && (letter(d) || d == '/' || d == '!'),
		c == '$' && d == ' ',
		c == '>' && d == '>' && i+3 < n && text[i+2] == '>' && text[i+3] == ' ':
		return true
	}
	// An identifier, maybe quoted, then = or :, then a quoted or braced value.
	if c == '"' || c == '\'' {
		i++
	}
	j := i
	for j < n && (letter(text[j]) || text[j] >= '0' && text[j] <= '9' || text[j] == '_' || text[j] == '-' || text[j] == '.') {
		j++
	}
	if j == i || !letter(text[i]) {
		return false
	}
	if j < n && (text[j] == '"' || text[j] == '\'') {
		j++
	}
	for j < n && text[j] == ' ' {
		j++
	}
	if j >= n || text[j] != '=' && text[j] != ':' {
		return false
	}
	j++
	for j < n && text[j] == ' ' {
		j++
	}
	return j < n && (text[j] == '{' || text[j] == '"' || text[j] == '\'' || text[j] == '[')
}

// arabicClause reports whether the line's Arabic-script words have grammar
// of their own (S3.2): then a line that starts like markup is prose with
// tags in it, decided as sentences (S2.8).
func (e *engine) arabicClause() bool {
	points := 0
	for i := range e.tk.toks {
		if t := &e.tk.toks[i]; t.cls == cArabic && t.g&gConj == 0 {
			points += int(t.g & gPoints)
		}
	}
	return points >= 2
}

// moreLetters returns the letter class with the most letters in
// toks[t0:t1], a tie going to Arabic script (S2.8).
func (e *engine) moreLetters(t0, t1 int) uint8 {
	var latin, arabic, other int
	var otherCls uint8
	for i := t0; i < t1; i++ {
		t := &e.tk.toks[i]
		switch {
		case t.cls == cLatin:
			latin += e.tk.letters(t)
		case t.cls == cArabic:
			arabic += e.tk.letters(t)
		case t.cls >= cLatin:
			other += e.tk.letters(t)
			otherCls = t.cls
		}
	}
	switch {
	case other > latin && other > arabic:
		return otherCls
	case latin > arabic:
		return cLatin
	case arabic > 0:
		return cArabic
	}
	return cLatin
}

// sentence adds the units of the sentence (or cell) toks[s0:s1]. It is split
// at its pair separators into parts (S2.6); each part gets a language: the
// one script of its words, else its grammar, else the sentence's host. Each
// part is a unit of its own (neighbours of one language merge into one
// block later), so Persian and Arabic halves are told apart too.
func (e *engine) sentence(s0, s1 int) {
	toks := e.tk.toks
	pair := false
	for i := s0 + 1; i < s1 && !pair; i++ {
		pair = toks[i].flags&tfPair != 0
	}
	if !pair {
		e.runs(s0, s1, 0)
		return
	}
	var host, segCls uint8
	seg, p0 := s0, s0
	for i := s0 + 1; i <= s1; i++ {
		if i < s1 && toks[i].flags&tfPair == 0 {
			continue
		}
		c := e.partClass(p0, i)
		if c == 1 {
			if host == 0 {
				host = e.hostOf(s0, s1)
			}
			c = host
		}
		if c != 0 {
			if segCls != 0 {
				e.part(seg, p0, segCls)
				seg = p0
			}
			segCls = c
		}
		p0 = i
	}
	e.part(seg, s1, segCls)
}

// part adds the units of the pair part toks[p0:p1] of class cls, marked as
// a label when a colon follows it.
func (e *engine) part(p0, p1 int, cls uint8) {
	n := len(e.units)
	e.runs(p0, p1, cls)
	kind := partValue
	if p1 < len(e.tk.toks) && e.tk.toks[p1].flags&tfColon != 0 {
		kind = partLabel
	}
	for i := n; i < len(e.units); i++ {
		e.units[i].part = kind
	}
}

// partClass returns the language of the pair part toks[t0:t1]: the one
// letter class of its words (leaving out the glosses in brackets:
// glossInBrackets), else the class its grammar decides, 1 when neither
// decides, 0 when it has no words.
func (e *engine) partClass(t0, t1 int) uint8 {
	toks := e.tk.toks
	outside := e.glossInBrackets(toks[t0:t1])
	var c uint8
	for i := t0; i < t1; i++ {
		t := &toks[i]
		if t.cls < cLatin || outside && t.in&tiBracket != 0 {
			continue
		}
		if c != 0 && c != t.cls {
			c = 1
			break
		}
		c = t.cls
	}
	if c != 1 {
		return c
	}
	var s scriptTally
	s.count(e, t0, t1, outside)
	if g, ok := s.grammarWinner(); ok {
		return g
	}
	return 1
}

// hostOf returns the host class of toks[t0:t1] (S3.3).
func (e *engine) hostOf(t0, t1 int) uint8 {
	outside := e.glossInBrackets(e.tk.toks[t0:t1])
	var s scriptTally
	s.count(e, t0, t1, outside)
	return s.host()
}

// scriptTally sums, per letter class, the grammar points (conjunctions
// included), words and letters of a stretch of tokens (S3.3).
type scriptTally struct {
	n int
	c [4]struct {
		cls                   uint8
		grammar, words, lettr int
	}
}

// count adds toks[t0:t1]; with outside set, words in brackets are left out
// (they are glosses, which make no host: glossInBrackets).
func (s *scriptTally) count(e *engine, t0, t1 int, outside bool) {
	s.countClass(e, t0, t1, 0, outside)
}

// countClass is count for the words of class cls only (all words if 0).
func (s *scriptTally) countClass(e *engine, t0, t1 int, cls uint8, outside bool) {
	for i := t0; i < t1; i++ {
		t := &e.tk.toks[i]
		if t.cls < cLatin || cls != 0 && t.cls != cls || outside && t.in&tiBracket != 0 {
			continue
		}
		k := 0
		for k < s.n && s.c[k].cls != t.cls {
			k++
		}
		if k == s.n {
			if s.n == len(s.c) {
				continue // a fifth script in one sentence cannot be its host
			}
			s.c[k].cls = t.cls
			s.n++
		}
		s.c[k].grammar += hostGrammar(t.g)
		s.c[k].words += e.tk.words(t)
		s.c[k].lettr += e.tk.letters(t)
	}
}

// hostGrammar is what a token's grammar counts for the host: its points,
// or 1 for a conjunction.
func hostGrammar(g uint8) int {
	if g&gConj != 0 {
		return 1
	}
	return int(g & gPoints)
}

// grammarWinner returns the class with strictly the most grammar points.
func (s *scriptTally) grammarWinner() (uint8, bool) {
	best, tie := -1, false
	for k := range s.n {
		switch {
		case best < 0 || s.c[k].grammar > s.c[best].grammar:
			best, tie = k, false
		case s.c[k].grammar == s.c[best].grammar:
			tie = true
		}
	}
	if best < 0 || tie || s.c[best].grammar == 0 {
		return 0, false
	}
	return s.c[best].cls, true
}

// host returns the class with the most grammar points, then words, then
// letters; on a full tie the first.
func (s *scriptTally) host() uint8 {
	if s.n == 0 {
		return 0
	}
	best := 0
	for k := 1; k < s.n; k++ {
		a, b := s.c[best], s.c[k]
		if b.grammar > a.grammar || b.grammar == a.grammar && (b.words > a.words || b.words == a.words && b.lettr > a.lettr) {
			best = k
		}
	}
	return s.c[best].cls
}

// run is a stretch of words of one letter class in a sentence, with the
// numbers between them.
type run struct {
	tok0, tok1     int // first letter token; end
	cls            uint8
	words, letters int
	content        int  // words that are no grammar words
	quran          bool // holds words in Quranic brackets: never absorbed (S3.6)
}

// runs adds the units of toks[t0:t1], whose host class is host (0: find it).
// It splits them into runs of one letter class (S3.1); lets every run of at
// most MaxInline words that sits between two runs of one other class join
// them, shortest first, unless it is made of grammar words only (در in
// "apt در Ubuntu" is the sentence's grammar) or has grammar of its own (a
// clause, not a term: همیشه می‌گوییم between two English runs) (S3.4); keeps two halves that each have grammar of
// their own apart (S2.7); and lets every other run join the host unless it
// has more than MaxInline words and grammar of its own (S3.5). The runs
// left are the units.
func (e *engine) runs(t0, t1 int, host uint8) {
	toks := e.tk.toks
	rs := e.rs[:0]
	for i := t0; i < t1; i++ {
		t := &toks[i]
		if t.cls < cLatin {
			if len(rs) > 0 {
				rs[len(rs)-1].tok1 = i + 1
			}
			continue
		}
		quran := t.in&tiQuran != 0 && t.cls == cArabic
		content := 0
		if t.g&(gPoints|gConj) == 0 {
			content = 1
		}
		if n := len(rs); n > 0 && rs[n-1].cls == t.cls && rs[n-1].quran == quran {
			rs[n-1].tok1 = i + 1
			rs[n-1].words += e.tk.words(t)
			rs[n-1].content += content
			continue
		}
		rs = append(rs, run{tok0: i, tok1: i + 1, cls: t.cls, words: e.tk.words(t), content: content, quran: quran})
	}
	e.rs = rs
	if len(rs) == 0 {
		return // no letters: stays with the unit before
	}
	rs[len(rs)-1].tok1 = t1
	if len(rs) == 1 || rs[0].cls == rs[len(rs)-1].cls && allClass(rs, rs[0].cls) {
		e.units = append(e.units, unit{tok0: rs[0].tok0, tok1: t1, cls: rs[0].cls})
		return
	}
	maxw := e.opts.MaxInline
	if maxw == 0 { // absorption off
		e.emitRuns(rs)
		return
	}
	// S3.4: sandwiched runs, shortest first; each pass is a stack walk.
	for w := 1; w <= maxw && len(rs) > 2; w++ {
		out := rs[:0]
		for _, r := range rs {
			out = append(out, r)
			for n := len(out); n >= 3 && out[n-3].cls == out[n-1].cls && out[n-2].cls != out[n-1].cls && out[n-2].words <= w &&
				out[n-2].content > 0 && !e.ownGrammar(out[n-2]) && !out[n-3].quran && !out[n-2].quran && !out[n-1].quran &&
				e.inGloss(out[n-3]) == e.inGloss(out[n-1]); n = len(out) {
				out[n-3] = join(join(out[n-3], out[n-2], out[n-3].cls), out[n-1], out[n-3].cls)
				out = out[:n-2]
			}
		}
		rs = out
	}
	if len(rs) == 1 {
		e.units = append(e.units, unit{tok0: rs[0].tok0, tok1: t1, cls: rs[0].cls})
		return
	}
	if host == 0 || !hasClass(rs, host) {
		host = e.hostOfRuns(rs)
	}
	// S2.7: two halves, each a phrase with grammar of its own, or each
	// longer than MaxInline with a grammar word.
	if len(rs) == 2 && e.twoHalves(rs[0], rs[1], maxw) {
		e.emitRuns(rs)
		return
	}
	// S3.5: absorption into the host.
	for i := range rs {
		r := &rs[i]
		if r.cls != host && !r.quran && (r.words <= maxw || !e.ownGrammar(*r) && hasWordLists(r.cls)) {
			r.cls = host
		}
	}
	e.emitRuns(rs)
}

// inGloss reports whether run r starts inside brackets that are no call's:
// a gloss does not hold a word between it and the words it glosses (S3.4).
func (e *engine) inGloss(r run) bool { return e.tk.toks[r.tok0].in&tiBracket != 0 }

// emitRuns adds the runs as units, neighbours of one class together.
func (e *engine) emitRuns(rs []run) {
	for i, r := range rs {
		if n := len(e.units); i > 0 && e.units[n-1].cls == r.cls && !rs[i-1].quran && !r.quran {
			e.units[n-1].tok1 = r.tok1
			continue
		}
		e.units = append(e.units, unit{tok0: r.tok0, tok1: r.tok1, cls: r.cls})
	}
}

// hostOfRuns returns the host class of the runs (S3.3), counting in each
// run only the words of its own class: a run that joined another (S3.4)
// does not count. A sentence that begins and ends in one language with
// grammar words of its own (not only conjunctions) has that language as
// its host: the runs between are embedded in it.
func (e *engine) hostOfRuns(rs []run) uint8 {
	toks := e.tk.toks
	if first, last := rs[0], rs[len(rs)-1]; first.cls == last.cls && len(rs) > 2 {
		for _, r := range rs {
			for i := r.tok0; r.cls == first.cls && i < r.tok1; i++ {
				if t := &toks[i]; t.cls == r.cls && t.g&gConj == 0 && t.g&gPoints != 0 {
					return first.cls
				}
			}
		}
	}
	outside := e.glossInBrackets(toks[rs[0].tok0:rs[len(rs)-1].tok1])
	// The grammar of runs longer than MaxInline decides when there is any:
	// a short run is absorbed whatever it holds ("has been و have been …
	// هستند" is Persian).
	var long scriptTally
	for _, r := range rs {
		if r.words > e.opts.MaxInline {
			long.countClass(e, r.tok0, r.tok1, r.cls, outside)
		}
	}
	if c, ok := long.grammarWinner(); ok {
		return c
	}
	var s scriptTally
	for _, r := range rs {
		s.countClass(e, r.tok0, r.tok1, r.cls, outside)
	}
	if c := s.host(); c != 0 {
		return c
	}
	// Every word outside the brackets joined a run of another class (S3.4):
	// count the words in brackets too, else take the first run's class.
	var all scriptTally
	for _, r := range rs {
		all.countClass(e, r.tok0, r.tok1, r.cls, false)
	}
	if c := all.host(); c != 0 {
		return c
	}
	return rs[0].cls
}

// glossInBrackets reports whether the words in brackets of toks are glosses
// that make no host (S3.3): there are words outside brackets. (Arguments,
// in brackets that open right after a word, are no glosses and count as
// outside: LOOKUP( بردار نتیجه , … ).) Brackets that hold the only grammar
// of toks and most of its words are no gloss but the sentence, and the
// words outside them its name: pip (نصب‌کننده بسته برای Python).
func (e *engine) glossInBrackets(toks []token) bool {
	if !e.tk.bracketed { // no brackets in the line: is there a word?
		return hasLetters(toks)
	}
	var out, in, outG, inG int
	for i := range toks {
		t := &toks[i]
		if t.cls < cLatin {
			continue
		}
		g := int(t.g & gPoints)
		if t.g&gConj != 0 {
			g = 0
		}
		if t.in&tiBracket == 0 {
			out++
			outG += g
		} else {
			in++
			inG += g
		}
	}
	return out > 0 && !(outG == 0 && inG > 0 && in > out)
}

// hasClass reports whether a run in rs is of class cls.
func hasClass(rs []run, cls uint8) bool {
	for _, r := range rs {
		if r.cls == cls {
			return true
		}
	}
	return false
}

// allClass reports whether every run in rs is of class cls.
func allClass(rs []run, cls uint8) bool {
	for _, r := range rs {
		if r.cls != cls {
			return false
		}
	}
	return true
}

// hasWordLists reports whether the grammar of words of class cls is known
// (S3.5): Latin (English) and Arabic script (Persian, Arabic). Runs of
// other scripts are their own unit past MaxInline words.
func hasWordLists(cls uint8) bool { return cls == cLatin || cls == cArabic }

// ownGrammar reports whether run r has grammar of its own (S3.2): at least
// two grammar points among its own words, conjunctions not counted (names
// and titles have none: latinGrammar).
func (e *engine) ownGrammar(r run) bool { return e.grammarPoints(r, 2) >= 2 }

// grammarPoints counts the grammar points of run r's own words,
// conjunctions not counted, up to enough.
func (e *engine) grammarPoints(r run, enough int) int {
	toks := e.tk.toks
	points := 0
	for i := r.tok0; i < r.tok1 && points < enough; i++ {
		if t := &toks[i]; t.cls == r.cls && t.g&gConj == 0 {
			points += int(t.g & gPoints)
		}
	}
	return points
}

// twoHalves reports whether the runs a and b, the whole of a sentence, are
// two phrases of their own languages (S2.7): each of two words or more with
// grammar of its own, or each of more than maxw words with a grammar word
// (a lyrics line: `A long silence on the water سکوتی طولانی روی آب`).
func (e *engine) twoHalves(a, b run, maxw int) bool {
	if a.words < 2 || b.words < 2 {
		return false
	}
	if a.words > maxw && b.words > maxw {
		return e.grammarPoints(a, 1) >= 1 && e.grammarPoints(b, 1) >= 1
	}
	return e.ownGrammar(a) && e.ownGrammar(b)
}

// join merges the adjacent runs a and b into one run of class cls.
func join(a, b run, cls uint8) run {
	return run{tok0: a.tok0, tok1: b.tok1, cls: cls, words: a.words + b.words, letters: a.letters + b.letters,
		content: a.content + b.content, quran: a.quran || b.quran}
}

// label labels the line's units: Arabic-script units by their evidence, with
// their marked quotations cut out (S5.7); Han by the kana in it; other
// scripts by their class.
func (e *engine) label() {
	if e.tk.quoted {
		e.quotes()
	}
	if e.tk.bracketed && e.tk.sumQ >= ptBracketQuote {
		e.bracketQuotes()
	}
	if e.tk.bracketed && e.tk.sumQ >= arabicMin && e.tk.sumP >= 2 { // (a gloss has 2 grammar points, or two words with Persian points)
		e.bracketGlosses()
	}
	if e.tk.sumQ >= ptArabicRun && e.tk.sumP >= ptPersianRest { // (with less, no run is strong and no unit Persian for sure)
		e.arabicRuns()
	}
	toks := e.tk.toks
	for i := range e.units {
		u := &e.units[i]
		switch u.cls {
		case cArabic:
			if u.ev == 0 {
				var mark uint8
				if allQuran(toks[u.tok0:u.tok1]) {
					mark = tiQuran
				}
				u.lab, u.ev, u.words = e.arabicLabel(u.tok0, u.tok1, 0, mark)
			}
			if u.ev == evWeak && u.part != 0 {
				u.head = headWord(toks[u.tok0:u.tok1])
			}
			switch {
			case u.ev == evPair && u.part == partValue:
				u.ev = evSilent // S5.6: a two-word part without evidence goes with its line; a label before a colon stays Persian
			case u.ev == evPair:
				u.ev = evNone
			}
		case clsHani:
			u.lab = classLabels[clsHani]
			for _, t := range toks[u.tok0:u.tok1] {
				if t.cls == clsHani && t.feat&tkKana != 0 {
					u.lab = classLabels[clsJpan]
					break
				}
			}
		default:
			u.lab = classLabels[u.cls]
		}
	}
}

// headWord reports whether toks hold one or two Arabic-script words, all
// with the Arabic article and without Persian points: maybe the Arabic
// head-word of a glossary line (S5.6).
func headWord(toks []token) bool {
	words := 0
	for i := range toks {
		if t := &toks[i]; t.cls == cArabic {
			if words++; words > 2 || t.feat&tkArticle == 0 || t.p != 0 {
				return false
			}
		}
	}
	return words > 0
}

// allQuran reports whether every Arabic-script word of toks is in Quranic
// brackets.
func allQuran(toks []token) bool {
	seen := false
	for i := range toks {
		if toks[i].cls == cArabic {
			if toks[i].in&tiQuran == 0 {
				return false
			}
			seen = true
		}
	}
	return seen
}

// quotes cuts the marked quotations out of the Arabic-script units (S5.7):
// a quotation in Quranic brackets of any length, or in quotation marks of
// two or more words, is decided on its own and becomes a unit when its
// label differs from the sentence around it; the sentence is decided
// without the words of any quotation in it.
func (e *engine) quotes() {
	toks := e.tk.toks
	us := e.quoteBuf[:0]
	for _, u := range e.units {
		if u.cls != cArabic || !hasQuoteOutside(toks[u.tok0:u.tok1]) {
			us = append(us, u)
			continue
		}
		lab, ev, _ := e.arabicLabel(u.tok0, u.tok1, tiQuoted, 0)
		start := u.tok0
		for k := u.tok0; k < u.tok1; k++ {
			if toks[k].flags&tfOpen == 0 || toks[k].in&tiQuoted == 0 {
				continue
			}
			end, words := quoteEnd(toks, k, u.tok1)
			mark := tiQuote
			if toks[k].in&tiQuran != 0 {
				mark = tiQuran
			} else if words < 2 {
				k = end - 1
				continue
			}
			ql, qev, _ := e.arabicLabel(k, end, 0, mark)
			if ql == lab || qev != evDecided { // a quotation without evidence of its own stays in its sentence
				k = end - 1
				continue
			}
			us = cutOut(us, toks, u, start, k, end, lab, ev, ql, qev)
			start, k = end, end-1
		}
		us = restOf(us, toks, u, start, lab, ev)
	}
	e.units, e.quoteBuf = us, e.units[:0]
}

// cutOut appends to us the words of the sentence u from start to k, with
// label lab and evidence state ev (or, when there are none, lets the unit
// before reach k), and the quotation toks[k:end] as a unit of label ql and
// state qev (S5.7, S5.9).
func cutOut(us []unit, toks []token, u unit, start, k, end int, lab label, ev uint8, ql label, qev uint8) []unit {
	if hasLetters(toks[start:k]) {
		us = append(us, unit{tok0: firstLetter(toks, start), tok1: k, cls: cArabic, lab: lab, ev: ev, part: u.part})
	} else if len(us) > 0 && start > u.tok0 {
		us[len(us)-1].tok1 = k
	}
	return append(us, unit{tok0: k, tok1: end, cls: cArabic, lab: ql, ev: qev, part: u.part})
}

// restOf appends to us what is left of the sentence u from start, after
// the quotations cutOut cut out of it (all of u when there were none).
func restOf(us []unit, toks []token, u unit, start int, lab label, ev uint8) []unit {
	switch {
	case start == u.tok0:
		return append(us, unit{tok0: u.tok0, tok1: u.tok1, cls: cArabic, lab: lab, ev: ev, part: u.part})
	case hasLetters(toks[start:u.tok1]):
		return append(us, unit{tok0: firstLetter(toks, start), tok1: u.tok1, cls: cArabic, lab: lab, ev: ev, part: u.part})
	}
	us[len(us)-1].tok1 = u.tok1
	return us
}

// ptBracketQuote is the Arabic evidence a run in round brackets needs to be
// an Arabic quotation of its own (S5.9): twice what makes a unit Arabic.
const ptBracketQuote = 2 * arabicMin

// bracketQuotes cuts the Arabic quotations in round (or square) brackets
// out of the Persian sentences of the line (S5.9): a run of two
// Arabic-script words or more in brackets that is Arabic with strong
// evidence of its own (ptBracketQuote points: dense harakat, Arabic-only
// letters, function words), inside a sentence whose Persian words outside
// the brackets have grammar of their own, is an ar unit; the sentence is
// decided without its bracketed words.
func (e *engine) bracketQuotes() {
	e.cutBrackets(labArabic, e.persianOutsideBrackets, e.arabicInBrackets, false)
}

// bracketGlosses cuts the Persian glosses in brackets out of the Arabic
// sentences of the line (S5.13), the mirror of bracketQuotes: in a unit
// whose words outside brackets are Arabic on evidence of their own, a
// bracketed run that is a Persian phrase (persianGloss) is an fa unit, and
// the sentence is decided without it: the proverb lists `من یمدح العروس
// إلّا أهلها (هیچ کس نمی‌گوید ماست من ترش است)`.
func (e *engine) bracketGlosses() {
	e.cutBrackets(labPersian, nil, e.persianGloss, true)
}

// cutBrackets cuts out of the line's Arabic-script units not yet decided
// (those takes, if set, takes) their bracketed runs of Arabic-script words
// that is says are units of label lab (S5.9, S5.13); the rest of such a
// unit is decided without its bracketed words. With arabicRest, runs are
// cut only out of a unit whose rest is Arabic on evidence of its own.
func (e *engine) cutBrackets(lab label, takes func(unit) bool, is func(k, end int) bool, arabicRest bool) {
	toks := e.tk.toks
	us := e.quoteBuf[:0]
	for _, u := range e.units {
		if u.cls != cArabic || u.ev != 0 || takes != nil && !takes(u) {
			us = append(us, u)
			continue
		}
		var rl label // the rest's label and evidence state, once decided
		var rev uint8
		start := u.tok0
		for k := u.tok0; k < u.tok1; k++ {
			if toks[k].in&tiBracket == 0 || toks[k].cls != cArabic {
				continue
			}
			end := k
			for end < u.tok1 && toks[end].in&tiBracket != 0 {
				end++
			}
			if arabicRest && rev == 0 {
				if rl, rev, _ = e.arabicLabel(u.tok0, u.tok1, tiBracket, 0); rl != labArabic || rev != evDecided {
					break
				}
			}
			if !is(k, end) {
				k = end - 1
				continue
			}
			if rev == 0 {
				rl, rev, _ = e.arabicLabel(u.tok0, u.tok1, tiBracket, 0)
			}
			us = cutOut(us, toks, u, start, k, end, rl, rev, lab, evDecided)
			start, k = end, end-1
		}
		if start == u.tok0 {
			us = append(us, u)
			continue
		}
		us = restOf(us, toks, u, start, rl, rev)
	}
	e.units, e.quoteBuf = us, e.units[:0]
}

// persianGloss reports whether the bracketed run toks[k:end] is a Persian
// phrase (S5.13): two words or more, Persian by S5.5, with grammar of its
// own (2 grammar points of words with Persian evidence, S3.2) or two words
// with Persian points, one of them from letters Arabic does not write (پ
// چ ژ گ, ZWNJ). A Persian name alone in brackets (`(مسعود پزشکیان)`) is
// none.
func (e *engine) persianGloss(k, end int) bool {
	toks := e.tk.toks[k:end]
	var u arEvidence
	pointed := 0 // words with Persian points
	for i := range toks {
		u.add(&toks[i])
		if toks[i].cls == cArabic && toks[i].p > 0 {
			pointed++
		}
	}
	grammar, _, sure := persianWords(toks, 0)
	if u.words < 2 || grammar < 2 && !(sure && pointed >= 2) {
		return false
	}
	lab, ev := persianOrArabic(u, docEvidence{persianYK: e.docPersianYK()}, 0)
	return lab == labPersian && ev == evDecided
}

// persianOutsideBrackets reports whether the Arabic-script words of unit u
// outside brackets hold Persian grammar of their own: 2 grammar points of
// words with Persian evidence (S3.2).
func (e *engine) persianOutsideBrackets(u unit) bool {
	grammar, _, _ := persianWords(e.tk.toks[u.tok0:u.tok1], tiBracket)
	return grammar >= 2
}

// arabicInBrackets reports whether the bracketed run toks[k:end] is an
// Arabic quotation (S5.9): two words or more, Arabic by S5.5, with at least
// ptBracketQuote Arabic points.
func (e *engine) arabicInBrackets(k, end int) bool {
	var u arEvidence
	for i := k; i < end; i++ {
		u.add(&e.tk.toks[i])
	}
	if u.words < 2 || u.q < ptBracketQuote {
		return false
	}
	lab, _ := persianOrArabic(u, docEvidence{persianYK: e.docPersianYK()}, 0)
	return lab == labArabic
}

// arabicRuns decides the Arabic-script units of the line whose words are
// Persian beyond doubt (S5.10): such a unit is Persian, but for its
// unmarked Arabic runs, which are ar units of their own: a verse or saying
// quoted without marks (`مانند آیه إِنَّ اللَّهَ مَعَ الصَّابِرِينَ که در سوره
// بقره است`). markRuns finds the runs, and persianRest tells whether the
// words outside them are Persian beyond doubt; then the Arabic evidence of
// titles and terms among them (`حجة الاسلام و المسلمین`) does not make
// them ar.
func (e *engine) arabicRuns() {
	toks := e.tk.toks
	us := e.quoteBuf[:0]
	for _, u := range e.units {
		if u.cls != cArabic {
			us = append(us, u)
			continue
		}
		runs := markRuns(toks, u)
		if !persianRest(toks[u.tok0:u.tok1]) {
			for i := u.tok0; i < u.tok1 && runs; i++ {
				toks[i].in &^= tiRun
			}
			us = append(us, u)
			continue
		}
		start := u.tok0
		for k := u.tok0; k < u.tok1 && runs; k++ {
			if toks[k].in&tiRun == 0 {
				continue
			}
			end := k
			for end < u.tok1 && toks[end].in&tiRun != 0 {
				end++
			}
			us = cutOut(us, toks, u, start, k, end, labPersian, evDecided, labArabic, evDecided)
			start, k = end, end-1
		}
		us = restOf(us, toks, u, start, labPersian, evDecided)
	}
	e.units, e.quoteBuf = us, e.units[:0]
}

// markRuns marks with tiRun the tokens of the unmarked Arabic runs of unit
// u (S5.10: arabicRuns) and reports whether there are any. A run is a
// stretch of words without Persian points, outside brackets and quotations
// (runWord), from its first word with Arabic points or harakat to its last,
// that strongRun takes for Arabic.
func markRuns(toks []token, u unit) bool {
	vocal := harakatWords(toks[u.tok0:u.tok1]) // the unit's words with harakat
	found := false
	for k := u.tok0; k < u.tok1; k++ {
		if !runWord(&toks[k]) {
			continue
		}
		end := k
		for end < u.tok1 && runWord(&toks[end]) {
			end++
		}
		// The run is the stretch's words from the first with Arabic points
		// or harakat to the last (وَ مَا تَوْفِیقِی …), with a conjunction
		// just before it (و اللَّهُ …).
		start, last := k, end-1
		for start <= last && !marked(&toks[start]) {
			start++
		}
		for last > start && !marked(&toks[last]) {
			last--
		}
		if start > k && toks[start-1].g&gConj != 0 {
			start--
		}
		if run := toks[start : last+1]; start <= last && strongRun(run, vocal == harakatWords(run)) {
			for i := start; i <= last; i++ {
				toks[i].in |= tiRun
			}
			found = true
		}
		k = end - 1
	}
	return found
}

// marked reports whether the word t has Arabic points or harakat.
func marked(t *token) bool { return t.q != 0 || t.feat&tkHarakat != 0 }

// harakatWords counts the words of toks with harakat.
func harakatWords(toks []token) int {
	n := 0
	for i := range toks {
		n += has(toks[i].feat, tkHarakat)
	}
	return n
}

// hasQuoteOutside reports whether toks hold a quotation and Arabic-script
// words outside it.
func hasQuoteOutside(toks []token) bool {
	quoted, outside := false, false
	for i := range toks {
		if toks[i].cls != cArabic {
			continue
		}
		if toks[i].in&tiQuoted != 0 {
			quoted = true
		} else {
			outside = true
		}
	}
	return quoted && outside
}

// quoteEnd returns the end of the quotation that opens at toks[k] (the
// token after the one it closes after, the next quotation, or the first
// token outside it) and its Arabic-script words.
func quoteEnd(toks []token, k, limit int) (end, words int) {
	kind := toks[k].in & tiQuoted
	if kind&tiQuran != 0 {
		kind = tiQuran
	}
	for end = k; end < limit; end++ {
		t := &toks[end]
		if end > k && (t.in&kind == 0 || t.flags&tfOpen != 0) {
			break
		}
		if t.cls == cArabic {
			words++
		}
		if t.flags&tfCloseAfter != 0 {
			end++
			break
		}
	}
	return end, words
}

// hasLetters reports whether toks holds a word.
func hasLetters(toks []token) bool {
	for i := range toks {
		if toks[i].cls >= cLatin {
			return true
		}
	}
	return false
}

// firstLetter returns the index of the first word at or after i.
func firstLetter(toks []token, i int) int {
	for toks[i].cls < cLatin {
		i++
	}
	return i
}
