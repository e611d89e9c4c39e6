package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/langsplit/langsplit/internal/record"
	"github.com/langsplit/langsplit/internal/write"
)

// langsplit runs the command (the test binary, installed on $PATH by
// TestMain) in dir and returns its stdout, stderr and exit status.
func langsplit(t *testing.T, dir string, stdin io.Reader, env []string, args ...string) (stdout, stderr []byte, code int) {
	t.Helper()
	cmd := exec.Command("langsplit", args...)
	cmd.Dir = dir
	cmd.Stdin = stdin
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return out.Bytes(), errb.Bytes(), code
}

func mustRun(t *testing.T, dir string, args ...string) []byte {
	t.Helper()
	out, errb, code := langsplit(t, dir, nil, nil, args...)
	if code != 0 {
		t.Fatalf("langsplit %q: exit %d\n%s", args, code, errb)
	}
	return out
}

func parseRecords(t *testing.T, out []byte) []record.Record {
	t.Helper()
	var recs []record.Record
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		var r record.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("record %d: %v", len(recs)+1, err)
		}
		if enc := strings.TrimSuffix(string(r.AppendJSON(nil)), "\n"); enc != sc.Text() {
			t.Fatalf("record %d is not in the schema's field order:\n%s", len(recs)+1, sc.Text())
		}
		recs = append(recs, r)
	}
	return recs
}

var (
	enLines = []string{"The quick brown fox jumps over the lazy dog.", "Release notes for the second version.",
		"This paragraph is written in plain English.", "Nothing else is on this line."}
	faLines = []string{"این یک جملهٔ کوتاه فارسی برای آزمون است.", "کتاب\u200cهای خوب را باید چند بار خواند.",
		"نسخهٔ تازه سه کار را بهتر انجام می\u200cدهد.", "پایان این بند."}
	arLines = []string{"قال المعلم: القراءة هي مفتاح المعرفة.", "هذه جملة عربية قصيرة للاختبار."}
	odd     = []string{"2024-05-01 12:30", "😀 🎉", "\u200f", "—", "https://example.com/a/b?c=d", ""}
)

// genMixed returns about size bytes of mixed text: whole lines in English,
// Persian or Arabic, lines without letters, blank lines, CRLF now and then.
func genMixed(rng *rand.Rand, size int) []byte {
	var b bytes.Buffer
	for b.Len() < size {
		var pool []string
		switch rng.IntN(7) {
		case 0, 1, 2:
			pool = enLines
		case 3, 4:
			pool = faLines
		case 5:
			pool = arLines
		default:
			pool = odd
		}
		for n := 1 + rng.IntN(4); n > 0; n-- {
			b.WriteString(pool[rng.IntN(len(pool))])
			if rng.IntN(10) == 0 {
				b.WriteString("\r\n")
			} else {
				b.WriteString("\n")
			}
		}
		if rng.IntN(2) == 0 {
			b.WriteString("\n")
		}
	}
	out := b.Bytes()
	if rng.IntN(2) == 0 { // no final newline
		out = bytes.TrimRight(out, "\r\n")
	}
	return out
}

// Properties of every mode on generated inputs: the raw block files,
// concatenated in manifest order, give back the input byte for byte (also
// with --by-lang); the blocks cover the text; the manifest and the JSON
// Lines records agree on every field and offset; the record text is the
// input's slice at its offsets; rune offsets count code points.
func TestRawRoundTripAndOffsets(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	dir := t.TempDir()
	for i := range 6 {
		in := genMixed(rng, 200+rng.IntN(20000))
		name := filepath.Join(dir, "in.txt")
		if err := os.WriteFile(name, in, 0o666); err != nil {
			t.Fatal(err)
		}
		for _, byLang := range []bool{false, true} {
			out := filepath.Join(dir, "out")
			os.RemoveAll(out)
			args := []string{"-q", "--raw", "-o", out, name}
			if byLang {
				args = append(args, "--by-lang")
			}
			mustRun(t, dir, args...)
			parts, ms, err := manifestBytes(out)
			if err != nil {
				t.Fatal(err)
			}
			if got := bytes.Join(parts, nil); !bytes.Equal(got, in) {
				t.Fatalf("input %d (by-lang %v): the blocks in manifest order differ from the input", i, byLang)
			}
			recs := parseRecords(t, mustRun(t, dir, "-q", "--raw", name))
			if len(recs) != len(ms) {
				t.Fatalf("input %d: %d records, %d manifest lines", i, len(recs), len(ms))
			}
			var end int64
			for k, r := range recs {
				m := ms[k]
				if r.Source != m.Source || r.Block != m.Block || r.Lang != m.Lang || r.Script != m.Script || r.Dir != m.Dir ||
					r.Start != m.Start || r.End != m.End || r.RuneStart != m.RuneStart || r.RuneEnd != m.RuneEnd {
					t.Fatalf("input %d block %d: record %+v and manifest %+v disagree", i, k+1, r, m)
				}
				if r.Block != k+1 || r.Start != end || r.Text != string(in[r.Start:r.End]) || r.Text != string(parts[k]) {
					t.Fatalf("input %d block %d: wrong number, offsets or text: %+v", i, k+1, r)
				}
				if want := int64(utf8.RuneCount(in[:r.Start])); r.RuneStart != want || r.RuneEnd != want+int64(utf8.RuneCountInString(r.Text)) {
					t.Fatalf("input %d block %d: rune offsets %d..%d, want from %d", i, k+1, r.RuneStart, r.RuneEnd, want)
				}
				end = r.End
			}
			if end != int64(len(in)) {
				t.Fatalf("input %d: blocks end at %d of %d bytes", i, end, len(in))
			}
		}
	}
}

