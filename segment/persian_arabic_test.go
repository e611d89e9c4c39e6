package segment

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/langsplit/langsplit/internal/textgen"
)

// TestWordEvidence pins the Persian and Arabic points (S5.1), the grammar
// value (S3.2) and the ی/ک features (S5.2) of single words, one case per
// kind of evidence.
func TestWordEvidence(t *testing.T) {
	cases := []struct {
		word string
		p, q int
		g    uint8
		feat uint16
		why  string
	}{
		{"پدر", 3, 0, 0, 0, "Persian-only letter"},
		{"کتاب", 0, 0, 0, tkPersianYK, "ی/ک are weighed per unit, not per word (S5.2)"},
		{"است", 2, 0, 2, 0, "Persian copula: evidence and 2 grammar points"},
		{"از", 2, 0, 1, 0, "Persian preposition: 1 grammar point"},
		{"و", 0, 0, gConj, 0, "conjunction, written apart in Persian and in Arabic typed by Persian writers"},
		{"كه", 2, 0, 1, tkArabicYK, "Persian function word typed with Arabic kaf"},
		{"من", 0, 0, 1, 0, "shared by both languages: grammar, no evidence"},
		{"مدرسة", 0, 3, 0, 0, "teh marbuta"},
		{"الاستيراد", 0, 1, 0, tkArabicYK, "article on a long word"},
		{"الكتاب", 0, 1, 0, tkArabicYK, "article"},
		{"البته", 0, 0, 0, 0, "Persian word that starts with ال"},
		{"بالای", 0, 0, 0, tkPersianYK, "Persian word: ب and ال, no article"},
		{"نعم", 0, 2, 1, 0, "Arabic particle Persian does not use"},
		{"الگوریتم", 3, 0, 0, tkPersianYK, "Persian word that starts with ال (and has گ)"},
		{"الکترونیکی", 0, 0, 0, tkPersianYK, "a long Persian word with ال, known by its first 8 letters"},
		{"الاجتماعية", 0, 4, 0, tkArabicYK, "a long word with the article and teh marbuta"},
		{"في", 0, 2, 1, tkArabicYK, "Arabic function word"},
		{"فی", 0, 2, 1, 0, "Arabic function word in Persian-keyboard spelling: no ی point"},
		{"الذی", 0, 3, 1, 0, "Arabic relative pronoun in Persian-keyboard spelling (and its article)"},
		{"علی", 0, 1, 1, 0, "على in ی spelling is also a Persian name: 1 point"},
		{"إلى", 0, 5, 1, tkFinalMaksura | tkMaksuraFW, "hamza below, final alef maksura, function word"},
		{"می\u200cخندم", 3, 0, 2, tkPersianYK, "ZWNJ and the verb prefix: a Persian verb"},
		{"میگه", 5, 0, 2, tkPersianYK, "a colloquial present form typed joined (presentForms), and گ"},
		{"نمیدونم", 2, 0, 2, tkPersianYK, "and its negative"},
		{"میدان", 0, 0, 0, tkPersianYK, "the prefix and a stem alone: no verb form (a square)"},
		{"ذَهَبَ", 0, 2, 0, 0, "vocalised"},
		{"اَسْت", 2, 0, 2, 0, "a Persian verb, looked up without its harakat: they are Persian vowel marks"},
		{"گُفتَم", 5, 0, 2, 0, "a Persian-only letter and a verb: the harakat weigh nothing"},
		{"مجتهدٌ", 0, 2, 0, 0, "tanwin damm"},
		{"کتابٍ", 0, 2, 0, tkPersianYK, "tanwin kasr"},
		{"قطعاً", 0, 0, 0, 0, "fathatan after a final alef is Persian usage"},
		{"كثيرًا", 0, 0, 0, tkArabicYK, "fathatan before a final alef is not weighed either"},
		{"مدرسةً", 0, 5, 0, 0, "fathatan away from a final alef, and teh marbuta"},
		{"الطالبُ", 0, 2, 0, 0, "article and the case ending damma"},
		{"ﺳﻼﻡ", 0, 0, 0, 0, "presentation forms, no evidence"},
		{"ﭘﺪﺭ", 3, 0, 0, 0, "presentation form of peh"},
		{"وَالأَرضَ", 0, 4, 0, 0, "clitic و + article, hamza above, vocalised"},
		{"سیاسى", 0, 1, 0, tkPersianYK | tkFinalMaksura | tkYehFinal, "ی inside and ى at the end: weighed per unit (S5.4)"},
		{"على", 0, 3, 1, tkFinalMaksura | tkMaksuraFW, "function word worth a point more with ى than as علی (S5.4)"},
	}
	for _, c := range cases {
		got, ok := wordToken(t, c.word)
		if !ok {
			continue
		}
		if int(got.p) != c.p || int(got.q) != c.q || got.g != c.g {
			t.Errorf("%s (%s): p=%d q=%d g=%#x, want p=%d q=%d g=%#x", c.word, c.why, got.p, got.q, got.g, c.p, c.q, c.g)
		}
		if f := got.feat & (tkPersianYK | tkArabicYK | tkFinalMaksura | tkYehFinal | tkMaksuraFW); f != c.feat {
			t.Errorf("%s (%s): features %#x, want %#x", c.word, c.why, f, c.feat)
		}
	}
}

