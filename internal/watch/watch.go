// Package watch turns file-system events into batches of changed paths.
//
// Input: the folders to watch (recursively or not) and folders to ignore.
// Output: on Batches, the sorted, de-duplicated paths that changed, one
// batch per burst of events (a burst ends after Quiet without events).
//
// It handles what editors and users do: atomic saves (write a temp file,
// rename it over the original; or remove then create), editor temp files
// (.swp, ~, 4913, .#name — never reported), folders created later (watched
// as they appear, with the files already in them reported), deleted and
// renamed files and folders, and Chmod-only events (dropped). Hitting the
// operating system's watch limit is an error that says how to raise it.
//
// This is the only package that imports fsnotify (checked by make check).
package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"

	"dossier/internal/textutil"
)

// Root is a folder to watch.
type Root struct {
	Path      string
	Recursive bool
}

// Watcher reports batches of changed paths.
type Watcher struct {
	Batches <-chan []string
	Errors  <-chan error

	fw      *fsnotify.Watcher
	roots   []Root
	ignore  []string
	quiet   time.Duration
	batches chan []string
	errs    chan error
	done    chan struct{}
}

// New starts watching roots; paths below any of ignore are never watched
// or reported. A root that does not exist yet is watched from its parent.
func New(roots []Root, ignore []string, quiet time.Duration) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, limitError(err)
	}
	w := &Watcher{fw: fw, roots: roots, quiet: quiet, batches: make(chan []string, 1), errs: make(chan error, 1), done: make(chan struct{})}
	for _, ig := range ignore {
		if abs, err := filepath.Abs(ig); err == nil {
			w.ignore = append(w.ignore, abs)
		}
	}
	w.Batches, w.Errors = w.batches, w.errs
	for _, r := range roots {
		if err := w.add(r.Path, r.Recursive, nil); err != nil {
			fw.Close()
			return nil, err
		}
	}
	go w.loop()
	return w, nil
}

// Close stops watching; Batches is closed.
func (w *Watcher) Close() error {
	select {
	case <-w.done:
		return nil
	default:
	}
	close(w.done)
	return w.fw.Close()
}

func (w *Watcher) ignored(p string) bool {
	abs, err := filepath.Abs(p)
	if err != nil {
		return true
	}
	for _, ig := range w.ignore {
		if abs == ig || strings.HasPrefix(abs, ig+string(filepath.Separator)) {
			return true
		}
	}
	base := filepath.Base(p)
	return textutil.IsEditorTemp(base) || (strings.HasPrefix(base, ".") && base != ".")
}

// add watches dir (and, when recursive, every folder below it); files found
// are appended to found (for folders that appeared after the watch began).
func (w *Watcher) add(dir string, recursive bool, found *[]string) error {
	st, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil // appears later: its parent root reports its creation
	}
	if err != nil || !st.IsDir() {
		return err
	}
	if !recursive {
		return limitError(w.fw.Add(dir))
	}
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if p != dir && w.ignored(p) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return limitError(w.fw.Add(p))
		}
		if found != nil {
			*found = append(*found, p)
		}
		return nil
	})
}

func (w *Watcher) recursiveFor(p string) bool {
	for _, r := range w.roots {
		if r.Recursive && (p == r.Path || strings.HasPrefix(p, filepath.Clean(r.Path)+string(filepath.Separator))) {
			return true
		}
	}
	for _, r := range w.roots {
		// a recursive root created after the watch began, inside a watched parent
		if r.Recursive && filepath.Clean(r.Path) == filepath.Clean(p) {
			return true
		}
	}
	return false
}

func (w *Watcher) loop() {
	defer close(w.batches)
	pending := map[string]bool{}
	created := map[string]bool{} // folders that appeared in this burst
	var timer *time.Timer
	var fire <-chan time.Time
	for {
		select {
		case <-w.done:
			return
		case err, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			select {
			case w.errs <- limitError(err):
			default:
			}
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			if ev.Op == fsnotify.Chmod || w.ignored(ev.Name) {
				continue
			}
			pending[ev.Name] = true
			if ev.Has(fsnotify.Rename) || ev.Has(fsnotify.Remove) {
				w.forget(ev.Name)
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() && w.recursiveFor(ev.Name) {
					created[ev.Name] = true
					w.addFound(ev.Name, pending)
				}
			}
			if timer == nil {
				timer = time.NewTimer(w.quiet)
			} else {
				if !timer.Stop() {
					select {
					case <-timer.C:
					default:
					}
				}
				timer.Reset(w.quiet)
			}
			fire = timer.C
		case <-fire:
			fire = nil
			// A folder moved into place (renamed, moved in, restored) is
			// watched again now that the burst is over: fsnotify drops the
			// watch of a moved folder when it reads the folder's own
			// move event, which may come after the folder was added under
			// its new name, and a folder below it keeps reporting its old
			// path until it is added under the new one.
			for _, dir := range slices.Sorted(maps.Keys(created)) {
				if st, err := os.Stat(dir); err == nil && st.IsDir() {
					w.addFound(dir, pending)
				}
			}
			created = map[string]bool{}
			batch := make([]string, 0, len(pending))
			for p := range pending {
				batch = append(batch, p)
			}
			sort.Strings(batch)
			pending = map[string]bool{}
			select {
			case w.batches <- batch:
			case <-w.done:
				return
			}
		}
	}
}

// forget stops watching a folder that moved away or was deleted, and every
// folder below it. fsnotify keeps a moved folder's watch under its old
// path (the kernel's watch follows the folder), so edits there would be
// reported under a path that no longer exists, or, once it moved out of
// the watched folders, reported at all; where it moved to, it is watched
// afresh when it appears.
func (w *Watcher) forget(gone string) {
	for _, p := range w.fw.WatchList() {
		if p == gone || strings.HasPrefix(p, gone+string(filepath.Separator)) {
			if !w.isRoot(p) {
				w.fw.Remove(p)
			}
		}
	}
}

func (w *Watcher) isRoot(p string) bool {
	for _, r := range w.roots {
		if filepath.Clean(r.Path) == p {
			return true
		}
	}
	return false
}

// addFound watches dir and every folder below it, and marks the files in
// them as changed.
func (w *Watcher) addFound(dir string, pending map[string]bool) {
	var found []string
	if err := w.add(dir, true, &found); err != nil {
		select {
		case w.errs <- err:
		default:
		}
	}
	for _, f := range found {
		pending[f] = true
	}
}

// limitError explains the operating system's watch limits.
func limitError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("watch: the system limit on watched folders is reached (%w); raise it with: sudo sysctl fs.inotify.max_user_watches=524288", err)
	case errors.Is(err, syscall.EMFILE):
		return fmt.Errorf("watch: too many watchers are open (%w); raise the limit with: sudo sysctl fs.inotify.max_user_instances=1024", err)
	}
	return err
}
