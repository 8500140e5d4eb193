package extract

import (
	"math"
	"strconv"
	"strings"

	"dossier/internal/model"
	"dossier/internal/textutil"
)

// quantities finds figures and what they count: "at least 150 people were
// killed", "the death toll rose to 398", "2,500 IS fighters", "five
// daughters", "a depth of 10 kilometres (6 miles)", "magnitude-6.1",
// "between 20 and 30 houses". A figure whose counted thing cannot be told is
// not emitted: it could not be compared with anything.
type quantities struct{}

func (quantities) Name() string { return "quantities" }

type unitDef struct {
	dim    string
	factor float64
}

var units = map[string]unitDef{
	"km": {"length", 1000}, "kilometers": {"length", 1000}, "kilometres": {"length", 1000}, "kilometer": {"length", 1000},
	"kilometre": {"length", 1000}, "kms": {"length", 1000}, "miles": {"length", 1609.344}, "mile": {"length", 1609.344},
	"mi": {"length", 1609.344}, "metres": {"length", 1}, "meters": {"length", 1}, "metre": {"length", 1}, "meter": {"length", 1},
	"m": {"length", 1}, "feet": {"length", 0.3048}, "foot": {"length", 0.3048}, "ft": {"length", 0.3048},
	"kg": {"mass", 1}, "kilograms": {"mass", 1}, "kilos": {"mass", 1}, "tonnes": {"mass", 1000}, "tons": {"mass", 1000},
	"%": {"percent", 1}, "percent": {"percent", 1},
}

// qualifiers before a figure, longest first.
var qualifiers = []struct {
	words string
	kind  string // "min", "max", "approx", "near"
}{
	{"no fewer than", "min"}, {"as many as", "max"}, {"in excess of", "min"}, {"at least", "min"}, {"more than", "min"},
	{"upwards of", "min"}, {"fewer than", "max"}, {"less than", "max"}, {"up to", "max"}, {"close to", "approx"},
	{"an estimated", "approx"}, {"over", "min"}, {"above", "min"}, {"exceeding", "min"}, {"passes", "min"},
	{"passed", "min"}, {"topped", "min"}, {"surpassed", "min"}, {"exceeded", "min"}, {"under", "max"}, {"below", "max"},
	{"nearly", "near"}, {"almost", "near"}, {"about", "approx"}, {"around", "approx"}, {"approximately", "approx"},
	{"roughly", "approx"}, {"some", "approx"}, {"estimated", "approx"}, {"approx", "approx"}, {"circa", "approx"},
}

// lookbackNouns before a figure name what it is ("a population of about 429,000").
var lookbackNouns = map[string]string{"population": "population", "toll": "deaths", "capacity": "capacity"}

func (quantities) Extract(s *Sentence) []model.Claim {
	var out []model.Claim
	t, low := s.Toks, s.Lower
	n := len(t)
	for i := 0; i < n; i++ {
		if s.Taken(i, i+1) {
			continue
		}
		num, j, ok := figure(s, i)
		if !ok || skipFigure(s, i, j) {
			continue
		}
		start := i
		v := model.QtyValue{Number: num, Lo: num, Hi: num}
		// ranges: "between 20 and 30", "20 to 30", "20-30"
		if i > 0 && low[i-1] == "between" && j+1 < n && low[j] == "and" {
			if hi, k, ok := figure(s, j+1); ok && hi > num {
				v.Hi, v.Qualifier, start, j = hi, "between", i-1, k
			}
		} else if j+1 < n && (t[j].Text == "-" || t[j].Text == "–") && !t[j-1].SpaceAfter && !t[j].SpaceAfter && t[j+1].Kind == textutil.Number {
			// "20-30"; "from 150 to 175" is a change, not a range
			if hi, k, ok := figure(s, j+1); ok && hi > num {
				v.Hi, v.Qualifier, j = hi, "between", k
			}
		}
		if v.Qualifier == "" {
			if q, kind, k := qualifierBefore(s, i); q != "" {
				v.Qualifier, start = q, k
				switch kind {
				case "min":
					v.Hi = -1
				case "max":
					v.Lo = 0
				case "approx":
					v.Lo, v.Hi = num*0.9, num*1.1
				case "near":
					v.Lo = num * 0.85
				}
			}
		}
		subject := ""
		// magnitude: "magnitude-6.1", "6.5-magnitude", "magnitude 6.5"
		if isMagnitude(s, i, j) {
			subject = "magnitude"
		}
		// unit
		if subject == "" && j < n {
			u := low[j]
			if u == "per" && j+1 < n && low[j+1] == "cent" {
				u = "percent"
				j++
			}
			if def, ok := units[u]; ok && !(u == "m" && t[j].Cap()) {
				v.Unit, v.Dim = t[j].Text, def.dim
				half := halfUnit(t[i].Text)
				lo, hi := v.Lo, v.Hi
				if v.Qualifier == "" || v.Qualifier == "between" {
					lo, hi = lo-half, hi+half
				}
				v.Lo = lo * def.factor
				if hi >= 0 {
					hi *= def.factor
				}
				v.Hi = hi
				j++
				subject = measureSubject(s, start, j)
				if subject == "" {
					continue // a distance from what? not comparable
				}
			}
		}
		if subject == "" {
			subject = countedSubject(s, start, i, j)
		}
		if subject == "" {
			continue
		}
		c := s.Claim(model.KindQuantity, start, j)
		c.Qty = &v
		c.Subject = subject
		c.Scope = scopeOf(s, start, j)
		c.Authority = authority(s)
		out = append(out, c)
		i = j - 1
	}
	return out
}

