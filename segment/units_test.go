package segment

import (
	"strings"
	"testing"
)

// TestCodeLine pins which lines S2.8 reads as code or markup.
func TestCodeLine(t *testing.T) {
	for _, c := range []struct {
		line string
		code bool
	}{
		{`\usepackage{xcolor}`, true},
		{`  \section{مقدمه}`, true},
		{`@BOOK{key,`, true},
		{`}`, true},
		{`% a comment`, true},
		{`#include <stdio.h>`, true},
		{`<title>صفحه</title>`, true},
		{`$ sudo apt install git`, true},
		{`>>> name = "علی"`, true},
		{`  TITLE = {آشنایی با لاتک},`, true},
		{`"label": "خروج",`, true},
		{`title="x"`, true},
		{`# عنوان`, false},
		{"Clear Cache: پاک\u200cسازی", false},
		{`نکته: در این حالت`, false},
		{`Norway = نروژ`, false},
		{`x`, false},
		{`a < b`, false},
	} {
		var e engine
		e.reset(Options{}, new([]Block))
		text := []byte(c.line + "\n")
		e.tk.le = e.tk.line(text, 0, len(text))
		if got := e.codeLine(); got != c.code {
			t.Errorf("codeLine(%q) = %v, want %v", c.line, got, c.code)
		}
	}
}

// TestHostAndAbsorption is a table of one-line cases for S2.6–S3.5: the
// languages of the blocks, in order.
func TestHostAndAbsorption(t *testing.T) {
	for _, c := range []struct {
		text, langs, rule string
	}{
		{"I use گیت daily.", "en", "S3.4 a short run inside"},
		{"Hyperref این مشکل را می\u200cشناسد.", "fa", "S3.5 a short run at the start"},
		{"apt در Ubuntu", "fa", "S3.4 a grammar word between names is the host's"},
		{"man pages لینوکس", "en", "S3.3 no grammar: more words"},
		{"این پروژه با Go، Rust، Zig، Odin و TypeScript نوشته شده است.", "fa", "S3.5 a list of names"},
		{"او گفت I do not know what you mean و رفت.", "fa en fa", "S3.5 a clause with grammar of its own"},
		{"He said «من نمی\u200cدانم چه می\u200cگویی» and left.", "en fa en", "S3.5 a Persian clause in English"},
		{"The Art of Computer Programming را بخوانید.", "fa", "S3.2 a title has no grammar of its own"},
		{"Norway - نروژ", "en fa", "S2.6 pure parts"},
		{"پایتون – نحو (Syntax)", "fa", "S2.6 a gloss in brackets"},
		{"| Hi | Salaam | سلام |", "en fa", "S2.5 table row"},
		{"Hi | سلام", "en fa", "S2.6 one bar is a pair separator"},
		{"01 • Abbreviate (v) • مختصر کردن", "en fa", "S2.6 bullets"},
		{"گفت مادر Mama said", "fa en", "S2.7 two halves"},
		{"بچه\u200cها میگن فردا برف میاد The kids say it will snow tomorrow", "fa en", "S2.7 a colloquial half: joined present forms are verbs"},
		{"Mama مادر", "en", "S2.7 no grammar: one unit"},
		{"The rain is falling on the city باران تند روی شهر", "en fa", "S2.7 halves longer than MaxInline: a grammar word each"},
		{"The rain باران روی شهر", "fa", "S2.7 short halves need grammar of their own: one unit, the host by words"},
		{"بعد بنویسم then I write it", "fa en", "S2.7 a subjunctive (ب + present stem) is a verb"},
		{"Nima: این را بفرستم؟ git pull --rebase", "en fa en", "S2.4 a part after a pair separator begins afresh"},
		{"Saves اجرا در پایانه؟ the current session", "en", "S2.4 one English sentence with a Persian term"},
		{"Part A. جدول مقایسه", "fa", "S3.2 a letter before a full stop is a label"},
		{"قیمت A18 Pro بالا است.", "fa", "S3.2 a letter run into digits is a name"},
		{"در آیه ﴿قَالَ﴾ آمده است.", "fa ar fa", "S5.7 Quranic brackets"},
		{"پیامبر صلی الله علیه و آله فرمود.", "fa", "S5.8 honorific"},
		{"We won MILD. این یک جمله فارسی است.", "en fa", "S2.3 not a Roman numeral"},
	} {
		var got []string
		for _, b := range Segment(c.text) {
			got = append(got, b.Lang)
		}
		if g := strings.Join(got, " "); g != c.langs {
			t.Errorf("%s: %q: blocks %s, want %s", c.rule, c.text, g, c.langs)
		}
	}
}

