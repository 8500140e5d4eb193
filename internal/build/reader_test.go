package build

import (
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
