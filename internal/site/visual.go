package site

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"dossier/internal/model"
)

// The visual timeline and the source × fact matrix: plain data laid out
// here, drawn by the templates as static SVG and an HTML table, with no
// JavaScript. Each has its text equivalent: the timeline's list, and the
// matrix's own table cells.

// Matrix is the source × fact grid: who says what about the key facts.
type Matrix struct {
	Facts []MatrixFact
	Rows  []MatrixRow
}

// MatrixFact is a column: a key fact.
type MatrixFact struct {
	Link
	Disputed bool
}

// MatrixRow is one source and what it says of each key fact.
type MatrixRow struct {
	Source Link
	Cells  []MatrixCell
}

// MatrixCell is what one source says of one fact: its values, as written
// in plain words; Odd marks a value against the fact's most-stated one in
// a disputed fact.
type MatrixCell struct {
	Text string
	Odd  bool
}

// MaxMatrixFacts is how many key facts the matrix has columns for.
const MaxMatrixFacts = 12

// MatrixPerPage is how many sources a page of the matrix lists.
const MatrixPerPage = 100

func buildMatrix(s *Site, led *model.Ledger, srcLinks map[string]Link) []Matrix {
	byID := map[string]*model.Fact{}
	for i := range led.Facts {
		byID[led.Facts[i].ID] = &led.Facts[i]
	}
	var cols []*model.Fact
	var head []MatrixFact
	for _, f := range s.KeyFacts {
		if len(cols) == MaxMatrixFacts {
			break
		}
		cols = append(cols, byID[f.ID])
		head = append(head, MatrixFact{Link: Link{Href: f.Page, Text: f.Title}, Disputed: f.Status == string(model.Disputed)})
	}
	if len(cols) == 0 {
		return nil
	}
	// each fact's most-stated value, to mark the others in a dispute
	top := make([]string, len(cols))
	for i, f := range cols {
		n := 0
		for _, g := range f.Groups {
			if len(g.Claims) > n {
				n, top[i] = len(g.Claims), g.Value
			}
		}
	}
	// what each source says of each column, read from each fact once
	type said struct {
		text []string
		odd  bool
	}
	says := make([]map[string]*said, len(cols))
	for i, f := range cols {
		says[i] = map[string]*said{}
		note := func(ci int, odd bool) {
			c := f.Claims[ci]
			x := says[i][c.Article]
			if x == nil {
				x = &said{}
				says[i][c.Article] = x
			}
			x.text = appendOnce(x.text, c.Display)
			x.odd = x.odd || odd
		}
		for gi := range f.Groups {
			for _, ci := range f.Groups[gi].Claims {
				note(ci, head[i].Disputed && f.Groups[gi].Value != top[i])
			}
		}
		for _, ci := range f.Vague {
			note(ci, false)
		}
	}
	var rows []MatrixRow
	for _, src := range s.Sources {
		row := MatrixRow{Source: srcLinks[src.ID]}
		any := false
		for i := range cols {
			cell := MatrixCell{}
			if x := says[i][src.ID]; x != nil {
				cell = MatrixCell{Text: strings.Join(x.text, " / "), Odd: x.odd}
				any = true
			}
			row.Cells = append(row.Cells, cell)
		}
		if any {
			rows = append(rows, row)
		}
	}
	var pages []Matrix
	for lo := 0; lo < len(rows) || lo == 0; lo += MatrixPerPage {
		pages = append(pages, Matrix{Facts: head, Rows: rows[lo:min(lo+MatrixPerPage, len(rows))]})
		if len(rows) == 0 {
			break
		}
	}
	return pages
}

// Chart is the visual timeline: dated events on a time scale, the
// incident's own in one lane and background events (earlier incidents,
// context) in another; the competing dates of a disputed fact are drawn
// as marks joined by a dashed line.
type Chart struct {
	Width, Height int
	Marks         []Mark
	Ticks         []Tick
	Disputes      []Span // competing marks of one fact, joined
	From, To      string // the dates at either end, in words
}

// Mark is one event on the chart.
type Mark struct {
	X, Y       int
	Label      string // the date and what happened, for its title and link
	Href       string
	Disputed   bool
	Background bool
}

// Tick is a labelled point of the time axis.
type Tick struct {
	X    int
	Text string
}

// Span joins the competing marks of a disputed date.
type Span struct{ X1, X2, Y int }

