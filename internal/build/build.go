package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"dossier/internal/align"
	"dossier/internal/cache"
	"dossier/internal/corpus"
	"dossier/internal/diag"
	"dossier/internal/editorial"
	"dossier/internal/extract"
	"dossier/internal/model"
	"dossier/internal/par"
	"dossier/internal/registry"
	"dossier/internal/render"
	"dossier/internal/segment"
	"dossier/internal/site"
)

// Options configure a build.
type Options struct {
	SiteDir string // the site: content/articles/, optional templates/, assets/, dossier.yaml
	OutDir  string // where the dossier is written
	Builtin fs.FS  // the embedded templates/ and assets/ folders
	// BuildDrafts includes the articles whose front matter says draft: true.
	BuildDrafts bool
	// Compiled is when the dossier is said to be compiled ("" says
	// nothing, and keeps builds byte-identical): cmd/dossier takes it from
	// SOURCE_DATE_EPOCH, the reproducible-builds convention.
	Compiled string
	// OnFast, if set, is told when a rebuild's fast path has published the
	// pages of the edited articles, before the full rebuild.
	OnFast func(paths []string, elapsed time.Duration)
}

// Result reports what a build did.
type Result struct {
	Diags     diag.List
	Files     int      // files in the site
	Written   int      // files whose bytes changed
	Kept      int      // pages not rendered again: their fingerprint did not change (live builds)
	Removed   int      // stale files removed
	Paths     []string // the files written, for rebuild reports and tests
	Articles  int
	Extracted int // articles whose per-article stages ran (the rest came from the cache)
	// Fast lists the pages the fast path published before the full
	// rebuild; when the build failed, every page the fast path published
	// since the last good build began, which the failure leaves as they are.
	Fast      []string
	Facts     int
	Disputed  int
	Published bool // false when the build failed
	// Partial is set when publishing failed after it began moving files:
	// the output holds part of this build until the next build finishes it.
	Partial bool
	Timings Timings
}

// Timings is where a build's time went.
type Timings struct {
	Fast, Read, Extract, Align, Site, Render, Publish, Total time.Duration
}

// ErrFailed is returned when the input has errors; the diagnostics say which.
var ErrFailed = errors.New("build failed")

// Build runs one full build.
func Build(opts Options) (Result, error) { return NewBuilder(opts).Build(nil) }

// Builder runs builds of one site, keeping each article's bytes and
// per-article results between them (see package cache), so a rebuild after
// an edit re-reads and re-extracts only the changed articles.
type Builder struct {
	opts     Options
	cache    *cache.Cache
	files    map[string]file // article path → its last read bytes
	registry []byte          // the slug registry this build made, written after publishing

	// The fast path may run while a full build runs (see Live); mu guards
	// what they share.
	mu     sync.Mutex
	prev   *site.Site        // the last good build's site, for the fast path
	known  map[string]string // article path → id, of the last build
	gen    int64             // counts fast-path publishes
	good   int64             // gen when the last good full build began
	fastAt map[string]int64  // page → gen of its last fast-path publish
	// fastExtracted counts articles the fast path extracted since the last
	// full build began (the full build then finds them in the cache)
	fastExtracted int

	// live builders remember each page's fingerprint and size as last
	// published, and leave a page whose fingerprint did not change as it
	// is on disk (see site.Page.Fingerprint)
	live  bool
	marks map[string]pageMark
}

type pageMark struct {
	sum  [32]byte
	size int64
}

type file struct {
	raw []byte
	key cache.Key
}

// NewBuilder returns a builder with an empty cache.
func NewBuilder(opts Options) *Builder {
	return &Builder{opts: opts, cache: cache.New(), files: map[string]file{}, known: map[string]string{}, fastAt: map[string]int64{}}
}

// Build compiles the site and, when there are no errors, publishes it.
// changed lists the site-relative paths that changed since the previous
// build; nil means unknown, and every article is read again.
func (b *Builder) Build(changed []string) (res Result, err error) {
	start := time.Now()
	fast := b.fastPath(changed)
	res, err = b.full(changed)
	if err == nil || len(res.Fast) == 0 {
		res.Fast = fast
	}
	if len(fast) > 0 {
		res.Timings.Fast = time.Since(start)
	}
	res.Timings.Total = time.Since(start)
	return res, err
}

