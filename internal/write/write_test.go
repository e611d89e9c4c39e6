package write

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/langsplit/langsplit/internal/extsort"
	"github.com/langsplit/langsplit/internal/record"
	"github.com/langsplit/langsplit/segment"
)

func TestSafeName(t *testing.T) {
	tests := map[string]string{
		"":          "%",
		".":         "%2E",
		"..":        "%2E.",
		"../../x":   "%2E.%2F..%2Fx",
		"/abs":      "%2Fabs",
		"a\x00b":    "a%00b",
		"50%":       "50%25",
		"سلام":      "سلام",
		".hidden":   "%2Ehidden",
		"a\\b":      "a%5Cb",
		"a\xffb":    "a%FFb",
		"doc 1.v2":  "doc 1.v2",
		"tab\there": "tab%09here",
	}
	for in, want := range tests {
		if got := SafeName(in); got != want {
			t.Errorf("SafeName(%q) = %q, want %q", in, got, want)
		}
	}
	// Properties on random names: one safe component, and injective.
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := []string{".", "/", "%", "a", "\x00", "\\", "ی", "\xff", "2", "E", "%2E", " "}
	seen := map[string]string{}
	for i := 0; i < 20000; i++ {
		var sb strings.Builder
		for n := rng.IntN(6); n > 0; n-- {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		in := sb.String()
		got := SafeName(in)
		if got == "" || got == "." || got == ".." || strings.ContainsAny(got, "/\x00\\") || strings.HasPrefix(got, ".") {
			t.Fatalf("SafeName(%q) = %q is not a safe component", in, got)
		}
		if prev, ok := seen[got]; ok && prev != in {
			t.Fatalf("SafeName(%q) = SafeName(%q) = %q", in, prev, got)
		}
		seen[got] = in
	}
}

// Names too long for a file system are cut to MaxName bytes with a hash:
// stable, distinct, valid UTF-8, never cut inside an escape.
func TestSafeNameLong(t *testing.T) {
	pct := strings.Repeat("%", 120) // 360 bytes escaped
	got := SafeName(pct)
	if len(got) > MaxName || !strings.HasPrefix(got, strings.Repeat("%25", 74)+"~") || len(got) != 74*3+17 {
		t.Fatalf("SafeName(120 × %%) = %q (%d bytes)", got, len(got))
	}
	if SafeName(pct) != got {
		t.Fatal("SafeName is not stable")
	}
	if other := SafeName(pct + "x"); other == got || len(other) > MaxName {
		t.Fatalf("two long names share %q", got)
	}
	fa := strings.Repeat("سلام ", 60) // 540 bytes
	got = SafeName(fa)
	if len(got) > MaxName || !utf8.ValidString(got) || !strings.HasPrefix(fa, got[:strings.LastIndexByte(got, '~')]) {
		t.Fatalf("SafeName(long Persian) = %q (%d bytes)", got, len(got))
	}
	exact := strings.Repeat("a", MaxName)
	if SafeName(exact) != exact {
		t.Fatal("a name of MaxName bytes was cut")
	}
	for n := 1; n < 40; n++ { // every alignment of escapes against the cut
		name := strings.Repeat("b", n) + strings.Repeat("/", 100)
		got := SafeName(name)
		cut := got[:strings.LastIndexByte(got, '~')]
		if len(got) > MaxName || strings.Count(cut[n:], "%2F")*3 != len(cut)-n {
			t.Fatalf("SafeName(%d b, 100 /) = %q: cut inside an escape", n, got)
		}
	}
}

func TestFolder(t *testing.T) {
	tests := map[string]string{
		"a.txt":        "a",
		"sub/dir/b.md": "sub/dir/b",
		"a.txt.gz":     "a",
		"notes":        "notes",
		"a.b.c":        "a.b",
		".txt":         "%2Etxt",
		"..txt":        "%2E",
		"stdin":        "stdin",
		"x/../y.txt":   "x/%2E./y",
		"":             "%",
	}
	for in, want := range tests {
		if got := Folder(in); got != want {
			t.Errorf("Folder(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCheckFolders(t *testing.T) {
	if err := CheckFolders([]string{"a.txt", "b/c.txt"}, []string{"a", "b/c"}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		folders []string
		want    string
	}{
		{[]string{"a", "b", "a"}, "inputs s0 and s2 both map to folder a"},
		{[]string{"x/y/z", "x"}, "input s0 maps to folder x/y/z, inside folder x of input s1"},
		{[]string{"manifest.jsonl"}, "the manifest's name"},
	} {
		sources := make([]string, len(tt.folders))
		for i := range sources {
			sources[i] = fmt.Sprintf("s%d", i)
		}
		err := CheckFolders(sources, tt.folders)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("CheckFolders(%q) = %v, want %q", tt.folders, err, tt.want)
		}
	}
}

func TestExisting(t *testing.T) {
	dir := t.TempDir()
	if got, err := ExistingRun(filepath.Join(dir, "missing"), true); err != nil || got != nil {
		t.Fatalf("missing dir: %v %v", got, err)
	}
	os.MkdirAll(filepath.Join(dir, "a"), 0o777)
	os.WriteFile(filepath.Join(dir, "f"), nil, 0o666)
	os.WriteFile(filepath.Join(dir, "fa.txt"), nil, 0o666)
	os.WriteFile(filepath.Join(dir, "und-Cyrl.txt"), nil, 0o666)
	os.WriteFile(filepath.Join(dir, "notes.txt"), nil, 0o666)
	var got []string
	for _, f := range []string{"a", "b", "f/x"} {
		ok, err := ExistingFolder(dir, f)
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			got = append(got, f)
		}
	}
	if !slices.Equal(got, []string{"a", "f/x"}) {
		t.Fatalf("folders: %q", got)
	}
	os.WriteFile(filepath.Join(dir, ManifestName), nil, 0o666)
	got, err := ExistingRun(dir, true)
	if err != nil || !slices.Equal(got, []string{"fa.txt", ManifestName, "und-Cyrl.txt"}) {
		t.Fatalf("by-lang: %q %v", got, err)
	}
	if got, err = ExistingRun(dir, false); err != nil || !slices.Equal(got, []string{ManifestName}) {
		t.Fatalf("-o: %q %v", got, err)
	}
}

// FolderCheck sorts through files: a folder inside another is found
// however many folders sort between them, and the count covers all.
func TestFolderCheck(t *testing.T) {
	c := NewFolderCheck(t.TempDir())
	c.s = extsort.New(t.TempDir(), 64) // a few records a run
	for _, f := range []string{"a", "a-b", "a.c", "b", "a/x/y", "c", "c", "c"} {
		if err := c.Add("src-"+f, f); err != nil {
			t.Fatal(err)
		}
	}
	errs, n, err := c.Errors(2)
	if err != nil || n != 3 || len(errs) != 2 {
		t.Fatalf("%d errors (%q), %v; want 2 of 3", n, errs, err)
	}
	if want := "input src-a/x/y maps to folder a/x/y, inside folder a of input src-a"; errs[0].Error() != want {
		t.Fatalf("first %q, want %q", errs[0], want)
	}
	if want := "inputs src-c and src-c both map to folder c"; errs[1].Error() != want {
		t.Fatalf("second %q, want %q", errs[1], want)
	}
}

// block is one block to write in a test.
type block struct {
	lang, text string
}

func writeInput(t *testing.T, w *Writer, index int, source string, blocks []block, abort bool) {
	t.Helper()
	in, err := w.Input(index, source, Folder(source))
	if err != nil {
		t.Fatal(err)
	}
	bd := record.Builder{Source: source}
	off := 0
	for _, b := range blocks {
		r := bd.Next(segmentBlock(off, b), []byte(b.text))
		off += len(b.text)
		if err := in.Block(&r, []byte(b.text)); err != nil {
			t.Fatal(err)
		}
	}
	if abort {
		in.Abort()
	} else if err := in.Close(); err != nil {
		t.Fatal(err)
	}
}

func readManifest(t *testing.T, dir string) []record.Manifest {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []record.Manifest
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var m record.Manifest
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatal(err)
		}
		out = append(out, m)
	}
	return out
}

