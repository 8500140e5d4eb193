package align

import (
	"hash/fnv"
	"sort"
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
	// an inverted index from shingle to the articles that have it; a run
	// found in many articles is boilerplate or a stock phrase, not copy
	const common = 8
	post := map[uint64][]int32{}
	for i, set := range sets {
		for h := range set {
			post[h] = append(post[h], int32(i))
		}
	}
	shared := map[[2]int32]int{}
	for _, arts := range post {
		if len(arts) < 2 || len(arts) > common {
			continue
		}
		for x := 0; x < len(arts); x++ {
			for y := x + 1; y < len(arts); y++ {
				a, b := arts[x], arts[y]
				if a > b {
					a, b = b, a
				}
				shared[[2]int32{a, b}]++
			}
		}
	}
	var out []model.Overlap
	for pair, n := range shared {
		if n >= minShared {
			out = append(out, model.Overlap{A: in[pair[0]].Article.ID, B: in[pair[1]].Article.ID, Shared: n + shingle - 1})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].A != out[j].A {
			return out[i].A < out[j].A
		}
		return out[i].B < out[j].B
	})
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