// TestPersianOrArabic is the table of the Persian-or-Arabic decision
// (S5.2–S5.7, S5.12): unit evidence and document evidence in, label and evidence
// state out.
func TestPersianOrArabic(t *testing.T) {
	persianYK := docEvidence{persianYK: true}
	arabicLetters := docEvidence{arabicLetters: true}
	cases := []struct {
		name string
		u    arEvidence
		d    docEvidence
		mark uint8
		lab  label
		ev   uint8
	}{
		{"no evidence: Persian by default", arEvidence{words: 1}, docEvidence{}, 0, labPersian, evNone},
		{"Persian evidence only", arEvidence{words: 3, p: 4}, docEvidence{}, 0, labPersian, evDecided},
		{"Arabic points reach 2 and beat Persian", arEvidence{words: 3, p: 1, q: 3}, docEvidence{}, 0, labArabic, evDecided},
		{"Arabic points tie Persian: Persian", arEvidence{words: 3, p: 3, q: 3}, docEvidence{}, 0, labPersian, evDecided},
		{"one Arabic point, nothing else: follows its context", arEvidence{words: 2, q: 1}, docEvidence{}, 0, labPersian, evWeak},
		{"S5.2: ی/ک count 2 a word outside a ی/ک document", arEvidence{words: 2, pyk: 1, q: 2}, docEvidence{}, 0, labPersian, evDecided},
		{"S5.2: ی/ک say nothing in a ی/ک document (یجتهد الطالبُ)", arEvidence{words: 2, pyk: 1, q: 2}, persianYK, 0, labArabic, evDecided},
		{"S5.2: many ی/ک words say nothing either", arEvidence{words: 6, pyk: 5, q: 3}, persianYK, 0, labArabic, evDecided},
		{"S5.2: a ی/ک heading with one article follows its context", arEvidence{words: 3, pyk: 2, q: 1}, persianYK, 0, labPersian, evWeak},
		{"S5.3: ي/ك with Arabic evidence in a ی/ک document", arEvidence{words: 3, yk: 2, q: 1}, persianYK, 0, labArabic, evDecided},
		{"S5.3: nothing but ي/ك is Persian on an Arabic keyboard", arEvidence{words: 1, yk: 1}, persianYK, 0, labPersian, evNone},
		{"S5.3: ي/ك next to ی/ک in the unit are no Arabic evidence", arEvidence{words: 3, yk: 2, pyk: 1, q: 1}, persianYK, 0, labPersian, evWeak},
		{"S5.6: no evidence in three words follows its line", arEvidence{words: 3, pyk: 3}, persianYK, 0, labPersian, evSilent},
		{"S5.6: no evidence in two words is Persian, unless a pair part (evPair)", arEvidence{words: 2, pyk: 2}, persianYK, 0, labPersian, evPair},
		{"S5.6: no evidence in one word is Persian", arEvidence{words: 1, pyk: 1}, persianYK, 0, labPersian, evNone},
		{"S5.4: a final ى counts", arEvidence{words: 2, final: 1, q: 2}, docEvidence{}, 0, labArabic, evDecided},
		{"S5.4: a final ى says nothing where Persian is written with ي ك ى", arEvidence{words: 2, final: 1, q: 2}, arabicLetters, 0, labPersian, evWeak},
		{"S5.5: letters of other languages", arEvidence{words: 4, other: 1, p: 5}, docEvidence{}, 0, labUndArab, evDecided},
		{"S5.5: a trace of other letters in a long unit", arEvidence{words: 10, other: 1, p: 5}, docEvidence{}, 0, labPersian, evDecided},
		{"S5.7: Quranic brackets are Arabic without evidence", arEvidence{words: 1}, docEvidence{}, tiQuran, labArabic, evDecided},
		{"S5.7: Quranic brackets with a Persian و are Arabic", arEvidence{words: 3, p: 1}, persianYK, tiQuran, labArabic, evDecided},
		{"S5.7: Quranic brackets around Persian text", arEvidence{words: 4, p: 7}, docEvidence{}, tiQuran, labPersian, evDecided},
		{"S5.4: a unit that writes ی inside and ى at word ends", arEvidence{words: 2, final: 2, yehFinal: 1, q: 2, pyk: 1}, persianYK, 0, labPersian, evPair},
		{"S5.4: على reads as علی where ى is the keyboard's", arEvidence{words: 3, final: 2, yehFinal: 1, finalFW: 1, q: 4, pyk: 1}, persianYK, 0, labPersian, evWeak},
		{"S5.4: not where the unit also writes ي", arEvidence{words: 2, final: 2, yehFinal: 1, yk: 1, q: 2, pyk: 1}, persianYK, 0, labArabic, evDecided},
		{"S5.7: a quotation needs two points like any unit", arEvidence{words: 2, q: 1}, docEvidence{}, tiQuote, labPersian, evWeak},
		{"S5.7: a quotation with Arabic evidence", arEvidence{words: 3, q: 3}, docEvidence{}, tiQuote, labArabic, evDecided},
		{"S5.1: Arabic-Indic digits alone make no Arabic", arEvidence{words: 1, dq: 2}, docEvidence{}, 0, labPersian, evNone},
		{"S5.1: Arabic-Indic digits count beside Arabic words", arEvidence{words: 1, q: 1, dq: 1}, docEvidence{}, 0, labArabic, evDecided},
		{"S5.12: ي/ك without evidence where the document has no Persian spelling: follows its context", arEvidence{words: 2, yk: 1}, docEvidence{arabicKeyboard: true}, 0, labPersian, evWeak},
		{"S5.12: not without ي/ك", arEvidence{words: 1}, docEvidence{arabicKeyboard: true}, 0, labPersian, evNone},
		{"S5.12: not with Persian evidence", arEvidence{words: 2, yk: 1, p: 3}, docEvidence{arabicKeyboard: true}, 0, labPersian, evDecided},
		{"S5.12: ي/ك alone elsewhere stay Persian", arEvidence{words: 2, yk: 1}, docEvidence{}, 0, labPersian, evPair},
	}
	for _, c := range cases {
		lab, ev := persianOrArabic(c.u, c.d, c.mark)
		if lab != c.lab || ev != c.ev {
			t.Errorf("%s: got %s/%d, want %s/%d", c.name, lab.lang(), ev, c.lab.lang(), c.ev)
		}
	}
}

