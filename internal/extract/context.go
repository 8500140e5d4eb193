package extract

import (
	"strconv"
	"strings"

	"dossier/internal/lexicon"
	"dossier/internal/textutil"
)

// What a figure takes from its sentence beyond its own phrase: the
// incident it is about, its time scope, whether the sentence gives it as an
// earlier figure, who states it, and whether every slot of its frame was
// read from a direct construction (Sure).

// context completes q's frame from its sentence.
func context(s *Sentence, q *qclaim) {
	f := &q.frame
	event(s, q)
	if f.Scope == "" {
		f.Scope = listYear(s, q.fig.start)
	}
	if f.Scope == "" {
		f.Scope = scopeOf(s, q.fig.start, q.end)
	}
	f.Earlier = earlier(s, q.fig.start, q.end)
	if f.Earlier {
		f.AsOf = "" // a date in its sentence is another figure's: "previously declared dead after the crush on September 24"
	}
	f.Authority = authorityOf(s, q.fig.start)
	if q.tollBy != "" {
		f.Authority = q.tollBy // "the kingdom's official toll"
	}
	if f.Group == "" && q.person {
		f.Group = countryWith(s, q.fig.start) // "Nigeria with 99 dead"
	}
	if !f.Other && !q.measure && earlierTime(s, q.fig.start) {
		f.Other = true // "two weeks earlier", "two years ago": another time, another incident
	}
	f.Report = s.report
	if f.Part && q.own && !q.including && !q.ofThem && !ownPeople(s, q.fig.start) {
		f.Part = false // "71 people in serious condition": its own predicate, not its whole's
	}
	f.Sure, f.Unsure = true, q.unsure
	switch {
	case q.unsure != "":
		f.Sure = false
	case f.Predicate == "" || f.Measure == "" && !q.measure:
		f.Sure, f.Unsure = false, "what is counted or what happened to it is not said"
	case q.predAt < 0 && !q.measure:
		f.Sure, f.Unsure = false, "its predicate is taken from another figure of the sentence"
	case f.Event == "" && otherIncidentIn(s, q):
		f.Sure, f.Unsure = false, "the sentence names another incident too"
	}
}

// event ties a figure to the incident its clause names: the subject of its
// predicate ("a crane collapse killed more than 100"), an incident after
// "in", "from", "after" or "during" ("were killed in the stampede", "the
// death toll from the explosions", "after a 6.5-magnitude earthquake
// jolted"), or the noun a magnitude qualifies ("a magnitude-6.1 quake").
// An incident the sentence calls another ("a separate attack", "a previous
// quake", "the 2008 earthquake", "aftershocks") is marked Other or named as
// itself, so its figures never count toward the main one.
func event(s *Sentence, q *qclaim) {
	low := s.Lower
	best, dist := -1, 1<<30
	for _, k := range s.incidentTokens() {
		if k >= q.fig.start && k < q.end || !eventNoun(s, k) || k == q.head || s.fact(k).noun == q.frame.Measure {
			continue // "a decrease in attacks to 375": what is counted is no incident the figure is about
		}
		d := k - q.end
		if k < q.fig.start {
			d = q.fig.start - k
		}
		if d < dist && linked(s, q, k) {
			best, dist = k, d
		}
	}
	// "a massive construction crane crashed …, killing at least 107": a
	// verb that names an incident, in the figure's sentence before it
	if best < 0 {
		for v := q.fig.start - 1; v >= 0 && v >= q.fig.start-30; v-- {
			if low[v] == ";" {
				break
			}
			if ev := eventVerb(s, v); ev != "" {
				q.frame.Event = ev
				q.frame.EventOf = themeBefore(s, v)
				return
			}
		}
		return
	}
	l, _ := s.incidentAt(best)
	e, _ := lexicon.Lookup(l)
	q.frame.Event = e.Concept(l)
	if m := best - 1; m >= 0 && s.Toks[m].Kind == textutil.Word && !s.Toks[m].Cap() && !isFunction(low[m]) && s.fact(m).noun != "" && !adjective(low[m]) && !measureNouns[s.fact(m).noun] {
		q.frame.EventOf = s.fact(m).noun // "crane collapse", "bridge collapse"
	}
	q.frame.Other = priorModifier(s, best)
	if y := eventYear(s, best); y != "" && q.frame.Scope == "" {
		q.frame.Scope = y
	}
}