// full runs every stage and publishes. A page the fast path published after
// this build began is left alone: this build read older bytes, and the
// next build, which the edit triggered, writes the page.
func (b *Builder) full(changed []string) (res Result, err error) {
	start := time.Now()
	defer func() { res.Timings.Total = time.Since(start) }()
	defer recoverBuild(&res, &err)
	b.mu.Lock()
	startGen := b.gen
	// articles the fast path extracted for this build count as its own
	fastExtracted := b.fastExtracted
	b.fastExtracted = 0
	skip := map[string]bool{}
	for p, g := range b.fastAt {
		if g > startGen {
			skip[p] = true
		}
	}
	b.mu.Unlock()
	unlock, err := lockOut(b.opts.OutDir)
	if err != nil {
		if errors.Is(err, ErrLocked) {
			res.Diags.Errorf(filepath.ToSlash(b.opts.OutDir), 0, "wait for the other build to finish, or build into another folder with -d", "%v", err)
			return res, ErrFailed
		}
		return res, err
	}
	defer unlock()
	var pub diag.List // what publishing has to say
	st, err := newStager(b.opts.OutDir, skip, &pub)
	if err != nil {
		res.Diags, res.Partial = pub, errors.Is(err, ErrUnfinished)
		if publishDiag(&res.Diags, err) {
			return res, ErrFailed
		}
		return res, err
	}
	var keep func(site.Page, func() any) bool
	var markMu sync.Mutex
	marks := map[string][32]byte{}
	if b.live {
		b.mu.Lock()
		fast := make(map[string]bool, len(b.fastAt))
		for p := range b.fastAt {
			fast[p] = true // on disk as the fast path wrote it: always rendered again
		}
		b.mu.Unlock()
		keep = func(p site.Page, content func() any) bool {
			if fast[p.Path] {
				return false
			}
			sum, ok := p.Fingerprint(content)
			if !ok {
				return false
			}
			markMu.Lock()
			marks[p.Path] = sum
			markMu.Unlock()
			prev, had := b.marks[p.Path]
			return had && prev.sum == sum && st.keepable(p.Path, prev.size)
		}
	}
	_, res, err = b.compile(changed, st.add, keep)
	res.Diags = append(pub, res.Diags...)
	res.Extracted += fastExtracted
	if err != nil || res.Diags.HasErrors() {
		st.abort()
		res.Fast = b.ahead()
		if publishDiag(&res.Diags, err) {
			return res, ErrFailed
		}
		if err != nil {
			return res, err
		}
		return res, ErrFailed
	}
	t := time.Now()
	paths, removed, err := st.commit(&res.Diags)
	res.Timings.Publish = time.Since(t)
	res.Written, res.Removed, res.Paths = len(paths), removed, paths
	if err != nil {
		b.marks = nil
		res.Partial, res.Fast = st.started, b.ahead()
		if publishDiag(&res.Diags, err) {
			return res, ErrFailed
		}
		return res, err
	}
	res.Published = true
	b.mu.Lock()
	b.good = startGen
	b.mu.Unlock()
	if b.live {
		next := make(map[string]pageMark, len(marks))
		for p, sum := range marks {
			if size, ok := st.sizes[p]; ok {
				next[p] = pageMark{sum, size}
			}
		}
		b.marks = next
	}
	// the slug registry is part of the site: written only after a good
	// publish, and only when it changed
	reg := filepath.Join(b.opts.SiteDir, registry.File)
	if old, err := os.ReadFile(reg); err != nil || !bytes.Equal(old, b.registry) {
		if err := writeAtomic(reg, b.registry); err != nil {
			return res, err
		}
	}
	return res, nil
}

// recoverBuild turns a panic in a whole-build stage (alignment, the site,
// rendering) into a failed build with an error diagnostic, so a live server
// stays up; the staging folder is removed by the next build.
func recoverBuild(res *Result, err *error) {
	if r := recover(); r != nil {
		res.Diags.Errorf("dossier", 0, "this is a bug in dossier: please report it with the articles",
			"internal error while building the site (%v)", r)
		*err = ErrFailed
	}
}

