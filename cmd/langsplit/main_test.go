package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/langsplit/langsplit/internal/record"
	"github.com/langsplit/langsplit/internal/split"
	"github.com/langsplit/langsplit/internal/warc"
	"github.com/langsplit/langsplit/internal/write"
)

var update = flag.Bool("update", false, "rewrite the golden sections of testdata/script/*.txtar from the actual output")

// TestMain makes the test binary double as the langsplit command for the
// scripts and for exec-based tests (it is put on $PATH as "langsplit").
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"langsplit": main})
}

// seedPath is the shared seed page, next to the repository.
var seedPath, _ = filepath.Abs("../../../shared/seeds/webpage-en-fa.txt")

// TestScripts runs the end-to-end scripts in testdata/script. Golden
// sections are refreshed with go test ./cmd/langsplit -update.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		Cmds: map[string]func(*testscript.TestScript, bool, []string){
			"exits":         cmdExits,
			"writebytes":    cmdWriteBytes,
			"gen":           cmdGen,
			"encode":        cmdEncode,
			"lstree":        cmdLstree,
			"checkmanifest": cmdCheckManifest,
			"catmanifest":   cmdCatManifest,
			"mkwarc":        cmdMkWarc,
			"truncate":      cmdTruncate,
		},
	})
}

// exits N command args...: runs the command and checks its exit status.
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		got = ee.ExitCode()
	case err != nil:
		ts.Fatalf("%v", err)
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// unquote reads a script argument with Go escapes such as \xff and \n.
func unquote(ts *testscript.TestScript, s string) []byte {
	u, err := strconv.Unquote(`"` + strings.ReplaceAll(s, `"`, `\"`) + `"`)
	ts.Check(err)
	return []byte(u)
}

// writeFile writes a file of the script, making its directory.
func writeFile(ts *testscript.TestScript, name string, data []byte) {
	p := ts.MkAbs(name)
	ts.Check(os.MkdirAll(filepath.Dir(p), 0o777))
	ts.Check(os.WriteFile(p, data, 0o666))
}

// writebytes FILE TEXT: writes TEXT, with Go escapes, to FILE.
func cmdWriteBytes(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: writebytes FILE TEXT")
	}
	writeFile(ts, args[0], unquote(ts, args[1]))
}

// gen FILE N TEXT...: writes the TEXTs (with Go escapes), in turn, N times.
func cmdGen(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 3 {
		ts.Fatalf("usage: gen FILE N TEXT...")
	}
	n, err := strconv.Atoi(args[1])
	ts.Check(err)
	var unit []byte
	for _, a := range args[2:] {
		unit = append(unit, unquote(ts, a)...)
	}
	writeFile(ts, args[0], bytes.Repeat(unit, n))
}

// encode ENCODING SRC DST: writes the UTF-8 file SRC to DST in utf-16le,
// utf-16le-bom, utf-16be-bom, utf-8-bom, windows-1256 or gzip.
func cmdEncode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: encode ENCODING SRC DST")
	}
	src := []byte(ts.ReadFile(args[1]))
	var out []byte
	u16 := func(be, bom bool) {
		order, b := unicode.LittleEndian, unicode.IgnoreBOM
		if be {
			order = unicode.BigEndian
		}
		if bom {
			b = unicode.UseBOM
		}
		var err error
		out, err = unicode.UTF16(order, b).NewEncoder().Bytes(src)
		ts.Check(err)
	}
	switch args[0] {
	case "utf-16le":
		u16(false, false)
	case "utf-16le-bom":
		u16(false, true)
	case "utf-16be-bom":
		u16(true, true)
	case "utf-8-bom":
		out = append([]byte("\xEF\xBB\xBF"), src...)
	case "windows-1256":
		var err error
		out, err = charmap.Windows1256.NewEncoder().Bytes(src)
		ts.Check(err)
	case "gzip":
		var buf bytes.Buffer
		z := gzip.NewWriter(&buf)
		z.Write(src)
		ts.Check(z.Close())
		out = buf.Bytes()
	default:
		ts.Fatalf("unknown encoding %q", args[0])
	}
	writeFile(ts, args[2], out)
}

// truncate FILE N: cuts FILE to its first N bytes.
func cmdTruncate(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: truncate FILE N")
	}
	n, err := strconv.ParseInt(args[1], 10, 64)
	ts.Check(err)
	ts.Check(os.Truncate(ts.MkAbs(args[0]), n))
}

