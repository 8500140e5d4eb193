package align

import (
	"sort"
	"strings"

	"dossier/internal/model"
	"dossier/internal/textutil"
)

// buildTimeline lists dated events: the main event (each competing date
// when disputed) and the dated background the sources give.
func buildTimeline(in []Input, led *model.Ledger, w *world) []model.TimelineEntry {
	var out []model.TimelineEntry
	var dateFact *model.Fact
	label := "The " + led.MainEvent
	when := ""
	for i := range led.Facts {
		f := &led.Facts[i]
		switch {
		case f.Kind == "date" && f.Subject == led.MainEvent && f.Parent == "":
			dateFact = f
		case f.Kind == "time" && f.Status != model.Disputed:
			when = ", " + f.Claims[0].Display
		}
	}
	if led.Where != "" {
		label += " in " + entityName(led, led.Where)
	}
	label += when
	if dateFact != nil {
		for _, cl := range clusterDates(dateFact.Claims) {
			st := dateFact.Status
			e := model.TimelineEntry{Date: *cl[0].Date, Label: label, Fact: dateFact.ID, Status: st}
			for _, c := range cl {
				e.Claims = append(e.Claims, *c.Claim)
			}
			e.Sources = claimSources(e.Claims)
			out = append(out, e)
		}
	}
	// a background date that is one of the main event's own dates, in one
	// of the same sources, is the event itself
	main := map[string]map[string]bool{}
	for _, e := range out {
		main[e.Date.Norm()] = map[string]bool{}
		for _, s := range e.Sources {
			main[e.Date.Norm()][s] = true
		}
	}
	for _, e := range background(in, led, w) {
		if srcs := main[e.Date.Norm()]; srcs != nil && srcs[e.Sources[0]] && len(e.Sources) == 1 {
			continue
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool { return dateLess(out[i].Date, out[j].Date) })
	return out
}

// mainPlace is where the main event happened: the place the sources agree
// on, else the place the most sources name.
func mainPlace(led *model.Ledger) string {
	for _, f := range led.Facts {
		if f.Kind == "place" && f.Status == model.Agreed && len(f.Claims) > 0 {
			return f.Claims[0].Entity
		}
	}
	if best, most := mostNamedPlace(led); most > 1 {
		return best
	}
	return ""
}

// mostNamedPlace is the place entity the most articles name, with how
// many (the first in id order on a tie).
func mostNamedPlace(led *model.Ledger) (string, int) {
	best, most := "", 0
	for _, e := range led.Entities {
		if e.Kind != model.Place {
			continue
		}
		srcs := map[string]bool{}
		for _, m := range e.Mentions {
			srcs[m.Article] = true
		}
		if len(srcs) > most {
			best, most = e.ID, len(srcs)
		}
	}
	return best, most
}

func entityName(led *model.Ledger, id string) string {
	for _, e := range led.Entities {
		if e.ID == id {
			return e.Name
		}
	}
	return id
}

// clusterDates groups a date fact's claims around its most precise values;
// a vague value that fits several clusters is left out of all of them.
func clusterDates(claims []model.FactClaim) [][]model.FactClaim {
	cs := append([]model.FactClaim(nil), claims...)
	rank := func(d *model.DateValue) int {
		r := d.Precision() * 2
		if d.Year != 0 {
			r++
		}
		return r
	}
	sort.SliceStable(cs, func(i, j int) bool { return rank(cs[i].Date) > rank(cs[j].Date) })
	var clusters [][]model.FactClaim
	for _, c := range cs {
		var fits []int
		for k, cl := range clusters {
			if cl[0].Date.Compatible(*c.Date) {
				fits = append(fits, k)
			}
		}
		switch len(fits) {
		case 0:
			clusters = append(clusters, []model.FactClaim{c})
		case 1:
			clusters[fits[0]] = append(clusters[fits[0]], c)
		}
	}
	return clusters
}

// background collects dated events outside the main event: dates with a
// known year that no incident noun claims ("In 2019, …", "since 2020").
func background(in []Input, led *model.Ledger, w *world) []model.TimelineEntry {
	var out []model.TimelineEntry
	byDate := map[string][]int{} // date → entries with that date
	words := map[int]map[string]bool{}
	for _, x := range in {
		for _, c := range led.Claims[x.Article.ID] {
			if c.Kind != model.KindDate || c.Date.Year == 0 || c.Report != "" || c.Predicate == "when" && w.mainClaim(c.Frame) && c.Measure == "" {
				continue // the main incident's own dates are its entry; a report's are not events
			}
			before := strings.ToLower(string(x.Article.Raw[max(0, c.Span.Start-8):c.Span.Start]))
			if strings.HasSuffix(strings.TrimSpace(before), "as of") {
				continue // a reporting stamp, not an event
			}
			sentence := x.Article.Text(c.Sentence)
			if isStamp(x.Article, c, sentence) {
				continue // a page's publication stamp is about the report, not an event
			}
			norm := c.Date.Norm()
			ws := contentWords(sentence)
			merged := false
			for _, k := range byDate[norm] {
				if shareTwo(words[k], ws) {
					out[k].Claims = append(out[k].Claims, c)
					merged = true
					break
				}
			}
			if !merged {
				words[len(out)] = ws
				byDate[norm] = append(byDate[norm], len(out))
				out = append(out, model.TimelineEntry{Date: *c.Date, Label: model.Shorten(sentence, 200), Status: model.SingleSource,
					Claims: []model.Claim{c}})
			}
		}
	}
	for k := range out {
		out[k].Sources = claimSources(out[k].Claims)
		if len(out[k].Sources) > 1 {
			out[k].Status = model.Agreed
		}
	}
	return out
}

// isStamp reports whether a date is a page stamp rather than an event: the
// value of a label ("Last Modified: 2014-08-04", "on:August 6"), or a
// sentence with hardly a word besides its date ("Picture taken August 5,
// 2014.", "| Sunday, Aug. 3, 2014, 11:22 p.m.").
func isStamp(a *model.Article, c model.Claim, sentence string) bool {
	before := strings.TrimRight(string(a.Raw[max(c.Sentence.Start, c.Span.Start-3):c.Span.Start]), " ")
	if strings.HasSuffix(before, ":") {
		return true
	}
	rest := sentence[:c.Span.Start-c.Sentence.Start] + " " + sentence[c.Span.End-c.Sentence.Start:]
	words := 0
	for _, w := range strings.Fields(rest) {
		w = strings.Trim(w, `.,;:!?"'()“”‘’|•-`)
		if len(w) > 2 && textutil.Month(w) == 0 && textutil.Weekday(w) < 0 && !(w[0] >= '0' && w[0] <= '9') {
			words++
		}
	}
	return words < 4
}

// contentWords are a sentence's words of four or more letters, not function
// words or numbers: what tells one background event from another.
func contentWords(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(textutil.Fold(s)) {
		w = strings.Trim(w, `.,;:!?"'()“”‘’`)
		if len(w) >= 4 && !textutil.FunctionWords[w] && !(w[0] >= '0' && w[0] <= '9') {
			m[w] = true
		}
	}
	return m
}

// shareTwo reports whether two sentences share at least two content words
// besides the date: the same background event.
func shareTwo(a, b map[string]bool) bool {
	n := 0
	for w := range a {
		if b[w] {
			if n++; n >= 2 {
				return true
			}
		}
	}
	return false
}

func claimSources(cs []model.Claim) []string {
	out := articlesOf(cs, func(c model.Claim) string { return c.Article })
	sort.Strings(out)
	return out
}

// articlesOf is the articles of items, once each, in their order.
func articlesOf[T any](items []T, article func(T) string) []string {
	seen := map[string]bool{}
	var out []string
	for _, it := range items {
		if a := article(it); !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	return out
}

// dateLess orders dates by their earliest possible day; unknown years last.
func dateLess(a, b model.DateValue) bool {
	ka := [3]int{a.Year, a.Month, a.DayLo}
	kb := [3]int{b.Year, b.Month, b.DayLo}
	if ka[0] == 0 {
		ka[0] = 1 << 20
	}
	if kb[0] == 0 {
		kb[0] = 1 << 20
	}
	for i := range ka {
		if ka[i] != kb[i] {
			return ka[i] < kb[i]
		}
	}
	return false
}
