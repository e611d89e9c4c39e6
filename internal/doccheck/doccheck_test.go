package doccheck

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// root is the repository root, from this package's directory.
const root = "../.."

func TestReadmeSize(t *testing.T) {
	fi, err := os.Stat(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Size() > MaxReadme {
		t.Errorf("README.md has %d bytes, more than %d: move detail to docs/", fi.Size(), MaxReadme)
	}
}

// Every relative link and image of README.md and docs/*.md names a file
// that exists and, for a #fragment into a Markdown file (or into the same
// file), a heading of that file.
func TestLinks(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	files = append([]string{filepath.Join(root, "README.md")}, files...)
	checked := 0
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range links(string(src)) {
			if isExternal(l.target) {
				continue
			}
			checked++
			path, frag, _ := strings.Cut(l.target, "#")
			dest := file
			if path != "" {
				dest = filepath.Join(filepath.Dir(file), filepath.FromSlash(path))
				if _, err := os.Stat(dest); err != nil {
					t.Errorf("%s:%d: link %q: %v", rel(file), l.line, l.target, err)
					continue
				}
			}
			if frag == "" {
				continue
			}
			if !strings.HasSuffix(dest, ".md") {
				t.Errorf("%s:%d: link %q: a fragment into a file that is not Markdown", rel(file), l.line, l.target)
				continue
			}
			md, err := os.ReadFile(dest)
			if err != nil {
				t.Fatal(err)
			}
			if !anchors(string(md))[frag] {
				t.Errorf("%s:%d: link %q: %s has no heading with the anchor #%s", rel(file), l.line, l.target, rel(dest), frag)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no relative link found: the link parser is broken")
	}
}

func rel(path string) string {
	r, err := filepath.Rel(root, path)
	if err != nil {
		return path
	}
	return filepath.ToSlash(r)
}

func isExternal(target string) bool {
	for _, p := range []string{"http://", "https://", "mailto:"} {
		if strings.HasPrefix(target, p) {
			return true
		}
	}
	return false
}

type link struct {
	target string
	line   int
}

var (
	inlineLink = regexp.MustCompile(`\]\(([^()\s]+)\)`)
	codeSpan   = regexp.MustCompile("`[^`]*`")
)

// links returns the targets of the inline links and images of a Markdown
// text, outside fenced code blocks and code spans.
func links(md string) []link {
	var out []link
	fenced := false
	for i, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		line = codeSpan.ReplaceAllString(line, "")
		for _, m := range inlineLink.FindAllStringSubmatch(line, -1) {
			out = append(out, link{target: m[1], line: i + 1})
		}
	}
	return out
}

// anchors returns the anchors of the headings of a Markdown text, as
// GitHub makes them: the heading's text in lower case, without its
// punctuation, spaces as hyphens, "-1", "-2", … after a repeated one.
func anchors(md string) map[string]bool {
	out := map[string]bool{}
	fenced := false
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
		}
		if fenced || !strings.HasPrefix(line, "#") {
			continue
		}
		text := strings.TrimSpace(strings.TrimLeft(line, "#"))
		var sb strings.Builder
		for _, r := range strings.ToLower(text) {
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
				sb.WriteRune(r)
			case r == ' ':
				sb.WriteByte('-')
			}
		}
		a := sb.String()
		for n, k := a, 1; ; k++ {
			if !out[n] {
				out[n] = true
				break
			}
			n = a + "-" + strconv.Itoa(k)
		}
	}
	return out
}

// The parsers themselves: links outside code only, GitHub's anchors.
func TestParsers(t *testing.T) {
	md := "See [a](a.md#x) and ![b](img/b.png), not `[c](c.md)` nor\n```\n[d](d.md)\n```\n[e](https://e.org/) [f](#g)\n"
	var got []string
	for _, l := range links(md) {
		got = append(got, l.target)
	}
	if want := "a.md#x img/b.png https://e.org/ #g"; strings.Join(got, " ") != want {
		t.Errorf("links = %q, want %q", got, want)
	}
	a := anchors("# Speed and memory\n## Everything on one input: benchreport\n### JSON Lines (no `-o`)\n## Notes\n## Notes\n```\n# not a heading\n```\n")
	for _, want := range []string{"speed-and-memory", "everything-on-one-input-benchreport", "json-lines-no--o", "notes", "notes-1"} {
		if !a[want] {
			t.Errorf("no anchor %q in %v", want, a)
		}
	}
	if a["not-a-heading"] {
		t.Error("a comment line in a code block made an anchor")
	}
}
