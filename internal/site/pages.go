package site

import "strings"

// rootOf is the relative path from a page's folder to the site root.
func rootOf(path string) string {
	return strings.Repeat("../", strings.Count(path, "/"))
}

func page(path, tmpl, title string, data any) Page {
	return Page{Path: path, Template: tmpl, Title: title, Root: rootOf(path), Data: data}
}

// pages lists every page of the site, in a fixed order.
func pages(s *Site) []Page {
	ps := []Page{
		page("index.html", "index", s.Title, s),
		page("facts/index.html", "facts", "Facts", s),
		page("timeline/index.html", "timeline", "Timeline", s),
		page("contradictions/index.html", "contradictions", "Contradictions", s),
		page("sources/index.html", "sources", "Sources", s),
		page("entities/index.html", "entities", "People, places and organisations", s),
		page("404.html", "404", "Page not found", s),
	}
	for _, f := range s.Facts {
		ps = append(ps, page(f.Page, "fact", f.Title, f))
	}
	for _, src := range s.Sources {
		ps = append(ps, page(src.Page, "source", src.Title, src))
	}
	for _, e := range s.Entities {
		ps = append(ps, page(e.Page, "entity", e.Name, e))
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
	return ps
}
