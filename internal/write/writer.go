// Package write puts langsplit's blocks into files: one file per block
// (DIR/<folder>/NNNN.<lang>.txt) or one per language (DIR/<lang>.txt), and
// the manifest DIR/manifest.jsonl. It also orders the JSON Lines output of
// inputs processed in parallel (Ordered).
//
// Nothing appears under the output directory before Commit: each input's
// output is built in a temporary directory inside it (locked by the run, so
// that a later run can tell it from one a killed run left, and remove that;
// see package tmpdir) and is moved into place with a rename, so an input
// that fails, or a run that is interrupted, leaves no partial files.
//
// Memory does not grow with the input, nor with the number of inputs. The
// run's manifest and language files are written in input order as inputs
// finish: an input holds its lines and bytes in memory, up to a budget
// shared by all, then in spill files, until its turn; when its turn comes
// while it is still being written and it holds more than a little, it
// writes what it holds out and goes on straight into the run's files (and
// is rolled back if it fails). Once an input is written out the Writer keeps nothing of it: what
// Commit still needs (the folders to move into place under -o) is in a
// file.
package write

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/langsplit/langsplit/internal/iobuf"
	"github.com/langsplit/langsplit/internal/record"
	"github.com/langsplit/langsplit/internal/tmpdir"
)

// Options configure a Writer.
type Options struct {
	Dir    string // the output directory; created when missing
	ByLang bool   // one file per language for all inputs together, instead of one per block
	// Force replaces existing outputs: an input's folder whole, the
	// language files, the manifest; and the files the previous manifest
	// lists that this run does not write again are removed, so that DIR
	// matches the new manifest. Files no manifest listed are never touched.
	Force bool
}

// Writer writes the blocks of many inputs under one output directory. Its
// methods are safe for concurrent use, and so are those of distinct Inputs.
type Writer struct {
	opts       Options
	tmp        *tmpdir.Dir // the temporary directory inside opts.Dir
	createdDir bool        // opts.Dir did not exist before New
	stale      []string    // temporary directories of killed runs, removed by New

	mem atomic.Int64 // bytes waiting inputs hold in memory

	headNow atomic.Int64 // head, for inputs to look at without the lock

	mu       sync.Mutex
	head     int            // the input whose turn it is
	inputs   map[int]*Input // started and not yet written out
	manifest *outFile       // the run's manifest, in input order
	langs    map[string]*outFile
	moves    *bufio.Writer // -o: the folders Commit moves into place
	movesF   *os.File
	written  int    // inputs closed without error
	buf      []byte // for writeOut
}

// TempPrefix starts the name of the temporary directory a Writer makes
// inside the output directory.
const TempPrefix = ".langsplit-tmp-"

// waitBudget is how many bytes of lines and blocks the inputs waiting for
// their turn hold in memory, all together; past it they spill to files.
const waitBudget = 8 << 20

// directAfter is how much an input holds before, once its turn has come,
// it writes straight into the run's files. Below it, an input takes the
// Writer's lock only when it starts and when it ends.
const directAfter = 64 << 10

// New creates the output directory if needed and a temporary directory
// inside it, after removing those that runs killed before their end left
// there (see Stale). Call Cleanup when done, whatever happens.
func New(opts Options) (*Writer, error) {
	w := &Writer{opts: opts, inputs: map[int]*Input{}, langs: map[string]*outFile{}}
	if _, err := os.Stat(opts.Dir); errors.Is(err, os.ErrNotExist) {
		w.createdDir = true
	}
	if err := os.MkdirAll(opts.Dir, 0o777); err != nil {
		return nil, err
	}
	stale, err := tmpdir.Sweep(opts.Dir, TempPrefix)
	w.stale = stale
	if err != nil {
		return nil, err
	}
	if w.tmp, err = tmpdir.New(opts.Dir, TempPrefix); err != nil {
		return nil, err
	}
	if w.manifest, err = w.newOut(ManifestName); err != nil {
		w.tmp.Remove()
		return nil, err
	}
	if !opts.ByLang {
		if w.movesF, err = os.Create(filepath.Join(w.tmp.Path, "moves")); err != nil {
			w.tmp.Remove()
			return nil, err
		}
		w.moves = bufio.NewWriterSize(w.movesF, 16<<10)
	}
	return w, nil
}

// Stale returns the names of the temporary directories, left in the
// output directory by runs that were killed, that New removed.
func (w *Writer) Stale() []string { return w.stale }

