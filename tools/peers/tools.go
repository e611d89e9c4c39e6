package main

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
	"github.com/langsplit/langsplit/segment"
	"github.com/pemistahl/lingua-go"
)

// splitter returns a tool's raw blocks for one document. Its output is
// turned into covering blocks by cover.
type splitter func(text string) []block

// tools lists the -tool names and how to build each splitter. Building may
// be slow (lingua loads its models), so it is kept out of the timed part.
var tools = map[string]func() splitter{
	"lingua-high": func() splitter { return newLingua(false) },
	"lingua-low":  func() splitter { return newLingua(true) },
	"whatlanggo":  newWhatlanggo,
	"naive":       func() splitter { return naive },
	"langsplit":   func() splitter { return langsplit },
}

// toolNames returns the -tool names, sorted.
func toolNames() []string {
	var names []string
	for n := range tools {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// newLingua returns lingua-go's DetectMultipleLanguagesOf restricted to
// English, Persian and Arabic, in high or low accuracy mode. The models are
// loaded here, not on the first call. Sections lingua labels Unknown count
// as no answer.
func newLingua(low bool) splitter {
	b := lingua.NewLanguageDetectorBuilder().
		FromLanguages(lingua.English, lingua.Persian, lingua.Arabic).
		WithPreloadedLanguageModels()
	if low {
		b = b.WithLowAccuracyMode()
	}
	d := b.Build()
	return func(text string) []block {
		var out []block
		for _, r := range d.DetectMultipleLanguagesOf(text) {
			lang := ""
			if r.Language() != lingua.Unknown {
				lang = strings.ToLower(r.Language().IsoCode639_1().String())
			}
			out = append(out, block{r.StartIndex(), r.EndIndex(), lang})
		}
		return out
	}
}

// newWhatlanggo returns whatlanggo run on each line (its line break
// included) with the whitelist English, Persian, Arabic. A line it gives no
// language for (no letters of a known script) counts as no answer; any other
// language it names (whatlanggo ignores the whitelist for scripts such as Han)
// is kept as its ISO 639-3 code.
func newWhatlanggo() splitter {
	opts := whatlanggo.Options{Whitelist: map[whatlanggo.Lang]bool{
		whatlanggo.Eng: true, whatlanggo.Pes: true, whatlanggo.Arb: true,
	}}
	label := map[whatlanggo.Lang]string{whatlanggo.Eng: "en", whatlanggo.Pes: "fa", whatlanggo.Arb: "ar"}
	return func(text string) []block {
		var out []block
		for start := 0; start < len(text); {
			end := len(text)
			if i := strings.IndexByte(text[start:], '\n'); i >= 0 {
				end = start + i + 1
			}
			l := whatlanggo.DetectLangWithOptions(text[start:end], opts)
			lang, ok := label[l]
			if !ok && l >= 0 {
				lang = l.Iso6393()
			}
			out = append(out, block{start, end, lang})
			start = end
		}
		return out
	}
}

// naive cuts at every change of letter script: a run of Latin letters is
// "en", a run of Arabic-script letters "fa", letters of any other script
// "und". Everything that is not a letter (marks, ZWNJ, digits, spaces,
// punctuation) stays with the run before it.
func naive(text string) []block {
	var out []block
	cur := ""
	for i, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		lang := "und"
		switch {
		case r < utf8.RuneSelf || unicode.Is(unicode.Latin, r): // ASCII letters are Latin
			lang = "en"
		case unicode.Is(unicode.Arabic, r):
			lang = "fa"
		}
		if lang == cur {
			continue
		}
		if len(out) > 0 {
			out[len(out)-1].End = i
		}
		out = append(out, block{i, len(text), lang})
		cur = lang
	}
	return out
}

// langsplit is our own segmenter with its default options.
func langsplit(text string) []block {
	bs := segment.Segment(text)
	out := make([]block, len(bs))
	for i, b := range bs {
		out[i] = block{b.Start, b.End, b.Lang}
	}
	return out
}

// newSplitter builds the named tool's splitter.
func newSplitter(name string) (splitter, error) {
	mk, ok := tools[name]
	if !ok {
		return nil, fmt.Errorf("unknown tool %q (want one of %s)", name, strings.Join(toolNames(), ", "))
	}
	return mk(), nil
}
