package extract

import (
	"strconv"
	"strings"

	"dossier/internal/model"
	"dossier/internal/textutil"
)

// times finds times of day: "3 am", "4:30 p.m.", "03:00", "5.30pm",
// "0830 GMT", "16:30 local time", with approximations ("around 3 am") and
// zones (GMT, UTC, BST, "Damascus time", …).
type times struct{}

func (times) Name() string { return "times" }

// zones maps a folded zone word to its UTC offset. Ambiguous abbreviations
// (CST, IST) are left out on purpose: an unknown zone is better than a wrong one.
var zones = map[string]string{
	"gmt": "UTC", "utc": "UTC", "z": "UTC", "bst": "UTC+01:00", "cet": "UTC+01:00", "cest": "UTC+02:00",
	"eet": "UTC+02:00", "eest": "UTC+03:00", "est": "UTC-05:00", "edt": "UTC-04:00", "pst": "UTC-08:00",
	"pdt": "UTC-07:00", "mst": "UTC-07:00", "mdt": "UTC-06:00", "bjt": "UTC+08:00", "jst": "UTC+09:00",
	"kst": "UTC+09:00", "aest": "UTC+10:00", "wib": "UTC+07:00", "msk": "UTC+03:00",
}

// namedZones are zones named "<city or country> time" in news copy.
var namedZones = map[string]string{
	"beijing": "UTC+08:00", "china": "UTC+08:00", "moscow": "UTC+03:00", "tokyo": "UTC+09:00", "japan": "UTC+09:00",
	"jakarta": "UTC+07:00", "indochina": "UTC+07:00", "india": "UTC+05:30", "pakistan": "UTC+05:00",
	"greenwich": "UTC", "eastern": "UTC-05:00", "pacific": "UTC-08:00", "central": "UTC-06:00",
}

var approxWords = words(`around about approximately roughly circa nearly almost shortly just some`)

func (times) Extract(s *Sentence, out []model.Claim) []model.Claim {
	t, low := s.Toks, s.Lower
	n := len(t)
	for i := 0; i < n; i++ {
		if t[i].Kind != textutil.Number || s.Taken(i, i+1) {
			continue
		}
		h, m, j, ok := clock(s, i)
		if !ok {
			continue
		}
		v := model.TimeValue{Minutes: h*60 + m}
		// zone
		if j < n {
			if z, ok := zones[strings.Trim(low[j], ".")]; ok && (t[j].AllCaps() || len(low[j]) <= 4) {
				v.Zone = z
				j++
			} else if j+1 < n && low[j] == "local" && low[j+1] == "time" {
				j += 2
			} else if j+1 < n && low[j+1] == "time" && namedZones[low[j]] != "" {
				v.Zone = namedZones[low[j]] // "Damascus time", "Moscow time"
				j += 2
			}
		}
		start := i
		if i > 0 && approxWords[low[i-1]] {
			v.Approx = true
			start = i - 1
		}
		c := s.Claim(model.KindTime, start, j)
		c.Time = &v
		switch {
		case s.report != "":
			c.Report = s.report
		case start < s.story:
			c.Report = "dateline"
		default:
			if ev := eventAnchor(s, start, j); ev != "" {
				c.Predicate, c.Event, c.Sure = "when", ev, true
			}
		}
		out = append(out, c)
		i = j - 1
	}
	return out
}

// dottedTime reports whether a number written "4.30" at i is a time of
// day: followed by am/pm or a zone, or after "at", "around" or "about"
// with no unit or scale after it ("at 4.30", "(09.30 BST)"); "$1.14
// billion" and "6.30 metres" are not.
func dottedTime(s *Sentence, i int) bool {
	t, low := s.Toks, s.Lower
	if i+1 < len(t) {
		next := strings.ReplaceAll(low[i+1], ".", "")
		if next == "am" || next == "pm" || next == "hrs" || next == "gmt" || next == "utc" || zones[next] != "" && t[i+1].AllCaps() {
			return true
		}
		if _, scale := textutil.ScaleWord(low[i+1]); scale {
			return false
		}
		if t[i+1].Kind == textutil.Word && !isFunction(low[i+1]) {
			return false
		}
	}
	if i > 0 && strings.ContainsAny(t[i-1].Text, "$€£¥") {
		return false
	}
	return i > 0 && (low[i-1] == "at" || low[i-1] == "around" || low[i-1] == "about" || low[i-1] == "by")
}

// clock reads a clock time at token i; it returns hours, minutes and the
// index after the time.
func clock(s *Sentence, i int) (int, int, int, bool) {
	t, low := s.Toks, s.Lower
	n := len(t)
	h, m := -1, 0
	j := i + 1
	colon := false
	switch {
	case strings.Contains(t[i].Text, "."): // "5.30pm", "(09.30 BST)", "at 4.30"; never "$1.14 billion"
		parts := strings.SplitN(t[i].Text, ".", 2)
		if len(parts[1]) != 2 || !dottedTime(s, i) {
			return 0, 0, 0, false
		}
		h, _ = strconv.Atoi(parts[0])
		m, _ = strconv.Atoi(parts[1])
		colon = true
	case j+1 < n && t[j].Text == ":" && t[j+1].Kind == textutil.Number && len(t[j+1].Text) == 2 && !t[i].SpaceAfter:
		h, _ = strconv.Atoi(t[i].Text)
		m, _ = strconv.Atoi(t[j+1].Text)
		j += 2
		colon = true
		// "7:56:30 pm": seconds are read and dropped
		if j+1 < n && t[j].Text == ":" && t[j+1].Kind == textutil.Number && len(t[j+1].Text) == 2 && !t[j-1].SpaceAfter {
			j += 2
		}
	case len(t[i].Text) == 4 && !strings.Contains(t[i].Text, ","): // "0830 GMT"
		if j < n {
			if _, ok := zones[low[j]]; ok && t[j].AllCaps() {
				h, _ = strconv.Atoi(t[i].Text[:2])
				m, _ = strconv.Atoi(t[i].Text[2:])
				if h > 23 || m > 59 {
					return 0, 0, 0, false
				}
				return h, m, j, true
			}
			if low[j] == "hrs" || low[j] == "hours" {
				h, _ = strconv.Atoi(t[i].Text[:2])
				m, _ = strconv.Atoi(t[i].Text[2:])
				if h > 23 || m > 59 {
					return 0, 0, 0, false
				}
				return h, m, j + 1, true
			}
		}
		return 0, 0, 0, false
	default:
		if len(t[i].Text) > 2 {
			return 0, 0, 0, false
		}
		h, _ = strconv.Atoi(t[i].Text)
	}
	if h < 0 || h > 23 || m > 59 {
		return 0, 0, 0, false
	}
	// am / pm
	if j < n {
		ap := strings.ReplaceAll(low[j], ".", "")
		if ap == "am" || ap == "pm" {
			if h < 1 || h > 12 {
				return 0, 0, 0, false
			}
			if ap == "pm" && h != 12 {
				h += 12
			}
			if ap == "am" && h == 12 {
				h = 0
			}
			j++
			if j < n && t[j].Text == "." && t[j-1].Text[len(t[j-1].Text)-1] != '.' && !t[j-1].SpaceAfter && strings.Contains(t[j-1].Text, ".") {
				j++
			}
			return h, m, j, true
		}
	}
	if colon {
		return h, m, j, true
	}
	return 0, 0, 0, false
}
