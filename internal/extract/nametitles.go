package extract

import (
	"strings"

	"dossier/internal/lexicon"
	"dossier/internal/model"
	"dossier/internal/textutil"
)

// Titles, roles and the words around a name that are not part of it:
// where a person's name starts after a title phrase, which leading words
// modify a name rather than belong to it, and which runs are only a title.

// titleWord reports whether token m is a title or a role: an abbreviation
// ("Col.", "Mr", "MD") or a common noun for a kind of person ("minister",
// "officer", "ayatollah", "senior"), of three letters or more.
func titleWord(s *Sentence, m int) bool {
	if s.Toks[m].Kind != textutil.Word {
		return false
	}
	w := strings.TrimSuffix(stripAffix(s.Lower[m]), ".")
	if titleAbbrevs[w] {
		return true
	}
	if len(w) < 3 {
		return false
	}
	e, ok := lexicon.Lookup(w)
	return ok && !e.Proper && e.POS&lexicon.Noun != 0 && e.Has(tagPerson)
}

// institution reports whether token m is a common noun for a body or a
// domain an office is of ("Police", "Commission", "Home" of "Minister of
// State for Home"): a title phrase may end in it before a person's name.
func institution(s *Sentence, m int) bool {
	w := s.Lower[m]
	e, ok := lexicon.Lookup(w)
	return ok && !e.Proper && e.POS&lexicon.Noun != 0 && (e.Class == "group" || e.Class == "location")
}

// titleSplit returns where a person's name starts after the title phrase
// that opens the run [k, j) ("Health Minister Tariq al-Rashid",
// "Acme Group MD Ravi Mehta", "Police P S Rana" of "Deputy Superintendent
// of Police P S Rana"), or k when there is none. The last title word
// decides; a body's noun ends a title phrase only before a full name.
func titleSplit(s *Sentence, k, j int) int {
	for r := j - 2; r >= k; r-- {
		if w := s.Lower[r]; len(w) == 1 || nameParticles[w] || s.Toks[r].Kind != textutil.Word ||
			strings.Contains(w, "-") && nameParticles[w[:strings.IndexByte(w, '-')]] {
			continue // an initial, a particle, a period: inside a name
		}
		title := titleWord(s, r)
		if title && r > k && s.Toks[r-1].Kind == textutil.Word && !s.fact(r-1).common && !titleWord(s, r-1) &&
			!s.Toks[r-1].AllCaps() {
			continue // a title word inside a name: "Karim Emir Haddad", "Karim Haji Nouri"
		}
		if !title && !institution(s, r) {
			if s.fact(r).common && !s.Toks[r].AllCaps() {
				return k // "Central Television", "Logistics Co.": a common word inside a name
			}
			continue
		}
		from := r + 1
		for from < j && s.Toks[from].Kind != textutil.Word {
			from++ // the period of "Col."
		}
		if !personName(s, from, j) {
			return k
		}
		switch {
		case wordCount(s, from, j) >= 2:
			return from
		case title && (titleAbbrevs[strings.TrimSuffix(s.Lower[r], ".")] || r > k || s.usesLower(s.Lower[r])):
			return from // "Ms Lina", "Foreign Minister Ruiz"; not "Dean Smith"
		}
		return k
	}
	return k
}

// personName reports whether [a, j) reads as a person's name: initials,
// particles and words that are not common English nouns, not ending in an
// acronym or a company's legal form.
func personName(s *Sentence, a, j int) bool {
	if a >= j || s.Toks[j-1].AllCaps() && len(s.Toks[j-1].Text) > 1 {
		return false
	}
	for m := a; m < j; m++ {
		w := strings.TrimSuffix(s.Lower[m], ".")
		switch {
		case orgSuffixes[w]:
			return false
		case len(w) == 1, nameParticles[w], strings.Contains(w, "-") && nameParticles[w[:strings.IndexByte(w, '-')]]:
		case s.Toks[m].AllCaps() && len(w) <= 3 && m < j-1: // "PS Rana"
		default:
			if e, ok := lexicon.Lookup(w); ok && !e.Proper && e.POS&lexicon.Noun != 0 && !(m > a && e.Has(tagPerson)) {
				return false // a common noun; a later name may be a person's ("M J Khan", "Karim Emir Haddad")
			}
		}
	}
	return true
}

