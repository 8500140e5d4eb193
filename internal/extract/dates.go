package extract

import (
	"strconv"
	"strings"
	"time"

	"dossier/internal/lexicon"
	"dossier/internal/model"
	"dossier/internal/textutil"
)

// dates finds calendar dates: "October 19, 2023", "Oct. 29", "3 August
// 2014", "late October 2025", "mid-October", "in 2019", "since 2020",
// "2014-08-03", and weekdays or "yesterday"/"today", which are resolved
// against the article's publication date when it has one.
type dates struct{}

func (dates) Name() string { return "dates" }

// monthPreps may precede a bare month name ("in October", "the October raid").
var monthPreps = words(`in during since until by early late mid of this last next the from that`)

func (dates) Extract(s *Sentence, out []model.Claim) []model.Claim {
	for i := 0; i < len(s.Toks); i++ {
		if !dateStart(s, i) {
			continue
		}
		v, j, ok := parseDate(s, i)
		if !ok || s.Taken(i, j) {
			continue
		}
		c := s.Claim(model.KindDate, i, j)
		c.Date = &v
		switch {
		case s.report != "":
			c.Report = s.report
		case i < s.story:
			c.Report = "dateline"
			if v.Year == 0 && !s.Published.IsZero() {
				c.Date.Year = s.Published.Year() // the report's own year
			}
		case i > 0 && stampLabel[s.Lower[i-1]], labelled(s, i):
			c.Report = "stamp"
		case v.Precision() >= 2 || v.Weekday != 0:
			whenFrame(s, &c, i, j)
		case v.Year != 0 && !v.Since:
			// a year alone dates what was done to a thing ("inaugurated in
			// 1880"), never the incident: "the quake killed 1,400 in 1974"
			if verb, thing, sure := actAnchor(s, i, j); verb != "" {
				c.Predicate, c.Event, c.Measure, c.Sure = "when", verb, thing, sure
				c.EventText = actText(s, i, verb)
			}
		}
		out = append(out, c)
		i = j - 1
	}
	return out
}

// labelled reports whether the date at i is a label's value at the start
// of a line: "发布时间:2014-08-14", "Posted on: Aug 3".
func labelled(s *Sentence, i int) bool {
	if i == 0 || s.Toks[i-1].Text != ":" {
		return false
	}
	for k := i - 2; k >= 0 && k >= i-5; k-- {
		if k == 0 || newlineBefore(s, k) {
			return true
		}
		if s.Toks[k].Kind != textutil.Word {
			return false
		}
	}
	return false
}

// stampLabel words before a date make it the report's stamp: "date
// 2022-10-30", "Updated: Sep 25".
var stampLabel = words(`date dated updated published posted modified`)

// whenFrame fills the frame of a date or time the sentence ties to an
// event: an incident ("the October 19 raid", "the quake struck on
// Sunday", "the ferry sank on Monday"), or something done to a thing ("the
// bridge was inaugurated on February 20, 1879", "the contract had been
// given to the group in 2020"). A date tied to nothing is when the
// sentence's figures hold (asOf), not an event.
func whenFrame(s *Sentence, c *model.Claim, i, j int) {
	if ev := eventAnchor(s, i, j); ev != "" {
		c.Predicate, c.Event = "when", ev
		c.Sure = true
		if d := c.Date; d.Weekday != 0 && d.Month == 0 {
			c.Sure, c.Unsure = false, "a weekday in a report with no date: which week is not said"
		}
		if d := c.Date; d.DayLo != 0 && d.DayLo != d.DayHi {
			c.Sure, c.Unsure = false, "\"early\", \"mid\" or \"late\" in a month is no exact range"
		}
		if nn := incidentAt(s, ev, i, j); nn >= 0 {
			c.Other = priorModifier(s, nn)
		}
		return
	}
	if verb, thing, sure := actAnchor(s, i, j); verb != "" {
		c.Predicate, c.Event, c.Measure, c.Sure = "when", verb, thing, sure
		c.EventText = actText(s, i, verb)
		if !sure {
			c.Unsure = "what was done is read from a verb some words away"
		}
	}
}