// lstree DIR: prints every entry under DIR, hidden ones included, sorted,
// one a line: directories with a trailing /, files with their size.
func cmdLstree(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: lstree DIR")
	}
	root := ts.MkAbs(args[0])
	ts.Check(filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == root {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			fmt.Fprintf(ts.Stdout(), "%s/\n", rel)
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(ts.Stdout(), "%s %d\n", rel, fi.Size())
		return nil
	}))
}

// readManifest returns the lines of DIR/manifest.jsonl, raw and parsed.
func readManifest(dir string) ([]string, []record.Manifest, error) {
	f, err := os.Open(filepath.Join(dir, "manifest.jsonl"))
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	var lines []string
	var ms []record.Manifest
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		if bytes.Contains(sc.Bytes(), []byte(`,"kind":"doc"`)) {
			continue // a document summary (--doc-summary), not a block
		}
		var m record.Manifest
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			return nil, nil, fmt.Errorf("manifest line %d: %v", len(ms)+1, err)
		}
		lines = append(lines, sc.Text())
		ms = append(ms, m)
	}
	return lines, ms, sc.Err()
}

// manifestBytes checks every manifest line of dir (field order, file
// inside dir, offset and length inside the file, SHA-256 of the bytes) and
// returns the bytes of each entry.
func manifestBytes(dir string) ([][]byte, []record.Manifest, error) {
	lines, ms, err := readManifest(dir)
	if err != nil {
		return nil, nil, err
	}
	var out [][]byte
	for i, m := range ms {
		if enc := strings.TrimSuffix(string(m.AppendJSON(nil)), "\n"); enc != lines[i] {
			return nil, nil, fmt.Errorf("manifest line %d is not in the schema's field order:\n%s\nwant\n%s", i+1, lines[i], enc)
		}
		if filepath.IsAbs(m.File) || strings.Contains("/"+m.File+"/", "/../") {
			return nil, nil, fmt.Errorf("manifest line %d: file %q escapes the directory", i+1, m.File)
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(m.File)))
		if err != nil {
			return nil, nil, err
		}
		if m.Offset < 0 || m.Length < 0 || m.Offset+m.Length > int64(len(data)) {
			return nil, nil, fmt.Errorf("manifest line %d: bytes %d+%d outside %s (%d bytes)", i+1, m.Offset, m.Length, m.File, len(data))
		}
		b := data[m.Offset : m.Offset+m.Length]
		if sum := sha256.Sum256(b); hex.EncodeToString(sum[:]) != m.SHA256 {
			return nil, nil, fmt.Errorf("manifest line %d: sha256 of %s differs", i+1, m.File)
		}
		out = append(out, b)
	}
	return out, ms, nil
}

// checkmanifest DIR: checks DIR/manifest.jsonl against the files.
func cmdCheckManifest(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: checkmanifest DIR")
	}
	_, ms, err := manifestBytes(ts.MkAbs(args[0]))
	ts.Check(err)
	if len(ms) == 0 {
		ts.Fatalf("empty manifest")
	}
}

// catmanifest DIR FILE: writes the bytes of every manifest entry, in
// manifest order, to FILE.
func cmdCatManifest(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: catmanifest DIR FILE")
	}
	parts, _, err := manifestBytes(ts.MkAbs(args[0]))
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), bytes.Join(parts, nil), 0o666))
}

