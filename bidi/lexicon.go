package bidi

import "strings"

// The lexicon of the hazm preset: the verb stems that let it split the
// prefixes می and نمی from a verb typed joined to them ("میدانم" →
// "می‌دانم"), the words that start with می and are no such verb, the nouns
// that it splits from a plural suffix typed joined to them ("کتابها" →
// "کتاب‌ها"), and the nouns that the prefix بی is joined to.
//
// Provenance: every list of this file was written by the langsplit authors
// for this package, from their own knowledge of Persian grammar and usage:
// the simple verbs of everyday and written Persian with their present and
// past stems, the spoken forms of a few of them, and the common nouns,
// adjectives and names that start with the letters می. Nothing was copied
// from hazm, from another normalizer, dictionary or word list, or from a
// corpus. While they were written, a spelling word list (Debian's
// myspell-fa, not part of langsplit and not shipped with it) served only as
// a test: run over its words, the rules split only verbs and plurals, and
// where it showed a noun that a stem or noun here would misread (میشم "my
// ewe", ساعته, the words in هه), we dropped the stem or noun, or listed the
// word we knew, rather than take words from it. The lists are part of
// langsplit and under its license.
//
// The rule is closed: a word is split only when the letters after its
// prefix are a stem of this file and an ending that the stem takes, and
// the whole word is not an exception. What the lexicon does not know is
// left as written.

// Personal endings a stem takes after می or نمی, as bits.
const (
	endNone uint16 = 1 << iota // no ending: the past third person (میگفت)
	endM                       // م
	endI                       // ی
	endD                       // د
	endIm                      // یم
	endId                      // ید
	endNd                      // ند
	endH                       // ه, spoken third person (میکنه)
	endN                       // ن, spoken third person plural (میکنن)
	endIn                      // ین, spoken second person plural (میکنین)
	miOnly                     // after می only: with نمی the word is another verb
)

// endingBits maps the text of an ending to its bit.
var endingBits = map[string]uint16{
	"م": endM, "ی": endI, "د": endD, "یم": endIm, "ید": endId, "ند": endNd,
	"ه": endH, "ن": endN, "ین": endIn,
}

const (
	presentEndings = endM | endI | endD | endIm | endId | endNd | endH | endN | endIn
	pastEndings    = endNone | endM | endI | endIm | endId | endNd
)

// presentStems are the present stems of the simple verbs that take the
// prefix می: a present stem always has an ending (میدان is a square,
// میدانم "I know"). A stem in ا or و that takes ی before its endings is
// listed in that shape (گوی, آی, نمای: میگوید, میآیم), so that the bare
// stem with an ending (میگوم) is no verb; رو and شو are listed in both.
var presentStems = `
کن شو شوی ده گیر دار رو روی آی گوی بین دان توان خواه زن خور نویس خوان
گذار گذر رس رسان پرس ساز مان آور بر کش گرد گردان ترس ترسان خند خندان گری
پوش بند بخش فروش خر پز دو دوان شکن ریز افت افکن انداز اندیش یاب نشین
نشان خواب خوابان پذیر فرست کوش گشای نمای سوز سوزان پرداز جوی آموز کار
دوز لرز لرزان چرخ چرخان رقص رقصان شنو شناس آرای آسای آزمای افزای فزای
پای ستای سرای زدای گرای ربای نگر پرست پرور پیوند تاب تاز تراش جنب
جنبان جه جوش چسب چین خیز خراش دزد دم رنج رنجان روب ریس زی سپار ستان سنج
شتاب شکف شمار شمر شور غلت فرمای فریب فشار فهم کاه کاو کوب گز گزین گسل
لغز لیس مال مک میر نال نواز نوش نه هراس ورز بار بوس پاش پیچ تکان ترک تن
جنگ چک چکان رم زای باش بای پسند پر پران گنج خشک شکاف آمیز آویز بیز پیمای
تپ تراو خار دوش سای ساب غر فرسای کوچ گریز گمار گوار لول نگار وز ستیز ران
آفرین آشام آلای آرام آغاز انجام ارز افروز اندوز انگیز ایست بلع پژوه چش
چر خرام طلب قاپ گداز نورد
`

