package segment

import (
	"fmt"
	"testing"

	"dossier/internal/corpus"
	"dossier/internal/gen"
	"dossier/internal/model"
)

// BenchmarkSegment measures the segment stage alone on generated news text.
func BenchmarkSegment(b *testing.B) {
	var arts []model.Article
	total := 0
	for i, raw := range gen.Corpus(7, 200) {
		a, _ := corpus.Parse(fmt.Sprintf("content/articles/%05d.md", i), raw)
		arts = append(arts, a)
		total += len(raw)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for i := range arts {
			Segment(&arts[i])
		}
	}
}
