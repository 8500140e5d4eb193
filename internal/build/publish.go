package build

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"dossier/internal/render"
)

// Manifest is the file in the output dir that lists the files dossier made
// there, one "sha256 path" line each.
const Manifest = ".dossier-manifest"

// ConflictError says a file in the output dir would be overwritten though
// dossier did not make it.
type ConflictError struct{ Path string }

func (e *ConflictError) Error() string { return e.Path + ": exists and was not made by dossier" }

func hashOf(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func readManifest(out string) (map[string]string, error) {
	m := map[string]string{}
	f, err := os.Open(filepath.Join(out, Manifest))
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		hash, path, ok := strings.Cut(sc.Text(), " ")
		if ok && !strings.Contains(path, "..") {
			m[path] = hash
		}
	}
	return m, sc.Err()
}

// Publish writes files into out: only changed files, atomically each,
// removing files of the previous build that are gone. It returns the paths
// written and how many files were removed.
func Publish(out string, files []render.File) (written []string, removed int, err error) {
	return publish(out, files, nil)
}

// publish is Publish leaving the files in skip as they are on disk (they
// stay dossier's: the manifest keeps their previous hash).
func publish(out string, files []render.File, skip map[string]bool) (written []string, removed int, err error) {
	old, err := readManifest(out)
	if err != nil {
		return nil, 0, fmt.Errorf("read %s: %w", filepath.Join(out, Manifest), err)
	}
	// refuse before writing anything
	for _, f := range files {
		if _, mine := old[f.Path]; mine {
			continue
		}
		if _, err := os.Lstat(filepath.Join(out, filepath.FromSlash(f.Path))); err == nil {
			return nil, 0, &ConflictError{Path: filepath.ToSlash(filepath.Join(out, f.Path))}
		}
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, 0, fmt.Errorf("create %s: %w", out, err)
	}
	now := map[string]string{}
	for _, f := range files {
		if skip[f.Path] {
			if h, ok := old[f.Path]; ok {
				now[f.Path] = h
				continue
			}
		}
		h := hashOf(f.Data)
		now[f.Path] = h
		dst := filepath.Join(out, filepath.FromSlash(f.Path))
		if old[f.Path] == h {
			if st, err := os.Stat(dst); err == nil && st.Size() == int64(len(f.Data)) {
				continue
			}
		}
		if err := writeAtomic(dst, f.Data); err != nil {
			return written, removed, err
		}
		written = append(written, f.Path)
	}
	var stale []string
	for p := range old {
		if _, ok := now[p]; !ok {
			stale = append(stale, p)
		}
	}
	sort.Strings(stale)
	for _, p := range stale {
		dst := filepath.Join(out, filepath.FromSlash(p))
		if err := os.Remove(dst); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return written, removed, fmt.Errorf("remove %s: %w", dst, err)
		}
		removed++
		// drop folders this removal emptied, up to the output dir
		for dir := filepath.Dir(dst); dir != filepath.Clean(out) && strings.HasPrefix(dir, filepath.Clean(out)); dir = filepath.Dir(dir) {
			if os.Remove(dir) != nil {
				break
			}
		}
	}
	var m bytes.Buffer
	paths := make([]string, 0, len(now))
	for p := range now {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		fmt.Fprintf(&m, "%s %s\n", now[p], p)
	}
	if err := writeAtomic(filepath.Join(out, Manifest), m.Bytes()); err != nil {
		return written, removed, err
	}
	return written, removed, nil
}

func writeAtomic(dst string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return fmt.Errorf("create %s: %w", filepath.Dir(dst), err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".dossier-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", dst, err)
	}
	if _, err := tmp.Write(data); err != nil {
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
