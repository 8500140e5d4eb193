package extract

import (
	"strconv"
	"strings"

	"dossier/internal/lexicon"
	"dossier/internal/model"
	"dossier/internal/textutil"
)

// quantities finds figures and builds each one's frame: a measurement
// (magnitude, depth, length, distance, population, capacity — measures.go)
// or a count (what is counted and what happened to it — counts.go), then,
// for the sentence's figures together, what coordination shares between
// them ("killing 80 people and injuring more than 800"; "2,000 tents, 3,000
// beds and 3,000 coats"), and the context every figure takes from its
// sentence: the incident it is about, its time scope, the day it holds for,
// who states it (context.go). A figure whose frame cannot be filled — what
// it counts, or what happened to it, is not said — is not a claim: it could
// not be compared with anything.
type quantities struct{}

func (quantities) Name() string { return "quantities" }

// qclaim is a figure on its way to becoming a claim.
type qclaim struct {
	fig   figure
	end   int // index after the claim's tokens (the figure, a unit)
	frame model.Frame
	// the counted noun phrase: tokens [np, npEnd), its head at head (-1: elided)
	np, npEnd, head int
	person          bool   // what is counted are people
	predAt          int    // the token that gave the predicate (-1: none, or inherited)
	predEnd         int    // the index after the predicate's words, when after the figure
	including       bool   // given after "including": a part of the figure before it
	other           bool   // "10 other people", "863 others": people besides those named before
	own             bool   // the predicate is the figure's own ("71 of them in critical condition"), not its whole's
	ofThem          bool   // "60 of them": what is counted is the figure before's
	tollBy          string // the owner of an "official" toll the figure is the value of
	measure         bool   // a measurement, not a count
	unsure          string // why a slot is not sure
}

func (quantities) Extract(s *Sentence, out []model.Claim) []model.Claim {
	var qs []*qclaim
	n := len(s.Toks)
	for i := 0; i < n; i++ {
		if s.Taken(i, i+1) || !figureStart(s, i) {
			continue
		}
		f, ok := readFigure(s, i)
		if !ok || notACount(s, f) {
			continue
		}
		q := &qclaim{fig: f, end: f.j, head: -1, predAt: -1, np: f.j, npEnd: f.j}
		if !measurement(s, q) {
			count(s, q)
		}
		if q.measure && q.unsure == "" && q.frame.Measure == "" && (q.frame.Predicate == "capacity" || q.frame.Predicate == "length" ||
			q.frame.Predicate == "width" || q.frame.Predicate == "height") {
			q.unsure = "the thing it is of is not named" // "It had a capacity of 43"
		}
		qs = append(qs, q)
		i = max(q.end, f.j) - 1
	}
	coordinate(s, qs)
	for _, q := range qs {
		thingsCounted(q)
		if q.frame.Predicate == "" || (q.frame.Measure == "" && !q.measure) {
			continue
		}
		context(s, q)
		c := s.Claim(model.KindQuantity, q.fig.start, q.end)
		v := q.fig.v
		c.Qty = &v
		c.Frame = q.frame
		out = append(out, c)
	}
	return out
}

// figureStart is a cheap test of whether a figure can start at token i.
func figureStart(s *Sentence, i int) bool {
	switch s.Toks[i].Kind {
	case textutil.Number:
		return true
	case textutil.Word:
		w := s.Lower[i]
		return w == "a" || len(w) >= 3 && strings.ContainsRune("otfsen", rune(w[0])) && s.fact(i).number
	}
	return false
}

