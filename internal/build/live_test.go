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