// TestFollowContext checks S5.6: a unit with only a trace of Arabic follows
// the nearest decided unit on its line, else the last one before it; a unit
// without evidence follows only an Arabic sentence before it on a line of
// Arabic script alone.
func TestFollowContext(t *testing.T) {
	weak := unit{cls: cArabic, lab: labPersian, ev: evWeak, words: 2}
	silent := unit{cls: cArabic, lab: labPersian, ev: evSilent, words: 3}
	ar := unit{cls: cArabic, lab: labArabic, ev: evDecided, words: 3}
	head := unit{cls: cArabic, lab: labArabic, ev: evDecided, words: 1}
	fa := unit{cls: cArabic, lab: labPersian, ev: evDecided, words: 3}
	en := unit{cls: cLatin, lab: labEnglish}
	headWord := unit{cls: cArabic, lab: labPersian, ev: evWeak, words: 1, head: true, part: partValue}
	gloss := unit{cls: cArabic, lab: labPersian, ev: evDecided, words: 2, part: partValue}
	cases := []struct {
		name  string
		units []unit
		last  label
		want  []string
		next  label
	}{
		{"after an Arabic unit on its line", []unit{ar, weak}, labPersian, []string{"ar", "ar"}, labArabic},
		{"the nearer one wins", []unit{ar, fa, weak}, labPersian, []string{"ar", "fa", "fa"}, labPersian},
		{"nothing decided on the line: the text before", []unit{weak}, labArabic, []string{"ar"}, labArabic},
		{"nothing decided anywhere: Persian", []unit{weak}, labNone, []string{"fa"}, labNone},
		{"a silent unit after an Arabic sentence on its line", []unit{ar, silent}, labPersian, []string{"ar", "ar"}, labArabic},
		{"a silent unit before an Arabic sentence: no reason to follow", []unit{silent, ar}, labPersian, []string{"fa", "ar"}, labArabic},
		{"a silent unit after an Arabic head-word of one word", []unit{head, silent}, labPersian, []string{"ar", "fa"}, labArabic},
		{"a silent gloss between Arabic and English", []unit{ar, silent, en}, labPersian, []string{"ar", "fa", "en"}, labArabic},
		{"an Arabic head-word glossed in Persian", []unit{headWord, gloss}, labPersian, []string{"ar", "fa"}, labPersian},
		{"a head-word alone follows its context", []unit{headWord}, labPersian, []string{"fa"}, labPersian},
		{"a silent unit after a Persian one", []unit{ar, fa, silent}, labPersian, []string{"ar", "fa", "fa"}, labPersian},
		{"a silent unit does not follow earlier lines", []unit{silent}, labArabic, []string{"fa"}, labArabic},
	}
	for _, c := range cases {
		us := append([]unit(nil), c.units...)
		next := followContext(us, c.last)
		for i := range us {
			if us[i].lab.lang() != c.want[i] {
				t.Errorf("%s: unit %d is %s, want %s", c.name, i, us[i].lab.lang(), c.want[i])
			}
		}
		if next != c.next {
			t.Errorf("%s: context for the next line %v, want %v", c.name, next, c.next)
		}
	}
}