// outFile is a file of the run, to be renamed into place by Commit.
type outFile struct {
	f    Pending
	bw   *bufio.Writer
	size int64
}

// newOut starts the run's file DIR/name, in the temporary directory.
func (w *Writer) newOut(name string) (*outFile, error) {
	f, err := NewPending(filepath.Join(w.opts.Dir, name), w.tmp.Path)
	if err != nil {
		return nil, err
	}
	return &outFile{f: f, bw: iobuf.NewWriter(f)}, nil
}

func (o *outFile) Write(p []byte) (int, error) {
	n, err := o.bw.Write(p)
	o.size += int64(n)
	return n, err
}

// truncate cuts the file back to n bytes (a failed input's lines).
func (o *outFile) truncate(n int64) error {
	if err := o.bw.Flush(); err != nil {
		return err
	}
	if err := o.f.Truncate(n); err != nil {
		return err
	}
	if _, err := o.f.Seek(n, io.SeekStart); err != nil {
		return err
	}
	o.size = n
	return nil
}

// commit syncs the file and renames it into place.
func (o *outFile) commit() error {
	if err := o.bw.Flush(); err != nil {
		return err
	}
	return o.f.CloseAtomicallyReplace()
}

// Input collects the output of one input.
type Input struct {
	w      *Writer
	index  int
	source string
	folder string // output folder relative to Dir, '/'-separated (unused with ByLang)
	dir    string // its temporary counterpart (unused with ByLang)
	sub    string // current document's sub-folder, "" for a text input
	ids    string // where the documents' first positions are noted (-o, an input of several documents)

	// direct: the input's turn came while it was being written, so it
	// writes into the run's files itself; start holds their sizes before
	// it did, for Abort.
	direct bool
	start  map[*outFile]int64
	// Otherwise it waits: its manifest lines and language files wait here.
	man   *waiting
	langs map[string]*waiting

	done, failed bool
	buf          []byte
}

// waiting is what an input holds until its turn: bytes in memory, within
// the Writer's budget, then in a spill file.
type waiting struct {
	w    *Writer
	name string // the spill file's name
	mem  []byte
	f    *os.File
	bw   *bufio.Writer
	size int64
}

func (b *waiting) Write(p []byte) (int, error) {
	b.size += int64(len(p))
	if b.f == nil {
		if b.w.mem.Add(int64(len(p))) <= waitBudget {
			b.mem = append(b.mem, p...)
			return len(p), nil
		}
		b.w.mem.Add(-int64(len(p)))
		if err := b.spill(); err != nil {
			return 0, err
		}
	}
	return b.bw.Write(p)
}

// spill moves the bytes in memory to the spill file.
func (b *waiting) spill() error {
	f, err := os.Create(b.name)
	if err != nil {
		return err
	}
	b.f, b.bw = f, iobuf.NewWriter(f)
	_, err = b.bw.Write(b.mem)
	b.release()
	return err
}

// release gives back the memory held.
func (b *waiting) release() {
	b.w.mem.Add(-int64(len(b.mem)))
	b.mem = nil
}

// finish flushes and closes the spill file, if any.
func (b *waiting) finish() error {
	if b.f == nil {
		return nil
	}
	err := b.bw.Flush()
	if cerr := b.f.Close(); err == nil {
		err = cerr
	}
	b.bw = nil
	return err
}

// reader returns the bytes held.
func (b *waiting) reader() (io.ReadCloser, error) {
	if b.f == nil {
		return io.NopCloser(bytes.NewReader(b.mem)), nil
	}
	return os.Open(b.name)
}

// remove drops the bytes held.
func (b *waiting) remove() {
	b.release()
	if b.f != nil {
		if b.bw != nil {
			b.f.Close()
		}
		os.Remove(b.name)
	}
}

// Input starts the output of the input with the given index (its place in
// the manifest: inputs are written in index order, and each index from 0
// on must be started and then closed or aborted for the later ones to be
// written), named source in messages, whose blocks go to folder (see
// Folder; ignored with ByLang). When Input fails, the index counts as
// aborted.
func (w *Writer) Input(index int, source, folder string) (*Input, error) {
	in := &Input{w: w, index: index, source: source, folder: folder}
	base := filepath.Join(w.tmp.Path, strconv.Itoa(index))
	if !w.opts.ByLang {
		in.dir = base
		if err := os.Mkdir(in.dir, 0o777); err != nil {
			in.failed = true
			w.register(in)
			in.Abort()
			return nil, err
		}
	}
	in.man = &waiting{w: w, name: base + ".manifest"}
	in.langs = map[string]*waiting{}
	w.register(in)
	return in, nil
}

