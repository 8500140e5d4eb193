// Package registry keeps fact addresses alive as the corpus grows.
//
// Input: the registry file of the site (slugs.lock, committed with the
// articles like a lock file) and this build's facts. Output: the updated
// registry and, for every slug that was published before and is not a fact
// any more, where its claims went: one fact (it was renamed or merged: its
// old address redirects there), several (it was split: its old page links to
// each), or none (it disappeared: its old page says so).
//
// A claim is identified by its article, sentence anchor and text, all stable
// under edits elsewhere, so evidence can be followed from an old fact to
// new ones. Pure: reading and writing the file is the caller's job.
package registry

import (
	"bufio"
	"bytes"
	"fmt"
	"hash/fnv"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier/internal/diag"
	"dossier/internal/model"
	"dossier/internal/textutil"
)

// File is the registry's name in the site dir.
const File = "slugs.lock"

// Registry maps every fact slug ever published to the claims it last had.
type Registry map[string][]string

// Retired is a slug that is no longer a fact, and where its claims went.
type Retired struct {
	Slug    string
	Targets []string // fact slugs holding its former claims, most shared first
}

// Parse reads a registry file: "slug<TAB>claim claim …" lines; # comments.
func Parse(data []byte) (Registry, diag.List) {
	reg := Registry{}
	var diags diag.List
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 64*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		t := strings.TrimSpace(sc.Text())
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		slug, rest, _ := strings.Cut(t, "\t")
		if !ValidSlug(slug) || !utf8.ValidString(rest) || strings.ContainsFunc(rest, unicode.IsControl) {
			diags.Warnf(File, line, "the file is written by dossier build; restore it from version control", "not a registry line, ignored")
			continue
		}
		reg[slug] = strings.Fields(rest)
	}
	if err := sc.Err(); err != nil {
		diags.Warnf(File, line+1, "the file is written by dossier build; restore it from version control", "unreadable from here on (%v); the rest is ignored", err)
	}
	return reg, diags
}

// ValidSlug reports whether s is a slug dossier makes: lowercase ASCII
// letters and digits in words joined by single dashes, at most 120 bytes.
// Only such a slug becomes a page's folder: the registry file is read from
// the site, and a slug like ".." must never name a path.
func ValidSlug(s string) bool {
	if s == "" || len(s) > 120 || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// ClaimID identifies a claim across builds: its article, its sentence and
// the mention as written ("000-…#s-is-attacks-have-dropped-e4e243@1-038").
func ClaimID(c model.Claim) string {
	return c.Article + "#" + c.Anchor + "@" + textutil.Slug(c.Text, 40)
}

// Sample is how many claims the registry keeps per fact: all of a smaller
// fact's, and a fixed sample of a larger one's (the claims whose ids hash
// lowest), so the file stays small enough to commit at thousands of
// articles. A sample follows a split fact to every part holding a tenth of
// its claims or more (each such part is missed with odds under 0.2%).
const Sample = 64

// sample keeps at most Sample of ids, those with the lowest FNV-1a hash,
// sorted: the same claims give the same sample, and a claim stays in it as
// long as no new claim hashes lower.
func sample(ids []string) []string {
	if len(ids) > Sample {
		hash := func(s string) uint64 {
			h := fnv.New64a()
			h.Write([]byte(s))
			return h.Sum64()
		}
		type hashed struct {
			h  uint64
			id string
		}
		hs := make([]hashed, len(ids))
		for i, id := range ids {
			hs[i] = hashed{hash(id), id}
		}
		sort.Slice(hs, func(i, j int) bool {
			if hs[i].h != hs[j].h {
				return hs[i].h < hs[j].h
			}
			return hs[i].id < hs[j].id
		})
		ids = make([]string, Sample)
		for i := range ids {
			ids[i] = hs[i].id
		}
	}
	sort.Strings(ids)
	return ids
}

// Update records this build's facts and reports the retired slugs.
func Update(prev Registry, facts []model.Fact) (Registry, []Retired) {
	next := Registry{}
	holder := map[string][]string{} // claim id → current facts
	for _, f := range facts {
		seen := map[string]bool{}
		var ids []string
		for _, c := range f.Claims {
			id := ClaimID(*c.Claim)
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
				holder[id] = append(holder[id], f.ID)
			}
		}
		next[f.ID] = sample(ids)
	}
	bySentence := map[string][]string{} // article#anchor → this build's claim ids there
	for _, id := range sortedKeys(holder) {
		sent, _, _ := strings.Cut(id, "@")
		bySentence[sent] = append(bySentence[sent], id)
	}
	var retired []Retired
	for _, slug := range sortedKeys(prev) {
		if _, live := next[slug]; live {
			continue
		}
		next[slug] = prev[slug] // remember the evidence, so the old address keeps working
		count := map[string]int{}
		for _, id := range prev[slug] {
			for _, f := range holderOf(id, holder, bySentence) {
				count[f]++
			}
		}
		var targets []string
		if len(count) > 0 {
			targets = sortedKeys(count)
		}
		sort.SliceStable(targets, func(i, j int) bool { return count[targets[i]] > count[targets[j]] })
		retired = append(retired, Retired{Slug: slug, Targets: targets})
	}
	return next, retired
}

// holderOf is the facts that hold a claim of a previous build: the claim
// itself, or, when the extractor now reads a wider or narrower mention in
// the same sentence ("15" then, "15 IS weapons caches" now), the claim
// whose mention begins with the other's.
func holderOf(id string, holder map[string][]string, bySentence map[string][]string) []string {
	if fs := holder[id]; len(fs) > 0 {
		return fs
	}
	sent, mention, _ := strings.Cut(id, "@")
	var out []string
	for _, cur := range bySentence[sent] {
		_, m, _ := strings.Cut(cur, "@")
		if m != "" && mention != "" && (strings.HasPrefix(m, mention+"-") || strings.HasPrefix(mention, m+"-")) {
			out = append(out, holder[cur]...)
		}
	}
	return out
}

// Bytes renders the registry, sorted, with a header.
func (r Registry) Bytes() []byte {
	var b bytes.Buffer
	b.WriteString("# dossier slug registry: commit this file with the articles.\n")
	b.WriteString("# Every fact address ever published stays valid: a fact that was renamed,\n")
	b.WriteString("# merged, split or removed keeps a page at its old address that says where it went.\n")
	b.WriteString("# slug<TAB>the claims (source#sentence) it last had, or a fixed sample of 64 of them\n")
	for _, slug := range sortedKeys(r) {
		fmt.Fprintf(&b, "%s\t%s\n", slug, strings.Join(r[slug], " "))
	}
	return b.Bytes()
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
