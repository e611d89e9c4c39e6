// Package e2e holds the tests that drive a real browser (headless Chromium
// through chromedp). It is a module of its own so that chromedp is not a
// requirement of the langsplit module that library users import.
package e2e

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/langsplit/langsplit/internal/report"
	"github.com/langsplit/langsplit/segment"
)

// findChromium returns the path of a Chromium or Chrome binary, or "".
func findChromium() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// chromiumOrSkip returns the Chromium binary for a test that starts a
// browser, and skips the test with -short or when there is none.
func chromiumOrSkip(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a browser")
	}
	bin := findChromium()
	if bin == "" {
		t.Skip("Chromium not found (install the Debian package chromium, or set CHROMIUM); .ci/run installs it")
	}
	return bin
}

// TestBrowser opens a report in headless Chromium and checks, for every
// block element, the lang attribute and the computed direction the browser
// gives it; it saves a screenshot as a test artifact (in $LANGSPLIT_ARTIFACTS
// when set, else in the test's temporary directory).
func TestBrowser(t *testing.T) {
	bin := chromiumOrSkip(t)
	docs := []string{"rtl.txt", "mixed_lines.txt", "injection.txt"}
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, renderReport(t, docs...), 0o644); err != nil {
		t.Fatal(err)
	}
	var want []segment.Block
	for _, d := range docs {
		text, err := os.ReadFile(filepath.Join(reportTestdata, d))
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, segment.Segment(string(text))...)
	}

	ctx := newBrowser(t, bin, dir)

	type shown struct {
		Lang, Dir, Block string
	}
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+page), chromedp.WaitReady("#summary")); err != nil {
		t.Fatalf("browser: %v", err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]shown](`Array.from(document.querySelectorAll(".blk")).map(e => ({Lang: e.lang, Dir: getComputedStyle(e).direction, Block: e.dataset.block}))`))
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	if len(got) != len(want) {
		t.Fatalf("browser shows %d blocks, want %d", len(got), len(want))
	}
	for i, b := range want {
		if got[i].Lang != b.Lang || got[i].Dir != b.Dir.String() {
			t.Errorf("block %d: browser has lang=%q direction=%q, want %q %q", i, got[i].Lang, got[i].Dir, b.Lang, b.Dir)
		}
	}
	// The injected markup must not have become elements.
	injected, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("script, img").length`))
	if err != nil {
		t.Fatal(err)
	}
	if injected != 0 {
		t.Errorf("the page has %d script or img elements: input markup was not escaped", injected)
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100: PNG
	if err != nil {
		t.Fatal(err)
	}
	out := os.Getenv("LANGSPLIT_ARTIFACTS")
	if out == "" {
		out = dir
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(out, "report-screenshot.png")
	if err := os.WriteFile(shot, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", shot, len(png))
}

// newBrowser starts headless Chromium (bin) with its profile in dir, for
// at most a minute; it is stopped when the test ends.
func newBrowser(t *testing.T, bin, dir string) context.Context {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.WindowSize(1100, 900),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// reportTestdata holds the report's fixtures, in the package it tests.
const reportTestdata = "../internal/report/testdata"

// renderReport writes a report of the named fixtures with the default
// options, as the CLI does without --show-changes.
func renderReport(t *testing.T, names ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := report.New(&buf, report.Options{})
	if err := w.Begin(names); err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		text, err := os.ReadFile(filepath.Join(reportTestdata, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := w.StartDocument(name); err != nil {
			t.Fatal(err)
		}
		for i, b := range segment.Segment(string(text)) {
			if err := w.Block(i+1, b, text[b.Start:b.End], nil); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.EndDocument(nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