// pastStems are the past stems of the same verbs: the bare stem is the
// third person (میگفت), the others take م ی یم ید ند.
var pastStems = `
کرد شد داد گرفت داشت رفت آمد گفت دید دانست توانست خواست زد خورد نوشت
خواند گذاشت گذشت رسید رساند پرسید ساخت ماند آورد برد کشید گشت گردید
گرداند ترسید ترساند خندید خنداند گریست پوشید بست بخشید فروخت خرید پخت
دوید دواند شکست ریخت افتاد افکند انداخت اندیشید یافت نشست نشاند خوابید
خواباند پذیرفت فرستاد کوشید گشود نمود سوخت سوزاند پرداخت جست شست آموخت
کاشت دوخت لرزید لرزاند چرخید چرخاند رقصید رقصاند شنید شناخت آراست آسود
آزمود افزود ستود سرود زدود گرایید ربود نگریست پرستید پرورد پرورید پیوست
تابید تاخت تراشید جنبید جنباند جهید جوشید چسبید چید خاست خراشید دزدید
دمید رنجید رنجاند روبید ریسید زیست سپرد ستاند سنجید شتافت شکفت شمرد
شورید غلتید فرمود فریفت فشرد فهمید کاست کاوید کوبید گزید گسست لغزید
لیسید مالید مکید مرد نالید نواخت نوشید نهاد هراسید ورزید بارید بوسید
پاشید پیچید تکاند ترکید تنید جنگید چکید رمید زایید زاد گماشت انگاشت
پنداشت بایست بود پسندید پرید پراند گنجید خشکید شکافت آمیخت آویخت بیخت
پیمود تپید تراوید خارید دوشید رویید روید سایید سابید غرید فرسود کوچید
گریخت نگاشت وزید ستیزید راند آفرید آشامید آلود آرامید آغازید انجامید
ارزید افروخت اندوخت انگیخت ایستاد بلعید پژوهید چشید چرید خرامید طلبید
قاپید گداخت نوردید
`

// spokenStems are the spoken forms of a few stems, each with the endings it
// takes unambiguously. Left out are the forms that are also a word: میخونه
// (the tavern), میشی (hazel) and میشم (my ewe), میدونی and میدونه (spoken
// "a square", "the square"), میری (a name), میرم and میریم (my emir, our
// emir), and ر after نمی (نمیرم, نمیره also "may I not die"); the spoken
// مون (میمونم, but میمونه: the monkey) and د (میدم, میدی) are not listed
// at all.
var spokenStems = map[string]uint16{
	"خون": endM | endI | endIm | endId | endIn | endN,        // خوان: میخونم
	"تون": endM | endI | endH | endIm | endId | endIn | endN, // توان: میتونم
	"دون": endM | endIm | endId | endIn | endN,               // دان: میدونم
	"ش":   endH | endIm | endIn | endN,                       // شو: میشه
	"گ":   endM | endI | endH | endIm | endIn | endN,         // گو: میگم
	"ر":   endH | endIn | endN | miOnly,                      // رو: میره
	"خوا": endM | endI | endD | endIm | endId | endIn | endN, // خواه: میخوام
	"ذار": endM | endI | endH | endIm | endId | endIn | endN, // گذار: میذارم
}

