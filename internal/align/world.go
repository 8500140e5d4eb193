package align

import (
	"sort"
	"strings"
	"time"

	"dossier/internal/lexicon"
	"dossier/internal/model"
	"dossier/internal/textutil"
)

// world is what align learns of the corpus as a whole before it judges any
// fact: which incident it is about and under which nouns, when that
// happened, the day each report speaks for, which person nouns count
// everyone, and which places are the incident's own.
type world struct {
	main   string          // the main incident's noun (lemma): "earthquake"
	family map[string]bool // incident nouns and verbs' nouns that name it: "quake", "tremor", "disaster"
	date   *model.DateValue
	// days: article → the day its report speaks for (days since the
	// epoch), -1 when the article gives none
	days map[string]int
	// everyone: person nouns this corpus counts the whole toll with
	// ("pilgrims" at a pilgrimage), never a subset
	everyone map[string]bool
	// places: entity ids of places a count "in" which is the incident's
	// whole count (the city or region the corpus is about)
	places map[string]bool
	// placeID maps a place name as written to its entity id
	placeID map[string]string
	// toll: article → day → its own death toll then, for telling which of
	// two same-day reports came first
	toll map[string]map[int]float64
	// mainOf: nouns the corpus puts before the main incident's own noun
	// ("festival" of "the festival stampede", "bridge" of "the bridge collapse")
	mainOf map[string]bool
}

var tagGeneric = lexicon.TagOf("generic", lexicon.Noun)

// generic reports whether an incident noun names any incident ("disaster",
// "tragedy", "incident"): the corpus's main one unless said otherwise.
func generic(lemma string) bool {
	e, ok := lexicon.Lookup(lemma)
	return ok && e.May(tagGeneric)
}

// mainEvent is the specific incident noun most articles use (a generic one
// only when no specific one is used by half as many articles).
func mainEvent(in []Input) string {
	articles := map[string]int{}
	mentions := map[string]int{}
	for _, x := range in {
		for ev, n := range x.Events {
			articles[ev]++
			mentions[ev] += n
		}
	}
	evs := sortedKeys(articles)
	sort.SliceStable(evs, func(i, j int) bool {
		a, b := evs[i], evs[j]
		if articles[a] != articles[b] {
			return articles[a] > articles[b]
		}
		if generic(a) != generic(b) {
			return !generic(a)
		}
		if mentions[a] != mentions[b] {
			return mentions[a] > mentions[b]
		}
		return a < b
	})
	for _, ev := range evs {
		if !generic(ev) && articles[ev]*2 >= articles[evs[0]] {
			return ev
		}
	}
	if len(evs) > 0 {
		return evs[0]
	}
	return "incident"
}

// newWorld reads the corpus-wide context from the articles and their claims.
func newWorld(in []Input, led *model.Ledger) *world {
	w := &world{main: led.MainEvent, family: map[string]bool{}, days: map[string]int{}, everyone: map[string]bool{},
		places: map[string]bool{}, placeID: map[string]string{}, toll: map[string]map[int]float64{}, mainOf: map[string]bool{}}
	w.family[w.main] = true
	if e, ok := lexicon.Lookup(w.main); ok {
		w.family[e.Concept(w.main)] = true
	}
	w.date = w.mainDate(in, led)
	w.widenFamily(in, led)
	for _, x := range in {
		for _, c := range led.Claims[x.Article.ID] {
			if c.EventOf != "" && c.Event != "" && !generic(c.Event) && w.isMain(c.Event) && !c.Other {
				w.mainOf[c.EventOf] = true
			}
		}
	}
	for _, x := range in {
		w.days[x.Article.ID] = reportDay(x)
	}
	for _, e := range led.Entities {
		for _, a := range e.Aliases {
			w.placeID[textutil.Fold(a.Text)] = e.ID
		}
	}
	w.wholePlaces(led)
	return w
}

