package extract

import (
	"math"
	"strconv"
	"strings"

	"dossier/internal/model"
	"dossier/internal/textutil"
)

// A figure is a number as written, with the words that make it a value:
// digits ("2,500", "6.1"), number words ("twenty-one", "one hundred and
// sixteen", "a dozen"), a scale ("2.5 million"), a range ("20-25",
// "between 20 and 30") and a qualifier ("at least", "no less than",
// "nearly").
type figure struct {
	start, i, j int // tokens [start, j) hold the figure, its number starts at i
	v           model.QtyValue
}

// number reads a number at token i: digits, or English number words
// ("five", "twenty-one", "one hundred and sixteen", "a dozen", "two
// million"); j is the index after it.
func number(s *Sentence, i int) (v float64, j int, ok bool) {
	t := s.Toks
	switch t[i].Kind {
	case textutil.Number:
		f, err := strconv.ParseFloat(strings.ReplaceAll(t[i].Text, ",", ""), 64)
		if err != nil {
			return 0, 0, false
		}
		v, j = f, i+1
	case textutil.Word:
		v, j, ok = numberWords(s, i)
		if !ok {
			return 0, 0, false
		}
	default:
		return 0, 0, false
	}
	// a scale after digits or words: "2.5 million", "1.09 million"
	if j < len(t) {
		if sc, ok := textutil.ScaleWord(s.Lower[j]); ok && t[j-1].Kind == textutil.Number {
			v *= sc
			j++
		}
	}
	return v, j, true
}

// numberWords reads number words: "twenty-one", "one hundred and sixteen",
// "two thousand", "a dozen" (12; "dozens" is no number).
func numberWords(s *Sentence, i int) (float64, int, bool) {
	low := s.Lower
	if low[i] == "a" && i+1 < len(low) && low[i+1] == "dozen" {
		return 12, i + 2, true
	}
	total, part, last := 0.0, 0.0, 0.0
	j := i
	for j < len(low) {
		w := low[j]
		if s.Toks[j].Kind != textutil.Word {
			break
		}
		if v, ok := wordValue(w); ok {
			// a word adds to the one before only as units after tens
			// ("twenty one"), never "five two"
			if j > i && !(last >= 20 && last < 100 && int(last)%10 == 0 && v < 10) && last != 0 {
				break
			}
			part += v
			last = v
			j++
			continue
		}
		if w == "dozen" && j > i && part > 0 && part < 100 { // "two dozen"
			part *= 12
			last = 0
			j++
			continue
		}
		if sc, ok := textutil.ScaleWord(w); ok && j > i && (part > 0 || total > 0) {
			if sc == 100 {
				part *= 100
			} else {
				total += part * sc
				part = 0
			}
			last = 0
			j++
			// "one hundred and sixteen"
			if j+1 < len(low) && low[j] == "and" {
				if _, ok := wordValue(low[j+1]); ok {
					j++
				}
			}
			continue
		}
		break
	}
	if j == i || total+part <= 1 {
		return 0, 0, false // "one" alone counts nothing worth a fact
	}
	return total + part, j, true
}

// wordValue is the value of one number word, hyphenated tens included
// ("twenty-one"); "one" counts only inside a larger number.
func wordValue(w string) (float64, bool) {
	if len(w) < 3 || !strings.ContainsRune("otfsen", rune(w[0])) {
		return 0, false // no number word starts otherwise
	}
	v := 0.0
	for w != "" {
		p, rest, _ := strings.Cut(w, "-")
		n, ok := textutil.NumberWord(p)
		if !ok || p == "dozen" {
			return 0, false
		}
		v += n
		w = rest
	}
	return v, true
}

