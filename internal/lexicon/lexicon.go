// Package lexicon is dossier's word knowledge: which parts of speech an
// English word can be, its base form ("firefighters" → "firefighter",
// "died" → "die"), what kind of thing a noun names (a person, a place, an
// incident, a unit of measure, a span of time…), which adjective pertains
// to which noun ("Peruvian" → "Peru"), and which verb an incident noun comes
// from ("explosion" → "explode").
//
// All of it is WordNet 3.0 (Princeton University; Debian's wordnet-base),
// compiled by `go generate` (./gen) into wordnet.txt.gz, which is embedded:
// every single-word lemma with its parts of speech, the lexicographer class
// of its first noun sense, the tags of roots.txt its senses fall under, and
// WordNet's irregular forms. The tags are generic concepts hung from WordNet
// synsets (roots.txt, reviewed like code): "person" is everything below
// person.n.01, "incident" everything below accident, disaster, attack,
// explosion, earthquake and their kind, "died" the troponyms of kill and die.
// So a word no corpus here uses ("miners", "avalanche", "electrocuted") is
// known all the same. WordNet was chosen over hand lists because it is a
// real, maintained lexical database with the senses and hierarchy these
// decisions need, and over word embeddings or taggers because it is
// deterministic, small (450 KB compressed) and explainable: every tag a word
// gets can be traced to a synset.
//
// Contract: pure lookups on immutable data, safe for concurrent use; the
// table is decoded once, on first use. Closed-class words (articles,
// pronouns, prepositions) are not its business: WordNet leaves them out and
// callers decide them first.
package lexicon

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"hash/maphash"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

//go:generate go run ./gen -wordnet /usr/share/wordnet -roots roots.txt -o wordnet.txt.gz

//go:embed wordnet.txt.gz
var table []byte

// POS is a set of parts of speech.
type POS uint8

const (
	Noun POS = 1 << iota
	Verb
	Adj
	Adv
)

// Tag is a set of roots.txt tags, each for one part of speech.
type Tag uint64

// Entry is what WordNet says of one lemma.
type Entry struct {
	POS    POS
	Proper bool // its first noun sense is a name ("Peru", "Najaf", "Arab")
	// Instance: its first noun sense is one particular thing ("Peru",
	// "Najaf"), not a kind of thing ("Arab", "Muslim")
	Instance bool
	Class    string // the lexicographer file of the first noun sense: "person", "location", "event"…
	VClass   string // the lexicographer file of the first verb sense: "communication", "motion", "change"…
	First    Tag    // tags of the first sense of each part of speech
	Any      Tag    // tags of any sense (First included)
	Pert     string // the noun an adjective pertains to ("peruvian" → "peru")
	Verb     string // the verb an event noun comes from ("explosion" → "explode")
	Syn      string // the first word of the first noun sense's synset ("firefighter" → "fireman")
	Noun     string // the incident noun a verb names as an event ("explode" → "explosion")
	IsA      string // the incidents an incident noun is a kind of, comma-separated ("blast" → "explosion")
}

// KindOf reports whether the incident noun e (lemma l) is a kind of the
// incident named by concept c ("blast" of "explosion").
func (e Entry) KindOf(c string) bool {
	for isa := e.IsA; isa != ""; {
		var w string
		w, isa, _ = strings.Cut(isa, ",")
		if w == c {
			return true
		}
	}
	return false
}

// Concept is the word that names the lemma's first noun sense: synonyms
// share it ("firefighter" and "fireman", "quake" and "earthquake").
func (e Entry) Concept(lemma string) string {
	if e.Syn != "" {
		return e.Syn
	}
	return lemma
}

// Has reports whether the lemma's first sense of that part of speech carries t.
func (e Entry) Has(t Tag) bool { return e.First&t != 0 }

// May reports whether some sense carries t.
func (e Entry) May(t Tag) bool { return e.Any&t != 0 }

type irregular struct {
	lemma string
	pos   POS
}

// node is what the table knows of one written word: its entry, if it is a
// lemma, and the lemmas it is an irregular form of. One map lookup finds
// both.
type node struct {
	entry     Entry
	lemma     bool
	irregular []irregular
}