// eventNoun reports whether the incident noun at k is used as one (not "a
// fire department", "the disaster zone", "quake victims").
func eventNoun(s *Sentence, k int) bool {
	low := s.Lower
	if k+1 < len(low) && s.Toks[k+1].Kind == textutil.Word && !s.Toks[k+1].Cap() {
		w := low[k+1]
		if l := nounLemma(w); l != "" && !isFunction(w) && !isParticiple(w) && !occurrenceVerbs[w] && !(strings.HasSuffix(w, "s") && verbLemma(w) != "") {
			if _, inc := isIncidentNoun(w); !inc {
				return false // a modifier: "disaster zone", "quake victims", "fire fighting unit"
			}
		}
	}
	return true
}

// linked reports whether the incident noun at k is tied to the figure:
// in the same clause, as the subject of its verb, or after a preposition
// of cause or time.
func linked(s *Sentence, q *qclaim, k int) bool {
	low := s.Lower
	lo, hi := k, q.fig.start
	if k > q.fig.start {
		lo, hi = q.end, k
	}
	if hi-lo > 14 {
		return false
	}
	leading := k < q.fig.start && prepositions[low[sentenceStart(s)]] // "In a separate attack, five were killed"
	for m := lo; m < hi; m++ {
		if low[m] == ";" || s.Toks[m].Kind == textutil.Number && m != q.fig.start && !(k > q.fig.start && m >= k-3) {
			return false // another figure between; not "a 6.5-magnitude earthquake"
		}
		if low[m] == "," && k < q.fig.start && !leading && !(m+1 < len(low) && (low[m+1] == "which" || low[m+1] == "killing" || low[m+1] == "injuring")) {
			return false
		}
	}
	if k > q.fig.start {
		p := low[k-1]
		if p == "the" || p == "a" || p == "an" || strings.HasSuffix(p, "'s") || IncidentNoun(p) != "" || s.Toks[k-1].Kind == textutil.Number || strings.HasPrefix(p, "magnitude") || adjective(p) || s.Toks[k-1].Cap() {
			for m := k - 1; m >= q.end && m >= k-5; m-- {
				switch low[m] {
				case "in", "from", "after", "during", "by", "of", "when", "since", "following", "before":
					return true
				}
			}
			// "a magnitude-6.1 quake": the noun the magnitude qualifies
			return q.measure && k-q.end <= 3
		}
		return false
	}
	return true
}

// priorModifier reports whether the incident noun at nn is marked as
// another, earlier event ("the 2008 earthquake", "a previous raid", "a
// separate attack", "the quake two years ago").
func priorModifier(s *Sentence, nn int) bool {
	for k := nn - 1; k >= 0 && k >= nn-3; k-- {
		if _, ok := isYear(s.Toks[k]); ok {
			return true
		}
		switch s.Lower[k] {
		case "previous", "earlier", "prior", "another", "similar", "last", "past", "former", "separate", "unrelated",
			"minor", "small", "smaller", "new", "fresh", "further", "subsequent", "later":
			return true // "a minor explosion occurred on Monday": another, lesser one
		}
	}
	for k := nn + 1; k < len(s.Lower) && k <= nn+4; k++ {
		if s.Lower[k] == "ago" || s.Lower[k] == "earlier" && k > nn+1 {
			return true // "the quake two years ago"
		}
	}
	return false
}

