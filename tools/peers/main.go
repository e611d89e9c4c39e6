// Command peers runs langsplit and general language detectors on the same
// documents, so that the comparison in docs/peers.md can be reproduced.
//
// Predictions for the scorer (one NAME.jsonl per NAME.txt in -docs):
//
//	go run . -tool lingua-high -docs DIR/docs -out PREDDIR
//
// Speed on one file (the whole file is one document, as in the dev run):
//
//	go run . -tool naive -speed /tmp/peers-50m.txt
//
// Tools: lingua-high, lingua-low (lingua-go DetectMultipleLanguagesOf with
// English, Persian, Arabic), whatlanggo (per line, whitelist en/fa/ar),
// naive (cut at every change of letter script) and langsplit
// (segment.Segment). Each tool's output is made contiguous by cover.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
)

func main() {
	tool := flag.String("tool", "", "tool to run: "+strings.Join(toolNames(), ", "))
	docs := flag.String("docs", "", "folder of NAME.txt documents")
	out := flag.String("out", "", "folder to write NAME.jsonl predictions to (created if missing)")
	speed := flag.String("speed", "", "measure speed on this file instead of writing predictions")
	unknown := flag.String("unknown", "gap", `spans a tool gives no language for: "gap" (closed by the block before) or "und" (a block of their own, scored as wrong)`)
	flag.Parse()
	if *tool == "" || (*speed == "") == (*docs == "" || *out == "") {
		fmt.Fprintln(os.Stderr, "usage: peers -tool NAME (-docs DIR -out DIR | -speed FILE)")
		flag.PrintDefaults()
		os.Exit(2)
	}
	t0 := time.Now()
	split, err := newSplitter(*tool)
	must(err)
	load := time.Since(t0)
	switch *unknown {
	case "gap":
	case "und":
		split = undForUnknown(split)
	default:
		must(fmt.Errorf("-unknown %q: want gap or und", *unknown))
	}
	if *speed != "" {
		must(measure(*tool, split, load, *speed))
		return
	}
	must(predict(*tool, split, *docs, *out))
}

// undForUnknown labels the spans split gives no language for "und", so
// that cover keeps them as blocks instead of closing them as gaps.
func undForUnknown(split splitter) splitter {
	return func(text string) []block {
		bs := split(text)
		for i := range bs {
			if bs[i].Lang == "" {
				bs[i].Lang = "und"
			}
		}
		return bs
	}
}

// predict runs split on every NAME.txt in docs and writes the covering
// blocks to out/NAME.jsonl, one {"start","end","lang"} object a line.
func predict(tool string, split splitter, docs, out string) error {
	names, err := filepath.Glob(filepath.Join(docs, "*.txt"))
	if err != nil {
		return err
	}
	if len(names) == 0 {
		return fmt.Errorf("no NAME.txt documents in %q", docs)
	}
	sort.Strings(names)
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	var size int
	var took time.Duration
	for _, name := range names {
		text, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		t0 := time.Now()
		blocks := cover(len(text), split(string(text)))
		took += time.Since(t0)
		size += len(text)
		base := strings.TrimSuffix(filepath.Base(name), ".txt")
		if err := writeJSONL(filepath.Join(out, base+".jsonl"), blocks); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "%s: %d docs, %d bytes, %.2f s in the tool\n", tool, len(names), size, took.Seconds())
	return nil
}

// writeJSONL writes blocks to path, one JSON object a line.
func writeJSONL(path string, blocks []block) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, b := range blocks {
		if err := enc.Encode(b); err != nil {
			f.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// measure runs split once on the whole file and prints its throughput in
// MB/s (10^6 bytes of UTF-8 input a second), by wall clock and by this
// process's CPU time (user+system, all threads). Reading the file and
// building the tool (load) are not timed.
func measure(tool string, split splitter, load time.Duration, path string) error {
	text, err := readString(path)
	if err != nil {
		return err
	}
	c0 := cpuTime()
	t0 := time.Now()
	blocks := cover(len(text), split(text))
	wall := time.Since(t0)
	cpu := cpuTime() - c0
	mb := float64(len(text)) / 1e6
	fmt.Printf("tool=%s input=%s bytes=%d (%.1f MiB) blocks=%d load_s=%.2f wall_s=%.2f MB/s=%.3g cpu_s=%.2f MB/s_cpu=%.3g\n",
		tool, filepath.Base(path), len(text), float64(len(text))/(1<<20), len(blocks),
		load.Seconds(), wall.Seconds(), mb/wall.Seconds(), cpu.Seconds(), mb/cpu.Seconds())
	return nil
}

// readString reads the file at path into a string with a single copy of
// its bytes, so that peak RSS in -speed mode holds the input only once.
func readString(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return "", err
	}
	var sb strings.Builder
	sb.Grow(int(fi.Size()))
	if _, err := io.Copy(&sb, f); err != nil {
		return "", err
	}
	return sb.String(), nil
}

// cpuTime returns the user+system CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "peers:", err)
		os.Exit(1)
	}
}
