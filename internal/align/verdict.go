package align

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"

	"dossier/internal/model"
)

// A verdict compares a fact's statements pairwise. Two incompatible values
// are
//
//   - not comparable when they are measurements by two named agencies
//     (one agency's magnitude 6.1, another's 6.5);
//   - an update when the figure moves over time the way it can: a toll
//     rises from one day's reports to the next, a count of the missing may
//     also fall, and a toll counted as bodies come in rises within a day
//     too — unless the reports' own tolls say which came first and the
//     figure went down between them;
//   - a conflict otherwise: a fixed property given two values (a bridge's
//     length, a town's population, the day of the incident), a toll that
//     fell, two figures of one day that cannot both be true, two bodies
//     giving two figures side by side in one report.
//
// Only claims the extractor is sure of (model.Frame.Sure) can make a fact
// disputed; a conflict that involves another claim makes it at most
// possibly conflicting. An updated figure keeps its status, and the
// conflicts found within it become a fact of their own (Parent/Conflicts),
// so a reader sees both the rise and what does not fit it.

// stmt is one way a fact's value is stated: a value as written, by an
// authority, for a day, in one or more articles.
type stmt struct {
	rep      *model.FactClaim
	articles map[string]bool
	day      int  // days since the epoch, -1 when undated
	earlier  bool // the sentence gives it as superseded
	// corrected: earlier, and its own article gives the current figure
	// ("officials first said four …, then corrected this to two")
	corrected bool
	sure      bool
	claims    []int // indexes into the fact's claims
}

// conflict is a pair of statements that cannot both hold, and why.
type conflict struct {
	a, b *stmt
	why  string
	sure bool
}

// maxConflicts caps the conflicts gathered on a fact stated more than
// manyStatements ways; every conflict is gathered on a smaller one.
const (
	maxConflicts   = 24
	manyStatements = 64
)