type lexicon struct {
	words map[string]*node
	tags  map[string]Tag // "died/v" → its bit
}

func (l *lexicon) node(w string) *node {
	n := l.words[w]
	if n == nil {
		n = &node{}
		l.words[w] = n
	}
	return n
}

// entry is the entry of a lemma, and whether w is one.
func (l *lexicon) lookup(w string) (Entry, bool) {
	if n := l.words[w]; n != nil && n.lemma {
		return n.entry, true
	}
	return Entry{}, false
}

var (
	once sync.Once
	lex  *lexicon
)

func get() *lexicon {
	once.Do(func() { lex = decode(table) })
	return lex
}

var posOf = [256]POS{'n': Noun, 'v': Verb, 'a': Adj, 'r': Adv}

func decode(gz []byte) *lexicon {
	l := &lexicon{words: make(map[string]*node, 100000), tags: map[string]Tag{}}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		panic("lexicon: the embedded table is broken: " + err.Error())
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		panic("lexicon: the embedded table is broken: " + err.Error())
	}
	// one string for the whole table: every word and field is a view of it
	text := unsafe.String(unsafe.SliceData(raw), len(raw))
	for text != "" {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		if line == "" || line[0] == '#' {
			continue
		}
		word, rest, _ := strings.Cut(line, "\t")
		if strings.HasPrefix(rest, "=") { // an irregular form: "died\t=die/v"
			lemma, p, _ := strings.Cut(rest[1:], "/")
			n := l.node(word)
			n.irregular = append(n.irregular, irregular{lemma, posOf[p[0]]})
			continue
		}
		n := l.node(word)
		n.entry, n.lemma = l.entry(rest), true
	}
	return l
}

func (l *lexicon) entry(fields string) Entry {
	var e Entry
	for i := 0; fields != ""; i++ {
		var f string
		f, fields, _ = strings.Cut(fields, " ")
		switch {
		case f == "":
		case i == 0:
			for j := 0; j < len(f); j++ {
				e.POS |= posOf[f[j]]
			}
		case f == "P":
			e.Proper = true
		case f == "I":
			e.Instance = true
		case strings.HasPrefix(f, "n:"):
			e.Class = f[2:]
		case strings.HasPrefix(f, "v:"):
			e.VClass = f[2:]
		case strings.HasPrefix(f, "pert:"):
			e.Pert = f[5:]
		case strings.HasPrefix(f, "verb:"):
			e.Verb = f[5:]
		case strings.HasPrefix(f, "syn:"):
			e.Syn = f[4:]
		case strings.HasPrefix(f, "noun:"):
			e.Noun = f[5:]
		case strings.HasPrefix(f, "isa:"):
			e.IsA = f[4:]
		case f[0] == '.' || f[0] == '~':
			t := l.tag(f[1:])
			e.Any |= t
			if f[0] == '.' {
				e.First |= t
			}
		}
	}
	return e
}

// tag gives each "name/pos" its own bit, in the order the table names them.
func (l *lexicon) tag(name string) Tag {
	if t, ok := l.tags[name]; ok {
		return t
	}
	if len(l.tags) == 64 {
		panic("lexicon: more than 64 tags in roots.txt")
	}
	t := Tag(1) << len(l.tags)
	l.tags[name] = t
	return t
}

// TagOf is the tag roots.txt calls name for the part of speech p ("died",
// Verb); zero when there is none, which no word has.
func TagOf(name string, p POS) Tag {
	suffix := map[POS]string{Noun: "/n", Verb: "/v", Adj: "/a", Adv: "/r"}[p]
	return get().tags[name+suffix]
}

// Lookup is the entry of a lemma, lower case.
func Lookup(lemma string) (Entry, bool) {
	n := cachedNode(lemma)
	if n == nil || !n.lemma {
		return Entry{}, false
	}
	return n.entry, true
}

// Recent answers, one slot a hash: an article asks for the same few
// hundred words again and again, and a slot stays in the processor's cache
// where the table's 100,000 words do not. Slots hold immutable answers
// behind atomic pointers, so any number of goroutines share them; the
// answers are the table's, with or without the cache.
const cacheSlots = 1 << 13

type nodeAnswer struct {
	w string
	n *node
}