// checkManifest verifies that every manifest line points at bytes whose
// length and SHA-256 it states, and returns those bytes.
func checkManifest(t *testing.T, dir string, ms []record.Manifest) []string {
	t.Helper()
	var texts []string
	for _, m := range ms {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(m.File)))
		if err != nil {
			t.Fatal(err)
		}
		if m.Offset+m.Length > int64(len(data)) {
			t.Fatalf("%+v: beyond the end of %s", m, m.File)
		}
		b := data[m.Offset : m.Offset+m.Length]
		if sum := sha256.Sum256(b); hex.EncodeToString(sum[:]) != m.SHA256 {
			t.Fatalf("%+v: sha256 mismatch", m)
		}
		texts = append(texts, string(b))
	}
	return texts
}

func noTemp(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), TempPrefix) {
			t.Fatalf("temporary %s left in %s", e.Name(), dir)
		}
	}
}

var (
	inA = []block{{"en", "Hello.\n\n"}, {"fa", "سلام.\n"}}
	inB = []block{{"fa", "دو"}, {"en", "two\n"}}
	inC = []block{{"fa", "failed input"}}
)

func TestWriterBlocks(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	w, err := New(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	// Closed out of order; one aborted.
	writeInput(t, w, 2, "sub/b.txt", inB, false)
	writeInput(t, w, 1, "c.txt", inC, true)
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("before Commit, %s holds %d entries, want only the temporary one", dir, len(entries))
	}
	writeInput(t, w, 0, "a.txt", inA, false)
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	w.Cleanup()
	noTemp(t, dir)
	ms := readManifest(t, dir)
	var files []string
	for _, m := range ms {
		files = append(files, m.File)
	}
	if want := []string{"a/0001.en.txt", "a/0002.fa.txt", "sub/b/0001.fa.txt", "sub/b/0002.en.txt"}; !slices.Equal(files, want) {
		t.Fatalf("manifest files %q, want %q", files, want)
	}
	if got := checkManifest(t, dir, ms); !slices.Equal(got, []string{"Hello.\n\n", "سلام.\n", "دو", "two\n"}) {
		t.Fatalf("texts %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "c")); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("the aborted input left its folder")
	}

	// Without Force an existing folder is an error of that input only.
	os.WriteFile(filepath.Join(dir, "a", "stale.txt"), []byte("x"), 0o666)
	w, _ = New(Options{Dir: dir})
	writeInput(t, w, 0, "a.txt", inB, false)
	writeInput(t, w, 1, "d.txt", inA, false)
	var ie *InputError
	if err := w.Commit(); !errors.As(err, &ie) || ie.Source != "a.txt" {
		t.Fatalf("Commit = %v, want an InputError for a.txt", err)
	}
	w.Cleanup()
	if _, err := os.Stat(filepath.Join(dir, "a", "stale.txt")); err != nil {
		t.Fatal("the existing folder was touched without Force")
	}
	// With Force the folder is replaced whole.
	w, _ = New(Options{Dir: dir, Force: true})
	writeInput(t, w, 0, "a.txt", inB, false)
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	w.Cleanup()
	entries, _ := os.ReadDir(filepath.Join(dir, "a"))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"0001.fa.txt", "0002.en.txt"}) {
		t.Fatalf("after --force, a/ holds %q", names)
	}
	noTemp(t, dir)
}

