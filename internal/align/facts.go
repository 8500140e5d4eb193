package align

import (
	"sort"
	"strconv"
	"strings"

	"dossier/internal/lexicon"
	"dossier/internal/model"
	"dossier/internal/par"
	"dossier/internal/textutil"
)

// factKey is what a fact is about: claims whose frames give the same key
// are one fact. Every slot must match — a count of firefighters is never a
// fact with the count of everyone, a count in one county never one with
// the count of all, an aftershock's magnitude never one with the quake's.
type factKey struct {
	kind                      string // date, time, place, quantity
	predicate, measure        string
	group, place, from        string
	event, eventOf, scope     string
	verb                      string // for a date of something done: the verb as written ("inaugurated")
	another                   bool   // an incident of the main one's kind the sources call another ("a minor explosion on Monday")
	displayPlace, displayFrom string
	measureText               string // the counted noun as the sources most often write it (see commonMeasure)
}

// commonMeasure is the lemma the fact's claims most often count with
// ("firefighter" over "fireman"), for its title: the key holds the
// concept both share, which may be neither ("combatant").
func commonMeasure(cs []model.FactClaim, concept string) string {
	if concept == "" || concept == "person" {
		return concept
	}
	n := map[string]int{}
	for _, c := range cs {
		if c.Measure != "" {
			n[c.Measure]++
		}
	}
	best := concept
	for _, m := range sortedKeys(n) {
		if n[m] > n[best] {
			best = m
		}
	}
	return best
}

