package extract

import (
	"strings"

	"dossier/internal/lexicon"
	"dossier/internal/textutil"
)

// Counts: what a figure counts (the head of its noun phrase: "2,500
// troops", "464 Peruvians", "3,000 folding beds"; "60 of them"; nothing,
// when a predicate of people says: "killing 80 and injuring 800") and what
// happened to it, from the construction it stands in:
//
//	after it       "150 people were killed", "nine remain missing", "1,300 injured",
//	               "400 people were on the bridge", "71 in critical condition"
//	before it      "killing at least 150", "sent 2,500 soldiers", "claimed 135 lives"
//	a toll         "the death toll rose to 398", "put the death toll at seven"
//	a number of    "the number of Chileans who died has risen to 14"
//	its own noun   "53 deaths", "over 141 lives", "more than 1,800 injuries"
//	a part         "including 17 firefighters", "12 were among the 44 killed",
//	               "Among the dead were 17 firefighters", "Among the bodies, 39 were firefighters"

// count fills q's frame from the constructions around its figure.
func count(s *Sentence, q *qclaim) {
	nounPhrase(s, q)
	if q.head == -2 {
		return // "36 hours", "five times": a duration or a multiplier, no count
	}
	if q.frame.Predicate == "" {
		predicateAfter(s, q)
	}
	if q.frame.Predicate == "" {
		predicateBefore(s, q)
	}
	if q.frame.Predicate == "" {
		tollBefore(s, q)
	}
	if q.frame.Predicate == "" {
		numberOf(s, q)
	}
	if q.frame.Predicate == "" {
		changeSubject(s, q)
	}
	partBefore(s, q)
	tollOwnerBefore(s, q)
	if q.frame.Measure == "" && humanPredicates[q.frame.Predicate] {
		q.frame.Measure, q.person = "person", true // "killing 80", "nine missing"
	}
	if q.frame.Measure == "" && q.frame.Predicate != "" && q.head < 0 {
		q.unsure = "what is counted is not said"
	}
	q.end = max(q.end, q.npEnd)
}

// thingsCounted gives a count of things nothing in its sentence says
// anything happened to ("2,000 tents") the bare predicate "number", after
// lists have shared their verbs ("sent 2,000 tents, 3,000 quilts").
func thingsCounted(q *qclaim) {
	if q.frame.Predicate == "" && q.head >= 0 && !q.person && !q.measure {
		q.frame.Predicate = "number"
		q.unsure = "what happened to what it counts is not said"
	}
}