func TestWriterByLang(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ar.txt"), []byte("old run"), 0o666)
	w, err := New(Options{Dir: dir, ByLang: true, Force: true})
	if err != nil {
		t.Fatal(err)
	}
	writeInput(t, w, 1, "b.txt", inB, false)
	writeInput(t, w, 2, "c.txt", inC, true)
	writeInput(t, w, 0, "a.txt", inA, false)
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	w.Cleanup()
	noTemp(t, dir)
	ms := readManifest(t, dir)
	if got := checkManifest(t, dir, ms); !slices.Equal(got, []string{"Hello.\n\n", "سلام.\n", "دو", "two\n"}) {
		t.Fatalf("texts %q", got)
	}
	fa, _ := os.ReadFile(filepath.Join(dir, "fa.txt"))
	if want := "سلام.\n\nدو\n\n"; string(fa) != want {
		t.Fatalf("fa.txt = %q, want %q", fa, want)
	}
	en, _ := os.ReadFile(filepath.Join(dir, "en.txt"))
	if want := "Hello.\n\n\ntwo\n\n"; string(en) != want {
		t.Fatalf("en.txt = %q, want %q", en, want)
	}
	// No manifest listed ar.txt: Force replaces what the run writes and
	// removes what the previous manifest lists, nothing else.
	if b, err := os.ReadFile(filepath.Join(dir, "ar.txt")); err != nil || string(b) != "old run" {
		t.Fatalf("ar.txt, which no manifest listed, was touched: %q, %v", b, err)
	}
	// A run that writes no English: the en.txt the manifest listed goes.
	w, _ = New(Options{Dir: dir, ByLang: true, Force: true})
	writeInput(t, w, 0, "b.txt", []block{{"fa", "فقط"}}, false)
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	w.Cleanup()
	if _, err := os.Stat(filepath.Join(dir, "en.txt")); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("en.txt, listed by the previous manifest and not written again, is still there")
	}
	if got := checkManifest(t, dir, readManifest(t, dir)); !slices.Equal(got, []string{"فقط"}) {
		t.Fatalf("texts %q", got)
	}
}

