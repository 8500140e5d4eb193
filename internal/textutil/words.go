package textutil

import "strings"

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// FunctionWords are English words that are never names on their own, even
// when capitalised at the start of a sentence or a headline.
var FunctionWords = set(`a an the this that these those there here and or but nor so yet for of in on at by to
from with without within into onto upon over under after before during since until while when where why how
what which who whom whose if then than as though although because despite however meanwhile moreover
furthermore indeed instead still just only also even once already again both either neither each every all
any some many most much more less few several such no not none nothing another other he she it they we you i me him her us
them his its their our your my mine is are was were be been being has have had do does did will would shall
should can could may might must according amid among around about above below between beyond near through
throughout across against along toward towards via per unlike like later earlier today tonight yesterday
tomorrow now what's it's that's there's here's let's don't can't won't ok yes mr mrs ms dr`)

var monthNames = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
	"sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

// Month returns the month number of a month name or abbreviation (folded,
// trailing dot allowed), or 0.
func Month(w string) int { return monthNames[strings.TrimSuffix(Fold(w), ".")] }

var weekdays = map[string]int{"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6}

// Weekday returns 0–6 (Sunday = 0) for a weekday name, or -1.
func Weekday(w string) int {
	if len(w) < 6 || (w[len(w)-3:] != "day" && w[len(w)-3:] != "DAY") {
		return -1
	}
	if d, ok := weekdays[Fold(w)]; ok {
		return d
	}
	return -1
}

var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}

// NumberWord returns the value of an English number word ("five", "twenty"), if any.
func NumberWord(w string) (float64, bool) {
	v, ok := numberWords[Fold(w)]
	return v, ok
}

var scaleWords = map[string]float64{"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "mln": 1e6, "bn": 1e9}

// ScaleWord returns the multiplier of "hundred", "thousand", "million", "billion".
func ScaleWord(w string) (float64, bool) {
	v, ok := scaleWords[Fold(w)]
	return v, ok
}