// isMain reports whether an incident noun names the main incident.
func (w *world) isMain(ev string) bool {
	if ev == "" || w.family[ev] || generic(ev) {
		return true
	}
	e, ok := lexicon.Lookup(ev)
	return ok && w.family[e.Concept(ev)]
}

// mainClaim reports whether a claim's frame is about the main incident:
// no incident named, or one of its names, not called another, and not a
// generic noun of some other thing ("a traffic accident").
func (w *world) mainClaim(f model.Frame) bool {
	if f.Other {
		return false
	}
	if f.Event == "" {
		return true
	}
	if !w.isMain(f.Event) {
		return false
	}
	if f.EventOf != "" && generic(f.Event) && !w.isMain(f.EventOf) && !w.mainOf[f.EventOf] {
		return false // "the festival disaster" is it when a "festival stampede" is; "a traffic accident" is not
	}
	return true
}

// mainDate is the day most claims give for the main incident, when one
// day has more sources than any other.
func (w *world) mainDate(in []Input, led *model.Ledger) *model.DateValue {
	count := map[string]int{}
	val := map[string]model.DateValue{}
	for _, x := range in {
		seen := map[string]bool{}
		for _, c := range led.Claims[x.Article.ID] {
			d := c.Date
			if c.Kind != model.KindDate || c.Predicate != "when" || c.Report != "" || !c.Sure || d.Precision() < 4 || d.Year == 0 || !w.mainClaim(c.Frame) || c.Measure != "" && c.Event != w.main {
				continue
			}
			k := d.Norm()
			if !seen[k] {
				seen[k] = true
				count[k]++
				val[k] = model.DateValue{Year: d.Year, Month: d.Month, DayLo: d.DayLo, DayHi: d.DayHi}
			}
		}
	}
	best, n, tie := "", 0, false
	for _, k := range sortedKeys(count) {
		switch {
		case count[k] > n:
			best, n, tie = k, count[k], false
		case count[k] == n:
			tie = true
		}
	}
	if best == "" || tie {
		return nil
	}
	d := val[best]
	return &d
}

// widenFamily adds the incident nouns the corpus dates to the main
// incident's day ("the September 24 crush", "the Wednesday blasts"): other
// names of the same incident.
func (w *world) widenFamily(in []Input, led *model.Ledger) {
	if w.date == nil {
		return
	}
	for _, x := range in {
		for _, c := range led.Claims[x.Article.ID] {
			if c.Kind == model.KindDate && c.Predicate == "when" && c.Report == "" && !c.Other && c.Event != "" && c.Measure == "" &&
				c.Date.Precision() >= 4 && c.Date.Compatible(*w.date) && (c.Date.Year != 0 || c.Date.Month != 0) {
				w.family[c.Event] = true
			}
		}
	}
}

// reportDay is the day an article's report speaks for: its dateline's or
// stamp's day, else its publication date; -1 when it gives none.
func reportDay(x Input) int {
	for _, s := range []string{x.ReportDate, x.Article.Meta.Published} {
		if d, ok := dayOf(s); ok {
			return d
		}
	}
	return -1
}

// dayOf reads an ISO day ("2014-08-03", or the date of an RFC 3339 time)
// as days since the epoch.
func dayOf(s string) (int, bool) {
	if len(s) < 10 {
		return 0, false
	}
	t, err := time.Parse("2006-01-02", s[:10])
	if err != nil {
		return 0, false
	}
	return int(t.Unix() / 86400), true
}

// isoDay prints days since the epoch as an ISO day.
func isoDay(d int) string {
	return time.Unix(int64(d)*86400, 0).UTC().Format("2006-01-02")
}

// wholePlaces are the places a count "in" which is the whole incident's
// count: the place the corpus names in the most articles, when WordNet
// knows it as a city, a state or a country (a town it does not know may
// be one part of the incident's area: "60 died in Harran county").
func (w *world) wholePlaces(led *model.Ledger) {
	best, _ := mostNamedPlace(led)
	for _, e := range led.Entities {
		if e.ID != best {
			continue
		}
		for _, a := range e.Aliases {
			l := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(a.Text), " ", "_"))
			if en, ok := lexicon.Lookup(l); ok && en.Proper && en.Class == "location" {
				w.places[e.ID] = true
			}
		}
	}
}

