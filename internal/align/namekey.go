package align

import (
	"strings"
	"unicode"

	"dossier/internal/lexicon"
	"dossier/internal/textutil"
)

// Name keys: the comparable form of a name, and when two are the same
// name. Outlets write one name many ways — case, diacritics and spacing
// (Jin Hai, Jinhai), transliteration (Qadir, Ghadir; Mokkah, Mocca;
// Ziwen, Zhiwen), initials (P S Rana, PS Rana), a division's noun
// (Lorca City, Lorca prefecture) or a company's legal form (Co. Ltd.) —
// and the key folds all of them. The folding rules are the usual
// romanisation variants of English-language news, not any name's.

// particles join the next word of a name ("al Masud" = "al-Masud").
var particles = map[string]bool{"al": true, "el": true, "bin": true, "ibn": true, "bint": true, "abu": true}

// legalForms are companies' legal forms, dropped from a key.
var legalForms = map[string]bool{"co": true, "ltd": true, "inc": true, "corp": true, "llc": true, "plc": true,
	"limited": true, "pvt": true, "gmbh": true}

// orgHeadSynonyms are heads of an organisation's name that outlets swap
// ("Civil Affairs Bureau" / "Civil Affairs Department"); the other words
// must still match. "Ministry" is not among them: a national ministry is
// not a provincial bureau.
var orgHeadSynonyms = map[string]string{"bureau": "department", "department": "department", "office": "department", "administration": "department"}

// genericTail are words that may follow an organisation's distinctive name
// ("SANA News Agency" is "SANA").
var genericTail = map[string]bool{"news": true, "agency": true, "press": true, "group": true, "corporation": true, "company": true,
	"network": true, "television": true, "broadcasting": true, "service": true, "channel": true}

// nameKey turns a name into comparable words: folded and transliterated,
// without particles, dots, apostrophes or hyphens, doubled letters
// collapsed, initials joined, without a trailing division noun or legal form.
func nameKey(name string) []string {
	var raw []string
	fields := strings.Fields(textutil.Fold(name))
	for i := 0; i < len(fields); i++ {
		w := fields[i]
		if i == 0 && w == "the" || particles[w] && i+1 < len(fields) {
			continue
		}
		for p := range particles {
			if strings.HasPrefix(w, p+"-") && len(w) > len(p)+2 {
				w = w[len(p)+1:]
				break
			}
		}
		raw = append(raw, strings.Trim(w, ".,'’"))
	}
	for len(raw) > 1 && (legalForms[raw[len(raw)-1]] || division(raw[len(raw)-1])) {
		raw = raw[:len(raw)-1]
	}
	var out []string
	for _, w := range raw {
		if w = keyWord(w); w != "" {
			out = append(out, w)
		}
	}
	out = joinInitials(out)
	if n := len(out); n > 1 {
		if h, ok := orgHeadSynonyms[out[n-1]]; ok {
			out[n-1] = h
		}
	}
	return out
}