// honorific reports whether [lead, k) is only a title phrase ("Ms",
// "Senior Col.", "Health Minister"), to be kept beside a one-word name.
func honorific(s *Sentence, lead, k int) bool {
	if lead >= k || k-lead > 4 {
		return false
	}
	for m := lead; m < k; m++ {
		if s.Toks[m].Kind == textutil.Punct && s.Toks[m].Text == "." {
			continue
		}
		if !titleWord(s, m) && !rankWords[s.Lower[m]] && !institution(s, m) && !s.fact(m).common {
			return false
		}
	}
	return titleWord(s, k-1) || k-2 >= lead && s.Toks[k-1].Text == "." && titleWord(s, k-2)
}

// titleOnly reports whether the run [k, j) names an office, not a person:
// titles and ranks alone ("Deputy Superintendent", "First Lady", "Senior
// Col."), or a place's or a people's title ("Kerala CM", "Peruvian MP",
// "Minister" where the article also writes "minister").
func titleOnly(s *Sentence, k, j int) bool {
	last := strings.TrimSuffix(s.Lower[j-1], ".")
	if s.Toks[j-1].Kind != textutil.Word {
		last = strings.TrimSuffix(s.Lower[j-2], ".")
	}
	abbrev := titleAbbrevs[last] && (s.Toks[j-1].AllCaps() || j-k == 1)
	if j-k == 1 && titleWord(s, k) && (k > 0 && determiners[s.Lower[k-1]] || j < len(s.Toks) && s.Lower[j] == "of") {
		return true // "the Minister", "Minister of State"
	}
	if !abbrev && !titleWord(s, j-1) && !(j-1 > k && s.Toks[j-1].Text == "." && titleWord(s, j-2)) {
		return false
	}
	ranked, others := false, false
	for m := k; m < j; m++ {
		w := strings.TrimSuffix(s.Lower[m], ".")
		switch {
		case s.Toks[m].Kind != textutil.Word:
		case rankWords[w] || titleAbbrevs[w]:
			ranked = true
		case titleWord(s, m):
		case commonWord(w) || isDemonym(s.Toks[m].Text) || placeWord(w) || s.Toks[m].Cap() && !properName(s, m, m+1) && m < j-1:
			others = true
		default:
			return false
		}
	}
	return abbrev || ranked || others || s.usesLower(last)
}

// titleEnd returns the index after leading titles, demonyms and country
// acronyms ("Syrian President", "US President", "the Syrian capital"), when
// they are followed by a name that is not an organisation's, and the kind
// the lead says the name is: a person's after a title, a place's after a
// place noun ("Syrian Capital Damascus"), none before an acronym
// ("Analyst AP"), an organisation's before an acronym that an outlet's or a
// body's noun leads ("Broadcaster NDTV").
func titleEnd(s *Sentence, k, j int) (end int, kind model.EntityKind) {
	if properName(s, k, j) {
		return k, model.NoKind // "Middle East"
	}
	low := s.Lower
	m := k
	sawTitle, sawPlace := false, false
loop:
	for m < j-1 {
		w := strings.TrimSuffix(low[m], ".")
		switch {
		case titleWord(s, m) || rankWords[w]:
			sawTitle = true
		case placeNoun(w):
			sawPlace = true
		case isDemonym(s.Toks[m].Text) || countryAcronyms[w]:
		default:
			break loop
		}
		m++
	}
	switch {
	case !(sawTitle || sawPlace) || m >= j || hasHead(s, m, j):
		return k, model.NoKind
	case j-m == 1 && s.Toks[m].AllCaps():
		if e, ok := nounEntry(s.Lower[m-1]); ok && (e.May(tagMedia) || e.May(tagGroup)) {
			return m, model.Org // "Broadcaster NDTV"
		}
		return m, model.NoKind
	case sawPlace && !sawTitle:
		return m, model.Place
	}
	return m, model.Person
}

