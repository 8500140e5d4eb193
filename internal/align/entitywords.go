package align

import (
	"sort"
	"strings"

	"dossier/internal/model"
	"dossier/internal/par"
	"dossier/internal/textutil"
)

// index is what pass 4 looks one-word names up in: the groups of full
// names by their run-together spelling, their distinctive word before a
// generic tail, their acronyms and initials, and people by article.
type index struct {
	joined   map[string]*group
	head     map[string][]*group
	alias    map[string]*group
	initials map[string][]*group
	bodies   []*group            // organisations and places of two words or more, for acronyms
	people   []*group            // people of two words or more
	inArt    map[string][]*group // people of two words or more named in an article
}

func (gr *grouper) index() *index {
	ix := &index{joined: map[string]*group{}, head: map[string][]*group{}, alias: map[string]*group{},
		initials: map[string][]*group{}, inArt: map[string][]*group{}}
	for _, g := range gr.groups {
		if g.into != nil {
			continue
		}
		for _, k := range g.keys {
			c, _ := compactKey(k)
			if ix.joined[c] == nil {
				ix.joined[c] = g
			}
			if genericAfterFirst(k) {
				ix.head[k[0].w] = append(ix.head[k[0].w], g)
			}
		}
		for a := range g.aliases {
			if ix.alias[a] == nil {
				ix.alias[a] = g
			}
		}
		if g.votes.Kind() == model.Person {
			ix.people = append(ix.people, g)
			seen := map[string]bool{}
			for _, m := range g.mentions {
				if !seen[m.claim.Article] {
					seen[m.claim.Article] = true
					ix.inArt[m.claim.Article] = append(ix.inArt[m.claim.Article], g)
				}
			}
			continue
		}
		ini := initials(g.mentions[0].claim.Name.Name)
		ix.initials[ini] = append(ix.initials[ini], g)
		ix.bodies = append(ix.bodies, g)
	}
	return ix
}

// genericAfterFirst: every word of the key after its first is a generic
// tail ("sana news agency").
func genericAfterFirst(k []form) bool {
	for _, f := range k[1:] {
		if !genericTail[f.w] {
			return false
		}
	}
	return true
}

// oneWordNames is pass 4 (see entities.go).
func (gr *grouper) oneWordNames(single []string) {
	ix := gr.index()
	bySkel := map[string][]*group{}
	for _, ks := range single {
		ms := gr.byKey[ks]
		fk := forms(ms[0].key)
		name := ms[0].claim.Name.Name
		own := votesOf(ms)
		if g := ix.named(name, fk[0], own); g != nil {
			g.add(ms, fk)
			continue
		}
		if ms = ix.surnames(ms, fk, own); len(ms) == 0 {
			continue
		}
		var g *group
		for _, cand := range bySkel[fk[0].skel] {
			if !isAcronym(name) && cand.matches(fk) && compatible(cand.votes, own) {
				g = cand
				break
			}
		}
		if g == nil {
			g = newGroup()
			gr.groups = append(gr.groups, g)
			bySkel[fk[0].skel] = append(bySkel[fk[0].skel], g)
		}
		g.add(ms, fk)
	}
}

func votesOf(ms []mention) model.Votes {
	var v model.Votes
	for _, m := range ms {
		v = v.Add(m.claim.Name.Votes)
	}
	return v
}

// compatible: a place is never an organisation's mention, nor one a
// place's ("Lorca" and "Lorca News"); a person never either's.
func compatible(a, b model.Votes) bool {
	ka, kb := a.Kind(), b.Kind()
	return ka == model.NoKind || kb == model.NoKind || ka == kb
}

