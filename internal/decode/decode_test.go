package decode

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/langsplit/langsplit/internal/textgen"
)

const persian = "این یک متن فارسی است که برای آزمون نوشته شده.\n"
const english = "This is an English line written for the test.\n"

// persian1256 is persian as Windows-1256 can hold it: that code page has the
// Arabic yeh ي where Persian has ی.
var persian1256 = strings.ReplaceAll(persian, "ی", "ي")

// utf16Bytes encodes s in UTF-16 (big endian when be), with a BOM when bom.
func utf16Bytes(s string, be, bom bool) []byte {
	order, b := unicode.LittleEndian, unicode.IgnoreBOM
	if be {
		order = unicode.BigEndian
	}
	if bom {
		b = unicode.UseBOM
	}
	out, err := unicode.UTF16(order, b).NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return out
}

func cp1256(t testing.TB, s string) []byte {
	b, err := charmap.Windows1256.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// readAll decodes in as Check decides and returns the text.
func readAll(t *testing.T, in []byte, opts Options) (string, Detection, error) {
	t.Helper()
	d, err := Check("in.txt", bytes.NewReader(in), opts)
	if err != nil {
		return "", d, err
	}
	out, err := io.ReadAll(NewReader("in.txt", bytes.NewReader(in), d, opts.Invalid))
	return string(out), d, err
}

func TestCheckAndRead(t *testing.T) {
	text := english + persian + "😀 U+FFFD: \uFFFD\n"
	tests := []struct {
		name string
		in   []byte
		opts Options
		enc  Encoding
		want string
	}{
		{"utf-8", []byte(text), Options{}, UTF8, text},
		{"utf-8 BOM stripped", append([]byte("\xEF\xBB\xBF"), text...), Options{}, UTF8, text},
		{"utf-16le BOM", utf16Bytes(text, false, true), Options{}, UTF16LE, text},
		{"utf-16be BOM", utf16Bytes(text, true, true), Options{}, UTF16BE, text},
		{"utf-16 without BOM is LE", utf16Bytes(text, false, false), Options{Encoding: UTF16}, UTF16LE, text},
		{"utf-16be explicit", utf16Bytes(text, true, false), Options{Encoding: UTF16BE}, UTF16BE, text},
		{"windows-1256 detected", cp1256(t, english+persian1256+persian1256), Options{}, Windows1256, english + persian1256 + persian1256},
		{"windows-1256 explicit", cp1256(t, english), Options{Encoding: Windows1256}, Windows1256, english},
		{"empty", nil, Options{}, UTF8, ""},
		{"replace", []byte("ab\xffcd\xe2\x82"), Options{Invalid: InvalidReplace}, UTF8, "ab\uFFFDcd\uFFFD\uFFFD"},
		{"utf-16 replace lone surrogate", utf16Bytes("a", false, true)[:4:4], Options{Invalid: InvalidReplace}, UTF16LE, "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, d, err := readAll(t, tt.in, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if d.Encoding != tt.enc {
				t.Errorf("encoding %v, want %v", d.Encoding, tt.enc)
			}
			if got != tt.want {
				t.Errorf("text %q, want %q", got, tt.want)
			}
		})
	}
}

func TestUTF16LoneSurrogate(t *testing.T) {
	in := append(utf16Bytes("ab", false, true), 0x00, 0xD8, 'c', 0) // BOM a b <D800> c
	_, _, err := readAll(t, in, Options{})
	var e *Error
	if !errors.As(err, &e) || e.Offset != 6 || e.Encoding != UTF16LE || !errors.Is(err, ErrInvalid) {
		t.Fatalf("err = %v, want invalid UTF-16LE at 6", err)
	}
	got, _, err := readAll(t, in, Options{Invalid: InvalidReplace})
	if err != nil || got != "ab\uFFFDc" {
		t.Fatalf("replace: %q, %v", got, err)
	}
	odd := append(utf16Bytes("ab", true, true), 'x')
	if _, _, err := readAll(t, odd, Options{}); errorOf(err) == nil || errorOf(err).Offset != 6 {
		t.Fatalf("odd length: %v, want error at 6", err)
	}
}

func errorOf(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}