// nounPhrase reads the noun phrase the figure quantifies: modifiers, then
// the head, a plural noun ("2,500 IS fighters", "12 rescue dogs", "464
// Peruvians", "11 police officers"), or a partitive ("60 of them", "465 of
// its citizens"). A noun that is itself a predicate ("53 deaths", "141
// lives", "2,000 injuries") gives the predicate too.
func nounPhrase(s *Sentence, q *qclaim) {
	t, low := s.Toks, s.Lower
	n := len(t)
	j := q.fig.j
	k := j
	if k < n && (low[k] == "more" || low[k] == "other") {
		k++ // "71 more are …", "80 other people"
	}
	if k < n && low[k] == "others" {
		setHead(s, q, k, k+1, "other") // "injured 863 others": people besides those named before
		q.other = true
		return
	}
	for m := k; m < n && m < k+5; m++ {
		tk := t[m]
		if m > k && newlineBefore(s, m) {
			break // a noun phrase never runs across a line
		}
		if tk.Kind == textutil.Punct {
			if tk.Text == "-" {
				continue
			}
			break
		}
		if tk.Kind != textutil.Word {
			break
		}
		w := low[m]
		if isFunction(w) && w != "others" && !tk.AllCaps() {
			break // but "2,500 IS fighters": an acronym is no verb
		}
		// a compound of two words: "police officers", "security guards"
		if m+1 < n && t[m+1].Kind == textutil.Word && !tk.Cap() {
			if l, ok := lexicon.Lemma(w+"_"+low[m+1], lexicon.Noun); ok {
				setHead(s, q, m, m+2, l)
				return
			}
			if l2, ok := lexicon.Lemma(low[m+1], lexicon.Noun); ok {
				if e, ok := lexicon.Lookup(w + "_" + l2); ok && e.POS&lexicon.Noun != 0 {
					setHead(s, q, m, m+2, w+"_"+l2)
					return
				}
			}
		}
		if isPluralNoun(s, m) || tk.Cap() && demonymOf(w) != "" && strings.HasSuffix(w, "s") {
			// the head, unless a plural noun follows it in the phrase
			if m+1 < n && isPluralNoun(s, m+1) && !t[m+1].Cap() && predicateOf(low[m+1], lexicon.Verb, false) == "" {
				continue
			}
			l, _ := lexicon.Lemma(w, lexicon.Noun)
			if l == w && strings.HasSuffix(w, "s") {
				if sing, ok := lexicon.Lemma(strings.TrimSuffix(w, "s"), lexicon.Noun); ok {
					l = sing // "times" is the plural of "time" here
				}
			}
			if l == "" {
				l = w
			}
			setHead(s, q, m, m+1, l)
			return
		}
		// a modifier: an adjective, a noun, a name, a participle ("folding")
		if tk.Cap() || nounLemma(w) != "" || adjective(w) || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") {
			if !tk.Cap() && (predicateOf(w, lexicon.Adj, false) != "" || isParticiple(w) && predicateOf(w, lexicon.Verb, false) != "") {
				break // "1,300 injured", "53 killed": a predicate, not a modifier ("rescue dogs" is one)
			}
			continue
		}
		break
	}
	// a partitive: "60 of them", "465 of its pilgrims", "27 of the 44 dead"
	if j+1 < n && low[j] == "of" {
		partitive(s, q, j+1)
	}
}

// newlineBefore reports whether a line break stands between token k-1 and k.
func newlineBefore(s *Sentence, k int) bool {
	return strings.ContainsRune(s.text[s.Toks[k-1].End:s.Toks[k].Start], '\n')
}

func adjective(w string) bool {
	_, ok := lexicon.Lemma(w, lexicon.Adj)
	return ok
}

// setHead records the head noun at [m, end) with lemma l.
func setHead(s *Sentence, q *qclaim, m, end int, l string) {
	q.head, q.npEnd = m, end
	e, _ := lexicon.Lookup(l)
	concept := l // the noun as written; align matches synonyms by their concept
	switch {
	case demonymOf(s.Lower[m]) != "" && s.Toks[m].Cap():
		q.frame.Measure, q.frame.Group, q.person = "person", demonymOf(s.Lower[m]), true
	case genericPeople[l]:
		q.frame.Measure, q.person = "person", true
		if l == "other" {
			q.frame.Measure = "person"
		}
	case l == "death" || l == "fatality" || l == "life" || l == "dead":
		q.frame.Measure, q.person, q.frame.Predicate, q.predAt = "person", true, "killed", m
		placeAfter(s, q, end)
	case l == "injury" || l == "wound":
		q.frame.Measure, q.person, q.frame.Predicate, q.predAt = "person", true, "injured", m
		placeAfter(s, q, end)
	case l == "casualty":
		q.frame.Measure, q.person, q.frame.Predicate, q.predAt = "person", true, "casualties", m
	case e.Has(tagCorpse):
		q.frame.Measure, q.person = "body", false
	case personNoun(l):
		q.frame.Measure, q.person = concept, true
	case e.Has(tagTime) || e.Has(tagUnit) || l == "time":
		q.frame.Measure = "" // a duration or an unconverted unit: not a count
		q.head = -2
	default:
		q.frame.Measure = concept
	}
	// a nationality before the head: "Peruvian pilgrims", "464 Chilean nationals";
	// "10 other people" are the rest of a whole
	for x := q.fig.j; x < m; x++ {
		if s.Lower[x] == "other" {
			q.other = true
		}
		if c := demonymOf(s.Lower[x]); c != "" && s.Toks[x].Cap() && q.person {
			q.frame.Group = c
		}
	}
}

