// Command benchreport measures langsplit's stages and the CLI on one
// generated input, beside baselines measured in the same run, and prints
// MB/s, the ratio to the baseline, allocations and peak RSS:
//
//	go run ./internal/cmd/benchreport -size 256MiB
//
// Each measurement runs in a process of its own, so that its peak RSS is
// its own: `wc -m` and a plain UTF-8 decoding loop (the baselines), the
// segment Scanner, the fa normalizer, and the langsplit command in JSON
// Lines mode, -o --by-lang mode, and -j 1 / -j 2 over the input cut into
// files; and, with -wet (the default), the same text as a Common Crawl WET
// file (conversion records of 4-16 KiB, plain and gzip per record) beside
// the text file (plain and gzip) in JSON Lines mode; with -jobs (the
// default), the input as one file with -j 1 and -j 2, alternating with the
// decoding loop (-only-jobs measures these alone, for a 1 GiB input:
//
//	go run ./internal/cmd/benchreport -size 1GiB -only-jobs -repeat 3
//
// ). Every rate is on the bytes of the text. Ratios, not absolute times,
// are what to compare between runs.
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"golang.org/x/text/transform"

	"github.com/langsplit/langsplit/bidi"
	"github.com/langsplit/langsplit/internal/cliflag"
	"github.com/langsplit/langsplit/internal/iobuf"
	"github.com/langsplit/langsplit/internal/textgen"
	"github.com/langsplit/langsplit/internal/warc"
	"github.com/langsplit/langsplit/segment"
)

func main() {
	size := flag.String("size", "64MiB", "input size (e.g. 256MiB, 2GiB)")
	files := flag.Int("files", 16, "files the input is cut into for the -j runs")
	child := flag.String("child", "", "internal: run one in-process measurement")
	input := flag.String("input", "", "internal: the input of -child")
	withWET := flag.Bool("wet", true, "also measure the text as a WET file (plain and gzip) beside the text file")
	repeat := flag.Int("repeat", 3, "with -wet: run the text/WET pairs this many times, alternating, and report medians")
	onlyWET := flag.Bool("only-wet", false, "measure only the baseline and the text/WET pairs")
	withJobs := flag.Bool("jobs", true, "also measure the input as one file with -j 1 and -j 2, alternating with the decoding loop")
	onlyJobs := flag.Bool("only-jobs", false, "measure only the one-file -j 1 / -j 2 runs beside the decoding loop")
	flag.Parse()
	if *child != "" {
		runChild(*child, *input)
		return
	}
	n, err := cliflag.ParseSize(*size)
	check(err)
	dir, err := os.MkdirTemp("", "benchreport-")
	check(err)
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "mixed.txt")
	f, err := os.Create(in)
	check(err)
	check(textgen.Generate(f, textgen.Mixed, n, 1))
	check(f.Close())
	fi, err := os.Stat(in)
	check(err)
	var parts []string
	if !*onlyJobs {
		parts = cut(in, filepath.Join(dir, "parts"), *files)
	}
	ls := filepath.Join(dir, "langsplit")
	build := exec.Command("go", "build", "-o", ls, "github.com/langsplit/langsplit/cmd/langsplit")
	build.Stderr = os.Stderr
	check(build.Run())
	self, err := os.Executable()
	check(err)

	fmt.Printf("input: %d bytes of generated mixed text (%d files for -j); Go %s, GOMAXPROCS %d\n\n",
		fi.Size(), *files, runtime.Version(), runtime.GOMAXPROCS(0))
	if *onlyJobs {
		*withWET = false
	}
	var wetRuns []run
	if *withWET {
		wetPlain, wetGz := filepath.Join(dir, "mixed.warc.wet"), filepath.Join(dir, "mixed.warc.wet.gz")
		records := writeWET(in, wetPlain, false)
		writeWET(in, wetGz, true)
		textGz := filepath.Join(dir, "mixed.txt.gz")
		gzipFile(in, textGz)
		fmt.Printf("WET: %d conversion records of the same text\n\n", records)
		wetRuns = []run{
			{"langsplit text (JSON Lines)", []string{ls, "-q", in}},
			{"langsplit WET (JSON Lines)", []string{ls, "-q", wetPlain}},
			{"langsplit text .gz (JSON Lines)", []string{ls, "-q", textGz}},
			{"langsplit WET .gz (JSON Lines)", []string{ls, "-q", wetGz}},
		}
	}
	fmt.Printf("%-34s %9s %8s %12s %10s\n", "measurement", "MB/s", "× base", "allocs", "peak RSS")
	var base float64
	runs := []run{
		{"baseline: UTF-8 decoding loop", []string{self, "-child", "decode", "-input", in}},
		{"baseline: wc -m", []string{"wc", "-m", in}},
		{"segment.Scanner", []string{self, "-child", "segment", "-input", in}},
		{"segment.Segmenter (in memory)", []string{self, "-child", "segmenter", "-input", in}},
		{"bidi fa normalizer", []string{self, "-child", "bidi", "-input", in}},
		{"langsplit (JSON Lines)", []string{ls, "-q", in}},
		{"langsplit --raw (JSON Lines)", []string{ls, "-q", "--raw", in}},
		{"langsplit -o --by-lang", []string{ls, "-q", "--by-lang", "-o", filepath.Join(dir, "out"), in}},
		{"langsplit -j 1, " + strconv.Itoa(*files) + " files", append([]string{ls, "-q", "-j", "1"}, parts...)},
		{"langsplit -j 2, " + strconv.Itoa(*files) + " files", append([]string{ls, "-q", "-j", "2"}, parts...)},
	}
	if *onlyWET || *onlyJobs {
		runs = runs[:1]
	}

	for _, m := range runs {
		secs, allocs, rss := measure(m.cmd)
		mbs := float64(fi.Size()) / 1e6 / secs
		if base == 0 {
			base = mbs
		}
		a := "-"
		if allocs >= 0 {
			a = strconv.FormatInt(allocs, 10)
		}
		fmt.Printf("%-34s %9.1f %8.3f %12s %8.1f MiB\n", m.name, mbs, mbs/base, a, float64(rss)/(1<<20))
	}
	if *withJobs || *onlyJobs {
		// One file on one core and on two, each beside the decoding loop
		// of the same round: alternating, so that a load that comes and
		// goes on a shared machine falls on all of them.
		jobRuns := []run{
			{"baseline: UTF-8 decoding loop", []string{self, "-child", "decode", "-input", in}},
			{"langsplit -j 1, one file", []string{ls, "-q", "-j", "1", in}},
			{"langsplit -j 2, one file", []string{ls, "-q", "-j", "2", in}},
		}
		med := alternate(jobRuns, *repeat, fi.Size(), base)
		fmt.Printf("\none file, JSON Lines (medians of %d): -j 2 / -j 1 %.3f; -j 1 / decoding loop %.3f\n", max(*repeat, 1),
			med[jobRuns[2].name]/med[jobRuns[1].name], med[jobRuns[1].name]/med[jobRuns[0].name])
	}
	if !*withWET {
		return
	}
	med := alternate(wetRuns, *repeat, fi.Size(), base)
	fmt.Printf("\nWET / text, JSON Lines (medians of %d): plain %.3f, gzip %.3f\n", max(*repeat, 1),
		med["langsplit WET (JSON Lines)"]/med["langsplit text (JSON Lines)"],
		med["langsplit WET .gz (JSON Lines)"]/med["langsplit text .gz (JSON Lines)"])
}