const (
	chartWidth  = 900
	chartLeft   = 120 // room for the lane labels
	chartRight  = 20
	laneMain    = 40
	laneBack    = 95
	chartHeight = 140
)

// buildChart lays out the dated events: those with a year can sit on the
// scale (a year at its middle); those without, or open ("since 2020"), are
// in the list below the chart, which has them all.
func buildChart(s *Site, led *model.Ledger) *Chart {
	subject := map[string]string{}
	for _, f := range led.Facts {
		subject[f.ID] = f.Subject
	}
	type ev struct {
		day  float64
		e    model.TimelineEntry
		back bool
	}
	var evs []ev
	for _, e := range led.Timeline {
		d, ok := dayNumber(e.Date)
		if !ok {
			continue
		}
		evs = append(evs, ev{d, e, e.Fact == "" || subject[e.Fact] != led.MainEvent})
	}
	if len(evs) == 0 {
		return nil
	}
	lo, hi := evs[0].day, evs[0].day
	for _, e := range evs {
		lo, hi = min(lo, e.day), max(hi, e.day)
	}
	if hi-lo < 2 {
		lo, hi = lo-1, hi+1
	}
	span := float64(chartWidth - chartLeft - chartRight)
	x := func(d float64) int { return chartLeft + int((d-lo)/(hi-lo)*span+0.5) }
	c := &Chart{Width: chartWidth, Height: chartHeight, From: fromDay(lo), To: fromDay(hi)}
	byFact := map[string][]int{}
	for _, e := range evs {
		m := Mark{X: x(e.day), Y: laneMain, Label: e.e.Date.Display() + ": " + e.e.Label, Disputed: e.e.Status == model.Disputed, Background: e.back}
		if e.back {
			m.Y = laneBack
		}
		if e.e.Fact != "" {
			m.Href = FactPage(e.e.Fact)
			if m.Disputed {
				byFact[e.e.Fact] = append(byFact[e.e.Fact], len(c.Marks))
			}
		}
		c.Marks = append(c.Marks, m)
	}
	for _, fact := range slices.Sorted(maps.Keys(byFact)) {
		idx := byFact[fact]
		if len(idx) < 2 {
			continue
		}
		x1, x2 := c.Marks[idx[0]].X, c.Marks[idx[0]].X
		for _, i := range idx {
			x1, x2 = min(x1, c.Marks[i].X), max(x2, c.Marks[i].X)
		}
		c.Disputes = append(c.Disputes, Span{x1, x2, c.Marks[idx[0]].Y})
	}
	c.Ticks = ticks(lo, hi, x)
	return c
}

// dayNumber places a date on the scale: days since 1970, the middle of
// its day range (or of its month when the day is not given).
func dayNumber(d model.DateValue) (float64, bool) {
	if d.Year == 0 || d.Since || d.Season != 0 {
		return 0, false
	}
	if d.Month == 0 { // a year: its middle
		return float64(time.Date(d.Year, 7, 1, 0, 0, 0, 0, time.UTC).Unix()) / 86400, true
	}
	lo, hi := d.DayLo, d.DayHi
	if lo == 0 {
		lo, hi = 1, time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	}
	t := time.Date(d.Year, time.Month(d.Month), lo, 0, 0, 0, 0, time.UTC)
	return float64(t.Unix())/86400 + float64(hi-lo)/2, true
}

func fromDay(d float64) string {
	return time.Unix(int64(d*86400), 0).UTC().Format("January 2, 2006")
}

// ticks labels the axis: years when it spans years, else months, else days.
func ticks(lo, hi float64, x func(float64) int) []Tick {
	from, to := time.Unix(int64(lo*86400), 0).UTC(), time.Unix(int64(hi*86400), 0).UTC()
	var out []Tick
	add := func(t time.Time, text string) {
		d := float64(t.Unix()) / 86400
		if d >= lo && d <= hi {
			out = append(out, Tick{x(d), text})
		}
	}
	switch span := hi - lo; {
	case span > 2*365:
		step := max(1, int(span/365/8))
		for y := from.Year(); y <= to.Year()+1; y += step {
			add(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), fmt.Sprint(y))
		}
	case span > 60:
		for t := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC); !t.After(to); t = t.AddDate(0, 1, 0) {
			add(t, t.Format("Jan 2006"))
		}
	default:
		step := max(1, int(span/8))
		for t := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC); !t.After(to); t = t.AddDate(0, 0, step) {
			add(t, t.Format("Jan 2"))
		}
	}
	return out
}
