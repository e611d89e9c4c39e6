package record

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/langsplit/langsplit/internal/textgen"
	"github.com/langsplit/langsplit/segment"
)

// stdJSON encodes v with encoding/json as the package documents.
func stdJSON(t testing.TB, v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func randString(rng *rand.Rand) string {
	pieces := []string{"a", "<", ">", "&", "\"", "\\", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1f", "\x7f",
		"ی", "\u200c", "\u2028", "\u2029", "😀", "\xff", "\xe2\x82", "\uFFFD", " ", "/"}
	return joinPieces(rng, pieces, 30)
}

// AppendJSON writes what encoding/json writes, for any strings, and the
// output decodes back to the same values (invalid UTF-8 aside).
func TestAppendJSONMatchesEncodingJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 2000; i++ {
		r := Record{Source: randString(rng), Block: rng.IntN(10000), Lang: "fa", Script: "Arab", Dir: "rtl",
			Start: rng.Int64N(1 << 40), End: rng.Int64N(1 << 40), RuneStart: rng.Int64N(1 << 40), RuneEnd: rng.Int64N(1 << 40),
			Text: randString(rng)}
		if i%2 == 1 { // HTML and WARC records
			r.RecordID = randString(rng)
			r.SetSrc(rng.Int64N(1<<40), rng.Int64N(1<<40))
		}
		got, want := r.AppendJSON(nil), stdJSON(t, r)
		if !bytes.Equal(got, want) {
			t.Fatalf("record\n got %s\nwant %s", got, want)
		}
		if text := r.AppendJSONText(nil, []byte(r.Text)); utf8.ValidString(r.Text) && !bytes.Equal(text, want) { // its text must be valid
			t.Fatalf("AppendJSONText\n got %s\nwant %s", text, want)
		}
		m := r.Manifest(randString(rng), rng.Int64N(1<<30), rng.Int64N(1<<30), []byte{0xde, 0xad})
		got, want = m.AppendJSON(nil), stdJSON(t, m)
		if !bytes.Equal(got, want) {
			t.Fatalf("manifest\n got %s\nwant %s", got, want)
		}
		var back Record
		if err := json.Unmarshal(r.AppendJSON(nil), &back); err != nil {
			t.Fatal(err)
		}
		if back.Block != r.Block || back.Start != r.Start || back.RuneEnd != r.RuneEnd ||
			utf8.ValidString(r.Text) && back.Text != r.Text {
			t.Fatalf("round trip: %+v != %+v", back, r)
		}
	}
}

