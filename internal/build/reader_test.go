package build

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// Every count a reader sees is the true count, above every cap on how
// many items a list names.
func TestCountsAboveCaps(t *testing.T) {
	site := t.TempDir()
	dir := filepath.Join(site, "content", "articles")
	for i := 0; i < 60; i++ {
		toll := 12
		if i >= 30 && i < 50 {
			toll = 14
		}
		writeFile(t, filepath.Join(dir, fmt.Sprintf("r%02d.md", i)), fmt.Sprintf(
			"---\ntitle: Report %d\noutlet: Outlet %d\npublished: 2031-03-04\n---\n\nThe fire in Riverton on March 3, 2031 killed %d people, officials said on March 4, 2031.\n\nThe blaze at the depot injured %d workers, officials said on March 4, 2031.\n", i, i, toll, 100+i))
	}
	out := filepath.Join(site, "public")
	mustBuild(t, site, out)
	pages := snapshot(t, out)
	index := pages["index.html"]
	for _, want := range []string{"12 <span class=\"muted\">(40 sources)</span>", "14 <span class=\"muted\">(20 sources)</span>", "60 values in all"} {
		if !strings.Contains(index, want) {
			t.Errorf("the overview lacks %q", want)
		}
	}
	var injured string
	for p, b := range pages {
		if strings.HasPrefix(p, "facts/injured") && strings.HasSuffix(p, "/index.html") && strings.Count(p, "/") == 2 {
			injured = b
		}
	}
	if !strings.Contains(injured, "And 10 more values") {
		t.Errorf("a fact with 60 values should count the 10 it does not list")
	}
}

// staticHost serves dir under prefix as a static host does: a missing
// address, at any depth, gets 404.html with status 404.
func staticHost(dir, prefix string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(path.Clean("/"+r.URL.Path)))); err != nil {
			b, _ := os.ReadFile(filepath.Join(dir, "404.html"))
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(b)
			return
		}
		files.ServeHTTP(w, r)
	}))
}

// The 404 page works at any depth: its stylesheet and links resolve from a
// deep missing address, on a site under a sub-path with baseURL, and at a
// host's root without it.
func TestNotFoundPageAtAnyDepth(t *testing.T) {
	for _, c := range []struct{ name, prefix string }{{"sub-path with baseURL", "/news/dossier/"}, {"root without baseURL", "/"}} {
		t.Run(c.name, func(t *testing.T) {
			site := seedSite(t)
			out := filepath.Join(site, "public")
			mux := http.NewServeMux()
			srv := httptest.NewServer(mux)
			defer srv.Close()
			mux.Handle(c.prefix, staticHost(out, c.prefix))
			if c.prefix != "/" {
				writeFile(t, filepath.Join(site, "dossier.yaml"), "baseURL: "+srv.URL+c.prefix+"\n")
			}
			mustBuild(t, site, out)
			deep := srv.URL + c.prefix + "facts/no/such/page/"
			resp, err := http.Get(deep)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 404 || !strings.Contains(string(body), "Page not found") {
				t.Fatalf("%s: %d", deep, resp.StatusCode)
			}
			base, _ := url.Parse(deep)
			n := 0
			eachTag(string(body), func(tok html.Token) {
				for _, a := range tok.Attr {
					if a.Key != "href" || strings.HasPrefix(a.Val, "#") {
						continue // the skip link stays on the page
					}
					u, err := base.Parse(a.Val)
					if err != nil {
						t.Errorf("bad link %q", a.Val)
						continue
					}
					r, err := http.Get(u.String())
					if err != nil || r.StatusCode != 200 {
						t.Errorf("the 404 page's link %q (%s) does not resolve: %v", a.Val, u, err)
					}
					if r != nil {
						r.Body.Close()
					}
					n++
				}
			})
			if n < 5 {
				t.Errorf("only %d links on the 404 page", n)
			}
		})
	}
}

// schemaProps are the schema.org properties the JSON-LD may use, per type
// (from schema.org's definitions of these types and their supertypes), and
// the type each object-valued property must hold.
var schemaProps = map[string]map[string]string{
	"Claim":        {"@id": "", "name": "", "text": "", "appearance": "CreativeWork"},
	"CreativeWork": {"headline": "", "url": "", "publisher": "Organization", "datePublished": ""},
	"Organization": {"name": ""},
	"ClaimReview":  {"claimReviewed": "", "reviewRating": "Rating", "author": "Organization", "url": "", "itemReviewed": "@id"},
	"Rating":       {"alternateName": "", "ratingExplanation": ""},
}

