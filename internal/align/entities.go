package align

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"dossier/internal/model"
)

// Entities: name mentions grouped into people, places and organisations.
// Mentions are grouped by distinct key (namekey.go), and candidates are
// found through indexes on a word's skeleton, so the cost grows with the
// number of distinct names, not with the number of mentions squared. The
// passes, each a rule of how news copy names one thing:
//
//  1. full names: spelling variants of the same words ("Khaled al-Masoud",
//     "Khaled al Masud"), a prefix spelled out or as an acronym ("KM
//     Sinar Bangun", "Kapal Motor Sinar Bangun"), names a source declares
//     one ("Kafr Nabl, also known as Kafranbel");
//  2. people: a shorter full name inside a longer one: its last or its
//     first words, or the same first and last names ("Emir Haddad" of
//     "Karim Emir Haddad", "Tariq al-Rashid" of "Tariq bin Nabil
//     al-Rashid"), when only one fits;
//  3. organisations: a name inside longer ones at word boundaries, with a
//     word that is no common English word ("Jin Hai Logistics" in "Harbour
//     Jinhai Logistics Co. Ltd."): one word when only one fits, more
//     words with all that fit;
//  4. one-word names: an acronym defined beside a name or spelling it out
//     ("WHO" of "World Health Organization"), a name written as one word
//     ("Qaryatayn" = "Qarya Tayn") or without its generic tail
//     ("SANA" of "SANA News Agency"), a surname of a person named in the
//     same article first, else anywhere ("Mr Zhou" of "Zhou Ti"), else
//     another spelling of a one-word name.
//
// A place is never merged with an organisation named after it ("Lorca"
// and "Lorca News"); a name that is only ever one capitalised common word
// ("State") is kept only when sources use it often.

type mention struct {
	claim *model.Claim // in the ledger's claims, which align never changes
	key   []string
}

type group struct {
	prefix   string // the acronym a prefixed name starts with ("km"), if any
	acronym  bool   // the prefix is written as an acronym ("KM", not "Kapal Motor")
	keys     [][]form
	mentions []mention
	votes    model.Votes
	aliases  map[string]bool // acronyms defined for this group
	into     *group          // merged into that group
}

func (g *group) addKey(key []form) {
	for _, k := range g.keys {
		if sameForms(k, key) {
			return
		}
	}
	g.keys = append(g.keys, key)
}

func sameForms(a, b []form) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].w != b[i].w {
			return false
		}
	}
	return true
}

func (g *group) matches(key []form) bool {
	for _, k := range g.keys {
		if similarKey(k, key) {
			return true
		}
	}
	return false
}

// root is the group g was merged into, or g.
func (g *group) root() *group {
	for g.into != nil {
		g = g.into
	}
	return g
}

// merge moves g's mentions, keys, votes and aliases into h.
func (g *group) merge(h *group) {
	if g == h || g.into != nil {
		return
	}
	for _, k := range g.keys {
		h.addKey(k)
	}
	h.mentions = append(h.mentions, g.mentions...)
	h.votes = h.votes.Add(g.votes)
	for a := range g.aliases {
		h.aliases[a] = true
	}
	g.into, g.mentions, g.keys = h, nil, nil
}

func (g *group) add(ms []mention, key []form) {
	g.addKey(key)
	for _, m := range ms {
		g.mentions = append(g.mentions, m)
		g.votes = g.votes.Add(m.claim.Name.Votes)
		if a := m.claim.Name.Alias; a != "" {
			g.aliases[strings.Join(nameKey(a), " ")] = true
		}
	}
}

func newGroup() *group { return &group{aliases: map[string]bool{}} }

// grouper holds the mentions by key and the groups made of them.
type grouper struct {
	byKey  map[string][]mention
	groups []*group
}

func forms(key []string) []form {
	out := make([]form, len(key))
	for i, w := range key {
		out[i] = formOf(w)
	}
	return out
}

// groupEntities groups name mentions into entities (see above).
func groupEntities(in []Input, led *model.Ledger) ([]model.Entity, map[string]string) {
	gr := &grouper{byKey: mentionsByKey(in, led)}
	var multi, single []string
	for _, ks := range sortedKeys(gr.byKey) {
		if strings.Contains(ks, " ") {
			multi = append(multi, ks)
		} else {
			single = append(single, ks)
		}
	}
	gr.fullNames(multi)
	gr.declaredAliases()
	gr.personNames()
	gr.containedOrgs()
	gr.oneWordNames(single)
	return buildEntities(gr.kept())
}