// skipModifiers steps past words that modify a name without being part of
// it: a compass point or a faith before a place WordNet knows ("SW China",
// "Catholic Peru", "Orthodox Greece"), a people's adjective before a
// one-word name ("Turkish Ramadan"). A name WordNet knows whole stays whole
// ("Sri Lanka").
func skipModifiers(s *Sentence, k, j int) int {
	for k < j-1 && !properName(s, k, j) {
		w := strings.TrimSuffix(s.Lower[k], ".")
		switch {
		case (compass[w] || compassAbbrevs[w] || kindOfPeopleWord(w)) && placeWord(joined(s, k+1, j)):
		case demonymOf(w) != "" && j-k == 2 && !hasHead(s, k, j): // "Turkish", not "Islamic"
		default:
			return k
		}
		k++
	}
	return k
}

// joined is the folded words of [k, j) joined as WordNet writes a
// compound ("sri_lanka").
func joined(s *Sentence, k, j int) string {
	if j-k == 1 {
		return stripAffix(s.Lower[k])
	}
	var b strings.Builder
	for m := k; m < j; m++ {
		if s.Toks[m].Kind != textutil.Word {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('_')
		}
		if m == j-1 {
			b.WriteString(stripAffix(s.Lower[m]))
		} else {
			b.WriteString(s.Lower[m])
		}
	}
	return b.String()
}

// whole is WordNet's entry for the run [k, j) read whole ("Sri Lanka",
// "Middle East"), remembered for the run last asked about: the rules of a
// mention ask about the same run several times.
func whole(s *Sentence, k, j int) (lexicon.Entry, bool) {
	if s.whole.k != k || s.whole.j != j || !s.whole.set {
		e, ok := lexicon.Lookup(joined(s, k, j))
		s.whole.k, s.whole.j, s.whole.set, s.whole.e, s.whole.ok = k, j, true, e, ok
	}
	return s.whole.e, s.whole.ok
}

// properName reports whether WordNet knows the run [k, j) whole as a name
// ("Sri Lanka", "Middle East", "Red Cross").
func properName(s *Sentence, k, j int) bool {
	e, ok := whole(s, k, j)
	return ok && e.Proper
}

// wordCount is the number of words in [k, j).
func wordCount(s *Sentence, k, j int) int {
	n := 0
	for m := k; m < j; m++ {
		if s.Toks[m].Kind == textutil.Word {
			n++
		}
	}
	return n
}

// placeBeforePerson returns where a person's name starts after the place of
// an office ("ambassador to Peru Carlos Mendoza Ruiz", "governor of Idlib
// Ali Omar"): the run opens with a place WordNet knows, a title and a
// preposition stand right before it, and a full name follows. 0 when not.
func placeBeforePerson(s *Sentence, k, j int) int {
	low := s.Lower
	if j-k < 3 || k < 2 || !placeWord(low[k]) || !prepositions[low[k-1]] || !personName(s, k+1, j) {
		return 0
	}
	for m := k - 2; m >= 0 && m >= k-4; m-- {
		if titleWord(s, m) {
			return k + 1
		}
	}
	return 0
}

// placeOfPlace returns the "of" that joins two places in one run
// ("Harran County of Lorca City": Harran County lies in Lorca City), or 0.
func placeOfPlace(s *Sentence, k, j int) int {
	for m := k + 1; m < j-1; m++ {
		if s.Lower[m] == "of" && placeNoun(s.Lower[m-1]) && s.Toks[m-1].Cap() {
			return m
		}
	}
	return 0
}

// placeHeadAfter extends a place's name over the lower-case noun of a
// division that follows it ("Lorca prefecture", "Harran new district"),
// as sources write it. head reports whether it did.
func placeHeadAfter(s *Sentence, k, j int) (end int, head bool) {
	t, low := s.Toks, s.Lower
	n := len(t)
	if j >= n || divisionNoun(low[j-1]) || orgHeadIn(s, k, j) || t[j-1].Text != stripAffix(t[j-1].Text) {
		return j, false
	}
	m := j
	if t[j-1].AllCaps() || j-k == 1 && (demonymOf(low[k]) != "" || adjective(low[k]) && !placeWord(low[k])) {
		return j, false // an acronym ("IS controlled territory"), an adjective ("Islamic holy site")
	}
	if m+1 < n && t[m].Kind == textutil.Word && !t[m].Cap() && adjective(low[m]) && !isFunction(low[m]) && !isParticiple(low[m]) &&
		!strings.HasSuffix(low[m], "ing") {
		m++ // "new district"
	}
	if m < n && t[m].Kind == textutil.Word && !t[m].Cap() && divisionNoun(low[m]) && !lineBreak(s, m) {
		return m + 1, true
	}
	return j, false
}