func checkSchema(t *testing.T, where string, v any, want string) {
	t.Helper()
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			checkSchema(t, where, e, want)
		}
	case map[string]any:
		if want == "@id" {
			if len(x) != 1 || x["@id"] == nil {
				t.Errorf("%s: a reference should hold @id only: %v", where, x)
			}
			return
		}
		typ, _ := x["@type"].(string)
		props, ok := schemaProps[typ]
		if !ok || (want != "" && typ != want) {
			t.Errorf("%s: @type %q (want %q)", where, typ, want)
			return
		}
		for k, val := range x {
			if k == "@type" {
				continue
			}
			inner, ok := props[k]
			if !ok {
				t.Errorf("%s: %s has no property %q in schema.org", where, typ, k)
				continue
			}
			checkSchema(t, where+"."+k, val, inner)
		}
	case string:
		if want != "" {
			t.Errorf("%s: a %s expected, got the text %q", where, want, x)
		}
	}
}

// With baseURL, the dossier can be shared and cited: canonical addresses,
// Open Graph, a sitemap, an Atom feed and schema.org JSON-LD that parse and
// hold to their schemas, whatever the articles' text.
func TestSharingAndCiting(t *testing.T) {
	site := seedSite(t)
	const base = "https://example.org/dossier/"
	writeFile(t, filepath.Join(site, "dossier.yaml"), "baseURL: "+base+"\n")
	writeFile(t, filepath.Join(site, "content", "editorial.yaml"), "facts:\n  raid-date:\n    verdict: disputed\n    reason: the sources give three days </script><b>\n")
	writeFile(t, filepath.Join(site, "content", "articles", "evil.md"), "---\ntitle: "+fmt.Sprintf("%q", payload)+"\noutlet: \"</script>\"\nurl: https://example.org/evil\narchive_url: https://archive.example/evil\npublished: 2025-11-21\n---\nThe raid took place on October 29, 2025.\n")
	out := filepath.Join(site, "public")
	mustBuild(t, site, out)
	pages := snapshot(t, out)

	var sm struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(pages["sitemap.xml"]), &sm); err != nil || len(sm.URLs) < 20 {
		t.Fatalf("sitemap: %v, %d addresses", err, len(sm.URLs))
	}
	for _, u := range sm.URLs {
		rel := strings.TrimPrefix(u.Loc, base)
		if !strings.HasPrefix(u.Loc, base) || pages[rel+"index.html"] == "" && pages[rel] == "" {
			t.Errorf("sitemap address %s is no page", u.Loc)
		}
	}

	var feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		ID      string   `xml:"id"`
		Title   string   `xml:"title"`
		Updated string   `xml:"updated"`
		Entries []struct {
			ID      string `xml:"id"`
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Link    struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(pages["feed.xml"]), &feed); err != nil {
		t.Fatalf("feed: %v", err)
	}
	if feed.ID != base || feed.Title == "" || len(feed.Entries) == 0 {
		t.Errorf("feed head: %q %q, %d entries", feed.ID, feed.Title, len(feed.Entries))
	}
	for _, when := range append([]string{feed.Updated}, func() (ts []string) {
		for _, e := range feed.Entries {
			ts = append(ts, e.Updated)
			if e.ID == "" || e.Title == "" || pages[strings.TrimPrefix(e.Link.Href, base)+"index.html"] == "" {
				t.Errorf("feed entry %+v", e)
			}
		}
		return
	}()...) {
		if _, err := time.Parse(time.RFC3339, when); err != nil {
			t.Errorf("feed time %q: %v", when, err)
		}
	}

	fact := pages["facts/raid-date/index.html"]
	for _, want := range []string{`<link rel="canonical" href="` + base + `facts/raid-date/">`, `<meta property="og:url" content="` + base + `facts/raid-date/">`,
		`<meta property="og:title" content="Date of the raid">`, `<link rel="alternate" type="application/atom+xml"`,
		`href="https://archive.example/evil">archived copy</a>`, `Cite this page:</strong> “Date of the raid”`, `<a href="` + base + `facts/raid-date/">`,
		`href="../../verdicts/index.html#disputed">disputed</a>`} {
		if !strings.Contains(fact, want) {
			t.Errorf("the fact page lacks %s", want)
		}
	}
	reviews := 0
	for p, body := range pages {
		i := strings.Index(body, `<script type="application/ld+json">`)
		if i < 0 {
			continue
		}
		rest := body[i+len(`<script type="application/ld+json">`):]
		js := rest[:strings.Index(rest, "</script>")]
		var doc struct {
			Context string           `json:"@context"`
			Graph   []map[string]any `json:"@graph"`
		}
		if err := json.Unmarshal([]byte(js), &doc); err != nil || doc.Context != "https://schema.org" {
			t.Errorf("%s: JSON-LD does not parse: %v", p, err)
			continue
		}
		for _, n := range doc.Graph {
			checkSchema(t, p, n, "")
			if n["@type"] == "ClaimReview" {
				reviews++
				if p != "facts/raid-date/index.html" {
					t.Errorf("%s: a ClaimReview where the editor set no verdict", p)
				}
			}
		}
	}
	if reviews != 1 {
		t.Errorf("%d ClaimReviews, want the one the editor's verdict gives", reviews)
	}
}

