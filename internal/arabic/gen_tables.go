//go:build ignore

// gen_tables.go writes tablesVERSION.go: the folding of every Arabic
// presentation form that has an NFKC decomposition. The expansion is
// golang.org/x/text/unicode/norm's NFKC (the Unicode version of the x/text
// in go.mod, recorded in the output); UnicodeData.txt (Debian's
// unicode-data package) supplies the decomposition tag that names the
// joining form. Run with go generate (flags: internal/gen).
package main

import (
	"bytes"
	"fmt"
	"log"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/langsplit/langsplit/internal/gen"
	"golang.org/x/text/unicode/norm"
)

// joining names the Joining constant of each decomposition tag of the
// presentation forms (defs.go defines them).
var joining = map[string]string{
	"":         "NoJoining",
	"isolated": "Isolated",
	"final":    "Final",
	"initial":  "Initial",
	"medial":   "Medial",
}

func main() {
	gen.Init()
	gen.NoteVersion(norm.Version)
	defs := gen.Constants("defs.go")
	first, last := rune(defs["FormsFirst"]), rune(defs["FormsLast"])
	block0, block1 := rune(defs["First"]), rune(defs["Last"])
	if first == 0 || last < first || block0 == 0 || block1 < block0 {
		log.Fatal("defs.go: no FormsFirst, FormsLast, First and Last")
	}
	tags := map[rune]string{}
	gen.ReadUCD("UnicodeData.txt", func(f []string) {
		cp, err := strconv.ParseUint(f[0], 16, 32)
		if err != nil || len(f) < 6 {
			log.Fatalf("UnicodeData.txt: bad record %q", f)
		}
		if r := rune(cp); r >= first && r <= last && strings.HasPrefix(f[5], "<") {
			tags[r] = f[5][1:strings.IndexByte(f[5], '>')]
		}
	})

	var b bytes.Buffer
	fmt.Fprintf(&b, "// UnicodeVersion is the Unicode version of the NFKC data (golang.org/x/text)\n")
	fmt.Fprintf(&b, "// the table was made with.\nconst UnicodeVersion = %q\n\n", norm.Version)
	b.WriteString("// forms holds the folding of the presentation forms, at r-FormsFirst; a zero\n")
	b.WriteString("// Form where there is none.\n")
	fmt.Fprintf(&b, "var forms = [%d]Form{\n", last-first+1)
	n := 0
	for r := first; r <= last; r++ {
		s := string(r)
		k := norm.NFKC.String(s)
		if k == s || !unicode.Is(unicode.Arabic, r) {
			continue // no decomposition (the noncharacters U+FDD0–U+FDEF), or not Arabic (U+FE00–U+FE6F)
		}
		name, ok := joining[tags[r]]
		if !ok {
			log.Fatalf("U+%04X: unknown decomposition tag <%s>", r, tags[r])
		}
		base, _ := utf8.DecodeRuneInString(k)
		if base < block0 || base > block1 {
			base = 0
		}
		fmt.Fprintf(&b, "\t0x%04X - FormsFirst: {%q, 0x%04X, %s},\n", r, k, base, name)
		n++
	}
	b.WriteString("}\n")
	gen.WriteGo("tables"+norm.Version+".go", "gen_tables.go", "arabic", b.Bytes())
	log.Printf("%d presentation forms", n)
}
