// Command gen compiles WordNet 3.0 (Debian's wordnet-base: /usr/share/wordnet)
// into the lexicon's compact table, wordnet.txt.gz: for every single-word
// lemma its parts of speech, the lexicographer class of its first noun
// sense, the tags of roots.txt its senses fall under (first sense, or only
// a later one), whether it is a proper noun, the noun an adjective pertains
// to ("Peruvian" → "Peru"), the verb an incident noun comes from
// ("explosion" → "explode"), and WordNet's irregular forms ("died" → "die").
//
//	go generate ./internal/lexicon    (needs: apt-get install wordnet-base)
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

var posFiles = map[byte]string{'n': "noun", 'v': "verb", 'a': "adj", 'r': "adv"}

// lexnames are WordNet's lexicographer files, by number (lexnames(5WN)).
var lexnames = strings.Fields(`adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute
noun.body noun.cognition noun.communication noun.event noun.feeling noun.food noun.group noun.location noun.motive
noun.object noun.person noun.phenomenon noun.plant noun.possession noun.process noun.quantity noun.relation
noun.shape noun.state noun.substance noun.time verb.body verb.change verb.cognition verb.communication
verb.competition verb.consumption verb.contact verb.creation verb.emotion verb.motion verb.perception
verb.possession verb.social verb.stative verb.weather adj.ppl`)

type ref struct {
	pos byte
	off string
}

type pointer struct {
	sym string
	to  ref
	src int // source word number (1-based), 0 for the whole synset
}

type synset struct {
	words []string // as written: "Peru", "dead_body"
	lex   string
	ptrs  []pointer
}

type wordnet struct {
	syn   map[ref]*synset
	index map[string][]ref // "lemma/pos" → senses in order
}

func main() {
	dir := flag.String("wordnet", "/usr/share/wordnet", "the WordNet 3.0 database folder")
	roots := flag.String("roots", "roots.txt", "the tags and the synsets they hang from")
	out := flag.String("o", "wordnet.txt.gz", "the table to write")
	flag.Parse()
	wn, err := load(*dir)
	if err != nil {
		fail(err)
	}
	tags, err := readRoots(*roots, wn)
	if err != nil {
		fail(err)
	}
	lines := table(wn, tags)
	exc, err := exceptions(*dir)
	if err != nil {
		fail(err)
	}
	lines = append(lines, exc...)
	sort.Strings(lines)
	if err := write(*out, lines); err != nil {
		fail(err)
	}
	fmt.Printf("gen: %d lines to %s\n", len(lines), *out)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gen:", err)
	os.Exit(1)
}

