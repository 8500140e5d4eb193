package extract

import (
	"fmt"
	"testing"

	"dossier/internal/corpus"
	"dossier/internal/gen"
	"dossier/internal/segment"
)

// BenchmarkExtract measures the per-article stages (parse, segment,
// extract) on generated news text, on one core. Target: 20 MB/s or more,
// since it runs on every rebuild of a changed article and on cold builds.
func BenchmarkExtract(b *testing.B) {
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
