package render

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"reflect"
	"runtime/pprof"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/yuin/goldmark"
	gmhtml "github.com/yuin/goldmark/renderer/html"

	"dossier/internal/model"
	"dossier/internal/par"
	"dossier/internal/site"
)

// File is one output file: its bytes in Data, or, for a file too large to
// hold in memory at once (dossier.json), a Write function that streams them,
// or, with Keep, neither: the page is as the last build made it (see
// Renderer.Skip), and the file already in the output dir stays.
type File struct {
	Path  string
	Data  []byte
	Write func(io.Writer) error
	Keep  bool
}

// Bytes returns the file's bytes, running Write when it is a streamed file.
func (f File) Bytes() ([]byte, error) {
	if f.Write == nil {
		return f.Data, nil
	}
	var b bytes.Buffer
	err := f.Write(&b)
	return b.Bytes(), err
}

// buffers are reused between pages: a page is rendered into one, handed to
// emit, and the buffer goes back here when emit returns.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Options say where templates and assets come from; earlier folders
// override later ones by file name.
type Options struct {
	Templates []fs.FS
	Assets    []fs.FS
}

// view is what every template sees.
type view struct {
	Site *site.Site
	Page site.Page
	Root string
	Data any
}

var md = goldmark.New()

// inline renders a run of a Markdown article's text: emphasis, code and
// links become HTML, raw HTML is dropped (goldmark's safe default).
func inline(s string) template.HTML {
	if !strings.ContainsAny(s, "*_`[]<>&\\!#~|") {
		return template.HTML(template.HTMLEscapeString(s)) // no Markdown syntax: plain text
	}
	var b bytes.Buffer
	if err := md.Convert([]byte(s), &b); err != nil {
		return template.HTML(template.HTMLEscapeString(s))
	}
	out := strings.TrimSpace(b.String())
	out = strings.TrimPrefix(out, "<p>")
	out = strings.TrimSuffix(out, "</p>")
	if strings.Contains(out, "<p>") || strings.HasPrefix(out, "<h") || strings.HasPrefix(out, "<ul") || strings.HasPrefix(out, "<ol") || strings.HasPrefix(out, "<blockquote") {
		return template.HTML(template.HTMLEscapeString(s)) // a run that parses as a block: show it as text
	}
	if s != "" && (s[0] == ' ' || s[0] == '\n') {
		out = " " + out
	}
	if s != "" && (s[len(s)-1] == ' ' || s[len(s)-1] == '\n') {
		out += " "
	}
	return template.HTML(out)
}

var funcs = template.FuncMap{
	// inline renders a run of a Markdown article's text: emphasis, code and
	// links become HTML, raw HTML is dropped (goldmark's safe default).
	"inline":    inline,
	"article":   articleHTML,
	"citations": citationsHTML,
	"mentions":  mentionsHTML,
	"statusLabel": func(s string) string {
		return model.Status(s).Words()
	},
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return fmt.Sprintf("%d %s", n, one)
		}
		return fmt.Sprintf("%d %s", n, many)
	},
	"add": func(a, b int) int { return a + b },
	// editorBox gives the "editor" template an editor's decisions and
	// whether the site lets notes hold raw HTML
	"editorBox": func(s *site.Site, e *site.EditView) editorBox { return editorBox{e, s.NotesHTML} },
	"note":      noteHTML,
	"badge":     badge,
	"matrixPage": func(root string, n int) string {
		if n == 1 {
			return root + "matrix/index.html"
		}
		return fmt.Sprintf("%smatrix/page/%d/index.html", root, n)
	},
	"seq": func(n int) []int {
		out := make([]int, n)
		for i := range out {
			out[i] = i + 1
		}
		return out
	},
	"sub": func(a, b int) int { return a - b },
	// first and beyond cut a long list on a summary page: its first n
	// items, and how many it leaves out
	"first": func(n int, list any) any {
		v := reflect.ValueOf(list)
		if v.Kind() != reflect.Slice || v.Len() <= n {
			return list
		}
		return v.Slice(0, n).Interface()
	},
	"beyond": func(n int, list any) int {
		v := reflect.ValueOf(list)
		if v.Kind() != reflect.Slice || v.Len() <= n {
			return 0
		}
		return v.Len() - n
	},
	"describe": func(s *site.Site, p site.Page) string { return s.Describe(p) },
	"pageURL":  func(s *site.Site, p site.Page) string { return s.URL(p) },
	// ld is a fact page's schema.org JSON-LD, made by encoding/json with
	// <, > and & escaped, so it cannot close its script element
	"ld": func(s *site.Site, p site.Page) template.JS { return template.JS(s.JSONLD(p)) },
}