// alternate runs the commands repeat times, in turn, so that a load that
// comes and goes falls on all of them, and prints each one's median rate
// (on size bytes), its ratio to base, its peak RSS and every rate; it
// returns the medians by name.
func alternate(runs []run, repeat int, size int64, base float64) map[string]float64 {
	rates := map[string][]float64{}
	rss := map[string]int64{}
	for range max(repeat, 1) {
		for _, m := range runs {
			secs, _, r := measure(m.cmd)
			rates[m.name] = append(rates[m.name], float64(size)/1e6/secs)
			rss[m.name] = max(rss[m.name], r)
		}
	}
	med := map[string]float64{}
	fmt.Println()
	for _, m := range runs {
		r := rates[m.name]
		slices.Sort(r)
		med[m.name] = r[len(r)/2]
		fmt.Printf("%-34s %9.1f %8.3f %12s %8.1f MiB   runs %s\n", m.name, med[m.name], med[m.name]/base, "-", float64(rss[m.name])/(1<<20), fmtRates(r))
	}
	return med
}

// run is one measurement: a name and the command it runs.
type run struct {
	name string
	cmd  []string
}

// fmtRates formats rates as "12.3 14.5 …".
func fmtRates(r []float64) string {
	s := make([]string, len(r))
	for i, v := range r {
		s[i] = strconv.FormatFloat(v, 'f', 1, 64)
	}
	return strings.Join(s, " ")
}