// keyWord is one word's key: letters and digits only, transliterated, with
// doubled letters collapsed.
func keyWord(w string) string {
	var b strings.Builder
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	w = translit(b.String())
	b.Reset()
	var prev rune
	for _, r := range w {
		if r != prev {
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

// translitPairs are spellings that romanisations of one sound differ by:
// Arabic and Persian kh/k, gh/q, dh/d, a final h after a vowel; Chinese
// zh/z; Indian chh/ch, ee/i, oo/u; ph/f and ck/k in any.
var translitPairs = strings.NewReplacer("chch", "ch", "chh", "ch", "kh", "k", "gh", "g", "q", "g", "dh", "d", "zh", "z",
	"ph", "f", "ck", "k", "ee", "i", "oo", "u", "ou", "u")

// translit folds a word's spelling variants of one sound.
func translit(w string) string {
	w = translitPairs.Replace(w)
	if n := len(w); n > 3 && w[n-1] == 'h' && strings.IndexByte("aeiou", w[n-2]) >= 0 {
		w = w[:n-1] // "Mokkah", "Fatimah"
	}
	r := []rune(w)
	for i := range r {
		if r[i] == 'c' && (i+1 == len(r) || !strings.ContainsRune("eiyh", r[i+1])) {
			r[i] = 'k' // a hard c: "Mocca", "Mokka"
		}
	}
	return string(r)
}

// joinInitials joins a run of one-letter words ("p s rana" → "ps rana").
func joinInitials(ws []string) []string {
	var out []string
	for i := 0; i < len(ws); i++ {
		if len(ws[i]) == 1 && len(out) > 0 && i > 0 && len(ws[i-1]) == 1 {
			out[len(out)-1] += ws[i]
			continue
		}
		out = append(out, ws[i])
	}
	return out
}

// division reports whether a folded word is a common noun for an
// administrative division or a settlement ("county", "prefecture",
// "district", "city"; not "port" or "state"), which outlets add to a
// place's name or leave out.
func division(w string) bool {
	e, ok := lexicon.Lookup(w)
	return ok && !e.Proper && e.Has(tagDivision) && !e.May(lexicon.TagOf("country", lexicon.Noun)) // not "state": "Islamic State"
}

var tagDivision = lexicon.TagOf("division", lexicon.Noun)

// skeleton keeps a word's first letter and its consonants: transliterations
// differ mostly in vowels (Masoud/Masud, Ahmad/Ahmed, Dumayr/Dumayar).
func skeleton(w string) string {
	var b strings.Builder
	for i, r := range softC(w) {
		if i > 0 && strings.ContainsRune("aeiouy", r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// softC spells a soft c and a z as s, as British and American spellings
// differ there (Defence/Defense, Organisation/Organization).
func softC(w string) string {
	r := []rune(w)
	for i := range r {
		if r[i] == 'z' || (r[i] == 'c' && i+1 < len(r) && strings.ContainsRune("eiy", r[i+1])) {
			r[i] = 's'
		}
	}
	return string(r)
}

// form is a key word with its comparison forms computed once.
type form struct{ w, soft, skel string }

func formOf(w string) form { return form{w: w, soft: softC(w), skel: skeleton(w)} }

// similarForm: the same word, or one spelled a little differently (same
// skeleton, a quarter of its letters apart at most).
func similarForm(a, b form) bool {
	if a.w == b.w {
		return true
	}
	if len(a.w) < 4 || len(b.w) < 4 || a.skel != b.skel {
		return false
	}
	return osa(a.soft, b.soft) <= max(len(a.w)/4, 1)
}

func similarKey(a, b []form) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !similarForm(a[i], b[i]) {
			return false
		}
	}
	return true
}

// osa is the optimal-string-alignment distance: edits and transpositions of
// neighbours ("centre"/"center" is one).
func osa(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+c)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// acronymOf reports whether an acronym abbreviates a name, as Schwartz and
// Hearst match them (2003): each of its letters, from the last, found in
// the name going backwards, its first letter opening the name's first
// word, and every word of the name giving its first letter ("WHO" of
// "World Health Organization", "USGS" of "U.S. Geological Survey"); the
// name at most twice as many words as the acronym letters.
func acronymOf(acr, name string) bool {
	a := []rune(strings.ToLower(strings.ReplaceAll(acr, ".", "")))
	var words []string
	for _, w := range strings.Fields(textutil.Fold(name)) {
		if w != "of" && w != "the" && w != "and" && w != "for" {
			words = append(words, strings.Trim(strings.ReplaceAll(w, ".", ""), ",'’()"))
		}
	}
	if len(a) < 2 || len(words) < 2 || len(words) > 2*len(a) {
		return false
	}
	l := []rune(strings.Join(words, " "))
	used := make([]bool, len(l))
	li := len(l) - 1
	for si := len(a) - 1; si >= 0; si-- {
		c := a[si]
		for li >= 0 && (l[li] != c || si == 0 && li > 0 && l[li-1] != ' ') {
			li--
		}
		if li < 0 {
			return false
		}
		used[li] = true
		li--
	}
	for i := range l {
		if (i == 0 || l[i-1] == ' ') && !used[i] {
			return false // every word gives its first letter: not "IS" of "Interior Ministry"
		}
	}
	return true
}

// compactKey is a key's words run together ("jinhai international
// logistics"), with where each word starts in it.
func compactKey(key []form) (string, []int) {
	var b strings.Builder
	starts := make([]int, 0, len(key)+1)
	for _, f := range key {
		starts = append(starts, b.Len())
		b.WriteString(f.w)
	}
	return b.String(), append(starts, b.Len())
}

// containsAtWords reports whether the compact form of a is inside b's,
// beginning and ending where b's words do ("jin hai international
// logistics" in "harbour east port jinhai international logistics").
func containsAtWords(a, b []form) bool {
	ca, _ := compactKey(a)
	cb, starts := compactKey(b)
	for _, st := range starts {
		if !strings.HasPrefix(cb[st:], ca) {
			continue
		}
		for _, en := range starts {
			if en == st+len(ca) {
				return true
			}
		}
	}
	return false
}

// distinctive reports whether a key has a word that is no common English
// word ("jinhai" of "Jinhai International Logistics"), so containing it
// says something.
func distinctive(key []form) bool {
	for _, f := range key {
		if e, ok := lexicon.Lookup(f.w); !ok || e.Proper {
			return true
		}
	}
	return false
}
