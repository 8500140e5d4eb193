package build

import (
	"context"
	"path/filepath"
	"strings"
	"time"

	"dossier/internal/registry"
	"dossier/internal/watch"
)

// Quiet is how long the file system must be still before a rebuild starts:
// long enough to take an editor's save (temp file, rename) as one change.
const Quiet = 25 * time.Millisecond

// Live builds the site, then rebuilds whenever content/, templates/,
// assets/ or dossier.yaml change, until ctx is done. report is called after
// every build. Only the articles that changed are read and extracted again.
func Live(ctx context.Context, opts Options, report func(Result, error)) error {
	b := NewBuilder(opts)
	res, err := b.Build(nil)
	report(res, err)
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
			res, err := b.Build(changed)
			report(res, err)
		}
	}
}
