package build

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"dossier/internal/align"
	"dossier/internal/corpus"
	"dossier/internal/diag"
	"dossier/internal/extract"
	"dossier/internal/model"
	"dossier/internal/render"
	"dossier/internal/segment"
	"dossier/internal/site"
)

// Options configure a build.
type Options struct {
	SiteDir string // the site: content/articles/, optional templates/, assets/, dossier.yaml
	OutDir  string // where the dossier is written
	Builtin fs.FS  // the embedded templates/ and assets/ folders
}

// Result reports what a build did.
type Result struct {
	Diags     diag.List
	Files     int // files in the site
	Written   int // files whose bytes changed
	Removed   int // stale files removed
	Articles  int
	Facts     int
	Disputed  int
	Published bool // false when the build failed and nothing was written
}

// ErrFailed is returned when the input has errors; the diagnostics say which.
var ErrFailed = errors.New("build failed")

// Compile runs every stage up to rendering and returns the files, without
// touching the output dir.
func Compile(opts Options) ([]render.File, Result, error) {
	var res Result
	fsys := os.DirFS(opts.SiteDir)
	arts, diags, err := corpus.Load(fsys)
	res.Diags = append(res.Diags, diags...)
	if err != nil {
		return nil, res, err
	}
	cfg, diags, err := corpus.LoadConfig(fsys)
	res.Diags = append(res.Diags, diags...)
	if err != nil {
		return nil, res, err
	}
	res.Articles = len(arts)
	in := make([]align.Input, len(arts))
	ptrs := make([]*model.Article, len(arts))
	docs := make([]*model.Doc, len(arts))
	for i := range arts {
		a := &arts[i]
		d := segment.Segment(a)
		ex := extract.Extract(a, &d)
		ptrs[i], docs[i] = a, &d
		in[i] = align.Input{Article: a, Doc: &d, Claims: ex.Claims, Events: ex.Events}
	}
	led := align.Align(in)
	res.Facts = len(led.Facts)
	for _, f := range led.Facts {
		if f.Status == model.Disputed && !f.Possible {
			res.Disputed++
		}
	}
	s := site.Build(site.Input{Articles: ptrs, Docs: docs, Ledger: &led, Config: site.Config{Title: cfg.Title, Description: cfg.Description}})
	files, err := render.Render(s, render.Options{
		Templates: []fs.FS{sub(fsys, "templates"), sub(opts.Builtin, "templates")},
		Assets:    []fs.FS{sub(fsys, "assets"), sub(opts.Builtin, "assets")},
	})
	if err != nil {
		res.Diags.Errorf("templates", 0, "fix the template, or remove it to use the built-in one", "%v", err)
		return nil, res, nil
	}
	res.Files = len(files)
	return files, res, nil
}

// Build compiles the site and, when there are no errors, publishes it.
func Build(opts Options) (Result, error) {
	files, res, err := Compile(opts)
	if err != nil {
		return res, err
	}
	if res.Diags.HasErrors() {
		return res, ErrFailed
	}
	w, r, err := Publish(opts.OutDir, files)
	res.Written, res.Removed = w, r
	if err != nil {
		var c *ConflictError
		if errors.As(err, &c) {
			res.Diags.Errorf(c.Path, 0, "remove it, or choose another output folder with -d", "exists and was not made by dossier; not overwritten")
			return res, ErrFailed
		}
		return res, err
	}
	res.Published = true
	return res, nil
}

func sub(fsys fs.FS, dir string) fs.FS {
	if fsys == nil {
		return nil
	}
	if _, err := fs.Stat(fsys, dir); err != nil {
		return nil
	}
	s, err := fs.Sub(fsys, dir)
	if err != nil {
		return nil
	}
	return s
}

// String summarises a result in one line.
func (r Result) String() string {
	return fmt.Sprintf("%d articles, %d facts (%d disputed), %d files: %d written, %d removed",
		r.Articles, r.Facts, r.Disputed, r.Files, r.Written, r.Removed)
}
