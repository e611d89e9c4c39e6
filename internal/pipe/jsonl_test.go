package pipe

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/langsplit/langsplit/internal/split"
)

// parseAll runs a lineParser over the lines of in and returns, for each
// line that is not empty, the id and text or the error.
func parseAll(t *testing.T, in string, max int) []string {
	t.Helper()
	p := &lineParser{br: bufio.NewReaderSize(strings.NewReader(in), 16), max: max}
	var out []string
	for {
		ok, perr, err := p.parse()
		if err != nil && err != io.EOF {
			t.Fatal(err)
		}
		switch {
		case perr != nil:
			out = append(out, "error: "+perr.Error())
		case ok:
			out = append(out, fmt.Sprintf("%q %q", p.id, p.text))
		}
		if err == io.EOF {
			return out
		}
	}
}

// The streaming parser agrees with split.ParseDoc (encoding/json) on every
// line: the same id and text, or an error.
func TestLineParserLikeParseDoc(t *testing.T) {
	lines := []string{
		`{"id":"a","text":"plain"}`,
		`{"id":7,"text":"a number id"}`,
		`{"id":-1.5e3,"text":"x"}`,
		`  {"text":"text first","id":"b"}  `,
		`{"ID":"c","Text":"names match case-insensitively"}`,
		`{"id":"d","text":"last wins","text":"second"}`,
		`{"id":"e","text":"esc \" \\ \/ \b \f \n \r \t \u00e9 \u0633\u0644\u0627\u0645 \ud83d\ude00 lone \ud800 end"}`,
		`{"id":"f","text":"", "meta":{"a":[1,2,{"b":null}],"c":"}"},"n":true,"m":false}`,
		`{"id":"g","meta":[],"text":"سلام"}`,
		`{"id":"h"}`,
		`{"text":"no id"}`,
		`{"id":null,"text":"x"}`,
		`{"id":true,"text":"x"}`,
		`{"id":{"x":1},"text":"x"}`,
		`{"id":"i","text":null}`,
		`{"id":"j","text":5}`,
		`{"id":"k","text":"x"} trailing`,
		`{"id":"l","text":"x"`,
		`{"id":"m","text":"cut`,
		`{"id":"n",}`,
		`{"id":"o" "text":"x"}`,
		`[1]`,
		`"a string"`,
		`{}`,
		`{"id":01,"text":"x"}`,
		`{"id":"p","text":"bad \x escape"}`,
		`{"id":"q","text":"x","z":tru}`,
		`{"id":"r","text":"\u12"}`,
		"{\"id\":\"s\",\"text\":\"tab\tinside\"}",
		`{"id":"t","text":"x"}{"id":"u"}`,
		`{"id":"v","text":"x","":1}`,
	}
	for _, line := range lines {
		want := "error"
		if id, text, err := split.ParseDoc([]byte(line)); err == nil {
			want = fmt.Sprintf("%q %q", id, text)
		}
		got := parseAll(t, line+"\n", 1<<20)
		if len(got) != 1 {
			t.Errorf("%s: %d results %q", line, len(got), got)
			continue
		}
		if g := got[0]; g != want && !(want == "error" && strings.HasPrefix(g, "error: ")) {
			t.Errorf("%s:\n got %s\nwant %s", line, g, want)
		}
	}
	// All the lines at once: one result each, whatever the reads.
	got := parseAll(t, strings.Join(lines, "\n")+"\n\n  \n", 1<<20)
	if len(got) != len(lines) {
		t.Fatalf("%d results for %d lines", len(got), len(lines))
	}
	// The messages the CLI's scripts check.
	for in, want := range map[string]string{
		`{"text":"x"}`:         `no "id"`,
		`{"id":"a"}`:           `no "text" string`,
		`{"id":[],"text":"x"}`: `"id" is neither a string nor a number`,
		`{"id":"a","text":"x`:  `not a JSON object: unexpected end of JSON input`,
		`x`:                    `not a JSON object: invalid character 'x' looking for beginning of value`,
	} {
		if got := parseAll(t, in+"\n", 100); len(got) != 1 || got[0] != "error: "+want {
			t.Errorf("%s: %q, want %q", in, got, want)
		}
	}
}

// Random objects with escapes, through small reads: the same as ParseDoc.
func TestLineParserRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"a", "ی", `\"`, `\\`, `\n`, `\u0633`, `\ud83d\ude00`, " ", "{", "}", ",", ":", `\/`}
	for range 2000 {
		var sb strings.Builder
		for n := rng.IntN(30); n > 0; n-- {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		line := fmt.Sprintf(`{"x":{"y":["%s"]},"id":"%d","text":"%s"}`, sb.String(), rng.IntN(9), sb.String())
		id, text, err := split.ParseDoc([]byte(line))
		if err != nil {
			t.Fatal(err)
		}
		got := parseAll(t, line+"\n", 1<<20)
		if want := fmt.Sprintf("%q %q", id, text); len(got) != 1 || got[0] != want {
			t.Fatalf("%s:\n got %q\nwant %s", line, got, want)
		}
	}
}

// A text longer than the cap is an error for its line, which is read past
// without being held; the next line is parsed. Deep nesting is an error.
func TestLineParserCap(t *testing.T) {
	long := strings.Repeat("سلام ", 100) // 900 bytes
	in := `{"id":"big","text":"` + long + `"}` + "\n" +
		`{"id":"` + long + `","text":"x"}` + "\n" +
		`{"id":"esc","text":"` + strings.Repeat(`\u0633`, 300) + `"}` + "\n" +
		`{"id":"ok","text":"short"}` + "\n" +
		`{"id":"deep","text":"x","m":` + strings.Repeat("[", 2000) + strings.Repeat("]", 2000) + "}\n" +
		`{"id":"last","text":"end"}`
	got := parseAll(t, in, 512)
	want := []string{
		`error: "text" longer than the block cap (512 B, --max-block): line skipped`,
		`error: "id" longer than the block cap (512 B, --max-block): line skipped`,
		`error: "text" longer than the block cap (512 B, --max-block): line skipped`,
		`"ok" "short"`,
		`error: not a JSON object: arrays and objects nested more than 1000 deep`,
		`"last" "end"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
