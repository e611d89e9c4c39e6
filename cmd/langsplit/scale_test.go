package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/langsplit/langsplit/internal/textgen"
)

// scaleSize is the input size of TestScale: 256 MiB, or
// $LANGSPLIT_SCALE_SIZE bytes (e.g. 2147483648 for the 2 GiB check).
func scaleSize(t *testing.T) int64 {
	if s := os.Getenv("LANGSPLIT_SCALE_SIZE"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatalf("LANGSPLIT_SCALE_SIZE: %v", err)
		}
		return n
	}
	return 256 << 20
}

// maxRSS is the peak resident set size the CLI may reach, whatever the
// input size (a worker's share, with -j on one file).
const maxRSS = 64 << 20

// TestScale streams a large generated input through the CLI in JSON Lines
// mode and in both -o modes, and checks that peak RSS stays under 64 MiB
// and that the blocks still cover the input exactly. It is long (about a
// minute): it runs with LANGSPLIT_LONG=1, as CI sets it.
func TestScale(t *testing.T) {
	if testing.Short() || os.Getenv("LANGSPLIT_LONG") != "1" {
		t.Skip("streams hundreds of MiB through the CLI: set LANGSPLIT_LONG=1 (CI does)")
	}
	size := scaleSize(t)
	dir := t.TempDir()
	gen := func(name string, kind textgen.Kind, oneLine bool) string {
		path := filepath.Join(dir, name)
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		var w io.Writer = f
		if oneLine {
			w = noBreaks{f}
		}
		if err := textgen.Generate(w, kind, size, 1); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		return path
	}
	mixed := gen("mixed.txt", textgen.Mixed, false)
	persian := gen("persian.txt", textgen.Persian, false) // few, long blocks: one file each
	oneLine := gen("one-line.txt", textgen.Mixed, true)   // no line break at all, like a minified dump
	fileSize := func(p string) int64 {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}

	for name, input := range map[string]string{"jsonl": mixed, "jsonl-long-blocks": persian, "jsonl-one-line": oneLine} {
		t.Run(name, func(t *testing.T) {
			var sums [2][sha256.Size]byte
			for i, jobs := range []string{"1", "2"} {
				// -j 2 splits the one file between two workers: the same
				// records, and memory bounded by the block cap per worker.
				cmd := exec.Command("langsplit", "-q", "-j", jobs, input)
				out, err := cmd.StdoutPipe()
				if err != nil {
					t.Fatal(err)
				}
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				rss := watchRSS(cmd)
				h := sha256.New()
				end, n := checkCover(t, io.TeeReader(out, h))
				if err := cmd.Wait(); err != nil {
					t.Fatal(err)
				}
				if end != fileSize(input) {
					t.Fatalf("-j %s: records end at %d, input has %d bytes", jobs, end, fileSize(input))
				}
				h.Sum(sums[i][:0])
				checkRSS(t, rss, n, int64(i+1)*maxRSS)
			}
			if sums[0] != sums[1] {
				t.Fatal("-j 2 printed other records than -j 1")
			}
		})
	}
	for _, c := range []struct {
		name  string
		input string
		args  []string
	}{
		{"by-lang", mixed, []string{"--by-lang"}},
		{"block-files", persian, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			outDir := filepath.Join(dir, "out-"+c.name)
			args := append([]string{"-q", "-o", outDir}, c.args...)
			rss := runWatched(t, exec.Command("langsplit", append(args, c.input)...))
			f, err := os.Open(filepath.Join(outDir, "manifest.jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			end, n := checkCover(t, f)
			if end != fileSize(c.input) {
				t.Fatalf("manifest ends at %d, input has %d bytes", end, fileSize(c.input))
			}
			checkRSS(t, rss, n, maxRSS)
		})
	}
}

// checkCover reads records or manifest lines and checks that they are
// contiguous from offset 0; it returns the end of the last one and the
// number of lines.
func checkCover(t *testing.T, r interface{ Read([]byte) (int, error) }) (end int64, n int) {
	t.Helper()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var rec struct{ Start, End int64 }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		if rec.Start != end || rec.End <= rec.Start {
			t.Fatalf("line %d covers %d–%d, want a block from %d", n+1, rec.Start, rec.End, end)
		}
		end = rec.End
		n++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return end, n
}

// rssWatch follows the peak resident set size of a running command: the
// VmHWM of /proc/PID/status, read every few milliseconds until the process
// has exited. The rusage of wait4 does not measure it: os/exec starts a
// child by vfork, sharing the test process's memory until exec, and Linux
// keeps that memory's high-water mark as the child's maximum RSS, so the
// child of a test process that once held a large buffer would report the
// test's peak.
type rssWatch struct {
	done chan struct{}
	peak int64 // bytes; written by the watching goroutine until done
}

// watchRSS starts following cmd, which must have been started.
func watchRSS(cmd *exec.Cmd) *rssWatch {
	w := &rssWatch{done: make(chan struct{})}
	status := fmt.Sprintf("/proc/%d/status", cmd.Process.Pid)
	go func() {
		defer close(w.done)
		for {
			kb, ok := vmHWM(status)
			if !ok { // exited (a zombie has no memory), or no /proc
				return
			}
			w.peak = max(w.peak, kb<<10)
			time.Sleep(2 * time.Millisecond)
		}
	}()
	return w
}

// vmHWM reads the VmHWM line of a /proc status file, in kilobytes.
func vmHWM(status string) (int64, bool) {
	data, err := os.ReadFile(status)
	if err != nil {
		return 0, false
	}
	for line := range bytes.Lines(data) {
		if v, ok := bytes.CutPrefix(line, []byte("VmHWM:")); ok {
			kb, err := strconv.ParseInt(string(bytes.TrimSpace(bytes.TrimSuffix(bytes.TrimSpace(v), []byte("kB")))), 10, 64)
			return kb, err == nil
		}
	}
	return 0, false
}

// runWatched runs cmd to its end, failing the test with its output if it
// fails, and returns its peak RSS.
func runWatched(t *testing.T, cmd *exec.Cmd) *rssWatch {
	t.Helper()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w := watchRSS(cmd)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("%v\n%s", err, out.Bytes())
	}
	return w
}