// TestHonorifics checks S5.8: the words of an honorific formula lose their
// evidence, the words around it keep theirs.
func TestHonorifics(t *testing.T) {
	for _, c := range []struct {
		line    string
		cleared []bool
	}{
		{"امام علیهم السلام فی", []bool{false, true, true, false}},
		{"پیامبر صلى الله عليه وآله", []bool{false, true, true, true, true}},
		{"علیه\u200cالسلام گفت", []bool{true, false}},
		{"عليه الكتاب", []bool{false, false}},
		// A formula of seven words (it once overran a six-word buffer).
		{"پیامبر صلي الله عليه و آله و سلم گفت", []bool{false, true, true, true, true, true, true, true, false}},
	} {
		var e engine
		e.reset(Options{}, new([]Block))
		text := []byte(c.line)
		e.tk.line(text, 0, len(text))
		before := append([]token(nil), e.tk.toks...)
		e.honorifics()
		if len(e.tk.toks) != len(c.cleared) {
			t.Fatalf("%s: %d tokens, want %d", c.line, len(e.tk.toks), len(c.cleared))
		}
		for i, tok := range e.tk.toks {
			zero := tok.p == 0 && tok.q == 0 && tok.feat&(tkArabicYK|tkPersianYK|tkFinalMaksura) == 0
			changed := tok != before[i]
			if c.cleared[i] && !zero || !c.cleared[i] && changed {
				t.Errorf("%s: word %d %q: evidence p=%d q=%d feat=%#x, cleared=%v", c.line, i, text[tok.start:tok.end], tok.p, tok.q, tok.feat, c.cleared[i])
			}
		}
	}
}

