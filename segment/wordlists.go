package segment

import (
	"bytes"
	"maps"
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/langsplit/langsplit/internal/keyset"
)

// Word lists: the function words that tell Persian from Arabic (S5.1), the
// grammar words that make a language the host of a sentence (S3.2, S3.3),
// the part-of-speech tags of glossary rows (S2.6) and the shell commands
// that start a command line (S2.10).
//
// Provenance: written by hand for langsplit by its authors from general
// knowledge of English, Persian and Arabic grammar (prepositions,
// conjunctions, pronouns, particles, auxiliaries, copulas and the commonest
// verbs: closed word classes found in any grammar; the tags and commands
// from general knowledge of dictionaries and Unix). They were not extracted
// from any corpus or translation catalog. License: the same as langsplit's
// own code.
//
// Evidence points (the maps' values) are 2 for a word seen in one language
// only and 1 for a word mostly seen in it. Words that Persian and Arabic use
// alike (و من ما هم بین بعد قبل غیر الله …) carry no points; some of them are
// grammar words (arabicScriptGrammar).

// persianFunctionWords are matched after folding ي ى → ی and ك → ک, so
// Persian typed on an Arabic keyboard matches too.
var persianFunctionWords = map[string]int8{
	"را": 2, "از": 2, "در": 2, "که": 2, "این": 2, "آن": 2, "است": 2, "هست": 2,
	"نیست": 2, "بود": 2, "شد": 2, "شود": 2, "شده": 2, "می": 2, "نمی": 2, "برای": 2,
	"با": 2, "تا": 2, "اگر": 2, "اما": 2, "ولی": 2, "نیز": 2, "همه": 2, "هر": 2,
	"یک": 2, "چه": 2, "خود": 2, "خویش": 2, "شما": 2, "ایشان": 2, "آنها": 2,
	"اینها": 2, "آنان": 2, "اینکه": 2, "آنکه": 2, "آنچه": 2, "همین": 2, "همان": 2,
	"باید": 2, "باشد": 2, "باشند": 2, "کرد": 2, "کند": 2, "کنند": 2, "کرده": 2,
	"کنید": 2, "کردن": 2, "کنیم": 2, "کردند": 2, "دارد": 2, "دارند": 2, "داشت": 2,
	"خواهد": 2, "خواهند": 2, "خواهیم": 2, "بودند": 2, "شدند": 2, "هستند": 2,
	"هستید": 2, "نیستند": 2, "اند": 2, "ایم": 2, "اید": 2, "دیگر": 2, "بسیار": 2,
	"خیلی": 2, "بیشتر": 2, "هیچ": 2, "زیرا": 2, "وقتی": 2, "سپس": 2, "روی": 2,
	"زیر": 2, "میان": 2, "سوی": 2, "بی": 2, "تو": 2, "ها": 2, "های": 2, "هایی": 2,
	"آیا": 2, "شاید": 2, "اینجا": 2, "آنجا": 2, "کجا": 2, "اکنون": 2, "هنوز": 2,
	"درباره": 2, "بنابراین": 2, "مانند": 2, "بیرون": 2, "درون": 2, "چنین": 2,
	"چنان": 2, "ولیکن": 2, "لیکن": 1, "بر": 1, "نه": 1, "به": 1, "او": 1,
	"ای": 1, "کی": 1, "باز": 1, "آری": 1, "بله": 1, "وی": 2, "آنگاه": 2, "هرگز": 2,
	"نخواهد": 2, "نکرد": 2, "نکنید": 2, "کنم": 2, "کردم": 2, "شوند": 2, "گردد": 2,
	"نمود": 2, "نماید": 2, "بودن": 2, "کسی": 2, "چیزی": 2, "کسانی": 2, "آنچنان": 2,
	"یعنی": 2, "مثل": 1, "گفت": 2, "گفته": 2, "گوید": 2, "میگوید": 2, "دهد": 2,
	"میشود": 2, "میکند": 2, "میکنند": 2, "میکنید": 2, "میتوان": 2, "میتوانید": 2,
	"میدهد": 2, "میباشد": 2, "نمیشود": 2, "میشوند": 2, "میکنیم": 2, "دارید": 2,
	// Colloquial forms, common on web pages.
	"رو": 1, "یه": 2, "هستن": 2, "نیستن": 2, "اینا": 2, "اونا": 2, "اون": 2,
	"چیه": 2, "داره": 2, "میشه": 2, "نمیشه": 2, "میکنه": 2, "میکنن": 2,
	"میکنی": 2, "میکنم": 2, "بشه": 2, "کنه": 2, "ندارد": 2, "ندارند": 2, "دارم": 2,
	"داری": 2, "داریم": 2,
	// Question words (S3.2: grammar, so "چرا LaTeX؟" is a Persian question).
	"چرا": 2, "چگونه": 2, "چیست": 2, "چطور": 2, "کدام": 2, "چند": 2, "چقدر": 2,
	"کجاست": 2, "چیستند": 2,
	// The copula and common present forms with their personal endings.
	"هستم": 2, "هستی": 2, "هستیم": 2, "نیستم": 2, "نیستی": 2, "نیستیم": 2,
	"نیستید": 2, "باشم": 2, "باشی": 2, "باشیم": 2, "باشید": 2, "شوم": 2,
	"شویم": 2, "شوید": 2, "فرماید": 2, "فرمایند": 2, "فرمایید": 2,
}

