package build

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"dossier/internal/diag"
	"dossier/internal/render"
)

// Manifest is the file in the output dir that lists the files dossier made
// there, one "sha256 path" line each.
const Manifest = ".dossier-manifest"

// ConflictError says a file in the output dir would be overwritten though
// dossier did not make it.
type ConflictError struct {
	Path string
	What string // what is wrong with it; "" is "exists and was not made by dossier"
}

func (e *ConflictError) Error() string { return e.Path + ": " + e.what() }

func (e *ConflictError) what() string {
	if e.What == "" {
		return "exists and was not made by dossier"
	}
	return e.What
}

// WriteError says a file of the build could not be written (a full disk, a
// read-only folder); Path is where it was to go.
type WriteError struct {
	Path string
	Err  error
}

func (e *WriteError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *WriteError) Unwrap() error { return e.Err }

// writeError wraps err for the file at dst, keeping the operating system's
// reason ("no space left on device") rather than the staging path.
func writeError(dst string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &WriteError{Path: filepath.ToSlash(dst), Err: err}
}

func hashOf(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// Staging is the hidden folder inside the output dir where a build writes
// changed files until every page has rendered.
const Staging = ".dossier-staging"

// stager publishes a build in two steps, so that it never holds the whole
// site in memory and a failed build changes nothing: add (from any
// goroutine) writes each changed file into the staging folder as soon as it
// is rendered; commit moves them into place through a journal (see
// journal.go), removes the files the build no longer makes and writes the
// manifest; abort removes the staging folder. Files in skip are left as
// they are on disk (they stay dossier's: the manifest keeps their previous
// hash).
type stager struct {
	out, dir string
	old      map[string]string // the previous manifest
	skip     map[string]bool
	mu       sync.Mutex
	now      map[string]string // path → hash of this build's files
	sizes    map[string]int64  // path → size of this build's files
	kept     map[string]int64  // files left as they are (keepable), and their sizes
	staged   []string
	started  bool // commit began moving files: the site is no longer as it was
}

// newStager finishes or removes what an interrupted build left, reads the
// last build's manifest and makes a fresh staging folder. The caller holds
// the output folder's lock.
func newStager(out string, skip map[string]bool, ds *diag.List) (*stager, error) {
	if err := recoverStaging(out, ds); err != nil {
		return nil, err
	}
	old, err := readManifest(out, ds)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", filepath.Join(out, Manifest), err)
	}
	st := &stager{out: out, dir: filepath.Join(out, Staging), old: old, skip: skip, now: map[string]string{}, sizes: map[string]int64{}, kept: map[string]int64{}}
	if err := makeStaging(st.dir); err != nil {
		return nil, fmt.Errorf("create %s: %w", st.dir, err)
	}
	return st, nil
}

// add records one file of the build, staging it when its bytes changed.
// It is safe to call from several goroutines; the file is written outside
// the lock.
func (st *stager) add(f render.File) error {
	dst := filepath.Join(st.out, filepath.FromSlash(f.Path))
	st.mu.Lock()
	prev, mine := st.old[f.Path]
	skip := (st.skip[f.Path] || f.Keep) && mine
	if skip {
		st.now[f.Path] = prev
		if f.Keep {
			st.sizes[f.Path] = st.kept[f.Path]
		}
	}
	st.mu.Unlock()
	if skip {
		return nil
	}
	if f.Keep {
		return fmt.Errorf("%s: kept, but not in the manifest of the last build", f.Path)
	}
	if !mine {
		if _, err := os.Lstat(dst); err == nil {
			return &ConflictError{Path: filepath.ToSlash(dst)}
		}
	}
	staged := filepath.Join(st.dir, filepath.FromSlash(f.Path))
	var h string
	var size int64
	if f.Write != nil {
		// streamed: written to the staging folder, hashed on the way
		var err error
		if h, size, err = writeStream(staged, f.Write); err != nil {
			return writeError(dst, err)
		}
	} else {
		h, size = hashOf(f.Data), int64(len(f.Data))
	}
	unchanged := false
	if mine && prev == h {
		if fi, err := os.Lstat(dst); err == nil && fi.Mode().IsRegular() && fi.Size() == size {
			unchanged = true
		}
	}
	switch {
	case unchanged && f.Write != nil:
		os.Remove(staged)
	case !unchanged && f.Write == nil:
		if err := writeStaged(staged, f.Data); err != nil {
			return writeError(dst, err)
		}
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	st.now[f.Path] = h
	st.sizes[f.Path] = size
	if !unchanged {
		st.staged = append(st.staged, f.Path)
	}
	return nil
}

// writeStream writes a streamed file in the staging folder and returns
// the hash and size of what it wrote.
func writeStream(p string, write func(io.Writer) error) (string, int64, error) {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return "", 0, fmt.Errorf("create %s: %w", filepath.Dir(p), err)
	}
	out, err := os.Create(p)
	if err != nil {
		return "", 0, fmt.Errorf("write %s: %w", p, err)
	}
	h := sha256.New()
	bw := bufio.NewWriterSize(io.MultiWriter(out, h), 1<<16)
	cw := &countWriter{w: bw}
	err = write(cw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", 0, fmt.Errorf("write %s: %w", p, err)
	}
	return hex.EncodeToString(h.Sum(nil)), cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// keepable reports whether the file at path is dossier's, from the last
// build, and still the size it was made (so it can stay as it is), and
// notes that size for the manifest's bookkeeping.
func (st *stager) keepable(path string, size int64) bool {
	if _, mine := st.old[path]; !mine || st.skip[path] {
		return false
	}
	fi, err := os.Lstat(filepath.Join(st.out, filepath.FromSlash(path)))
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != size {
		return false
	}
	st.mu.Lock()
	st.kept[path] = size
	st.mu.Unlock()
	return true
}

func (st *stager) abort() { os.RemoveAll(st.dir) }

// commit plans the commit, writes the journal and carries it out. It
// returns the paths written and how many stale files were removed. Before
// the journal is written, a failure leaves the site as it was (the staging
// folder is removed); after, st.started is set, and a failure leaves the
// journal for the next build to finish.
func (st *stager) commit(ds *diag.List) (written []string, removed int, err error) {
	crashPoint("staged")
	j, err := st.plan(ds)
	if err == nil {
		err = writeJournal(st.dir, j)
	}
	if err != nil {
		st.abort()
		return nil, 0, err
	}
	st.started = true
	crashPoint("journal")
	removed, err = apply(st.out, st.dir, j)
	return st.staged, removed, err
}

// writeStaged writes a new file in the staging folder.
func writeStaged(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("create %s: %w", filepath.Dir(p), err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", p, err)
	}
	return nil
}

func writeAtomic(dst string, data []byte) error { return atomicWrite(dst, data, false) }

// writeDurable is writeAtomic with the file and its folder synced to disk
// before it returns (the publish journal: once written, a commit is decided).
func writeDurable(dst string, data []byte) error {
	if err := atomicWrite(dst, data, true); err != nil {
		return err
	}
	return syncDir(filepath.Dir(dst))
}

func atomicWrite(dst string, data []byte, sync bool) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return fmt.Errorf("create %s: %w", filepath.Dir(dst), err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".dossier-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", dst, err)
	}
	_, err = tmp.Write(data)
	if err == nil && sync {
		err = tmp.Sync()
	}
	if err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", dst, err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", dst, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", dst, err)
	}
	return nil
}