// place resolves a place name from a frame to its entity id (the name
// itself when no entity holds it).
func (w *world) place(name string) string {
	if name == "" {
		return ""
	}
	if id, ok := w.placeID[textutil.Fold(name)]; ok {
		return id
	}
	return textutil.Slug(name, 60)
}

// resolveUndated reads the weekdays of an article without a date against
// the incident's own day: a report that says the quake struck "on Sunday"
// and gives a toll "early Monday" speaks of the Monday after the incident.
// The article's claims are copied, never changed in place (they are the
// per-article stages' cached output); figures in a sentence with such a
// day take it as the day they hold for.
func resolveUndated(in []Input, led *model.Ledger, w *world) {
	if w.date == nil || w.date.Year == 0 || w.date.DayLo == 0 {
		return
	}
	base := time.Date(w.date.Year, time.Month(w.date.Month), w.date.DayLo, 0, 0, 0, 0, time.UTC)
	for _, x := range in {
		if w.days[x.Article.ID] >= 0 || !weekOfIncident(led.Claims[x.Article.ID], w) {
			continue
		}
		cs := led.Claims[x.Article.ID]
		var out []model.Claim
		sentenceDay := map[model.Span]string{}
		for i, c := range cs {
			d := c.Date
			if c.Kind != model.KindDate || d.Weekday == 0 || d.Month != 0 || d.Year != 0 {
				continue
			}
			if out == nil {
				out = append([]model.Claim(nil), cs...)
			}
			at := base.AddDate(0, 0, (d.Weekday-1-int(base.Weekday())+7)%7)
			nd := *d
			nd.Year, nd.Month, nd.DayLo, nd.DayHi = at.Year(), int(at.Month()), at.Day(), at.Day()
			out[i].Date = &nd
			if out[i].Predicate == "when" {
				// which week a weekday of an undated report means is inferred, never read
				out[i].Sure, out[i].Unsure = false, "the day is read from a weekday in a report with no date"
			}
			if c.Predicate != "when" && c.Report == "" {
				sentenceDay[c.Sentence] = nd.Norm()
			}
		}
		if out == nil {
			continue
		}
		for i, c := range out {
			if c.Kind == model.KindQuantity && c.AsOf == "" && sentenceDay[c.Sentence] != "" {
				out[i].AsOf = sentenceDay[c.Sentence]
			}
		}
		led.Claims[x.Article.ID] = out
	}
}

// weekOfIncident reports whether an undated article dates the incident by
// the weekday it happened on ("the quake hit on Sunday"): then the article
// is written in the incident's week, and its other weekdays can be read
// against the incident's day. An article that dates the incident otherwise
// ("the August 12 blasts") may be weeks later.
func weekOfIncident(cs []model.Claim, w *world) bool {
	wd := int(time.Date(w.date.Year, time.Month(w.date.Month), w.date.DayLo, 0, 0, 0, 0, time.UTC).Weekday()) + 1
	for _, c := range cs {
		if c.Kind == model.KindDate && c.Predicate == "when" && c.Measure == "" && w.mainClaim(c.Frame) && c.Date.Weekday == wd && c.Date.Month == 0 {
			return true
		}
	}
	return false
}

// largeRegion reports whether a place name is one WordNet knows as a
// country, a state or a province: a count "in" it is the incident's whole.
func largeRegion(name string) bool {
	e, ok := lexicon.Lookup(strings.ToLower(strings.ReplaceAll(strings.TrimSpace(name), " ", "_")))
	return ok && e.Proper && (e.May(lexicon.TagOf("country", lexicon.Noun)) || e.May(lexicon.TagOf("state", lexicon.Noun)))
}
