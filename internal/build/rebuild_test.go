package build

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dossier"
	"dossier/internal/diag"
	"dossier/internal/render"
)

// Editing one article re-extracts only that article and rewrites only the
// pages whose bytes changed.
func TestRebuildCountsWork(t *testing.T) {
	site := seedSite(t)
	out := filepath.Join(site, "public")
	b := NewBuilder(Options{SiteDir: site, OutDir: out, Builtin: dossier.Files})
	first, err := b.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	if first.Extracted != 5 {
		t.Fatalf("first build extracted %d articles, want 5", first.Extracted)
	}
	// nothing changed: nothing extracted, nothing written
	again, err := b.Build([]string{})
	if err != nil || again.Extracted != 0 || again.Written != 0 {
		t.Fatalf("no-op rebuild: extracted %d, wrote %d (%v)", again.Extracted, again.Written, err)
	}
	// fix a typo in one article's sentence that no fact cites
	p := "content/articles/002_574758f0f477ce91.txt"
	raw, _ := os.ReadFile(filepath.Join(site, p))
	edited := strings.Replace(string(raw), "a stark reminder of the unpredictable costs", "a stark reminder of the unforeseeable costs", 1)
	if edited == string(raw) {
		t.Fatal("edit did not apply")
	}
	writeFile(t, filepath.Join(site, p), edited)
	// a tool's atomic save also reports its temp file, gone by now ("sed -i")
	res, err := b.Build([]string{"content/articles/sedX1b2c3", p})
	if err != nil {
		t.Fatal(err)
	}
	if res.Extracted != 1 {
		t.Errorf("editing one article re-extracted %d articles, want 1", res.Extracted)
	}
	if !slices.Equal(res.Fast, []string{"sources/002-574758f0f477ce91/index.html"}) {
		t.Errorf("the fast path should publish the edited article's page first, got %v", res.Fast)
	}
	if !slices.Contains(res.Paths, "sources/002-574758f0f477ce91/index.html") {
		t.Errorf("the edited source page was not rewritten: %v", res.Paths)
	}
	for _, path := range res.Paths {
		if strings.HasPrefix(path, "sources/00") && !strings.HasPrefix(path, "sources/002-") {
			t.Errorf("an unrelated source page was rewritten: %s", path)
		}
	}
	if res.Written > 3 {
		t.Errorf("a one-sentence edit rewrote %d files (%v), want the source page and the data file at most", res.Written, res.Paths)
	}
	// an edit that changes a fact: the fact page changes too
	edited = strings.Replace(edited, "In the early hours of October 29, 2025", "In the early hours of October 27, 2025", 1)
	edited = strings.Replace(edited, "the October 29 raid", "the October 27 raid", 1)
	writeFile(t, filepath.Join(site, p), edited)
	res, err = b.Build([]string{p})
	if err != nil || res.Extracted != 1 {
		t.Fatalf("extracted %d (%v)", res.Extracted, err)
	}
	if !slices.Contains(res.Paths, "facts/raid-date/index.html") || !slices.Contains(res.Paths, "timeline/index.html") {
		t.Errorf("changing the raid date did not rewrite the fact page and the timeline: %v", res.Paths)
	}
	// a new article is read; the others stay cached
	writeFile(t, filepath.Join(site, "content", "articles", "new.md"), "---\ntitle: New\n---\nThe raid took place on October 29, 2025.\n")
	res, err = b.Build([]string{"content/articles/new.md"})
	if err != nil || res.Extracted != 1 || res.Articles != 6 {
		t.Errorf("adding an article: extracted %d of %d (%v)", res.Extracted, res.Articles, err)
	}
}

// The fast path lays the edited article out against the previous build:
// its claims keep their links to facts and its names to entities.
func TestFastPathKeepsLinks(t *testing.T) {
	site := seedSite(t)
	out := filepath.Join(site, "public")
	b := NewBuilder(Options{SiteDir: site, OutDir: out, Builtin: dossier.Files})
	if _, err := b.Build(nil); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(out, "sources", "002-574758f0f477ce91", "index.html")
	links := func() (claims, names int) {
		html, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		return strings.Count(string(html), `class="claim" href="../../facts/`), strings.Count(string(html), `class="name" href="../../entities/`)
	}
	wantClaims, wantNames := links()
	if wantClaims == 0 || wantNames == 0 {
		t.Fatalf("the full build's page has %d claim links and %d name links", wantClaims, wantNames)
	}
	p := "content/articles/002_574758f0f477ce91.txt"
	raw, _ := os.ReadFile(filepath.Join(site, p))
	writeFile(t, filepath.Join(site, p), strings.Replace(string(raw), "a stark reminder of the unpredictable costs", "a stark reminder of the unforeseeable costs", 1))
	if written := b.fastPath([]string{p}); len(written) != 1 {
		t.Fatalf("the fast path wrote %v", written)
	}
	if html, _ := os.ReadFile(page); !strings.Contains(string(html), "unforeseeable") {
		t.Fatal("the fast path did not publish the edit")
	}
	if claims, names := links(); claims != wantClaims || names != wantNames {
		t.Errorf("the fast path's page has %d claim and %d name links, want %d and %d as in the full build", claims, names, wantClaims, wantNames)
	}
}

// A file that cannot be written (here: the staging folder sits under a
// plain file) is reported on that file with the operating system's
// reason, not as a template error.
func TestWriteFailureReported(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "blocker")
	writeFile(t, blocker, "not a folder")
	st := &stager{out: filepath.Join(dir, "public"), dir: filepath.Join(blocker, Staging), old: map[string]string{}, now: map[string]string{}, sizes: map[string]int64{}, kept: map[string]int64{}}
	err := st.add(render.File{Path: "facts/raid-date/index.html", Data: []byte("<p>x</p>")})
	var w *WriteError
	if !errors.As(err, &w) {
		t.Fatalf("add = %v, want a WriteError", err)
	}
	var ds diag.List
	if !publishDiag(&ds, err) {
		t.Fatal("publishDiag did not take the write error")
	}
	got := ds.Format("dossier")
	for _, want := range []string{"public/facts/raid-date/index.html", "could not be written: not a directory", "choose another output folder with -d"} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostic %q lacks %q", got, want)
		}
	}
	if strings.Contains(got, Staging) || strings.Contains(got, "template") {
		t.Errorf("diagnostic %q should name the output file, not the staging folder or templates", got)
	}
}
