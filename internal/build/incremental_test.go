package build

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier"
)

// A live builder leaves pages whose fingerprint did not change as they are
// on disk. After every kind of change, its output must be byte for byte a
// clean build's of the same site.
func TestIncrementalMatchesClean(t *testing.T) {
	site := seedSite(t)
	out := filepath.Join(site, "public")
	b := NewBuilder(Options{SiteDir: site, OutDir: out, Builtin: dossier.Files})
	b.live = true
	step := func(name string, changed []string) Result {
		t.Helper()
		res, err := b.Build(changed)
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, res.Diags.Format("dossier"))
		}
		clean := filepath.Join(t.TempDir(), "clean")
		if _, err := Build(Options{SiteDir: site, OutDir: clean, Builtin: dossier.Files}); err != nil {
			t.Fatalf("%s: clean build: %v", name, err)
		}
		sameTree(t, name, out, clean)
		return res
	}
	edit := func(rel, old, new string) string {
		t.Helper()
		p := filepath.Join(site, filepath.FromSlash(rel))
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(raw), old) {
			t.Fatalf("%s does not contain %q", rel, old)
		}
		writeFile(t, p, strings.Replace(string(raw), old, new, 1))
		return rel
	}
	const extra = "content/articles/extra.md"
	writeFile(t, filepath.Join(site, filepath.FromSlash(extra)),
		"---\ntitle: Another report\noutlet: The Morning Ledger\nurl: https://example.org/extra\npublished: 2025-10-30\n---\n\nThe raid took place on October 29, 2025, officials said. Two fighters were killed.\n")
	var depots []string
	for i := 0; i < 9; i++ {
		rel := "content/articles/depot-" + string(rune('a'+i)) + ".txt"
		writeFile(t, filepath.Join(site, filepath.FromSlash(rel)), "Officials said a depot near Dumayr was hit on October 29, 2025.\n")
		depots = append(depots, rel)
	}
	if res := step("first build", nil); res.Kept != 0 {
		t.Errorf("first build kept %d pages; there was nothing to keep", res.Kept)
	}
	res := step("nothing changed", []string{})
	if res.Kept < 20 || res.Written != 0 {
		t.Errorf("a rebuild with no change kept %d pages and wrote %d files", res.Kept, res.Written)
	}
	step("an uncited sentence edited", []string{edit("content/articles/002_574758f0f477ce91.txt", "a stark reminder of the unpredictable costs", "a stark reminder of the unforeseeable costs")})
	step("a fact's value changed", []string{edit("content/articles/002_574758f0f477ce91.txt", "In the early hours of October 29, 2025", "In the early hours of October 27, 2025")})
	step("an outlet renamed", []string{edit(extra, "outlet: The Morning Ledger", "outlet: The Evening Ledger")})
	step("a quote's source link changed", []string{edit(extra, "url: https://example.org/extra", "url: https://example.org/extra-2")})
	// copying a long passage from an article: the unchanged article's page
	// now names the copy as sharing its text
	step("wire copy added", []string{edit(extra, "Two fighters were killed.", "Two fighters were killed. Relatives say al-Masoud had infiltrated IS networks on behalf of the insurgents once led by al-Sharaa and later for the interim government formed after the fall of former President Bashar Assad.")})
	writeFile(t, filepath.Join(site, "content", "articles", "added.txt"), "Fighters raided the town on October 29, 2025, a witness said.\n")
	step("an article added", []string{"content/articles/added.txt"})
	writeFile(t, filepath.Join(site, "dossier.yaml"), "title: A dossier with a title\n")
	step("the site retitled", []string{"dossier.yaml"})
	os.Remove(filepath.Join(site, "content", "articles", "added.txt"))
	step("an article removed", []string{"content/articles/added.txt"})
	// edits that make a strike the dossier's subject: facts are renamed,
	// and unchanged articles' source pages link to the new names
	var strikes []string
	for _, rel := range depots {
		strikes = append(strikes, edit(rel, "Officials said a depot near Dumayr was hit", "The strike hit a depot near Dumayr, officials said"))
	}
	step("the dossier's subject changed", strikes)
	// a page removed by hand is made again, not taken as unchanged
	os.Remove(filepath.Join(out, "facts", "raid-date", "index.html"))
	step("an output page deleted", []string{})
	// a site template: the pages it renders are rendered again
	os.MkdirAll(filepath.Join(site, "templates"), 0o755)
	src, _ := fs.ReadFile(dossier.Files, "templates/source.html")
	writeFile(t, filepath.Join(site, "templates", "source.html"), strings.Replace(string(src), "<h1>", `<h1 class="own">`, 1))
	if res := step("a template overridden", []string{"templates/source.html"}); res.Written < 6 {
		t.Errorf("overriding the source template rewrote %d files, want every source page", res.Written)
	}
}

// sameTree fails unless the two folders hold the same files with the same bytes.
func sameTree(t *testing.T, step, got, want string) {
	t.Helper()
	files := func(root string) map[string][]byte {
		m := map[string][]byte{}
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			b, _ := os.ReadFile(p)
			m[filepath.ToSlash(rel)] = b
			return nil
		})
		return m
	}
	g, w := files(got), files(want)
	for p, wb := range w {
		gb, ok := g[p]
		switch {
		case !ok:
			t.Errorf("%s: %s missing from the incremental build", step, p)
		case !bytes.Equal(gb, wb):
			t.Errorf("%s: %s differs from a clean build's", step, p)
		}
	}
	for p := range g {
		if _, ok := w[p]; !ok {
			t.Errorf("%s: %s is in the incremental build only", step, p)
		}
	}
}
