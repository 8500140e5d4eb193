package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

var monthNames = [...]string{"", "January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

var weekdayNames = [...]string{"", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

// Norm is the ISO 8601 form of a date: "2025-10-29", partial with X for
// unknown parts ("XXXX-10-19"), a day range as an interval
// ("2025-10-21/2025-10-31"), "since" as an open interval ("2020/..").
func (d DateValue) Norm() string {
	y := "XXXX"
	if d.Year != 0 {
		y = fmt.Sprintf("%04d", d.Year)
	}
	var s string
	switch {
	case d.Season != 0 && d.Month == 0:
		s = fmt.Sprintf("%s-%d", y, d.Season)
	case d.Month == 0 && d.Year == 0 && d.Weekday != 0:
		s = "XXXX-XX-XX"
	case d.Month == 0:
		s = y
	case d.DayLo == 0:
		s = fmt.Sprintf("%s-%02d", y, d.Month)
	case d.DayLo == d.DayHi:
		s = fmt.Sprintf("%s-%02d-%02d", y, d.Month, d.DayLo)
	default:
		s = fmt.Sprintf("%s-%02d-%02d/%s-%02d-%02d", y, d.Month, d.DayLo, y, d.Month, d.DayHi)
	}
	if d.Since {
		s += "/.."
	}
	return s
}

// Display is the date in plain English: "October 19, 2023", "late October
// 2025", "since 2020", "Sunday".
func (d DateValue) Display() string {
	var s string
	switch {
	case d.Season != 0 && d.Month == 0:
		s = seasonNames[d.Season-21]
		if d.Year != 0 {
			s += " " + strconv.Itoa(d.Year)
		}
	case d.Month == 0 && d.Year == 0:
		if d.Weekday != 0 {
			return weekdayNames[d.Weekday]
		}
		return "unknown date"
	case d.Month == 0:
		s = strconv.Itoa(d.Year)
	default:
		s = monthNames[d.Month]
		switch {
		case d.DayLo == 0:
		case d.DayLo == d.DayHi:
			s += " " + strconv.Itoa(d.DayLo)
		case d.DayLo == 1 && d.DayHi == 15:
			s = "early " + s
		case d.DayLo == 8 && d.DayHi == 22:
			s = "mid-" + s
		case d.DayLo == 16 && d.DayHi >= 28:
			s = "late " + s
		default:
			s += fmt.Sprintf(" %d–%d", d.DayLo, d.DayHi)
		}
		if d.Year != 0 {
			if d.DayLo != 0 && d.DayLo == d.DayHi {
				s += ","
			}
			s += " " + strconv.Itoa(d.Year)
		}
	}
	if d.Weekday != 0 && d.DayLo != 0 && d.DayLo == d.DayHi {
		s = weekdayNames[d.Weekday] + ", " + s
	}
	if d.Since {
		s = "since " + s
	}
	return s
}

// Precision ranks how much of the date is known: 0 nothing, 1 year or
// weekday, 2 month, 3 day range, 4 day.
func (d DateValue) Precision() int {
	switch {
	case d.DayLo != 0 && d.DayLo == d.DayHi:
		return 4
	case d.DayLo != 0:
		return 3
	case d.Month != 0:
		return 2
	case d.Year != 0 || d.Weekday != 0 || d.Season != 0:
		return 1
	}
	return 0
}

var seasonNames = [...]string{"spring", "summer", "autumn", "winter"}

// seasonMonths are the months of a season (northern, meteorological);
// winter runs December to February.
var seasonMonths = [...][]int{{3, 4, 5}, {6, 7, 8}, {9, 10, 11}, {12, 1, 2}}

// Compatible reports whether two dates can describe the same day: every part
// both state agrees, and day ranges overlap.
func (d DateValue) Compatible(o DateValue) bool {
	if d.Since || o.Since {
		return true
	}
	if d.Year != 0 && o.Year != 0 && d.Year != o.Year {
		return false
	}
	if d.Month != 0 && o.Month != 0 && d.Month != o.Month {
		return false
	}
	if d.DayLo != 0 && o.DayLo != 0 && (d.DayHi < o.DayLo || o.DayHi < d.DayLo) {
		return false
	}
	if d.Weekday != 0 && o.Weekday != 0 && d.Weekday != o.Weekday {
		return false
	}
	if d.Season != 0 && o.Season != 0 && d.Season != o.Season {
		return false
	}
	for _, p := range [][2]DateValue{{d, o}, {o, d}} {
		if p[0].Season != 0 && p[1].Month != 0 && !inSeason(p[1].Month, p[0].Season) {
			return false
		}
	}
	return true
}

func inSeason(month, season int) bool {
	for _, m := range seasonMonths[season-21] {
		if m == month {
			return true
		}
	}
	return false
}

// Norm is the ISO 8601 time: "T03:00", with an offset when the zone is
// known ("T08:30Z", "T16:30+08:00").
func (t TimeValue) Norm() string {
	s := fmt.Sprintf("T%02d:%02d", t.Minutes/60, t.Minutes%60)
	switch {
	case t.Zone == "UTC":
		s += "Z"
	case strings.HasPrefix(t.Zone, "UTC"):
		s += t.Zone[3:]
	}
	return s
}

// Display is the time in plain words: "around 03:00", "08:30 GMT".
func (t TimeValue) Display() string {
	s := fmt.Sprintf("%02d:%02d", t.Minutes/60, t.Minutes%60)
	if t.Zone != "" {
		s += " " + t.Zone
	}
	if t.Approx {
		s = "around " + s
	}
	return s
}

// utcMinutes returns the time in minutes after midnight UTC, if the zone is known.
func (t TimeValue) utcMinutes() (int, bool) {
	if t.Zone == "" {
		return 0, false
	}
	off := 0
	if z := strings.TrimPrefix(t.Zone, "UTC"); z != "" {
		sign := 1
		if z[0] == '-' {
			sign = -1
		}
		parts := strings.SplitN(z[1:], ":", 2)
		h, _ := strconv.Atoi(parts[0])
		m := 0
		if len(parts) == 2 {
			m, _ = strconv.Atoi(parts[1])
		}
		off = sign * (h*60 + m)
	}
	return ((t.Minutes-off)%1440 + 1440) % 1440, true
}

// Comparable reports whether two times can be compared: both in known
// zones, or both local.
func (t TimeValue) Comparable(o TimeValue) bool { return (t.Zone == "") == (o.Zone == "") }

// Compatible reports whether two comparable times can be the same moment:
// equal, or within 30 minutes when either is approximate.
func (t TimeValue) Compatible(o TimeValue) bool {
	a, b := t.Minutes, o.Minutes
	if ua, ok := t.utcMinutes(); ok {
		if ub, ok := o.utcMinutes(); ok {
			a, b = ua, ub
		}
	}
	d := a - b
	if d < 0 {
		d = -d
	}
	if d > 720 {
		d = 1440 - d
	}
	if t.Approx || o.Approx {
		return d <= 30
	}
	return d == 0
}

// Norm is the figure as a plain number ("2500", "6.1"), or a range "10-12".
func (q QtyValue) Norm() string {
	if q.Qualifier == "between" {
		return FormatNumber(q.Lo) + "-" + FormatNumber(q.Hi)
	}
	return FormatNumber(q.Number)
}

// Display is the figure as a reader would say it: "at least 150",
// "1,038", "6 miles".
func (q QtyValue) Display() string {
	s := group(q.Number)
	if q.Qualifier == "between" {
		s = group(q.Lo) + "–" + group(q.Hi)
	}
	if q.Qualifier != "" && q.Qualifier != "between" {
		s = q.Qualifier + " " + s
	}
	if q.Unit != "" {
		s += " " + q.Unit
	}
	return s
}

// Compatible reports whether the two intervals overlap.
func (q QtyValue) Compatible(o QtyValue) bool {
	if q.Dim != o.Dim {
		return false
	}
	hiA, hiB := q.Hi, o.Hi
	if hiA < 0 {
		hiA = math.Inf(1)
	}
	if hiB < 0 {
		hiB = math.Inf(1)
	}
	return q.Lo <= hiB && o.Lo <= hiA
}

// FormatNumber prints n without a trailing ".0" and without exponent.
func FormatNumber(n float64) string {
	if n == math.Trunc(n) && math.Abs(n) < 1e15 {
		return strconv.FormatInt(int64(n), 10)
	}
	return strconv.FormatFloat(n, 'f', -1, 64)
}

// FormatCount prints a count with thousands separators: 4997 → "4,997".
func FormatCount(n int) string { return group(float64(n)) }

// group prints a number with thousands separators: 2500 → "2,500".
func group(n float64) string {
	s := FormatNumber(n)
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	if len(intPart) > 3 {
		var b strings.Builder
		for i, r := range intPart {
			if i > 0 && (len(intPart)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(r)
		}
		intPart = b.String()
	}
	if neg {
		intPart = "-" + intPart
	}
	if frac != "" {
		return intPart + "." + frac
	}
	return intPart
}
