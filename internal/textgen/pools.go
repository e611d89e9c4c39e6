package textgen

// The sentence pools below were written for langsplit by its authors; they
// are not taken from any other text. They mimic the kinds of text users
// split: articles, manuals, interface strings, chat.

var english = []string{
	"The library opens at nine in the morning and closes at six in the evening.",
	"Our team released a new version of the parser last week.",
	"Please save your work before you close the editor.",
	"The weather in the mountains changes quickly, so bring a warm jacket.",
	"Most users read the first paragraph and skip the rest of the page.",
	"This guide explains how to install the tool on a fresh machine.",
	"The train was late because of the snow on the tracks.",
	"You can change the language of the interface in the settings window.",
	"The report lists every file that failed, with the reason and the byte offset.",
	"After the meeting, we walked to the old bridge and talked about the project.",
	"A good test fails for one reason and says clearly what went wrong.",
	"The museum has a small collection of Persian manuscripts from the twelfth century.",
	"Backups are written every night and kept for thirty days.",
	"She translated the whole manual in two months without any help.",
	"Click the button again if nothing happens after a few seconds.",
	"The children planted three trees in the school garden.",
	"Errors in the input are reported, and the other files are still processed.",
	"He bought fresh bread, cheese and a bag of apples at the market.",
	"The city council approved the plan for a new park near the river.",
	"Read the license carefully before you redistribute the program.",
	"Our server answers most requests in less than ten milliseconds.",
	"The old house at the end of the street has been empty for years.",
	"Select the files you want to share and press the send button.",
	"The conference will take place in spring, as it did last year.",
}

var persian = []string{
	"کتابخانه ساعت نه صبح باز می‌شود و ساعت شش عصر بسته می‌شود.",
	"تیم ما هفته گذشته نسخه تازه‌ای از این برنامه را منتشر کرد.",
	"لطفاً پیش از بستن ویرایشگر کارهای خود را ذخیره کنید.",
	"هوای کوهستان زود تغییر می‌کند، پس یک کاپشن گرم همراه داشته باشید.",
	"بیشتر کاربران فقط بند نخست را می‌خوانند و از بقیه صفحه می‌گذرند.",
	"این راهنما نشان می‌دهد که چگونه ابزار را روی یک دستگاه تازه نصب کنید.",
	"قطار به خاطر برف روی ریل‌ها دیر رسید.",
	"زبان رابط کاربری را می‌توانید در پنجره تنظیمات تغییر دهید.",
	"گزارش همه پرونده‌هایی را که با خطا روبه‌رو شدند همراه با دلیل آن نشان می‌دهد.",
	"پس از جلسه تا پل قدیمی قدم زدیم و درباره پروژه گفت‌وگو کردیم.",
	"یک آزمون خوب فقط به یک دلیل شکست می‌خورد و به روشنی می‌گوید چه چیزی اشتباه بوده است.",
	"در این موزه مجموعه کوچکی از نسخه‌های خطی فارسی قرن ششم نگهداری می‌شود.",
	"نسخه پشتیبان هر شب نوشته می‌شود و تا سی روز نگه داشته می‌شود.",
	"او تمام دفترچه راهنما را در دو ماه و بدون کمک کسی ترجمه کرد.",
	"اگر پس از چند ثانیه اتفاقی نیفتاد، دوباره روی دکمه کلیک کنید.",
	"بچه‌ها در باغچه مدرسه سه درخت کاشتند.",
	"خطاهای ورودی گزارش می‌شوند و پرونده‌های دیگر همچنان پردازش می‌شوند.",
	"او از بازار نان تازه، پنیر و یک کیسه سیب خرید.",
	"شورای شهر طرح ساخت یک پارک تازه در کنار رودخانه را تصویب کرد.",
	"پیش از انتشار دوباره برنامه، مجوز آن را با دقت بخوانید.",
	"کارساز ما به بیشتر درخواست‌ها در کمتر از ده میلی‌ثانیه پاسخ می‌دهد.",
	"خانه قدیمی انتهای کوچه سال‌هاست که خالی مانده است.",
	"پرونده‌هایی را که می‌خواهید به اشتراک بگذارید برگزینید و دکمه ارسال را بزنید.",
	"همایش مانند سال گذشته در فصل بهار برگزار خواهد شد.",
}

var arabic = []string{
	"تفتح المكتبة أبوابها في الساعة التاسعة صباحاً وتغلق في المساء.",
	"قرأ الطالب الكتاب كله في ليلة واحدة ثم نام.",
	"إنَّ العِلْمَ نُورٌ يَهْدِي الإِنْسَانَ إِلَى الطَّرِيقِ الصَّحِيحِ.",
	"هذه الرسالة مهمة جداً، فاقرأها بعناية قبل أن ترد عليها.",
	"وَالصَّبْرُ مِفْتَاحُ الفَرَجِ كَمَا يَقُولُ الحُكَمَاءُ.",
	"يمكنك تغيير لغة الواجهة من نافذة الإعدادات.",
	"ذهبنا إلى السوق واشترينا الخبز والجبن والتفاح.",
	"لا تؤجل عمل اليوم إلى الغد.",
}

// Short terms that appear inside sentences of the other language.
var englishTerms = []string{"Git", "pull request", "Docker image", "dark mode", "open source", "machine learning", "API", "backup"}

var persianTerms = []string{"کتابخانه", "ذخیره‌سازی", "نسخه پشتیبان", "رابط کاربری", "پرونده", "تنظیمات", "خروجی", "جست‌وجو"}
