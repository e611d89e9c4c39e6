package textgen

import (
	"embed"
	"strings"
)

// The sentence pools in pools/ were written for langsplit by its authors;
// they are not taken from any other text. They mimic the kinds of text users
// split: articles, manuals, interface strings, chat. One item a line.
//
//go:embed pools/*.txt
var poolFiles embed.FS

var (
	english      = pool("en.txt")
	persian      = pool("fa.txt")
	arabic       = pool("ar.txt")
	englishTerms = pool("en-terms.txt") // short terms that appear inside Persian sentences
	persianTerms = pool("fa-terms.txt") // and inside English ones
)

func pool(name string) []string {
	b, err := poolFiles.ReadFile("pools/" + name)
	if err != nil {
		panic(err) // the files are embedded: this cannot happen
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}