// miWords are the words that start with می or نمی and are not the prefix
// and a verb, with the forms of them that the stems above would read as
// a verb (میدانی "a square" and "of the field", میگوی "the shrimp of"):
// nouns, adjectives, names, borrowed words.
var miWords = newSet(`
میدان میدانی میدانها میدون میدونی میدونه میز میزی میزها میوه میوهای
میلاد میلادی میمون میمونه میمونی میهن میهنی میان میانه میانی میانجی
میانگین میانبر میزان میزانی میراث میرزا میر میری میرا میراب میگو میگوی
میگویی میگون میگونه میش میشی میل میلی میله میخ میخک میخکوب میخانه
میخونه میکده میکروب میکرو میکروفون میکروسکوپ میلیون میلیارد میلیمتر
مینا مینو مینی مینیاتور مینیبوس میترا میثاق میعاد میقات میمنت میمنه
میسر میسره میسور میهمان میهمانی میزبان میزبانی میکائیل میشل میکل میکی
میلان میامی میشیگان میانمار میراندا میرانی میلو میسی میکا میگرن میکس
میگسار میگساری میخواره میخوارگی میپرست میفروش میرغضب میرآب میرزایی
میزانسن میتینگ مین میم میمی میتوز
`)

// biWords are the nouns and adjectives after which a بی typed with a space
// is the prefix "without" and is joined with a ZWNJ (بی دلیل → بی‌دلیل):
// words that, after بی, are read as one word and nothing else.
var biWords = newSet(`
دلیل شک نظیر اهمیت توجه توجهی طرف طرفی پایان نهایت رحم رحمانه گناه گناهی
خبر خبری سواد سوادی ارزش کار کاری انصاف ادب ادبی حوصله حوصلگی معنی
معنا اعتبار اطلاع اطلاعی فایده مورد صدا حرکت پناه خیال دقت دقتی تفاوت
تفاوتی تردید قرار قراری تاب تابی وقفه نیاز نیازی همتا شمار رویه ثبات
ثباتی کیفیت سابقه ضرر خطر عیب نقص رنگ مزه وفا وفایی عدالتی اختیار
احترامی شرم شرمی پروا درد رقیب قید کس کسی سرپرست حال حالی حس حد حساب
نشان خوابی هوش هوشی سیم مصرف اساس پایه ربط جان روح صبر صبرانه نظم نظمی
دفاع خانمان اعتنا اعتنایی شرمانه امان تحرک تجربه تجربگی
`)

// biGuard are the words after which بی is the name of the letter B
// (ویتامین بی, هپاتیت بی, پلن بی): بی after them stays a word of its own.
var biGuard = newSet(`ویتامین هپاتیت پلن گروه نوع کلاس تیپ حرف دی سی`)

// pluralNouns are common nouns that the hazm preset splits from a plural
// suffix typed joined to them ("کتابهایش" → "کتاب‌هایش"). A noun is listed
// only if its last letter joins the next (after ا د ذ ر ز ژ و the joined
// and the split forms look alike), if its letters with ها are no other
// word (not تن: تنها "alone"; not آن: آنها), and if its letters with های
// are not also a word in ه with ای typed without a ZWNJ (not دست, دسته‌ای;
// not حرف, حرفه‌ای; not نام, نامه‌ای; nor سال لب پل گل چشم زبان زمان
// جوان بدن برگ پوست دامن حق خط قلم ساعت موج معلم موضوع عامل طرف اسب).
// A noun that ends in ه is split whatever it is.
var pluralNouns = newSet(`
کتاب آدم دوست شب درس اسم قدم رسم جسم فیلم کلام پیام سیستم خیابان ساختمان
مکان انسان زن متن دشمن تلفن آسمان باران داستان میدان دکان لیوان فنجان آب
جواب مطلب حساب خواب وقت صورت حرکت شرکت دولت ملت فرصت درخت حالت نوبت قسمت
صحبت کودک پزشک بانک عروسک لینک رنگ سنگ جنگ آهنگ فرهنگ تفنگ سگ فصل سوال
مثال شغل مدل هتل فایل موبایل اتومبیل ماشین بخش روش تلاش پرسش گزارش نمایش
هدف کیف اتاق عشق افق روح طرح نوع شمع منبع مرجع تاریخ کاخ پاسخ برج صندلی
ماهی کشتی بازی بیماری گوشی مرغ باغ چراغ کلاغ سقف مشت انگشت پیراهن
مادربزرگ پدربزرگ نقاش رقم نظام اقدام قوم حکم دوربین کلاس ورزش
`)