// persianPastStems are common Persian past stems: with the personal endings,
// the negative prefix ن and the participle ه (pastForms) they are verbs.
// Stems whose forms are also Arabic words are left out where they would be
// (برد, زد: Arabic "cold", "add"), and so are the forms of that kind
// (pastFormsArabic).
const persianPastStems = "کرد شد بود رفت گفت آمد دید داد داشت خواست توانست نوشت " +
	"گرفت رسید فرمود نمود آورد گذاشت ساخت یافت افتاد نشست شنید کشید خورد خواند " +
	"ماند دانست بردند زدند پرسید گشت آموخت فرستاد"

// pastFormsArabic are forms pastForms would make that are Arabic words too
// (شديد "severe", نديد "equal").
const pastFormsArabic = "شدید ندید"

// pastForms returns the forms of the past stems (persianPastStems): the
// stem alone, with the endings م ی یم ید ند, with ن before it, and the
// participle in ه.
func pastForms() map[string]int8 {
	out := map[string]int8{}
	skip := strings.Fields(pastFormsArabic)
	for _, st := range strings.Fields(persianPastStems) {
		if strings.HasSuffix(st, "ند") && st != "ماند" && st != "خواند" { // بردند, زدند: the plural only
			out[st] = 2
			out["ن"+st] = 2
			continue
		}
		neg := "ن" + st
		if strings.HasPrefix(st, "آ") {
			neg = "نیا" + strings.TrimPrefix(st, "آ") // آمد → نیامد
		}
		for _, base := range []string{st, neg} {
			for _, end := range []string{"", "م", "ی", "یم", "ید", "ند", "ه"} {
				out[base+end] = 2
			}
		}
	}
	for _, w := range skip {
		delete(out, w)
	}
	return out
}

// persianPresentStems are common Persian present stems, as written and as
// spoken (گ beside گوی, ر beside رو, دون beside دان): after the prefix می
// or نمی and with a personal ending, written (م ی د یم ید ند) or
// colloquial (ه ن ین), they are verbs (presentForms), the colloquial ones
// typed joined on web pages: "میگه", "نمیدونم". The prefix and the stem
// alone are no verb form (میدان "square", میز is no form at all).
const persianPresentStems = "کن ش شو ر رو گ گوی زن خور دان دون خواه خوا بین گیر ده د آی یا " +
	"توان تون رس بر آور یار نویس خوان خون پرس شنو کش گذار ذار ساز مان مون نشین شین فهم " +
	"پوش گرد افت فت فرست بند"

// persianSubjunctiveStems are the present stems whose subjunctive, the
// prefix ب with a personal ending (بکنم, بزنی, بگه, بتونیم), is read as a
// verb. Stems whose forms are other words are left out: ر (بره "lamb",
// برید Arabic "mail"), ده (بدهی "debt"), افت (بافت "texture"), and those
// that change after ب (آی, یا, آور: بیایم, بیاورم).
const persianSubjunctiveStems = "کن ش شو رو گ گوی زن خور دان دون خواه خوا بین گیر توان تون رس " +
	"بر یار نویس خوان خون پرس شنو کش گذار ذار ساز مان مون نشین شین فهم پوش گرد فرست بند"

