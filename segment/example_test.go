package segment_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/langsplit/langsplit/segment"
)

func ExampleAll() {
	text := "I use گیت daily.\nاین جمله فارسی است. «إنما الأعمال بالنيات وإنما لكل امرئ ما نوى»\n"
	for b := range segment.All(text) {
		fmt.Printf("%d-%d %s %s %q\n", b.Start, b.End, b.Lang, b.Dir, text[b.Start:b.End])
	}
	// Output:
	// 0-20 en ltr "I use گیت daily.\n"
	// 20-55 fa rtl "این جمله فارسی است. "
	// 55-137 ar rtl "«إنما الأعمال بالنيات وإنما لكل امرئ ما نوى»\n"
}

func ExampleSegment() {
	text := "Clear Cache: پاک\u200cسازی حافظه\nПривет, мир\n"
	for _, b := range segment.Segment(text) {
		fmt.Printf("%s %s %s %q\n", b.Lang, b.Script, b.Dir, text[b.Start:b.End])
	}
	// Output:
	// en Latn ltr "Clear Cache: "
	// fa Arab rtl "پاک\u200cسازی حافظه\n"
	// und-Cyrl Cyrl ltr "Привет, мир\n"
}

func ExampleSegmenter() {
	text := []byte("Kernel و Desktop environment را نصب کنید.\nThen reboot.\n")
	var s segment.Segmenter // reuse it: after a warm-up it does not allocate
	s.Reset(text, segment.Options{})
	for b, ok := s.Next(); ok; b, ok = s.Next() {
		fmt.Printf("%s %q\n", b.Lang, text[b.Start:b.End])
	}
	// Output:
	// fa "Kernel و Desktop environment را نصب کنید.\n"
	// en "Then reboot.\n"
}

func ExampleScanner() {
	r := strings.NewReader("Hello, world.\nسلام دنیا.\n")
	sc := segment.NewScanner(r, segment.Options{})
	for sc.Scan() {
		b := sc.Block()
		fmt.Printf("%d-%d %s %q\n", b.Start, b.End, b.Lang, sc.Bytes())
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	// Output:
	// 0-14 en "Hello, world.\n"
	// 14-33 fa "سلام دنیا.\n"
}

func ExampleOptions() {
	text := "I use گیت daily."
	for _, o := range []segment.Options{{}, {MaxInline: -1}} { // the default; no foreign word absorbed
		var blocks []string
		for b := range o.All(text) {
			blocks = append(blocks, fmt.Sprintf("%s %q", b.Lang, text[b.Start:b.End]))
		}
		fmt.Println(strings.Join(blocks, ", "))
	}
	// Output:
	// en "I use گیت daily."
	// en "I use ", fa "گیت ", en "daily."
}
