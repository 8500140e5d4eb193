package watch

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

const quiet = 40 * time.Millisecond

func start(t *testing.T, roots []Root, ignore ...string) *Watcher {
	t.Helper()
	w, err := New(roots, ignore, quiet)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

func next(t *testing.T, w *Watcher) []string {
	t.Helper()
	select {
	case b := <-w.Batches:
		return b
	case err := <-w.Errors:
		t.Fatalf("watch error: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("no batch within 5s")
	}
	return nil
}

func none(t *testing.T, w *Watcher) {
	t.Helper()
	select {
	case b := <-w.Batches:
		t.Fatalf("unexpected batch %v", b)
	case <-time.After(10 * quiet):
	}
}

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestBurstIsOneBatch(t *testing.T) {
	dir := t.TempDir()
	w := start(t, []Root{{dir, true}})
	for i := 0; i < 20; i++ {
		write(t, filepath.Join(dir, "a"+string(rune('a'+i))+".md"), "x")
	}
	b := next(t, w)
	if len(b) != 20 {
		t.Errorf("a burst of 20 writes gave a batch of %d", len(b))
	}
	none(t, w)
}

func TestEditorTempFilesAndAtomicSave(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.md"), "old")
	w := start(t, []Root{{dir, true}})
	for _, n := range []string{"a.md.swp", "4913", ".#a.md", "a.md~"} {
		write(t, filepath.Join(dir, n), "tmp")
	}
	none(t, w)
	// vim-style atomic save: write a temp file, rename it over the original
	tmp := filepath.Join(dir, ".a.md.tmp")
	write(t, tmp, "new")
	if err := os.Rename(tmp, filepath.Join(dir, "a.md")); err != nil {
		t.Fatal(err)
	}
	if b := next(t, w); !slices.Contains(b, filepath.Join(dir, "a.md")) {
		t.Errorf("atomic save not reported: %v", b)
	}
	// remove then create
	os.Remove(filepath.Join(dir, "a.md"))
	write(t, filepath.Join(dir, "a.md"), "newer")
	if b := next(t, w); !slices.Equal(b, []string{filepath.Join(dir, "a.md")}) {
		t.Errorf("remove+create: %v", b)
	}
}

func TestNewFoldersAreWatched(t *testing.T) {
	dir := t.TempDir()
	w := start(t, []Root{{dir, true}})
	sub := filepath.Join(dir, "2025", "october")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(sub, "x.md"), "x")
	b := next(t, w)
	if !slices.Contains(b, filepath.Join(sub, "x.md")) {
		// the file may land in a second batch when the folder was added after it was written
		b = append(b, next(t, w)...)
	}
	if !slices.Contains(b, filepath.Join(sub, "x.md")) {
		t.Fatalf("file in a new folder not reported: %v", b)
	}
	write(t, filepath.Join(sub, "x.md"), "y")
	if b := next(t, w); !slices.Contains(b, filepath.Join(sub, "x.md")) {
		t.Errorf("edit in a new folder not reported: %v", b)
	}
	if err := os.RemoveAll(filepath.Join(dir, "2025")); err != nil {
		t.Fatal(err)
	}
	if b := next(t, w); len(b) == 0 {
		t.Error("deleting a folder not reported")
	}
}

func TestChmodAndIgnoredFoldersAreQuiet(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	os.MkdirAll(out, 0o755)
	write(t, filepath.Join(dir, "a.md"), "x")
	w := start(t, []Root{{dir, true}}, out)
	os.Chmod(filepath.Join(dir, "a.md"), 0o600)
	write(t, filepath.Join(out, "index.html"), "generated")
	none(t, w)
}

func TestMissingRootIsFine(t *testing.T) {
	dir := t.TempDir()
	w := start(t, []Root{{dir, false}, {filepath.Join(dir, "templates"), true}})
	os.MkdirAll(filepath.Join(dir, "templates"), 0o755)
	if b := next(t, w); !slices.Contains(b, filepath.Join(dir, "templates")) {
		t.Fatalf("new templates folder not reported: %v", b)
	}
	write(t, filepath.Join(dir, "templates", "fact.html"), "x")
	if b := next(t, w); !slices.Contains(b, filepath.Join(dir, "templates", "fact.html")) {
		t.Errorf("file in a root created later not reported: %v", b)
	}
}

func TestWatchLimitMessage(t *testing.T) {
	err := limitError(fmt.Errorf("add /x: %w", syscall.ENOSPC))
	if err == nil || !strings.Contains(err.Error(), "fs.inotify.max_user_watches") {
		t.Errorf("hitting the watch limit should say how to raise it: %v", err)
	}
}

// drain collects batches until want is among them (or 5 s pass).
func drain(t *testing.T, w *Watcher, want string) []string {
	t.Helper()
	var all []string
	deadline := time.After(5 * time.Second)
	for {
		select {
		case b := <-w.Batches:
			all = append(all, b...)
			if slices.Contains(all, want) {
				return all
			}
		case err := <-w.Errors:
			t.Fatalf("watch error: %v", err)
		case <-deadline:
			t.Fatalf("%s not reported; got %v", want, all)
			return all
		}
	}
}

// A folder renamed, moved in, moved out, or deleted and restored keeps
// being watched under its new name: edits inside it are reported with
// the paths they have now.
func TestMovedFoldersStayWatched(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	dir := filepath.Join(root, "articles")
	os.MkdirAll(filepath.Join(dir, "2025", "oct"), 0o755)
	write(t, filepath.Join(dir, "2025", "oct", "a.md"), "a")
	w := start(t, []Root{{root, false}, {dir, true}})

	// a nested folder renamed: the new path is reported, and edits in it
	renamed := filepath.Join(dir, "2025", "october")
	if err := os.Rename(filepath.Join(dir, "2025", "oct"), renamed); err != nil {
		t.Fatal(err)
	}
	drain(t, w, filepath.Join(renamed, "a.md"))
	write(t, filepath.Join(renamed, "a.md"), "edited")
	if b := drain(t, w, filepath.Join(renamed, "a.md")); slices.Contains(b, filepath.Join(dir, "2025", "oct", "a.md")) {
		t.Errorf("an edit in a renamed folder reported under the old path: %v", b)
	}

	// a top-level folder renamed
	top := filepath.Join(dir, "y2025")
	if err := os.Rename(filepath.Join(dir, "2025"), top); err != nil {
		t.Fatal(err)
	}
	drain(t, w, filepath.Join(top, "october", "a.md"))
	write(t, filepath.Join(top, "october", "a.md"), "again")
	drain(t, w, filepath.Join(top, "october", "a.md"))

	// moved out of the watched tree: the folder is reported gone, and
	// edits where it went are not reported
	away := filepath.Join(outside, "away")
	if err := os.Rename(top, away); err != nil {
		t.Fatal(err)
	}
	drain(t, w, top)
	write(t, filepath.Join(away, "october", "a.md"), "elsewhere")
	none(t, w)

	// moved back in, then edited
	back := filepath.Join(dir, "back")
	if err := os.Rename(away, back); err != nil {
		t.Fatal(err)
	}
	drain(t, w, filepath.Join(back, "october", "a.md"))
	write(t, filepath.Join(back, "october", "a.md"), "home")
	drain(t, w, filepath.Join(back, "october", "a.md"))

	// deleted and restored
	if err := os.RemoveAll(back); err != nil {
		t.Fatal(err)
	}
	drain(t, w, back)
	os.MkdirAll(filepath.Join(back, "october"), 0o755)
	write(t, filepath.Join(back, "october", "a.md"), "restored")
	drain(t, w, filepath.Join(back, "october", "a.md"))
	write(t, filepath.Join(back, "october", "a.md"), "restored and edited")
	drain(t, w, filepath.Join(back, "october", "a.md"))
}
