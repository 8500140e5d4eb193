package align

import (
	"sort"
	"strings"
	"unicode"

	"dossier/internal/model"
	"dossier/internal/par"
	"dossier/internal/textutil"
)

// particles join the next word of a name ("al Masud" = "al-Masud").
var particles = map[string]bool{"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "abu": true}

// placeTypes are dropped from a place name's key ("Zhaotong City" = "Zhaotong").
var placeTypes = map[string]bool{"county": true, "city": true, "province": true, "township": true, "town": true,
	"prefecture": true, "region": true, "district": true, "village": true, "municipality": true}

// nameKey turns a name into comparable words: folded, without particles,
// dots, apostrophes or hyphens, doubled letters collapsed.
func nameKey(name string) []string {
	var out []string
	fields := strings.Fields(textutil.Fold(name))
	for i := 0; i < len(fields); i++ {
		w := fields[i]
		if i == 0 && w == "the" {
			continue
		}
		if particles[w] && i+1 < len(fields) {
			continue
		}
		for p := range particles {
			if strings.HasPrefix(w, p+"-") && len(w) > len(p)+2 {
				w = w[len(p)+1:]
				break
			}
		}
		var b strings.Builder
		var prev rune
		for _, r := range w {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				continue
			}
			if r == prev {
				continue
			}
			b.WriteRune(r)
			prev = r
		}
		if b.Len() > 0 {
			out = append(out, b.String())
		}
	}
	if len(out) > 1 && placeTypes[out[len(out)-1]] {
		out = out[:len(out)-1]
	}
	for i, w := range out {
		if h, ok := orgHeadSynonyms[w]; ok && i == len(out)-1 && len(out) > 1 {
			out[i] = h
		}
	}
	return out
}

// orgHeadSynonyms are heads of an organisation's name that outlets swap
// ("Civil Affairs Bureau" / "Civil Affairs Department"); the other words
// must still match. "Ministry" is not among them: a national ministry is
// not a provincial bureau.
var orgHeadSynonyms = map[string]string{"bureau": "department", "department": "department", "office": "department", "administration": "department"}

// genericTail are words that may follow an organisation's distinctive name
// ("Xinhua News Agency" is "Xinhua").
var genericTail = map[string]bool{"news": true, "agency": true, "press": true, "group": true, "corporation": true, "company": true,
	"network": true, "television": true, "broadcasting": true, "service": true, "channel": true}