// eventYear is the year an incident noun is dated by in its own phrase:
// "the 2008 Lorca Earthquake", "a quake in Lorca in 2012", "one that
// struck the area in 2012".
func eventYear(s *Sentence, nn int) string {
	for k := nn - 1; k >= 0 && k >= nn-3; k-- {
		if y, ok := isYear(s.Toks[k]); ok {
			return strconv.Itoa(y)
		}
	}
	return ""
}

// otherIncidentIn reports whether the sentence names an incident marked
// as another one, which the figure could be about.
func otherIncidentIn(s *Sentence, q *qclaim) bool {
	for k := range s.Lower {
		if _, ok := s.incidentAt(k); ok && !s.Toks[k].Cap() && eventNoun(s, k) && priorModifier(s, k) {
			return true
		}
	}
	return false
}

var subordinators = words(`although though while whereas after before despite even since once when`)

// scopeOf finds a time scope for a figure in its sentence: "last year",
// "this year", "since 2020", "in 1974", "In September 2012, …". Years of
// relative phrases are resolved against the publication date when known.
func scopeOf(s *Sentence, start, j int) string {
	t, low := s.Toks, s.Lower
	n := len(t)
	best, bestDist := "", 1<<30
	lead := leadingScope(s)
	consider := func(scope string, at int) {
		lo, hi := j, at
		if at < start {
			lo, hi = at+1, start
		}
		for m := lo; m < hi; m++ {
			// the scope belongs to another figure or clause; after the
			// figure, another figure may stand between in the same clause
			// ("a magnitude-7.1 quake killed more than 1,400 in 1974")
			if t[m].Text == ";" || (t[m].Kind == textutil.Number && at < start) || (at > j && t[m].Text == ",") {
				return
			}
		}
		d := at - j
		if d > 12 {
			return
		}
		if at < start {
			d = start - at
			// "the 2008 Lorca Earthquake …, which killed more than
			// 69,000": a year naming an event reaches further
			reach := 10
			if at > 0 && low[at-1] == "the" && at+1 < n && t[at+1].Cap() {
				reach = 24
			}
			if d > reach {
				return
			}
			// a year in a leading subordinate clause ("Although … in 2019, 2,500 …")
			if subordinators[low[0]] {
				for m := at; m < start; m++ {
					if t[m].Text == "," {
						return
					}
				}
			}
		}
		if d < bestDist {
			best, bestDist = scope, d
		}
	}
	for m := 0; m < n; m++ {
		if m >= start && m < j {
			continue
		}
		if m+1 < n && low[m+1] == "year" && (low[m] == "last" || low[m] == "previous" || low[m] == "this") {
			rel := "last year"
			if low[m] == "this" {
				rel = "this year"
			}
			if !s.Published.IsZero() {
				y := s.Published.Year()
				if rel == "last year" {
					y--
				}
				rel = strconv.Itoa(y)
			}
			consider(rel, m)
			continue
		}
		if y, ok := isYear(t[m]); ok && m > 0 && (yearPreps[low[m-1]] || textutil.Month(low[m-1]) != 0) {
			if m+1 < n && t[m+1].Text == "-" {
				continue
			}
			if low[m-1] == "the" && !(m+1 < n && (t[m+1].Cap() || IncidentNoun(low[m+1]) != "")) {
				continue // "the 2012 …" names a past event only before a name or an incident noun
			}
			// a full date (day and month) is when, not a scope
			if m >= 2 && t[m-1].Text == "," {
				continue
			}
			if m >= 2 && t[m-1].Kind == textutil.Number {
				continue
			}
			sc := strconv.Itoa(y)
			if low[m-1] == "since" {
				sc = "since " + sc
				// "since 1990, when 1,426 people died": the year is when
				if m+2 < n && low[m+1] == "," && low[m+2] == "when" && start > m {
					sc = strconv.Itoa(y)
				}
			}
			consider(sc, m)
		}
	}
	if best == "" {
		return lead
	}
	return best
}