// nounEnds has a bit for each last letter of the nouns of pluralNouns (all
// in U+0600–U+06FF).
var nounEnds = func() (m [4]uint64) {
	for n := range pluralNouns {
		r := []rune(n)
		c := r[len(r)-1] - 0x0600
		m[c>>6] |= 1 << (c & 63)
	}
	return m
}()

// nounEnd reports whether r is the last letter of a noun of pluralNouns.
func nounEnd(r rune) bool {
	c := r - 0x0600
	return c >= 0 && c < 256 && nounEnds[c>>6]&(1<<(c&63)) != 0
}

// hehWords are the words that end in هه: after them an enclitic typed
// without a ZWNJ (جبههای, دههای) reads as well as a word in ه and a plural
// (جبه‌های, ده‌های), so the hazm preset splits neither.
var hehWords = newSet(`
جبهه شبهه دهه قهقهه بداهه بدیهه مواجهه وجهه الهه برهه بیراهه سیاهه ماهه
شیهه چهچهه انبوهه
`)

// spokenPlurals are the spoken plural suffixes with a possessive ending
// that the hazm preset joins like ها (خونه هاشون → خونه‌هاشون). هامون is
// left out: it is also a word (the Hamun, a plain).
var spokenPlurals = newSet(`هاشون هاتون`)

// verbStems maps a stem to the endings it takes after می or نمی.
var verbStems = func() map[string]uint16 {
	m := map[string]uint16{}
	for _, s := range strings.Fields(presentStems) {
		m[s] |= presentEndings
	}
	for _, s := range strings.Fields(pastStems) {
		m[s] |= pastEndings
	}
	for s, e := range spokenStems {
		m[s] |= e
	}
	m["توان"] |= endNone // impersonal: می‌توان گفت, نمی‌توان
	return m
}()

// verbPrefixes are the prefixes that joinedVerb splits, longest first, with
// their length in letters: the verb prefixes and the preverb بر before
// them (برمیگردم → برمی‌گردم, as hazm writes it).
var verbPrefixes = []struct {
	s   string
	n   int
	neg bool
}{{"برنمی", 5, true}, {"برمی", 4, false}, {"نمی", 3, true}, {"می", 2, false}}

// joinedVerb reports, for the letters of a word with no ZWNJ, the number of
// letters of the prefix می or نمی (with بر before it) that the word is
// typed joined to, or 0: the rest must be a stem of the lexicon with an
// ending it takes, and the word no exception (miWords).
func joinedVerb(word []byte) int {
	for _, p := range verbPrefixes {
		if len(word) > len(p.s) && string(word[:len(p.s)]) == p.s {
			if miWords[string(word)] || p.n >= 4 && miWords[string(word[len("بر"):])] {
				return 0
			}
			if isStemAndEnding(word[len(p.s):], p.neg) {
				return p.n
			}
			return 0
		}
	}
	return 0
}

// isStemAndEnding reports whether rest is a stem of verbStems and a
// personal ending that the stem takes (after نمی when neg).
func isStemAndEnding(rest []byte, neg bool) bool {
	ok := func(stem []byte, bit uint16) bool {
		m := verbStems[string(stem)]
		return m&bit != 0 && !(neg && m&miOnly != 0)
	}
	if ok(rest, endNone) {
		return true
	}
	// Persian letters take two bytes in UTF-8: an ending is one or two of
	// them.
	for n := 2; n <= 4 && n < len(rest); n += 2 {
		if bit := endingBits[string(rest[len(rest)-n:])]; bit != 0 && ok(rest[:len(rest)-n], bit) {
			return true
		}
	}
	return false
}
