package walk

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
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

// A root that is a symlink to a directory is followed (as grep -r follows
// its arguments); paths keep the root as given. Symlinks inside are not.
func TestSymlinkRoot(t *testing.T) {
	root := t.TempDir()
	docs := filepath.Join(root, "docs")
	for _, f := range []string{"a.txt", "sub/b.txt"} {
		p := filepath.Join(docs, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	link := filepath.Join(root, "l")
	if err := os.Symlink("docs", link); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../docs", filepath.Join(docs, "sub", "loop")); err != nil {
		t.Fatal(err)
	}
	var files, skipped []string
	Dir(link, Handler{
		File: func(p string, _ fs.DirEntry) { files = append(files, p) },
		Skip: func(p, why string) { skipped = append(skipped, p) },
		Err:  func(p string, err error) { t.Errorf("%s: %v", p, err) },
	})
	if want := []string{link + "/a.txt", link + "/sub/b.txt"}; !reflect.DeepEqual(files, want) {
		t.Errorf("files %q, want %q", files, want)
	}
	if want := []string{link + "/sub/loop"}; !reflect.DeepEqual(skipped, want) {
		t.Errorf("skipped %q, want %q", skipped, want)
	}
}

// A directory too large to sort in memory is sorted through temporary
// files, in the same order, and they are removed.
func TestLargeDir(t *testing.T) {
	defer func(b int) { sortBudget = b }(sortBudget)
	sortBudget = 256 // a few names per run
	root, tmp := t.TempDir(), t.TempDir()
	var want []string
	for i := range 500 {
		name := fmt.Sprintf("f%04d.txt", (i*7919)%500)
		if err := os.WriteFile(filepath.Join(root, name), nil, 0o666); err != nil {
			t.Fatal(err)
		}
		want = append(want, filepath.Join(root, fmt.Sprintf("f%04d.txt", i)))
	}
	if err := os.Mkdir(filepath.Join(root, "f0100.d"), 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "f0100.d", "in.txt"), nil, 0o666); err != nil {
		t.Fatal(err)
	}
	want = slices.Insert(want, 100, // "f0100.d" < "f0100.txt"
		filepath.Join(root, "f0100.d", "in.txt"))
	var files []string
	Dir(root, Handler{
		File:    func(p string, _ fs.DirEntry) { files = append(files, p) },
		Err:     func(p string, err error) { t.Errorf("%s: %v", p, err) },
		TempDir: tmp,
	})
	if !reflect.DeepEqual(files, want) {
		t.Fatalf("%d files, not in sorted order", len(files))
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Fatalf("%d temporary files left", len(left))
	}
}