func TestFieldOrder(t *testing.T) {
	r := Record{Source: "a.txt", Block: 2, Lang: "fa", Script: "Arab", Dir: "rtl", Start: 10, End: 30, RuneStart: 10, RuneEnd: 20, Text: "سلام"}
	want := `{"source":"a.txt","block":2,"lang":"fa","script":"Arab","dir":"rtl","start":10,"end":30,"rune_start":10,"rune_end":20,"text":"سلام"}` + "\n"
	if got := string(r.AppendJSON(nil)); got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	sum := sha256.Sum256([]byte("سلام"))
	m := r.Manifest("a/0002.fa.txt", 0, 8, sum[:])
	want = `{"source":"a.txt","block":2,"lang":"fa","script":"Arab","dir":"rtl","start":10,"end":30,"rune_start":10,"rune_end":20,"file":"a/0002.fa.txt","offset":0,"length":8,"sha256":"` + strings.ToLower(hexOf(sum[:])) + `"}` + "\n"
	if got := string(m.AppendJSON(nil)); got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

// The optional fields come after rune_end, are left out when unset, and
// come back from encoding/json.
func TestOptionalFields(t *testing.T) {
	r := Record{Source: "http://example.ir/", Block: 1, Lang: "fa", Script: "Arab", Dir: "rtl", Start: 0, End: 8, RuneStart: 0, RuneEnd: 4,
		RecordID: "<urn:uuid:1>", Text: "سلام"}
	r.SetSrc(0, 4)
	want := `{"source":"http://example.ir/","block":1,"lang":"fa","script":"Arab","dir":"rtl","start":0,"end":8,"rune_start":0,"rune_end":4,"record_id":"<urn:uuid:1>","src_start":0,"src_end":4,"text":"سلام"}` + "\n"
	if got := string(r.AppendJSON(nil)); got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	var back Record
	if err := json.Unmarshal([]byte(want), &back); err != nil || back.SrcStart == nil || *back.SrcStart != 0 || *back.SrcEnd != 4 || back.RecordID != r.RecordID {
		t.Fatalf("round trip: %+v %v", back, err)
	}
	m := r.Manifest("f", 0, 8, []byte{1})
	if got := string(m.AppendJSON(nil)); !strings.Contains(got, `"rune_end":4,"record_id":"<urn:uuid:1>","src_start":0,"src_end":4,"file":"f",`) {
		t.Fatalf("manifest %s", got)
	}
}

// Doc records: as encoding/json writes them (sorted keys), and mixed at
// 5% of the letters.
func TestDoc(t *testing.T) {
	var c DocCounter
	c.Add("en", []byte("Hello world, this is English.")) // 24 letters
	c.Add("und", []byte("123 !!"))
	c.Add("fa", []byte("یک"))
	d := c.Doc("a.txt", "")
	if !bytes.Equal(d.AppendJSON(nil), stdJSON(t, d)) {
		t.Fatalf("got  %s\nwant %s", d.AppendJSON(nil), stdJSON(t, d))
	}
	if d.Blocks != 3 || d.Letters["en"] != 23 || d.Letters["fa"] != 2 || d.Letters["und"] != 0 || d.Bytes["fa"] != 4 || !d.Mixed {
		t.Fatalf("%+v: want 3 blocks, 23 en and 2 fa letters, mixed (2 of 25 is 8%%)", d)
	}
	// Exactly 5% is mixed; less is not.
	for _, c := range []struct {
		en    string
		mixed bool
	}{{strings.Repeat("a", 38), true}, {strings.Repeat("a", 39), false}} {
		var dc DocCounter
		dc.Add("en", []byte(c.en))
		dc.Add("fa", []byte("یک"))
		if d := dc.Doc("x", ""); d.Mixed != c.mixed {
			t.Errorf("%d en and 2 fa letters: mixed %v", len(c.en), d.Mixed)
		}
	}
	c.Reset()
	if d := c.Doc("b", ""); d.Blocks != 0 || len(d.Letters) != 0 || d.Mixed {
		t.Errorf("after Reset: %+v", d)
	}
}

func hexOf(b []byte) string {
	const d = "0123456789ABCDEF"
	var sb strings.Builder
	for _, c := range b {
		sb.WriteByte(d[c>>4])
		sb.WriteByte(d[c&15])
	}
	return sb.String()
}

func TestBuilder(t *testing.T) {
	text := "Hello, world.\nسلام دنیا.\n😀 ok\n"
	blocks := []segment.Block{
		{Start: 0, End: 14, Lang: "en", Script: "Latn", Dir: segment.LTR},
		{Start: 14, End: 32, Lang: "fa", Script: "Arab", Dir: segment.RTL},
		{Start: 32, End: len(text), Lang: "und", Script: "Zyyy", Dir: segment.LTR},
	}
	bd := Builder{Source: "-"}
	var runeEnd int64
	for i, b := range blocks {
		r := bd.Next(b, []byte(text[b.Start:b.End]))
		if r.Block != i+1 || r.Source != "-" || r.Lang != b.Lang || r.Dir != b.Dir.String() || r.Start != int64(b.Start) || r.End != int64(b.End) {
			t.Fatalf("block %d: %+v", i, r)
		}
		if r.RuneStart != runeEnd {
			t.Fatalf("block %d starts at rune %d, want %d", i, r.RuneStart, runeEnd)
		}
		runeEnd = r.RuneEnd
	}
	if want := int64(len([]rune(text))); runeEnd != want {
		t.Fatalf("last rune_end %d, want %d", runeEnd, want)
	}
}

// runeCount agrees with utf8.RuneCount on valid UTF-8 of every length and
// alignment.
func TestRuneCount(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	pool := []rune{'a', ' ', 'é', 'ب', 'ی', '\u200c', '€', '😀', '\n'}
	for n := 0; n < 300; n++ {
		var sb strings.Builder
		for range n {
			sb.WriteRune(pool[rng.IntN(len(pool))])
		}
		b := []byte(sb.String())
		for off := 0; off < 8 && off <= len(b); off++ {
			if !utf8.Valid(b[off:]) {
				continue
			}
			if got, want := runeCount(b[off:]), utf8.RuneCount(b[off:]); got != want {
				t.Fatalf("runeCount(%q) = %d, want %d", b[off:], got, want)
			}
		}
	}
}

// BenchmarkAppendJSON encodes a WET record's block: a URL source, a record
// ID and mixed text.
func BenchmarkAppendJSON(b *testing.B) {
	r := Record{Source: "https://www.example.ir/fa/news/2024/03/01/article-12345.html", Block: 3, Lang: "fa", Script: "Arab", Dir: "rtl",
		Start: 1000, End: 2000, RuneStart: 800, RuneEnd: 1500, RecordID: "<urn:uuid:0a1b2c3d-0000-4000-8000-00000000abcd>",
		Text: strings.Repeat("این یک جمله فارسی است و The quick brown fox jumps over the lazy dog. ", 20)}
	r.SetSrc(1000, 2000)
	b.SetBytes(int64(len(r.AppendJSON(nil))))
	var buf []byte
	for b.Loop() {
		buf = r.AppendJSON(buf[:0])
	}
}

// longString is randString with longer runs: ASCII words, Persian words
// with ZWNJ, the two-byte edges (U+0080, U+07FF) and the bytes that are
// never part of a valid two-byte sequence (C0, C1, a lone continuation or
// lead), so that appendString's eight-byte steps meet every kind of byte
// at every offset.
func longString(rng *rand.Rand) string {
	pieces := []string{"abcdefgh", "the ", "سلام ", "می\u200cروم", "کتاب", "\u0080", "\u07ff", "\u0800", "é",
		"\xc0\x80", "\xc1\xbf", "\x80", "\xd8", "\xdf", "\xe2\x80\xa8", "\u2029", "\"", "\\", "\x1f", "\x7f", "\n", "😀", "\xff"}
	return joinPieces(rng, pieces, 80)
}

// joinPieces joins up to max pieces picked at random.
func joinPieces(rng *rand.Rand, pieces []string, max int) string {
	var sb strings.Builder
	for n := rng.IntN(max); n > 0; n-- {
		sb.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return sb.String()
}

// appendString gives encoding/json's bytes on long strings of every kind of
// byte, cut anywhere (so that every byte is met at every offset of an
// eight-byte step).
func TestAppendStringLong(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 5000; i++ {
		s := longString(rng)
		if len(s) > 0 {
			s = s[rng.IntN(len(s)):]
		}
		want, err := json.Marshal(s) // the pieces hold none of the HTML characters Marshal escapes
		if err != nil {
			t.Fatal(err)
		}
		if got := appendString(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("%q:\n got %s\nwant %s", s, got, want)
		}
	}
}

// appendValidString gives appendString's bytes for valid UTF-8: on the
// valid strings among longString's, cut anywhere, on generated mixed text
// and on each rune near U+2028 at every offset of an eight-byte step.
func TestAppendValidString(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	var strs []string
	for len(strs) < 5000 {
		s := longString(rng)
		if len(s) > 0 {
			s = s[rng.IntN(len(s)):]
		}
		if utf8.ValidString(s) {
			strs = append(strs, s)
		}
	}
	strs = append(strs, string(textgen.Bytes(textgen.Mixed, 256<<10, 2)))
	for _, r := range []rune{0x2027, 0x2028, 0x2029, 0x202A, 0x200C, 0x2000, 0xE000, 0x1F600, '"', '\\', 0x1F, 0x7F} {
		for pad := range 9 {
			strs = append(strs, strings.Repeat("a", pad)+string(r)+"سلام"+string(r))
		}
	}
	for _, s := range strs {
		if got, want := appendValidString(nil, s), appendString(nil, s); !bytes.Equal(got, want) {
			t.Fatalf("%q:\n got %s\nwant %s", s, got, want)
		}
	}
}

// The lowest byte flagged by asciiStop and validStop is the first of the
// eight that appendString cannot copy as plain ASCII, and that
// appendValidString must look at: on random words, on ASCII words and on
// words made of the pieces of longString.
func TestStopMasks(t *testing.T) {
	for _, tc := range []struct {
		name string
		mask func(uint64) uint64
		stop func(c byte) bool
	}{
		{"asciiStop", asciiStop, func(c byte) bool { return c >= 0x80 || c < 0x20 || c == '"' || c == '\\' }},
		{"validStop", validStop, func(c byte) bool { return c < 0x20 || c == '"' || c == '\\' || c == 0xE2 }},
	} {
		rng := rand.New(rand.NewPCG(7, 8))
		check := func(b []byte) {
			want := 8
			for i, c := range b {
				if tc.stop(c) {
					want = i
					break
				}
			}
			m := tc.mask(binary.LittleEndian.Uint64(b))
			if got := bits.TrailingZeros64(m) >> 3; got != want || m&^0x8080808080808080 != 0 {
				t.Fatalf("%s(% x) = %#x: stops at %d, want %d", tc.name, b, m, got, want)
			}
		}
		var b [8]byte
		for i := 0; i < 200000; i++ {
			binary.LittleEndian.PutUint64(b[:], rng.Uint64())
			check(b[:])
			for j := range b {
				if b[j] &= 0x7F; rng.IntN(4) > 0 {
					b[j] |= 0x20
				}
			}
			check(b[:])
			s := longString(rng) + "12345678"
			check([]byte(s[:8]))
		}
	}
}

// BenchmarkAppendJSONText encodes 64 KiB of generated mixed text (Persian,
// English, Arabic, with ZWNJs and line breaks) as one record's text, as
// the CLI encodes its blocks; BenchmarkCopy is the baseline beside it: the
// same bytes appended as they are.
func BenchmarkAppendJSONText(b *testing.B) {
	text := textgen.Bytes(textgen.Mixed, 64<<10, 1)
	r := Record{Source: "in.txt", Block: 3, Lang: "fa", Script: "Arab", Dir: "rtl", Start: 1000, End: 2000, RuneStart: 800, RuneEnd: 1500}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	buf := r.AppendJSONText(nil, text)
	for b.Loop() {
		buf = r.AppendJSONText(buf[:0], text)
	}
}

// BenchmarkCopy is the baseline of BenchmarkAppendJSONText.
func BenchmarkCopy(b *testing.B) {
	text := textgen.Bytes(textgen.Mixed, 64<<10, 1)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	buf := append([]byte(nil), text...)
	for b.Loop() {
		buf = append(buf[:0], text...)
	}
}
