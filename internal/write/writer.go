// Package write puts langsplit's blocks into files: one file per block
// (DIR/<folder>/NNNN.<lang>.txt) or one per language (DIR/<lang>.txt), and
// the manifest DIR/manifest.jsonl. It also orders the JSON Lines output of
// inputs processed in parallel (Ordered).
//
// Nothing appears under the output directory before Commit: each input's
// output is built in a temporary directory inside it and is moved into
// place with a rename, so an input that fails, or a run that is
// interrupted, leaves no partial files, and memory does not grow with the
// input.
package write

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"sync"

	"github.com/langsplit/langsplit/internal/record"
)

// Options configure a Writer.
type Options struct {
	Dir    string // the output directory; created when missing
	ByLang bool   // one file per language for all inputs together, instead of one per block
	Force  bool   // replace existing outputs: an input's folder whole, the language files, the manifest
}

// Writer writes the blocks of many inputs under one output directory. Its
// methods are safe for concurrent use, and so are those of distinct Inputs.
type Writer struct {
	opts       Options
	tmp        string // the temporary directory inside opts.Dir
	createdDir bool   // opts.Dir did not exist before New

	mu     sync.Mutex
	inputs map[int]*Input // closed inputs, by index
}

// TempPrefix starts the name of the temporary directory a Writer makes
// inside the output directory.
const TempPrefix = ".langsplit-tmp-"

// New creates the output directory if needed and a temporary directory
// inside it. Call Cleanup when done, whatever happens.
func New(opts Options) (*Writer, error) {
	w := &Writer{opts: opts, inputs: map[int]*Input{}}
	if _, err := os.Stat(opts.Dir); errors.Is(err, os.ErrNotExist) {
		w.createdDir = true
	}
	if err := os.MkdirAll(opts.Dir, 0o777); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(opts.Dir, TempPrefix)
	if err != nil {
		return nil, err
	}
	w.tmp = tmp
	return w, nil
}

// Input collects the output of one input until Commit.
type Input struct {
	w      *Writer
	index  int
	source string
	folder string // output folder relative to Dir, '/'-separated (unused with ByLang)
	dir    string // its temporary counterpart
	sub    string // current document's sub-folder, "" for a text input

	manifest *spill
	langs    map[string]*spill // ByLang: this input's blocks per language
	// langFiles caches LangFile per language.
	langFiles map[string]string
	docs      map[string]bool // ByLang: document names seen
	buf       []byte
}

// spill is a temporary file written through a buffer, with its size.
type spill struct {
	f    *os.File
	bw   *bufio.Writer
	size int64
}

func newSpill(name string) (*spill, error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	return &spill{f: f, bw: bufio.NewWriterSize(f, 64<<10)}, nil
}

// Write implements io.Writer.
func (s *spill) Write(p []byte) (int, error) {
	n, err := s.bw.Write(p)
	s.size += int64(n)
	return n, err
}

