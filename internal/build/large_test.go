package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier"
	"dossier/internal/align"
	"dossier/internal/model"
	"dossier/internal/site"
	"dossier/internal/testutil"
)

// largeArticle makes one article of about size bytes from the seed
// articles' paragraphs, with figures and names varied so that it reads as
// many reports run together.
func largeArticle(tb testing.TB, size int) string {
	tb.Helper()
	dir := filepath.Join(testutil.RepoRoot(), "content", "articles")
	ents, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	var paras []string
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		for _, p := range strings.Split(string(b), "\n\n") {
			if p = strings.TrimSpace(p); len(p) > 80 && !strings.HasPrefix(p, "---") {
				paras = append(paras, p)
			}
		}
	}
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "%s Officials said %d people were hurt in district %d.\n\n", paras[i%len(paras)], i%97+3, i)
	}
	return b.String()
}

func largeSite(tb testing.TB, size int) string {
	site := tb.(interface{ TempDir() string }).TempDir()
	p := filepath.Join(site, "content", "articles", "large.txt")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(largeArticle(tb, size)), 0o644); err != nil {
		tb.Fatal(err)
	}
	return site
}

// BenchmarkLargeArticle compiles one article of 1, 2 and 4 MB: the time
// per MB should stay about the same (near-linear), however long the
// article.
func BenchmarkLargeArticle(b *testing.B) {
	for _, mb := range []int{1, 4, 16} {
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			site := largeSite(b, mb<<20)
			b.SetBytes(int64(mb << 20))
			for b.Loop() {
				if _, res, err := Compile(Options{SiteDir: site, Builtin: dossier.Files}); err != nil || res.Diags.HasErrors() {
					b.Fatalf("%v %v", err, res.Diags)
				}
			}
		})
	}
}

// smallArticles makes n short reports of one incident, published over a
// month, that disagree: every report gives its own death toll (the worst
// case for comparing statements), and dates, places and spokespeople vary.
func smallArticles(n int) []align.Input {
	places := []string{"Riverton", "Harran", "Lorca", "Eastfield", "Marlow", "Kestrel Bay", "Dunmore", "Ashby"}
	names := []string{"Maria Okafor", "Chen Wei", "Ahmed Saleh", "Olga Petrenko", "John Carter", "Ines Duarte"}
	in := make([]align.Input, n)
	for i := range in {
		text := fmt.Sprintf("---\ntitle: Report %d\noutlet: Outlet %d\npublished: 2024-05-%02d\n---\n\n"+
			"The fire in %s broke out on April %d, 2024. At least %d people were killed and %d were injured, %s said.\n",
			i, i%200, 1+i%28, places[i%len(places)], 28+i%3, 10+i, 30+i%41, names[i%len(names)])
		p := fmt.Sprintf("content/articles/r%05d.md", i)
		e := perArticle(p, fmt.Sprintf("r%05d", i), []byte(text), false)
		in[i] = align.Input{Article: &e.Article, Doc: &e.Doc, Claims: e.Result.Claims, Events: e.Result.Events, ReportDate: e.Result.ReportDate, Shingles: e.Shingles}
	}
	return in
}

// BenchmarkAlignManyArticles aligns 10,000, 20,000 and 40,000 small
// articles: the time per article should stay about the same.
func BenchmarkAlignManyArticles(b *testing.B) {
	for _, n := range []int{10_000, 20_000, 40_000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			in := smallArticles(n)
			b.ResetTimer()
			for b.Loop() {
				align.Align(in)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/article")
		})
	}
}

// BenchmarkSiteManyArticles lays out the site of 10,000 and 20,000 small
// articles (every page's data that is made eagerly: lists, facets, matrix,
// timeline chart): the time per article should stay about the same.
func BenchmarkSiteManyArticles(b *testing.B) {
	for _, n := range []int{10_000, 20_000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			in := smallArticles(n)
			led := align.Align(in)
			arts := make([]*model.Article, len(in))
			docs := make([]*model.Doc, len(in))
			for i, x := range in {
				arts[i], docs[i] = x.Article, x.Doc
			}
			b.ResetTimer()
			for b.Loop() {
				site.Build(site.Input{Articles: arts, Docs: docs, Ledger: &led})
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/article")
		})
	}
}