// presentForms returns the forms of the present stems
// (persianPresentStems after می and نمی, persianSubjunctiveStems after ب)
// that are no word of persianFunctionWords already (میان "between" is
// one, and keeps its points).
func presentForms() map[string]int8 {
	out := map[string]int8{}
	add := func(stems string, prefixes ...string) {
		for _, st := range strings.Fields(stems) {
			for _, pre := range prefixes {
				for _, end := range []string{"م", "ی", "د", "یم", "ید", "ند", "ه", "ن", "ین"} {
					if w := pre + st + end; persianFunctionWords[w] == 0 {
						out[w] = 2
					}
				}
			}
		}
	}
	add(persianPresentStems, "می", "نمی")
	add(persianSubjunctiveStems, "ب")
	return out
}

// persianVerbs are the words of persianFunctionWords that make a clause:
// verbs, auxiliaries and subject pronouns (2 grammar points each; the other
// function words have 1).
const persianVerbs = "است هست نیست بود شد شود شده کرد کند کنند کرده کنید کردن کنیم کردند " +
	"دارد دارند داشت خواهد خواهند خواهیم بودند شدند هستند هستید نیستند اند ایم اید باشد " +
	"باشند باید نخواهد نکرد نکنید کنم کردم شوند گردد نمود نماید گفت گفته گوید میگوید دهد " +
	"میشود میکند میکنند میکنید میتوان میتوانید میدهد میباشد نمیشود میشوند میکنیم دارید " +
	"هستن نیستن داره میشه نمیشه میکنه میکنن میکنی میکنم بشه کنه ندارد ندارند دارم داری داریم " +
	"هستم هستی هستیم نیستم نیستی نیستیم نیستید باشم باشی باشیم باشید شوم شویم شوید فرماید " +
	"فرمایند فرمایید شما ایشان آنها آنان تو او وی"

// arabicScriptGrammar are grammar words shared by Persian and Arabic, with
// no evidence points (matched folded): من ("I" in Persian, "from" in
// Arabic), ما, and the conjunctions (و written apart is Persian usage, but
// Arabic typed by Persian writers has it too).
const arabicScriptGrammar = "من ما هم بین بعد قبل غیر"

// arabicScriptConjunctions join words without making a clause (S3.2): they
// count for the host of a sentence (S3.3), not as grammar of a run's own.
const arabicScriptConjunctions = "و یا"