// checkRSS fails the test if the watched command, which has exited,
// reached a peak RSS above max bytes.
func checkRSS(t *testing.T, w *rssWatch, blocks int, max int64) {
	t.Helper()
	<-w.done
	if w.peak == 0 {
		t.Skip("no /proc/PID/status VmHWM on this system")
	}
	t.Logf("%d blocks, peak RSS %.1f MiB", blocks, float64(w.peak)/(1<<20))
	if w.peak > max {
		t.Fatalf("peak RSS %d bytes, want at most %d", w.peak, max)
	}
}

// noBreaks writes what it is given with every line feed turned into a space.
type noBreaks struct{ w io.Writer }

func (n noBreaks) Write(p []byte) (int, error) {
	return n.w.Write(bytes.ReplaceAll(p, []byte{'\n'}, []byte{' '}))
}

// manyFiles is the number of files of TestManyFiles: 200,000, or
// $LANGSPLIT_MANY_FILES (e.g. 1000000 for the million-file check).
func manyFiles(t *testing.T) int {
	if s := os.Getenv("LANGSPLIT_MANY_FILES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("LANGSPLIT_MANY_FILES: %v", err)
		}
		return n
	}
	return 200_000
}

// TestManyFiles runs the CLI over a directory of 200,000 one-line files,
// in JSON Lines mode, with -o and with -o --by-lang, and checks that peak
// RSS stays under 64 MiB in each (memory must not grow with the number of
// inputs) and that every input is there, in order, in the records or the
// manifest. It is long: it runs with LANGSPLIT_LONG=1, as CI sets it.
func TestManyFiles(t *testing.T) {
	if testing.Short() || os.Getenv("LANGSPLIT_LONG") != "1" {
		t.Skip("writes 200,000 files: set LANGSPLIT_LONG=1 (CI does)")
	}
	n := manyFiles(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in") // one directory: its listing is sorted through files too
	if err := os.Mkdir(in, 0o777); err != nil {
		t.Fatal(err)
	}
	name := func(i int) string { return fmt.Sprintf("f%07d.txt", i) }
	lines := []string{"A short English line, number %d.\n", "یک سطر کوتاه فارسی، شمارهٔ %d.\n", "Mixed: سلام and hello %d.\n"}
	start := time.Now()
	for i := range n {
		if err := os.WriteFile(filepath.Join(in, name(i)), fmt.Appendf(nil, lines[i%len(lines)], i), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d files written in %v", n, time.Since(start).Round(time.Millisecond))

	// sources checks that the lines of r name the inputs in order, each at
	// least once, and returns how many lines there were.
	sources := func(t *testing.T, r io.Reader) int {
		t.Helper()
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		next, count := 0, 0
		for sc.Scan() {
			var rec struct{ Source string }
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				t.Fatalf("line %d: %v", count+1, err)
			}
			count++
			switch rec.Source {
			case filepath.Join(in, name(next)):
				next++
			case filepath.Join(in, name(next-1)): // a later block of the same input
			default:
				t.Fatalf("line %d: source %s, want %s", count, rec.Source, filepath.Join(in, name(next)))
			}
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
		if next != n {
			t.Fatalf("%d inputs in order, want %d", next, n)
		}
		return count
	}

	t.Run("jsonl", func(t *testing.T) {
		start := time.Now()
		cmd := exec.Command("langsplit", "-q", in)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		rss := watchRSS(cmd)
		count := sources(t, out)
		if err := cmd.Wait(); err != nil {
			t.Fatalf("%v\n%s", err, stderr.Bytes())
		}
		t.Logf("%v", time.Since(start).Round(time.Millisecond))
		checkRSS(t, rss, count, maxRSS)
	})
	for _, c := range []struct {
		name string
		args []string
	}{
		{"block-files", nil},
		{"by-lang", []string{"--by-lang"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			outDir := filepath.Join(dir, "out-"+c.name)
			start := time.Now()
			rss := runWatched(t, exec.Command("langsplit", append(append([]string{"-q", "-o", outDir}, c.args...), in)...))
			t.Logf("%v", time.Since(start).Round(time.Millisecond))
			f, err := os.Open(filepath.Join(outDir, "manifest.jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			checkRSS(t, rss, sources(t, f), maxRSS)
			if entries, _ := os.ReadDir(outDir); c.args == nil && len(entries) != n+1 {
				t.Fatalf("%d entries in %s, want %d folders and the manifest", len(entries), outDir, n)
			}
		})
	}
}