// maybeDirect makes the input write straight into the run's files when its
// turn has come and it holds more than directAfter bytes: it writes out
// what it holds first.
func (in *Input) maybeDirect() error {
	if in.direct || in.w.headNow.Load() != int64(in.index) {
		return nil
	}
	held := in.man.size
	for _, b := range in.langs {
		held += b.size
	}
	if held < directAfter {
		return nil
	}
	w := in.w
	w.mu.Lock()
	defer w.mu.Unlock()
	in.start = map[*outFile]int64{w.manifest: w.manifest.size}
	for _, o := range w.langs {
		in.start[o] = o.size
	}
	if err := in.man.finish(); err != nil {
		return err
	}
	for _, b := range in.langs {
		if err := b.finish(); err != nil {
			return err
		}
	}
	in.direct = true
	return w.writeOut(in)
}

func (w *Writer) register(in *Input) {
	w.mu.Lock()
	w.inputs[in.index] = in
	w.mu.Unlock()
}

// ErrDuplicate is returned by Document for a document whose folder the
// input already has (under -o a document's id names its folder).
var ErrDuplicate = errors.New("duplicate document id")

// Document starts a new document of the input (a line of a JSON Lines
// input, a WARC record), at pos in the input ("line 7", "byte offset
// 1234"): the blocks that follow go to the sub-folder SafeName(id) of the
// input's folder. Under -o an id whose folder the input already has is an
// error wrapping ErrDuplicate that names the position of the first; the
// document must then be skipped (no Block calls until the next Document).
// With ByLang documents have no folders and ids may repeat.
func (in *Input) Document(id, pos string) error {
	in.sub = SafeName(id)
	if in.w.opts.ByLang {
		return nil
	}
	err := os.Mkdir(filepath.Join(in.dir, in.sub), 0o777)
	if in.ids == "" {
		in.ids = in.dir + ".ids"
		if merr := os.Mkdir(in.ids, 0o777); merr != nil {
			return merr
		}
	}
	if errors.Is(err, os.ErrExist) {
		first, lerr := os.Readlink(filepath.Join(in.ids, in.sub))
		if lerr != nil {
			first = "an earlier document"
		}
		in.sub = ""
		return fmt.Errorf("%w %q: %s has it already (under --out each document's id names its folder); skipped", ErrDuplicate, id, first)
	}
	if err != nil {
		return err
	}
	// The position, kept where a later duplicate can find it: a symlink
	// holds it in one system call, and costs no memory.
	return os.Symlink(pos, filepath.Join(in.ids, in.sub))
}

// Block writes data, the text of the block described by r, and its
// manifest line. Blocks must come in order.
func (in *Input) Block(r *record.Record, data []byte) error {
	w := in.w
	sum := sha256.Sum256(data)
	if w.opts.ByLang {
		return in.langBlock(r, data, sum[:])
	}
	name := fmt.Sprintf("%04d.%s.txt", r.Block, SafeName(r.Lang))
	rel := path.Join(in.sub, name)
	if err := os.WriteFile(filepath.Join(in.dir, filepath.FromSlash(rel)), data, 0o666); err != nil {
		return err
	}
	m := r.Manifest(path.Join(in.folder, rel), 0, int64(len(data)), sum[:])
	in.buf = m.AppendJSON(in.buf[:0])
	if err := in.writeManifest(in.buf); err != nil {
		return err
	}
	return in.maybeDirect()
}

// writeManifest writes manifest lines of the input.
func (in *Input) writeManifest(p []byte) error {
	if !in.direct {
		_, err := in.man.Write(p)
		return err
	}
	in.w.mu.Lock()
	defer in.w.mu.Unlock()
	_, err := in.w.manifest.Write(p)
	return err
}