// incidentAt is the index of the incident noun ev near the date at [i, j),
// or -1.
func incidentAt(s *Sentence, ev string, i, j int) int {
	best, dist := -1, 1<<30
	for k := range s.Lower {
		if l, ok := s.incidentAt(k); ok && l == ev {
			d := k - j
			if k < i {
				d = i - k
			}
			if d < dist {
				best, dist = k, d
			}
		}
	}
	return best
}

// actVerbs are not events in themselves: saying, reporting and figures
// changing ("said on Tuesday", "rose to 589 on Wednesday"), and light
// verbs that do nothing to a thing by themselves ("became", "kept").
var actVerbs = words(`be have do say tell report announce add rise climb jump reach stand increase put raise
confirm state quote claim estimate expect believe show see get go come become remain seem keep serve
make include`)

// actAnchor ties a date to a verb done to a common-noun thing in its
// clause: "the bridge was inaugurated on February 20, 1879", "the
// contract … had been given to Acme Group in 2020", "Acme Group was given
// the contract … in March 2022". It returns the verb's lemma, the thing's,
// and whether the verb stands right before the date (with only a
// preposition, an adverb or a name between).
func actAnchor(s *Sentence, i, j int) (verb, thing string, sure bool) {
	low := s.Lower
	if i > 0 && (relativeTo[low[i-1]] || low[i-1] == "by") {
		return "", "", false // "till Saturday", "by Monday": a deadline, not when it was done
	}
	for v := i - 1; v >= 0 && v >= i-12; v-- {
		if clauseBreak[low[v]] || low[v] == "," && v < i-1 {
			return "", "", false
		}
		if s.Toks[v].Kind != textutil.Word || s.Toks[v].Cap() || !isParticiple(low[v]) {
			continue
		}
		near := i-v <= 8
		l := s.fact(v).verb
		if l == "" || actVerbs[l] || s.fact(v).said || !actClass(l) {
			return "", "", false
		}
		// the thing it was done to: the subject before ("the bridge was
		// inaugurated") or the object after ("was given the contract")
		thing := themeBefore(s, v)
		if thing == "" {
			thing = thingAfter(s, v+1)
		}
		if thing == "" {
			return "", "", false
		}
		return l, thing, near
	}
	return "", "", false
}

// actText is the verb of lemma verb as written before token i.
func actText(s *Sentence, i int, verb string) string {
	for v := i - 1; v >= 0 && v >= i-12; v-- {
		if s.fact(v).verb == verb {
			return s.Lower[v]
		}
	}
	return verb
}

// actClass reports whether a verb does something to a thing (build,
// inaugurate, give, open), not say, think or perceive it.
func actClass(l string) bool {
	e, ok := lexicon.Lookup(l)
	if !ok {
		return false
	}
	switch e.VClass {
	case "communication", "cognition", "perception", "emotion", "stative", "body", "weather":
		return false
	}
	return true
}