// judge sets a fact's status, reason, conflict statement, internal flags
// and, for updated figures, the sequence of reports. It returns the fact
// that holds the conflicts found within an updated figure, or nil.
func judge(f *model.Fact, w *world) *model.Fact {
	inferAuthorities(f)
	ss := statements(f, w)
	pred := predicateOf(f)
	var conflicts, undatedPairs, sameDay []conflict
	nSure := 0
	series, notComparable := false, []conflict{}
	internal := map[string][]*stmt{}
	canMove := mayMove(f, pred)
	order, window := pairOrder(ss)
pairs:
	for i := range order {
		for j := i + 1; j < len(order) && j <= i+window; j++ {
			a, b := order[i], order[j]
			if canMove && moved(a, b) {
				series = true // "more than 12,000" on Aug 3, "22,550" on Aug 5: the figure moved
			}
			comparable, ok := compare(a.rep, b.rep, measured(pred))
			if !comparable {
				if !ok {
					notComparable = append(notComparable, conflict{a: a, b: b})
				}
				continue
			}
			if ok || (a.corrected || b.corrected) && sharedArticle(a, b) == "" {
				continue // a figure its own source corrected is no other source's conflict
			}
			why, change := clash(f, pred, a, b, w)
			if why == "" {
				if change && a.day >= 0 && a.day == b.day && a.earlier == b.earlier && sharedArticle(a, b) == "" && len(sameDay) < maxConflicts {
					// two sources, one day, two tolls: a toll that rose during the
					// day, or a disagreement; which, the reports do not say
					sameDay = append(sameDay, conflict{a: a, b: b, why: withinDay})
				}
				continue
			}
			c := conflict{a: a, b: b, why: why, sure: a.sure && b.sure && why != undated}
			if why == undated {
				if len(undatedPairs) < maxConflicts {
					undatedPairs = append(undatedPairs, c) // kept only if the figure did not move
				}
				continue
			}
			if one := sharedArticle(a, b); one != "" {
				internal[one] = append(internal[one], a, b) // a source that contradicts itself
			}
			conflicts = append(conflicts, c)
			if c.sure {
				nSure++
			}
			if len(ss) > manyStatements && len(conflicts) >= maxConflicts && (series || nSure > 0 || len(conflicts) >= 10*maxConflicts) {
				break pairs // a figure stated thousands of ways: enough is known
			}
		}
	}
	if !series {
		// an undated report of a figure that moved fits somewhere in its
		// course; of one that did not, it may be another day's; two tolls of
		// one day are stages of a rise only when the figure is seen to rise
		conflicts = append(conflicts, undatedPairs...)
		conflicts = append(conflicts, sameDay...)
	}
	setInternal(f, internal)
	f.Groups, f.Vague = cluster(f.Claims)
	var sure, possible []conflict
	for _, c := range conflicts {
		if c.sure {
			sure = append(sure, c)
		} else {
			possible = append(possible, c)
		}
	}
	if series {
		f.Sequence = sequence(f)
	}
	switch {
	case len(f.Sources) == 1:
		f.Status = model.SingleSource
		f.Reason = "only one source states it"
		if len(conflicts) > 0 {
			f.Conflict = conflictStatement(f, conflicts)
			f.Reason += "; it gives " + f.Conflict
		}
	case len(sure) > 0 && series:
		f.Status = model.Updated
		f.Reason = updateReason(f, pred) + "; some reports do not fit the rise: see its conflicting reports"
		return conflictFact(f, sure, model.Disputed)
	case len(sure) > 0:
		f.Status = model.Disputed
		f.Conflict = conflictStatement(f, sure)
		f.Reason = reasons(sure, f)
		if len(notComparable) > 0 {
			f.Reason += "; " + notComparableReason(notComparable)
		}
	case len(possible) > 0 && series:
		f.Status = model.Updated
		f.Reason = updateReason(f, pred) + "; some reports may not fit it"
		return conflictFact(f, possible, model.PossiblyConflicting)
	case len(possible) > 0:
		f.Status = model.PossiblyConflicting
		f.Conflict = conflictStatement(f, possible)
		f.Reason = reasons(possible, f) + "; " + unsureReason(possible)
	case len(notComparable) > 0 && !series:
		f.Status = model.NotComparable
		f.Conflict = conflictStatement(f, notComparable)
		f.Reason = notComparableReason(notComparable)
	case series:
		f.Status = model.Updated
		f.Reason = updateReason(f, pred)
	default:
		f.Status = model.Agreed
		values := map[string]bool{}
		for _, s := range ss {
			values[s.rep.Value] = true
		}
		f.Precision = len(values) > 1
		f.Reason = "every source that states it gives a compatible value"
		if f.Precision {
			f.Reason = "sources state it at different precision, and the values fit together"
		}
	}
	return nil
}

// predicateOf is a quantity fact's predicate ("killed", "magnitude"), ""
// for dates, times and places.
func predicateOf(f *model.Fact) string {
	if f.Kind != "quantity" || len(f.Claims) == 0 {
		return ""
	}
	return f.Claims[0].Predicate
}

// statements groups a fact's claims into distinct statements.
func statements(f *model.Fact, w *world) []*stmt {
	type key struct {
		value, display, auth string
		day                  int
		earlier, sure        bool
	}
	index := map[key]*stmt{}
	var out []*stmt
	for i := range f.Claims {
		c := &f.Claims[i]
		d := -1
		if v, ok := dayOf(c.Day); ok {
			d = v
		}
		k := key{c.Value, c.Display, c.AuthorityKey, d, c.Earlier, c.Sure}
		s := index[k]
		if s == nil {
			s = &stmt{rep: c, articles: map[string]bool{}, day: d, earlier: c.Earlier, sure: c.Sure}
			index[k] = s
			out = append(out, s)
		}
		s.articles[c.Article] = true
		s.claims = append(s.claims, i)
	}
	current := map[string]bool{} // articles that give a figure as current
	for _, s := range out {
		if !s.earlier {
			for a := range s.articles {
				current[a] = true
			}
		}
	}
	for _, s := range out {
		if s.earlier {
			s.corrected = true
			for a := range s.articles {
				s.corrected = s.corrected && current[a]
			}
		}
	}
	return out
}