// The shared seed page gives exactly two blocks, English then Persian, and
// JSON Lines mode prints two records with the manifest's offsets.
func TestSeedPage(t *testing.T) {
	if _, err := os.Stat(seedPath); err != nil {
		t.Skipf("seed page not found next to the repository: %v", err)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	mustRun(t, dir, "-q", "-o", out, seedPath)
	entries, err := os.ReadDir(filepath.Join(out, "webpage-en-fa"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{"0001.en.txt", "0002.fa.txt"}; !slices.Equal(names, want) {
		t.Fatalf("out/webpage-en-fa holds %q, want %q", names, want)
	}
	_, ms, err := manifestBytes(out)
	if err != nil {
		t.Fatal(err)
	}
	recs := parseRecords(t, mustRun(t, dir, "-q", seedPath))
	if len(recs) != 2 || len(ms) != 2 {
		t.Fatalf("%d records and %d manifest lines, want 2 and 2", len(recs), len(ms))
	}
	for k := range recs {
		r, m := recs[k], ms[k]
		if r.Start != m.Start || r.End != m.End || r.RuneStart != m.RuneStart || r.RuneEnd != m.RuneEnd || r.Lang != m.Lang {
			t.Fatalf("block %d: record %+v, manifest %+v", k+1, r, m)
		}
	}
}

// The README's first command works from the repository root.
func TestReadmeExample(t *testing.T) {
	root, _ := filepath.Abs("../..")
	out := filepath.Join(t.TempDir(), "out")
	mustRun(t, root, "-q", "--raw", "-o", out, "testdata/example.txt")
	parts, _, err := manifestBytes(out)
	if err != nil {
		t.Fatal(err)
	}
	in, _ := os.ReadFile(filepath.Join(root, "testdata/example.txt"))
	if !bytes.Equal(bytes.Join(parts, nil), in) {
		t.Fatal("the example's blocks do not give back the example")
	}
	if _, err := os.Stat(filepath.Join(out, "example", "0001.en.txt")); err != nil {
		t.Fatal(err)
	}
}

// -j N: records of later files wait in spill files (under TMPDIR), and the
// output is byte-identical to -j 1; no spill file is left.
func TestJobsIdenticalWithSpills(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	for i := range 6 {
		name := filepath.Join(in, string(rune('a'+i))+".txt")
		os.MkdirAll(in, 0o777)
		if err := os.WriteFile(name, genMixed(rng, 100<<10+rng.IntN(200<<10)), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	tmp := t.TempDir()
	env := []string{"TMPDIR=" + tmp}
	one, _, code1 := langsplit(t, dir, nil, env, "-q", "-j", "1", "in")
	three, _, code3 := langsplit(t, dir, nil, env, "-q", "-j", "3", "in")
	if code1 != 0 || code3 != 0 {
		t.Fatalf("exit %d, %d", code1, code3)
	}
	if len(one) == 0 || !bytes.Equal(one, three) {
		t.Fatalf("-j 3 output (%d bytes) differs from -j 1 (%d bytes)", len(three), len(one))
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Fatalf("%d temporary entries left in TMPDIR", len(entries))
	}
}

// The progress bar is drawn on a terminal (a pty from script(1)), and not
// when stderr is a pipe or with -q.
func TestProgressBar(t *testing.T) {
	if _, err := exec.LookPath("script"); err != nil {
		t.Skip("script(1) not installed (Debian: bsdutils)")
	}
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(15, 16))
	for _, n := range []string{"a.txt", "b.txt"} {
		os.WriteFile(filepath.Join(dir, n), genMixed(rng, 50<<10), 0o666)
	}
	bin, err := exec.LookPath("langsplit")
	if err != nil {
		t.Fatal(err)
	}
	bar := "splitting "
	underScript := func(args string) string {
		cmd := exec.Command("script", "-qec", bin+" "+args, "/dev/null")
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("script: %v\n%s", err, out)
		}
		return string(out)
	}
	tty := underScript("-o out a.txt b.txt")
	for _, want := range []string{bar, "2/2 files", "/s", "ETA", "\r\x1b[K", "langsplit: en: "} {
		if !strings.Contains(tty, want) {
			t.Errorf("on a terminal, stderr lacks %q:\n%q", want, tty)
		}
	}
	if quiet := underScript("-q -o out2 a.txt b.txt"); strings.Contains(quiet, bar) || strings.Contains(quiet, "\r") {
		t.Errorf("with -q on a terminal: %q", quiet)
	}
	_, piped, code := langsplit(t, dir, nil, nil, "-o", "out3", "a.txt", "b.txt")
	if code != 0 || strings.Contains(string(piped), bar) || strings.Contains(string(piped), "\r") || strings.Contains(string(piped), "ETA") {
		t.Errorf("with stderr a pipe (exit %d): %q", code, piped)
	}
	if !strings.Contains(string(piped), "langsplit: en: ") {
		t.Errorf("the summary is missing without -q: %q", piped)
	}
}

// bigInput writes a file of many short blocks, so that a run takes a while.
func bigInput(t *testing.T, name string, size int) {
	t.Helper()
	unit := []byte("An English line.\nیک سطر فارسی.\n")
	if err := os.WriteFile(name, bytes.Repeat(unit, size/len(unit)), 0o666); err != nil {
		t.Fatal(err)
	}
}

// startLangsplit starts the command in dir with its output in files.
func startLangsplit(t *testing.T, dir string, env []string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command("langsplit", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	return cmd, &errb
}

// waitFor polls cond until it holds or the deadline passes.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// waitExit waits for cmd to exit, at most 20 s, and returns its status.
func waitExit(t *testing.T, cmd *exec.Cmd) int {
	t.Helper()
	errc := make(chan error, 1)
	go func() { errc <- cmd.Wait() }()
	select {
	case err := <-errc:
		return exitCode(t, err)
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		<-errc
		t.Fatal("still running 20 s after the signal")
		return 0
	}
}

func exitCode(t *testing.T, err error) int {
	t.Helper()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0
}

// interruptWhen starts cmd, waits until at least n paths match glob and
// then settle more, sends sig, and checks that the run ends with status
// 130 and says so.
func interruptWhen(t *testing.T, cmd *exec.Cmd, errb *bytes.Buffer, glob string, n int, settle time.Duration, sig os.Signal) {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, glob, func() bool {
		m, _ := filepath.Glob(glob)
		return len(m) >= n
	})
	time.Sleep(settle)
	cmd.Process.Signal(sig)
	if code := waitExit(t, cmd); code != 130 {
		t.Fatalf("exit %d, want 130\n%s", code, errb)
	}
	if !strings.Contains(errb.String(), "langsplit: interrupted") {
		t.Errorf("stderr: %q", errb)
	}
}

// Ctrl-C mid-run: exit 130, no partial files, no temporary files, and an
// earlier output left as it was.
func TestInterrupt(t *testing.T) {
	dir := t.TempDir()
	bigInput(t, filepath.Join(dir, "big.txt"), 16<<20)
	os.WriteFile(filepath.Join(dir, "small.txt"), []byte("Small.\n"), 0o666)
	// Block files of big.txt (input 1) being written in the temporary directory.
	blockFiles := func(out string) string {
		return filepath.Join(dir, out, write.TempPrefix+"*", "1", "*.txt")
	}

	t.Run("new DIR", func(t *testing.T) {
		cmd, errb := startLangsplit(t, dir, nil, "-q", "-o", "out", "small.txt", "big.txt")
		interruptWhen(t, cmd, errb, blockFiles("out"), 100, 0, os.Interrupt)
		if _, err := os.Stat(filepath.Join(dir, "out")); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("out/ left behind (err %v)", err)
		}
	})

	t.Run("existing DIR with --force", func(t *testing.T) {
		mustRun(t, dir, "-q", "-o", "kept", "small.txt")
		before := snapshot(t, filepath.Join(dir, "kept"))
		cmd, errb := startLangsplit(t, dir, nil, "-q", "-f", "-o", "kept", "small.txt", "big.txt")
		interruptWhen(t, cmd, errb, blockFiles("kept"), 100, 0, syscall.SIGTERM)
		if after := snapshot(t, filepath.Join(dir, "kept")); !slices.Equal(before, after) {
			t.Fatalf("kept/ changed:\nbefore %q\nafter  %q", before, after)
		}
	})

	t.Run("stdin that never ends", func(t *testing.T) {
		// The worker is blocked reading stdin and cannot see the signal.
		pr, pw, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		defer pw.Close()
		cmd, errb := startLangsplit(t, dir, nil, "-q", "-o", "waiting", "small.txt", "-")
		cmd.Stdin = pr
		// Input 1 (stdin) has started when its temporary folder is there;
		// it then blocks reading the pipe.
		start := time.Now()
		interruptWhen(t, cmd, errb, filepath.Join(dir, "waiting", write.TempPrefix+"*", "1"), 1, 200*time.Millisecond, os.Interrupt)
		pr.Close()
		if time.Since(start) < 2*time.Second {
			t.Errorf("exited %v after start: the signal came before the read blocked, so this case was not exercised", time.Since(start))
		}
		if _, err := os.Stat(filepath.Join(dir, "waiting")); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("waiting/ left behind (err %v)", err)
		}
	})

	t.Run("stdout with spill files", func(t *testing.T) {
		tmp := t.TempDir()
		cmd, errb := startLangsplit(t, dir, []string{"TMPDIR=" + tmp}, "-q", "-j", "2", "big.txt", "big.txt")
		cmd.Stdout = io.Discard
		interruptWhen(t, cmd, errb, filepath.Join(tmp, runPrefix+"*", "part-*"), 1, 0, os.Interrupt)
		if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
			t.Fatalf("%d temporary entries left in TMPDIR", len(entries))
		}
	})
}