// ahead lists the pages the fast path published since the last good full
// build began: a failed build leaves them as the fast path wrote them.
func (b *Builder) ahead() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	for p, g := range b.fastAt {
		if g > b.good {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// publishDiag states an error of publishing as a diagnostic on the file
// it concerns, and reports whether it was one.
func publishDiag(ds *diag.List, err error) bool {
	var c *ConflictError
	if errors.As(err, &c) {
		ds.Errorf(c.Path, 0, "remove it, or choose another output folder with -d", "%s; not overwritten", c.what())
		return true
	}
	var w *WriteError
	if errors.As(err, &w) {
		ds.Errorf(w.Path, 0, "make room on the disk or make the folder writable, or choose another output folder with -d",
			"could not be written: %v", w.Err)
		return true
	}
	return false
}

// Compile runs every stage up to rendering and returns the files without
// touching the output dir.
func Compile(opts Options) ([]render.File, Result, error) {
	return NewBuilder(opts).compile(nil, nil, nil)
}

// CompileCorpus compiles a folder of articles kept outside any site (a
// reference corpus): a temporary site whose content/articles is that folder,
// removed again when done. Nothing is written anywhere else.
func CompileCorpus(articles string, builtin fs.FS) ([]render.File, Result, error) {
	abs, err := filepath.Abs(articles)
	if err != nil {
		return nil, Result{}, err
	}
	site, err := os.MkdirTemp("", "dossier-corpus-")
	if err != nil {
		return nil, Result{}, err
	}
	defer os.RemoveAll(site)
	if err := os.Mkdir(filepath.Join(site, "content"), 0o755); err != nil {
		return nil, Result{}, err
	}
	if err := os.Symlink(abs, filepath.Join(site, "content", "articles")); err != nil {
		return nil, Result{}, err
	}
	return Compile(Options{SiteDir: site, Builtin: builtin})
}

// Ledger runs the stages up to alignment and returns the ledger, for
// `dossier ledger`: nothing is rendered or written.
func Ledger(opts Options) (model.Ledger, Result, error) {
	var res Result
	led, _, _, _, err := NewBuilder(opts).edited(os.DirFS(opts.SiteDir), nil, &res)
	return led, res, err
}

// edited reads the editor's decisions, aligns with them, applies the rest
// to the ledger and updates the slug registry (kept for after publishing).
func (b *Builder) edited(fsys fs.FS, changed []string, res *Result) (model.Ledger, []*model.Article, []*model.Doc, []registry.Retired, error) {
	var dec editorial.Decisions
	if data, err := fs.ReadFile(fsys, editorial.File); err == nil {
		var ds diag.List
		dec, ds = editorial.Parse(data)
		res.Diags = append(res.Diags, ds...)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return model.Ledger{}, nil, nil, nil, fmt.Errorf("read %s: %w", editorial.File, err)
	}
	led, ptrs, docs, events, err := b.ledger(fsys, changed, res, dec.Options())
	if err != nil {
		return led, nil, nil, nil, err
	}
	prev := registry.Registry{}
	if data, err := fs.ReadFile(fsys, registry.File); err == nil {
		var ds diag.List
		prev, ds = registry.Parse(data)
		res.Diags = append(res.Diags, ds...)
	}
	// the addresses this build retires, for fact decisions keyed to one
	// (the registry is updated again below, with the decisions applied)
	var before []registry.Retired
	if len(dec.Facts) > 0 {
		_, before = registry.Update(prev, led.Facts)
	}
	arts := make(map[string]*model.Article, len(ptrs))
	for _, a := range ptrs {
		arts[a.ID] = a
	}
	res.Diags = append(res.Diags, editorial.Apply(dec, &led, editorial.Input{Retired: before, Articles: arts, Events: events})...)
	res.Facts = len(led.Facts)
	for _, f := range led.Facts {
		if f.Status == model.Disputed {
			res.Disputed++
		}
	}
	next, retired := registry.Update(prev, led.Facts)
	b.registry = next.Bytes()
	return led, ptrs, docs, retired, nil
}

// ledger reads the articles (those in changed, or all), runs the
// per-article stages on what the cache does not hold, and aligns them.
func (b *Builder) ledger(fsys fs.FS, changed []string, res *Result, opts align.Options) (model.Ledger, []*model.Article, []*model.Doc, map[string]bool, error) {
	t := time.Now()
	paths, now, keys, err := b.read(fsys, changed, res)
	if err != nil {
		return model.Ledger{}, nil, nil, nil, err
	}
	res.Timings.Read = time.Since(t)
	t = time.Now()
	entries, kept := b.extract(paths, now, keys, res)
	res.Timings.Extract = time.Since(t)
	t = time.Now()
	var in []align.Input
	var ptrs []*model.Article
	var docs []*model.Doc
	events := map[string]bool{}
	for _, e := range entries {
		if !kept[e.Article.File] {
			continue
		}
		for ev := range e.Result.Events {
			events[ev] = true
		}
		in = append(in, align.Input{Article: &e.Article, Doc: &e.Doc, Claims: e.Result.Claims, Events: e.Result.Events, ReportDate: e.Result.ReportDate, Shingles: e.Shingles})
		ptrs = append(ptrs, &e.Article)
		docs = append(docs, &e.Doc)
	}
	res.Articles = len(in)
	led := align.AlignWith(in, opts)
	res.Timings.Align = time.Since(t)
	return led, ptrs, docs, events, nil
}

// read lists the articles and reads those that changed (all, when changed
// is nil), keying each by its bytes.
func (b *Builder) read(fsys fs.FS, changed []string, res *Result) ([]string, map[string]file, []cache.Key, error) {
	paths, diags, err := corpus.List(fsys)
	res.Diags = append(res.Diags, diags...)
	if err != nil {
		return nil, nil, nil, err
	}
	ids, diags := corpus.IDs(paths)
	res.Diags = append(res.Diags, diags...)
	dirty := map[string]bool{}
	for _, p := range changed {
		dirty[p] = true
	}
	now := make(map[string]file, len(paths))
	keys := make([]cache.Key, len(paths))
	for i, p := range paths {
		f, ok := b.files[p]
		if !ok || changed == nil || dirty[p] || f.key.ID != ids[i] {
			raw, err := fs.ReadFile(fsys, p)
			if err != nil {
				return nil, nil, nil, fmt.Errorf("read %s: %w", p, err)
			}
			sum := sha256.Sum256(raw)
			f = file{raw: raw, key: cache.Key{Path: p, ID: ids[i], ContentSHA256: hex.EncodeToString(sum[:]), StagesVersion: cache.StagesVersion}}
		}
		now[p] = f
		keys[i] = f.key
	}
	b.files = now
	return paths, now, keys, nil
}

// extract runs the per-article stages, in parallel, on the articles the
// cache does not hold, and drops duplicate articles; kept names the files
// that stay.
func (b *Builder) extract(paths []string, now map[string]file, keys []cache.Key, res *Result) ([]*cache.Entry, map[string]bool) {
	entries := make([]*cache.Entry, len(paths))
	var todo []int
	for i, k := range keys {
		if e, ok := b.cache.Get(k); ok {
			entries[i] = e
		} else {
			todo = append(todo, i)
		}
	}
	res.Extracted = len(todo)
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(par.Workers(), max(1, len(todo))); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				entries[i] = perArticle(paths[i], keys[i].ID, now[paths[i]].raw, b.opts.BuildDrafts)
				b.cache.Put(keys[i], entries[i])
			}
		}()
	}
	for _, i := range todo {
		work <- i
	}
	close(work)
	wg.Wait()
	b.cache.Keep(keys)
	kept := map[string]bool{}
	for _, e := range entries {
		res.Diags = append(res.Diags, e.Diags...)
		if !e.Skipped {
			kept[e.Article.File] = true
		}
	}
	return entries, kept
}

