package extract

import (
	"strings"

	"dossier/internal/lexicon"
	"dossier/internal/model"
	"dossier/internal/textutil"
)

// Kinds of names: the votes a mention casts for person, place or
// organisation, from what WordNet knows of the name and of its words, and
// from the words around it. Each cue is weak; align adds an entity's votes.

var (
	tagKin      = lexicon.TagOf("kin", lexicon.Noun)
	tagMedia    = lexicon.TagOf("media", lexicon.Noun)
	tagLandform = lexicon.TagOf("landform", lexicon.Noun)
	tagDivision = lexicon.TagOf("division", lexicon.Noun)
)

// nounEntry is the lexicon's entry for a common noun (its lemma's), and
// whether w is one.
func nounEntry(w string) (lexicon.Entry, bool) {
	l := nounLemma(strings.TrimSuffix(w, "."))
	if l == "" {
		return lexicon.Entry{}, false
	}
	e, ok := lexicon.Lookup(l)
	return e, ok && !e.Proper && e.POS&lexicon.Noun != 0
}

// orgHead reports whether a word of a name makes it an organisation's: a
// common noun for a body ("Ministry", "Council", "Police", "Forces"), not a
// settlement's ("Village", "City"), or for news media ("Television",
// "Daily", "Press").
func orgHead(w string) bool {
	if k, ok := headKinds[w]; ok {
		return k == "org"
	}
	if orgSuffixes[strings.TrimSuffix(w, ".")] {
		return true // "Co.", "Ltd"
	}
	e, ok := nounEntry(w)
	return ok && ((e.Class == "group" || e.May(tagGroup)) && !e.Has(tagLocation) && !e.May(tagCity) || e.May(tagMedia))
}

// siteHead reports whether the last word of a name makes it a place's: a
// common noun for a division, a settlement, a landform or a building
// ("County", "River", "Mosque", "Bridge"); not "State", which may be a
// country's or a group's ("Islamic State").
func siteHead(w string) bool {
	if k, ok := headKinds[w]; ok {
		return k == "place"
	}
	e, ok := nounEntry(w)
	return ok && !e.May(tagCountry) && (e.Has(tagLocation) || e.Has(tagLandform) || e.Has(tagBuilding) || e.Has(tagCity))
}

// hasHead reports whether a word of [i, j) is an organisation's head or its
// last word a place's.
func hasHead(s *Sentence, i, j int) bool {
	return orgHeadIn(s, i, j) || j > i && siteHead(stripAffix(s.Lower[j-1]))
}

// orgHeadIn reports whether a word of [i, j) is an organisation's head.
func orgHeadIn(s *Sentence, i, j int) bool {
	for m := i; m < j; m++ {
		if orgHead(stripAffix(s.Lower[m])) {
			return true
		}
	}
	return false
}

// roleNoun reports whether a lower-case word names a kind of person
// ("analyst", "victim", "mother").
func roleNoun(w string) bool {
	e, ok := nounEntry(w)
	return ok && e.Has(tagPerson) && e.POS&lexicon.Adj == 0 && !rankWords[w]
}

// bodyNoun reports whether a lower-case word names a body or an outlet
// ("group", "agency", "newspaper", "broadcaster").
func bodyNoun(w string) bool {
	if w == "group" || w == "groups" {
		return true // WordNet's "group" is its top concept, not a body
	}
	e, ok := nounEntry(w)
	return ok && (e.Class == "group" || e.Has(tagMedia) || e.Has(tagGroup)) && !e.May(tagLocation)
}

// kindVotes weighs the cues for the name at tokens [k, j).
func kindVotes(s *Sentence, k, j int) model.Votes {
	lex := s.runFacts(k, j)
	v := lex.votes
	v = v.Add(votesBefore(s, k))
	v = v.Add(votesAfter(s, j))
	low := s.Lower
	// a person's name: two to four capitalised words with no head word, not
	// "the United States", not "U.S. Humvees"
	if v.Org == 0 && v.Place == 0 && j-k >= 2 && j-k <= 4 && !(k > 0 && low[k-1] == "the") && lex.personShape {
		v.Person++
	}
	if v == (model.Votes{}) && k > 0 && low[k-1] == "the" {
		v.Place++ // "the Badiya", "the Middle East"
	}
	return v
}

