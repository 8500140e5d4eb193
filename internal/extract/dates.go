package extract

import (
	"strconv"
	"strings"
	"time"

	"dossier/internal/model"
	"dossier/internal/textutil"
)

// dates finds calendar dates: "October 19, 2023", "Oct. 29", "3 August
// 2014", "late October 2025", "mid-October", "in 2019", "since 2020",
// "2014-08-03", and weekdays or "yesterday"/"today", which are resolved
// against the article's publication date when it has one.
type dates struct{}

func (dates) Name() string { return "dates" }

// yearPreps may precede a bare year ("in 2019", "since 2020").
var yearPreps = words(`in since by until till from during before after of early late mid around circa between and to
year throughout the`)

// monthPreps may precede a bare month name ("in October", "the October raid").
var monthPreps = words(`in during since until by early late mid of this last next the from that`)

func (dates) Extract(s *Sentence) []model.Claim {
	var out []model.Claim
	for i := 0; i < len(s.Toks); i++ {
		if !dateStart(s, i) {
			continue
		}
		v, j, ok := parseDate(s, i)
		if !ok || s.Taken(i, j) {
			continue
		}
		c := s.Claim(model.KindDate, i, j)
		c.Date = &v
		if v.Precision() >= 2 || v.Weekday != 0 {
			c.Subject = eventAnchor(s, i, j)
		}
		out = append(out, c)
		i = j - 1
	}
	return out
}

// dateStart is a cheap test of whether a date can start at token i.
func dateStart(s *Sentence, i int) bool {
	t := s.Toks[i]
	switch {
	case t.Kind == textutil.Number:
		return true
	case t.Kind != textutil.Word:
		return false
	case t.Cap():
		return true
	}
	switch w := s.Lower[i]; w {
	case "early", "mid", "late", "yesterday", "today", "last", "this":
		return true
	default:
		return strings.HasPrefix(w, "mid-")
	}
}

