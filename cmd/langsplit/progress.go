package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/langsplit/langsplit/internal/cliflag"
)

// progress draws a one-line progress bar on a terminal: bytes and files
// done, rate and ETA. A nil *progress draws nothing; its methods still
// print messages.
type progress struct {
	w     io.Writer
	mu    sync.Mutex // serializes drawing and messages
	label string
	total int64 // bytes, -1 when unknown (stdin)
	files int
	start time.Time
	shown bool // a bar is on the line

	bytes atomic.Int64
	done  atomic.Int64
	stop  chan struct{}
	wg    sync.WaitGroup
}

func startProgress(w io.Writer) *progress {
	p := &progress{w: w, stop: make(chan struct{}), total: -1}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
				p.mu.Lock()
				p.draw()
				p.mu.Unlock()
			}
		}
	}()
	return p
}

// phase starts counting a new pass over files files of total bytes (-1 if
// unknown).
func (p *progress) phase(label string, files int, total int64) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown && p.label != "" {
		p.draw()
		fmt.Fprintln(p.w)
		p.shown = false
	}
	p.label, p.files, p.total, p.start = label, files, total, time.Now()
	p.bytes.Store(0)
	p.done.Store(0)
	p.draw()
}

// read counts n bytes read.
func (p *progress) read(n int) {
	if p != nil {
		p.bytes.Add(int64(n))
	}
}

// fileDone counts a finished file.
func (p *progress) fileDone() {
	if p != nil {
		p.done.Add(1)
	}
}

// draw redraws the bar. The caller holds p.mu.
func (p *progress) draw() {
	if p.label == "" {
		return
	}
	n, elapsed := p.bytes.Load(), time.Since(p.start).Seconds()
	line := fmt.Sprintf("%s %s", p.label, cliflag.Human(n))
	if p.total >= 0 {
		line += " / " + cliflag.Human(p.total)
	}
	line += fmt.Sprintf("  %d/%d files", p.done.Load(), p.files)
	if elapsed > 0 {
		rate := float64(n) / elapsed
		line += fmt.Sprintf("  %s/s", cliflag.Human(int64(rate)))
		if p.total >= 0 && rate > 0 {
			eta := time.Duration(float64(max(p.total-n, 0))/rate) * time.Second
			line += "  ETA " + eta.Round(time.Second).String()
		}
	}
	fmt.Fprintf(p.w, "\r\x1b[K%s", line)
	p.shown = true
}

// printf prints a message line, clearing the bar first.
func (p *progress) printf(w io.Writer, format string, a ...any) {
	if p == nil {
		fmt.Fprintf(w, format, a...)
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
	fmt.Fprintf(p.w, format, a...)
}

// finish draws the final state and ends the line.
func (p *progress) finish() {
	if p == nil {
		return
	}
	close(p.stop)
	p.wg.Wait()
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.label != "" {
		p.draw()
		fmt.Fprintln(p.w)
	}
}

// countingFile reports the bytes read from a file to a progress bar; it
// seeks as the file does (the WARC reader seeks back past a bad gzip
// member).
type countingFile struct {
	f *os.File
	p *progress
}

// Read implements io.Reader.
func (c countingFile) Read(b []byte) (int, error) {
	n, err := c.f.Read(b)
	c.p.read(n)
	return n, err
}

// Seek implements io.Seeker.
func (c countingFile) Seek(off int64, whence int) (int64, error) { return c.f.Seek(off, whence) }

// Close implements io.Closer.
func (c countingFile) Close() error { return c.f.Close() }

// countingStream reports the bytes read from a stream to a progress bar;
// closing it does not close the stream.
type countingStream struct {
	r io.Reader
	p *progress
}

// Read implements io.Reader.
func (c countingStream) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.p.read(n)
	return n, err
}

// Close implements io.Closer.
func (countingStream) Close() error { return nil }