// buildFacts groups claims into facts and gives each its verdict.
func buildFacts(in []Input, led *model.Ledger, w *world, edits map[string]ClaimEdit) []model.Fact {
	w.everyone = everyone(in, led, w)
	total := 0
	for _, x := range in {
		total += len(led.Claims[x.Article.ID])
	}
	// claims go to one flat list, tagged with their fact, and are then laid
	// out fact by fact in one array: no per-fact slice grows by doubling
	all := make([]model.FactClaim, 0, total)
	var of []int32
	keyIndex := map[factKey]int32{}
	var keys []factKey
	add := func(k factKey, fc model.FactClaim) {
		i, ok := keyIndex[k]
		if !ok {
			i = int32(len(keys))
			keyIndex[k] = i
			keys = append(keys, k)
		}
		all = append(all, fc)
		of = append(of, i)
	}
	authKeys := map[string]string{}
	for _, x := range in {
		cs := led.Claims[x.Article.ID]
		for ci := range cs {
			c := &cs[ci]
			k, ok := w.keyOf(c, led)
			if !ok {
				continue
			}
			fc := model.FactClaim{Claim: c}
			if c.Authority != "" {
				ak, ok := authKeys[c.Authority]
				if !ok {
					ak = authorityKey(c.Authority)
					authKeys[c.Authority] = ak
				}
				fc.AuthorityKey = ak
			}
			if d := w.day(c); d >= 0 {
				fc.Day = isoDay(d)
			}
			switch c.Kind {
			case model.KindDate:
				fc.Value, fc.Display = c.Date.Norm(), c.Date.Display()
			case model.KindTime:
				fc.Value, fc.Display = c.Time.Norm(), c.Time.Display()
			case model.KindName:
				id := led.EntityOf[model.MentionKey(c.Article, c.Span)]
				fc.Value, fc.Display, fc.Entity = entityName(led, id), c.Name.Name, id
			case model.KindQuantity:
				fc.Value, fc.Display = c.Qty.Norm(), c.Qty.Display()
			}
			add(k, fc)
		}
	}
	keys, of = mergeUnnamed(keys, of)
	// a stable counting sort of all by fact
	start := make([]int, len(keys)+1)
	for _, i := range of {
		start[i+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	laid := make([]model.FactClaim, len(all))
	next := append([]int(nil), start[:len(keys)]...)
	for j := range all {
		laid[next[of[j]]] = all[j]
		next[of[j]]++
	}
	var facts []model.Fact
	slugs := map[string]bool{}
	for ki, k := range keys {
		lo, hi := start[ki], start[ki+1]
		if lo == hi {
			continue // merged into another (mergeUnnamed)
		}
		f := model.Fact{Kind: k.kind, Subject: k.subject(w), Scope: k.scope, Claims: laid[lo:hi:hi]}
		k.measureText = commonMeasure(f.Claims, k.measure)
		f.ID, f.Title = slugAndTitle(k, w)
		f.ID = textutil.Unique(slugs, f.ID, "fact")
		f.Sources = factSources(f.Claims)
		f.Independent = independent(f.Sources, led.Overlaps)
		facts = append(facts, f)
	}
	facts = applyClaimEdits(facts, edits, slugs, led.Overlaps)
	w.tolls(facts)
	// verdicts are independent per fact; a fact may give rise to one more
	// (the conflicts found within an updated figure)
	extra := make([]*model.Fact, len(facts))
	par.For(len(facts), func(i int) { extra[i] = judge(&facts[i], w) })
	for i, e := range extra {
		if e != nil {
			e.Independent = independent(e.Sources, led.Overlaps)
			e.ID = textutil.Unique(slugs, e.ID, facts[i].ID+"-conflicts")
			facts[i].Conflicts = e.ID
			facts = append(facts, *e)
		}
	}
	rank := map[string]int{"date": 0, "time": 1, "place": 2, "quantity": 3}
	sort.SliceStable(facts, func(i, j int) bool {
		a, b := facts[i], facts[j]
		if rank[a.Kind] != rank[b.Kind] {
			return rank[a.Kind] < rank[b.Kind]
		}
		if len(a.Sources) != len(b.Sources) {
			return len(a.Sources) > len(b.Sources)
		}
		return a.ID < b.ID
	})
	return facts
}

// mergeUnnamed puts a property of a thing named only by a pronoun ("It
// had a capacity of 43") into the one fact of that property of a named
// thing ("the boat was licensed to carry 60"), when there is exactly one;
// its claims stay unsure (extract marks them so), so they never make a
// dispute on their own.
func mergeUnnamed(keys []factKey, of []int32) ([]factKey, []int32) {
	into := map[int32]int32{}
	for i, k := range keys {
		if k.measure != "" || !thingProperty(k.predicate) {
			continue
		}
		match := int32(-1)
		for j, o := range keys {
			if j != i && o.kind == k.kind && o.predicate == k.predicate && o.measure != "" && o.event == k.event && o.scope == k.scope {
				if match >= 0 {
					match = -2 // two candidates: leave it alone
					break
				}
				match = int32(j)
			}
		}
		if match >= 0 {
			into[int32(i)] = match
		}
	}
	if len(into) == 0 {
		return keys, of
	}
	for j, i := range of {
		if m, ok := into[i]; ok {
			of[j] = m
		}
	}
	return keys, of
}

// thingProperty: predicates that hold of a thing (a bridge, a ferry).
func thingProperty(p string) bool {
	switch p {
	case "capacity", "length", "width", "height", "on":
		return true
	}
	return false
}

func factSources(cs []model.FactClaim) []string {
	return articlesOf(cs, func(c model.FactClaim) string { return c.Article })
}

// authorityKey normalises an attribution for comparison: "the U.S.
// Geological Survey" and "US Geological Survey" are one authority.
func authorityKey(a string) string { return strings.Join(nameKey(a), " ") }

// day is the day a claim holds for: the day its sentence names, else its
// report's; -1 when neither is known.
func (w *world) day(c *model.Claim) int {
	if d, ok := dayOf(c.AsOf); ok {
		return d
	}
	return w.days[c.Article]
}

// keyOf is the fact a claim belongs to, or false when it belongs to none:
// report metadata, a date of nothing, a figure whose frame is incomplete.
func (w *world) keyOf(c *model.Claim, led *model.Ledger) (factKey, bool) {
	f := c.Frame
	if f.Report == "dateline" || f.Report == "stamp" {
		return factKey{}, false
	}
	switch c.Kind {
	case model.KindDate:
		if f.Predicate != "when" || f.Report != "" || c.Date.Precision() == 0 || c.Date.Since {
			return factKey{}, false
		}
		return w.eventKey("date", f), true
	case model.KindTime:
		if f.Predicate != "when" || f.Report != "" {
			return factKey{}, false
		}
		return w.eventKey("time", f), true
	case model.KindName:
		if f.Predicate != "where" || led.EntityOf[model.MentionKey(c.Article, c.Span)] == "" {
			return factKey{}, false
		}
		return w.eventKey("place", f), true
	case model.KindQuantity:
		return w.quantityKey(c)
	}
	return factKey{}, false
}

// eventKey keys a date, time or place by the event it is of: the main
// incident, another incident, or something done to a thing ("the bridge
// was inaugurated").
func (w *world) eventKey(kind string, f model.Frame) factKey {
	k := factKey{kind: kind}
	switch {
	case f.Measure != "" && !(w.isMain(f.Event) && !f.Other):
		k.event, k.measure, k.verb = f.Event, f.Measure, f.EventText
	case !w.mainClaim(f):
		k.event, k.eventOf = f.Event, f.EventOf
		if k.event == "" {
			k.event = "other"
		}
		k.another = f.Other && w.isMain(f.Event)
		k.scope = f.Scope
	}
	return k
}

// quantityKey keys a figure by its frame.
func (w *world) quantityKey(c *model.Claim) (factKey, bool) {
	f := c.Frame
	if f.Predicate == "" || c.Qty.Dim == "percent" {
		return factKey{}, false
	}
	k := factKey{kind: "quantity", predicate: f.Predicate, measure: concept(f.Measure), group: f.Group, scope: f.Scope}
	if !w.mainClaim(f) {
		k.event, k.eventOf = f.Event, f.EventOf
		if k.event == "" {
			k.event = "earlier"
		}
	}
	if w.date != nil && k.event == "" && k.scope == strconv.Itoa(w.date.Year) {
		k.scope = "" // "in October 2022, 135 fatalities": the incident's own year
	}
	if w.everyone[k.measure] || k.group != "" && national(f.Measure) {
		k.measure = "person" // "pilgrims" at a pilgrimage; "Peruvian citizens" are Peruvians
	}
	switch {
	case f.Place == "there":
		return factKey{}, false // a place named elsewhere in the text
	case f.Place != "" && k.predicate != "on" && !measured(k.predicate) && k.predicate != "population":
		if id := w.place(f.Place); !w.places[id] && !largeRegion(f.Place) {
			k.place, k.displayPlace = id, f.Place
		}
	case f.Place != "":
		k.place, k.displayPlace = w.place(f.Place), f.Place
	}
	if f.From != "" {
		k.from, k.displayFrom = w.place(f.From), f.From
	}
	// a part we cannot name ("two of them", "10 other people") is no fact
	if f.Part && k.measure == "person" && k.group == "" && k.place == "" {
		return factKey{}, false
	}
	return k, true
}

var tagNational = lexicon.TagOf("national", lexicon.Noun)

// concept is the word that names a noun's first sense: synonyms share it
// ("firefighter" and "fireman" count the same people).
func concept(lemma string) string {
	if lemma == "" || lemma == "person" {
		return lemma
	}
	e, ok := lexicon.Lookup(lemma)
	if !ok {
		return lemma
	}
	return e.Concept(lemma)
}

// national reports whether a person noun names people by their country or
// place ("citizens", "nationals", "residents").
func national(lemma string) bool {
	e, ok := lexicon.Lookup(lemma)
	return ok && e.Has(tagNational)
}

// everyone are the person nouns a corpus counts its whole toll with: used
// for the main incident's dead, injured or missing, without "including" or
// "among" ever making them a part, in two articles or more ("717 pilgrims
// were killed" at a pilgrimage). A noun ever given as a part ("including
// 17 firefighters") counts a group.
func everyone(in []Input, led *model.Ledger, w *world) map[string]bool {
	uses := map[string]map[string]bool{}
	part := map[string]bool{}
	for _, x := range in {
		for _, c := range led.Claims[x.Article.ID] {
			f := c.Frame
			if c.Kind != model.KindQuantity || f.Measure == "" || f.Measure == "person" || !w.mainClaim(f) {
				continue
			}
			switch f.Predicate {
			case "killed", "injured", "missing":
			default:
				continue
			}
			if f.Group != "" || f.Place != "" {
				continue // a nationality's or a place's count says nothing of the noun
			}
			if f.Part {
				part[concept(f.Measure)] = true
				continue
			}
			m := concept(f.Measure)
			if uses[m] == nil {
				uses[m] = map[string]bool{}
			}
			uses[m][c.Article] = true
		}
	}
	out := map[string]bool{}
	for m, arts := range uses {
		if len(arts) >= 2 && !part[m] {
			out[m] = true
		}
	}
	return out
}

// tolls records each article's own death toll per day, for ordering two
// reports of one day (see judge).
func (w *world) tolls(facts []model.Fact) {
	for _, f := range facts {
		if f.Kind != "quantity" || f.Subject != "killed" || f.Scope != "" || f.Parent != "" {
			continue
		}
		for _, c := range f.Claims {
			if c.Earlier || c.Day == "" {
				continue
			}
			d, _ := dayOf(c.Day)
			if w.toll[c.Article] == nil {
				w.toll[c.Article] = map[int]float64{}
			}
			w.toll[c.Article][d] = max(w.toll[c.Article][d], c.Qty.Lo)
		}
		return // the main toll is the first such fact
	}
}

// subject is what a fact is about, in a word or two, for dossier.json.
func (k factKey) subject(w *world) string {
	switch k.kind {
	case "date", "time", "place":
		if k.event == "" {
			return w.main
		}
		if k.measure != "" {
			return k.measure + " " + k.event
		}
		return strings.TrimSpace(k.eventOf + " " + k.event)
	}
	if k.measure == "person" && k.group == "" && k.place == "" {
		return k.predicate
	}
	return strings.TrimSpace(strings.Join([]string{k.predicate, k.measure, k.group, k.displayPlace}, " "))
}

// measured predicates are measurements an agency makes and another may make
// differently: two agencies' readings are not comparable.
func measured(p string) bool {
	switch p {
	case "magnitude", "depth", "mass", "intensity":
		return true
	}
	return false
}

// fixedPredicate: properties a later report cannot update (a distance, a
// length, a population, how many were on the bridge).
func fixedPredicate(p string) bool {
	switch p {
	case "magnitude", "depth", "mass", "intensity", "distance", "length", "width", "height", "population", "capacity", "on":
		return true
	}
	return false
}

// risesWithinDay: tolls counted as they come in, so two figures of one
// day are stages of one count unless the reports' own order says
// otherwise.
func risesWithinDay(p string) bool { return p == "killed" || p == "injured" || p == "casualties" }

// stock predicates count what can go down as well as up: the missing, the
// people in hospital or in critical condition.
func stock(p string) bool {
	switch p {
	case "missing", "in-hospital", "hospitalised", "seriously-injured":
		return true
	}
	return false
}

// slugAndTitle names a fact from what it is about, never from build order.
func slugAndTitle(k factKey, w *world) (string, string) {
	var slug, title string
	switch k.kind {
	case "date", "time", "place":
		noun := map[string]string{"date": "Date", "time": "Time", "place": "Place"}[k.kind]
		switch {
		case k.event == "":
			slug, title = w.main+"-"+k.kind, noun+" of the "+w.main
		case k.measure != "":
			slug, title = k.measure+"-"+k.event+"-"+k.kind, noun+" the "+k.measure+" was "+lexicon.Participle(k.event)
		case k.another:
			what := strings.TrimSpace(k.eventOf + " " + k.event)
			slug, title = "another-"+what+"-"+k.kind, noun+" of another "+what
		default:
			what := strings.TrimSpace(k.eventOf + " " + k.event)
			slug, title = what+"-"+k.kind, noun+" of the "+what
		}
	default:
		slug, title = quantityName(k)
	}
	if k.scope != "" {
		slug += "-" + k.scope
		title += " (" + k.scope + ")"
	}
	return textutil.Slug(slug, 60), title
}

// predicateWords name a count's predicate for a title: "People killed".
var predicateWords = map[string][2]string{
	"killed": {"death-toll", "Death toll"}, "injured": {"injured", "People injured"},
	"seriously-injured": {"seriously-injured", "People seriously injured"}, "missing": {"missing", "People missing"},
	"evacuated": {"evacuated", "People evacuated"}, "displaced": {"displaced", "People displaced"},
	"rescued": {"rescued", "People rescued"}, "arrested": {"arrested", "People arrested"},
	"hospitalised": {"hospitalised", "People taken to hospital"}, "in-hospital": {"in-hospital", "People in hospital"},
	"affected": {"affected", "People affected"}, "casualties": {"casualties", "Casualties"},
	"deployed": {"deployed", "Deployed"}, "on": {"on", "People on"},
}

func quantityName(k factKey) (string, string) {
	var slug, title string
	who := k.measureText
	if who == "person" {
		who = ""
	}
	thing := k.measureText
	switch {
	case k.predicate == "magnitude" || k.predicate == "depth" || k.predicate == "intensity":
		slug, title = k.predicate, strings.ToUpper(k.predicate[:1])+k.predicate[1:]
	case k.predicate == "distance":
		slug, title = "distance-"+k.displayFrom+"-to-"+k.displayPlace, "Distance to "+k.displayPlace
		if k.displayFrom != "" {
			title = "Distance from " + k.displayFrom + " to " + k.displayPlace
		}
	case k.predicate == "population":
		slug, title = "population-"+k.displayPlace, "Population of "+k.displayPlace
		if k.displayPlace == "" {
			slug, title = "population", "Population"
		}
	case k.predicate == "on" && k.place == "":
		slug, title = "people-on", "People on it (what, not named)"
	case k.predicate == "on":
		slug, title = "people-on-"+k.place, "People on the "+k.place
	case k.predicate == "length" || k.predicate == "width" || k.predicate == "height" || k.predicate == "capacity":
		slug, title = thing+"-"+k.predicate, strings.ToUpper(k.predicate[:1])+k.predicate[1:]+" of the "+thing
	case k.predicate == "mass":
		slug, title = "mass-"+thing+"-"+k.group, "Mass of "+substanceName(thing)
	case k.predicate == "number":
		slug, title = plural(who), "Number of "+plural(who)
		if k.group != "" {
			title += " (" + k.group + ")"
		}
	default:
		if pw, ok := predicateWords[k.predicate]; ok && (who == "" || personish(k)) {
			slug, title = pw[0], pw[1]
			if who != "" {
				slug, title = slug+"-"+who, title+" ("+plural(who)+")"
			}
		} else {
			slug, title = plural(who)+"-"+k.predicate, upperFirst(plural(who))+" "+participle(k.predicate)
		}
	}
	if k.group != "" && k.predicate != "mass" {
		slug, title = slug+"-"+k.group, title+" ("+strings.ToUpper(k.group[:1])+k.group[1:]+")"
	}
	if k.place != "" && k.predicate != "population" && k.predicate != "distance" && k.predicate != "on" {
		slug, title = slug+"-in-"+k.place, title+" in "+k.displayPlace
	}
	if k.event != "" {
		what := strings.TrimSpace(k.eventOf + " " + k.event)
		slug, title = slug+"-"+what, title+" ("+what+")"
	}
	return slug, title
}

// predicateTitles name in titles the predicates that stand for several
// verbs (the lexicon's "collapsed" covers collapse, topple, destroy, raze).
var predicateTitles = map[string]string{"collapsed": "collapsed or destroyed"}

// participle names a predicate for a title: "collapsed (fully or
// partially)", "recorded" (of "record"), "active".
func participle(p string) string {
	if t, ok := predicateTitles[p]; ok {
		return t
	}
	word, rest, _ := strings.Cut(p, " ")
	if e, ok := lexicon.Lookup(word); ok && e.POS&lexicon.Verb != 0 && !strings.HasSuffix(word, "ed") {
		word = lexicon.Participle(word)
	}
	return strings.TrimSpace(word + " " + rest)
}

// substanceName writes a substance as WordNet does: "TNT", "sodium".
func substanceName(l string) string {
	if e, ok := lexicon.Lookup(l); ok && e.Proper {
		return strings.ToUpper(l)
	}
	return l
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// personish: a count of people, named by a role ("firefighters").
func personish(k factKey) bool {
	switch k.predicate {
	case "killed", "injured", "seriously-injured", "missing", "evacuated", "displaced", "rescued", "arrested",
		"hospitalised", "in-hospital", "affected", "casualties", "deployed":
		return true
	}
	return false
}

// plural makes a noun's lemma plural for a title ("firefighter" →
// "firefighters"); a compound's words are joined by spaces.
func plural(w string) string {
	w = strings.ReplaceAll(w, "_", " ")
	switch {
	case w == "":
		return "people"
	case strings.HasSuffix(w, "man"):
		return w[:len(w)-3] + "men"
	case strings.HasSuffix(w, "y") && !strings.HasSuffix(w, "ey") && !strings.HasSuffix(w, "ay"):
		return w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		return w + "es"
	}
	return w + "s"
}