// leadingScope is the scope a sentence opens with ("In 1970, …", "In
// September 2012, …", "1990 - 1427 pilgrims were killed"), which holds for
// its figures unless one names its own.
// listYear is the year a list item opens with right before a figure:
// "1990 - 1427 pilgrims were killed".
func listYear(s *Sentence, start int) string {
	if start >= 2 && (s.Toks[start-1].Text == "-" || s.Toks[start-1].Text == "–" || s.Toks[start-1].Text == ":") {
		if y, ok := isYear(s.Toks[start-2]); ok {
			return strconv.Itoa(y)
		}
	}
	return ""
}

func leadingScope(s *Sentence) string {
	t, low := s.Toks, s.Lower
	k := sentenceStart(s)
	if k+2 >= len(t) {
		return ""
	}
	if y, ok := isYear(t[k]); ok && (t[k+1].Text == "-" || t[k+1].Text == "–" || t[k+1].Text == ":") {
		return strconv.Itoa(y)
	}
	if !(low[k] == "in" || low[k] == "during" || low[k] == "by") {
		return ""
	}
	m := k + 1
	if textutil.Month(low[m]) != 0 {
		m++
	}
	if y, ok := isYear(t[m]); ok && m+1 < len(t) && t[m+1].Text == "," {
		return strconv.Itoa(y)
	}
	return ""
}

// countryWith reads a country a figure is given for in a list: "Nigeria
// with 99 dead", "followed by Bolivia with 75"; or the country a sentence is
// about: "Peru appears to have lost the most pilgrims, with 464 dead".
func countryWith(s *Sentence, start int) string {
	if start >= 1 && s.Lower[start-1] == "with" {
		if start >= 2 && s.Toks[start-2].Cap() {
			if c := countryName(s.Lower[start-2]); c != "" {
				return c
			}
		}
		return sentenceCountry(s)
	}
	return ""
}

// earlierTime reports whether the sentence is about a time before the
// report's incident: "two weeks earlier", "two years ago", "a month
// before".
func earlierTime(s *Sentence, at int) bool {
	low := s.Lower
	for k := max(2, at-10); k < len(low) && k <= at+10; k++ {
		if low[k] != "earlier" && low[k] != "ago" && low[k] != "before" {
			continue
		}
		if e, _, ok := lexicon.Word(low[k-1], lexicon.Noun); ok && e.Has(tagTime) && (s.Toks[k-2].Kind == textutil.Number || wordNumber(low[k-2]) || low[k-2] == "a") {
			return true
		}
	}
	return false
}

func wordNumber(w string) bool {
	_, ok := wordValue(w)
	return ok
}

// earlier reports whether the sentence gives the figure as one since
// superseded: "previously 95", "had earlier put the death toll at 17", "the
// initial four", "from 410 to 589" (the first), "was previously declared".
func earlier(s *Sentence, start, end int) bool {
	low := s.Lower
	if start > 0 && low[start-1] == "from" {
		// "from 410 to 589", "from the initial four"
		for m := end; m < len(low) && m < end+4; m++ {
			if low[m] == "to" {
				return true
			}
		}
	}
	if start > 0 && (low[start-1] == "initial" || low[start-1] == "earlier" || low[start-1] == "previous") {
		return true
	}
	if k := sentenceStart(s); k+1 < len(low) && (low[k] == "earlier" || low[k] == "previously") && low[k+1] == "," {
		return true // "Earlier, the directorate said that 753 were killed and 887 injured"
	}
	for k := max(0, start-8); k < min(len(low), end+6); k++ {
		switch low[k] {
		case "previously", "earlier", "initially", "originally", "formerly":
			if !(k+1 < len(low) && (low[k+1] == "this" || low[k+1] == "that")) {
				return true
			}
		}
	}
	return false
}

