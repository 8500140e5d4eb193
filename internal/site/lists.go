package site

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"dossier/internal/model"
)

// Lists of a large dossier come in pages of ListPerPage items, and the
// fact list comes faceted by status and by kind, each facet a static page
// of its own: a reader narrows a thousand facts down without JavaScript.

// ListPerPage is how many items a list page shows.
const ListPerPage = 100

// ListPager is a list page's place among its pages.
type ListPager struct {
	Current, Count int
	Pages          []Link
}

// FactList is a page of the fact list: all facts, or one facet's.
type FactList struct {
	Heading string
	Facts   []*Fact
	Pager   ListPager
	Facets  []Facet
}

// Facet is a way to narrow the fact list, and its options.
type Facet struct {
	Name    string
	Options []FacetOption
}

// FacetOption is one value of a facet: its page and how many facts it has.
type FacetOption struct {
	Link
	Count   int
	Current bool
}

// SourceList is a page of the source list: all sources, or those
// published in one month (Facets offers the months).
type SourceList struct {
	Heading string
	Sources []*Source
	Pager   ListPager
	Facets  []Facet
}

// sourceListPages are the source list and its pages by month of
// publication ("sources/published/2015-09/"), each paged.
func sourceListPages(s *Site) []Page {
	months := map[string][]*Source{}
	for _, src := range s.Sources {
		m := "undated"
		if len(src.Published) >= 7 {
			m = src.Published[:7]
		}
		months[m] = append(months[m], src)
	}
	keys := make([]string, 0, len(months))
	for k := range months {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	base := func(m string) string {
		if m == "" {
			return "sources/index.html"
		}
		return "sources/published/" + m + "/index.html"
	}
	nav := func(current string) []Facet {
		f := Facet{Name: "Published"}
		if len(keys) < 2 {
			return nil
		}
		for _, k := range keys {
			f.Options = append(f.Options, FacetOption{Link: Link{Href: base(k), Text: monthWords(k)}, Count: len(months[k]), Current: k == current})
		}
		return []Facet{f}
	}
	out := listPages(base(""), "sources", "Sources", len(s.Sources), func(lo, hi int, pager ListPager) any {
		return &SourceList{Heading: "Sources", Sources: s.Sources[lo:hi], Pager: pager, Facets: nav("")}
	})
	if len(keys) < 2 {
		return out
	}
	for _, k := range keys {
		srcs, heading := months[k], "Sources published in "+monthWords(k)
		if k == "undated" {
			heading = "Sources with no publication date"
		}
		out = append(out, listPages(base(k), "sources", heading, len(srcs), func(lo, hi int, pager ListPager) any {
			return &SourceList{Heading: heading, Sources: srcs[lo:hi], Pager: pager, Facets: nav(k)}
		})...)
	}
	return out
}

// monthWords writes "2015-09" as "September 2015".
func monthWords(m string) string {
	if t, err := time.Parse("2006-01", m); err == nil {
		return t.Format("January 2006")
	}
	return m
}

// TimelinePage is a page of the timeline; the chart is on the first.
type TimelinePage struct {
	Rows  []TimelineRow
	Pager ListPager
	Chart *Chart
}

// pageLinks names the pages of a list at base ("facts/index.html"):
// base, then base's folder + page/2/index.html, …
func pageLinks(base string, n int) []Link {
	dir := strings.TrimSuffix(base, "index.html")
	links := make([]Link, n)
	for k := range links {
		p := base
		if k > 0 {
			p = fmt.Sprintf("%spage/%d/index.html", dir, k+1)
		}
		links[k] = Link{Href: p, Text: fmt.Sprint(k + 1)}
	}
	return links
}

// listPages splits n items into pages; each(k, lo, hi, pager) makes page k.
func listPages(base, tmpl, title string, n int, each func(lo, hi int, pager ListPager) any) []Page {
	count := max(1, (n+ListPerPage-1)/ListPerPage)
	links := pageLinks(base, count)
	var out []Page
	for k := 0; k < count; k++ {
		lo, hi := k*ListPerPage, min((k+1)*ListPerPage, n)
		t := title
		if k > 0 {
			t = fmt.Sprintf("%s (page %d)", title, k+1)
		}
		out = append(out, page(links[k].Href, tmpl, t, each(lo, hi, ListPager{Current: k + 1, Count: count, Pages: window(links, k+1)})))
	}
	return out
}

var statusOrder = []string{"disputed", "possibly-conflicting", "updated", "not-comparable", "agreed", "single-source"}
var kindOrder = []string{"date", "time", "place", "quantity"}

// factListPages are the fact list and its facets, each paged.
func factListPages(s *Site) []Page {
	type facet struct {
		name, key, value, label, heading string
		facts                            []*Fact
	}
	all := facet{heading: "Facts", facts: s.Facts}
	var facets []facet
	for _, st := range statusOrder {
		words := model.Status(st).Words()
		f := facet{name: "Status", key: "status", value: st, label: words, heading: "Facts: " + words}
		for _, x := range s.Facts {
			if x.Status == st {
				f.facts = append(f.facts, x)
			}
		}
		facets = append(facets, f)
	}
	for _, k := range kindOrder {
		f := facet{name: "Kind", key: "kind", value: k, label: k, heading: "Facts: " + k + "s"}
		for _, x := range s.Facts {
			if x.Kind == k {
				f.facts = append(f.facts, x)
			}
		}
		facets = append(facets, f)
	}
	base := func(f facet) string {
		if f.key == "" {
			return "facts/index.html"
		}
		return "facts/" + f.key + "/" + f.value + "/index.html"
	}
	nav := func(current facet) []Facet {
		groups := []Facet{{Name: "Status"}, {Name: "Kind"}}
		for _, f := range facets {
			if len(f.facts) == 0 {
				continue
			}
			o := FacetOption{Link: Link{Href: base(f), Text: f.label}, Count: len(f.facts), Current: f.key == current.key && f.value == current.value}
			if f.name == "Status" {
				groups[0].Options = append(groups[0].Options, o)
			} else {
				groups[1].Options = append(groups[1].Options, o)
			}
		}
		return groups
	}
	var out []Page
	for _, f := range append([]facet{all}, facets...) {
		if f.key != "" && len(f.facts) == 0 {
			continue
		}
		out = append(out, listPages(base(f), "facts", f.heading, len(f.facts), func(lo, hi int, pager ListPager) any {
			return &FactList{Heading: f.heading, Facts: f.facts[lo:hi], Pager: pager, Facets: nav(f)}
		})...)
	}
	return out
}