// themeBefore is the lemma of the singular common noun a verb at v is said
// of: the subject of its clause ("the bridge was inaugurated", "The
// contract for the renovation of the bridge had been given", "The bridge
// was built … and was inaugurated", "On October 31, a 140-year-old cable
// bridge … collapsed"). "" when the subject is a name, a pronoun or a
// plural ("houses collapsed": a consequence, not one thing's event).
func themeBefore(s *Sentence, v int) string {
	low := s.Lower
	start := sentenceStart(s)
	for m := v - 1; m > start; m-- {
		w := low[m]
		if w == ";" || w == ":" || newlineBefore(s, m) {
			start = m
			if w == ";" || w == ":" {
				start = m + 1
			}
			break
		}
		// "…, and the bridge was": a new clause; "… and was inaugurated"
		// or "long and 1.5 metres wide" is not
		if (w == "and" || w == "but" || w == "while") && m+1 < v && (determiners[low[m+1]] || pronouns[low[m+1]] || s.Toks[m+1].Cap()) {
			start = m + 1
			break
		}
		// a relative or complement clause has a subject of its own: "for
		// which work began", "that the police had detained"
		if w == "which" || w == "who" || w == "that" || w == "where" {
			start = m + 1
			break
		}
	}
	k := start
	// a leading adverbial: "On October 31, …", "In 2012, …", "after this accident, …"
	if k < v && (prepositions[low[k]] || conjunctions[low[k]]) {
		for m := k; m < v; m++ {
			if low[m] == "," {
				k = m + 1
				break
			}
		}
	}
	det := false
	for k < v && determiners[low[k]] {
		k, det = k+1, true
	}
	head := ""
	for m := k; m < v; m++ {
		t := s.Toks[m]
		if t.Kind == textutil.Number || t.Text == "-" || t.Kind == textutil.Word && (adjective(low[m]) && s.fact(m).noun == "" || strings.HasSuffix(low[m], "-old")) {
			continue
		}
		// after "the", a word is a noun even when it is also a pronoun ("the mine")
		function := isFunction(low[m]) && !(det && m == k && lexiconNoun(low[m]))
		if t.Kind != textutil.Word || function || auxiliaries[low[m]] || isParticiple(low[m]) && head != "" {
			break
		}
		if t.Cap() {
			if head == "" && m == k {
				return "" // a name is not a thing an event happens to
			}
			continue
		}
		if isPluralNoun(s, m) {
			return ""
		}
		if l := s.fact(m).noun; l != "" {
			head = l
		} else if det && m == k && lexiconNoun(low[m]) {
			head = low[m]
		}
	}
	return head
}

// namedSubject reports whether the verb at v follows a name right before
// it ("The KM Sinar Bangun capsized"): one thing, named.
func namedSubject(s *Sentence, v int) bool {
	return v > 0 && s.Toks[v-1].Kind == textutil.Word && s.Toks[v-1].Cap() && v-1 != sentenceStart(s) && !isFunction(s.Lower[v-1])
}

// lexiconNoun reports whether WordNet knows w as a noun, closed classes aside.
func lexiconNoun(w string) bool {
	_, ok := lexicon.Lemma(w, lexicon.Noun)
	return ok
}

// dateStart is a cheap test of whether a date can start at token i.
func dateStart(s *Sentence, i int) bool {
	t := s.Toks[i]
	switch {
	case t.Kind == textutil.Number:
		return true
	case t.Kind != textutil.Word:
		return false
	case t.Cap():
		return true
	}
	switch w := s.Lower[i]; w {
	case "early", "mid", "late", "yesterday", "today", "last", "this":
		return true
	default:
		return strings.HasPrefix(w, "mid-")
	}
}

// future reports whether the weekday at i is in a clause about the
// future: "will be sent home on Sunday", "is expected to end on Friday",
// "next Monday".
func future(s *Sentence, i int) bool {
	for k := i - 1; k >= 0 && k >= i-20; k-- {
		switch s.Lower[k] {
		case "will", "shall", "expected", "scheduled", "planned", "next", "due":
			return true
		case ";", ",", "said", "says":
			return false
		}
	}
	return false
}

var fullMonth = words(`january february march april may june july august september october november december`)