// figure reads a number at token i: digits ("2,500", "6.1"), words
// ("five", "twenty-five"), with a scale ("2.5 million", "five hundred").
func figure(s *Sentence, i int) (float64, int, bool) {
	t, low := s.Toks, s.Lower
	var v float64
	switch t[i].Kind {
	case textutil.Number:
		f, err := strconv.ParseFloat(strings.ReplaceAll(t[i].Text, ",", ""), 64)
		if err != nil {
			return 0, 0, false
		}
		v = f
	case textutil.Word:
		w := low[i]
		if len(w) < 3 || !strings.ContainsRune("otfsen", rune(w[0])) {
			return 0, 0, false // no number word starts otherwise
		}
		for w != "" {
			p, rest, _ := strings.Cut(w, "-")
			n, ok := textutil.NumberWord(p)
			if !ok || p == "dozen" {
				return 0, 0, false
			}
			v += n
			w = rest
		}
		if v <= 1 {
			return 0, 0, false
		}
	default:
		return 0, 0, false
	}
	j := i + 1
	if j < len(t) {
		if sc, ok := textutil.ScaleWord(low[j]); ok {
			v *= sc
			j++
		}
	}
	return v, j, true
}

// skipFigure drops numbers that are not quantities: years, ages, ordinals,
// parts of names ("COVID-19", "Flight 370").
func skipFigure(s *Sentence, i, j int) bool {
	t, low := s.Toks, s.Lower
	n := len(t)
	if _, ok := isYear(t[i]); ok && j == i+1 {
		return true
	}
	if j < n && (low[j] == "th" || low[j] == "st" || low[j] == "nd" || low[j] == "rd") && !t[j-1].SpaceAfter {
		return true
	}
	if j < n && (strings.HasPrefix(low[j], "year") || strings.HasPrefix(low[j], "-year")) {
		return true
	}
	if j+1 < n && t[j].Text == "-" && (strings.HasPrefix(low[j+1], "year") || low[j+1] == "month-old") {
		return true
	}
	if i > 0 && t[i-1].Kind == textutil.Word && t[i-1].Cap() && i-1 > 0 && textutil.Month(low[i-1]) == 0 &&
		!strings.EqualFold(low[i-1], "magnitude") {
		return true
	}
	if i > 0 && t[i-1].Text == "-" && i > 1 && t[i-2].Kind == textutil.Word && t[i-2].AllCaps() {
		return true
	}
	if i > 0 && t[i].Kind == textutil.Word && (low[i-1] == "the" || low[i-1] == "these" || low[i-1] == "those") {
		return true // "the two governments": a reference, not a count
	}
	if i > 0 && (t[i-1].Text == "#" || t[i-1].Text == "$" || t[i-1].Text == "€" || t[i-1].Text == "£") {
		return true
	}
	return false
}

// qualifierWords are the qualifiers split into words, once.
var qualifierWords = func() [][]string {
	out := make([][]string, len(qualifiers))
	for i, q := range qualifiers {
		out[i] = strings.Fields(q.words)
	}
	return out
}()