// runFacts is what the words of the run [k, j) alone say of its kind:
// lexiconVotes, and whether it has a person's name's shape (no country
// acronym or people's adjective first, not in capitals, not words the
// article also writes in lower case). A name an article repeats is read
// once.
type runFacts struct {
	votes       model.Votes
	personShape bool
}

func (s *Sentence) runFacts(k, j int) runFacts {
	key := s.text[s.Toks[k].Start:s.Toks[j-1].End]
	if f, ok := s.runs[key]; ok {
		return f
	}
	t := s.Toks
	f := runFacts{votes: lexiconVotes(s, k, j)}
	// only a run of two to four words may have a person's name's shape
	f.personShape = j-k >= 2 && j-k <= 4 && !countryAcronyms[strings.TrimSuffix(s.Lower[k], ".")] && !isDemonym(t[k].Text) &&
		!t[k].AllCaps() && !commonWords(s, k, j)
	s.runs[key] = f
	return f
}

// lexiconVotes are the votes of what WordNet knows: the whole name
// ("Marseille" a city, "Hezbollah" a group) and its head words.
func lexiconVotes(s *Sentence, k, j int) model.Votes {
	var v model.Votes
	if e, ok := whole(s, k, j); ok && e.Proper {
		switch {
		case j-k == 1 && s.Toks[k].AllCaps() && e.Class != "location":
			// an acronym that spells a word ("ISIS", a goddess); a place in capitals stays one ("DUBAI")
		case !e.Instance && (j-k == 1 || e.Class != "group"):
			// a kind, not one thing ("Arab"); a body's name is one ("White House")
		case e.Class == "location" || e.May(tagLocation) || e.Has(tagLandform):
			v.Place += 4 // "Marseille", "Jordan"
		case e.Class == "group":
			v.Org += 3 // "Hezbollah", "White House"
		case e.Class == "person":
			v.Person += 3
		}
		if v != (model.Votes{}) {
			return v // known whole: its words say no more ("White House" is no building)
		}
	}
	if orgHeadIn(s, k, j) {
		v.Org += 3 // "International Federation of Red Cross", "University Hospital"
	} else if last := stripAffix(s.Lower[j-1]); siteHead(last) {
		v.Place += 3 // "Grand Mosque", "Summer Palace"
	} else if j-k >= 2 && (countryAcronyms[s.Lower[k]] || placeWord(s.Lower[k]) || isDemonym(s.Toks[k].Text)) &&
		!personName(s, k+1, j) {
		v.Org++ // "US Geological Survey", "Peruvian Red Cross": a nation's body
	}
	w := s.Lower[k]
	if j-k == 1 && (countryAcronyms[w] || countryAcronyms[strings.TrimSuffix(w, ".")]) {
		v.Place += 2
	} else if j-k == 1 && s.Toks[k].AllCaps() {
		v.Org++
	}
	return v
}

// votesBefore are the cues of the words before a name at k: a role ("analyst
// Wassim Nasr"), a body ("the group Airwars"), a place noun ("the town of
// Dumayr"), a preposition of place ("in", "near").
func votesBefore(s *Sentence, k int) model.Votes {
	var v model.Votes
	if k == 0 {
		return v
	}
	t, low := s.Toks, s.Lower
	p := low[k-1]
	switch {
	case t[k-1].Kind == textutil.Word && !t[k-1].Cap() && roleNoun(p) && !(k > 1 && compoundBefore(s, k-1)):
		v.Person += 2
	case t[k-1].Kind == textutil.Word && !t[k-1].Cap() && bodyNoun(p), p == "like" && k > 1 && bodyNoun(low[k-2]):
		v.Org += 2
	case p == "of" && k > 1 && (placeNoun(low[k-2]) || compass[low[k-2]]):
		v.Place += 3
	case placePreps[p]:
		v.Place++
	case p == "the" && k > 1 && placePreps[low[k-2]]:
		v.Place++
	case p == "," && k > 1 && bodyNoun(low[k-2]):
		v.Org += 2
	case p == "," && k > 2 && roleNoun(low[k-2]) && !t[k-2].Cap():
		v.Person += 2
	}
	return v
}