// named finds the full name a one-word name stands for: an alias declared
// for it; as an acronym, its initials or spelt out by it; as the name run
// together ("Qaryatayn") or without its generic tail ("SANA").
func (ix *index) named(name string, w form, own model.Votes) *group {
	if g := ix.alias[w.w]; g != nil && (isAcronym(name) || compatible(g.votes, own)) {
		return g
	}
	if isAcronym(name) {
		if gs := ix.initials[w.w]; len(gs) == 1 {
			return gs[0]
		}
		var fit *group
		for _, g := range ix.bodies {
			if acronymOf(name, g.mentions[0].claim.Name.Name) {
				if fit != nil && fit != g {
					return nil
				}
				fit = g
			}
		}
		return fit
	}
	if g := ix.joined[w.w]; g != nil && compatible(g.votes, own) {
		return g
	}
	if gs := ix.head[w.w]; len(gs) == 1 && compatible(gs[0].votes, own) {
		return gs[0]
	}
	return nil
}

// surnames adds the mentions of a one-word name that are a person's
// surname (or, as Chinese names are written, the first word) to that
// person: a person named in full in the same article, else the
// most-mentioned person whose last name it is. It returns the mentions
// it placed nowhere.
func (ix *index) surnames(ms []mention, fk []form, own model.Votes) []mention {
	if own.Kind() == model.Place || isAcronym(ms[0].claim.Name.Name) {
		return ms
	}
	w := fk[0]
	var rest []mention
	// the person each article means, read once per article from its full
	// names (an article of thousands of mentions is not read per mention)
	means := map[string]*group{}
	for _, m := range ms {
		art := m.claim.Article
		g, ok := means[art]
		if !ok {
			g = sameArticlePerson(ix.inArt[art], art, w)
			means[art] = g
		}
		if g == nil {
			g = lastNamePerson(ix.people, w)
		}
		if g == nil {
			rest = append(rest, m)
			continue
		}
		g.add([]mention{m}, fk)
	}
	return rest
}

// sameArticlePerson is the person of an article whose full name starts or
// ends with w, the most mentioned there; nil when none or a tie.
func sameArticlePerson(gs []*group, art string, w form) *group {
	var best *group
	bestN, tie := 0, false
	for _, g := range gs {
		fits := false
		for _, k := range g.keys {
			if len(k) >= 2 && (similarForm(k[0], w) || similarForm(k[len(k)-1], w)) {
				fits = true
			}
		}
		if !fits {
			continue
		}
		n := 0
		for _, m := range g.mentions {
			if m.claim.Article == art {
				n++
			}
		}
		switch {
		case n > bestN:
			best, bestN, tie = g, n, false
		case n == bestN:
			tie = true
		}
	}
	if tie {
		return nil
	}
	return best
}

// lastNamePerson is the most-mentioned person whose full name ends in w.
func lastNamePerson(gs []*group, w form) *group {
	var best *group
	for _, g := range gs {
		k := g.keys[0]
		if len(k) < 2 || !similarForm(k[len(k)-1], w) {
			continue
		}
		if best == nil || len(g.mentions) > len(best.mentions) {
			best = g
		}
	}
	return best
}

// buildEntities turns the kept groups into entities with ids, mentions and
// spellings, and maps each mention to its entity's id.
func buildEntities(kinded []*group) ([]model.Entity, map[string]string) {
	type built struct {
		e    model.Entity
		g    *group
		keys []string // its mentions' keys in the ledger's EntityOf
	}
	all := make([]built, len(kinded))
	par.For(len(kinded), func(i int) {
		all[i] = built{e: model.Entity{Kind: kinded[i].votes.Kind(), Name: canonicalName(kinded[i])}, g: kinded[i]}
	})
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i].e, all[j].e
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Kind < b.Kind
	})
	// ids in name order: two names with one slug ("Иванов", "Ivanov") get
	// "ivanov" and "ivanov-2", the same in every build of the same input
	used := map[string]bool{}
	for i := range all {
		e := &all[i].e
		e.ID = textutil.Unique(used, textutil.Slug(e.Name, 60), "entity-"+string(e.Kind))
	}
	par.For(len(all), func(i int) {
		all[i].keys = fillEntity(&all[i].e, all[i].g)
	})
	var ents []model.Entity
	entityOf := map[string]string{}
	for _, b := range all {
		for _, k := range b.keys {
			entityOf[k] = b.e.ID
		}
		ents = append(ents, b.e)
	}
	sort.SliceStable(ents, func(i, j int) bool { return ents[i].ID < ents[j].ID })
	return ents, entityOf
}

