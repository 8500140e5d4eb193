package extract

import (
	"strings"

	"dossier/internal/lexicon"
	"dossier/internal/textutil"
)

// Word knowledge comes from the lexicon (WordNet): parts of speech, lemmas,
// what kind of thing a noun names, which verbs mean killing or injuring.
// What is written out here is grammar, which WordNet leaves out — English's
// closed word classes (determiners, pronouns, auxiliaries, prepositions,
// conjunctions), finite and the same in every corpus — and the few
// constructions of news copy that carry a figure's meaning in fixed
// phrases ("at least", "death toll", "in critical condition"). None of it is
// a word of a particular incident, place, person or outlet.

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

var (
	determiners  = words(`a an the this that these those its their his her our my your some any each every all both no another other such`)
	pronouns     = words(`it they them he she him her we us you i who whom which that those these this one ones`)
	auxiliaries  = words(`is are was were be been being am has have had having do does did will would shall should can could may might must 's`)
	prepositions = words(`of in on at by to from with without within into onto upon over under after before during since until till while among amid between across along around about above below near through throughout toward towards via per against beyond besides despite including excluding like than as off out following`)
	conjunctions = words(`and or but nor yet so while whereas although though because if unless when whenever where after before since until once`)
	negations    = words(`not no never nor`)
	adverbs      = words(`still also now already yet just only even so far again later earlier then since meanwhile further reportedly officially initially previously currently finally altogether overall respectively`)
)

// isFunction reports whether a folded word is a closed-class word.
func isFunction(w string) bool { return functionWords[w] }

// functionWords are the closed classes together, looked up once.
var functionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, set := range []map[string]bool{determiners, pronouns, auxiliaries, prepositions, conjunctions, negations, textutil.FunctionWords} {
		for w := range set {
			m[w] = true
		}
	}
	return m
}()

// tags of the lexicon this package reads.
var (
	tagPerson   = lexicon.TagOf("person", lexicon.Noun)
	tagGroup    = lexicon.TagOf("group", lexicon.Noun)
	tagLocation = lexicon.TagOf("location", lexicon.Noun)
	tagCountry  = lexicon.TagOf("country", lexicon.Noun)
	tagState    = lexicon.TagOf("state", lexicon.Noun)
	tagCity     = lexicon.TagOf("city", lexicon.Noun)
	tagIncident = lexicon.TagOf("incident", lexicon.Noun)
	tagTime     = lexicon.TagOf("time", lexicon.Noun)
	tagUnit     = lexicon.TagOf("unit", lexicon.Noun)
	tagMoney    = lexicon.TagOf("money", lexicon.Noun)
	tagBuilding = lexicon.TagOf("building", lexicon.Noun)
	tagCorpse   = lexicon.TagOf("corpse", lexicon.Noun)
	tagSaid     = lexicon.TagOf("said", lexicon.Verb)
	tagHappened = lexicon.TagOf("happened", lexicon.Verb)
)

// predicateTags are the lexicon's tags for what happened to the people or
// things a figure counts, by part of speech, with the predicate each names.
var predicateTags = func() []struct {
	tag  lexicon.Tag
	pos  lexicon.POS
	name string
} {
	var out []struct {
		tag  lexicon.Tag
		pos  lexicon.POS
		name string
	}
	for _, p := range []struct {
		name string
		pos  lexicon.POS
	}{
		{"died", lexicon.Verb}, {"died", lexicon.Noun}, {"died", lexicon.Adj},
		{"injured", lexicon.Verb}, {"injured", lexicon.Noun}, {"injured", lexicon.Adj},
		{"missing", lexicon.Adj}, {"evacuated", lexicon.Verb}, {"displaced", lexicon.Verb}, {"rescued", lexicon.Verb},
		{"arrested", lexicon.Verb}, {"hospitalised", lexicon.Verb}, {"deployed", lexicon.Verb}, {"collapsed", lexicon.Verb},
		{"damaged", lexicon.Verb}, {"affected", lexicon.Verb},
	} {
		if t := lexicon.TagOf(p.name, p.pos); t != 0 {
			out = append(out, struct {
				tag  lexicon.Tag
				pos  lexicon.POS
				name string
			}{t, p.pos, p.name})
		}
	}
	return out
}()

