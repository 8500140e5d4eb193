package build

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"dossier"
)

// Live rebuilds on change; a broken article fails the rebuild and leaves the
// last good site; fixing it builds again.
func TestLiveRebuilds(t *testing.T) {
	site := seedSite(t)
	out := filepath.Join(site, "public")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var mu sync.Mutex
	var results []Result
	var errs []error
	done := make(chan error, 1)
	go func() {
		done <- Live(ctx, Options{SiteDir: site, OutDir: out, Builtin: dossier.Files}, func(r Result, err error) {
			mu.Lock()
			results, errs = append(results, r), append(errs, err)
			mu.Unlock()
		})
	}()
	waitFor := func(n int) (Result, error) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			mu.Lock()
			if len(results) >= n {
				r, e := results[n-1], errs[n-1]
				mu.Unlock()
				return r, e
			}
			mu.Unlock()
			time.Sleep(5 * time.Millisecond)
		}
		t.Fatalf("no build %d within 10s", n)
		return Result{}, nil
	}
	if r, err := waitFor(1); err != nil || r.Extracted != 5 {
		t.Fatalf("first build: %v %+v", err, r)
	}
	time.Sleep(50 * time.Millisecond) // the watcher is set up after the first build
	p := filepath.Join(site, "content", "articles", "new.md")
	writeFile(t, p, "---\ntitle: Fresh report\n---\nThe raid took place on October 29, 2025.\n")
	r, err := waitFor(2)
	if err != nil || r.Extracted != 1 {
		t.Fatalf("rebuild after adding an article: extracted %d, %v", r.Extracted, err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "sources", "new", "index.html")); !strings.Contains(string(b), "Fresh report") {
		t.Error("the new article's page was not built")
	}
	good, _ := os.ReadFile(filepath.Join(out, "index.html"))
	writeFile(t, p, "---\ntitle: [broken\n---\n")
	if _, err := waitFor(3); err == nil {
		t.Fatal("a broken article should fail the rebuild")
	}
	if now, _ := os.ReadFile(filepath.Join(out, "index.html")); string(now) != string(good) {
		t.Error("the failed rebuild changed the last good site")
	}
	writeFile(t, p, "---\ntitle: Fixed\n---\nText.\n")
	if _, err := waitFor(4); err != nil {
		t.Fatalf("fixed article: %v", err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Live did not stop when its context ended")
	}
}

// A folder of articles renamed while the site is live is rebuilt under its
// new name, and edits inside it keep being picked up.
func TestLiveFollowsRenamedFolders(t *testing.T) {
	site := seedSite(t)
	out := filepath.Join(site, "public")
	writeFile(t, filepath.Join(site, "content", "articles", "batch", "x.md"), "---\ntitle: First words\n---\nThe raid took place on October 29, 2025.\n")
	defer startLive(t, site, out)()
	waitForPage(t, out, "sources/batch-x/index.html", "First words")
	arts := filepath.Join(site, "content", "articles")
	if err := os.Rename(filepath.Join(arts, "batch"), filepath.Join(arts, "renamed")); err != nil {
		t.Fatal(err)
	}
	waitForPage(t, out, "sources/renamed-x/index.html", "First words")
	writeFile(t, filepath.Join(arts, "renamed", "x.md"), "---\ntitle: Second words\n---\nThe raid took place on October 29, 2025.\n")
	waitForPage(t, out, "sources/renamed-x/index.html", "Second words")
}

// startLive runs Live on a site until the returned stop is called, and
// returns once the first build is done and the watcher is set up.
func startLive(t *testing.T, site, out string) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	first := make(chan struct{}, 1)
	done := make(chan error, 1)
	go func() {
		done <- Live(ctx, Options{SiteDir: site, OutDir: out, Builtin: dossier.Files}, func(Result, error) {
			select {
			case first <- struct{}{}:
			default:
			}
		})
	}()
	<-first
	time.Sleep(50 * time.Millisecond) // the watcher is set up after the first build
	return func() { cancel(); <-done }
}

// waitForPage waits until the page in out holds want, or fails after 10 s.
func waitForPage(t *testing.T, out, page, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(page))); err == nil && strings.Contains(string(b), want) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("%s never showed %q", page, want)
}

// When the full rebuild fails after the fast path published an edited
// article's page, the result names that page: the site is not as it was.
func TestFailedRebuildNamesPagesUpdatedAhead(t *testing.T) {
	site := seedSite(t)
	out := filepath.Join(site, "public")
	b := NewBuilder(Options{SiteDir: site, OutDir: out, Builtin: dossier.Files})
	b.live = true
	if _, err := b.Build(nil); err != nil {
		t.Fatal(err)
	}
	arts := filepath.Join(site, "content", "articles")
	writeFile(t, filepath.Join(arts, "broken.md"), "---\ntitle: [broken\n---\n")
	if _, err := b.Build([]string{"content/articles/broken.md"}); err == nil {
		t.Fatal("a broken article should fail the build")
	}
	edited := "content/articles/000_ed659b1ddebefba4.txt"
	raw, _ := os.ReadFile(filepath.Join(site, edited))
	writeFile(t, filepath.Join(site, edited), string(raw)+"\nA late paragraph, added by the editor.\n")
	res, err := b.Build([]string{edited})
	if err == nil {
		t.Fatal("the build should still fail on the broken article")
	}
	if len(res.Fast) != 1 || !strings.HasPrefix(res.Fast[0], "sources/000") {
		t.Fatalf("pages updated ahead: %v", res.Fast)
	}
	if page, _ := os.ReadFile(filepath.Join(out, filepath.FromSlash(res.Fast[0]))); !strings.Contains(string(page), "A late paragraph") {
		t.Error("the page named as updated ahead does not hold the edit")
	}
}