// With Force, the outputs of the previous run that its manifest lists and
// this run does not write are removed (with the folders that leaves
// empty); files no manifest listed stay, even in those folders.
func TestForceRemovesListed(t *testing.T) {
	dir := t.TempDir()
	w, _ := New(Options{Dir: dir})
	writeInput(t, w, 0, "a.txt", inA, false)
	writeInput(t, w, 1, "sub/b.txt", inB, false)
	writeInput(t, w, 2, "sub/deep/c.txt", inB, false)
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	w.Cleanup()
	os.WriteFile(filepath.Join(dir, "sub", "deep", "notes.md"), []byte("mine"), 0o666)
	w, _ = New(Options{Dir: dir, Force: true})
	writeInput(t, w, 0, "a.txt", inB, false)
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	w.Cleanup()
	var left []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && p != dir {
			rel, _ := filepath.Rel(dir, p)
			left = append(left, rel)
		}
		return err
	})
	want := []string{"a", "a/0001.fa.txt", "a/0002.en.txt", ManifestName, "sub", "sub/deep", "sub/deep/notes.md"}
	if !slices.Equal(left, want) {
		t.Fatalf("left %q, want %q", left, want)
	}
}

// An input whose turn came before it started writes into the run's files
// itself; when it fails, they are cut back and nothing of it is written.
// Once every input is written out, the Writer holds nothing of them.
func TestWriterDirectAbort(t *testing.T) {
	for _, byLang := range []bool{false, true} {
		dir := t.TempDir()
		w, _ := New(Options{Dir: dir, ByLang: byLang})
		writeInput(t, w, 0, "a.txt", inA, false)
		// Input 1's turn has come; past directAfter bytes it writes
		// straight into the run's files, and then fails.
		in, err := w.Input(1, "c.txt", "c")
		if err != nil {
			t.Fatal(err)
		}
		bd := record.Builder{Source: "c.txt"}
		text := []byte(strings.Repeat("فشل ", 300))
		for i := 0; i < 1000 && !in.direct; i++ {
			r := bd.Next(segmentBlock(i*len(text), block{"ar", string(text)}), text)
			if err := in.Block(&r, text); err != nil {
				t.Fatal(err)
			}
		}
		if !in.direct {
			t.Fatal("the input whose turn it is did not go direct")
		}
		in.Abort()
		writeInput(t, w, 2, "b.txt", inB, false)
		if len(w.inputs) != 0 || w.mem.Load() != 0 {
			t.Fatalf("by-lang %v: %d inputs and %d bytes held after all were written out", byLang, len(w.inputs), w.mem.Load())
		}
		if err := w.Commit(); err != nil {
			t.Fatal(err)
		}
		w.Cleanup()
		if got := checkManifest(t, dir, readManifest(t, dir)); !slices.Equal(got, []string{"Hello.\n\n", "سلام.\n", "دو", "two\n"}) {
			t.Fatalf("by-lang %v: texts %q", byLang, got)
		}
		if _, err := os.Stat(filepath.Join(dir, "ar.txt")); byLang && !errors.Is(err, os.ErrNotExist) {
			t.Fatal("ar.txt, holding only blocks of the failed input, was written")
		}
	}
}