var seasons = map[string]int{"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}

// seasonYear is the year of "last <season>" or "this <season>" said on
// day pub. Winter is named by the year it starts in.
func seasonYear(pub time.Time, season int, last bool) int {
	y, m := pub.Year(), int(pub.Month())
	// the season pub falls in, and the year it started
	cur, curY := 0, y
	switch {
	case m >= 3 && m <= 5:
		cur = 21
	case m >= 6 && m <= 8:
		cur = 22
	case m >= 9 && m <= 11:
		cur = 23
	default:
		cur = 24
		if m <= 2 {
			curY = y - 1
		}
	}
	if !last {
		if season >= cur {
			return curY
		}
		return curY + 1
	}
	// "last": the most recent such season that has ended
	if season < cur {
		return curY
	}
	return curY - 1
}

func isYear(t textutil.Token) (int, bool) {
	if t.Kind != textutil.Number || len(t.Text) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(t.Text)
	return y, err == nil && y >= 1800 && y <= 2199
}

func dayNumber(t textutil.Token) (int, bool) {
	if t.Kind != textutil.Number || len(t.Text) > 2 {
		return 0, false
	}
	d, err := strconv.Atoi(t.Text)
	return d, err == nil && d >= 1 && d <= 31
}

// monthAt reads a month name at i (with an optional abbreviation dot) and
// returns the month and the index after it.
func monthAt(s *Sentence, i int) (int, int) {
	if i >= len(s.Toks) || s.Toks[i].Kind != textutil.Word {
		return 0, i
	}
	m := textutil.Month(s.Lower[i])
	if m == 0 {
		return 0, i
	}
	full := len(s.Lower[i]) > 3 || s.Lower[i] == "may"
	if !s.Toks[i].Cap() {
		return 0, i
	}
	j := i + 1
	if !full && j < len(s.Toks) && s.Toks[j].Text == "." {
		j++
	}
	return m, j
}

// parseDate reads a date starting at token i.
func parseDate(s *Sentence, i int) (model.DateValue, int, bool) {
	var v model.DateValue
	t := s.Toks
	n := len(t)
	low := s.Lower

	// ISO 8601: 2014-08-03
	if y, ok := isYear(t[i]); ok && i+4 < n && t[i+1].Text == "-" && t[i+3].Text == "-" && t[i+2].Kind == textutil.Number && t[i+4].Kind == textutil.Number {
		m, _ := strconv.Atoi(t[i+2].Text)
		d, _ := strconv.Atoi(t[i+4].Text)
		if m >= 1 && m <= 12 && d >= 1 && d <= 31 {
			return model.DateValue{Year: y, Month: m, DayLo: d, DayHi: d}, i + 5, true
		}
	}

	// early/mid/late + month, or "mid-October"
	part := ""
	start := i
	mi := i
	switch {
	case low[i] == "early" || low[i] == "mid" || low[i] == "late":
		part, mi = low[i], i+1
		if mi < n && t[mi].Text == "-" {
			mi++
		}
	case len(low[i]) > 4 && low[i][:4] == "mid-" && textutil.Month(low[i][4:]) != 0 && t[i].Kind == textutil.Word:
		v.Month, v.DayLo, v.DayHi = textutil.Month(low[i][4:]), 11, 20
		j := i + 1
		if j < n {
			if y, ok := isYear(t[j]); ok {
				v.Year = y
				j++
			}
		}
		return v, j, true
	}

	// weekday: "on Sunday", "Sunday, Aug. 3, 2014", "Sunday's quake"
	possessive := strings.HasSuffix(low[i], "'s")
	if wd := textutil.Weekday(strings.TrimSuffix(low[i], "'s")); wd >= 0 && t[i].Cap() && part == "" {
		j := i + 1
		if j+1 < n && t[j].Text == "," {
			if m, _ := monthAt(s, j+1); m != 0 {
				if d, k, ok := parseDate(s, j+1); ok {
					d.Weekday = wd + 1
					return d, k, true
				}
			}
		}
		prev := ""
		if i > 0 {
			prev = low[i-1]
		}
		next := ""
		if j < n {
			next = low[j]
		}
		if !(prev == "on" || prev == "last" || prev == "since" || prev == "by" || prev == "until" || prev == "early" || prev == "late" ||
			next == "morning" || next == "afternoon" || next == "evening" || next == "night" || possessive) {
			return v, 0, false
		}
		v.Weekday = wd + 1
		if !s.Published.IsZero() {
			back := (int(s.Published.Weekday()) - wd + 7) % 7
			d := s.Published.AddDate(0, 0, -back)
			v = model.DateValue{Year: d.Year(), Month: int(d.Month()), DayLo: d.Day(), DayHi: d.Day(), Weekday: wd + 1, Relative: t[i].Text}
		}
		return v, j, true
	}

	// "last fall", "this spring": a season, resolved against a known
	// publication date (the latest such season that has ended, for "last";
	// the current or coming one, for "this"), else partial
	if (low[i] == "last" || low[i] == "this") && i+1 < n {
		if sn := seasons[low[i+1]]; sn != 0 {
			v := model.DateValue{Season: sn, Relative: low[i] + " " + low[i+1]}
			if !s.Published.IsZero() {
				v.Year = seasonYear(s.Published, sn, low[i] == "last")
			}
			return v, i + 2, true
		}
	}

	// yesterday / today, only against a known publication date
	if (low[i] == "yesterday" || low[i] == "today") && !s.Published.IsZero() {
		d := s.Published
		if low[i] == "yesterday" {
			d = d.AddDate(0, 0, -1)
		}
		return model.DateValue{Year: d.Year(), Month: int(d.Month()), DayLo: d.Day(), DayHi: d.Day(), Weekday: int(d.Weekday()) + 1, Relative: low[i]}, i + 1, true
	}

	// month-led: "October 19, 2023", "Oct. 29", "October 2025", "October"
	if m, j := monthAt(s, mi); m != 0 {
		v.Month = m
		switch part {
		case "early":
			v.DayLo, v.DayHi = 1, 10
		case "mid":
			v.DayLo, v.DayHi = 11, 20
		case "late":
			v.DayLo, v.DayHi = 21, lastDay(m)
		}
		if part == "" && j < n {
			if d, ok := dayNumber(t[j]); ok && !(j+1 < n && t[j+1].Text == ":") {
				v.DayLo, v.DayHi = d, d
				j++
				if j < n && (low[j] == "st" || low[j] == "nd" || low[j] == "rd" || low[j] == "th") {
					j++
				}
				k := j
				if k < n && t[k].Text == "," {
					k++
				}
				if k < n {
					if y, ok := isYear(t[k]); ok {
						v.Year = y
						j = k + 1
					}
				}
				return v, j, true
			}
		}
		if j < n {
			if y, ok := isYear(t[j]); ok {
				v.Year = y
				return v, j + 1, true
			}
		}
		if part != "" {
			return v, j, true
		}
		// a bare month needs a cue, and "May" a strong one
		prev := ""
		if start > 0 {
			prev = low[start-1]
		}
		nextIncident := j < n && IncidentNoun(low[j]) != ""
		if low[mi] == "may" || low[mi] == "march" {
			if prev != "in" && prev != "early" && prev != "late" && prev != "since" {
				return v, 0, false
			}
		} else if !monthPreps[prev] && !nextIncident {
			return v, 0, false
		}
		return v, j, true
	}
	if part != "" {
		// "late 2019"
		if mi < n {
			if y, ok := isYear(t[mi]); ok {
				return model.DateValue{Year: y}, mi + 1, true
			}
		}
		return v, 0, false
	}

	// day-led: "3 August 2014"
	if d, ok := dayNumber(t[i]); ok && i+1 < n {
		if m, j := monthAt(s, i+1); m != 0 {
			v.Month, v.DayLo, v.DayHi = m, d, d
			if j < n {
				if y, ok := isYear(t[j]); ok {
					v.Year = y
					j++
				}
			}
			return v, j, true
		}
	}

	// a bare year after a preposition: "in 2019", "since 2020", "the 2012 quake"
	if y, ok := isYear(t[i]); ok && i > 0 && yearPreps[low[i-1]] {
		if i+1 < n && t[i+1].Kind == textutil.Number {
			return v, 0, false
		}
		v.Year = y
		v.Since = low[i-1] == "since"
		return v, i + 1, true
	}
	return v, 0, false
}

func lastDay(m int) int {
	return time.Date(2001, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// eventAnchor finds the incident noun a date or time at tokens [i, j) is
// about, in the same sentence:
//
//	"the October 19 raid"                    noun right after the date
//	"the raid took place around 3 AM on …"   noun, occurrence verb, then the date
//	"On Sunday, a strong earthquake struck"  the date, noun, then the verb
func eventAnchor(s *Sentence, i, j int) string { return eventAnchorWithin(s, i, j, 14) }

// eventAnchorWithin is eventAnchor with at most gap tokens between the
// occurrence verb and the mention.
func eventAnchorWithin(s *Sentence, i, j, gap int) string {
	low := s.Lower
	n := len(low)
	// (a) "the October 29 raid", "Sunday's 6.5-magnitude quake": the noun
	// after the date, past a few modifiers (figures, hyphens, adjectives)
	for k := j; k < n && k <= j+4; k++ {
		tk := s.Toks[k]
		if tk.Kind == textutil.Word && !tk.Cap() {
			if ev := IncidentNoun(low[k]); ev != "" {
				return ev
			}
			if textutil.FunctionWords[low[k]] {
				break
			}
		} else if tk.Kind == textutil.Punct && tk.Text != "-" {
			break
		}
		if k > j && tk.Kind == textutil.Word && tk.Cap() {
			break
		}
	}
	// (b) noun … occurrence verb … date, in one clause: "The quake struck an
	// area of steep hills, and heavy rain on Tuesday …" is not the quake's day;
	// an event verb alone names the event: "the ferry sank on Monday"
	for v := i - 1; v >= 0 && v >= i-gap; v-- {
		if clauseBreak[low[v]] {
			break
		}
		if ev, ok := eventVerbs[low[v]]; ok && v >= i-8 {
			return ev
		}
		if !occurrenceVerbs[low[v]] {
			continue
		}
		for nn := v - 1; nn >= 0 && nn >= v-6; nn-- {
			if low[nn] == ";" {
				break
			}
			if ev := IncidentNoun(low[nn]); ev != "" && !s.Toks[nn].Cap() {
				if weakOccurrence[low[v]] && v != nn+1 {
					break
				}
				if priorModifier(s, nn) {
					break
				}
				return ev
			}
		}
	}
	// (c) date … noun … occurrence verb; not "as of Monday morning after the
	// tremor rattled …", a date relative to the event
	for nn := j; nn < n && nn <= j+8; nn++ {
		if low[nn] == ";" || low[nn] == "." || relativeTo[low[nn]] || clauseBreak[low[nn]] {
			break
		}
		if ev := IncidentNoun(low[nn]); ev != "" && !s.Toks[nn].Cap() {
			for v := nn + 1; v < n && v <= nn+3; v++ {
				if occurrenceVerbs[low[v]] && !weakOccurrence[low[v]] {
					return ev
				}
			}
			break
		}
	}
	return ""
}

// clauseBreak words end the clause an occurrence verb governs.
var clauseBreak = words(`; and but while whereas although though where when because`)

// relativeTo words make a date relative to an event rather than its date.
var relativeTo = words(`after before since following until till`)

// priorModifier reports whether the incident noun at nn is marked as another,
// earlier event ("the 2008 earthquake", "a previous raid").
func priorModifier(s *Sentence, nn int) bool {
	for k := nn - 1; k >= 0 && k >= nn-3; k-- {
		if _, ok := isYear(s.Toks[k]); ok {
			return true
		}
		switch s.Lower[k] {
		case "previous", "earlier", "prior", "another", "similar", "last", "past", "former":
			return true
		}
	}
	return false
}