// badge is a verdict's label, linked to the page that explains what it
// means.
func badge(root, status string) template.HTML {
	class, label := status, model.Status(status).Words()
	if status == "possibly-conflicting" {
		class = "disputed possible"
	}
	return template.HTML(`<a class="status ` + template.HTMLEscapeString(class) + `" href="` + template.HTMLEscapeString(root) +
		`verdicts/index.html#` + template.HTMLEscapeString(status) + `">` + template.HTMLEscapeString(label) + `</a>`)
}

type editorBox struct {
	E    *site.EditView
	HTML bool
}

var (
	notesMD       = goldmark.New()
	notesMDUnsafe = goldmark.New(goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
)

// noteHTML renders an editor's Markdown note. Raw HTML is left out, and
// links to javascript: and the like made inert (goldmark's safe default),
// unless the site opted in (dossier.yaml notes_html: true).
func noteHTML(b editorBox) template.HTML {
	if b.E == nil || b.E.Note == "" {
		return ""
	}
	conv := notesMD
	if b.HTML {
		conv = notesMDUnsafe
	}
	var out bytes.Buffer
	if err := conv.Convert([]byte(b.E.Note), &out); err != nil {
		return template.HTML("<p>" + template.HTMLEscapeString(b.E.Note) + "</p>")
	}
	return template.HTML(out.String())
}

// pageTemplates are the templates every site has.
var pageTemplates = []string{"index", "facts", "fact", "timeline", "contradictions", "sources", "source", "entities", "entity", "404", "moved", "verdicts", "matrix", "search"}

func readFirst(dirs []fs.FS, name string) ([]byte, error) {
	for _, d := range dirs {
		if d == nil {
			continue
		}
		b, err := fs.ReadFile(d, name)
		if err == nil {
			return b, nil
		}
	}
	return nil, fmt.Errorf("template %s not found", name)
}

// Templates parses the layout and every page template.
func Templates(dirs []fs.FS) (map[string]*template.Template, error) {
	layout, err := readFirst(dirs, "layout.html")
	if err != nil {
		return nil, err
	}
	base, err := template.New("layout.html").Funcs(funcs).Parse(string(layout))
	if err != nil {
		return nil, fmt.Errorf("templates/layout.html: %w", err)
	}
	out := map[string]*template.Template{}
	for _, name := range pageTemplates {
		src, err := readFirst(dirs, name+".html")
		if err != nil {
			return nil, err
		}
		t, err := template.Must(base.Clone()).Parse(string(src))
		if err != nil {
			return nil, fmt.Errorf("templates/%s.html: %w", name, err)
		}
		out[name] = t
	}
	return out, nil
}

// Renderer holds parsed templates.
type Renderer struct {
	tmpls  map[string]*template.Template
	assets []fs.FS
	own    map[string]bool // templates the site overrides
	// Skip, when set, is asked before each page renders; when it says
	// yes, the page is handed on as File{Keep: true} without rendering.
	// content lays the page's data out (once: rendering reuses it).
	Skip func(p site.Page, content func() any) bool
}

// New parses the templates.
func New(opts Options) (*Renderer, error) {
	tmpls, err := Templates(opts.Templates)
	if err != nil {
		return nil, err
	}
	own := map[string]bool{}
	for _, name := range append([]string{"layout"}, pageTemplates...) {
		own[name] = len(opts.Templates) > 1 && opts.Templates[0] != nil && exists(opts.Templates[0], name+".html")
	}
	return &Renderer{tmpls: tmpls, assets: opts.Assets, own: own}, nil
}

// Builtin reports whether a page of this template is rendered by the
// built-in templates only (its own and the layout): then the page reads
// nothing but what site.Page.Fingerprint covers.
func (r *Renderer) Builtin(tmpl string) bool { return !r.own["layout"] && !r.own[tmpl] }

func exists(dir fs.FS, name string) bool {
	_, err := fs.Stat(dir, name)
	return err == nil
}

// Page renders one page.
func (r *Renderer) Page(s *site.Site, p site.Page) (File, error) {
	var b bytes.Buffer
	if err := r.page(&b, s, p, p.Content()); err != nil {
		return File{}, err
	}
	return File{Path: p.Path, Data: b.Bytes()}, nil
}

func (r *Renderer) page(b *bytes.Buffer, s *site.Site, p site.Page, data any) error {
	t := r.tmpls[p.Template]
	if t == nil {
		return fmt.Errorf("no template %q for %s", p.Template, p.Path)
	}
	if err := t.ExecuteTemplate(b, "layout.html", view{Site: s, Page: p, Root: p.Root, Data: data}); err != nil {
		return fmt.Errorf("render %s with templates/%s.html: %w", p.Path, p.Template, err)
	}
	return nil
}

// Each renders every page, the assets and dossier.json, and hands each
// file to emit as soon as it is ready, from several goroutines at once, so
// the whole site is never held in memory: a page's data is laid out when it
// renders (site.Page.Content) and its buffer is reused once emit returns, so
// emit must not keep f.Data. dossier.json, the largest file, is streamed
// (File.Write) and starts first, beside the pages. Each stops at the first
// error, from rendering or from emit.
func (r *Renderer) Each(s *site.Site, emit func(File) error) error {
	assets, err := Assets(r.assets)
	if err != nil {
		return err
	}
	// the sitemap and the feed, when the site has a base URL
	for _, x := range []File{{Path: "sitemap.xml", Data: s.Sitemap()}, {Path: "feed.xml", Data: s.Feed()}} {
		if x.Data != nil {
			assets = append(assets, x)
		}
	}
	// job 0 is dossier.json, then the pages, then the assets
	jobs := 1 + len(s.Pages) + len(assets)
	var failed atomic.Bool
	errs := make([]error, par.Workers())
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= jobs {
					return
				}
				var err error
				switch {
				case i == 0:
					err = emit(File{Path: "dossier.json", Write: func(w io.Writer) error {
						if err := site.WriteExport(w, s); err != nil {
							return fmt.Errorf("write dossier.json: %w", err)
						}
						return nil
					}})
				case i <= len(s.Pages):
					p := s.Pages[i-1]
					var data any
					laid := false
					content := func() any {
						if !laid {
							data, laid = p.Content(), true
						}
						return data
					}
					if r.Skip != nil && r.Skip(p, content) {
						err = emit(File{Path: p.Path, Keep: true})
						break
					}
					b := buffers.Get().(*bytes.Buffer)
					b.Reset()
					pprof.Do(context.Background(), pprof.Labels("template", p.Template), func(context.Context) {
						err = r.page(b, s, p, content())
					})
					if err == nil {
						err = emit(File{Path: p.Path, Data: b.Bytes()})
					}
					if b.Cap() <= 4<<20 {
						buffers.Put(b) // a huge one-off page's buffer is let go
					}
				default:
					err = emit(assets[i-1-len(s.Pages)])
				}
				if err != nil {
					errs[w] = err
					failed.Store(true)
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Assets copies every asset file; earlier folders win by name.
func Assets(dirs []fs.FS) ([]File, error) {
	seen := map[string]bool{}
	var out []File
	for _, d := range dirs {
		if d == nil {
			continue
		}
		err := fs.WalkDir(d, ".", func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if e.IsDir() || seen[p] || strings.HasPrefix(path.Base(p), ".") {
				return nil
			}
			b, err := fs.ReadFile(d, p)
			if err != nil {
				return err
			}
			seen[p] = true
			out = append(out, File{Path: "assets/" + p, Data: b})
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read assets: %w", err)
		}
	}
	return out, nil
}
