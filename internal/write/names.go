package write

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/langsplit/langsplit/internal/extsort"
	"github.com/langsplit/langsplit/internal/record"
)

// ManifestName is the manifest's file name in the output directory.
const ManifestName = "manifest.jsonl"

// MaxName is the longest name SafeName returns, in bytes: file systems
// allow 255 bytes a name, and a name is kept well below that.
const MaxName = 240

// SafeName returns s as one file-name component that stays inside its
// directory: '%', '/', '\\', control characters and invalid UTF-8 bytes
// become %XX, a leading '.' becomes %2E (so "." and ".." cannot occur and
// nothing is hidden), and the empty name becomes "%". Other names, Persian
// ones included, are kept as they are. Distinct names stay distinct.
//
// A name that would be longer than MaxName bytes is cut: its first
// escaped bytes (at most MaxName-17, never inside a %XX escape or a UTF-8
// sequence), then "~" and 16 hex digits of the SHA-256 of the whole name s.
// So every input and document can be written, the same name always gives
// the same folder, and distinct long names stay distinct but for a 64-bit
// hash collision.
func SafeName(s string) string {
	if s == "" {
		return "%"
	}
	var sb strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == '%' || c == '/' || c == '\\' || c < 0x20 || c == 0x7f,
			i == 0 && c == '.',
			r == utf8.RuneError && size == 1:
			fmt.Fprintf(&sb, "%%%02X", c)
			i++
		default:
			sb.WriteString(s[i : i+size])
			i += size
		}
	}
	if sb.Len() <= MaxName {
		return sb.String()
	}
	return cutName(sb.String(), s)
}

// cutName returns the escaped name esc of s cut to MaxName bytes with a
// hash of s (see SafeName).
func cutName(esc, s string) string {
	keep := MaxName - 17
	for keep > 0 {
		if c := esc[keep]; !utf8.RuneStart(c) { // inside a UTF-8 sequence
			keep--
			continue
		}
		if i := strings.LastIndexByte(esc[max(0, keep-2):keep], '%'); i >= 0 {
			keep -= 2 - i // inside a %XX escape: cut before it
			continue
		}
		break
	}
	sum := sha256.Sum256([]byte(s))
	return esc[:keep] + "~" + hex.EncodeToString(sum[:8])
}

// Folder returns the output folder, relative to the output directory and
// '/'-separated, for an input whose path relative to the argument it was
// found under is rel ('/'-separated; a file argument's base name; "stdin"
// for standard input). A ".gz" suffix and then the extension are removed
// (unless nothing would be left), and each component goes through SafeName.
func Folder(rel string) string {
	rel = strings.TrimSuffix(rel, ".gz")
	dir, base := path.Split(rel)
	if ext := path.Ext(base); ext != base {
		base = strings.TrimSuffix(base, ext)
	}
	parts := strings.Split(dir+base, "/")
	out := parts[:0]
	for _, p := range parts {
		if p != "" {
			out = append(out, SafeName(p))
		}
	}
	if len(out) == 0 {
		return SafeName("")
	}
	return strings.Join(out, "/")
}

// LangFile returns the name of the --by-lang file of a language, e.g. "fa.txt".
func LangFile(lang string) string { return SafeName(lang) + ".txt" }

var langFileRE = regexp.MustCompile(`^` + record.LangLabel + `\.txt$`)

// blockFileRE matches the names of the block files langsplit writes,
// NNNN.<lang>.txt (IsLangFile those of the language files).
var blockFileRE = regexp.MustCompile(`^[0-9]{4,}\.[^/]+\.txt$`)

// IsLangFile reports whether name is one that --by-lang writes: en.txt,
// fa.txt, ar.txt, und.txt or und-Xxxx.txt.
func IsLangFile(name string) bool { return langFileRE.MatchString(name) }

// FolderCheck finds inputs that would write into one folder, into a folder
// inside another input's folder (which replacing a folder whole would
// destroy), or onto the manifest. It sorts the folders through temporary
// files (package extsort), so its memory does not grow with the number of
// inputs.
type FolderCheck struct {
	s *extsort.Sorter
}

// NewFolderCheck returns a FolderCheck with its temporary files in tmp.
func NewFolderCheck(tmp string) *FolderCheck {
	return &FolderCheck{s: extsort.New(tmp, 4<<20)}
}

// Add notes that the input named source writes into folder.
func (c *FolderCheck) Add(source, folder string) error {
	// With '/' as 0x00 (no folder holds one: SafeName escapes control
	// characters), a folder sorts right before the folders inside it.
	return c.s.Add(strings.ReplaceAll(folder, "/", "\x00"), source)
}

// Errors returns the first max problems found, and how many there are in
// all. Call it once, after every Add.
func (c *FolderCheck) Errors(max int) ([]error, int, error) {
	it, err := c.s.Sorted()
	if err != nil {
		return nil, 0, err
	}
	defer it.Close()
	var errs []error
	n := 0
	report := func(err error) {
		if n < max {
			errs = append(errs, err)
		}
		n++
	}
	type owner struct{ key, source string }
	var open []owner // the folders that hold the current one, outermost first
	prev := owner{key: "\xff"}
	for r, ok := it.Next(); ok; r, ok = it.Next() {
		folder := strings.ReplaceAll(r.Key, "\x00", "/")
		if r.Key == prev.key {
			report(fmt.Errorf("inputs %s and %s both map to folder %s", prev.source, r.Val, folder))
			continue
		}
		prev = owner{r.Key, r.Val}
		if folder == ManifestName {
			report(fmt.Errorf("input %s maps to folder %s, the manifest's name", r.Val, folder))
		}
		for len(open) > 0 && !strings.HasPrefix(r.Key, open[len(open)-1].key+"\x00") {
			open = open[:len(open)-1]
		}
		if len(open) > 0 {
			o := open[len(open)-1]
			report(fmt.Errorf("input %s maps to folder %s, inside folder %s of input %s", r.Val, folder, strings.ReplaceAll(o.key, "\x00", "/"), o.source))
		}
		open = append(open, prev)
	}
	return errs, n, it.Err()
}

// CheckFolders is FolderCheck over lists in memory: sources[i] names the
// input whose folder is folders[i]. It returns every problem, as one error.
func CheckFolders(sources, folders []string) error {
	c := NewFolderCheck("")
	for i := range folders {
		if err := c.Add(sources[i], folders[i]); err != nil {
			return err
		}
	}
	errs, _, err := c.Errors(len(folders) + 1)
	return errors.Join(append(errs, err)...)
}