// compile runs every stage. With emit, each rendered file goes to emit as
// soon as it is ready and none is returned; without, they are returned.
// Rendering is skipped when the input already has errors.
func (b *Builder) compile(changed []string, emit func(render.File) error, keep func(site.Page, func() any) bool) ([]render.File, Result, error) {
	var res Result
	fsys := os.DirFS(b.opts.SiteDir)
	cfg, diags, err := corpus.LoadConfig(fsys)
	res.Diags = append(res.Diags, diags...)
	if err != nil {
		return nil, res, err
	}
	led, ptrs, docs, retired, err := b.edited(fsys, changed, &res)
	if err != nil {
		return nil, res, err
	}
	t := time.Now()
	title := cfg.Title
	if led.Title != "" {
		title = led.Title
	}
	s := site.Build(site.Input{Articles: ptrs, Docs: docs, Ledger: &led, Retired: retired,
		Config: site.Config{Title: title, Description: cfg.Description, NotesHTML: cfg.NotesHTML, BaseURL: cfg.BaseURL, Compiled: b.opts.Compiled}})
	res.Timings.Site = time.Since(t)
	if res.Diags.HasErrors() {
		return nil, res, nil
	}
	t = time.Now()
	var files []render.File
	var mu sync.Mutex
	var count, unchanged atomic.Int64
	var paths sync.Map
	collect := func(f render.File) error {
		if _, dup := paths.LoadOrStore(f.Path, true); dup {
			return fmt.Errorf("two files at %s: this is a bug in dossier, please report it", f.Path)
		}
		count.Add(1)
		if f.Keep {
			unchanged.Add(1)
		}
		if emit != nil {
			return emit(f) // from several goroutines at once
		}
		data, err := f.Bytes()
		if err != nil {
			return err
		}
		mu.Lock()
		defer mu.Unlock()
		files = append(files, render.File{Path: f.Path, Data: bytes.Clone(data)}) // render reuses its buffers
		return nil
	}
	r, err := render.New(b.renderOptions(fsys))
	if err == nil {
		if keep != nil {
			r.Skip = func(p site.Page, content func() any) bool { return r.Builtin(p.Template) && keep(p, content) }
		}
		err = r.Each(s, collect)
	}
	res.Timings.Render = time.Since(t)
	res.Files, res.Kept = int(count.Load()), int(unchanged.Load())
	var conflict *ConflictError
	var werr *WriteError
	if errors.As(err, &conflict) || errors.As(err, &werr) {
		return nil, res, err
	}
	if err != nil {
		res.Diags.Errorf("templates", 0, "fix the template, or remove it to use the built-in one", "%v", err)
		return nil, res, nil
	}
	sort.Slice(files, func(i, k int) bool { return files[i].Path < files[k].Path })
	if !res.Diags.HasErrors() {
		b.mu.Lock()
		b.prev = s
		b.known = make(map[string]string, len(b.files))
		for p, f := range b.files {
			b.known[p] = f.key.ID
		}
		b.mu.Unlock()
	}
	return files, res, nil
}

