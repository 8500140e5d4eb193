package extract

import (
	"strings"

	"dossier/internal/lexicon"
	"dossier/internal/textutil"
)

// Measurements: a magnitude ("magnitude-6.1", "a 6.5-magnitude quake"), a
// depth, length, width or height ("at a depth of 10 km", "233 metres long",
// "the 754-foot bridge"), a distance to a named place ("277 miles northeast
// of Aleppo"), a mass ("the equivalent of 21 tonnes of TNT"), a population
// ("a population of 13 million", "a county of some 439,000 people", "15
// million people live in the city"), a capacity ("a capacity of 100-150
// people", "can only support 20-25 people at a time"), and people present
// on something ("about 400 people were on the bridge").

// unitDef is a unit of measure: its dimension and its size in base units.
// Conversion factors are physics, not vocabulary: WordNet names the units,
// this table says how big they are.
type unitDef struct {
	dim    string
	factor float64
}

var units = map[string]unitDef{
	"km": {"length", 1000}, "kilometers": {"length", 1000}, "kilometres": {"length", 1000}, "kilometer": {"length", 1000},
	"kilometre": {"length", 1000}, "kms": {"length", 1000}, "miles": {"length", 1609.344}, "mile": {"length", 1609.344},
	"mi": {"length", 1609.344}, "metres": {"length", 1}, "meters": {"length", 1}, "metre": {"length", 1}, "meter": {"length", 1},
	"m": {"length", 1}, "feet": {"length", 0.3048}, "foot": {"length", 0.3048}, "ft": {"length", 0.3048},
	"yards": {"length", 0.9144}, "yard": {"length", 0.9144}, "yd": {"length", 0.9144},
	"kg": {"mass", 1}, "kilograms": {"mass", 1}, "kilos": {"mass", 1}, "tonnes": {"mass", 1000}, "tons": {"mass", 1000},
	"tonne": {"mass", 1000}, "ton": {"mass", 1000},
	"%": {"percent", 1}, "percent": {"percent", 1},
}

// measureNouns name what a unit quantity measures ("at a depth of 10 km").
var measureNouns = words(`depth magnitude height length width distance radius area altitude elevation speed`)

// dimensionWords after a unit say what it measures ("10 km deep").
var dimensionWords = map[string]string{"deep": "depth", "below": "depth", "high": "height", "tall": "height",
	"long": "length", "wide": "width", "across": "width"}

// compass words between a distance and its reference place.
var compass = words(`east west north south northeast northwest southeast southwest north-east north-west south-east
south-west eastern western northern southern`)

// measurement fills q's frame when its figure is a measurement; false
// when it is not one.
func measurement(s *Sentence, q *qclaim) bool {
	if magnitude(s, q) {
		return true
	}
	if unit(s, q) {
		return true
	}
	return fixedProperty(s, q)
}

// magnitude: "magnitude-6.1", "a 6.5-magnitude quake", "a magnitude of
// 6.1", "magnitude 6.3", "magnitudes of 2.3 and 2.9".
func magnitude(s *Sentence, q *qclaim) bool {
	low := s.Lower
	i, j := q.fig.i, q.fig.j
	if s.Toks[i].Kind != textutil.Number || q.fig.v.Number > 10 {
		return false
	}
	at := -1
	for _, k := range []int{i - 1, i - 2, i - 3, j, j + 1} {
		if k >= 0 && k < len(low) && strings.HasPrefix(low[k], "magnitude") {
			at = k
			break
		}
	}
	if at < 0 {
		return false
	}
	q.measure = true
	if q.fig.v.Hi != q.fig.v.Lo && q.fig.v.Qualifier == "between" {
		return true // "between 3.0 and 3.9 magnitude": a class of tremors, no one event's magnitude
	}
	q.frame.Predicate, q.frame.Measure = "magnitude", ""
	q.predAt = at
	if low[at] == "magnitudes" {
		q.unsure = "one of several magnitudes listed together"
	}
	if at >= j {
		q.end = at + 1
	}
	return true
}