// partitive reads "of them", "of its citizens", "of the 44 killed".
func partitive(s *Sentence, q *qclaim, k int) {
	t, low := s.Toks, s.Lower
	if k >= len(t) {
		return
	}
	q.frame.Part = true
	switch low[k] {
	case "them", "those", "whom", "which":
		q.npEnd = k + 1
		q.ofThem = true
		return // what is counted comes from the figure before (coordinate)
	case "its", "their":
		// "Peru said at least 43 of its citizens were dead"
		if k+1 < len(t) && isPluralNoun(s, k+1) {
			l, _ := lexicon.Lemma(low[k+1], lexicon.Noun)
			setHead(s, q, k+1, k+2, l)
			if c := sentenceCountry(s); c != "" && q.person {
				q.frame.Group = c
			}
		}
	}
}

// sentenceCountry is the country a sentence is about as its subject:
// "Peru said …", "Peru has 465 of its pilgrims killed".
func sentenceCountry(s *Sentence) string {
	k := sentenceStart(s)
	if k < len(s.Toks) && s.Toks[k].Cap() {
		return countryName(s.Lower[k])
	}
	return ""
}

// linkWords may stand between a figure's noun phrase and its predicate:
// auxiliaries, "still", "reportedly", "remain".
var linkWords = words(`is are was were be been being has have had still also reportedly now remain remains remained
remaining so far reported said believed feared confirmed already officially later all more others people went gone go
goes going got get gets getting declared listed classified presumed pronounced found as`)

// predicateAfter reads a predicate after the figure's noun phrase:
// "people were killed", "nine remain missing", "1,300 injured", "71 in
// critical condition", "died", "about 400 people were on the bridge".
func predicateAfter(s *Sentence, q *qclaim) {
	t, low := s.Toks, s.Lower
	n := len(t)
	k := q.npEnd
	k = skipRelative(s, k)
	k = skipCoordinate(s, k)
	var degree []string
	defer func() {
		if len(degree) > 0 && q.frame.Predicate != "" {
			q.frame.Predicate += " (" + strings.Join(degree, " ") + ")"
		}
	}()
	for m := k; m < n && m < k+8; m++ {
		if p, _ := phraseAt(s, m); p == "" && (degreeAdverbs[low[m]] || low[m] == "or" && len(degree) > 0) {
			degree = append(degree, low[m])
			continue
		}
		if t[m].Kind != textutil.Word {
			if t[m].Text == "-" || t[m].Text == "—" && m == k {
				continue
			}
			return
		}
		w := low[m]
		if p, end := phraseAt(s, m); p != "" {
			q.frame.Predicate, q.predAt, q.predEnd, q.own = p, m, end, true
			placeAfter(s, q, end)
			return
		}
		if p := predicateOf(w, lexicon.Adj, false); p != "" {
			q.frame.Predicate, q.predAt, q.predEnd, q.own = p, m, m+1, true
			if m+1 < n && low[m+1] == "for" { // "unaccounted for"
				q.predEnd++
			}
			placeAfter(s, q, m+1)
			return
		}
		if isParticiple(w) {
			if p := predicateOf(w, lexicon.Verb, false); p != "" {
				q.frame.Predicate, q.predAt, q.predEnd, q.own = p, m, m+1, true
				placeAfter(s, q, m+1)
				return
			}
			if reducedRelative(s, k, m) {
				m = reducedEnd(s, m)
				continue
			}
			// "crushed and trampled to death"
			for x := m + 1; x < n && x <= m+4; x++ {
				if low[x] == "to" && x+1 < n && low[x+1] == "death" {
					q.frame.Predicate, q.predAt, q.predEnd = "killed", m, x+2
					return
				}
			}
			if !linkWords[w] {
				if l := verbLemma(w); l != "" && q.head >= 0 && !lightVerbs[l] && !speechVerb(w) {
					q.frame.Predicate, q.predAt = l, m // "12,000 homes had collapsed", "411 aftershocks have been recorded"
					return
				}
			}
		}
		// "were among the (44) killed/dead", "among those killed"
		if w == "among" {
			if p := amongPredicate(s, m+1); p != "" {
				q.frame.Predicate, q.predAt, q.frame.Part = p, m, true
			}
			return
		}
		// "people were on the bridge", "present on it"
		if (w == "on" || w == "aboard") && m > k && (low[m-1] == "were" || low[m-1] == "was" || low[m-1] == "present" || low[m-1] == "are") {
			q.frame.Predicate, q.predAt = "on", m
			q.frame.Place = thingAfter(s, m+1)
			if q.frame.Place == "" {
				q.unsure = "what they were on is not named"
			}
			return
		}
		// "2,500 fighters remain active": a state, after "remain" or "are"
		if m > k && (low[m-1] == "remain" || low[m-1] == "remains" || low[m-1] == "remained") && adjective(w) && q.head >= 0 {
			q.frame.Predicate, q.predAt, q.predEnd, q.own = w, m, m+1, true
			return
		}
		if !linkWords[w] && !strings.HasSuffix(w, "ly") && w != "present" {
			return
		}
	}
}

