package align

import (
	"hash/fnv"
	"strings"

	"dossier/internal/model"
	"dossier/internal/textutil"
)

// shingle is the number of consecutive words two sources must share for a
// passage to count as copied; minShared is how many such runs make two
// sources dependent (about one long sentence of identical wire copy).
const (
	shingle   = 8
	minShared = 12
)

// overlaps finds pairs of sources that share long identical passages.
func overlaps(in []Input, led *model.Ledger) []model.Overlap {
	sets := make([]map[uint64]bool, len(in))
	for i, x := range in {
		chrome := map[int]bool{}
		for _, bi := range led.Chrome[x.Article.ID] {
			chrome[bi] = true
		}
		var ws []string
		for bi, b := range x.Doc.Blocks {
			if b.Kind != model.Prose || chrome[bi] {
				continue
			}
			for _, w := range strings.Fields(textutil.Fold(x.Article.Text(b.Span))) {
				ws = append(ws, strings.Trim(w, `.,;:!?"'()“”‘’`))
			}
		}
		set := map[uint64]bool{}
		for k := 0; k+shingle <= len(ws); k++ {
			h := fnv.New64a()
			h.Write([]byte(strings.Join(ws[k:k+shingle], " ")))
			set[h.Sum64()] = true
		}
		sets[i] = set
	}
	var out []model.Overlap
	for i := range in {
		for j := i + 1; j < len(in); j++ {
			n := 0
			for h := range sets[i] {
				if sets[j][h] {
					n++
				}
			}
			if n >= minShared {
				out = append(out, model.Overlap{A: in[i].Article.ID, B: in[j].Article.ID, Shared: n + shingle - 1})
			}
		}
	}
	return out
}

// independent counts the sources left when each group of sources sharing
// wire copy counts once.
func independent(sources []string, ovs []model.Overlap) int {
	parent := map[string]string{}
	var find func(string) string
	find = func(s string) string {
		if p, ok := parent[s]; ok && p != s {
			r := find(p)
			parent[s] = r
			return r
		}
		return s
	}
	in := map[string]bool{}
	for _, s := range sources {
		in[s] = true
		parent[s] = s
	}
	for _, o := range ovs {
		if in[o.A] && in[o.B] {
			parent[find(o.A)] = find(o.B)
		}
	}
	roots := map[string]bool{}
	for _, s := range sources {
		roots[find(s)] = true
	}
	return len(roots)
}