// unit reads a unit after the figure and what it measures.
func unit(s *Sentence, q *qclaim) bool {
	t, low := s.Toks, s.Lower
	j := q.fig.j
	if j < len(t) && t[j].Text == "-" && j+1 < len(t) { // "the 232-metre bridge"
		if _, ok := units[low[j+1]]; ok {
			j++
		}
	}
	if j >= len(t) {
		return false
	}
	u := low[j]
	if u == "per" && j+1 < len(t) && low[j+1] == "cent" {
		u, j = "percent", j+1
	}
	def, ok := units[u]
	if !ok || u == "m" && t[j].Cap() {
		return false
	}
	v := &q.fig.v
	v.Unit, v.Dim = t[j].Text, def.dim
	half := halfUnit(t[q.fig.i].Text)
	lo, hi := v.Lo, v.Hi
	if v.Qualifier == "" || v.Qualifier == "between" {
		lo, hi = lo-half, hi+half
	}
	v.Lo = lo * def.factor
	if hi >= 0 {
		hi *= def.factor
	}
	v.Hi = hi
	q.end = j + 1
	q.measure = true
	if def.dim == "percent" {
		return true // a share of what? left without a frame
	}
	measureOf(s, q)
	return true
}

// measureOf names what a unit quantity measures, and of what: a measure
// noun shortly before ("at a depth of 10 km"), a dimension word after
// ("233 metres long", "the 754-foot long bridge"), a distance to a named
// place ("277 miles northeast of Aleppo"), a mass of a substance ("21
// tonnes of TNT").
func measureOf(s *Sentence, q *qclaim) {
	low := s.Lower
	start, j := q.fig.start, q.end
	for k := start - 1; k >= 0 && k >= start-6; k-- {
		if measureNouns[low[k]] && k+1 < len(low) && (low[k+1] == "of" || q.fig.i > 0 && low[q.fig.i-1] == "a" || k+2 < len(low) && low[k+1] == "a") {
			q.frame.Predicate, q.predAt = low[k], k
			if low[k] == "distance" {
				q.frame.Predicate = ""
				break
			}
			return
		}
		if s.Toks[k].Kind == textutil.Number || low[k] == ";" {
			break
		}
	}
	if j < len(low) {
		if d, ok := dimensionWords[low[j]]; ok {
			q.frame.Predicate, q.predAt = d, j
			q.end = j + 1
			q.frame.Measure = thingAfter(s, j+1)
			return
		}
	}
	// "the 232-metre (761ft) long bridge", "the 233 metre (255 yard) bridge"
	k := skipParens(s, j)
	if k < len(low) {
		if d, ok := dimensionWords[low[k]]; ok && d != "depth" {
			q.frame.Predicate, q.predAt = d, k
			q.frame.Measure = thingAfter(s, k+1)
			if q.frame.Measure == "" {
				q.frame.Measure = subjectThing(s, q.fig.start) // "The suspension bridge, 233 metres (764 feet) long"
			}
			return
		}
		// "the 233 metre (255 yard) bridge": a length used as an adjective
		if thing := thingAfter(s, k); thing != "" && q.fig.v.Dim == "length" && q.fig.start > 0 && (low[q.fig.start-1] == "the" || low[q.fig.start-1] == "a") {
			q.frame.Predicate, q.frame.Measure = "length", thing
			return
		}
	}
	// "21 tonnes of TNT"
	if q.fig.v.Dim == "mass" && j+1 < len(low) && low[j] == "of" {
		q.frame.Predicate, q.frame.Measure = "mass", strings.ToLower(s.Toks[j+1].Text)
		q.frame.Group = ordinalSubject(s, q.fig.start)
		return
	}
	distance(s, q)
}