// langBlock writes a --by-lang block: the bytes, a newline if they do not
// end with one, and an empty line.
func (in *Input) langBlock(r *record.Record, data, sum []byte) error {
	w := in.w
	name := LangFile(r.Lang)
	var dst io.Writer
	if in.direct {
		w.mu.Lock()
		defer w.mu.Unlock()
		o, err := w.langOut(name, in)
		if err != nil {
			return err
		}
		dst = o
	} else {
		b := in.langs[name]
		if b == nil {
			b = &waiting{w: w, name: filepath.Join(w.tmp.Path, strconv.Itoa(in.index)+"."+name)}
			in.langs[name] = b
		}
		dst = b
	}
	var off int64
	switch o := dst.(type) {
	case *outFile:
		off = o.size
	case *waiting:
		off = o.size
	}
	m := r.Manifest(name, off, int64(len(data)), sum)
	if _, err := dst.Write(data); err != nil {
		return err
	}
	end := []byte("\n\n")
	if len(data) > 0 && data[len(data)-1] == '\n' {
		end = end[1:]
	}
	if _, err := dst.Write(end); err != nil {
		return err
	}
	in.buf = m.AppendJSON(in.buf[:0])
	if in.direct {
		_, err := w.manifest.Write(in.buf) // w.mu is held
		return err
	}
	if _, err := in.man.Write(in.buf); err != nil {
		return err
	}
	return in.maybeDirect()
}

// Summary writes a document's summary record (--doc-summary) to the
// manifest, after the document's blocks: a manifest line without a file.
func (in *Input) Summary(d *record.Doc) error {
	in.buf = d.AppendJSON(in.buf[:0])
	return in.writeManifest(in.buf)
}

// Close ends a successful input: its output is written out in its turn,
// and moved into place by Commit.
func (in *Input) Close() error {
	var err error
	if !in.direct {
		err = in.man.finish()
		for _, b := range in.langs {
			if ferr := b.finish(); err == nil {
				err = ferr
			}
		}
	}
	if err != nil {
		in.Abort()
		return err
	}
	w := in.w
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.moves != nil {
		writeMove(w.moves, in)
	}
	in.done = true
	w.written++
	if in.index == w.head {
		return w.advance()
	}
	return nil
}

// setHead moves the head. w.mu is held.
func (w *Writer) setHead(i int) {
	w.head = i
	w.headNow.Store(int64(i))
}

// writeMove notes that Commit moves the input's folder into place.
func writeMove(bw *bufio.Writer, in *Input) {
	for _, s := range []string{strconv.Itoa(in.index), in.folder, in.source} {
		bw.WriteString(strconv.Itoa(len(s)))
		bw.WriteByte(':')
		bw.WriteString(s)
	}
	bw.WriteByte('\n')
}

// Abort ends a failed input: nothing of it will be written.
func (in *Input) Abort() {
	if in.dir != "" {
		os.RemoveAll(in.dir)
	}
	if in.ids != "" {
		os.RemoveAll(in.ids)
	}
	w := in.w
	w.mu.Lock()
	defer w.mu.Unlock()
	if in.direct {
		for o, n := range in.start {
			o.truncate(n) // an error here shows again at Commit
		}
	} else if in.man != nil {
		in.man.remove()
		for _, b := range in.langs {
			b.remove()
		}
	}
	in.done, in.failed = true, true
	if in.index == w.head {
		w.advance() // a failed input writes nothing out
	}
}

// advance writes out the inputs from the head on that are done, and makes
// the first that is not the head. w.mu is held.
func (w *Writer) advance() error {
	var errs []error
	for {
		in := w.inputs[w.head]
		if in == nil || !in.done {
			return errors.Join(errs...)
		}
		delete(w.inputs, w.head)
		w.setHead(w.head + 1)
		if !in.direct && !in.failed {
			if err := w.writeOut(in); err != nil {
				errs = append(errs, &InputError{Source: in.source, Err: err})
			}
		}
		if in.ids != "" {
			os.RemoveAll(in.ids)
		}
	}
}