// authorityOf finds who the figure at start is attributed to: "according to
// X", "X said", "X reported", "X put the toll at", "X's count", "an X count".
// It returns the attribution as written, or "".
func authorityOf(s *Sentence, start int) string {
	t := s.Toks
	best, bestDist := "", 1<<30
	line := -1
	for _, c := range s.speakerCues() {
		if c.verb && newlineIn(s.text, t[start].Start, t[c.at].Start) {
			if line < 0 {
				line = lineOf(s.text, t[start].Start)
			}
			if lineOf(s.text, t[c.at].Start) != line {
				continue // a speaker on another line is another line's
			}
		}
		d := c.at - start
		if d < 0 {
			d = -d
		}
		if d < bestDist {
			best, bestDist = c.name, d
		}
	}
	return best
}

// speakerCue is a name a sentence gives as a figure's source, at the
// token of its cue; verb marks a verb of saying.
type speakerCue struct {
	name string
	at   int
	verb bool
}

// speakerCues are the sentence's sources, read once for all its figures:
// "according to X", "X said" and "said X", "an X count".
func (s *Sentence) speakerCues() []speakerCue {
	if s.speakersRead {
		return s.speakers
	}
	s.speakersRead = true
	t, low := s.Toks, s.Lower
	n := len(t)
	add := func(a string, at int, verb bool) {
		if a != "" && !textutil.FunctionWords[textutil.Fold(a)] && textutil.Weekday(a) < 0 {
			s.speakers = append(s.speakers, speakerCue{a, at, verb})
		}
	}
	for k := 0; k+1 < n; k++ {
		if low[k] == "according" && low[k+1] == "to" {
			add(nameAt(s, k+2), k, false)
		}
	}
	for k := 1; k < n; k++ {
		if !s.fact(k).said {
			continue
		}
		add(nameBefore(s, k), k, true) // "X said": the name right before the verb
		// "said X" inverted: "…, said Wassim Nasr"
		if l := s.fact(k).verb; (l == "say" || l == "tell") && k+1 < n && t[k+1].Cap() && textutil.Month(low[k+1]) == 0 && textutil.Weekday(low[k+1]) < 0 {
			add(nameAt(s, k+1), k, true)
		}
	}
	// "An Associated Press count", "the AP count"
	for k := 1; k < n; k++ {
		if (low[k] == "count" || low[k] == "tally" || low[k] == "figure" || low[k] == "figures") && t[k-1].Cap() {
			add(nameBefore(s, k), k, false)
		}
	}
	return s.speakers
}

// nameAt reads the name that starts at k, past an article, a possessive and
// adjectives ("the official Syrian Arab News Agency", "Syria's Ministry of Local
// Administration", "Interior Minister Ali Omar").
func nameAt(s *Sentence, k int) string {
	t, low := s.Toks, s.Lower
	n := len(t)
	for k < n && determiners[low[k]] && t[k].Cap() {
		k++ // "An Associated Press count"
	}
	// a body named by common nouns: "state officials", "the police", "local media"
	if k < n && t[k].Kind == textutil.Word && !t[k].Cap() {
		m := k
		for m < n && (low[m] == "the" || low[m] == "a" || low[m] == "an" || t[m].Kind == textutil.Word && !t[m].Cap() && !isFunction(low[m]) && !authorityHead(low[m])) && m < k+3 {
			m++
		}
		if m < n && t[m].Kind == textutil.Word && !t[m].Cap() && authorityHead(low[m]) {
			return strings.TrimPrefix(strings.TrimPrefix(s.text[t[k].Start:t[m].End], "the "), "a ")
		}
	}
	for k < n && t[k].Kind == textutil.Word && !t[k].Cap() && (low[k] == "the" || low[k] == "a" || low[k] == "an" ||
		adjective(low[k]) && !isFunction(low[k])) {
		k++
	}
	for k < n && strings.HasSuffix(low[k], "'s") && t[k].Cap() && k+1 < n && t[k+1].Cap() && placeWord(strings.TrimSuffix(low[k], "'s")) {
		k++ // "Syria's Ministry": the owner is not the speaker ("People's Daily" is one name)
	}
	var parts []string
	for ; k < n && len(parts) < 10; k++ {
		switch {
		case t[k].Kind == textutil.Word && t[k].Cap():
			parts = append(parts, t[k].Text)
			if strings.HasSuffix(low[k], "'s") && !(k+1 < n && t[k+1].Cap()) {
				parts[len(parts)-1] = stripAffix(t[k].Text)
				return strings.Join(parts, " ")
			}
		case len(parts) > 0 && (low[k] == "of" || low[k] == "for" || low[k] == "and" || nameParticles[low[k]]) && k+1 < n && t[k+1].Cap():
			parts = append(parts, t[k].Text)
		case len(parts) > 0 && t[k].Kind == textutil.Word && authorityNoun(low[k]):
			// "the Hama government", "the city's environmental bureau"
			return strings.Join(append(parts, t[k].Text), " ")
		default:
			return strings.Join(parts, " ")
		}
	}
	return strings.Join(parts, " ")
}