// arabicFunctionWords are matched as written (ي ى ك stay Arabic), with the
// Persian-keyboard spelling added where Persian has no such word (S5.1):
// real pages type Arabic on Persian keyboards.
var arabicFunctionWords = map[string]int8{
	"في": 2, "فی": 2, "إلى": 2, "الى": 2, "الی": 1, "على": 2, "علی": 1, "عن": 2,
	"هذا": 2, "هذه": 2, "ذلك": 2, "ذلک": 2, "تلك": 2, "تلک": 2, "هؤلاء": 2, "أولئك": 2,
	"التي": 2, "التی": 2, "الذي": 2, "الذی": 2, "الذين": 2, "الذین": 2, "الذى": 2,
	"التى": 2, "اللذين": 2, "اللاتي": 2, "كان": 2, "کان": 1, "كانت": 2, "کانت": 2,
	"كانوا": 2, "کانوا": 2, "يكون": 2, "یکون": 2, "تكون": 2, "قد": 1,
	"لقد": 2, "لم": 2, "لن": 2, "إن": 2, "أن": 2, "إنه": 2, "إنها": 2, "أنه": 2,
	"أنها": 2, "إنما": 2, "أنما": 2, "انما": 2, "ثم": 2, "هو": 2, "هي": 2, "كل": 2,
	"عند": 2, "إذا": 2, "اذا": 2, "إذ": 2, "أو": 2, "بل": 2, "مع": 2, "لكن": 2,
	"لکن": 1, "ليس": 2, "لیس": 2, "ليست": 2, "نحن": 2, "أنت": 2,
	"أنتم": 2, "أنا": 2, "عليه": 2, "عليهم": 2, "علیهم": 2, "عليها": 2, "علیها": 2,
	"عليكم": 2, "علیکم": 2, "لهم": 2, "لها": 2, "لكم": 2, "لکم": 2, "لنا": 2,
	"فيه": 2, "فیه": 2, "فيها": 2, "فیها": 2, "فيهم": 2, "فیهم": 2, "منه": 2,
	"منها": 2, "منهم": 2, "منكم": 2, "بها": 2, "بهم": 2, "بكم": 2, "بکم": 2,
	"بك": 2, "لك": 2, "كما": 2, "کما": 2, "وما": 2, "ولا": 2, "فلا": 2, "فإن": 2,
	"وإن": 2, "وهو": 2, "وهي": 2, "قال": 1, "قالوا": 2, "إلا": 2, "حيث": 2,
	"حیث": 1, "أي": 2, "أيها": 2, "ایها": 2, "هل": 2, "سوف": 2, "كيف": 2,
	"لماذا": 2, "متى": 2, "أين": 2, "جدا": 2, "أيضا": 2, "ايضا": 2,
	"يجب": 2, "يمكن": 2, "تم": 1, "هناك": 2, "هنا": 2, "وقد": 2, "فقد": 2, "ولم": 2,
	"ولقد": 2, "لا": 1, "فإذا": 2, "وإذا": 2, "لعل": 2, "اللهم": 2, "كنت": 2,
	"کنت": 1, "كنتم": 2, "كنا": 2, "کنا": 2, "يكن": 2, "یکن": 2, "وهم": 2, "فهم": 1,
	"ألا": 2, "أليس": 2, "إني": 2, "إنا": 2, "إنك": 2, "إنكم": 2, "إنهم": 2,
	"أنهم": 2, "عليك": 2, "إليه": 2, "الیه": 1, "إليك": 2, "الیک": 2, "إليهم": 2,
	"الآن": 2, "بعض": 1, "ذو": 2, "ذي": 2, "ذات": 1, "له": 1, "يقول": 2, "یقول": 2,
	"يقولون": 2, "یقولون": 2, "انا": 2, "انت": 2, "انتم": 2, "كلهم": 2, "کلهم": 2,
	"كلها": 2, "کلها": 2, "فكان": 2, "فکان": 2, "عنده": 2, "عندی": 2, "فيما": 2, "فیما": 2,
	"ممن": 2, "هولاء": 2, "اولئک": 2, "اللذان": 2, "اللتان": 2, "اللاتی": 2, "علیک": 2,
	"منکم": 2, "عنك": 2, "عنک": 2, "عنهم": 2, "عنه": 2,
	// Particles, question words and conjunctions Persian does not use.
	"نعم": 2, "ماذا": 2, "منذ": 2, "لدى": 2, "لدي": 2, "عندما": 2, "بينما": 2,
	"بینما": 2, "ليت": 2, "لیت": 2, "لكي": 2, "هذان": 2, "هاتان": 2, "هذين": 2,
	"هذین": 2,
	// Arabic writes و and ف joined to the next word; Persian writes و apart.
	"ومن": 2, "فمن": 2, "وفي": 2, "وفی": 2, "ففي": 2, "وعلى": 2, "وإلى": 2,
	"والى": 2, "وعن": 2, "ولكن": 2, "وهذا": 2, "وهذه": 2, "وذلك": 2, "وذلک": 2,
	"وكان": 2, "وکان": 2, "وكانت": 2, "وأن": 2, "ولما": 2, "فلما": 2, "عما": 2,
	"كلما": 2, "لأن": 2, "إذن": 2, "مما": 1, "بما": 1,
}

// arabicVerbs are the words of arabicFunctionWords that make a clause (2
// grammar points; the others have 1).
const arabicVerbs = "كان کان كانت کانت كانوا کانوا يكون یکون تكون ليس لیس ليست " +
	"هو هي نحن أنت أنتم أنا قال قالوا كنت کنت كنتم كنا کنا يكن یکن يقول یقول يقولون یقولون " +
	"يجب يمكن إنه إنها أنه أنها إني إنا إنك إنكم إنهم أنهم وهو وهي وهم"

