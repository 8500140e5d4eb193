package extract

import (
	"regexp"
	"strings"
	"unicode"

	"dossier/internal/model"
	"dossier/internal/textutil"
)

// Report metadata describes the report, not the incident: a dateline
// ("DAMASCUS, Oct. 30 (Agency) --", "HOMS, Syria (AP) —", "ALEPPO:"), a
// publication or update stamp ("Updated: Oct 30, 2025 14:24 AST", "Added
// On October 30, 2025", "Thursday 30/10/2025"), a photo caption
// ("… Picture taken October 29, 2025. AGENCY/Stringer"). Its dates are
// never an event's; a dateline's or a stamp's date is the report's own day,
// which orders the article's figures in time. Shapes, never names of
// particular outlets.

// captionMarks are the words that end or open a photo caption.
var captionMarks = []string{"(photo", "[photo", "photo:", "(picture", "picture:", "picture taken", "(credit:",
	"photographer:", "(source:", "photo/", " photo)", "(image", "image:", "file photo"}

// creditShape is a photo credit's shape: an agency in capitals, a slash and
// a photographer or a desk ("AGENCY/Jane Doe", "AGENCY Photo/Staff"), or a
// picture "via" an agency ("(Photographer via AGENCY)").
var creditShape = regexp.MustCompile(`\b\p{Lu}{2,}(?:\s+Photo)?\s?/\s?\p{Lu}\p{Ll}|\b(?i:via)\s+\p{Lu}{2,}\)`)

// captionStems are in every caption mark and credit shape, as sources
// write them; a sentence without one is no caption, and is not folded to
// find out.
var captionStems = []string{"hoto", "HOTO", "icture", "ICTURE", "redit", "REDIT", "ource", "OURCE", "mage", "MAGE", "/", "via", "Via", "VIA"}

func captionStem(text string) bool {
	for _, st := range captionStems {
		if strings.Contains(text, st) {
			return true
		}
	}
	return false
}

// isCaption reports whether a block is a photo caption.
func isCaption(text string) bool {
	if !captionStem(text) {
		return false
	}
	low := strings.ToLower(text)
	for _, m := range captionMarks {
		for i := 0; ; {
			k := strings.Index(low[i:], m)
			if k < 0 {
				break
			}
			if at := i + k; at == 0 || !unicode.IsLetter(rune(low[at-1])) || !unicode.IsLetter(rune(m[0])) {
				return true // a word, not a word's end: "image:", not "pilgrimage:"
			}
			i += k + 1
		}
	}
	if !strings.Contains(text, "/") && !strings.Contains(low, "via ") {
		return false // no credit without a slash or "via"
	}
	return creditShape.MatchString(text)
}

// stampWords may stand in a stamp besides its date and time.
var stampWords = words(`updated update added on published posted last modified by breaking news date time article is
from this am pm gmt ist bst edt est bjt hrs utc local read min`)

// isStamp reports whether a sentence is a stamp: short, with a date or a
// time and otherwise only stamp words, names and numbers — no predicate.
func isStamp(s *Sentence) bool {
	if len(s.Toks) > 24 {
		return false
	}
	date := false
	for k, t := range s.Toks {
		w := s.Lower[k]
		switch {
		case t.Kind == textutil.Number, t.Kind == textutil.Punct:
		case textutil.Month(w) != 0 || textutil.Weekday(w) >= 0:
			date = true
		case stampWords[w], t.Cap(), t.AllCaps():
		default:
			return false
		}
		if t.Kind == textutil.Number && (len(t.Text) == 4 || strings.Contains(t.Text, "/")) {
			date = true
		}
	}
	return date
}

// datelineEnd is the index of the first token of the story after a
// dateline that opens the sentence ("DAMASCUS, Oct. 30 (Agency) -- At
// least …" → the index of "At"), or 0 when there is none. A dateline is a
// place in capitals or a capitalised place and region, perhaps a date and
// an agency in parentheses, ended by a dash or a colon.
func datelineEnd(s *Sentence) int {
	t := s.Toks
	k := sentenceStart(s)
	if k < len(t) && t[k].Text == "(" {
		k++
	}
	if k >= len(t) || t[k].Kind != textutil.Word || !t[k].Cap() {
		return 0
	}
	caps := t[k].AllCaps()
	for m := k; m < len(t) && m < k+16; m++ {
		w := t[m]
		switch {
		case w.Text == "-" || w.Text == "—" || w.Text == "–" || w.Text == ":":
			if m == k {
				return 0
			}
			end := m + 1
			for end < len(t) && (t[end].Text == "-" || t[end].Text == "—") {
				end++
			}
			if !caps && !hasDate(s, k, m) && !parenAgency(s, k, m) && w.Text != ":" {
				return 0 // "Damascus - The death toll …" is a dateline only in capitals or with a date or an agency
			}
			if w.Text == ":" && m-k > 4 {
				return 0
			}
			return end
		case w.Kind == textutil.Word && (w.Cap() || w.AllCaps()):
		case w.Kind == textutil.Number, w.Text == ",", w.Text == ".", w.Text == "(", w.Text == ")":
		default:
			return 0
		}
	}
	return 0
}

func hasDate(s *Sentence, from, to int) bool {
	for k := from; k < to; k++ {
		if textutil.Month(s.Lower[k]) != 0 {
			return true
		}
	}
	return false
}

func parenAgency(s *Sentence, from, to int) bool {
	for k := from; k < to; k++ {
		if s.Toks[k].Text == "(" {
			return true
		}
	}
	return false
}

// reportDate is the day an article's dateline or stamp gives for the
// report, ISO, or "": the article's first dated dateline, else its first
// stamp.
func reportDate(claims []model.Claim) string {
	best := ""
	for _, c := range claims {
		if c.Date == nil || c.Date.Month == 0 || c.Date.DayLo == 0 || c.Date.DayLo != c.Date.DayHi {
			continue
		}
		switch c.Report {
		case "dateline":
			if c.Date.Year != 0 {
				return c.Date.Norm()
			}
		case "stamp":
			if best == "" && c.Date.Year != 0 {
				best = c.Date.Norm()
			}
		}
	}
	return best
}