// thingAfter is the lemma of the noun right after k ("bridge"), "" when
// none: "the 754-foot long suspension bridge" → "bridge".
func thingAfter(s *Sentence, k int) string {
	for k < len(s.Toks) && (determiners[s.Lower[k]] || s.Lower[k] == "board") {
		k++
	}
	for m := k; m < len(s.Toks) && m < k+4; m++ {
		if s.Toks[m].Kind != textutil.Word || isFunction(s.Lower[m]) || wordNumber(s.Lower[m]) || textutil.Weekday(s.Lower[m]) >= 0 || textutil.Month(s.Lower[m]) != 0 {
			return ""
		}
		if isPluralNoun(s, m) && !s.Toks[m].Cap() {
			return "" // a count's noun, not one thing
		}
		l := s.fact(m).noun
		if l == "" || s.Toks[m].Cap() {
			continue
		}
		if m+1 < len(s.Toks) && s.fact(m+1).noun != "" && s.Toks[m+1].Kind == textutil.Word && !isFunction(s.Lower[m+1]) {
			continue // "suspension bridge": the last noun is the head
		}
		return l
	}
	return ""
}

// ordinalSubject is "first", "second"… when the figure's clause is about
// one of several ("the second was the equivalent of 21 tons"), "all" for
// "the two blasts", else "".
func ordinalSubject(s *Sentence, start int) string {
	for k := start - 1; k >= 0 && k >= start-8; k-- {
		switch s.Lower[k] {
		case "first", "second", "third", "fourth", "last", "latter", "former":
			return s.Lower[k]
		case "two", "both", "three":
			return "all"
		case ";", ".":
			return ""
		}
	}
	return ""
}

// distance: "277 miles northeast of Aleppo", "23 km from the county seat
// of Idlib", "about 125 miles from the provincial capital of west Hama",
// "300 km from Raqqa". The place measured to must be named; the
// place measured from is the name the sentence gives before the figure.
func distance(s *Sentence, q *qclaim) {
	low := s.Lower
	k := skipParens(s, q.end)
	for k < len(low) && (compass[low[k]] || low[k] == "-" || low[k] == "away" || low[k] == ")") {
		k++
	}
	if k >= len(low) || (low[k] != "of" && low[k] != "from") {
		return
	}
	k++
	name := placeName(s, k)
	if name == "" {
		return
	}
	q.frame.Predicate, q.frame.Place = "distance", name
	q.frame.From = placeBefore(s, q.fig.start)
	if q.frame.From == "" {
		q.unsure = "the place the distance is measured from is not named"
	}
}

// placeName reads the named place a phrase at k points to: "Aleppo",
// "the county seat of Idlib" (Idlib), "Aleppo's provincial capital,
// Aleppo" and "the capital Aleppo" (Aleppo), "the holy city of
// Najaf" (Najaf). Place heads ("County") are dropped.
func placeName(s *Sentence, k int) string {
	t, low := s.Toks, s.Lower
	n := len(t)
	for k < n && k < len(low) {
		// skip "the", a possessive name ("Aleppo's", "Latakia's"), common
		// words of a place phrase ("provincial capital", "main city", "state")
		if low[k] == "the" || low[k] == "a" || strings.HasSuffix(low[k], "'s") || low[k] == "of" || low[k] == "," ||
			(t[k].Kind == textutil.Word && !t[k].Cap() && !isFunction(low[k]) && k+1 < n) {
			k++
			continue
		}
		break
	}
	var name []string
	for k < n && t[k].Kind == textutil.Word && t[k].Cap() && !strings.HasSuffix(low[k], "'s") {
		name = append(name, t[k].Text)
		k++
	}
	// "Homs province's capital, Homs": the name was a possessor
	if len(name) > 0 && k < n && strings.HasSuffix(low[k], "'s") && !t[k].Cap() {
		return placeName(s, k+1)
	}
	for len(name) > 1 && placeHead(strings.ToLower(name[len(name)-1])) {
		name = name[:len(name)-1]
	}
	if len(name) == 1 && placeHead(strings.ToLower(name[0])) {
		return "" // "the State capital": a kind of place, not a name
	}
	return strings.Join(name, " ")
}

