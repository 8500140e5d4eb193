package build

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"dossier"
)

// hostileSite is a site an unlucky user could have: names in other
// scripts, file names with no Latin letters or none at all, two names that
// slug alike, and a file of random bytes.
func hostileSite(t *testing.T) string {
	t.Helper()
	site := t.TempDir()
	dir := filepath.Join(site, "content", "articles")
	var b strings.Builder
	b.WriteString("---\ntitle: Names\npublished: 2024-05-01\n---\n")
	for _, n := range []string{"Дмитрий Иванов", "Сергей Петров", "Анна Смирнова", "Олег Козлов", "Ирина Волкова",
		"Павел Соколов", "Мария Попова", "Игорь Лебедев", "Елена Новикова", "Юрий Морозов"} {
		b.WriteString(n + " said that 12 people were killed in the fire on April 30, 2024.\n\n")
	}
	writeFile(t, filepath.Join(dir, "names.md"), b.String())
	story := "The fire broke out on April 30, 2024. At least 14 people were killed, officials said.\n"
	for _, name := range []string{"地震报道.md", "!!!.md", "a b.md", "a-b.md", "A B.txt", "Ελληνικά.md"} {
		writeFile(t, filepath.Join(dir, name), story)
	}
	r := rand.New(rand.NewPCG(1, 2))
	noise := make([]byte, 200_000)
	for i := range noise {
		noise[i] = byte(r.Uint32())
	}
	writeFile(t, filepath.Join(dir, "noise.txt"), string(noise))
	return site
}

// No two files of a build share a path, whatever the names in the input,
// and every source keeps a page of its own.
func TestEveryPathIsUnique(t *testing.T) {
	site := hostileSite(t)
	files, res, err := Compile(Options{SiteDir: site, Builtin: dossier.Files})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("compile: %v\n%s", err, res.Diags.Format("dossier"))
	}
	seen := map[string]bool{}
	sources := 0
	for _, f := range files {
		if seen[f.Path] {
			t.Errorf("two files at %s", f.Path)
		}
		seen[f.Path] = true
		if strings.HasPrefix(f.Path, "sources/") && strings.Count(f.Path, "/") == 2 && f.Path != "sources/index.html" {
			sources++
		}
	}
	if sources != 7 {
		t.Errorf("%d source pages, want one for each of the 7 articles (the random bytes are not one)", sources)
	}
	if msg := res.Diags.Format("dossier"); !strings.Contains(msg, "noise.txt:1: not text") {
		t.Errorf("the file of random bytes should be named as not text:\n%s", msg)
	}
	for _, want := range []string{"sources/di-zhen-bao-dao/index.html", "sources/article/index.html",
		"sources/a-b/index.html", "sources/a-b-2/index.html", "sources/a-b-3/index.html", "sources/ellenika/index.html",
		"entities/dmitrii-ivanov/index.html", "entities/iurii-morozov/index.html"} {
		if !seen[want] {
			t.Errorf("no %s", want)
		}
	}
	// and the build that publishes them is the same twice over
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	mustBuild(t, site, a)
	mustBuild(t, site, b)
	sa, sb := snapshot(t, a), snapshot(t, b)
	for p, x := range sa {
		if sb[p] != x {
			t.Errorf("%s differs between two builds", p)
		}
	}
	if len(sa) != len(files)+1 { // and the manifest
		t.Errorf("published %d files, compiled %d", len(sa), len(files))
	}
}

// A slugs.lock line naming a path outside facts/ ("..") or of random bytes
// is a warning with its line; the build publishes and the site's own pages
// stay where they are.
func TestMalformedRegistrySkipped(t *testing.T) {
	site := seedSite(t)
	out := filepath.Join(site, "public")
	mustBuild(t, site, out)
	index := snapshot(t, out)["index.html"]
	r := rand.New(rand.NewPCG(3, 4))
	junk := make([]byte, 4096)
	for i := range junk {
		junk[i] = byte(r.Uint32())
	}
	lock := filepath.Join(site, "slugs.lock")
	writeFile(t, lock, "..\tx\n../index\ty\n"+string(junk)+"\n")
	res := mustBuild(t, site, out)
	if !strings.Contains(res.Diags.Format("dossier"), "slugs.lock:1: not a registry line") {
		t.Errorf("diagnostics:\n%s", res.Diags.Format("dossier"))
	}
	got := snapshot(t, out)
	if got["index.html"] != index {
		t.Error("the site's index.html was replaced")
	}
	for p := range got {
		if !outputPath(p) && p != Manifest {
			t.Errorf("file at %q", p)
		}
	}
}

// utf16le encodes s as UTF-16, little-endian, with a byte-order mark, as
// Notepad saves a file.
func utf16le(s string) string {
	b := []byte{0xff, 0xfe}
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return string(b)
}