// finish flushes and closes the file.
func (s *spill) finish() error {
	err := s.bw.Flush()
	if cerr := s.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Input starts the output of the input with the given index (its place in
// the manifest: Commit writes inputs in index order), named source in
// messages, whose blocks go to folder (see Folder; ignored with ByLang).
func (w *Writer) Input(index int, source, folder string) (*Input, error) {
	in := &Input{w: w, index: index, source: source, folder: folder,
		dir: filepath.Join(w.tmp, strconv.Itoa(index))}
	var err error
	if in.manifest, err = newSpill(in.dir + ".manifest"); err != nil {
		return nil, err
	}
	if w.opts.ByLang {
		in.langs, in.langFiles, in.docs = map[string]*spill{}, map[string]string{}, map[string]bool{}
	} else if err := os.Mkdir(in.dir, 0o777); err != nil {
		in.Abort()
		return nil, err
	}
	return in, nil
}

// ErrDuplicate is returned by Document for a name already used in the input.
var ErrDuplicate = errors.New("duplicate document id")

// Document starts a new document of the input (a line of a JSON Lines
// input): the blocks that follow go to the sub-folder SafeName(id) of the
// input's folder. An id used twice in one input is ErrDuplicate.
func (in *Input) Document(id string) error {
	in.sub = SafeName(id)
	if in.w.opts.ByLang {
		if in.docs[in.sub] {
			return fmt.Errorf("%w %q", ErrDuplicate, id)
		}
		in.docs[in.sub] = true
		return nil
	}
	err := os.Mkdir(filepath.Join(in.dir, in.sub), 0o777)
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("%w %q", ErrDuplicate, id)
	}
	return err
}

// Block writes data, the text of the block described by r, and its
// manifest line. Blocks must come in order.
func (in *Input) Block(r *record.Record, data []byte) error {
	sum := sha256.Sum256(data)
	var m record.Manifest
	if in.w.opts.ByLang {
		name, ok := in.langFiles[r.Lang]
		if !ok {
			name = LangFile(r.Lang)
			in.langFiles[r.Lang] = name
		}
		s := in.langs[name]
		if s == nil {
			var err error
			if s, err = newSpill(in.dir + "." + name); err != nil {
				return err
			}
			in.langs[name] = s
		}
		m = r.Manifest(name, s.size, int64(len(data)), sum[:])
		// A bufio.Writer's error is sticky: the last Write reports any.
		s.Write(data)
		if len(data) > 0 && data[len(data)-1] != '\n' {
			s.Write([]byte{'\n'})
		}
		if _, err := s.Write([]byte{'\n'}); err != nil {
			return err
		}
	} else {
		name := fmt.Sprintf("%04d.%s.txt", r.Block, SafeName(r.Lang))
		rel := path.Join(in.sub, name)
		if err := os.WriteFile(filepath.Join(in.dir, filepath.FromSlash(rel)), data, 0o666); err != nil {
			return err
		}
		m = r.Manifest(path.Join(in.folder, rel), 0, int64(len(data)), sum[:])
	}
	in.buf = m.AppendJSON(in.buf[:0])
	_, err := in.manifest.Write(in.buf)
	return err
}

// Summary writes a document's summary record (--doc-summary) to the
// manifest, after the document's blocks: a manifest line without a file.
func (in *Input) Summary(d *record.Doc) error {
	in.buf = d.AppendJSON(in.buf[:0])
	_, err := in.manifest.Write(in.buf)
	return err
}

// Close ends a successful input: its output waits for Commit.
func (in *Input) Close() error {
	err := in.manifest.finish()
	for _, s := range in.langs {
		if ferr := s.finish(); err == nil {
			err = ferr
		}
	}
	if err != nil {
		in.remove()
		return err
	}
	in.w.mu.Lock()
	in.w.inputs[in.index] = in
	in.w.mu.Unlock()
	return nil
}

// Abort ends a failed input: nothing of it will be written.
func (in *Input) Abort() {
	in.manifest.finish()
	for _, s := range in.langs {
		s.finish()
	}
	in.remove()
}

func (in *Input) remove() {
	os.RemoveAll(in.dir)
	os.Remove(in.manifest.f.Name())
	for _, s := range in.langs {
		os.Remove(s.f.Name())
	}
}

// InputError is an input that Commit could not move into place.
type InputError struct {
	Source string // the input, as named to Writer.Input
	Err    error  // what went wrong
}

// Error implements error.
func (e *InputError) Error() string { return fmt.Sprintf("%s: %v", e.Source, e.Err) }

// Unwrap returns the cause.
func (e *InputError) Unwrap() error { return e.Err }

// Commit moves the output of every closed input into place, in index
// order, and writes the manifest last. An input that cannot be moved is an
// *InputError in the returned error (joined with errors.Join); the others
// are still written, and the manifest lists only what was written. When no
// input was closed (all failed), nothing is written, not even the manifest.
func (w *Writer) Commit() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.inputs) == 0 {
		return nil
	}
	manifest, err := newSpill(filepath.Join(w.tmp, ManifestName))
	if err != nil {
		return err
	}
	var errs []error
	byLang := map[string]*spill{}
	for _, i := range slices.Sorted(maps.Keys(w.inputs)) {
		in := w.inputs[i]
		var err error
		if w.opts.ByLang {
			err = w.appendLangs(in, byLang, manifest)
		} else {
			err = w.moveFolder(in, manifest)
		}
		if err != nil {
			errs = append(errs, &InputError{Source: in.source, Err: err})
		}
	}
	if w.opts.ByLang {
		if err := w.finishLangs(byLang); err != nil {
			return errors.Join(append(errs, err)...)
		}
	}
	if err := finishSynced(manifest); err != nil {
		return errors.Join(append(errs, err)...)
	}
	if err := os.Rename(manifest.f.Name(), filepath.Join(w.opts.Dir, ManifestName)); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// moveFolder renames the input's temporary folder into place, replacing an
