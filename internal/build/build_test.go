package build

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"dossier"
	"dossier/internal/diag"
	"dossier/internal/extract"
	"dossier/internal/model"
	"dossier/internal/testutil"
)

func seedSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(testutil.RepoRoot(), "content", "articles")
	dst := filepath.Join(dir, "content", "articles")
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	ents, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dst, e.Name()), string(b))
	}
	return dir
}

func writeFile(t *testing.T, p, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func buildSite(t *testing.T, site, out string) (Result, error) {
	t.Helper()
	return Build(Options{SiteDir: site, OutDir: out, Builtin: dossier.Files})
}

func mustBuild(t *testing.T, site, out string) Result {
	t.Helper()
	res, err := buildSite(t, site, out)
	if err != nil {
		t.Fatalf("build: %v\n%s", err, res.Diags.Format("dossier"))
	}
	return res
}

// snapshot maps every file below dir to its bytes.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// isJSONLD reports whether a script element is schema.org data, which a
// browser never runs.
func isJSONLD(tok html.Token) bool {
	for _, a := range tok.Attr {
		if a.Key == "type" && a.Val == "application/ld+json" {
			return true
		}
	}
	return false
}

// eachTag calls fn for every start tag of an HTML document.
func eachTag(body string, fn func(html.Token)) {
	z := html.NewTokenizer(strings.NewReader(body))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return
		case html.StartTagToken, html.SelfClosingTagToken:
			fn(z.Token())
		}
	}
}