// mentionsByKey collects the name mentions of every article by key.
func mentionsByKey(in []Input, led *model.Ledger) map[string][]mention {
	byKey := map[string][]mention{}
	keys := map[string][]string{} // a name is keyed once, however often it is written
	for _, x := range in {
		cs := led.Claims[x.Article.ID]
		for i := range cs {
			c := &cs[i]
			if c.Kind != model.KindName {
				continue
			}
			k, ok := keys[c.Name.Name]
			if !ok {
				k = nameKey(c.Name.Name)
				keys[c.Name.Name] = k
			}
			if len(k) > 0 {
				ks := strings.Join(k, " ")
				byKey[ks] = append(byKey[ks], mention{claim: c, key: k})
			}
		}
	}
	return byKey
}

// fullNames is pass 1: names of two words or more, by spelling, and by
// the rest of the name after a prefix ("KM Sinar Bangun" = "Kapal Motor
// Sinar Bangun": an acronym matches words whose initials spell it).
func (gr *grouper) fullNames(multi []string) {
	byFirst := map[string][]*group{}
	byRest := map[string][]*group{}
	for _, ks := range multi {
		m := gr.byKey[ks][0]
		fk := forms(m.key)
		var g *group
		for _, cand := range byFirst[fk[0].skel] {
			if cand.matches(fk) {
				g = cand
				break
			}
		}
		prefix, rest, acr := splitPrefix(m.claim.Name.Name, m.key)
		if g == nil && rest != "" {
			for _, cand := range byRest[rest] {
				if cand.prefix == prefix && cand.acronym != acr { // an acronym matches a spelled-out prefix, never two spellings
					g = cand
					break
				}
			}
		}
		if g == nil {
			g = newGroup()
			g.prefix, g.acronym = prefix, acr
			gr.groups = append(gr.groups, g)
			byFirst[fk[0].skel] = append(byFirst[fk[0].skel], g)
			if rest != "" {
				byRest[rest] = append(byRest[rest], g)
			}
		}
		g.add(gr.byKey[ks], fk)
	}
}

// declaredAliases joins full names a source declared to be one ("Kafr
// Nabl, also known as Kafranbel"; "Riverton (formerly Lakeside)").
func (gr *grouper) declaredAliases() {
	byKey := map[string]*group{}
	for _, g := range gr.groups {
		for _, k := range g.keys {
			c := keyString(k)
			if byKey[c] == nil {
				byKey[c] = g
			}
		}
	}
	for _, g := range gr.groups {
		for _, a := range sortedKeys(g.aliases) {
			if h := byKey[a]; h != nil && h.root() != g.root() && compatible(h.root().votes, g.root().votes) {
				h.root().merge(g.root())
			}
		}
	}
}

func keyString(k []form) string {
	ws := make([]string, len(k))
	for i, f := range k {
		ws[i] = f.w
	}
	return strings.Join(ws, " ")
}

// personNames is pass 2: a person's shorter full name goes to the one
// longer full name it is part of, when only one fits.
func (gr *grouper) personNames() {
	byLast := map[string][]*group{}
	for _, g := range gr.groups {
		if g.votes.Kind() == model.Person {
			k := g.keys[0]
			byLast[k[len(k)-1].skel] = append(byLast[k[len(k)-1].skel], g)
		}
	}
	for _, g := range gr.groups {
		if g.into != nil || g.votes.Kind() != model.Person {
			continue
		}
		k := g.keys[0]
		var fit *group
		for _, h := range byLast[k[len(k)-1].skel] {
			h = h.root()
			if h == g || h == fit || !partOfName(k, h.keys[0]) {
				continue
			}
			if fit != nil {
				fit = nil
				break // two fit: neither
			}
			fit = h
		}
		if fit != nil {
			g.merge(fit)
		}
	}
}