// authorityNoun reports whether a lower-case noun names a body that can
// state a figure: "government", "police", "ministry", "media".
func authorityNoun(w string) bool {
	l := nounLemma(w)
	if l == "" {
		return false
	}
	e, ok := lexicon.Lookup(l)
	return ok && (e.Has(tagGroup) || e.Class == "group")
}

// authorityHead reports whether a lower-case plural or group noun can be
// the whole of an attribution: "officials", "police", "authorities", "media".
func authorityHead(w string) bool {
	if isFunction(w) {
		return false
	}
	l := nounLemma(w)
	if l == "" || l == w && !authorityNoun(w) {
		return false // a singular noun: "state", "city"
	}
	e, ok := lexicon.Lookup(l)
	return ok && (e.Has(tagPerson) || e.Class == "person" || e.Has(tagGroup) || e.Class == "group") && !genericPeople[l]
}

// placeWord reports whether a folded word names a place WordNet knows
// ("peru", "kerala").
func placeWord(w string) bool {
	e, ok := lexicon.Lookup(w)
	return ok && e.Proper && e.Has(tagLocation)
}

// nameBefore reads the name that ends right before k ("the Ministry of
// Civil Affairs said": "Ministry of Civil Affairs").
func nameBefore(s *Sentence, k int) string {
	t, low := s.Toks, s.Lower
	// past auxiliaries and adverbs: "SANA had earlier put", "officials have now said"
	for k > 1 && (auxiliaries[low[k-1]] || adverbs[low[k-1]] || strings.HasSuffix(low[k-1], "ly") && !t[k-1].Cap()) {
		k--
	}
	m := k - 1
	for m >= 0 && (t[m].Kind == textutil.Word && t[m].Cap() || (low[m] == "of" || low[m] == "for" || nameParticles[low[m]]) && m > 0 && t[m-1].Cap()) {
		m--
	}
	if m+1 >= k {
		// "news organizations put", "local officials said": a body named by common nouns
		if m >= 0 && authorityHead(low[m]) && !t[m].Cap() {
			from := m
			for from > 0 && from > m-2 && t[from-1].Kind == textutil.Word && !t[from-1].Cap() && !isFunction(low[from-1]) && !isParticiple(low[from-1]) {
				from--
			}
			return s.text[t[from].Start:t[m].End]
		}
		return ""
	}
	return nameAt(s, m+1)
}

// newlineIn reports whether a line ends between byte offsets a and b.
func newlineIn(text string, a, b int) bool {
	if a > b {
		a, b = b, a
	}
	return strings.IndexByte(text[a:b], '\n') >= 0
}

// speechVerb reports whether a folded word is a verb of saying, by WordNet.
// Only inflected forms count ("said", "says", "reported", "told"): a bare
// "state" or "report" is as often a noun.
func speechVerb(w string) bool { return factsOf(w).said }

func speechVerbOf(w string) bool {
	if len(w) < 3 || isFunction(w) {
		return false
	}
	if w == "puts" || w == "put" || w == "quoted" || w == "say" || w == "tell" {
		return true
	}
	e, l, ok := lexicon.Word(w, lexicon.Verb)
	return ok && l != w && e.Has(tagSaid)
}