// notACount drops numbers that are not quantities: years, ages, ordinals,
// money, times, references ("Section 304", "Street 204", "COVID-19"),
// and "the two" of a reference to things already named.
func notACount(s *Sentence, f figure) bool {
	t, low := s.Toks, s.Lower
	n := len(t)
	i, j := f.i, f.j
	if yearLike(s, i, j) {
		return true
	}
	if j < n && (low[j] == "th" || low[j] == "st" || low[j] == "nd" || low[j] == "rd") && !t[j-1].SpaceAfter {
		return true // an ordinal
	}
	if j < n && (strings.HasPrefix(low[j], "year") || strings.HasPrefix(low[j], "-year")) {
		return true // an age
	}
	if j+1 < n && t[j].Text == "-" && (strings.HasPrefix(low[j+1], "year") || strings.HasPrefix(low[j+1], "month") ||
		low[j+1] == "member" || low[j+1] == "storey" || low[j+1] == "story" || low[j+1] == "page") {
		return true // "18-year-old", "30-member team", "1-200-page"
	}
	if i > 0 && (low[i-1] == "aged" || low[i-1] == "age") {
		return true
	}
	if i > 0 && strings.ContainsAny(t[i-1].Text, "#$€£¥₹") || i > 0 && (low[i-1] == "rs" || low[i-1] == "inr" || low[i-1] == "no") {
		return true // money, a number sign
	}
	if j < n {
		if e, _, ok := lexicon.Word(low[j], lexicon.Noun); ok && e.Has(tagMoney) {
			return true // "2.3 million yuan", "50,000 rupees"
		}
	}
	if i > 0 && t[i].Kind == textutil.Word && (low[i-1] == "the" || low[i-1] == "these" || low[i-1] == "those") {
		return true // "the two governments": a reference, not a count
	}
	if label(s, i) {
		return true
	}
	if j+1 < n && (low[j] == "more" || low[j] == "fewer" || low[j] == "less") && low[j+1] == "than" {
		return true // "630 more than the official toll": a difference
	}
	return clockLike(s, j)
}

// yearLike reports whether a four-digit number in 1800–2199 is a year in
// its context: after a preposition or a month ("in 2012", "since 1990",
// "September 2012"), before a dash of a list ("1990 - 1427 pilgrims"), or
// naming an event ("the 2008 earthquake"). Before a plural noun it is a
// count: "2000 people were killed".
func yearLike(s *Sentence, i, j int) bool {
	if _, ok := isYear(s.Toks[i]); !ok || j != i+1 {
		return false
	}
	low := s.Lower
	if j < len(low) && isPluralNoun(s, j) {
		return false
	}
	if i == 0 || i == sentenceStart(s) {
		return true
	}
	p := low[i-1]
	return yearPreps[p] || textutil.Month(p) != 0 || p == "," || p == "(" || s.Toks[i-1].Kind == textutil.Number ||
		(j < len(low) && (s.Toks[j].Text == "-" || s.Toks[j].Text == "–"))
}

// label reports whether the number at i is a reference rather than a
// count: right after a noun that it labels ("Section 304", "Street 204",
// "Flight 370", "sections 304, 308 and 114"), or joined by a hyphen to a
// capitalised code ("COVID-19", "C-130").
func label(s *Sentence, i int) bool {
	t, low := s.Toks, s.Lower
	if i == 0 {
		return false
	}
	if t[i-1].Text == "-" && i > 1 && t[i-2].Kind == textutil.Word && (t[i-2].AllCaps() || t[i-2].Cap() && len(t[i-2].Text) <= 2) && !t[i-2].SpaceAfter {
		return true
	}
	k := i - 1
	// back over a list of labels: "sections 304, 308 and 114"
	for k > 0 && (t[k].Text == "," || low[k] == "and" || low[k] == "or") && t[k-1].Kind == textutil.Number && !s.Taken(k-1, k) && label(s, k-1) {
		k -= 2
	}
	if k < 0 || k >= i || t[k].Kind != textutil.Word {
		return false
	}
	w := low[k]
	if isFunction(w) || qualifierEnd[w] || t[k].AllCaps() && len(w) > 1 && countryName(w) == "" {
		return false
	}
	if t[k].Cap() {
		// "Street 204", "Flight 370"; not "and Peru 465" in a list of
		// countries (countryLists reads it); "March 2022" is a date
		if countryName(w) != "" && k > 0 && (low[k-1] == "and" || low[k-1] == ",") {
			return false
		}
		return k != sentenceStart(s) || textutil.Month(w) == 0
	}
	if l := nounLemma(w); l != "" && verbLemma(w) == "" && !measureNouns[l] {
		if e, ok := lexicon.Lookup(l); ok && !e.Has(tagPerson) && !e.Has(tagIncident) {
			return true // "sections 304", "page 5"
		}
	}
	return false
}