// TestPersianVerbForms checks that common Persian verb forms and question
// words are Persian evidence and grammar (S3.2, S5.1), and that the forms
// that are Arabic words too are not.
func TestPersianVerbForms(t *testing.T) {
	var tk tokenizer
	for _, w := range strings.Fields("هستم هستیم نیستم فرمود فرمودند فرموده نشد نشده نشدند نبود بود شد " +
		"رفتم رفتند گفتم گفتند آمدم نیامد دیدیم داشتند نوشتید خواستی چرا چگونه چیست کجا چطور کدام") {
		tk.line([]byte(w), 0, len(w))
		if tok := tk.toks[0]; tok.p == 0 || tok.g&gPoints == 0 {
			t.Errorf("%s: p=%d g=%#x, want Persian points and grammar", w, tok.p, tok.g)
		}
	}
	for _, w := range []string{"شدید", "ندید"} {
		tk.line([]byte(w), 0, len(w))
		if tok := tk.toks[0]; tok.p != 0 {
			t.Errorf("%s: p=%d, want no Persian points (an Arabic word too)", w, tok.p)
		}
	}
}

// TestNegatedVerb checks S5.1: لا before a word that starts like an
// imperfect verb is one more Arabic point; before a Persian word, or across
// a pair separator, it is not.
func TestNegatedVerb(t *testing.T) {
	for _, c := range []struct {
		line string
		q    int
	}{
		{"لا یعود", 1 + 1},
		{"لا تحزن", 1 + 1},
		{"لا به", 1 + 0},
		{"لا - یعود", 1 + 0},
		{"لا تا", 1 + 0},
	} {
		var tk tokenizer
		tk.line([]byte(c.line), 0, len(c.line))
		q := 0
		for _, tok := range tk.toks {
			q += int(tok.q)
		}
		if q != c.q {
			t.Errorf("%s: %d Arabic points, want %d", c.line, q, c.q)
		}
	}
}

// The verb forms made from stems are no Arabic function word (the table
// would then weigh them for Persian), and the subjunctive makes no word of
// the stems left out for that reason.
func TestVerbFormsNotArabic(t *testing.T) {
	forms := presentForms()
	for w := range pastForms() {
		forms[w] = 2
	}
	arabic := map[uint64]string{}
	for w := range arabicFunctionWords {
		arabic[wordKey(w, true, false)] = w // folded: ي and ك read as ی and ک
	}
	for w := range forms {
		if a, ok := arabic[wordKey(w, true, false)]; ok && wordKey(w, true, false) != 0 {
			t.Errorf("%s is a verb form and the Arabic function word %s", w, a)
		}
	}
	for _, w := range []string{"بره", "برید", "بدهی", "بافت", "میدان", "بدون", "میان"} {
		if _, ok := presentForms()[w]; ok {
			t.Errorf("%s is made a verb form", w)
		}
	}
}

