package align

import (
	"sort"
	"strings"

	"dossier/internal/model"
	"dossier/internal/par"
	"dossier/internal/textutil"
)

type factKey struct{ kind, subject, scope string }

// buildFacts groups claims into facts and gives each its verdict.
func buildFacts(in []Input, led *model.Ledger) []model.Fact {
	published := map[string]string{}
	order := map[string]int{}
	for i, x := range in {
		published[x.Article.ID] = x.Article.Meta.Published
		order[x.Article.ID] = i
	}
	// claims go to one flat list, tagged with their fact, and are then laid
	// out fact by fact in one array: no per-fact slice grows by doubling
	total := 0
	for _, x := range in {
		total += len(led.Claims[x.Article.ID])
	}
	all := make([]model.FactClaim, 0, total)
	var of []int32 // the fact (index into keys) of each claim in all
	keyIndex := map[factKey]int32{}
	var keys []factKey
	add := func(k factKey, fc model.FactClaim) {
		i, ok := keyIndex[k]
		if !ok {
			i = int32(len(keys))
			keyIndex[k] = i
			keys = append(keys, k)
		}
		all = append(all, fc)
		of = append(of, i)
	}
	authKeys := map[string]string{}
	for _, x := range in {
		cs := led.Claims[x.Article.ID]
		for ci := range cs {
			c := &cs[ci]
			fc := model.FactClaim{Claim: c}
			if c.Authority != "" {
				k, ok := authKeys[c.Authority]
				if !ok {
					k = strings.Join(nameKey(c.Authority), " ")
					authKeys[c.Authority] = k
				}
				fc.AuthorityKey = k
			}
			switch {
			case c.Kind == model.KindDate && c.Subject != "" && c.Date.Precision() > 0 && !c.Date.Since:
				fc.Value, fc.Display = c.Date.Norm(), c.Date.Display()
				add(factKey{"date", led.MainEvent, ""}, fc)
			case c.Kind == model.KindTime && c.Subject != "":
				fc.Value, fc.Display = c.Time.Norm(), c.Time.Display()
				add(factKey{"time", led.MainEvent, ""}, fc)
			case c.Kind == model.KindName && c.Subject != "":
				id := led.EntityOf[model.MentionKey(c.Article, c.Span)]
				if id == "" {
					continue
				}
				fc.Value, fc.Display, fc.Entity = id, c.Name.Name, id
				add(factKey{"place", led.MainEvent, ""}, fc)
			case c.Kind == model.KindQuantity:
				fc.Value, fc.Display = c.Qty.Norm(), c.Qty.Display()
				add(factKey{"quantity", c.Subject, c.Scope}, fc)
			}
		}
	}
	// a stable counting sort of all by fact
	start := make([]int, len(keys)+1)
	for _, i := range of {
		start[i+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	laid := make([]model.FactClaim, len(all))
	next := append([]int(nil), start[:len(keys)]...)
	for j := range all {
		laid[next[of[j]]] = all[j]
		next[of[j]]++
	}
	var facts []model.Fact
	slugs := map[string]bool{}
	for ki, k := range keys {
		lo, hi := start[ki], start[ki+1]
		f := model.Fact{Kind: k.kind, Subject: k.subject, Scope: k.scope, Claims: laid[lo:hi:hi]}
		f.ID, f.Title = slugAndTitle(k)
		if slugs[f.ID] {
			f.ID += "-" + k.kind
		}
		slugs[f.ID] = true
		seen := map[string]bool{}
		for _, c := range f.Claims {
			if !seen[c.Article] {
				seen[c.Article] = true
				f.Sources = append(f.Sources, c.Article)
			}
		}
		f.Independent = independent(f.Sources, led.Overlaps)
		facts = append(facts, f)
	}
	// verdicts are independent per fact
	par.For(len(facts), func(i int) { judge(&facts[i], published) })
	rank := map[string]int{"date": 0, "time": 1, "place": 2, "quantity": 3}
	sort.SliceStable(facts, func(i, j int) bool {
		a, b := facts[i], facts[j]
		if rank[a.Kind] != rank[b.Kind] {
			return rank[a.Kind] < rank[b.Kind]
		}
		if len(a.Sources) != len(b.Sources) {
			return len(a.Sources) > len(b.Sources)
		}
		return a.ID < b.ID
	})
	return facts
}

var quantityTitles = map[string][2]string{
	"deaths":     {"death-toll", "Death toll"},
	"injured":    {"injured", "People injured"},
	"missing":    {"missing", "People missing"},
	"evacuated":  {"evacuated", "People evacuated"},
	"displaced":  {"displaced", "People displaced"},
	"rescued":    {"rescued", "People rescued"},
	"arrested":   {"arrested", "People arrested"},
	"affected":   {"affected", "People affected"},
	"magnitude":  {"magnitude", "Magnitude"},
	"depth":      {"depth", "Depth"},
	"population": {"population", "Population"},
	"troops":     {"troops", "Number of troops"},
}

// slugAndTitle names a fact from what it is about, never from build order.
func slugAndTitle(k factKey) (string, string) {
	var slug, title string
	switch k.kind {
	case "date":
		slug, title = k.subject+"-date", "Date of the "+k.subject
	case "time":
		slug, title = k.subject+"-time", "Time of the "+k.subject
	case "place":
		slug, title = k.subject+"-place", "Place of the "+k.subject
	default:
		if role, group, ok := strings.Cut(k.subject, " of "); ok && quantityTitles[role] != ([2]string{}) {
			t := quantityTitles[role]
			slug, title = t[0]+"-"+group, t[1]+" ("+group+")"
		} else if t, ok := quantityTitles[k.subject]; ok {
			slug, title = t[0], t[1]
		} else if place, ok := strings.CutPrefix(k.subject, "distance to "); ok {
			slug, title = "distance-to-"+place, "Distance to "+titleCase(place)
		} else {
			slug, title = k.subject, "Number of "+k.subject
		}
	}
	if k.scope != "" {
		slug += "-" + k.scope
		title += " (" + k.scope + ")"
	}
	return textutil.Slug(slug, 60), title
}

// measured subjects are measurements an authority makes (and another may
// make differently), unlike counts, which every source reports alike.
var measured = map[string]bool{ // and every "distance to …"
	"magnitude": true, "depth": true, "distance": true, "height": true, "length": true,
	"width": true, "radius": true, "area": true, "altitude": true, "elevation": true, "speed": true, "intensity": true}

// fixed subjects are properties later reports cannot update: a ferry's
// capacity, a county's population.
var fixed = map[string]bool{"capacity": true, "population": true}

// cumulative subjects are tolls that only grow as they are counted, so two
// different figures on one day are an update in progress, not a dispute.
var cumulative = map[string]bool{"deaths": true, "injured": true}

// isCumulative: a toll, of everyone or of a group ("deaths of children").
func isCumulative(subject string) bool {
	role, _, _ := strings.Cut(subject, " of ")
	return cumulative[role]
}

// inferAuthorities gives an unattributed claim of a measured fact the
// authority that states the same value elsewhere in the corpus, once two
// authorities are seen to disagree (USGS 6.1, CENC 6.5: an unattributed 6.1
// is USGS's reading, not a contradiction of CENC's).
func inferAuthorities(f *model.Fact) {
	if f.Kind != "quantity" || !isMeasured(f.Subject) {
		return
	}
	byValue := map[string]map[string]bool{}
	all := map[string]bool{}
	for _, c := range f.Claims {
		if c.AuthorityKey != "" {
			if byValue[c.Value] == nil {
				byValue[c.Value] = map[string]bool{}
			}
			byValue[c.Value][c.AuthorityKey] = true
			all[c.AuthorityKey] = true
		}
	}
	if len(all) < 2 {
		return
	}
	for i := range f.Claims {
		c := &f.Claims[i]
		if c.AuthorityKey == "" && len(byValue[c.Value]) > 0 {
			c.AuthorityKey = "as " + strings.Join(sortedKeys(byValue[c.Value]), " / ")
		}
	}
}

func isYearScope(s string) bool {
	if len(s) != 4 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func titleCase(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		ws[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(ws, " ")
}

// compare tells whether two claims of a fact can be compared, and if so
// whether they agree.
// isMeasured says a subject is a measurement (a magnitude, a distance):
// different authorities measure it differently.
func isMeasured(subject string) bool {
	return measured[subject] || strings.HasPrefix(subject, "distance to ")
}

// compare says whether two claims of one fact can be compared, and if so
// whether they agree; measuredFact is isMeasured of the fact's subject.
func compare(a, b *model.FactClaim, measuredFact bool) (comparable, compatible bool) {
	switch {
	case a.Date != nil && b.Date != nil:
		return true, a.Date.Compatible(*b.Date)
	case a.Time != nil && b.Time != nil:
		if !a.Time.Comparable(*b.Time) {
			return false, true
		}
		return true, a.Time.Compatible(*b.Time)
	case a.Qty != nil && b.Qty != nil:
		if measuredFact && a.AuthorityKey != "" && b.AuthorityKey != "" && a.AuthorityKey != b.AuthorityKey {
			return false, true // different authorities measure differently
		}
		return true, a.Qty.Compatible(*b.Qty)
	case a.Entity != "" && b.Entity != "":
		return true, a.Entity == b.Entity
	}
	return false, true
}

// sigKey tells distinct statements apart: value, how it is written, and
// who it is attributed to.
type sigKey struct{ value, display, authority string }

func keyOf(c *model.FactClaim) sigKey { return sigKey{c.Value, c.Display, c.AuthorityKey} }

// signature is one distinct statement of a fact's value and who makes it:
// claims with the same value, qualifier and authority compare alike.
type signature struct {
	rep      model.FactClaim
	articles map[string]bool
	days     map[string]bool // publication days of its sources
	dayBits  []uint64        // days as a bit set over the fact's days (see judge)
	only     string          // the one source that states it, if only one does
}

// judge sets a fact's status, conflict statement, internal flags and, for
// updated figures, the sequence of reports. It compares distinct statements
// of the value, not every pair of claims, so a fact cited by thousands of
// sources costs the square of its distinct values only.
func judge(f *model.Fact, published map[string]string) {
	inferAuthorities(f)
	meas := isMeasured(f.Subject)
	var sigs []*signature
	index := map[sigKey]*signature{}
	for _, c := range f.Claims {
		key := keyOf(&c)
		sg := index[key]
		if sg == nil {
			sg = &signature{rep: c, articles: map[string]bool{}, days: map[string]bool{}}
			index[key] = sg
			sigs = append(sigs, sg)
		}
		if !sg.articles[c.Article] {
			sg.articles[c.Article] = true
			if c.AsOf != "" {
				sg.days[c.AsOf] = true // the day the figure is for, as its sentence says
			} else if p := published[c.Article]; len(p) >= 10 {
				sg.days[p[:10]] = true
			}
		}
	}
	// a source contradicts itself when two of its own statements clash
	internal := map[string]bool{}
	bySource := map[string][]*signature{}
	for _, sg := range sigs {
		for art := range sg.articles {
			bySource[art] = append(bySource[art], sg)
		}
	}
	f.InternalConflict = nil
	for art, own := range bySource {
		seen := map[string]bool{}
		var vs []model.FactClaim
		for i := 0; i < len(own); i++ {
			for j := i + 1; j < len(own); j++ {
				if comparable, ok := compare(&own[i].rep, &own[j].rep, meas); comparable && !ok {
					internal[art] = true
					for _, c := range []model.FactClaim{own[i].rep, own[j].rep} {
						if !seen[c.Display] {
							seen[c.Display] = true
							vs = append(vs, c)
						}
					}
				}
			}
		}
		if len(vs) > 0 {
			sort.SliceStable(vs, func(a, b int) bool { return vs[a].Value < vs[b].Value })
			var ds []string
			for _, c := range vs {
				ds = append(ds, c.Display)
			}
			if f.InternalConflict == nil {
				f.InternalConflict = map[string]string{}
			}
			f.InternalConflict[art] = capJoin(ds, " vs ", "values")
		}
	}
	// only counts of an ongoing event are updated by later reports: not
	// measurements (a distance does not change), fixed properties, or
	// figures of a past year ("81 died in 2012")
	updatable := f.Kind == "quantity" && !measured[f.Subject] && !fixed[f.Subject] &&
		!strings.HasPrefix(f.Subject, "distance to ") && !isYearScope(f.Scope)
	for _, sg := range sigs {
		if len(sg.articles) == 1 {
			for art := range sg.articles {
				sg.only = art
			}
		}
	}
	// each signature's days as a bit set, so that comparing every pair of
	// statements stays cheap on a fact stated thousands of ways
	dayIndex := map[string]int{}
	for _, sg := range sigs {
		for d := range sg.days {
			if _, ok := dayIndex[d]; !ok {
				dayIndex[d] = len(dayIndex)
			}
		}
	}
	words := (len(dayIndex) + 63) / 64
	for _, sg := range sigs {
		sg.dayBits = make([]uint64, words)
		for d := range sg.days {
			i := dayIndex[d]
			sg.dayBits[i/64] |= 1 << (i % 64)
		}
	}
	cumul := isCumulative(f.Subject)
	cross, update := false, true
	acrossDays := false              // some change is explained by time
	var sameDayPairs [][2]*signature // conflicts time does not explain
pairs:
	for i := range sigs {
		for j := i + 1; j < len(sigs); j++ {
			a, b := sigs[i], sigs[j]
			comparable, ok := compare(&a.rep, &b.rep, meas)
			if !comparable || ok {
				continue
			}
			if a.only != "" && a.only == b.only {
				continue // only one source says both: internal, not cross
			}
			cross = true
			// an update: the figures were reported on different days; on the
			// same day (or undated) only a cumulative toll may still be rising
			if !updatable {
				update = false
				break pairs // nothing more to learn from other pairs
			}
			// an undated report cannot be ordered, and so is not held against
			// an update; two reports on one day can
			sameDay := false
			for w, bits := range a.dayBits {
				if bits&b.dayBits[w] != 0 {
					sameDay = true
					break
				}
			}
			if sameDay && !cumul {
				update = false
				sameDayPairs = append(sameDayPairs, [2]*signature{a, b})
			} else if len(a.days) > 0 && len(b.days) > 0 {
				acrossDays = true
				if cumul {
					break pairs // a cumulative toll is never held back by a same-day pair
				}
			}
		}
	}
	f.Internal = sortedKeys(internal)
	switch {
	case len(f.Sources) == 1:
		f.Status = model.SingleSource
	case !cross:
		f.Status = model.Agreed
		values := map[string]bool{}
		for _, sg := range sigs {
			values[sg.rep.Value] = true
		}
		f.Precision = len(values) > 1
	case f.Kind == "quantity" && update:
		f.Status = model.Updated
		f.Sequence = sequence(f, published)
	default:
		f.Status = model.Disputed
		f.Possible = f.Kind == "place" // one place may lie inside the other
	}
	if f.Status == model.Disputed || len(f.Internal) > 0 {
		f.Conflict = conflictStatement(f)
	}
	// a figure that changed over the days and also conflicts within a day:
	// disputed, with the same-day conflict stated and the changes shown
	if f.Status == model.Disputed && acrossDays && len(sameDayPairs) > 0 && f.Kind == "quantity" {
		f.Sequence = sequence(f, published)
		f.Conflict = sameDayConflict(sameDayPairs)
	}
	f.Groups, f.Vague = cluster(f.Claims)
}

// sameDayConflict states the conflicts that time does not explain:
// "9 vs 12 on 2014-08-06".
func sameDayConflict(pairs [][2]*signature) string {
	seen := map[string]bool{}
	var parts []string
	for _, p := range pairs {
		day := ""
		for d := range p[0].days {
			if p[1].days[d] && (day == "" || d < day) {
				day = d
			}
		}
		a, b := p[0].rep, p[1].rep
		if b.Qty.Number < a.Qty.Number {
			a, b = b, a
		}
		s := a.Display + " vs " + b.Display
		if day != "" {
			s += " on " + day
		}
		if !seen[s] {
			seen[s] = true
			parts = append(parts, s)
		}
	}
	sort.Strings(parts)
	return capJoin(parts, "; ", "same-day conflicts")
}

// precisionRank orders claims from the most to the least precise.
func precisionRank(c model.FactClaim) int {
	switch {
	case c.Date != nil:
		r := c.Date.Precision() * 2
		if c.Date.Year != 0 {
			r++
		}
		return r
	case c.Qty != nil:
		if c.Qty.Qualifier == "" {
			return 2
		}
		if c.Qty.Hi >= 0 {
			return 1
		}
		return 0
	case c.Time != nil:
		if c.Time.Approx {
			return 0
		}
		return 1
	}
	return 0
}

// cluster groups a fact's claims around its most precise values: each claim
// joins the one group it is compatible with; one that fits several groups
// is vague; one that fits none starts a group.
func cluster(claims []model.FactClaim) ([]model.ValueGroup, []int) {
	meas := len(claims) > 0 && isMeasured(claims[0].Subject)
	// claims stating a value the same way cluster together: decide once per
	// distinct statement
	same := map[sigKey][]int{}
	var reps []int
	for i := range claims {
		k := keyOf(&claims[i])
		if _, ok := same[k]; !ok {
			reps = append(reps, i)
		}
		same[k] = append(same[k], i)
	}
	key := func(i int) sigKey { return keyOf(&claims[i]) }
	sort.SliceStable(reps, func(a, b int) bool { return precisionRank(claims[reps[a]]) > precisionRank(claims[reps[b]]) })
	var groups []model.ValueGroup
	var vague []int
	for _, i := range reps {
		var fits []int
		for g := range groups {
			rep := &claims[groups[g].Claims[0]]
			if comparable, ok := compare(rep, &claims[i], meas); !comparable || ok {
				fits = append(fits, g)
			}
		}
		switch len(fits) {
		case 0:
			groups = append(groups, model.ValueGroup{Display: claims[i].Display, Value: claims[i].Value, Claims: same[key(i)]})
		case 1:
			groups[fits[0]].Claims = append(groups[fits[0]].Claims, same[key(i)]...)
		default:
			vague = append(vague, same[key(i)]...)
		}
	}
	for g := range groups {
		sort.Ints(groups[g].Claims)
	}
	sort.Ints(vague)
	return groups, vague
}

// sequence lists an updated figure's reports in publication order.
func sequence(f *model.Fact, published map[string]string) []model.Step {
	best := map[string]model.FactClaim{}
	for _, c := range f.Claims {
		if b, ok := best[c.Article]; !ok || c.Qty.Lo > b.Qty.Lo {
			best[c.Article] = c
		}
	}
	var steps []model.Step
	for _, a := range sortedKeys(best) {
		steps = append(steps, model.Step{Published: published[a], Value: best[a].Display, Article: a})
	}
	// in publication order, then by figure; undated reports last
	sort.SliceStable(steps, func(i, j int) bool {
		pi, pj := steps[i].Published, steps[j].Published
		if (pi == "") != (pj == "") {
			return pj == ""
		}
		if len(pi) >= 10 && len(pj) >= 10 && pi[:10] != pj[:10] {
			return pi < pj
		}
		return best[steps[i].Article].Qty.Lo < best[steps[j].Article].Qty.Lo
	})
	return steps
}

// conflictStatement says what the sources disagree about, in the reader's
// words: "October 19 vs October 28 vs October 29; 2023 vs 2025".
func conflictStatement(f *model.Fact) string {
	if f.Kind == "date" {
		days := map[[2]int]bool{}
		years := map[int]bool{}
		for _, c := range f.Claims {
			d := c.Date
			if d.DayLo != 0 && d.DayLo == d.DayHi && d.Month != 0 {
				days[[2]int{d.Month, d.DayLo}] = true
			}
			if d.Year != 0 {
				years[d.Year] = true
			}
		}
		var parts []string
		if len(days) > 1 {
			var ds [][2]int
			for d := range days {
				ds = append(ds, d)
			}
			sort.Slice(ds, func(i, j int) bool {
				if ds[i][0] != ds[j][0] {
					return ds[i][0] < ds[j][0]
				}
				return ds[i][1] < ds[j][1]
			})
			var s []string
			for _, d := range ds {
				s = append(s, model.DateValue{Month: d[0], DayLo: d[1], DayHi: d[1]}.Display())
			}
			parts = append(parts, capJoin(s, " vs ", "dates"))
		}
		if len(years) > 1 {
			var ys []string
			for y := range years {
				ys = append(ys, model.DateValue{Year: y}.Display())
			}
			sort.Strings(ys)
			parts = append(parts, capJoin(ys, " vs ", "years"))
		}
		if len(parts) > 0 {
			return strings.Join(parts, "; ")
		}
	}
	// distinct displays of the values, most specific first within each value
	byValue := map[string]string{}
	for _, c := range f.Claims {
		if _, ok := byValue[c.Value]; !ok {
			byValue[c.Value] = c.Display
		}
	}
	var ds []string
	for _, v := range sortedKeys(byValue) {
		ds = append(ds, byValue[v])
	}
	if f.Kind == "quantity" {
		num := map[string]float64{}
		for _, c := range f.Claims {
			num[c.Display] = c.Qty.Number
		}
		sort.SliceStable(ds, func(i, j int) bool { return num[ds[i]] < num[ds[j]] })
	}
	return capJoin(ds, " vs ", "values")
}

// maxParts is how many values or conflicts a statement lists in full.
const maxParts = 8

// capJoin joins parts with sep; a long list keeps its first values and
// its last, and says how many there are: "1,300 vs 1,301 vs … vs 6,100
// (4,997 values)". A statement stays readable however many sources a
// corpus has.
func capJoin(parts []string, sep, noun string) string {
	if len(parts) <= maxParts {
		return strings.Join(parts, sep)
	}
	return strings.Join(parts[:maxParts-2], sep) + sep + "…" + sep + parts[len(parts)-1] +
		" (" + model.FormatCount(len(parts)) + " " + noun + ")"
}