// fillEntity gives e its mentions and its spellings as sources wrote them
// (a bare surname with its title: "Mr Zhou"), and returns its mentions'
// keys.
func fillEntity(e *model.Entity, g *group) []string {
	var keys []string
	aliasSources := map[string]map[string]bool{}
	for _, m := range g.mentions {
		txt := aliasText(m.claim.Name.Name)
		if t := m.claim.Name.Title; t != "" {
			txt = t + " " + txt
		}
		if aliasSources[txt] == nil {
			aliasSources[txt] = map[string]bool{}
		}
		aliasSources[txt][m.claim.Article] = true
		e.Mentions = append(e.Mentions, model.Mention{Article: m.claim.Article, Anchor: m.claim.Anchor, Span: m.claim.Span, Text: m.claim.Text})
		keys = append(keys, model.MentionKey(m.claim.Article, m.claim.Span))
	}
	for _, txt := range sortedKeys(aliasSources) {
		e.Aliases = append(e.Aliases, model.Alias{Text: txt, Sources: sortedKeys(aliasSources[txt])})
	}
	sort.SliceStable(e.Mentions, func(i, j int) bool {
		if e.Mentions[i].Article != e.Mentions[j].Article {
			return e.Mentions[i].Article < e.Mentions[j].Article
		}
		return e.Mentions[i].Span.Start < e.Mentions[j].Span.Start
	})
	return keys
}

// aliasText is a spelling as written, with a sentence-initial capital on a
// particle undone ("Al-Masoud" → "al-Masoud") so case alone is no variant.
func aliasText(name string) string {
	lw := strings.ToLower(name)
	for p := range particles {
		if (strings.HasPrefix(lw, p+"-") || strings.HasPrefix(lw, p+" ")) && strings.HasPrefix(name, strings.ToUpper(p[:1])) {
			return p + name[len(p):]
		}
	}
	return name
}

// canonicalName is an entity's name: of its spellings, one written in
// capitals throughout (not "Lorca prefecture"), a fuller one over one it
// contains ("Ahmad al-Sharaa" over "al-Sharaa"), else the more frequent.
func canonicalName(g *group) string {
	count := map[string]int{}
	for _, m := range g.mentions {
		count[aliasText(m.claim.Name.Name)]++
	}
	better := func(a, b string) bool {
		if la, lb := lowerWord(a), lowerWord(b); la != lb {
			return !la
		}
		if aa, ab := isAcronym(a), isAcronym(b); aa != ab {
			return !aa // "United States" over "US"
		}
		ca, _ := compactKey(forms(nameKey(a)))
		cb, _ := compactKey(forms(nameKey(b)))
		if ca != cb && (strings.Contains(ca, cb) || strings.Contains(cb, ca)) {
			return len(ca) > len(cb) // a fuller name: "Ahmad al-Sharaa", not "al-Sharaa"
		}
		return count[a] > count[b] // of two spellings, the more frequent
	}
	best := ""
	for _, name := range sortedKeys(count) {
		if best == "" || better(name, best) {
			best = name
		}
	}
	return best
}

// lowerWord reports whether a name has a lower-case word other than a
// particle or a joining word ("Lorca prefecture", not "Bashar al-Assad").
func lowerWord(name string) bool {
	for _, w := range strings.Fields(name) {
		lw := strings.ToLower(w)
		if w == lw && !particles[lw] && lw != "of" && lw != "and" && lw != "the" && !strings.Contains(w, "-") {
			return true
		}
	}
	return false
}