// TestMaxInlineOff checks S3.7: with absorption off every foreign run is a
// unit of its own, grammar or not.
func TestMaxInlineOff(t *testing.T) {
	var got []string
	for _, b := range (Options{MaxInline: -1}).Segment("apt در Ubuntu") {
		got = append(got, b.Lang)
	}
	if g := strings.Join(got, " "); g != "en fa en" {
		t.Errorf("MaxInline -1: blocks %s, want en fa en", g)
	}
}

// TestArabicRuns pins, on hand-built tokens, which runs S5.10 cuts out of a
// unit (markRuns) and when the rest is Persian beyond doubt (persianRest).
func TestArabicRuns(t *testing.T) {
	// Words by their evidence: Persian points p, Arabic points q, grammar g,
	// features and brackets.
	type w struct {
		p, q, g int8
		feat    uint16
		in      uint8
	}
	var (
		fw      = w{q: 4, g: 1, feat: tkArabicLetters}       // إِنَّ: a function word with إ
		fwAr    = w{q: 2, g: 1}                              // مع, ذلک: a function word alone
		tanwin  = w{q: 3, feat: tkArticle | tkArabicLetters} // an article and ٌ (strong: 2)
		vowels  = w{q: 3, feat: tkVocalised | tkArticle}     // الصَّابِرِينَ: harakat and the article only
		plain   = w{}                                        // no evidence
		conj    = w{g: int8(gConj)}                          // و
		urdu    = w{q: 4, feat: tkOtherLang}                 // letters of another language
		quoted  = w{q: 4, g: 1, in: tiQuote}                 // inside quotation marks (S5.7)
		verb    = w{p: 2, g: 2}                              // است
		fwFa    = w{p: 2, g: 1}                              // در, and اما or ولی, which Arabic writes too
		letter  = w{p: 3}                                    // a word with پ چ ژ گ
		pron    = w{p: 1, g: 2}                              // او, Arabic "or" too
		maksura = w{q: 1, feat: tkFinalMaksura}              // a final ى
		caseEnd = w{q: 1, feat: tkCaseEnding}                // a final ُ
		hv      = w{q: 2, feat: tkVocalised | tkHarakat}     // a vocalised word
		hz      = w{feat: tkHarakat}                         // a word with a haraka and no points (مَا)
		fwHv    = w{p: 2, g: 1, feat: tkHarakat}             // a vocalised Persian function word (دَر)
		hamza   = w{q: 1, feat: tkArabicLetters}             // a word with أ
		fwLet   = w{p: 5, g: 1}                              // چون: a function word with چ
	)
	for _, c := range []struct {
		name  string
		words []w
		runs  string // per word: r in a run markRuns marks, . not
		rest  bool   // persianRest: the words outside the runs are Persian, and the runs are cut
	}{
		{"verse in a sentence", []w{fwFa, verb, fw, plain, tanwin, fwFa, verb}, "..rrr..", true},
		{"run ends at its last evidence", []w{fw, tanwin, plain, plain, verb, fwFa}, "rr....", true},
		{"a conjunction before it", []w{verb, fwFa, conj, fw, tanwin}, "..rrr", true},
		{"one word", []w{verb, fwFa, fw, verb}, "....", true},
		{"function words alone", []w{fwAr, fwAr, fwAr, verb, fwFa}, ".....", true},
		{"harakat and articles are weak", []w{verb, fwFa, vowels, vowels, vowels}, ".....", true},
		{"two weak words and a strong one", []w{verb, fwFa, vowels, fw}, "..rr", true},
		{"another language's letters", []w{verb, fwFa, fw, urdu, fw}, ".....", true},
		{"a quotation is S5.7's", []w{verb, fwFa, quoted, fw}, "....", true},
		{"Arabic writes اما and ولی", []w{fwFa, fw, tanwin, fwFa}, ".rr.", false},
		{"او is Arabic or", []w{pron, fwFa, fwFa, fw, tanwin}, "...rr", false},
		{"final ى is weak", []w{verb, fwFa, tanwin, maksura, maksura}, ".....", true},
		{"a case ending is weak", []w{verb, fwFa, tanwin, caseEnd, caseEnd}, ".....", true},
		{"a verb alone", []w{verb, fw, tanwin}, ".rr", false},
		{"Persian letters without grammar", []w{letter, letter, fw, tanwin}, "..rr", false},
		{"Persian letters and grammar", []w{letter, fwFa, fwFa, fw, tanwin}, "...rr", true},
		{"a vocalised saying alone", []w{verb, fwFa, hv, hz, hv}, "..rrr", true},
		{"trimmed to its marked words", []w{verb, plain, hz, hv, hv, plain, fwFa}, "..rrr..", true},
		{"vocalised Persian around it", []w{fwHv, verb, hv, hz, hv}, ".....", true},
		{"two vocalised words", []w{verb, fwFa, hv, hv}, "....", true},
		{"a conjunction before a vocalised saying", []w{verb, fwFa, conj, hv, hz, hv}, "..rrrr", true},
		{"harakat are weak in Persian vocalised around it", []w{fwHv, verb, hv, hv, hamza}, ".....", true},
		{"a function word with Persian letters", []w{fwLet, fwFa, fw, tanwin}, "..rr", true},
		{"a word without harakat in it", []w{verb, fwFa, hv, plain, hv, hv}, "......", true},
	} {
		toks := make([]token, len(c.words))
		for i, x := range c.words {
			toks[i] = token{cls: cArabic, p: x.p, q: x.q, g: uint8(x.g), feat: x.feat, in: x.in}
		}
		found := markRuns(toks, unit{tok0: 0, tok1: len(toks)})
		rest := persianRest(toks)
		var got strings.Builder
		for _, tok := range toks {
			if tok.in&tiRun != 0 {
				got.WriteByte('r')
			} else {
				got.WriteByte('.')
			}
		}
		if rest != c.rest || got.String() != c.runs || found != strings.Contains(c.runs, "r") {
			t.Errorf("%s: runs %s, rest %v; want %s, %v", c.name, got.String(), rest, c.runs, c.rest)
		}
	}
}