// reducedRelative reports whether the participle at m, right after a
// noun phrase ending at k with no auxiliary between, opens a reduced
// relative clause ("9 people accused in the collapse have been arrested",
// "two private contractors hired for the repair"): a preposition follows.
func reducedRelative(s *Sentence, k, m int) bool {
	low := s.Lower
	if m != k || m+1 >= len(low) || !prepositions[low[m+1]] || !strings.HasSuffix(low[m], "ed") && !isParticiple(low[m]) {
		return false
	}
	return true
}

// reducedEnd is the last token of a reduced relative clause opened at m:
// up to a comma, an auxiliary or the end of the clause.
func reducedEnd(s *Sentence, m int) int {
	low := s.Lower
	for x := m + 1; x < len(low) && x < m+10; x++ {
		if low[x] == "," || low[x] == ";" || auxiliaries[low[x]] {
			return x - 1
		}
	}
	return len(low)
}

// changeVerbs and changeNouns say a count moved: "attacks have dropped
// from 1,038 to 375", "a decrease in attacks to 375".
var (
	changeVerbs = words(`rise fall drop increase decrease climb jump decline grow double halve reach`)
	changeNouns = words(`rise fall drop increase decrease decline jump`)
)

// changeSubject reads what a figure of a change counts: the subject of a
// change verb ("IS attacks have dropped significantly, from 1,038 last
// year to 375") or the noun after a change noun ("a decrease in attacks to
// 375 … compared to 1,038").
func changeSubject(s *Sentence, q *qclaim) {
	low := s.Lower
	k := q.fig.start - 1
	if k < 0 || !(low[k] == "from" || low[k] == "to") {
		return
	}
	for m := k - 1; m >= 0 && m >= k-12; m-- {
		if low[m] == ";" || low[m] == "." {
			return
		}
		if changeNouns[low[m]] && m+2 < len(low) && low[m+1] == "in" && isPluralNoun(s, m+2) {
			l, _ := lexicon.Lemma(low[m+2], lexicon.Noun)
			q.frame.Predicate, q.frame.Measure, q.predAt = "number", l, m
			return
		}
		if l := s.fact(m).verb; l != "" && changeVerbs[l] {
			for x := m - 1; x >= 0 && x >= m-4; x-- {
				if isPluralNoun(s, x) && !s.Toks[x].Cap() {
					l, _ := lexicon.Lemma(low[x], lexicon.Noun)
					if personNoun(l) {
						return // a toll of people moves with its own predicate
					}
					q.frame.Predicate, q.frame.Measure, q.predAt = "number", l, m
					return
				}
				if !auxiliaries[low[x]] && !adverbs[low[x]] {
					break
				}
			}
		}
	}
}

// skipCoordinate skips a second subject joined to the figure's noun
// phrase by "and" when it has no figure of its own: "Some 10,000 troops
// and hundreds of volunteers have rushed …".
func skipCoordinate(s *Sentence, k int) int {
	low := s.Lower
	if k >= len(low) || low[k] != "and" {
		return k
	}
	for m := k + 1; m < len(low) && m < k+8; m++ {
		if s.Toks[m].Kind == textutil.Number || low[m] == "," || low[m] == ";" {
			return k
		}
		if auxiliaries[low[m]] || isParticiple(low[m]) && !adjective(low[m]) {
			if m > k+1 {
				return m
			}
			return k
		}
	}
	return k
}

