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
	"unicode/utf8"

	"github.com/langsplit/langsplit/internal/gen"
	"golang.org/x/text/unicode/norm"
)

// joining names the Joining constant of each decomposition tag of the
// presentation forms (forms.go defines them).
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
	const first, last = 0xFB50, 0xFEFC // FormsFirst, FormsLast
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
	for r := rune(first); r <= last; r++ {
		if r >= 0xFDD0 && r <= 0xFDEF || r >= 0xFE00 && r < 0xFE70 {
			continue // noncharacters; not Arabic
		}
		s := string(r)
		k := norm.NFKC.String(s)
		if k == s {
			continue
		}
		name, ok := joining[tags[r]]
		if !ok {
			log.Fatalf("U+%04X: unknown decomposition tag <%s>", r, tags[r])
		}
		base, _ := utf8.DecodeRuneInString(k)
		if base < 0x0600 || base > 0x06FF {
			base = 0
		}
		fmt.Fprintf(&b, "\t0x%04X - FormsFirst: {%q, 0x%04X, %s},\n", r, k, base, name)
		n++
	}
	b.WriteString("}\n")
	gen.WriteGo("tables"+norm.Version+".go", "gen_tables.go", "arabic", b.Bytes())
	log.Printf("%d presentation forms", n)
}
