package site

import (
	"encoding/json"
	"fmt"
	"hash"
	"strings"
	"sync"
)

// PerPage is how many citations or mentions one page lists; longer lists
// continue on numbered pages (facts/<slug>/page/2/), so pages stay readable
// at thousands of sources.
const PerPage = 100

// Paged is a fact or entity page: the item and this page's slice of rows.
type Paged struct {
	Item  any
	Rows  []Row
	Pager Pager
}

// Pager links the numbered pages of one item.
type Pager struct {
	Current, Count int
	Total          int
	Pages          []Link // every page, in order
}

// paged splits n rows into pages at base ("facts/x/index.html"),
// base/page/2/…; rows lays out the rows of one page when it renders. With
// rowInputs, which writes what rows reads, a page's fingerprint is taken
// from the item, the pager and those inputs rather than from its laid-out
// data (see Page.Fingerprint).
func paged(base, tmpl, title string, item any, total int, rows func(lo, hi int) []Row, rowInputs func(h hash.Hash, lo, hi int)) []Page {
	n := (total + PerPage - 1) / PerPage
	if n == 0 {
		n = 1
	}
	dir := strings.TrimSuffix(base, "index.html")
	var links []Link
	for k := 1; k <= n; k++ {
		p := base
		if k > 1 {
			p = fmt.Sprintf("%spage/%d/index.html", dir, k)
		}
		links = append(links, Link{Href: p, Text: fmt.Sprint(k)})
	}
	var once sync.Once
	var js []byte
	var jsErr error
	itemJSON := func() ([]byte, error) { // the item's JSON, made once for all its pages
		once.Do(func() { js, jsErr = json.Marshal(item) })
		return js, jsErr
	}
	var out []Page
	for k := 1; k <= n; k++ {
		lo, hi := (k-1)*PerPage, min(k*PerPage, total)
		t := title
		if k > 1 {
			t = fmt.Sprintf("%s (page %d)", title, k)
		}
		pager := Pager{Current: k, Count: n, Total: total, Pages: window(links, k)}
		p := page(links[k-1].Href, tmpl, t, nil)
		p.item = item
		p.lazy = func() any { return &Paged{Item: item, Rows: rows(lo, hi), Pager: pager} }
		if rowInputs != nil {
			p.inputs = func(h hash.Hash) bool {
				js, err := itemJSON()
				if err != nil {
					return false
				}
				h.Write(js)
				if json.NewEncoder(h).Encode(pager) != nil {
					return false
				}
				rowInputs(h, lo, hi)
				return true
			}
		}
		out = append(out, p)
	}
	return out
}

// window keeps a pager short on long lists: the first and last pages and
// the ones around the current page (1 … 7 8 [9] 10 11 … 40).
func window(links []Link, current int) []Link {
	if len(links) <= 12 {
		return links
	}
	var out []Link
	for i, l := range links {
		k := i + 1
		if k == 1 || k == len(links) || (k >= current-3 && k <= current+3) {
			out = append(out, l)
		}
	}
	return out
}

// rootOf is the relative path from a page's folder to the site root.
func rootOf(path string) string {
	return strings.Repeat("../", strings.Count(path, "/"))
}

func page(path, tmpl, title string, data any) Page {
	return Page{Path: path, Template: tmpl, Title: title, Root: rootOf(path), Data: data}
}

// MatrixPage is one page of the source × fact matrix.
type MatrixPage struct {
	Matrix
	Current, Count int
}

// notFound is the 404 page. A static host serves it at whatever depth a
// missing address has, so its links cannot be relative: they start from
// the site's address (baseURL), or, without one, from the host's root.
func notFound(s *Site) Page {
	p := page("404.html", "404", "Page not found", s)
	p.Root = "/"
	if s.BaseURL != "" {
		p.Root = s.BaseURL
	}
	return p
}

// pages lists every page of the site, in a fixed order; source(i) gives
// what lays out source i's page when it renders, and what writes its
// inputs for its fingerprint.
func pages(s *Site, source func(i int) (func() any, func(hash.Hash) bool)) []Page {
	ps := []Page{
		page("index.html", "index", s.Title, s),
		page("contradictions/index.html", "contradictions", "Contradictions", s),
		page("entities/index.html", "entities", "People, places and organisations", s),
		notFound(s),
		page("verdicts/index.html", "verdicts", "What the verdicts mean", s),
		page("search/index.html", "search", "Search", s),
	}
	ps = append(ps, factListPages(s)...)
	ps = append(ps, sourceListPages(s)...)
	ps = append(ps, listPages("timeline/index.html", "timeline", "Timeline", len(s.Timeline), func(lo, hi int, pager ListPager) any {
		tp := &TimelinePage{Rows: s.Timeline[lo:hi], Pager: pager}
		if pager.Current == 1 {
			tp.Chart = s.Chart
		}
		return tp
	})...)
	for i := range s.Matrix {
		path, title := "matrix/index.html", "Who says what"
		if i > 0 {
			path, title = fmt.Sprintf("matrix/page/%d/index.html", i+1), fmt.Sprintf("Who says what (page %d)", i+1)
		}
		ps = append(ps, page(path, "matrix", title, &MatrixPage{Matrix: s.Matrix[i], Current: i + 1, Count: len(s.Matrix)}))
	}
	for _, f := range s.Facts {
		ps = append(ps, paged(f.Page, "fact", f.Title, f, f.nRows, f.rows, f.rowInputs)...)
	}
	for i, src := range s.Sources {
		p := page(src.Page, "source", src.Title, nil)
		p.lazy, p.inputs = source(i)
		ps = append(ps, p)
	}
	for _, e := range s.Entities {
		ps = append(ps, paged(e.Page, "entity", e.Name, e, e.nRows, e.rows, nil)...)
	}
	for _, m := range s.Moved {
		title := "This fact has moved"
		switch {
		case len(m.Targets) > 1:
			title = "This fact was split"
		case len(m.Targets) == 0:
			title = "This fact is no longer in the dossier"
		}
		ps = append(ps, page(FactPage(m.Slug), "moved", title, m))
	}
	for i := range ps {
		ps[i].site = s
	}
	return ps
}