// skipRelative skips a relative clause or a parenthetical set off by commas
// right after a noun phrase: "At least 44 people, including at least a
// dozen firefighters, were killed"; "Twenty-one firefighters, who were …,
// were among those killed".
func skipRelative(s *Sentence, k int) int {
	low := s.Lower
	if k+1 >= len(low) || low[k] != "," {
		return k
	}
	switch low[k+1] {
	case "who", "which", "including", "mostly", "many", "most", "some", "among":
	default:
		return k
	}
	for m := k + 1; m < len(low) && m < k+30; m++ {
		if low[m] == "," {
			return m + 1
		}
		if low[m] == ";" || low[m] == "." {
			return k
		}
	}
	return k
}

// amongPredicate reads what a part is part of: "the 44 killed", "the
// dead", "those killed", "the victims", "the bodies".
func amongPredicate(s *Sentence, k int) string {
	low := s.Lower
	for m := k; m < len(low) && m < k+4; m++ {
		if p := predicateOf(low[m], lexicon.Adj, false); p != "" {
			return p
		}
		if p := predicateOf(low[m], lexicon.Verb, false); p != "" {
			return p
		}
		if l := s.fact(m).noun; l == "victim" || l == "body" || l == "death" || l == "casualty" {
			return "killed"
		}
	}
	return ""
}

// placeAfter reads where a count holds after its predicate: "killed in
// Harran county", "died there". An incident after "in" is the event, not
// a place (context.go).
func placeAfter(s *Sentence, q *qclaim, k int) {
	t, low := s.Toks, s.Lower
	for k < len(t) && (low[k] == "so" || low[k] == "far" || low[k] == "still" || strings.HasSuffix(low[k], "ly")) {
		k++
	}
	if k >= len(t) {
		return
	}
	if low[k] == "there" {
		q.frame.Place = "there"
		q.unsure = "\"there\" stands for a place named elsewhere"
		return
	}
	if low[k] != "in" || k+1 >= len(t) {
		return
	}
	m := k + 1
	if low[m] == "the" {
		m++
	}
	for m < len(t) && (compass[low[m]] || t[m].AllCaps() && len(low[m]) == 2 && compass[compassAbbrev[low[m]]]) {
		m++ // "in NW Syria", "in southern Syria"
	}
	if m < len(t) && t[m].Cap() && t[m].Kind == textutil.Word {
		end := m
		for end < len(t) && t[end].Cap() && t[end].Kind == textutil.Word {
			end++
		}
		if end < len(t) && IncidentNoun(low[end]) != "" {
			return // "in Syria quake": the incident's place, not the count's
		}
		for x := m; x < end; x++ {
			if IncidentNoun(low[x]) != "" || demonymOf(low[x]) != "" {
				return // "in Chinese Port Explosion": a headline's incident
			}
		}
		if p := placeName(s, m); p != "" && !largeRegion(p) {
			q.frame.Place = p
		}
	}
}

var compassAbbrev = map[string]string{"sw": "southwest", "se": "southeast", "nw": "northwest", "ne": "northeast"}

// largeRegion reports whether a place is a country, a state or a
// province, which a count of a whole incident is often said to be "in"
// ("killed in India"): not a part of the incident.
func largeRegion(name string) bool {
	e, ok := lexicon.Lookup(strings.ToLower(strings.ReplaceAll(name, " ", "_")))
	return ok && e.Proper && (e.May(tagCountry) || e.May(tagState))
}