// noArabicPoints never passes a word whose evidence has Arabic points or
// is لا: every word of the eval documents and of generated text, and every
// word of the word lists, as written, after the clitics و ف ب ک ل and with
// the article.
func TestNoArabicPoints(t *testing.T) {
	words := map[string]bool{}
	add := func(text string) {
		for _, w := range strings.FieldsFunc(text, func(r rune) bool {
			return r < 0x600 || r > 0x6FF || arabicFeat[r-0x600]&(fLetter|fMark) == 0
		}) {
			words[w] = true
		}
	}
	files, _ := filepath.Glob("../../shared/eval/*/docs/*")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		add(string(b))
	}
	add(string(textgen.Bytes(textgen.Persian, 1<<20, 3)))
	var lists []string
	for w := range arabicFunctionWords {
		lists = append(lists, w)
	}
	for w := range persianFunctionWords {
		lists = append(lists, w)
	}
	lists = append(lists, strings.Fields(arabicVerbs+" "+persianVerbs+" "+arabicScriptGrammar)...)
	for _, w := range lists {
		for _, pre := range []string{"", "و", "ف", "ب", "ک", "ل", "ال", "وال"} {
			words[pre+w] = true
		}
	}
	passed := 0
	for w := range words {
		var a arabicWord
		lt := []byte(w)
		if end := a.read(lt, 0); end != len(lt) || !a.noArabicPoints() {
			continue
		}
		passed++
		if _, q, _, feat := a.evidence(); q != 0 || feat&tkLa != 0 {
			t.Errorf("%q: noArabicPoints, but evidence has %d Arabic points (features %#x)", w, q, feat)
		}
	}
	if passed < len(words)/2 {
		t.Errorf("noArabicPoints passed %d of %d words: it should pass most Persian words", passed, len(words))
	}
}

// TestRunFeatures pins the token features that S5.10 reads (strongRun,
// runPoints, markRuns): Arabic points from letters or tanwin, harakat, and
// the points of vocalisation and of a case ending.
func TestRunFeatures(t *testing.T) {
	const all = tkArabicLetters | tkHarakat | tkVocalised | tkCaseEnding
	for _, c := range []struct {
		word string
		feat uint16
		why  string
	}{
		{"مدرسة", tkArabicLetters, "teh marbuta"},
		{"مجتهدٌ", tkArabicLetters | tkHarakat, "tanwin damm: a letter feature and a haraka"},
		{"هدىً", tkArabicLetters | tkHarakat, "fathatan away from a final alef: tanwin, its only mark"},
		{"قطعاً", 0, "Persian اً: no tanwin, no haraka"},
		{"ذَهَبَ", tkHarakat | tkVocalised, "vocalised, nothing from its letters"},
		{"الطالبُ", tkHarakat | tkCaseEnding, "one haraka, the case ending"},
		{"دَر", tkHarakat, "a vocalised Persian function word: harakat, no points"},
		{"الکتاب", 0, "the article alone"},
	} {
		if got, ok := wordToken(t, c.word); ok && got.feat&all != c.feat {
			t.Errorf("%s (%s): features %#x, want %#x", c.word, c.why, got.feat&all, c.feat)
		}
	}
}

// wordToken returns the one token the tokenizer reads in word, an
// Arabic-script word; ok is false (and t has an error) when it reads
// anything else.
func wordToken(t *testing.T, word string) (tok token, ok bool) {
	t.Helper()
	var tk tokenizer
	tk.line([]byte(word), 0, len(word))
	if len(tk.toks) != 1 || tk.toks[0].cls != cArabic {
		t.Errorf("%s: want one Arabic-script word, got %+v", word, tk.toks)
		return token{}, false
	}
	return tk.toks[0], true
}

// TestLabelsDistinct checks what comparing labels by index relies on: no
// two labels stand for one language, and every index fits a label.
func TestLabelsDistinct(t *testing.T) {
	if len(labelInfos) > 256 {
		t.Fatalf("%d labels: more than a label holds", len(labelInfos))
	}
	seen := map[string]label{}
	for i := range labelInfos {
		l := label(i)
		if l == labNone || labelInfos[l] == (labelInfo{}) {
			continue // none, or a class without letters (below cLatin)
		}
		if k, ok := seen[l.lang()]; ok {
			t.Errorf("labels %d and %d both stand for %q", k, l, l.lang())
		}
		seen[l.lang()] = l
	}
	for _, l := range []label{labEnglish, labPersian, labArabic, labUndArab, labUnd} {
		if _, ok := seen[l.lang()]; !ok {
			t.Errorf("label %d (%q) not among the labels", l, l.lang())
		}
	}
}