// existing one whole, and copies its manifest lines.
func (w *Writer) moveFolder(in *Input, manifest *spill) error {
	dest := filepath.Join(w.opts.Dir, filepath.FromSlash(in.folder))
	if err := os.MkdirAll(filepath.Dir(dest), 0o777); err != nil {
		return err
	}
	if _, err := os.Lstat(dest); err == nil {
		if !w.opts.Force {
			return fmt.Errorf("%s exists (use --force to replace it)", dest)
		}
		old := in.dir + ".old"
		if err := os.Rename(dest, old); err != nil {
			return err
		}
		defer os.RemoveAll(old)
	}
	if err := os.Rename(in.dir, dest); err != nil {
		return err
	}
	return copyFile(manifest, in.manifest.f.Name())
}

// appendLangs appends the input's language spills to the run's language
// files and copies its manifest lines with their offsets moved to match.
func (w *Writer) appendLangs(in *Input, byLang map[string]*spill, manifest *spill) error {
	base := map[string]int64{}
	for name, s := range in.langs {
		all := byLang[name]
		if all == nil {
			var err error
			if all, err = newSpill(filepath.Join(w.tmp, "all."+name)); err != nil {
				return err
			}
			byLang[name] = all
		}
		base[name] = all.size
		if err := copyFile(all, s.f.Name()); err != nil {
			return err
		}
	}
	f, err := os.Open(in.manifest.f.Name())
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<30)
	var buf []byte
	for sc.Scan() {
		if buf, err = shiftOffset(buf[:0], sc.Bytes(), base); err != nil {
			return err
		}
		if _, err := manifest.Write(buf); err != nil {
			return err
		}
	}
	return sc.Err()
}

// shiftOffset appends to dst the manifest line m (without its newline, as
// AppendJSON wrote it for a --by-lang file) with base[file] added to its
// offset, and a newline. The fields are found by their keys: "file" and
// "offset" follow "source", whose quotes, if any, are escaped, and a
// language file's name needs no escaping (LangFile).
func shiftOffset(dst, m []byte, base map[string]int64) ([]byte, error) {
	const fileKey, offKey = `,"file":"`, `,"offset":`
	f := bytes.LastIndex(m, []byte(fileKey))
	o := bytes.LastIndex(m, []byte(offKey))
	if f < 0 && bytes.Contains(m, []byte(`,"kind":"doc"`)) {
		return append(append(dst, m...), '\n'), nil // a document summary: no file
	}
	if f < 0 || o < f {
		return dst, fmt.Errorf("malformed manifest line %q", m)
	}
	name := m[f+len(fileKey):]
	name = name[:max(0, bytes.IndexByte(name, '"'))]
	rest := m[o+len(offKey):]
	end := bytes.IndexByte(rest, ',')
	off, err := strconv.ParseInt(string(rest[:max(0, end)]), 10, 64)
	if end < 0 || err != nil {
		return dst, fmt.Errorf("malformed manifest line %q", m)
	}
	dst = append(dst, m[:o+len(offKey)]...)
	dst = strconv.AppendInt(dst, off+base[string(name)], 10)
	dst = append(dst, rest[end:]...)
	return append(dst, '\n'), nil
}

// finishLangs renames the run's language files into place and, with Force,
// removes language files of an earlier run that this one did not write, so
// that the directory matches the new manifest.
func (w *Writer) finishLangs(byLang map[string]*spill) error {
	for name, s := range byLang {
		if err := finishSynced(s); err != nil {
			return err
		}
		if err := os.Rename(s.f.Name(), filepath.Join(w.opts.Dir, name)); err != nil {
			return err
		}
	}
	if !w.opts.Force {
		return nil
	}
	entries, err := os.ReadDir(w.opts.Dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if IsLangFile(e.Name()) && byLang[e.Name()] == nil {
			if err := os.Remove(filepath.Join(w.opts.Dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

// finishSynced flushes, syncs and closes s.
func finishSynced(s *spill) error {
	if err := s.bw.Flush(); err != nil {
		s.f.Close()
		return err
	}
	if err := s.f.Sync(); err != nil {
		s.f.Close()
		return err
	}
	return s.f.Close()
}

// copyFile appends the named file to dst.
func copyFile(dst io.Writer, name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(dst, f)
	return err
}

// Cleanup removes the temporary directory, and the output directory too if
// New created it and it is empty. It is safe to call after Commit, and it
// is what an interrupted run calls.
func (w *Writer) Cleanup() error {
	err := os.RemoveAll(w.tmp)
	if w.createdDir {
		if entries, rerr := os.ReadDir(w.opts.Dir); rerr == nil && len(entries) == 0 {
			os.Remove(w.opts.Dir)
		}
	}
	return err
}
