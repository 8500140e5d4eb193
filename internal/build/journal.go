package build

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"dossier/internal/diag"
)

// Publishing is crash-safe by a journal kept in the staging folder:
//
//  1. every changed file is written into the staging folder (a build killed
//     now leaves the site as it was; the next build removes the folder);
//  2. the plan of the commit — the renames, the stale files to remove (each
//     checked to be the regular file dossier made: its hash is the
//     manifest's), the new manifest — is written to the journal, atomically
//     and synced: from here on the build is decided;
//  3. the plan is carried out, and the staging folder removed.
//
// A build that finds a journal finishes it first (each step can be done
// again: a rename whose source is gone was done), so a build killed at any
// point leaves a site that the next run makes the old or the new one, byte
// for byte, without a person. The guarantee is against the process dying
// (kill -9, a crash, a full disk); the journal is synced, but the staged
// files are not, so a power cut may lose pages on file systems that do not
// order writes.

const (
	ownerFile   = ".dossier-owner"   // in the staging folder: dossier made it
	journalFile = ".dossier-journal" // in the staging folder: the commit's plan
)

// journal is a commit's plan.
type journal struct {
	Moves    []string    // staged paths renamed into the output folder, in order (a new folder moves whole)
	Remove   []staleFile // files of the last build this one no longer makes
	Manifest string      // the new manifest
}

type staleFile struct{ Path, Hash string }

// ErrUnfinished says the output folder holds part of a build whose
// publishing could not be finished; the next build tries again.
var ErrUnfinished = errors.New("the output folder is part old, part new until a build finishes publishing")

// crashHook, when set (by the kill-and-restart tests only), is called at
// each step of a commit with the step's name.
var crashHook func(step string)

func crashPoint(step string) {
	if crashHook != nil {
		crashHook(step)
	}
}

// plan works out the commit: which staged paths move (a folder the output
// does not have yet moves whole), which stale files go. It refuses to write
// through a symbolic link or into something that is not a folder, and it
// leaves, with a warning, a stale path that is not the file dossier made.
func (st *stager) plan(ds *diag.List) (journal, error) {
	j := journal{Manifest: string(formatManifest(st.now))}
	sort.Strings(st.staged)
	dirs := dirChecker{out: st.out, ok: map[string]bool{".": true}}
	moved := "" // the last folder moved whole
	for _, p := range st.staged {
		if moved != "" && strings.HasPrefix(p, moved+"/") {
			continue
		}
		top, err := dirs.missingTop(path.Dir(p))
		if err != nil {
			return j, err
		}
		if top != "" {
			moved = top
			j.Moves = append(j.Moves, top)
			continue
		}
		j.Moves = append(j.Moves, p)
	}
	var stale []string
	for p := range st.old {
		if _, ok := st.now[p]; !ok {
			stale = append(stale, p)
		}
	}
	sort.Strings(stale)
	for _, p := range stale {
		switch ok, err := dirs.madeByUs(p, st.old[p]); {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil || !ok:
			ds.Warnf(filepath.ToSlash(filepath.Join(st.out, p)), 0, "delete it yourself if you do not need it",
				"no longer part of the site, but left in place: it is not the file dossier made (edited, replaced or linked since)")
		default:
			j.Remove = append(j.Remove, staleFile{p, st.old[p]})
		}
	}
	return j, nil
}

// dirChecker answers, with a memo, questions about folders below out.
type dirChecker struct {
	out string
	ok  map[string]bool // folders known to exist and to be real folders
}

// missingTop returns the outermost folder of dir that does not exist yet
// ("" when dir exists), and an error when a folder on the way is a
// symbolic link or not a folder.
func (c *dirChecker) missingTop(dir string) (string, error) {
	var chain []string
	for d := dir; !c.ok[d]; d = path.Dir(d) {
		chain = append(chain, d)
	}
	top := ""
	for i := len(chain) - 1; i >= 0; i-- {
		d := chain[i]
		fi, err := os.Lstat(filepath.Join(c.out, filepath.FromSlash(d)))
		if errors.Is(err, fs.ErrNotExist) {
			top = d
			break
		}
		if err != nil {
			return "", err
		}
		if !fi.IsDir() { // a link, even to a folder, or a file
			return "", &ConflictError{Path: filepath.ToSlash(filepath.Join(c.out, d)), What: "is not a folder dossier made (a symbolic link or a file)"}
		}
		c.ok[d] = true
	}
	return top, nil
}