func (b *Builder) renderOptions(fsys fs.FS) render.Options {
	return render.Options{
		Templates: []fs.FS{sub(fsys, "templates"), sub(b.opts.Builtin, "templates")},
		Assets:    []fs.FS{sub(fsys, "assets"), sub(b.opts.Builtin, "assets")},
	}
}

// fastPath publishes, at once, the source pages of articles that were
// edited (only edited: no file added or removed, no template or config
// change), laid out against the previous build. The full rebuild follows
// and makes every page consistent; the fast path only makes the page being
// edited current within milliseconds on a large corpus. It returns the
// pages written. What it extracts goes into the cache (the full rebuild
// does not extract it again, and counts it as its own: fastExtracted).
func (b *Builder) fastPath(changed []string) []string {
	fsys := os.DirFS(b.opts.SiteDir)
	b.mu.Lock()
	prev := b.prev
	var edited []string
	ids := map[string]string{}
	for _, p := range changed {
		id, known := b.known[p]
		switch {
		case known:
			edited = append(edited, p)
			ids[p] = id
		case !exists(fsys, p):
			// gone and never an article: an editor's or a tool's temp file
		default:
			prev = nil // a new or non-article file: only a full build will do
		}
	}
	b.mu.Unlock()
	if prev == nil || len(edited) == 0 {
		return nil
	}
	changed = edited
	start := time.Now()
	r, err := render.New(b.renderOptions(fsys))
	if err != nil {
		return nil
	}
	var written []string
	for _, p := range changed {
		raw, err := fs.ReadFile(fsys, p)
		if err != nil {
			return written
		}
		id := ids[p]
		e := perArticle(p, id, raw, b.opts.BuildDrafts)
		if e.Diags.HasErrors() || e.Skipped {
			return written
		}
		sum := sha256.Sum256(raw)
		b.cache.Put(cache.Key{Path: p, ID: id, ContentSHA256: hex.EncodeToString(sum[:]), StagesVersion: cache.StagesVersion}, e)
		b.mu.Lock()
		b.fastExtracted++
		b.mu.Unlock()
		pg, ok := site.SourceOnly(prev, &e.Article, &e.Doc, e.Result.Claims)
		if !ok {
			continue
		}
		f, err := r.Page(prev, pg)
		if err != nil || writeAtomic(filepath.Join(b.opts.OutDir, filepath.FromSlash(f.Path)), f.Data) != nil {
			return written
		}
		b.mu.Lock()
		b.gen++
		b.fastAt[f.Path] = b.gen
		b.mu.Unlock()
		written = append(written, f.Path)
	}
	if len(written) > 0 && b.opts.OnFast != nil {
		b.opts.OnFast(written, time.Since(start))
	}
	return written
}