// writeOut appends a waiting input's language bytes to the run's files and
// its manifest lines, with their offsets moved to match, to the run's
// manifest, and drops what it held. w.mu is held.
func (w *Writer) writeOut(in *Input) error {
	defer func() {
		in.man.remove()
		for _, b := range in.langs {
			b.remove()
		}
	}()
	base := map[string]int64{}
	for name, b := range in.langs {
		o, err := w.langOut(name, in)
		if err != nil {
			return err
		}
		base[name] = o.size
		if err := copyFrom(o, b); err != nil {
			return err
		}
	}
	if !w.opts.ByLang {
		return copyFrom(w.manifest, in.man)
	}
	if in.man.f == nil { // in memory, as a small input's lines are
		lines := in.man.mem
		for len(lines) > 0 {
			n := bytes.IndexByte(lines, '\n') + 1
			if n == 0 {
				n = len(lines)
			}
			var err error
			if w.buf, err = shiftOffset(w.buf[:0], bytes.TrimSuffix(lines[:n], []byte("\n")), base); err != nil {
				return err
			}
			if _, err := w.manifest.Write(w.buf); err != nil {
				return err
			}
			lines = lines[n:]
		}
		return nil
	}
	rc, err := in.man.reader()
	if err != nil {
		return err
	}
	defer rc.Close()
	br := iobuf.NewReader(rc)
	var buf []byte
	for {
		line, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull { // a long line: gather it
			long := append([]byte(nil), line...)
			for err == bufio.ErrBufferFull {
				line, err = br.ReadSlice('\n')
				long = append(long, line...)
			}
			line = long
		}
		if len(line) > 0 {
			if buf, err = shiftOffset(buf[:0], bytes.TrimSuffix(line, []byte("\n")), base); err != nil {
				return err
			}
			if _, err := w.manifest.Write(buf); err != nil {
				return err
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// langOut returns the run's language file name, started if need be. When
// in writes into the run's files itself, Abort cuts a file it started
// back to nothing. w.mu is held.
func (w *Writer) langOut(name string, in *Input) (*outFile, error) {
	o := w.langs[name]
	if o == nil {
		var err error
		if o, err = w.newOut(name); err != nil {
			return nil, err
		}
		w.langs[name] = o
	}
	if in.start != nil {
		if _, ok := in.start[o]; !ok {
			in.start[o] = 0
		}
	}
	return o, nil
}

// copyFrom appends the bytes b holds to dst.
func copyFrom(dst io.Writer, b *waiting) error {
	if b.f == nil {
		_, err := dst.Write(b.mem)
		return err
	}
	rc, err := b.reader()
	if err != nil {
		return err
	}
	defer rc.Close()
	_, err = io.Copy(dst, rc)
	return err
}

// InputError is an input that could not be written out or moved into place.
type InputError struct {
	Source string // the input, as named to Writer.Input
	Err    error  // what went wrong
}

// Error implements error.
func (e *InputError) Error() string { return fmt.Sprintf("%s: %v", e.Source, e.Err) }

// Unwrap returns the cause.
func (e *InputError) Unwrap() error { return e.Err }

// Commit moves the output of every closed input into place and writes the
// manifest last. Every input must have been closed or aborted. An input
// that cannot be moved is an *InputError in the returned error (joined with
// errors.Join); the others are still written, and the manifest lists only
// what was written. When no input was closed (all failed), nothing is
// written, not even the manifest. With Force, the files that the previous
// manifest lists are removed first (those this run writes again are
// replaced), so that nothing the new manifest does not list is left of the
// previous run.
func (w *Writer) Commit() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.inputs) > 0 {
		return fmt.Errorf("write: Commit with %d inputs not done (the first is input %d)", len(w.inputs), w.head)
	}
	if w.written == 0 {
		return nil
	}
	var errs []error
	if w.opts.Force {
		if err := removeListed(w.opts.Dir); err != nil {
			return err
		}
	}
	if w.moves != nil {
		failed, err := w.moveAll()
		errs = append(errs, err)
		if len(failed) > 0 {
			if err := w.dropFailed(failed); err != nil {
				return errors.Join(append(errs, err)...)
			}
		}
	}
	for name, o := range w.langs {
		if o.size == 0 { // only blocks of inputs that failed
			o.f.Cleanup()
			delete(w.langs, name)
			continue
		}
		if err := o.commit(); err != nil {
			return errors.Join(append(errs, err)...)
		}
	}
	if err := w.manifest.commit(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// moveAll moves the folders of the closed inputs into place and returns
// those that could not be moved.
func (w *Writer) moveAll() (map[string]bool, error) {
	if err := w.moves.Flush(); err != nil {
		return nil, err
	}
	if _, err := w.movesF.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	br := iobuf.NewReader(w.movesF)
	var errs []error
	failed := map[string]bool{}
	for {
		f, err := readMove(br)
		if err == io.EOF {
			break
		}
		if err != nil {
			return failed, err
		}
		src := filepath.Join(w.tmp.Path, f[0])
		if err := w.moveFolder(src, f[1]); err != nil {
			errs = append(errs, &InputError{Source: f[2], Err: err})
			failed[f[1]] = true
		}
	}
	return failed, errors.Join(errs...)
}

// readMove reads one line of writeMove: the index, folder and source.
func readMove(br *bufio.Reader) ([3]string, error) {
	var f [3]string
	for i := range f {
		n, err := br.ReadString(':')
		if err != nil {
			if i == 0 && err == io.EOF && n == "" {
				return f, io.EOF
			}
			return f, fmt.Errorf("write: corrupt list of folders: %w", err)
		}
		size, err := strconv.Atoi(n[:len(n)-1])
		if err != nil {
			return f, fmt.Errorf("write: corrupt list of folders: %w", err)
		}
		b := make([]byte, size)
		if _, err := io.ReadFull(br, b); err != nil {
			return f, fmt.Errorf("write: corrupt list of folders: %w", err)
		}
		f[i] = string(b)
	}
	if c, err := br.ReadByte(); err != nil || c != '\n' {
		return f, errors.New("write: corrupt list of folders")
	}
	return f, nil
}

// moveFolder renames an input's temporary folder into place, replacing an
// existing one whole under Force.
func (w *Writer) moveFolder(src, folder string) error {
	dest := filepath.Join(w.opts.Dir, filepath.FromSlash(folder))
	if err := os.MkdirAll(filepath.Dir(dest), 0o777); err != nil {
		return err
	}
	if _, err := os.Lstat(dest); err == nil {
		if !w.opts.Force {
			return fmt.Errorf("%s exists (use --force to replace it)", dest)
		}
		old := src + ".old"
		if err := os.Rename(dest, old); err != nil {
			return err
		}
		defer os.RemoveAll(old)
	}
	return os.Rename(src, dest)
}

// dropFailed rewrites the run's manifest without the lines of the folders
// that could not be moved into place.
func (w *Writer) dropFailed(failed map[string]bool) error {
	old := w.manifest
	if err := old.bw.Flush(); err != nil {
		return err
	}
	defer old.f.Cleanup()
	if _, err := old.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	nm, err := w.newOut(ManifestName)
	if err != nil {
		return err
	}
	w.manifest = nm
	sc := bufio.NewScanner(old.f)
	sc.Buffer(nil, 1<<30)
	for sc.Scan() {
		var m struct{ File string }
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			return err
		}
		if m.File != "" && failedFolder(m.File, failed) {
			continue
		}
		nm.Write(sc.Bytes())
		nm.Write([]byte{'\n'})
	}
	return sc.Err()
}

// failedFolder reports whether file is inside one of the folders.
func failedFolder(file string, folders map[string]bool) bool {
	for d := path.Dir(file); d != "."; d = path.Dir(d) {
		if folders[d] {
			return true
		}
	}
	return false
}

// removeListed removes the files that dir's manifest lists, and the
// folders that this leaves empty. Only names langsplit writes are removed,
// and only inside dir (an os.Root: no "..", no symlinks out of it).
func removeListed(dir string) error {
	f, err := os.Open(filepath.Join(dir, ManifestName))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<30)
	for sc.Scan() {
		var m struct{ File string }
		if json.Unmarshal(sc.Bytes(), &m) != nil || m.File == "" || !filepath.IsLocal(filepath.FromSlash(m.File)) {
			continue // a summary line, or not a manifest line of ours
		}
		base := path.Base(m.File)
		if !blockFileRE.MatchString(base) && !(IsLangFile(base) && path.Dir(m.File) == ".") {
			continue
		}
		if err := root.Remove(filepath.FromSlash(m.File)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		for d := path.Dir(m.File); d != "."; d = path.Dir(d) {
			if root.Remove(filepath.FromSlash(d)) != nil {
				break // not empty: other files, ours or not
			}
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

// Cleanup removes the temporary directory, and the output directory too if
// New created it and it is empty. It is safe to call after Commit, and it
// is what an interrupted run calls.
func (w *Writer) Cleanup() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.movesF != nil {
		w.movesF.Close()
	}
	w.manifest.f.Cleanup()
	for _, o := range w.langs {
		o.f.Cleanup()
	}
	err := w.tmp.Remove()
	if w.createdDir {
		os.Remove(w.opts.Dir) // fails, as it should, unless it is empty
	}
	return err
}
