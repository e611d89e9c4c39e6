package arabic

import (
	"go/build"
	"path/filepath"
	"strings"
	"testing"
)

// The layering of the package documentation: arabic and keyset import
// nothing of the module; segment and bidi import those two and nothing
// else of it.
func TestLayering(t *testing.T) {
	const module = "github.com/langsplit/langsplit"
	leaves := module + "/internal/arabic " + module + "/internal/keyset"
	for dir, want := range map[string]string{".": "", "../keyset": "", "../../segment": leaves, "../../bidi": leaves} {
		p, err := build.ImportDir(dir, 0)
		if err != nil {
			t.Fatal(err)
		}
		var ours []string
		for _, imp := range p.Imports {
			if imp == module || strings.HasPrefix(imp, module+"/") {
				ours = append(ours, imp)
			}
		}
		if got := strings.Join(ours, " "); got != want {
			t.Errorf("%s imports %q of the module, want %q", filepath.Base(p.Dir), got, want)
		}
	}
}
