package extract

import (
	"testing"

	"dossier/internal/corpus"
	"dossier/internal/segment"
)

// FuzzExtract checks that any text extracts without an extractor breaking
// (a panic, which Extract turns into a Failure) and that
// every claim lies inside its sentence.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"The raid took place around 3 AM on October 29 in Dumayar, a town east of Damascus.",
		"At least 150 people were killed; the death toll rose to 398 by late Monday.",
		"magnitude-6.1 quake at a depth of 10 kilometers (6 miles), 16:30 local time (08:30 GMT)",
		"between 20 and 30 houses, 20-30 more, five daughters, 2.5 million people affected",
		"Syrian President Ahmed al-Sharaa's Al-Shara-led group (HTS) met the U.S. Central Command.",
		"This year over two million pilgrims are performing the Hajj.",
		"Last year 2,000 people died. This year 30 were hurt.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, _ := corpus.Parse("content/articles/f.txt", []byte(s))
		a.Meta.Published = "2014-08-04"
		d := segment.Segment(&a)
		res := Extract(&a, &d)
		if len(res.Failed) > 0 {
			t.Fatalf("an extractor broke: %+v", res.Failed)
		}
		for _, c := range res.Claims {
			if !c.Sentence.Contains(c.Span) || c.Span.Start >= c.Span.End {
				t.Fatalf("claim %v outside its sentence %v", c.Span, c.Sentence)
			}
		}
	})
}
