package walk

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
)

func TestDir(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{"b.txt", "a/z.txt", "a/b.txt", ".hidden.txt", ".git/config", "out/x.txt", "c/.h/y.txt"} {
		p := filepath.Join(root, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(root, "b.txt"), filepath.Join(root, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(root, "pipe"), 0o666); err != nil {
		t.Fatal(err)
	}
	var files, skipped []string
	Dir(root, Handler{
		File:    func(p string, _ fs.DirEntry) { files = append(files, strings.TrimPrefix(p, root+"/")) },
		Skip:    func(p, why string) { skipped = append(skipped, strings.TrimPrefix(p, root+"/")+": "+why) },
		Err:     func(p string, err error) { t.Errorf("%s: %v", p, err) },
		SkipDir: func(p string, _ fs.DirEntry) bool { return filepath.Base(p) == "out" },
	})
	if want := []string{"a/b.txt", "a/z.txt", "b.txt"}; !reflect.DeepEqual(files, want) {
		t.Errorf("files %q, want %q", files, want)
	}
	if want := []string{"link.txt: a symlink", "pipe: not a regular file"}; !reflect.DeepEqual(skipped, want) {
		t.Errorf("skipped %q, want %q", skipped, want)
	}
}
