package build

import (
	"context"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"dossier/internal/par"
	"dossier/internal/registry"
	"dossier/internal/watch"
)

// Quiet is how long the file system must be still before a rebuild starts:
// long enough to take an editor's save (temp file, rename) as one change.
const Quiet = 25 * time.Millisecond

// Live builds the site, then rebuilds whenever content/, templates/,
// assets/ or dossier.yaml change, until ctx is done. report is called after
// every full build. An edit to an existing article is published at once by
// the fast path (Options.OnFast), even while a full build runs; full builds
// run one at a time, each taking every change that arrived before it.
func Live(ctx context.Context, opts Options, report func(Result, error)) error {
	b := NewBuilder(opts)
	b.live = true
	res, err := b.Build(nil)
	report(res, err)
	// Rebuilds keep one processor free: one more P than the stages'
	// workers, so the watcher's timer, the fast path and the server always
	// have a P to run on at once, however busy a rebuild keeps the cores
	// (the operating system shares the cores between the threads; without
	// the spare P, Go ran the watcher's timer up to 75 ms late under load).
	procs := runtime.GOMAXPROCS(0)
	runtime.GOMAXPROCS(procs + 1)
	par.Reserve(1)
	defer func() {
		par.Reserve(0)
		runtime.GOMAXPROCS(procs)
	}()
	site := filepath.Clean(opts.SiteDir)
	w, err := watch.New([]watch.Root{
		{Path: site, Recursive: false},
		{Path: filepath.Join(site, "content"), Recursive: true},
		{Path: filepath.Join(site, "templates"), Recursive: true},
		{Path: filepath.Join(site, "assets"), Recursive: true},
	}, []string{opts.OutDir, filepath.Join(site, registry.File)}, Quiet)
	if err != nil {
		return err
	}
	defer w.Close()

	var mu sync.Mutex
	pending := map[string]bool{}
	kick := make(chan struct{}, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // full builds, one at a time
		defer wg.Done()
		for {
			select {
			case <-ctx.Done():
				return
			case <-kick:
			}
			mu.Lock()
			changed := make([]string, 0, len(pending))
			for p := range pending {
				changed = append(changed, p)
			}
			pending = map[string]bool{}
			mu.Unlock()
			sort.Strings(changed)
			res, err := b.full(changed)
			report(res, err)
		}
	}()
	defer wg.Wait()
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-w.Errors:
			return err
		case batch, ok := <-w.Batches:
			if !ok {
				return nil
			}
			var changed []string
			for _, p := range batch {
				if rel, err := filepath.Rel(site, p); err == nil && !strings.HasPrefix(rel, "..") {
					changed = append(changed, filepath.ToSlash(rel))
				}
			}
			b.fastPath(changed)
			mu.Lock()
			for _, p := range changed {
				pending[p] = true
			}
			mu.Unlock()
			select {
			case kick <- struct{}{}:
			default: // a full build is already due; it will take these changes too
			}
		}
	}
}