// partOfName reports whether the person's name a is part of the longer
// name b: its last words, or its first and last with more between.
func partOfName(a, b []form) bool {
	if len(a) < 2 || len(a) >= len(b) {
		return false
	}
	if similarKey(a, b[len(b)-len(a):]) {
		return true // "Emir Haddad" of "Karim Emir Haddad"
	}
	if similarKey(a, b[:len(a)]) {
		return true // "Faisal bin Nabil" of "Faisal bin Nabil Al Rashid"
	}
	return similarForm(a[0], b[0]) && similarForm(a[len(a)-1], b[len(b)-1]) // "Tariq al-Rashid" of "Tariq bin Nabil al-Rashid"
}

// containedOrgs is pass 3: an organisation's name inside one longer name
// of an organisation, at word boundaries, with a distinctive word.
func (gr *grouper) containedOrgs() {
	var orgs []*group
	for _, g := range gr.groups {
		if g.votes.Kind() == model.Org {
			orgs = append(orgs, g)
		}
	}
	sort.SliceStable(orgs, func(i, j int) bool { return len(orgs[i].keys[0]) < len(orgs[j].keys[0]) })
	for _, g := range orgs {
		if g.into != nil || !distinctive(g.keys[0]) {
			continue
		}
		k := g.keys[0]
		var fits []*group
		for _, h := range orgs {
			if h = h.root(); h != g && len(h.keys[0]) > len(k) && containsAtWords(k, h.keys[0]) && !slices.Contains(fits, h) {
				fits = append(fits, h)
			}
		}
		// one fit; or, for a name of two words or more, every fit: the
		// longer names differ only by what they add around it
		if len(fits) == 1 || len(fits) > 1 && len(k) >= 2 {
			for _, h := range fits[1:] {
				h.merge(fits[0])
			}
			g.merge(fits[0])
		}
	}
}

// kept are the groups that are entities: not merged away, of a kind, and
// not only a rarely used common word.
func (gr *grouper) kept() []*group {
	var out []*group
	for _, g := range gr.groups {
		if g.into == nil && g.votes.Kind() != model.NoKind && !rareCommonWord(g) {
			out = append(out, g)
		}
	}
	return out
}

// rareCommonWord reports whether every mention of g is one common word
// capitalised ("State", "Trend"), in fewer than three mentions or two
// articles: chance capitals, not a name sources use.
func rareCommonWord(g *group) bool {
	arts := map[string]bool{}
	for _, m := range g.mentions {
		if !m.claim.Name.Common {
			return false
		}
		arts[m.claim.Article] = true
	}
	return len(g.mentions) < 3 || len(arts) < 2
}

// splitPrefix finds a name's prefix, as an acronym, and the rest of its key:
// "KM Sinar Bangun" → ("km", "sinar bangun"); "Kapal Motor Sinar Bangun" →
// ("km", "sinar bangun") as well, since its first words spell "km". Names
// without a two-to-four letter prefix and at least two more words give "".
func splitPrefix(name string, key []string) (prefix, rest string, acronym bool) {
	words := strings.Fields(name)
	if len(words) != len(key) || len(key) < 3 {
		return "", "", false
	}
	if isAcronym(words[0]) {
		a := strings.ToLower(strings.ReplaceAll(words[0], ".", ""))
		if len(a) >= 2 && len(a) <= 4 && len(key)-1 >= 2 {
			return a, strings.Join(key[1:], " "), true
		}
		return "", "", false
	}
	for n := 2; n <= 4 && n <= len(key)-2; n++ {
		var a strings.Builder
		ok := true
		for _, w := range words[:n] {
			r := []rune(w)[0]
			if !unicode.IsUpper(r) {
				ok = false
				break
			}
			a.WriteRune(unicode.ToLower(r))
		}
		if ok {
			return a.String(), strings.Join(key[n:], " "), false
		}
	}
	return "", "", false
}

func isAcronym(name string) bool {
	n := 0
	for _, r := range name {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		} else if r != '.' {
			return false
		}
	}
	return n >= 2
}

// initials of a multi-word key's original name ("U.S. Geological Survey" → "usgs").
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		w = strings.TrimLeft(w, "(\"'“")
		if len(w) == 0 {
			continue
		}
		if strings.Contains(w, ".") && len(w) <= 5 { // "U.S."
			b.WriteString(strings.ToLower(strings.ReplaceAll(w, ".", "")))
			continue
		}
		r := []rune(w)[0]
		if unicode.IsUpper(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