// Bad bytes never reach a page: invalid UTF-8 and control characters are
// replaced (and reported with their line), UTF-16 and a UTF-8 byte-order
// mark are read as the text they are, and "title: null" is no title.
func TestBadBytesNeverReachPages(t *testing.T) {
	site := t.TempDir()
	dir := filepath.Join(site, "content", "articles")
	writeFile(t, filepath.Join(dir, "bad.md"), "---\ntitle: Bad bytes\n---\nThe fire broke out on April 30, 2024.\n\nAt least 14 people \xff\xfe were killed\x00 in the fire\x1b[31m, officials said.\n")
	writeFile(t, filepath.Join(dir, "notepad.txt"), utf16le("---\ntitle: Saved by Notepad\n---\nThe fire broke out on April 30, 2024. At least 14 people were killed.\n"))
	writeFile(t, filepath.Join(dir, "bom.md"), "\ufeff---\ntitle: With a mark\n---\nThe fire broke out on April 30, 2024.\n")
	writeFile(t, filepath.Join(dir, "null.md"), "---\ntitle: null\nauthor: ~\n---\nThe fire broke out on April 30, 2024.\n")
	out := filepath.Join(site, "public")
	res := mustBuild(t, site, out)
	msg := res.Diags.Format("dossier")
	if !strings.Contains(msg, "content/articles/bad.md:6: 4 bytes or characters that are not text") {
		t.Errorf("the bad bytes should be reported on their line:\n%s", msg)
	}
	pages := snapshot(t, out)
	for p, body := range pages {
		if !utf8.ValidString(body) {
			t.Errorf("%s: invalid UTF-8", p)
		}
		if i := strings.IndexFunc(body, func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' && r != '\r' || r == 0x7f }); i >= 0 {
			t.Errorf("%s: control character %q", p, body[i])
		}
	}
	for page, want := range map[string]string{
		"sources/notepad/index.html": "Saved by Notepad",
		"sources/bom/index.html":     "With a mark",
		"sources/bad/index.html":     "14 people \ufffd\ufffd were killed\ufffd in the fire\ufffd[31m",
	} {
		if !strings.Contains(pages[page], want) {
			t.Errorf("%s lacks %q", page, want)
		}
	}
	if strings.Contains(pages["sources/bom/index.html"], "title: With a mark") {
		t.Error("the front matter behind a byte-order mark was read as text")
	}
	if strings.Contains(pages["sources/null/index.html"], ">null<") {
		t.Error("title: null became the title \"null\"")
	}
}

// A link into the original page is a valid URL whatever the front matter's
// url holds, and its text= is the words a reader sees there, without the
// Markdown a sentence kept.
func TestOriginalLinksAreCleanURLs(t *testing.T) {
	site := t.TempDir()
	writeFile(t, filepath.Join(site, "content", "articles", "table.md"),
		"---\ntitle: Table\nurl: \"https://example.org/news/the fire?id=\\\"7\\\"\"\npublished: 2024-05-01\n---\n\n"+
			"The fire broke out on *April 30, 2024*.\n\n![](x.jpg) At least **14 people** were killed in the **fire**, [officials](https://example.org/x) said.\n")
	writeFile(t, filepath.Join(site, "content", "articles", "other.txt"), "The fire broke out on April 30, 2024. At least 14 people were killed in the fire.\n")
	out := filepath.Join(site, "public")
	mustBuild(t, site, out)
	found := 0
	for p, body := range snapshot(t, out) {
		if !strings.HasPrefix(p, "facts/") {
			continue
		}
		eachTag(body, func(tok html.Token) {
			for _, a := range tok.Attr {
				if a.Key != "href" || !strings.Contains(a.Val, ":~:text=") {
					continue
				}
				if !strings.HasPrefix(a.Val, "https://example.org/") {
					continue
				}
				found++
				if strings.ContainsAny(a.Val, " \"<>") {
					t.Errorf("%s: raw space or quote in %q", p, a.Val)
				}
				if frag := a.Val[strings.Index(a.Val, ":~:text="):]; strings.Contains(frag, "%7C") || strings.Contains(frag, "%21%5B") || strings.Contains(frag, "%2A") {
					t.Errorf("%s: Markdown in the text fragment %q", p, frag)
				}
			}
		})
	}
	if found < 2 {
		t.Fatalf("%d links into the original page, want the date's and the toll's", found)
	}
}

// An article that is a link to a file outside the site is left out, with
// a warning; a link inside the site is an article like any other.
func TestLinkedArticleOutsideSiteLeftOut(t *testing.T) {
	site := seedSite(t)
	secret := filepath.Join(t.TempDir(), "secret.txt")
	writeFile(t, secret, "The password is swordfish, said on October 29, 2025.\n")
	dir := filepath.Join(site, "content", "articles")
	if err := os.Symlink(secret, filepath.Join(dir, "secret.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("000_ed659b1ddebefba4.txt", filepath.Join(dir, "alias.txt")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(site, "public")
	res, _ := buildSite(t, site, out)
	if !strings.Contains(res.Diags.Format("dossier"), "content/articles/secret.txt: a link to a file outside the site, left out") {
		t.Errorf("diagnostics:\n%s", res.Diags.Format("dossier"))
	}
	for p, body := range snapshot(t, out) {
		if strings.Contains(body, "swordfish") {
			t.Errorf("%s publishes the linked file", p)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "sources", "alias", "index.html")); err != nil {
		t.Errorf("a link inside the site should be an article: %v", err)
	}
}
