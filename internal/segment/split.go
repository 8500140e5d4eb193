package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier/internal/model"
	"dossier/internal/textutil"
)

// abbreviations end with a dot that does not end a sentence.
var abbreviations = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`mr mrs ms dr prof gen lt col maj capt cpt sgt cpl adm cmdr sen rep gov pres
		supt insp rev hon st jr sr inc ltd co corp bros no nos vs etc jan feb mar apr jun jul aug sep sept oct nov dec
		mt ft fig al approx est dept univ ave blvd rd hwy vol pp ca cf`) {
		abbreviations[w] = true
	}
}

func isCloser(r rune) bool   { return strings.ContainsRune("\"”’')]»", r) }
func isOpener(r rune) bool   { return strings.ContainsRune("\"“‘'([«", r) }
func isTerminal(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

// Split cuts a block into sentences; spans are offsets into b plus base.
// Every non-space byte of b lies in exactly one returned span.
func Split(b []byte, base int) []model.Span {
	s := string(b)
	var out []model.Span
	start := -1
	emit := func(end int) {
		if start < 0 {
			return
		}
		e := end
		for e > start && isSpace(s[e-1]) {
			e--
		}
		if e > start {
			out = append(out, model.Span{Start: base + start, End: base + e})
		}
		start = -1
	}
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if start < 0 && !unicode.IsSpace(r) {
			start = i
		}
		if !isTerminal(r) {
			i += w
			continue
		}
		// the end of a candidate: terminal marks, then closing quotes/brackets
		j := i + w
		for j < len(s) {
			r2, w2 := utf8.DecodeRuneInString(s[j:])
			if !isTerminal(r2) && !isCloser(r2) {
				break
			}
			j += w2
		}
		if j >= len(s) {
			break
		}
		if boundary(s, i, j) {
			emit(j)
		}
		i = j
	}
	emit(len(s))
	return out
}

// boundary decides whether the terminal mark at s[i] (its run ending at j)
// ends a sentence.
func boundary(s string, i, j int) bool {
	next, _ := utf8.DecodeRuneInString(s[j:])
	word := wordBefore(s, i)
	if s[i] == '.' {
		lw := textutil.Fold(strings.ReplaceAll(word, ".", ""))
		if abbreviations[lw] {
			return false
		}
		// initials and dotted abbreviations: "J. K.", "U.S.", "a.m."
		if utf8.RuneCountInString(lw) == 1 || strings.Contains(word, ".") {
			if !unicode.IsSpace(next) {
				return false
			}
			// "a.m." or "U.S." can end a sentence; only a clear new sentence opener counts
			k := skipSpace(s, j)
			r, w := utf8.DecodeRuneInString(s[k:])
			r2, _ := utf8.DecodeRuneInString(s[k+w:])
			return utf8.RuneCountInString(lw) > 1 && unicode.IsUpper(r) && unicode.IsLower(r2) && startsSentence(s[k:])
		}
	}
	if unicode.IsSpace(next) {
		k := skipSpace(s, j)
		if k >= len(s) {
			return true
		}
		r, _ := utf8.DecodeRuneInString(s[k:])
		return unicode.IsUpper(r) || unicode.IsDigit(r) || isOpener(r)
	}
	// run-on: "against IS.Security analyst" — a word of two or more letters,
	// a dot, then a capitalised word
	if s[i] == '.' && utf8.RuneCountInString(word) >= 2 {
		r, w := utf8.DecodeRuneInString(s[j:])
		r2, _ := utf8.DecodeRuneInString(s[j+w:])
		return unicode.IsUpper(r) && unicode.IsLower(r2)
	}
	return false
}

// startsSentence reports whether s opens with a word that usually starts a
// sentence (a function word such as "The", "He", "In").
func startsSentence(s string) bool {
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(s)
	}
	return textutil.FunctionWords[textutil.Fold(s[:end])]
}

func wordBefore(s string, i int) string {
	k := i
	for k > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:k])
		if !(unicode.IsLetter(r) || r == '.') {
			break
		}
		k -= w
	}
	return s[k:i]
}

func skipSpace(s string, k int) int {
	for k < len(s) {
		r, w := utf8.DecodeRuneInString(s[k:])
		if !unicode.IsSpace(r) {
			break
		}
		k += w
	}
	return k
}