// persianAlWords are Persian words that begin with ال, or with و ف ب ک and
// ال, without holding the Arabic article (matched folded; a word of more
// than 8 letters by its first 8: الکترونیک also covers الکترونیکی).
var persianAlWords = map[string]int8{
	"البته": 1, "الان": 1, "الهام": 1, "الماس": 1, "الف": 1, "الزام": 1, "الزامی": 1,
	"الهی": 1, "الاغ": 1, "البرز": 1, "الیاف": 1, "الگو": 1, "الگوی": 1, "الگوها": 1,
	"الکترونیک": 1, "الکترونیکی": 1, "الکل": 1, "الوار": 1, "الویت": 1, "الحاق": 1,
	"الله": 1, "الفبا": 1, "الفبای": 1, "الهامی": 1, "البسه": 1, "الگوریتم": 1,
	"الکترون": 1, "الکتریکی": 1, "المپیک": 1, "النگو": 1, "الوان": 1, "التماس": 1,
	"التهاب": 1, "التزام": 1, "الصاق": 1, "القا": 1, "القاب": 1,
	"الکی": 1, "الوند": 1, "الناز": 1, "الیاس": 1, "الهه": 1, "البوم": 1, "المان": 1,
	"المانی": 1, "الوده": 1, "الاینده": 1, "الایش": 1, "الوچه": 1,
	// Persian words that start with a clitic-like letter and ال.
	"بالاخره": 1, "والدین": 1, "والا": 1, "فالوده": 1, "کالبد": 1, "بالکن": 1,
	"بالای": 1, "بالایی": 1, "بالاتر": 1, "بالاترین": 1, "بالاها": 1, "کالای": 1,
	"کالاها": 1, "کالاهای": 1, "والیبال": 1, "کالسکه": 1, "بالعکس": 1, "بالطبع": 1,
	"بالفعل": 1, "بالقوه": 1, "بالینی": 1, "والاترین": 1,
}

// englishGrammar are English grammar words (S3.2), matched in lower case
// with ’ read as ': 2 points for auxiliaries, copulas and subject pronouns,
// 1 for the other function words.
var englishGrammar = map[string]uint8{
	"i": 2, "you": 2, "he": 2, "she": 2, "we": 2, "they": 2, "is": 2, "are": 2,
	"was": 2, "were": 2, "be": 2, "been": 2, "being": 2, "am": 2, "has": 2,
	"have": 2, "had": 2, "do": 2, "does": 2, "did": 2, "can": 2, "could": 2,
	"will": 2, "would": 2, "shall": 2, "should": 2, "may": 2, "might": 2,
	"must": 2, "said": 2, "says": 2, "let's": 2, "don't": 2,
	"doesn't": 2, "didn't": 2, "isn't": 2, "aren't": 2, "wasn't": 2,
	"weren't": 2, "won't": 2, "can't": 2, "cannot": 2, "couldn't": 2,
	"shouldn't": 2, "wouldn't": 2, "haven't": 2, "hasn't": 2, "i'm": 2,
	"i've": 2, "i'll": 2, "i'd": 2, "you're": 2, "you've": 2, "you'll": 2,
	"we're": 2, "we've": 2, "we'll": 2, "they're": 2, "they've": 2,
	"they'll": 2, "it's": 2, "that's": 2, "there's": 2, "he's": 2, "she's": 2,
	"what's": 2, "here's": 2,
	"a": 1, "an": 1, "the": 1, "of": 1, "to": 1, "in": 1, "on": 1, "at": 1,
	"by": 1, "for": 1, "with": 1, "from": 1, "into": 1, "onto": 1, "over": 1,
	"under": 1, "about": 1, "as": 1, "than": 1, "this": 1, "that": 1,
	"these": 1, "those": 1, "it": 1, "its": 1, "there": 1, "here": 1,
	"which": 1, "who": 1, "whom": 1, "whose": 1, "what": 1, "when": 1,
	"where": 1, "why": 1, "how": 1, "not": 1, "no": 1, "all": 1, "any": 1,
	"some": 1, "each": 1, "every": 1, "more": 1, "most": 1, "other": 1,
	"such": 1, "only": 1, "also": 1, "very": 1, "just": 1, "so": 1, "too": 1,
	"if": 1, "but": 1, "because": 1, "while": 1, "after": 1, "before": 1,
	"until": 1, "my": 1, "your": 1, "his": 1, "her": 1, "our": 1, "their": 1,
	"me": 1, "him": 1, "us": 1, "them": 1, "both": 1, "nor": 1, "upon": 1,
	"then": 1, "now": 1, "out": 1, "up": 1,
}