// The end-to-end golden: the seed dossier's data and its list of files.
func TestSeedBuildGolden(t *testing.T) {
	site := seedSite(t)
	out := filepath.Join(site, "public")
	mustBuild(t, site, out)
	snap := snapshot(t, out)
	var paths []string
	for p := range snap {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	testutil.Golden(t, "seed-files.txt", []byte(strings.Join(paths, "\n")+"\n"))
	testutil.Golden(t, "seed-dossier.json", []byte(snap["dossier.json"]))
	for _, want := range []string{"index.html", "timeline/index.html", "contradictions/index.html", "404.html",
		"facts/raid-date/index.html", "sources/index.html", "entities/index.html", "dossier.json"} {
		if _, ok := snap[want]; !ok {
			t.Errorf("the seed dossier has no %s", want)
		}
	}
}

// Every internal link and #anchor of the built seed site resolves.
func TestSeedLinksResolve(t *testing.T) {
	site := seedSite(t)
	out := filepath.Join(site, "public")
	mustBuild(t, site, out)
	if checked := checkLinks(t, out); checked < 500 {
		t.Errorf("only %d internal links checked; the site should be densely cross-linked", checked)
	}
}

// checkLinks resolves every internal href, src and #anchor of the site in
// out, and returns how many it checked.
func checkLinks(t *testing.T, out string) int {
	t.Helper()
	snap := snapshot(t, out)
	ids := map[string]map[string]bool{}
	type link struct{ from, href string }
	var links []link
	for p, body := range snap {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		ids[p] = map[string]bool{}
		eachTag(body, func(tok html.Token) {
			for _, a := range tok.Attr {
				switch a.Key {
				case "id":
					ids[p][a.Val] = true
				case "href", "src":
					links = append(links, link{p, a.Val})
				}
			}
			if tok.Data == "meta" {
				for _, a := range tok.Attr {
					if a.Key == "content" && strings.Contains(a.Val, "url=") {
						links = append(links, link{p, a.Val[strings.Index(a.Val, "url=")+4:]})
					}
				}
			}
		})
	}
	checked := 0
	for _, l := range links {
		u, err := url.Parse(l.href)
		if err != nil {
			t.Errorf("%s: bad link %q", l.from, l.href)
			continue
		}
		if u.Scheme != "" || u.Host != "" {
			continue // the original articles
		}
		if strings.Contains(u.Path, "pagefind/") {
			continue // the search index, which Pagefind writes after the build
		}
		target := l.from
		if u.Path != "" {
			switch {
			case strings.HasPrefix(u.Path, "/") && l.from == "404.html":
				// served at any depth, the 404 page links from the host's root
				target = strings.TrimPrefix(u.Path, "/")
			case strings.HasPrefix(u.Path, "/"):
				t.Errorf("%s: absolute link %q breaks on a sub-path", l.from, l.href)
				continue
			default:
				target = filepath.ToSlash(filepath.Clean(filepath.Join(filepath.Dir(l.from), u.Path)))
			}
		}
		if strings.HasPrefix(target, "..") {
			t.Errorf("%s: link %q leaves the site", l.from, l.href)
			continue
		}
		if _, ok := snap[target]; !ok {
			t.Errorf("%s: link %q: no file %s", l.from, l.href, target)
			continue
		}
		if u.Fragment != "" && !ids[target][u.Fragment] {
			t.Errorf("%s: link %q: no #%s in %s", l.from, l.href, u.Fragment, target)
		}
		checked++
	}
	return checked
}

// Fact addresses never break: a renamed fact's old address redirects to its
// new one, a vanished fact's old address says so, and slugs.lock keeps them.
func TestFactAddressesSurvive(t *testing.T) {
	site := seedSite(t)
	out := filepath.Join(site, "public")
	mustBuild(t, site, out)
	lock, err := os.ReadFile(filepath.Join(site, "slugs.lock"))
	if err != nil || !strings.Contains(string(lock), "\nattacks-last-year\t") || !strings.Contains(string(lock), "\nfighters-active\t") {
		t.Fatalf("slugs.lock: %v\n%s", err, lock)
	}
	// the sources gain a publication date: "last year" becomes 2024
	for _, name := range []string{"000_ed659b1ddebefba4.txt", "001_277820514670aaec.txt"} {
		p := filepath.Join(site, "content", "articles", name)
		raw, _ := os.ReadFile(p)
		writeFile(t, p, "---\npublished: 2025-11-20\n---\n"+string(raw))
	}
	mustBuild(t, site, out)
	moved, err := os.ReadFile(filepath.Join(out, "facts", "attacks-last-year", "index.html"))
	if err != nil || !strings.Contains(string(moved), `http-equiv="refresh" content="0; url=../../facts/attacks-2024/index.html"`) {
		t.Fatalf("the old address should redirect to attacks-2024: %v\n%s", err, moved)
	}
	// an article is removed: the fact only it stated is gone, and says so
	if err := os.Remove(filepath.Join(site, "content", "articles", "000_ed659b1ddebefba4.txt")); err != nil {
		t.Fatal(err)
	}
	mustBuild(t, site, out)
	gone, err := os.ReadFile(filepath.Join(out, "facts", "fighters-active", "index.html"))
	if err != nil || !strings.Contains(string(gone), "no longer appears in the dossier") {
		t.Errorf("a vanished fact's address should say so: %v", err)
	}
	lock, _ = os.ReadFile(filepath.Join(site, "slugs.lock"))
	for _, line := range strings.Split(string(lock), "\n") {
		slug, _, ok := strings.Cut(line, "\t")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		if _, err := os.Stat(filepath.Join(out, "facts", slug, "index.html")); err != nil {
			t.Errorf("registered address facts/%s/ has no page", slug)
		}
	}
	checkLinks(t, out)
}

// Two builds of the same input are byte-identical.
func TestDeterministic(t *testing.T) {
	site := seedSite(t)
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	mustBuild(t, site, a)
	mustBuild(t, site, b)
	sa, sb := snapshot(t, a), snapshot(t, b)
	if len(sa) != len(sb) {
		t.Fatalf("%d files vs %d", len(sa), len(sb))
	}
	for p, x := range sa {
		if sb[p] != x {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

const payload = `<script>alert(1)</script>"'><img src=x onerror=alert(2)>`

// Article text and front matter are always escaped.
func TestEscaping(t *testing.T) {
	site := t.TempDir()
	fm := fmt.Sprintf("---\ntitle: %q\noutlet: %q\nauthor: %q\nurl: \"https://example.org/a?x=\\\"><script>alert(3)</script>\"\narchive_url: \"javascript:alert(4)\"\npublished: 2025-10-30\n---\n", payload, payload, payload)
	body := "# Raid " + payload + "\n\nThe raid took place on October 29, 2025, in <b>Dumayr</b> " + payload + ". At least 5 people were killed <script>alert(5)</script>.\n\n[click](javascript:alert(6)) and *emphasis* " + payload + "\n"
	writeFile(t, filepath.Join(site, "content", "articles", "evil.md"), fm+body)
	writeFile(t, filepath.Join(site, "content", "articles", "plain.txt"), "The raid took place on October 29, 2025. "+payload+" At least 7 people were killed in the raid.\n")
	out := filepath.Join(site, "public")
	res, err := buildSite(t, site, out)
	if err != nil {
		t.Fatalf("build: %v %v", err, res.Diags)
	}
	pages := 0
	for p, body := range snapshot(t, out) {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		pages++
		eachTag(body, func(tok html.Token) {
			if (tok.Data == "script" && !isJSONLD(tok) && p != "search/index.html") || tok.Data == "img" || tok.Data == "b" {
				t.Errorf("%s: live <%s> element from article text", p, tok.Data)
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("%s: live %s attribute", p, a.Key)
				}
				if (a.Key == "href" || a.Key == "src") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
					t.Errorf("%s: javascript: link %q", p, a.Val)
				}
			}
		})
		if !strings.Contains(body, "&lt;script&gt;") && strings.Contains(p, "sources/") && !strings.HasSuffix(p, "sources/index.html") {
			t.Errorf("%s: the payload should be shown as text", p)
		}
	}
	if pages < 5 {
		t.Fatalf("only %d pages built", pages)
	}
	if len(res.Diags) == 0 || !strings.Contains(res.Diags.Format("dossier"), "archive_url") {
		t.Errorf("a javascript: archive_url should be reported, got %v", res.Diags)
	}
}

// A failed build writes nothing; the last good site stays.
func TestFailedBuildKeepsLastGoodSite(t *testing.T) {
	site := seedSite(t)
	out := filepath.Join(site, "public")
	mustBuild(t, site, out)
	before := snapshot(t, out)
	writeFile(t, filepath.Join(site, "content", "articles", "broken.md"), "---\ntitle: [unclosed\n---\nText.\n")
	res, err := buildSite(t, site, out)
	if !errors.Is(err, ErrFailed) {
		t.Fatalf("build with broken front matter: err = %v, want ErrFailed", err)
	}
	msg := res.Diags.Format("dossier")
	if !strings.Contains(msg, "dossier: error: content/articles/broken.md:2: front matter") || !strings.Contains(msg, "dossier: hint:") {
		t.Errorf("diagnostic should name file:line and give a hint, got:\n%s", msg)
	}
	after := snapshot(t, out)
	if len(after) != len(before) {
		t.Fatalf("failed build changed the file count: %d → %d", len(before), len(after))
	}
	for p, b := range before {
		if after[p] != b {
			t.Errorf("failed build changed %s", p)
		}
	}
}

// A good build writes only changed files, removes what it no longer makes,
// and never touches files it did not create.
func TestPublishWritesOnlyChanges(t *testing.T) {
	site := seedSite(t)
	out := filepath.Join(site, "public")
	first := mustBuild(t, site, out)
	if first.Written != first.Files {
		t.Fatalf("first build wrote %d of %d files", first.Written, first.Files)
	}
	writeFile(t, filepath.Join(out, "CNAME"), "dossier.example.org\n")
	again := mustBuild(t, site, out)
	if again.Written != 0 || again.Removed != 0 {
		t.Errorf("an unchanged rebuild wrote %d and removed %d files", again.Written, again.Removed)
	}
	// drop one source: its page goes, the rest mostly stays
	victim := filepath.Join(site, "content", "articles", "003_f5be0e313111c47b.txt")
	if err := os.Remove(victim); err != nil {
		t.Fatal(err)
	}
	res := mustBuild(t, site, out)
	if res.Removed == 0 {
		t.Error("the removed article's pages were not removed")
	}
	if _, err := os.Stat(filepath.Join(out, "sources", "003-f5be0e313111c47b", "index.html")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("sources/003-…/index.html should be gone: %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(out, "CNAME")); err != nil || string(b) != "dossier.example.org\n" {
		t.Errorf("a file dossier did not create was touched: %q %v", b, err)
	}
	if res.Written == 0 || res.Written >= res.Files {
		t.Errorf("removing one article rewrote %d of %d files", res.Written, res.Files)
	}
}

// A foreign file where dossier wants to write stops the build before any write.
func TestRefusesToOverwriteForeignFiles(t *testing.T) {
	site := seedSite(t)
	out := filepath.Join(site, "public")
	writeFile(t, filepath.Join(out, "index.html"), "my own page")
	res, err := buildSite(t, site, out)
	if !errors.Is(err, ErrFailed) {
		t.Fatalf("err = %v, want ErrFailed", err)
	}
	if !strings.Contains(res.Diags.Format("dossier"), "not made by dossier") {
		t.Errorf("diagnostics: %s", res.Diags.Format("dossier"))
	}
	snap := snapshot(t, out)
	if len(snap) != 1 || snap["index.html"] != "my own page" {
		t.Errorf("output dir changed: %d files", len(snap))
	}
}

// Bad front-matter fields are reported with their line; the build goes on.
func TestBadFieldsAreWarnings(t *testing.T) {
	site := t.TempDir()
	writeFile(t, filepath.Join(site, "content", "articles", "a.md"), "---\ntitle: A raid\npublished: Octobre 3\ncolour: red\n---\nThe raid took place on October 29, 2025.\n")
	writeFile(t, filepath.Join(site, "content", "articles", "notes.docx"), "x")
	res := mustBuild(t, site, filepath.Join(site, "public"))
	msg := res.Diags.Format("dossier")
	for _, want := range []string{
		"dossier: warning: content/articles/a.md:3: published: cannot read \"Octobre 3\" as a date, ignored",
		"dossier: warning: content/articles/a.md:4: unknown front matter field \"colour\", ignored",
		"dossier: warning: content/articles/notes.docx: not an article, skipped",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing %q in:\n%s", want, msg)
		}
	}
}

// A site's own template overrides the built-in one by name.
func TestTemplateOverride(t *testing.T) {
	site := seedSite(t)
	writeFile(t, filepath.Join(site, "templates", "404.html"), `{{define "content"}}<h1>Custom lost page</h1>{{end}}`)
	writeFile(t, filepath.Join(site, "assets", "extra.css"), "body{}")
	out := filepath.Join(site, "public")
	mustBuild(t, site, out)
	b, _ := os.ReadFile(filepath.Join(out, "404.html"))
	if !bytes.Contains(b, []byte("Custom lost page")) {
		t.Error("templates/404.html of the site did not override the built-in one")
	}
	if _, err := os.Stat(filepath.Join(out, "assets", "extra.css")); err != nil {
		t.Error("the site's own asset was not copied")
	}
	writeFile(t, filepath.Join(site, "templates", "404.html"), `{{define "content"}}{{.Nope}}{{end}}`)
	res, err := buildSite(t, site, out)
	if !errors.Is(err, ErrFailed) || !strings.Contains(res.Diags.Format("dossier"), "404") {
		t.Errorf("a broken template should fail the build with a message naming it: %v %s", err, res.Diags.Format("dossier"))
	}
	if b2, _ := os.ReadFile(filepath.Join(out, "404.html")); !bytes.Equal(b, b2) {
		t.Error("the failed build changed 404.html")
	}
}

// Every shared reference corpus, when it is beside the checkout, builds
// without an error or an internal failure, and every internal link and
// anchor of its dossier resolves.
func TestCorporaBuildAndLinksResolve(t *testing.T) {
	shared := testutil.SharedDir()
	dirs, _ := filepath.Glob(filepath.Join(shared, "corpora", "*", "articles"))
	if shared == "" || len(dirs) == 0 {
		t.Skip("the reference corpora are not beside the checkout (../shared/corpora)")
	}
	for _, corpus := range dirs {
		t.Run(filepath.Base(filepath.Dir(corpus)), func(t *testing.T) {
			site := t.TempDir()
			dst := filepath.Join(site, "content", "articles")
			ents, err := os.ReadDir(corpus)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range ents {
				b, err := os.ReadFile(filepath.Join(corpus, e.Name()))
				if err != nil {
					t.Fatal(err)
				}
				writeFile(t, filepath.Join(dst, e.Name()), string(b))
			}
			out := filepath.Join(site, "public")
			res := mustBuild(t, site, out)
			for _, d := range res.Diags {
				if strings.Contains(d.Msg, "internal error") {
					t.Errorf("%s", d)
				}
			}
			if n := checkLinks(t, out); n < 500 {
				t.Errorf("only %d links checked", n)
			}
		})
	}
}

// breaking is an extractor that breaks on any sentence naming "Tuesday":
// a stand-in for a bug, to show what a build does with one.
type breaking struct{}

func (breaking) Name() string { return "breaking" }
func (breaking) Extract(s *extract.Sentence, out []model.Claim) []model.Claim {
	for _, w := range s.Lower {
		if w == "tuesday" {
			var none []int
			_ = none[len(s.Lower)] // index out of range
		}
	}
	return out
}

// An extractor that breaks on one sentence costs that sentence's claims,
// reported as a warning with the article's file and line; the build goes on
// and publishes, with every other claim of the article.
func TestBrokenExtractorIsAWarning(t *testing.T) {
	saved := extract.Extractors
	extract.Extractors = append(append([]extract.Extractor(nil), saved...), breaking{})
	defer func() { extract.Extractors = saved }()
	site, out := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(site, "content", "articles", "a.md"),
		"---\ntitle: Flood\npublished: 2024-05-02\n---\n\nThe flood killed 12 people on Monday.\n\nMore rain fell on Tuesday.\n")
	res := mustBuild(t, site, out)
	var warned bool
	for _, d := range res.Diags {
		if d.Severity == diag.Warning && d.File == "content/articles/a.md" && d.Line == 8 && strings.Contains(d.Msg, "internal error") {
			warned = true
		}
	}
	if !warned || !res.Published {
		t.Fatalf("want a warning at a.md:8 and a published site, got published=%v %v", res.Published, res.Diags)
	}
	page, err := os.ReadFile(filepath.Join(out, "sources", "a", "index.html"))
	if err != nil || !strings.Contains(string(page), "12") {
		t.Errorf("the other sentence's claims should still be on the source page: %v", err)
	}
}