type lemmaAnswer struct {
	w     string
	p     POS
	lemma string
	ok    bool
}

var (
	seed        = maphash.MakeSeed()
	nodeCache   [cacheSlots]atomic.Pointer[nodeAnswer]
	lemmaCache  [cacheSlots]atomic.Pointer[lemmaAnswer]
	missingNode = &node{}
)

func cachedNode(w string) *node {
	slot := &nodeCache[maphash.String(seed, w)&(cacheSlots-1)]
	if a := slot.Load(); a != nil && a.w == w {
		return a.n
	}
	n := get().words[w]
	if n == nil {
		n = missingNode
	}
	slot.Store(&nodeAnswer{w: strings.Clone(w), n: n})
	return n
}

// detachments are WordNet's morphological rules (morphy): the suffix of an
// inflected form and what replaces it in the base form.
var detachments = [Adv + 1][][2]string{
	Noun: {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}},
	Verb: {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
	Adj:  {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
}

// Lemma is the base form of w (lower case) as a p: w itself when WordNet
// knows it as a p (but a noun's irregular plural first: "men" → "man"), an
// irregular form's lemma ("died" → "die"), or w with a regular ending taken off ("firefighters",
// "collapsed", "injuring"); ok is false when w is no form of a p.
func Lemma(w string, p POS) (string, bool) {
	slot := &lemmaCache[(maphash.String(seed, w)+uint64(p))&(cacheSlots-1)]
	if a := slot.Load(); a != nil && a.p == p && a.w == w {
		return a.lemma, a.ok
	}
	lemma, ok := lemmaOf(w, p)
	slot.Store(&lemmaAnswer{w: strings.Clone(w), p: p, lemma: strings.Clone(lemma), ok: ok})
	return lemma, ok
}

func lemmaOf(w string, p POS) (string, bool) {
	l := get()
	n := l.words[w]
	known := n != nil && n.lemma && n.entry.POS&p != 0
	if known && p != Noun {
		return w, true // "wound" is to wound before it is to wind
	}
	if n != nil {
		for _, ir := range n.irregular {
			if ir.pos&p != 0 {
				return ir.lemma, true // "men" is the plural of "man" before it is a noun of its own
			}
		}
	}
	if known {
		return w, true
	}
	if int(p) < len(detachments) {
		for _, d := range detachments[p] {
			if !strings.HasSuffix(w, d[0]) || len(w) <= len(d[0])+1 {
				continue
			}
			base := w[:len(w)-len(d[0])] + d[1]
			if e, ok := l.lookup(base); ok && e.POS&p != 0 {
				return base, true
			}
		}
	}
	// a doubled final consonant: "stopped", "shipping"
	for _, suf := range []string{"ed", "ing"} {
		if p == Verb && strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			stem := w[:len(w)-len(suf)]
			if n := len(stem); stem[n-1] == stem[n-2] {
				if e, ok := l.lookup(stem[:n-1]); ok && e.POS&Verb != 0 {
					return stem[:n-1], true
				}
			}
		}
	}
	return "", false
}

// Participle is a verb's past participle: WordNet's irregular form that
// ends in "n" when there is one ("give" → "given", "break" → "broken"),
// else the regular one ("inaugurate" → "inaugurated").
func Participle(verb string) string {
	l := get()
	best := ""
	for form, n := range l.words {
		for _, ir := range n.irregular {
			if ir.lemma == verb && ir.pos&Verb != 0 && strings.HasSuffix(form, "n") && (best == "" || form < best) {
				best = form
			}
		}
	}
	if best != "" {
		return best
	}
	switch {
	case strings.HasSuffix(verb, "e"):
		return verb + "d"
	case strings.HasSuffix(verb, "y") && len(verb) > 2 && !strings.ContainsRune("aeiou", rune(verb[len(verb)-2])):
		return verb[:len(verb)-1] + "ied"
	}
	return verb + "ed"
}

// Word is the entry of w read as a p (through Lemma), with its lemma.
func Word(w string, p POS) (Entry, string, bool) {
	lemma, ok := Lemma(w, p)
	if !ok {
		return Entry{}, "", false
	}
	e, _ := Lookup(lemma)
	return e, lemma, true
}