// predicateNames maps the lexicon's predicate tags to the predicate a
// claim states ("died" → "killed").
var predicateNames = map[string]string{"died": "killed"}

// degreeAdverbs change what a predicate counts: "partially collapsed" is
// not "collapsed", "seriously injured" not "injured".
var degreeAdverbs = words(`partially partly fully completely totally entirely seriously critically badly slightly severely
lightly moderately heavily`)

// predicateOf is the predicate a word names as a p ("killed", "perished",
// "deaths", "dead"), by its first sense, or by any sense when loose;
// "" when none.
func predicateOf(w string, p lexicon.POS, loose bool) string {
	e, _, ok := lexicon.Word(w, p)
	if !ok {
		return ""
	}
	for _, pt := range predicateTags {
		if pt.pos == p && (e.Has(pt.tag) || loose && e.May(pt.tag)) {
			if n, ok := predicateNames[pt.name]; ok {
				return n
			}
			return pt.name
		}
	}
	return ""
}

// humanPredicates are said of people, so a figure they govern counts people
// even when no noun says so ("killing 80 and injuring 800", "nine missing").
var humanPredicates = words(`killed injured missing evacuated displaced rescued arrested hospitalised affected seriously-injured casualties`)

// phrasePredicates are the news constructions that name a predicate in
// more than one word, or in a word WordNet files elsewhere.
var phrasePredicates = []struct {
	words, predicate string
}{
	{"unaccounted for", "missing"}, {"unaccounted", "missing"}, {"in critical condition", "seriously-injured"},
	{"in serious condition", "seriously-injured"}, {"in a critical condition", "seriously-injured"},
	{"in a serious condition", "seriously-injured"}, {"critically injured", "seriously-injured"},
	{"seriously injured", "seriously-injured"}, {"critically wounded", "seriously-injured"},
	{"seriously wounded", "seriously-injured"}, {"in hospital", "in-hospital"}, {"in hospitals", "in-hospital"},
	{"in the hospital", "in-hospital"}, {"hospitalized", "hospitalised"}, {"hospitalised", "hospitalised"},
	{"admitted to hospital", "hospitalised"}, {"admitted to the hospital", "hospitalised"},
	{"to death", "killed"}, {"lost their lives", "killed"}, {"lost his life", "killed"}, {"lost her life", "killed"},
	{"serious injuries", "seriously-injured"}, {"critical injuries", "seriously-injured"}, {"severe injuries", "seriously-injured"},
	{"with serious injuries", "seriously-injured"}, {"with critical injuries", "seriously-injured"},
	{"with severe injuries", "seriously-injured"}, {"with injuries", "injured"},
}

// lightVerbs say too little to name what happened to what a figure counts
// ("took place", "made four efforts", "said four fires").
var lightVerbs = words(`be have do make take give get go come put set keep say tell see show include add become
remain seem serve`)

var phrasePredicateWords = func() [][]string {
	out := make([][]string, len(phrasePredicates))
	for i, p := range phrasePredicates {
		out[i] = strings.Fields(p.words)
	}
	return out
}()

// phraseAt matches a predicate phrase starting at token k; it returns the
// predicate and the index after the phrase.
func phraseAt(s *Sentence, k int) (string, int) {
	for pi, ws := range phrasePredicateWords {
		if k+len(ws) > len(s.Lower) {
			continue
		}
		ok := true
		for x, w := range ws {
			if s.Lower[k+x] != w {
				ok = false
				break
			}
		}
		if ok {
			return phrasePredicates[pi].predicate, k + len(ws)
		}
	}
	return "", k
}

