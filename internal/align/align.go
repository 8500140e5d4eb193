package align

import (
	"sort"
	"strings"

	"dossier/internal/model"
	"dossier/internal/textutil"
)

// Input is one article with the per-article stages' output.
type Input struct {
	Article    *model.Article
	Doc        *model.Doc
	Claims     []model.Claim
	Events     map[string]int
	ReportDate string   // the day the article's dateline or stamp gives (extract.Result.ReportDate)
	Shingles   []uint64 // Shingles(Article, Doc), when the caller has them cached
}

// Align builds the ledger of a corpus. Inputs are taken in the order given
// (the build passes them sorted by file path).
func Align(in []Input) model.Ledger { return AlignWith(in, Options{}) }

// AlignWith is Align with the editor's decisions that act inside it.
func AlignWith(in []Input, opts Options) model.Ledger {
	led := model.Ledger{Chrome: map[string][]int{}, Claims: map[string][]model.Claim{}, EntityOf: map[string]string{}}
	markRepeatedChrome(in, &led)
	led.MainEvent = mainEvent(in)
	if opts.MainEvent != "" {
		led.MainEvent = opts.MainEvent
	}
	// wire copy and entity grouping read only the articles and their
	// claims: they run side by side
	done := make(chan []model.Overlap)
	go func() { done <- overlaps(in) }()
	ents, entityOf := groupEntities(in, &led)
	led.Entities, led.EntityOf = ents, entityOf
	led.Overlaps = <-done
	w := newWorld(in, &led)
	resolveUndated(in, &led, w)
	led.Facts = buildFacts(in, &led, w, opts.Claims)
	led.Where = mainPlace(&led)
	led.Timeline = buildTimeline(in, &led, w)
	return led
}

// markRepeatedChrome finds short non-prose lines that recur across articles.
func markRepeatedChrome(in []Input, led *model.Ledger) {
	seen := map[string]map[string]bool{}
	key := func(a *model.Article, b model.Block) string {
		if b.Kind == model.Prose {
			return ""
		}
		txt := textutil.Fold(textutil.SquashSpace(a.Text(b.Span)))
		if len(strings.Fields(txt)) > 6 {
			return ""
		}
		return txt
	}
	for _, x := range in {
		for _, b := range x.Doc.Blocks {
			if k := key(x.Article, b); k != "" {
				if seen[k] == nil {
					seen[k] = map[string]bool{}
				}
				seen[k][x.Article.ID] = true
			}
		}
	}
	for _, x := range in {
		var drop []model.Span
		for bi, b := range x.Doc.Blocks {
			if k := key(x.Article, b); k != "" && len(seen[k]) >= 2 && b.Kind != model.Chrome {
				led.Chrome[x.Article.ID] = append(led.Chrome[x.Article.ID], bi)
				drop = append(drop, b.Span)
			}
		}
		if len(drop) == 0 {
			led.Claims[x.Article.ID] = x.Claims // shared, not copied: nothing dropped
			continue
		}
		var keep []model.Claim
	claims:
		for _, c := range x.Claims {
			for _, sp := range drop {
				if sp.Contains(c.Span) {
					continue claims
				}
			}
			keep = append(keep, c)
		}
		led.Claims[x.Article.ID] = keep
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
