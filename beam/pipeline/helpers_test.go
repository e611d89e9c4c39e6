package pipeline_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	beamlog "github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/langsplit/langsplit/beam/pipeline"
	"github.com/langsplit/langsplit/internal/record"
)

// TestMain runs the tests with the pipelines on prism, in this process,
// with its warnings only.
func TestMain(m *testing.M) {
	beamlog.LogLevel = "warn"
	code := ptest.MainRet(m)
	if cliDir != "" {
		os.RemoveAll(cliDir)
	}
	os.Exit(code)
}

var (
	cliOnce sync.Once
	cliDir  string
	cliPath string
	cliErr  error
)

// cli returns the path of the langsplit CLI, built once from the checkout
// this module is replaced by (go.mod: replace ... => ../).
func cli(t *testing.T) string {
	t.Helper()
	cliOnce.Do(func() {
		out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/langsplit/langsplit").Output()
		if err != nil {
			cliErr = fmt.Errorf("locating the main module: %v", err)
			return
		}
		root := strings.TrimSpace(string(out))
		if cliDir, cliErr = os.MkdirTemp("", "langsplit-beam-cli-"); cliErr != nil {
			return
		}
		cliPath = filepath.Join(cliDir, "langsplit")
		cmd := exec.Command("go", "build", "-o", cliPath, "./cmd/langsplit")
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			cliErr = fmt.Errorf("building the CLI in %s: %v\n%s", root, err, out)
		}
	})
	if cliErr != nil {
		t.Fatal(cliErr)
	}
	return cliPath
}

// runCLI runs the CLI with args and returns its stdout, stderr and exit
// status. Its stdout goes to a file, as the pipeline's records do.
func runCLI(t *testing.T, args ...string) (stdout, stderr []byte, code int) {
	t.Helper()
	out, err := os.CreateTemp(t.TempDir(), "stdout-")
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	cmd := exec.Command(cli(t), args...)
	var errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = out, &errb
	err = cmd.Run()
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	if stdout, err = os.ReadFile(out.Name()); err != nil {
		t.Fatal(err)
	}
	return stdout, errb.Bytes(), code
}

// splitLines returns the lines of b, each with its newline.
func splitLines(b []byte) []string {
	var lines []string
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n') + 1
		if i == 0 {
			i = len(b)
		}
		lines = append(lines, string(b[:i]))
		b = b[i:]
	}
	return lines
}

// parse decodes a record line and checks that it is in the schema's
// encoding.
func parse(t *testing.T, line string) record.Record {
	t.Helper()
	var r record.Record
	if err := json.Unmarshal([]byte(line), &r); err != nil {
		t.Fatalf("%v: %.200s", err, line)
	}
	if enc := string(r.AppendJSON(nil)); enc != line {
		t.Fatalf("record not in the CLI's encoding:\n%.300s\nwant\n%.300s", line, enc)
	}
	return r
}

// output is what Write left under a directory.
type output struct {
	lines   []string // all records, in no particular order
	summary pipeline.Summary
	errors  []pipeline.FileStatus
	shards  map[string][]string // per language, the shards' names relative to the directory, sorted
}

var shardRE = regexp.MustCompile(`^part-(\d{5})-of-(\d{5})\.jsonl$`)

// readOutput reads and checks the layout of an output directory: only
// OUT/summary.json, OUT/errors.jsonl and OUT/<lang>/part-SSSSS-of-NNNNN.jsonl,
// each language's shards numbered 0 to N-1 of N, each record in its
// language's folder.
func readOutput(t *testing.T, dir string) output {
	t.Helper()
	out := output{shards: map[string][]string{}}
	shards := map[string][]string{} // per language: the shard names' SSSSS-of-NNNNN
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		switch rel {
		case pipeline.SummaryFile:
			if err := json.Unmarshal(b, &out.summary); err != nil {
				t.Errorf("%s: %v", rel, err)
			}
			return nil
		case pipeline.ErrorsFile:
			for _, l := range splitLines(b) {
				var st pipeline.FileStatus
				if err := json.Unmarshal([]byte(l), &st); err != nil {
					t.Errorf("%s: %v: %s", rel, err, l)
				}
				out.errors = append(out.errors, st)
			}
			if !slices.IsSortedFunc(out.errors, func(a, b pipeline.FileStatus) int { return strings.Compare(a.Source, b.Source) }) {
				t.Errorf("%s is not sorted by source", rel)
			}
			return nil
		}
		lang, name, ok := strings.Cut(rel, "/")
		m := shardRE.FindStringSubmatch(name)
		if !ok || m == nil {
			t.Errorf("unexpected output file %s", rel)
			return nil
		}
		shards[lang] = append(shards[lang], m[1]+"-of-"+m[2])
		out.shards[lang] = append(out.shards[lang], rel)
		if len(b) == 0 || b[len(b)-1] != '\n' {
			t.Errorf("%s: empty or without a final newline", rel)
		}
		for _, l := range splitLines(b) {
			if lang == pipeline.DocShard && strings.Contains(l, `,"kind":"doc",`) {
				out.lines = append(out.lines, l)
				continue
			}
			if !strings.Contains(l, `,"lang":"`+lang+`",`) {
				t.Fatalf("%s holds a record of another language: %.200s", rel, l)
			}
			out.lines = append(out.lines, l)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for lang, names := range shards {
		slices.Sort(names)
		slices.Sort(out.shards[lang])
		for i, n := range names {
			if want := fmt.Sprintf("%05d-of-%05d", i, len(names)); n != want {
				t.Errorf("%s shards %v: want 0 to %d of %d", lang, names, len(names)-1, len(names))
				break
			}
		}
	}
	return out
}

// sameMultiset reports the first differences between two multisets of
// lines.
func sameMultiset(t *testing.T, what string, got, want []string) {
	t.Helper()
	count := map[string]int{}
	for _, l := range want {
		count[l]++
	}
	for _, l := range got {
		count[l]--
	}
	bad := 0
	for l, n := range count {
		if n == 0 {
			continue
		}
		if bad++; bad <= 5 {
			if n > 0 {
				t.Errorf("%s: missing %d× %.300s", what, n, l)
			} else {
				t.Errorf("%s: extra %d× %.300s", what, -n, l)
			}
		}
	}
	if bad > 0 {
		t.Fatalf("%s: %d lines differ (%d records, want %d)", what, bad, len(got), len(want))
	}
}

// langStats counts records and text bytes per language from record lines.
func langStats(t *testing.T, lines []string) map[string]pipeline.Stat {
	t.Helper()
	st := map[string]pipeline.Stat{}
	for _, l := range lines {
		r := parse(t, l)
		s := st[r.Lang]
		s.Blocks++
		s.Bytes += int64(len(r.Text))
		st[r.Lang] = s
	}
	return st
}

// mustWrite writes files under dir, creating folders.
func mustWrite(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