// compoundBefore reports whether the noun at m is the head of a noun
// compound ("conflict monitor", "rights group"): such a compound may name
// a body as well as a person.
func compoundBefore(s *Sentence, m int) bool {
	if s.Toks[m-1].Kind != textutil.Word || determiners[s.Lower[m-1]] {
		return false
	}
	_, ok := nounEntry(s.Lower[m-1])
	return ok && !adjective(s.Lower[m-1])
}

// votesAfter are the cues of the words after a name ending at j: an
// appositive (", a town east of …", ", al-Masoud's cousin", ", a senior
// research fellow", ", a conflict monitor group"), a verb of saying, a
// body's noun ("the Airwars group"), a relative after a possessive.
func votesAfter(s *Sentence, j int) model.Votes {
	var v model.Votes
	t, low := s.Toks, s.Lower
	n := len(t)
	if j >= n {
		return v
	}
	if strings.HasSuffix(low[j-1], "'s") || strings.HasSuffix(low[j-1], "’s") {
		if e, ok := nounEntry(low[j]); ok && e.Has(tagKin) {
			v.Person += 2 // "al-Masoud's mother"
		}
		return v
	}
	nx := low[j]
	switch {
	case nx == "," && j+1 < n:
		return appositiveVotes(s, j+1)
	case speechVerb(nx) && j-2 >= 0 && s.Toks[j-2].Kind == textutil.Word && s.Toks[j-2].Cap():
		v.Person++ // "Wassim Nasr said"; one word ("SANA said") may be an outlet
	case t[j].Kind == textutil.Word && !t[j].Cap() && bodyNoun(nx) && !placeNoun(nx):
		v.Org += 2
	}
	return v
}

// appositiveVotes read the head noun of the noun phrase that starts at m
// after a comma (", a small community east of", ", a senior research
// fellow", ", a conflict monitoring organization,"): the last noun before
// any verb, preposition or pronoun, or before a participle that follows a
// noun and does not close the phrase (", an undercover agent gathering
// intelligence on …": the agent).
func appositiveVotes(s *Sentence, m int) model.Votes {
	t, low := s.Toks, s.Lower
	head := -1
	for end := m + 5; m < len(t) && m <= end; m++ {
		w := low[m]
		if t[m].Kind != textutil.Word || t[m].Cap() || auxiliaries[w] || prepositions[w] || pronouns[w] && !determiners[w] {
			break
		}
		if head >= 0 && strings.HasSuffix(w, "ing") && !closesPhrase(s, m+1) {
			break
		}
		if _, ok := nounEntry(w); ok {
			head = m
		}
	}
	var v model.Votes
	if head < 0 {
		return v
	}
	w := low[head]
	e, _ := nounEntry(w)
	switch {
	case e.Has(tagPerson):
		v.Person += 2 // ", head of the fire department"
	case e.Has(tagLocation) || divisionNoun(w):
		v.Place += 3
	case bodyNoun(w):
		v.Org += 2
	case e.May(tagPerson):
		v.Person += 2 // ", an undercover agent"
	case placeNoun(w):
		v.Place += 3
	}
	return v
}

// closesPhrase reports whether token m is a noun that ends an appositive:
// a comma, a period or the end follows it.
func closesPhrase(s *Sentence, m int) bool {
	if m >= len(s.Toks) {
		return false
	}
	if _, ok := nounEntry(s.Lower[m]); !ok {
		return false
	}
	return m+1 >= len(s.Toks) || s.Toks[m+1].Text == "," || s.Toks[m+1].Text == "."
}

// commonWords reports whether a capitalised run is made of words the
// article also uses in lower case ("Last Modified", "Continue Reading"):
// a label, not a person's name.
func commonWords(s *Sentence, k, j int) bool {
	for m := k; m < j; m++ {
		if nameParticles[s.Lower[m]] {
			continue
		}
		if !s.usesLower(stripAffix(s.Lower[m])) {
			return false
		}
	}
	return true
}