// divisionNoun reports whether a common noun names an administrative
// division or a settlement ("county", "prefecture", "district", "city").
func divisionNoun(w string) bool {
	e, ok := lexicon.Lookup(w)
	return ok && !e.Proper && e.Has(tagDivision) && !e.May(tagCountry) // not "state": "Islamic State"
}

// placeNoun reports whether a word is a common noun for a kind of place
// ("town", "city", "county", "capital").
func placeNoun(w string) bool {
	e, ok := lexicon.Lookup(w)
	return ok && !e.Proper && e.POS&lexicon.Noun != 0 && (e.Has(tagLocation) || e.May(tagCity) || e.May(tagLocation) && !e.Has(tagPerson))
}

// kindOfPeople reports whether a one-word run names a kind of people, a
// faith or a people, not one entity ("Arab", "Muslim", "Catholic", "Islam").
func kindOfPeople(s *Sentence, k, j int) bool {
	return j-k == 1 && kindOfPeopleWord(stripAffix(s.Lower[k]))
}

func kindOfPeopleWord(w string) bool {
	e, ok := lexicon.Lookup(w)
	return ok && e.Proper && !e.Instance && (e.Class == "person" || e.Class == "group" && !e.May(tagLocation))
}

// commonWord reports whether a folded word is a common English word:
// WordNet knows it other than as a name or a name's adjective ("Islamic"),
// or it is a function word.
func commonWord(w string) bool { return factsOf(w).common }

func commonWordOf(w string) bool {
	if isFunction(w) || textutil.FunctionWords[w] {
		return true
	}
	if l, ok := lexicon.Lemma(w, lexicon.Noun); ok {
		w = l
	}
	e, ok := lexicon.Lookup(w)
	if !ok || e.Proper {
		return false
	}
	if e.Pert != "" {
		if p, ok := lexicon.Lookup(e.Pert); ok && p.Proper {
			return false
		}
	}
	return true
}

// commonName reports whether a run is made of common words and names no
// entity: one common word the article also writes in lower case ("State",
// "News"), or common words without a head noun for a body or a place
// ("Last Modified", "Special Investigation", "Satellite Images").
func commonName(s *Sentence, k, j int) bool {
	if properName(s, k, j) {
		return false // "Middle East", "Red Cross"
	}
	for m := k; m < j; m++ {
		if !commonWord(stripAffix(s.Lower[m])) || s.Toks[m].AllCaps() {
			return false
		}
	}
	if j-k == 1 {
		return s.usesLower(stripAffix(s.Lower[k]))
	}
	return !hasHead(s, k, j)
}

// titleComplement reports whether the run [k, j) completes a title before
// it ("Minister of State", "Inspector General of Police, Rajkot"): after
// "of" or "for" that follows a capitalised title or body word, made of
// common words only.
func titleComplement(s *Sentence, k, j int) bool {
	if k < 2 || s.Lower[k-1] != "of" && s.Lower[k-1] != "for" || !s.Toks[k-2].Cap() || !titleWord(s, k-2) && !institution(s, k-2) {
		return false
	}
	for m := k; m < j; m++ {
		if s.Toks[m].Kind == textutil.Word && !commonWord(stripAffix(s.Lower[m])) {
			return false
		}
	}
	return true
}

// headline reports whether a run reads as a headline: incidents in the
// plural and a verb agreeing with them ("Explosions Rock Chinese City").
func headline(s *Sentence, k, j int) bool {
	for m := k; m+1 < j; m++ {
		w := s.Lower[m]
		if IncidentNoun(w) == "" || nounLemma(w) == w {
			continue
		}
		if l, ok := lexicon.Lemma(s.Lower[m+1], lexicon.Verb); ok && l == s.Lower[m+1] {
			return true
		}
	}
	return false
}
