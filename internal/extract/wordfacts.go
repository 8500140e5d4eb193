package extract

import (
	"hash/maphash"
	"strings"
	"sync/atomic"

	"dossier/internal/lexicon"
	"dossier/internal/textutil"
)

// Word facts: what the rules ask of a folded word again and again — its
// noun and verb lemmas, whether it names an incident, whether it is a
// common English word — worked out once from the lexicon and kept in a
// small table of recent words that stays in the processor's cache. Slots
// hold immutable answers behind atomic pointers, so the goroutines that
// extract articles side by side share them; an answer is the same with or
// without the table.

type wordFacts struct {
	w        string
	noun     string // nounLemma
	verb     string // verbLemma
	incident bool   // the noun lemma names an incident
	common   bool   // commonWord
	said     bool   // speechVerb
	number   bool   // a number word, the first of a figure written out
}

const factSlots = 1 << 13

var (
	factSeed  = maphash.MakeSeed()
	factTable [factSlots]atomic.Pointer[wordFacts]
)

// factsOf is w's facts.
func factsOf(w string) *wordFacts {
	slot := &factTable[maphash.String(factSeed, w)&(factSlots-1)]
	if f := slot.Load(); f != nil && f.w == w {
		return f
	}
	w = strings.Clone(w)
	f := &wordFacts{w: w, noun: strings.Clone(nounLemmaOf(w)), verb: strings.Clone(verbLemmaOf(w)), common: commonWordOf(w), said: speechVerbOf(w)}
	_, f.number = wordValue(w)
	if f.noun != "" {
		e, ok := lexicon.Lookup(f.noun)
		f.incident = ok && e.May(tagIncident)
	}
	slot.Store(f)
	return f
}

// fact is the facts of token k's word.
func (s *Sentence) fact(k int) *wordFacts {
	if k >= len(s.facts) {
		return factsOf(s.Lower[k])
	}
	if s.facts[k] == nil {
		s.facts[k] = factsOf(s.Lower[k])
	}
	return s.facts[k]
}

// incidentAt is isIncidentNoun of token k.
func (s *Sentence) incidentAt(k int) (string, bool) {
	f := s.fact(k)
	return f.noun, f.incident
}

// incidentTokens are the sentence's incident nouns in lower case (or
// opening it), read once for all its figures.
func (s *Sentence) incidentTokens() []int {
	if !s.incidentsRead {
		s.incidentsRead = true
		start := sentenceStart(s)
		for k := range s.Toks {
			if s.Toks[k].Kind != textutil.Word || s.Toks[k].Cap() && k != start {
				continue
			}
			if _, ok := s.incidentAt(k); ok {
				s.incidents = append(s.incidents, k)
			}
		}
	}
	return s.incidents
}