// englishConjunctions join words without making a clause (see
// arabicScriptConjunctions).
const englishConjunctions = "and or"

// shellCommands are the commands that start the shell lines of tutorials
// (S2.10: `cd ..   # یک پوشه بالاتر` is a command and its comment).
var shellCommands = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("cd ls pwd mkdir rmdir rm cp mv cat echo grep find chmod chown sudo su " +
		"apt apt-get yum dnf pacman brew git npm npx yarn pip pip3 python python3 node go cargo make docker " +
		"kubectl ssh scp curl wget tar unzip zip man touch nano vim vi export source systemctl service ps kill " +
		"top htop df du mount umount ln head tail less sort uniq wc sed awk which whoami history clear") {
		m[w] = true
	}
	return m
}()

// shellCommand reports whether line, the start of a line, is a command
// line: its first word (after spaces: lower-case letters, digits and
// hyphens) is one of shellCommands. (A "$ " prompt makes a code line
// already: S2.8.)
func shellCommand(line []byte) bool {
	line = bytes.TrimLeft(line, " \t")
	n := 0
	for n < len(line) && (line[n] >= 'a' && line[n] <= 'z' || line[n] >= '0' && line[n] <= '9' || line[n] == '-') {
		n++
	}
	return shellCommands[string(line[:n])]
}

// posTagWords are the part-of-speech tags of glossaries and word lists, as
// written in brackets after a head-word (S2.6: posTags): English
// abbreviations in the cases they are written in, and the Persian names of
// the parts of speech.
var posTagWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("n v adj adv prep conj pron interj det vt vi pl phr aux num abbr " +
		"noun verb adjective adverb preposition conjunction pronoun") {
		m[w] = true
		m[strings.ToUpper(w[:1])+w[1:]] = true
	}
	for _, w := range strings.Fields("اسم فعل صفت قید حرف ضمیر مصدر") {
		m[w] = true
	}
	return m
}()

// Values stored in a word table (a keyset.Map of word keys: hashes, or
// packed letters, wordKey): a word's evidence points and grammar.
const (
	wPoints  uint8 = 0x03 // evidence points for its language (S5.1)
	wGrammar uint8 = 0x0C // grammar points (S3.2), shifted by wGrammarShift
	wConj    uint8 = 0x10 // a conjunction (S3.2, S3.3)

	wGrammarShift = 2
)

// Grammar values of a token (token.g): points, and the conjunction flag.
const (
	gPoints uint8 = 0x03
	gConj   uint8 = 0x04
	gDone   uint8 = 0x80 // a Latin token whose grammar has been looked up
)

// withGrammar packs the evidence points of words with their grammar: verbs
// (a space-separated list) have 2 points, conjunctions the conjunction flag,
// the others 1; extra words get grammar with no points.
func withGrammar(points map[string]int8, verbs, extra, conj string) map[string]uint8 {
	out := make(map[string]uint8, len(points)+8)
	for w, p := range points {
		out[w] = uint8(p)&wPoints | 1<<wGrammarShift
	}
	for _, w := range strings.Fields(extra) {
		out[w] |= 1 << wGrammarShift
	}
	for _, w := range strings.Fields(verbs) {
		out[w] = out[w]&^wGrammar | 2<<wGrammarShift
	}
	for _, w := range strings.Fields(conj) {
		out[w] = out[w]&^wGrammar | wConj
	}
	return out
}

// The Arabic-script word table holds, under one hash, what a word folded to
// its Persian letters says as a Persian word (bits 0–4: points, grammar,
// conjunction) and as a Persian word that starts with ال (bit 10), and what
// a word as written says as an Arabic word (bits 5–9), so that most words
// need one look-up.
const (
	awPersianShift = 0
	awArabicShift  = 5
	awValue        = 0x1F
	awPersianAl    = 1 << 10
)

