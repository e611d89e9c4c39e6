package write

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"unicode/utf8"
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

var langFileRE = regexp.MustCompile(`^(en|fa|ar|und|und-[A-Z][a-z]{3})\.txt$`)

// IsLangFile reports whether name is one that --by-lang writes: en.txt,
// fa.txt, ar.txt, und.txt or und-Xxxx.txt.
func IsLangFile(name string) bool { return langFileRE.MatchString(name) }

// CheckFolders reports, as one error, inputs that would write into one
// folder, or into a folder inside another input's folder (which replacing a
// folder whole would destroy), or onto the manifest. sources[i] names the
// input whose folder is folders[i].
func CheckFolders(sources, folders []string) error {
	owner := make(map[string]int, len(folders))
	for i, f := range folders {
		if _, dup := owner[f]; !dup {
			owner[f] = i
		}
	}
	var errs []error
	for i, f := range folders {
		if j := owner[f]; j != i {
			errs = append(errs, fmt.Errorf("inputs %s and %s both map to folder %s", sources[j], sources[i], f))
			continue
		}
		if f == ManifestName {
			errs = append(errs, fmt.Errorf("input %s maps to folder %s, the manifest's name", sources[i], f))
		}
		for d := path.Dir(f); d != "."; d = path.Dir(d) {
			if j, ok := owner[d]; ok {
				errs = append(errs, fmt.Errorf("input %s maps to folder %s, inside folder %s of input %s", sources[i], f, d, sources[j]))
				break
			}
		}
	}
	return errors.Join(errs...)
}

// Existing returns the outputs already under dir that a run would write:
// the manifest, and each of folders, or with byLang every language file
// (see IsLangFile). The names are relative to dir and sorted. A missing dir
// has none.
func Existing(dir string, folders []string, byLang bool) ([]string, error) {
	var found []string
	exists := func(name string) error {
		_, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(name)))
		switch {
		case err == nil || errors.Is(err, syscall.ENOTDIR): // there, or a file in its way
			found = append(found, name)
		case !errors.Is(err, os.ErrNotExist):
			return err
		}
		return nil
	}
	if err := exists(ManifestName); err != nil {
		return nil, err
	}
	if byLang {
		entries, err := os.ReadDir(dir)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
		for _, e := range entries {
			if IsLangFile(e.Name()) {
				found = append(found, e.Name())
			}
		}
	} else {
		for _, f := range folders {
			if err := exists(f); err != nil {
				return nil, err
			}
		}
	}
	sort.Strings(found)
	return found, nil
}