func sharedArticle(a, b *stmt) string {
	var shared []string
	for art := range a.articles {
		if b.articles[art] {
			shared = append(shared, art)
		}
	}
	sort.Strings(shared)
	if len(shared) > 0 {
		return shared[0]
	}
	return ""
}

// undated is why two figures of a count that changes over time, one of
// them undated, may conflict: only may, as they may be of different days.
const undated = "one report gives no date, so the two may be of different days"

// withinDay is why two tolls of one day are possibly conflicting, never
// disputed: the toll may have risen during the day.
const withinDay = "reported for the same day: the figure may have risen during the day, or the reports disagree"

// clash says why two incompatible statements of a fact conflict ("" when
// they do not), and whether they show the figure changing over time.
func clash(f *model.Fact, pred string, a, b *stmt, w *world) (why string, change bool) {
	if f.Kind != "quantity" || fixedPredicate(pred) || isYearScope(f.Scope) || pred == "" {
		return "different values", false
	}
	if one := sharedArticle(a, b); one != "" && a.earlier != b.earlier {
		return "", true // a source correcting itself: "first said four, then two"
	}
	if one := sharedArticle(a, b); one != "" && a.earlier == b.earlier && a.day == b.day {
		// one report, one moment: two bodies' figures side by side
		if a.rep.AuthorityKey != "" && b.rep.AuthorityKey != "" && a.rep.AuthorityKey != b.rep.AuthorityKey {
			return "given side by side in one report", false
		}
		return "", false // a lead's round figure beside the body's exact one
	}
	if a.day < 0 || b.day < 0 {
		return undated, false // an undated report cannot be ordered: it may be another day's
	}
	x, y := a, b // x before y
	if later(a, b) {
		x, y = b, a
	}
	if x.day == y.day && x.earlier == y.earlier {
		if !risesWithinDay(pred) {
			return "reported for the same day", false
		}
		// which came first, by each report's own toll that day
		tx, ty := w.toll[firstArticle(x)][x.day], w.toll[firstArticle(y)][y.day]
		if tx > 0 && ty > 0 && tx != ty {
			if tx > ty {
				x, y = y, x
			}
			if x.rep.Qty.Lo > y.rep.Qty.Lo {
				return "went down between two reports of the same day, the earlier of which gives the lower death toll", false
			}
		}
		return "", true
	}
	if !stock(pred) && x.rep.Qty.Lo > y.rep.Qty.Lo {
		return "fell between reports, but the count only rises", false
	}
	return "", true
}

// moved reports whether two statements of an updatable figure give
// different figures for different times: the figure as written moved,
// even where "more than 380" and "381" fit together.
func moved(a, b *stmt) bool {
	if a.day < 0 || b.day < 0 {
		return false
	}
	if a.day == b.day && a.earlier == b.earlier {
		return false
	}
	return a.rep.Qty.Number != b.rep.Qty.Number
}

// mayMove reports whether the fact is a figure that may move over time:
// a count, not a fixed one (a magnitude), not a year's.
func mayMove(f *model.Fact, pred string) bool {
	return f.Kind == "quantity" && !fixedPredicate(pred) && !isYearScope(f.Scope) && pred != ""
}

// pairOrder gives the statements in the order judge compares them, and
// how far ahead each is compared. A fact stated up to manyStatements ways
// has every pair compared. Beyond, each statement is compared with the
// manyStatements after it in order of day and value: the pairs where a
// figure moves (neighbouring days) and where reports of one day clash are
// among them, and a figure stated thousands of ways costs linear time,
// not quadratic.
func pairOrder(ss []*stmt) ([]*stmt, int) {
	if len(ss) <= manyStatements {
		return ss, len(ss)
	}
	order := slices.Clone(ss)
	slices.SortStableFunc(order, func(a, b *stmt) int {
		if a.day != b.day {
			return cmp.Compare(a.day, b.day)
		}
		if a.rep.Qty != nil && b.rep.Qty != nil {
			return cmp.Compare(a.rep.Qty.Number, b.rep.Qty.Number)
		}
		return cmp.Compare(a.rep.Value, b.rep.Value)
	})
	return order, manyStatements
}