// predicateBefore reads a verb that governs the figure's noun phrase as
// its object: "killing at least 150", "injured more than 1,400 people",
// "sent 2,500 soldiers", "recovered 120 bodies", "claimed 135 lives".
func predicateBefore(s *Sentence, q *qclaim) {
	t, low := s.Toks, s.Lower
	k := q.fig.start - 1
	// "the evacuation of 230,000 people": a noun of a predicate's verb
	if k >= 1 && low[k] == "of" && q.person {
		if l := s.fact(k - 1).noun; l != "" {
			if e, ok := lexicon.Lookup(l); ok && e.Verb != "" {
				if p := predicateOf(e.Verb, lexicon.Verb, false); p != "" && p != "killed" {
					q.frame.Predicate, q.predAt = p, k-1
					return
				}
			}
		}
	}
	for k >= 0 && (low[k] == "a" || low[k] == "an" || low[k] == "another" || low[k] == "additional") {
		k--
	}
	if k < 0 || t[k].Kind != textutil.Word || t[k].Cap() && k != sentenceStart(s) {
		return
	}
	w := low[k]
	if auxiliaries[w] || isFunction(w) {
		return
	}
	l := verbLemma(w)
	if l == "" {
		return
	}
	if k > 0 && isPluralNoun(s, k-1) && isParticiple(w) {
		return // "the nine people arrested, two are managers": the verb is the noun's, not the figure's
	}
	if p := predicateOf(w, lexicon.Verb, false); p != "" {
		q.frame.Predicate, q.predAt = p, k
	} else if q.head >= 0 && !q.person && !lightVerbs[l] && !speechVerb(w) && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") || isParticiple(w)) {
		q.frame.Predicate, q.predAt = l, k // "sending 2,000 tents", "dispatched 82 vehicles"
	} else if q.head >= 0 && q.person {
		if e, _ := lexicon.Lookup(l); e.May(lexicon.TagOf("deployed", lexicon.Verb)) {
			q.frame.Predicate, q.predAt = "deployed", k
		}
	}
	// "claimed 135 lives", "recovered 120 bodies so far": the dead; bodies
	// recovered on one day are that day's, not the toll
	if q.frame.Measure == "body" && (l == "recover" || l == "find" || l == "pull" || l == "retrieve") {
		q.frame.Predicate, q.frame.Measure, q.person = "killed", "person", true
		if !soFar(s, q.npEnd) {
			q.unsure = "bodies recovered, not said to be all the dead"
		}
	}
	if q.frame.Measure == "" && q.frame.Predicate == "killed" && q.head >= 0 && s.fact(q.head).noun == "life" {
		q.frame.Measure, q.person = "person", true
	}
}

// soFar reports whether the words after k make a figure cumulative: "so
// far", "in all", "in total", "to date".
func soFar(s *Sentence, k int) bool {
	low := s.Lower
	for m := k; m+1 < len(low) && m <= k+3; m++ {
		switch low[m] + " " + low[m+1] {
		case "so far", "in all", "in total", "to date":
			return true
		}
	}
	return false
}

// tollWords are nouns whose figure is a count of the dead ("death toll",
// "toll", "death count") or, with "injury", of the injured.
var tollWords = words(`toll count tally`)

// changeWords may stand between a toll and its figure: "the death toll
// (from the quake) has risen to", "stood at", "put … at", "raised … from
// 139 to".
var changeWords = words(`has had have is was were rose risen rise rises climbed climbs jumped jumps reached reaches
stood stands stand increased increases hit hits passed passes topped tops exceeded exceeds inched now to at from
put puts raised raise raises officially so far nearly almost more than over already further sharply again`)

// tollBefore reads a toll the figure is the value of: "the death toll has
// risen to 717", "Death toll rises to 112", "put the death toll at 17",
// "the toll according to the minister is 132", "raised the death toll
// from the blasts from 139 to 145".
func tollBefore(s *Sentence, q *qclaim) {
	k := tollAt(s, q.fig.start)
	if k < 0 {
		return
	}
	low := s.Lower
	q.frame.Predicate, q.predAt = "killed", k
	if k > 0 && (low[k-1] == "injury" || low[k-1] == "casualty") {
		q.frame.Predicate = map[string]string{"injury": "injured", "casualty": "casualties"}[low[k-1]]
	}
	q.frame.Measure, q.person = "person", true
	tollOwner(s, q, k)
}

// tollOwnerBefore gives a count of the dead that names its own noun and
// verb the owner of the toll it is the value of: "Peru's death toll has
// nearly doubled to 464 pilgrims killed" counts Peru's dead.
func tollOwnerBefore(s *Sentence, q *qclaim) {
	if q.frame.Group != "" || q.frame.Predicate != "killed" || !q.person {
		return
	}
	if k := tollAt(s, q.fig.start); k >= 0 && s.Lower[k] == "toll" && k > 0 && s.Lower[k-1] == "death" {
		tollOwner(s, q, k)
	}
}