// skeleton keeps a word's first letter and its consonants: transliterations
// differ mostly in vowels (Masoud/Masud, Ahmad/Ahmed, Dumayr/Dumayar).
func skeleton(w string) string {
	var b strings.Builder
	for i, r := range softC(w) {
		if i > 0 && strings.ContainsRune("aeiouy", r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// softC spells a soft c and a z as s, as British and American spellings
// differ there (Defence/Defense, Organisation/Organization).
func softC(w string) string {
	r := []rune(w)
	for i := range r {
		if r[i] == 'z' || (r[i] == 'c' && i+1 < len(r) && strings.ContainsRune("eiy", r[i+1])) {
			r[i] = 's'
		}
	}
	return string(r)
}

// form is a key word with its comparison forms computed once.
type form struct{ w, soft, skel string }

func formOf(w string) form { return form{w: w, soft: softC(w), skel: skeleton(w)} }

func similarForm(a, b form) bool {
	if a.w == b.w {
		return true
	}
	if len(a.w) < 4 || len(b.w) < 4 || a.skel != b.skel {
		return false
	}
	lim := len(a.w) / 4
	if lim < 1 {
		lim = 1
	}
	return osa(a.soft, b.soft) <= lim
}

func similarKey(a, b []form) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !similarForm(a[i], b[i]) {
			return false
		}
	}
	return true
}

// osa is the optimal-string-alignment distance: edits and transpositions of
// neighbours ("centre"/"center" is one).
func osa(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+c)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

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

// groupEntities groups name mentions into entities (see the package doc).
// Mentions are grouped by distinct key, and candidate groups are found
// through an index on a word's skeleton, so the cost grows with the number
// of distinct names, not with the number of mentions squared.
func groupEntities(in []Input, led *model.Ledger) ([]model.Entity, map[string]string) {
	byKey := map[string][]mention{}
	type keyed struct {
		k  []string
		ks string
	}
	keys := map[string]keyed{} // a name is keyed once, however often it is written
	for _, x := range in {
		cs := led.Claims[x.Article.ID]
		for i := range cs {
			c := &cs[i]
			if c.Kind != model.KindName {
				continue
			}
			kk, ok := keys[c.Name.Name]
			if !ok {
				kk.k = nameKey(c.Name.Name)
				kk.ks = strings.Join(kk.k, " ")
				keys[c.Name.Name] = kk
			}
			if len(kk.k) == 0 {
				continue
			}
			byKey[kk.ks] = append(byKey[kk.ks], mention{claim: c, key: kk.k})
		}
	}
	var multi, single []string
	for _, ks := range sortedKeys(byKey) {
		if strings.Contains(ks, " ") {
			multi = append(multi, ks)
		} else {
			single = append(single, ks)
		}
	}
	forms := func(key []string) []form {
		out := make([]form, len(key))
		for i, w := range key {
			out[i] = formOf(w)
		}
		return out
	}
	addAll := func(g *group, ks string, fk []form) {
		g.addKey(fk)
		for _, m := range byKey[ks] {
			g.mentions = append(g.mentions, m)
			g.votes = g.votes.Add(m.claim.Name.Votes)
			if m.claim.Name.Alias != "" {
				g.aliases[textutil.Fold(m.claim.Name.Alias)] = true
			}
		}
	}

	// pass 1: full names, indexed by the skeleton of their first word, and
	// by the rest of the name after a prefix ("KM Sinar Bangun" = "Kapal
	// Motor Sinar Bangun": an acronym matches words whose initials spell it)
	var groups []*group
	byFirst := map[string][]*group{}
	byLast := map[string][]*group{}
	byRest := map[string][]*group{}
	for _, ks := range multi {
		m := byKey[ks][0]
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
				// an acronym matches a spelled-out prefix, never two spellings
				if cand.prefix == prefix && cand.acronym != acr {
					g = cand
					break
				}
			}
		}
		if g == nil {
			g = &group{aliases: map[string]bool{}, prefix: prefix, acronym: acr}
			groups = append(groups, g)
			byFirst[fk[0].skel] = append(byFirst[fk[0].skel], g)
			byLast[fk[len(fk)-1].skel] = append(byLast[fk[len(fk)-1].skel], g)
			if rest != "" {
				byRest[rest] = append(byRest[rest], g)
			}
		}
		addAll(g, ks, fk)
	}
	multiGroups := append([]*group(nil), groups...)
	// "Long Toushan" is "Longtoushan"; "Xinhua News Agency" is "Xinhua"
	byJoined := map[string]*group{}
	byHead := map[string][]*group{}
	for _, g := range multiGroups {
		for _, k := range g.keys {
			var j strings.Builder
			generic := true
			for i, f := range k {
				j.WriteString(f.w)
				if i > 0 && !genericTail[f.w] {
					generic = false
				}
			}
			if byJoined[j.String()] == nil {
				byJoined[j.String()] = g
			}
			if generic {
				byHead[k[0].w] = append(byHead[k[0].w], g)
			}
		}
	}
	byAlias := map[string]*group{}
	byInitials := map[string][]*group{}
	for _, g := range multiGroups {
		for a := range g.aliases {
			if byAlias[a] == nil {
				byAlias[a] = g
			}
		}
		if g.votes.Kind() != model.Person {
			ini := initials(g.mentions[0].claim.Name.Name)
			byInitials[ini] = append(byInitials[ini], g)
		}
	}

	// pass 2: single words — acronyms, surnames, one-word names
	bySkel := map[string][]*group{}
	for _, ks := range single {
		fk := forms(byKey[ks][0].key)
		w := fk[0]
		name := byKey[ks][0].claim.Name.Name
		var best *group
		if isAcronym(name) {
			if g := byAlias[w.w]; g != nil {
				best = g
			} else if gs := byInitials[w.w]; len(gs) == 1 {
				best = gs[0]
			}
		} else if g := byJoined[w.w]; g != nil {
			best = g
		} else if gs := byHead[w.w]; len(gs) == 1 {
			best = gs[0]
		} else {
			// a surname: the most-mentioned full name of a person ending in it
			for _, g := range byLast[w.skel] {
				k := g.keys[0]
				if !similarForm(k[len(k)-1], w) || g.votes.Kind() == model.Org || g.votes.Kind() == model.Place {
					continue
				}
				if best == nil || len(g.mentions) > len(best.mentions) {
					best = g
				}
			}
		}
		// another one-word name
		if best == nil {
			for _, g := range bySkel[w.skel] {
				if g.matches(fk) {
					best = g
					break
				}
			}
		}
		if best == nil {
			best = &group{aliases: map[string]bool{}}
			groups = append(groups, best)
			bySkel[w.skel] = append(bySkel[w.skel], best)
		}
		addAll(best, ks, fk)
	}

	var kinded []*group
	for _, g := range groups {
		if g.votes.Kind() != model.NoKind {
			kinded = append(kinded, g)
		}
	}
	// each spelling's alias form, once (read by every entity below)
	aliasOf := map[string]string{}
	for _, g := range kinded {
		for _, m := range g.mentions {
			if _, ok := aliasOf[m.claim.Name.Name]; !ok {
				aliasOf[m.claim.Name.Name] = aliasText(m.claim.Name.Name)
			}
		}
	}
	type built struct {
		e    model.Entity
		g    *group
		keys []string // its mentions' keys in the ledger's EntityOf
	}
	all := make([]built, len(kinded))
	par.For(len(kinded), func(i int) {
		all[i] = built{e: model.Entity{Kind: kinded[i].votes.Kind(), Name: canonicalName(kinded[i])}, g: kinded[i]}
	})
	sort.SliceStable(all, func(i, j int) bool { return all[i].e.Name < all[j].e.Name })
	used := map[string]int{}
	for i := range all {
		e := &all[i].e
		id := textutil.Slug(e.Name, 60)
		if id == "" {
			id = "entity"
		}
		if used[id]++; used[id] > 1 {
			id = id + "-" + string(e.Kind)
		}
		e.ID = id
	}
	// each entity's mentions and spellings, on every core
	par.For(len(all), func(i int) {
		e, g := &all[i].e, all[i].g
		aliasSources := map[string]map[string]bool{}
		for _, m := range g.mentions {
			txt := aliasOf[m.claim.Name.Name]
			if aliasSources[txt] == nil {
				aliasSources[txt] = map[string]bool{}
			}
			aliasSources[txt][m.claim.Article] = true
			e.Mentions = append(e.Mentions, model.Mention{Article: m.claim.Article, Anchor: m.claim.Anchor, Span: m.claim.Span, Text: m.claim.Text})
			all[i].keys = append(all[i].keys, model.MentionKey(m.claim.Article, m.claim.Span))
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

// canonicalName is the most frequent full spelling of an entity.
func canonicalName(g *group) string {
	raw := map[string]int{} // each spelling as written, then as an alias
	for _, m := range g.mentions {
		raw[m.claim.Name.Name]++
	}
	count := map[string]int{}
	for name, n := range raw {
		count[aliasText(name)] += n
	}
	best := ""
	for _, name := range sortedKeys(count) {
		switch {
		case best == "":
			best = name
		case len(nameKey(name)) != len(nameKey(best)):
			if len(nameKey(name)) > len(nameKey(best)) {
				best = name
			}
		case count[name] > count[best]:
			best = name
		}
	}
	return best
}