// Values are shown in a reader's terms: a date without its year says so,
// the ISO value is secondary, publication days are in words, sources are
// named by outlet or host and a short title, and no page shows an internal
// path.
func TestReaderFacingValues(t *testing.T) {
	site := seedSite(t)
	writeFile(t, filepath.Join(site, "content", "articles", "hosted.md"), "---\nurl: https://www.example.org/news/raid\npublished: 2025-11-21T09:30:00+03:00\n---\nA long first sentence that goes on and on about the raid that took place in the town of Dumayr on October 29, 2025, according to witnesses.\n")
	out := filepath.Join(site, "public")
	mustBuild(t, site, out)
	pages := snapshot(t, out)
	fact := pages["facts/raid-date/index.html"]
	for _, want := range []string{"October 19, year not given", `<code class="iso">XXXX-10-19</code>`, "example.org: A long first sentence that goes on and on about the raid that…",
		"November 21, 2025, 09:30 (UTC+03:00)"} {
		if !strings.Contains(fact, want) {
			t.Errorf("facts/raid-date lacks %q", want)
		}
	}
	// sources narrowed by month of publication
	if !strings.Contains(pages["sources/published/2025-11/index.html"], "A long first sentence") || !strings.Contains(pages["sources/index.html"], `November 2025</a> <span class="muted">(1)</span>`) ||
		!strings.Contains(pages["sources/published/undated/index.html"], "Sources with no publication date") {
		t.Error("the sources should be offered by month of publication")
	}
	for p, body := range pages {
		if strings.HasSuffix(p, ".html") && strings.Contains(body, "content/articles/") {
			t.Errorf("%s shows an internal path", p)
		}
	}
}

// The timeline is drawn as a static, labelled SVG (disputed dates as
// competing marks, linked to their fact), and the matrix shows each source
// against the key facts with the odd values in a dispute flagged.
func TestVisualTimelineAndMatrix(t *testing.T) {
	site := seedSite(t)
	out := filepath.Join(site, "public")
	mustBuild(t, site, out)
	pages := snapshot(t, out)
	tl := pages["timeline/index.html"]
	for _, want := range []string{`<svg viewBox="0 0 900 140" role="img" aria-labelledby="chart-title chart-desc">`, `<title id="chart-title">Dated events from`,
		`class="dispute"`, `<a href="../facts/raid-date/index.html"><circle`, `class="mark disputed"`, `class="mark background"`, `>2019</text>`} {
		if !strings.Contains(tl, want) {
			t.Errorf("the timeline lacks %s", want)
		}
	}
	mx := pages["matrix/index.html"]
	for _, want := range []string{`<th scope="col"><a href="../facts/raid-date/index.html">Date of the raid</a>`, `class="odd"><span class="flag" aria-label="against the most-stated value">⚑</span> October 28, 2025`,
		`<td data-label="Time of the raid">around 03:00</td>`} {
		if !strings.Contains(mx, want) {
			t.Errorf("the matrix lacks %s", want)
		}
	}
	if strings.Count(mx, "<tr><th scope=\"row\">") != 5 {
		t.Errorf("the matrix should have a row per source (5)")
	}
}

// A large dossier's lists come in pages, and the facts can be narrowed by
// status and kind without JavaScript, every page linked and resolving.
func TestListsArePagedAndFaceted(t *testing.T) {
	site := t.TempDir()
	for i := 0; i < 150; i++ {
		writeFile(t, filepath.Join(site, "content", "articles", fmt.Sprintf("r%03d.md", i)), fmt.Sprintf(
			"---\ntitle: Report %d\noutlet: Outlet %d\npublished: 2031-03-04\n---\n\nThe fire in Riverton on March 3, 2031 killed %d people, officials said on March 4, 2031.\n", i, i, 10+i%3))
	}
	out := filepath.Join(site, "public")
	mustBuild(t, site, out)
	pages := snapshot(t, out)
	if strings.Count(pages["sources/index.html"], `<tr>`) != 101 || strings.Count(pages["sources/page/2/index.html"], `<tr>`) != 51 {
		t.Errorf("sources should come 100 to a page")
	}
	if !strings.Contains(pages["sources/index.html"], `<a href="../sources/page/2/index.html">2</a>`) {
		t.Errorf("the first sources page should link to the second")
	}
	// three tolls of one day: possibly conflicting (the toll may have risen)
	possible := pages["facts/status/possibly-conflicting/index.html"]
	if !strings.Contains(possible, "Death toll") || strings.Contains(possible, "Date of the fire") {
		t.Errorf("the possibly-conflicting facet should hold those facts only")
	}
	if !strings.Contains(pages["facts/index.html"], `<a href="../facts/status/possibly-conflicting/index.html">possibly conflicting</a> <span class="muted">(1)</span>`) {
		t.Errorf("the fact list should offer its facets with counts")
	}
	if n := checkLinks(t, out); n < 1000 {
		t.Errorf("only %d links checked", n)
	}
}