// increaseVerb reports whether a folded word is a form of a verb of a
// figure growing ("doubled", "soared", "surges"), by WordNet.
func increaseVerb(w string) bool {
	e, _, ok := lexicon.Word(w, lexicon.Verb)
	return ok && e.Has(tagIncreased)
}

var tagIncreased = lexicon.TagOf("increased", lexicon.Verb)

// tollAt is the toll word a figure at start is the value of ("toll" of
// "the death toll has risen to 717"), or -1.
func tollAt(s *Sentence, start int) int {
	t, low := s.Toks, s.Lower
	for k := start - 1; k >= 0 && k >= start-16; k-- {
		w := low[k]
		if tollWords[w] {
			if w != "toll" && !(k > 0 && (low[k-1] == "death" || low[k-1] == "casualty")) {
				return -1
			}
			return k
		}
		switch {
		case w == ";" || w == "." || w == "and" || w == "while" || w == "but":
			return -1
		case t[k].Kind == textutil.Number:
			// "raised the death toll from 139 to 145": the earlier figure
			if !(k > 0 && low[k-1] == "from" && k+1 < len(low) && low[k+1] == "to") {
				return -1
			}
		case t[k].Kind != textutil.Word, t[k].Cap(), changeWords[w], isFunction(w), IncidentNoun(w) != "", increaseVerb(w):
		case isParticiple(w) || speechVerb(w):
			return -1 // another verb: "the toll … as rescuers found 60 more", "the toll included 17 firefighters"
		}
	}
	return -1
}

// tollOwner reads whose toll it is: a country's own dead ("Peru's festival
// death toll", "its death toll" in a sentence about Peru, "the toll of
// Chilean pilgrims"), or, for an "official" toll, the body that keeps it
// ("the kingdom's official toll").
func tollOwner(s *Sentence, q *qclaim, k int) {
	t, low := s.Toks, s.Lower
	official := false
	for m := k - 1; m >= 0 && m >= k-4; m-- {
		w := low[m]
		if w == "official" {
			official = true
		}
		if w == "its" || w == "their" {
			if c := sentenceCountry(s); c != "" && !official {
				q.frame.Group = c
			}
			return
		}
		if strings.HasSuffix(w, "'s") {
			owner := strings.TrimSuffix(w, "'s")
			if official {
				q.tollBy = strings.TrimSuffix(strings.TrimSuffix(s.text[t[m].Start:t[m].End], "'s"), "’s")
			} else if t[m].Cap() {
				q.frame.Group = countryName(owner)
			}
			return
		}
		if !t[m].Cap() && w != "death" && w != "casualty" && w != "injury" && !adjective(w) && nounLemma(w) == "" {
			return
		}
	}
	// "the toll of Chilean pilgrims"
	if k+2 < len(low) && low[k+1] == "of" {
		for m := k + 2; m < len(low) && m < k+5; m++ {
			if c := demonymOf(low[m]); c != "" && t[m].Cap() {
				q.frame.Group = c
				return
			}
		}
	}
}

// numberOf reads "the number of X (who died | killed | to have died) (has
// risen to | stood at | is) N": what is counted and what happened to it
// come from the noun phrase after "number of".
func numberOf(s *Sentence, q *qclaim) {
	low := s.Lower
	for k := q.fig.start - 1; k >= 1 && k >= q.fig.start-14; k-- {
		if low[k] == "of" && low[k-1] == "number" {
			m := k + 1
			for m < q.fig.start && !isPluralNoun(s, m) {
				m++
			}
			if m >= q.fig.start {
				// "the number of missing", "the number of dead"
				if p := predicateOf(low[k+1], lexicon.Adj, false); p != "" {
					q.frame.Predicate, q.predAt, q.frame.Measure, q.person = p, k+1, "person", true
				}
				return
			}
			l, _ := lexicon.Lemma(low[m], lexicon.Noun)
			sub := *q
			setHead(s, &sub, m, m+1, l)
			for x := k + 1; x < m; x++ {
				if c := demonymOf(low[x]); c != "" && s.Toks[x].Cap() && sub.person {
					sub.frame.Group = c // "the number of Peruvian pilgrims killed"
				}
			}
			for x := m + 1; x < q.fig.start; x++ {
				p := predicateOf(low[x], lexicon.Verb, false)
				if p == "" {
					p = predicateOf(low[x], lexicon.Adj, false)
				}
				if p != "" {
					q.frame.Predicate, q.predAt = p, x
					q.frame.Measure, q.frame.Group, q.person = sub.frame.Measure, sub.frame.Group, sub.person
					if q.frame.Group == "" && s.Toks[m].Cap() {
						q.frame.Group = demonymOf(low[m])
					}
					return
				}
			}
			return
		}
		if s.Toks[k].Kind == textutil.Number || low[k] == ";" {
			return
		}
	}
}