func qualifierBefore(s *Sentence, i int) (string, string, int) {
	for qi, q := range qualifiers {
		ws := qualifierWords[qi]
		k := i - len(ws)
		if k < 0 {
			continue
		}
		match := true
		for x, w := range ws {
			if s.Lower[k+x] != w {
				match = false
				break
			}
		}
		if match {
			return q.words, q.kind, k
		}
	}
	return "", "", i
}

func isMagnitude(s *Sentence, i, j int) bool {
	low := s.Lower
	if !strings.Contains(s.Toks[i].Text, ".") && s.Toks[i].Kind == textutil.Number {
		f, _ := strconv.ParseFloat(s.Toks[i].Text, 64)
		if f > 10 {
			return false
		}
	}
	for _, k := range []int{i - 1, i - 2, j, j + 1} {
		if k >= 0 && k < len(low) && (low[k] == "magnitude" || low[k] == "magnitude-") {
			return true
		}
	}
	return false
}

// halfUnit is half of the last written digit's place: "6" → 0.5, "6.1" → 0.05.
func halfUnit(num string) float64 {
	if k := strings.IndexByte(num, '.'); k >= 0 {
		return 0.5 * math.Pow(10, -float64(len(num)-k-1))
	}
	return 0.5
}

// measureSubject names what a unit quantity measures: a measure noun
// shortly before ("at a depth of 10 km") or "deep" right after.
func measureSubject(s *Sentence, start, j int) string {
	for k := start - 1; k >= 0 && k >= start-5; k-- {
		// "at a depth of 10 km", "a magnitude of 6.1" (not "a mountainous area about 225 miles")
		if measureNouns[s.Lower[k]] && k+1 < len(s.Lower) && s.Lower[k+1] == "of" {
			return s.Lower[k]
		}
	}
	if j < len(s.Lower) {
		switch s.Lower[j] {
		case "deep", "below":
			return "depth"
		case "high", "tall":
			return "height"
		case "long":
			return "length"
		}
	}
	// "277 miles northeast of Kunming", "23 km from the county seat of Ludian"
	k := j
	for k < len(s.Lower) && (compass[s.Lower[k]] || s.Lower[k] == "-" || s.Lower[k] == "away") {
		k++
	}
	if k < len(s.Lower) && (s.Lower[k] == "of" || s.Lower[k] == "from") {
		k++
		for k < len(s.Lower) && (s.Lower[k] == "the" || placeNouns[s.Lower[k]] || s.Lower[k] == "seat" || s.Lower[k] == "of") {
			k++
		}
		// "of Yunnan's provincial capital, Kunming", "of the provincial capital, Kunming"
		name := capitalRun(s, &k)
		possessive := k > 0 && strings.HasSuffix(s.Lower[k-1], "'s")
		if len(name) == 0 || possessive {
			// an apposition: "of the provincial capital, Kunming"
			m := k
			for m < len(s.Toks) && m < k+4 && s.Toks[m].Kind == textutil.Word && !s.Toks[m].Cap() && !textutil.FunctionWords[s.Lower[m]] {
				m++
			}
			if m < len(s.Toks) && s.Toks[m].Text == "," {
				m++
				if apposed := capitalRun(s, &m); len(apposed) > 0 {
					name = apposed
				}
			}
		}
		// "Ludian County" is "Ludian"
		for len(name) > 1 && placeNouns[name[len(name)-1]] {
			name = name[:len(name)-1]
		}
		if len(name) > 0 {
			return "distance to " + strings.Join(name, " ")
		}
	}
	return ""
}

// capitalRun reads capitalised words from *k on, advancing it.
func capitalRun(s *Sentence, k *int) []string {
	var name []string
	for *k < len(s.Toks) && s.Toks[*k].Kind == textutil.Word && s.Toks[*k].Cap() {
		name = append(name, stripAffix(s.Lower[*k]))
		*k++
	}
	return name
}

// stateWords after a counted thing split it by what happened to it:
// "12,000 houses collapsed and 30,000 damaged" are two counts.
var stateWords = map[string]string{"collapsed": "collapsed", "destroyed": "collapsed", "flattened": "collapsed",
	"razed": "collapsed", "toppled": "collapsed", "damaged": "damaged"}

