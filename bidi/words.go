package bidi

import "strings"

// The word lists of this file were written by the langsplit authors for this
// package, from their own knowledge of Persian: they are common function
// words, verb forms and affixes, not taken from any corpus, dictionary or
// translation catalog. They are part of langsplit and under its license.

// set is a set of words, looked up without allocation as set[string(b)].
// It stays a plain map: its keys are words of any length, which the
// uint64 keys of internal/keyset (functionKeys, score.go) cannot hold.
type set map[string]bool

func newSet(words string) set {
	s := set{}
	for _, w := range strings.Fields(words) {
		s[w] = true
	}
	return s
}

// pluralSuffixes are the words that are joined to the word before them with
// a ZWNJ when they are typed with a space: the plural ها, its forms with the
// ezafe and indefinite ی, and with a possessive ending.
var pluralSuffixes = newSet(`ها های هایی هایم هایت هایش هایمان هایتان هایشان`)

// noPluralHost are words that never take the plural suffix: a ها after them
// is a word of its own.
var noPluralHost = newSet(`
و را که از به با در تا یا هم نه نیز اگر اما چون پس بر یک
می نمی بی هر چه چند
`)

// nonVerbs are common words that can follow the word می (the month of May,
// "wine") without being a verb: می before them is not joined.
var nonVerbs = newSet(`
است و را که از به با در تا یا هم نیز این آن هر یک دو سه چند
همه خود او ما من تو شما ایشان آنها اینها بود شد نه بی سال ماه روز
امسال پارسال گذشته آینده دیگر بعد قبل پیش پس
`)

// functionWords are frequent Persian words, used as evidence of the reading
// direction of a line: a line whose words are in this list when read
// backwards, and not as they are, was left in visual order.
var functionWords = newSet(`
و در به از که را با این آن است بود شد برای تا یا هم نیز اما اگر چه چون
پس بر هر همه یک دو سه چهار پنج شش هفت هشت نه ده صد هزار میلیون
خود او ما شما آنها ایشان من تو وی اینها آنان
نمی بی ها های هایی ای ام اند ایم اید
شود شده شدن شوند شدند کرد کند کرده کنند کنید کنیم کردن
دارد دارند داشت داشتن داشته دارم داریم
باید نباید شاید خواهد خواهند خواهیم خواهم
گفت گوید گفته دهد داد داده دهند کنم بگیرد گرفت گرفته
هست هستند هستیم نیست نیستند بودند بوده باشد باشند باشید
بیشتر کمتر بیش کم همچنین بین میان روی زیر بالای پیش بعد قبل
بدون درباره مانند مثل چند چنین چنان آنچه اینکه آنکه همین همان
دیگر دیگری هیچ فقط حتی هنوز اکنون حالا سپس ولی زیرا چرا کجا کدام
چگونه چطور آیا بله خیر توسط طریق جای وقتی زمانی هنگام
کار کارها سال روز زمان جهان کشور ایران فارسی زبان متن نام نامه
کتاب خانه شهر مردم دولت آب راه دست سر چیز چیزی کسی کس
بزرگ کوچک خوب بد نو جدید تازه اول آخر بسیار خیلی زیاد
انجام استفاده ایجاد وجود ممکن مورد نظر عنوان حال طور
برخی بعضی تمام کل هرگز همیشه اغلب معمولا تنها
فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند
شنبه یکشنبه دوشنبه چهارشنبه پنجشنبه جمعه امروز دیروز فردا
رفت رفته رود روند آمد آمده آید آیند بود بودن شدن گفتن دیدن دید دیده
بیند کردند کردیم کنند نوشت نوشته نویسد خواند خوانده خواندن ساخت ساخته
گذاشت گذاشته رسید رسیده شناخت داند دانست توانست تواند توانند بیاید
زندگی کودک کودکان پدر مادر برادر خواهر دوست دوستان زن مرد مردان زنان
خانواده کتابها دانش دانشگاه دانشجو مدرسه کلاس درس علم هنر تاریخ فرهنگ
اقتصاد سیاست جنگ صلح قدرت حکومت دولتی ملی جهانی اجتماعی
شهرها روستا خیابان زمین آسمان دریا کوه جنگل باران برف هوا آتش خاک
صبح شب ظهر عصر ساعت دقیقه هفته ماه سالها قرن زمانی دوره
سخن حرف پرسش پاسخ جواب سوال مسئله موضوع مطلب خبر اخبار گزارش
بزرگتر بهتر بیشترین کمترین مهم مهمترین اصلی کامل درست غلط آسان سخت
زیبا خوش شاد سفید سیاه سبز سرخ قرمز آبی زرد
خیلی بسیار کاملا تقریبا واقعا دقیقا البته شاید حتما
اینجا آنجا کجا هنگامی درحالی چنانچه هرچند گرچه بنابراین همچنان
`)

// Word ends and starts that are frequent in Persian and rare the other way
// round. Each is written without its word: a word must have two letters
// more than the affix to count.
var (
	wordEnds = []string{
		"ها", "های", "ترین", "اند", "ند", "ید", "یم", "ده", "ته", "ست",
		"گی", "ان", "ات", "ین", "یت", "انه", "ستان", "مند", "گاه", "ی",
	}
	wordStarts = []string{"می", "نمی", "است", "آ"}
)

// letterPosition says, for a letter, how much more often Persian words
// start with it than end with it, as a rounded log ratio in tenths
// (positive: a word-start letter; negative: a word-end letter). The
// numbers are our own rough estimates from general knowledge of Persian
// spelling (ی ه ن د ر end many words through suffixes and verb endings;
// ب م ک پ ج س start many through prefixes and Arabic patterns), not
// counts from a corpus.
var letterPosition = map[rune]int{
	'آ': 25, 'ا': 3, 'ب': 14, 'پ': 15, 'ت': 0, 'ث': 5, 'ج': 12, 'چ': 8,
	'ح': 12, 'خ': 8, 'د': -5, 'ذ': 3, 'ر': -6, 'ز': -3, 'ژ': 3, 'س': 8,
	'ش': 3, 'ص': 8, 'ض': 5, 'ط': 6, 'ظ': 6, 'ع': 6, 'غ': 5, 'ف': 4,
	'ق': 3, 'ک': 8, 'گ': 0, 'ل': -5, 'م': 3, 'ن': -10, 'و': 0, 'ه': -10,
	'ی': -19, 'ئ': 0, 'ء': -15, 'ۀ': -25, 'ة': -25, 'أ': 8, 'إ': 12,
}