func load(dir string) (*wordnet, error) {
	wn := &wordnet{syn: map[ref]*synset{}, index: map[string][]ref{}}
	for p, name := range posFiles {
		if err := eachLine(filepath.Join(dir, "data."+name), func(line string) error {
			return wn.addSynset(p, line)
		}); err != nil {
			return nil, err
		}
		if err := eachLine(filepath.Join(dir, "index."+name), func(line string) error {
			f := strings.Fields(line)
			if len(f) < 6 {
				return fmt.Errorf("index.%s: short line %q", name, line)
			}
			pc, _ := strconv.Atoi(f[3])
			for _, off := range f[4+pc+2:] {
				wn.index[f[0]+"/"+string(p)] = append(wn.index[f[0]+"/"+string(p)], ref{p, off})
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	return wn, nil
}

func (wn *wordnet) addSynset(p byte, line string) error {
	body, _, _ := strings.Cut(line, "|")
	f := strings.Fields(body)
	lex, _ := strconv.Atoi(f[1])
	n, _ := strconv.ParseInt(f[3], 16, 32)
	s := &synset{lex: lexnames[lex]}
	for i := 0; i < int(n); i++ {
		w := f[4+2*i]
		if k := strings.IndexByte(w, '('); k > 0 { // adjective markers: "dead(p)"
			w = w[:k]
		}
		s.words = append(s.words, w)
	}
	k := 4 + 2*int(n)
	pc, _ := strconv.Atoi(f[k])
	for i := 0; i < pc; i++ {
		sym, off, pp, st := f[k+1+4*i], f[k+2+4*i], f[k+3+4*i], f[k+4+4*i]
		if pp == "s" {
			pp = "a"
		}
		src, _ := strconv.ParseInt(st[:2], 16, 32)
		s.ptrs = append(s.ptrs, pointer{sym: sym, to: ref{pp[0], off}, src: int(src)})
	}
	wn.syn[ref{p, f[0]}] = s
	return nil
}

func eachLine(path string, fn func(string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == ' ' {
			continue // the licence header
		}
		if err := fn(line); err != nil {
			return err
		}
	}
	return sc.Err()
}

// tag is one tag of roots.txt: the synsets that carry it.
type tag struct {
	name string
	pos  byte
	set  map[ref]bool
}

// readRoots reads roots.txt: "name pos synset…", where a synset is
// lemma.pos.N (the N-th sense) and a leading + takes everything below it
// (hyponyms and instances, all the way down), a leading = the synset alone.
func readRoots(path string, wn *wordnet) ([]tag, error) {
	var tags []tag
	err := eachLine(path, func(line string) error {
		if strings.HasPrefix(line, "#") {
			return nil
		}
		f := strings.Fields(line)
		if len(f) < 3 {
			return fmt.Errorf("%s: want 'tag pos synset…': %q", path, line)
		}
		t := tag{name: f[0], pos: f[1][0], set: map[ref]bool{}}
		for _, s := range f[2:] {
			down := strings.HasPrefix(s, "+")
			if !down && !strings.HasPrefix(s, "=") {
				return fmt.Errorf("%s: %s: write +%s (and below) or =%s (alone)", path, t.name, s, s)
			}
			r, err := wn.sense(s[1:])
			if err != nil {
				return fmt.Errorf("%s: %s: %w", path, t.name, err)
			}
			wn.collect(r, down, t.set)
		}
		tags = append(tags, t)
		return nil
	})
	return tags, err
}

// sense resolves "lemma.pos.N".
func (wn *wordnet) sense(s string) (ref, error) {
	parts := strings.Split(s, ".")
	if len(parts) != 3 {
		return ref{}, fmt.Errorf("not lemma.pos.N: %q", s)
	}
	n, err := strconv.Atoi(parts[2])
	senses := wn.index[parts[0]+"/"+parts[1]]
	if err != nil || n < 1 || n > len(senses) {
		return ref{}, fmt.Errorf("no sense %q", s)
	}
	return senses[n-1], nil
}

func (wn *wordnet) collect(r ref, down bool, set map[ref]bool) {
	if set[r] {
		return
	}
	set[r] = true
	if !down {
		return
	}
	for _, p := range wn.syn[r].ptrs {
		if (p.sym == "~" || p.sym == "~i") && p.to.pos == r.pos {
			wn.collect(p.to, true, set)
		}
	}
}

// lemmaOK keeps single words: letters, with inner hyphens, apostrophes and dots.
func lemmaOK(l string) bool {
	if l == "" || l[0] < 'a' || l[0] > 'z' {
		return false
	}
	for i := 0; i < len(l); i++ {
		c := l[i]
		if !(c >= 'a' && c <= 'z' || c == '-' || c == '\'' || c == '.') {
			return false
		}
	}
	return true
}

func table(wn *wordnet, tags []tag) []string {
	byLemma := map[string][]string{} // lemma → its fields, pos by pos
	var lemmas []string
	for key := range wn.index {
		l, p, _ := strings.Cut(key, "/")
		if !lemmaOK(l) && !(p == "n" && wn.compound(l, tags)) {
			continue
		}
		if _, ok := byLemma[l]; !ok {
			lemmas = append(lemmas, l)
			byLemma[l] = nil
		}
		_ = p
	}
	sort.Strings(lemmas)
	var lines []string
	for _, l := range lemmas {
		var pos string
		var fields []string
		for _, p := range []byte("nvar") {
			senses := wn.index[l+"/"+string(p)]
			if len(senses) == 0 {
				continue
			}
			pos += string(p)
			fields = append(fields, wn.posFields(l, p, senses, tags)...)
		}
		lines = append(lines, l+"\t"+strings.Join(append([]string{pos}, fields...), " "))
	}
	return lines
}

// compound keeps a two-word noun ("police_officer", "fire_engine") whose
// first sense carries a tag: the extractor joins two words to look it up.
func (wn *wordnet) compound(l string, tags []tag) bool {
	a, b, ok := strings.Cut(l, "_")
	if !ok || strings.Contains(b, "_") || !lemmaOK(a) || !lemmaOK(b) {
		return false
	}
	first := wn.index[l+"/n"][0]
	for _, t := range tags {
		if t.pos == 'n' && t.set[first] {
			return true
		}
	}
	return false
}

// posFields are a lemma's fields for one part of speech.
func (wn *wordnet) posFields(l string, p byte, senses []ref, tags []tag) []string {
	var out []string
	first := wn.syn[senses[0]]
	if p == 'n' {
		out = append(out, "n:"+strings.TrimPrefix(first.lex, "noun."))
		if proper(first, l) {
			out = append(out, "P")
		}
		if instance(first) {
			out = append(out, "I")
		}
		// the first sense's first word names the concept: "firefighter"
		// and "fireman" are both "fireman"
		if c := strings.ToLower(first.words[0]); c != l && (lemmaOK(c) || wn.compound(c, tags)) {
			out = append(out, "syn:"+c)
		}
	}
	for _, t := range tags {
		if t.pos != p {
			continue
		}
		switch {
		case t.set[senses[0]]:
			out = append(out, "."+t.name+"/"+string(p))
		case anyIn(senses[1:], t.set):
			out = append(out, "~"+t.name+"/"+string(p))
		}
	}
	switch p {
	case 'a':
		if n := wn.pertains(l, senses); n != "" {
			out = append(out, "pert:"+n)
		}
	case 'n':
		if v := wn.derivedVerb(l, senses); v != "" {
			out = append(out, "verb:"+v)
		}
		if isa := wn.incidentAncestors(l, senses, tags); isa != "" {
			out = append(out, "isa:"+isa)
		}
	case 'v':
		out = append(out, "v:"+strings.TrimPrefix(first.lex, "verb."))
		if n := wn.derivedNoun(l, senses, tags); n != "" {
			out = append(out, "noun:"+n)
		}
	}
	return out
}

// incidentSet is the synsets that carry the incident tag.
func incidentSet(tags []tag) map[ref]bool {
	for _, t := range tags {
		if t.name == "incident" && t.pos == 'n' {
			return t.set
		}
	}
	return nil
}

// incidentAncestors names the incidents an incident noun is a kind of, by
// its first incident sense ("blast" → "explosion", "aftershock" →
// "tremor,earthquake"): comma-separated first words of the hypernyms that
// carry the incident tag, nearest first.
func (wn *wordnet) incidentAncestors(l string, senses []ref, tags []tag) string {
	incident := incidentSet(tags)
	for _, r := range senses {
		if !incident[r] {
			continue
		}
		var out []string
		seen := map[ref]bool{}
		for cur := r; ; {
			next, ok := ref{}, false
			for _, p := range wn.syn[cur].ptrs {
				if (p.sym == "@" || p.sym == "@i") && incident[p.to] && !seen[p.to] {
					next, ok = p.to, true
					break
				}
			}
			if !ok {
				break
			}
			seen[next] = true
			if w := strings.ToLower(wn.syn[next].words[0]); lemmaOK(w) {
				out = append(out, w)
			}
			cur = next
		}
		return strings.Join(out, ",")
	}
	return ""
}

// derivedNoun is the incident noun a verb names as an event ("explode" →
// "explosion", "sink" → "sinking", "collapse" → "collapse"): a noun sense
// derivationally related to one of the verb's senses that carries the
// incident tag.
func (wn *wordnet) derivedNoun(l string, senses []ref, tags []tag) string {
	incident := incidentSet(tags)
	for _, r := range senses {
		s := wn.syn[r]
		n := wordNum(s, l)
		for _, p := range s.ptrs {
			if p.sym == "+" && p.to.pos == 'n' && p.src == n && incident[p.to] {
				for _, w := range wn.syn[p.to].words {
					if lemmaOK(w) && sharesStem(l, w) {
						return w
					}
				}
			}
		}
	}
	return ""
}

func anyIn(rs []ref, set map[ref]bool) bool {
	for _, r := range rs {
		if set[r] {
			return true
		}
	}
	return false
}

// proper: the first sense writes the lemma with a capital ("Peru",
// "al-Qaeda"; not "peruvian").
func proper(s *synset, l string) bool {
	for _, w := range s.words {
		if strings.EqualFold(w, l) {
			return strings.ToLower(w) != w
		}
	}
	return false
}

// instance: the sense is one particular thing ("Marseille", "Hezbollah"), an
// instance of a kind, not a kind ("Arab", "Muslim").
func instance(s *synset) bool {
	for _, p := range s.ptrs {
		if p.sym == "@i" {
			return true
		}
	}
	return false
}

// wordNum is the 1-based number of lemma l among the synset's words.
func wordNum(s *synset, l string) int {
	for i, w := range s.words {
		if strings.EqualFold(w, l) {
			return i + 1
		}
	}
	return 0
}

// pertains is the noun the adjective's first pertainym sense points to.
func (wn *wordnet) pertains(l string, senses []ref) string {
	for _, r := range senses {
		s := wn.syn[r]
		n := wordNum(s, l)
		for _, p := range s.ptrs {
			if p.sym == "\\" && p.to.pos == 'n' && (p.src == 0 || p.src == n) {
				if t := wn.syn[p.to]; len(t.words) > 0 {
					w := strings.ToLower(t.words[0])
					if lemmaOK(w) {
						return w
					}
				}
			}
		}
	}
	return ""
}

// derivedVerb is the verb an event or act noun is derived from, in its
// first sense that has one ("explosion" → "explode").
func (wn *wordnet) derivedVerb(l string, senses []ref) string {
	for _, r := range senses {
		s := wn.syn[r]
		if s.lex != "noun.event" && s.lex != "noun.act" {
			continue
		}
		n := wordNum(s, l)
		for _, p := range s.ptrs {
			if p.sym == "+" && p.to.pos == 'v' && p.src == n {
				t := wn.syn[p.to]
				for _, w := range t.words {
					if lemmaOK(w) && sharesStem(l, w) {
						return w
					}
				}
			}
		}
	}
	return ""
}

// sharesStem: a noun and its verb start alike ("explosion", "explode").
func sharesStem(a, b string) bool {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n >= 4 || n == len(a) || n == len(b)
}

// exceptions are WordNet's irregular forms, as "form\t=lemma/pos".
func exceptions(dir string) ([]string, error) {
	var out []string
	for p, name := range posFiles {
		path := filepath.Join(dir, name+".exc")
		if _, err := os.Stat(path); err != nil {
			continue
		}
		err := eachLine(path, func(line string) error {
			f := strings.Fields(line)
			if len(f) >= 2 && lemmaOK(f[0]) && lemmaOK(f[1]) && f[0] != f[1] {
				out = append(out, f[0]+"\t="+f[1]+"/"+string(p))
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func write(path string, lines []string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	w := bufio.NewWriter(zw)
	fmt.Fprintln(w, "# generated by internal/lexicon/gen from WordNet 3.0 (see WORDNET-LICENSE); do not edit")
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}