// genericPeople are nouns that count people at large, not a kind of person.
var genericPeople = words(`people person persons individual individuals other others victim victims soul souls human humans`)

// nounLemma is the lemma of a lower-case noun, "" when w is no noun.
func nounLemma(w string) string { return factsOf(w).noun }

func nounLemmaOf(w string) string {
	if isFunction(w) {
		return ""
	}
	l, ok := lexicon.Lemma(w, lexicon.Noun)
	if !ok {
		// "bridge-collapse": a hyphenated compound is a kind of its last word
		if k := strings.LastIndexByte(w, '-'); k > 0 && k < len(w)-2 {
			return nounLemmaOf(w[k+1:])
		}
		return ""
	}
	return l
}

// isPluralNoun reports whether the token is a common noun in the plural
// ("firefighters", "men", "people", "police").
func isPluralNoun(s *Sentence, k int) bool {
	t := s.Toks[k]
	w := s.Lower[k]
	if t.Kind != textutil.Word || isFunction(w) {
		return false
	}
	if w == "people" || w == "police" || w == "personnel" || w == "staff" || w == "crew" || w == "troops" {
		return true
	}
	l, ok := lexicon.Lemma(w, lexicon.Noun)
	if ok && l != w {
		return true
	}
	// "times", "arms": a plural WordNet also lists as a noun of its own
	if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3 {
		if _, ok := lexicon.Lemma(strings.TrimSuffix(w, "s"), lexicon.Noun); ok {
			return true
		}
	}
	return false
}

// personNoun reports whether a noun lemma names people ("firefighter",
// "pilgrim", "resident"), in its first sense.
func personNoun(lemma string) bool {
	if genericPeople[lemma] {
		return true
	}
	e, ok := lexicon.Lookup(lemma)
	return ok && e.POS&lexicon.Noun != 0 && (e.Has(tagPerson) || e.Class == "person")
}

// demonymOf is the country a nationality word names ("Peruvian",
// "Peruvians" → "peru"), "" when it names none.
func demonymOf(w string) string {
	l, ok := lexicon.Lemma(w, lexicon.Noun)
	if !ok {
		l = w
	}
	e, ok := lexicon.Lookup(l)
	if !ok || e.Pert == "" {
		return ""
	}
	if c, ok := lexicon.Lookup(e.Pert); ok && (c.May(tagCountry) || c.May(tagState)) {
		return e.Pert
	}
	return ""
}

// countryName is the lexicon's name of a capitalised country word ("Peru"
// → "peru"), "" when it is not one.
func countryName(w string) string {
	e, ok := lexicon.Lookup(w)
	if ok && e.May(tagCountry) {
		return w
	}
	return ""
}

// verbLemma is the lemma of a verb form, "" when w is none.
func verbLemma(w string) string { return factsOf(w).verb }

func verbLemmaOf(w string) string {
	if isFunction(w) && !auxiliaries[w] {
		return ""
	}
	l, ok := lexicon.Lemma(w, lexicon.Verb)
	if !ok {
		return ""
	}
	return l
}

// isParticiple reports whether w looks like a past participle or past
// tense of a verb ("killed", "sent", "toppled").
func isParticiple(w string) bool {
	if auxiliaries[w] {
		return false
	}
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || strings.HasSuffix(w, "wn") {
		return verbLemma(w) != ""
	}
	l := verbLemma(w)
	// irregular past forms: "sent", "left", "struck"; not "volunteers", "rising"
	return l != "" && l != w && !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ing")
}

// isIncidentNoun reports whether a lower-case noun names an incident in
// some sense ("earthquake", "blast", "stampede", "collapse").
func isIncidentNoun(w string) (string, bool) {
	f := factsOf(w)
	return f.noun, f.incident
}

// IncidentNoun returns the lemma of a folded incident noun, or "".
func IncidentNoun(w string) string {
	if l, ok := isIncidentNoun(w); ok {
		return l
	}
	return ""
}