// qualifierEnd are the last words of qualifiers, which may stand right
// before a count.
var qualifierEnd = func() map[string]bool {
	m := map[string]bool{}
	for _, ws := range qualifierWords {
		m[ws[len(ws)-1]] = true
	}
	return m
}()

// clockLike reports whether the token at j makes the number before it a
// time of day ("3 pm", "0830 GMT", "2102 HRS").
func clockLike(s *Sentence, j int) bool {
	if j >= len(s.Toks) {
		return false
	}
	w := strings.ReplaceAll(s.Lower[j], ".", "")
	_, zone := zones[w]
	return w == "am" || w == "pm" || w == "hrs" || w == "hours" && s.Toks[j].AllCaps() || zone && s.Toks[j].AllCaps()
}

// yearPreps may precede a bare year ("in 2019", "since 2020").
var yearPreps = words(`in since by until till from during before after of early late mid around circa between and to
year throughout the`)

func isYear(t textutil.Token) (int, bool) {
	if t.Kind != textutil.Number || len(t.Text) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(t.Text)
	return y, err == nil && y >= 1800 && y <= 2199
}

// coordinate shares what coordination shares between a sentence's
// figures: a predicate said once for a list ("sending 2,000 tents, 3,000
// beds and 3,000 coats"; "12 firefighters and five policemen were
// killed"), a counted noun left out ("12,000 houses toppled and 30,000
// damaged"), and being part of a larger figure ("including 67 firefighters
// and seven policemen").
func coordinate(s *Sentence, qs []*qclaim) {
	countryLists(s, qs)
	// "four Turkish pilgrims … died, only two of them were killed in the
	// stampede": "of them" counts what the figure before counts; a part
	// with a predicate of its own ("60 of them had serious injuries") is
	// no longer a part of the same count
	for k := 1; k < len(qs); k++ {
		b := qs[k]
		if !b.ofThem {
			continue
		}
		for m := k - 1; m >= 0; m-- {
			if a := qs[m]; a.person && !a.measure {
				b.frame.Measure, b.frame.Group, b.person = a.frame.Measure, a.frame.Group, true
				if b.own && a.frame.Predicate != "" && b.frame.Predicate != a.frame.Predicate {
					b.frame.Part = false
				}
				break
			}
		}
	}
	// "A total of 165 people, including 99 firefighters and 11 policemen,
	// were killed": a part takes what happened from its whole
	for k := 1; k < len(qs); k++ {
		b := qs[k]
		if !b.including || b.frame.Predicate != "" {
			continue
		}
		for m := k - 1; m >= 0; m-- {
			if a := qs[m]; !a.including && !a.measure {
				if a.frame.Predicate == "" {
					break
				}
				b.frame.Predicate, b.predAt = a.frame.Predicate, a.predAt
				if b.frame.Measure == "" {
					b.frame.Measure, b.person = a.frame.Measure, a.person
				}
				break
			}
		}
	}
	for k := 1; k < len(qs); k++ {
		a, b := qs[k-1], qs[k]
		// "(6 miles)", "(764 feet)": a conversion says what its figure says
		if a.measure && b.measure && b.fig.start > 0 && s.Toks[b.fig.start-1].Text == "(" && b.fig.start-1 == a.end && a.fig.v.Dim == b.fig.v.Dim {
			b.frame, b.predAt = a.frame, a.predAt
			b.unsure = "a conversion in parentheses of the figure before it"
			if b.fig.v.Qualifier == "" && a.fig.v.Qualifier != "" { // "about 5 km (3 miles)": as approximate
				q := a.fig.v.Qualifier
				b.fig.v.Qualifier = q
				b.fig.v.Lo, b.fig.v.Hi = b.fig.v.Lo*0.9, b.fig.v.Hi*1.1
			}
			continue
		}
		if !coordinated(s, a, b) {
			continue
		}
		// "85 firefighters and 10 other people": the rest of a whole given in parts
		if b.other && a.person && a.frame.Measure != "person" {
			b.frame.Part = true
		}
		if b.frame.Predicate == "" && a.frame.Predicate != "" && !a.measure {
			b.frame.Predicate, b.frame.Part = a.frame.Predicate, b.frame.Part || a.frame.Part
			b.predAt = a.predAt // one verb governs the list: "sending 2,000 tents, 3,000 beds"
			if b.frame.Measure == "" {
				b.frame.Measure, b.person = a.frame.Measure, a.person
			}
		}
		if b.head < 0 && !a.measure && a.frame.Measure != "" && (b.frame.Measure == "" || b.frame.Measure == "person" && a.person) {
			// "131 Peruvians were killed, 83 were injured": the noun left out is the one before
			b.frame.Measure, b.person, b.frame.Group = a.frame.Measure, a.person, a.frame.Group
		}
		if a.frame.Part {
			b.frame.Part = true
		}
	}
	for k := len(qs) - 2; k >= 0; k-- {
		a, b := qs[k], qs[k+1]
		if !coordinated(s, a, b) || b.measure {
			continue
		}
		if a.frame.Predicate == "" && b.frame.Predicate != "" {
			a.frame.Predicate = b.frame.Predicate
			if b.predAt > b.fig.start {
				a.predAt = b.predAt // "12 firefighters and five policemen were killed"
			}
		}
		// "122 killed, 180 missing and 1,300 injured in Idlib District"
		if a.frame.Place == "" && b.frame.Place != "" && a.frame.Predicate != "" {
			a.frame.Place = b.frame.Place
		}
	}
}

