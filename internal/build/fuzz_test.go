package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/internal/testutil"
)

// FuzzPerArticle runs the whole per-article pipeline — decode, front
// matter, segmentation, every extractor, shingles — on mutated articles,
// seeded with the seed articles, a sentence that once crashed a build, and
// the paragraphs of the reference corpora beside the checkout. A stage
// that panics is recovered into a warning ("this is a bug in dossier"),
// so the fuzzer fails on that warning: no input may need the recovery.
func FuzzPerArticle(f *testing.F) {
	f.Add("content/articles/a.md", "---\ntitle: x\n---\nThis year over two million pilgrims are performing the Hajj.\n")
	f.Add("content/articles/a.txt", "Last year 12 people died.")
	f.Add("content/articles/a.md", "\ufeff---\ntitle: null\n---\n\xff\x00 At 7:56:30 pm on 3.5 October, no less than 2,000 people.")
	for _, dir := range []string{filepath.Join(testutil.RepoRoot(), "content", "articles")} {
		addArticles(f, dir, false)
	}
	if shared := testutil.SharedDir(); shared != "" {
		dirs, _ := filepath.Glob(filepath.Join(shared, "corpora", "*", "articles"))
		for _, dir := range dirs {
			addArticles(f, dir, true)
		}
	}
	f.Fuzz(func(t *testing.T, path, text string) {
		if !strings.HasSuffix(path, ".md") && !strings.HasSuffix(path, ".txt") {
			path += ".txt"
		}
		e := perArticle(path, "a", []byte(text), true)
		for _, d := range e.Diags {
			if strings.Contains(d.Hint, "this is a bug in dossier") {
				t.Fatalf("%s", d)
			}
		}
	})
}

// addArticles seeds f with each article of dir, and, from the reference
// corpora, with each of its paragraphs on its own.
func addArticles(f *testing.F, dir string, paragraphs bool) {
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			continue
		}
		name := "content/articles/" + e.Name()
		f.Add(name, string(b))
		if paragraphs {
			for _, p := range strings.Split(string(b), "\n\n") {
				if len(p) > 40 {
					f.Add("content/articles/p.txt", p)
				}
			}
		}
	}
}