// withState refines a counted thing by a state word within the next few
// words ("houses collapsed", "homes were damaged"); other nouns are kept.
func withState(s *Sentence, j int, noun string) string {
	if noun != "houses" && noun != "buildings" && noun != "schools" && noun != "roads" && noun != "bridges" {
		return noun
	}
	for m := j; m < len(s.Lower) && m < j+5; m++ {
		if st, ok := stateWords[s.Lower[m]]; ok {
			return noun + " " + st
		}
		if s.Toks[m].Kind == textutil.Number || s.Toks[m].Text == ";" {
			break
		}
	}
	return noun
}

// countedSubject tells what a count counts: the head noun after it, refined
// by a casualty word near it ("people were killed" → deaths); else a noun
// it hangs off ("a population of", "the toll rose to"), else the nearest
// plural noun before it in the clause ("attacks … from 1,038 to 375").
func countedSubject(s *Sentence, start, i, j int) string {
	t, low := s.Toks, s.Lower
	n := len(t)
	noun, role := "", ""
	// "a capacity of 43 passengers", "a population of 429,000": the noun the
	// figure hangs off decides
	if start >= 2 && low[start-1] == "of" {
		if sub, ok := lookbackNouns[low[start-2]]; ok {
			return sub
		}
	}
	// a casualty verb right before the figure decides: "killing 80 people
	// and injuring more than 800"
	if start > 0 && (strings.HasSuffix(low[start-1], "ing") || strings.HasSuffix(low[start-1], "ed")) &&
		!(j < n && isPlural(t[j]) && !humanNouns[low[j]]) { // not "missing about 36 hours"
		if r, ok := casualtyRoles[low[start-1]]; ok {
			role = r
			// "killed 10 soldiers": the group counted
			for m := j; m < n && m < j+3 && t[m].Kind == textutil.Word; m++ {
				if humanNouns[low[m]] {
					noun = low[m]
					break
				}
				if !t[m].Cap() {
					break
				}
			}
		}
	}
	k := j
	for ; k < n && k < j+4 && role == ""; k++ {
		if t[k].Kind != textutil.Word {
			if t[k].Text == "-" && k+1 < n {
				continue
			}
			break
		}
		w := low[k]
		if r, ok := casualtyRoles[w]; ok {
			role = r
			break
		}
		if notCounted[w] {
			return "" // "36 hours", "five times"
		}
		if humanNouns[w] || isPlural(t[k]) {
			noun = w
			continue
		}
		if t[k].Cap() {
			continue // a modifier: "2,500 IS fighters", "1,000 US troops"
		}
		if (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")) && k+1 < n && isPlural(t[k+1]) {
			continue // a modifier: "3,000 folding beds"
		}
		if textutil.FunctionWords[w] || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed") {
			break
		}
		if w == "police" {
			noun = w
		}
	}
	if role == "" && (noun == "" || humanNouns[noun]) {
		// "were killed", "people died", "have been injured"
		for m := k; m < n && m <= k+3; m++ {
			if r, ok := casualtyRoles[low[m]]; ok {
				role = r
				break
			}
			if t[m].Kind != textutil.Word {
				break
			}
		}
		// "killing 80 people", "injuring more than 800", "the toll rose to 398"
		if role == "" {
			for m := start - 1; m >= 0 && m >= start-5; m-- {
				if r, ok := casualtyRoles[low[m]]; ok && (noun == "" || humanNouns[noun]) {
					role = r
					break
				}
				if sub, ok := lookbackNouns[low[m]]; ok && noun == "" {
					return sub
				}
				// "licensed to carry 60", "designed to hold 200": a capacity
				if (low[m] == "carry" || low[m] == "hold" || low[m] == "accommodate" || low[m] == "seat") && m > 0 && low[m-1] == "to" && m >= start-2 {
					return "capacity"
				}
				if t[m].Text == "." || t[m].Text == ";" {
					break
				}
			}
		}
	}
	if role != "" && (noun == "" || humanNouns[noun]) {
		if noun != "" && !genericHuman[noun] {
			if syn, ok := nounSynonyms[noun]; ok {
				noun = syn
			}
			return role + " of " + noun // a group's count: "deaths of children"
		}
		return role
	}
	if noun != "" {
		if humanNouns[noun] && (noun == "people" || noun == "others") {
			return "" // "150 people" with no role says nothing comparable
		}
		if syn, ok := nounSynonyms[noun]; ok {
			noun = syn
		}
		return withState(s, j, noun)
	}
	// "Death toll in southern China quake rises to 589": the toll, not "rises"
	for m := start - 1; m >= 0 && m >= start-10; m-- {
		if low[m] == "toll" {
			return "deaths"
		}
		if t[m].Text == "," || t[m].Text == ";" || t[m].Kind == textutil.Number {
			break
		}
	}
	// back in the clause: "IS attacks have dropped, from 1,038 last year to 375"
	if k == j || (k < n && (textutil.FunctionWords[low[k]] || low[k] == "last" || low[k] == "so")) {
		for m := start - 1; m >= 0 && m >= start-12; m-- {
			if t[m].Text == ";" || t[m].Text == ":" || (t[m].Kind == textutil.Number && m+1 < n && isPlural(t[m+1])) {
				break // "2,000 tents, 3,000 …": the noun of another figure
			}
			if t[m].Kind == textutil.Word && isPlural(t[m]) && !t[m].Cap() && !notCounted[low[m]] {
				noun := low[m]
				if syn, ok := nounSynonyms[noun]; ok {
					noun = syn
				}
				return withState(s, j, noun)
			}
		}
	}
	return ""
}