// countryLists reads a figure given for a country in a list, its noun
// left out: "Peru has 465 of its pilgrims killed, while Bolivia had 146
// and Chile 100", "… the 769 killed, followed by Bolivia with 75". It
// counts what the figure before it counts, for that country.
func countryLists(s *Sentence, qs []*qclaim) {
	for k := 1; k < len(qs); k++ {
		b := qs[k]
		if b.frame.Predicate != "" || b.head >= 0 || b.measure {
			continue
		}
		c := countryBefore(s, b.fig.start)
		if c == "" {
			continue
		}
		for m := k - 1; m >= 0; m-- {
			if a := qs[m]; a.person && !a.measure && humanPredicates[a.frame.Predicate] {
				b.frame.Measure, b.frame.Predicate, b.person, b.frame.Group = a.frame.Measure, a.frame.Predicate, true, c
				b.predAt = a.predAt
				break
			}
		}
	}
}

// listVerbs may stand between a country and its figure in a list.
var listVerbs = words(`had has have lost with suffered counted recorded reported`)

// countryBefore is the country named right before the figure at i, after
// a conjunction or a comma ("while Bolivia had 146", "and Chile 100",
// "followed by Bolivia with 75"), or "".
func countryBefore(s *Sentence, i int) string {
	k := i - 1
	if k >= 0 && listVerbs[s.Lower[k]] {
		k--
	}
	if k < 1 || !s.Toks[k].Cap() {
		return ""
	}
	c := countryName(s.Lower[k])
	switch s.Lower[k-1] {
	case "while", "whereas", "and", ",", "by", "against":
		return c
	}
	return ""
}

// coordinated reports whether figure b follows figure a in a list: only
// commas, "and", "or", "besides", "plus" between a's noun phrase (or its
// own predicate) and b.
func coordinated(s *Sentence, a, b *qclaim) bool {
	from := max(a.npEnd, a.end, a.predEnd)
	if from > b.fig.start {
		return false
	}
	seen := false
	for k := from; k < b.fig.start; k++ {
		switch s.Lower[k] {
		case ",", "and", "or", "besides", "plus", "while", "with", "as", "well", "including":
			seen = true
		default:
			return false
		}
	}
	return seen
}