// later reports whether a holds for a later time than b.
func later(a, b *stmt) bool {
	if a.day != b.day {
		return a.day > b.day
	}
	return b.earlier && !a.earlier
}

func firstArticle(s *stmt) string {
	return sortedKeys(s.articles)[0]
}

// setInternal records the sources that contradict themselves.
func setInternal(f *model.Fact, internal map[string][]*stmt) {
	f.Internal, f.InternalConflict = nil, nil
	for _, art := range sortedKeys(internal) {
		seen := map[string]bool{}
		var ds []string
		for _, s := range internal[art] {
			if !seen[s.rep.Display] {
				seen[s.rep.Display] = true
				ds = append(ds, s.rep.Display)
			}
		}
		sort.Strings(ds)
		f.Internal = append(f.Internal, art)
		if f.InternalConflict == nil {
			f.InternalConflict = map[string]string{}
		}
		f.InternalConflict[art] = capJoin(ds, " vs ", "values")
	}
}

// conflictFact is the fact that holds the conflicts found within an
// updated figure: its claims are those the conflicts involve.
func conflictFact(f *model.Fact, cs []conflict, st model.Status) *model.Fact {
	keep := map[int]bool{}
	for _, c := range cs {
		for _, i := range c.a.claims {
			keep[i] = true
		}
		for _, i := range c.b.claims {
			keep[i] = true
		}
	}
	sub := &model.Fact{ID: f.ID + "-conflicts", Title: f.Title + ": conflicting reports", Kind: f.Kind, Subject: f.Subject,
		Scope: f.Scope, Status: st, Parent: f.ID}
	for i := range f.Claims {
		if keep[i] {
			sub.Claims = append(sub.Claims, f.Claims[i])
		}
	}
	sub.Sources = factSources(sub.Claims)
	sub.Conflict = conflictStatement(sub, cs)
	sub.Reason = reasons(cs, f)
	if st == model.PossiblyConflicting {
		sub.Reason += "; " + unsureReason(cs)
	}
	sub.Groups, sub.Vague = cluster(sub.Claims)
	return sub
}

// reasons says in plain words what conflicts: "6.3 (02) vs 6.5 (01, 10):
// different values"; "141 (Oct 31, the regional police chief) vs 132 (Oct 31, Ali
// Omar): given side by side in one report".
func reasons(cs []conflict, f *model.Fact) string {
	seen := map[string]bool{}
	var parts []string
	if s := valueReason(cs, f); s != "" {
		parts = append(parts, s)
	}
	for _, c := range cs {
		if c.why == "different values" {
			continue // said once, by value, above
		}
		a, b := c.a, c.b
		if a.rep.Qty != nil && b.rep.Qty != nil && a.rep.Qty.Number > b.rep.Qty.Number {
			a, b = b, a
		}
		s := describe(a) + " vs " + describe(b) + ": " + c.why
		if !seen[s] {
			seen[s] = true
			parts = append(parts, s)
		}
	}
	sort.Strings(parts)
	return capJoin(parts, "; ", "conflicts")
}