// TestPosTags pins where a part-of-speech tag makes a pair separator
// (S2.6: posTags): the word that starts the part after it, or none.
func TestPosTags(t *testing.T) {
	for _, c := range []struct{ line, part string }{
		{"ability (n) توانایی", "توانایی"},
		{"2. ability /əˈbɪl.ə.ti/ (adj) توانا", "توانا"},
		{"run (n, v) دویدن", "دویدن"},
		{"absent (صفت) غایب", "صفت"},
		{"He made a decision (n) about it.", ""},
		{"He made a decision (n) about تصمیم", ""},  // one script either side
		{"او کلمه decision (n) را به کار برد.", ""}, // words of two scripts before it
		{"نکته: run (v) دویدن", "دویدن"},            // its part starts after the colon
		{"ability (noun phrase) توانایی", ""},       // a word in its brackets that is no tag
		{"ability (x n) توانایی", ""},               // nor before them
		{"ability (n) (x) توانایی", ""},             // brackets after it
		{"ability (n صفت) توانایی", ""},             // tags of two scripts
		{"ability n توانایی", ""},                   // no brackets
		{"ability (x) توانایی", ""},                 // no tag
		{"ability (n) ۲ توانایی", ""},               // a number after it
		{"ability (n). توانایی", ""},                // a sentence ends there already
		{"(n) توانایی", ""},                         // nothing before it
		{"ability (n)", ""},                         // nothing after it
	} {
		var tk tokenizer
		text := []byte(c.line + "\n")
		tk.line(text, 0, len(text))
		got := ""
		for _, tok := range tk.toks {
			if tok.flags&tfPair != 0 {
				got = string(text[tok.start:tok.end])
			}
		}
		if got != c.part {
			t.Errorf("%q: part after the tag starts at %q, want %q", c.line, got, c.part)
		}
	}
}
