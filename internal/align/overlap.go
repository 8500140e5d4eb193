package align

import (
	"slices"
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
// Shingles are the hashes of an article's runs of shingle consecutive words
// of prose, sorted and unique. They depend on the article alone, so the
// build computes them with the per-article stages and caches them.
func Shingles(a *model.Article, d *model.Doc) []uint64 {
	// each word hashed once (FNV-1a), each run of shingle words hashed from
	// its words' hashes
	var hs []uint64
	for _, b := range d.Blocks {
		if b.Kind != model.Prose {
			continue
		}
		for _, w := range strings.Fields(textutil.Fold(a.Text(b.Span))) {
			w = strings.Trim(w, `.,;:!?"'()“”‘’`)
			h := uint64(14695981039346656037)
			for i := 0; i < len(w); i++ {
				h = (h ^ uint64(w[i])) * 1099511628211
			}
			hs = append(hs, h)
		}
	}
	if len(hs) < shingle {
		return nil
	}
	out := make([]uint64, 0, len(hs)-shingle+1)
	for k := 0; k+shingle <= len(hs); k++ {
		v := uint64(14695981039346656037)
		for _, h := range hs[k : k+shingle] {
			v = (v ^ h) * 1099511628211
			v ^= v >> 32
		}
		out = append(out, v)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// overlaps finds pairs of sources that share long identical passages.
// (Only prose counts, and cross-article chrome is never prose, so an
// article's shingles are its own.)
func overlaps(in []Input) []model.Overlap {
	sets := make([][]uint64, len(in))
	for i, x := range in {
		if x.Shingles != nil {
			sets[i] = x.Shingles
		} else {
			sets[i] = Shingles(x.Article, x.Doc)
		}
	}
	// an inverted index from shingle to the articles that have it; a run
	// found in many articles is boilerplate or a stock phrase, not copy
	const common = 8
	post := map[uint64][]int32{}
	for i, set := range sets {
		for _, h := range set {
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