func TestInvalidOffsets(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		opts Options
		off  int64
	}{
		{"latin-1 is not windows-1256", []byte("caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve fa\xe7ade\n"), Options{}, 3},
		{"utf-8 persian with a stray byte", []byte(persian + persian + "x\xff" + persian), Options{}, int64(2*len(persian) + 1)},
		{"truncated at end", []byte(persian + "\xd8"), Options{}, int64(len(persian))},
		{"explicit utf-8 with BOM", []byte("\xEF\xBB\xBFab\xc0\xafcd"), Options{Encoding: UTF8}, 5},
		{"late in a long file", append(bytes.Repeat([]byte(persian), 5000), "\xfe"...), Options{}, int64(5000 * len(persian))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := readAll(t, tt.in, tt.opts)
			e := errorOf(err)
			if e == nil || !errors.Is(err, ErrInvalid) || e.Offset != tt.off || e.Path != "in.txt" {
				t.Fatalf("err = %v, want invalid at %d", err, tt.off)
			}
			if msg := err.Error(); !strings.Contains(msg, "in.txt") || !strings.Contains(msg, "byte offset") {
				t.Errorf("message %q does not name the file and offset", msg)
			}
			// The second-pass reader reports the same offset as Check.
			_, err = io.ReadAll(NewReader("in.txt", bytes.NewReader(tt.in), Detection{Encoding: UTF8, BOM: 3 * btoi(bytes.HasPrefix(tt.in, []byte("\xEF\xBB\xBF")))}, InvalidError))
			if e2 := errorOf(err); e2 == nil || e2.Offset != tt.off {
				t.Fatalf("reader err = %v, want offset %d", err, tt.off)
			}
		})
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestBinary(t *testing.T) {
	in := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	_, err := Check("img.png", bytes.NewReader(in), Options{})
	if e := errorOf(err); e == nil || !errors.Is(err, ErrBinary) || e.Offset != 8 {
		t.Fatalf("err = %v, want binary at 8", err)
	}
	// A NUL after the first 8 KiB is text (and valid UTF-8).
	late := append(bytes.Repeat([]byte("a"), BinarySniffLen), 0)
	if _, err := Check("late", bytes.NewReader(late), Options{}); err != nil {
		t.Fatal(err)
	}
	// UTF-16 is full of NULs and is not binary.
	if _, err := Check("u16", bytes.NewReader(utf16Bytes(english, false, true)), Options{}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Stream("-", bytes.NewReader(in), Options{}); !errors.Is(err, ErrBinary) {
		t.Fatalf("Stream: %v, want binary", err)
	}
}

func TestStream(t *testing.T) {
	// Decided on the prefix, invalid later: the text before is delivered,
	// then an error at the right offset.
	good := strings.Repeat(persian, StreamSniffLen/len(persian)+10)
	in := good + "\xff tail"
	r, d, err := Stream("-", strings.NewReader(in), Options{})
	if err != nil || d.Encoding != UTF8 {
		t.Fatalf("Stream: %v %v", d, err)
	}
	out, err := io.ReadAll(r)
	if e := errorOf(err); e == nil || e.Offset != int64(len(good)) || e.Path != "-" {
		t.Fatalf("err = %v, want offset %d", err, len(good))
	}
	if string(out) != good {
		t.Fatalf("got %d bytes before the error, want %d", len(out), len(good))
	}
	// Invalid inside the prefix: an error before any output.
	if _, _, err := Stream("-", strings.NewReader("ab\xff"+good), Options{}); errorOf(err) == nil || errorOf(err).Offset != 2 {
		t.Fatalf("err = %v, want offset 2", err)
	}
	// A prefix cut inside a rune is not invalid.
	cut := strings.Repeat("a", StreamSniffLen-1) + "ی" + english
	r, _, err = Stream("-", strings.NewReader(cut), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if out, err := io.ReadAll(r); err != nil || string(out) != cut {
		t.Fatalf("cut rune: %v", err)
	}
	// Windows-1256 from the prefix.
	r, d, err = Stream("-", bytes.NewReader(cp1256(t, persian1256+english)), Options{})
	if err != nil || d.Encoding != Windows1256 {
		t.Fatalf("Stream: %v %v", d, err)
	}
	if out, _ := io.ReadAll(r); string(out) != persian1256+english {
		t.Fatalf("windows-1256: %q", out)
	}
	// BOM of UTF-16.
	r, d, err = Stream("-", bytes.NewReader(utf16Bytes(persian, true, true)), Options{})
	if err != nil || d != (Detection{Encoding: UTF16BE, BOM: 2}) {
		t.Fatalf("Stream: %v %v", d, err)
	}
	if out, _ := io.ReadAll(r); string(out) != persian {
		t.Fatalf("utf-16be: %q", out)
	}
}

// The statistics and the readers do not depend on how the input is chunked.
func TestChunkingInvariance(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", " ", "\n", "ی", "ک", "😀", "\xff", "\xd8", "\xe2\x82", "\xf0\x9f", "\x80", "é"}
	for iter := 0; iter < 300; iter++ {
		var sb strings.Builder
		for n := rng.IntN(200); n > 0; n-- {
			sb.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		in := []byte(sb.String())
		whole := stats{first: -1}
		whole.feed(in, true)
		pieces := stats{first: -1}
		rest := in
		for len(rest) > 0 {
			k := min(len(rest), 1+rng.IntN(6))
			pieces.feed(rest[:k], false)
			rest = rest[k:]
		}
		pieces.feed(nil, true)
		if whole.first != pieces.first || whole.invalid != pieces.invalid || whole.nonASCII != pieces.nonASCII || whole.arabic != pieces.arabic || whole.pairs != pieces.pairs || pieces.off != int64(len(in)) {
			t.Fatalf("%q: whole %+v, pieces %+v", in, whole, pieces)
		}
		for _, inv := range []Invalid{InvalidError, InvalidReplace} {
			a, errA := io.ReadAll(NewReader("x", bytes.NewReader(in), Detection{Encoding: UTF8}, inv))
			b, errB := io.ReadAll(NewReader("x", iotest.OneByteReader(bytes.NewReader(in)), Detection{Encoding: UTF8}, inv))
			if !bytes.Equal(a, b) || (errA == nil) != (errB == nil) || (errA != nil && errorOf(errA).Offset != errorOf(errB).Offset) {
				t.Fatalf("%q: chunked read differs: %q %v / %q %v", in, a, errA, b, errB)
			}
			if inv == InvalidError && (errA == nil) != (whole.first < 0) {
				t.Fatalf("%q: reader err %v, stats first %d", in, errA, whole.first)
			}
		}
	}
}

// refReplace is the reference for InvalidReplace on UTF-8: one U+FFFD per
// byte that utf8.DecodeRune rejects.
func refReplace(p []byte) (string, int64) {
	var sb strings.Builder
	first := int64(-1)
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size == 1 && first < 0 {
			first = int64(i)
		}
		sb.WriteRune(r)
		i += size
	}
	return sb.String(), first
}

func FuzzUTF8Reader(f *testing.F) {
	for _, s := range []string{"", "abc", persian, "a\xffb", "\xe2\x82", "\xed\xa0\x80", "\xf4\x90\x80\x80", "ی\xd8"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		want, first := refReplace(in)
		got, err := io.ReadAll(NewReader("x", iotest.HalfReader(bytes.NewReader(in)), Detection{Encoding: UTF8}, InvalidReplace))
		if err != nil || string(got) != want {
			t.Fatalf("replace: %q, %v; want %q", got, err, want)
		}
		_, err = io.ReadAll(NewReader("x", bytes.NewReader(in), Detection{Encoding: UTF8}, InvalidError))
		if first < 0 && err != nil || first >= 0 && (errorOf(err) == nil || errorOf(err).Offset != first) {
			t.Fatalf("error mode: %v, want first invalid at %d", err, first)
		}
		d, err := Check("x", bytes.NewReader(in), Options{Invalid: InvalidReplace})
		if err == nil && d.Encoding == UTF8 && first >= 0 {
			// Check said UTF-8 with replacement: fine. Without BOM and with
			// valid input it must say UTF-8.
			return
		}
		if err == nil && first < 0 && d.BOM == 0 && d.Encoding != UTF8 {
			t.Fatalf("valid UTF-8 detected as %v", d.Encoding)
		}
	})
}

func TestDecompress(t *testing.T) {
	var buf bytes.Buffer
	z := gzip.NewWriter(&buf)
	z.Write([]byte(persian))
	z.Close()
	r, err := Decompress("a.txt.gz", &buf)
	if err != nil {
		t.Fatal(err)
	}
	if out, _ := io.ReadAll(r); string(out) != persian {
		t.Fatalf("got %q", out)
	}
	if _, err := Decompress("bad.gz", strings.NewReader("not gzip")); err == nil || !strings.Contains(err.Error(), "bad.gz") {
		t.Fatalf("err = %v", err)
	}
	plain := bufio.NewReader(strings.NewReader("x"))
	if r, _ := Decompress("a.txt", plain); r != plain {
		t.Fatal("a .txt file that can Peek was wrapped")
	}
	// Without the suffix, gzip is known by its magic bytes (stdin, a pipe),
	// whether the reader can Peek or not; other bytes are all read.
	for _, r := range []io.Reader{bytes.NewReader(buf2(t, persian)), bufio.NewReader(bytes.NewReader(buf2(t, persian)))} {
		z, err := Decompress("", r)
		if err != nil {
			t.Fatal(err)
		}
		if out, err := io.ReadAll(z); string(out) != persian || err != nil {
			t.Fatalf("gzip on stdin: %q, %v", out, err)
		}
	}
	for _, in := range []string{"", "x", "\x1f", "\x1fA text"} {
		z, err := Decompress("", strings.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		if out, _ := io.ReadAll(z); string(out) != in {
			t.Fatalf("Decompress(%q) read %q", in, out)
		}
	}
}

func buf2(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	z := gzip.NewWriter(&b)
	z.Write([]byte(s))
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// A truncated .gz names the offset where the file ends and how much was
// decompressed; so does one cut inside its header.
func TestDecompressTruncated(t *testing.T) {
	full := buf2(t, strings.Repeat(persian, 200))
	cut := full[:len(full)/2]
	z, err := Decompress("a.txt.gz", bytes.NewReader(cut))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(z)
	want := fmt.Sprintf("a.txt.gz: truncated gzip data: the file ends at byte offset %d, after %d decompressed bytes", len(cut), len(out))
	if err == nil || !strings.HasPrefix(err.Error(), want) || !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatalf("err %v, want %q", err, want)
	}
	if _, err := Decompress("-", bytes.NewReader(full[:5])); err == nil || !strings.HasPrefix(err.Error(), "-: truncated gzip data: the file ends at byte offset 5, after 0 decompressed bytes") {
		t.Fatalf("cut header: err %v", err)
	}
}

// Reset starts a decoder over: offsets count from 0 and the BOM is skipped
// again (the transform.Transformer contract).
func TestReset(t *testing.T) {
	for _, c := range []struct {
		name string
		in   []byte
		d    Detection
	}{
		{"utf-8", append([]byte("\xEF\xBB\xBF"), "ab\xffc"...), Detection{Encoding: UTF8, BOM: 3}},
		{"utf-16le", append(utf16Bytes("ab", false, true), 0x00, 0xD8, 'c', 0), Detection{Encoding: UTF16LE, BOM: 2}},
	} {
		tr := NewTransformer("x", c.d, InvalidError)
		var errs []string
		for range 2 {
			_, _, err := transform.Bytes(tr, c.in) // Bytes calls Reset first
			errs = append(errs, fmt.Sprint(err))
		}
		if errs[0] != errs[1] || !strings.Contains(errs[0], "at byte offset") {
			t.Errorf("%s: errors %q, want the same offset twice", c.name, errs)
		}
		tr.Reset()
		dst := make([]byte, 16)
		nDst, _, _ := tr.Transform(dst, c.in[:c.d.BOM+2], false)
		if got := string(dst[:nDst]); got != "a" && got != "ab" {
			t.Errorf("%s: after Reset the BOM was not skipped: %q", c.name, got)
		}
	}
}

// UTF-16 without a BOM is still binary under auto (NUL bytes), but the
// error names the byte order it looks like and the flag that reads it.
func TestBinaryUTF16Hint(t *testing.T) {
	for _, c := range []struct {
		in   []byte
		hint Encoding
	}{
		{utf16Bytes(persian+english, false, false), UTF16LE},
		{utf16Bytes(persian+english, true, false), UTF16BE},
		{utf16Bytes(english, false, false), UTF16LE},
		{[]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"), Auto},
		{append([]byte("\x7fELF\x02\x01\x01\x00"), bytes.Repeat([]byte{0, 1, 2, 3}, 64)...), Auto}, // Ā and a mark, over and over: no words
		{append([]byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"), bytes.Repeat([]byte{0x93, 0x7a, 0x00, 0x11, 0xfe, 0x00, 0x00, 0x42}, 8)...), Auto},
	} {
		_, err := Check("f", bytes.NewReader(c.in), Options{})
		e := errorOf(err)
		if e == nil || !errors.Is(err, ErrBinary) || e.Hint != c.hint {
			t.Errorf("%q: err %v, want binary with hint %v", c.in[:8], err, c.hint)
			continue
		}
		if c.hint != Auto && !strings.HasSuffix(err.Error(), "; it looks like "+strings.ToUpper(c.hint.String())+" without a byte-order mark: try --encoding "+c.hint.String()) {
			t.Errorf("message %q lacks the hint", err)
		}
	}
}

func TestParse(t *testing.T) {
	for _, e := range []Encoding{Auto, UTF8, UTF16, UTF16LE, UTF16BE, Windows1256} {
		got, err := ParseEncoding(strings.ToUpper(e.String()))
		if err != nil || got != e {
			t.Errorf("ParseEncoding(%q) = %v, %v", e, got, err)
		}
	}
	if _, err := ParseEncoding("latin1"); err == nil {
		t.Error("latin1 accepted")
	}
	for _, v := range []Invalid{InvalidError, InvalidReplace} {
		if got, err := ParseInvalid(v.String()); err != nil || got != v {
			t.Errorf("ParseInvalid(%q) = %v, %v", v, got, err)
		}
	}
	if _, err := ParseInvalid("skip"); err == nil {
		t.Error("skip accepted")
	}
}

func TestLooksWindows1256(t *testing.T) {
	tests := []struct {
		in   []byte
		want bool
	}{
		{cp1256(t, persian1256), true},
		{cp1256(t, "Mostly English with one Persian word: سلام.\n"), true},
		{[]byte("bad \xff here\n"), false},                       // one byte that maps to ے
		{[]byte("a \xc7 b \xe1 c \xd3 d \xe3\n"), false},         // Arabic letters, but isolated
		{[]byte("caf\xe9 cr\xe8me\n"), false},                    // Latin-1
		{[]byte(persian + "\xff" + persian + "\xd3\xe1"), false}, // UTF-8 with stray bytes
	}
	for _, tt := range tests {
		st := stats{first: -1}
		st.feed(tt.in, true)
		if got := looksWindows1256(&st); got != tt.want {
			t.Errorf("%q: %v, want %v (%+v)", tt.in, got, tt.want, st)
		}
	}
}

func BenchmarkCheckUTF8(b *testing.B) {
	in := []byte(strings.Repeat(english+persian, 20000))
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := Check("x", bytes.NewReader(in), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadUTF8(b *testing.B) {
	in := []byte(strings.Repeat(english+persian, 20000))
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := io.Copy(io.Discard, NewReader("x", bytes.NewReader(in), Detection{Encoding: UTF8}, InvalidError)); err != nil {
			b.Fatal(err)
		}
	}
}

// Validated passes a checked UTF-8 file on without its BOM, unchanged.
func TestValidated(t *testing.T) {
	for _, in := range []string{"\xef\xbb\xbfسلام world", "no BOM here"} {
		d, err := Check("x", strings.NewReader(in), Options{})
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(iotest.OneByteReader(Validated(strings.NewReader(in), d)))
		if err != nil {
			t.Fatal(err)
		}
		if want := strings.TrimPrefix(in, "\xef\xbb\xbf"); string(got) != want {
			t.Fatalf("Validated(%q) read %q, want %q", in, got, want)
		}
	}
}

// validUTF8 agrees with utf8.Valid.
func FuzzValidUTF8(f *testing.F) {
	for _, s := range []string{"", "abc", "سلام", "\xc3\xa9", "\xc3", "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80",
		"\u200c😀«»", "abcdefgh\xd8\xa8ijklmnop", "\xe2\x80", "\xdf\xbf\xe0\xa0\x80"} {
		f.Add([]byte(s))
	}
	f.Fuzz(checkValidUTF8)
}

// checkValidUTF8 fails t unless validUTF8(p) says what utf8.Valid says and,
// for valid p, counts its bytes at 0x80 or above.
func checkValidUTF8(t *testing.T, p []byte) {
	t.Helper()
	n, ok := validUTF8(p)
	if want := utf8.Valid(p); ok != want {
		t.Fatalf("validUTF8(%q) = %v, utf8.Valid says %v", p, ok, want)
	}
	if ok && n != countNonASCII(p) {
		t.Fatalf("validUTF8(%q) counts %d non-ASCII bytes, want %d", p, n, countNonASCII(p))
	}
}

// A damaged .gz names the file in the error of the read that finds it.
func TestDecompressNamesFile(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte("some text that is long enough to be worth compressing, some text, some text\n"))
	zw.Close()
	b := buf.Bytes()
	b[len(b)-5] ^= 0xff // the CRC-32 in the trailer
	r, err := Decompress("docs/a.txt.gz", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	_, err = io.ReadAll(r)
	if err == nil || !strings.HasPrefix(err.Error(), "docs/a.txt.gz: ") || !errors.Is(err, gzip.ErrChecksum) {
		t.Fatalf("err %v, want a checksum error naming docs/a.txt.gz", err)
	}
}

// countNonASCII counts the bytes >= 0x80 in p.
func countNonASCII(p []byte) int64 {
	var n int
	for len(p) >= 8 {
		n += bits.OnesCount64(binary.LittleEndian.Uint64(p) & 0x8080808080808080)
		p = p[8:]
	}
	for _, c := range p {
		n += int(c >> 7)
	}
	return int64(n)
}

// validUTF8 agrees with utf8.Valid, and counts the bytes at 0x80 or above,
// on random strings of valid and invalid pieces cut anywhere.
func TestValidUTF8(t *testing.T) {
	pieces := []string{"a", "abcdefgh ", "سلام ", "\u200c", "\u0080", "\u07ff", "\u0800", "\uffff", "\U00010000", "\U0010ffff", "😀",
		"\xc0\x80", "\xc1\xbf", "\x80", "\xbf", "\xd8", "\xe2\x82", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf5", "\xff", "\xe0\x80\x80", "\xf0\x80\x80\x80"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var sb strings.Builder
		for range rng.IntN(30) {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		p := []byte(sb.String())
		if len(p) > 0 {
			p = p[rng.IntN(len(p)):]
		}
		checkValidUTF8(t, p)
	}
}

// validUTF8 agrees with utf8.Valid on random bytes of the kinds its
// eight-byte test tells apart (ASCII, continuation bytes, leads of two and
// three, C0 and C1, E0 and ED, longer leads, bytes that start nothing), at
// every alignment.
func TestValidUTF8Bytes(t *testing.T) {
	alphabet := []byte{'a', ' ', 0x80, 0x8C, 0x9F, 0xBF, 0xA0, 0xC0, 0xC1, 0xC2, 0xD8, 0xDB, 0xDF, 0xE0, 0xE1, 0xE2, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF}
	valid := []string{"ab", "سل", "\u200c", "é", "😀", "\u07ff", "\u0800", "\ud7ff", "\ue000", "«—»", "\ufffd"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200000 {
		var p []byte
		for range rng.IntN(40) {
			if rng.IntN(3) == 0 {
				p = append(p, alphabet[rng.IntN(len(alphabet))])
			} else {
				p = append(p, valid[rng.IntN(len(valid))]...)
			}
		}
		checkValidUTF8(t, p)
	}
}

// BenchmarkCheckGenerated checks 16 MiB of generated mixed text (the
// benchmarks' input), beside BenchmarkValidBaseline: utf8.Valid over the
// same bytes.
func BenchmarkCheckGenerated(b *testing.B) {
	in := textgen.Bytes(textgen.Mixed, 16<<20, 1)
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := Check("x", bytes.NewReader(in), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkValidBaseline is the baseline of BenchmarkCheckGenerated.
func BenchmarkValidBaseline(b *testing.B) {
	in := textgen.Bytes(textgen.Mixed, 16<<20, 1)
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if !utf8.Valid(in) {
			b.Fatal("invalid")
		}
	}
}