// skipParens is the index after a parenthesis that opens at k ("(6
// miles)"), or k.
func skipParens(s *Sentence, k int) int {
	if k >= len(s.Toks) || s.Toks[k].Text != "(" {
		return k
	}
	for m := k + 1; m < len(s.Toks) && m < k+8; m++ {
		if s.Toks[m].Text == ")" {
			return m + 1
		}
	}
	return k
}

// placeHead reports whether a word names a kind of place ("county",
// "province", "city", "township").
func placeHead(w string) bool {
	e, ok := lexicon.Lookup(w)
	return ok && !e.Proper && (e.Has(tagCity) || e.Has(tagState) || e.Has(tagCountry) || e.Class == "location" && e.Has(tagLocation))
}

// placeBefore is the name a distance is measured from: the capitalised
// name shortly before the figure ("Idlib, a county 277 miles …",
// "Hama is roughly 80 miles …", "in Dumayr, about five kilometres …").
// Between them may stand an apposition, "is", "lies" or "located", never
// another verb ("The US Geological Survey said the quake struck about
// 11km …" measures nothing from the Survey).
func placeBefore(s *Sentence, start int) string {
	t := s.Toks
	for k, steps := start-1, 0; k >= 0 && steps < 8; k, steps = k-1, steps+1 {
		if t[k].Kind == textutil.Number || s.Lower[k] == ";" {
			return ""
		}
		// an apposition: "Idlib, a densely populated county 277 miles …",
		// "Hama, with a population of about 15 million, is roughly …"
		if s.Lower[k] == "a" || s.Lower[k] == "an" {
			if k > 0 && s.Lower[k-1] == "," {
				k--
				continue
			}
		}
		if s.Lower[k] == "," {
			for m := k - 1; m > 0 && m >= k-10; m-- {
				if s.Lower[m] == "," && (s.Lower[m+1] == "with" || s.Lower[m+1] == "which" || s.Lower[m+1] == "a" || s.Lower[m+1] == "an") {
					k = m
					break
				}
			}
			continue
		}
		if w := s.Lower[k]; t[k].Kind == textutil.Word && !t[k].Cap() && !isFunction(w) && !linkWords[w] &&
			w != "lies" && w != "located" && w != "situated" && (isParticiple(w) || speechVerb(w)) && !inApposition(s, k) {
			return ""
		}
		if t[k].Kind == textutil.Word && t[k].Cap() && k > sentenceStart(s) {
			m := k
			for m > 0 && t[m-1].Kind == textutil.Word && t[m-1].Cap() {
				m--
			}
			var parts []string
			for x := m; x <= k; x++ {
				parts = append(parts, stripAffix(t[x].Text))
			}
			for len(parts) > 1 && placeHead(strings.ToLower(parts[len(parts)-1])) {
				parts = parts[:len(parts)-1]
			}
			return strings.Join(parts, " ")
		}
		if t[k].Kind == textutil.Word && t[k].Cap() && k == sentenceStart(s) && !isFunction(s.Lower[k]) {
			return stripAffix(t[k].Text)
		}
	}
	return ""
}

// inApposition reports whether token k stands in an apposition opened by
// ", a" or ", an" before it ("Idlib, a densely populated county").
func inApposition(s *Sentence, k int) bool {
	for m := k - 1; m > 0 && m >= k-5; m-- {
		if (s.Lower[m] == "a" || s.Lower[m] == "an") && s.Lower[m-1] == "," {
			return true
		}
		if s.Lower[m] == "," {
			return false
		}
	}
	return false
}

