package segment_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// goBlock matches a Go code block of the README that starts with the import
// of one of the module's packages.
var goBlock = regexp.MustCompile("(?s)```go\nimport \"github.com/langsplit/langsplit/([a-z]+)\"\n\n(.*?)```\n")

// The README's library snippets are runnable examples: each Go block that
// imports segment or bidi is, after its import line, the body of an Example
// function in that package's example_test.go, which go test runs and checks
// against its Output comment.
func TestREADMESnippets(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := goBlock.FindAllSubmatch(readme, -1)
	if len(blocks) < 2 {
		t.Fatalf("found %d Go snippets of the libraries in README.md, want those of segment and bidi", len(blocks))
	}
	bodies := map[string]map[string]string{} // package → example body → name
	for _, m := range blocks {
		pkg, snippet := string(m[1]), string(m[2])
		if bodies[pkg] == nil {
			bodies[pkg] = exampleBodies(t, filepath.Join("..", pkg, "example_test.go"))
		}
		if _, ok := bodies[pkg][snippet]; !ok {
			t.Errorf("this README snippet is no Example body of %s/example_test.go (make it one, tabs and all):\n%s", pkg, snippet)
		}
	}
}

// exampleBodies returns the bodies of the Example functions of a Go file,
// as source text without the braces and with one tab of indent removed.
func exampleBodies(t *testing.T, path string) map[string]string {
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || !strings.HasPrefix(fn.Name.Name, "Example") {
			continue
		}
		body := string(src[fset.Position(fn.Body.Lbrace).Offset+2 : fset.Position(fn.Body.Rbrace).Offset])
		lines := strings.SplitAfter(body, "\n")
		for i, l := range lines {
			lines[i] = strings.TrimPrefix(l, "\t")
		}
		out[strings.Join(lines, "")] = fn.Name.Name
	}
	if len(out) == 0 {
		t.Fatalf("%s has no Example functions", path)
	}
	return out
}
