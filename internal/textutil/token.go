package textutil

import (
	"unicode"
	"unicode/utf8"
)

// TokKind is the class of a token.
type TokKind uint8

const (
	Word TokKind = iota
	Number
	Punct
)

// Token is a word, number or punctuation mark with absolute byte offsets.
type Token struct {
	Text       string
	Start, End int
	Kind       TokKind
	SpaceAfter bool // white space follows directly
}

// Cap reports whether the token starts with an upper-case letter.
func (t Token) Cap() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// AllCaps reports whether every letter of the token is upper case and it has
// at least two letters ("SFA", "U.S.").
func (t Token) AllCaps() bool {
	n := 0
	for _, r := range t.Text {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// Lower is the folded (lower-case, no diacritics) text.
func (t Token) Lower() string { return Fold(t.Text) }

var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

func asciiLetter(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }

func isApos(r rune) bool { return r == '\'' || r == '’' }
func isHyphen(r rune) bool {
	return r == '-' || r == '‐' || r == '‑'
}

// Tokenize splits s into tokens; offsets are s's byte offsets plus base.
// Words keep inner apostrophes and hyphens ("al-Masoud's", "high-stakes")
// and dotted abbreviations ("U.S.", "a.m."); numbers keep thousands commas
// and decimals ("2,500", "6.5"). Letters directly after digits start a new
// token ("3am" → "3", "am").
func Tokenize(s string, base int) []Token { return AppendTokens(make([]Token, 0, len(s)/5+4), s, base) }

// AppendTokens is Tokenize appending to toks, so one buffer can serve many
// sentences.
func AppendTokens(toks []Token, s string, base int) []Token {
	i := 0
	for i < len(s) {
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case r < utf8.RuneSelf && asciiSpace[r], r >= utf8.RuneSelf && unicode.IsSpace(r):
			if n := len(toks); n > 0 {
				toks[n-1].SpaceAfter = true
			}
			i += w
		case '0' <= r && r <= '9', r >= utf8.RuneSelf && unicode.IsDigit(r):
			j := i + w
			for j < len(s) {
				c := s[j]
				if c >= '0' && c <= '9' {
					j++
					continue
				}
				if (c == ',' || c == '.') && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
					// "2,500" but not "1,2": a thousands comma takes exactly three digits
					if c == ',' && !thousandsGroup(s[j+1:]) {
						break
					}
					j += 2
					continue
				}
				break
			}
			toks = append(toks, Token{Text: s[i:j], Start: base + i, End: base + j, Kind: Number})
			i = j
		case asciiLetter(r), r >= utf8.RuneSelf && unicode.IsLetter(r):
			j := i + w
			for j < len(s) {
				if c := s[j]; c < utf8.RuneSelf && asciiLetter(rune(c)) {
					j++ // the common case: an ASCII letter
					continue
				}
				r2, w2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || unicode.Is(unicode.Mn, r2) {
					j += w2
					continue
				}
				if isApos(r2) || isHyphen(r2) || r2 == '.' {
					r3, _ := utf8.DecodeRuneInString(s[j+w2:])
					if unicode.IsLetter(r3) {
						if r2 == '.' {
							// only dotted abbreviations: single letters between dots ("U.S.", "a.m.")
							if !singleLetterBefore(s, i, j) {
								break
							}
						}
						j += w2
						continue
					}
				}
				break
			}
			// a dotted abbreviation keeps its final dot: "U.S." "a.m."
			if j < len(s) && s[j] == '.' && singleLetterBefore(s, i, j) && j-i >= 3 {
				j++
			}
			toks = append(toks, Token{Text: s[i:j], Start: base + i, End: base + j, Kind: Word})
			i = j
		case r == '*' || r == '_':
			// Markdown emphasis is not text: "**14 people**" reads "14 people"
			i += w
		case r == ']' && markdownLinkEnd(s, i) > 0:
			// a Markdown link's destination is not text: "[police](https://…) said"
			toks = append(toks, Token{Text: "]", Start: base + i, End: base + i + 1, Kind: Punct})
			i = markdownLinkEnd(s, i)
		default:
			toks = append(toks, Token{Text: s[i : i+w], Start: base + i, End: base + i + w, Kind: Punct})
			i += w
		}
	}
	return toks
}

// markdownLinkEnd returns the end of a Markdown link destination starting
// at the "]" at i ("](https://example.org/a)"), or 0 when there is none.
func markdownLinkEnd(s string, i int) int {
	if i+1 >= len(s) || s[i+1] != '(' {
		return 0
	}
	for j := i + 2; j < len(s); j++ {
		switch s[j] {
		case ')':
			return j + 1
		case ' ', '\n', '\t':
			return 0
		}
	}
	return 0
}

// thousandsGroup reports whether s starts with exactly three digits.
func thousandsGroup(s string) bool {
	if len(s) < 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) == 3 || s[3] < '0' || s[3] > '9'
}

// singleLetterBefore reports whether the letters of s[start:j] directly
// before position j (back to the previous dot or start) are a single letter.
func singleLetterBefore(s string, start, j int) bool {
	k := j
	n := 0
	for k > start {
		r, w := utf8.DecodeLastRuneInString(s[start:k])
		if r == '.' {
			break
		}
		if !unicode.IsLetter(r) {
			return false
		}
		n++
		k -= w
	}
	return n == 1
}