// qualifiers before a figure, and what each does to its interval.
var qualifiers = []struct {
	words string
	kind  string // "min", "max", "approx", "near"
}{
	{"no fewer than", "min"}, {"no less than", "min"}, {"not less than", "min"}, {"not fewer than", "min"},
	{"no more than", "max"}, {"not more than", "max"}, {"as many as", "max"}, {"in excess of", "min"},
	{"at least", "min"}, {"more than", "min"}, {"upwards of", "min"}, {"fewer than", "max"}, {"less than", "max"},
	{"up to", "max"}, {"close to", "approx"}, {"an estimated", "approx"}, {"over", "min"}, {"above", "min"},
	{"exceeding", "min"}, {"passes", "min"}, {"passed", "min"}, {"topped", "min"}, {"surpassed", "min"},
	{"exceeded", "min"}, {"exceeds", "min"}, {"under", "max"}, {"below", "max"}, {"nearly", "near"}, {"almost", "near"},
	{"about", "approx"}, {"around", "approx"}, {"approximately", "approx"}, {"roughly", "approx"}, {"some", "approx"},
	{"estimated", "approx"}, {"approx", "approx"}, {"circa", "approx"},
}

var qualifierWords = func() [][]string {
	out := make([][]string, len(qualifiers))
	for i, q := range qualifiers {
		out[i] = strings.Fields(q.words)
	}
	return out
}()

// qualifierBefore finds a qualifier ending right before token i; it
// returns the qualifier, its kind and the index it starts at.
func qualifierBefore(s *Sentence, i int) (string, string, int) {
	for qi, q := range qualifiers {
		ws := qualifierWords[qi]
		k := i - len(ws)
		if k < 0 {
			continue
		}
		match := true
		for x, w := range ws {
			if s.Lower[k+x] != w {
				match = false
				break
			}
		}
		if match {
			return q.words, q.kind, k
		}
	}
	return "", "", i
}

// readFigure reads the figure whose number starts at token i, with its
// range and qualifier.
func readFigure(s *Sentence, i int) (figure, bool) {
	t, low := s.Toks, s.Lower
	n := len(t)
	num, j, ok := number(s, i)
	if !ok {
		return figure{}, false
	}
	f := figure{start: i, i: i, j: j, v: model.QtyValue{Number: num, Lo: num, Hi: num}}
	// ranges: "between 20 and 30", "20-30", "20 to 30" (but "from 150 to
	// 175" is a change, not a range), "4.0 to 4.9"
	switch {
	case i > 0 && low[i-1] == "between" && j+1 < n && low[j] == "and":
		if hi, k, ok := number(s, j+1); ok && hi > num {
			f.v.Hi, f.v.Qualifier, f.start, f.j = hi, "between", i-1, k
		}
	case j+1 < n && (t[j].Text == "-" || t[j].Text == "–") && !t[j-1].SpaceAfter && !t[j].SpaceAfter && t[j+1].Kind == textutil.Number:
		if hi, k, ok := number(s, j+1); ok && hi > num {
			f.v.Hi, f.v.Qualifier, f.j = hi, "between", k
		}
	case j+1 < n && low[j] == "to" && t[j+1].Kind == textutil.Number && !(i > 0 && (low[i-1] == "from" || low[i-1] == "by")):
		if hi, k, ok := number(s, j+1); ok && hi > num && hi < num*3 {
			f.v.Hi, f.v.Qualifier, f.j = hi, "between", k
		}
	}
	if f.v.Qualifier == "" {
		if q, kind, k := qualifierBefore(s, i); q != "" {
			f.v.Qualifier, f.start = q, k
			switch kind {
			case "min":
				f.v.Hi = -1
			case "max":
				f.v.Lo = 0
			case "approx":
				f.v.Lo, f.v.Hi = num*0.9, num*1.1
			case "near":
				f.v.Lo = num * 0.85
			}
		}
	}
	return f, true
}

// halfUnit is half of the last written digit's place: "6" → 0.5, "6.1" → 0.05.
func halfUnit(num string) float64 {
	if k := strings.IndexByte(num, '.'); k >= 0 {
		return 0.5 * math.Pow(10, -float64(len(num)-k-1))
	}
	return 0.5
}