// valueReason states the values of a fixed property that clash, each with
// its sources: "October 19, 2023 (000, 001, 004) vs October 28, 2025
// (003) vs October 29, 2025 (002, 004): different values".
func valueReason(cs []conflict, f *model.Fact) string {
	var diff []conflict
	for _, c := range cs {
		if c.why == "different values" {
			diff = append(diff, c)
		}
	}
	if len(diff) == 0 {
		return ""
	}
	// each group of compatible values with the sources that give it
	show := groupDisplays(f)
	sources := func(ss []*stmt) map[string]map[string]bool {
		by := map[string]map[string]bool{}
		for _, s := range ss {
			d := show(s.rep)
			if by[d] == nil {
				by[d] = map[string]bool{}
			}
			for a := range s.articles {
				by[d][a] = true
			}
		}
		return by
	}
	list := func(by map[string]map[string]bool) []string {
		var parts []string
		for _, d := range sortedKeys(by) {
			parts = append(parts, d+" ("+strings.Join(sortedKeys(by[d]), ", ")+")")
		}
		return parts
	}
	if odd := oddOneOut(diff); odd != nil {
		var others []*stmt
		for _, c := range diff {
			if c.a == odd {
				others = append(others, c.b)
			} else {
				others = append(others, c.a)
			}
		}
		return list(sources([]*stmt{odd}))[0] + " against " + capJoin(list(sources(others)), " and ", "values") + ": different values"
	}
	var all []*stmt
	for _, c := range diff {
		all = append(all, c.a, c.b)
	}
	parts := list(sources(all))
	if len(parts) < 2 {
		return ""
	}
	return capJoin(parts, " vs ", "values") + ": different values"
}

// describe is a statement in a reason: its value, then its day, authority
// and sources.
func describe(s *stmt) string {
	var bits []string
	if s.day >= 0 && s.rep.Kind == model.KindQuantity {
		bits = append(bits, isoDay(s.day))
	}
	if s.rep.Authority != "" {
		bits = append(bits, s.rep.Authority)
	}
	if s.earlier {
		bits = append(bits, "an earlier figure")
	}
	bits = append(bits, strings.Join(sortedKeys(s.articles), ", "))
	return s.rep.Display + " (" + strings.Join(bits, "; ") + ")"
}

func notComparableReason(cs []conflict) string {
	// each value with the bodies that gave it
	by := map[string]map[string]bool{}
	num := map[string]float64{}
	for _, c := range cs {
		for _, x := range []*model.FactClaim{c.a.rep, c.b.rep} {
			if by[x.Display] == nil {
				by[x.Display] = map[string]bool{}
			}
			if x.Authority != "" {
				by[x.Display][x.Authority] = true
			}
			num[x.Display] = qtyNumber(x)
		}
	}
	ds := sortedKeys(by)
	sort.SliceStable(ds, func(i, j int) bool { return num[ds[i]] < num[ds[j]] })
	var parts []string
	for _, d := range ds {
		if len(by[d]) == 0 {
			parts = append(parts, d)
			continue
		}
		parts = append(parts, d+" ("+capJoin(sortedKeys(by[d]), ", ", "bodies")+")")
	}
	return capJoin(parts, " and ", "values") + " are different agencies' measurements: not comparable"
}

func unsureReason(cs []conflict) string {
	for _, c := range cs {
		for _, s := range []*stmt{c.a, c.b} {
			if !s.sure {
				why := s.rep.Unsure
				if why == "" {
					why = "what it is about was not read with certainty"
				}
				return "possibly conflicting, not disputed: for " + s.rep.Display + ", " + why
			}
		}
	}
	return "possibly conflicting, not disputed"
}

// updateReason describes an updated figure: "rose from 150 (2014-08-03)
// to 615 (2014-08-07)".
func updateReason(f *model.Fact, pred string) string {
	steps := f.Sequence
	var dated []model.Step
	for _, s := range steps {
		if s.Published != "" {
			dated = append(dated, s)
		}
	}
	if len(dated) < 2 {
		return "the figure changed between reports"
	}
	first, last := dated[0], dated[len(dated)-1]
	verb := "changed"
	if fl, ll := valueOf(f, first), valueOf(f, last); fl < ll {
		verb = "rose"
	} else if fl > ll {
		verb = "fell"
	}
	s := fmt.Sprintf("%s from %s (%s) to %s (%s) between reports: updated", verb, first.Value, first.Published, last.Value, last.Published)
	if len(dated) < len(steps) {
		s += fmt.Sprintf("; %d undated report(s) shown apart", len(steps)-len(dated))
	}
	return s
}

