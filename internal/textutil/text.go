package textutil

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gosimple/unidecode"
	"golang.org/x/text/unicode/norm"
)

// Fold lowercases s and removes diacritics ("Ürümqi" → "urumqi") and
// typographic apostrophes.
func Fold(s string) string {
	// fast path: ASCII, the common case, with no allocation when already folded
	ascii, lower := true, true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if ('A' <= c && c <= 'Z') || c == '`' {
			lower = false
		}
	}
	if ascii {
		if lower {
			return s
		}
		b := []byte(s)
		for i, c := range b {
			switch {
			case 'A' <= c && c <= 'Z':
				b[i] = c + 'a' - 'A'
			case c == '`':
				b[i] = '\''
			}
		}
		return string(b)
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = AppendFold(b, r)
	}
	return string(b)
}

// AppendFold appends the folded form of r to dst (see Fold).
func AppendFold(dst []byte, r rune) []byte {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		} else if r == '`' {
			r = '\''
		}
		return append(dst, byte(r))
	case r == '’' || r == '‘' || r == 'ʼ':
		return append(dst, '\'')
	case r == '‐' || r == '‑' || r == '‒' || r == '–' || r == '—':
		return append(dst, '-')
	case unicode.Is(unicode.Mn, r):
		return dst
	}
	// decompose only this rune: "Ü" → "U" + a mark, which is dropped
	for _, d := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, d) {
			dst = utf8.AppendRune(dst, unicode.ToLower(d))
		}
	}
	return dst
}

// Slug makes a URL-safe, lowercase ASCII slug of at most max bytes, cut at a
// dash where possible. Letters outside Latin are transliterated with the
// unidecode tables ("Дмитрий" → "dmitrii", "地震" → "di-zhen"); the result
// may still be empty (a name of symbols only): callers give a fallback and
// make it unique with Unique.
func Slug(s string, max int) string {
	var b strings.Builder
	b.Grow(min(len(s), max+8))
	dash := false
	var add func(r rune)
	add = func(r rune) {
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'':
			// "al-Masoud's" → "al-masouds"
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			// a word in another script reads as one word: "Дмитрий" → "dmitrii";
			// a CJK character is a syllable of its own: "地震" → "di-zhen"
			for _, t := range unidecode.Unidecode(string(r)) {
				add(t)
			}
			if unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r) {
				dash = true
			}
		default:
			dash = true
		}
	}
	for _, r := range Fold(s) {
		if b.Len() > max+8 {
			break
		}
		add(r)
	}
	out := b.String()
	if len(out) > max {
		out = out[:max]
		if i := strings.LastIndexByte(out, '-'); i > max/2 {
			out = out[:i]
		}
		out = strings.Trim(out, "-")
	}
	return out
}

// Unique returns id, or, when used already holds it, id with the smallest
// suffix "-2", "-3", … that used does not hold; an empty id becomes
// fallback first. It records the result in used. Ids handed out in a
// stable order get stable suffixes.
func Unique(used map[string]bool, id, fallback string) string {
	if id == "" {
		id = fallback
	}
	out := id
	for n := 2; used[out]; n++ {
		out = id + "-" + strconv.Itoa(n)
	}
	used[out] = true
	return out
}

// IsEditorTemp reports whether a file name is an editor's temporary or
// backup file (vim's .swp and 4913, emacs's ~ and .#name, …).
func IsEditorTemp(name string) bool {
	switch {
	case name == "4913",
		strings.HasSuffix(name, "~"),
		strings.HasPrefix(name, ".#"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"), strings.HasSuffix(name, ".swo"),
		strings.HasSuffix(name, ".tmp"), strings.HasSuffix(name, ".bak"):
		return true
	}
	return false
}

// SquashSpace collapses runs of white space into one space and trims. Text
// that is already so (most sentences) is returned as it is, unallocated.
func SquashSpace(s string) string {
	squashed := true
	prevSpace := true // a leading space needs trimming
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			squashed = false // Unicode spaces: let strings.Fields decide
			break
		}
		sp := asciiSpace[c]
		if sp && (prevSpace || c != ' ') {
			squashed = false
			break
		}
		prevSpace = sp
	}
	if squashed && !prevSpace {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