var (
	arabicScriptWords, arabicPointWords = func() (*keyset.Map, *shapeFilter) {
		m := map[uint64]uint16{}
		words, verbs := maps.Clone(persianFunctionWords), persianVerbs
		for _, forms := range []map[string]int8{pastForms(), presentForms()} {
			for w, v := range forms {
				if _, ok := words[w]; !ok {
					words[w] = v
				}
				verbs += " " + w
			}
		}
		for w, v := range withGrammar(words, verbs, arabicScriptGrammar, arabicScriptConjunctions) {
			m[wordKey(w, true, false)] |= uint16(v) << awPersianShift
		}
		for w, v := range withGrammar(arabicFunctionWords, arabicVerbs, "", "") {
			m[wordKey(w, false, false)] |= uint16(v) << awArabicShift
		}
		for w := range persianAlWords {
			m[wordKey(w, true, true)] |= awPersianAl // a long word by its first letters
		}
		delete(m, 0) // words of more than maxHashLetters letters are never looked up
		var f shapeFilter
		for k, v := range m {
			if uint8(v>>awArabicShift&awValue)&wPoints != 0 {
				f.add(k)
			}
		}
		return keyset.New(m), &f
	}()
	englishWords = func() *keyset.Map {
		m := map[uint64]uint16{}
		for w, v := range englishSet() {
			m[hashLatin([]byte(w))] = uint16(v)
		}
		return keyset.New(m)
	}()
)

// shapeFilter holds the shapes of a set of word keys (wordKey, as
// written): each key's number of letters, first letter and last letter
// (the low six bits of each, the rune minus U+0600). A key whose shape is
// not in the filter is surely not in the set; one whose shape is may be.
type shapeFilter [maxHashLetters + 1][64]uint64

// add adds the shape of the key k (of at most maxHashLetters letters).
func (f *shapeFilter) add(k uint64) {
	n := (bits.Len64(k) + 7) / 8
	f[n][uint8(k>>(8*(n-1)))&63] |= 1 << (uint8(k) & 63)
}

// mayHold reports whether the filter holds the shape of a key of n letters
// (1 to maxHashLetters) with first and last letters first and last.
func (f *shapeFilter) mayHold(n int32, first, last uint8) bool {
	return f[n][first&63]>>(last&63)&1 != 0
}

// englishSet packs englishGrammar and englishConjunctions as word-table values.
func englishSet() map[string]uint8 {
	out := make(map[string]uint8, len(englishGrammar)+2)
	for w, g := range englishGrammar {
		out[w] = g << wGrammarShift
	}
	for _, w := range strings.Fields(englishConjunctions) {
		out[w] = wConj
	}
	return out
}

// hashLatin hashes an English word as englishWords holds it: ASCII letters
// in lower case, ’ as '.
func hashLatin(w []byte) uint64 {
	h := hashInit
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < utf8.RuneSelf {
			h = hashRune(h, rune(c|0x20)) // A–Z to a–z; a word's other ASCII bytes (' - . a–z) have the bit
			continue
		}
		r, n := utf8.DecodeRune(w[i:])
		if r == '’' {
			r = '\''
		}
		h = hashRune(h, r)
		i += n - 1
	}
	return h
}

// honorifics are Arabic formulas that Persian (and Arabic) prose puts after
// a name (S5.8): inside a Persian sentence they are Persian usage, so their
// words carry no evidence. Matched folded, harakat ignored; the words may
// also be joined into one (علیه‌السلام).
var honorifics = []string{
	"علیه السلام", "علیها السلام", "علیهم السلام", "علیهما السلام", "علیه الصلاة والسلام",
	"علیه الصلاة و السلام", "علیه الصلاه و السلام", "علیه الرحمه", "علیه الرحمة",
	"صلی الله علیه و آله", "صلی الله علیه وآله", "صلی الله علیه و آله و سلم",
	"صلی الله علیه وآله وسلم", "صلی الله علیه و سلم", "صلی الله علیه وسلم",
	"رضی الله عنه", "رضی الله عنها", "رضی الله عنهم", "رضی الله عنهما",
	"رحمه الله", "رحمه الله علیه", "رحمة الله علیه", "رحمت الله علیه",
	"قدس سره", "قدس الله سره", "قدس سره الشریف", "عجل الله تعالی فرجه",
	"عجل الله فرجه", "عجل الله تعالی فرجه الشریف", "عجل الله فرجه الشریف",
	"جل جلاله", "عز و جل", "عزوجل", "سبحانه و تعالی", "تبارک و تعالی",
	"دام ظله", "مد ظله", "مد ظله العالی", "دام ظله العالی", "دامت برکاته",
}