// A run killed with SIGKILL (as the OOM killer kills) leaves its
// temporary directory in DIR and in $TMPDIR; the next run on DIR removes
// them, says so for DIR, and writes its output as usual. A live run's
// directory is never taken for a stale one (internal/tmpdir's test).
func TestKilledRunLeftovers(t *testing.T) {
	dir, tmp := t.TempDir(), t.TempDir()
	bigInput(t, filepath.Join(dir, "big.txt"), 16<<20)
	os.WriteFile(filepath.Join(dir, "small.txt"), []byte("Small.\n"), 0o666)
	env := []string{"TMPDIR=" + tmp}
	cmd, _ := startLangsplit(t, dir, env, "-q", "-o", "out", "small.txt", "big.txt")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	glob := filepath.Join(dir, "out", write.TempPrefix+"*", "1", "*.txt")
	waitFor(t, glob, func() bool {
		m, _ := filepath.Glob(glob)
		return len(m) >= 10
	})
	cmd.Process.Kill()
	cmd.Wait()
	left, _ := filepath.Glob(filepath.Join(dir, "out", write.TempPrefix+"*"))
	leftTmp, _ := filepath.Glob(filepath.Join(tmp, runPrefix+"*"))
	if len(left) != 1 || len(leftTmp) != 1 {
		t.Fatalf("after SIGKILL: %q in out/, %q in TMPDIR; want one of each", left, leftTmp)
	}
	_, stderr, code := langsplit(t, dir, nil, env, "-q", "-o", "out", "small.txt")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	want := "langsplit: removed " + filepath.Join("out", filepath.Base(left[0])) + ", the temporary directory of a run that was killed before its end\n"
	if string(stderr) != want {
		t.Fatalf("stderr %q, want %q", stderr, want)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "out", write.TempPrefix+"*")); len(m) != 0 {
		t.Fatalf("%q still in out/", m)
	}
	if m, _ := filepath.Glob(filepath.Join(tmp, "*")); len(m) != 0 {
		t.Fatalf("%q still in TMPDIR", m)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "small", "0001.en.txt")); err != nil {
		t.Fatal(err)
	}
}

// snapshot lists the files under dir with their contents.
func snapshot(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			out = append(out, p+"\x00"+string(b))
		}
		return err
	})
	return out
}

// A reader that goes away (| head) ends the run quietly, without leaving
// spill files.
func TestBrokenPipe(t *testing.T) {
	dir := t.TempDir()
	bigInput(t, filepath.Join(dir, "big.txt"), 4<<20)
	tmp := t.TempDir()
	cmd, errb := startLangsplit(t, dir, []string{"TMPDIR=" + tmp}, "-q", "-j", "2", "big.txt", "big.txt")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadFull(stdout, make([]byte, 1000)); err != nil {
		t.Fatal(err)
	}
	stdout.Close()
	if code := waitExit(t, cmd); code != exitBrokenPipe {
		t.Fatalf("exit %d, want %d\n%s", code, exitBrokenPipe, errb)
	}
	if errb.Len() != 0 {
		t.Errorf("stderr: %q", errb)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Fatalf("%d temporary entries left in TMPDIR", len(entries))
	}
}