// writeWET writes the text file in as a WET file: a warcinfo record, then
// conversion records of 4-16 KiB cut at line ends, with the fields Common
// Crawl writes; gzip per record with gz. It returns the number of
// conversion records.
func writeWET(in, out string, gz bool) int {
	f, o := openCreate(in, out)
	defer f.Close()
	w := warc.NewWriter(o)
	w.Gzip = gz
	check(w.Write(warc.Header{{Name: "WARC-Type", Value: "warcinfo"}, {Name: "WARC-Date", Value: "2024-03-01T10:00:00Z"},
		{Name: "WARC-Filename", Value: filepath.Base(out)}, {Name: "WARC-Record-ID", Value: "<urn:uuid:ffffffff-0000-4000-8000-000000000000>"},
		{Name: "Content-Type", Value: "application/warc-fields"}}, []byte("software: benchreport\r\n")))
	br := iobuf.NewReader(f)
	var block []byte
	n := 0
	flush := func() {
		n++
		check(w.Write(warc.Header{{Name: "WARC-Type", Value: "conversion"},
			{Name: "WARC-Target-URI", Value: fmt.Sprintf("https://www.example%d.ir/fa/news/%d.html", n%97, n)},
			{Name: "WARC-Date", Value: "2024-03-01T10:00:00Z"},
			{Name: "WARC-Record-ID", Value: fmt.Sprintf("<urn:uuid:%08x-0000-4000-8000-%012x>", n, n)},
			{Name: "WARC-Refers-To", Value: fmt.Sprintf("<urn:uuid:%08x-1111-4000-8000-%012x>", n, n)},
			{Name: "WARC-Block-Digest", Value: "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ"},
			{Name: "Content-Type", Value: "text/plain"}}, block))
		block = block[:0]
	}
	target := 4 << 10
	for {
		line, err := br.ReadSlice('\n')
		block = append(block, line...)
		if len(block) >= target {
			flush()
			target = 4<<10 + (n*7919)%(12<<10)
		}
		if err == io.EOF {
			break
		}
		if err != bufio.ErrBufferFull {
			check(err)
		}
	}
	if len(block) > 0 {
		flush()
	}
	check(w.Flush())
	check(o.Close())
	return n
}

// openCreate opens in and creates out.
func openCreate(in, out string) (*os.File, *os.File) {
	f, err := os.Open(in)
	check(err)
	o, err := os.Create(out)
	check(err)
	return f, o
}

// gzipFile writes in gzip-compressed to out.
func gzipFile(in, out string) {
	f, o := openCreate(in, out)
	defer f.Close()
	z := gzip.NewWriter(o)
	_, err := io.Copy(z, f)
	check(err)
	check(z.Close())
	check(o.Close())
}

// measure runs cmd with stdout discarded and returns its time, the
// allocations it reports on stderr (children only; -1 otherwise) and its
// peak RSS. The time is the wall time of the process, or the time of the
// work that a child reports.
func measure(cmd []string) (secs float64, allocs int64, rss int64) {
	c := exec.Command(cmd[0], cmd[1:]...)
	var errb strings.Builder
	c.Stderr = &errb
	start := time.Now()
	check(c.Run())
	secs = time.Since(start).Seconds()
	allocs = -1
	if _, err := fmt.Sscanf(errb.String(), "allocs %d secs %g", &allocs, &secs); err != nil {
		allocs = -1
	}
	if ru, ok := c.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss << 10
	}
	return secs, allocs, rss
}

// runChild runs one in-process measurement over the file and prints the
// allocations it made to stderr.
func runChild(name, path string) {
	f, err := os.Open(path)
	check(err)
	defer f.Close()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	switch name {
	case "decode":
		br := iobuf.NewReader(f)
		n := 0
		for {
			_, _, err := br.ReadRune()
			if err == io.EOF {
				break
			}
			check(err)
			n++
		}
	case "segment":
		sc := segment.NewScanner(f, segment.Options{})
		for sc.Scan() {
		}
		check(sc.Err())
	case "segmenter":
		fi, err := f.Stat()
		check(err)
		text := make([]byte, fi.Size())
		_, err = io.ReadFull(f, text)
		check(err)
		runtime.ReadMemStats(&before)
		start = time.Now() // the text is in memory: time the segmentation only
		var s segment.Segmenter
		s.Reset(text, segment.Options{})
		for _, ok := s.Next(); ok; _, ok = s.Next() {
		}
	case "bidi":
		_, err := io.Copy(io.Discard, transform.NewReader(f, bidi.New("fa", bidi.Options{})))
		check(err)
	default:
		check(fmt.Errorf("unknown child %q", name))
	}
	secs := time.Since(start).Seconds()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	fmt.Fprintf(os.Stderr, "allocs %d secs %g\n", after.Mallocs-before.Mallocs, secs)
}

// cut splits the file at line ends into n files of about equal size,
// streaming: this process stays small, because a child's peak RSS counts
// the memory of the process that started it (vfork shares its pages until
// exec).
func cut(path, dir string, n int) []string {
	check(os.MkdirAll(dir, 0o777))
	f, err := os.Open(path)
	check(err)
	defer f.Close()
	fi, err := f.Stat()
	check(err)
	br := iobuf.NewReader(f)
	per := fi.Size()/int64(n) + 1
	var out []string
	for i := 0; ; i++ {
		name := filepath.Join(dir, fmt.Sprintf("part%03d.txt", i))
		w, err := os.Create(name)
		check(err)
		bw := iobuf.NewWriter(w)
		var written int64
		var rerr error
		for written < per || i == n-1 {
			line, err := br.ReadSlice('\n')
			if err == bufio.ErrBufferFull {
				err = nil
			}
			k, _ := bw.Write(line)
			written += int64(k)
			if err != nil {
				rerr = err
				break
			}
		}
		check(bw.Flush())
		check(w.Close())
		out = append(out, name)
		if rerr == io.EOF {
			return out
		}
		check(rerr)
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchreport:", err)
		os.Exit(1)
	}
}