// mkwarc [-gzip|-whole] [-cut N] OUT SPEC...: writes a WARC file of one
// record per SPEC file, which holds the record's named fields, an empty
// line and its block (Content-Length is added). -gzip compresses each
// record as a member of its own, -whole the file as one; -cut N cuts the
// Nth record (or member) to half its length. The block of a SPEC whose
// name ends in .esc is one line with Go escapes (\xff, \n).
func cmdMkWarc(ts *testscript.TestScript, neg bool, args []string) {
	mode, cut := "", 0
	for len(args) > 0 && strings.HasPrefix(args[0], "-") {
		switch args[0] {
		case "-gzip", "-whole":
			mode = args[0]
		case "-cut":
			var err error
			cut, err = strconv.Atoi(args[1])
			ts.Check(err)
			args = args[1:]
		default:
			ts.Fatalf("mkwarc: unknown flag %s", args[0])
		}
		args = args[1:]
	}
	if neg || len(args) < 2 {
		ts.Fatalf("usage: mkwarc [-gzip|-whole] [-cut N] OUT SPEC...")
	}
	var out bytes.Buffer
	for i, spec := range args[1:] {
		head, block, ok := strings.Cut(ts.ReadFile(spec), "\n\n")
		if !ok {
			ts.Fatalf("mkwarc: %s has no empty line after its fields", spec)
		}
		if strings.HasSuffix(spec, ".esc") {
			block = string(unquote(ts, strings.TrimSuffix(block, "\n")))
		}
		var h warc.Header
		for _, line := range strings.Split(head, "\n") {
			name, value, _ := strings.Cut(line, ": ")
			h = append(h, warc.Field{Name: name, Value: value})
		}
		var one bytes.Buffer
		w := warc.NewWriter(&one)
		w.Gzip = mode == "-gzip"
		ts.Check(w.Write(h, []byte(block)))
		ts.Check(w.Flush())
		b := one.Bytes()
		if i+1 == cut {
			b = b[:len(b)/2]
		}
		out.Write(b)
	}
	data := out.Bytes()
	if mode == "-whole" {
		var z bytes.Buffer
		zw := gzip.NewWriter(&z)
		zw.Write(data)
		ts.Check(zw.Close())
		data = z.Bytes()
	}
	writeFile(ts, args[0], data)
}

// A file that the first pass found valid is read again without a second
// check, so a change between the passes must be caught.
func TestUnchanged(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(path, []byte("Valid text.\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	for _, invalid := range []string{"error", "replace"} {
		cfg, err := parseArgs([]string{"--invalid", invalid, path})
		if err != nil {
			t.Fatal(err)
		}
		r := &runner{cfg: cfg}
		if r.pipe, err = newPipe(cfg); err != nil {
			t.Fatal(err)
		}
		in := r.newInput(path, path, "a.txt", false, false, 12)
		if err := r.check(context.Background(), in, true); err != nil {
			t.Fatal(err)
		}
		if invalid == "replace" {
			// The first pass does not read the whole file then, so it cannot vouch for it.
			if in.Whole() {
				t.Fatal("under --invalid replace a file is read as validated")
			}
			continue
		}
		if !in.Whole() {
			t.Fatal("a valid UTF-8 file checked whole is not read as validated")
		}
		if err := r.unchanged(in); err != nil {
			t.Fatalf("unchanged file: %v", err)
		}
		if err := os.WriteFile(path, []byte("Now \xff invalid and longer.\n"), 0o666); err != nil {
			t.Fatal(err)
		}
		if err := r.unchanged(in); err == nil || !strings.Contains(err.Error(), "changed while being read") {
			t.Fatalf("changed file: err %v, want one saying it changed", err)
		}
		var sb strings.Builder
		_, err = r.pipe.Run(context.Background(), &in.Input, split.NewNormalizer(cfg.split.Policy, true), &jsonSink{part: write.NewOrdered(&sb, "").Part(0), st: langStats{}}, nil)
		if err == nil || !strings.Contains(err.Error(), "changed while being read") {
			t.Fatalf("second pass over a changed file: err %v", err)
		}
		// A file that grew (a log being written): the second pass reads only
		// the bytes the first checked, so its records hold no unchecked byte.
		if err := os.WriteFile(path, []byte("Valid text.\nand then \xff\n"), 0o666); err != nil {
			t.Fatal(err)
		}
		sb.Reset()
		sink := &jsonSink{part: write.NewOrdered(&sb, "").Part(0), st: langStats{}}
		_, err = r.pipe.Run(context.Background(), &in.Input, split.NewNormalizer(cfg.split.Policy, true), sink, nil)
		if err == nil || !strings.Contains(err.Error(), "changed while being read") {
			t.Fatalf("second pass over a grown file: err %v", err)
		}
		if err := sink.close(); err != nil {
			t.Fatal(err)
		}
		if out := sb.String(); !utf8.ValidString(out) || strings.Contains(out, "and then") || !strings.Contains(out, `"text":"Valid text.\n"`) {
			t.Errorf("records of a grown file: %s", out)
		}
		if err := os.WriteFile(path, []byte("Valid text.\n"), 0o666); err != nil {
			t.Fatal(err)
		}
	}
}