// A run killed before its end leaves its temporary directory; the next
// Writer on the directory removes it (no live run holds its lock) and
// says so.
func TestStaleTemp(t *testing.T) {
	dir := t.TempDir()
	live, _ := New(Options{Dir: dir}) // a run still going
	defer live.Cleanup()
	stale := filepath.Join(dir, TempPrefix+"123")
	os.MkdirAll(filepath.Join(stale, "0"), 0o777)
	os.WriteFile(filepath.Join(stale, "0", "0001.en.txt"), []byte("x"), 0o666)
	w, err := New(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Cleanup()
	if !slices.Equal(w.Stale(), []string{TempPrefix + "123"}) {
		t.Fatalf("Stale() = %q", w.Stale())
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("the stale directory is still there")
	}
	if _, err := os.Stat(live.tmp.Path); err != nil {
		t.Fatalf("the live run's directory was removed: %v", err)
	}
}

func TestDocuments(t *testing.T) {
	for _, byLang := range []bool{false, true} {
		dir := t.TempDir()
		w, _ := New(Options{Dir: dir, ByLang: byLang})
		in, _ := w.Input(0, "docs.jsonl", "docs")
		if err := in.Document("../../x", "line 1"); err != nil {
			t.Fatal(err)
		}
		bd := record.Builder{Source: "../../x"}
		r := bd.Next(segmentBlock(0, block{"en", "hi"}), []byte("hi"))
		if err := in.Block(&r, []byte("hi")); err != nil {
			t.Fatal(err)
		}
		// A duplicate id is an error under -o, naming the first line; with
		// --by-lang documents have no folders, and it is accepted.
		err := in.Document("../../x", "line 2")
		switch {
		case byLang && err != nil:
			t.Fatalf("by-lang: second id: %v", err)
		case !byLang && (!errors.Is(err, ErrDuplicate) || !strings.Contains(err.Error(), `"../../x": line 1 has it already`)):
			t.Fatalf("second id: %v, want ErrDuplicate naming line 1", err)
		}
		in.Close()
		if err := w.Commit(); err != nil {
			t.Fatal(err)
		}
		w.Cleanup()
		ms := readManifest(t, dir)
		if byLang {
			if ms[0].File != "en.txt" {
				t.Fatalf("file %q", ms[0].File)
			}
		} else if ms[0].File != "docs/%2E.%2F..%2Fx/0001.en.txt" {
			t.Fatalf("file %q", ms[0].File)
		}
		checkManifest(t, dir, ms)
	}
}

func TestCleanupRemovesCreatedDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new")
	w, err := New(Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	writeInput(t, w, 0, "a.txt", inA, false)
	w.Cleanup() // interrupted: no Commit
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("%s left behind", dir)
	}
}

func TestOrdered(t *testing.T) {
	defer func(b int) { orderedBudget = b }(orderedBudget)
	rng := rand.New(rand.NewPCG(7, 8))
	for iter := 0; iter < 20; iter++ {
		orderedBudget = []int{0, 10 << 10, 4 << 20}[iter%3] // all spilled, some, none
		dir := t.TempDir()
		var out bytes.Buffer
		o := NewOrdered(&out, dir)
		n := 1 + rng.IntN(12)
		var want bytes.Buffer
		recs := make([][]string, n)
		for i := range recs {
			for k := rng.IntN(50); k > 0; k-- {
				recs[i] = append(recs[i], fmt.Sprintf("part %d record %d %s\n", i, k, strings.Repeat("x", rng.IntN(3000))))
			}
			want.WriteString(strings.Join(recs[i], ""))
		}
		// Workers take parts in order, as the CLI does, and finish in any order.
		next := make(chan int)
		var wg sync.WaitGroup
		for range 1 + rng.IntN(4) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					p := o.Part(i)
					for _, r := range recs[i] {
						if _, err := p.Write([]byte(r)); err != nil {
							t.Error(err)
						}
					}
					if err := p.Close(); err != nil {
						t.Error(err)
					}
				}
			}()
		}
		for i := range n {
			next <- i
		}
		close(next)
		wg.Wait()
		if !bytes.Equal(out.Bytes(), want.Bytes()) {
			t.Fatalf("iteration %d: output differs from the parts in order", iter)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Fatalf("spill files left: %d", len(entries))
		}
	}
}

func segmentBlock(off int, b block) segment.Block {
	sb := segment.Block{Start: off, End: off + len(b.text), Lang: b.lang, Script: "Latn"}
	if b.lang == "fa" {
		sb.Script, sb.Dir = "Arab", segment.RTL
	}
	return sb
}

// shiftOffset moves a --by-lang manifest line's offset by its file's base,
// and gives what a full decode, change and encode would.
func TestShiftOffset(t *testing.T) {
	r := record.Record{Source: `we"ird ,"offset":9 name`, Block: 3, Lang: "fa", Script: "Arab", Dir: "rtl", Start: 5, End: 9, RuneStart: 5, RuneEnd: 7}
	m := r.Manifest(LangFile("fa"), 12, 4, []byte{1, 2})
	line := bytes.TrimSuffix(m.AppendJSON(nil), []byte("\n"))
	got, err := shiftOffset(nil, line, map[string]int64{"fa.txt": 100, "en.txt": 7})
	if err != nil {
		t.Fatal(err)
	}
	m.Offset += 100
	if want := m.AppendJSON(nil); !bytes.Equal(got, want) {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	if _, err := shiftOffset(nil, []byte(`{"source":"x"}`), nil); err == nil {
		t.Fatal("a line without offset was accepted")
	}
}
