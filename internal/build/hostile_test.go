package build

import (
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

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
	if sources != 8 {
		t.Errorf("%d source pages, want one for each of the 8 articles", sources)
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