// isPlural guesses whether a lower-case word is a plural noun.
func isPlural(t textutil.Token) bool {
	w := t.Lower()
	if t.Kind != textutil.Word || t.Cap() || len(w) < 4 || !strings.HasSuffix(w, "s") || notPlural[w] {
		return false
	}
	for _, suf := range []string{"ss", "us", "is", "ous", "'s", "ics"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	return true
}

var subordinators = words(`although though while whereas after before despite even since once when`)

// scopeOf finds a time scope for a figure in its sentence: "last year",
// "this year", "since 2020", "in 1974", "In September 2012, …". Years of
// relative phrases are resolved against the publication date when known.
func scopeOf(s *Sentence, start, j int) string {
	t, low := s.Toks, s.Lower
	n := len(t)
	best, bestDist := "", 1<<30
	if other := otherIncident(s); other != "" {
		return other // "in a separate attack, five people were killed"
	}
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
			// "the 2008 Wenchuan Earthquake …, which killed more than
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
			}
			consider(sc, m)
		}
	}
	if best == "" {
		return lead
	}
	return best
}

// otherIncident names a different incident the sentence is about ("a
// separate attack", "another raid", "a similar blast"), so its figures do
// not count toward the main one: "another attack".
func otherIncident(s *Sentence) string {
	for m := 1; m < len(s.Lower); m++ {
		switch s.Lower[m-1] {
		case "separate", "another", "similar", "earlier", "previous", "second", "unrelated":
			if ev := IncidentNoun(s.Lower[m]); ev != "" {
				return "another " + ev
			}
		}
	}
	return ""
}

// leadingScope is the scope a sentence opens with ("In 1970, …", "In
// September 2012, …"), which holds for its figures unless one names its own.
func leadingScope(s *Sentence) string {
	t, low := s.Toks, s.Lower
	k := sentenceStart(s)
	if k+2 >= len(t) || !(low[k] == "in" || low[k] == "during" || low[k] == "by") {
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

// authority finds who a sentence attributes its figures to: "according to
// X", "X said", "X reported". It returns the attribution as written, or "".
func authority(s *Sentence) string {
	t, low := s.Toks, s.Lower
	n := len(t)
	grab := func(k int) string {
		var parts []string
		for ; k < n && len(parts) < 6; k++ {
			if t[k].Kind == textutil.Word && (t[k].Cap() || nameParticles[low[k]]) {
				parts = append(parts, t[k].Text)
				continue
			}
			if len(parts) == 0 && (low[k] == "the" || low[k] == "china's" || strings.HasSuffix(low[k], "'s")) {
				continue
			}
			break
		}
		return strings.Join(parts, " ")
	}
	for k := 0; k+1 < n; k++ {
		if low[k] == "according" && low[k+1] == "to" {
			if a := grab(k + 2); a != "" {
				return a
			}
		}
	}
	for k := 1; k < n; k++ {
		if speechVerbs[low[k]] {
			// "X said": the capitalised run right before the verb
			m := k - 1
			for m >= 0 && t[m].Kind == textutil.Word && (t[m].Cap() || nameParticles[low[m]]) {
				m--
			}
			if m+1 < k {
				a := grab(m + 1)
				if a != "" && !textutil.FunctionWords[textutil.Fold(a)] {
					return a
				}
			}
		}
	}
	return ""
}
