package tmpdir

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
)

// TestMain lets the test binary play a run that makes a directory and is
// killed before it can remove it.
func TestMain(m *testing.M) {
	if parent := os.Getenv("TMPDIR_TEST_CHILD"); parent != "" {
		d, err := New(parent, ".run-")
		if err != nil {
			os.Exit(3)
		}
		os.WriteFile(filepath.Join(d.Path, "part"), []byte("x"), 0o666)
		os.Stdout.WriteString(filepath.Base(d.Path) + "\n")
		select {} // until killed
	}
	os.Exit(m.Run())
}

// A directory left by a killed process is swept; one a live run holds is
// not, nor are other names.
func TestSweep(t *testing.T) {
	parent := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=XXX")
	cmd.Env = append(os.Environ(), "TMPDIR_TEST_CHILD="+parent)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 256)
	n, _ := out.Read(buf)
	dead := string(buf[:n-1])

	// While the child lives, its directory is not swept.
	live, err := New(parent, ".run-")
	if err != nil {
		t.Fatal(err)
	}
	defer live.Remove()
	if err := os.Mkdir(filepath.Join(parent, "other"), 0o777); err != nil {
		t.Fatal(err)
	}
	if got, err := Sweep(parent, ".run-"); err != nil || len(got) != 0 {
		t.Fatalf("sweep with the child alive removed %q, %v", got, err)
	}
	cmd.Process.Kill() // SIGKILL: no chance to clean up
	cmd.Wait()
	if _, err := os.Stat(filepath.Join(parent, dead, "part")); err != nil {
		t.Fatalf("the killed child's directory is not there: %v", err)
	}
	got, err := Sweep(parent, ".run-")
	if err != nil || !slices.Equal(got, []string{dead}) {
		t.Fatalf("sweep removed %q, %v; want %q", got, err, dead)
	}
	left, _ := os.ReadDir(parent)
	var names []string
	for _, e := range left {
		names = append(names, e.Name())
	}
	if want := []string{filepath.Base(live.Path), "other"}; !slices.Equal(names, want) {
		t.Fatalf("left %q, want %q", names, want)
	}
	if err := live.Remove(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(live.Path); !os.IsNotExist(err) {
		t.Fatalf("Remove left %s", live.Path)
	}
}

// New and Sweep racing in one parent: New never fails for it (a sweep
// that takes a directory between mkdir and lock makes New try again), and
// no sweep removes a directory New has returned. A flock is held per open
// file, so the sweeps of this process cannot take the locks of its own
// live directories either.
func TestNewRacesSweep(t *testing.T) {
	parent := t.TempDir()
	stop := make(chan struct{})
	swept := make(chan int)
	defer func() {
		close(stop)
		t.Logf("%d directories swept between mkdir and lock", <-swept)
	}()
	go func() {
		n := 0
		for {
			select {
			case <-stop:
				swept <- n
				return
			default:
			}
			got, err := Sweep(parent, ".run-")
			if err != nil {
				t.Error(err)
			}
			n += len(got)
		}
	}()
	for range 2000 {
		d, err := New(parent, ".run-")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d.Path, "part"), []byte("x"), 0o666); err != nil {
			t.Fatalf("a live directory was swept: %v", err)
		}
		if err := d.Remove(); err != nil {
			t.Fatal(err)
		}
	}
}