var seasons = map[string]int{"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}

// seasonYear is the year of "last <season>" or "this <season>" said on
// day pub. Winter is named by the year it starts in.
func seasonYear(pub time.Time, season int, last bool) int {
	y, m := pub.Year(), int(pub.Month())
	// the season pub falls in, and the year it started
	cur, curY := 0, y
	switch {
	case m >= 3 && m <= 5:
		cur = 21
	case m >= 6 && m <= 8:
		cur = 22
	case m >= 9 && m <= 11:
		cur = 23
	default:
		cur = 24
		if m <= 2 {
			curY = y - 1
		}
	}
	if !last {
		if season >= cur {
			return curY
		}
		return curY + 1
	}
	// "last": the most recent such season that has ended
	if season < cur {
		return curY
	}
	return curY - 1
}

func dayNumber(t textutil.Token) (int, bool) {
	if t.Kind != textutil.Number || len(t.Text) > 2 {
		return 0, false
	}
	d, err := strconv.Atoi(t.Text)
	return d, err == nil && d >= 1 && d <= 31
}

// monthAt reads a month name at i (with an optional abbreviation dot) and
// returns the month and the index after it.
func monthAt(s *Sentence, i int) (int, int) {
	if i >= len(s.Toks) || s.Toks[i].Kind != textutil.Word {
		return 0, i
	}
	m := textutil.Month(s.Lower[i])
	if m == 0 {
		return 0, i
	}
	full := fullMonth[s.Lower[i]]
	if !s.Toks[i].Cap() {
		return 0, i
	}
	j := i + 1
	if !full && j < len(s.Toks) && s.Toks[j].Text == "." {
		j++
	}
	return m, j
}

// parseDate reads a date starting at token i.
func parseDate(s *Sentence, i int) (model.DateValue, int, bool) {
	var v model.DateValue
	t := s.Toks
	n := len(t)
	low := s.Lower

	// ISO 8601: 2014-08-03
	if y, ok := isYear(t[i]); ok && i+4 < n && t[i+1].Text == "-" && t[i+3].Text == "-" && t[i+2].Kind == textutil.Number && t[i+4].Kind == textutil.Number {
		m, _ := strconv.Atoi(t[i+2].Text)
		d, _ := strconv.Atoi(t[i+4].Text)
		if m >= 1 && m <= 12 && d >= 1 && d <= 31 {
			return model.DateValue{Year: y, Month: m, DayLo: d, DayHi: d}, i + 5, true
		}
	}

	// early/mid/late + month, or "mid-October"
	part := ""
	start := i
	mi := i
	switch {
	case low[i] == "early" || low[i] == "mid" || low[i] == "late":
		part, mi = low[i], i+1
		if mi < n && t[mi].Text == "-" {
			mi++
		}
	case len(low[i]) > 4 && low[i][:4] == "mid-" && textutil.Month(low[i][4:]) != 0 && t[i].Kind == textutil.Word:
		v.Month, v.DayLo, v.DayHi = textutil.Month(low[i][4:]), 8, 22
		j := i + 1
		if j < n {
			if y, ok := isYear(t[j]); ok {
				v.Year = y
				j++
			}
		}
		return v, j, true
	}

	// weekday: "on Sunday", "Sunday, Aug. 3, 2014", "Sunday's quake"
	if wd := textutil.Weekday(strings.TrimSuffix(low[i], "'s")); wd >= 0 && t[i].Cap() && part == "" {
		j := i + 1
		if j+1 < n && t[j].Text == "," {
			if m, _ := monthAt(s, j+1); m != 0 {
				if d, k, ok := parseDate(s, j+1); ok {
					d.Weekday = wd + 1
					return d, k, true
				}
			}
		}
		prev := ""
		if i > 0 {
			prev = low[i-1]
		}
		next := ""
		if j < n {
			next = low[j]
		}
		// a weekday needs no cue word ("an official said Saturday"), but
		// one that starts a name is no date ("the Sunday Times")
		if j < n && s.Toks[j].Cap() && s.Toks[j].Kind == textutil.Word && textutil.Month(next) == 0 {
			return v, 0, false
		}
		_ = prev
		v.Weekday = wd + 1
		if s.Published.IsZero() {
			v.Relative = t[i].Text // a weekday of a week the report does not say
		}
		if !s.Published.IsZero() {
			back := (int(s.Published.Weekday()) - wd + 7) % 7
			if back == 0 && i > 0 && low[i-1] == "last" {
				back = 7 // "last Wednesday" said on a Wednesday is a week before
			}
			if future(s, i) {
				back = -((wd - int(s.Published.Weekday()) + 7) % 7) // "will be sent home on Sunday": the coming one
			}
			d := s.Published.AddDate(0, 0, -back)
			v = model.DateValue{Year: d.Year(), Month: int(d.Month()), DayLo: d.Day(), DayHi: d.Day(), Weekday: wd + 1, Relative: t[i].Text}
		}
		return v, j, true
	}

	// "last fall", "this spring": a season, resolved against a known
	// publication date (the latest such season that has ended, for "last";
	// the current or coming one, for "this"), else partial
	if (low[i] == "last" || low[i] == "this") && i+1 < n {
		if sn := seasons[low[i+1]]; sn != 0 {
			v := model.DateValue{Season: sn, Relative: low[i] + " " + low[i+1]}
			if !s.Published.IsZero() {
				v.Year = seasonYear(s.Published, sn, low[i] == "last")
			}
			return v, i + 2, true
		}
	}

	// yesterday / today, only against a known publication date
	if (low[i] == "yesterday" || low[i] == "today") && !s.Published.IsZero() {
		d := s.Published
		if low[i] == "yesterday" {
			d = d.AddDate(0, 0, -1)
		}
		return model.DateValue{Year: d.Year(), Month: int(d.Month()), DayLo: d.Day(), DayHi: d.Day(), Weekday: int(d.Weekday()) + 1, Relative: low[i]}, i + 1, true
	}

	// month-led: "October 19, 2023", "Oct. 29", "October 2025", "October"
	if m, j := monthAt(s, mi); m != 0 {
		v.Month = m
		// "early", "mid" and "late" are loose: the first half, the middle
		// fortnight and the second half, overlapping, so that "early
		// August" fits the 12th and only a different part of the month clashes
		switch part {
		case "early":
			v.DayLo, v.DayHi = 1, 15
		case "mid":
			v.DayLo, v.DayHi = 8, 22
		case "late":
			v.DayLo, v.DayHi = 16, lastDay(m)
		}
		if part == "" && j < n {
			if d, ok := dayNumber(t[j]); ok && !(j+1 < n && t[j+1].Text == ":") {
				v.DayLo, v.DayHi = d, d
				j++
				if j < n && (low[j] == "st" || low[j] == "nd" || low[j] == "rd" || low[j] == "th") {
					j++
				}
				k := j
				if k < n && t[k].Text == "," {
					k++
				}
				if k < n {
					if y, ok := isYear(t[k]); ok {
						v.Year = y
						j = k + 1
					}
				}
				return v, j, true
			}
		}
		if j < n {
			if y, ok := isYear(t[j]); ok {
				v.Year = y
				return v, j + 1, true
			}
		}
		if part != "" {
			return v, j, true
		}
		// a bare month needs a cue, and "May" a strong one
		prev := ""
		if start > 0 {
			prev = low[start-1]
		}
		nextIncident := j < n && IncidentNoun(low[j]) != ""
		if low[mi] == "may" || low[mi] == "march" {
			if prev != "in" && prev != "early" && prev != "late" && prev != "since" {
				return v, 0, false
			}
		} else if !monthPreps[prev] && !nextIncident {
			return v, 0, false
		}
		return v, j, true
	}
	if part != "" {
		// "late 2019"
		if mi < n {
			if y, ok := isYear(t[mi]); ok {
				return model.DateValue{Year: y}, mi + 1, true
			}
		}
		return v, 0, false
	}

	// day-led: "3 August 2014"
	if d, ok := dayNumber(t[i]); ok && i+1 < n {
		if m, j := monthAt(s, i+1); m != 0 {
			v.Month, v.DayLo, v.DayHi = m, d, d
			if j < n {
				if y, ok := isYear(t[j]); ok {
					v.Year = y
					j++
				}
			}
			return v, j, true
		}
	}

	// a bare year after a preposition: "in 2019", "since 2020", "the 2012 quake"
	if y, ok := isYear(t[i]); ok && i > 0 && yearPreps[low[i-1]] {
		if i+1 < n && t[i+1].Kind == textutil.Number {
			return v, 0, false
		}
		v.Year = y
		v.Since = low[i-1] == "since"
		return v, i + 1, true
	}
	return v, 0, false
}

func lastDay(m int) int {
	return time.Date(2001, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// eventAnchor finds the incident a date or time at tokens [i, j) is
// about, in the same sentence, and returns its noun's lemma:
//
//	"the October 19 raid"                    noun right after the date
//	"the raid took place around 3 AM on …"   noun, occurrence verb, then the date
//	"On Sunday, a strong earthquake struck"  the date, noun, then the verb
//	"the ferry sank on Monday"               a verb that names an incident
func eventAnchor(s *Sentence, i, j int) string { return eventAnchorWithin(s, i, j, 14) }

// eventAnchorWithin is eventAnchor with at most gap tokens between the
// occurrence verb and the mention.
func eventAnchorWithin(s *Sentence, i, j, gap int) string {
	low := s.Lower
	n := len(low)
	if i >= 2 && low[i-2] == "as" && low[i-1] == "of" {
		return "" // "as of August 7": the day a figure holds for
	}
	// (a) "the October 29 raid", "Sunday's 6.5-magnitude quake": the noun
	// after the date, past a few modifiers (figures, hyphens, adjectives);
	// a noun a full date modifies names an event even when WordNet knows
	// it otherwise ("the September 24 crush")
	if i > 0 && low[i-1] == "the" && j < n && !s.Toks[j].Cap() && s.Toks[j].Kind == textutil.Word && s.Toks[i].Kind != textutil.Number {
		if l := s.fact(j).noun; l != "" && !isFunction(low[j]) && !(j+1 < n && s.fact(j+1).noun != "" && !isFunction(low[j+1]) && !isParticiple(low[j+1])) {
			if e, ok := lexicon.Lookup(l); ok && !e.Has(tagTime) && !e.Has(tagPerson) {
				return l
			}
		}
	}
	for k := j; k < n && k <= j+4; k++ {
		tk := s.Toks[k]
		if tk.Kind == textutil.Word && !tk.Cap() {
			if ev, ok := s.incidentAt(k); ok && eventNoun(s, k) {
				return ev
			}
			if isFunction(low[k]) {
				break
			}
		} else if tk.Kind == textutil.Punct && tk.Text != "-" {
			break
		}
		if k > j && tk.Kind == textutil.Word && tk.Cap() {
			break
		}
	}
	// (b) noun … occurrence verb … date, in one clause: "The quake struck an
	// area of steep hills, and heavy rain on Tuesday …" is not the quake's day;
	// an event verb alone names the event: "the ferry sank on Monday"
	for v := i - 1; v >= 0 && v >= i-gap; v-- {
		if clauseBreak[low[v]] || s.fact(v).said {
			break // "where the explosion occurred, SANA said Thursday": the day of saying
		}
		if ev := eventVerb(s, v); ev != "" && v >= i-8 {
			return ev
		}
		// "the incident which claimed 141 lives on Sunday", "the quake
		// killed 81 people in 2012": an incident's toll verb dates it too
		if !occurrence(low[v]) && !(v >= i-8 && (low[v] == "claimed" || predicateOf(low[v], lexicon.Verb, false) == "killed")) {
			continue
		}
		for nn := v - 1; nn >= 0 && nn >= v-6; nn-- {
			if low[nn] == ";" {
				break
			}
			if ev, ok := s.incidentAt(nn); ok && !s.Toks[nn].Cap() && eventNoun(s, nn) {
				if weakOccurrence[low[v]] && v != nn+1 {
					break
				}
				return ev
			}
		}
	}
	// (d) "explosions in Latakia Port on the night of August 12": the
	// incident noun the date's phrase hangs from
	for nn := i - 1; nn >= 0 && nn >= i-8; nn-- {
		w := low[nn]
		if ev, ok := isIncidentNoun(w); ok && !s.Toks[nn].Cap() && eventNoun(s, nn) {
			return ev
		}
		if !(s.Toks[nn].Cap() || w == "on" || w == "in" || w == "at" || w == "of" || w == "the" || w == "night" ||
			w == "morning" || w == "evening" || w == "afternoon" || w == "early" || w == "late" || w == "around" || w == "about") {
			break
		}
	}
	// (e) "On October 31, a 140-year-old cable bridge … suddenly
	// collapsed": a date opening the clause of a verb that names an incident
	if i <= sentenceStart(s)+1 {
		for v := j; v < n && v <= j+24; v++ {
			if low[v] == ";" || clauseBreak[low[v]] && low[v] != "and" {
				break
			}
			if ev := eventVerb(s, v); ev != "" {
				return ev
			}
		}
	}
	if ev := circumstance(s, i); ev != "" {
		return ev
	}
	// (c) date … noun … occurrence verb; not "as of Monday morning after the
	// tremor rattled …", a date relative to the event
	for nn := j; nn < n && nn <= j+8; nn++ {
		if low[nn] == ";" || low[nn] == "." || relativeTo[low[nn]] || clauseBreak[low[nn]] {
			break
		}
		if ev, ok := s.incidentAt(nn); ok && !s.Toks[nn].Cap() && eventNoun(s, nn) {
			for v := nn + 1; v < n && v <= nn+3; v++ {
				if occurrence(low[v]) && !weakOccurrence[low[v]] || eventVerb(s, v) != "" {
					return ev
				}
			}
			break
		}
	}
	return ""
}

// circumstance is the incident a date at i is the day of when it stands
// in a clause of what was going on where or when the incident the
// sentence opens with happened (f): "A stampede occurred in the valley,
// where pilgrims were performing the rites Sept. 25" — a progressive verb
// in a "where", "when" or "while" clause. "" when not.
func circumstance(s *Sentence, i int) string {
	low := s.Lower
	c, progressive := -1, false
	for k := i - 1; k > 0; k-- {
		if low[k] == "where" || low[k] == "when" || low[k] == "while" {
			c = k
			break
		}
		if low[k] == ";" || low[k] == "." || low[k] == "but" || low[k] == "because" {
			return ""
		}
		if (low[k-1] == "was" || low[k-1] == "were") && strings.HasSuffix(low[k], "ing") {
			progressive = true
		}
	}
	if c < 0 || !progressive {
		return ""
	}
	start := sentenceStart(s)
	for nn := start; nn < c && nn <= start+4; nn++ {
		if ev, ok := s.incidentAt(nn); ok && !s.Toks[nn].Cap() || ok && nn == start {
			for v := nn + 1; v < c && v <= nn+3; v++ {
				if occurrence(low[v]) && !weakOccurrence[low[v]] {
					return ev
				}
			}
			return ""
		}
	}
	return ""
}

// eventVerb is the incident a verb at v names ("sank" → "sinking",
// "collapsed" → "collapse"), when its subject is one thing named right
// before it ("the ferry sank", "the bridge collapsed"): "houses collapsed"
// or "a car exploded" are consequences, not the incident. "" when none.
func eventVerb(s *Sentence, v int) string {
	w := s.Lower[v]
	if s.Toks[v].Cap() || !isParticiple(w) && !strings.HasSuffix(w, "s") || humanPredicates[predicateOf(w, lexicon.Verb, false)] {
		return "" // "injured", "killed": what happened to people, not the incident
	}
	e, _, ok := lexicon.Word(w, lexicon.Verb)
	if !ok || e.Noun == "" {
		return ""
	}
	theme := themeBefore(s, v)
	if theme == "" && !namedSubject(s, v) {
		return ""
	}
	if _, inc := isIncidentNoun(theme); inc {
		return theme // "the earthquake struck": the earthquake, not a strike
	}
	return e.Noun
}

// occurrenceVerbs say that an incident happened ("the raid took place",
// "the quake struck"); WordNet's happen.v.01 family adds the rest.
var occurrenceVerbs = words(`took take takes taking struck strikes hit hits began begins started starts erupted erupts broke
launched carried conducted came rattled jolted shook shakes jolts rocked rocks unfolded unfolds was were is`)

func occurrence(w string) bool {
	if occurrenceVerbs[w] {
		return true
	}
	e, _, ok := lexicon.Word(w, lexicon.Verb)
	return ok && e.Has(tagHappened) && !isFunction(w)
}

// weakOccurrence are occurrence words that only count right after the noun.
var weakOccurrence = words(`was were is came`)

// clauseBreak words end the clause an occurrence verb governs.
var clauseBreak = words(`; and but while whereas although though where when because`)

// relativeTo words make a date relative to an event rather than its date.
var relativeTo = words(`after before since following until till`)