// listNouns before "of" make a figure a list's length, part of a larger
// whole: "a list of 99 deceased", "the names of 336 Peruvians".
var listNouns = words(`list names`)

// ownPeople reports whether a figure counts the speaker's own people:
// "We have 13 injured in hospital", "our 14 nationals".
func ownPeople(s *Sentence, start int) bool {
	for k := start - 1; k >= 0 && k >= start-3; k-- {
		switch s.Lower[k] {
		case "we", "our", "us":
			return true
		}
	}
	return false
}

// partBefore marks a figure given as part of a larger one: "including 17
// firefighters", "Among the dead were 17 firefighters", "Among the bodies,
// 39 were firefighters".
func partBefore(s *Sentence, q *qclaim) {
	low := s.Lower
	k := q.fig.start - 1
	if ownPeople(s, q.fig.start) {
		q.frame.Part = true // a speaker's own nationals: part of a whole they do not name
	}
	if k >= 1 && low[k] == "of" && listNouns[low[k-1]] {
		q.frame.Part = true
		q.unsure = "a list's length, not a count of all"
	}
	if k >= 0 && (low[k] == "including" || low[k] == "included" || low[k] == "includes" || low[k] == "besides") {
		q.frame.Part = low[k] != "besides"
		q.including = low[k] != "besides"
		if low[k] == "included" || low[k] == "includes" {
			whole := *q
			whole.fig.start = k // read the toll before the verb: "the death toll included 17 firefighters"
			tollBefore(s, &whole)
			if q.frame.Predicate == "" {
				q.frame.Predicate, q.predAt = whole.frame.Predicate, whole.predAt
			}
		}
		return
	}
	// "Among the dead were 17 firefighters", "Among the bodies, 39 were firefighters"
	if k >= 1 && (low[k] == "were" || low[k] == "was" || low[k] == ",") {
		for m := k - 1; m >= 0 && m >= k-5; m-- {
			if low[m] == "among" {
				if p := amongPredicate(s, m+1); p != "" {
					q.frame.Part = true
					if q.frame.Predicate == "" {
						q.frame.Predicate, q.predAt = p, m
					}
					copulaHead(s, q)
				}
				return
			}
		}
	}
	// "… and five were policemen", after "Among the bodies, 39 were firefighters"
	if q.head < 0 && k >= 0 && low[k] == "and" {
		for m := k - 1; m >= 0; m-- {
			if low[m] == "among" && amongPredicate(s, m+1) != "" {
				q.frame.Part = true
				if q.frame.Predicate == "" {
					q.frame.Predicate, q.predAt = amongPredicate(s, m+1), m
				}
				copulaHead(s, q)
				return
			}
		}
	}
}

// copulaHead reads a head after "were": "39 were firefighters".
func copulaHead(s *Sentence, q *qclaim) {
	low := s.Lower
	if q.head < 0 && q.fig.j+1 < len(low) && (low[q.fig.j] == "were" || low[q.fig.j] == "are") && isPluralNoun(s, q.fig.j+1) {
		l, _ := lexicon.Lemma(low[q.fig.j+1], lexicon.Noun)
		setHead(s, q, q.fig.j+1, q.fig.j+2, l)
		q.end = q.fig.j + 2
	}
}