// madeByUs reports whether p is a regular file, reached through real
// folders, whose bytes hash to hash.
func (c *dirChecker) madeByUs(p, hash string) (bool, error) {
	if top, err := c.missingTop(path.Dir(p)); err != nil || top != "" {
		if err == nil {
			err = fs.ErrNotExist
		}
		return false, err
	}
	name := filepath.Join(c.out, filepath.FromSlash(p))
	fi, err := os.Lstat(name)
	if err != nil {
		return false, err
	}
	if !fi.Mode().IsRegular() {
		return false, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return false, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return false, err
	}
	return hex.EncodeToString(h.Sum(nil)) == hash, nil
}

// writeJournal writes the plan into the staging folder, synced: once it
// returns, the commit is decided.
func writeJournal(dir string, j journal) error {
	data, err := json.Marshal(j)
	if err != nil {
		return err
	}
	return writeDurable(filepath.Join(dir, journalFile), data)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		return err
	}
	return nil
}

// apply carries out a journal. Every step may have been done already by an
// interrupted run: a rename whose source is gone, a removal whose file is
// gone, are done.
func apply(out, dir string, j journal) (removed int, err error) {
	for i, p := range j.Moves {
		src := filepath.Join(dir, filepath.FromSlash(p))
		if _, err := os.Lstat(src); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		dst := filepath.Join(out, filepath.FromSlash(p))
		if err := os.Rename(src, dst); err != nil {
			return removed, fmt.Errorf("write %s: %w", dst, err)
		}
		if i == len(j.Moves)/2 {
			crashPoint("moving")
		}
	}
	crashPoint("moved")
	root := filepath.Clean(out)
	for _, s := range j.Remove {
		name := filepath.Join(root, filepath.FromSlash(s.Path))
		fi, err := os.Lstat(name)
		if err != nil || !fi.Mode().IsRegular() {
			continue // gone already (or replaced since the plan: left)
		}
		if err := os.Remove(name); err != nil {
			return removed, fmt.Errorf("remove %s: %w", name, err)
		}
		removed++
		// drop the folders this removal emptied, up to the output folder
		for d := filepath.Dir(name); d != root && strings.HasPrefix(d, root); d = filepath.Dir(d) {
			if os.Remove(d) != nil {
				break
			}
		}
	}
	crashPoint("removed")
	if err := writeAtomic(filepath.Join(out, Manifest), []byte(j.Manifest)); err != nil {
		return removed, err
	}
	crashPoint("manifest")
	return removed, os.RemoveAll(dir)
}

// recoverStaging deals with a staging folder left in out: one with a
// journal is a commit that was decided, and is finished; one without is a
// build that was stopped before it changed anything, and is removed. A
// staging folder dossier did not make is refused.
func recoverStaging(out string, ds *diag.List) error {
	dir := filepath.Join(out, Staging)
	fi, err := os.Lstat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() || !ownStaging(dir) {
		return &ConflictError{Path: filepath.ToSlash(dir), What: "exists and was not made by dossier (dossier keeps its unfinished builds there)"}
	}
	data, err := os.ReadFile(filepath.Join(dir, journalFile))
	if errors.Is(err, fs.ErrNotExist) {
		return os.RemoveAll(dir) // stopped before its commit: the site is as it was
	}
	if err != nil {
		return err
	}
	var j journal
	if err := json.Unmarshal(data, &j); err != nil || !j.valid() {
		return fmt.Errorf("%s: unreadable journal of an interrupted build; delete %s and build again", filepath.Join(dir, journalFile), dir)
	}
	if _, err := apply(out, dir, j); err != nil {
		return fmt.Errorf("finishing the publishing of an interrupted build: %w (%w)", err, ErrUnfinished)
	}
	ds.Warnf(filepath.ToSlash(out), 0, "", "the last build was interrupted while it published; its publishing is now finished")
	return nil
}

// valid reports whether every path the journal names stays in the output
// folder: a journal is read back from disk, and is not trusted either.
func (j journal) valid() bool {
	for _, p := range j.Moves {
		if !outputPath(p) {
			return false
		}
	}
	for _, s := range j.Remove {
		if !outputPath(s.Path) || !isHash(s.Hash) {
			return false
		}
	}
	return true
}

// ownStaging reports whether the staging folder is dossier's: it holds
// dossier's owner file, or nothing at all.
func ownStaging(dir string) bool {
	if fi, err := os.Lstat(filepath.Join(dir, ownerFile)); err == nil && fi.Mode().IsRegular() {
		return true
	}
	ents, err := os.ReadDir(dir)
	return err == nil && len(ents) == 0
}

// makeStaging creates the staging folder, marked as dossier's.
func makeStaging(dir string) error {
	if err := os.Mkdir(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, ownerFile), []byte("made by dossier: an unfinished build; the next build finishes or removes it\n"), 0o644)
}
