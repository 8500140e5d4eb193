package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"sort"
	"strconv"
	"strings"
	"time"

	"dossier/internal/model"
)

// Sharing and citing: with Config.BaseURL set, every page has a canonical
// address and Open Graph tags, the site has a sitemap (sitemap.xml) and an
// Atom feed of its facts (feed.xml), and each fact page carries schema.org
// JSON-LD: a Claim per value, with each source it appears in, and a
// ClaimReview where the editor set the verdict (a machine's verdict is not
// a review). Everything here is made from the input only: the same input
// gives the same bytes.

// URL is the page's absolute address, or "" without a base URL.
func (s *Site) URL(p Page) string {
	if s.BaseURL == "" {
		return ""
	}
	return s.BaseURL + dirURL(p.Path)
}

// CurrentTo is the latest report the dossier holds: its day and source.
type CurrentTo struct {
	Day    string
	Source Link
}

func currentTo(arts []*model.Article, links map[string]Link) *CurrentTo {
	var best *model.Article
	for _, a := range arts {
		if a.Meta.Published != "" && (best == nil || a.Meta.Published > best.Meta.Published) {
			best = a
		}
	}
	if best == nil {
		return nil
	}
	return &CurrentTo{Day: readableStamp(best.Meta.Published), Source: links[best.ID]}
}

// Sitemap lists every page a reader may land on (not the 404 page, not
// the redirects of retired addresses); nil without a base URL.
func (s *Site) Sitemap() []byte {
	if s.BaseURL == "" {
		return nil
	}
	var b bytes.Buffer
	b.WriteString(xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range s.Pages {
		if p.Template == "404" || p.Template == "moved" {
			continue
		}
		b.WriteString("<url><loc>")
		xml.EscapeText(&b, []byte(s.URL(p)))
		b.WriteString("</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
	Summary string   `xml:"summary"`
}

// MaxFeed is how many facts the feed carries.
const MaxFeed = 50

// Feed is an Atom feed of the facts, the most recently changed first: a
// fact's time is that of the latest report that states it, so a fact a
// new report adds or changes comes back to the top with a new time, and
// feed readers show it again. Facts no dated report states are left out.
// nil without a base URL.
func (s *Site) Feed() []byte {
	if s.BaseURL == "" {
		return nil
	}
	type dated struct {
		f   *Fact
		day string
	}
	var ds []dated
	for _, f := range s.Facts {
		if day := s.factDay[f.ID]; day != "" {
			ds = append(ds, dated{f, day})
		}
	}
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].day > ds[j].day })
	if len(ds) > MaxFeed {
		ds = ds[:MaxFeed]
	}
	feed := atomFeed{Title: s.Title, ID: s.BaseURL, Links: []atomLink{{Href: s.BaseURL + "feed.xml", Rel: "self"}, {Href: s.BaseURL}},
		Author: atomAuthor{Name: s.Title}, Updated: "1970-01-01T00:00:00Z"}
	for _, d := range ds {
		u := s.BaseURL + dirURL(d.f.Page)
		feed.Entries = append(feed.Entries, atomEntry{Title: d.f.Title, ID: u, Updated: atomTime(d.day), Link: atomLink{Href: u}, Summary: d.f.Verdict + "."})
	}
	if len(ds) > 0 {
		feed.Updated = atomTime(ds[0].day)
	}
	out, err := xml.MarshalIndent(feed, "", "  ")
	if err != nil {
		return nil
	}
	return append(append([]byte(xml.Header), out...), '\n')
}

// atomTime writes a publication stamp as RFC 3339 (a date is its midnight, UTC).
func atomTime(p string) string {
	if t, err := time.Parse(time.RFC3339, p); err == nil {
		return t.UTC().Format(time.RFC3339)
	}
	if t, err := time.Parse("2006-01-02", p); err == nil {
		return t.Format(time.RFC3339)
	}
	return "1970-01-01T00:00:00Z"
}

// JSONLD is a fact page's schema.org description: a Claim per value, each
// with the sources it appears in (CreativeWork), and a ClaimReview when the
// editor set the verdict. nil for other pages.
func (s *Site) JSONLD(p Page) []byte {
	f, ok := p.item.(*Fact)
	if !ok || p.Template != "fact" || strings.Contains(p.Path, "/page/") {
		return nil
	}
	type obj = map[string]any
	var graph []obj
	url := s.URL(p)
	for i, v := range f.Values {
		c := obj{"@type": "Claim", "name": f.Title + ": " + v.Display, "text": v.Display}
		if url != "" {
			c["@id"] = url + "#claim-" + strconv.Itoa(i+1)
		}
		var seen []obj
		for _, l := range v.Sources {
			seen = append(seen, s.creativeWork(l))
		}
		if len(seen) > 0 {
			c["appearance"] = seen
		}
		graph = append(graph, c)
	}
	if e := f.Editor; e != nil && e.Verdict != "" {
		r := obj{"@type": "ClaimReview", "claimReviewed": f.Title,
			"reviewRating": obj{"@type": "Rating", "alternateName": e.Verdict, "ratingExplanation": e.Reason},
			"author":       obj{"@type": "Organization", "name": s.Title}}
		if url != "" {
			r["url"] = url
			if len(f.Values) > 0 {
				r["itemReviewed"] = obj{"@id": url + "#claim-1"}
			}
		}
		graph = append(graph, r)
	}
	if len(graph) == 0 {
		return nil
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b) // escapes <, > and &: safe inside <script>
	if err := enc.Encode(obj{"@context": "https://schema.org", "@graph": graph}); err != nil {
		return nil
	}
	return bytes.TrimSpace(b.Bytes())
}

// creativeWork describes a source for schema.org: its original address,
// headline, outlet and day.
func (s *Site) creativeWork(l Link) map[string]any {
	w := map[string]any{"@type": "CreativeWork", "headline": l.Text}
	id := strings.TrimSuffix(strings.TrimPrefix(l.Href, "sources/"), "/index.html")
	if a := s.arts[id]; a != nil {
		if a.Meta.URL != "" {
			w["url"] = a.Meta.URL
		}
		if a.Meta.Outlet != "" {
			w["publisher"] = map[string]any{"@type": "Organization", "name": a.Meta.Outlet}
		}
		if a.Meta.Published != "" {
			w["datePublished"] = a.Meta.Published
		}
	}
	return w
}

// Describe is what a link preview says of a page.
func (s *Site) Describe(p Page) string {
	switch d := p.item.(type) {
	case *Fact:
		return d.Verdict + "."
	case *Entity:
		return d.KindLabel + " named in " + s.Title + "."
	}
	if p.Template == "source" {
		if src := s.sourceByPage[p.Path]; src != nil {
			if src.Outlet != "" {
				return src.Outlet + ": " + src.Title
			}
			return src.Title
		}
	}
	if s.Description != "" {
		return s.Description
	}
	return "What " + strconv.Itoa(s.ArticleCount) + " sources say about the " + s.MainEvent + ", with every disagreement shown."
}
