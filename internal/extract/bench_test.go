package extract

import (
	"fmt"
	"testing"

	"dossier/internal/corpus"
	"dossier/internal/gen"
	"dossier/internal/model"
	"dossier/internal/segment"
)

func benchCorpus(b *testing.B) ([]model.Article, []model.Doc, int64) {
	b.Helper()
	var arts []model.Article
	var docs []model.Doc
	total := 0
	for i, raw := range gen.Corpus(7, 200) {
		a, _ := corpus.Parse(fmt.Sprintf("content/articles/%05d.md", i), raw)
		arts = append(arts, a)
		docs = append(docs, segment.Segment(&arts[len(arts)-1]))
		total += len(raw)
	}
	return arts, docs, int64(total)
}

// BenchmarkExtract measures the extract stage alone on generated news text,
// on one core (run with -cpu 1). Target: 20 MB/s or more, since it runs on
// every rebuild of a changed article and on cold builds.
func BenchmarkExtract(b *testing.B) {
	arts, docs, total := benchCorpus(b)
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for i := range arts {
			Extract(&arts[i], &docs[i])
		}
	}
}

// BenchmarkPerArticle measures all per-article stages together: parse
// (front matter), segment and extract.
func BenchmarkPerArticle(b *testing.B) {
	docs := gen.Corpus(7, 200)
	total := 0
	for _, d := range docs {
		total += len(d)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for i, raw := range docs {
			a, _ := corpus.Parse(fmt.Sprintf("content/articles/%05d.md", i), raw)
			d := segment.Segment(&a)
			Extract(&a, &d)
		}
	}
}
