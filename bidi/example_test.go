package bidi_test

import (
	"fmt"
	"io"
	"log"
	"os"
	"strings"

	"github.com/langsplit/langsplit/bidi"
	"golang.org/x/text/transform"
)

func ExampleNew() {
	n := bidi.New("fa", bidi.Options{}) // a transform.Transformer
	fmt.Println(n.String("كتاب ها را مي خوانم ٢٣ COVID-19"))

	f := strings.NewReader("سال ۱۴۰۳ برابر با ٢٠٢٤ است.\n") // any io.Reader
	r := transform.NewReader(f, bidi.New("fa", bidi.Options{Digits: bidi.DigitsLatin}))
	if _, err := io.Copy(os.Stdout, r); err != nil {
		log.Fatal(err)
	}
	// Output:
	// کتاب‌ها را می‌خوانم ۲۳ COVID-19
	// سال 1403 برابر با 2024 است.
}

func ExamplePreset() {
	text := "این خانه ای بزرگ تر  از آن است ."
	fmt.Println(bidi.New("fa", bidi.Options{}).String(text))
	fmt.Println(bidi.New("fa", bidi.Options{Preset: bidi.PresetHazm}).String(text))
	// Output:
	// این خانه ای بزرگ تر  از آن است .
	// این خانه‌ای بزرگ‌تر از آن است.
}

func ExampleNormalizer_RepairedLines() {
	// Lines that PDF extraction left in visual order: each reads backwards.
	visual := ".مدناوخ رهش هناخباتک رد ار باتک نیا\n" +
		".میتفر هسردم هب ناتسود اب زور ره ام\n" +
		".دمآ دهاوخ ام هناخ هب ادرف هک تفگ وا\n"
	n := bidi.New("fa", bidi.Options{})
	fmt.Print(n.String(visual))
	fmt.Println(n.RepairedLines(), "lines repaired")
	// Output:
	// این کتاب را در کتابخانه شهر خواندم.
	// ما هر روز با دوستان به مدرسه رفتیم.
	// او گفت که فردا به خانه ما خواهد آمد.
	// 3 lines repaired
}