func valueOf(f *model.Fact, s model.Step) float64 {
	for _, c := range f.Claims {
		if c.Article == s.Article && c.Display == s.Value && c.Qty != nil {
			return c.Qty.Lo
		}
	}
	return 0
}

// conflictStatement says what the sources disagree about, in the reader's
// words: "October 19 vs October 28 vs October 29; 2023 vs 2025".
func conflictStatement(f *model.Fact, cs []conflict) string {
	in := map[*model.FactClaim]bool{}
	for _, c := range cs {
		in[c.a.rep], in[c.b.rep] = true, true
	}
	var claims []model.FactClaim
	for c := range in {
		claims = append(claims, *c)
	}
	sort.SliceStable(claims, func(i, j int) bool { return claims[i].Value < claims[j].Value })
	if f.Kind == "date" {
		if s := dateConflict(claims); s != "" {
			return s
		}
	}
	// each value as its group of compatible values shows it ("10 kilometers"
	// for "6 miles" too), the odd one out first when every conflict is with it
	show := groupDisplays(f)
	if odd := oddOneOut(cs); odd != nil {
		others := map[string]float64{}
		for _, c := range cs {
			o := c.a.rep
			if o == odd.rep || show(o) == show(odd.rep) {
				o = c.b.rep
			}
			others[show(o)] = qtyNumber(o)
		}
		if len(others) > 1 {
			ds := sortedKeys(others)
			sort.SliceStable(ds, func(i, j int) bool { return others[ds[i]] < others[ds[j]] })
			return show(odd.rep) + " vs " + capJoin(ds, " / ", "values")
		}
	}
	num := map[string]float64{}
	for i := range claims {
		num[show(&claims[i])] = qtyNumber(&claims[i])
	}
	ds := sortedKeys(num)
	if f.Kind == "quantity" {
		sort.SliceStable(ds, func(i, j int) bool { return num[ds[i]] < num[ds[j]] })
	}
	return capJoin(ds, " vs ", "values")
}

// oddOneOut is the statement every conflict of cs involves, when there is
// one and the conflicts are more than one ("6.3 vs 6.1 / 6.5").
func oddOneOut(cs []conflict) *stmt {
	if len(cs) < 2 {
		return nil
	}
	for _, cand := range []*stmt{cs[0].a, cs[0].b} {
		all := true
		for _, c := range cs[1:] {
			all = all && (c.a == cand || c.b == cand)
		}
		if all {
			return cand
		}
	}
	return nil
}

// groupDisplays maps each claim of a fact to how its group of compatible
// values shows the value (show falls back to the claim's own display for a
// claim in no group): read once per reason, not once per statement.
func groupDisplays(f *model.Fact) func(c *model.FactClaim) string {
	by := make(map[*model.Claim]string, len(f.Claims))
	for _, g := range f.Groups {
		for _, i := range g.Claims {
			by[f.Claims[i].Claim] = g.Display
		}
	}
	return func(c *model.FactClaim) string {
		if d, ok := by[c.Claim]; ok {
			return d
		}
		return c.Display
	}
}

func qtyNumber(c *model.FactClaim) float64 {
	if c.Qty != nil {
		return c.Qty.Number
	}
	return 0
}