// perArticle runs the per-article stages: decode, parse, segment, extract.
// A file that is not text is left out (Skipped), with a warning. A
// sentence an extractor broke on is a warning with its line; a stage that
// breaks on the whole article leaves the article without claims, with a
// warning, and the build goes on.
func perArticle(path, id string, raw []byte, drafts bool) (e *cache.Entry) {
	a := model.Article{ID: id, File: path}
	var diags diag.List
	defer func() {
		if r := recover(); r != nil {
			diags.Warnf(path, 0, "this is a bug in dossier: please report it with the article",
				"internal error while reading the article (%v); its claims are left out", r)
			e = &cache.Entry{Article: a, Doc: model.Doc{Article: id}, Result: extract.Result{Events: map[string]int{}}, Diags: diags}
		}
	}()
	text, diags, ok := corpus.Decode(path, raw)
	if !ok {
		return &cache.Entry{Article: a, Doc: model.Doc{Article: id}, Result: extract.Result{Events: map[string]int{}}, Diags: diags, Skipped: true}
	}
	var ds diag.List
	a, ds = corpus.ParseID(path, id, text)
	diags = append(diags, ds...)
	if a.Meta.Draft && !drafts {
		// a draft is left out, as Hugo does, unless drafts are asked for
		return &cache.Entry{Article: a, Doc: model.Doc{Article: id}, Result: extract.Result{Events: map[string]int{}}, Diags: diags, Skipped: true}
	}
	d := segment.Segment(&a)
	res := extract.Extract(&a, &d)
	for _, f := range res.Failed {
		diags.Warnf(a.File, a.Line(f.Sentence.Start), "this is a bug in dossier: please report it with the sentence",
			"internal error while reading this sentence (%s); its claims are left out", f.Err)
	}
	return &cache.Entry{Article: a, Doc: d, Result: res, Diags: diags, Shingles: align.Shingles(&a, &d)}
}

func exists(fsys fs.FS, p string) bool {
	_, err := fs.Stat(fsys, p)
	return err == nil
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
	kept := ""
	if r.Kept > 0 {
		kept = fmt.Sprintf(" (%d pages unchanged, not rendered)", r.Kept)
	}
	return fmt.Sprintf("%d articles (%d extracted), %d facts (%d disputed), %d files%s: %d written, %d removed in %s",
		r.Articles, r.Extracted, r.Facts, r.Disputed, r.Files, kept, r.Written, r.Removed, r.Timings.Total.Round(time.Millisecond))
}