// fixedProperty: a population, a capacity, people present on something.
func fixedProperty(s *Sentence, q *qclaim) bool {
	low := s.Lower
	start, j := q.fig.start, q.fig.j
	// "a population of N", "a capacity of N"
	if start >= 2 && low[start-1] == "of" && (low[start-2] == "population" || low[start-2] == "capacity") {
		q.measure = true
		q.frame.Predicate, q.predAt = low[start-2], start-2
		q.end = j
		if j < len(low) && isPluralNoun(s, j) {
			q.end = j + 1
			if j+2 < len(low) && low[j+1] == "per" { // "265 people per square km": a density
				q.frame.Predicate = ""
				return true
			}
		}
		if low[start-2] == "population" {
			q.frame.Place = subjectName(s, start-2)
		} else {
			q.frame.Measure = subjectThing(s, start-2)
		}
		return true
	}
	// "can (only) support/carry/hold/accommodate N", "licensed to carry N"
	for k := start - 1; k >= 0 && k >= start-4; k-- {
		l := s.fact(k).verb
		if l == "carry" || l == "hold" || l == "accommodate" || l == "support" || l == "seat" || l == "bear" {
			for m := k - 1; m >= 0 && m >= k-3; m-- {
				if low[m] == "can" || low[m] == "could" || low[m] == "to" {
					q.measure = true
					q.frame.Predicate, q.predAt = "capacity", k
					q.frame.Measure = subjectThing(s, m)
					q.end = j
					if j < len(low) && (isPluralNoun(s, j) || j+1 < len(low) && isPluralNoun(s, j+1)) {
						q.end = j + 1
					}
					return true
				}
			}
		}
		if !(low[k] == "only" || low[k] == "batches" || low[k] == "of" || low[k] == "up" || low[k] == "to") {
			break
		}
	}
	// "a county of some 439,000 people": a population in apposition
	if start >= 2 && low[start-1] == "of" && placeHead(low[start-2]) && j < len(low) && isPluralNoun(s, j) && s.fact(j).noun == "people" {
		q.measure = true
		q.frame.Predicate, q.predAt = "population", start-2
		q.frame.Place = subjectName(s, start-2)
		q.end = j + 1
		return true
	}
	// "15 million people live in Hama"
	if j+2 < len(low) && isPluralNoun(s, j) && s.fact(j+1).verb == "live" && low[j+2] == "in" {
		if p := placeName(s, j+3); p != "" {
			q.measure = true
			q.frame.Predicate, q.predAt, q.frame.Place = "population", j+1, p
			q.end = j + 1
			return true
		}
	}
	return false
}

// subjectName is the name the clause ending before k is about: "Idlib,
// which has a population of", "Idlib has a population of", "Hama, with
// a population of", "Idlib, a county of"; and, after "and", the
// sentence's own subject: "Hama is … southeast of Damascus and has a
// population of 13 million".
func subjectName(s *Sentence, k int) string {
	low := s.Lower
	m := k - 1
	for m >= 0 && (low[m] == "a" || low[m] == "has" || low[m] == "had" || low[m] == "have" || low[m] == "with") {
		m--
	}
	if m >= 0 && low[m] == "and" {
		st := sentenceStart(s)
		if st < len(s.Toks) && s.Toks[st].Cap() {
			return placeName(s, st)
		}
		return ""
	}
	return placeBefore(s, k)
}

// subjectThing is the lemma of the noun the clause before k is about: "the
// bridge, which can only support", "the bridge has a capacity of".
func subjectThing(s *Sentence, k int) string {
	for m := k - 1; m >= 0 && m >= k-12; m-- {
		if s.Lower[m] == ";" || s.Toks[m].Kind == textutil.Number {
			break
		}
		if s.Toks[m].Kind == textutil.Word && !s.Toks[m].Cap() && !isFunction(s.Lower[m]) {
			if l := s.fact(m).noun; l != "" {
				if e, ok := lexicon.Lookup(l); ok && (e.Has(tagBuilding) || e.Class == "artifact") {
					return l
				}
			}
		}
	}
	return ""
}