// dateConflict states conflicting dates by day and by year.
func dateConflict(claims []model.FactClaim) string {
	days := map[[2]int]bool{}
	years := map[int]bool{}
	for _, c := range claims {
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
	return strings.Join(parts, "; ")
}

// inferAuthorities gives an unattributed measurement the authority that
// states the same value elsewhere in the corpus, once two authorities are
// seen to disagree (USGS 6.1, CENC 6.5: an unattributed 6.1 is USGS's
// reading, not a contradiction of CENC's). A value no authority gives
// stays unattributed, and so conflicts with them all.
func inferAuthorities(f *model.Fact) {
	if f.Kind != "quantity" || !measured(predicateOf(f)) {
		return
	}
	byValue := map[string]map[string]string{}
	all := map[string]bool{}
	for _, c := range f.Claims {
		if c.AuthorityKey != "" {
			if byValue[c.Value] == nil {
				byValue[c.Value] = map[string]string{}
			}
			byValue[c.Value][c.AuthorityKey] = c.Authority
			all[c.AuthorityKey] = true
		}
	}
	if len(all) < 2 {
		return
	}
	for i := range f.Claims {
		c := &f.Claims[i]
		if c.AuthorityKey == "" && len(byValue[c.Value]) > 0 {
			keys := sortedKeys(byValue[c.Value])
			c.AuthorityKey = "as " + strings.Join(keys, " / ")
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

// compare says whether two claims of one fact can be compared, and if so
// whether they agree; measuredFact says different named authorities'
// values are not comparable.
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
		ok := a.Qty.Compatible(*b.Qty)
		if measuredFact && a.AuthorityKey != "" && b.AuthorityKey != "" && a.AuthorityKey != b.AuthorityKey {
			return false, ok // different authorities measure differently
		}
		return true, ok
	case a.Entity != "" && b.Entity != "":
		return true, a.Entity == b.Entity
	}
	return false, true
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

// sigKey tells distinct statements apart for clustering: value, how it is
// written, and who it is attributed to.
type sigKey struct{ value, display, authority string }

func keyOf(c *model.FactClaim) sigKey { return sigKey{c.Value, c.Display, c.AuthorityKey} }

// cluster groups a fact's claims around its most precise values: each claim
// joins the one group it is compatible with; one that fits several groups
// is vague; one that fits none starts a group.
func cluster(claims []model.FactClaim) ([]model.ValueGroup, []int) {
	same := map[sigKey][]int{}
	var reps []int
	for i := range claims {
		k := keyOf(&claims[i])
		if _, ok := same[k]; !ok {
			reps = append(reps, i)
		}
		same[k] = append(same[k], i)
	}
	sort.SliceStable(reps, func(a, b int) bool { return precisionRank(claims[reps[a]]) > precisionRank(claims[reps[b]]) })
	var groups []model.ValueGroup
	var vague []int
	for _, i := range reps {
		var fits []int
		for g := range groups {
			rep := &claims[groups[g].Claims[0]]
			// by value alone: two agencies' measurements are two values
			// ("6.1" and "6.5"), however their verdict reads
			if comparable, ok := compare(rep, &claims[i], false); !comparable || ok {
				fits = append(fits, g)
			}
		}
		k := keyOf(&claims[i])
		switch len(fits) {
		case 0:
			groups = append(groups, model.ValueGroup{Display: claims[i].Display, Value: claims[i].Value, Claims: same[k]})
		case 1:
			groups[fits[0]].Claims = append(groups[fits[0]].Claims, same[k]...)
		default:
			vague = append(vague, same[k]...)
		}
	}
	for g := range groups {
		sort.Ints(groups[g].Claims)
	}
	sort.Ints(vague)
	return groups, vague
}

// sequence lists an updated figure's reports in time order, one step per
// article (its highest figure of the day), undated reports last.
func sequence(f *model.Fact) []model.Step {
	type best struct {
		c   model.FactClaim
		day string
	}
	bests := map[string]best{}
	for _, c := range f.Claims {
		if c.Earlier {
			continue
		}
		b, ok := bests[c.Article]
		if !ok || c.Qty.Lo > b.c.Qty.Lo {
			bests[c.Article] = best{c, c.Day}
		}
	}
	var steps []model.Step
	for _, a := range sortedKeys(bests) {
		steps = append(steps, model.Step{Published: bests[a].day, Value: bests[a].c.Display, Article: a})
	}
	sort.SliceStable(steps, func(i, j int) bool {
		pi, pj := steps[i].Published, steps[j].Published
		if (pi == "") != (pj == "") {
			return pj == ""
		}
		if pi != pj {
			return pi < pj
		}
		return bests[steps[i].Article].c.Qty.Lo < bests[steps[j].Article].c.Qty.Lo
	})
	return steps
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
