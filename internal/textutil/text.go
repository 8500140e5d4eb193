package textutil

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold lowercases s and removes diacritics ("Ürümqi" → "urumqi") and
// typographic apostrophes.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case '’', '‘', 'ʼ', '`':
			r = '\''
		case '‐', '‑', '‒', '–', '—':
			r = '-'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Slug makes a URL-safe, lowercase ASCII slug of at most max bytes, cut at a
// dash where possible.
func Slug(s string, max int) string {
	var b strings.Builder
	dash := false
	for _, r := range Fold(s) {
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case r == '\'':
			// "al-Masoud's" → "al-masouds"
		default:
			dash = true
		}
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

// SquashSpace collapses runs of white space into one space and trims.
func SquashSpace(s string) string { return strings.Join(strings.Fields(s), " ") }
